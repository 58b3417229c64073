"""Search parameters → one tantivy query: free text (words, phrases, concepts named in q) and
the JobSearch filters. engine.py runs it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import tantivy

from jobbnav.ads.search.analysis import decompound, stem, tokens
from jobbnav.ads.search.index import CELL_LAT, CELL_LON, AdIndex, cell_of
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.search.query import Clause, parse_q
from jobbnav.ads.search.recognise import Found, Recogniser
from jobbnav.errors import InvalidInput

__all__ = ["COMPOUND_HEAD_BOOST", "QueryBuilder", "any_of", "filters"]

Occur = tantivy.Occur
Q = tantivy.Query
COMPOUND_HEAD_BOOST = 0.3
# Above this many values a term set query is used after all (see any_of).
_TERM_SET_FROM = 512


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


class QueryBuilder:
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


def _concept_filter(builder: QueryBuilder, name: str, values: list[str]
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


def filters(builder: QueryBuilder, p: SearchParams, now: int, expired_inside: bool
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
