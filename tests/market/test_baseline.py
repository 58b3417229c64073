from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobbnav.errors import InvalidInput, RejectedFile
from jobbnav.market import queries, store
from jobbnav.market.service import import_baseline


def _write(directory: Path, name: str, data: object) -> None:
    (directory / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_good_records_kept_bad_ones_reported(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "ssyk_id_region_annonser_2024.json", {
        "Yhzk_Nm5_9yB": {"CifL_Rzy_Mku": 30, "CaRE_1nn_cSU": 12, "i46j_HmG_v64": 42,
                         "oDpK_oZ2_WYt": -1},
        "not an id": {"CifL_Rzy_Mku": 1}})
    _write(tmp_path, "ssyk_salary.json", {"2221": ["31000", "38000", "47000"],
                                          "1111": ["..", "..", ".."],
                                          "9999": ["50000", "40000", "30000"]})
    _write(tmp_path, "barometer_regional.json", {
        "PDNm_NZ2_WRh": {"CifL_Rzy_Mku": ["små", "vara oförändrad"],
                         "CaRE_1nn_cSU": ["jättestora", "öka"]}})
    result = import_baseline(tmp_path, engine=engine)
    problems = {(r["file"], r["record"]) for r in result["rejections"]}
    assert ("ssyk_id_region_annonser_2024.json", "Yhzk_Nm5_9yB/oDpK_oZ2_WYt") in problems
    assert ("ssyk_id_region_annonser_2024.json", "not an id") in problems
    assert ("ssyk_salary.json", "9999") in problems
    assert ("barometer_regional.json", "PDNm_NZ2_WRh/CaRE_1nn_cSU") in problems
    assert result["accepted"]["ssyk_id_region_annonser_2024.json"] == 3
    salaries = {s["ssyk_code"]: s for s in queries.salary(engine=engine)}
    assert salaries["1111"]["median"] is None and salaries["2221"]["p90"] == 47000
    by_region = queries.demand_by_region("Yhzk_Nm5_9yB", engine=engine)
    assert by_region["basis"] == "published ad counts 2024"
    assert [r["ads"] for r in by_region["regions"]] == [30, 12]


def test_a_file_that_is_not_an_object_is_refused_whole(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "ssyk_salary.json", ["2221", 3])
    with pytest.raises(RejectedFile, match=r"ssyk_salary\.json: record -: expected a JSON object"):
        import_baseline(tmp_path, engine=engine)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(store.salary)).scalar_one() == 0


def test_a_folder_without_market_files_is_an_error(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as err:
        import_baseline(tmp_path, engine=engine)
    assert err.value.field == "directory"


@pytest.mark.realdata
def test_the_real_2024_files(engine: Engine, shared_data: Path) -> None:
    result = import_baseline(shared_data / "market", engine=engine)
    # the published salary file has one stray row keyed "Nej": reported, the rest kept
    assert [(r["file"], r["record"]) for r in result["rejections"]] == [("ssyk_salary.json",
                                                                        "Nej")]
    with engine.connect() as conn:
        b = store.baseline.c
        total = conn.execute(select(func.sum(b.ads)).where(b.area_level == "country")
                             ).scalar_one()
        municipal = conn.execute(select(func.sum(b.ads)).where(b.area_level == "municipality")
                                 ).scalar_one()
    assert total == municipal == 697_030
    ratings = queries.barometer(engine=engine)
    assert ratings["ratings"] and ratings["agreement"]["published_cells"] > 3000
