#!/usr/bin/env python3
"""Evaluate ``nlp.compliance.check`` against labelled parent/child pairs.

    .venv/bin/python scripts/eval_compliance.py [corpus/compliance/pairs.yaml] [--json]
        [--split dev|heldout] [--pairs ID,ID]

pairs.yaml (paths relative to its folder)::

    {version: 1, pairs: [{id, split: dev|heldout, parent: docs/x, child: docs/y, kind,
      items: [{id, parent_quote, status: covered|partial|missing, child_quote, note}],
      findings: [{kind: late_deadline|on_time_deadline|award_beyond_authority|award_within_authority,
                  child_quote, parent_quote, note}]}]}

Items: a label is the ItemResult whose parent span overlaps the first occurrence of its
parent_quote; "missing" is the positive class (predicted = status missing).  Findings: a
label is matched when a predicted finding of its kind has a child span overlapping the
child_quote; on_time_deadline / award_within_authority labels are negatives of
late_deadline / award_beyond_authority.  Predicted findings near no label are counted apart.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

NEGATIVE_OF = {"on_time_deadline": "late_deadline", "award_within_authority": "award_beyond_authority"}
FINDING_KINDS = ["late_deadline", "award_beyond_authority"]
STATUSES = ["covered", "partial", "missing"]


def find_quote(text: str, quote: str | None) -> tuple[int, int] | None:
    """The first occurrence of ``quote`` in ``text``, spacing and case aside."""
    if not quote or not quote.strip():
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    m = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return a[0] < end and start < a[1]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


class Tally:
    def __init__(self):
        self.items = Counter()                  # tp/fp/fn for "missing"
        self.confusion = Counter()              # (label, predicted)
        self.findings = {k: Counter() for k in FINDING_KINDS}
        self.unlabelled = Counter()             # predicted findings near no label
        self.unplaced = 0                       # labels whose quote is not in the text

    def add_items(self, labels: list[dict], report, parent_text: str) -> None:
        for lab in labels:
            pos = find_quote(parent_text, lab.get("parent_quote"))
            if pos is None:
                self.unplaced += 1
                continue
            hit = next((it for it in report.items if overlaps(pos, it.span.start, it.span.end)), None)
            predicted = hit.status.value if hit else "unmatched"
            self.confusion[(lab["status"], predicted)] += 1
            gold, pred = lab["status"] == "missing", predicted == "missing"
            self.items["tp" if gold and pred else "fp" if pred else "fn" if gold else "tn"] += 1

    def add_findings(self, labels: list[dict], report, child_text: str) -> None:
        placed = []
        for lab in labels:
            kind = NEGATIVE_OF.get(lab["kind"], lab["kind"])
            if kind not in self.findings:
                continue
            pos = find_quote(child_text, lab.get("child_quote"))
            if pos is None:
                self.unplaced += 1
                continue
            placed.append((kind, pos))
            found = any(f.kind.value == kind and f.child_span and overlaps(pos, f.child_span.start, f.child_span.end)
                        for f in report.findings)
            positive = lab["kind"] == kind
            self.findings[kind]["tp" if positive and found else "fp" if found else "fn" if positive else "tn"] += 1
        for f in report.findings:
            if f.kind.value in self.findings and f.child_span and not any(
                    k == f.kind.value and overlaps(pos, f.child_span.start, f.child_span.end) for k, pos in placed):
                self.unlabelled[f.kind.value] += 1

    def summary(self) -> dict:
        return {
            "items_missing": prf(self.items["tp"], self.items["fp"], self.items["fn"]),
            "findings": {k: prf(c["tp"], c["fp"], c["fn"]) for k, c in self.findings.items()},
            "unlabelled_findings": dict(self.unlabelled),
            "confusion": {lab: {pred: n for (l2, pred), n in sorted(self.confusion.items()) if l2 == lab}
                          for lab in STATUSES},
            "unplaced_labels": self.unplaced,
        }


def select(pairs: list[dict], split: str | None = None, ids: list[str] | None = None) -> list[dict]:
    """The pairs of one ``split`` (the pair's ``split`` field) and/or with the given ``ids``."""
    if ids:
        unknown = set(ids) - {p["id"] for p in pairs}
        if unknown:
            raise ValueError(f"unknown pair ids: {', '.join(sorted(unknown))}")
    return [p for p in pairs if (split is None or p.get("split") == split) and (not ids or p["id"] in ids)]


def evaluate(pairs_path: Path, analyze_file=None, split: str | None = None,
             ids: list[str] | None = None) -> dict:
    """Run the check on the (selected) pairs of ``pairs_path``; the summary and one line per pair."""
    from nlp.compliance import check
    if analyze_file is None:
        from ingest import load
        from nlp import analyze
        analyze_file = lambda p: analyze(load(p))  # noqa: E731
    data = yaml.safe_load(pairs_path.read_text(encoding="utf-8"))
    base = pairs_path.parent
    tally, per_pair = Tally(), []
    for pair in select(data.get("pairs", []), split, ids):
        parent, child = analyze_file(base / pair["parent"]), analyze_file(base / pair["child"])
        report = check(child, parent)
        tally.add_items(pair.get("items") or [], report, parent.text)
        tally.add_findings(pair.get("findings") or [], report, child.text)
        per_pair.append({"id": pair["id"], "coverage": report.coverage, "counts": report.counts})
    return {"pairs": per_pair, **tally.summary()}


def _fmt(x) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def render(result: dict) -> str:
    out = [f"{len(result['pairs'])} pairs"]
    rows = [("items: missing", result["items_missing"])] + list(result["findings"].items())
    out.append(f"{'':26} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn")
    for name, m in rows:
        out.append(f"{name:26} {_fmt(m['precision'])} {_fmt(m['recall'])} {_fmt(m['f1'])}  "
                   f"{m['tp']:3} {m['fp']:3} {m['fn']:3}")
    out.append("confusion (label → predicted):")
    for lab, preds in result["confusion"].items():
        out.append(f"  {lab:8} " + ", ".join(f"{p}={n}" for p, n in preds.items()))
    if result["unlabelled_findings"]:
        out.append("predicted findings with no label: " + ", ".join(
            f"{k}={v}" for k, v in result["unlabelled_findings"].items()))
    if result["unplaced_labels"]:
        out.append(f"labels whose quote was not found: {result['unplaced_labels']}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pairs", nargs="?", default=str(ROOT / "corpus" / "compliance" / "pairs.yaml"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--split", choices=["dev", "heldout"], help="only the pairs of this split")
    ap.add_argument("--pairs", dest="ids", help="only these pair ids (comma separated)")
    args = ap.parse_args(argv)
    ids = [x.strip() for x in args.ids.split(",") if x.strip()] if args.ids else None
    result = evaluate(Path(args.pairs), split=args.split, ids=ids)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n" if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
