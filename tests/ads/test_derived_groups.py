"""An ad that names its occupation but not its group or field gets both from the taxonomy."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.ads.service import get_ad, import_ads
from jobbnav.api import create_app
from jobbnav.demo.service import DEMO_DIR
from jobbnav.taxonomy.service import import_taxonomy

DEVELOPER = "rQds_YGd_quU"  # Mjukvaruutvecklare
GROUP_2512 = "DJh5_yyF_hEM"
DATA_IT = "apaJ_2ja_LuF"


def _ad(ad_id: str, **extra: object) -> dict[str, object]:
    return {"id": ad_id, "headline": "Utvecklare till vårt team",
            "description": {"text": "Vi bygger betalsystem."},
            "occupation": {"concept_id": DEVELOPER},
            "publication_date": "2026-11-01T08:00:00",
            "application_deadline": "2099-12-31T23:59:59", **extra}


def test_group_and_field_follow_from_the_occupation(engine: Engine) -> None:
    import_taxonomy(DEMO_DIR / "taxonomy", engine=engine)
    report = import_ads([_ad("derived-1")], engine=engine, enrich=False)
    assert report.stored == 1, report.as_dict()
    stored = get_ad("derived-1")
    assert stored["occupation"]["label"] == "Mjukvaruutvecklare"
    assert stored["occupation_group"]["concept_id"] == GROUP_2512
    assert stored["occupation_group"]["label"] == "Mjukvaru- och systemutvecklare m.fl."
    assert stored["occupation_field"]["concept_id"] == DATA_IT
    found = TestClient(create_app(warm=False)).get(
        "/search", params={"occupation-group": GROUP_2512, "limit": 0}).json()
    assert found["total"]["value"] == 1


def test_a_stated_group_is_kept(engine: Engine) -> None:
    import_taxonomy(DEMO_DIR / "taxonomy", engine=engine)
    other = {"concept_id": "D9SL_mtn_vGM", "label": "Systemtestare och testledare"}
    import_ads([_ad("derived-2", occupation_group=other)], engine=engine, enrich=False)
    assert get_ad("derived-2")["occupation_group"]["concept_id"] == "D9SL_mtn_vGM"
