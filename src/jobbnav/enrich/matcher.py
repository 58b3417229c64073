"""Find lexicon surfaces in a text: whole words, inflected forms and compound heads.

The text is folded to the same length (`match_text`) and padded with a space on each side, so
the automaton's " key " hits are exactly the whole-word occurrences, and its "key " hits that
start inside a word are compound heads. Overlaps are settled
longest-first: a longer surface of the same concept type wins, and a compound part never
survives inside a longer match; different-type whole words may nest ("Java-utvecklare").
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from jobbnav.enrich.lexicon import Lexicon
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
_MIN_MODIFIER = 3  # letters before a compound head: "akut|sjuksköterska", not "a|rbetare"
HEAD_CONFIDENCE_FACTOR = 0.8


class Match(NamedTuple):  # a tuple: built thousands of times per text, so cheap to make
    start: int
    end: int
    key_id: int
    compound: bool  # found as the head of a longer word

    @property
    def length(self) -> int:
        return self.end - self.start


def find_matches(lexicon: Lexicon, text: str, folded: str | None = None) -> list[Match]:
    """Non-overlapping (per the rules above) matches, sorted by start; deterministic.

    `folded` is `match_text(text)` when the caller already has it."""
    padded = " " + (folded if folded is not None else match_text(text)) + " "
    # Plain (start, end, key id, compound) tuples while sorting out overlaps; Match at the end.
    found: list[tuple[int, int, int, bool]] = []
    keys = lexicon.keys
    capital, upper = lexicon.needs_capital, lexicon.needs_upper
    for end, (key_id, head) in lexicon.surfaces.iter(padded):
        if head:
            first = end - len(keys[key_id])  # padded index of the first char
            if padded[first - 1] == " ":
                continue  # a whole word: its " key " entry has it
            if first - padded.rfind(" ", 0, first) - 1 < _MIN_MODIFIER:
                continue
            found.append((first - 1, end - 1, key_id, True))
            continue
        start = end - len(keys[key_id]) - 1  # index of the key's first char in text
        if key_id in capital and not text[start].isupper():
            continue
        if key_id in upper and not text[start:end - 1].isupper():
            continue
        found.append((start, end - 1, key_id, False))
    if "körkort" in padded:
        found += _licence_list_matches(lexicon, text, padded)
    return _resolve(lexicon, found)


def _licence_list_matches(lexicon: Lexicon, text: str, padded: str
                          ) -> list[tuple[int, int, int, bool]]:
    """Each class of a licence list, as a match of "körkort <class>" (capital letters only)."""
    out = []
    for listed in _LICENCE_LIST.finditer(padded):
        for cls in _LICENCE_CLASS.finditer(padded, listed.start(), listed.end()):
            start, end = cls.start() - 1, cls.end() - 1  # padded → text offsets
            if not text[start:end].isupper():
                continue
            found = lexicon.surfaces.get(f" körkort {cls.group()} ", None)
            if found is not None:
                out.append((start, end, found[0], False))
    return out


def _resolve(lexicon: Lexicon, found: list[tuple[int, int, int, bool]]) -> list[Match]:
    # longest first; whole words before compound heads
    found.sort(key=lambda m: (m[3], m[0] - m[1], m[0], m[2]))
    kept: list[tuple[int, int, int, bool]] = []  # sorted by start
    starts: list[int] = []
    longest = 0
    key_types = lexicon.key_types
    for cand in found:
        c_start, c_end, c_key, c_compound = cand
        types = key_types[c_key]
        blocked = False
        # only kept matches starting less than `longest` before cand can overlap it
        lo = bisect.bisect_left(starts, c_start - longest)
        hi = bisect.bisect_left(starts, c_end)
        for o_start, o_end, o_key, o_compound in kept[lo:hi]:
            if c_start >= o_end or o_start >= c_end:
                continue
            inside = o_start <= c_start and c_end <= o_end
            if c_compound or not inside or o_compound or not types.isdisjoint(key_types[o_key]):
                blocked = True
                break
        if not blocked:
            at = bisect.bisect_right(starts, c_start)
            starts.insert(at, c_start)
            kept.insert(at, cand)
            longest = max(longest, c_end - c_start)
    kept.sort(key=lambda m: (m[0], m[1], m[2]))
    return [Match(*m) for m in kept]
