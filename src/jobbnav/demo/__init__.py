"""The bundled demo dataset: small, hand-picked, loaded by `make run` into an empty database."""
