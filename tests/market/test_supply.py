from __future__ import annotations

import pytest
from market_helpers import NURSE, SOLNA, STOCKHOLM, ad
from sqlalchemy import Engine

from jobbnav.market import queries, supply
from jobbnav.market.facts import Resolver
from jobbnav.market.service import on_ads_stored, recompute


def test_small_job_seeker_cells_are_suppressed(engine: Engine,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # the people domain gives occupation-name ids; the taxonomy maps them to their group
    counts = [(f"occ-{NURSE}", SOLNA, 4), (f"occ-{NURSE}", "Malmö-id", 3),
              ("occ-other", SOLNA, 20)]
    monkeypatch.setattr(supply, "job_seeker_counts", lambda _e: counts)
    monkeypatch.setattr(Resolver, "group_of", lambda _self, occ: occ.removeprefix("occ-"))
    with engine.begin() as conn:
        on_ads_stored(conn, [ad(str(i), 202510, NURSE, SOLNA, STOCKHOLM) for i in range(12)])
    recompute(engine, min_cell=5)
    # Solna alone has 4 nurses: not shown; the country (4 + 3 = 7) is.
    municipal = queries.tightness(NURSE, SOLNA, engine=engine)["rows"][0]
    assert municipal["job_seekers"] is None and municipal["suppressed"] is True
    assert municipal["tightness"] is None
    country = queries.tightness(NURSE, engine=engine)["rows"][0]
    assert country["job_seekers"] == 7 and country["tightness"] == pytest.approx(12 / 7, 0.01)
    assert country["shortage"] is True
    # with a threshold of 3 the Solna cell is published
    recompute(engine, min_cell=3)
    assert queries.tightness(NURSE, SOLNA, engine=engine)["rows"][0]["job_seekers"] == 4


def test_supply_cells_roll_up_and_never_show_a_small_count() -> None:
    class NoTaxonomy:
        def group_of(self, occupation: str) -> str:
            return "G" if occupation == "name-1" else ""

        def region_of(self, municipality: str) -> str:
            return "R"

    cells = supply.supply_cells([("name-1", "M1", 2), ("name-1", "M2", 9)], NoTaxonomy(),  # type: ignore[arg-type]
                                {}, 5)
    shown = {(c["occ_level"], c["area_level"], c["area_id"]): c["seekers"] for c in cells}
    assert shown[("group", "municipality", "M1")] is None
    assert shown[("group", "municipality", "M2")] == 9
    assert shown[("name", "region", "R")] == 11
    assert all(c["seekers"] is None or c["seekers"] >= 5 for c in cells)
