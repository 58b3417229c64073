"""Training texts per occupation group (ssyk-level-4), from sources that are not job ads.

- the taxonomy: the group's label and definition, its occupation names and their terms, the
  skills related to the group, keywords pointing at its occupation names;
- education offerings (`education/utbildningsdata.json`: SSYK code → course names and texts)
  and SUSA focus areas (`susa_similar_occupations.json` → occupations, with the area's weighted
  skill terms from `field_of_study_educational_focus_skills.json`), when the files are there.
Each source becomes its own short document, so a classifier sees several views of a group.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobbnav.taxonomy.index import TaxonomyIndex

__all__ = ["TrainingDoc", "group_of_occupation", "training_documents"]

TrainingDoc = tuple[str, str]  # (ssyk-level-4 concept id, text)


def group_of_occupation(index: TaxonomyIndex) -> dict[str, str]:
    out: dict[str, str] = {}
    for oid in index.by_type.get("occupation-name", ()):
        for edge in index.outgoing.get(oid, ()):
            target = index.concepts.get(edge.target_id)
            if edge.relation_type == "broader" and target and target.type == "ssyk-level-4":
                out[oid] = target.id
    return out


def _clean(label: str) -> str:
    return label.replace("/", " ").replace(",", " ").replace("m.fl.", " ")


def _taxonomy_docs(index: TaxonomyIndex, group_of: dict[str, str]) -> list[TrainingDoc]:
    docs: list[TrainingDoc] = []
    for gid in index.by_type.get("ssyk-level-4", ()):
        group = index.concepts[gid]
        if group.deprecated:
            continue
        docs.append((gid, f"{_clean(group.preferred_label)} {group.definition or ''}"))
        skills = [_clean(index.concepts[e.target_id].preferred_label)
                  for e in index.outgoing.get(gid, ())
                  if e.relation_type == "related" and e.target_id in index.concepts
                  and index.concepts[e.target_id].type == "skill"]
        for start in range(0, len(skills), 12):
            docs.append((gid, " ".join(skills[start:start + 12])))
    for oid, gid in group_of.items():
        occ = index.concepts[oid]
        terms = " ".join(t.term for t in index.terms.get(oid, ()) if not t.misspelled)
        docs.append((gid, f"{_clean(occ.preferred_label)} {_clean(occ.preferred_label)} {terms}"))
    for kid in index.by_type.get("keyword", ()):
        for edge in index.outgoing.get(kid, ()):
            if edge.relation_type == "related" and edge.target_id in group_of:
                docs.append((group_of[edge.target_id], index.concepts[kid].preferred_label))
    return docs


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _education_docs(index: TaxonomyIndex, group_of: dict[str, str],
                    education_dir: Path) -> list[TrainingDoc]:
    by_code = {c.codes.get("ssyk-code-2012"): c.id for cid in index.by_type.get("ssyk-level-4", ())
               if (c := index.concepts[cid]).codes.get("ssyk-code-2012")}
    docs: list[TrainingDoc] = []
    offerings = _load(education_dir / "utbildningsdata.json")
    if isinstance(offerings, dict):
        for code, items in offerings.items():
            gid = by_code.get(str(code))
            if gid is None or not isinstance(items, list):
                continue
            for item in items:
                if isinstance(item, dict):
                    docs.append((gid, f"{item.get('utbildningsnamn', '')} "
                                      f"{item.get('utbildningsnamn', '')} "
                                      f"{item.get('beskrivning', '')}"))
    similar = _load(education_dir / "susa_similar_occupations.json")
    skills = _load(education_dir / "field_of_study_educational_focus_skills.json")
    if isinstance(similar, dict) and isinstance(skills, dict):
        for area, occupation_ids in similar.items():
            weights = skills.get(area)
            if not isinstance(weights, dict) or not isinstance(occupation_ids, list):
                continue
            top = sorted(weights.items(), key=lambda kv: -float(kv[1]))[:25]
            text = f"{area} " + " ".join(str(term) for term, _ in top)
            for gid in {group_of[o] for o in occupation_ids if o in group_of}:
                docs.append((gid, text))
    return docs


def training_documents(index: TaxonomyIndex, education_dir: Path | None) -> list[TrainingDoc]:
    group_of = group_of_occupation(index)
    docs = _taxonomy_docs(index, group_of)
    if education_dir is not None and education_dir.is_dir():
        docs += _education_docs(index, group_of, education_dir)
    return [(gid, text) for gid, text in docs if text.strip()]
