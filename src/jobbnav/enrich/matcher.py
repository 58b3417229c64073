"""Find lexicon surfaces in a text: whole words, inflected forms and compound heads.

The text is folded to the same length (`match_text`) and padded with a space on each side, so
the automaton's " key " hits, and its "key " hits preceded by a space, are exactly the
whole-word occurrences; "key " hits that start inside a word are compound heads. Overlaps are
settled longest-first: a longer surface of the same concept type wins, and a compound part never
survives inside a longer match; different-type whole words may nest ("Java-utvecklare"), except
acronyms, which are part of the longer term they stand in ("CD" in "CI/CD").
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter
from typing import NamedTuple

from jobbnav.enrich.lexicon import (
    EVERYDAY_WORD,
    GENITIVE_PLACE,
    NEEDS_A_CAPITAL,
    NEEDS_CAPITAL,
    NEEDS_UPPER,
    Lexicon,
)
from jobbnav.enrich.tokenize import match_text

__all__ = ["Match", "find_matches"]

# Lists of licence classes under one "körkort": "körkort B och C", "körkort B, C, CE",
# "B- och C-körkort", "B, C eller CE körkort" (matched in the folded text).
_CLASS = r"(?:am|a1|a2|a|be|b|c1e|c1|ce|c|d1e|d1|de|d)"
_LICENCE_LIST = re.compile(
    rf"\bkörkort(?:sklass|sbehörighet)?\s+(?:klass\s+|behörighet\s+|för\s+)?{_CLASS}"
    rf"(?:\s+(?:och\s+|samt\s+|eller\s+)?{_CLASS})+\b|"
    rf"\b{_CLASS}(?:\s+{_CLASS})*\s+(?:och|samt|eller)\s+{_CLASS}\s+körkort\b")
_LICENCE_CLASS = re.compile(rf"\b{_CLASS}\b")
# Every list match is whole words from this set, one of them a "körkort…": the list regex needs
# to run only over the run of such words around each "körkort" (found by `str.find`), which is
# exactly what a search of the whole text would see there. The run before is found by matching
# the reversed words on the reversed text.
_RUN_WORDS = ("körkort", "körkortsklass", "körkortsbehörighet", "klass", "behörighet", "för",
              "och", "samt", "eller", "am", "a1", "a2", "a", "be", "b", "c1e", "c1", "ce", "c",
              "d1e", "d1", "de", "d")
_RUN_AFTER = re.compile(
    r"\w*(?:\s+(?:" + "|".join(sorted(_RUN_WORDS, key=len, reverse=True)) + r")(?!\w))*")
_RUN_BEFORE = re.compile(
    r"(?:\s+(?:" + "|".join(sorted((w[::-1] for w in _RUN_WORDS), key=len, reverse=True))
    + r")(?!\w))*")
# "kund- och leverantörsreskontra", "lager-, terminal- och transportarbete"
# Found from the joint ("- och transportarbete"), which opens with a plain "-" the regex engine
# finds fast, then the first parts just before it.
_COORDINATION_JOINT = re.compile(r"-\s+(?:och|eller|samt)\s+(\w+)", re.IGNORECASE)
_FIRST_PARTS_BEFORE = re.compile(r"(?<!\w)(?:\w+-,?\s+)*\w+-$")
_FIRST_PART = re.compile(r"(\w+)-")
_COORDINATION_REACH = 80
_JOINED_KEYS_MAX = 100_000
_UNKNOWN = -1  # not a key id: a pair not looked up yet
_MIN_COORDINATED_HEAD = 4  # "reskontra", "arbete": the shared head is a word of its own
_MIN_MODIFIER = 3  # letters before a compound head: "akut|sjuksköterska", not "a|rbetare"
HEAD_CONFIDENCE_FACTOR = 0.8
# A word that starts with one of these particles is a derivation, not a compound of what
# follows: "förutsättning" is no kind of "utsättning", "medarbetare" no kind of "arbetare".
PARTICLE_PREFIXES = frozenset((
    "för", "upp", "till", "från", "över", "under", "fram", "mot", "med", "efter", "sam", "miss",
    "bort", "ner", "ned", "åter", "genom", "vid"))
_by_position = itemgetter(2, 4, 3)  # start, end, key id of a candidate tuple


class Match(NamedTuple):  # a tuple: built thousands of times per text, so cheap to make
    start: int
    end: int
    key_id: int
    compound: bool  # found as the head of a longer word

    @property
    def length(self) -> int:
        return self.end - self.start


def find_matches(lexicon: Lexicon, text: str, folded: str | None = None, *,
                 lower_case_places: bool = False) -> list[Match]:
    """Non-overlapping (per the rules above) matches, sorted by start; deterministic.

    `folded` is `match_text(text)` when the caller already has it. `lower_case_places`: a
    search query, where place names typed in lower case count unless they are everyday words."""
    ignore = NEEDS_CAPITAL if lower_case_places else 0
    padded = " " + (folded if folded is not None else match_text(text)) + " "
    # (compound, start - end, start, key id, end) while sorting out overlaps: a plain sort puts
    # them longest first, whole words before compound heads; Match at the end.
    found: list[tuple[bool, int, int, int, int]] = []
    add = found.append
    values = lexicon.scanner.values
    for index, _, stop in lexicon.scanner.matches(padded):
        key_id, head, size, check = values[index]
        end = stop - 1  # padded index of the key's last char (its closing space)
        if head:  # a "key " entry: a compound head unless a space precedes it
            first = end - size  # padded index of the first char
            if padded[first - 1] != " ":
                word_start = padded.rfind(" ", 0, first) + 1
                if first - word_start >= _MIN_MODIFIER and \
                        padded[word_start:first] not in PARTICLE_PREFIXES:
                    add((True, -size, first - 1, key_id, end - 1))
                continue
        start = end - size - 1  # index of the key's first char in text
        if check and not _casing_ok(
                check & ~ignore if not check & EVERYDAY_WORD else check, text, start, end - 1):
            continue
        add((False, -size, start, key_id, end - 1))
    if "körkort" in padded:
        found += _licence_list_matches(lexicon, text, padded)
    if "truck" in padded:
        found += _truck_class_matches(lexicon, text)
    found += _r_language_matches(lexicon, text, padded)
    found += _coordinated_matches(lexicon, text, padded)
    if "lärare" in padded:
        found += _teacher_matches(lexicon, text)
    return _resolve(lexicon, found)


# "Värmlands Stålkonstruktioner AB", "Sveriges Radio": a place's genitive before a capital
# names an organisation; the places' own organisations are still the places
_NAME_AFTER_GENITIVE = re.compile(r"\s+(?!(?:Stad|Kommun|Universitet|Län|Region)\b)[A-ZÅÄÖ]")


def _casing_ok(check: int, text: str, start: int, end: int) -> bool:
    if check & NEEDS_CAPITAL and not text[start].isupper():
        return False
    if check & GENITIVE_PLACE and _NAME_AFTER_GENITIVE.match(text, end):
        return False
    if check & NEEDS_A_CAPITAL and text[start:end].islower():
        return False
    return not (check & NEEDS_UPPER and not text[start:end].isupper())


def _licence_list_matches(lexicon: Lexicon, text: str, padded: str
                          ) -> list[tuple[bool, int, int, int, int]]:
    """Each class of a licence list, as a match of "körkort <class>" (capital letters only)."""
    out = []
    for listed in _licence_lists(padded):
        for cls in _LICENCE_CLASS.finditer(padded, listed.start(), listed.end()):
            start, end = cls.start() - 1, cls.end() - 1  # padded → text offsets
            if not text[start:end].isupper():
                continue
            found = lexicon.surfaces.get(f" körkort {cls.group()} ", None)
            if found is not None:
                out.append((False, start - end, start, found[0], end))
    return out


# "truckkort A och B", "Truckkort A+B", "truckbehörighet för A, B och C", "truckkort (A och
# B)": the truck classes (A-truckar … D-truckar) of a truck licence, in capitals
_TRUCK_CLASSES = re.compile(
    r"\btruck(?:kort|körkort|behörighet|licens)?\s+\(?\s*(?:för\s+|klass\s+)?"
    r"([A-D](?:\s*(?:\+|,|/|&|och|samt|eller)\s*[A-D])*)\b(?!-)", re.IGNORECASE)
_TRUCK_CLASS = re.compile(r"[A-D](?![\w-])")  # "truckkort A, B-körkort": B is a car licence


# "A- och B-truck", "A-, B- och C-truckar": the classes before the one that says "truck"
_TRUCK_CLASSES_BEFORE = re.compile(
    r"\b((?:[A-D]-\s*(?:,|och|eller|samt|/|&)?\s*)+)[A-D]-truck", re.IGNORECASE)
_CLASS_BEFORE = re.compile(r"[A-D](?=-)")


def _truck_class_matches(lexicon: Lexicon, text: str) -> list[tuple[bool, int, int, int, int]]:
    """Each class of a truck licence's class list, as a match of its "X-truckar" skill."""
    out = []
    for listed in _TRUCK_CLASSES_BEFORE.finditer(text):
        for cls in _CLASS_BEFORE.finditer(text, listed.start(1), listed.end(1)):
            found = lexicon.surfaces.get(f" {cls.group().lower()} truckar ", None)
            if found is not None:
                out.append((False, -1, cls.start(), found[0], cls.end()))
    for listed in _TRUCK_CLASSES.finditer(text):
        for cls in _TRUCK_CLASS.finditer(text, listed.start(1), listed.end(1)):
            found = lexicon.surfaces.get(f" {cls.group().lower()} truckar ", None)
            if found is not None:
                out.append((False, -1, cls.start(), found[0], cls.end()))
    return out


# "lärare i matematik och NO för årskurs 7–9", "Lärare i engelska åk 4–6", "lärare i svenska på
# gymnasiet": a teacher by the school years taught is that teacher ("högstadielärare" …)
_TEACHER_OF_YEARS = re.compile(
    r"\b(?:ämnes|grund|klass)?lärare\b[^.\n]{0,60}?(?:\b(?:årskurs|åk)\.?\s*(f|1|4|7)\s*[-–]\s*"
    r"(?:3|6|9)\b|\b(?:på|i|inom)\s+(gymnasie(?:t|skolan)))", re.IGNORECASE)
_TEACHER_BY_YEARS = {"f": "lågstadielärare", "1": "lågstadielärare", "4": "mellanstadielärare",
                     "7": "högstadielärare"}


def _teacher_matches(lexicon: Lexicon, text: str) -> list[tuple[bool, int, int, int, int]]:
    """A teacher named with the school years taught, as a match of that teacher's title over
    the word "…lärare", ranked one letter longer than it: it wins over the word's own senses
    ("ämneslärare") and is kept inside a longer term of another type ("legitimerad lärare")."""
    out: list[tuple[bool, int, int, int, int]] = []
    for taught in _TEACHER_OF_YEARS.finditer(text):
        years = taught.group(1)
        title = _TEACHER_BY_YEARS[years.lower()] if years else "gymnasielärare"
        found = lexicon.surfaces.get(f" {title} ") or lexicon.surfaces.get(f"{title} ")
        if found is not None:
            word_end = taught.start() + text[taught.start():taught.end()].lower().index(
                "lärare") + len("lärare")
            out.append((False, taught.start() - word_end - 1, taught.start(), found[0],
                        word_end))
    return out


# "Python eller R", "SPSS, R eller Stata", "kunskaper i R": the statistics language, a lone
# capital letter, where other tools of analysis or a knowledge cue stand next to it ("Scania R
# 500", "R&D" are other things)
# (a literal first: a lookbehind would make the engine try every position of the text)
_LONE_R = re.compile(r"R(?![\w&/+-]|\.\w|\s*\d)")
_R_COMPANIONS = re.compile(
    r"(?<!\w)(?:python|sql|sas|spss|stata|matlab|julia|prism|vba|statistikprogram\w*|"
    r"statistikverktyg\w*|statistical|programmer\w*|"
    r"programming)(?!\w)")
_R_CUE_BEFORE = re.compile(
    r"(?:kunskap\w*|erfarenhet|knowledge|experience|skills|vana)\s+(?:i|av|of|in|with)\s+$")
_R_REACH = 40


def _r_language_matches(lexicon: Lexicon, text: str, padded: str
                        ) -> list[tuple[bool, int, int, int, int]]:
    """Each lone capital R that names the statistics language, as a match of its label."""
    out: list[tuple[bool, int, int, int, int]] = []
    for lone in _LONE_R.finditer(text):
        start, end = lone.start(), lone.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_&/.+-"):
            continue
        found = lexicon.surfaces.get(" r programmeringsspråk ")
        if found is None:
            return out
        at = start + 1  # the R in `padded`
        if _R_COMPANIONS.search(padded, max(1, at - _R_REACH), at + _R_REACH) or \
                _R_CUE_BEFORE.search(padded, max(1, at - _R_REACH), at):
            out.append((False, -1, start, found[0], end))
    return out


def _coordinated_matches(lexicon: Lexicon, text: str, padded: str
                         ) -> list[tuple[bool, int, int, int, int]]:
    """The first parts of a coordination, completed by the head of its last word: "kund- och
    leverantörsreskontra" names "kundreskontra" too, "lager-, terminal- och transportarbete"
    "lagerarbete" and "terminalarbete". Each is a match over its first part ("kund")."""
    out = []
    for joint in _COORDINATION_JOINT.finditer(text):
        last = padded[joint.start(1) + 1:joint.end(1) + 1]
        lo = max(0, joint.start() - _COORDINATION_REACH)
        chain = _FIRST_PARTS_BEFORE.search(text, lo, joint.start() + 1)
        if chain is None:
            continue
        for part in _FIRST_PART.finditer(text, chain.start(), chain.end()):
            start, end = part.start(1), part.end(1)
            first = padded[start + 1:end + 1]
            known = lexicon.joined_keys  # shared by request threads: one get, no check-then-read
            key_id = known.get((first, last), _UNKNOWN)
            if key_id is _UNKNOWN:
                if len(known) >= _JOINED_KEYS_MAX:
                    known.clear()
                key_id = known[first, last] = _joined_key(lexicon, first, last)
            if key_id is not None:
                out.append((False, start - end, start, key_id, end))
    return out


def _joined_key(lexicon: Lexicon, first: str, last: str) -> int | None:
    """The longest key `first` + a head of `last` spells, if one needs no casing check."""
    for cut in range(1, len(last) - _MIN_COORDINATED_HEAD + 1):
        joined = first + last[cut:]
        found = lexicon.surfaces.get(f" {joined} ", None) or \
            lexicon.surfaces.get(f"{joined} ", None)
        if found is not None:
            return None if found[3] else int(found[0])
    return None


def _licence_lists(padded: str) -> list[re.Match[str]]:
    """`_LICENCE_LIST.finditer(padded)`, searching only the word runs around "körkort"."""
    windows: list[tuple[int, int]] = []
    at = padded.find("körkort")
    while at >= 0:
        before = _RUN_BEFORE.match(padded[at - 1::-1]) if at else None
        lo = at - before.end() if before is not None else at
        hi = _RUN_AFTER.match(padded, at).end()  # type: ignore[union-attr]  # always matches
        if windows and lo <= windows[-1][1]:
            windows[-1] = (min(lo, windows[-1][0]), max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
        at = padded.find("körkort", hi)
    return [m for lo, hi in windows for m in _LICENCE_LIST.finditer(padded, lo, hi)]


def _resolve(lexicon: Lexicon, found: list[tuple[bool, int, int, int, int]]) -> list[Match]:
    """Overlaps settled within each run of transitively overlapping candidates: candidates
    of different runs never overlap, so most (lone) candidates are kept without a look."""
    found.sort(key=_by_position)
    out: list[Match] = []
    i, count = 0, len(found)
    while i < count:
        _, _, start, key, reach = found[i]
        j = i + 1
        while j < count and found[j][2] < reach:
            if found[j][4] > reach:
                reach = found[j][4]
            j += 1
        if j == i + 1:
            out.append(Match(start, reach, key, found[i][0]))
        else:
            out += _resolve_overlapping(lexicon, found[i:j])
        i = j
    return out


def _resolve_overlapping(lexicon: Lexicon, found: list[tuple[bool, int, int, int, int]]
                         ) -> list[Match]:
    found.sort()  # longest first; whole words before compound heads
    kept: list[tuple[bool, int, int, int, int]] = []  # sorted by start
    starts: list[int] = []
    longest = 0
    key_types = lexicon.key_types
    for cand in found:
        c_compound, c_negative_length, c_start, c_key, c_end = cand
        # only kept matches starting less than `longest` before cand can overlap it
        lo = bisect.bisect_left(starts, c_start - longest)
        hi = bisect.bisect_left(starts, c_end)
        if lo < hi:
            types = key_types[c_key]
            acronym = c_key in lexicon.needs_upper
            blocked = False
            for o_compound, _, o_start, o_key, o_end in kept[lo:hi]:
                if c_start >= o_end or o_start >= c_end:
                    continue
                inside = o_start <= c_start and c_end <= o_end
                # an acronym inside a longer term is part of it: no "CD" in "CI/CD"; nothing
                # is inside a term that names no concept ("Visma" in "Visma Lön")
                o_types = key_types[o_key]
                if c_compound or not inside or o_compound or acronym or not o_types or \
                        not types.isdisjoint(o_types) or \
                        ("skill" in types and "trait" in o_types
                         and o_end - o_start > c_end - c_start):
                    # (a trait's words describe the person: "coachande ledarskap" is no
                    # coaching, "känsla för service" no service)
                    blocked = True
                    break
            if blocked:
                continue
        at = bisect.bisect_right(starts, c_start)
        starts.insert(at, c_start)
        kept.insert(at, cand)
        if -c_negative_length > longest:
            longest = -c_negative_length
    kept.sort(key=_by_position)
    return [Match(start, end, key, compound) for compound, _, start, key, end in kept]
