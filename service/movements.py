"""A movement's cascade: the plans above and below a plan, and the units yet to answer."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from schema.plan import Relation
from service import linking
from service.db.models import Document, ReferenceLink
from service.storage import load_plan, summary

# Edges of the cascade: a plan implements its parent or names it as basis; "cites" is no edge.
TREE_RELATIONS = (Relation.IMPLEMENTS.value, Relation.BASIS.value)
MAX_DEPTH = 20


def _parents(session: Session, doc_id: int) -> list[tuple[ReferenceLink, Document]]:
    rows = session.execute(
        select(ReferenceLink, Document).join(Document, Document.id == ReferenceLink.target_id)
        .where(ReferenceLink.document_id == doc_id, ReferenceLink.status == linking.RESOLVED,
               ReferenceLink.relation.in_(TREE_RELATIONS))
        .order_by(ReferenceLink.position))
    return [(r, d) for r, d in rows]


def _children(session: Session, doc_id: int, relations: tuple[str, ...] = TREE_RELATIONS
              ) -> list[tuple[ReferenceLink, Document]]:
    rows = session.execute(
        select(ReferenceLink, Document).join(Document, Document.id == ReferenceLink.document_id)
        .where(ReferenceLink.target_id == doc_id, ReferenceLink.status == linking.RESOLVED,
               ReferenceLink.relation.in_(relations))
        .order_by(Document.id))
    seen, out = set(), []
    for r, d in rows:
        if d.id not in seen:
            seen.add(d.id)
            out.append((r, d))
    return out


def _walk(session: Session, doc_id: int, step, key: str, path: frozenset[int], depth: int) -> list[dict]:
    if depth >= MAX_DEPTH:
        return []
    nodes = []
    for ref, doc in step(session, doc_id):
        if doc.id in path:            # a citation loop: stop rather than recurse forever
            continue
        nodes.append({"document": summary(doc), "relation": ref.relation,
                      key: _walk(session, doc.id, step, key, path | {doc.id}, depth + 1)})
    return nodes


def tree(session: Session, doc: Document) -> dict:
    start = frozenset({doc.id})
    return {"document": summary(doc),
            "ancestors": _walk(session, doc.id, _parents, "ancestors", start, 0),
            "descendants": _walk(session, doc.id, _children, "descendants", start, 0)}


def unanswered(session: Session, doc: Document) -> dict:
    """Bodies the plan tasks, each with the stored child plans issued by it."""
    plan = load_plan(doc)
    expected = linking.expected_bodies(
        [(a.body, a.role.value) for a in plan.assignments],
        [b for d in plan.deadlines for b in d.responsible])
    all_relations = tuple(r.value for r in Relation)
    children = [(d.id, d.issuer) for _, d in _children(session, doc.id, all_relations)]
    linking.match_answers(expected, children)
    return {
        "document": summary(doc),
        "children": [{"id": cid, "issuer": issuer} for cid, issuer in children],
        "expected": [{"body": e.body, "roles": e.roles, "group": e.group, "answered_by": e.answered_by}
                     for e in expected],
        "unanswered": [e.body for e in expected if not e.answered_by],
    }
