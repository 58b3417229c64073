"""The hot path of /search stays exact: totals, positions, filter ranking and the route itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pytest
import tantivy
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.ads import service
from jobbnav.ads.search.build import any_of
from jobbnav.ads.search.indexes import get_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.api import create_app

Q, Occur = tantivy.Query, tantivy.Occur


@pytest.fixture
def client(demo_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(warm=False)) as c:
        yield c


def _every_hit(engine: Engine, **params: Any) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = []
    while True:
        found = service.search(SearchParams.model_validate(
            {**params, "limit": 100, "offset": len(hits)}), engine=engine).hits
        if not found:
            return hits
        hits += found


SEARCHES: list[dict[str, Any]] = [
    {},
    {"q": "lärare"},
    {"q": "lagerarbetare"},
    {"municipality": ["QiGt_BLu_amP", "PVZL_BQT_XtL"]},
    {"occupation-field": ["-MVqp_eS8_kDZ"]},
    {"q": "undersköterska", "region": ["CifL_Rzy_Mku"]},
    {"q": "ingenting-sådant-finns"},
]


def test_total_and_positions_count_every_matching_ad(demo_engine: Engine) -> None:
    for params in SEARCHES:  # one import for all of them: the demo store is read-only here
        hits = _every_hit(demo_engine, **params)
        for limit, offset in ((10, 0), (0, 0), (5, 1000)):
            result = service.search(SearchParams.model_validate(
                {**params, "limit": limit, "offset": offset}), engine=demo_engine)
            assert result.total == len(hits), params
            # positions: the vacancies of every matching ad, not only of the page returned
            assert result.positions == sum(int(h["number_of_vacancies"] or 1) for h in hits)
            assert len(result.hits) == (min(limit, len(hits)) if offset == 0 else 0)
    assert len({len(_every_hit(demo_engine, **p)) for p in SEARCHES}) >= 4  # varied totals


def test_filter_matches_and_ranks_like_a_term_set(demo_engine: Engine) -> None:
    index = get_indexes(demo_engine).live
    searcher = index.searcher()
    schema = index.schema
    word = Q.boolean_query([(Occur.Should, Q.term_query(schema, "body", "arbet")),
                            (Occur.Should, Q.term_query(schema, "headline", "lar"))])
    cases = {"municipality": ["QiGt_BLu_amP", "PVZL_BQT_XtL", "no-such-id"],
             "group": ["DJh5_yyF_hEM"], "field": ["MVqp_eS8_kDZ", "MVqp_eS8_kDZ"]}

    def ranked(filter_query: tantivy.Query, base: tantivy.Query | None
               ) -> list[tuple[float, int, int]]:
        parts = [(Occur.Must, filter_query)]
        if base is not None:
            parts.append((Occur.Must, base))
        hits = searcher.search(Q.boolean_query(parts), 100).hits
        return [(float(s), a.segment_ord, a.doc) for s, a in hits]

    checked = 0
    for name, values in cases.items():
        for filtered in (any_of(schema, name, values), Q.term_set_query(schema, name, values)):
            assert searcher.search(filtered, 1).count > 0  # type: ignore[attr-defined]
        for base in (None, word):
            expected = ranked(Q.term_set_query(schema, name, values), base)
            assert ranked(any_of(schema, name, values), base) == expected
            checked += len(expected)
    assert checked > 10


def test_search_routes_are_documented_and_strict(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/search", "/historical/search"):
        answer = paths[path]["get"]["responses"]["200"]["content"]["application/json"]
        assert "hits" in answer["schema"]["properties"]
    # /historical/search fixes `historical` itself: the parameter is refused, by name
    bad = client.get("/historical/search", params={"historical": "false"})
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert bad.json()["field"] == "historical"
    both = client.get("/search", params={"limit": "5", "q": "lärare"})
    assert both.headers["content-type"] == "application/json"
    body = orjson.loads(both.content)
    assert body["total"]["value"] >= len(body["hits"]) > 0


def test_hits_carry_their_duplicates_sources_also_without_stored_sources(
        demo_engine: Engine) -> None:
    from sqlalchemy import text

    from jobbnav.ads.search.engine import _hits

    with demo_engine.begin() as conn:
        (first, first_id), (second, second_id) = conn.execute(
            text("SELECT key, id FROM ad ORDER BY key LIMIT 2")).all()
        # rows written before sources were stored: the source entry is built from the ad
        conn.execute(text("UPDATE ad SET source = NULL WHERE key IN (:a, :b)"),
                     {"a": first, "b": second})
        conn.execute(text("UPDATE ad SET duplicate_of = :of WHERE key = :b"),
                     {"of": first_id, "b": second})
        dupes = [r[0] for r in conn.execute(text(
            "SELECT id FROM ad WHERE duplicate_of = :of ORDER BY key"), {"of": first_id})]
        urls: dict[str, str | None] = {ad_id: url for ad_id, url in conn.execute(text(
            "SELECT id, json_extract(data, '$.webpage_url') FROM ad WHERE key = :a "
            "OR duplicate_of = :of"), {"a": first, "of": first_id}).all()}
    assert second_id in dupes
    [hit] = [orjson.loads(h) for h in _hits(demo_engine, [first], [2.0])]
    assert hit["id"] == first_id and hit["relevance"] == 1.0
    assert [s["id"] for s in hit["sources"]] == [first_id, *dupes]
    assert [s["webpage_url"] for s in hit["sources"]] == [urls[i] for i in [first_id, *dupes]]
    assert all(set(s) == {"id", "source_type", "webpage_url"} for s in hit["sources"])
