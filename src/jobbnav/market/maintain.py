"""Keeping `market_demand` in step with the ads: incrementally per batch, or rebuilt whole."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, and_, delete, select

from jobbnav.market import store
from jobbnav.market.aggregate import FACT_COLUMNS, base_counts, contributions, rollup
from jobbnav.market.facts import Resolver
from jobbnav.market.model import AdFact

__all__ = ["ProgressHook", "apply_ads", "read_facts", "rebuild_demand", "upsert"]

log = logging.getLogger(__name__)
ProgressHook = Callable[[str, int | None, int], None]
Key = tuple[str, str, str, str, int]


def _previous_facts(conn: Connection, ids: list[str]) -> dict[str, AdFact]:
    """The stored facts of `ids` (plain tuples through the DB-API cursor: SQLAlchemy preparing
    an IN list of thousands of parameters cost more than the look-ups)."""
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(quote(c) for c in ("ad_id", "month", "occupation_id", "group_id",
                                           "field_id", "municipality_id", "region_id",
                                           "vacancies", "removed"))
    previous: dict[str, AdFact] = {}
    cursor = conn.connection.cursor()
    try:
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            cursor.execute(f"SELECT {columns} FROM {quote(store.ad_fact.name)} "
                           f"WHERE ad_id IN ({', '.join([mark] * len(part))})", tuple(part))
            for (ad_id, month, occupation, group, field, municipality, region, vacancies,
                 removed) in cursor.fetchall():
                previous[ad_id] = AdFact(ad_id, month, occupation, group, field, municipality,
                                         region, vacancies, bool(removed))
    finally:
        cursor.close()
    return previous


def upsert(conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str],
           add: list[str] | None = None) -> None:
    """INSERT .. ON CONFLICT UPDATE; columns in `add` are incremented, the rest replaced.

    Sent as plain tuples through the DB-API executemany: SQLAlchemy preparing one parameter
    dict per row cost more than the database's work. `INSERT .. ON CONFLICT (..) DO UPDATE`
    reads the same on SQLite (≥ 3.24) and PostgreSQL.
    """
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    columns = [c.name for c in table.columns if c.name in rows[0]]
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    name = quote(table.name)
    updates = ", ".join(
        f"{quote(c)} = {name}.{quote(c)} + excluded.{quote(c)}" if add and c in add
        else f"{quote(c)} = excluded.{quote(c)}"
        for c in columns if c not in keys)
    sql = (f"INSERT INTO {name} ({', '.join(map(quote, columns))}) "
           f"VALUES ({', '.join([mark] * len(columns))}) "
           f"ON CONFLICT ({', '.join(map(quote, keys))}) "
           + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING"))
    conn.exec_driver_sql(sql, list(map(itemgetter(*columns), rows)) if len(columns) > 1
                         else [(row[columns[0]],) for row in rows])


class _Delta:
    """Changes of ads and vacancies per demand key, summed over a batch (Counter.update counts
    a list of keys in C: a batch adds a dozen keys per ad)."""

    def __init__(self) -> None:
        self.ads: Counter[Key] = Counter()
        self.vacancies: Counter[Key] = Counter()

    def count(self, fact: AdFact, sign: int) -> None:
        keys = list(contributions(fact))
        if sign > 0:
            self.ads.update(keys)
        else:
            self.ads.subtract(keys)
        if sign > 0 and fact.vacancies == 1:
            self.vacancies.update(keys)
            return
        change = sign * fact.vacancies
        for key in keys:
            self.vacancies[key] += change

    def rows(self) -> list[dict[str, Any]]:
        """The non-zero changes as demand rows, in key order: the upserts then walk the primary
        key's B-tree from one end to the other instead of jumping around it."""
        ads, vacancies = self.ads, self.vacancies
        return [{"occ_level": k[0], "occupation_id": k[1], "area_level": k[2], "area_id": k[3],
                 "month": k[4], "ads": ads[k], "vacancies": vacancies[k]}
                for k in sorted(ads.keys() | vacancies.keys()) if ads[k] or vacancies[k]]


def apply_ads(conn: Connection, ads: Iterable[Mapping[str, Any]],
              resolver: Resolver | None = None) -> dict[str, int]:
    """Replace each ad's contribution (idempotent per ad id). Returns counts for logs."""
    ads = [ad for ad in ads if isinstance(ad, (dict, Mapping))  # dict first: no ABC check
           and ad.get("id") not in (None, "")]
    if not ads:
        return {"stored": 0, "skipped": 0}
    resolver = resolver or Resolver(conn.engine)
    previous = _previous_facts(conn, list({str(ad["id"]) for ad in ads}))
    current: dict[str, AdFact] = {}
    dropped: set[str] = set()
    skipped = 0
    for ad in ads:  # a later copy of the same id in one batch wins
        ad_id = str(ad["id"])
        if ad.get("duplicate_of"):  # the same ad from another source is counted once
            current.pop(ad_id, None)
            dropped.add(ad_id)
            continue
        dropped.discard(ad_id)
        fact = resolver.fact(ad, current.get(ad_id) or previous.get(ad_id))
        if fact is None:
            skipped += 1
            continue
        current[ad_id] = fact
    delta = _Delta()
    for ad_id in dropped & set(previous):
        delta.count(previous[ad_id], -1)
    if dropped:
        conn.execute(delete(store.ad_fact).where(store.ad_fact.c.ad_id.in_(list(dropped))))
    for ad_id, fact in current.items():
        old = previous.get(ad_id)
        if old == fact:
            continue
        if old is not None:
            delta.count(old, -1)
        delta.count(fact, 1)
    upsert(conn, store.ad_fact, [f.as_row() for f in current.values()], ["ad_id"])
    changed = delta.rows()
    upsert(conn, store.demand, changed,
           ["occ_level", "occupation_id", "area_level", "area_id", "month"],
           add=["ads", "vacancies"])
    d = store.demand.c
    for change in changed:
        if int(change["ads"]) < 0:
            conn.execute(delete(store.demand).where(and_(
                d.occ_level == change["occ_level"], d.occupation_id == change["occupation_id"],
                d.area_level == change["area_level"], d.area_id == change["area_id"],
                d.month == change["month"], d.ads <= 0)))
    if skipped:
        log.info("market: %d ads without a publication month were not counted", skipped)
    return {"stored": len(current), "skipped": skipped}


def read_facts(engine: Engine) -> pd.DataFrame:
    """The whole fact table as a DataFrame (columns FACT_COLUMNS)."""
    cols = [store.ad_fact.c[name] for name in FACT_COLUMNS]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols)).all()
    frame = pd.DataFrame.from_records(rows, columns=FACT_COLUMNS)
    return frame.astype({"month": "int64", "vacancies": "int64"})


def rebuild_demand(engine: Engine, demand_rows: pd.DataFrame,
                   progress: ProgressHook | None = None) -> int:
    """Swap the whole demand table for `demand_rows` in one transaction."""
    hook = progress or (lambda *_: None)
    total = len(demand_rows)
    hook("writing demand aggregates", total, 0)
    columns = list(demand_rows.columns)
    records = list(demand_rows.itertuples(index=False, name=None))
    mark = "?" if engine.dialect.name == "sqlite" else "%s"
    insert_sql = (f"INSERT INTO market_demand ({', '.join(columns)}) "
                  f"VALUES ({', '.join(mark for _ in columns)})")
    with engine.begin() as conn:
        conn.execute(delete(store.demand))
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        step = 100_000
        for start in range(0, total, step):
            chunk = [(o, oid, a, aid, int(m), int(n), int(v))
                     for o, oid, a, aid, m, n, v in records[start:start + step]]
            cursor.executemany(insert_sql, chunk)
            hook("writing demand aggregates", None, len(chunk))
        cursor.close()
    return total


def recompute_demand(engine: Engine, progress: ProgressHook | None = None) -> int:
    hook = progress or (lambda *_: None)
    hook("reading ad facts", 1, 0)
    facts = read_facts(engine)
    hook("reading ad facts", None, 1)
    return rebuild_demand(engine, rollup(base_counts(facts)), progress)
