"""The compliance report: how far a sub-plan covers the plan it implements.

Produced by ``nlp.compliance.check(child, parent)``; printed by ``kehoach check --json``,
served by ``GET /api/documents/{id}/compliance`` and rendered side by side in the web UI.
Spans point into each document's own normalised text (``PlanDocument.raw.text``).
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from schema.plan import Span

COMPLIANCE_VERSION = "1"


class ItemStatus(str, Enum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"
    DELEGATED = "delegated"     # the sub-plan says "Thực hiện theo Kế hoạch số …" for this part


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class FindingKind(str, Enum):
    CITATION_MISSING = "citation_missing"        # the sub-plan never names the parent
    CITATION_MISMATCH = "citation_mismatch"      # wrong number, symbol, date or issuer
    MOVEMENT_MISMATCH = "movement_mismatch"
    PERIOD_OUTSIDE = "period_outside"
    MISSING_ITEM = "missing_item"
    PARTIAL_ITEM = "partial_item"
    MISSING_TASK = "missing_task"                # a task the parent gives to this level, not taken up
    LATE_DEADLINE = "late_deadline"
    MISSING_DEADLINE = "missing_deadline"        # a parent deadline on this level never mentioned
    CRITERIA_MISMATCH = "criteria_mismatch"
    AWARD_BEYOND_AUTHORITY = "award_beyond_authority"
    AWARD_INCONSISTENT = "award_inconsistent"    # an award form the parent's scheme does not foresee


class Evidence(BaseModel):
    """A passage of the sub-plan that matches a parent item."""
    span: Span
    text: str
    score: float                                 # 0..1 similarity


class ItemResult(BaseModel):
    """One content unit of the parent (nội dung, giải pháp, nhiệm vụ) and how the child covers it."""
    id: str                                      # stable within the report: "II.1.a", "IV.2#3"
    section: str | None = None                   # label path in the parent ("II.1")
    kind: str = "content"                        # "content", "task", "criterion"
    text: str                                    # the parent's wording
    span: Span                                   # in the parent
    status: ItemStatus
    score: float                                 # best similarity, 0..1
    evidence: list[Evidence] = Field(default_factory=list)
    in_scope: bool = True                        # False: a part of the parent the sub-plan's topic
                                                 # is not about (nlp/compliance/scope.py)


class Finding(BaseModel):
    kind: FindingKind
    severity: Severity = Severity.WARNING
    message: str                                 # Vietnamese-readable explanation
    child_span: Span | None = None
    parent_span: Span | None = None
    child_text: str | None = None
    parent_text: str | None = None
    item_id: str | None = None                   # the ItemResult it concerns, if any


class DocumentRef(BaseModel):
    id: int | None = None                        # stored document id, when checked through the service
    title: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    issued: str | None = None


class ComplianceReport(BaseModel):
    version: str = COMPLIANCE_VERSION
    child: DocumentRef
    parent: DocumentRef
    coverage: float                              # 0..1: covered=1, partial=0.5, delegated=1, over parent items
    items: list[ItemResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)   # status and finding-kind tallies
