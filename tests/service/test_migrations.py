"""Alembic: head creates what the models declare; migrating twice is a no-op."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.config import Config
from sqlalchemy import inspect

from service.db.models import Base
from service.db.session import MIGRATIONS, make_engine, migrate


def test_migrations_reach_head_and_match_the_models(database_url):
    engine = make_engine(database_url)
    try:
        migrate(engine)
        migrate(engine)                                  # already at head: nothing to do
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn)
            assert ctx.get_current_revision() == head
            assert compare_metadata(ctx, Base.metadata) == []
        assert {"documents", "reference_links"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_0002_counts_the_deadlines_of_documents_stored_before_it(database_url):
    from alembic import command
    from sqlalchemy import text

    engine = make_engine(database_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        migrate(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            rows = [(1, "a" * 64, '{"deadlines": [{"due": "2026-11-30"}, {"due": "--11-10"}]}'),
                    (2, "b" * 64, "not json")]
            for doc_id, sha, plan_json in rows:
                conn.execute(text(
                    "INSERT INTO documents (id, sha256, filename, source_format, size, created_at, parsed_at, "
                    "schema_version, status, search_text, plan_json) VALUES (:id, :sha, 'f.txt', 'txt', 1, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '1', 'ok', '', :plan)"),
                    {"id": doc_id, "sha": sha, "plan": plan_json})
        migrate(engine)
        with engine.connect() as conn:
            counts = dict(conn.execute(text("SELECT id, deadline_count FROM documents ORDER BY id")).all())
        assert counts == {1: 2, 2: None}
    finally:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM documents"))
        engine.dispose()
