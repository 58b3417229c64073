"""Benchmark labour-market insight; prints its figures (see docs/benchmarks.md).

Uses a SYNTHETIC monthly ad history generated from the real 2024 per-municipality counts in
../shared/data/market (see jobbnav.market.history for the assumptions). Measures: recompute of
all aggregates from ~1,000,000 ad facts, the incremental update for one day of ads, p50 of the
/market/* queries, the Dask-over-Parquet aggregation, the forecast backtest (MASE vs seasonal
naive) and the barometer agreement reference points.
Usage: .venv/bin/python bench/bench_market.py [--ads 1000000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JOBBNAV_SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))


def region_map() -> dict[str, str]:
    """municipality id -> län id from the geo files (names joined through the county table)."""
    kommun = json.loads((SHARED / "geo" / "kommun_id_namn.json").read_text())
    regions = json.loads((SHARED / "geo" / "region_name_id.json").read_text())
    with (SHARED / "geo" / "municipality_county.csv").open() as fh:
        county = {r["municipality_name_short"]: r["county_name"] for r in csv.DictReader(fh)}
    return {mid: regions.get(county.get(name, ""), "") for mid, name in kommun.items()}


def occupations() -> dict[str, list[str]]:
    data = json.loads((SHARED / "jobtech-taxonomy" /
                       "the-ssyk-hierarchy-with-occupations.json").read_text())
    out: dict[str, list[str]] = {}

    def walk(node: dict, group: str | None) -> None:
        if node.get("type") == "ssyk-level-4":
            group = node["id"]
            out[group] = []
        elif node.get("type") == "occupation-name" and group:
            out[group].append(node["id"])
        for child in node.get("narrower", []) or []:
            walk(child, group)

    for concept in data["data"]["concepts"]:
        walk(concept, None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ads", type=int, default=1_000_000)
    args = parser.parse_args()
    if not (SHARED / "market").is_dir():
        sys.exit(f"shared data not found at {SHARED}")
    tmp = Path(tempfile.mkdtemp(prefix="bench-market-"))
    os.environ["JOBBNAV_VAR_DIR"] = str(tmp / "var")
    from sqlalchemy import insert

    from jobbnav.db import get_engine, upgrade
    from jobbnav.market import store
    from jobbnav.market.forecast import backtest
    from jobbnav.market.history import monthly_counts, synthetic_facts
    from jobbnav.market.service import import_baseline, on_ads_stored, recompute

    engine = get_engine()
    upgrade(engine)
    kommun = json.loads((SHARED / "market" / "ssyk_kommun_annonser_2024.json").read_text())
    cells = [(g, m, n) for g, areas in kommun.items() for m, n in areas.items()]
    regions, names = region_map(), occupations()
    months_total = 94
    scale = args.ads / (sum(n for *_, n in cells) * months_total / 12)
    t = time.perf_counter()
    facts = synthetic_facts(cells, lambda m: regions.get(m, ""), lambda g: names.get(g, []),
                            scale=scale)
    print(f"generated {len(facts):,} synthetic ad facts 2019-01..2026-10 "
          f"in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    records = facts.to_dict("records")
    with engine.begin() as conn:
        for start in range(0, len(records), 200_000):
            conn.execute(insert(store.ad_fact), records[start:start + 200_000])
    print(f"loaded the fact table in {time.perf_counter() - t:.1f} s (not part of recompute)")

    t = time.perf_counter()
    result = recompute(engine)
    print(f"RECOMPUTE all aggregates from {len(facts):,} ads: {time.perf_counter() - t:.1f} s "
          f"({result['demand_rows']:,} demand rows, {result['ratings']:,} ratings)")

    day = sum(n for *_, n in cells) // 365  # one real day: 2024's ads / 365
    rng = np.random.default_rng(1)
    picks = rng.integers(0, len(records), day)
    ads = []
    for i, k in enumerate(picks):
        r = records[int(k)]
        ad_id = r["ad_id"] if i % 10 == 0 else f"new-{i}"  # 10 % updates of known ads
        ads.append({"id": ad_id, "publication_date": "2026-11-21T09:00:00",
                    "number_of_vacancies": 1, "occupation": {"concept_id": r["occupation_id"]},
                    "occupation_group": {"concept_id": r["group_id"]},
                    "workplace_address": {"municipality_concept_id": r["municipality_id"],
                                          "region_concept_id": r["region_id"]}})
    t = time.perf_counter()
    with engine.begin() as conn:
        on_ads_stored(conn, ads)
    print(f"INCREMENTAL update for one day ({len(ads):,} ads, 10 % updates): "
          f"{time.perf_counter() - t:.2f} s")

    import_baseline(SHARED / "market", engine=engine)
    recompute(engine)
    from fastapi.testclient import TestClient

    from jobbnav.api import create_app

    client = TestClient(create_app(warm=False))
    group = max(kommun, key=lambda g: sum(kommun[g].values()))
    stockholm = "CifL_Rzy_Mku"
    queries = {
        "/market/demand": {"occupation": group, "area": stockholm},
        "/market/demand?csv": {"occupation": group, "format": "csv"},
        "/market/tightness": {"area": stockholm},
        "/market/forecast": {"occupation": group, "area": stockholm},
        "/market/barometer": {"occupation": group},
        "/market/shortage": {"region": stockholm},
        "/market/salary": {"occupation": "2512"},
    }
    for name, params in queries.items():
        path = name.split("?")[0]
        timings = []
        for _ in range(40):
            t = time.perf_counter()
            response = client.get(path, params=params)
            timings.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (name, response.text[:200])
        print(f"QUERY {name:<22} p50 {statistics.median(timings):6.1f} ms  "
              f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:6.1f} ms")

    from jobbnav.market.dask_backend import aggregate_parquet, export_facts

    t = time.perf_counter()
    export_facts(engine, tmp / "parquet")
    t2 = time.perf_counter()
    rows = aggregate_parquet(tmp / "parquet")
    print(f"DASK (local scheduler) export {t2 - t:.1f} s, aggregate over Parquet "
          f"{time.perf_counter() - t2:.1f} s -> {len(rows):,} rows")

    regional = json.loads((SHARED / "market" / "ssyk_id_region_annonser_2024.json").read_text())
    for label, keep_area in (("country x ssyk-4", lambda a: a == "i46j_HmG_v64"),
                             ("län x ssyk-4", lambda a: a != "i46j_HmG_v64")):
        series_cells = [(g, a, n) for g, v in regional.items() for a, n in v.items()
                        if keep_area(a)]
        months, counts = monthly_counts(series_cells, seed=11)
        keep = counts[:, -24:].sum(axis=1) >= 24
        res = backtest(counts[keep].astype(float), months[0], holdout=12)
        print(f"BACKTEST synthetic {label}: {int(keep.sum())} series, hold-out 12 months: "
              f"MASE model mean {np.nanmean(res['mase_model']):.3f} "
              f"(median {np.nanmedian(res['mase_model']):.3f}), seasonal naive mean "
              f"{np.nanmean(res['mase_naive']):.3f} (median {np.nanmedian(res['mase_naive']):.3f}),"
              f" model better in {np.nanmean(res['mase_model'] < res['mase_naive']):.0%}, "
              f"80 % band coverage {np.nanmean(res['coverage80']):.2f}")

    real = json.loads((SHARED / "ads" / "jobsearch-ads-2025.dev.json").read_text())
    real_ads = real if isinstance(real, list) else real.get("hits", [])
    months_real = sorted({str(a.get("publication_date", ""))[:7] for a in real_ads})
    print(f"REAL dated ads: {len(real_ads)} ads over {len(months_real)} distinct months "
          f"({months_real[0] if months_real else '-'}..{months_real[-1] if months_real else '-'})"
          " -> too few for a monthly backtest")

    from jobbnav.market.barometer import agreement

    with engine.connect() as conn:
        agree = agreement(conn)
    print("BAROMETER agreement:", json.dumps(agree, ensure_ascii=False))


if __name__ == "__main__":
    main()
