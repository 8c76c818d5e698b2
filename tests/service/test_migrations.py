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
