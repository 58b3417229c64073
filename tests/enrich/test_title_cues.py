"""An ad sent without a headline: the title its text announces stands in for one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from jobbnav.enrich.service import enrich
from jobbnav.enrich.title_cues import title_phrases


def test_announced_titles_are_read_up_to_the_first_function_word() -> None:
    assert title_phrases("Vi söker nu en erfaren lastbilschaufför till vår kund i Borås.") \
        == "erfaren lastbilschaufför"
    assert title_phrases("Om tjänsten\nSom undersköterska hos oss arbetar du nära patienten.") \
        == "undersköterska"
    assert title_phrases("We are looking for a Backend Developer to join our team. "
                         "As a Backend Developer you will build APIs.") \
        == "Backend Developer / Backend Developer"
    assert title_phrases("I rollen som projektledare ansvarar du för budgeten.") == "projektledare"


def test_texts_that_announce_no_title_give_nothing() -> None:
    assert title_phrases("") == ""
    assert title_phrases("Vi erbjuder kollektivavtal, friskvård och goda villkor.") == ""
    # "söker dig som …" names the reader, not the job
    assert title_phrases("Nu söker vi dig som vill göra skillnad.") == ""
    # a lower-case "som" inside a sentence is not a title cue
    assert title_phrases("Företaget, som grundades 1981, växer.") == ""


@given(st.text(max_size=400))
def test_title_phrases_never_fail_and_come_from_the_text(text: str) -> None:
    phrases = title_phrases(text)
    for phrase in filter(None, phrases.split(" / ")):
        for word in phrase.split():
            assert word in text


def test_an_ad_without_headline_is_grouped_by_the_title_its_text_announces(
        real_engine: Engine) -> None:
    text = ("Vi söker nu en lastbilschaufför till vår kund i Jönköping. Du kör distribution "
            "med C/CE-bil och lastar och lossar gods hos kunderna. Arbetstiderna är dagtid.")
    without = enrich(text, kind="ad")
    assert without.occupation_groups[0].ssyk_code == "8332"
    # the stand-in headline only informs the group: the concepts are those of the text
    assert all(h.sentence_index >= 0 for h in without.hits)
    assert {h.concept_id for h in without.hits} == {
        h.concept_id for h in enrich(text, kind="ad", predict_groups=False).hits}
