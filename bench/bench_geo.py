"""Benchmark of the geography: import of ../shared/data/geo, travel-time and reach queries.

Prints its figures; they go (with the machine's load) into docs/benchmarks.md.
Usage: .venv/bin/python bench/bench_geo.py [GEO_DIR]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

from jobbnav.db import create_db_engine, upgrade
from jobbnav.geo import service

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_db_engine(f"sqlite:///{tmp}/bench.sqlite3")
        upgrade(engine)
        start = time.perf_counter()
        report = service.import_geography(directory, engine=engine)
        took = time.perf_counter() - start
        rss = psutil.Process().memory_info().rss / 2**20
        print(f"import {directory}: {took:.2f} s ({report.municipalities} municipalities, "
              f"{report.localities} localities, {report.postcodes} postcodes, {report.links} "
              f"links); RSS after import {rss:.0f} MiB")
        start = time.perf_counter()
        service.import_geography(directory, engine=engine)
        print(f"re-import (unchanged): {time.perf_counter() - start:.2f} s")

        idx = service.geo_index(engine)
        rng = random.Random(7)
        codes = list(idx.municipalities)
        pairs = [(rng.choice(codes), rng.choice(codes)) for _ in range(2000)]
        times = []
        for a, b in pairs:
            t0 = time.perf_counter()
            service.travel(a, b, engine=engine)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"travel (kommunkod → kommunkod), {len(times)} queries: p50 "
              f"{statistics.median(times):.3f} ms, p99 {_percentile(times, 0.99):.3f} ms")
        located = [loc.key for loc in idx.localities if loc.lat is not None]
        times = []
        for origin in rng.sample(located, 500):
            t0 = time.perf_counter()
            service.reach(origin, 60.0, engine=engine)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"reach (60 min by car over {len(located)} located localities), {len(times)} "
              f"queries: p50 {statistics.median(times):.3f} ms, p99 "
              f"{_percentile(times, 0.99):.3f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
