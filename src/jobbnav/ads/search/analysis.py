"""Swedish text analysis shared by the index (through tantivy) and the query side (in Python).

Both sides must produce the same terms: tantivy's `simple` tokenizer + lowercase + Snowball
Swedish on the index, and the same regex split + casefold + the same Snowball algorithm
(`snowballstemmer`) here. A test checks that they agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer
import tantivy

__all__ = ["ANALYZER_NAME", "RAW_WORDS_NAME", "analyzers", "decompound", "stem", "tokens"]

ANALYZER_NAME = "sv_stem"
RAW_WORDS_NAME = "sv_words"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TOKEN = 40
_MIN_HEAD = 3
_MIN_TAIL = 4
_STEMMER = snowballstemmer.stemmer("swedish")


def analyzers() -> dict[str, tantivy.TextAnalyzer]:
    """The analyzers every opened index must register, by name."""
    stemmed = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
               .filter(tantivy.Filter.remove_long(_MAX_TOKEN))
               .filter(tantivy.Filter.lowercase())
               .filter(tantivy.Filter.stemmer("swedish"))
               .build())
    words = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
             .filter(tantivy.Filter.remove_long(_MAX_TOKEN))
             .filter(tantivy.Filter.lowercase())
             .build())
    return {ANALYZER_NAME: stemmed, RAW_WORDS_NAME: words}


def tokens(text: str) -> list[str]:
    """Lower-cased words as the index sees them before stemming."""
    found: list[str] = _WORD.findall(text.lower())
    if found and max(map(len, found)) >= _MAX_TOKEN:  # rare: only then filter word by word
        return [w for w in found if len(w) < _MAX_TOKEN]
    return found


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower()))


def decompound(word: str, is_known: Callable[[str], bool]) -> list[str]:
    """Split a Swedish compound into known words: "lagerarbetare" → ["lager", "arbetare"].

    `is_known(word)` says whether a word exists in the vocabulary (the index's terms). Tries
    the longest known head first and allows the linking -s- ("arbetsmiljö" → arbet(s) + miljö).
    Returns [] when the word is not a compound of known words.
    """
    return _split(word.lower(), is_known, depth=0)


def _split(word: str, is_known: Callable[[str], bool], depth: int) -> list[str]:
    if depth > 3 or len(word) < _MIN_HEAD + _MIN_TAIL:
        return []
    for cut in range(len(word) - _MIN_TAIL, _MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        heads = [head]
        if head.endswith("s") and len(head) > _MIN_HEAD:
            heads.append(head[:-1])  # linking -s-
        for candidate in heads:
            if not is_known(candidate):
                continue
            if is_known(tail):
                return [candidate, tail]
            rest = _split(tail, is_known, depth + 1)
            if rest:
                return [candidate, *rest]
    return []
