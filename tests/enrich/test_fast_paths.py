"""The fast paths give the same answers as the plain ones they replace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from jobbnav.enrich import context
from jobbnav.enrich.char_ngrams import CentroidScorer
from jobbnav.enrich.evaluate import DEFAULT_EVAL_SET, load_eval_set
from jobbnav.enrich.model import Context
from jobbnav.enrich.tokenize import match_text, prepare_text, sentence_spans

_EXTRA = [
    ("ad", "Krav:\nB-körkort. Det är inte ett krav med truckkort men meriterande.\n"
           "Du har erfarenhet av lager. Ingen erfarenhet krävs av Java.\nVi erbjuder: "
           "friskvård.\nDu måste ha körkort; svenska är ett plus. Engelska krävs inte."),
    ("course", "Förkunskapskrav: Matematik 2.\nEfter kursen ska du kunna svetsa. Du lär dig "
               "CAD. Krav för antagning är gymnasieexamen, i utbildningen ingår praktik."),
    ("cv", "Jag har inget körkort. No experience required of Java. Körkort har jag inte. "
           "Jag saknar truckkort, I do not have a C licence."),
    ("course", "Vem kan söka?\nDu ska ha fyllt 18 år. Under utbildningen lär du dig svetsa. "
               "Du får också kunskaper i CAD och tar certifikaten för heta arbeten. Grundkursen "
               "ger dig ADR. Utbildningen leder till arbete som svetsare; vi tränar på truck."),
    ("ad", "Meriterande:\n- Kafka\n\nVi söker dig som är noggrann. Personliga egenskaper\n"
           "We believe you are curious. What we are looking for\nSom person är du lugn."),
]


_DESCRIBES = ("profile", "person")


def _describes(found: set[str | None]) -> tuple[bool, bool]:
    """Whether a sentence describes the person asked for, and strongly ("Som person är du"
    also holds the weaker "är du", which only the trigger search sees inside the longer cue)."""
    return "person" in found, bool(found & set(_DESCRIBES))


_WORD_START = re.compile(r"\b\w")


def _own_by_full_scan(text: str, kind: str) -> list[tuple[Context | None, tuple[bool, bool]]]:
    """The combined cue regex tried at every word start of every sentence ("gärna" of a
    person's liking is no merit, as in the service)."""
    out = []
    pattern = context._CUES_BY_KIND[kind]
    for start, end in sentence_spans(text):
        found: set[str | None] = set()
        for word in _WORD_START.finditer(text, start, end):
            m = pattern.match(text, word.start(), end)
            if m is not None and not (m.lastgroup == "meriting" and
                                      context._disposition(text, word.start())):
                found.add(m.lastgroup)
        own = next((c for cue, c in context._PRECEDENCE[kind] if cue in found), None)
        out.append((own, _describes(set(found))))
    return out


def _own_by_triggers(text: str, kind: str) -> list[tuple[Context | None, tuple[bool, bool]]]:
    sentences = sentence_spans(text)
    cues = context._cues(text, match_text(text), sentences, kind,  # type: ignore[arg-type]
                         [True] * len(sentences))
    out = []
    for i in range(len(sentences)):
        found = cues.get(i, set())
        own = next((c for cue, c in context._PRECEDENCE[kind] if cue in found), None)
        out.append((own, _describes(set(found))))
    return out


def test_trigger_cues_match_a_full_regex_scan_of_every_sentence() -> None:
    # every labelled text the project has, the blind sets included, in each kind of text
    items = [(kind, prepare_text(i["text"]))
             for path in sorted(Path(DEFAULT_EVAL_SET).parent.glob("eval_set*.jsonl"))
             for i in load_eval_set(path) for kind in ("ad", "course", "cv", "query")]
    assert len(items) > 4 * 400
    for kind, text in items + _EXTRA:
        assert _own_by_triggers(text, kind) == _own_by_full_scan(text, kind), (kind, text)


def _training_like_texts() -> list[str]:
    lines = [json.loads(line)["text"] for line in
             Path(DEFAULT_EVAL_SET).read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_centroid_scorer_equals_scikit_learn_transform() -> None:
    texts = _training_like_texts()
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                 min_df=2, lowercase=True)
    matrix = vectorizer.fit_transform(texts[:120])
    centroids = matrix[:40].tocsr()  # any sparse rows will do as "centroids"
    scorer = CentroidScorer(vectorizer, centroids)
    for text in [*texts[120:], "", "a", "Sjuksköterska  i\tMalmö", "ÅÄÖ åäö C# C++"]:
        expected = np.asarray((centroids @ vectorizer.transform([text]).T).toarray()).ravel()
        got = scorer.cosines(text)
        assert np.allclose(got, expected, atol=1e-6), text
        assert np.allclose(scorer.cosines(text), got)  # the word cache changes nothing


def test_ignored_words_add_nothing_to_a_text_s_vector() -> None:
    texts = _training_like_texts()
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                 min_df=2, lowercase=True)
    matrix = vectorizer.fit_transform(texts[:120])
    centroids = matrix[:40].tocsr()
    scorer = CentroidScorer(vectorizer, centroids, frozenset({"the", "and", "you"}))
    for text in ["You and the team build the platform", "Sjuksköterska and the ward"]:
        kept = " ".join(w for w in text.split() if w.lower() not in {"the", "and", "you"})
        expected = np.asarray((centroids @ vectorizer.transform([kept]).T).toarray()).ravel()
        assert np.allclose(scorer.cosines(text), expected, atol=1e-6), text


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_latin1_fast_folding_equals_the_general_table(text: str) -> None:
    from jobbnav.enrich.tokenize import _FOLD, match_text

    assert match_text(text) == text.translate(_FOLD)
    assert len(match_text(text)) == len(text)


def test_folding_of_dashes_quotes_emoji_and_foreign_letters() -> None:
    from jobbnav.enrich.tokenize import match_text

    assert match_text("Säljare – “Java” 😀") == "säljare    java   "
    # accents go, but for Swedish å, ä, ö ("à la carte" is the label "A la carte"); a letter
    # whose lower case is longer stays as it is
    assert match_text("Łódź İ") == "łodz İ"
    assert match_text("À la carte, Crème, Åre Älmhult Öland") == \
        "a la carte  creme  åre älmhult öland"


_OLD_SENTENCE_END = re.compile(  # the ending pattern before it opened with a character class
    r"(?=[.!?;\n•▪►●–-])(?:[.!?;](\s+)(?=[A-ZÅÄÖ0-9•\-\"“(])|;(\s)(?=[^\W\d_])|(\n\s*)|"
    r"([•▪►●]\s*)|(?<=\s)([–-]\s+)(?=[A-ZÅÄÖ]|[^\W\d_]+[ \t]+[^\W\d_]+[ \t]+[^\W\d_]))")


@given(st.text(alphabet=st.sampled_from(list("aB Ö1.!?;\n\t•▪–-\"“(x")), max_size=80))
@settings(max_examples=500, deadline=None)
def test_sentence_endings_equal_the_lookahead_pattern(text: str) -> None:
    from jobbnav.enrich.tokenize import _SENTENCE_END

    old = [(m.span(m.lastindex or 0)) for m in _OLD_SENTENCE_END.finditer(text)]
    new = [(m.start(1) if m.lastindex else m.start(), m.end())
           for m in _SENTENCE_END.finditer(text)]
    assert new == old


_LICENCE_WORDS = ["körkort", "körkortsklass", "körkortsbehörighet", "klass", "för", "och",
                  "eller", "b", "c", "ce", "d1e", "a1", "am", "lastbilskörkort", "körkortet",
                  "arbete", "bkörkort", "x"]


@given(st.lists(st.sampled_from(_LICENCE_WORDS), max_size=14),
       st.lists(st.sampled_from([" ", "  ", "\n"]), min_size=14, max_size=14))
@settings(max_examples=800, deadline=None)
def test_licence_lists_in_word_runs_equal_a_whole_text_search(words: list[str],
                                                               gaps: list[str]) -> None:
    from jobbnav.enrich.matcher import _LICENCE_LIST, _licence_lists

    padded = " " + "".join(w + g for w, g in zip(words, gaps, strict=False)) + " "
    assert [m.span() for m in _licence_lists(padded)] == [
        m.span() for m in _LICENCE_LIST.finditer(padded)]


def test_licence_lists_are_found_around_each_occurrence() -> None:
    from jobbnav.enrich.matcher import _licence_lists

    padded = (" vi kräver körkort b och c samt ce eller b  och c körkort; meriterande är"
              " körkort klass d samt c1 och även b och ce körkort ")
    assert [m.group() for m in _licence_lists(padded)] == [
        "körkort b och c samt ce eller b  och c", "körkort klass d samt c1", "b och ce körkort"]
