"""Compounds on the index side: "lärare" finds "Förskollärare", "sjuksköterska" finds
"specialistsjuksköterska", exact words rank first, and short words do not fire inside others."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from jobbnav.ads import service
from jobbnav.ads.search.compounds import HeadFinder, heads_in, vocabulary
from jobbnav.ads.search.params import SearchParams


def _ad(ad_id: str, headline: str, text: str) -> dict[str, Any]:
    return {"id": ad_id, "headline": headline, "description": {"text": text},
            "employer": {"name": f"Arbetsgivare {ad_id}"},
            "application_deadline": "2099-01-01T00:00:00",
            "publication_date": "2026-11-01T08:00:00"}


ADS = [
    _ad("exact", "Lärare i matematik", "Vi söker en lärare i matematik till högstadiet."),
    _ad("forskola", "Förskollärare till Solrosen", "Förskollärare sökes till vår förskola."),
    _ad("gymnasium", "Gymnasielärare i svenska", "Undervisning i svenska på gymnasiet."),
    _ad("iva", "Specialistsjuksköterska inom intensivvård", "Du arbetar på IVA i Umeå."),
    _ad("sjuk", "Sjuksköterska till vårdcentral", "Mottagning och telefonrådgivning."),
    _ad("plan", "Produktionsplanering", "Planering och uppföljning av produktionen."),
]


def _ids(engine: Engine, q: str) -> list[str]:
    result = service.search(SearchParams.model_validate({"q": q, "limit": 20}), engine=engine)
    return [h["id"] for h in result.hits]


def test_heads_are_found_at_the_end_of_long_words_only() -> None:
    finder = HeadFinder(vocabulary(["Sjuksköterska, grundutbildad", "Lag och ordning"]))
    assert finder.of_word("förskollärare") == ("lärare",)
    assert "sjuksköterska" in finder.of_word("specialistsjuksköterska")
    assert finder.of_word("lagerarbetare") == ("arbetare",)
    assert finder.of_word("lager") == () and finder.of_word("planering") == ()
    assert finder.of_word("samarbete") == ()  # "arbete" is no head, "sam" too short
    assert "lag" not in finder.heads and "och" not in finder.heads
    assert heads_in("Gymnasielärare sökes. Lärare!", finder) == "lärare"


def test_search_finds_compounds_and_ranks_exact_words_first(engine: Engine) -> None:
    report = service.import_ads(ADS, engine=engine, enrich=False)
    assert report.stored == len(ADS)
    teachers = _ids(engine, "lärare")
    assert teachers[0] == "exact"
    assert set(teachers) == {"exact", "forskola", "gymnasium"}
    nurses = _ids(engine, "sjuksköterska")
    assert nurses[0] == "sjuk" and set(nurses) == {"sjuk", "iva"}
    assert _ids(engine, "ring") == []  # no word inside "planering"
    assert _ids(engine, "förskollärare") == ["forskola"]  # the long word stays precise


def test_heads_from_words_split_once_match_heads_from_the_text() -> None:
    from jobbnav.ads.search.analysis import tokens
    from jobbnav.ads.search.compounds import heads_in_words

    text = ("Förskollärare och specialistsjuksköterska sökes; planering, lärare, "
            "FÖRSKOLLÄRARE igen och ett ord som är alldeles för långt för att vara ett ord "
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxlärare")
    heads = vocabulary(["Lärare", "Sjuksköterska"])
    from_text = heads_in(text, HeadFinder(heads)).split()
    finder = HeadFinder(heads)
    assert sorted(heads_in_words(tokens(text), finder).split()) == sorted(from_text)
    assert sorted(heads_in_words(tokens(text), finder).split()) == sorted(from_text)  # cached
    assert {"lärare", "sjuksköterska"} <= set(from_text)
