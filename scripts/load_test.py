#!/usr/bin/env python3
"""Load test: N distinct plans uploaded by M concurrent clients, then read back.

    python scripts/load_test.py                       # starts a server on a free loopback port
    python scripts/load_test.py --url http://127.0.0.1:8000 --n 500 --clients 16

Documents are the seed plans, each made unique by one added line.  Prints throughput and
p50/p95 latencies; exits non-zero when a request failed or the row count is off.
Only loopback addresses are accepted.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"


def require_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        sys.exit(f"load_test: {url} is not a loopback address")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, database_url: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--data-dir", str(data_dir),
           "--log-level", "warning"]
    if database_url:
        cmd += ["--database-url", database_url]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"load_test: the server exited: {proc.stderr.read()[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    sys.exit("load_test: the server did not come up within 60 s")


def documents(seeds: Path, n: int, run_id: str) -> list[tuple[str, bytes]]:
    texts = [p.read_bytes() for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        sys.exit(f"load_test: no seed plans in {seeds}")
    return [(f"load-{run_id}-{i:05d}.txt", texts[i % len(texts)] + f"\nMã tải lên: {run_id}-{i}\n".encode())
            for i in range(n)]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_phase(name: str, jobs: list, clients: int, work) -> tuple[list[float], list[str], list, float]:
    """Run ``work(client, job)`` for every job on ``clients`` threads; latencies, failures, results."""
    todo: queue.Queue = queue.Queue()
    for job in jobs:
        todo.put(job)
    latencies, failures, results = [], [], []
    lock = threading.Lock()

    def worker():
        with httpx.Client(timeout=120) as client:
            while True:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    ok, result = work(client, job)
                except httpx.HTTPError as e:
                    ok, result = False, f"{type(e).__name__}: {e}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    (results if ok else failures).append(result)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    print(f"{name:8} {len(jobs):6d} requests  {wall:7.2f} s  {len(jobs) / wall:8.1f} req/s  "
          f"p50 {percentile(latencies, .5) * 1000:7.1f} ms  p95 {percentile(latencies, .95) * 1000:7.1f} ms  "
          f"max {max(latencies, default=0) * 1000:7.1f} ms  failed {len(failures)}")
    return latencies, failures, results, wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="a running server (loopback only); default: start one")
    ap.add_argument("--n", type=int, default=200, help="documents to upload (default 200)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--database-url", help="for the started server (default: SQLite in a temp dir)")
    ap.add_argument("--token", default=os.environ.get("KEHOACH_API_TOKEN"))
    args = ap.parse_args(argv)

    proc = None
    tmp = None
    if args.url:
        url = args.url.rstrip("/")
    else:
        tmp = tempfile.TemporaryDirectory(prefix="kehoach-load-")
        proc, url = start_server(Path(tmp.name) / "var", args.database_url)
    require_loopback(url)
    headers = {"Authorization": f"Bearer {args.token}"} if args.token else {}
    try:
        before = httpx.get(f"{url}/api/health", timeout=10).json()["documents"]
        docs = documents(args.seeds, args.n, f"{time.time_ns():x}")
        print(f"load_test: {url}, {args.n} documents, {args.clients} clients, "
              f"{sum(len(d) for _, d in docs) / 1024:.0f} KiB")

        def upload(client, doc):
            name, data = doc
            r = client.post(f"{url}/api/documents", files=[("files", (name, data, "text/plain"))], headers=headers)
            body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
            if r.status_code != 201 or body.get("errors"):
                return False, f"{name}: HTTP {r.status_code} {r.text[:200]}"
            return True, body["documents"][0]["id"]

        _, up_failures, ids, _ = run_phase("upload", docs, args.clients, upload)

        def read(client, doc_id):
            r = client.get(f"{url}/api/documents/{doc_id}")
            return r.status_code == 200, doc_id if r.status_code == 200 else f"{doc_id}: HTTP {r.status_code}"

        _, read_failures, _, _ = run_phase("read", ids, args.clients, read)

        def listing(client, page):
            r = client.get(f"{url}/api/documents", params={"q": "kế hoạch", "limit": 50, "offset": page * 50})
            return r.status_code == 200, page

        _, list_failures, _, _ = run_phase("search", list(range(max(1, args.n // 50))), args.clients, listing)

        started = time.perf_counter()
        r = httpx.get(f"{url}/api/calendar.ics", timeout=120)
        print(f"calendar {len(r.content) / 1024:.0f} KiB of all deadlines in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms, HTTP {r.status_code}")
        after = httpx.get(f"{url}/api/health", timeout=10).json()["documents"]
        failures = up_failures + read_failures + list_failures
        for f in failures[:10]:
            print(f"  failed: {f}", file=sys.stderr)
        print(f"rows: {before} before, {after} after, {after - before} added, {args.n} expected")
        assert not failures, f"{len(failures)} requests failed"
        assert after - before == args.n, "row count does not match the uploads"
        assert len(set(ids)) == args.n, "two uploads got the same id"
        print("load_test: OK")
        return 0
    except AssertionError as e:
        print(f"load_test: FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
