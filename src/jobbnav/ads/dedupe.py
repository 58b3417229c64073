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
from typing import Any

import numpy as np
from sqlalchemy import select

from jobbnav.ads.pipeline import Batch, Item
from jobbnav.ads.search.analysis import tokens
from jobbnav.ads.store import ad as ad_table
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["MAX_HAMMING", "block_key", "deduplicate", "hamming", "headline_similarity",
           "same_vacancy", "simhash"]

MAX_HAMMING = 10
MIN_HEADLINE_SIMILARITY = 0.5
_LEGAL = re.compile(r"\b(ab|aktiebolag|publ|hb|kb|ek|för|ekonomisk förening|sverige|sweden)\b")
_SHIFTS = np.arange(64, dtype=np.uint64)
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
    words = tokens(text)
    if not words:
        return 0
    hashes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(hashes) >= 3:
        with np.errstate(over="ignore"):
            shingles = hashes[:-2] * _P[0] + hashes[1:-1] * _P[1] + hashes[2:] * _P[2]
    else:
        shingles = hashes
    shingles = np.unique(shingles)
    with np.errstate(over="ignore"):
        shingles ^= shingles >> np.uint64(29)
        shingles *= _M
        shingles ^= shingles >> np.uint64(32)
    bits = ((shingles[:, None] >> _SHIFTS) & np.uint64(1)).sum(axis=0)
    value = int((bits * 2 > len(shingles)).astype(np.uint64) @ (np.uint64(1) << _SHIFTS))
    return value - (1 << 64) if value >= 1 << 63 else value


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


def block_key(ad: dict[str, Any]) -> str | None:
    """Employer (without legal suffixes) + place; None when the ad names neither."""
    employer = ad.get("employer") or {}
    name = employer.get("name") or employer.get("workplace") or ""
    name = " ".join(_LEGAL.sub(" ", ascii_fold(str(name))).split())
    place = ad.get("workplace_address") or {}
    where = place.get("municipality_concept_id") or ascii_fold(str(place.get("municipality")
                                                                   or place.get("city") or ""))
    if not name and not where:
        return None
    return f"{where}|{name}"[:300]


def _text(ad: dict[str, Any]) -> str:
    return f"{ad.get('headline') or ''}\n{(ad.get('description') or {}).get('text') or ''}"


def deduplicate(batch: Batch) -> None:
    items = [i for i in batch.live() if i.ad is not None and not i.removal]
    if not items:
        return
    t = ad_table.c
    ids = [str(i.ad["id"]) for i in items if i.ad is not None]
    known = {r.id: r.duplicate_of for r in batch.conn.execute(
        select(t.id, t.duplicate_of).where(t.id.in_(ids)))}
    fresh: list[Item] = []
    for item in items:
        assert item.ad is not None
        item.dedupe_block = block_key(item.ad)
        item.simhash = simhash(_text(item.ad))
        if item.ad["id"] in known:
            item.duplicate_of = known[item.ad["id"]]  # an update keeps its place in its group
        elif item.dedupe_block is not None:
            fresh.append(item)
    blocks = sorted({i.dedupe_block for i in fresh if i.dedupe_block})
    candidates: dict[str, list[tuple[str, int, str]]] = {}
    for start in range(0, len(blocks), 500):
        rows = batch.conn.execute(
            select(t.id, t.dedupe_block, t.simhash, t.duplicate_of, t.data)
            .where(t.dedupe_block.in_(blocks[start:start + 500]), t.removed.is_(False)))
        for row in rows:
            headline = _headline_of(row.data)
            candidates.setdefault(row.dedupe_block, []).append(
                (row.duplicate_of or row.id, int(row.simhash or 0), headline))
    for item in fresh:
        assert item.ad is not None and item.dedupe_block is not None and item.simhash is not None
        pool = candidates.setdefault(item.dedupe_block, [])
        headline = str(item.ad.get("headline") or "")
        for canonical, other_hash, other_headline in pool:
            if canonical != item.ad["id"] and same_vacancy(item.simhash, headline, other_hash,
                                                          other_headline):
                item.duplicate_of = canonical
                break
        pool.append((item.duplicate_of or str(item.ad["id"]), item.simhash, headline))


_HEADLINE = re.compile(r'"headline":\s*"((?:[^"\\]|\\.)*)"')


def _headline_of(data: str) -> str:
    # Only the headline is needed: a regex over the stored JSON avoids parsing whole ads.
    found = _HEADLINE.search(data)
    return found.group(1) if found else ""
