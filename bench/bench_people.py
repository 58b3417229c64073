"""People benchmark: a consented profile read over HTTP (consent check + audit append).

Starts the whole app with uvicorn on 127.0.0.1 (a free port, in this process), loads the demo
accounts into a fresh temporary database, and times, with one keep-alive HTTP client:
  - GET /v1/persons/{id}/profile?purpose=case_work by a case worker's API key
    (key check, rate limit, consent lookup, profile read, hash-chained audit append + commit)
  - GET /v1/me/profile by the job seeker (own read, also audited)
  - PUT /v1/me/profile (validation, masking, write + audit in one transaction)
  - PATCH /v1/me/profile (the same, merged onto the stored profile)
  - POST /v1/requests for an existing and for a non-existent subject (the two must not be
    told apart: same status and body shape, and timings of the same order)
then `audit verify` over the whole log. Prints p50/p95/p99 in ms. Bounded: N requests each.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time

N = int(os.environ.get("BENCH_PEOPLE_N", "600"))


def _percentiles(samples: list[float]) -> str:
    s = sorted(samples)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000  # noqa: E731
    return (f"p50 {statistics.median(s) * 1000:6.2f} ms   p95 {pick(0.95):6.2f} ms   "
            f"p99 {pick(0.99):6.2f} ms   (n={len(s)})")


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="bench-people-")
    os.environ["JOBBNAV_VAR_DIR"] = tmp
    os.environ.pop("JOBBNAV_DATABASE_URL", None)
    os.environ["JOBBNAV_PEOPLE_API_KEY_REQUESTS_PER_MINUTE"] = "1000000"
    import httpx
    import uvicorn

    from jobbnav.api import create_app
    from jobbnav.db import get_engine, upgrade
    from jobbnav.people import accounts
    from jobbnav.people.audit import verify
    from jobbnav.people.model import Actor
    from jobbnav.people.service import load_demo

    engine = get_engine()
    upgrade(engine)
    load_demo(engine=engine)
    anna = accounts.find_account("anna", engine=engine)["id"]
    cw_key = accounts.create_api_key(Actor.operator(), accounts.find_account(
        "handlaggare", engine=engine)["id"], label="bench", engine=engine)[1]
    anna_key = accounts.create_api_key(Actor.operator(), anna, label="bench", engine=engine)[1]

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(warm=False), host="127.0.0.1",
                                           port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    print(f"people benchmark: {N} requests per case, uvicorn on {base}, SQLite WAL in {tmp}")
    print("machine: 2 cores shared with other work (figures are upper bounds)")
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            cases = [
                ("consented read (case worker, API key)", "GET",
                 f"/v1/persons/{anna}/profile?purpose=case_work", cw_key, None),
                ("own profile read (job seeker)", "GET", "/v1/me/profile", anna_key, None),
                ("own profile write (job seeker)", "PUT", "/v1/me/profile", anna_key,
                 {"summary": "Utvecklare, ring 811218-9876", "visibility": "anonymous"}),
                ("own profile patch (job seeker)", "PATCH", "/v1/me/profile", anna_key,
                 {"summary": "Utvecklare", "search": {"remote": "partly"}}),
                ("data request, existing subject", "POST", "/v1/requests", cw_key,
                 {"subject": "anna", "purpose": "case_work", "scope": ["skills"]}),
                ("data request, no such subject", "POST", "/v1/requests", cw_key,
                 {"subject": "nobody-here", "purpose": "case_work", "scope": ["skills"]}),
            ]
            for label, method, path, key, body in cases:
                headers = {"Authorization": f"Bearer {key}"}
                for _ in range(20):  # warm-up
                    client.request(method, path, headers=headers, json=body)
                samples = []
                for _ in range(N):
                    t0 = time.perf_counter()
                    r = client.request(method, path, headers=headers, json=body)
                    samples.append(time.perf_counter() - t0)
                    if r.status_code not in (200, 202):
                        sys.exit(f"{label}: HTTP {r.status_code} {r.text[:200]}")
                print(f"{label:<40} {_percentiles(samples)}")
        t0 = time.perf_counter()
        report = verify(engine)
        elapsed = time.perf_counter() - t0
        print(f"{'audit verify (whole chain)':<40} {report.entries} entries in "
              f"{elapsed * 1000:.0f} ms ({report.entries / elapsed:,.0f} entries/s), "
              f"ok={report.ok}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
