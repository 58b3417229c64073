"""Benchmark the taxonomy on the real JobTech files: import, typeahead, concept lookup, HTTP.

    .venv/bin/python bench/bench_taxonomy.py [--data ../shared/data] [--queries 5000]

1. Import of the whole `jobtech-taxonomy/` + `ontology/` into a fresh SQLite database, in a
   child process of its own (wall time and that process's peak RSS, Python start included).
2. Typeahead in-process over every concept and term, on a query mix drawn from the real labels
   and terms: beginnings of 2–8 characters as typed (with å/ä/ö), the same folded to ascii, with
   one typo (substitution, missing/extra letter, swapped neighbours), parts from inside words,
   and some with a type filter.
3. Concept lookup by id with all its relations grouped (`query.concept_details`).
4. The same over HTTP: the whole app under uvicorn on 127.0.0.1, one keep-alive httpx client.

Prints its figures; nothing is asserted (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _point_at(var_dir: Path) -> None:
    os.environ["JOBBNAV_VAR_DIR"] = str(var_dir)
    os.environ.pop("JOBBNAV_DATABASE_URL", None)


def import_only(data: Path, var_dir: Path) -> None:
    """Child process: migrate a fresh database, import, print JSON figures."""
    _point_at(var_dir)
    from jobbnav.db import get_engine, upgrade
    from jobbnav.taxonomy.service import import_taxonomy

    engine = get_engine()
    upgrade(engine)
    start = time.perf_counter()
    report = import_taxonomy(data / "jobtech-taxonomy", data / "ontology", engine=engine)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_kib / 1024,
                      "concepts": report.concepts_seen, "relations": report.relations_seen,
                      "terms": report.terms_seen}))


def _percentiles(samples: Sequence[float]) -> str:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return (f"p50 {at(0.50):6.3f} ms  p90 {at(0.90):6.3f} ms  p99 {at(0.99):6.3f} ms  "
            f"max {ordered[-1] * 1000:6.2f} ms  (n={len(ordered)})")


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(1, len(text))
    kind = rng.choice(("substitute", "drop", "add", "swap"))
    letter = rng.choice("abdefgiklmnorstuvåäö")
    if kind == "substitute":
        return text[:i] + letter + text[i + 1:]
    if kind == "drop":
        return text[:i] + text[i + 1:]
    if kind == "add":
        return text[:i] + letter + text[i:]
    i = min(i, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def query_mix(count: int, seed: int = 7) -> list[tuple[str, str, list[str] | None]]:
    """(category, query, types) drawn from the labels and terms of the loaded taxonomy."""
    from jobbnav.taxonomy.normalize import ascii_fold
    from jobbnav.taxonomy.service import index

    idx = index()
    texts = [c.preferred_label for c in idx.concepts.values() if not c.deprecated]
    texts += [t.term for terms in idx.terms.values() for t in terms]
    rng = random.Random(seed)
    mix: list[tuple[str, str, list[str] | None]] = []
    while len(mix) < count:
        text = rng.choice(texts)
        roll = rng.random()
        length = rng.randint(2, 8)
        if roll < 0.35:
            mix.append(("prefix as typed", text[:length], None))
        elif roll < 0.55:
            mix.append(("prefix ascii-folded", ascii_fold(text[:length]), None))
        elif roll < 0.75 and len(text) >= 6:
            mix.append(("prefix with one typo", _typo(rng, text[:max(5, length)]), None))
        elif roll < 0.88 and len(text) >= 8:
            start = rng.randint(2, len(text) - 4)
            mix.append(("inside a word", text[start:start + rng.randint(3, 6)], None))
        else:
            mix.append(("prefix, type occupation-name", text[:length], ["occupation-name"]))
    return mix


def _time_each(calls: Sequence[Callable[[], object]]) -> list[float]:
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def bench_in_process(queries: int) -> list[tuple[str, str, list[str] | None]]:
    from jobbnav.taxonomy import query, typeahead
    from jobbnav.taxonomy.service import index

    start = time.perf_counter()
    idx = index()
    print(f"read model load                 {time.perf_counter() - start:6.2f} s "
          f"({len(idx.concepts)} concepts, {sum(map(len, idx.terms.values()))} terms)")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    ta = typeahead.typeahead_index()
    print(f"typeahead index build           {time.perf_counter() - start:6.2f} s "
          f"({len(ta.keys)} keys, {len(ta.word_starts)} word starts, {len(ta.infixes)} "
          f"inside-word suffixes; peak RSS +"
          f"{(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024:.0f} MiB)")
    mix = query_mix(queries)
    for _, text, types in mix[:200]:  # warm the CPU caches before timing
        typeahead.suggest(text, types=types)
    for limit in (10, 100):
        times = _time_each([lambda q=q, t=t, n=limit: typeahead.suggest(q, types=t, limit=n)
                            for _, q, t in mix])
        print(f"typeahead limit={limit:<3} all         {_percentiles(times)}")
        if limit == 10:
            for category in sorted({c for c, _, _ in mix}):
                picked = [t for t, (c, _, _) in zip(times, mix, strict=True) if c == category]
                print(f"  {category:<29} {_percentiles(picked)}")
    rng = random.Random(11)
    ids = rng.sample(sorted(idx.concepts), min(5000, len(idx.concepts)))
    times = _time_each([lambda i=i: query.concept_details(i) for i in ids])
    print(f"concept lookup with relations   {_percentiles(times)}")
    hub = max(idx.concepts, key=lambda cid: len(idx.incoming.get(cid, ())))
    times = _time_each([lambda: query.concept_details(hub)] * 200)
    print(f"  the most connected concept    {_percentiles(times)} "
          f"({idx.concepts[hub].preferred_label!r}, {len(idx.incoming[hub])} incoming edges)")
    return mix


def bench_http(mix: list[tuple[str, str, list[str] | None]], requests: int) -> None:
    import socket

    import httpx
    import uvicorn

    from jobbnav.api import create_app
    from jobbnav.taxonomy.service import index

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    ids = random.Random(13).sample(sorted(index().concepts), 1000)
    try:
        with httpx.Client(base_url=base) as client:
            for _, q, _ in mix[:100]:
                client.get("/v1/taxonomy/suggesters/autocomplete", params={"query-string": q})
            for label, extra in (("limit=10", {"limit": "10"}), ("default limit (100)", {})):
                calls = []
                for _, q, types in mix[:requests]:
                    params = {"query-string": q, **extra}
                    if types:
                        params["type"] = " ".join(types)
                    calls.append(lambda p=params: client.get(
                        "/v1/taxonomy/suggesters/autocomplete", params=p).raise_for_status())
                print(f"HTTP autocomplete {label:<19} {_percentiles(_time_each(calls))}")
            calls = [lambda i=i: client.get(f"/taxonomy/concepts/{i}").raise_for_status()
                     for i in ids]
            print(f"HTTP /taxonomy/concepts/{{id}}    {_percentiles(_time_each(calls))}")
            calls = [lambda i=i: client.get("/v1/taxonomy/main/concepts",
                                            params={"id": i}).raise_for_status() for i in ids]
            print(f"HTTP main/concepts?id=          {_percentiles(_time_each(calls))}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--http-requests", type=int, default=2000)
    parser.add_argument("--import-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_only:
        import_only(args.data, args.import_only)
        return
    if not (args.data / "jobtech-taxonomy").is_dir():
        sys.exit(f"no JobTech data at {args.data} (use --data)")
    print(f"jobbnav taxonomy benchmark · {os.cpu_count()} CPUs (shared) · Python "
          f"{sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-taxonomy-") as tmp:
        var_dir = Path(tmp) / "var"
        child = subprocess.run([sys.executable, __file__, "--data", str(args.data),
                                "--import-only", str(var_dir)],
                               check=True, capture_output=True, text=True)
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"import jobtech-taxonomy+ontology {figures['seconds']:6.2f} s, peak RSS "
              f"{figures['peak_rss_mib']:.0f} MiB ({figures['concepts']} concepts, "
              f"{figures['relations']} relations, {figures['terms']} terms)")
        _point_at(var_dir)
        mix = bench_in_process(args.queries)
        bench_http(mix, args.http_requests)


if __name__ == "__main__":
    main()
