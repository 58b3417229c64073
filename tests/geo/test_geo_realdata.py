"""The geography on the real files in ../shared/data/geo (skipped when absent)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobbnav.errors import RejectedFile
from jobbnav.geo import service
from jobbnav.geo.model import MUNICIPALITY_CODE_FIELD, REGION_CODE_FIELD
from jobbnav.geo.store import geo_import, geo_locality, geo_postcode
from jobbnav.taxonomy import service as taxonomy
from jobbnav.taxonomy.store import concept, concept_relation, taxonomy_version

pytestmark = pytest.mark.realdata

# The documented bound (docs/geo.md) on our straight-line distance against the km in
# tatorter_distance.json, on the pairs both sources place consistently.
MEDIAN_ABS_PCT_BOUND = 3.0
P90_ABS_PCT_BOUND = 20.0


def test_municipalities_under_counties(real_engine: Engine) -> None:
    towns = taxonomy.concepts_of_type("municipality")
    regions = taxonomy.concepts_of_type("region")
    assert len(towns) == 290 and len(regions) == 21
    region_ids = {r.id for r in regions}
    for town in towns:
        parents = taxonomy.neighbours(town.id, "broader")
        assert len(parents) == 1 and parents[0].id in region_ids, town.preferred_label
    stockholm = service.municipality("0180")
    assert stockholm.name == "Stockholm"
    assert taxonomy.get_concept(stockholm.concept_id).codes[MUNICIPALITY_CODE_FIELD] == "0180"
    assert service.region_of("0180").code == "01"
    kiruna = service.region_of("Kiruna")
    assert kiruna.code == "25" and kiruna.name == "Norrbottens län"
    assert taxonomy.get_concept(kiruna.concept_id).codes[REGION_CODE_FIELD] == "25"
    # The 250 countries of countries.json stay current next to the geography.
    assert len(taxonomy.concepts_of_type("country")) == 250


def test_lookups(real_engine: Engine) -> None:
    place = service.postcode("981 31")
    assert (place.municipality_code, place.region_code) == ("2584", "25")
    assert service.postcode("41100").municipality == "Göteborg"
    malmo = service.place("malmo")  # typed without å/ä/ö
    assert malmo.kind == "locality" and malmo.municipality_code == "1280"
    assert 55.5 < malmo.lat < 55.7
    assert service.place("Stockholms län").kind == "region"
    assert service.place("AvNB_uwa_6n6").label == "Stockholm"
    # Salem has no located locality in platser.json: it borrows its postal town's point.
    salem = service.municipality("Salem")
    assert salem.centroid_source == "postal-town:Södertälje"


def test_distance_check_within_documented_bound(real_engine: Engine, shared_data: Path) -> None:
    with real_engine.connect() as conn:
        counts = conn.execute(select(geo_import.c.counts)).scalar_one()
    assert counts["localities"] == 2012
    report = service.import_geography(shared_data / "geo", engine=real_engine)
    assert report.unchanged
    check = report.details["distance_check"]
    # The file's km are straight-line: they equal our haversine in the median.
    assert 0.98 < check["all"]["fitted_factor"] < 1.02
    clean = check["without_misplaced"]
    assert clean["pairs"] > 12_000
    assert clean["median_abs_pct_error"] <= MEDIAN_ABS_PCT_BOUND
    assert clean["p90_abs_pct_error"] <= P90_ABS_PCT_BOUND


def test_reach_grows_with_minutes(real_engine: Engine) -> None:
    previous: set[str] = set()
    for minutes in (0, 10, 20, 45, 60, 90, 120, 180):
        found = {hit.id for hit in service.reach("Umeå", minutes).localities}
        assert previous <= found
        previous = found
    hour = service.reach("Uppsala", 60)
    names = {m.label for m in hour.municipalities}
    assert {"Uppsala", "Knivsta", "Sigtuna"} <= names and "Göteborg" not in names
    assert all(hit.minutes <= 60 for hit in hour.localities)
    assert [h.minutes for h in hour.localities] == sorted(h.minutes for h in hour.localities)


def test_commuting_rule_cases(real_engine: Engine) -> None:
    assert service.commute("Uppsala", "Stockholm", 8).within
    assert not service.commute("Kiruna", "Luleå", 8).within
    # Longer working days leave less time to travel: the same trip can stop fitting.
    trip = service.travel("Enköping", "Stockholm").minutes
    assert 60 < trip < 120
    assert service.commute("Enköping", "Stockholm", 8).within
    assert not service.commute("Enköping", "Stockholm", 10).within
    verdict = service.commute("Lund", "Malmö", 8, mode="public-transport")
    assert verdict.within and "Malmö" in verdict.reason


def _counts(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (concept, concept_relation, taxonomy_version, geo_import,
                               geo_locality, geo_postcode))


def test_reimport_and_broken_record(engine: Engine, shared_data: Path, tmp_path: Path) -> None:
    service.import_geography(shared_data / "geo")
    before = _counts(engine)
    assert service.import_geography(shared_data / "geo").unchanged
    assert _counts(engine) == before
    broken = tmp_path / "geo"
    shutil.copytree(shared_data / "geo", broken)
    relevance = json.loads((broken / "ort_ort_relevans.json").read_text(encoding="utf-8"))
    key = next(iter(relevance))
    relevance[key][0]["relevans"] = "ganska"
    (broken / "ort_ort_relevans.json").write_text(json.dumps(relevance), encoding="utf-8")
    with pytest.raises(RejectedFile) as err:
        service.import_geography(broken)
    assert err.value.path == "ort_ort_relevans.json" and key in err.value.record
    assert "ganska" in err.value.problem
    assert _counts(engine) == before


def test_real_regions_carry_nuts_2013_codes(real_engine: Engine) -> None:
    from jobbnav.geo.model import NUTS3_2013_FIELD

    regions = {r.preferred_label: r.codes for r in taxonomy.concepts_of_type("region")}
    assert len(regions) == 21
    assert all(NUTS3_2013_FIELD in codes for codes in regions.values()), regions
    assert regions["Stockholms län"][NUTS3_2013_FIELD] == "SE110"
    assert regions["Skåne län"][NUTS3_2013_FIELD] == "SE224"
    assert regions["Norrbottens län"][NUTS3_2013_FIELD] == "SE332"
    # NUTS-3 codes nest in NUTS-2: SE11 is Stockholm alone, SE33 Övre Norrland.
    assert {c[NUTS3_2013_FIELD][:4] for c in regions.values()} == {
        "SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"}
