"""Pipeline step: recognise the same vacancy published by several sources.

Blocking: only ads of the same employer (name without legal suffixes) at the same place are
compared. Within a block two ads are the same vacancy when the SimHash (64 bits over 3-word
shingles of headline + text) differs in at most `MAX_HAMMING` bits and the headlines share
most of their words. The first stored ad of a vacancy is its canonical ad; later ones point to
it with `duplicate_of` and are shown as its `sources`. Thresholds and their precision/recall
on a labelled set: docs/benchmarks.md.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from sqlalchemy import false, func, select

from jobbnav.ads.pipeline import Batch, Item
from jobbnav.ads.search.analysis import tokens
from jobbnav.ads.search.compounds import MAX_WORD
from jobbnav.ads.store import ad as ad_table
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["MAX_HAMMING", "block_key", "deduplicate", "hamming", "headline_similarity",
           "same_vacancy", "simhash", "simhashes", "simhashes_of_words"]

MAX_HAMMING = 10
MIN_HEADLINE_SIMILARITY = 0.5
_LEGAL = re.compile(r"\b(ab|aktiebolag|publ|hb|kb|ek|för|ekonomisk förening|sverige|sweden)\b")
_P = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F),
      np.uint64(0x165667B19E3779F9))
_M = np.uint64(0xFF51AFD7ED558CCD)
_word_hashes: dict[str, int] = {}


def _word_hash(word: str) -> int:
    found = _word_hashes.get(word)
    if found is None:
        data = word.encode()
        found = (zlib.crc32(data) << 32) | zlib.crc32(data, 0x5BD1E995)
        if len(_word_hashes) < 2_000_000:
            _word_hashes[word] = found
    return found


def simhash(text: str) -> int:
    """64-bit SimHash of 3-word shingles, as a signed integer (what SQLite stores)."""
    return simhashes([text])[0]


def simhashes(texts: Sequence[str]) -> list[int]:
    """`simhash` of every text, computed for the whole batch at once.

    Words are hashed once per distinct word of the batch; shingling, de-duplication of the
    shingles of each text and the bit vote run as numpy operations over all texts together.
    """
    return simhashes_of_words([tokens(t) for t in texts])


def simhashes_of_words(words_of: Sequence[Sequence[str]]) -> list[int]:
    """`simhashes` of texts already split by `tokens` (the import reuses the words)."""
    texts = words_of
    if not texts:
        return []
    lengths = np.fromiter(map(len, words_of), dtype=np.int64, count=len(words_of))
    flat = list(chain.from_iterable(words_of))
    if not flat:
        return [0] * len(texts)
    codes, distinct = pd.factorize(np.asarray(flat, dtype=object))
    table = np.fromiter(map(_word_hash, distinct), dtype=np.uint64, count=len(distinct))
    hashes = table[codes]
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    # A text of 3+ words votes with its 3-word shingles, a shorter one with its words.
    with np.errstate(over="ignore"):
        shingled = hashes[:-2] * _P[0] + hashes[1:-1] * _P[1] + hashes[2:] * _P[2]
    inside = doc[:-2] == doc[2:]
    short = lengths[doc] < 3
    values = np.concatenate([shingled[inside], hashes[short]])
    owner = np.concatenate([doc[:-2][inside], doc[short]])
    order = np.lexsort((values, owner))
    values, owner = values[order], owner[order]
    first = np.ones(len(values), dtype=bool)
    first[1:] = (values[1:] != values[:-1]) | (owner[1:] != owner[:-1])
    values, owner = values[first], owner[first]
    with np.errstate(over="ignore"):
        values ^= values >> np.uint64(29)
        values *= _M
        values ^= values >> np.uint64(32)
    bits = np.unpackbits(values.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")
    # Per text and bit: how many of its distinct shingles have the bit set (a sparse product).
    members = csr_matrix((np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
                         shape=(len(texts), len(owner)))
    votes = members @ bits.astype(np.float32)
    counts = np.bincount(owner, minlength=len(texts))
    chosen = votes * 2 > counts[:, None]
    packed = np.packbits(chosen, axis=1, bitorder="little").view("<i8").ravel()
    return [int(v) for v in packed]


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & 0xFFFFFFFFFFFFFFFF).bit_count()


def headline_similarity(a: str, b: str) -> float:
    wa, wb = set(tokens(a)), set(tokens(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def same_vacancy(hash_a: int, headline_a: str, hash_b: int, headline_b: str) -> bool:
    return (hamming(hash_a, hash_b) <= MAX_HAMMING
            and headline_similarity(headline_a, headline_b) >= MIN_HEADLINE_SIMILARITY)


# Employers and places repeat across thousands of ads: fold each distinct one once.
@lru_cache(maxsize=200_000)
def _employer_key(name: str) -> str:
    return " ".join(_LEGAL.sub(" ", ascii_fold(name)).split())


@lru_cache(maxsize=20_000)
def _folded(text: str) -> str:
    return ascii_fold(text)


def block_key(ad: dict[str, Any]) -> str | None:
    """Employer (without legal suffixes) + place; None when the ad names neither."""
    employer = ad.get("employer") or {}
    name = _employer_key(str(employer.get("name") or employer.get("workplace") or ""))
    place = ad.get("workplace_address") or {}
    where = place.get("municipality_concept_id") or _folded(str(place.get("municipality")
                                                                or place.get("city") or ""))
    if not name and not where:
        return None
    return f"{where}|{name}"[:300]


# `analysis.tokens` splits on `[^\W_]+`; `\w+` is the same split for a text without "_" and
# 20 % cheaper (one character class instead of a negated pair).
_WORDS = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    if "_" in text:
        return tokens(text)
    found: list[str] = _WORDS.findall(text.lower())
    if found and max(map(len, found)) >= MAX_WORD:
        return tokens(text)
    return found


def _text(ad: dict[str, Any]) -> str:
    return f"{ad.get('headline') or ''}\n{(ad.get('description') or {}).get('text') or ''}"


# One candidate of a block: [canonical id, simhash, headline or None until it is needed, key].
_Candidate = list[Any]


def deduplicate(batch: Batch) -> None:
    items = [i for i in batch.live() if i.ad is not None and not i.removal]
    if not items:
        return
    t = ad_table.c
    ids = [str(i.ad["id"]) for i in items if i.ad is not None]
    known = {r.id: r.duplicate_of for r in batch.conn.execute(
        select(t.id, t.duplicate_of).where(t.id.in_(ids)))}
    fresh: list[Item] = []
    for item in items:  # split once: the index reuses the words for the compound heads
        item.words = _tokens(_text(item.ad or {}))
    for item, value in zip(items, simhashes_of_words([i.words or [] for i in items]),
                           strict=True):
        assert item.ad is not None
        item.dedupe_block = block_key(item.ad)
        item.simhash = value
        if item.ad["id"] in known:
            item.duplicate_of = known[item.ad["id"]]  # an update keeps its place in its group
        elif item.dedupe_block is not None:
            fresh.append(item)
    candidates = _stored_candidates(batch, fresh)
    _fill_headlines(batch, fresh, candidates)
    # Only candidates hash-close to some fresh ad got their headline: the others cannot match,
    # and big blocks hold hundreds of them, so they are dropped once per block, not per ad.
    pools = {block: [c for c in pool if c[2] is not None] for block, pool in candidates.items()}
    for item in fresh:
        assert item.ad is not None and item.dedupe_block is not None and item.simhash is not None
        pool = pools.setdefault(item.dedupe_block, [])
        headline = str(item.ad.get("headline") or "")
        for canonical, other_hash, other_headline, _ in pool:
            if canonical != item.ad["id"] and same_vacancy(
                    item.simhash, headline, other_hash, other_headline):
                item.duplicate_of = canonical
                break
        pool.append([item.duplicate_of or str(item.ad["id"]), item.simhash, headline, None])


def _stored_candidates(batch: Batch, fresh: list[Item]) -> dict[str, list[_Candidate]]:
    """The live stored ads of the blocks of `fresh` ads: ids and hashes only (no texts)."""
    blocks = sorted({i.dedupe_block for i in fresh if i.dedupe_block})
    candidates: dict[str, list[_Candidate]] = {}
    if not blocks:
        return candidates
    conn = batch.conn
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    # Answered from the partial covering index ix_ad_dedupe_open (removed ads are not in it;
    # `removed` is a literal so the planner can match the index's condition); no table row
    # is read. Tens of thousands of rows a batch: plain tuples through the DB-API cursor.
    not_removed = f"removed = {false().compile(dialect=conn.dialect)}"
    # SQLite without statistics would rather walk (removed, expires_at) over every live ad.
    hint = " INDEXED BY ix_ad_dedupe_open" if conn.dialect.name == "sqlite" else ""
    cursor = conn.connection.cursor()
    try:
        for start in range(0, len(blocks), 500):
            part = blocks[start:start + 500]
            cursor.execute(
                f"SELECT {quote('key')}, id, dedupe_block, simhash, duplicate_of FROM "
                f"{quote(ad_table.name)}{hint} "
                f"WHERE dedupe_block IN ({', '.join([mark] * len(part))})"
                f" AND {not_removed}", tuple(part))
            for key, ad_id, block, value, duplicate_of in cursor.fetchall():
                candidates.setdefault(block, []).append(
                    [duplicate_of or ad_id, int(value or 0), None, key])
    finally:
        cursor.close()
    return candidates


def _fill_headlines(batch: Batch, fresh: list[Item],
                    candidates: dict[str, list[_Candidate]]) -> None:
    """Read the headlines of the stored candidates some fresh ad is close enough to by hash:
    most blocks hold none, so most headlines are never read."""
    wanted: dict[int, list[_Candidate]] = {}
    by_block: dict[str, list[Item]] = {}
    for item in fresh:
        by_block.setdefault(item.dedupe_block or "", []).append(item)
    for block, items in by_block.items():
        pool = candidates.get(block)
        if not pool:
            continue
        stored = np.array([c[1] for c in pool], dtype=np.int64).view(np.uint64)
        mine = np.array([i.simhash or 0 for i in items], dtype=np.int64).view(np.uint64)
        close = np.bitwise_count(mine[:, None] ^ stored[None, :]) <= MAX_HAMMING
        for n in np.flatnonzero(close.any(axis=0)):
            wanted.setdefault(pool[n][3], []).append(pool[n])
    keys = sorted(wanted)
    t = ad_table.c
    for start in range(0, len(keys), 500):
        for key, headline in batch.conn.execute(
                select(t.key, func.json_extract(t.data, "$.headline"))
                .where(t.key.in_(keys[start:start + 500]))):
            for candidate in wanted[key]:
                candidate[2] = str(headline or "")
