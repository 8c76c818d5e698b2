"""/api/documents/{id}/compliance: how far a stored sub-plan covers the plan it implements."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from schema.compliance import ComplianceReport
from service.api.deps import MAX_ID, DocumentDep, SessionDep
from service.api.schemas import ErrorResponse
from service.compliance import AmbiguousParent, NoParent, UnknownDocument, compliance_for

router = APIRouter(prefix="/documents", tags=["compliance"])


@router.get("/{doc_id}/compliance", response_model=ComplianceReport, responses={
    404: {"model": ErrorResponse, "description": "No such document, or no parent linked or given"},
    409: {"model": ErrorResponse, "description": "Several stored documents fit the parent reference, "
                                                 "or a stored parse is too old"}})
def compliance(doc: DocumentDep, session: SessionDep,
               parent: Annotated[int | None, Query(ge=1, le=MAX_ID, description="the parent's id; "
                                                   "default: the document its implements reference names")] = None):
    """Check the document against its parent: citation, movement, coverage, tasks, deadlines, awards."""
    try:
        return compliance_for(session, doc.id, parent)
    except (UnknownDocument, NoParent) as e:
        raise HTTPException(status_code=404, detail=str(e)) from None
    except AmbiguousParent as e:
        raise HTTPException(status_code=409, detail=str(e)) from None
