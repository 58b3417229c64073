"""Benchmark job ads: import speed, /search and /complete latency over HTTP, server RSS, a plain
tantivy baseline behind a stdlib HTTP server with the same client and query mix, and the
precision/recall of duplicate detection on a labelled set.

    .venv/bin/python bench/bench_ads.py --live 100000 --historical 0 --queries 500
    .venv/bin/python bench/bench_ads.py --live 20000           # quick
    .venv/bin/python bench/bench_ads.py --workdir DIR --reuse --skip-dedupe  # search only, again

Needs the real data in ../shared/data (taxonomy, market distribution, dev ads). Prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JOBBNAV_SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))
WORDS = ["lärare", "sjuksköterska", "lager", "utvecklare", "säljare", "undersköterska",
         "ekonomi", "kock", "elektriker", "chaufför", "python", "kundtjänst", "erfarenhet",
         "heltid", "ansvar", "service", "truck", "projekt", "barn", "bygg"]

BASELINE = r'''
import json, sys, tantivy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs
path, port = sys.argv[1], int(sys.argv[2])
sb = tantivy.SchemaBuilder()
sb.add_text_field("id", stored=True, tokenizer_name="raw")
sb.add_text_field("text", tokenizer_name="default")
sb.add_text_field("municipality", tokenizer_name="raw")
index = tantivy.Index(sb.build(), path=path)
writer = index.writer(128_000_000, 2)
for line in open(path + "/ads.jsonl", "rb"):
    ad = json.loads(line)
    writer.add_document(tantivy.Document(id=ad["id"], text=ad["headline"] + "\n" +
        ad["description"]["text"], municipality=ad["workplace_address"]["municipality_concept_id"]))
writer.commit(); writer.wait_merging_threads(); index.reload()
schema = index.schema
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        q = parse_qs(urlparse(self.path).query)
        parts = [(tantivy.Occur.Must, index.parse_query(q["q"][0], ["text"]))]
        if "municipality" in q:
            parts.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "municipality",
                                                                       q["municipality"][0])))
        s = index.searcher()
        r = s.search(tantivy.Query.boolean_query(parts), 10, count=True)
        hits = [s.doc(a)["id"][0] for _, a in r.hits]
        body = json.dumps({"total": {"value": r.count}, "hits": hits}).encode()
        self.send_response(200); self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body))); self.end_headers()
        self.wfile.write(body)
print("ready", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
'''


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def _timed(client: httpx.Client, urls: list[str]) -> list[float]:
    for url in urls[:20]:  # warm the caches
        client.get(url).raise_for_status()
    out = []
    for url in urls:
        t = time.perf_counter()
        client.get(url).raise_for_status()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _summary(name: str, ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    p50, p99 = statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name:<52} n={len(ms):<5} p50={p50:7.2f} ms  p99={p99:7.2f} ms")
    return {"p50": p50, "p99": p99}


def bench_dedupe() -> None:
    """Precision / recall of same_vacancy on labelled pairs built from the real dev ads."""
    from jobbnav.ads.dedupe import block_key, same_vacancy, simhash

    rng = random.Random(7)
    ads = json.loads((SHARED / "ads" / "jobsearch-ads-2025.dev.json").read_text())
    pairs: list[tuple[dict[str, Any], dict[str, Any], bool, str]] = []
    for ad in ads:
        text = ad["description"]["text"] or ""
        sentences = [s for s in text.split("\n") if s.strip()]
        # positives: the same vacancy as another source republishes it
        v1 = json.loads(json.dumps(ad))
        v1["description"]["text"] = " ".join(text.split()) + " Ansök senast enligt annonsen."
        pairs.append((ad, v1, True, "whitespace + appended sentence"))
        v2 = json.loads(json.dumps(ad))
        v2["headline"] = ad["headline"] + " (heltid)"
        v2["description"]["text"] = "\n".join(sentences[:max(1, int(len(sentences) * 0.85))])
        pairs.append((ad, v2, True, "headline suffix + last 15% of text cut"))
        v3 = json.loads(json.dumps(ad))
        v3["description"]["text"] = text.replace("Vi ", "Vi på " + (ad["employer"]["name"] or "")
                                                 + " ", 1).replace("[namn]", "rekryteraren")
        pairs.append((ad, v3, True, "light rewording"))
        # negatives: another vacancy of the same employer and place, same company boilerplate
        other = rng.choice([o for o in ads if o["id"] != ad["id"]])
        n1 = json.loads(json.dumps(ad))
        n1["headline"] = other["headline"]
        keep = sentences[len(sentences) // 2:]
        n1["description"]["text"] = (other["description"]["text"] or "")[:1500] + "\n" + \
            "\n".join(keep)
        pairs.append((ad, n1, False, "other job, same employer/place, shared half text"))
        n2 = json.loads(json.dumps(other))
        n2["employer"], n2["workplace_address"] = ad["employer"], ad["workplace_address"]
        pairs.append((ad, n2, False, "other job, same employer/place"))
    tp = fp = fn = tn = 0
    mistakes = []
    for a, b, label, kind in pairs:
        same_block = block_key(a) == block_key(b)
        predicted = same_block and same_vacancy(
            simhash(f"{a['headline']}\n{a['description']['text'] or ''}"), a["headline"],
            simhash(f"{b['headline']}\n{b['description']['text'] or ''}"), b["headline"])
        tp += predicted and label
        fp += predicted and not label
        fn += (not predicted) and label
        tn += (not predicted) and not label
        if predicted != label:
            mistakes.append(kind)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    print(f"dedupe labelled pairs: {len(pairs)} ({tp + fn} duplicates, {fp + tn} not); "
          f"precision {precision:.3f}, recall {recall:.3f}")
    if mistakes:
        from collections import Counter

        print("  mistakes by kind:", dict(Counter(mistakes)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--live", type=int, default=100_000)
    parser.add_argument("--historical", type=int, default=0)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the corpus, database and index here (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true",
                        help="skip generation and import: search the --workdir store again")
    parser.add_argument("--skip-dedupe", action="store_true")
    parser.add_argument("--skip-search", action="store_true",
                        help="measure only the import (and the dedupe P/R)")
    args = parser.parse_args()
    print(f"CPU: {os.cpu_count()} cores shared with other engineers' work; figures are upper "
          "bounds")
    if not args.skip_dedupe:
        bench_dedupe()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_ads_"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["JOBBNAV_VAR_DIR"] = str(work / "var")
    os.environ["JOBBNAV_ENRICH_ADS"] = "0"
    from jobbnav.db import get_engine

    engine = get_engine()
    total = args.live + args.historical
    corpus = work / "ads.jsonl"
    if not args.reuse:
        _import(args, engine, corpus, total)
    engine.dispose()
    if not args.skip_search:
        _search(args, work, corpus, total)


def _import(args: argparse.Namespace, engine: Any, corpus: Path, total: int) -> None:
    from jobbnav.ads import service
    from jobbnav.ads.generator import generate
    from jobbnav.db import upgrade
    from jobbnav.taxonomy.service import import_taxonomy

    upgrade(engine)
    import_taxonomy(SHARED / "jobtech-taxonomy", SHARED / "ontology", engine=engine)
    t = time.perf_counter()
    with corpus.open("wb") as f:
        for ad in generate(total, engine=engine, shared_dir=SHARED,
                           removed_fraction=args.historical / max(1, total)):
            f.write(orjson.dumps(ad) + b"\n")
    print(f"generated {total:,} ads in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    marks = {"done": 0, "at": t, "step": max(20_000, total // 10)}

    def rate(_stage: str, _total: int | None, n: int) -> None:
        # The import rate as the store grows: printed every tenth of the corpus.
        before = marks["done"]
        marks["done"] += n
        if marks["done"] // marks["step"] > before // marks["step"]:
            now = time.perf_counter()
            print(f"  stored {marks['done']:>9,}: {marks['step'] / (now - marks['at']):,.0f} "
                  f"ads/s over the last {marks['step']:,}", flush=True)
            marks["at"] = now

    import resource

    def cpu(who: int) -> float:
        used = resource.getrusage(who)
        return used.ru_utime + used.ru_stime

    mine, writer, load = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), os.getloadavg()
    report = service.import_ads([corpus], engine=engine, enrich=False, batch_size=2000,
                                progress=rate)
    seconds = time.perf_counter() - t
    print(f"import (validate + concepts + dedupe + SQLite + tantivy, no enrichment): "
          f"{report.stored:,} stored, {report.duplicates:,} duplicates, "
          f"{len(report.rejected)} rejected, {report.stored / seconds:,.0f} ads/s "
          f"({seconds:.1f} s)")
    # A big import is three processes: it prepares batches in one child and indexes them in
    # another (the importer does the database work).
    print(f"  CPU: importer {cpu(resource.RUSAGE_SELF) - mine:.1f} s, child processes "
          f"(prepare + index writer) {cpu(resource.RUSAGE_CHILDREN) - writer:.1f} s; "
          f"load average before "
          f"{load[0]:.2f}, after {os.getloadavg()[0]:.2f}")


def _timed_pair(client: httpx.Client, ours: list[str], theirs: list[str]
                ) -> tuple[list[float], list[float]]:
    """Both servers timed request by request, alternating: load from other work on the machine
    falls on both sides alike, so their ratio holds even when the machine is busy."""
    for a, b in list(zip(ours, theirs, strict=True))[:20]:  # warm the caches
        client.get(a).raise_for_status()
        client.get(b).raise_for_status()
    mine: list[float] = []
    other: list[float] = []
    for a, b in zip(ours, theirs, strict=True):
        for url, out in ((a, mine), (b, other)):
            t = time.perf_counter()
            client.get(url).raise_for_status()
            out.append((time.perf_counter() - t) * 1000)
    return mine, other


def _start_baseline(work: Path, corpus: Path) -> tuple[subprocess.Popen[bytes], str]:
    base_dir = work / "baseline"
    base_dir.mkdir(exist_ok=True)
    for old in base_dir.iterdir():
        old.unlink()
    with (base_dir / "ads.jsonl").open("wb") as f:
        for line in corpus.open("rb"):
            ad = orjson.loads(line)
            if not ad["removed"]:
                f.write(line)
    port = _port()
    baseline = subprocess.Popen([sys.executable, "-c", BASELINE, str(base_dir), str(port)])
    _wait(f"http://127.0.0.1:{port}/?q=lager", baseline)
    return baseline, f"http://127.0.0.1:{port}"


def _search(args: argparse.Namespace, work: Path, corpus: Path, total: int) -> None:
    # The baseline indexes its copy of the live ads first, so that no indexing runs while
    # anything is timed; then both servers stay up and the shared mix is timed interleaved.
    baseline, their_base = _start_baseline(work, corpus)
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory",
                               "jobbnav.api:create_app", "--port", str(port), "--log-level",
                               "warning"], env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    _wait(f"{base}/search?limit=0", server)
    rng = random.Random(1)
    groups = ["DJh5_yyF_hEM", "oQUQ_D11_HPx", "kLyY_rwr_aJr", "Z8ci_bBE_tmx", "jY19_knH_MJp"]
    munis = ["AvNB_uwa_6n6", "PVZL_BQT_XtL", "oYPt_yRA_Smm", "otaF_bQY_4ZD", "QiGt_BLu_amP"]
    full = [f"{base}/search?q={rng.choice(WORDS)}&occupation-group={rng.choice(groups)}"
            f"&region=CifL_Rzy_Mku&municipality={rng.choice(munis)}&stats=occupation-group"
            f"&stats=municipality&limit=10" for _ in range(args.queries)]
    full = [u.replace("&region=CifL_Rzy_Mku", "") for u in full]
    mix = [f"{base}/search?q={rng.choice(WORDS)}&limit=10"
           + (f"&municipality={rng.choice(munis)}" if rng.random() < 0.5 else "")
           for _ in range(args.queries)]
    complete = [f"{base}/complete?q={w[:rng.randint(2, 4)]}" for w in
                rng.choices(WORDS, k=args.queries)]
    mix_b = [u.replace(base, their_base).replace("/search?", "/?").replace("&limit=10", "")
             for u in mix]
    try:
        with httpx.Client(timeout=30) as client:
            _summary(f"jobbnav /search q + 2 facets + stats ({args.live:,} live)",
                     _timed(client, full))
            _summary("jobbnav /complete", _timed(client, complete))
            mine_ms, theirs_ms = _timed_pair(client, mix, mix_b)
            # and in blocks, one server after the other (warm caches, no switching between
            # the two processes): the stricter comparison on a quiet machine
            mine_block = _summary("jobbnav /search mix, in a block", _timed(client, mix))
            theirs_block = _summary("plain tantivy, same mix, in a block", _timed(client, mix_b))
        mine = _summary("jobbnav /search mix (word + optional municipality)", mine_ms)
        theirs = _summary("plain tantivy + stdlib HTTP, same mix, interleaved", theirs_ms)
        import psutil

        print(f"jobbnav server RSS after the queries: "
              f"{psutil.Process(server.pid).memory_info().rss / 2**20:,.0f} MiB "
              f"({total:,} ads stored)")
    finally:
        for proc in (server, baseline):
            proc.terminate()
            proc.wait()
    print(f"jobbnav p50 / tantivy p50 = {mine['p50'] / theirs['p50']:.2f} interleaved, "
          f"{mine_block['p50'] / theirs_block['p50']:.2f} in blocks  "
          f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
