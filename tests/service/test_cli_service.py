"""`kehoach serve` and `kehoach reparse`."""
from __future__ import annotations

import pytest

from service import cli
from service.db.session import make_engine
from service.settings import Settings


def test_serve_migrates_then_runs_uvicorn_with_the_flags(tmp_path, monkeypatch):
    seen = {}

    def fake_run(app, host, port, log_level):
        seen.update(app=app, host=host, port=port)

    monkeypatch.setattr("uvicorn.run", fake_run)
    assert cli.main(["serve", "--port", "8123", "--data-dir", str(tmp_path / "var")]) == 0
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert (tmp_path / "var" / "kehoach.sqlite3").is_file()
    from sqlalchemy import inspect
    engine = make_engine(Settings(data_dir=tmp_path / "var").effective_database_url)
    assert "documents" in inspect(engine).get_table_names()
    engine.dispose()


def test_serve_takes_the_database_url_from_the_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: None)
    assert cli.main(["serve", "--data-dir", str(tmp_path / "var")]) == 0
    assert (tmp_path / "elsewhere.sqlite3").is_file()


def test_reparse_reports_progress(tmp_path, seeds, capsys):
    from fastapi.testclient import TestClient
    from service.app import create_app

    settings = Settings(data_dir=tmp_path / "var")
    names = ["000_9a1448a8e8040832.txt", "001_9e055817bc13e29e.txt"]
    with TestClient(create_app(settings)) as client:
        r = client.post("/api/documents", files=[("files", (n, (seeds / n).read_bytes())) for n in names])
        assert r.status_code == 201
    assert cli.main(["reparse", "--data-dir", str(settings.data_dir)]) == 0
    err = capsys.readouterr().err
    assert "[1/2]" in err and "[2/2]" in err


@pytest.mark.parametrize("argv", [["serve", "--port", "x"]])
def test_bad_flags_exit(argv):
    with pytest.raises(SystemExit):
        cli.main(argv)
