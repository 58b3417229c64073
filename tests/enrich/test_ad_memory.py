"""The labelled-ad memory: reading JobSearch files, nearest-ad votes, hiding ads from themselves."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from jobbnav.enrich.ad_memory import AdMemory, LabelledAd, labelled_ads, read_labelled_ads
from jobbnav.enrich.char_ngrams import CentroidScorer

GROUPS = {"g-dev": 0, "g-nurse": 1, "g-sales": 2}


def _ad(ad_id: str, headline: str, group: str, employer: str = "Acme") -> dict[str, object]:
    return {"id": ad_id, "headline": headline, "description": {"text": headline},
            "occupation_group": {"concept_id": group}, "employer": {"name": employer}}


def _memory(examples: list[LabelledAd]) -> tuple[AdMemory, CentroidScorer]:
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit([e.headline for e in examples] + ["sjuksköterska utvecklare säljare"])
    centroids = vectorizer.transform(["x"] * len(GROUPS))
    scorer = CentroidScorer(vectorizer, centroids)
    return AdMemory(scorer, GROUPS, examples, lambda h, t: h), scorer


def test_only_ads_with_a_known_group_id_and_headline_are_remembered() -> None:
    ads = [_ad("1", "Backend developer", "g-dev"), _ad("2", "Okänd", "g-unknown"),
           {"id": "3", "occupation_group": {"concept_id": "g-dev"}}, "not an ad",
           _ad("4", "Sjuksköterska", "g-nurse", employer="  Region Norr ")]
    found = list(labelled_ads(ads, GROUPS))
    assert [(a.ad_id, a.group_id) for a in found] == [("1", "g-dev"), ("4", "g-nurse")]
    assert found[1].employer == "region norr"


def test_labelled_ad_files_are_read_by_pattern_and_broken_ones_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ads_dir = tmp_path / "ads"
    ads_dir.mkdir()
    (ads_dir / "a.dev.json").write_text(json.dumps([_ad("1", "Utvecklare", "g-dev")]))
    (ads_dir / "b.dev.json").write_text(json.dumps({"hits": [_ad("2", "Säljare", "g-sales")]}))
    (ads_dir / "broken.dev.json").write_text("{not json")
    (ads_dir / "c.test.json").write_text(json.dumps([_ad("9", "Testannons", "g-dev")]))
    with gzip.open(ads_dir / "d.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps(_ad("3", "Sjuksköterska", "g-nurse")) + "\n{broken line\n")
        out.write(json.dumps(_ad("4", "Säljare", "g-sales")) + "\n")
    # the default reads the development split only: a test split beside it is never learnt
    assert [a.ad_id for a in read_labelled_ads(tmp_path, GROUPS)] == ["1", "2"]
    assert [a.ad_id for a in read_labelled_ads(tmp_path, GROUPS, "ads/*.jsonl.gz")] == ["3", "4"]
    absolute = str(ads_dir / "*.jsonl.gz")
    assert [a.ad_id for a in read_labelled_ads(None, GROUPS, absolute)] == ["3", "4"]
    monkeypatch.setenv("JOBBNAV_LABELLED_ADS_MAX", "1")  # the newest only
    assert [a.ad_id for a in read_labelled_ads(tmp_path, GROUPS, "ads/*.jsonl.gz")] == ["4"]
    assert read_labelled_ads(tmp_path / "missing", GROUPS) == []
    assert read_labelled_ads(None, GROUPS) == []


def test_nearest_ads_vote_for_their_groups_and_hidden_ads_do_not() -> None:
    examples = list(labelled_ads([
        _ad("1", "Backend utvecklare Java", "g-dev", "Acme"),
        _ad("2", "Backend utvecklare Python", "g-dev", "Beta"),
        _ad("3", "Sjuksköterska natt", "g-nurse", "Region"),
        _ad("4", "Säljare B2B", "g-sales", "Gamma")], GROUPS))
    memory, scorer = _memory(examples)
    query = scorer.vector("Backend utvecklare Java")
    votes = memory.votes(*query)
    assert int(np.argmax(votes)) == GROUPS["g-dev"]
    assert memory.same_employer("1") == frozenset({"1"})
    hidden = memory.votes(*query, exclude={"1", "2"})
    assert hidden[GROUPS["g-dev"]] == 0.0
    assert votes[GROUPS["g-dev"]] > hidden.sum()


def test_an_empty_memory_gives_no_votes() -> None:
    memory, scorer = _memory([LabelledAd("1", "Utvecklare", "", "g-dev", "")])
    empty = AdMemory(scorer, GROUPS, [], lambda h, t: h)
    assert len(empty) == 0 and not empty.votes(*scorer.vector("Utvecklare")).any()
    assert len(memory) == 1 and memory.votes(*scorer.vector("Utvecklare")).any()
