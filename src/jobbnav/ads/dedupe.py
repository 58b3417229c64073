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
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import false, func, select

from jobbnav.ads.persist import rows_where_in, stored_versions
from jobbnav.ads.pipeline import Batch, Item, Records
from jobbnav.ads.search.analysis import tokens
from jobbnav.ads.search.compounds import MAX_WORD
from jobbnav.ads.store import ad as ad_table
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["MAX_HAMMING", "block_key", "deduplicate", "fingerprint", "hamming",
           "headline_similarity", "same_vacancy", "simhash", "simhashes", "simhashes_of_words"]

MAX_HAMMING = 10
MIN_HEADLINE_SIMILARITY = 0.5
_LEGAL = re.compile(r"\b(ab|aktiebolag|publ|hb|kb|ek|för|ekonomisk förening|sverige|sweden)\b")
_P = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F),
      np.uint64(0x165667B19E3779F9))
_M = np.uint64(0xFF51AFD7ED558CCD)
# Words seen, with their hashes: bounded, cleared when full (hashes are cheap to redo).
_word_hashes: dict[str, int] = {}
_MAX_KNOWN_WORDS = 2_000_000
# Stored x fresh hash pairs compared at once by the candidate search (≈ 40 MB of int64 each).
_MAX_PAIRS = 1_000_000
# Per-chunk bit counts are summed in byte lanes: at most 255 shingles per chunk.
_LANE_MAX = 255


def _word_hash(word: str) -> int:
    data = word.encode()
    return (zlib.crc32(data) << 32) | zlib.crc32(data, 0x5BD1E995)


def _hashes_of(words: list[str]) -> np.ndarray:
    """The hash of each word (each distinct one computed once per process)."""
    known = _word_hashes
    missing = set(words).difference(known)
    if missing:
        if len(known) + len(missing) > _MAX_KNOWN_WORDS:
            known.clear()
            missing = set(words)
        for word in missing:
            known[word] = _word_hash(word)
    return np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))


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
    hashes = _hashes_of(flat)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    # A text of 3+ words votes with its 3-word shingles, a shorter one with its words.
    with np.errstate(over="ignore"):
        shingled = hashes[:-2] * _P[0] + hashes[1:-1] * _P[1] + hashes[2:] * _P[2]
    inside = doc[:-2] == doc[2:]
    short = lengths[doc] < 3
    values = np.concatenate([shingled[inside], hashes[short]])
    owner = np.concatenate([doc[:-2][inside], doc[short]])
    # Each text's values are contiguous (a text is either long or short); a value repeated
    # within a text votes once. Hash-based, so no sort (a two-key lexsort cost 4x more).
    codes, distinct = pd.factorize(values)
    first = ~pd.Series(owner * len(distinct) + codes).duplicated().to_numpy()
    values, owner = values[first], owner[first]
    with np.errstate(over="ignore"):
        values ^= values >> np.uint64(29)
        values *= _M
        values ^= values >> np.uint64(32)
    votes = _bit_votes(values, owner, len(texts))
    counts = np.bincount(owner, minlength=len(texts))
    chosen = votes * 2 > counts[:, None]
    packed = np.packbits(chosen, axis=1, bitorder="little").view("<i8").ravel()
    return [int(v) for v in packed]


def _bit_votes(values: np.ndarray, owner: np.ndarray, texts: int) -> np.ndarray:
    """Per text (rows) and bit (columns): how many of its shingle `values` have the bit set.

    The values of a text are contiguous (`owner` says whose they are). Each value is
    unpacked into 64 bytes of 0/1, read as 8 little-endian uint64 words, and the words of a
    run of rows are summed: every byte lane then counts one bit, exactly while a run holds at
    most 255 rows. So runs are the texts, cut every 255 rows, and the runs of a text are added
    up at the end.
    """
    votes = np.zeros((texts, 64), dtype=np.int32)
    if not len(owner):
        return votes
    bits = np.unpackbits(values.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")
    first_of_text = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    sizes = np.diff(np.r_[first_of_text, len(owner)])
    position = np.arange(len(owner)) - np.repeat(first_of_text, sizes)
    runs = np.flatnonzero(position % _LANE_MAX == 0)
    lanes = np.add.reduceat(bits.view("<u8"), runs, axis=0)
    counts = lanes.view(np.uint8).reshape(len(runs), 64).astype(np.int32)
    run_owner = owner[runs]
    first_run = np.flatnonzero(np.r_[True, run_owner[1:] != run_owner[:-1]])
    votes[run_owner[first_run]] = np.add.reduceat(counts, first_run, axis=0)
    return votes


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


# One candidate of a block: [canonical id, simhash, headline, key].
_Candidate = list[Any]


def fingerprint(records: Records) -> None:
    """Prepare step: each ad's block and SimHash (no database needed)."""
    items = [i for i in records.live() if i.ad is not None and not i.removal]
    for item in items:  # split once: the index reuses the words for the compound heads
        item.words = _tokens(_text(item.ad or {}))
    for item, value in zip(items, simhashes_of_words([i.words or [] for i in items]),
                           strict=True):
        item.dedupe_block = block_key(item.ad or {})
        item.simhash = value


def deduplicate(batch: Batch) -> None:
    """Step: the ads of the batch that repeat a vacancy stored (or earlier in the batch)."""
    items = [i for i in batch.live() if i.ad is not None and not i.removal]
    if not items:
        return
    known = stored_versions(batch)
    fresh: list[Item] = []
    for item in items:
        assert item.ad is not None
        if item.ad["id"] in known:  # an update keeps its place in its group
            item.duplicate_of = known[item.ad["id"]].duplicate_of
        elif item.dedupe_block is not None:
            fresh.append(item)
    pools = _close_candidates(batch, fresh)
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


def _close_candidates(batch: Batch, fresh: list[Item]) -> dict[str, list[_Candidate]]:
    """Per block, the live stored ads hash-close to some fresh ad of that block, in index
    order, with their headlines: the only stored ads that can be the same vacancy.

    Big blocks hold hundreds of stored ads, nearly all far by hash. So ids and texts are read
    only for the close ones: first the block's (key, simhash) from the partial covering index
    ix_ad_dedupe_open (removed ads are not in it; no table row is read), compared with numpy
    for all blocks of the batch at once, then the rows of the close ones by key.
    """
    mine: dict[str, list[int]] = {}
    for item in fresh:
        mine.setdefault(item.dedupe_block or "", []).append(item.simhash or 0)
    close: list[int] = []
    for keys, blocks, hashes in _block_hashes(batch, sorted(mine)):
        close.extend(keys[n] for n in _hash_close(blocks, hashes, mine))
    return _read_candidates(batch, close)


def _block_hashes(batch: Batch, blocks: list[str]
                  ) -> Iterator[tuple[tuple[int, ...], tuple[str, ...], np.ndarray]]:
    """(keys, blocks, simhashes) of the live stored ads of `blocks`, in index order, 500
    blocks at a time (plain tuples through the DB-API cursor: tens of thousands of rows)."""
    conn = batch.conn
    quote = conn.dialect.identifier_preparer.quote
    # `removed` is a literal so the planner can match the partial index's condition; SQLite
    # without statistics would rather walk (removed, expires_at) over every live ad.
    not_removed = f"removed = {false().compile(dialect=conn.dialect)}"
    hint = " INDEXED BY ix_ad_dedupe_open" if conn.dialect.name == "sqlite" else ""
    sql = (f"SELECT {quote('key')}, dedupe_block, COALESCE(simhash, 0) FROM "
           f"{quote(ad_table.name)}{hint} WHERE dedupe_block IN ({{marks}}) AND {not_removed} "
           "ORDER BY dedupe_block, simhash, duplicate_of, id")
    for rows in rows_where_in(conn, sql, blocks, 500):
        if rows:
            keys, found_blocks, hashes = zip(*rows, strict=True)
            yield keys, found_blocks, np.array(hashes, dtype=np.int64)


def _hash_close(blocks: Sequence[str], hashes: np.ndarray,
                mine: dict[str, list[int]]) -> np.ndarray:
    """Positions of the stored ads (grouped by block) within MAX_HAMMING bits of some fresh ad
    of their block: every (stored, fresh) pair of a block compared in numpy, at most
    `_MAX_PAIRS` pairs at a time (a big block meeting many fresh ads of one employer)."""
    labels = np.array(blocks, dtype=object)
    starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
    sizes = np.diff(np.r_[starts, len(labels)])
    fresh_of_run = [mine[block] for block in labels[starts]]
    fresh_counts = np.fromiter(map(len, fresh_of_run), dtype=np.int64, count=len(starts))
    fresh = np.fromiter(chain.from_iterable(fresh_of_run), dtype=np.int64,
                        count=int(fresh_counts.sum()))
    # Per stored ad: how many fresh ads it meets, and where they start in `fresh`.
    pairs_of = np.repeat(fresh_counts, sizes)
    fresh_from = np.repeat(np.cumsum(fresh_counts) - fresh_counts, sizes)
    ends = np.cumsum(pairs_of)
    found, start = [], 0
    while start < len(labels):
        before = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, before + _MAX_PAIRS, side="right")))
        found.append(start + _close_rows(hashes[start:stop], pairs_of[start:stop],
                                         fresh_from[start:stop], fresh))
        start = stop
    return np.concatenate(found)


def _close_rows(stored: np.ndarray, pairs_of: np.ndarray, fresh_from: np.ndarray,
                fresh: np.ndarray) -> np.ndarray:
    """Which of the `stored` hashes are close to one of their fresh hashes (sorted)."""
    stored_of_pair = np.repeat(np.arange(len(stored)), pairs_of)
    first_pair = np.cumsum(pairs_of) - pairs_of
    within = np.arange(len(stored_of_pair)) - np.repeat(first_pair, pairs_of)
    fresh_of_pair = np.repeat(fresh_from, pairs_of) + within
    differ = np.bitwise_count((stored[stored_of_pair] ^ fresh[fresh_of_pair]).view(np.uint64))
    return np.unique(stored_of_pair[differ <= MAX_HAMMING])


def _read_candidates(batch: Batch, keys: list[int]) -> dict[str, list[_Candidate]]:
    t = ad_table.c
    found: dict[int, tuple[str, str, _Candidate]] = {}
    for start in range(0, len(keys), 500):
        for key, ad_id, block, duplicate_of, value, headline in batch.conn.execute(
                select(t.key, t.id, t.dedupe_block, t.duplicate_of, t.simhash,
                       func.json_extract(t.data, "$.headline"))
                .where(t.key.in_(keys[start:start + 500]))):
            found[key] = (block, ad_id, [duplicate_of or ad_id, int(value or 0),
                                         str(headline or ""), key])
    pools: dict[str, list[_Candidate]] = {}
    for key in keys:  # in index order: the first close match is the one taken
        block, _, candidate = found[key]
        pools.setdefault(block, []).append(candidate)
    return pools
