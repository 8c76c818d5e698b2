"""Service fixtures: apps and sessions over SQLite or a real PostgreSQL, and plan factories."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from plan_factories import FakeAnalyzer
from service.app import create_app
from service.db.session import make_engine, make_session_factory, migrate
from service.settings import Settings
from service.storage import FileStore

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
START_PG = ROOT / "scripts" / "start-test-postgres.sh"


def _postgres_binaries() -> bool:
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) or shutil.which("initdb") is not None


@pytest.fixture(scope="session")
def postgres_url():
    """KEHOACH_TEST_POSTGRES_URL, or a throwaway cluster when running as root with PostgreSQL
    installed; otherwise skipped locally and failed in CI."""
    url = os.environ.get("KEHOACH_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    if os.geteuid() != 0 or not _postgres_binaries():
        message = ("no PostgreSQL for the storage tests: set KEHOACH_TEST_POSTGRES_URL, or run as root "
                   "with postgresql installed (scripts/install-system-deps.sh)")
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    cluster = tempfile.mkdtemp(prefix="kehoach-pg.", dir="/tmp")
    started = subprocess.run(["bash", str(START_PG), cluster], capture_output=True, text=True, timeout=120)
    if started.returncode != 0:
        subprocess.run(["bash", str(START_PG), "stop", cluster], capture_output=True, timeout=60)
        message = f"start-test-postgres.sh failed: {started.stderr.strip()[-500:]}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(START_PG), "stop", cluster], capture_output=True, timeout=60)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """Each storage test runs on both backends (PostgreSQL emptied before each test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE reference_links, documents RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def analyzer() -> FakeAnalyzer:
    return FakeAnalyzer()


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    return Settings(data_dir=tmp_path / "var", database_url=database_url)


@pytest.fixture
def sqlite_settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "var")


@pytest.fixture
def store(settings):
    """(session factory, FileStore) over a migrated database."""
    engine = make_engine(settings.effective_database_url)
    migrate(engine)
    yield make_session_factory(engine), FileStore(settings.files_dir)
    engine.dispose()


def _client(settings: Settings, analyzer: FakeAnalyzer):
    app = create_app(settings, analyze=analyzer)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture
def client(sqlite_settings, analyzer):
    """The API over SQLite (the fast default)."""
    yield from _client(sqlite_settings, analyzer)


@pytest.fixture
def any_client(settings, analyzer):
    """The API over each backend."""
    yield from _client(settings, analyzer)
