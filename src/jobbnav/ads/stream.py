"""JobStream: every ad changed in a time interval, and a snapshot of every live ad.

Both answers are JSON lists written piece by piece from the stored JSON (never built in
memory, never re-parsed): rows are read in key order, a few thousand at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from sqlalchemy import Engine, or_, select

from jobbnav.ads.dates import now_iso
from jobbnav.ads.store import ad as ad_table
from jobbnav.errors import InvalidInput

__all__ = ["StreamParams", "snapshot_json", "stream_json"]

_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class StreamParams:
    date: datetime
    updated_before_date: datetime | None = None
    occupation_concept_ids: tuple[str, ...] = ()
    location_concept_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.updated_before_date is not None and self.updated_before_date <= self.date:
            raise InvalidInput("updated-before-date must be later than date",
                               field="updated-before-date")


def _ms(value: datetime) -> int:
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return int(aware.timestamp() * 1000)


def _removed_record(ad_id: str, removed_date: str | None) -> bytes:
    return orjson.dumps({"id": ad_id, "removed": True, "removed_date": removed_date})


def _json_list(pieces: Iterator[bytes]) -> Iterator[bytes]:
    yield b"["
    first = True
    buffer: list[bytes] = []
    for piece in pieces:
        buffer.append(piece if first else b"," + piece)
        first = False
        if len(buffer) >= 200:
            yield b"".join(buffer)
            buffer.clear()
    if buffer:
        yield b"".join(buffer)
    yield b"]"


def stream_json(params: StreamParams, engine: Engine) -> Iterator[bytes]:
    t = ad_table.c
    conditions = [t.changed_at >= _ms(params.date)]
    if params.updated_before_date is not None:
        conditions.append(t.changed_at < _ms(params.updated_before_date))
    if params.occupation_concept_ids:
        ids = list(params.occupation_concept_ids)
        conditions.append(or_(t.occupation_id.in_(ids), t.group_id.in_(ids),
                              t.field_id.in_(ids)))
    if params.location_concept_ids:
        ids = list(params.location_concept_ids)
        conditions.append(or_(t.municipality_id.in_(ids), t.region_id.in_(ids),
                              t.country_id.in_(ids)))

    def pieces() -> Iterator[bytes]:
        last_key = 0
        while True:
            with engine.connect() as conn:
                rows = conn.execute(select(t.key, t.id, t.removed, t.removed_date, t.data)
                                    .where(t.key > last_key, *conditions)
                                    .order_by(t.key).limit(_CHUNK)).all()
            for row in rows:
                yield (_removed_record(row.id, row.removed_date) if row.removed
                       else row.data.encode())
            if len(rows) < _CHUNK:
                return
            last_key = rows[-1].key

    return _json_list(pieces())


def snapshot_json(engine: Engine) -> Iterator[bytes]:
    t = ad_table.c
    now = now_iso()

    def pieces() -> Iterator[bytes]:
        last_key = 0
        while True:
            with engine.connect() as conn:
                rows = conn.execute(
                    select(t.key, t.data)
                    .where(t.key > last_key, t.removed.is_(False),
                           or_(t.expires_at.is_(None), t.expires_at >= now))
                    .order_by(t.key).limit(_CHUNK)).all()
            for row in rows:
                yield row.data.encode()
            if len(rows) < _CHUNK:
                return
            last_key = rows[-1].key

    return _json_list(pieces())
