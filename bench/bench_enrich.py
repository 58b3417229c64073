"""Enrichment benchmark: lexicon build (time, RSS), ads/s per core, POST /enrich p50 over HTTP.

Run: `JOBBNAV_VAR_DIR=<a var dir with the real taxonomy imported> python bench/bench_enrich.py`
(if the database is empty the script imports the real taxonomy and ontology from shared data
into a temporary var dir first). Prints its figures; never a test.
"""

from __future__ import annotations

import json
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time

import psutil


def _ensure_taxonomy() -> None:
    from jobbnav.db import get_engine, upgrade
    from jobbnav.settings import get_settings
    from jobbnav.taxonomy.service import import_taxonomy, index

    engine = get_engine()
    upgrade(engine)
    if index(engine).by_type.get("occupation-name"):
        return
    data = get_settings().shared_data_dir
    import_taxonomy(data / "jobtech-taxonomy", data / "ontology", engine=engine)
    try:
        from jobbnav.geo.service import import_geography
    except ImportError:
        return
    import_geography(data / "geo", engine=engine)


def _synthetic_ads(lexicon_labels: list[str], n: int, rng: random.Random) -> list[str]:
    filler = ("Vi erbjuder en trygg anställning med kollektivavtal, friskvårdsbidrag och goda "
              "möjligheter till utveckling. Du kommer att arbeta i ett team med erfarna kollegor. ")
    ads = []
    for _ in range(n):
        parts = ["Om tjänsten\n", filler]
        target = rng.randint(2000, 4000)
        while sum(len(p) for p in parts) < target:
            words = rng.sample(lexicon_labels, 3)
            parts.append(f"Krav: erfarenhet av {words[0]}. Meriterande är {words[1]} och "
                         f"{words[2]}. ")
            parts.append(filler)
        ads.append("".join(parts))
    return ads


def _memory_scaling(model: object, ads_path: object) -> None:
    """Build time, RSS and vote cost of the labelled-ad memory at deployment sizes.

    Only 133 real labelled ads exist here, so the sizes are reached with copies of them under
    fresh ids: the vectors are real-sized, the neighbours are not realistic (timing only)."""
    from jobbnav.enrich.ad_memory import AdMemory, labelled_ads
    from jobbnav.enrich.ssyk_classifier import OccupationGroupModel
    from jobbnav.enrich.tokenize import prepare_text

    assert isinstance(model, OccupationGroupModel)
    base = list(labelled_ads(json.loads(ads_path.read_text(encoding="utf-8")),  # type: ignore[attr-defined]
                             model.memory.row_of_id.keys() | set(model.group_ids)))
    proc = psutil.Process()
    for size in (len(base), 1_000, 5_000, 10_000):
        examples = [e.__class__(f"{e.ad_id}-{i}", e.headline, e.text, e.group_id, e.employer)
                    for i in range(size // len(base) + 1) for e in base][:size]
        rss = proc.memory_info().rss
        started = time.perf_counter()
        memory = AdMemory(model.scorer, {g: i for i, g in enumerate(model.group_ids)}, examples,
                          lambda h, t: model._scored_text(h, prepare_text(t)))
        built = time.perf_counter() - started
        grown = (proc.memory_info().rss - rss) / 2**20
        queries = [model.scorer.vector(model._scored_text(e.headline, prepare_text(e.text)))
                   for e in base]
        started = time.perf_counter()
        for ids, weights in queries:
            memory.votes(ids, weights)
        per_ad = (time.perf_counter() - started) / len(queries) * 1000
        print(f"labelled-ad memory of {size:,} ads: built in {built:.1f} s, RSS +{grown:.0f} MiB, "
              f"vote {per_ad:.2f} ms per ad")
        del memory


def main() -> None:
    if "JOBBNAV_VAR_DIR" not in os.environ:
        os.environ["JOBBNAV_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-enrich-") + "/var"
    _ensure_taxonomy()
    from jobbnav.enrich.compiled import MODULES, compiled_modules
    from jobbnav.enrich.service import enrich, group_model, lexicon
    from jobbnav.settings import get_settings
    from jobbnav.taxonomy.service import index

    running = compiled_modules()
    print(f"hot modules compiled with mypyc: {len(running)} of {len(MODULES)}"
          + ("" if running else " (Python sources: `make compile` builds them)"))
    proc = psutil.Process()
    idx = index()
    rss_before = proc.memory_info().rss
    started = time.perf_counter()
    lex = lexicon()
    total_build = time.perf_counter() - started
    rss_after = proc.memory_info().rss
    model = group_model()
    print(f"lexicon: {len(lex):,} keys over {len(lex.concepts):,} concepts, built in "
          f"{lex.build_seconds:.2f} s; occupation-group model "
          f"{model.build_seconds if model else 0:.2f} s; both {total_build:.2f} s; "
          f"RSS +{(rss_after - rss_before) / 2**20:.0f} MiB (process {rss_after / 2**20:.0f} MiB,"
          f" taxonomy index version {idx.version})")

    ads_path = get_settings().shared_data_dir / "ads" / "jobsearch-ads-2025.dev.json"
    real = []
    if ads_path.exists():
        real = [((a.get("description") or {}).get("text") or "", a.get("headline") or "")
                for a in json.loads(ads_path.read_text(encoding="utf-8"))]
    if model is not None and real:
        _memory_scaling(model, ads_path)
    labels = [c.preferred_label.split(",")[0] for c in lex.concepts.values()
              if c.type in ("skill", "occupation-name", "trait")]
    synthetic = [(t, "Medarbetare") for t in _synthetic_ads(labels, 300, random.Random(4))]
    for name, docs in (("real dev ads", real), ("synthetic 2–4 kB ads", synthetic)):
        if not docs:
            continue
        mean_kb = statistics.mean(len(t.encode()) for t, _ in docs) / 1024
        for label, with_groups in (("concepts + context", False),
                                   ("+ occupation group", True)):
            for text, headline in docs:  # warm the word caches
                enrich(text, headline=headline, predict_groups=with_groups)
            started, cpu_started = time.perf_counter(), time.process_time()
            rounds = 0
            while time.perf_counter() - started < 3.0:
                for text, headline in docs:
                    enrich(text, headline=headline, predict_groups=with_groups)
                rounds += 1
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu_started
            rate = rounds * len(docs) / seconds
            # CPU time is what one core spent; on a shared machine wall time also counts the
            # time other processes held the core.
            cpu_rate = rounds * len(docs) / cpu_seconds
            print(f"{name} (n={len(docs)}, mean {mean_kb:.1f} kB), {label}: {cpu_rate:,.0f} "
                  f"ads per CPU-second on one core ({rate:,.0f} ads/s wall clock)")

    import httpx
    import uvicorn

    from jobbnav.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(warm=False), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    text, headline = real[0] if real else synthetic[0]
    timings = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for i in range(300):
            t0 = time.perf_counter()
            r = client.post("/enrich", json={"text": text, "headline": headline})
            elapsed = time.perf_counter() - t0
            assert r.status_code == 200, r.text
            if i >= 20:
                timings.append(elapsed * 1000)
    server.should_exit = True
    thread.join(timeout=10)
    timings.sort()
    print(f"POST /enrich over HTTP ({len(text.encode()) / 1024:.1f} kB ad, keep-alive, "
          f"{len(timings)} requests): p50 {statistics.median(timings):.2f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
