"""The HTTP edge: the FastAPI application and its problem+json error handling."""

from jobbnav.api.app import create_app

__all__ = ["create_app"]
