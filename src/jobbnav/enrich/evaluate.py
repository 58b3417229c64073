"""`jobbnav enrich evaluate`: measured quality, with the baselines a user might pick instead.

- Concepts on our own hand-labelled set (`tests/enrich/data/eval_set.jsonl`): precision, recall
  and F1 per concept type (micro-averaged over texts), and context accuracy over correct hits.
  Baseline: plain exact matching of preferred labels (case-insensitive, whole words).
- Occupation group (ssyk-level-4) on real ads (their `occupation_group`): top-1 / top-3.
  Baseline: TF-IDF words + a linear classifier (scikit-learn LinearSVC) trained on the same
  non-ad texts our model uses. The ads are never used for training here.
- Requirements employers picked in the form on the same ads (`must_have` / `nice_to_have`
  skills, languages and work experiences): recall only, they are few and never complete
  (`employer_requirements`).
- Occupation group on our own headlines (`tests/enrich/data/headline_groups.jsonl`: everyday
  ad headlines across the whole labour market, each with the SSYK code a case worker would
  file it under). The real ads are skewed to sales and IT; these guard everything else.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np

from jobbnav.enrich import service
from jobbnav.enrich.employer_requirements import employer_requirements
from jobbnav.enrich.lexicon import Lexicon
from jobbnav.enrich.tokenize import fold_surface, match_text
from jobbnav.enrich.written_ads import WRITTEN_AUTHOR, author_of
from jobbnav.errors import InvalidInput
from jobbnav.settings import get_settings

__all__ = ["DEFAULT_EVAL_SET", "evaluate", "render"]

DEFAULT_EVAL_SET = Path(__file__).resolve().parents[3] / "tests" / "enrich" / "data" / \
    "eval_set.jsonl"
DEFAULT_HEADLINES = DEFAULT_EVAL_SET.with_name("headline_groups.jsonl")
# Written by other authors who saw neither the code nor the first set (see docs/enrich.md):
# short texts; full structured ads, CVs and course texts; long real-style ads with their SSYK
# code; course texts and CVs; ads whose structure varies as real ads' does (lead-ins, topic
# headings, benefits), with their SSYK code; ads that vary how requirements, merits and
# non-requirements are phrased (a third by staffing agencies), with their SSYK code; ads
# mixed as the market's volume is (sales and marketing, IT half in English, the rest), with
# the SSYK code the employer would pick in Platsbanken; then employers' kinds, volume, mixed
# texts, the long tail of groups, sales and IT, the trades, care, schools and public
# services, sales and service, office work, the middle of the market, and a sample drawn as
# the market's volume is (see docs/enrich.md).
BLIND_EVAL_SETS = (DEFAULT_EVAL_SET.with_name("eval_set_blind.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_full_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_long_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_courses_cvs.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_structured_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_phrasing_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_market_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_employers_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_volume_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_mixed_texts.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_tail_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_sales_it_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_trades_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_care_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_service_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_office_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_midmarket_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_marketsample_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_everyday_ads.jsonl"),
                   DEFAULT_EVAL_SET.with_name("eval_set_blind_itsales_ads.jsonl"))
BLIND_HEADLINES = DEFAULT_EVAL_SET.with_name("headline_groups_blind.jsonl")
# Blind sets that carry each ad's SSYK code: report key → (file, what it is)
BLIND_GROUP_SETS = {
    "long_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_long_ads.jsonl"),
        "long ads written blind by a third author (1.6-2.5 kB, as the market looks: sales and "
        "IT, then the rest)"),
    "structured_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_structured_ads.jsonl"),
        "ads written blind by another author (1.5-2.1 kB, structure varied as real ads vary)"),
    "phrasing_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_phrasing_ads.jsonl"),
        "ads written blind to vary how requirements are phrased (1.4-2.0 kB, a third by "
        "staffing agencies)"),
    "market_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_market_ads.jsonl"),
        "ads written blind, mixed as the market's volume is (2.0-2.6 kB; 16 sales and "
        "marketing, 14 IT of which 6 in English, 10 others)"),
    "employers_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_employers_ads.jsonl"),
        "ads written blind as four kinds of employer write them (1.9-3.0 kB; 12 staffing "
        "agencies, 10 municipalities and regions, 10 small firms, 8 large companies, 3 of "
        "those in English; 40 groups)"),
    "volume_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_volume_ads.jsonl"),
        "ads written blind for the occupations with the most ads (1.3-2.5 kB; 8 sales and "
        "retail, 6 IT of which 2 in English, 6 care, 5 schools, 5 transport, 5 trades, 5 "
        "others)"),
    "tail_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_tail_ads.jsonl"),
        "ads written blind for 40 groups from the market's long tail (ranks 31-258 by 2024 "
        "ads; 1.9-2.5 kB; 10 staffing agencies, 11 municipalities and regions, 4 in English)"),
    "sales_it_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_sales_it_ads.jsonl"),
        "ads written blind in sales and IT, where neighbouring groups are easy to confuse "
        "(2.1-3.1 kB; 20 sales, marketing and retail, 20 IT of which 8 in English; 26 groups)"),
    "trades_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_trades_ads.jsonl"),
        "ads written blind for industry, construction, transport, warehouse, repair and "
        "cleaning (1.5-2.9 kB; 14 staffing agencies, 8 public employers, 12 small firms, 6 "
        "large companies; 29 groups)"),
    "care_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_care_ads.jsonl"),
        "ads written blind for health care, elderly and disability care, schools, social "
        "services and public administration (1.5-2.9 kB; 20 regions and municipalities, 8 "
        "private providers, 7 staffing agencies, 5 small actors; 29 groups)"),
    "service_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_service_ads.jsonl"),
        "ads written blind for sales, customer service, retail, hospitality and food (1.3-3.0 "
        "kB; 12 agencies, 10 chains, 10 small businesses, 8 B2B firms; 24 groups)"),
    "office_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_office_ads.jsonl"),
        "ads written blind for finance, HR, administration, law, engineering and IT (1.6-3.0 "
        "kB; 12 consultancies and agencies, 10 public employers, 10 companies, 8 in English; "
        "32 groups)"),
    "midmarket_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_midmarket_ads.jsonl"),
        "ads written blind for 40 groups drawn from the middle of the market (ranks 20-200 by "
        "2024 ads; 1.7-2.7 kB; 12 agencies, 10 public employers, 10 small firms, 8 large "
        "companies, 5 in English; a quarter with vague headlines)"),
    "marketsample_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_marketsample_ads.jsonl"),
        "ads written blind for 40 groups drawn at random in proportion to their 2024 ads "
        "(1.5-2.4 kB; the same mix of employers and headlines)"),
    "everyday_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_everyday_ads.jsonl"),
        "ads written blind for 40 groups drawn in proportion to their 2024 ads (1.4-2.8 kB; 12 "
        "municipalities and regions, 12 small firms, 10 agencies, 6 large companies)"),
    "itsales_ads_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("eval_set_blind_itsales_ads.jsonl"),
        "ads written blind as the dev ads are mixed (2.0-2.7 kB; 14 IT and data, 6 of them in "
        "English, 14 sales, customer service and marketing, 12 from the 80 largest groups)"),
    "drawn_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_drawn.jsonl"),
        "short ads (0.6-0.8 kB) written blind for groups drawn as the market's volume is, "
        "common groups several times; headlines a third plain titles, a quarter with noise, "
        "a fifth English, a fifth vague"),
    "agencies_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_agencies.jsonl"),
        "short ads (0.5-0.8 kB) drawn the same way, written as staffing agencies (35), "
        "municipalities and regions (25), chains (20) and small firms (20) write them"),
    "volume_a_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_volume_a.jsonl"),
        "short ads (0.7-0.8 kB) written blind for 120 groups drawn as the 2024 volume is, each "
        "with a headline style (plain, vague, employer and fluff, English, internal) and an "
        "employer kind (agency, public, small firm, large company) drawn for it"),
    "volume_b_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_volume_b.jsonl"),
        "short ads drawn and written the same way by another author"),
    "volume_c_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_volume_c.jsonl"),
        "short ads drawn and written the same way by a third author (twenty-first session)"),
    "volume_d_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_volume_d.jsonl"),
        "short ads drawn and written the same way by a fourth author (twenty-first session)"),
    "messy_headlines_groups_blind_set": (
        DEFAULT_EVAL_SET.with_name("headline_groups_blind_messy.jsonl"),
        "short ads written blind with headlines as employers write them (a third plain, a "
        "third vague, a third English or internal titles)"),
}
TYPE_GROUPS = {"occupation-name": "occupation", "ssyk-level-4": "occupation", "skill": "skill",
               "trait": "trait", "language": "language", "driving-licence": "driving-licence",
               "municipality": "geo", "region": "geo", "country": "geo"}


def load_eval_set(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InvalidInput(f"evaluation set not found: {path}", field="eval_set")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise InvalidInput(f"{path}: line {n}: {exc}", field="eval_set") from exc
    return items


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "fp": fp, "fn": fn}


def _score(gold_sets: Sequence[Mapping[str, str]], pred_sets: Sequence[Mapping[str, str]],
           type_of: dict[str, str]) -> dict[str, Any]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    ctx_right = ctx_total = 0
    for gold, pred in zip(gold_sets, pred_sets, strict=True):
        for cid in set(gold) | set(pred):
            group = TYPE_GROUPS.get(type_of.get(cid, ""), "other")
            c = counts[group]
            if cid in gold and cid in pred:
                c[0] += 1
                ctx_total += 1
                ctx_right += gold[cid] == pred[cid]
            elif cid in pred:
                c[1] += 1
            else:
                c[2] += 1
    per_type = {g: _prf(*c) for g, c in sorted(counts.items())}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_type": per_type, "all": _prf(*total),
            "context_accuracy": round(ctx_right / ctx_total, 4) if ctx_total else 0.0,
            "context_pairs": ctx_total}


def _exact_label_baseline(lexicon: Lexicon) -> Callable[[str], set[str]]:
    """Concept ids whose preferred label occurs in a text (case-insensitive, whole words)."""
    automaton = ahocorasick.Automaton()
    keys: dict[str, list[str]] = defaultdict(list)
    for cid, concept in lexicon.concepts.items():
        key = fold_surface(concept.preferred_label)
        if key:
            keys[key].append(cid)
    for key, ids in keys.items():
        automaton.add_word(f" {key} ", tuple(ids))
    automaton.make_automaton()

    def find(text: str) -> set[str]:
        return {cid for _, ids in automaton.iter(f" {match_text(text)} ") for cid in ids}
    return find


def _concepts(items: list[dict[str, Any]], lexicon: Lexicon) -> dict[str, Any]:
    baseline = _exact_label_baseline(lexicon)
    gold_sets, ours, base = [], [], []
    type_of = {cid: c.type for cid, c in lexicon.concepts.items()}
    started = time.perf_counter()
    for item in items:
        gold_sets.append({c["concept_id"]: c["context"] for c in item["concepts"]})
        result = service.enrich(item["text"], headline=item.get("headline"), kind=item["kind"])
        ours.append({h.concept_id: h.context for h in result.hits})
        base.append(dict.fromkeys(
            baseline((item.get("headline") or "") + " . " + item["text"]), "neutral"))
    for item in items:
        for c in item["concepts"]:
            type_of.setdefault(c["concept_id"], c["type"])
    return {"texts": len(items), "labels": sum(len(g) for g in gold_sets),
            "seconds": round(time.perf_counter() - started, 3),
            "ours": _score(gold_sets, ours, type_of),
            "baseline_exact_label": _score(gold_sets, base, type_of)}


def _load_ads(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    doc = json.loads(path.read_text(encoding="utf-8"))
    ads = doc if isinstance(doc, list) else doc.get("hits", [])
    return [a for a in ads if isinstance(a, dict) and (a.get("occupation_group") or {}).get(
        "concept_id")]


def _protocols(ads: list[dict[str, Any]]) -> dict[str, list[frozenset[str]]]:
    """Per protocol, per ad: the labelled ads the model may not learn from when predicting it.

    - unseen_employer: the ad and every other evaluated ad from its employer (generalisation
      to employers never seen; the figure reported as top-1/top-3);
    - unseen_ad: the ad itself (leave-one-out);
    - taxonomy_only: every labelled ad (the model without the ad memory).
    (`_groups` adds text_only: unseen employer, each ad sent without its headline.)
    """
    model = service.group_model()
    remembered = frozenset(model.memory.row_of_id) if model is not None else frozenset()
    ids = [str(a.get("id")) for a in ads]
    employers = [((a.get("employer") or {}).get("name") or "").strip().casefold() for a in ads]
    every = remembered | frozenset(ids)
    return {
        "unseen_employer": [frozenset(j for j, e in zip(ids, employers, strict=True)
                                      if j == i or (emp and e == emp))
                            for i, emp in zip(ids, employers, strict=True)],
        "unseen_ad": [frozenset({i}) for i in ids],
        "taxonomy_only": [every] * len(ads),
    }


def _accuracy(ads: list[dict[str, Any]], hidden: list[frozenset[str]],
              with_headline: bool = True) -> tuple[float, float, list[tuple[float, bool]]]:
    """Top-1 and top-3 accuracy, and per predicted ad (top-1 probability, top-1 right)."""
    top1 = top3 = 0
    confidence = []
    for ad, unseen in zip(ads, hidden, strict=True):
        gold = ad["occupation_group"]["concept_id"]
        result = service.enrich((ad.get("description") or {}).get("text") or "",
                                headline=(ad.get("headline") or None) if with_headline else None,
                                kind="ad", unseen_ads=unseen)
        ids = [g.concept_id for g in result.occupation_groups]
        top1 += ids[:1] == [gold]
        top3 += gold in ids[:3]
        if result.occupation_groups:
            confidence.append((result.occupation_groups[0].probability, ids[0] == gold))
    return top1 / len(ads), top3 / len(ads), confidence


def calibration_error(predictions: list[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error of the top-1 probability: per probability bin, how far the
    mean probability is from the share right, weighted by the bin's share of predictions."""
    if not predictions:
        return 0.0
    probability = np.array([p for p, _ in predictions])
    right = np.array([r for _, r in predictions], dtype=np.float64)
    which = np.minimum((probability * bins).astype(np.int64), bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.mean() * abs(right[inside].mean() - probability[inside].mean())
    return float(error)


def _groups(ads: list[dict[str, Any]]) -> dict[str, Any]:
    if not ads:
        return {"ads": 0}
    group_model = service.group_model()
    protocols = _protocols(ads)
    top1, top3, confidence = _accuracy(ads, protocols["unseen_employer"])
    others = {name: dict(zip(("top1", "top3"), _accuracy(ads, hidden)[:2], strict=True))
              for name, hidden in protocols.items() if name != "unseen_employer"}
    # as a JobAd Enrichments client sending doc_text alone would get it
    others["text_only"] = dict(zip(("top1", "top3"), _accuracy(
        ads, protocols["unseen_employer"], with_headline=False)[:2], strict=True))
    texts = [f"{a.get('headline', '')} {(a.get('description') or {}).get('text') or ''}"
             for a in ads]
    baseline = _baseline([a["occupation_group"]["concept_id"] for a in ads], texts)
    n = len(ads)
    return {"ads": n, "top1": round(top1, 4), "top3": round(top3, 4),
            "protocol": "unseen_employer",
            "other_protocols": {k: {m: round(v, 4) for m, v in r.items()}
                                for k, r in others.items()},
            "labelled_ads_in_memory": len(group_model.memory) if group_model else 0,
            "written_ads_in_memory": sum(e.employer.startswith(WRITTEN_AUTHOR)
                                         for e in group_model.memory.examples)
            if group_model else 0,
            "mean_top1_probability": round(float(np.mean([p for p, _ in confidence])), 4)
            if confidence else 0,
            "calibration_error": round(calibration_error(confidence), 4),
            "baseline_tfidf_linear": baseline}


def _baseline(gold: list[str], texts: list[str]) -> dict[str, Any]:
    """TF-IDF words + LinearSVC trained on the non-ad texts our model learns from."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from jobbnav.enrich.ssyk_training import training_documents
    from jobbnav.taxonomy.service import index

    docs = training_documents(index(), get_settings().shared_data_dir / "education")
    started = time.perf_counter()
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=1)
    x = vectorizer.fit_transform([t for _, t in docs])
    model = LinearSVC(C=1.0).fit(x, [g for g, _ in docs])
    train_seconds = time.perf_counter() - started
    order = np.argsort(-model.decision_function(vectorizer.transform(texts)), axis=1)[:, :3]
    b1 = b3 = 0
    for want, row in zip(gold, order, strict=True):
        labels = [model.classes_[i] for i in row]
        b1 += labels[0] == want
        b3 += want in labels
    return {"top1": round(b1 / len(gold), 4), "top3": round(b3 / len(gold), 4),
            "train_seconds": round(train_seconds, 2), "training_docs": len(docs)}


def _own_written_ads(path: Path) -> frozenset[str]:
    """The memory's ads from the written set at `path`, hidden from the set's own predictions
    (unseen author, as the real ads are predicted with their employer unseen)."""
    model = service.group_model()
    if model is None:
        return frozenset()
    return frozenset(e.ad_id for e in model.memory.examples if e.employer == author_of(path))


def _headline_groups(path: Path) -> dict[str, Any]:
    """Top-1 / top-3 on our own headlines; each line {"headline", "ssyk"[, "text"]}."""
    from jobbnav.taxonomy.service import index

    by_code = {c.codes.get("ssyk-code-2012"): cid for cid in index().by_type.get(
        "ssyk-level-4", ()) if (c := index().concepts[cid]).codes.get("ssyk-code-2012")}
    items = load_eval_set(path)
    if any(not isinstance(i.get("headline"), str) or "ssyk" not in i for i in items):
        raise InvalidInput(f"{path}: every line needs a 'headline' and an 'ssyk' code",
                           field="headlines")
    unknown = sorted({str(i["ssyk"]) for i in items} - set(by_code))
    if unknown:  # e.g. the demo taxonomy: measure on the real one
        more = " …" if len(unknown) > 5 else ""
        return {"headlines": 0,
                "skipped": f"SSYK codes not in this taxonomy: {', '.join(unknown[:5])}{more}"}
    gold = [by_code[str(i["ssyk"])] for i in items]
    unseen = _own_written_ads(path)
    top1 = top3 = 0
    misses = []
    for item, want in zip(items, gold, strict=True):
        result = service.enrich(item.get("text", ""), headline=item["headline"], kind="ad",
                                unseen_ads=unseen)
        ids = [g.concept_id for g in result.occupation_groups]
        top1 += ids[:1] == [want]
        top3 += want in ids[:3]
        if ids[:1] != [want]:
            misses.append(item["headline"])
    n = len(items)
    return {"headlines": n, "top1": round(top1 / n, 4), "top3": round(top3 / n, 4),
            "misses": misses, "own_ads_hidden": len(unseen),
            "baseline_tfidf_linear": _baseline(gold, [f"{i['headline']} {i.get('text', '')}"
                                                      for i in items])}


def evaluate(*, eval_set: Path | None = None, ads: Path | None = None,
             headlines: Path | None = None) -> dict[str, Any]:
    items = load_eval_set(eval_set or DEFAULT_EVAL_SET)
    lexicon = service.lexicon()
    if not lexicon.concepts:
        raise InvalidInput("the taxonomy is empty: run `jobbnav taxonomy import` first",
                           field="taxonomy")
    ads_path = ads or get_settings().shared_data_dir / "ads" / "jobsearch-ads-2025.dev.json"
    real_ads = _load_ads(ads_path)
    report = {"concepts": _concepts(items, lexicon), "occupation_groups": _groups(real_ads),
              "ads_file": str(ads_path),
              "employer_requirements": employer_requirements(
                  real_ads, lexicon.concepts.__contains__, _exact_label_baseline(lexicon)),
              "headline_groups": _headline_groups(headlines or DEFAULT_HEADLINES)}
    if eval_set is None:
        report["concepts_blind_sets"] = {path.stem: _concepts(load_eval_set(path), lexicon)
                                         for path in BLIND_EVAL_SETS if path.is_file()}
    if headlines is None and BLIND_HEADLINES.is_file():
        report["headline_groups_blind_set"] = _headline_groups(BLIND_HEADLINES)
    if headlines is None:
        for key, (path, _) in BLIND_GROUP_SETS.items():
            if path.is_file():
                report[key] = _headline_groups(path)
    return report


def render(report: dict[str, Any]) -> str:
    c = report["concepts"]
    lines = [f"Concepts: {c['texts']} hand-labelled texts, {c['labels']} labels",
             f"{'type':<18}{'P':>7}{'R':>7}{'F1':>7}   {'baseline F1':>11}{'gain':>8}"]
    ours, base = c["ours"], c["baseline_exact_label"]
    for group, m in [*ours["per_type"].items(), ("ALL", ours["all"])]:
        b = base["all"] if group == "ALL" else base["per_type"].get(group, {"f1": 0.0})
        lines.append(f"{group:<18}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                     f"   {b['f1']:>11.3f}{m['f1'] - b['f1']:>+8.3f}")
    lines.append(f"context accuracy: {ours['context_accuracy']:.3f} over "
                 f"{ours['context_pairs']} correct hits (baseline, all neutral: "
                 f"{base['context_accuracy']:.3f})")
    for name, blind in report.get("concepts_blind_sets", {}).items():
        o, per_type = blind["ours"], blind["ours"]["per_type"]
        base_f1 = blind["baseline_exact_label"]["all"]["f1"]
        per_type_f1 = ", ".join(f"{t} {m['f1']:.3f}" for t, m in per_type.items())
        lines.append(
            f"{name}, written blind ({blind['texts']} texts, {blind['labels']} labels): "
            f"all F1 {o['all']['f1']:.3f} (baseline {base_f1:.3f}), {per_type_f1}; "
            f"context accuracy {o['context_accuracy']:.3f}")
    g = report["occupation_groups"]
    if g.get("ads"):
        b = g["baseline_tfidf_linear"]
        lines += [f"Occupation group on {g['ads']} real ads ({report['ads_file']}):",
                  f"  ours      top-1 {g['top1']:.3f}  top-3 {g['top3']:.3f}  "
                  f"(mean top-1 probability {g['mean_top1_probability']:.3f}, calibration "
                  f"error {g.get('calibration_error', 0):.3f}; memory of "
                  f"{g['labelled_ads_in_memory']} labelled ads, "
                  f"{g.get('written_ads_in_memory', 0)} of them written for the project; each "
                  f"ad predicted without itself and its employer's ads)",
                  *(f"  {name.replace('_', ' '):<9} top-1 {r['top1']:.3f}  top-3 {r['top3']:.3f}"
                    for name, r in g["other_protocols"].items()),
                  f"  baseline  top-1 {b['top1']:.3f}  top-3 {b['top3']:.3f}  "
                  f"(TF-IDF + LinearSVC on {b['training_docs']} non-ad texts)",
                  f"  gain      top-1 {g['top1'] - b['top1']:+.3f}  top-3 "
                  f"{g['top3'] - b['top3']:+.3f}"]
    else:
        lines.append("Occupation group: no real ads found (skipped)")
    lines += _render_requirements(report.get("employer_requirements") or {})
    h = report["headline_groups"]
    if not h["headlines"]:
        lines.append(f"Occupation group on own headlines: skipped ({h['skipped']})")
        return "\n".join(lines)
    b = h["baseline_tfidf_linear"]
    lines += [f"Occupation group on {h['headlines']} own headlines (the whole labour market):",
              f"  ours      top-1 {h['top1']:.3f}  top-3 {h['top3']:.3f}",
              f"  baseline  top-1 {b['top1']:.3f}  top-3 {b['top3']:.3f}",
              f"  missed: {'; '.join(h['misses']) or 'none'}"]
    for key, what in (("headline_groups_blind_set", "short ads written blind by a second "
                       "author (headline + 2-4 sentences, the whole labour market)"),
                      *((k, w) for k, (_, w) in BLIND_GROUP_SETS.items())):
        blind = report.get(key)
        if blind and blind["headlines"]:
            b = blind["baseline_tfidf_linear"]
            lines += [f"Occupation group on {blind['headlines']} {what}:",
                      f"  ours      top-1 {blind['top1']:.3f}  top-3 {blind['top3']:.3f}"
                      + (f"  (the set's own {blind['own_ads_hidden']} ads hidden from the "
                         "memory)" if blind.get("own_ads_hidden") else ""),
                      f"  baseline  top-1 {b['top1']:.3f}  top-3 {b['top3']:.3f}"]
    return "\n".join(lines)


def _render_requirements(r: dict[str, Any]) -> list[str]:
    if not r.get("labels"):
        return []
    per_kind = "; ".join(
        f"{kind} {k['labels']}: recall {k['recall']:.3f} (baseline {k['baseline_recall']:.3f})"
        + (f", context {k['context_accuracy']:.3f}" if "context_accuracy" in k else "")
        for kind, k in r["per_kind"].items())
    skipped = ", ".join(f"{n} {kind}" for kind, n in r["not_in_taxonomy"].items())
    return [f"Requirements employers picked in the form on {r['ads']} of the real ads "
            f"({r['labels']} labels{'; not in this taxonomy: ' + skipped if skipped else ''}):",
            f"  found in the ad's text: recall {r['recall']:.3f} (exact-label baseline "
            f"{r['baseline_recall']:.3f}); context as the form says (must → required, nice to "
            f"have → meriting) for {r['context_accuracy']:.3f} of {r['context_pairs']} found "
            f"skills and languages",
            f"  {per_kind}"]
