"""People settings (`JOBBNAV_PEOPLE_*`): session length, upload limit, per-key rate limit."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PeopleSettings", "people_settings"]


class PeopleSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBBNAV_PEOPLE_", extra="ignore")

    session_hours: float = 8.0
    max_upload_bytes: int = 2 * 1024 * 1024
    api_key_requests_per_minute: int = 600
    # "auto": Secure cookies when the request came over https (directly or via a proxy header).
    secure_cookies: str = "auto"


@lru_cache(maxsize=1)
def people_settings() -> PeopleSettings:
    return PeopleSettings()
