"""`kehoach check SUBPLAN [PARENT]`: files, a parent found in the store, stored ids."""
from __future__ import annotations

import json
from pathlib import Path

from ingest import Limits
from service import cli
from service.db.session import make_engine, make_session_factory, migrate
from service.settings import Settings
from service.storage import FileStore, store_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compliance"
DISTRICT, PROVINCE = str(FIXTURES / "district_plan.txt"), str(FIXTURES / "province_plan.txt")


def _store(data_dir: Path, *names: str) -> list[int]:
    settings = Settings(data_dir=data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url)
    migrate(engine)
    ids = []
    with make_session_factory(engine)() as session:
        for name in names:
            ids.append(store_document(session, FileStore(settings.files_dir), (FIXTURES / name).read_bytes(),
                                      name, Limits()).id)
    engine.dispose()
    return ids


def test_check_two_files_prints_a_table_then_findings(capsys):
    assert cli.main(["check", DISTRICT, PROVINCE]) == 0
    out = capsys.readouterr().out
    assert "Mức bao quát: 75%" in out
    table = out.split("Phát hiện:")[0]
    assert any(line.startswith("missing") and "II.4" in line and "bảo vệ môi trường" in line
               for line in table.splitlines())
    assert "award_beyond_authority" in out.split("Phát hiện:")[1]


def test_check_json(capsys):
    assert cli.main(["check", DISTRICT, PROVINCE, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["coverage"] == 0.75 and report["parent"]["number"] == "120"


def test_without_parent_the_stored_one_it_implements_is_used(tmp_path, capsys):
    _store(tmp_path / "var", "province_plan.txt")
    assert cli.main(["check", DISTRICT, "--data-dir", str(tmp_path / "var"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["parent"]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Bình"


def test_without_parent_and_nothing_stored_exits_1(tmp_path, capsys):
    assert cli.main(["check", DISTRICT, "--data-dir", str(tmp_path / "var")]) == 1
    err = capsys.readouterr().err
    assert "no stored document" in err and "120/KH-UBND" in err


def test_stored_ids(tmp_path, capsys):
    province, district = _store(tmp_path / "var", "province_plan.txt", "district_plan.txt")
    assert cli.main(["check", str(district), "--stored", "--data-dir", str(tmp_path / "var"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["child"]["id"], report["parent"]["id"]) == (district, province)
    assert cli.main(["check", str(province), "--stored", "--data-dir", str(tmp_path / "var")]) == 1
