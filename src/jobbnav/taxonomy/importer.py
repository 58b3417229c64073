"""Import a directory of JobTech taxonomy files (plus ontology term files) as one new version.

All files are read and validated first; only then is anything written, in one transaction.
A concept missing from a later import (of the same concept types) is kept and marked deprecated;
an unchanged import writes nothing and records no version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from jobbnav.errors import InvalidInput
from jobbnav.taxonomy import jobtech_format as fmt
from jobbnav.taxonomy.model import ParsedTaxonomy
from jobbnav.taxonomy.store import (
    concept,
    concept_relation,
    concept_term,
    concept_type,
    taxonomy_version,
)

__all__ = ["ImportReport", "ProgressHook", "import_parsed", "import_taxonomy", "read_directory"]

# (stage, total, advance) — the CLI draws bars with it; services never print.
ProgressHook = Callable[[str, int | None, int], None]

_CHUNK = 2000


@dataclass
class ImportReport:
    version: int | None
    unchanged: bool
    concepts_seen: int = 0
    concepts_added: int = 0
    concepts_changed: int = 0
    concepts_deprecated: int = 0
    relations_seen: int = 0
    terms_seen: int = 0
    files: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


def _checksum(paths: Iterable[Path]) -> str:
    """The files, and the revision of the code that reads them: the same files read by a newer
    jobbnav (which joins more ontology titles, say) are a new version, not "unchanged"."""
    digest = hashlib.sha256(f"reader {fmt.READER_REVISION}\n".encode())
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _noop(_stage: str, _total: int | None, _advance: int) -> None:
    return None


def _stage(progress: ProgressHook, stage: str) -> Callable[[int], None]:
    def advance(n: int) -> None:
        progress(stage, None, n)

    return advance


def read_directory(directory: Path, ontology_dir: Path | None = None,
                   progress: ProgressHook = _noop) -> tuple[ParsedTaxonomy, list[Path]]:
    """Read and validate every taxonomy file in `directory` (and ontology files), write nothing."""
    if not directory.is_dir():
        raise InvalidInput(f"not a directory: {directory}", field="directory")
    concept_files = sorted(p for p in directory.glob("*.json") if p.name != fmt.SKILL_HEADLINE_FILE)
    if not concept_files:
        raise InvalidInput(f"no taxonomy files (*.json) in {directory}", field="directory")
    parsed = ParsedTaxonomy()
    read: list[Path] = []
    for path in concept_files:
        progress(f"reading {path.name}", None, 0)
        count = fmt.read_concept_file(path, parsed, _stage(progress, f"reading {path.name}"))
        parsed.report.setdefault("files", {})[path.name] = count
        read.append(path)
    headlines = directory / fmt.SKILL_HEADLINE_FILE
    if headlines.exists():
        progress("skill headlines", None, 0)
        parsed.report["skill_headlines"] = fmt.read_skill_headlines(headlines, parsed)
        read.append(headlines)
    if ontology_dir is not None:
        for name in fmt.ONTOLOGY_FILES:
            path = ontology_dir / name
            if path.exists():
                progress(f"reading {name}", None, 0)
                parsed.report.setdefault("ontology", {})[name] = fmt.read_ontology_file(
                    path, parsed, _stage(progress, f"reading {name}"))
                read.append(path)
    _check_references(parsed)
    parsed.files = [p.name for p in read]
    return parsed, read


def _check_references(parsed: ParsedTaxonomy) -> None:
    for source, target, kind in parsed.relations:
        for end in (source, target):
            if end not in parsed.concepts:
                raise InvalidInput(f"{kind} relation {source}→{target} names unknown concept {end}",
                                   field="relations")


def import_taxonomy(engine: Engine, directory: Path, ontology_dir: Path | None = None,
                    progress: ProgressHook = _noop) -> ImportReport:
    parsed, paths = read_directory(directory, ontology_dir, progress)
    return import_parsed(engine, parsed, source=str(directory), checksum=_checksum(paths),
                         progress=progress)


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start:start + _CHUNK]


def import_parsed(engine: Engine, parsed: ParsedTaxonomy, *, source: str, checksum: str,
                  progress: ProgressHook = _noop) -> ImportReport:
    """Write a validated import as one version, in one transaction."""
    with engine.begin() as conn:
        # Each source (the JobTech directory, the geography, the demo) is versioned on its own:
        # re-importing what that source last gave writes nothing.
        last = conn.execute(select(taxonomy_version.c.id, taxonomy_version.c.checksum)
                            .where(taxonomy_version.c.source == source[:500])
                            .order_by(taxonomy_version.c.id.desc()).limit(1)).first()
        if last is not None and last.checksum == checksum:
            return ImportReport(version=last.id, unchanged=True,
                                concepts_seen=len(parsed.concepts),
                                relations_seen=len(parsed.relations),
                                terms_seen=len(parsed.terms), files=parsed.files,
                                details=parsed.report)
        version = conn.execute(insert(taxonomy_version).values(
            imported_at=datetime.now(UTC), source=source[:500], checksum=checksum,
            files=parsed.files, concepts_seen=len(parsed.concepts), concepts_added=0,
            concepts_changed=0, concepts_deprecated=0, relations_seen=len(parsed.relations),
            terms_seen=len(parsed.terms))).inserted_primary_key
        assert version is not None
        version = int(version[0])
        report = ImportReport(version=version, unchanged=False, files=parsed.files,
                              concepts_seen=len(parsed.concepts),
                              relations_seen=len(parsed.relations),
                              terms_seen=len(parsed.terms), details=parsed.report)
        _write_types(conn, parsed)
        _write_concepts(conn, parsed, version, report, progress)
        _write_relations(conn, parsed, progress)
        _write_terms(conn, parsed, progress)
        conn.execute(update(taxonomy_version).where(taxonomy_version.c.id == version).values(
            concepts_added=report.concepts_added, concepts_changed=report.concepts_changed,
            concepts_deprecated=report.concepts_deprecated))
        return report


def _write_types(conn: Connection, parsed: ParsedTaxonomy) -> None:
    known = {row.id for row in conn.execute(select(concept_type.c.id))}
    seen_types = set(parsed.concept_types) | {c.type for c in parsed.concepts.values()}
    rows = []
    for type_id in sorted(seen_types - known):
        sv, en = parsed.concept_types.get(type_id, (None, None))
        rows.append({"id": type_id, "label_sv": sv, "label_en": en})
    if rows:
        conn.execute(insert(concept_type), rows)
    for type_id, (sv, en) in parsed.concept_types.items():
        if type_id in known:
            conn.execute(update(concept_type).where(concept_type.c.id == type_id)
                         .values(label_sv=sv, label_en=en))


def _write_concepts(conn: Connection, parsed: ParsedTaxonomy, version: int, report: ImportReport,
                    progress: ProgressHook) -> None:
    existing = {row.id: row for row in conn.execute(select(
        concept.c.id, concept.c.type, concept.c.preferred_label, concept.c.definition,
        concept.c.codes, concept.c.deprecated, concept.c.replaced_by))}
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    seen_ids: list[str] = []
    progress("writing concepts", len(parsed.concepts), 0)
    for record in parsed.concepts.values():
        old = existing.get(record.id)
        if old is None:
            new_rows.append({"id": record.id, "type": record.type,
                             "preferred_label": record.preferred_label,
                             "definition": record.definition, "codes": record.codes,
                             "deprecated": record.deprecated, "replaced_by": record.replaced_by,
                             "first_version": version, "last_version": version,
                             "local": record.local})
            continue
        seen_ids.append(record.id)
        values: dict[str, Any] = {}
        if old.preferred_label != record.preferred_label:
            values["preferred_label"] = record.preferred_label
        if old.type != record.type:
            values["type"] = record.type
        if not record.partial:
            if (old.definition or None) != record.definition:
                values["definition"] = record.definition
            merged = {**(old.codes or {}), **record.codes}
            if merged != (old.codes or {}):
                values["codes"] = merged
        if old.deprecated != record.deprecated or old.replaced_by != record.replaced_by:
            values["deprecated"] = record.deprecated
            values["replaced_by"] = record.replaced_by
        if values:
            changed.append({"cid": record.id, **values})
    for chunk in _chunks(new_rows):
        conn.execute(insert(concept), chunk)
        progress("writing concepts", None, len(chunk))
    for row in changed:
        cid = row.pop("cid")
        conn.execute(update(concept).where(concept.c.id == cid).values(**row))
    for start in range(0, len(seen_ids), 900):
        conn.execute(update(concept).where(concept.c.id.in_(seen_ids[start:start + 900]))
                     .values(last_version=version))
    progress("writing concepts", None, len(seen_ids))
    report.concepts_added = len(new_rows)
    report.concepts_changed = len(changed)
    # Deprecate what disappeared, within the concept types this import covers in full (a type
    # seen only as the far end of a relation is not covered).
    imported_types = {c.type for c in parsed.concepts.values() if not c.partial}
    gone = [cid for cid, row in existing.items()
            if cid not in parsed.concepts and row.type in imported_types and not row.deprecated]
    for start in range(0, len(gone), 900):
        conn.execute(update(concept).where(concept.c.id.in_(gone[start:start + 900]))
                     .values(deprecated=True))
    report.concepts_deprecated = len(gone)


def _write_relations(conn: Connection, parsed: ParsedTaxonomy, progress: ProgressHook) -> None:
    existing = {(r.source_id, r.target_id, r.relation_type): (r.percentage, r.deprecated)
                for r in conn.execute(select(concept_relation))}
    rows = []
    progress("writing relations", len(parsed.relations), 0)
    for key, rel in parsed.relations.items():
        old = existing.get(key)
        if old is None:
            rows.append({"source_id": rel.source_id, "target_id": rel.target_id,
                         "relation_type": rel.relation_type, "percentage": rel.percentage,
                         "deprecated": False})
        elif old != (rel.percentage, False):
            conn.execute(update(concept_relation).where(
                concept_relation.c.source_id == key[0], concept_relation.c.target_id == key[1],
                concept_relation.c.relation_type == key[2]).values(
                percentage=rel.percentage, deprecated=False))
    for chunk in _chunks(rows):
        conn.execute(insert(concept_relation), chunk)
        progress("writing relations", None, len(chunk))
    imported_types = {c.type for c in parsed.concepts.values() if not c.partial}
    source_types = dict(conn.execute(select(concept.c.id, concept.c.type)).tuples().all())
    for key, (_pct, deprecated) in existing.items():
        if key not in parsed.relations and not deprecated \
                and source_types.get(key[0]) in imported_types:
            conn.execute(update(concept_relation).where(
                concept_relation.c.source_id == key[0], concept_relation.c.target_id == key[1],
                concept_relation.c.relation_type == key[2]).values(deprecated=True))


def _write_terms(conn: Connection, parsed: ParsedTaxonomy, progress: ProgressHook) -> None:
    existing = {(r.concept_id, r.term, r.kind): r.source for r in conn.execute(
        select(concept_term.c.concept_id, concept_term.c.term, concept_term.c.kind,
               concept_term.c.source))}
    rows = [{"concept_id": t.concept_id, "term": t.term, "kind": t.kind,
             "misspelled": t.misspelled, "source": t.source}
            for key, t in parsed.terms.items() if key not in existing]
    progress("writing terms", len(rows), 0)
    for chunk in _chunks(rows):
        conn.execute(insert(concept_term), chunk)
        progress("writing terms", None, len(chunk))
    sources = {t.source for t in parsed.terms.values()} | set(parsed.files)
    stale = [key for key, src in existing.items() if key not in parsed.terms and src in sources]
    for cid, term, kind in stale:
        conn.execute(delete(concept_term).where(
            concept_term.c.concept_id == cid, concept_term.c.term == term,
            concept_term.c.kind == kind))
