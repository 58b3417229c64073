"""The JobTech Taxonomy v1 compatible API, the native concept endpoint and the /taxonomy page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from taxonomy_helpers import (
    DEV,
    DEV_GROUP,
    KEYWORD,
    NURSE,
    OLD_DEV,
    PROGRAMMER,
    SKILL_TESTING,
    SWEDISH,
    TESTER,
    import_tiny_taxonomy,
)

from jobbnav.api.app import ROUTERS
from jobbnav.api.problems import install_problem_handlers
from jobbnav.taxonomy.api import router


def _client() -> TestClient:
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(router)
    return TestClient(app)


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    import_tiny_taxonomy(tmp_path / "tiny")
    with _client() as test_client:
        yield test_client


def _get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _problem(client: TestClient, path: str, field: str | None, status: int = 400, /,
             **params: Any) -> dict[str, Any]:
    """The problem answer to GET path?params: its status, and the parameter it names (None:
    it names none). Positional-only, so that every keyword is a query parameter."""
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body.get("field") == field, body
    return body


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["taxonomy/id"] for item in items]


def test_router_is_registered() -> None:
    assert "jobbnav.taxonomy.api:router" in ROUTERS


# --- /v1/taxonomy/main/concepts ----------------------------------------------------------------

def test_concept_in_jobtech_shape(client: TestClient) -> None:
    [dev] = _get(client, "/v1/taxonomy/main/concepts", id=DEV)
    assert dev == {"taxonomy/id": DEV, "taxonomy/type": "occupation-name",
                   "taxonomy/preferred-label": "Mjukvaruutvecklare",
                   "taxonomy/definition": "Mjukvaruutvecklare",
                   "taxonomy/hidden-labels": ["Programutvecklare"]}
    [group] = _get(client, "/v1/taxonomy/main/concepts", id=DEV_GROUP)
    assert group["taxonomy/definition"] == "Definition av Mjukvaru- och systemutvecklare m.fl.."
    assert "taxonomy/deprecated" not in group  # JobTech only sends it when true


def test_ids_repeated_or_separated_keep_their_order(client: TestClient) -> None:
    path = "/v1/taxonomy/main/concepts"
    assert _ids(_get(client, path, id=[NURSE, DEV])) == [NURSE, DEV]
    assert _ids(_get(client, path, id=f"{TESTER} {DEV},{NURSE}")) == [TESTER, DEV, NURSE]
    assert _get(client, path, id="Nope_nop_000") == []


def test_old_id_resolves_marked_deprecated_with_its_replacement(client: TestClient) -> None:
    [old] = _get(client, "/v1/taxonomy/main/concepts", id=OLD_DEV)
    assert old["taxonomy/deprecated"] is True
    assert old["taxonomy/replaced-by"][0]["taxonomy/id"] == DEV
    listed = _ids(_get(client, "/v1/taxonomy/main/concepts", type="occupation-name"))
    assert OLD_DEV not in listed and DEV in listed
    assert _ids(_get(client, "/v1/taxonomy/main/concepts", deprecated="true")) == [OLD_DEV]
    everything = _get(client, "/v1/taxonomy/main/concepts", **{"include-deprecated": "true",
                                                               "type": "occupation-name"})
    assert OLD_DEV in _ids(everything)


def test_types_labels_and_paging(client: TestClient) -> None:
    path = "/v1/taxonomy/main/concepts"
    both = _get(client, path, type="skill keyword")
    assert {c["taxonomy/type"] for c in both} == {"skill", "keyword"}
    assert _ids(_get(client, path, **{"preferred-label": "mjukvaruutvecklare"})) == [DEV]
    names = _ids(_get(client, path, type="occupation-name"))
    assert _ids(_get(client, path, type="occupation-name", offset=1, limit=2)) == names[1:3]


def test_relations_as_jobtech_asks_for_them(client: TestClient) -> None:
    path = "/v1/taxonomy/main/concepts"
    members = _get(client, path, relation="narrower", **{"related-ids": DEV_GROUP})
    assert set(_ids(members)) == {DEV, TESTER, PROGRAMMER}
    assert _ids(_get(client, path, relation="broader", **{"related-ids": DEV})) == [DEV_GROUP]
    assert _ids(_get(client, path, relation="related", **{"related-ids": DEV})) == [KEYWORD]
    can_replace = _get(client, path, relation="substitutability-to", **{"related-ids": DEV})
    assert set(_ids(can_replace)) == {TESTER, PROGRAMMER}
    only_tester = _get(client, path, relation="narrower", id=TESTER,
                       **{"related-ids": DEV_GROUP})
    assert _ids(only_tester) == [TESTER]


@pytest.mark.parametrize(("params", "field"), [
    ({"foo": "1"}, "foo"),
    ({"limit": "-1"}, "limit"),
    ({"offset": "x"}, "offset"),
    ({"deprecated": "maybe"}, "deprecated"),
    ({"type": "occupation-nam"}, "type"),
    ({"relation": "sideways", "related-ids": DEV}, "relation"),
    ({"relation": "narrower"}, "related-ids"),
    ({"related-ids": DEV}, "relation"),
])
def test_bad_concepts_requests_are_400_naming_the_parameter(client: TestClient,
                                                            params: dict[str, str],
                                                            field: str) -> None:
    _problem(client, "/v1/taxonomy/main/concepts", field, **params)


# --- types, graph, versions --------------------------------------------------------------------

def test_concept_and_relation_types(client: TestClient) -> None:
    types = _get(client, "/v1/taxonomy/main/concept/types")
    assert {"occupation-name", "ssyk-level-4", "skill", "keyword", "language"} <= set(types)
    assert "narrower" in _get(client, "/v1/taxonomy/main/relation/types")
    _problem(client, "/v1/taxonomy/main/concept/types", "x", x="1")


def test_graph_broader_and_substitutability(client: TestClient) -> None:
    tree = _get(client, "/v1/taxonomy/main/graph", **{
        "edge-relation-type": "broader", "source-concept-type": "occupation-name",
        "target-concept-type": "ssyk-level-4"})["taxonomy/graph"]
    assert {"taxonomy/source": DEV, "taxonomy/target": DEV_GROUP,
            "taxonomy/relation-type": "broader"} in tree["taxonomy/edges"]
    assert len(tree["taxonomy/edges"]) == 6  # every current name; the deprecated one has none
    nodes = {n["taxonomy/id"]: n for n in tree["taxonomy/nodes"]}
    assert nodes[DEV_GROUP]["taxonomy/type"] == "ssyk-level-4"
    subs = _get(client, "/v1/taxonomy/main/graph", **{
        "edge-relation-type": "substitutability", "source-concept-type": "occupation-name",
        "target-concept-type": "occupation-name"})["taxonomy/graph"]["taxonomy/edges"]
    assert {(e["taxonomy/source"], e["taxonomy/target"],
             e["taxonomy/substitutability-percentage"]) for e in subs} == {
        (DEV, TESTER, 75), (DEV, PROGRAMMER, 25)}
    down = _get(client, "/v1/taxonomy/main/graph", limit=1, **{
        "edge-relation-type": "narrower", "source-concept-type": "ssyk-level-4",
        "target-concept-type": "occupation-name"})["taxonomy/graph"]["taxonomy/edges"]
    assert len(down) == 1 and down[0]["taxonomy/relation-type"] == "narrower"


def test_graph_bad_requests(client: TestClient) -> None:
    full = {"edge-relation-type": "broader", "source-concept-type": "occupation-name",
            "target-concept-type": "ssyk-level-4"}
    _problem(client, "/v1/taxonomy/main/graph", "target-concept-type",
             **{k: v for k, v in full.items() if k != "target-concept-type"})
    _problem(client, "/v1/taxonomy/main/graph", "edge-relation-type",
             **{**full, "edge-relation-type": "cousin"})
    _problem(client, "/v1/taxonomy/main/graph", "source-concept-type",
             **{**full, "source-concept-type": "nonsense"})


def test_versions(client: TestClient) -> None:
    [version] = _get(client, "/v1/taxonomy/main/versions")
    assert version["taxonomy/version"] >= 1 and version["taxonomy/timestamp"]
    assert version["jobbnav/concepts-added"] > 10


# --- /v1/taxonomy/specific/concepts/… ----------------------------------------------------------

def test_specific_ssyk_shows_and_filters_by_code(client: TestClient) -> None:
    groups = _get(client, "/v1/taxonomy/specific/concepts/ssyk")
    assert {g["taxonomy/ssyk-code-2012"] for g in groups} == {"2512", "5321", "5131"}
    [dev] = _get(client, "/v1/taxonomy/specific/concepts/ssyk", **{"ssyk-code-2012": "2512"})
    assert dev["taxonomy/id"] == DEV_GROUP and dev["taxonomy/type"] == "ssyk-level-4"
    assert _get(client, "/v1/taxonomy/specific/concepts/ssyk", type="ssyk-level-1") == []


def test_specific_language_codes(client: TestClient) -> None:
    [swedish] = _get(client, "/v1/taxonomy/specific/concepts/language",
                     **{"iso-639-1-2002": "sv"})
    assert swedish["taxonomy/id"] == SWEDISH
    assert swedish["taxonomy/iso-639-2-1998"] == "SWE"


def test_specific_bad_requests(client: TestClient) -> None:
    _problem(client, "/v1/taxonomy/specific/concepts/ssyk", "iso-639-1-2002",
             **{"iso-639-1-2002": "sv"})
    _problem(client, "/v1/taxonomy/specific/concepts/ssyk", "type", type="skill")
    _problem(client, "/v1/taxonomy/specific/concepts/nonsense", None, 404)


# --- /v1/taxonomy/suggesters/autocomplete ------------------------------------------------------

def test_autocomplete(client: TestClient) -> None:
    found = _get(client, "/v1/taxonomy/suggesters/autocomplete", **{"query-string": "mjukv"})
    assert DEV in _ids(found)
    dev = next(item for item in found if item["taxonomy/id"] == DEV)
    assert dev["taxonomy/preferred-label"] == "Mjukvaruutvecklare"
    assert dev["jobbnav/match"] == "prefix"
    typed = _get(client, "/v1/taxonomy/suggesters/autocomplete",
                 **{"query-string": "mjukv", "type": "skill ssyk-level-4"})
    assert set(_ids(typed)) == {SKILL_TESTING, DEV_GROUP}
    within = _get(client, "/v1/taxonomy/suggesters/autocomplete", **{
        "query-string": "mjukv", "relation": "narrower", "related-ids": DEV_GROUP})
    assert set(_ids(within)) == {DEV, TESTER}
    paged = _get(client, "/v1/taxonomy/suggesters/autocomplete",
                 **{"query-string": "mjukv", "limit": "1", "offset": "1"})
    assert _ids(paged) == _ids(found)[1:2]


@pytest.mark.parametrize(("params", "field"), [
    ({}, "query-string"),
    ({"query-string": ""}, "query-string"),
    ({"query-string": "x" * 201}, "query-string"),
    ({"query-string": "mjukv", "q": "x"}, "q"),
    ({"query-string": "mjukv", "limit": "many"}, "limit"),
    ({"query-string": "mjukv", "type": "skills"}, "type"),
    ({"query-string": "mjukv", "relation": "narrower"}, "related-ids"),
])
def test_bad_autocomplete_requests(client: TestClient, params: dict[str, str],
                                   field: str) -> None:
    _problem(client, "/v1/taxonomy/suggesters/autocomplete", field, **params)


# --- the native concept endpoint and the page --------------------------------------------------

def test_concept_with_relations(client: TestClient) -> None:
    body = _get(client, f"/taxonomy/concepts/{DEV}")
    assert body["preferred_label"] == "Mjukvaruutvecklare"
    assert [b["id"] for b in body["broader"]] == [DEV_GROUP]
    assert [r["id"] for r in body["related"]] == [KEYWORD]
    assert [(s["id"], s["percentage"]) for s in body["substitutes"]] == [(TESTER, 75),
                                                                        (PROGRAMMER, 25)]
    assert body["terms"] == [{"term": "Programutvecklare", "kind": "hidden-term",
                              "misspelled": False}]
    group = _get(client, f"/taxonomy/concepts/{DEV_GROUP}")
    assert group["codes"] == {"ssyk-code-2012": "2512"}
    assert {n["id"] for n in group["narrower"]} == {DEV, TESTER, PROGRAMMER}
    tester = _get(client, f"/taxonomy/concepts/{TESTER}")
    assert [(s["id"], s["percentage"]) for s in tester["substituted_by"]] == [(DEV, 75)]
    old = _get(client, f"/taxonomy/concepts/{OLD_DEV}")
    assert old["deprecated"] and old["replaced_by"]["id"] == DEV
    _problem(client, "/taxonomy/concepts/Nope_nop_000", "id", 404)


def test_pages(client: TestClient) -> None:
    search = client.get("/taxonomy")
    assert search.status_code == 200 and 'id="q"' in search.text
    page = client.get(f"/taxonomy/concept/{DEV}")
    assert page.status_code == 200
    assert "Mjukvaruutvecklare" in page.text and "Mjukvarutestare" in page.text
    assert "75 %" in page.text and f'href="/taxonomy/concept/{DEV_GROUP}"' in page.text
    missing = client.get("/taxonomy/concept/Nope_<b>_000")
    assert missing.status_code == 404 and "Nope_&lt;b&gt;_000" in missing.text


@pytest.mark.browser
def test_typeahead_in_the_browser(engine: Engine, tmp_path: Path, live_server: str,
                                  browser_page: Any) -> None:
    import_tiny_taxonomy(tmp_path / "tiny")
    page = browser_page
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server}/taxonomy")
    page.fill("#q", "mjukv")
    page.wait_for_selector("#suggestions li a")
    assert "Mjukvaruutvecklare" in page.inner_text("#suggestions")
    page.click("#suggestions li a >> text=Mjukvaruutvecklare")
    page.wait_for_selector("#concept")
    assert page.get_attribute("#concept", "data-concept-id") == DEV
    assert "Mjukvarutestare" in page.inner_text("#concept")
    page.fill("#q", "underskoterska")
    page.wait_for_selector("#suggestions li >> text=Undersköterska, hemtjänst")
    assert failed == []
    assert page.errors == []


# --- the real taxonomy -------------------------------------------------------------------------

@pytest.mark.realdata
def test_real_data_over_http(real_engine: Engine) -> None:
    with _client() as client:
        found = _get(client, "/v1/taxonomy/suggesters/autocomplete", **{"query-string": "mjukv"})
        assert "Mjukvaruutvecklare" in [c["taxonomy/preferred-label"] for c in found]
        [group] = _get(client, "/v1/taxonomy/specific/concepts/ssyk",
                       **{"ssyk-code-2012": "2512"})
        assert group["taxonomy/preferred-label"] == "Mjukvaru- och systemutvecklare m.fl."
        assert len(_get(client, "/v1/taxonomy/main/concepts", type="ssyk-level-4")) == 400
        edges = _get(client, "/v1/taxonomy/main/graph", **{
            "edge-relation-type": "broader", "source-concept-type": "occupation-name",
            "target-concept-type": "ssyk-level-4"})["taxonomy/graph"]["taxonomy/edges"]
        assert len(edges) == 2412
        dev = _get(client, "/taxonomy/concepts/rQds_YGd_quU")
        assert [b["type"] for b in dev["broader"]] == ["ssyk-level-4", "ssyk-level-3",
                                                       "ssyk-level-2", "ssyk-level-1"]
        assert dev["substitutes"] and all(s["percentage"] in (25, 75)
                                          for s in dev["substitutes"])
