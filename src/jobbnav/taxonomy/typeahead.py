"""Typeahead over every concept label and search term: prefix, inside-word and one-typo matches.

The index is built once per taxonomy version from the read model (`index()`), in memory:

- `keys`: the sorted search keys (ascii-folded, punctuation → space) of every label, every "/"
  alternative of a label and every search term; a bisect gives the prefix range of a query;
- `word_starts` / `infixes`: the sorted distinct suffixes of those keys that begin a later word
  ("sköterska" in "Grundutbildad sjuksköterska" is not one, "sjuksköterska" is) or begin inside
  a word ("sköterska" in "undersköterska"); a bisect gives every key containing the query;
- one typo (substitution, insertion, deletion or swap of neighbours) is found by looking up the
  query's one-edit variants for edits early in the query, and by checking the few keys that
  share a longer exact beginning with the query for edits late in it.

Ranking: exact > prefix > word-prefix > words (every query word begins a word, in any order) >
infix > fuzzy; then the official label before a hidden term; then a match that also agrees on
å/ä/ö when the query has them; then shorter, where a concept with more relations (the more
connected, the more commonly used) counts as a few letters shorter; then the label.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput
from jobbnav.taxonomy.index import TaxonomyIndex, get_index
from jobbnav.taxonomy.model import Concept
from jobbnav.taxonomy.normalize import alternatives, ascii_fold, fold

__all__ = ["MATCH_KINDS", "Suggestion", "TypeaheadIndex", "search_key", "suggest",
           "typeahead_index"]

MATCH_KINDS = ("exact", "prefix", "word-prefix", "words", "infix", "fuzzy")
_EXACT, _PREFIX, _WORD, _WORDS, _INFIX, _FUZZY = range(6)

MAX_QUERY_LENGTH = 200
_MIN_INFIX = 3  # two letters inside words match most of the taxonomy: not a useful suggestion
_MIN_FUZZY = 4  # one typo in three letters could be almost anything
_SCAN_LIMIT = 300  # a range this small is checked key by key for late typos
_INFIX_WIDTH = 16  # inside-word suffixes are stored cut to this many characters
_ORDER_ABOVE = 64  # more candidate keys than this are walked best first, with an early stop
# A rank is one integer: tier · _TIER + (_HIDDEN for a hidden term) + (_ACCENT_MISS when the
# query has å/ä/ö and the term does not) + the entry's place in the order shorter-first.
_TIER = 1 << 24
_HIDDEN = 1 << 23
_ACCENT_MISS = 1 << 22
_HIGH = "\U0010ffff"

_SEPARATORS = re.compile(r"[\s\-/,;:()\[\]{}\"'!?*<>|\\]+")
_JOINED = re.compile(r"(?<=\w)[-/](?=\w)")


def search_key(text: str) -> str:
    """The form both keys and queries are compared in: "Under­sköterska/VÅRD-biträde" →
    "underskoterska vard biträde" folded to ascii ("underskoterska vard bitrade")."""
    text = ascii_fold(text.replace("\u00ad", ""))
    return _SEPARATORS.sub(" ", text).strip()


def _keys_of(text: str) -> set[str]:
    keys = set()
    for part in alternatives(text):
        for variant in (part, _JOINED.sub("", part)):  # "e-handel" is also typed "ehandel"
            key = search_key(variant)
            if key:
                keys.add(key)
    return keys


@dataclass(frozen=True, slots=True)
class Suggestion:
    concept: Concept
    term: str  # the label or search term that matched
    official: bool  # True: the concept's preferred label; False: an alternative/hidden term
    term_kind: str  # "preferred-label" or the stored term kind ("ontology", "hidden-term", …)
    match: str  # one of MATCH_KINDS


@dataclass(frozen=True, slots=True)
class _Entry:
    concept_id: str
    text: str
    folded: str  # fold(text): keeps å/ä/ö, for the tie-break when the query has them
    kind: str
    official: bool
    type: str
    deprecated: bool
    # Letters, less 3·log2(1 + relations): a well-connected (commonly used) concept ranks as if
    # it were a few letters shorter.
    length: float


class TypeaheadIndex:
    """Built once per taxonomy version and then only read; safe to share between threads."""

    def __init__(self, version: int, concepts: dict[str, Concept], entries: list[_Entry],
                 keys: dict[str, list[int]]) -> None:
        self.version = version
        self.concepts = concepts
        self.entries = entries
        # Each entry's static rank: hidden terms after official labels, then its place in the
        # order shorter-first, then by text. A key's best entry bounds what the key can offer.
        order = sorted(range(len(entries)), key=lambda e: (entries[e].length, entries[e].text))
        self.static = [0] * len(entries)
        for place, e in enumerate(order):
            self.static[e] = place + (0 if entries[e].official else _HIDDEN)
        self.keys = sorted(keys)
        self.key_entries = [tuple(sorted(keys[k], key=self.static.__getitem__))
                            for k in self.keys]
        self.key_best = [self.static[entries_[0]] for entries_ in self.key_entries]
        starts: dict[str, set[int]] = defaultdict(set)
        inner: dict[str, set[int]] = defaultdict(set)
        for number, key in enumerate(self.keys):
            for pos in range(1, len(key)):
                if key[pos] == " ":
                    continue
                if key[pos - 1].isalnum():
                    inner[key[pos:pos + _INFIX_WIDTH]].add(number)
                else:
                    starts[key[pos:]].add(number)
        self.word_starts = sorted(starts)
        self.word_start_keys = [tuple(starts[s]) for s in self.word_starts]
        self.infixes = sorted(inner)
        self.infix_keys = [tuple(inner[s]) for s in self.infixes]
        self.alphabet = sorted({ch for key in self.keys for ch in key if ch != " "})

    @classmethod
    def build(cls, taxonomy: TaxonomyIndex) -> TypeaheadIndex:
        degree: dict[str, int] = defaultdict(int)
        for cid, edges in taxonomy.outgoing.items():
            degree[cid] += len(edges)
        for cid, edges in taxonomy.incoming.items():
            degree[cid] += len(edges)
        entries: list[_Entry] = []
        keys: dict[str, list[int]] = defaultdict(list)

        def add(concept: Concept, text: str, kind: str, official: bool, seen: set[str]) -> None:
            fresh = _keys_of(text) - seen
            if not fresh:
                return
            seen |= fresh
            entries.append(_Entry(concept.id, text, fold(text), kind, official, concept.type,
                                  concept.deprecated,
                                  len(text) - round(3 * math.log2(1 + degree[concept.id]), 1)))
            for key in fresh:
                keys[key].append(len(entries) - 1)

        for concept in taxonomy.concepts.values():
            seen: set[str] = set()
            add(concept, concept.preferred_label, "preferred-label", True, seen)
            for term in taxonomy.terms.get(concept.id, ()):
                add(concept, term.term, term.kind, False, seen)
        return cls(taxonomy.version, taxonomy.concepts, entries, keys)

    # --- lookups ---------------------------------------------------------------------------

    def suggest(self, query: str, *, types: Collection[str] | None = None, limit: int = 10,
                offset: int = 0, include_deprecated: bool = False,
                within: Collection[str] | None = None) -> list[Suggestion]:
        q = search_key(query)
        if not q or limit <= 0:
            return []
        wanted = offset + limit
        allowed = set(types) if types else None
        inside = set(within) if within is not None else None
        folded_query = fold(query) if fold(query) != ascii_fold(query) else None
        found: dict[str, tuple[int, int]] = {}  # concept id → (rank, entry)
        entries, static, key_entries = self.entries, self.static, self.key_entries

        def consider(tier: int, key_numbers: Collection[int]) -> None:
            base = tier * _TIER
            numbers: Iterable[int] = key_numbers
            ordered = len(key_numbers) > _ORDER_ABOVE
            if ordered:  # many keys: best first, and stop once no later key can place
                numbers = sorted(key_numbers, key=self.key_best.__getitem__)
            for count, number in enumerate(numbers):
                if ordered and count % 32 == 0 and len(found) >= wanted:
                    worst_kept = heapq.nsmallest(wanted, (r for r, _ in found.values()))[-1]
                    if worst_kept < base + self.key_best[number]:
                        return
                for e in key_entries[number]:
                    entry = entries[e]
                    if entry.deprecated and not include_deprecated:
                        continue
                    if allowed is not None and entry.type not in allowed:
                        continue
                    if inside is not None and entry.concept_id not in inside:
                        continue
                    rank = base + static[e]
                    if folded_query is not None and folded_query not in entry.folded:
                        rank += _ACCENT_MISS
                    known = found.get(entry.concept_id)
                    if known is None or rank < known[0]:
                        found[entry.concept_id] = (rank, e)

        start, end = _prefix_range(self.keys, q)
        if start < end and self.keys[start] == q:
            consider(_EXACT, (start,))
            start += 1
        consider(_PREFIX, range(start, end))
        if len(found) < wanted:
            consider(_WORD, _keys_in(self.word_starts, self.word_start_keys, q))
        words = q.split()
        if len(found) < wanted and len(words) > 1:
            consider(_WORDS, self._all_words(words))
        if len(found) < wanted and len(q) >= _MIN_INFIX:
            infix_hits = _keys_in(self.infixes, self.infix_keys, q[:_INFIX_WIDTH])
            if len(q) > _INFIX_WIDTH:
                infix_hits = {n for n in infix_hits if q in self.keys[n]}
            consider(_INFIX, infix_hits)
        if len(found) < wanted and len(q) >= _MIN_FUZZY:
            consider(_FUZZY, self._one_typo(q))
        ranked = sorted(found.values())[offset:wanted]
        return [self._suggestion(rank, e) for rank, e in ranked]

    def _suggestion(self, rank: int, e: int) -> Suggestion:
        entry = self.entries[e]
        return Suggestion(self.concepts[entry.concept_id], entry.text, entry.official,
                          entry.kind, MATCH_KINDS[rank // _TIER])

    def _all_words(self, words: list[str]) -> set[int]:
        """Keys in which every query word begins a word, in any order ("hemtjänst underskö")."""
        rarest = max(words, key=len)
        start, end = _prefix_range(self.keys, rarest)
        candidates = set(range(start, end)) | _keys_in(self.word_starts, self.word_start_keys,
                                                      rarest)
        others = [w for w in words if w is not rarest]
        return {n for n in candidates
                if all(any(part.startswith(w) for part in self.keys[n].split())
                       for w in others)}

    def _one_typo(self, q: str) -> set[int]:
        """Keys with a word that begins within one edit of `q` (edits at any position)."""
        sources = ((self.keys, None), (self.word_starts, self.word_start_keys))
        # The longest beginning of q some word starts with: an edit must come at or before it.
        known = 0
        while known < len(q) and any(_range_size(arr, q[:known + 1]) for arr, _ in sources):
            known += 1
        # Edits at positions >= split are found by checking each word that begins with q[:split];
        # edits before it by looking up q's one-edit variants.
        split = known + 1
        for length in range(1, known + 1):
            if sum(_range_size(arr, q[:length]) for arr, _ in sources) <= _SCAN_LIMIT:
                split = length
                break
        hits: set[int] = set()
        if split <= known:
            for arr, owners in sources:
                start, end = _prefix_range(arr, q[:split])
                for i in range(start, end):
                    if _within_one_edit(q, arr[i]):
                        hits.update((i,) if owners is None else owners[i])
        for variant in _variants(q, split, self.alphabet):
            for arr, owners in sources:
                start, end = _prefix_range(arr, variant)
                for i in range(start, min(end, start + _SCAN_LIMIT)):
                    hits.update((i,) if owners is None else owners[i])
        return hits


def _prefix_range(sorted_keys: list[str], prefix: str) -> tuple[int, int]:
    return bisect_left(sorted_keys, prefix), bisect_left(sorted_keys, prefix + _HIGH)


def _range_size(sorted_keys: list[str], prefix: str) -> int:
    start, end = _prefix_range(sorted_keys, prefix)
    return end - start


def _keys_in(suffixes: list[str], owners: list[tuple[int, ...]], q: str) -> set[int]:
    start, end = _prefix_range(suffixes, q)
    return {number for i in range(start, end) for number in owners[i]}


def _variants(q: str, before: int, alphabet: list[str]) -> set[str]:
    """q with one edit at a position < `before`: deletion, swap, substitution, insertion."""
    out: set[str] = set()
    for i in range(min(before, len(q))):
        head, rest = q[:i], q[i + 1:]
        out.add(head + rest)
        if rest and rest[0] != q[i]:
            out.add(head + rest[0] + q[i] + rest[1:])
        for ch in alphabet:
            if ch != q[i]:
                out.add(head + ch + rest)
            out.add(head + ch + q[i:])
    out.discard(q)
    return out


def _within_one_edit(q: str, text: str) -> bool:
    """True when some beginning of `text` is at most one edit (Damerau) away from `q`."""
    n, m = len(q), len(text)
    i = 0
    stop = min(n, m)
    while i < stop and q[i] == text[i]:
        i += 1
    if i == n:
        return True
    return ((i < m and text.startswith(q[i + 1:], i + 1))  # substitution
            or text.startswith(q[i + 1:], i)  # q has one letter too many
            or text.startswith(q[i:], i + 1)  # q lacks one letter
            or (i + 1 < n and i + 1 < m and q[i] == text[i + 1] and q[i + 1] == text[i]
                and text.startswith(q[i + 2:], i + 2)))  # two neighbours swapped


# --- one index per database and taxonomy version ---------------------------------------------

_lock = threading.Lock()
_cache: dict[str, TypeaheadIndex] = {}


def typeahead_index(engine: Engine | None = None) -> TypeaheadIndex:
    """The typeahead index of the current taxonomy; rebuilt when the taxonomy version changes.

    A reloaded read model of the same version (same database, same data) keeps the index and
    only lends it its concept objects, so the old read model can be freed.
    """
    engine = engine or get_engine()
    taxonomy = get_index(engine)
    key = str(engine.url)
    cached = _cache.get(key)
    if cached is not None and cached.concepts is taxonomy.concepts:
        return cached
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached.version != taxonomy.version:
            cached = _cache[key] = TypeaheadIndex.build(taxonomy)
        else:
            cached.concepts = taxonomy.concepts
        return cached


def suggest(query: str, *, types: Collection[str] | None = None, limit: int = 10,
            offset: int = 0, include_deprecated: bool = False,
            within: Collection[str] | None = None,
            engine: Engine | None = None) -> list[Suggestion]:
    """Ranked concept suggestions for what a user has typed so far.

    `types` restricts to concept types; `within` to a set of concept ids (e.g. the narrower
    concepts of a skill headline). Deprecated concepts are left out unless asked for.
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidInput(f"query is {len(query)} characters long; at most {MAX_QUERY_LENGTH}",
                           field="query")
    if limit < 0 or offset < 0:
        raise InvalidInput("limit and offset must be zero or more",
                           field="limit" if limit < 0 else "offset")
    return typeahead_index(engine).suggest(query, types=types, limit=limit, offset=offset,
                                           include_deprecated=include_deprecated, within=within)
