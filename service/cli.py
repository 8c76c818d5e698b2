"""The ``kehoach`` command line.

    kehoach text FILE [--json]            normalised text (or the RawDocument as JSON)
    kehoach parse FILE... [--out DIR]     the contract JSON (../shared/CONTRACT.md)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ingest import IngestError, load


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def cmd_text(args: argparse.Namespace) -> int:
    raw = load(args.file)
    if args.json:
        sys.stdout.write(raw.model_dump_json(indent=1) + "\n")
    else:
        sys.stdout.write(raw.text + "\n")
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from nlp import analyze
    from schema.contract import to_contract

    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    results = []
    for i, name in enumerate(args.files, 1):
        try:
            plan = analyze(load(name))
        except IngestError as e:
            failures += 1
            print(f"kehoach: {e} [{e.code}]", file=sys.stderr)
            continue
        contract = to_contract(plan, with_spans=args.spans)
        if out_dir:
            (out_dir / f"{Path(name).stem}.json").write_text(
                json.dumps(contract, ensure_ascii=False, indent=1), encoding="utf-8")
            if len(args.files) > 1:
                print(f"[{i}/{len(args.files)}] {name}", file=sys.stderr)
        else:
            results.append(contract)
    if not out_dir:
        _print_json(results[0] if len(results) == 1 else results)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kehoach", description="Vietnamese plan (Kế hoạch) intelligence")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("text", help="print a file's normalised text")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the RawDocument as JSON")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("parse", help="print the contract JSON of one or more plans")
    p.add_argument("files", nargs="+")
    p.add_argument("--out", help="write DIR/<stem>.json for each file")
    p.add_argument("--spans", action="store_true", help="add source spans to the values")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except IngestError as e:
        print(f"kehoach: {e} [{e.code}]", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
