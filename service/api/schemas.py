"""Response models: what the API promises (and what /openapi.json documents)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorResponse(BaseModel):
    detail: str
    code: str


class InvalidField(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class InvalidRequest(BaseModel):
    detail: list[InvalidField]
    code: str


class Health(BaseModel):
    status: str
    database: str
    documents: int
    schema_version: str


class DocumentSummary(BaseModel):
    id: int
    sha256: str
    filename: str
    source_format: str
    size: int
    created_at: str | None
    schema_version: str
    status: str
    doc_type: str | None
    number: str | None
    symbol: str | None
    issuer: str | None
    issued: str | None
    year: int | None
    title: str | None
    movement: str | None


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class UploadedDocument(BaseModel):
    id: int
    filename: str
    sha256: str
    created: bool                  # False: these bytes were stored already (same id)


class UploadError(BaseModel):
    filename: str
    code: str
    message: str


class UploadResult(BaseModel):
    documents: list[UploadedDocument]
    errors: list[UploadError]


class Link(BaseModel):
    position: int
    relation: str
    doc_type: str | None
    number: str | None
    symbol: str | None
    issued: str | None
    issuer: str | None
    status: str                    # resolved, unresolved, ambiguous, unlinkable
    target_id: int | None
    candidates: list[int]


class IncomingLink(BaseModel):
    document_id: int
    relation: str
    issuer: str | None
    number: str | None
    symbol: str | None


class Links(BaseModel):
    document_id: int
    references: list[Link]
    cited_by: list[IncomingLink]


class DocumentDetail(BaseModel):
    """The contract JSON (with spans) plus the stored document's facts and its links."""
    id: int
    meta: DocumentSummary
    document: dict[str, Any]
    movement: dict[str, Any]
    references: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    deadlines: list[dict[str, Any]]
    assignments: list[dict[str, Any]]
    criteria: list[dict[str, Any]]
    awards: list[dict[str, Any]]
    recipients: list[dict[str, Any]]
    signer: dict[str, Any] | None
    links: list[Link]
    issues: list[dict[str, Any]]


class DeadlineOut(BaseModel):
    index: int
    due: str | None
    date: str | None               # where the calendar puts it
    recurrence: str | None
    rrule: dict[str, Any] | None
    approximate: bool
    responsible: list[str]
    report_to: list[str]
    action: str | None
    section: str | None
    text: str
    span: list[int]
    uid: str


class Deadlines(BaseModel):
    document_id: int
    deadlines: list[DeadlineOut]


class Sections(BaseModel):
    document_id: int
    sections: list[dict[str, Any]]
    appendices: list[dict[str, Any]]


class TreeNode(BaseModel):
    document: DocumentSummary
    relation: str | None = None
    ancestors: list[TreeNode] | None = None
    descendants: list[TreeNode] | None = None


class Tree(BaseModel):
    document: DocumentSummary
    ancestors: list[TreeNode]
    descendants: list[TreeNode]


class ExpectedBody(BaseModel):
    body: str
    roles: list[str]
    group: bool
    answered_by: list[int]


class ChildPlan(BaseModel):
    id: int
    issuer: str | None


class Unanswered(BaseModel):
    document: DocumentSummary
    children: list[ChildPlan]
    expected: list[ExpectedBody]
    unanswered: list[str]
