"""Importing a geography directory: the bundled demo, broken files, the country concept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobbnav.errors import InvalidInput, RejectedFile
from jobbnav.geo import service
from jobbnav.geo.model import COUNTRY_ID, MUNICIPALITY_CODE_FIELD, REGION_CODE_FIELD
from jobbnav.geo.store import geo_import, geo_locality, geo_municipality, geo_postcode
from jobbnav.taxonomy import service as taxonomy
from jobbnav.taxonomy.store import concept, concept_relation, taxonomy_version

DEMO_GEO = Path(__file__).resolve().parents[2] / "src" / "jobbnav" / "demo" / "data" / "geo"


def _counts(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (concept, concept_relation, taxonomy_version, geo_import,
                               geo_municipality, geo_locality, geo_postcode))


def test_demo_geography_imports_cleanly(engine: Engine) -> None:
    report = service.import_geography(DEMO_GEO)
    assert not report.unchanged
    assert report.regions == 21
    assert report.municipalities >= 40
    assert report.localities_without_coordinates == 0
    assert report.details["localities_far_from_municipality"] == []
    regions = taxonomy.concepts_of_type("region")
    assert len(regions) == 21
    assert all(len(taxonomy.neighbours(r.id, "broader")) == 1 for r in regions)
    towns = taxonomy.concepts_of_type("municipality")
    assert len(towns) == report.municipalities
    for town in towns:
        chain = taxonomy.ancestors(town.id)
        assert [c.type for c in chain] == ["region", "country"]
        assert chain[1].id == COUNTRY_ID
        assert len(town.codes[MUNICIPALITY_CODE_FIELD]) == 4
        assert len(chain[0].codes[REGION_CODE_FIELD]) == 2
    # Every demo municipality has a located main locality and postcodes.
    for m in service.municipalities():
        assert m.centroid_source.startswith("locality:")
    assert service.postcode("62100").municipality == "Gotland"
    assert service.municipality("Göteborgs kommun").code == "1480"


def test_reimport_changes_nothing(engine: Engine) -> None:
    service.import_geography(DEMO_GEO)
    before = _counts(engine)
    again = service.import_geography(DEMO_GEO)
    assert again.unchanged
    assert _counts(engine) == before


def _broken_copy(tmp_path: Path) -> Path:
    broken = tmp_path / "broken"
    shutil.copytree(DEMO_GEO, broken)
    return broken


def test_broken_locality_rejects_the_file_and_writes_nothing(engine: Engine,
                                                             tmp_path: Path) -> None:
    service.import_geography(DEMO_GEO)
    before = _counts(engine)
    broken = _broken_copy(tmp_path)
    places = json.loads((broken / "platser.json").read_text(encoding="utf-8"))
    places[5]["latitud"] = "north"
    places.append({"label": "Nyby", "latitud": 59.0, "longitud": 18.0, "kommunkod": "0180"})
    (broken / "platser.json").write_text(json.dumps(places), encoding="utf-8")
    with pytest.raises(RejectedFile) as err:
        service.import_geography(broken)
    assert err.value.path == "platser.json"
    assert "#5" in err.value.record and "latitud" in err.value.problem
    assert _counts(engine) == before


@pytest.mark.parametrize(("name", "edit", "problem"), [
    ("municipality_county.csv", lambda t: t.replace("0180,", "018O,", 1), "not 4 digits"),
    ("municipality_county.csv", lambda t: t.replace(",01,", ",99,", 1), "not in counties.csv"),
    ("postal_to_municipality.csv", lambda t: t.replace(",0180,", ",0999,", 1), "not known"),
    ("kommun_id_namn.json", lambda t: t[:-3], "not valid JSON"),
    ("region_name_id.json", lambda t: t.replace('"Gotlands län"', '"Gotland län"'),
     "no concept id"),
])
def test_malformed_files_are_named(engine: Engine, tmp_path: Path, name: str,
                                   edit: object, problem: str) -> None:
    broken = _broken_copy(tmp_path)
    path = broken / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(RejectedFile) as err:
        service.import_geography(broken)
    assert problem in err.value.problem
    assert _counts(engine)[:2] == (0, 0)


def test_missing_required_file(engine: Engine, tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path)
    (broken / "platser.json").unlink()
    with pytest.raises(InvalidInput, match=r"platser\.json"):
        service.import_geography(broken)


def test_geography_does_not_deprecate_other_countries(engine: Engine, tmp_path: Path) -> None:
    tax = tmp_path / "tax"
    tax.mkdir()
    (tax / "countries.json").write_text(json.dumps({"data": {"concepts": [
        {"id": COUNTRY_ID, "type": "country", "preferred_label": "Sverige",
         "iso_3166_1_alpha_2_2013": "SE"},
        {"id": "pnjj_2JX_Fub", "type": "country", "preferred_label": "Norge",
         "iso_3166_1_alpha_2_2013": "NO"}]}}), encoding="utf-8")
    taxonomy.import_taxonomy(tax)
    service.import_geography(DEMO_GEO)
    countries = taxonomy.concepts_of_type("country")
    assert {c.preferred_label for c in countries} == {"Sverige", "Norge"}
    # And importing the taxonomy again keeps the geography's regions under Sverige.
    taxonomy.import_taxonomy(tax)
    assert len(taxonomy.neighbours(COUNTRY_ID, "narrower", concept_type="region")) == 21


def test_regions_carry_nuts_2013_codes(engine: Engine) -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from jobbnav.api.problems import install_problem_handlers
    from jobbnav.geo.model import NUTS3_2013_FIELD
    from jobbnav.taxonomy.api import router as taxonomy_router

    service.import_geography(DEMO_GEO)
    codes = {r.codes[REGION_CODE_FIELD]: r.codes.get(NUTS3_2013_FIELD)
             for r in taxonomy.concepts_of_type("region")}
    assert codes["01"] == "SE110" and codes["12"] == "SE224" and codes["25"] == "SE332"
    assert all(nuts and nuts.startswith("SE") and len(nuts) == 5 for nuts in codes.values())
    assert len(set(codes.values())) == 21
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(taxonomy_router)
    with TestClient(app) as client:
        rows = client.get("/v1/taxonomy/specific/concepts/region").json()
    by_code = {r["taxonomy/national-nuts-level-3-code-2019"]: r for r in rows}
    assert by_code["14"]["taxonomy/nuts-level-3-code-2013"] == "SE232"
    assert by_code["14"]["taxonomy/preferred-label"] == "Västra Götalands län"
