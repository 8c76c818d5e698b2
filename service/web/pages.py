"""The server-rendered pages: document list, upload, document page."""
from __future__ import annotations

import logging
import math
import secrets
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest import IngestError, Limits
from service import calendar, movements
from service.api.deps import MAX_ID, SessionDep, SettingsDep, base_url
from service.api.feeds import calendar_source
from service.db.models import Document
from service.settings import Settings
from service.storage import (DocumentFilter, list_documents, load_plan, read_upload, references_of,
                             store_document)
from service.web.highlight import highlight, reference_title
from service.web.labels import label, labels, vi_date

log = logging.getLogger("kehoach.web")
router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.filters["vi_date"] = vi_date
templates.env.globals["label"] = label

PAGE_SIZE = 25
# Pages load only their own scripts and styles; no inline code runs, whatever a document says.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def render(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def not_found(request: Request, doc_id: int) -> HTMLResponse:
    return render(request, "not_found.html", {"doc_id": doc_id}, status_code=404)


def doc_label(doc: Document) -> str:
    """'235/KH-UBND', or the file name when the document has no number and symbol."""
    if doc.symbol:
        return f"{doc.number}/{doc.symbol}" if doc.number else doc.symbol
    return doc.filename


templates.env.filters["doc_label"] = doc_label


def _int(value: str | None, lo: int, hi: int) -> int | None:
    if value and value.strip().isdigit():
        number = int(value)
        return number if lo <= number <= hi else None
    return None


# ---- the list -------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def document_list(request: Request, session: SessionDep, issuer: str = "", doc_type: str = "",
                  year: str = "", movement: str = "", q: str = "", page: str = "1") -> HTMLResponse:
    flt = DocumentFilter(issuer=issuer.strip()[:200] or None, doc_type=doc_type.strip()[:16] or None,
                         year=_int(year, 1900, 2100), movement=movement.strip()[:200] or None,
                         q=q.strip()[:200] or None)
    number = _int(page, 1, 100_000) or 1
    rows, total = list_documents(session, flt, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    query = {k: v for k, v in {"issuer": issuer, "doc_type": doc_type, "year": year,
                               "movement": movement, "q": q}.items() if v}
    items = [{"doc": d, "deadlines": d.deadline_count} for d in rows]
    types = [t for t in session.scalars(select(Document.doc_type).distinct().order_by(Document.doc_type)) if t]
    return render(request, "list.html", {
        "items": items, "total": total, "page": number, "pages": pages, "filters": query, "types": types,
        "prev_url": f"/?{urlencode({**query, 'page': number - 1})}" if number > 1 else None,
        "next_url": f"/?{urlencode({**query, 'page': number + 1})}" if number < pages else None})


# ---- upload ---------------------------------------------------------------------------------

@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, settings: SettingsDep) -> HTMLResponse:
    return render(request, "upload.html", {"results": None, "token_required": bool(settings.api_token),
                                           "max_bytes": settings.max_upload_bytes})


def _store_one(request: Request, session: Session, settings: Settings, item: UploadFile) -> dict:
    name = item.filename or "document"
    try:
        data = read_upload(item.file, name, settings.max_upload_bytes)
        stored = store_document(session, request.app.state.files, data, name,
                                Limits(max_bytes=settings.max_upload_bytes), request.app.state.analyze)
    except IngestError as e:
        return {"filename": name, "status": "error", "message": str(e)}
    except Exception:
        log.exception("parsing %s failed", name)
        return {"filename": name, "status": "error", "message": "không xử lý được tệp này"}
    return {"filename": name, "status": "stored" if stored.created else "duplicate", "id": stored.id}


@router.post("/upload", response_class=HTMLResponse)
def upload_form(request: Request, session: SessionDep, settings: SettingsDep,
                files: Annotated[list[UploadFile], File()] = (),
                token: Annotated[str, Form()] = "") -> HTMLResponse:
    """The form post without JavaScript: every file stored in turn, results on the page."""
    context = {"token_required": bool(settings.api_token), "max_bytes": settings.max_upload_bytes}
    if settings.api_token and not secrets.compare_digest(token.encode(), settings.api_token.encode()):
        return render(request, "upload.html", {**context, "results": None,
                                               "error": "Cần API token hợp lệ để tải lên."}, status_code=401)
    chosen = [f for f in files if f.filename][:settings.max_files_per_request]
    results = [_store_one(request, session, settings, f) for f in chosen]
    return render(request, "upload.html", {**context, "results": results,
                                           "error": None if chosen else "Chưa chọn tệp nào."})


# ---- one document ---------------------------------------------------------------------------

def _references(session: Session, plan, doc_id: int) -> list[dict]:
    rows = {r.position: r for r in references_of(session, doc_id)}
    out = []
    for i, ref in enumerate(plan.references):
        row = rows.get(i)
        status = row.status if row else "unresolved"
        target = session.get(Document, row.target_id) if row and row.target_id else None
        candidates = [session.get(Document, c) for c in row.candidate_ids] if status == "ambiguous" else []
        out.append({"index": i, "relation": ref.relation.value, "title": reference_title(ref),
                    "number": "/".join(p for p in (ref.number, ref.symbol) if p), "issuer": ref.issuer,
                    "issued": ref.issued, "status": status, "target": target,
                    "candidates": [c for c in candidates if c is not None]})
    return out


def _feeds(request: Request, settings: Settings, doc: Document, bodies: list[str]) -> dict:
    base = base_url(request, settings)

    def webcal(url: str) -> str:
        return "webcal://" + url.split("://", 1)[-1]

    ics = f"{base}/api/documents/{doc.id}/calendar.ics"
    per_body = [{"body": b, "https": f"{base}/api/calendar.ics?body={quote(b)}",
                 "webcal": webcal(f"{base}/api/calendar.ics?body={quote(b)}")} for b in bodies]
    return {"https": ics, "webcal": webcal(ics), "csv": f"{base}/api/documents/{doc.id}/deadlines.csv",
            "bodies": per_body}


def _deadlines(doc: Document, plan) -> list[dict]:
    src = calendar_source(doc, "")
    out = []
    for i, d in enumerate(plan.deadlines):
        placed = calendar.place(d, src.year, src.month)
        out.append({"anchor": f"dl-{i + 1}", "due": vi_date(d.due) or "—",
                    "date": placed.start.strftime("%d/%m/%Y") if placed else None,
                    "recurrence": label("recurrences", d.recurrence) if d.recurrence else "",
                    "approximate": d.approximate or bool(placed and placed.approximate),
                    "responsible": d.responsible, "report_to": d.report_to,
                    "action": d.action or d.text, "section": d.section})
    return out


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: int, request: Request, session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    doc = session.get(Document, doc_id) if 1 <= doc_id <= MAX_ID else None
    if doc is None:
        return not_found(request, doc_id)
    plan = load_plan(doc)
    references = _references(session, plan, doc.id)
    status_words = {r["index"]: label("link_statuses", r["status"]) for r in references}
    segments, outline = highlight(plan, status_words)
    bodies = list(dict.fromkeys(b for d in plan.deadlines for b in d.responsible))
    return render(request, "document.html", {
        "doc": doc, "plan": plan, "segments": segments, "outline": outline, "references": references,
        "tree": movements.tree(session, doc), "unanswered": movements.unanswered(session, doc),
        "deadlines": _deadlines(doc, plan), "feeds": _feeds(request, settings, doc, bodies),
        "kinds": labels()["kinds"]})


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)
