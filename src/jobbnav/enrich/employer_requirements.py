"""Recall against the requirements employers pick in Platsbanken's form (`must_have` /
`nice_to_have` on a JobSearch ad).

An employer who fills in the form names skills, languages and occupations the applicant should
have worked in (`work_experiences`), each as "must" or "nice to have". They are few, often not
written in the text at all, and never complete, so they measure recall only: how many of the
labels the enrichment of the ad's own headline and text finds, and, for the skills and languages
it finds, whether it reads the same context ("must" → required, "nice to have" → meriting).
Occupations are not scored on context: the text names them as what the job is, not as a
requirement. The exact-label baseline of `evaluate` is measured on the same labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from jobbnav.enrich import service

__all__ = ["LABEL_KINDS", "employer_requirements", "requirement_labels"]

# form field → (kind reported, context the employer's choice means)
LABEL_KINDS = {"skills": "skill", "languages": "language", "work_experiences": "occupation"}
EXPECTED_CONTEXT = {"must_have": "required", "nice_to_have": "meriting"}


def requirement_labels(ad: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, concept id, expected context) of each requirement the employer picked."""
    out = []
    for section, context in EXPECTED_CONTEXT.items():
        fields = ad.get(section) or {}
        for field, kind in LABEL_KINDS.items():
            for item in fields.get(field) or ():
                if isinstance(item, dict) and item.get("concept_id"):
                    out.append((kind, str(item["concept_id"]), context))
    return out


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def employer_requirements(ads: Iterable[dict[str, Any]], known: Callable[[str], bool],
                          baseline: Callable[[str], set[str]]) -> dict[str, Any]:
    """`known`: is a concept id in this taxonomy; `baseline`: concept ids it finds in a text."""
    labels = found = found_base = right_context = scored_context = 0
    unknown: Counter[str] = Counter()
    per_kind: dict[str, Counter[str]] = {k: Counter() for k in LABEL_KINDS.values()}
    ads_with_labels = 0
    for ad in ads:
        wanted = [w for w in requirement_labels(ad) if known(w[1]) or unknown.update([w[0]])]
        if not wanted:
            continue
        ads_with_labels += 1
        headline = ad.get("headline") or None
        text = (ad.get("description") or {}).get("text") or ""
        context_of = {h.concept_id: h.context
                      for h in service.enrich(text, headline=headline, kind="ad").hits}
        base = baseline(f"{headline or ''} . {text}")
        for kind, cid, expected in wanted:
            counts = per_kind[kind]
            counts["labels"] += 1
            labels += 1
            if cid in base:
                counts["baseline_found"] += 1
                found_base += 1
            if cid not in context_of:
                continue
            counts["found"] += 1
            found += 1
            if kind != "occupation":
                counts["context_scored"] += 1
                scored_context += 1
                agrees = context_of[cid] == expected
                counts["context_right"] += agrees
                right_context += agrees
    return {
        "ads": ads_with_labels, "labels": labels, "recall": _rate(found, labels),
        "baseline_recall": _rate(found_base, labels),
        "context_accuracy": _rate(right_context, scored_context),
        "context_pairs": scored_context,
        "not_in_taxonomy": dict(unknown),
        "per_kind": {kind: {"labels": c["labels"], "recall": _rate(c["found"], c["labels"]),
                            "baseline_recall": _rate(c["baseline_found"], c["labels"]),
                            **({"context_accuracy": _rate(c["context_right"],
                                                          c["context_scored"])}
                               if kind != "occupation" else {})}
                     for kind, c in per_kind.items() if c["labels"]},
    }
