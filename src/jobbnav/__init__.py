"""jobbnav — an open hub for job and skills matching on the Swedish labour market."""

__all__ = ["__version__"]
__version__ = "0.1.0"
