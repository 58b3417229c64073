"""A realistic synthetic ad corpus for benchmarks and crash tests (never committed, never shown
as real): occupation groups × municipalities drawn from the real 2024 distribution of ads,
occupation names and related skills from the taxonomy, Swedish sentences around them."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from jobbnav.taxonomy import service as taxonomy

__all__ = ["generate", "load_distribution"]

_EMPLOYER_PARTS = (["Nord", "Syd", "Väst", "Öst", "Berg", "Sjö", "Skog", "Stad", "Fjäll", "Älv",
                    "Ljus", "Sten", "Lind", "Ek", "Hav"],
                   ["gruppen", "teknik", "vård", "logistik", "data", "bygg", "service", "partner",
                    "konsult", "omsorg", "handel", "industri"])
_INTRO = ["Vi växer och söker nu en {occ} till vårt team i {place}.",
          "Är du {occ} och vill arbeta hos en arbetsgivare som satsar på sina medarbetare?",
          "{employer} söker en engagerad {occ} för tillsvidareanställning i {place}.",
          "Nu utökar vi verksamheten i {place} och behöver fler som arbetar som {occ}."]
_DUTIES = ["I rollen ansvarar du för det dagliga arbetet och samarbetar nära kollegor och "
           "kunder.", "Du planerar, genomför och följer upp arbetet enligt våra rutiner.",
           "Arbetet innebär både självständiga uppgifter och arbete i grupp.",
           "Du deltar i utvecklingen av verksamheten och bidrar med idéer och förbättringar."]
_REQ = ["Vi söker dig som har kunskaper inom {skills}.",
        "Erfarenhet av {skills} är ett krav.", "Det är meriterande om du kan {skills}."]
_OFFER = ["Vi erbjuder kollektivavtal, friskvårdsbidrag och goda möjligheter till utveckling.",
          "Hos oss får du en gedigen introduktion och trevliga kollegor.",
          "Tjänsten är på heltid med start enligt överenskommelse.",
          "Urval sker löpande, så skicka gärna din ansökan redan i dag."]


def load_distribution(shared_dir: Path) -> list[tuple[str, str, int]]:
    """(ssyk-level-4 id, municipality id, number of ads in 2024) from the market data."""
    data = json.loads((shared_dir / "market" / "ssyk_kommun_annonser_2024.json").read_text())
    return [(group, muni, int(n)) for group, munis in data.items() for muni, n in munis.items()
            if n]


def _names(shared_dir: Path) -> dict[str, str]:
    found: dict[str, str] = json.loads((shared_dir / "geo" / "kommun_id_namn.json").read_text())
    return found


def generate(n: int, *, engine: Engine, shared_dir: Path, seed: int = 0,
             removed_fraction: float = 0.0, start_id: int = 1) -> Iterator[dict[str, Any]]:
    """`n` ads in the JobSearch shape; `removed_fraction` of them are archive (removed) ads."""
    rng = random.Random(seed)
    index = taxonomy.index(engine)
    cells = load_distribution(shared_dir)
    weights = [c[2] for c in cells]
    municipality_names = _names(shared_dir)
    occupations: dict[str, list[str]] = {}
    skills: dict[str, list[str]] = {}
    for edge_list in index.outgoing.values():
        for e in edge_list:
            if e.relation_type == "broader" and index.concepts.get(e.source_id) is not None \
                    and index.concepts[e.source_id].type == "occupation-name":
                occupations.setdefault(e.target_id, []).append(e.source_id)
            if e.relation_type == "related" and index.concepts.get(e.target_id) is not None \
                    and index.concepts[e.target_id].type == "skill":
                skills.setdefault(e.source_id, []).append(e.target_id)
    employers = [f"{a}{b} AB" for a in _EMPLOYER_PARTS[0] for b in _EMPLOYER_PARTS[1]]
    drawn = rng.choices(cells, weights=weights, k=n)
    for i, (group_id, muni_id, _) in enumerate(drawn):
        group = index.concepts.get(group_id)
        group_label = group.preferred_label if group else group_id
        occ_id = rng.choice(occupations.get(group_id) or [group_id])
        occ = index.concepts.get(occ_id)
        occ_label = occ.preferred_label if occ else group_label
        place = municipality_names.get(muni_id, "Sverige")
        employer = rng.choice(employers)
        skill_ids = rng.sample(skills.get(group_id, []), k=min(3, len(skills.get(group_id, []))))
        skill_labels = [index.concepts[s].preferred_label.lower() for s in skill_ids]
        fill = {"occ": occ_label.lower(), "place": place, "employer": employer,
                "skills": ", ".join(skill_labels) or "branschen"}
        text = " ".join([rng.choice(_INTRO).format(**fill), *rng.sample(_DUTIES, 2),
                         rng.choice(_REQ).format(**fill), rng.choice(_OFFER),
                         f"Arbetsplatsen ligger i {place}."])
        day = rng.randrange(1, 330)
        removed = rng.random() < removed_fraction
        pub = f"2026-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T08:00:00"
        deadline = "2025-06-30T23:59:59" if removed else "2027-12-31T23:59:59"
        ad_id = f"gen-{start_id + i}"
        yield {
            "id": ad_id, "headline": f"{occ_label} till {employer}, {place}",
            "description": {"text": text}, "employer": {"name": employer},
            "workplace_address": {"municipality": place, "municipality_concept_id": muni_id},
            "occupation": {"concept_id": occ_id, "label": occ_label},
            "occupation_group": {"concept_id": group_id, "label": group_label},
            "must_have": {"skills": [{"concept_id": s, "weight": 10} for s in skill_ids[:1]]},
            "number_of_vacancies": rng.choice((1, 1, 1, 2, 3)),
            "scope_of_work": {"min": 100, "max": 100},
            "experience_required": rng.random() < 0.6,
            "driving_license_required": rng.random() < 0.2,
            "publication_date": pub, "application_deadline": deadline,
            "removed": removed, "removed_date": "2025-07-01T00:00:00" if removed else None,
            "source_type": "GENERATED", "timestamp": 1_700_000_000_000 + i,
        }
