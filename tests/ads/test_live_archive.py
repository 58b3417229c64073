"""Live search reads a live index that holds only ads open for application; the archive holds
every ad. Expiry is applied with a frozen clock: at import, by the sweep a live search runs
once the earliest deadline has passed, and by a deadline filter while a sweep cannot run."""

from __future__ import annotations

import shutil
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from jobbnav.ads import service
from jobbnav.ads.search.indexes import get_indexes, reset_indexes
from jobbnav.ads.search.params import SearchParams

T0 = 1_795_000_000  # 2026-11-18, the frozen "now"


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _ad(ad_id: str, deadline: int, **extra: Any) -> dict[str, Any]:
    return {"id": ad_id, "headline": f"Truckförare {ad_id}",
            "description": {"text": "Truckkort krävs, arbete i vårt lager."},
            "employer": {"name": f"Lagret {ad_id} AB"},
            "application_deadline": _iso(deadline), **extra}


def _ids(engine: Engine, historical: bool = False) -> set[str]:
    result = service.search(SearchParams.model_validate(
        {"q": "truckförare", "limit": 100, "historical": historical}), engine=engine)
    return {hit["id"] for hit in result.hits}


def _live_docs(engine: Engine) -> int:
    return int(get_indexes(engine).live.searcher().num_docs)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [float(T0)]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def test_live_index_holds_only_open_ads_and_archive_holds_all(engine: Engine,
                                                              clock: list[float]) -> None:
    service.import_ads([_ad("open", T0 + 86_400), _ad("past", T0 - 60),
                        _ad("gone", T0 + 86_400, removed=True)], engine=engine, enrich=False)
    assert _ids(engine) == {"open"}
    assert _live_docs(engine) == 1  # no filter needed: the others were never indexed live
    assert _ids(engine, historical=True) == {"open", "past", "gone"}

    service.import_ads([{"id": "open", "removed": True, "removed_date": _iso(T0)}],
                       engine=engine, enrich=False)
    assert _ids(engine) == set()
    assert _live_docs(engine) == 0
    assert _ids(engine, historical=True) == {"open", "past", "gone"}


def test_expiry_sweeps_live_index_or_filters_until_it_can(engine: Engine,
                                                          clock: list[float]) -> None:
    service.import_ads([_ad("soon", T0 + 100), _ad("later", T0 + 1_000),
                        _ad("long", T0 + 86_400)], engine=engine, enrich=False)
    indexes = get_indexes(engine)
    assert _ids(engine) == {"soon", "later", "long"}
    assert indexes.live.next_expiry == T0 + 100

    clock[0] = T0 + 200  # "soon" expired: the next live search sweeps it out of the index
    assert _ids(engine) == {"later", "long"}
    assert _live_docs(engine) == 2 and indexes.live.next_expiry == T0 + 1_000

    clock[0] = T0 + 2_000  # "later" expired, but a sweep ran moments ago: filtered instead
    assert _ids(engine) == {"long"}
    assert _live_docs(engine) == 2
    with indexes.lock:  # a writer busy in this process: still filtered, never shown
        indexes._swept = float("-inf")
        assert _ids(engine) == {"long"}
        assert service.complete("truck", engine=engine)[0]["occurrences"] == 1
    indexes._swept = float("-inf")
    assert _ids(engine) == {"long"}
    assert _live_docs(engine) == 1
    assert _ids(engine, historical=True) == {"soon", "later", "long"}


def test_import_sweeps_what_expired_meanwhile(engine: Engine, clock: list[float]) -> None:
    service.import_ads([_ad("soon", T0 + 100)], engine=engine, enrich=False)
    clock[0] = T0 + 200
    service.import_ads([_ad("new", T0 + 86_400)], engine=engine, enrich=False)
    assert _live_docs(engine) == 1
    assert _ids(engine) == {"new"}


def test_each_index_repairs_itself_from_the_database(engine: Engine,
                                                     clock: list[float]) -> None:
    service.import_ads([_ad(f"a{i}", T0 + 86_400) for i in range(5)]
                       + [_ad("old", T0 - 10)], engine=engine, enrich=False)
    live_dir = get_indexes(engine).live.path
    reset_indexes()
    shutil.rmtree(live_dir)  # lost (or never committed): rebuilt from the rows on open
    assert _ids(engine) == {f"a{i}" for i in range(5)}
    assert _ids(engine, historical=True) == {f"a{i}" for i in range(5)} | {"old"}
