"""The ``kehoach`` command line.

    kehoach text FILE [--json]            normalised text (or the RawDocument as JSON)
    kehoach parse FILE... [--out DIR]     the contract JSON (../shared/CONTRACT.md)
    kehoach serve [--host H] [--port P] [--data-dir D] [--database-url URL]
                                          the HTTP API (migrates the database to head first)
    kehoach reparse [--data-dir D] [--database-url URL]
                                          analyse every stored document again
    kehoach check SUBPLAN [PARENT] [--json] [--stored] [--data-dir D] [--database-url URL]
                                          how far a sub-plan covers the plan it implements
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


def _settings(args: argparse.Namespace):
    from service.settings import Settings

    overrides = {k: v for k, v in (("host", getattr(args, "host", None)),
                                   ("port", getattr(args, "port", None)),
                                   ("data_dir", args.data_dir),
                                   ("database_url", args.database_url)) if v is not None}
    return Settings(**overrides)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.app import create_app

    from nlp.language import warm_up

    settings = _settings(args)
    app = create_app(settings)
    print("kehoach: loading the language models…", file=sys.stderr)
    warm_up()
    print(f"kehoach: serving on http://{settings.host}:{settings.port} "
          f"({app.state.engine.dialect.name}, data in {settings.data_dir})", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level=args.log_level)
    return 0


def cmd_reparse(args: argparse.Namespace) -> int:
    from ingest import Limits
    from service.db.session import make_engine, make_session_factory, migrate
    from service.storage import FileStore, all_ids, reparse_document

    settings = _settings(args)
    engine = make_engine(settings.effective_database_url)
    migrate(engine)
    sessions = make_session_factory(engine)
    files = FileStore(settings.files_dir)
    limits = Limits(max_bytes=settings.max_upload_bytes)
    with sessions() as session:
        ids = all_ids(session)
    failures = 0
    for n, doc_id in enumerate(ids, 1):
        with sessions() as session:
            try:
                reparse_document(session, files, doc_id, limits)
                status = "ok"
            except Exception as e:  # report and go on: the stored result stays as it was
                failures += 1
                status = f"failed: {e}"
        print(f"[{n}/{len(ids)}] document {doc_id} {status}", file=sys.stderr)
    engine.dispose()
    return 1 if failures else 0


def cmd_check(args: argparse.Namespace) -> int:
    from nlp import analyze
    from nlp.compliance import check
    from nlp.compliance.report import render
    from service import compliance
    from service.db.models import Document
    from service.db.session import make_engine, make_session_factory, migrate
    from service.storage import load_plan

    engine = None
    try:
        if args.stored or args.parent is None:
            settings = _settings(args)
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            engine = make_engine(settings.effective_database_url)
            migrate(engine)
            sessions = make_session_factory(engine)
        if args.stored:
            with sessions() as session:
                report = compliance.compliance_for(session, int(args.subplan),
                                                   int(args.parent) if args.parent else None)
        else:
            child = analyze(load(args.subplan))
            if args.parent is not None:
                parent = analyze(load(args.parent))
            else:
                with sessions() as session:
                    parent = load_plan(session.get(Document, compliance.stored_parent_for(session, child)))
            report = check(child, parent)
    except (LookupError, ValueError) as e:
        print(f"kehoach: {e}", file=sys.stderr)
        return 1
    finally:
        if engine is not None:
            engine.dispose()
    sys.stdout.write(report.model_dump_json(indent=1) + "\n" if args.json else render(report))
    return 0


def _add_storage_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path, help="files and the SQLite database (default ./var)")
    p.add_argument("--database-url", help="e.g. postgresql://user@host/db (default: SQLite in the data dir)")


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

    p = sub.add_parser("serve", help="run the HTTP API")
    p.add_argument("--host", help="default 127.0.0.1")
    p.add_argument("--port", type=int, help="default 8000")
    p.add_argument("--log-level", default="info")
    _add_storage_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("reparse", help="analyse every stored document again")
    _add_storage_options(p)
    p.set_defaults(func=cmd_reparse)

    p = sub.add_parser("check", help="how far a sub-plan covers the plan it implements")
    p.add_argument("subplan", help="the sub-plan's file (its stored id with --stored)")
    p.add_argument("parent", nargs="?", help="the parent's file or id; default: the stored plan it implements")
    p.add_argument("--json", action="store_true", help="print the ComplianceReport as JSON")
    p.add_argument("--stored", action="store_true", help="SUBPLAN and PARENT are stored document ids")
    _add_storage_options(p)
    p.set_defaults(func=cmd_check)
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
