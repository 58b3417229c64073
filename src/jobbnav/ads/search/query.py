"""The free-text language of `q`: words, "quoted phrases", +must and -exclude.

Every word counts: a plain word must match (through its stem, its compound parts or a concept
it names), `+word` says the same explicitly, `-word` / `-"phrase"` exclude.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobbnav.ads.search.analysis import tokens

__all__ = ["Clause", "parse_q"]

_PART = re.compile(r'([+-]?)"([^"]*)"?|([+-]?)(\S+)')


@dataclass(frozen=True, slots=True)
class Clause:
    words: tuple[str, ...]
    exclude: bool = False
    phrase: bool = False
    explicit: bool = False  # written with "+"


def parse_q(q: str) -> list[Clause]:
    clauses: list[Clause] = []
    for match in _PART.finditer(q):
        sign_phrase, phrase, sign_word, word = match.groups()
        if phrase is not None:
            words = tuple(tokens(phrase))
            if words:
                clauses.append(Clause(words, exclude=sign_phrase == "-",
                                      phrase=len(words) > 1, explicit=sign_phrase == "+"))
            continue
        words = tuple(tokens(word))
        if not words:
            continue
        # "3D-modellering" or "C#" → several tokens: treat them as a phrase of their own.
        clauses.append(Clause(words, exclude=sign_word == "-", phrase=len(words) > 1,
                              explicit=sign_word == "+"))
    return clauses
