"""Keeping supply and the ratings current without a full recompute after every ads batch.

Demand is updated inside each ads batch (`maintain.apply_ads`); the ratings (and the shortage
table built from them) depend on every occupation at once — the chance of work ranks each group
against all others — so they are rebuilt whole, but only when read and only when stale:
- the ads listener bumps `demand_version` in the batch's transaction (one row, no other work);
- a read of ratings or job-seeker figures (`ensure_fresh`) rebuilds the ratings when
  `ratings_version` lags `demand_version`, and refreshes supply first when it is older than
  SUPPLY_MAX_AGE (job-seeker counts change with profiles, which tell nobody);
- a rebuild that took d >= THROTTLE_FROM seconds is not repeated within BACKOFF x d seconds, so
  a stream of batches during heavy reading costs at most ~1/BACKOFF of the time; meanwhile the
  figures say that ads arrived since (`freshness()`). Cheaper rebuilds are done at once.
`jobbnav market recompute` still rebuilds everything at once (and records the same marks).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from jobbnav.market import store
from jobbnav.market.ratings_job import compute_ratings
from jobbnav.market.supply import DEFAULT_MIN_CELL, refresh_supply

__all__ = ["BACKOFF", "SUPPLY_MAX_AGE", "THROTTLE_FROM", "ensure_fresh", "forget", "freshness",
           "mark_demand_changed", "refresh_derived"]

SUPPLY_MAX_AGE = 600.0  # seconds
BACKOFF = 20.0
THROTTLE_FROM = 0.5  # seconds
CHECK_SECONDS = 60.0  # another process's batches are noticed within this (as the query cache)
_checked: dict[str, float] = {}
_lock = threading.Lock()


def forget() -> None:
    """Look at the watermarks again on the next read (called when this process writes)."""
    _checked.clear()


def _write(conn: Connection, values: dict[str, float], add: bool = False) -> None:
    from jobbnav.market.maintain import upsert

    upsert(conn, store.state, [{"key": k, "number": float(v)} for k, v in values.items()],
           ["key"], add=["number"] if add else None)


def mark_demand_changed(conn: Connection) -> None:
    """Called by the ads listener inside the batch transaction."""
    _write(conn, {"demand_version": 1.0}, add=True)
    forget()


def _state(conn: Connection) -> dict[str, float]:
    return {k: float(v) for k, v in conn.execute(select(store.state.c.key, store.state.c.number))}


def refresh_derived(engine: Engine, *, supply: bool = True, min_cell: int | None = None
                    ) -> dict[str, int]:
    """Rebuild supply (optionally) and the ratings now; record up to which demand they are."""
    with engine.connect() as conn:
        marks = _state(conn)
    version = marks.get("demand_version", 0.0)
    cell = int(min_cell if min_cell is not None else marks.get("min_cell", DEFAULT_MIN_CELL))
    out: dict[str, int] = {}
    if supply:
        out["supply_cells"] = refresh_supply(engine, cell)
    started = time.monotonic()  # only the ratings: they are what a read may rebuild again
    out["ratings"] = compute_ratings(engine)
    now = time.time()
    values = {"ratings_version": version, "ratings_refreshed": now,
              "ratings_seconds": time.monotonic() - started, "min_cell": float(cell)}
    if supply:
        values["supply_refreshed"] = now
    with engine.begin() as conn:
        _write(conn, values)
    forget()
    return out


def ensure_fresh(engine: Engine) -> None:
    """Bring supply and ratings up to date if they are stale (see the module doc)."""
    key = str(engine.url)
    if _checked.get(key, 0.0) > time.monotonic():
        return
    with _lock:
        if _checked.get(key, 0.0) > time.monotonic():
            return
        with engine.connect() as conn:
            marks = _state(conn)
        now = time.time()
        supply_stale = now - marks.get("supply_refreshed", 0.0) > SUPPLY_MAX_AGE
        ratings_stale = marks.get("ratings_version", -1.0) < marks.get("demand_version", 0.0)
        took = marks.get("ratings_seconds", 0.0)
        backing_off = (took >= THROTTLE_FROM
                       and now - marks.get("ratings_refreshed", 0.0) < BACKOFF * took)
        if supply_stale or (ratings_stale and not backing_off):
            refresh_derived(engine, supply=supply_stale)
            from jobbnav.market.queries import clear_caches

            clear_caches()
        _checked[key] = time.monotonic() + CHECK_SECONDS


def _when(epoch: float | None) -> str | None:
    return (datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")
            if epoch else None)


def freshness(conn: Connection) -> dict[str, Any]:
    """When supply and ratings were last rebuilt, and whether ads arrived since."""
    marks = _state(conn)
    return {"ratings_as_of": _when(marks.get("ratings_refreshed")),
            "supply_as_of": _when(marks.get("supply_refreshed")),
            "ads_since_ratings": marks.get("ratings_version", -1.0)
            < marks.get("demand_version", 0.0)}
