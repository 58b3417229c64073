"""A tantivy index of ads: schema, one document per canonical ad, and the watermark that keeps
it consistent with SQLite. There are two such indexes (live and archive): indexes.py.

The records live in SQLite; the index only answers "which keys match, in which order, how many,
and counts per facet". Every ad change gets a sequence number (`ad.seq`) in the database
transaction; the index is committed after the database and then records the highest `seq` it
holds in `watermark.json`. On open, rows with a higher `seq` are (re)indexed, so an index that
lags the database (crash between the two commits, a copied database) repairs itself.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import tantivy
from sqlalchemy import Engine

from jobbnav.ads.search.analysis import ANALYZER_NAME, RAW_WORDS_NAME, analyzers, tokens
from jobbnav.ads.search.compounds import HeadFinder, heads_in, heads_in_words
from jobbnav.settings import get_settings

__all__ = [
    "FACET_FIELDS",
    "NO_DEADLINE",
    "AdIndex",
    "IndexRow",
    "cell_of",
    "document",
    "document_fields",
    "index_dir_for",
    "open_index",
]

log = logging.getLogger(__name__)

# Far future for ads without a deadline: they stay live until removed.
NO_DEADLINE = 4_102_444_800  # 2100-01-01
# Grid for `position` + `position.radius`: ≈ 2.2 km × 2.3 km cells at Swedish latitudes.
CELL_LAT, CELL_LON = 0.02, 0.04
REMOTE_PHRASES = ("distans", "remote", "hemifrån", "hemma", "på distans")


def _is_remote(text: str) -> bool:
    lowered = text.lower()  # plain substring tests: a case-blind regex cost 20 µs an ad
    return any(phrase in lowered for phrase in REMOTE_PHRASES)

# Facet name in JobSearch `stats` → index field.
FACET_FIELDS = {
    "occupation-name": "occupation",
    "occupation-group": "group",
    "occupation-field": "field",
    "municipality": "municipality",
    "region": "region",
    "country": "country",
}
# 4: the live ads and the archive in two directories (indexes.py).
_SCHEMA_VERSION = 4


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("key", indexed=True, fast=True, stored=True)
    sb.add_text_field("headline", tokenizer_name=ANALYZER_NAME)
    sb.add_text_field("body", tokenizer_name=ANALYZER_NAME)
    # Heads of the compounds in headline and body ("förskollärare" → "lärare"): compounds.py.
    sb.add_text_field("parts", tokenizer_name=ANALYZER_NAME, index_option="freq")
    sb.add_text_field("employer_name", tokenizer_name=RAW_WORDS_NAME)
    sb.add_text_field("suggest", tokenizer_name=RAW_WORDS_NAME, index_option="basic")
    for name in ("occupation", "group", "field", "municipality", "region", "country"):
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("skill", "language", "orgnr", "cell"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("pub", indexed=True, fast=True)
    sb.add_integer_field("deadline", indexed=True, fast=True)
    for name in ("removed", "remote", "experience", "driving", "pt_min", "pt_max"):
        sb.add_integer_field(name, indexed=True, fast=True)
    sb.add_integer_field("vacancies", fast=True)
    return sb.build()


def index_dir_for(engine: Engine) -> Path:
    """The ads index lives next to the database it mirrors (settings.index_dir by default)."""
    settings = get_settings()
    url = engine.url
    if str(url) == settings.effective_database_url or not (
            url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")):
        return settings.index_dir / "ads"
    return Path(str(url.database)).resolve().parent / "index" / "ads"


@dataclass(slots=True)
class IndexRow:
    """What the index needs of one stored ad."""

    key: int
    seq: int
    canonical: bool
    ad: Mapping[str, Any]
    # `tokens(headline + "\n" + text)` when the import already split them, else None.
    words: list[str] | None = None
    # `ad` as stored (JSON) when the caller has it: what goes to the writer process.
    data: str | bytes | None = None


@lru_cache(maxsize=65_536)
def _parse_epoch(value: str) -> int | None:
    try:
        return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _epoch(value: Any) -> int | None:
    # Ads share few distinct dates (a day, a deadline): parse each once.
    return _parse_epoch(str(value)) if value else None


def cell_of(lat: float, lon: float) -> str:
    return f"{math.floor(lat / CELL_LAT)}:{math.floor(lon / CELL_LON)}"


def _ids(items: Iterable[Any]) -> list[str]:
    return [str(i["concept_id"]) for i in items if isinstance(i, Mapping) and i.get("concept_id")]


def _label(ref: Any) -> str:
    return str(ref.get("label") or "") if isinstance(ref, Mapping) else ""


def document(key: int, ad: Mapping[str, Any], finder: HeadFinder | None = None,
             words: list[str] | None = None) -> tantivy.Document:
    """The index document of one ad (JobSearch shape); `finder` adds its compound heads.
    `words` are `tokens` of headline + text when the caller has them already."""
    return tantivy.Document(**document_fields(key, ad, finder, words))


def _labels(ad: Mapping[str, Any]) -> str:
    """The concept and place names of an ad, searched as part of its body."""
    employer = ad.get("employer") or {}
    place = ad.get("workplace_address") or {}
    return " ".join(filter(None, (
        _label(ad.get("occupation")), _label(ad.get("occupation_group")),
        _label(ad.get("occupation_field")), employer.get("name"), employer.get("workplace"),
        place.get("municipality"), place.get("region"), place.get("city"),
        place.get("country"))))


def document_fields(key: int, ad: Mapping[str, Any], finder: HeadFinder | None = None,
                    words: list[str] | None = None) -> dict[str, Any]:
    """The fields of `document` (`deadline` and `removed` decide whether it is live)."""
    desc = ad.get("description") or {}
    employer = ad.get("employer") or {}
    place = ad.get("workplace_address") or {}
    must, nice = ad.get("must_have") or {}, ad.get("nice_to_have") or {}
    enrichment = ad.get("enrichment") or {}
    occupation = ad.get("occupation") or {}
    group = ad.get("occupation_group") or {}
    field_ = ad.get("occupation_field") or {}
    text = str(desc.get("text") or "")
    labels = _labels(ad)
    skills = _ids(must.get("skills") or []) + _ids(nice.get("skills") or []) + _ids(
        enrichment.get("competencies") or [])
    languages = _ids(must.get("languages") or []) + _ids(nice.get("languages") or []) + _ids(
        enrichment.get("languages") or [])
    fields: dict[str, Any] = {
        "key": key,
        "headline": str(ad.get("headline") or ""),
        "body": f"{text}\n{labels}",
        "parts": "" if finder is None else
        heads_in(f"{ad.get('headline') or ''}\n{text}\n{labels}", finder) if words is None
        else heads_in_words([*words, *tokens(labels)], finder),
        "employer_name": " ".join(filter(None, (employer.get("name"), employer.get("workplace")))),
        "suggest": " ".join(filter(None, (str(ad.get("headline") or ""), _label(occupation),
                                          place.get("municipality")))),
        "pub": _epoch(ad.get("publication_date")) or 0,
        "deadline": min(filter(None, (_epoch(ad.get("application_deadline")),
                                      _epoch(ad.get("last_publication_date")))),
                        default=NO_DEADLINE),
        "removed": 1 if ad.get("removed") else 0,
        "remote": 1 if _is_remote(text) else 0,
        "experience": 1 if ad.get("experience_required") else 0,
        "driving": 1 if ad.get("driving_license_required") else 0,
        "pt_min": int((ad.get("scope_of_work") or {}).get("min") or 0),
        "pt_max": int((ad.get("scope_of_work") or {}).get("max") or 100),
        "vacancies": int(ad.get("number_of_vacancies") or 1),
    }
    # an enrichment's predicted groups are guesses, not occupations the ad names
    occupations = [occupation.get("concept_id"), *_ids(
        o for o in enrichment.get("occupations") or []
        if isinstance(o, Mapping) and o.get("context") != "predicted")]
    for name, value in (("occupation", occupations), ("group", [group.get("concept_id")]),
                        ("field", [field_.get("concept_id")]),
                        ("municipality", [place.get("municipality_concept_id")]),
                        ("region", [place.get("region_concept_id")]),
                        ("country", [place.get("country_concept_id")]),
                        ("skill", skills), ("language", languages),
                        ("orgnr", [employer.get("organization_number")])):
        values = [str(v) for v in value if v]
        if values:
            fields[name] = values
    coords = place.get("coordinates") or []
    if len(coords) == 2 and all(isinstance(c, (int, float)) for c in coords):
        lon, lat = float(coords[0]), float(coords[1])
        fields["cell"] = cell_of(lat, lon)
    return fields


@dataclass
class AdIndex:
    """One opened index directory: a reader that refreshes itself, its watermark, a writer on
    demand. `live` indexes hold only ads open for application (indexes.py)."""

    path: Path
    index: tantivy.Index
    live: bool = False
    # The earliest deadline among the documents of the current reader (live index only): until
    # then no document has expired and live searches need no deadline filter.
    next_expiry: int = NO_DEADLINE
    _reloaded: float = 0.0
    _dirty: bool = False

    @property
    def schema(self) -> tantivy.Schema:
        return self.index.schema

    def searcher(self) -> tantivy.Searcher:
        now = time.monotonic()
        # Other processes (a CLI import) commit too: look for a new commit at most twice a second.
        if self._dirty or now - self._reloaded > 0.5:
            self.index.reload()
            self._reloaded, self._dirty = now, False
            if self.live:
                self.next_expiry = self._earliest_deadline(self.index.searcher())
        return self.index.searcher()

    def mark_changed(self) -> None:
        """Another writer (the import's writer process) committed: reload on the next search."""
        self._dirty = True

    @staticmethod
    def _earliest_deadline(searcher: tantivy.Searcher) -> int:
        found = searcher.aggregate(tantivy.Query.all_query(),
                                   {"m": {"min": {"field": "deadline"}}})
        value = (found.get("m") or {}).get("value")
        return NO_DEADLINE + 1 if value is None else int(value)

    def watermark(self) -> int:
        try:
            return int(json.loads((self.path / "watermark.json").read_text())["seq"])
        except (OSError, ValueError, KeyError):
            return 0

    def _write_watermark(self, seq: int) -> None:
        tmp = self.path / "watermark.json.tmp"
        tmp.write_text(json.dumps({"seq": seq, "schema": _SCHEMA_VERSION}))
        os.replace(tmp, self.path / "watermark.json")

    def writer(self) -> tantivy.IndexWriter:
        # One indexing thread each: a second one cost 15 % more CPU (more, smaller segments
        # to merge) and the writer's Python side keeps a core busy anyway.
        return self.index.writer(heap_size=128_000_000 if not self.live else 64_000_000,
                                 num_threads=1)

    def commit(self, writer: tantivy.IndexWriter, seq: int) -> None:
        """Commit, then record `seq` (every change up to it is in the index) if it is higher."""
        writer.commit()
        if seq > self.watermark():
            self._write_watermark(seq)
        self._dirty = True

    def expire(self, writer: tantivy.IndexWriter, now: int) -> None:
        """Delete (uncommitted) the documents whose deadline has passed by `now`."""
        writer.delete_documents_by_query(tantivy.Query.range_query(
            self.schema, "deadline", tantivy.FieldType.Integer, None, now - 1))


def _wipe(path: Path) -> None:
    for child in path.iterdir():
        if child.is_file():
            child.unlink()


def open_index(path: Path, *, live: bool) -> AdIndex:
    """Open (or create) the index at `path`; one of another schema version or unreadable is
    emptied, and the caller's catch-up rebuilds it from the database."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        marker = json.loads((path / "watermark.json").read_text())
    except (OSError, ValueError):
        marker = {}
    if marker and marker.get("schema") != _SCHEMA_VERSION:
        _wipe(path)  # written by another version of this schema: rebuilt from the database
    try:
        index = tantivy.Index(_schema(), path=str(path), reuse=True)
    except ValueError as exc:
        log.warning("ads index at %s is unreadable (%s): rebuilding it from the database",
                    path, exc)
        _wipe(path)
        index = tantivy.Index(_schema(), path=str(path), reuse=True)
    for name, analyzer in analyzers().items():
        index.register_tokenizer(name, analyzer)
    return AdIndex(path, index, live=live)
