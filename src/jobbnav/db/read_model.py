"""A per-database cache of an in-memory read model, reloaded when its source data changes.

The version query runs at most once every `recheck_seconds`, so a hot path pays a dict lookup;
a write in another process is seen within that time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy import Engine

__all__ = ["ReadModelCache"]

T = TypeVar("T")


class ReadModelCache(Generic[T]):
    def __init__(self, load: Callable[[Engine], T], version: Callable[[Engine], int],
                 version_of: Callable[[T], int], *, recheck_seconds: float = 1.0) -> None:
        self._load = load
        self._version = version
        self._version_of = version_of
        self._recheck = recheck_seconds
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[T, float]] = {}

    def get(self, engine: Engine) -> T:
        key = str(engine.url)
        now = time.monotonic()
        cached = self._cache.get(key)
        if cached is not None and now - cached[1] < self._recheck:
            return cached[0]
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and now - cached[1] < self._recheck:
                return cached[0]
            if cached is not None and self._version_of(cached[0]) == self._version(engine):
                self._cache[key] = (cached[0], now)
                return cached[0]
            model = self._load(engine)
            self._cache[key] = (model, now)
            return model

    def invalidate(self, engine: Engine | None = None) -> None:
        """Forget the cached model (after a write in this process)."""
        with self._lock:
            if engine is None:
                self._cache.clear()
            else:
                self._cache.pop(str(engine.url), None)
