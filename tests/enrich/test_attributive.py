"""A trait word before a thing describes the thing, not the candidate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from jobbnav.enrich.attributive import describes_a_thing
from jobbnav.enrich.service import enrich


def _of(text: str, word: str) -> bool:
    start = text.index(word)
    return describes_a_thing(text, start, start + len(word))


def test_adjectives_before_things_describe_the_things() -> None:
    assert _of("Vi erbjuder en dynamisk arbetsmiljö.", "dynamisk")
    assert _of("Du får engagerade kollegor.", "engagerade")
    assert _of("Varmt välkommen med din ansökan!", "Varmt")
    assert _of("genom att snabbt testa idéer", "snabbt")


def test_traits_of_the_candidate_stay() -> None:
    assert not _of("Du är noggrann i ditt arbete.", "noggrann")
    assert not _of("Du är driven och kommunikativ.", "driven")
    assert not _of("Vi söker en driven säljare.", "driven")  # a person
    assert not _of("Vi söker en driven strategisk inköpare.", "driven")  # within two words
    assert not _of("Du har ett strukturerat arbetssätt.", "strukturerat")  # a person's manner
    assert not _of("Positiv\nTeamorienterad", "Positiv")  # a list: the line ends
    assert not _of("Är en ödmjuk och prestigelös Team-player.", "prestigelös")
    assert not _of("Noggrannhet genomsyrar arbetet.", "Noggrannhet")  # a trait noun
    assert not _of("Jag är hjälpsam och jobbar hårt.", "hjälpsam")  # "jobbar" is a verb
    assert not _of("Jag är noggrann och praktiskt lagd.", "noggrann")  # a person's bent
    assert not _of("Du är en trygg och engagerad pedagog.", "engagerad")
    assert not _of("Du kan arbeta självständigt utifrån ritningar.", "självständigt")


@given(st.text(max_size=60), st.text(max_size=60))
def test_never_fails_on_any_text(before: str, after: str) -> None:
    text = before + "driven" + after
    assert describes_a_thing(text, len(before), len(before) + 6) in (True, False)


def test_company_descriptions_give_no_traits(real_engine: Engine) -> None:
    hits = enrich("Om oss\nVi är ett innovativt bolag med en dynamisk arbetsmiljö och engagerade "
                  "kollegor. Du är noggrann och självständig.", kind="ad").hits
    assert {h.preferred_label for h in hits if h.concept_type == "trait"} == {
        "Noggrann", "Självständig"}


def test_coordinated_adjectives_describe_what_follows_the_last() -> None:
    assert _of("i ett socialt och roligt team", "socialt")
    assert _of("en dynamisk och flexibel arbetsmiljö", "dynamisk")
    assert not _of("Du är driven och kommunikativ.", "driven")
    assert not _of("en driven och engagerad säljare", "driven")
    assert not _of("Du är driven och vill lära dig mer.", "driven")
    assert not _of("Förmåga att arbeta självständigt och driva initiativ.", "självständigt")
    assert not _of("Du hanterar förändringar snabbt och löser problem.", "snabbt")
