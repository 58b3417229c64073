"""Settings from `JOBBNAV_*` environment variables, with defaults that work on a fresh machine."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


def _project_root() -> Path:
    # src/jobbnav/settings.py -> project root (for an editable install); falls back to cwd.
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").exists() else Path.cwd()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBBNAV_", extra="ignore")

    var_dir: Path = _project_root() / "var"
    database_url: str = ""
    shared_data_dir: Path = _project_root().parent / "shared" / "data"
    host: str = "127.0.0.1"
    port: int = 8000
    import_batch_size: int = 1000
    # Largest request body any endpoint accepts (endpoints may set smaller limits of their own).
    max_request_bytes: int = 6 * 1024 * 1024

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'jobbnav.sqlite3'}"

    @property
    def index_dir(self) -> Path:
        return self.var_dir / "index"

    @property
    def secrets_dir(self) -> Path:
        return self.var_dir / "secrets"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
