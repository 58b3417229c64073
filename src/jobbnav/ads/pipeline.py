"""The ingestion pipeline, declared in one place.

PREPARE_STEPS, then STEPS, run in order over each batch of records; LISTENERS are told about
every batch that was stored. All are "module:function" strings, so a new step (or a listener
in another domain) is one line here. A step is called as `fn(batch)`; it may reject single
records (`batch.reject(item, field, reason)`) and must raise only for failures of the whole
batch, which then rolls back. PREPARE_STEPS see `Records` (no database connection: they only
read the taxonomy), so big imports run them in a process of their own, ahead of the batch in
the database (prepare_process.py); STEPS see a `Batch` inside its transaction. Listeners are
called as `fn(conn, ads)` inside the batch transaction with the stored ads in the JobSearch
shape (plus `duplicate_of`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine

from jobbnav.ads.model import ImportReport, Rejection
from jobbnav.ads.search.index import IndexRow

__all__ = ["LISTENERS", "PREPARE_STEPS", "STEPS", "Batch", "Item", "Records", "batches",
           "load", "prepare", "run_batch"]

log = logging.getLogger(__name__)

PREPARE_STEPS: tuple[str, ...] = (
    "jobbnav.ads.ingest:validate",
    "jobbnav.ads.enrichment:enrich",
    "jobbnav.ads.concepts:normalise",
    "jobbnav.ads.dedupe:fingerprint",
    "jobbnav.ads.persist:render",
)
STEPS: tuple[str, ...] = (
    "jobbnav.ads.dedupe:deduplicate",
    "jobbnav.ads.persist:store",
)

# SQLite checkpoints the WAL into the database when a commit leaves it longer than this many
# pages (default 1,000 = 4 MiB). A batch of 2,000 ads writes more than that, so every batch
# paid a checkpoint (two fsyncs, and index pages copied again that the next batch rewrites);
# at 64 MiB a checkpoint comes every dozen batches: commits 3.5 -> 2.4 s per 100,000 ads.
# The setting stays on the pooled connection: it only bounds how long the WAL grows.
WAL_CHECKPOINT_PAGES = 16_384
# SQLite's page cache (default 2 MiB) per import connection. Each batch inserts into B-trees
# keyed at random (ad ids, de-duplication blocks, market demand keys, ad facts); once those
# outgrew 2 MiB (≈ 20,000 ads stored), inserts re-read their pages from the OS, one reason the
# import slowed as the store grew. A ceiling: memory is only taken as pages are read.
CACHE_KIB = 262_144

LISTENERS: tuple[str, ...] = (
    "jobbnav.market.service:on_ads_stored",
)


@dataclass(slots=True)
class Item:
    """One record on its way through the pipeline."""

    source: str
    record: int
    raw: Any = None
    ad: dict[str, Any] | None = None
    rejected: bool = False
    # A JobStream removal record ({id, removed: true, removed_date}) instead of a whole ad.
    removal: bool = False
    dedupe_block: str | None = None
    simhash: int | None = None
    duplicate_of: str | None = None
    # `tokens` of headline + text, split once by the de-duplication, reused by the index.
    words: list[str] | None = None
    # The ad as stored (JSON) and its content hash, rendered once the ad is final.
    data: str | None = None
    content_hash: str | None = None


@dataclass
class Records:
    """A batch of records before the database: what the prepare steps see."""

    items: list[Item]
    report: ImportReport
    engine: Engine
    options: dict[str, Any]

    def live(self) -> list[Item]:
        return [i for i in self.items if not i.rejected]

    def reject(self, item: Item, field_name: str | None, reason: str) -> None:
        item.rejected = True
        ad_id = None
        if isinstance(item.raw, dict) and item.raw.get("id") is not None:
            ad_id = str(item.raw.get("id"))
        self.report.rejected.append(Rejection(item.source, item.record, ad_id, field_name,
                                              reason))


@dataclass
class Batch(Records):
    """A batch inside its database transaction: what the steps and listeners see."""

    conn: Connection
    index_rows: list[IndexRow] = field(default_factory=list)
    stored_ads: list[dict[str, Any]] = field(default_factory=list)
    # What a step read once for later steps of the same batch (e.g. the stored versions).
    cache: dict[str, Any] = field(default_factory=dict)


@cache
def load(spec: str) -> Callable[..., Any]:
    module_name, attr = spec.split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module_name), attr)
    return found


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """`items` in lists of `size` (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prepare(engine: Engine, items: list[Item], report: ImportReport,
            options: dict[str, Any] | None = None) -> list[Item]:
    """Run the prepare steps over one batch; returns the items still live."""
    records = Records(items, report, engine, options or {})
    for spec in PREPARE_STEPS:
        load(spec)(records)
    return records.live()


def run_batch(engine: Engine, items: list[Item], report: ImportReport, *,
              options: dict[str, Any] | None = None, prepared: bool = False) -> list[IndexRow]:
    """Prepare one batch (unless `prepared`), then run the steps over it in one transaction;
    returns the rows to index."""
    if not prepared:
        items = prepare(engine, items, report, options)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        batch = Batch(items, report, engine, options or {}, conn)
        for spec in STEPS:
            load(spec)(batch)
        if batch.stored_ads:
            for spec in LISTENERS:
                load(spec)(conn, batch.stored_ads)
    report.batches += 1
    return batch.index_rows
