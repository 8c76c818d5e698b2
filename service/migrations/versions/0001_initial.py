"""Documents and their references.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("source_format", sa.String(16), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parsed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("schema_version", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("doc_type", sa.String(16)),
        sa.Column("number", sa.String(32)),
        sa.Column("number_key", sa.String(32)),
        sa.Column("symbol", sa.String(128)),
        sa.Column("symbol_key", sa.String(128)),
        sa.Column("issuer", sa.String(512)),
        sa.Column("issuer_key", sa.String(512)),
        sa.Column("issued", sa.String(16)),
        sa.Column("year", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("movement", sa.Text),
        sa.Column("movement_key", sa.Text),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("plan_json", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_number_key_symbol_key", "documents", ["number_key", "symbol_key"])
    op.create_index("ix_documents_year", "documents", ["year"])
    op.create_index("ix_documents_issuer_key", "documents", ["issuer_key"])

    op.create_table(
        "reference_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("doc_type", sa.String(16)),
        sa.Column("number", sa.String(32)),
        sa.Column("number_key", sa.String(32)),
        sa.Column("symbol", sa.String(128)),
        sa.Column("symbol_key", sa.String(128)),
        sa.Column("issued", sa.String(16)),
        sa.Column("year", sa.Integer),
        sa.Column("issuer", sa.String(512)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL")),
        sa.Column("candidates", sa.Text, nullable=False),
    )
    op.create_index("ix_reference_links_document_id", "reference_links", ["document_id"])
    op.create_index("ix_reference_links_target_id", "reference_links", ["target_id"])
    op.create_index("ix_reference_links_key", "reference_links", ["number_key", "symbol_key"])
    op.create_index("ix_reference_links_status", "reference_links", ["status"])


def downgrade() -> None:
    op.drop_table("reference_links")
    op.drop_table("documents")
