"""Small builders for market tests: JobSearch-shaped ads and a seasonal monthly history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from jobbnav.market.forecast import month_range
from jobbnav.market.service import on_ads_stored

NURSE, DEV = "Yhzk_Nm5_9yB", "DJh5_yyF_hEM"  # ssyk-level-4 ids as the real data spells them
STOCKHOLM, SKANE = "CifL_Rzy_Mku", "CaRE_1nn_cSU"
SOLNA, MALMO = "zHxw_uJZ_NJ8", "oYPt_yRA_Smm"


def ad(ad_id: str, month: int, group: str = NURSE, municipality: str = SOLNA,
       region: str = STOCKHOLM, vacancies: int = 1, **extra: Any) -> dict[str, Any]:
    return {"id": ad_id, "publication_date": f"{month // 100}-{month % 100:02d}-10T08:00:00",
            "number_of_vacancies": vacancies, "removed": False,
            "occupation": {"concept_id": f"occ-{group}"},
            "occupation_group": {"concept_id": group},
            "occupation_field": {"concept_id": "field-1"},
            "workplace_address": {"municipality_concept_id": municipality,
                                  "region_concept_id": region}, **extra}


def seasonal_ads(engine: Engine, first: int = 202201, last: int = 202512) -> int:
    """Ads for two groups with a summer dip and growth for DEV; returns how many."""
    ads, n = [], 0
    for i, month in enumerate(month_range(first, last)):
        dip = 0.5 if month % 100 == 7 else 1.0
        for group, base, growth in ((NURSE, 20, 0.0), (DEV, 10, 0.3)):
            count = round(base * dip * (1 + growth * i / 12))
            for _ in range(count):
                n += 1
                where = (SOLNA, STOCKHOLM) if n % 3 else (MALMO, SKANE)
                ads.append(ad(f"a{n}", month, group, *where))
    with engine.begin() as conn:
        on_ads_stored(conn, ads)
    return n
