"""The demo loading steps (see DEMO_STEPS): each calls its domain's ordinary import service."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from jobbnav.demo.service import DEMO_DIR

__all__ = ["accounts", "ads", "geography", "market", "taxonomy"]


def taxonomy(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.taxonomy.service import import_taxonomy

    report = import_taxonomy(DEMO_DIR / "taxonomy", engine=engine)
    return {"concepts": report.concepts_seen, "relations": report.relations_seen}


def geography(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.geo.service import import_geography

    report = import_geography(DEMO_DIR / "geo", engine=engine)
    return {"regions": report.regions, "municipalities": report.municipalities,
            "localities": report.localities, "postcodes": report.postcodes}


def ads(*, engine: Engine) -> dict[str, Any]:
    from jobbnav.ads.service import import_ads

    report = import_ads([DEMO_DIR / "ads.jsonl"], engine=engine)
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
