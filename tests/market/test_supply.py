from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from market_helpers import NURSE, SOLNA, STOCKHOLM, ad
from sqlalchemy import Engine

from jobbnav.market import queries, supply
from jobbnav.market.facts import Resolver
from jobbnav.market.model import ALL_OCCUPATIONS, COUNTRY_ID
from jobbnav.market.service import on_ads_stored, recompute

Key = tuple[str, str, str, str]  # (occ_level, occupation_id, area_level, area_id)


def _seekers(cell: dict[str, object]) -> int | None:
    """A cell's published count: an int, or None where it is suppressed."""
    seekers = cell["seekers"]
    assert seekers is None or isinstance(seekers, int), cell
    return seekers


def test_small_job_seeker_cells_are_suppressed(engine: Engine,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # the people domain gives occupation-name ids; the taxonomy maps them to their group
    # (two other occupations in both places, so that secondary suppression has cells to hide
    # beside the small ones without hiding the country's nurses)
    counts = [(f"occ-{NURSE}", SOLNA, 4), (f"occ-{NURSE}", "Malmö-id", 3),
              ("occ-other", SOLNA, 20), ("occ-other", "Malmö-id", 20),
              ("occ-third", SOLNA, 8), ("occ-third", "Malmö-id", 9)]
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
    assert shown[("name", "region", "R")] == 11
    # 11 - 9 would give M1's 2 away: M2 is suppressed as well (secondary suppression)
    assert shown[("group", "municipality", "M2")] is None
    assert shown[("name", "municipality", "M2")] is None
    assert all(n is None or n >= 5 for n in map(_seekers, cells))


class _Geography:
    """Municipalities m<r>-<i> in län r<r>; occupation-names n<g>-<j> in group g<g>."""

    def group_of(self, occupation: str) -> str:
        return "g" + occupation[1:].split("-")[0]

    def region_of(self, municipality: str) -> str:
        return "r" + municipality[1:].split("-")[0]


def _recovered(cells: list[dict[str, object]]) -> dict[Key, int]:
    """An attacker's view: solve every total = sum(parts) with one unknown, repeatedly (a
    recovered cell may unlock another grouping). Exact here: every seeker has a municipality
    in a län and an occupation-name in a group, so totals have no unpublished rest."""
    value: dict[Key, int | None] = {
        (str(c["occ_level"]), str(c["occupation_id"]), str(c["area_level"]),
         str(c["area_id"])): _seekers(c) for c in cells}
    parent_area: dict[str, Callable[[str], tuple[str, str]]] = {
        "municipality": lambda a: ("region", "r" + a[1:].split("-")[0]),
        "region": lambda a: ("country", COUNTRY_ID)}
    parent_occ: dict[str, Callable[[str], tuple[str, str]]] = {
        "name": lambda o: ("group", "g" + o[1:].split("-")[0]),
        "group": lambda o: ("all", ALL_OCCUPATIONS)}
    groups: dict[tuple[Key, str], list[Key]] = {}
    for key in value:
        if key[2] in parent_area:
            total = (key[0], key[1], *parent_area[key[2]](key[3]))
            groups.setdefault((total, "area"), []).append(key)
        if key[0] in parent_occ:
            total = (*parent_occ[key[0]](key[1]), key[2], key[3])
            groups.setdefault((total, "occ"), []).append(key)
    known = {k: v for k, v in value.items() if v is not None}
    found: dict[Key, int] = {}
    progress = True
    while progress:
        progress = False
        for (total, _), parts in groups.items():
            unknown = [c for c in [total, *parts] if c not in known]
            if len(unknown) != 1:
                continue
            cell = unknown[0]
            rest = sum(known[p] for p in parts if p != cell)
            known[cell] = found[cell] = (rest if cell == total
                                         else known[total] - rest)
            progress = True
    return found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 3),
                          st.integers(0, 2), st.integers(1, 12)), min_size=1, max_size=25),
       st.sampled_from([3, 5]))
def test_no_suppressed_count_can_be_recovered_by_subtraction(
        rows: list[tuple[int, int, int, int, int]], min_cell: int) -> None:
    counts = [(f"n{g}-{j}", f"m{r}-{i}", n) for g, j, r, i, n in rows]
    cells = supply.supply_cells(counts, _Geography(), {}, min_cell)  # type: ignore[arg-type]
    assert all(n is None or n >= min_cell for n in map(_seekers, cells))
    assert _recovered(cells) == {}


def test_the_leaky_example_from_the_review_is_closed() -> None:
    # Solna 2, Sundbyberg 9 nurses in one län: primary suppression alone showed 11 and 9
    cells = supply.supply_cells([("n1-1", "m1-1", 2), ("n1-1", "m1-2", 9),
                                 ("n2-1", "m1-1", 30), ("n2-1", "m1-2", 40)],
                                _Geography(), {}, 5)  # type: ignore[arg-type]
    assert _recovered(cells) == {}
    shown = {(c["occupation_id"], c["area_id"]): c["seekers"] for c in cells}
    assert shown[("g1", "m1-1")] is None and shown[("g1", "m1-2")] is None
    assert shown[("g1", "r1")] == 11  # the län total stays published
