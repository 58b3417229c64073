"""Dates in ads: JobSearch writes naive ISO timestamps; we read them as UTC, consistently."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

__all__ = ["epoch_seconds", "iso_utc", "now_iso", "parse_datetime"]


def parse_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        found = value
    else:
        try:
            found = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


def iso_utc(value: Any) -> str | None:
    """'YYYY-MM-DDTHH:MM:SS' in UTC, a form that sorts and compares as text."""
    if isinstance(value, str):
        return _iso_of_text(value)  # ads share few distinct dates: each is parsed once
    found = parse_datetime(value)
    return found.strftime("%Y-%m-%dT%H:%M:%S") if found else None


@lru_cache(maxsize=65_536)
def _iso_of_text(value: str) -> str | None:
    found = parse_datetime(value)
    return found.strftime("%Y-%m-%dT%H:%M:%S") if found else None


def epoch_seconds(value: Any) -> int | None:
    found = parse_datetime(value)
    return int(found.timestamp()) if found else None


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
