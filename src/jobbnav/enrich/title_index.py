"""Headline → occupation groups, through the titles of the taxonomy's occupation names.

An ad's headline usually names the job, but rarely as a taxonomy label: "Säljare till
Borlänge", "Innesäljare - Solceller", "Data Engineer", "Lärare F-3". Every occupation name
(label, "/"-alternatives, label without its ", qualifier", ontology job-title terms) is a title
of its ssyk-level-4 group. The index keeps
- `exact`: a whole title → the groups of the occupation names that have it;
- `head`: a title's closing word, or the end of a compound that is itself a title's closing
  word ("säljare" closes "innesäljare", "telefonförsäljare", "bilsäljare") → how many
  occupation names of each group it closes.
- `bare heads`: a word that only ends titles inside compounds ("testare" closes
  "systemtestare" and "mjukvarutestare" but is no title itself) reads as those titles' head.
`likelihood(headline)` turns the headline's titles into P(title | group): for each group, the
share of its occupation names the headline's words close, summed over the words found (whole
titles count `EXACT_WEIGHT` times). English words are translated first (`english_titles`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from jobbnav.enrich.english_titles import (
    english_role_compounds,
    is_english_title,
    translate_words_aligned,
)
from jobbnav.enrich.inflect import spoken_title_forms
from jobbnav.enrich.lexicon import DEPUTY_WORDS, field_acronym, written_forms
from jobbnav.enrich.tokenize import fold_surface, match_text
from jobbnav.taxonomy.index import TaxonomyIndex

__all__ = ["TitleEvidence", "TitleIndex"]

EXACT_WEIGHT = 3.0
GENERIC_HEAD_GROUPS = 30  # a word closing titles of this many groups names no job alone
GROUP_TITLE_KIND = "ontology-group"  # taxonomy terms of a group, ontology titles joined by head
_MIN_HEAD = 4  # "chef", "kock", "lärare"; shorter endings are not titles
_MIN_MODIFIER = 2  # letters before a head inside a compound
_MIN_BARE_HEAD = 6  # "testare"; shorter endings of compounds ("are", "vare") are no words
_MAX_PHRASE = 4
_PLACE_TYPES = ("municipality", "region", "country")


@dataclass(frozen=True, slots=True)
class TitleEvidence:
    """What the headline's titles say: group id → likelihood, and the titles that said it."""

    likelihood: dict[str, float] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    # groups named by a whole title that only a group has (an ontology title joined to it,
    # "lastbilschaufför", "ortoped"): no occupation name the matcher could find says so
    named_groups: tuple[str, ...] = ()
    # title words read with the unit they are for ("assistent" in "Assistent till vår
    # ekonomiavdelning", read as "ekonomiassistent")
    unit_words: tuple[str, ...] = ()


def _title_surfaces(label: str) -> list[str]:
    out = []
    for alt in label.split("/"):
        alt = alt.strip()
        if not alt or field_acronym(alt, label):  # "QA" of "Speltestare/QA" is a field
            continue
        out.append(alt)
        bare = alt.split("(")[0].split(",")[0].strip()
        if bare and bare != alt:
            out.append(bare)
    return out + written_forms(label)  # "Projektledare, IT" is also "IT-projektledare"


def _group_label_titles(label: str) -> list[str]:
    """The one-word titles a group label lists before its qualifier: "Övriga
    kontorsassistenter och sekreterare" → "kontorsassistenter", "kontorsassistent",
    "sekreterare" ("Montörer, metall-, gummi- och plastprodukter" → "montörer", "montör")."""
    out = []
    titles = label.removesuffix(" m.fl.").split(", ")[0]
    for part in re.split(r"\s+och\s+", titles):
        words = part.split()
        if words[:1] == ["Övriga"]:
            words = words[1:]
        if len(words) != 1 or words[0].endswith("-"):
            continue
        plural = fold_surface(words[0])
        if len(plural) < _MIN_HEAD:
            continue
        out.append(plural)
        if plural.endswith("or"):  # "undersköterskor"
            out.append(plural[:-2] + "a")
        elif plural.endswith("er") and not plural.endswith(("iker", "are")):  # "montörer"
            out.append(plural[:-2])
    return out


def _closes_a_name(word: str, reversed_names: list[str]) -> bool:
    """Whether `word` ends a longer title ("specialist" ends "IT-specialist")."""
    backwards = word[::-1]
    at = bisect_left(reversed_names, backwards)
    return at < len(reversed_names) and reversed_names[at].startswith(backwards) and (
        reversed_names[at] != backwards or (at + 1 < len(reversed_names)
                                            and reversed_names[at + 1].startswith(backwards)))


_QUALIFYING = frozenset(("inom", "i", "på", "för", "till", "med", "vid", "av", "mot", "hos"))
# "X till/inom/för (vår) Y": what joins a title word to the unit it is for
_UNIT_LINKS = frozenset(("till", "inom", "för", "på", "hos", "i", "vid"))
_POSSESSIVES = frozenset(("vår", "vårt", "våra", "er", "ert", "era", "din", "ditt", "dina"))
_UNIT_WORDS = ("avdelningen", "avdelning", "enheten", "enhet", "teamet", "team", "gruppen",
               "grupp", "sektionen", "sektion", "funktionen", "funktion", "industrin",
               "industri", "branschen", "bransch")


def _unit_forms(word: str) -> list[str]:
    """A unit's word as the first part of a compound, most specific first:
    "ekonomiavdelningen" → "ekonomi", "kundtjänsten" → "kundtjänst", "lagret" → "lager",
    "köket" → "kök", "modebutik" → "butik"."""
    for ending in _UNIT_WORDS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return [word[:-len(ending)]]
    forms = [word]
    if word.endswith("ret") and len(word) > 5:
        forms.append(word[:-3] + "er")
    if word.endswith(("en", "et")) and len(word) > 5:
        forms.append(word[:-2])
    # a compound unit by its head, longest first: "modebutik" is a "butik", "boutiquehotell"
    # a "hotell"
    return forms + [form[i:] for form in forms for i in range(2, len(form) - 3)]


def _closing_word(title: str) -> str:
    """The word a title closes on, before any qualifying phrase: "maskinsäljare" in
    "maskinsäljare inom entreprenad" (whose last word, "entreprenad", is no title)."""
    words = title.split()
    for i, word in enumerate(words[1:], 1):
        if word in _QUALIFYING:
            return words[i - 1]
    return words[-1]


def _share_leading_titles(index: TaxonomyIndex, group_of: dict[str, str],
                          names_of: dict[str, set[str]]) -> None:
    """A label that qualifies a one-word title with a field after a space ("Driftledare
    växtodling", "Drifttekniker värmeverk", "Servicetekniker hyrmaskiner") is also a name that
    bare title has: a headline "Driftledare" may be for any of them, not only for the one whose
    comma-qualified label ("Driftledare, skogsbruk") lost its qualifier. ("Lärare i
    förskoleklass" closes on "lärare" already; "Data scientist" does not start with a title.)"""
    closing = {_closing_word(key) for key in names_of}
    leading: dict[str, set[str]] = defaultdict(set)
    for oid in group_of:
        label = index.concepts[oid].preferred_label
        if any(mark in label for mark in ",/("):
            continue
        words = fold_surface(label).split()
        if len(words) > 1 and words[1] not in _QUALIFYING and "-" not in label.split()[0]:
            leading[words[0]].add(oid)
    for key, oids in leading.items():
        # a title elsewhere, or a compound on a title's word that several labels share
        # ("Drifttekniker IT", "Drifttekniker elkraft", "Drifttekniker värmeverk")
        if key in names_of or (len(oids) > 1 and any(
                key[i:] in closing for i in range(_MIN_MODIFIER, len(key) - _MIN_HEAD + 1))):
            names_of[key].update(oids)


class TitleIndex:
    def __init__(self, index: TaxonomyIndex, group_of: dict[str, str]) -> None:
        names_of: dict[str, set[str]] = defaultdict(set)  # folded title → occupation ids
        for oid in group_of:
            concept = index.concepts[oid]
            surfaces = _title_surfaces(concept.preferred_label) + [
                t.term for t in index.terms.get(oid, ())]
            for surface in surfaces:
                key = fold_surface(surface)
                for form in (key, *spoken_title_forms(key)) if key else ():
                    names_of[form].add(oid)
        occupation_ids = group_of
        group_of = dict(group_of)
        reversed_names = sorted(key[::-1] for key in names_of)
        group_ids = sorted(set(group_of.values()))
        for gid in group_ids:  # ontology titles joined to the group by their head
            for term in index.terms.get(gid, ()):
                key = fold_surface(term.term)
                if term.kind == GROUP_TITLE_KIND and key and not term.misspelled:
                    names_of[key].add(f"{GROUP_TITLE_KIND}:{gid}")
                    group_of[f"{GROUP_TITLE_KIND}:{gid}"] = gid
        named = frozenset(names_of)  # (a part two group labels share is a title of both)
        for gid in group_ids:
            # "Grundskollärare", "Gymnasielärare", "Övriga kontorsassistenter och
            # sekreterare": a one-word part of a group label that no name has is a title of
            # the group, in the plural and the singular ("kontorsassistent")
            # (a part that ends other titles, "specialist", "montör", is a head, not a title)
            label = index.concepts[gid].preferred_label.removesuffix(" m.fl.")
            for title in _group_label_titles(label):
                if title not in named and (" " not in label or not _closes_a_name(
                        title, reversed_names)):
                    names_of[title].add(f"{GROUP_TITLE_KIND}:{gid}")
                    group_of[f"{GROUP_TITLE_KIND}:{gid}"] = gid
        _share_leading_titles(index, occupation_ids, names_of)
        self.group_of = group_of
        # "Botkyrka" must not read as a title ending in "kyrka", nor "Karlstad" in "stad"
        self.place_words = frozenset(
            word for kind in _PLACE_TYPES for cid in index.by_type.get(kind, ())
            for word in fold_surface(index.concepts[cid].preferred_label).split()
            if word not in names_of)
        self.names_per_group: dict[str, int] = defaultdict(int)
        for gid in group_of.values():
            self.names_per_group[gid] += 1
        self.group_only_titles = frozenset(
            key for key, oids in names_of.items()
            if all(oid.startswith(f"{GROUP_TITLE_KIND}:") for oid in oids))
        self.exact: dict[str, dict[str, float]] = {}
        for key, oids in names_of.items():
            groups: dict[str, float] = defaultdict(float)
            for oid in oids:
                groups[group_of[oid]] += 1.0 / len(oids)
            self.exact[key] = dict(groups)
        closed_by: dict[str, set[str]] = defaultdict(set)
        for key, oids in names_of.items():
            closed_by[_closing_word(key)].update(oids)
        self._closed_by = {word: frozenset(oids) for word, oids in closed_by.items()}
        self._reversed_closing = sorted(word[::-1] for word in closed_by)
        self.bare_head = lru_cache(maxsize=4096)(self._bare_head)
        # one ad's headline is read up to three times (whether it names a job, its English
        # compounds, the group model's evidence): the last few headlines' evidence is kept (few,
        # so a benchmark repeating its ads is not flattered)
        self.likelihood = lru_cache(maxsize=16)(self._likelihood)
        closing = {_closing_word(key) for key in names_of}
        closing = {w for w in closing if len(w) >= _MIN_HEAD}
        head_names: dict[str, set[str]] = defaultdict(set)
        for key, oids in names_of.items():
            last = _closing_word(key)
            for i in range(len(last) - _MIN_HEAD + 1):
                if (i == 0 or i >= _MIN_MODIFIER) and last[i:] in closing:
                    head_names[last[i:]].update(oids)
        self.head: dict[str, dict[str, int]] = {}
        for word, oids in head_names.items():
            counts: dict[str, int] = defaultdict(int)
            for oid in oids:
                counts[group_of[oid]] += 1
            self.head[word] = dict(counts)

    def _titles_of_a_unit(self, words: list[str]) -> list[tuple[str, range]]:
        """"Medarbetare till vår kundtjänst", "Assistent till ekonomiavdelningen", "Chef för
        IT-avdelningen": a title word and the unit or field it is for, joined as a compound
        title the index has ("kundtjänstmedarbetare", "ekonomiassistent", "it-chef")."""
        out = []
        for i in range(len(words) - 2):
            if words[i + 1] not in _UNIT_LINKS or (
                    i and f"{words[i - 1]} {words[i]}" in self.exact):  # "personlig assistent"
                continue
            k = i + 2
            if words[k] in _POSSESSIVES and k + 1 < len(words):
                k += 1
            unit, last = words[k], k
            if last + 1 < len(words) and words[last + 1] in _UNIT_WORDS:  # "it avdelningen"
                last += 1
            for first in _unit_forms(unit):
                for title in (first + words[i], f"{first}s{words[i]}", f"{first} {words[i]}"):
                    if title in self.exact:
                        out.append((title, range(i, last + 1)))
                        break
        return out

    def _longest_head(self, word: str) -> str | None:
        for i in range(len(word) - _MIN_HEAD + 1):
            if (i == 0 or i >= _MIN_MODIFIER) and word[i:] in self.head:
                return word[i:]
        return None

    def _inner_title(self, word: str, head: str) -> str | None:
        """The longest whole title that ends a compound and says more than its head:
        "transportbilssäljare" → "bilsäljare" (the linking s dropped), not just "säljare"."""
        if not word.endswith(head) or word == head:
            return None
        modifier = word[:-len(head)]
        for i in range(_MIN_MODIFIER, len(modifier) - _MIN_MODIFIER + 1):
            part = modifier[i:]
            for title in (part + head, part[:-1] + head if part.endswith("s") else ""):
                if title and title in self.exact:
                    return title
        return None

    def _bare_head(self, word: str) -> tuple[tuple[str, int], ...]:
        """Occupation names per group whose closing compound ends with `word`."""
        if len(word) < _MIN_BARE_HEAD:
            return ()
        backwards = word[::-1]
        oids: set[str] = set()
        start = bisect_left(self._reversed_closing, backwards)
        for closing in self._reversed_closing[start:]:
            if not closing.startswith(backwards):
                break
            if len(closing) - len(backwards) >= _MIN_MODIFIER:
                oids |= self._closed_by[closing[::-1]]
        counts: dict[str, int] = defaultdict(int)
        for oid in oids:
            counts[self.group_of[oid]] += 1
        return tuple(sorted(counts.items()))

    def _likelihood(self, headline: str) -> TitleEvidence:
        words = match_text(headline).split()
        if not words:
            return TitleEvidence()
        translated = translate_words_aligned(words)
        # In an English title a word is read in English: "officer" is "handläggare" there,
        # not the Swedish (military) "officer".
        english = is_english_title(words)
        # (words, positions of the headline each covers), longest titles first
        candidates: list[tuple[str, range]] = []
        for seq in (words, translated):
            for n in range(min(_MAX_PHRASE, len(seq)), 0, -1):
                for i in range(len(seq) - n + 1):
                    if english and n == 1 and seq is words and translated[i] != words[i]:
                        continue
                    candidates.append((" ".join(seq[i:i + n]), range(i, i + n)))
        joined: set[str] = set()
        for i in range(len(translated) - 1):  # Swedish compounds: "data ingenjör" → "dataingenjör"
            compound = translated[i] + translated[i + 1]
            candidates.append((compound, range(i, i + 2)))
            if translated[i] and translated[i + 1]:
                joined.add(compound)
        candidates += [(f"biträdande {words[i + 1]}", range(i, i + 2))
                       for i in range(len(words) - 1) if words[i] in DEPUTY_WORDS]
        candidates += english_role_compounds(words)  # "head of sales" → "försäljningschef"
        of_a_unit = self._titles_of_a_unit(words)  # "Assistent till vår ekonomiavdelning"
        candidates += of_a_unit
        candidates.sort(key=lambda c: -len(c[1]))
        out: dict[str, float] = defaultdict(float)
        titles: list[str] = []
        named: list[str] = []
        covered: set[int] = set()
        for phrase, span in candidates:
            groups = self.exact.get(phrase)
            if groups is None or covered.intersection(span):
                continue
            covered.update(span)
            titles.append(phrase)
            if len(groups) == 1 and (phrase in self.group_only_titles or (
                    english and phrase != " ".join(words[span.start:span.stop])
                    and phrase not in joined
                    and len(self.head.get(phrase, ())) < GENERIC_HEAD_GROUPS)):
                # (an English title the phrase list translates, "Legal Counsel" →
                # "bolagsjurist", names its group as the Swedish title would; a compound
                # joined word by word, "Data Engineer" → "dataingenjör", is a guess, and a
                # generic head, "Tax Manager" → "chef", names no group)
                named.append(next(iter(groups)))
            for gid, share in groups.items():
                out[gid] += EXACT_WEIGHT * share
        for i, word in enumerate(words):
            if i in covered or word in self.place_words or not translated[i]:
                continue  # (an empty translation: the second word of a two-word title)
            head = self._longest_head(translated[i]) or self._longest_head(word)
            if head is None:
                # "QA Engineer" → "testare", which closes "systemtestare", "mjukvarutestare"
                word = translated[i] if self.bare_head(translated[i]) else word
                bare = self.bare_head(word)
                if bare:
                    titles.append(word)
                for gid, count in bare:
                    out[gid] += count / self.names_per_group[gid]
                continue
            inner = self._inner_title(translated[i], head) or self._inner_title(word, head)
            if inner is not None:  # "transportbilssäljare" is a "bilsäljare"
                titles.append(inner)
                if len(self.exact[inner]) == 1:  # names its group as a whole title would
                    named.append(next(iter(self.exact[inner])))
                for gid, share in self.exact[inner].items():
                    out[gid] += EXACT_WEIGHT * share
                continue
            titles.append(head)
            for gid, count in self.head[head].items():
                out[gid] += count / self.names_per_group[gid]
        # a generic word ("medarbetare", "assistent", "chef": it closes titles of many groups)
        # says nothing of its own there; a title of its own ("sjuksköterska till
        # medicinavdelningen" is no specialist nurse) keeps what it says
        unit_words = tuple(words[span[0]] for phrase, span in of_a_unit if phrase in titles
                           and len(self.head.get(words[span[0]], ())) >= GENERIC_HEAD_GROUPS)
        return TitleEvidence(dict(out), tuple(titles), tuple(dict.fromkeys(named)), unit_words)
