"""/api/documents: upload, list and search, read (contract JSON, source, parts), delete."""
from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, HTTPException, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from sqlalchemy import select

from ingest import IngestError, Limits
from schema.contract import to_contract
from service import calendar, movements
from service.api.deps import DocumentDep, FilesDep, SessionDep, SettingsDep, WriteAccess
from service.api.feeds import calendar_source, document_url
from service.api.schemas import (Deadlines, DocumentDetail, DocumentList, ErrorResponse, InvalidRequest, Links,
                                 Sections, Tree, Unanswered, UploadError, UploadResult)
from service.db.models import Document, ReferenceLink
from service.storage import (DocumentFilter, delete_document, list_documents, load_plan, read_upload,
                             references_of, store_document, summary)

log = logging.getLogger("kehoach.api")
router = APIRouter(prefix="/documents", tags=["documents"])

NOT_FOUND = {404: {"model": ErrorResponse, "description": "No such document"}}
WRITE = {401: {"model": ErrorResponse, "description": "API token missing or wrong"}}

MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "pdf": "application/pdf",
}
_IMAGE_MAGIC = [(b"\x89PNG", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"II*\x00", "image/tiff"),
                (b"MM\x00*", "image/tiff"), (b"GIF8", "image/gif"), (b"BM", "image/bmp")]


def _media_type(fmt: str, data: bytes) -> str:
    if fmt in MEDIA_TYPES:
        return MEDIA_TYPES[fmt]
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((mt for magic, mt in _IMAGE_MAGIC if data.startswith(magic)), "application/octet-stream")


def _links(session, doc_id: int) -> list[dict]:
    return [{"position": r.position, "relation": r.relation, "doc_type": r.doc_type, "number": r.number,
             "symbol": r.symbol, "issued": r.issued, "issuer": r.issuer, "status": r.status,
             "target_id": r.target_id, "candidates": r.candidate_ids}
            for r in references_of(session, doc_id)]


@router.post("", response_model=UploadResult, status_code=201, dependencies=[WriteAccess],
             responses={**WRITE, 400: {"model": ErrorResponse, "description": "Malformed multipart body"},
                        200: {"model": UploadResult, "description": "All files were stored already"},
                        413: {"model": UploadResult | ErrorResponse,
                              "description": "A file, or the whole request, is too large"},
                        422: {"model": UploadResult | InvalidRequest,
                              "description": "No file could be read, or the request is malformed"},
                        500: {"model": UploadResult, "description": "Processing failed"}})
def upload_documents(request: Request, session: SessionDep, store: FilesDep, settings: SettingsDep,
                     files: Annotated[list[UploadFile], File(description="One or more plans")]):
    """Store one or many files; bad files are reported one by one while good ones are stored."""
    if len(files) > settings.max_files_per_request:
        raise HTTPException(413, f"at most {settings.max_files_per_request} files per request")
    limits = Limits(max_bytes=settings.max_upload_bytes)
    analyze = request.app.state.analyze
    stored, errors = [], []
    for item in files:
        name = item.filename or "document"
        try:
            data = read_upload(item.file, name, settings.max_upload_bytes)
            result = store_document(session, store, data, name, limits, analyze)
        except IngestError as e:
            errors.append(UploadError(filename=name, code=e.code, message=str(e)))
            continue
        except Exception:
            log.exception("parsing %s failed", name)
            errors.append(UploadError(filename=name, code="internal_error",
                                      message="the document could not be processed"))
            continue
        doc = session.get(Document, result.id)
        stored.append({"id": doc.id, "filename": doc.filename, "sha256": doc.sha256, "created": result.created})
    body = UploadResult(documents=stored, errors=errors).model_dump()
    if stored:
        status = 201 if any(s["created"] for s in stored) else 200
    elif any(e.code == "internal_error" for e in errors):
        status = 500
    elif any(e.code == "file_too_large" for e in errors):
        status = 413
    else:
        status = 422
    return JSONResponse(body, status_code=status)


@router.get("", response_model=DocumentList)
def list_all(session: SessionDep, settings: SettingsDep,
             issuer: Annotated[str | None, Query(max_length=200)] = None,
             doc_type: Annotated[str | None, Query(max_length=16)] = None,
             year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
             movement: Annotated[str | None, Query(max_length=200)] = None,
             q: Annotated[str | None, Query(max_length=200, description="words anywhere in the text")] = None,
             limit: Annotated[int, Query(ge=1, le=200)] = 50,
             offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> DocumentList:
    flt = DocumentFilter(issuer=issuer, doc_type=doc_type, year=year, movement=movement, q=q)
    rows, total = list_documents(session, flt, min(limit, settings.page_size_max), offset)
    return DocumentList(total=total, limit=limit, offset=offset, items=[summary(d) for d in rows])


@router.get("/{doc_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_one(doc: DocumentDep, session: SessionDep):
    plan = load_plan(doc)
    contract = to_contract(plan, with_spans=True)
    return {"id": doc.id, "meta": summary(doc), **contract, "links": _links(session, doc.id),
            "issues": [i.model_dump() for i in plan.issues]}


@router.delete("/{doc_id}", status_code=204, dependencies=[WriteAccess], responses={**NOT_FOUND, **WRITE})
def delete_one(doc: DocumentDep, session: SessionDep, files: FilesDep) -> Response:
    delete_document(session, files, doc.id)
    return Response(status_code=204)


@router.get("/{doc_id}/source", responses={**NOT_FOUND, 200: {
    "description": "The original file", "content": {"application/octet-stream": {}}}},
            response_class=Response)
def source(doc: DocumentDep, files: FilesDep) -> Response:
    try:
        data = files.read(doc.sha256)
    except FileNotFoundError:
        raise HTTPException(404, "the original file is missing from the store") from None
    disposition = f"inline; filename*=UTF-8''{quote(doc.filename)}"
    return Response(data, media_type=_media_type(doc.source_format, data),
                    headers={"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"})


@router.get("/{doc_id}/sections", response_model=Sections, responses=NOT_FOUND)
def sections(doc: DocumentDep) -> Sections:
    plan = load_plan(doc)
    return Sections(document_id=doc.id, sections=[s.model_dump(mode="json") for s in plan.sections],
                    appendices=[s.model_dump(mode="json") for s in plan.appendices])


@router.get("/{doc_id}/deadlines", response_model=Deadlines, responses=NOT_FOUND)
def deadlines(doc: DocumentDep) -> Deadlines:
    plan = load_plan(doc)
    src = calendar_source(doc, "")
    out = []
    for i, d in enumerate(plan.deadlines):
        p = calendar.place(d, src.year, src.month)
        out.append({"index": i, "due": d.due, "date": p.start.isoformat() if p else None,
                    "recurrence": d.recurrence, "rrule": p.rrule if p else None,
                    "approximate": p.approximate if p else d.approximate,
                    "responsible": d.responsible, "report_to": d.report_to, "action": d.action,
                    "section": d.section, "text": d.text, "span": [d.span.start, d.span.end],
                    "uid": calendar.uid_for(doc.sha256, i, d)})
    return Deadlines(document_id=doc.id, deadlines=out)


@router.get("/{doc_id}/links", response_model=Links, responses=NOT_FOUND)
def links(doc: DocumentDep, session: SessionDep) -> Links:
    rows = session.execute(select(ReferenceLink, Document).join(Document, Document.id == ReferenceLink.document_id)
                           .where(ReferenceLink.target_id == doc.id).order_by(Document.id))
    cited_by = [{"document_id": d.id, "relation": r.relation, "issuer": d.issuer, "number": d.number,
                 "symbol": d.symbol} for r, d in rows]
    return Links(document_id=doc.id, references=_links(session, doc.id), cited_by=cited_by)


@router.get("/{doc_id}/tree", response_model=Tree, responses=NOT_FOUND)
def tree(doc: DocumentDep, session: SessionDep):
    return movements.tree(session, doc)


@router.get("/{doc_id}/unanswered", response_model=Unanswered, responses=NOT_FOUND)
def unanswered(doc: DocumentDep, session: SessionDep):
    return movements.unanswered(session, doc)


@router.get("/{doc_id}/calendar.ics", response_class=Response, responses={**NOT_FOUND, 200: {
    "description": "iCalendar (RFC 5545)", "content": {"text/calendar": {}}}})
def document_calendar(doc: DocumentDep, request: Request, settings: SettingsDep) -> Response:
    plan = load_plan(doc)
    src = calendar_source(doc, document_url(request, settings, doc.id))
    name = f"Kế hoạch {doc.number or ''}/{doc.symbol}" if doc.symbol else doc.filename
    ics = calendar.build_calendar(name, ((src, i, d) for i, d in enumerate(plan.deadlines)))
    return Response(ics, media_type="text/calendar; charset=utf-8")


@router.get("/{doc_id}/deadlines.csv", response_class=Response, responses={**NOT_FOUND, 200: {
    "description": "Deadlines as CSV", "content": {"text/csv": {}}}})
def document_csv(doc: DocumentDep, request: Request, settings: SettingsDep) -> Response:
    plan = load_plan(doc)
    src = calendar_source(doc, document_url(request, settings, doc.id))
    body = calendar.deadlines_csv((src, i, d) for i, d in enumerate(plan.deadlines))
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="deadlines-{doc.id}.csv"'})
