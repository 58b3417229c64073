"""Pipeline step: write the batch to the store (insert, replace a newer version, mark removed),
number each change for the stream and the index, and hand the index its rows."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, bindparam, func, select, update

from jobbnav.ads.dates import iso_utc
from jobbnav.ads.pipeline import Batch, Item, Records
from jobbnav.ads.search.index import IndexRow
from jobbnav.ads.store import ad as ad_table

__all__ = ["content_hash", "render", "rows_where_in", "source_json", "store", "stored_versions"]


def source_json(ad: dict[str, Any]) -> str:
    """The ad's entry in a search hit's `sources`, stored rendered so search only splices it."""
    return orjson.dumps({"id": str(ad.get("id")), "source_type": ad.get("source_type"),
                         "webpage_url": ad.get("webpage_url")}).decode()


def content_hash(ad: dict[str, Any]) -> str:
    return hashlib.md5(orjson.dumps(ad, option=orjson.OPT_SORT_KEYS),
                       usedforsecurity=False).hexdigest()


def render(records: Records) -> None:
    """Prepare step: each ad's JSON as stored and its content hash, once the ad is final."""
    for item in records.live():
        if item.ad is not None and not item.removal:
            item.data = orjson.dumps(item.ad).decode()
            item.content_hash = content_hash(item.ad)


class StoredVersion(NamedTuple):
    """The version of an ad the store holds, as the batch found it."""

    key: int
    id: str
    timestamp: int | None
    content_hash: str
    duplicate_of: str | None
    removed: bool
    data: str


def stored_versions(batch: Batch) -> dict[str, StoredVersion]:
    """The stored versions of the batch's ads, by id: read once per batch, before the batch
    writes anything (de-duplication and storing both need them).

    Plain tuples through the DB-API cursor: SQLAlchemy preparing an IN list of thousands of
    parameters cost more than SQLite's look-ups by the unique index.
    """
    found: dict[str, StoredVersion] | None = batch.cache.get("stored_versions")
    if found is not None:
        return found
    ids = list({str(i.ad["id"]) for i in batch.live() if i.ad is not None})
    found = {}
    quote = batch.conn.dialect.identifier_preparer.quote
    sql = (f"SELECT {quote('key')}, id, {quote('timestamp')}, content_hash, duplicate_of, "
           f"removed, data FROM {quote(ad_table.name)} WHERE id IN ({{marks}})")
    for rows in rows_where_in(batch.conn, sql, ids, 900):
        for row in rows:
            found[row[1]] = StoredVersion._make(row)
    batch.cache["stored_versions"] = found
    return found


def rows_where_in(conn: Connection, sql: str, values: Sequence[Any],
                  chunk: int) -> Iterator[Sequence[Any]]:
    """The rows of `sql`, whose `{marks}` is an IN list, for `values` taken `chunk` at a time.

    Plain tuples straight from the DB-API cursor: on the import's hot path SQLAlchemy's row
    objects and bound parameters cost more than SQLite's own look-ups.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cursor = conn.connection.cursor()
    try:
        for start in range(0, len(values), chunk):
            part = tuple(values[start:start + chunk])
            cursor.execute(sql.format(marks=", ".join([mark] * len(part))), part)
            yield cursor.fetchall()
    finally:
        cursor.close()


def _expires(ad: dict[str, Any]) -> str | None:
    dates = [d for d in (iso_utc(ad.get("application_deadline")),
                         iso_utc(ad.get("last_publication_date"))) if d]
    return min(dates) if dates else None


def _columns(ad: dict[str, Any]) -> dict[str, Any]:
    place = ad.get("workplace_address") or {}
    return {
        "source_type": ad.get("source_type"),
        "timestamp": ad.get("timestamp"),
        "publication_date": iso_utc(ad.get("publication_date")),
        "expires_at": _expires(ad),
        "removed": bool(ad.get("removed")),
        "removed_date": iso_utc(ad.get("removed_date")),
        "occupation_id": (ad.get("occupation") or {}).get("concept_id"),
        "group_id": (ad.get("occupation_group") or {}).get("concept_id"),
        "field_id": (ad.get("occupation_field") or {}).get("concept_id"),
        "municipality_id": place.get("municipality_concept_id"),
        "region_id": place.get("region_concept_id"),
        "country_id": place.get("country_concept_id"),
    }


def _is_newer(item_ad: dict[str, Any], stored_ts: int | None, stored_hash: str,
              new_hash: str) -> bool:
    if new_hash == stored_hash:
        return False
    new_ts = item_ad.get("timestamp")
    if new_ts is not None and stored_ts is not None:
        return int(new_ts) > int(stored_ts)
    return True


def store(batch: Batch) -> None:
    conn, report, t = batch.conn, batch.report, ad_table.c
    latest: dict[str, Item] = {}
    for item in batch.live():
        if item.ad is not None:
            latest[str(item.ad["id"])] = item  # the last record of an id in a batch wins
    if not latest:
        return
    stored = stored_versions(batch)
    seq = int(conn.execute(select(func.coalesce(func.max(t.seq), 0))).scalar_one())
    now_ms = int(time.time() * 1000)
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    newly_removed: list[str] = []
    for ad_id, item in latest.items():
        assert item.ad is not None
        old = stored.get(ad_id)
        if item.removal:
            if old is None or old.removed:
                report.unchanged += 1
                continue
            ad = orjson.loads(old.data)
            ad["removed"], ad["removed_date"] = True, item.ad.get("removed_date")
            item.ad, item.duplicate_of = ad, old.duplicate_of
        if item.removal or item.content_hash is None or item.data is None:
            item.data, item.content_hash = orjson.dumps(item.ad).decode(), content_hash(item.ad)
        digest = item.content_hash
        if old is not None and not item.removal and not _is_newer(item.ad, old.timestamp,
                                                                  old.content_hash, digest):
            report.unchanged += 1
            continue
        seq += 1
        row = {"id": ad_id, "content_hash": digest, "changed_at": now_ms, "seq": seq,
               "dedupe_block": item.dedupe_block, "simhash": item.simhash,
               "duplicate_of": item.duplicate_of, "data": item.data,
               "source": source_json(item.ad), **_columns(item.ad)}
        if item.ad.get("removed") and (old is None or not old.removed):
            report.removed += 1
            if old is not None and old.duplicate_of is None:
                newly_removed.append(ad_id)
        if old is None:
            inserts.append(row)
            report.stored += 1
            report.duplicates += item.duplicate_of is not None
        else:
            if item.removal:  # keep what the dedupe knew of the stored version
                del row["dedupe_block"], row["simhash"]
            updates.append({**row, "b_key": old.key})
            report.updated += 1
        batch.stored_ads.append({**item.ad, "duplicate_of": item.duplicate_of})
    keys = _insert_rows(batch, inserts) if inserts else {}
    for fields in _group_by_shape(updates):
        names = [k for k in fields[0] if k != "b_key"]
        conn.execute(update(ad_table).where(t.key == bindparam("b_key"))
                     .values({n: bindparam(n) for n in names}), fields)
    seq = _promote_duplicates(batch, newly_removed, seq, now_ms)
    for row in inserts:
        item = latest[row["id"]]
        batch.index_rows.append(IndexRow(keys[row["id"]], row["seq"],
                                         row["duplicate_of"] is None, item.ad or {}, item.words,
                                         row["data"]))
    for row in updates:
        item = latest[row["id"]]
        batch.index_rows.append(IndexRow(row["b_key"], row["seq"], row["duplicate_of"] is None,
                                         item.ad or {}, None if item.removal else item.words,
                                         row["data"]))


def _insert_rows(batch: Batch, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert the new ads; returns their keys by id."""
    # Plain tuples through the DB-API executemany: SQLAlchemy preparing one parameter dict
    # per row cost more than SQLite's own work.
    conn = batch.conn
    t = ad_table.c
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # keys given here (after the highest), so they need not be read back
        first = int(conn.execute(select(func.coalesce(func.max(t.key), 0))).scalar_one()) + 1
        for n, row in enumerate(rows):
            row["key"] = first + n
    quote = conn.dialect.identifier_preparer.quote
    columns = list(rows[0])
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        f"INSERT INTO {quote(ad_table.name)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join([mark] * len(columns))})",
        list(map(itemgetter(*columns), rows)))
    if sqlite:
        return {row["id"]: row["key"] for row in rows}
    return {r.id: r.key for r in conn.execute(
        select(t.id, t.key).where(t.id.in_([r["id"] for r in rows])))}


def _group_by_shape(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())


def _promote_duplicates(batch: Batch, removed_ids: list[str], seq: int, now_ms: int) -> int:
    """When a vacancy's canonical ad is removed, its oldest live duplicate takes its place."""
    if not removed_ids:
        return seq
    t = ad_table.c
    # `IS NOT true` rather than `= false`: without statistics SQLite would walk every live ad
    # by (removed, expires_at) instead of looking the few duplicates up by `duplicate_of`.
    rows = batch.conn.execute(
        select(t.key, t.id, t.duplicate_of, t.data)
        .where(t.duplicate_of.in_(removed_ids), t.removed.isnot(True)).order_by(t.key)).all()
    heads: dict[str, str] = {}
    for row in rows:
        head = heads.setdefault(row.duplicate_of, row.id)
        new_of = None if head == row.id else head
        seq += 1
        batch.conn.execute(update(ad_table).where(t.key == row.key)
                           .values(duplicate_of=new_of, seq=seq))
        batch.index_rows.append(IndexRow(row.key, seq, new_of is None, orjson.loads(row.data),
                                         data=row.data))
    return seq
