"""Choose one sense per ambiguous surface, using the other concepts of the same text.

Every occupation name and skill belongs to (or is related to) ssyk-level-4 groups. The groups of
the text's unambiguous hits form its "domain"; a surface with several senses takes the sense
that shares most of that domain ("Java" near "systemutvecklare" is the programming language).
A weak surface — a label stripped of its ", qualifier" ("Java, programmeringsspråk" → "Java") —
keeps its confidence only when the domain supports it; alone it falls below the threshold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from jobbnav.enrich.lexicon import ORIGIN_RANK, SYSTEM_KINDS, LexEntry, Lexicon, SenseGroup
from jobbnav.enrich.local_concepts import ACRONYMS_OF_ONE_MEANING, FIELD_CUES
from jobbnav.enrich.matcher import HEAD_CONFIDENCE_FACTOR, Match

__all__ = ["Sense", "choose_senses", "domain_of", "specialised"]

UNSUPPORTED_FACTOR = 0.55
CONTRADICTED_FACTOR = 0.5
# A weak sense needs support from the text's leading field, not from one broad skill that
# touches it: "felsökning" in a refrigeration technician's ad is no car mechanic's, though
# "Kylanläggning, underhåll" is related to car mechanics too (share of the best group's count).
# Not a product's name in capitals ("SolidWorks"): a word of no other meaning.
LEAD_SHARE = 0.4
_NARROW_WORD_MAX_LEN = 8
_NARROW_WORD_MAX_GROUPS = 2
# qualifiers that say what kind of knowing, not which field: "Försäljning, erfarenhet" is
# plain "försäljning", "Reklamationer, handläggningsvana" handling complaints in a shop, a
# warehouse or an office alike
_GENERIC_QUALIFIERS = frozenset(("", "erfarenhet", "handläggningsvana"))

# "SQL eller Python för dataanalys" in an analyst's ad: a programming language beside another
# language of code is one, whatever the text's leading field ("a profit-sharing scheme" alone
# is no Scheme)
_LANGUAGES_OF_CODE = frozenset(("programmeringsspråk", "frågespråk", "statistikprogram"))

# a text about a specialist's qualification: "specialistsjuksköterska", "specialistkompetens",
# "vidareutbildning inom hjärtsjukvård", "specialisering inom akutsjukvård"
_SPECIALISED = re.compile(r"(?<![\w-])(?:specialist|vidareutbild|specialiser)")


def specialised(folded_text: str) -> bool:
    """Whether a text speaks of a specialist's qualification (most never name one: a plain
    substring test first)."""
    return ("specialis" in folded_text or "vidareutbild" in folded_text) and \
        _SPECIALISED.search(folded_text) is not None

Sense = tuple[Match, LexEntry, float]


def domain_of(lexicon: Lexicon, concept_ids: Iterable[str]) -> Counter[str]:
    groups_of = lexicon.groups_of
    return Counter(chain.from_iterable(groups_of.get(cid, ()) for cid in concept_ids))


def _is_weak(lexicon: Lexicon, entry: LexEntry, key: str, key_id: int) -> bool:
    """A label stripped of a qualifier that names a field ("Java, programmeringsspråk",
    "Modellering, keramik"), or an inflection of one ("mobilen"), is an everyday word too.
    Not a product's name in capitals whose qualifier says what kind of system it is ("SAP,
    applikationsplattform", "SQL, frågespråk"): an economist's ad asks for SAP too."""
    return (entry.concept_type == "skill" and entry.qualifier not in _GENERIC_QUALIFIERS
            and entry.origin in ("stripped", "inflection") and " " not in key
            # a vendor ("MS Office" → "Office") names no field
            and not entry.label.startswith(entry.qualifier + " ")
            and not (entry.qualifier in SYSTEM_KINDS and (key_id in lexicon.needs_upper
                                                         or key_id in lexicon.named_products)
                     and entry.label.casefold().startswith(key + ",")))


def _is_narrow_word(lexicon: Lexicon, entry: LexEntry, key: str) -> bool:
    """A short one-word skill of one or two occupation groups ("House", "Cover", "Webb",
    "Skånska", "Livsmedel") is most often the everyday word: "in-house", "cover letter",
    "skånska företag". Only the text's domain makes it the musician's or the writer's skill.
    So is a short label's word without its qualifier ("mobil" of "Mobil, konstnärlig")."""
    return (entry.concept_type == "skill" and " " not in key
            and len(key) <= _NARROW_WORD_MAX_LEN
            and entry.origin in ("label", "inflection", "stripped")
            and len(lexicon.groups_of.get(entry.concept_id, ())) <= _NARROW_WORD_MAX_GROUPS)


def _is_acronym_alternative(lexicon: Lexicon, entry: LexEntry, key_id: int) -> bool:
    """"DBT" of "Dialektisk beteendeterapi/DBT": maybe another word (dbt) in another field.
    Not the acronym of a training or certificate ("HLR", "YKB", "SMO"): any field asks for
    those, whatever the few groups the taxonomy relates them to."""
    return (entry.concept_type == "skill" and entry.origin == "alternative"
            and key_id in lexicon.needs_upper
            and not entry.label.startswith(_TRAINING_LABELS)
            and lexicon.keys[key_id] not in ACRONYMS_OF_ONE_MEANING)


_TRAINING_LABELS = ("Utbildning i ", "Utbildningsbevis ", "Yrkeskompetensbevis ",
                    "Certifikat, ", "Yrkesbevis, ")


def _other_field(lexicon: Lexicon, domain: Counter[str], groups: frozenset[str],
                 own: int) -> bool:
    """Whether the text's other hits lie in ssyk sub-major groups that none of `groups` is in
    (`own`: 1 when the concept of `groups` is itself one of the hits counted in `domain`)."""
    field_of = lexicon.field_of
    own_fields = {field_of.get(g, "") for g in groups}
    others = False
    for g, n in domain.items():
        if n - (own if g in groups else 0) > 0:
            if field_of.get(g, "") in own_fields:
                return False
            others = True
    return others


def _other_language_of_code(lexicon: Lexicon, firm: set[str], concept_id: str) -> bool:
    """Whether another single-sense hit of the text is a language of code."""
    concepts = lexicon.concepts
    return any(cid != concept_id and cid in concepts and
               concepts[cid].preferred_label.rpartition(", ")[2] in _LANGUAGES_OF_CODE
               for cid in firm)


def _shares_a_group(lexicon: Lexicon, firm: set[str], concept_id: str,
                    groups: frozenset[str]) -> bool:
    """Whether another single-sense hit of the text lies in one of `groups` (what `domain_of`
    would count as support, found without counting)."""
    groups_of = lexicon.groups_of
    return any(cid != concept_id and not groups.isdisjoint(groups_of.get(cid, ()))
               for cid in firm)


def _plan(lexicon: Lexicon, key_id: int) -> tuple[str | None, tuple[SenseGroup, ...]]:
    """A key's sense groups (one per concept type), with everything that does not depend on
    the text worked out once."""
    key = lexicon.keys[key_id]
    all_entries = lexicon.entries[key_id]
    by_type: dict[str, list[LexEntry]] = {}
    for entry in all_entries:
        by_type.setdefault(entry.concept_type, []).append(entry)
    groups = []
    narrow = False
    for entries in by_type.values():
        if len(entries) == 1:
            only = entries[0]
            base = only.confidence
            narrow = _is_narrow_word(lexicon, only, key)
            groups.append(SenseGroup((only,), only, round(base, 3),
                                     round(base * HEAD_CONFIDENCE_FACTOR, 3),
                                     _is_weak(lexicon, only, key, key_id)
                                     or _is_acronym_alternative(lexicon, only, key_id)
                                     or narrow))
        else:
            groups.append(SenseGroup(tuple(entries), None, 0.0, 0.0, True))
    # a narrow word is no firm evidence of its domain: two of them ("mobil", "skulptur")
    # must not make each other the artist's
    firm = all_entries[0].concept_id if len(all_entries) == 1 and not narrow else None
    return firm, tuple(groups)


def choose_senses(lexicon: Lexicon, matches: list[Match], folded_text: str,
                  extra_domain: Counter[str] | None = None, text: str = "") -> list[Sense]:
    """(match, entry, confidence) per kept sense: one per concept type of each match.
    `text`: the text as matched, before folding, whose punctuation shows lists."""
    # Every single-sense hit (each concept once) votes for its groups; a hit never counts
    # its own vote, so two weak hits of one domain ("Python", "SQL") support each other.
    plans_of = lexicon.sense_plans
    plans: list[tuple[SenseGroup, ...]] = []
    firm_set: set[str] = set()
    for match in matches:
        plan = plans_of.get(match.key_id)
        if plan is None:
            plan = plans_of[match.key_id] = _plan(lexicon, match.key_id)
        plans.append(plan[1])
        if plan[0] is not None and not match.compound:
            firm_set.add(plan[0])
    known: list[Counter[str]] = []  # the domain, built on first need: most hits never need it

    def domain_now() -> Counter[str]:
        if not known:
            domain = domain_of(lexicon, firm_set)
            if extra_domain:
                domain.update(extra_domain)
            known.append(domain)
        return known[0]

    lead: list[int] = []  # the count of the text's best-supported group, on first need

    def lead_now() -> int:
        if not lead:
            lead.append(max(domain_now().values(), default=0))
        return lead[0]

    out: list[Sense] = []
    about_specialists: list[bool] = []  # found on first need
    for index, (match, groups) in enumerate(zip(matches, plans, strict=True)):
        for group in groups:
            best = group.only
            if best is not None and not group.needs_support:  # the common case
                out.append((match, best,
                            group.head_confidence if match.compound else group.confidence))
                continue
            undecided = False
            domain = None
            in_its_words = None
            named = True  # whether the text names the chosen sense's qualifier
            if best is None:
                domain = _without_own_words(lexicon, domain_now(), matches, index)
                key = lexicon.keys[match.key_id]
                if not about_specialists:
                    about_specialists.append(specialised(folded_text))
                ranked = sorted(((_score(lexicon, e, domain, folded_text, key,
                                         about_specialists[0]), e)
                                 for e in group.entries), key=lambda se: se[0], reverse=True)
                best = ranked[0][1]
                named = ranked[0][0][2] > 0
                if best.label in FIELD_CUES:  # the senses with cue words come in pairs
                    in_its_words = _sense_in_its_words(group.entries, best, folded_text)
                # nothing in the text tells the two best occupations apart, not even their
                # field ("kock": "Kock, fartyg", "Kock à la carte", "Kock storhushåll", all in
                # one group): naming one is a guess
                second = ranked[1][1]
                undecided = best.concept_type == "occupation-name" and \
                    ranked[0][0][:5] == ranked[1][0][:5] and lexicon.groups_of.get(
                        best.concept_id) == lexicon.groups_of.get(second.concept_id)
            confidence = best.confidence
            if match.compound:
                confidence *= HEAD_CONFIDENCE_FACTOR
            if undecided:
                out.append((match, best, round(confidence * UNSUPPORTED_FACTOR, 3)))
                continue
            best_groups = lexicon.groups_of.get(best.concept_id, frozenset())
            acronym = _is_acronym_alternative(lexicon, best, match.key_id)
            if acronym and group.only is not None and _shares_a_group(
                    lexicon, firm_set, best.concept_id, best_groups):
                # the common case for "CRM", "AWS": supported, without building the domain
                out.append((match, best, round(confidence, 3)))
                continue
            own = 1 if best.concept_id in firm_set else 0
            domain = domain if domain is not None else domain_now()
            support = sum(domain[g] - own for g in best_groups)
            if support > 0 and (group.only is not None or best.concept_type == "skill") and \
                    not acronym and \
                    match.key_id not in lexicon.needs_capital and \
                    not (best.qualifier in _LANGUAGES_OF_CODE
                         and _other_language_of_code(lexicon, firm_set, best.concept_id)) and \
                    max(domain[g] - own for g in best_groups) < LEAD_SHARE * (
                        lead_now() if domain is known[0] else max(domain.values(), default=0)):
                support = 0
            if support <= 0 and group.only is None and "specialist" not in best.qualifier \
                    and _a_specialists_field(lexicon, group.entries, domain, lead_now()
                                             if domain is known[0] else
                                             max(domain.values(), default=0)):
                # "erfarenhet av akutsjukvård" in a nurse's ad: the plain field of care,
                # chosen over the nurse's specialist area the text does not speak of, has the
                # specialist sense's support
                support = 1
            if support <= 0 and group.only is not None and lexicon.keys[
                    match.key_id].endswith(_TASK_ENDINGS) and _is_narrow_word(
                    lexicon, best, lexicon.keys[match.key_id]) and _listed_with_a_skill(
                    lexicon, matches, index, text or folded_text):
                support = 1
            if support <= 0:
                # an acronym that the text's other fields do not share is most likely another
                # word: "DBT" in a data engineer's ad is dbt, not dialectical behaviour therapy
                # a narrow word alone is the everyday word, and a word of several skills is
                # none of them where neither their fields, their qualifiers nor the sense
                # itself are in the text ("dokumenterar" in a mechanic's ad): below threshold
                if not acronym:
                    confidence *= CONTRADICTED_FACTOR if _is_narrow_word(
                        lexicon, best, lexicon.keys[match.key_id]) or (
                        group.only is None and best.concept_type == "skill" and not named
                        and not own) else UNSUPPORTED_FACTOR
                elif _other_field(lexicon, domain, best_groups, own):
                    confidence *= CONTRADICTED_FACTOR
                elif group.only is None:
                    confidence *= UNSUPPORTED_FACTOR
            out.append((match, in_its_words or best, round(confidence, 3)))
    return out


def _a_specialists_field(lexicon: Lexicon, entries: Iterable[LexEntry], domain: Counter[str],
                         lead: int) -> bool:
    """Whether a specialist sense among `entries` lies in the text's leading field."""
    groups_of = lexicon.groups_of
    return any("specialist" in e.qualifier and any(
        domain[g] > 0 and domain[g] >= LEAD_SHARE * lead for g in groups_of.get(
            e.concept_id, ())) for e in entries)


# "orderplockning, packning och godsmottagning": an item of a list of tasks is a task too
_TASK_ENDINGS = ("ning", "ing")  # "packning", "plockning": the work, not a thing
_LIST_JOINT = re.compile(r"\s*(?:,|/|&|och|eller|samt|,\s*och|,\s*eller)\s*$")


def _listed_with_a_skill(lexicon: Lexicon, matches: list[Match], index: int,
                         text: str) -> bool:
    """Whether the match at `index` and a neighbouring single-sense skill hit are items of
    one list ("orderplockning, packning och godsmottagning")."""
    match = matches[index]
    plans = lexicon.sense_plans
    for k in (index - 1, index + 1):
        if not 0 <= k < len(matches):
            continue
        other = matches[k]
        if other.compound or plans.get(other.key_id, (None,))[0] is None or \
                "skill" not in lexicon.key_types[other.key_id]:
            continue
        first, second = (other, match) if k < index else (match, other)
        if first.end < second.start and _LIST_JOINT.fullmatch(
                text, first.end, second.start) and not _is_narrow_word(
                lexicon, lexicon.entries[other.key_id][0], lexicon.keys[other.key_id]):
            return True
    return False


def _without_own_words(lexicon: Lexicon, domain: Counter[str], matches: list[Match],
                       index: int) -> Counter[str]:
    """The domain without the hits made of this match's own words: "utbildad undersköterska"
    says nothing about which "undersköterska" it is (unless that concept is also named
    elsewhere)."""
    start, end = matches[index].start, matches[index].end
    plans = lexicon.sense_plans
    inside: set[str] = set()
    for k in range(max(0, index - _NEAR), min(len(matches), index + _NEAR + 1)):
        other = matches[k]
        if other.start <= start and end <= other.end and k != index and not other.compound:
            cid = plans[other.key_id][0]
            if cid is not None:
                inside.add(cid)
    if not inside:  # the common case
        return domain
    # a concept also named outside this match keeps its vote
    inside -= {plans[m.key_id][0] for m in matches if not m.compound and not (
        m.start <= start and end <= m.end)}
    if not inside:
        return domain
    own = domain.copy()
    own.subtract(domain_of(lexicon, inside))
    return own


_NEAR = 4  # matches before or after one that may contain it (they are sorted by start)


def _field_cues_seen(label: str, folded_text: str) -> int:
    return sum(cue in folded_text for cue in FIELD_CUES.get(label, ()))


def _sense_in_its_words(entries: Iterable[LexEntry], best: LexEntry,
                        folded_text: str) -> LexEntry:
    """Of senses in neighbouring fields, the one whose field the text names in its own words
    (`FIELD_CUES`); the groups' support only told that the text is in one of the fields."""
    seen = {e.concept_id: _field_cues_seen(e.label, folded_text) for e in entries}
    cued = max(entries, key=lambda e: seen[e.concept_id])
    return cued if seen[cued.concept_id] > seen[best.concept_id] else best


def _qualifier_words_seen(qualifier: str, folded_text: str) -> float:
    """The share of a sense's qualifier words the text has, a long word by its first seven
    letters: "Fysik, undervisning grundskolenivå" in "behörighet för grundskolans senare år"."""
    stems = _qualifier_stems(qualifier)
    if not stems:
        return 0.0
    seen = 0
    for forms in stems:
        for form in forms:
            if form in folded_text:
                seen += 1
                break
    return seen / len(stems)


# School levels as ads name them: "högstadiet", "årskurs 7–9" are the compulsory school
_SAID_AS = {"grundsk": ("högstadie", "mellanstadie", "lågstadie", "årskurs", " åk ")}


@lru_cache(maxsize=65_536)
def _qualifier_stems(qualifier: str) -> tuple[tuple[str, ...], ...]:
    """Per word of four letters or more, and abbreviation ("Fräsning, CNC"), the forms that
    show it in a text: its start, and for a long compound also its end ("specialavdelning"
    in "ortopedavdelningen"), or how ads say it (`_SAID_AS`)."""
    words = [w.lower() for w in qualifier.replace(",", " ").split()
             if len(w) >= 4 or (len(w) >= 2 and w.isupper())]
    out = []
    for word in words:
        stem = word[:7] if len(word) >= 8 else word
        forms = (stem, word[-_COMPOUND_HEAD:]) if len(word) >= _LONG_COMPOUND and \
            not word.endswith(_GENERIC_HEADS) else (stem,)
        out.append(forms + _SAID_AS.get(stem, ()))
    return tuple(out)


_LONG_COMPOUND = 12
_COMPOUND_HEAD = 8
# heads too common to tell a compound apart ("metodutveckling" is no "utveckling" in general)
_GENERIC_HEADS = ("utveckling", "hantering", "ledning", "arbete", "kunskap", "teknik",
                  "service", "system", "verksamhet", "utbildning", "tillverkning", "industri",
                  "företag", "område")


def _score(lexicon: Lexicon, entry: LexEntry, domain: Counter[str], folded_text: str,
           key: str, about_specialists: bool
           ) -> tuple[bool, bool, float, int, float, int, int, str]:
    # "erfarenhet av akutsjukvård" is "Akutsjukvård, sjukhus", not a specialist's
    # qualification in it, unless the text speaks of specialists
    plain = about_specialists or "specialist" not in entry.qualifier
    support = float(sum(domain[g] for g in lexicon.groups_of.get(entry.concept_id, ())))
    qualifier_seen = _qualifier_words_seen(entry.qualifier, folded_text)
    primary = int(entry.label.lower().startswith(key))
    return (plain, support > 0, qualifier_seen, primary, support, -ORIGIN_RANK[entry.origin],
            -len(entry.label), entry.concept_id)
