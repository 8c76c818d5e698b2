#!/usr/bin/env python3
"""Speed and memory of each ingest reader on the real documents in ../shared/realdocs.

    .venv/bin/python scripts/bench_ingest.py            # scans: first page of each
    .venv/bin/python scripts/bench_ingest.py --quick    # one pass, fewer files
    .venv/bin/python scripts/bench_ingest.py --all-scan-pages

One line per reader: files, pages (or documents) per second, peak Python allocation
(tracemalloc, measured in a second pass so tracing does not slow the timed one) and the
process's peak resident memory (getrusage).  Readers whose tools are missing are skipped.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import IngestError, Limits, load  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"


def groups(quick: bool) -> dict[str, list[Path]]:
    files = sorted(p for p in REALDOCS.iterdir() if p.suffix in {".pdf", ".docx", ".doc", ".txt"})
    out: dict[str, list[Path]] = {"pdf-text": [], "pdf-scan": [], "docx": [], "doc": [], "text": []}
    for path in files:
        if path.suffix == ".pdf":
            out["pdf-scan" if "_scan" in path.name else "pdf-text"].append(path)
        else:
            out[{".docx": "docx", ".doc": "doc", ".txt": "text"}[path.suffix]].append(path)
    if quick:
        out = {k: v[:2] if k == "pdf-scan" else v[:6] for k, v in out.items()}
    return out


def run(paths: list[Path], limits: Limits) -> tuple[int, int, list[str]]:
    pages = docs = 0
    errors = []
    for path in paths:
        try:
            raw = load(path, limits=limits)
        except IngestError as e:
            errors.append(f"{path.name}: {e.code}")
            continue
        docs += 1
        pages += len(raw.pages)
    return docs, pages, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer files, no warm-up pass")
    parser.add_argument("--all-scan-pages", action="store_true", help="OCR every page of the scans")
    args = parser.parse_args()
    if not REALDOCS.is_dir():
        print(f"no {REALDOCS}", file=sys.stderr)
        return 1
    print(f"{'reader':<10} {'files':>5} {'pages':>6} {'seconds':>8} {'rate':>16} "
          f"{'py peak MiB':>11} {'rss MiB':>8}")
    for reader, paths in groups(args.quick).items():
        if not paths:
            continue
        limits = Limits() if reader != "pdf-scan" or args.all_scan_pages else Limits(max_pages=1)
        try:
            if not args.quick and reader != "pdf-scan":
                run(paths[:1], limits)                     # warm-up: imports, caches
            started = time.perf_counter()
            docs, pages, errors = run(paths, limits)
            seconds = time.perf_counter() - started
        except ImportError as e:
            print(f"{reader:<10} skipped ({e})")
            continue
        tracemalloc.start()
        run(paths[:3], limits)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if reader == "pdf-scan":
            rate = f"{seconds / max(pages, 1):7.1f} s/page"
        elif reader == "pdf-text":
            rate = f"{pages / seconds:7.1f} pages/s"
        else:
            rate = f"{docs / seconds:8.1f} docs/s"
        note = f"  errors: {', '.join(errors)}" if errors else ""
        print(f"{reader:<10} {len(paths):>5} {pages:>6} {seconds:>8.2f} {rate:>16} {peak:>11.1f} "
              f"{rss:>8.0f}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
