"""The per-hit fast paths (sense plans, plain-tuple overlap sort, sentence walk, per-concept
merging) give exactly what the straightforward pipeline gives, on every eval-set text."""

from __future__ import annotations

import bisect
from collections import Counter

import ahocorasick
from sqlalchemy import Engine

from jobbnav.enrich import disambiguate, matcher
from jobbnav.enrich.attributive import describes_a_thing
from jobbnav.enrich.context import clause_before_a_merit, sentence_contexts
from jobbnav.enrich.evaluate import DEFAULT_EVAL_SET, load_eval_set
from jobbnav.enrich.lexicon import LexEntry, Lexicon
from jobbnav.enrich.model import Hit, Kind
from jobbnav.enrich.service import (
    _CONTEXT_RANK,
    _HIRING,
    MIN_CONFIDENCE,
    PLACE_TYPES,
    SKILLS_ONLY_WHEN_ASKED,
    enrich,
    lexicon,
    names_the_role,
)
from jobbnav.enrich.tokenize import match_text, prepare_text, sentence_spans

_Found = tuple[int, int, int, bool]


_AUTOMATONS: dict[int, ahocorasick.Automaton] = {}


def _reference_automaton(lex: Lexicon) -> ahocorasick.Automaton:
    automaton = _AUTOMATONS.get(id(lex))
    if automaton is None:
        automaton = _AUTOMATONS[id(lex)] = ahocorasick.Automaton()
        for key, value in lex.surfaces.items():
            automaton.add_word(key, value)
        automaton.make_automaton()
    return automaton


def _reference_matches(lex: Lexicon, text: str) -> list[matcher.Match]:
    padded = " " + match_text(text) + " "
    found: list[_Found] = []
    # an independent scan (pyahocorasick) of the same keys the service's DFA holds
    for end, (key_id, head, *_) in _reference_automaton(lex).iter(padded):
        size = len(lex.keys[key_id])
        first = end - size
        if head and padded[first - 1] != " ":  # "key " serves whole words and compound heads
            word_start = padded.rfind(" ", 0, first) + 1
            if first - word_start >= 3 and \
                    padded[word_start:first] not in matcher.PARTICLE_PREFIXES:
                found.append((first - 1, end - 1, key_id, True))
            continue
        start = end - size - 1
        if key_id in lex.needs_capital and not text[start].isupper():
            continue
        if key_id in lex.needs_upper and not text[start:end - 1].isupper():
            continue
        if key_id in lex.named_products and text[start:end - 1].islower():
            continue
        found.append((start, end - 1, key_id, False))
    if "körkort" in padded:
        found += [(s, e, k, c) for c, _, s, k, e in
                  matcher._licence_list_matches(lex, text, padded)]
    if "truck" in padded:
        found += [(s, e, k, c) for c, _, s, k, e in matcher._truck_class_matches(lex, text)]
    found += [(s, e, k, c) for c, _, s, k, e in matcher._r_language_matches(lex, text, padded)]
    found += [(s, e, k, c) for c, _, s, k, e in matcher._coordinated_matches(lex, text, padded)]
    found.sort(key=lambda m: (m[3], m[0] - m[1], m[0], m[2]))
    # a teacher by the years taught ranks before the "…lärare" word's own matches
    found[:0] = [(s, e, k, c) for c, _, s, k, e in matcher._teacher_matches(lex, text)]
    kept: list[_Found] = []
    for c_start, c_end, c_key, c_compound in found:
        if not any(
                not (c_start >= o_end or o_start >= c_end) and (
                    c_compound or not (o_start <= c_start and c_end <= o_end) or o_compound
                    or c_key in lex.needs_upper or not lex.key_types[o_key]
                    or not lex.key_types[c_key].isdisjoint(lex.key_types[o_key]))
                for o_start, o_end, o_key, o_compound in kept):
            kept.append((c_start, c_end, c_key, c_compound))
    return [matcher.Match(*m) for m in sorted(kept, key=lambda m: (m[0], m[1], m[2]))]


def _reference_senses(lex: Lexicon, matches: list[matcher.Match], folded: str
                      ) -> list[tuple[matcher.Match, LexEntry, float]]:
    firm = {lex.entries[m.key_id][0].concept_id for m in matches
            if len(lex.entries[m.key_id]) == 1 and not m.compound}
    domain: Counter[str] = Counter()
    for cid in sorted(firm):
        domain.update(lex.groups_of.get(cid, ()))
    specialised = disambiguate.specialised(folded)
    out = []
    for match in matches:
        key = lex.keys[match.key_id]
        by_type: dict[str, list[LexEntry]] = {}
        for entry in lex.entries[match.key_id]:
            by_type.setdefault(entry.concept_type, []).append(entry)
        for entries in by_type.values():
            best = max(entries, key=lambda e: disambiguate._score(lex, e, domain, folded, key,
                                                                specialised))
            confidence = best.confidence * (matcher.HEAD_CONFIDENCE_FACTOR
                                            if match.compound else 1)
            acronym = disambiguate._is_acronym_alternative(lex, best, match.key_id)
            if len(entries) > 1 or acronym or disambiguate._is_weak(lex, best, key, match.key_id):
                own = 1 if best.concept_id in firm else 0
                groups = lex.groups_of.get(best.concept_id, frozenset())
                # an ambiguous skill none of whose fields, qualifiers or own mentions the
                # text has, like an acronym of another field, is contradicted
                unnamed_skill = len(entries) > 1 and not acronym and \
                    best.concept_type == "skill" and not own and \
                    not disambiguate._qualifier_words_seen(best.qualifier, folded)
                if sum(domain[g] - own for g in groups) <= 0:
                    if unnamed_skill or (acronym and disambiguate._other_field(
                            lex, domain, groups, own)):
                        confidence *= disambiguate.CONTRADICTED_FACTOR
                    elif len(entries) > 1 or not acronym:
                        confidence *= disambiguate.UNSUPPORTED_FACTOR
            if len(entries) > 1:  # the sense whose field the text names in its own words
                best = disambiguate._sense_in_its_words(entries, best, folded)
            out.append((match, best, round(confidence, 3)))
    return out


def _reference_hits(lex: Lexicon, text: str, kind: Kind) -> list[Hit]:
    clean = prepare_text(text)
    folded = match_text(clean)
    sentences = sentence_spans(clean)
    starts = [s for s, _ in sentences]
    kept = [(m, e, c, bisect.bisect_right(starts, m.start) - 1)
            for m, e, c in _reference_senses(lex, _reference_matches(lex, clean), folded)
            if c >= MIN_CONFIDENCE and not (
                e.concept_type == "trait" and describes_a_thing(clean, m.start, m.end))]
    contexts = sentence_contexts(clean, sentences, kind, None, folded,
                                 mentions={i for *_, i in kept})
    merged: dict[str, Hit] = {}
    for m, e, c, i in kept:
        context = contexts[i] if i >= 0 and e.concept_type not in PLACE_TYPES else "neutral"
        if kind == "ad" and context == "meriting":
            context = clause_before_a_merit(clean, *sentences[i], m.start, kind) or context
        if kind == "ad" and context == "neutral" and e.concept_type == "trait" and i >= 0 and \
                _HIRING.search(folded, sentences[i][0], m.start):
            context = "required"
        if kind == "ad" and context != "negated" and e.concept_type in (
                "occupation-name", "ssyk-level-4") and names_the_role(clean, folded, m.start):
            context = "neutral"
        if kind == "ad" and context == "neutral" and e.label in SKILLS_ONLY_WHEN_ASKED:
            continue
        span = (m.start, m.end)
        known = merged.get(e.concept_id)
        if known is None:
            merged[e.concept_id] = Hit(e.concept_id, e.concept_type, e.label,
                                       text[m.start:m.end], (span,), c, context, i, e.misspelled)
            continue
        stronger = _CONTEXT_RANK[context] < _CONTEXT_RANK[known.context]
        merged[e.concept_id] = Hit(
            known.concept_id, known.concept_type, known.preferred_label,
            text[m.start:m.end] if stronger else known.term, (*known.spans, span),
            max(known.confidence, c), context if stronger else known.context,
            i if stronger else known.sentence_index, known.misspelled and e.misspelled)
    return sorted(merged.values(), key=lambda h: (h.spans[0][0], h.concept_id))


def test_fast_paths_give_the_straightforward_pipeline_s_hits(real_engine: Engine) -> None:
    lex = lexicon(real_engine)
    items = load_eval_set(DEFAULT_EVAL_SET)
    assert len(items) >= 100
    for item in items:
        for kind in ("ad", "course", "cv"):
            got = enrich(item["text"], kind=kind, engine=real_engine, predict_groups=False)
            assert list(got.hits) == _reference_hits(lex, item["text"], kind), item["id"]
