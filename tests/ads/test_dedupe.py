"""SimHash over a whole batch: same values as one text at a time, near copies stay close."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from jobbnav.ads import dedupe, service
from jobbnav.ads.dedupe import (
    _tokens,
    hamming,
    same_vacancy,
    simhash,
    simhashes,
    simhashes_of_words,
)
from jobbnav.ads.search.analysis import tokens
from jobbnav.ads.store import ad as ad_table

TEXT = ("Lagerarbetare till Nordlogistik AB i Borås. Du plockar och packar order, kör truck "
        "och håller ordning i lagret. Vi erbjuder kollektivavtal och friskvårdsbidrag. "
        "Urval sker löpande, så skicka gärna din ansökan redan i dag.")
OTHER = ("Sjuksköterska till vårdcentralen i Umeå. Du arbetar med mottagning, telefonrådgivning "
         "och vaccinationer tillsammans med läkare och undersköterskor i ett trevligt team.")


def test_batch_matches_one_text_at_a_time_including_short_and_empty_texts() -> None:
    texts = [TEXT, "", "kock", "kock sökes", "a a a", TEXT + " Välkommen!", OTHER, "!!!", TEXT]
    batch = simhashes(texts)
    assert batch == [simhash(t) for t in texts]
    assert batch[1] == 0 and batch[7] == 0  # no words, no vote
    assert batch[0] == batch[8]
    assert all(-(1 << 63) <= v < (1 << 63) for v in batch)  # fits SQLite's signed 64 bits


def test_near_copies_are_close_and_other_ads_far() -> None:
    copy = TEXT.replace("Vi erbjuder", "Vi på Nordlogistik erbjuder") + " Ansök senast 1 mars."
    a, b, c = simhashes([TEXT, copy, OTHER])
    assert hamming(a, b) <= 10 < hamming(a, c)
    assert same_vacancy(a, "Lagerarbetare, Borås", b, "Lagerarbetare, Borås (heltid)")
    assert not same_vacancy(a, "Lagerarbetare, Borås", c, "Sjuksköterska, Umeå")


def _vacancy(ad_id: str, **extra: object) -> dict[str, object]:
    return {"id": ad_id, "headline": "Lagerarbetare till nattskift",
            "description": {"text": "Vi söker en noggrann lagerarbetare till vårt nattskift i "
                                    "Borås. Du plockar och packar order och kör truck."},
            "employer": {"name": "Lagerbolaget AB"},
            "workplace_address": {"municipality": "Borås"},
            "application_deadline": "2099-01-01T00:00:00", **extra}


def test_stored_live_ads_are_candidates_archived_ones_are_not(engine: Engine) -> None:
    service.import_ads([_vacancy("first")], engine=engine, enrich=False)
    service.import_ads([_vacancy("second", source_type="other")], engine=engine, enrich=False)
    assert service.get_ad("second", engine=engine) is not None
    with engine.connect() as conn:
        of = dict(conn.execute(select(ad_table.c.id, ad_table.c.duplicate_of)).tuples().all())
    assert of == {"first": None, "second": "first"}

    service.import_ads([{"id": "first", "removed": True, "removed_date": "2026-11-20"},
                        {"id": "second", "removed": True, "removed_date": "2026-11-20"}],
                       engine=engine, enrich=False)
    service.import_ads([_vacancy("third")], engine=engine, enrich=False)  # republished later
    with engine.connect() as conn:
        third = conn.execute(select(ad_table.c.duplicate_of)
                             .where(ad_table.c.id == "third")).scalar_one()
    assert third is None  # the archived versions are not live vacancies to attach to


@given(st.text(alphabet=st.sampled_from("aåäöZÉ_ 1.,-\n\t") | st.characters(), max_size=200))
@settings(max_examples=300, deadline=None)
def test_the_fast_split_is_the_index_split(text: str) -> None:
    # The import splits each ad once for the SimHash and the index's compound heads.
    assert _tokens(text) == tokens(text)
    assert _tokens(text + "x" * 45) == tokens(text + "x" * 45)  # over-long words dropped alike


def _reference_simhash(words: list[str]) -> int:
    """The SimHash written out plainly, one text at a time, in Python integers."""
    mask = (1 << 64) - 1
    p0, p1, p2 = (int(p) for p in dedupe._P)
    hashes = [dedupe._word_hash(w) for w in words]
    if len(hashes) >= 3:
        values = {(a * p0 + b * p1 + c * p2) & mask
                  for a, b, c in zip(hashes, hashes[1:], hashes[2:], strict=False)}
    else:
        values = set(hashes)
    mixed = []
    for v in values:
        v ^= v >> 29
        v = (v * int(dedupe._M)) & mask
        mixed.append(v ^ (v >> 32))
    out = sum(1 << bit for bit in range(64)
              if 2 * sum((v >> bit) & 1 for v in mixed) > len(mixed))
    return out - (1 << 64) if out >= 1 << 63 else out


def test_batch_simhash_equals_the_plain_definition_for_long_texts() -> None:
    # Over 255 distinct shingles a text's bit counts are summed in several runs.
    rng = random.Random(5)
    vocabulary = tokens(TEXT + " " + OTHER)
    texts = [[rng.choice(vocabulary) for _ in range(n)]
             for n in (0, 1, 2, 3, 40, 254, 255, 256, 257, 258, 511, 600, 1500)]
    texts.append(["lager"] * 400)  # one distinct shingle, repeated
    assert simhashes_of_words(texts) == [_reference_simhash(t) for t in texts]


@pytest.mark.parametrize("max_pairs", [1, 7, 1_000_000])
def test_hash_close_candidates_equal_a_plain_comparison(
        max_pairs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedupe, "_MAX_PAIRS", max_pairs)  # also in many small slices
    rng = random.Random(11)
    base = [rng.getrandbits(64) - (1 << 63) for _ in range(6)]

    def near(value: int, bits: int) -> int:
        for bit in rng.sample(range(64), bits):
            value ^= 1 << bit
        return value - (1 << 64) if value >= 1 << 63 else value

    blocks = ["a"] * 9 + ["b"] * 2 + ["c"] * 5
    stored = [near(rng.choice(base), rng.choice((0, 3, 10, 11, 30))) for _ in blocks]
    mine = {"a": [base[0], base[1]], "b": [base[2]], "c": [base[3], base[4], base[5]]}
    got = dedupe._hash_close(blocks, np.array(stored, dtype=np.int64), mine)
    expected = [n for n, (block, value) in enumerate(zip(blocks, stored, strict=True))
                if any(hamming(value, other) <= dedupe.MAX_HAMMING for other in mine[block])]
    assert got.tolist() == expected
    assert expected  # the data has close pairs (and far ones)
    assert len(expected) < len(blocks)


def test_removing_a_canonical_ad_promotes_its_oldest_live_duplicate(engine: Engine) -> None:
    service.import_ads([_vacancy("first")], engine=engine, enrich=False)
    service.import_ads([_vacancy("second", source_type="b")], engine=engine, enrich=False)
    service.import_ads([_vacancy("third", source_type="c")], engine=engine, enrich=False)
    service.import_ads([{"id": "first", "removed": True, "removed_date": "2026-11-20"}],
                       engine=engine, enrich=False)
    with engine.connect() as conn:
        of = dict(conn.execute(select(ad_table.c.id, ad_table.c.duplicate_of)).tuples().all())
    assert of == {"first": None, "second": None, "third": "second"}
