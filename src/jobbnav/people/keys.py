"""The service's secrets: an Ed25519 signing key and a session secret.

Generated on first use under `settings.secrets_dir` (var/secrets by default, outside the
repository), readable by the owner only, and never logged.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import threading
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from jobbnav.settings import get_settings

__all__ = ["jwks", "key_id", "public_key", "public_key_b64", "public_key_from_text",
           "session_secret", "signing_key"]

_lock = threading.Lock()
_cache: dict[Path, Any] = {}


def _secrets_dir() -> Path:
    return get_settings().secrets_dir


def _create_exclusive(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use its file
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def signing_key() -> Ed25519PrivateKey:
    path = _secrets_dir() / "people-ed25519.pem"
    with _lock:
        cached = _cache.get(path)
        if isinstance(cached, Ed25519PrivateKey):
            return cached
        if not path.exists():
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption())
            _create_exclusive(path, pem)
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise RuntimeError(f"{path} does not hold an Ed25519 private key")
        _cache[path] = key
        return key


def session_secret() -> bytes:
    path = _secrets_dir() / "people-session.secret"
    with _lock:
        cached = _cache.get(path)
        if isinstance(cached, bytes):
            return cached
        if not path.exists():
            _create_exclusive(path, secrets.token_hex(32).encode())
        value = path.read_bytes().strip()
        _cache[path] = value
        return value


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_b64(key: Ed25519PublicKey | None = None) -> str:
    return base64.b64encode(_raw(key or public_key())).decode()


def key_id(key: Ed25519PublicKey | None = None) -> str:
    return hashlib.sha256(_raw(key or public_key())).hexdigest()[:16]


def jwks() -> dict[str, Any]:
    raw = _raw(public_key())
    return {"keys": [{
        "kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig", "kid": key_id(),
        "x": base64.urlsafe_b64encode(raw).rstrip(b"=").decode(),
        "raw_base64": base64.b64encode(raw).decode(),
    }]}


def public_key_from_text(text: str) -> Ed25519PublicKey:
    """A public key given as raw base64 / base64url (32 bytes) or a JWK/JWKS JSON document."""
    import json

    text = text.strip()
    if text.startswith("{"):
        doc = json.loads(text)
        jwk = doc["keys"][0] if "keys" in doc else doc
        text = jwk["x"]
    padded = text + "=" * (-len(text) % 4)
    raw = base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_"))
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)
