#!/usr/bin/env python3
"""Benchmark of `kehoach parse`: documents/s and syllables/s per stage, and peak memory.

    .venv/bin/python scripts/bench_parse.py [FILES...] [--repeat N]

Without FILES: the seeds and the shared text plans (../shared/seeds, ../shared/realdocs/tvpl_KH_*).
Ingest is timed apart from the NLP stages; each NLP stage is timed inside nlp.analyze.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ingest  # noqa: E402
from nlp.pipeline import analyze, stage_functions  # noqa: E402

SHARED = ROOT.parent / "shared"


def default_files() -> list[Path]:
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "realdocs").glob("tvpl_KH_*.txt"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = args.files or default_files()
    if not files:
        print("no files to benchmark", file=sys.stderr)
        return 1

    # Warm-up: load vocabularies and models once, as a running service would.
    analyze(ingest.load(files[0]))

    timings: dict[str, float] = defaultdict(float)
    per_document: list[tuple[float, int]] = []   # (seconds, syllables)
    syllables = 0
    docs = 0
    for _ in range(args.repeat):
        for path in files:
            before = sum(timings.values())
            started = time.perf_counter()
            raw = ingest.load(path)
            timings["ingest"] += time.perf_counter() - started
            analyze(raw, timings)
            count = len(raw.text.split())
            per_document.append((sum(timings.values()) - before, count))
            syllables += count
            docs += 1

    # Memory apart from timing: tracemalloc slows allocation-heavy code several-fold.
    tracemalloc.start()
    for path in files:
        analyze(ingest.load(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    total = sum(timings.values())
    print(f"{docs} documents ({len(files)} files x {args.repeat}), {syllables:,} syllables, "
          f"{total:.2f} s in all")
    print(f"{'stage':14} {'seconds':>8} {'share':>6} {'docs/s':>9} {'syll/s':>11}")
    for name in ["ingest"] + [n for n, _ in stage_functions()]:
        t = timings.get(name, 0.0)
        print(f"{name:14} {t:8.3f} {t / total:6.1%} {docs / t if t else float('inf'):9.1f} "
              f"{syllables / t if t else float('inf'):11,.0f}")
    print(f"{'total':14} {total:8.3f} {1:6.1%} {docs / total:9.1f} {syllables / total:11,.0f}")
    print(f"mean per document: {total / docs * 1000:.1f} ms; peak traced memory: {peak / 2**20:.1f} MiB; "
          f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    # A typical 5-page plan is about 2,500 syllables (500 per page).
    five_pages = [t for t, n in per_document if 1_500 <= n <= 3_500]
    if five_pages:
        five_pages.sort()
        print(f"plans of 1,500-3,500 syllables (~5 pages): {len(five_pages)} runs, median "
              f"{five_pages[len(five_pages) // 2] * 1000:.0f} ms, max {five_pages[-1] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
