"""JobSearch `/search` and `/complete` over the tantivy index; hits are read from SQLite."""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from typing import Any

import orjson
import tantivy
from sqlalchemy import Engine, select

from jobbnav.ads.model import SearchResult
from jobbnav.ads.search.analysis import tokens
from jobbnav.ads.search.build import QueryBuilder, filters
from jobbnav.ads.search.index import FACET_FIELDS, AdIndex
from jobbnav.ads.search.indexes import get_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.search.recognise import recogniser
from jobbnav.ads.store import ad as ad_table
from jobbnav.errors import InvalidInput
from jobbnav.taxonomy import service as taxonomy

__all__ = ["run_complete", "run_search"]

Occur = tantivy.Occur
Q = tantivy.Query
_LABEL_FIELDS = {"occupation": ("occupation",), "group": ("occupation_group",),
                 "field": ("occupation_field",), "municipality": ("workplace_address",
                                                                  "municipality"),
                 "region": ("workplace_address", "region"),
                 "country": ("workplace_address", "country")}
_labels: dict[str, str] = {}
_labels_lock = threading.Lock()


def _searcher(engine: Engine, historical: bool, now: int
              ) -> tuple[AdIndex, tantivy.Searcher, bool]:
    """The index to search (live or archive), its searcher, and whether the live index still
    holds ads that expired since its last sweep (then a deadline filter hides them)."""
    indexes = get_indexes(engine)
    if historical:
        return indexes.archive, indexes.archive.searcher(), False
    searcher, stale = indexes.live_searcher(now)
    return indexes.live, searcher, stale


def _fingerprint(p: SearchParams) -> str:
    data = p.model_dump(mode="json", exclude={"offset", "limit", "cursor"})
    return hashlib.sha1(orjson.dumps(data, option=orjson.OPT_SORT_KEYS),
                        usedforsecurity=False).hexdigest()[:16]


def _cursor_offset(p: SearchParams) -> int:
    if p.cursor is None:
        return p.offset
    try:
        token = orjson.loads(base64.urlsafe_b64decode(p.cursor.encode() + b"=="))
        offset, fingerprint = int(token["o"]), str(token["f"])
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("cursor is not a token this API gave out", field="cursor") from None
    if fingerprint != _fingerprint(p):
        raise InvalidInput("cursor belongs to a search with other parameters", field="cursor")
    return offset


def _cursor(p: SearchParams, offset: int) -> str:
    raw = orjson.dumps({"o": offset, "f": _fingerprint(p)})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _label(engine: Engine, field: str, concept_id: str) -> str:
    concept = taxonomy.index(engine).concepts.get(concept_id)
    if concept is not None:
        return concept.preferred_label
    with _labels_lock:
        if concept_id in _labels:
            return _labels[concept_id]
    column = {"occupation": ad_table.c.occupation_id, "group": ad_table.c.group_id,
              "field": ad_table.c.field_id, "municipality": ad_table.c.municipality_id,
              "region": ad_table.c.region_id, "country": ad_table.c.country_id}[field]
    with engine.connect() as conn:
        data = conn.execute(select(ad_table.c.data).where(column == concept_id).limit(1)).scalar()
    label = concept_id
    if data:
        node: Any = orjson.loads(data)
        path = _LABEL_FIELDS[field]
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node = node.get("label")
        label = str(node or concept_id)
    with _labels_lock:
        _labels[concept_id] = label
    return label


def _source(ad_id: str, source_type: str | None, data: str | bytes | None,
            stored: str | bytes | None) -> bytes:
    if stored is not None:
        return stored.encode() if isinstance(stored, str) else stored
    return orjson.dumps({"id": ad_id, "source_type": source_type,
                         "webpage_url": orjson.loads(data or b"{}").get("webpage_url")})


def _hit(data: str | bytes, relevance: float, sources: bytes) -> bytes:
    """The stored ad JSON with `relevance` and `sources` spliced in before its closing brace."""
    raw = data.encode() if isinstance(data, str) else data
    if raw[:1] != b"{" or raw[-1:] != b"}" or b'"relevance"' in raw or b'"sources"' in raw:
        hit: dict[str, Any] = orjson.loads(raw)  # odd shape or keys to replace: the slow way
        hit["relevance"], hit["sources"] = relevance, orjson.loads(sources)
        return orjson.dumps(hit)
    tail = b',"relevance":' + orjson.dumps(relevance) + b',"sources":' + sources + b"}"
    return raw[:-1] + tail if raw != b"{}" else b"{" + tail[1:]


def _hits(engine: Engine, keys: list[int], scores: list[float]) -> list[bytes]:
    """The hits as JSON (the stored ads, spliced): no per-hit parsing on the hot path."""
    if not keys:
        return []
    # Plain SQL on a pooled DB-API connection: the statement changes with len(keys), and
    # SQLAlchemy's compile and result layers cost more than reading the rows.
    mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
    # SQLite hands the JSON over as the UTF-8 bytes it stores (no decoding to str and back).
    data, source = (("CAST(data AS BLOB)", "CAST(source AS BLOB)")
                    if engine.dialect.name == "sqlite" else ("data", "source"))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(f"SELECT key, id, source_type, {data}, {source} FROM ad "
                       f"WHERE key IN ({', '.join([mark] * len(keys))})", tuple(keys))
        rows = {r[0]: r for r in cursor.fetchall()}
        ids = tuple(rows[k][1] for k in keys if k in rows)
        dupes: list[Any] = []
        if ids:
            # a duplicate's ad JSON is only needed for an old row without a stored source
            cursor.execute(f"SELECT duplicate_of, id, source_type, "
                           f"CASE WHEN source IS NULL THEN data END, {source} FROM ad "
                           f"WHERE duplicate_of IN ({', '.join([mark] * len(ids))}) "
                           f"ORDER BY key", ids)
            dupes = list(cursor.fetchall())
        cursor.close()
    finally:
        raw.close()
    sources: dict[str, list[bytes]] = {}
    for of, ad_id, source_type, data, stored in dupes:
        sources.setdefault(of, []).append(_source(ad_id, source_type, data, stored))
    top = max(scores, default=0.0) or 1.0
    hits = []
    for key, score in zip(keys, scores, strict=True):
        row = rows.get(key)
        if row is None:  # changed between the index and the read: skip, never fail
            continue
        _, ad_id, source_type, data, stored = row
        listed = b",".join([_source(ad_id, source_type, data, stored),
                            *sources.get(ad_id, [])])
        hits.append(_hit(data, round(score / top, 4), b"[" + listed + b"]"))
    return hits


def run_search(p: SearchParams, engine: Engine) -> SearchResult:
    started = time.perf_counter()
    now = int(time.time())
    index, searcher, expired_inside = _searcher(engine, p.historical, now)
    builder = QueryBuilder(index, searcher, recogniser(engine))
    parts = filters(builder, p, now, expired_inside)
    has_text = bool(p.q and p.q.strip())
    if has_text:
        assert p.q is not None
        must, must_not = builder.free_text(p.q)
        parts = [(Occur.Must, q) for q in must] + [(Occur.MustNot, q) for q in must_not] + parts
    if not any(occur == Occur.Must for occur, _ in parts):
        parts.append((Occur.Must, Q.all_query()))
    query = Q.boolean_query(parts)
    offset = _cursor_offset(p)
    sort = p.sort if (p.sort != "relevance" or has_text) else "pubdate-desc"
    order_field = {"pubdate-desc": "pub", "pubdate-asc": "pub", "applydate-desc": "deadline",
                   "applydate-asc": "deadline"}.get(sort)
    order = tantivy.Order.Asc if sort.endswith("-asc") else tantivy.Order.Desc
    # One pass counts the matches and sums their vacancies (every document has `vacancies`,
    # see index.document_fields, so the stats count is the total); the ranked pass then needs
    # no count of its own and is skipped when nothing matched or no hits are asked for.
    aggs: dict[str, Any] = {"positions": {"stats": {"field": "vacancies"}}}
    for name in p.stats:
        aggs[name] = {"terms": {"field": FACET_FIELDS[name], "size": p.stats_limit}}
    agg = searcher.aggregate(query, aggs)
    matched = agg.get("positions") or {}
    total = int(matched.get("count") or 0)
    hits_found = searcher.search(query, p.limit, count=False, offset=offset,
                                 order_by_field=order_field, order=order).hits \
        if total and p.limit else []
    keys = [int(k or 0) for k in searcher.fast_field_values("key", [a for _, a in hits_found])]
    scores = [float(s) if order_field is None else 1.0 for s, _ in hits_found]
    query_ms = int((time.perf_counter() - started) * 1000)
    hits = _hits(engine, keys, scores)
    stats = [{"type": name, "values": [
        {"term": _label(engine, FACET_FIELDS[name], b["key"]), "concept_id": b["key"],
         "code": _code(engine, b["key"]), "count": int(b["doc_count"])}
        for b in agg.get(name, {}).get("buckets", [])]} for name in p.stats]
    positions = int(matched.get("sum") or 0)
    following = offset + p.limit
    return SearchResult(
        total=total, positions=positions, hit_json=hits, stats=stats,
        freetext_concepts=builder.concepts, query_time_in_millis=query_ms,
        result_time_in_millis=int((time.perf_counter() - started) * 1000),
        next=_cursor(p, following) if p.limit and following < total else None)


def _code(engine: Engine, concept_id: str) -> str | None:
    concept = taxonomy.index(engine).concepts.get(concept_id)
    if concept is None:
        return None
    return next(iter(concept.codes.values()), None)


def run_complete(q: str, *, limit: int, historical: bool, engine: Engine
                 ) -> list[dict[str, Any]]:
    words = tokens(q)
    if not words:
        return []
    trailing_space = q[-1:].isspace()
    prefix = "" if trailing_space else words[-1]
    before = words if trailing_space else words[:-1]
    if not prefix:
        return []
    now = int(time.time())
    index, searcher, expired_inside = _searcher(engine, historical, now)
    builder = QueryBuilder(index, searcher, recogniser(engine))
    parts = filters(builder, SearchParams.model_validate({"historical": historical}), now,
                     expired_inside)
    parts += [(Occur.Must, builder.word(w)) for w in before]
    if not any(occur == Occur.Must for occur, _ in parts):
        parts.append((Occur.Must, Q.all_query()))
    found = searcher.terms_with_prefix("suggest", prefix, filter_query=Q.boolean_query(parts),
                                       limit=limit)
    rec = recogniser(engine)
    out = []
    for term, count in found:
        if count <= 0:
            continue
        kinds = rec.phrases.get((term,), {})
        out.append({"value": " ".join([*before, term]), "found_phrase": term,
                    "type": next(iter(sorted(kinds)), ""), "occurrences": int(count)})
    return out
