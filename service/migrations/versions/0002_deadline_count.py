"""How many deadlines each document has, so the list page need not read every parse result.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
import json

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("deadline_count", sa.Integer))
    conn = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("plan_json", sa.Text),
                         sa.column("deadline_count", sa.Integer))
    for doc_id, plan_json in conn.execute(sa.select(documents.c.id, documents.c.plan_json)).all():
        try:
            count = len(json.loads(plan_json).get("deadlines") or [])
        except (ValueError, AttributeError):
            count = None            # unreadable: the list shows no count until `kehoach reparse`
        conn.execute(documents.update().where(documents.c.id == doc_id).values(deadline_count=count))


def downgrade() -> None:
    op.drop_column("documents", "deadline_count")
