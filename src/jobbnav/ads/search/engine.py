"""JobSearch `/search` and `/complete` over the tantivy index; hits are read from SQLite."""

from __future__ import annotations

import base64
import hashlib
import math
import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import orjson
import tantivy
from sqlalchemy import Engine, select

from jobbnav.ads.model import SearchResult
from jobbnav.ads.search.analysis import decompound, stem, tokens
from jobbnav.ads.search.index import CELL_LAT, CELL_LON, FACET_FIELDS, AdIndex, cell_of
from jobbnav.ads.search.indexes import get_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.search.query import Clause, parse_q
from jobbnav.ads.search.recognise import Found, Recogniser, recogniser
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
COMPOUND_HEAD_BOOST = 0.3
# Above this many values a term set query is used after all (see any_of).
_TERM_SET_FROM = 512
_labels: dict[str, str] = {}
_labels_lock = threading.Lock()


def any_of(schema: tantivy.Schema, name: str, values: list[str]) -> tantivy.Query:
    """Documents with any of `values` in the raw field `name`, each scored 1.0: what
    `term_set_query` answers, but that walks the field's whole term dictionary (≈ 150-200 µs
    on 100,000 ads however few the values, most of a filtered search), while a term look-up
    costs a few µs. Same hits, same scores, so the same ranking."""
    if len(values) >= _TERM_SET_FROM:
        return Q.term_set_query(schema, name, values)
    if len(values) == 1:
        return Q.const_score_query(Q.term_query(schema, name, values[0]), 1.0)
    return Q.const_score_query(Q.boolean_query(
        [(Occur.Should, Q.term_query(schema, name, v)) for v in values]), 1.0)


class _Builder:
    """Turns parameters into one tantivy query, recording the concepts recognised in q."""

    def __init__(self, index: AdIndex, searcher: tantivy.Searcher, rec: Recogniser) -> None:
        self.schema = index.schema
        self.searcher = searcher
        self.rec = rec
        self.concepts: dict[str, list[str]] = {k: [] for k in (
            "skill", "occupation", "location", "skill_must", "occupation_must",
            "location_must", "skill_must_not", "occupation_must_not", "location_must_not")}

    def term(self, name: str, value: Any) -> tantivy.Query:
        return Q.term_query(self.schema, name, value)

    def known(self, word: str) -> bool:
        return self.searcher.doc_freq("body", stem(word)) > 0

    def word(self, word: str) -> tantivy.Query:
        stemmed = stem(word)
        alternatives = [(Occur.Should, Q.boost_query(self.term("headline", stemmed), 2.0)),
                        (Occur.Should, self.term("body", stemmed)),
                        # the word as the head of a longer compound ("lärare" in
                        # "förskollärare"): found, but ranked below the word itself
                        (Occur.Should, Q.boost_query(self.term("parts", stemmed),
                                                     COMPOUND_HEAD_BOOST))]
        parts = decompound(word, self.known) if len(word) >= 7 else []
        if parts:
            compound = Q.boolean_query([(Occur.Must, self._plain(p)) for p in parts])
            alternatives.append((Occur.Should, Q.boost_query(compound, 0.5)))
        return Q.boolean_query(alternatives)

    def _plain(self, word: str) -> tantivy.Query:
        stemmed = stem(word)
        return Q.boolean_query([(Occur.Should, self.term("headline", stemmed)),
                                (Occur.Should, self.term("body", stemmed))])

    def phrase(self, words: Iterable[str]) -> tantivy.Query:
        stems: list[str | tuple[int, str]] = [stem(w) for w in words]
        return Q.boolean_query([
            (Occur.Should, Q.boost_query(Q.phrase_query(self.schema, "headline", stems), 2.0)),
            (Occur.Should, Q.phrase_query(self.schema, "body", stems))])

    def concept(self, found: Found) -> tantivy.Query:
        if found.kind == "occupation":
            parts = [(Occur.Should, any_of(self.schema, "occupation",
                                            list(found.concept_ids)))]
            if found.group_ids:
                parts.append((Occur.Should, Q.boost_query(
                    any_of(self.schema, "group", list(found.group_ids)), 0.5)))
            return Q.boolean_query(parts)
        if found.kind == "skill":
            return any_of(self.schema, "skill", list(found.concept_ids))
        return Q.boolean_query([(Occur.Should, any_of(self.schema, name,
                                                      list(found.concept_ids)))
                                for name in ("municipality", "region", "country")])

    def clause(self, clause: Clause) -> tantivy.Query:
        if clause.phrase:
            return self.phrase(clause.words)
        words = list(clause.words)
        found_all = self.rec.find(words)
        spans = {f.start: f for f in found_all}
        suffix = "_must_not" if clause.exclude else ("_must" if clause.explicit else "")
        for f in found_all:
            name = " ".join(words[f.start:f.end])
            if name not in self.concepts[f.kind + suffix]:
                self.concepts[f.kind + suffix].append(name)
        musts: list[tuple[tantivy.Occur, tantivy.Query]] = []
        i = 0
        while i < len(words):
            span = spans.get(i)
            if span is None:
                musts.append((Occur.Must, self.word(words[i])))
                i += 1
                continue
            same = [f for f in found_all if f.start == span.start]
            text = (self.word(words[i]) if span.end - span.start == 1
                    else self.phrase(words[span.start:span.end]))
            options = [(Occur.Should, text)] + [(Occur.Should, self.concept(f)) for f in same]
            musts.append((Occur.Must, Q.boolean_query(options)))
            i = span.end
        return musts[0][1] if len(musts) == 1 else Q.boolean_query(musts)

    def free_text(self, q: str) -> tuple[list[tantivy.Query], list[tantivy.Query]]:
        must: list[tantivy.Query] = []
        must_not: list[tantivy.Query] = []
        run: list[str] = []  # consecutive plain words: concept names may span them
        for clause in [*parse_q(q), None]:
            if clause is not None and not (clause.phrase or clause.exclude or clause.explicit):
                run.extend(clause.words)
                continue
            if run:
                must.append(self.clause(Clause(tuple(run))))
                run = []
            if clause is not None:
                (must_not if clause.exclude else must).append(self.clause(clause))
        return must, must_not


def _concept_filter(builder: _Builder, name: str, values: list[str]
                    ) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    wanted = [v for v in values if not v.startswith("-")]
    unwanted = [v[1:] for v in values if v.startswith("-") and len(v) > 1]
    out: list[tuple[tantivy.Occur, tantivy.Query]] = []
    if wanted:
        out.append((Occur.Must, any_of(builder.schema, name, wanted)))
    if unwanted:
        out.append((Occur.MustNot, any_of(builder.schema, name, unwanted)))
    return out


def _cells(lat: float, lon: float, radius_km: float) -> list[str]:
    """Grid cells whose centre lies within the circle (±1.6 km at the rim)."""
    dlat = radius_km / 111.0
    dlon = radius_km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    cells = []
    lat_lo, lat_hi = math.floor((lat - dlat) / CELL_LAT), math.floor((lat + dlat) / CELL_LAT)
    lon_lo, lon_hi = math.floor((lon - dlon) / CELL_LON), math.floor((lon + dlon) / CELL_LON)
    for i in range(lat_lo, lat_hi + 1):
        clat = (i + 0.5) * CELL_LAT
        for j in range(lon_lo, lon_hi + 1):
            clon = (j + 0.5) * CELL_LON
            if _km(lat, lon, clat, clon) <= radius_km:
                cells.append(f"{i}:{j}")
    if not cells:
        cells.append(cell_of(lat, lon))
    return cells


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _epoch(value: datetime) -> int:
    return int((value.replace(tzinfo=UTC) if value.tzinfo is None else value).timestamp())


def _searcher(engine: Engine, historical: bool, now: int
              ) -> tuple[AdIndex, tantivy.Searcher, bool]:
    """The index to search (live or archive), its searcher, and whether the live index still
    holds ads that expired since its last sweep (then a deadline filter hides them)."""
    indexes = get_indexes(engine)
    if historical:
        return indexes.archive, indexes.archive.searcher(), False
    searcher, stale = indexes.live_searcher(now)
    return indexes.live, searcher, stale


def _filters(builder: _Builder, p: SearchParams, now: int, expired_inside: bool
             ) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    schema = builder.schema
    out: list[tuple[tantivy.Occur, tantivy.Query]] = []
    # The live index holds no removed ads; expired ones only until the next sweep.
    if not p.historical and expired_inside:
        out.append((Occur.Must, Q.range_query(schema, "deadline", tantivy.FieldType.Integer,
                                              now, None)))
    for name, values in (("occupation", p.occupation_name), ("group", p.occupation_group),
                         ("field", p.occupation_field), ("skill", p.skill),
                         ("language", p.language), ("municipality", p.municipality),
                         ("region", p.region), ("country", p.country)):
        out += _concept_filter(builder, name, values)
    if p.employer:
        options = []
        for value in p.employer:
            if value.replace("-", "").isdigit():
                options.append((Occur.Should, builder.term("orgnr", value.replace("-", ""))))
            elif words := tokens(value):
                phrase: list[str | tuple[int, str]] = list(words)
                options.append((Occur.Should, Q.phrase_query(schema, "employer_name", phrase)
                                if len(words) > 1 else builder.term("employer_name", words[0])))
        out.append((Occur.Must, Q.boolean_query(options) if options else Q.empty_query()))
    if p.published_after or p.published_before:
        lo = _epoch(p.published_after) if p.published_after else None
        hi = _epoch(p.published_before) if p.published_before else None
        out.append((Occur.Must, Q.range_query(schema, "pub", tantivy.FieldType.Integer, lo, hi)))
    for name, flag in (("remote", p.remote), ("experience", p.experience),
                       ("driving", p.driving_license_required)):
        if flag is not None:
            out.append((Occur.Must, builder.term(name, 1 if flag else 0)))
    if p.parttime_min is not None:
        out.append((Occur.Must, Q.range_query(schema, "pt_min", tantivy.FieldType.Integer,
                                              p.parttime_min, None)))
    if p.parttime_max is not None:
        out.append((Occur.Must, Q.range_query(schema, "pt_max", tantivy.FieldType.Integer,
                                              None, p.parttime_max)))
    if p.position:
        radii = p.position_radius or [5.0]
        if len(radii) not in (1, len(p.position)):
            raise InvalidInput("give one position.radius, or one per position",
                               field="position.radius")
        cells: set[str] = set()
        for n, value in enumerate(p.position):
            lat, lon = (float(x) for x in value.split(","))
            cells.update(_cells(lat, lon, radii[n if len(radii) > 1 else 0]))
        out.append((Occur.Must, any_of(schema, "cell", sorted(cells))))
    elif p.position_radius:
        raise InvalidInput("position.radius needs position", field="position.radius")
    return out


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


def _source(ad_id: str, source_type: str | None, data: str | bytes, stored: str | None
            ) -> bytes:
    if stored is not None:
        return stored.encode()
    return orjson.dumps({"id": ad_id, "source_type": source_type,
                         "webpage_url": orjson.loads(data).get("webpage_url")})


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
    data = "CAST(data AS BLOB)" if engine.dialect.name == "sqlite" else "data"
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(f"SELECT key, id, source_type, {data}, source FROM ad "
                       f"WHERE key IN ({', '.join([mark] * len(keys))})", tuple(keys))
        rows = {r[0]: r for r in cursor.fetchall()}
        ids = tuple(rows[k][1] for k in keys if k in rows)
        dupes: list[Any] = []
        if ids:
            cursor.execute(f"SELECT duplicate_of, id, source_type, data, source FROM ad "
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
    builder = _Builder(index, searcher, recogniser(engine))
    parts = _filters(builder, p, now, expired_inside)
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
    builder = _Builder(index, searcher, recogniser(engine))
    parts = _filters(builder, SearchParams.model_validate({"historical": historical}), now,
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
