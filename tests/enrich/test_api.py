"""HTTP: /enrich and the JobAd Enrichments document endpoints, including bad requests."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api import create_app


def _client() -> TestClient:
    return TestClient(create_app(warm=False))


def test_post_enrich(real_engine: Engine) -> None:
    r = _client().post("/enrich", json={"text": "Du har B-körkort. Meriterande: Python.",
                                        "headline": "Systemutvecklare", "kind": "ad"})
    assert r.status_code == 200
    body = r.json()
    assert {h["concept_id"]: h["context"] for h in body["hits"]}["jn-driving-licence-B"] == \
        "required"
    assert body["occupation_groups"]


def test_enrichtextdocuments_shape_and_binary_threshold(real_engine: Engine) -> None:
    payload = {"documents_input": [{"doc_id": "1", "doc_headline": "Lagerarbetare",
                                    "doc_text": "Krav: truckkort. Du är noggrann. "
                                                "Vi finns i Jönköping."}],
               "include_terms_info": True, "include_sentences": True,
               "sort_by_prediction_score": "DESC"}
    client = _client()
    full = client.post("/enrichtextdocuments", json=payload).json()
    assert full[0]["doc_id"] == "1"
    candidates = full[0]["enriched_candidates"]
    assert set(candidates) == {"occupations", "competencies", "traits", "geos"}
    item = candidates["competencies"][0]
    assert {"concept_label", "term", "prediction", "term_misspelled", "sentence_index",
            "sentence"} <= set(item)
    binary = client.post("/enrichtextdocumentsbinary", json=payload).json()
    for items in binary[0]["enriched_candidates"].values():
        assert all(i["prediction"] >= 0.5 for i in items)


def test_bad_requests_are_problems(real_engine: Engine) -> None:
    client = _client()
    r = client.post("/enrich", json={"txt": "x"})
    assert r.status_code == 400 and r.headers["content-type"].startswith(
        "application/problem+json")
    r = client.post("/enrich", json={"text": "x" * 1_100_000})
    assert r.status_code == 413 and r.json()["field"] == "text"
    r = client.post("/enrich", content=b"\xff\xfe not json",
                    headers={"content-type": "application/json"})
    assert r.status_code == 400
    r = client.post("/enrichtextdocuments", json={"documents_input": [
        {"doc_id": "a", "doc_text": "y" * 1_100_000}]})
    assert r.status_code == 413 and r.json()["field"] == "documents_input.0.doc_text"


def _group_of(concept: dict[str, str]) -> str:
    from jobbnav.enrich.service import lexicon

    if concept["concept_type"] == "ssyk-level-4":
        return concept["concept_id"]
    (group,) = lexicon().groups_of[concept["concept_id"]]
    return group


def test_the_first_occupation_is_the_best_guess_of_what_the_ad_is_for(
        real_engine: Engine) -> None:
    # the text names a recruiter: a contact, not the job, and no occupation of the ad
    text = ("Vi söker en sjuksköterska till vår infektionsavdelning. Du har legitimation. "
            "Frågor besvaras av vår rekryterare.")
    headline = "Sjuksköterska till infektionsavdelningen"
    client = _client()
    guess = client.post("/enrich", json={"text": text, "headline": headline}).json()[
        "occupation_groups"]
    payload = {"documents_input": [{"doc_id": "1", "doc_headline": headline, "doc_text": text}],
               "include_terms_info": True, "sort_by_prediction_score": "DESC"}
    for path in ("/enrichtextdocuments", "/enrichtextdocumentsbinary"):
        occupations = client.post(path, json=payload).json()[0]["enriched_candidates"][
            "occupations"]
        assert occupations, path
        assert _group_of(occupations[0]) == guess[0]["concept_id"], (path, occupations[:3])
        predictions = [o["prediction"] for o in occupations]
        assert predictions == sorted(predictions, reverse=True)
    named = [o for o in client.post("/enrichtextdocuments", json=payload).json()[0][
        "enriched_candidates"]["occupations"] if o["context"] != "predicted"]
    assert named and not any("rekryter" in o["term"].lower() for o in named)


def test_enrich_ad_lists_occupations_best_guess_first(real_engine: Engine) -> None:
    from jobbnav.enrich.service import enrich_ad

    out = enrich_ad({"headline": "Lagerarbetare till Jönköping",
                     "description": {"text": "Du kör truck och plockar order. "
                                             "Kontakta rekryteraren vid frågor."}})
    assert out["occupations"] and out["occupation_groups"]
    assert _group_of(out["occupations"][0]) == out["occupation_groups"][0]["concept_id"]
