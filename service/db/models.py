"""Tables: one row per stored document, one row per reference it makes (resolved or not).

The parse result is kept whole as JSON (``plan_json``, with ``schema_version``); the other
document columns are copies of header values that listing, filtering and linking query.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    source_format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    parsed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    schema_version: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))

    doc_type: Mapped[str | None] = mapped_column(String(16))
    number: Mapped[str | None] = mapped_column(String(32))          # as written ("05")
    number_key: Mapped[str | None] = mapped_column(String(32))      # leading zeros dropped ("5")
    symbol: Mapped[str | None] = mapped_column(String(128))
    symbol_key: Mapped[str | None] = mapped_column(String(128))     # folded for matching
    issuer: Mapped[str | None] = mapped_column(String(512))
    issuer_key: Mapped[str | None] = mapped_column(String(512))     # folded, abbreviations expanded
    issued: Mapped[str | None] = mapped_column(String(16))          # partial ISO
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    movement: Mapped[str | None] = mapped_column(Text)
    movement_key: Mapped[str | None] = mapped_column(Text)          # folded, for filtering
    search_text: Mapped[str] = mapped_column(Text, default="")      # folded title/issuer/movement/symbol
    plan_json: Mapped[str] = mapped_column(Text)
    deadline_count: Mapped[int | None] = mapped_column(Integer)     # len(plan.deadlines), for the list

    references: Mapped[list[ReferenceLink]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        foreign_keys="ReferenceLink.document_id", order_by="ReferenceLink.position")

    __table_args__ = (
        Index("ix_documents_number_key_symbol_key", "number_key", "symbol_key"),
        Index("ix_documents_year", "year"),
        Index("ix_documents_issuer_key", "issuer_key"),
    )


class ReferenceLink(Base):
    """A reference made by ``document``; ``target_id`` is set once its document is stored.

    status: "resolved" (target_id set), "unresolved" (a placeholder waiting for the parent),
    "ambiguous" (several stored documents fit; ``candidates`` lists them), "unlinkable"
    (no number to match on).
    """
    __tablename__ = "reference_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)                  # index in plan.references
    relation: Mapped[str] = mapped_column(String(16))
    doc_type: Mapped[str | None] = mapped_column(String(16))
    number: Mapped[str | None] = mapped_column(String(32))
    number_key: Mapped[str | None] = mapped_column(String(32))
    symbol: Mapped[str | None] = mapped_column(String(128))
    symbol_key: Mapped[str | None] = mapped_column(String(128))
    issued: Mapped[str | None] = mapped_column(String(16))
    year: Mapped[int | None] = mapped_column(Integer)
    issuer: Mapped[str | None] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(16), default="unresolved")
    target_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    candidates: Mapped[str] = mapped_column(Text, default="[]")     # JSON list of document ids

    @property
    def candidate_ids(self) -> list[int]:
        try:
            return [int(c) for c in json.loads(self.candidates)]
        except (ValueError, TypeError):
            return []

    document: Mapped[Document] = relationship(back_populates="references", foreign_keys=[document_id])

    __table_args__ = (
        Index("ix_reference_links_document_id", "document_id"),
        Index("ix_reference_links_target_id", "target_id"),
        Index("ix_reference_links_key", "number_key", "symbol_key"),
        Index("ix_reference_links_status", "status"),
    )
