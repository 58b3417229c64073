"""A tiny taxonomy in the JobTech download shape, written by the tests that need one.

Made-up ids (`Tst…`), shaped like the real files: an SSYK group with its occupation names,
alternative and hidden labels, a deprecated concept replaced by a current one, skills, a keyword,
substitutability with percentages, a language with its ISO codes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEV, TESTER, DEV_GROUP = "TstA_dev_001", "TstA_tst_002", "TstG_dev_100"
NURSE, SPECIALIST_NURSE, NURSE_GROUP = "TstA_usk_003", "TstA_spu_004", "TstG_usk_101"
WAITER, WAITER_GROUP = "TstA_ser_005", "TstG_ser_102"
OLD_DEV = "TstA_old_006"
PROGRAMMER = "TstA_prg_007"
SKILL_TESTING, SKILL_ECOMMERCE = "TstS_tst_200", "TstS_ehd_201"
KEYWORD = "TstK_prg_300"
SWEDISH = "TstL_swe_400"
# Labels chosen to exercise each match kind of the query "svets", one per concept.
WELD = {"exact": ("TstS_sv1_500", "Svets"), "prefix": ("TstS_sv2_501", "Svetsning"),
        "word-prefix": ("TstS_sv3_502", "MIG svetsare"),
        "infix": ("TstS_sv4_503", "Rörsvetsare"), "fuzzy": ("TstS_sv5_504", "Svätsmaskin")}


def _group(cid: str, label: str, code: str, narrower: list[dict[str, Any]],
           **extra: Any) -> dict[str, Any]:
    return {"id": cid, "type": "ssyk-level-4", "preferred_label": label, "ssyk_code_2012": code,
            "definition": f"Definition av {label}.", "narrower": narrower, **extra}


def _name(cid: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "type": "occupation-name", "preferred_label": label, **extra}


def tiny_concepts() -> dict[str, list[dict[str, Any]]]:
    """File name → concepts, as `{"data": {"concepts": [...]}}` files hold them."""
    return {
        "occupations.json": [
            _group(DEV_GROUP, "Mjukvaru- och systemutvecklare m.fl.", "2512", [
                _name(DEV, "Mjukvaruutvecklare", hidden_labels=["Programutvecklare"]),
                _name(TESTER, "Mjukvarutestare"),
                _name(PROGRAMMER, "Programmerare"),
            ], related=[{"id": SKILL_TESTING, "type": "skill",
                         "preferred_label": "Mjukvarutestning"}]),
            _group(NURSE_GROUP, "Undersköterskor, hemtjänst, hemsjukvård och äldreboende",
                   "5321", [_name(NURSE, "Undersköterska, hemtjänst"),
                            _name(SPECIALIST_NURSE, "Specialistundersköterska")]),
            _group(WAITER_GROUP, "Servitörer", "5131", [_name(WAITER, "Servitör/Servitris")]),
            _name(OLD_DEV, "Dataprogrammerare", deprecated=True,
                  replaced_by=[{"id": DEV, "type": "occupation-name",
                                "preferred_label": "Mjukvaruutvecklare"}]),
        ],
        "substitutability.json": [
            _name(DEV, "Mjukvaruutvecklare", substitutes=[
                {**_name(TESTER, "Mjukvarutestare"), "substitutability_percentage": 75},
                {**_name(PROGRAMMER, "Programmerare"), "substitutability_percentage": 25}]),
        ],
        "skills.json": [
            {"id": SKILL_TESTING, "type": "skill", "preferred_label": "Mjukvarutestning"},
            {"id": SKILL_ECOMMERCE, "type": "skill", "preferred_label": "E-handel"},
            *({"id": cid, "type": "skill", "preferred_label": label}
              for cid, label in WELD.values()),
        ],
        "keywords.json": [
            {"id": KEYWORD, "type": "keyword", "preferred_label": "Programmering",
             "related": [_name(DEV, "Mjukvaruutvecklare")]},
        ],
        "languages.json": [
            {"id": SWEDISH, "type": "language", "preferred_label": "Svenska",
             "iso_639_1_2002": "SV", "iso_639_2_1998": "SWE"},
        ],
    }


def write_tiny_taxonomy(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, concepts in tiny_concepts().items():
        (directory / name).write_text(json.dumps({"data": {"concepts": concepts}},
                                                 ensure_ascii=False), encoding="utf-8")
    return directory


def import_tiny_taxonomy(directory: Path) -> None:
    """Write the tiny taxonomy under `directory` and import it into the current database."""
    from jobbnav.taxonomy.service import import_taxonomy

    import_taxonomy(write_tiny_taxonomy(directory))
