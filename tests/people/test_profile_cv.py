"""Profile validation, personnummer masking, CV text from .docx/.pdf, propose → confirm."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from people_world import World, fake_enricher

from jobbnav.errors import InvalidInput
from jobbnav.people import cv, profile
from jobbnav.people.pnr import find_personnummer, luhn_ok, mask_personnummer


@pytest.mark.parametrize("text", ["811218-9876", "8112189876", "19811218-9876", "198112189876",
                                  "811218+9876", "701063-2391"])
def test_personnummer_found_in_all_forms(text: str) -> None:
    masked, n = mask_personnummer(f"Mitt nummer är {text}, ring mig.")
    assert n == 1 and text not in masked and "[personnummer borttaget]" in masked


@pytest.mark.parametrize("text", ["811218-9875", "0701234567", "811318-9876", "2026-11-22",
                                  "tel 031-123 45 67", "12345678901234"])
def test_not_personnummer(text: str) -> None:
    assert find_personnummer(text) == []


def test_luhn() -> None:
    assert luhn_ok("8112189876") and not luhn_ok("8112189875")


@pytest.mark.parametrize("data,field", [
    ({"gender": "f"}, "gender"), ({"age": 40}, "age"), ({"religion": "x"}, "religion"),
    ({"experiences": [{"occupation_id": "occ-dev", "health": "x"}]}, "experiences.0.health"),
    ({"skills": ["no-such-id"]}, "skills[0]"),
    ({"skills": ["occ-dev"]}, "skills[0]"),
    ({"experiences": [{"occupation_id": "skill-python"}]}, "experiences[0].occupation_id"),
    ({"search": {"places": ["nowhere"]}}, "search.places[0]"),
    ({"languages": [{"concept_id": "lang-sv", "level": "superb"}]}, "languages.0.level"),
    ({"experiences": [{"occupation_id": "occ-dev", "start": "2020-01-01",
                       "end": "2019-01-01"}]}, "experiences.0"),
    ({"favourite_colour": "blue"}, "favourite_colour"),
])
def test_profile_refuses_bad_input_naming_the_field(world: World, data: dict[str, object],
                                                    field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        profile.put_own(world.actors["bert"], data, engine=world.engine)
    assert err.value.field == field


def test_personnummer_masked_in_every_free_text(world: World) -> None:
    saved = profile.put_own(world.actors["bert"], {
        "summary": "pnr 19811218-9876", "goals": {"drivers": ["811218-9876"]},
        "experiences": [{"occupation_id": "occ-dev", "description": "id 811218-9876"}]},
        engine=world.engine)
    assert "9876" not in str(saved["profile"])
    assert {w["field"] for w in saved["warnings"]} == {"summary", "goals.drivers[0]",
                                                      "experiences[0].description"}


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "Språk: Svenska"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text`, written by hand (pypdf reads it back)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    body, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return body


def test_cv_text_from_docx_and_pdf() -> None:
    docx_text = cv.extract_text("cv.docx", None, _docx("Systemutvecklare med Python"))
    assert "Systemutvecklare med Python" in docx_text and "Svenska" in docx_text
    pdf_text = cv.extract_text("cv.pdf", "application/pdf", _pdf("Sjukskoterska och SQL"))
    assert "Sjukskoterska och SQL" in pdf_text


def test_proposals_are_saved_only_when_confirmed(world: World) -> None:
    bert = world.actors["bert"]
    text = cv.extract_text("cv.docx", None, _docx("Systemutvecklare, Python, SQL. 811218-9876"))
    proposed = cv.propose(bert, text, enricher=fake_enricher, engine=world.engine)
    assert proposed["warnings"] and {p["concept_id"] for p in proposed["proposals"]} == {
        "occ-dev", "skill-python", "skill-sql", "lang-sv"}
    assert profile.get_own(bert, engine=world.engine)["profile"]["skills"] == []
    with pytest.raises(InvalidInput, match="was not proposed"):
        cv.confirm(bert, proposed["id"], ["occ-nurse"], engine=world.engine)
    saved = cv.confirm(bert, proposed["id"], ["skill-python", "occ-dev"], engine=world.engine)
    assert saved["profile"]["skills"] == ["skill-python"]
    assert [e["occupation_id"] for e in saved["profile"]["experiences"]] == ["occ-dev"]
    assert cv.pending(bert, engine=world.engine) == []  # the rest was dropped


def test_cv_with_the_real_enrichment_service(real_engine: object) -> None:
    """The enrichment domain's real hits become proposals (read-only: nothing is stored)."""
    pytest.importorskip("jobbnav.enrich.service")
    hits = cv._default_enricher("Jag har arbetat som systemutvecklare i fem år och kan Python "
                                "och SQL. Jag talar svenska och engelska.")
    proposals = cv._proposals(hits)
    assert {p["section"] for p in proposals} >= {"skills", "languages"}
    assert all(p["concept_id"] and p["label"] and 0 <= p["confidence"] <= 1 for p in proposals)


def test_patch_changes_only_the_sections_sent(world: World, client: TestClient) -> None:
    anna = {"Authorization": f"Bearer {world.extra['anna_key']}"}
    before = client.get("/v1/me/profile", headers=anna).json()["profile"]
    assert before["skills"] and before["search"]["places"]
    r = client.patch("/v1/me/profile", headers=anna,
                     json={"summary": "Utvecklare, pnr 811218-9876",
                           "search": {"remote": "fully"}})
    assert r.status_code == 200, r.text
    after = r.json()["profile"]
    assert after["summary"] == "Utvecklare, pnr [personnummer borttaget]"
    assert r.json()["warnings"] == [{"field": "summary",
                                     "problem": "1 personnummer masked before storage"}]
    # Objects merge key by key; every section not sent is untouched.
    assert after["search"] == {**before["search"], "remote": "fully"}
    assert {k: v for k, v in after.items() if k not in ("summary", "search")} == {
        k: v for k, v in before.items() if k not in ("summary", "search")}
    # null clears a section; the merge-patch media type is accepted too.
    r = client.patch("/v1/me/profile", content=b'{"summary": null}',
                     headers={**anna, "Content-Type": "application/merge-patch+json"})
    assert r.status_code == 200 and r.json()["profile"]["summary"] is None
    assert r.json()["profile"]["skills"] == before["skills"]
    log = client.get("/v1/me/audit", headers=anna).json()
    assert log[0]["what"] == "profile updated: summary"


@pytest.mark.parametrize("patch,field", [
    ({"gender": "f"}, "gender"), ({"skills": ["no-such-id"]}, "skills[0]"),
    ({"search": {"places": ["nowhere"]}}, "search.places[0]"),
    ({"favourite_colour": "blue"}, "favourite_colour"), ({}, "profile")])
def test_patch_is_validated_like_put_and_stores_nothing_bad(world: World, client: TestClient,
                                                            patch: dict[str, object],
                                                            field: str) -> None:
    anna = {"Authorization": f"Bearer {world.extra['anna_key']}"}
    before = client.get("/v1/me/profile", headers=anna).json()
    r = client.patch("/v1/me/profile", headers=anna, json=patch)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert client.get("/v1/me/profile", headers=anna).json() == before


def test_put_replaces_the_whole_profile(world: World, client: TestClient) -> None:
    anna = {"Authorization": f"Bearer {world.extra['anna_key']}"}
    r = client.put("/v1/me/profile", headers=anna, json={"summary": "bara detta"})
    assert r.status_code == 200
    assert r.json()["profile"]["skills"] == [] and r.json()["profile"]["summary"] == "bara detta"
