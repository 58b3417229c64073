"""The demo loading steps (see DEMO_STEPS): each calls its domain's ordinary import service."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from jobbnav.demo.service import DEMO_DIR

__all__ = ["accounts", "ads", "demo_ads", "geography", "market", "taxonomy"]


def taxonomy(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.taxonomy.service import import_taxonomy

    report = import_taxonomy(DEMO_DIR / "taxonomy", engine=engine)
    return {"concepts": report.concepts_seen, "relations": report.relations_seen}


def geography(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.geo.service import import_geography

    report = import_geography(DEMO_DIR / "geo", engine=engine)
    return {"regions": report.regions, "municipalities": report.municipalities,
            "localities": report.localities, "postcodes": report.postcodes}


# The demo ads were written as of this day; loaded later, their dates move forward by the
# days since, so a demo loaded in a year still has ads open for application.
DEMO_ADS_WRITTEN = date(2026, 11, 22)
_DATE_FIELDS = ("publication_date", "last_publication_date", "application_deadline",
                "removed_date")


def demo_ads(today: date | None = None) -> list[dict[str, Any]]:
    shift = timedelta(days=max(0, ((today or date.today()) - DEMO_ADS_WRITTEN).days))
    records = []
    with (DEMO_DIR / "ads.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            ad = json.loads(line)
            for key in _DATE_FIELDS:
                if shift and isinstance(ad.get(key), str):
                    ad[key] = (datetime.fromisoformat(ad[key]) + shift).isoformat()
            records.append(ad)
    return records


def ads(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.ads.service import import_ads

    report = import_ads(demo_ads(), engine=engine)
    if report.rejected:
        reasons = "; ".join(f"{r}" for r in report.rejected[:3])
        raise RuntimeError(f"demo ads rejected ({len(report.rejected)}): {reasons}")
    return {"stored": report.stored, "duplicates": report.duplicates}


def accounts(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.people.service import load_demo

    return {"accounts": load_demo(engine=engine)}


def market(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.market.service import load_demo

    return load_demo(engine=engine)
