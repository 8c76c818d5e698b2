"""Storage: original files on disk by content hash, parse results and references in the DB.

Writes are all-or-nothing: a file is written under a temporary name and renamed into place;
the document row, its reference rows and the relinking it causes go in one transaction; a
failed parse or a rejected file (``IngestError``) leaves neither file nor row behind.
Re-uploading the same bytes returns the document already stored.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from typing import BinaryIO

from ingest import FileTooLarge, Limits, read_bytes
from nlp.textutil import fold
from schema.plan import PlanDocument, Reference
from service import linking
from service.db.models import Document, ReferenceLink

Analyzer = Callable[[bytes, str, Limits], PlanDocument]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
# One writer at a time in this process (SQLite has one anyway); PostgreSQL writers from other
# processes are serialised by an advisory lock, so linking always sees every committed parent.
_WRITE_LOCK = threading.Lock()
_PG_LOCK_KEY = 0x6B65686F  # "keho"


def parse_bytes(data: bytes, name: str, limits: Limits) -> PlanDocument:
    from nlp import analyze
    return analyze(read_bytes(data, name, limits))


def read_upload(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """An uploaded file's bytes, read no further than one byte past the limit."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(f"the file is larger than the limit of {max_bytes:,} bytes", source=name)
    return data


def safe_filename(name: str | None) -> str:
    """The last path component, without control or reserved characters, at most 200 chars."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip(" .")
    return base[:200] or "document"


class FileStore:
    """Original files under ``root/ab/cd/<sha256>``; the path comes from the hash alone."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes) -> tuple[str, bool]:
        """Store ``data``; returns (sha256, whether the file was new)."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if path.is_file():
            return sha, False
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha, True

    def read(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def delete(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)


@dataclass
class Stored:
    id: int
    created: bool


# ---- rows from a plan ---------------------------------------------------------------------

def _value(located) -> str | None:
    return located.value if located is not None else None


def fill_document(doc: Document, plan: PlanDocument) -> None:
    h = plan.header
    doc.schema_version = plan.schema_version
    doc.status = plan.status
    doc.source_format = plan.raw.source_format.value
    doc.doc_type = _value(h.doc_type)
    doc.number = _value(h.number)
    doc.number_key = linking.number_key(doc.number)
    doc.symbol = _value(h.symbol)
    doc.symbol_key = linking.symbol_key(doc.symbol)
    doc.issuer = _value(h.issuer)
    doc.issuer_key = linking.issuer_key(doc.issuer)
    doc.issued = _value(h.issued)
    doc.year = linking.year_of(doc.issued, doc.symbol)
    doc.title = _value(h.title)
    doc.movement = _value(plan.movement.name)
    doc.movement_key = fold(doc.movement) if doc.movement else None
    parts = [doc.filename, doc.doc_type, doc.number, doc.symbol, doc.issuer, doc.title, doc.movement,
             plan.text]
    doc.search_text = fold(" ".join(p for p in parts if p))
    doc.plan_json = plan.model_dump_json()
    doc.deadline_count = len(plan.deadlines)
    doc.parsed_at = datetime.now(timezone.utc)


def _reference_row(position: int, ref: Reference) -> ReferenceLink:
    return ReferenceLink(
        position=position, relation=ref.relation.value, doc_type=ref.doc_type, number=ref.number,
        number_key=linking.number_key(ref.number), symbol=ref.symbol,
        symbol_key=linking.symbol_key(ref.symbol), issued=ref.issued,
        year=linking.year_of(ref.issued, ref.symbol), issuer=ref.issuer,
        status=linking.UNRESOLVED, candidates="[]")


class StalePlan(Exception):
    """A stored parse result the current schema cannot read (``kehoach reparse`` renews it)."""


def load_plan(doc: Document) -> PlanDocument:
    try:
        return PlanDocument.model_validate_json(doc.plan_json)
    except ValidationError:
        raise StalePlan(f"document {doc.id} was parsed with schema {doc.schema_version}, which this "
                        f"version cannot read; run `kehoach reparse`") from None


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


# ---- linking in the database --------------------------------------------------------------

def _doc_key(doc: Document) -> linking.DocKey:
    return linking.DocKey(id=doc.id, doc_type=doc.doc_type, number_key=doc.number_key,
                          symbol_key=doc.symbol_key, year=doc.year, issued=doc.issued,
                          issuer=doc.issuer)


def _ref_key(row: ReferenceLink) -> linking.RefKey:
    return linking.RefKey(doc_type=row.doc_type, number_key=row.number_key,
                          symbol_key=row.symbol_key, year=row.year, issued=row.issued,
                          issuer=row.issuer)


def _candidates(session: Session, number_key: str | None, symbol_key: str | None) -> list[Document]:
    if not number_key or not symbol_key:
        return []
    return list(session.scalars(select(Document).where(
        Document.number_key == number_key, Document.symbol_key == symbol_key)))


def _apply(row: ReferenceLink, candidates: list[Document]) -> None:
    keys = [_doc_key(d) for d in candidates if d.id != row.document_id]
    res = linking.resolve(_ref_key(row), keys)
    row.status, row.target_id, row.candidates = res.status, res.target_id, json.dumps(res.candidates)


def resolve_reference(session: Session, ref: Reference) -> linking.Resolution:
    """The stored document(s) a reference of an unstored plan names, as a stored one's would resolve."""
    row = _reference_row(0, ref)
    return linking.resolve(_ref_key(row), [_doc_key(d) for d in _candidates(session, row.number_key, row.symbol_key)])


def relink_key(session: Session, number_key: str | None, symbol_key: str | None) -> None:
    """Re-resolve every reference with this number and symbol (a document came or went)."""
    if not number_key or not symbol_key:
        return
    candidates = _candidates(session, number_key, symbol_key)
    rows = session.scalars(select(ReferenceLink).where(
        ReferenceLink.number_key == number_key, ReferenceLink.symbol_key == symbol_key))
    for row in rows:
        _apply(row, candidates)


def _link_own_references(session: Session, doc: Document, plan: PlanDocument) -> None:
    doc.references.clear()
    session.flush()
    for i, ref in enumerate(plan.references):
        row = _reference_row(i, ref)
        row.document_id = doc.id
        doc.references.append(row)
        _apply(row, _candidates(session, row.number_key, row.symbol_key))


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})


# ---- the repository verbs -----------------------------------------------------------------

def find_by_sha(session: Session, sha256: str) -> int | None:
    return session.scalar(select(Document.id).where(Document.sha256 == sha256))


def store_document(session: Session, files: FileStore, data: bytes, filename: str,
                   limits: Limits, analyze: Analyzer = parse_bytes) -> Stored:
    """Parse and store one upload.  IngestError (bad input) propagates with nothing stored."""
    sha = hashlib.sha256(data).hexdigest()
    existing = find_by_sha(session, sha)
    session.rollback()
    if existing is not None:
        return Stored(existing, False)
    name = safe_filename(filename)
    plan = analyze(data, name, limits)
    with _WRITE_LOCK:
        try:
            _lock(session)
            existing = find_by_sha(session, sha)
            if existing is not None:
                session.rollback()
                return Stored(existing, False)
            files.put(data)
            doc = Document(sha256=sha, filename=name, size=len(data),
                           created_at=datetime.now(timezone.utc))
            fill_document(doc, plan)
            session.add(doc)
            session.flush()
            _link_own_references(session, doc, plan)
            relink_key(session, doc.number_key, doc.symbol_key)
            session.commit()
            return Stored(doc.id, True)
        except BaseException:
            session.rollback()
            if find_by_sha(session, sha) is None:
                files.delete(sha)
            session.rollback()
            raise


def delete_document(session: Session, files: FileStore, doc_id: int) -> bool:
    with _WRITE_LOCK:
        try:
            _lock(session)
            doc = session.get(Document, doc_id)
            if doc is None:
                session.rollback()
                return False
            sha, key = doc.sha256, (doc.number_key, doc.symbol_key)
            # Children that pointed here become placeholders again (or resolve to another twin).
            for row in session.scalars(select(ReferenceLink).where(ReferenceLink.target_id == doc_id)):
                row.target_id, row.status = None, linking.UNRESOLVED
            session.delete(doc)
            session.flush()
            relink_key(session, *key)
            session.commit()
        except BaseException:
            session.rollback()
            raise
    files.delete(sha)
    return True


def reparse_document(session: Session, files: FileStore, doc_id: int, limits: Limits,
                     analyze: Analyzer = parse_bytes) -> None:
    """Analyse a stored document again (a newer pipeline) and relink what changed."""
    doc = session.get(Document, doc_id)
    data = files.read(doc.sha256)
    session.rollback()
    plan = analyze(data, doc.filename, limits)
    with _WRITE_LOCK:
        try:
            _lock(session)
            doc = session.get(Document, doc_id)
            old_key = (doc.number_key, doc.symbol_key)
            fill_document(doc, plan)
            session.flush()
            _link_own_references(session, doc, plan)
            relink_key(session, *old_key)
            if (doc.number_key, doc.symbol_key) != old_key:
                relink_key(session, doc.number_key, doc.symbol_key)
            session.commit()
        except BaseException:
            session.rollback()
            raise


def all_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Document.id).order_by(Document.id)))


@dataclass
class DocumentFilter:
    issuer: str | None = None
    doc_type: str | None = None
    year: int | None = None
    movement: str | None = None
    q: str | None = None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_documents(session: Session, flt: DocumentFilter, limit: int, offset: int) -> tuple[list[Document], int]:
    query = select(Document)
    if flt.issuer:
        key = linking.issuer_key(flt.issuer) or fold(flt.issuer)
        query = query.where(Document.issuer_key.like(_like(key), escape="\\"))
    if flt.doc_type:
        query = query.where(Document.doc_type == flt.doc_type)
    if flt.year is not None:
        query = query.where(Document.year == flt.year)
    if flt.movement:
        query = query.where(Document.movement_key.like(_like(fold(flt.movement)), escape="\\"))
    if flt.q:
        for word in fold(flt.q).split():
            query = query.where(Document.search_text.like(_like(word), escape="\\"))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(Document.id.desc()).limit(limit).offset(offset))
    return list(rows), total or 0


def references_of(session: Session, doc_id: int) -> list[ReferenceLink]:
    return list(session.scalars(select(ReferenceLink).where(ReferenceLink.document_id == doc_id)
                                .order_by(ReferenceLink.position)))


def count_documents(session: Session) -> int:
    return session.scalar(select(func.count(Document.id))) or 0


__all__ = ["FileStore", "Stored", "store_document", "delete_document", "reparse_document",
           "list_documents", "DocumentFilter", "references_of", "load_plan", "safe_filename",
           "parse_bytes", "all_ids", "count_documents", "summary", "StalePlan", "as_utc"]


def summary(doc: Document) -> dict:
    """The listing view of a stored document."""
    return {
        "id": doc.id, "sha256": doc.sha256, "filename": doc.filename,
        "source_format": doc.source_format, "size": doc.size,
        "created_at": as_utc(doc.created_at).isoformat() if doc.created_at else None,
        "schema_version": doc.schema_version, "status": doc.status, "doc_type": doc.doc_type,
        "number": doc.number, "symbol": doc.symbol, "issuer": doc.issuer, "issued": doc.issued,
        "year": doc.year, "title": doc.title, "movement": doc.movement,
    }
