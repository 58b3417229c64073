"""Tokenizer properties: offsets are kept, sentences lie inside the text and never overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jobbnav.enrich.tokenize import match_text, prepare_text, sentence_spans

texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400) | \
    st.text(alphabet="abcåäö ABCÅÄÖ.,!?-/\n•<>&;#+B", max_size=400)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_match_text_keeps_every_offset(text: str) -> None:
    folded = match_text(text)
    assert len(folded) == len(text)
    assert len(prepare_text(text)) == len(text)
    assert match_text(text) == folded  # deterministic


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_are_ordered_non_overlapping_spans_inside_the_text(text: str) -> None:
    spans = sentence_spans(text)
    last_end = 0
    for start, end in spans:
        assert 0 <= last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last_end = end
    assert sentence_spans(text) == spans


def test_sentences_split_on_lines_bullets_and_full_stops() -> None:
    text = "Krav:\n• B-körkort\n• Svenska. Meriterande är Java!"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Krav:", "B-körkort", "Svenska.", "Meriterande är Java!"]


def test_html_tags_and_entities_are_blanked_without_moving_text() -> None:
    html = "<p>Du har <b>B-körkort</b>&nbsp;och truckkort</p>"
    clean = prepare_text(html)
    assert clean.index("B-körkort") == html.index("B-körkort")
    assert "<" not in clean and "&nbsp;" not in clean


def test_web_and_mail_addresses_are_blanked_in_place() -> None:
    text = ("Läs mer på https://karriar.example.se/jobb/stockholm eller www.example.se. "
            "Frågor: rekrytering@example.se. Tack!")
    clean = prepare_text(text)
    assert len(clean) == len(text)
    assert "stockholm" not in clean and "example" not in clean and "rekrytering" not in clean
    assert clean.startswith("Läs mer på ") and clean.endswith("Tack!")


@given(st.text(alphabet=st.sampled_from(list("ab.@:/w <>()\n,")), max_size=80))
def test_address_blanking_keeps_every_offset_and_other_text(text: str) -> None:
    clean = prepare_text(text)
    assert len(clean) == len(text)
    assert all(c == d or c == " " for c, d in zip(clean, text, strict=True) if d not in "<>")


def test_what_gärna_softens_is_a_clause_of_its_own() -> None:
    text = "Krav:\n- Erfarenhet av CNC-fräsning, gärna i Mazatrol, helst Fanuc.\nPython, SQL."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Krav:", "Erfarenhet av CNC-fräsning", "gärna i Mazatrol", "helst Fanuc.",
        "Python, SQL."]


def test_an_abbreviation_before_a_capital_ends_no_sentence() -> None:
    text = ("Meriterande med utbildning inom jordbruk, t.ex. Lantmästare eller Agronom. "
            "Du har erfarenhet av bl.a. Java. Vi har kontor i Kista m.m. Du har körkort.")
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Meriterande med utbildning inom jordbruk, t.ex. Lantmästare eller Agronom.",
        "Du har erfarenhet av bl.a. Java.", "Vi har kontor i Kista m.m.", "Du har körkort."]
