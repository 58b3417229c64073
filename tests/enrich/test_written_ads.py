"""The project's own written ads as labelled ads: read with their SSYK code, one author per set."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from jobbnav.enrich.ad_memory import AdMemory
from jobbnav.enrich.char_ngrams import CentroidScorer
from jobbnav.enrich.written_ads import author_of, read_written_ads

CODES = {"2512": "g-dev", "2221": "g-nurse"}


def _write(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                              for x in lines) + "\n", encoding="utf-8")
    return path


def test_written_sets_are_read_with_their_group_and_their_file_as_author(
        tmp_path: Path) -> None:
    _write(tmp_path / "eval_set_blind_care_ads.jsonl", [
        {"id": "c1", "headline": "Sjuksköterska till akuten", "text": "Vi söker …",
         "ssyk": "2221", "concepts": []},
        {"id": "c2", "headline": "Kock", "text": "…", "ssyk": "3451"},  # not in the taxonomy
        {"id": "c3", "headline": "Utan kod", "text": "…"},  # a concept set's text
        {"id": "c4", "headline": "  ", "text": "…", "ssyk": "2221"},
        "{broken json",
        {"headline": "Backend developer", "ssyk": 2512}])
    _write(tmp_path / "headline_groups_blind_drawn.jsonl",
           [{"id": "h1", "headline": "Systemutvecklare", "ssyk": "2512"}])
    _write(tmp_path / "eval_set.jsonl",  # the own set is no written ad set
           [{"id": "o1", "headline": "Utvecklare", "text": "…", "ssyk": "2512"}])
    ads = read_written_ads(tmp_path, CODES)
    assert [(a.ad_id, a.group_id) for a in ads] == [
        ("eval_set_blind_care_ads.jsonl:c1", "g-nurse"),
        ("eval_set_blind_care_ads.jsonl:6", "g-dev"),  # no id: its line number
        ("headline_groups_blind_drawn.jsonl:h1", "g-dev")]
    assert ads[0].employer == author_of(tmp_path / "eval_set_blind_care_ads.jsonl")
    assert ads[0].employer == ads[1].employer != ads[2].employer
    assert ads[1].text == ""  # no text: the headline alone
    assert read_written_ads(tmp_path / "missing", CODES) == []
    assert read_written_ads(None, CODES) == []


def test_a_written_set_can_be_hidden_from_its_own_predictions(tmp_path: Path) -> None:
    path = _write(tmp_path / "eval_set_blind_it_ads.jsonl", [
        {"id": "1", "headline": "Backendutvecklare Java", "ssyk": "2512"},
        {"id": "2", "headline": "Javautvecklare backend", "ssyk": "2512"}])
    _write(tmp_path / "eval_set_blind_care_ads.jsonl", [
        {"id": "1", "headline": "Sjuksköterska", "ssyk": "2221"}])
    ads = read_written_ads(tmp_path, CODES)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit([a.headline for a in ads])
    scorer = CentroidScorer(vectorizer, vectorizer.transform(["x", "y"]))
    memory = AdMemory(scorer, {"g-dev": 0, "g-nurse": 1}, ads, lambda h, t: h)
    ids, weights = scorer.vector("Backendutvecklare Java")
    assert memory.votes(ids, weights)[0] > 0
    own = memory.same_employer(f"{path.name}:1")
    assert own == {f"{path.name}:1", f"{path.name}:2"}
    assert np.all(memory.votes(ids, weights, exclude=own) == 0)
