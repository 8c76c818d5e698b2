"""Compliance of a stored sub-plan with its parent: the stored-document side of ``nlp.compliance``.

The parent is the one given, or the stored document the child's ``implements`` reference
resolved to.  Nothing linked, or several stored documents that fit, are typed errors the API
and the CLI turn into clear messages.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from nlp.compliance import check
from schema.compliance import ComplianceReport
from schema.plan import PlanDocument
from service.db.models import Document
from service.linking import AMBIGUOUS, RESOLVED
from service.storage import load_plan, references_of, resolve_reference


class UnknownDocument(LookupError):
    def __init__(self, doc_id: int):
        super().__init__(f"no document with id {doc_id}")
        self.doc_id = doc_id


class NoParent(LookupError):
    """The sub-plan's implements reference names no stored document."""


class AmbiguousParent(LookupError):
    """Several stored documents fit the sub-plan's implements reference."""

    def __init__(self, doc_id: int, candidates: list[int]):
        super().__init__(f"document {doc_id}: several stored documents fit the plan it implements "
                         f"(ids {', '.join(map(str, candidates))}); pass the parent's id")
        self.candidates = candidates


def parent_id_of(session: Session, doc_id: int) -> int:
    """The stored parent of ``doc_id``: what its implements reference resolved to."""
    rows = [r for r in references_of(session, doc_id) if r.relation == "implements"]
    resolved = [r.target_id for r in rows if r.status == RESOLVED and r.target_id is not None]
    if resolved:
        return resolved[0]
    ambiguous = sorted({c for r in rows if r.status == AMBIGUOUS for c in r.candidate_ids})
    if ambiguous:
        raise AmbiguousParent(doc_id, ambiguous)
    cited = ", ".join(f"{r.number or '?'}/{r.symbol or '?'}" for r in rows)
    raise NoParent(f"document {doc_id}: no stored document is linked as the plan it implements"
                   + (f" (it cites {cited}, which is not stored)" if cited else " (it cites none)")
                   + "; upload the parent or pass its id")


def compliance_for(session: Session, doc_id: int, parent_id: int | None = None) -> ComplianceReport:
    child_doc = session.get(Document, doc_id)
    if child_doc is None:
        raise UnknownDocument(doc_id)
    if parent_id is None:
        parent_id = parent_id_of(session, doc_id)
    parent_doc = session.get(Document, parent_id)
    if parent_doc is None:
        raise UnknownDocument(parent_id)
    report = check(load_plan(child_doc), load_plan(parent_doc))
    report.child.id, report.parent.id = child_doc.id, parent_doc.id
    return report


def stored_parent_for(session: Session, plan: PlanDocument) -> int:
    """The stored document an unstored plan's implements reference names (``kehoach check FILE``)."""
    refs = [r for r in plan.references if r.relation.value == "implements"]
    for ref in refs:
        res = resolve_reference(session, ref)
        if res.status == RESOLVED:
            return res.target_id
        if res.status == AMBIGUOUS:
            raise AmbiguousParent(0, res.candidates)
    cited = ", ".join(f"{r.number or '?'}/{r.symbol or '?'}" for r in refs)
    raise NoParent("no stored document is the plan this one implements"
                   + (f" (it cites {cited})" if cited else " (it cites none)")
                   + "; give PARENT or store the parent first")
