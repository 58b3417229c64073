"""JobSearch / JobStream over HTTP: every parameter, the error shape, the example clients."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.ads import service
from jobbnav.ads.search.params import SearchParams
from jobbnav.api import create_app


@pytest.fixture
def client(demo_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(warm=False)) as c:
        yield c


def _search(client: TestClient, **params: Any) -> dict[str, Any]:
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _headlines(body: dict[str, Any]) -> list[str]:
    return [h["headline"] for h in body["hits"]]


def test_response_shape_and_every_word_counts(client: TestClient) -> None:
    body = _search(client, q="lärare")
    assert set(body) >= {"total", "positions", "query_time_in_millis", "result_time_in_millis",
                         "stats", "freetext_concepts", "hits"}
    assert body["total"]["value"] >= 4
    both = _search(client, q="lärare malmö")
    assert _headlines(both) == ["Lärare i grundskolan, årskurs 1–3"]


def test_must_exclude_and_phrase(client: TestClient) -> None:
    assert all("Malmö" not in h["workplace_address"]["municipality"]
               for h in _search(client, q="undersköterska -malmö")["hits"])
    phrase = _search(client, q='"svenska som andraspråk"')
    assert _headlines(phrase) == ["Lärare i svenska som andraspråk, vuxenutbildning"]
    assert _search(client, q="+truckkort +göteborg")["total"]["value"] == 1


def test_compounds_and_stemming(client: TestClient) -> None:
    # "lagerarbetare" also finds ads that say "lager" without the compound
    found = _headlines(_search(client, q="lagerarbetare", limit=20))
    assert "Lagerarbetare till e-handelslager" in found
    assert "Lagerplanerare – inköp och lagerstyrning" in found
    assert _search(client, q="sjuksköterskor")["total"]["value"] >= 2


def test_concept_filters(client: TestClient) -> None:
    group = _search(client, **{"occupation-group": "DJh5_yyF_hEM", "limit": 100})
    assert body_all(group, lambda h: h["occupation_group"]["concept_id"] == "DJh5_yyF_hEM")
    assert group["total"]["value"] == 6
    assert _search(client, **{"occupation-name": "bXNH_MNX_dUR"})["total"]["value"] == 2
    assert _search(client, **{"occupation-field": "MVqp_eS8_kDZ"})["total"]["value"] == 10
    assert _search(client, municipality="QiGt_BLu_amP")["total"]["value"] == 4
    skane = _search(client, region="CaRE_1nn_cSU", limit=100)
    assert body_all(skane, lambda h: h["workplace_address"]["region"] == "Skåne län")
    assert _search(client, country="i46j_HmG_v64")["total"]["value"] == 40
    excluded = _search(client, **{"occupation-field": "-MVqp_eS8_kDZ"})
    assert excluded["total"]["value"] == 30


def body_all(body: dict[str, Any], test: Any) -> bool:
    return bool(body["hits"]) and all(test(h) for h in body["hits"])


def test_employer_flags_and_parttime(client: TestClient) -> None:
    assert _search(client, employer="Snabbpack Logistik")["total"]["value"] == 2
    assert _search(client, employer="5566667778")["total"]["value"] == 2
    assert _search(client, remote="true")["total"]["value"] >= 2
    drivers = _search(client, **{"driving-license-required": "true", "limit": 100})
    assert body_all(drivers, lambda h: h["driving_license_required"] is True)
    assert body_all(_search(client, experience="false", limit=100),
                    lambda h: h["experience_required"] is False)
    part = _search(client, **{"parttime.max": 80, "limit": 100})
    assert body_all(part, lambda h: h["scope_of_work"]["max"] <= 80)
    assert _search(client, **{"parttime.min": 100})["total"]["value"] == 34


def test_dates_position_and_sort(client: TestClient) -> None:
    late = _search(client, **{"published-after": "2026-11-15T00:00:00", "limit": 100})
    assert body_all(late, lambda h: h["publication_date"] >= "2026-11-15")
    early = _search(client, **{"published-before": "2026-11-05T00:00:00", "limit": 100})
    assert body_all(early, lambda h: h["publication_date"] <= "2026-11-05")
    near = _search(client, position="57.70,11.97", **{"position.radius": 10, "limit": 100})
    assert body_all(near, lambda h: h["workplace_address"]["municipality"] == "Göteborg")
    assert near["total"]["value"] == 4
    dates = [h["publication_date"] for h in _search(client, sort="pubdate-asc",
                                                     limit=100)["hits"]]
    assert dates == sorted(dates)
    deadlines = [h["application_deadline"] for h in _search(client, sort="applydate-desc",
                                                             limit=100)["hits"]]
    assert deadlines == sorted(deadlines, reverse=True)


def test_stats_and_positions(client: TestClient) -> None:
    body = _search(client, q="utvecklare", stats="occupation-group,municipality",
                   **{"stats.limit": 2})
    groups = body["stats"][0]
    assert groups["type"] == "occupation-group"
    assert groups["values"][0] == {"term": "Mjukvaru- och systemutvecklare m.fl.",
                                   "concept_id": "DJh5_yyF_hEM", "code": None, "count": 6}
    assert len(body["stats"][1]["values"]) == 2
    assert _search(client, q="lagerarbetare")["positions"] >= 10


def test_taxonomy_synonyms_and_freetext_concepts(real_engine: Engine, tmp_path: Path,
                                                 demo_ads: Path) -> None:
    import shutil

    from jobbnav.db import create_db_engine
    from jobbnav.taxonomy.index import invalidate

    source = Path(str(real_engine.url.database))
    shutil.copy(source, tmp_path / "copy.sqlite3")
    engine = create_db_engine(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    invalidate()
    service.import_ads([demo_ads], engine=engine, enrich=False)
    params = SearchParams.model_validate({"q": "programmerare", "stats": ["occupation-group"]})
    result = service.search(params, engine=engine)
    assert "programmerare" in result.freetext_concepts["occupation"]
    # no demo ad says "programmerare": the synonym reaches Mjukvaruutvecklare ads and the group
    assert any(h["occupation"]["label"] == "Mjukvaruutvecklare" for h in result.hits)
    assert result.stats[0]["values"][0]["code"] == "2512"
    engine.dispose()


def test_duplicates_show_once_with_their_sources(client: TestClient) -> None:
    body = _search(client, q="betalplattform")
    assert body["total"]["value"] == 1
    sources = body["hits"][0]["sources"]
    assert {s["id"] for s in sources} == {"jn-demo-001", "jn-demo-ext-001"}
    assert set(sources[0]) == {"id", "source_type", "webpage_url"}
    assert 0 < body["hits"][0]["relevance"] <= 1


def test_hits_are_the_stored_ads_plus_relevance_and_sources(client: TestClient,
                                                            demo_engine: Engine) -> None:
    from jobbnav.ads import service as ads

    hit = _search(client, q="betalplattform")["hits"][0]
    stored = ads.get_ad(hit["id"], engine=demo_engine)
    assert {k: v for k, v in hit.items() if k not in ("relevance", "sources")} == stored
    # rows stored before the rendered source column existed are answered the same
    with demo_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE ad SET source = NULL")
    assert _search(client, q="betalplattform")["hits"][0]["sources"] == hit["sources"]


def test_an_ad_carrying_its_own_relevance_or_sources_is_answered_with_ours(
        client: TestClient, demo_engine: Engine) -> None:
    from jobbnav.ads import service as ads

    ad = ads.get_ad("jn-demo-001", engine=demo_engine)
    # e.g. re-imported from another jobbnav's /search answer
    ad.update(id="jn-copied-001", relevance=7, sources=[{"id": "elsewhere"}],
              headline="Kopierad annons om zebrafiskar", timestamp=None)
    ads.import_ads([ad], engine=demo_engine, enrich=False)
    r = client.get("/search", params={"q": "zebrafiskar"})
    assert r.content.count(b'"relevance"') == 1
    hit = r.json()["hits"][0]
    assert hit["relevance"] == 1.0 and [s["id"] for s in hit["sources"]] == ["jn-copied-001"]


def test_offset_limit_and_cursor_page_through_everything(client: TestClient) -> None:
    first = _search(client, limit=7, sort="pubdate-desc")
    seen = [h["id"] for h in first["hits"]]
    token = first.get("next")
    while token:
        page = _search(client, limit=7, sort="pubdate-desc", cursor=token)
        seen += [h["id"] for h in page["hits"]]
        token = page.get("next")
    assert len(seen) == len(set(seen)) == first["total"]["value"] == 40
    assert [h["id"] for h in _search(client, offset=7, limit=7,
                                     sort="pubdate-desc")["hits"]] == seen[7:14]
    assert _search(client, limit=0)["hits"] == []


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 101}, "limit"), ({"offset": -1}, "offset"), ({"sort": "random"}, "sort"),
    ({"stats": "salary"}, "stats"), ({"published-after": "yesterday"}, "published-after"),
    ({"parttime.min": 120}, "parttime.min"), ({"position": "north"}, "position"),
    ({"position.radius": 5}, "position.radius"), ({"cursor": "bm9wZQ"}, "cursor"),
    ({"colour": "blue"}, "colour"), ({"remote": "maybe"}, "remote"),
])
def test_errors_are_problem_json_naming_the_parameter(client: TestClient, params: dict[str, Any],
                                                      field: str) -> None:
    r = client.get("/search", params=params)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["field"] == field


def test_ad_and_complete(client: TestClient) -> None:
    ad = client.get("/ad/jn-demo-005").json()
    assert ad["headline"] == "Python-utvecklare till dataplattform"
    missing = client.get("/ad/nope")
    assert missing.status_code == 404 and missing.json()["field"] == "id"
    typeahead = client.get("/complete", params={"q": "lager"}).json()["typeahead"]
    assert any(t["value"] == "lagerarbetare" and t["occurrences"] >= 2 for t in typeahead)
    context = client.get("/complete", params={"q": "undersköterska mal"}).json()["typeahead"]
    assert [t["value"] for t in context] == ["undersköterska malmö"]
    assert client.get("/complete").status_code == 400


def test_stream_updates_removals_and_snapshot(client: TestClient, demo_engine: Engine) -> None:
    time.sleep(0.01)
    before = datetime.now(UTC)
    assert client.get("/stream", params={"date": before.isoformat()}).json() == []
    assert len(client.get("/stream", params={
        "date": (before - timedelta(hours=1)).isoformat()}).json()) == 41
    ad = service.get_ad("jn-demo-021", engine=demo_engine)
    ad.update(headline="Lagerarbetare till e-handelslager, kvällsskift",
              timestamp=ad["timestamp"] + 1)
    service.import_ads([ad, {"id": "jn-demo-022", "removed": True,
                             "removed_date": "2026-11-22T10:00:00"}],
                       engine=demo_engine, enrich=False)
    changed = client.get("/stream", params={"date": before.isoformat()}).json()
    by_id = {a["id"]: a for a in changed}
    assert by_id["jn-demo-021"]["headline"].endswith("kvällsskift")
    assert by_id["jn-demo-022"] == {"id": "jn-demo-022", "removed": True,
                                    "removed_date": "2026-11-22T10:00:00"}
    filtered = client.get("/stream", params={
        "date": before.isoformat(), "occupation-concept-id": "kLyY_rwr_aJr",
        "location-concept-id": "KURg_KJF_Lwc"}).json()
    assert [a["id"] for a in filtered] == ["jn-demo-021"]
    snapshot_ids = {a["id"] for a in client.get("/snapshot").json()}
    assert "jn-demo-022" not in snapshot_ids and len(snapshot_ids) == 40
    live = _search(client, q="truckförare centrallager")
    assert live["total"]["value"] == 0
    archive = client.get("/search", params={"q": "truckförare centrallager",
                                            "historical": "true"}).json()
    assert archive["hits"][0]["id"] == "jn-demo-022" and archive["hits"][0]["removed"] is True
    assert client.get("/historical/search", params={"q": "centrallager"}).json()[
        "hits"][0]["id"] == "jn-demo-022"
    bad = client.get("/stream", params={"date": "2026-01-01", "updated-before-date": "2025-01-01"})
    assert bad.status_code == 400 and bad.json()["field"] == "updated-before-date"


def test_example_clients_run_unchanged(live_server: str, engine: Engine,
                                       demo_ads: Path) -> None:
    service.import_ads([demo_ads], engine=engine, enrich=False)
    url = live_server
    total = requests.get(f"{url}/search?q=lärare&limit=0", timeout=10).json()["total"]["value"]
    headlines = [h["headline"] for h in requests.get(f"{url}/search?q=lärare&limit=100",
                                                     timeout=10).json()["hits"]]
    assert total == len(headlines) >= 4
    ads = requests.get(f"{url}/stream?date=2020-01-01T00:00:00&occupation-concept-id="
                       f"oQUQ_D11_HPx&location-concept-id=PVZL_BQT_XtL", timeout=10).json()
    assert isinstance(ads, list) and [a["headline"] for a in ads] == [
        "Lärare i matematik och NO, årskurs 4–6"]
    assert len(requests.get(f"{url}/snapshot", timeout=10).json()) == 41
