"""Index-side compound splitting: "förskollärare" is also indexed as "lärare".

Swedish compounds carry their meaning in the last part (the head): a "gymnasielärare" is a
"lärare", a "specialistsjuksköterska" a "sjuksköterska". The query side alone cannot find the
head inside a longer word, so the index adds, per ad, the known heads its long words end with
in a field of their own (`parts`), which the query matches at a lower weight than the words
themselves.

What counts as a head: words of at least 5 letters in the taxonomy's occupation names and
skills, plus a short list of common heads (some of 4 letters: "chef", "kock"), minus function
words. A word is split only when what comes before the head keeps at least 4 letters, so short
heads do not fire inside ordinary words ("lag" is never a head; "samarbete" does not yield
"arbete").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from itertools import chain

from sqlalchemy import Engine

from jobbnav.ads.search.analysis import tokens

__all__ = ["COMMON_HEADS", "HeadFinder", "compound_heads", "heads_in", "heads_in_words",
           "vocabulary"]

COMMON_HEADS = frozenset({
    "lärare", "sjuksköterska", "sköterska", "undersköterska", "ingenjör", "tekniker",
    "utvecklare", "arbetare", "montör", "chef", "ledare", "säljare", "handläggare", "assistent",
    "konsult", "förare", "chaufför", "elektriker", "mekaniker", "snickare", "målare", "kock",
    "städare", "vårdare", "pedagog", "läkare", "psykolog", "ekonom", "administratör",
    "operatör", "samordnare", "analytiker", "arkitekt", "designer", "programmerare",
    "rådgivare", "sekreterare", "biträde", "medarbetare", "specialist", "terapeut",
    "svetsare", "reparatör", "installatör", "planerare", "controller", "redovisning",
    "lager", "butik", "restaurang", "skötare", "personal", "bagare", "frisör", "väktare",
})
# Words in taxonomy labels that are not heads of anything a job seeker searches for.
_NOT_HEADS = frozenset({
    "eller", "andra", "annan", "annat", "övriga", "övrig", "inom", "under", "genom", "samt",
    "efter", "mellan", "utom", "bland", "enligt", "vilka", "också", "något", "några", "olika",
    "arbete", "arbeten", "kunskap", "kunskaper", "system", "området", "nivå",
})
MIN_TAXONOMY_HEAD = 5
MIN_MODIFIER = 4
_MAX_HEADS_PER_WORD = 3
MAX_WORD = 40
# Only words long enough to hold a modifier and a head are looked at (as tokens() splits).
_MIN_LONG = MIN_MODIFIER + 4
_LONG_WORD = re.compile(rf"[^\W_]{{{MIN_MODIFIER + 4},}}", re.UNICODE)
_TYPES = ("occupation-name", "skill")

_cache: dict[int, frozenset[str]] = {}
_lock = threading.Lock()


def vocabulary(labels: Iterable[str]) -> frozenset[str]:
    """The heads: `COMMON_HEADS` plus the long-enough words of `labels`, minus function words."""
    words = {w for label in labels for w in tokens(label)
             if len(w) >= MIN_TAXONOMY_HEAD and w.isalpha()}
    return frozenset((words | COMMON_HEADS) - _NOT_HEADS)


def compound_heads(engine: Engine) -> frozenset[str]:
    """The heads for the taxonomy in `engine` (only `COMMON_HEADS` when it holds none)."""
    from jobbnav.taxonomy import service as taxonomy

    index = taxonomy.index(engine)
    with _lock:
        found = _cache.get(id(index))
        if found is None:
            labels = [index.concepts[cid].preferred_label for t in _TYPES
                      for cid in index.by_type.get(t, ())]
            _cache.clear()
            found = _cache[id(index)] = vocabulary(labels)
    return found


class HeadFinder:
    """Finds the heads long words end with; remembers each word it has looked at."""

    def __init__(self, heads: frozenset[str]) -> None:
        self.heads = heads
        self._seen: dict[str, tuple[str, ...]] = {}

    def of_word(self, word: str) -> tuple[str, ...]:
        found = self._seen.get(word)
        if found is None:
            found = tuple(word[cut:] for cut in range(MIN_MODIFIER, len(word) - 3)
                          if word[cut:] in self.heads)[:_MAX_HEADS_PER_WORD]
            if len(self._seen) < 500_000:
                self._seen[word] = found
        return found

    def heads_of_words(self, words: Iterable[str]) -> str:
        """The heads of the distinct `words`, space-separated; each word is looked at once
        per process, and the per-ad work stays in C (set, map, filter, join)."""
        distinct = set(words)
        seen = self._seen
        missing = distinct.difference(seen)
        if missing:
            if len(seen) + len(missing) > 1_000_000:
                seen.clear()  # bound the memory; words are cheap to look at again
                missing = distinct
            for word in missing:
                seen[word] = (tuple(word[cut:] for cut in range(MIN_MODIFIER, len(word) - 3)
                                    if word[cut:] in self.heads)[:_MAX_HEADS_PER_WORD]
                              if _MIN_LONG <= len(word) < MAX_WORD else ())
        return " ".join(chain.from_iterable(filter(None, map(seen.__getitem__, distinct))))


def heads_in(text: str, finder: HeadFinder) -> str:
    """The heads of the compounds in `text`, space-separated (what the `parts` field holds)."""
    out: list[str] = []
    for word in set(_LONG_WORD.findall(text.lower())):
        if len(word) < MAX_WORD:  # longer ones are not words (the analyzer drops them too)
            out.extend(finder.of_word(word))
    return " ".join(out)


def heads_in_words(words: Iterable[str], finder: HeadFinder) -> str:
    """`heads_in` for a text already split by `analysis.tokens` (lower-cased words)."""
    return finder.heads_of_words(words)
