"""Relational storage: SQLAlchemy models, engine/session setup and migrations to head."""
from service.db.models import Base, Document, ReferenceLink
from service.db.session import make_engine, make_session_factory, migrate

__all__ = ["Base", "Document", "ReferenceLink", "make_engine", "make_session_factory", "migrate"]
