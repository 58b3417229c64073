"""Typeahead: what a user finds as they type, on a tiny taxonomy and on the real one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine
from taxonomy_helpers import (
    DEV,
    DEV_GROUP,
    NURSE,
    OLD_DEV,
    PROGRAMMER,
    SKILL_ECOMMERCE,
    SKILL_TESTING,
    TESTER,
    WAITER,
    WELD,
    import_tiny_taxonomy,
)

from jobbnav.errors import InvalidInput
from jobbnav.taxonomy import service
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.model import Concept
from jobbnav.taxonomy.typeahead import (
    MATCH_KINDS,
    TypeaheadIndex,
    _within_one_edit,
    search_key,
    suggest,
    typeahead_index,
)


@pytest.fixture
def tiny(engine: Engine, tmp_path: Path) -> Engine:
    import_tiny_taxonomy(tmp_path / "tiny")
    return engine


def _ids(query: str, **kwargs: object) -> list[str]:
    return [s.concept.id for s in suggest(query, **kwargs)]  # type: ignore[arg-type]


def test_match_kinds_rank_exact_prefix_word_infix_fuzzy(tiny: Engine) -> None:
    found = [(s.concept.id, s.match) for s in suggest("svets")]
    assert found[:4] == [(WELD[kind][0], kind)
                         for kind in ("exact", "prefix", "word-prefix", "infix")]
    assert (WELD["fuzzy"][0], "fuzzy") in found[4:]
    assert {kind for _, kind in found[4:]} == {"fuzzy"}  # "Svenska" is one typo away too


def test_swedish_letters_case_and_keyboard_without_them(tiny: Engine) -> None:
    for query in ("underskoterska", "Undersköterska", "UNDERSKÖT", "undersköt"):
        assert _ids(query)[0] == NURSE, query
    # "sköterska" is inside a word of both nurse titles
    assert set(_ids("sköterska", types=["occupation-name"])) >= {NURSE}


def test_every_word_in_any_order(tiny: Engine) -> None:
    found = suggest("hemtjänst underskö")
    assert found[0].concept.id == NURSE and found[0].match == "words"
    assert suggest("hemtjänst servit") == []




def test_slash_alternatives_are_each_a_label(tiny: Engine) -> None:
    for query in ("servitris", "Servitör", "servitor/servitris"):
        found = suggest(query)
        assert found[0].concept.id == WAITER and found[0].match == "exact", query
        assert found[0].official and found[0].term == "Servitör/Servitris"


def test_hyphens_spaces_and_joined_spellings(tiny: Engine) -> None:
    for query in ("e-handel", "E handel", "ehandel", "e‐handel"):  # the last with U+2010
        assert _ids(query)[0] == SKILL_ECOMMERCE, query


def test_official_label_before_hidden_term(tiny: Engine) -> None:
    found = suggest("program", types=["occupation-name"])
    assert [s.concept.id for s in found[:2]] == [PROGRAMMER, DEV]
    hidden = found[1]
    assert not hidden.official and hidden.term == "Programutvecklare"
    assert hidden.term_kind == "hidden-term" and hidden.match == "prefix"


@pytest.mark.parametrize("typo", [
    "mjukvaruutvecklara",  # substitution
    "mjukvaruutveklare",  # a letter missing
    "mjukvaruuttvecklare",  # a letter too many
    "mjukvaruutvceklare",  # two neighbours swapped
    "mjkuvaru",  # swapped early, in a beginning
    "njukvaruutv",  # wrong first letter
])
def test_one_typo_anywhere_is_tolerated(tiny: Engine, typo: str) -> None:
    found = {s.concept.id: s.match for s in suggest(typo, types=["occupation-name"])}
    assert found.get(DEV) == "fuzzy", typo


def test_two_typos_are_not_a_match(tiny: Engine) -> None:
    assert DEV not in _ids("mjukvaeuutveklare")


def test_type_filter_one_or_several(tiny: Engine) -> None:
    assert _ids("mjukv", types=["skill"]) == [SKILL_TESTING]
    both = _ids("mjukv", types=["skill", "ssyk-level-4"])
    assert set(both) == {SKILL_TESTING, DEV_GROUP}
    assert _ids("mjukv", types=["occupation-name"])[:2] in ([DEV, TESTER], [TESTER, DEV])


def test_deprecated_concepts_only_when_asked(tiny: Engine) -> None:
    assert OLD_DEV not in _ids("dataprogrammerare")
    found = suggest("dataprogrammerare", include_deprecated=True)
    assert found[0].concept.id == OLD_DEV and found[0].concept.deprecated


def test_within_restricts_to_given_concepts(tiny: Engine) -> None:
    members = {c.id for c in service.neighbours(DEV_GROUP, "narrower")}
    assert set(_ids("mjukv", within=members)) == {DEV, TESTER}


def test_limit_and_offset_page_through_one_ranking(tiny: Engine) -> None:
    whole = _ids("mjukv", limit=10)
    assert len(whole) >= 4
    assert _ids("mjukv", limit=2) == whole[:2]
    assert _ids("mjukv", limit=2, offset=1) == whole[1:3]
    assert _ids("mjukv", limit=0) == []


def test_nothing_typed_or_nothing_found(tiny: Engine) -> None:
    assert suggest("") == [] and suggest(" - / ") == []
    assert suggest("xqzwv") == []


def test_bad_input_names_the_field(tiny: Engine) -> None:
    with pytest.raises(InvalidInput) as caught:
        suggest("x" * 201)
    assert caught.value.field == "query"
    with pytest.raises(InvalidInput) as caught:
        suggest("mjukv", limit=-1)
    assert caught.value.field == "limit"


def test_index_is_rebuilt_when_a_new_version_is_imported(tiny: Engine, tmp_path: Path) -> None:
    before = typeahead_index()
    assert typeahead_index() is before  # built once per version
    assert suggest("glasblåsare") == []
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "more.json").write_text(json.dumps({"data": {"concepts": [
        {"id": "TstA_gla_900", "type": "occupation-name", "preferred_label": "Glasblåsare"}]}}),
        encoding="utf-8")
    service.import_taxonomy(extra)
    assert _ids("glasbla") == ["TstA_gla_900"]
    assert typeahead_index() is not before


def test_search_key_folds_like_a_keyboard_without_swedish_letters() -> None:
    assert search_key("  Under\u00adsköterska/VÅRD-biträde ") == "underskoterska vard bitrade"


def _osa_distance(a: str, b: str) -> int:
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1,
                             rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


@given(st.text("abc", min_size=1, max_size=6), st.text("abc", max_size=8))
def test_within_one_edit_agrees_with_edit_distance_of_some_beginning(q: str, text: str) -> None:
    expected = any(_osa_distance(q, text[:k]) <= 1 for k in range(len(text) + 1))
    assert _within_one_edit(q, text) == expected


_LABELS = ["Undersköterska, hemtjänst", "Servitör/Servitris", "E-handel", "C++", "Ö", "Åre",
           "Mjukvaruutvecklare", "A/B-testning", "Bevis\u00a0om yrkestitel", "Under\u00adsköterska",
           "Årets", "Areal"]


def _memory_index() -> TypeaheadIndex:
    taxonomy = TaxonomyIndex(version=1)
    for number, label in enumerate(_LABELS):
        cid = f"Mem_{number:03d}"
        taxonomy.concepts[cid] = Concept(cid, "skill", label, None, {}, False, None)
    return TypeaheadIndex.build(taxonomy)


_MEMORY = _memory_index()


def test_query_with_å_ä_ö_prefers_the_labels_spelled_that_way() -> None:
    # "Areal" and "Årets" both begin with "are" once folded, are as long, and "Areal" sorts first;
    # typed with å, the label written with å comes first.
    assert [s.concept.preferred_label for s in _MEMORY.suggest("are")][:3] == ["Åre", "Areal",
                                                                              "Årets"]
    assert [s.concept.preferred_label for s in _MEMORY.suggest("åre")][:3] == ["Åre", "Årets",
                                                                              "Areal"]


def test_soft_hyphen_and_no_break_space_are_invisible() -> None:
    assert _MEMORY.suggest("underskot")[0].concept.preferred_label == "Under\u00adsköterska"
    assert _MEMORY.suggest("bevis om")[0].match == "prefix"


@given(st.text(max_size=30), st.integers(0, 5), st.integers(0, 3))
def test_any_text_gives_ranked_unique_suggestions_never_an_error(query: str, limit: int,
                                                                 offset: int) -> None:
    found = _MEMORY.suggest(query, limit=limit, offset=offset)
    assert len(found) <= limit
    assert len({s.concept.id for s in found}) == len(found)
    kinds = [MATCH_KINDS.index(s.match) for s in found]
    assert kinds == sorted(kinds)


# --- the real taxonomy -------------------------------------------------------------------------

@pytest.mark.realdata
def test_real_mjukv_finds_mjukvaruutvecklare(real_engine: Engine) -> None:
    assert "rQds_YGd_quU" in _ids("mjukv")
    assert _ids("mjukv", types=["occupation-name"])[0] == "rQds_YGd_quU"


@pytest.mark.realdata
@pytest.mark.parametrize("query", ["underskoterska", "undersköt"])
def test_real_undersköterska_found_with_and_without_ö(real_engine: Engine, query: str) -> None:
    labels = [s.concept.preferred_label for s in suggest(query)]
    assert any(label.startswith("Undersköterska") for label in labels), labels
    names = suggest(query, types=["occupation-name"])
    assert names and all(s.concept.preferred_label.startswith("Undersköterska")
                         for s in names[:2]), [s.concept.preferred_label for s in names]


@pytest.mark.realdata
def test_real_one_typo_and_type_filter(real_engine: Engine) -> None:
    found = suggest("mjukvaruutveklare", types=["occupation-name"])
    assert found[0].concept.id == "rQds_YGd_quU" and found[0].match == "fuzzy"
    groups = suggest("sjuksköt", types=["ssyk-level-4"], limit=20)
    assert groups and {s.concept.type for s in groups} == {"ssyk-level-4"}
    assert any(s.concept.codes.get("ssyk-code-2012", "").startswith("222") for s in groups)
