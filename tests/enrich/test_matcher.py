"""Matcher on a small hand-made taxonomy: inflections, compounds, overlaps, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobbnav.enrich.lexicon import Lexicon, build_lexicon
from jobbnav.enrich.matcher import find_matches
from jobbnav.taxonomy.index import Edge, TaxonomyIndex, Term
from jobbnav.taxonomy.model import Concept


def _concept(cid: str, ctype: str, label: str) -> Concept:
    return Concept(id=cid, type=ctype, preferred_label=label, definition=None, codes={},
                   deprecated=False, replaced_by=None)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    idx = TaxonomyIndex(version=1)
    for c in [_concept("o1", "occupation-name", "Sjuksköterska, grundutbildad"),
              _concept("o2", "occupation-name", "Lagerarbetare/Terminalarbetare"),
              _concept("o3", "occupation-name", "Systemutvecklare/Programmerare"),
              _concept("s1", "skill", "Java, programmeringsspråk"),
              _concept("s2", "skill", "Python, programmeringsspråk"),
              _concept("s3", "skill", "Continuous integration/CI"),
              _concept("g1", "ssyk-level-4", "Mjukvaru- och systemutvecklare m.fl."),
              _concept("t1", "trait", "Noggrann"),
              _concept("l1", "language", "Svenska"),
              _concept("m1", "municipality", "Vara")]:
        idx.concepts[c.id] = c
        idx.by_type[c.type].append(c.id)
    idx.terms["o2"].append(Term("lagerarbetre", "ontology", True))
    for source, target, kind in [("o3", "g1", "broader"), ("g1", "s1", "related"),
                                 ("g1", "s2", "related")]:
        edge = Edge(source, target, kind, None, False)
        idx.outgoing[source].append(edge)
        idx.incoming[target].append(edge)
    return build_lexicon(idx)


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], lexicon.entries[m.key_id][0].concept_id)
            for m in find_matches(lexicon, text)]


def test_inflected_and_compound_forms(lexicon: Lexicon) -> None:
    text = "Sjuksköterskorna och akutsjuksköterskan; lagerarbetarna, Lagerarbetre."
    assert _found(lexicon, text) == [("Sjuksköterskorna", "o1"), ("sjuksköterskan", "o1"),
                                     ("lagerarbetarna", "o2"), ("Lagerarbetre", "o2")]


def test_short_words_never_match_inside_long_ones(lexicon: Lexicon) -> None:
    assert _found(lexicon, "javascriptramverk och pythonic ci-lösningar") == []


def test_acronyms_need_capitals_and_places_a_capital_letter(lexicon: Lexicon) -> None:
    assert _found(lexicon, "Vi använder CI. Det ska vara ci") == [("CI", "s3")]
    assert _found(lexicon, "Jobbet finns i Vara") == [("Vara", "m1")]


def test_hyphen_keeps_both_words(lexicon: Lexicon) -> None:
    assert _found(lexicon, "Java-systemutvecklare") == [("Java", "s1"), ("systemutvecklare", "o3")]
    assert _found(lexicon, "Java-utvecklare, Svenska") == [("Java", "s1"), ("Svenska", "l1")]


_PIECES = st.sampled_from(["Java", "Python", "sjuksköterska", "sjuksköterskorna", "akut",
                           "lagerarbetare", "CI", "ci", "Vara", "-", "/", " ", ".", "\n", "s",
                           "na", "Svenska", "systemutvecklare"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_matches_are_inside_the_text_without_overlapping_duplicates(lexicon: Lexicon,
                                                                    text: str) -> None:
    matches = find_matches(lexicon, text)
    assert matches == find_matches(lexicon, text)
    seen: list[tuple[int, int, set[str]]] = []
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        types = {e.concept_type for e in lexicon.entries[m.key_id]}
        for start, end, other in seen:
            if m.start < end and start < m.end:
                assert not types & other, "same-type matches overlap"
        seen.append((m.start, m.end, types))
