"""What calendar feeds need from a stored document: its calendar source and its URL."""
from __future__ import annotations

from fastapi import Request

from service import calendar
from service.api.deps import base_url
from service.db.models import Document
from service.settings import Settings
from service.storage import as_utc


def calendar_source(doc: Document, url: str) -> calendar.Source:
    label = " ".join(p for p in (doc.doc_type, f"{doc.number or ''}/{doc.symbol}" if doc.symbol else None) if p)
    month = int(doc.issued[5:7]) if doc.issued and len(doc.issued) >= 7 else None
    return calendar.Source(id=doc.id, sha256=doc.sha256, url=url, label=label or doc.filename,
                           title=doc.title, year=doc.year, month=month, stamp=as_utc(doc.parsed_at))


def document_url(request: Request, settings: Settings, doc_id: int) -> str:
    return f"{base_url(request, settings)}/api/documents/{doc_id}"
