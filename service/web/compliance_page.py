"""The compliance page: a sub-plan beside the plan it implements, items and findings linked to both texts."""
from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from schema.compliance import ComplianceReport
from service.api.deps import MAX_ID, SessionDep
from service.compliance import AmbiguousParent, NoParent, UnknownDocument, compliance_for
from service.db.models import Document
from service.storage import load_plan
from service.web.highlight import Annotation, Segment, segments
from service.web.labels import label
from service.web.pages import _int, not_found, render

router = APIRouter(include_in_schema=False)
QUOTE_MAX = 160


def _short(text: str | None, limit: int = QUOTE_MAX) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass
class Jump:
    """Where a row of the page points: an anchor in the parent's and/or the child's text."""
    parent: str | None = None
    child: str | None = None


@dataclass
class SideBySide:
    parent: list[Segment]
    child: list[Segment]
    items: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)


def side_by_side(report: ComplianceReport, parent_text: str, child_text: str) -> SideBySide:
    """Both texts cut into marked segments, with the anchors the item and finding rows jump to."""
    parent_marks: list[Annotation] = []
    child_marks: list[Annotation] = []
    parent_anchors: dict[str, int] = {}
    child_anchors: dict[str, int] = {}
    items = []
    for i, item in enumerate(report.items):
        status = label("item_statuses", item.status.value)
        if not item.in_scope:
            status += f" ({label('item_statuses', 'out_of_scope')})"
        jump = Jump(parent=f"pi-{i}")
        parent_anchors[jump.parent] = item.span.start
        parent_marks.append(Annotation(item.span.start, item.span.end, f"item-{item.status.value}",
                                       f"Mục {item.id}: {status} (độ khớp {item.score:.0%})"))
        evidence = []
        for k, ev in enumerate(item.evidence):
            anchor = f"ce-{i}-{k}"
            child_anchors[anchor] = ev.span.start
            child_marks.append(Annotation(ev.span.start, ev.span.end, "evidence",
                                          f"Khớp mục {item.id} của cấp trên ({status}, độ khớp {ev.score:.0%})"))
            evidence.append({"anchor": anchor, "text": _short(ev.text), "score": ev.score})
        jump.child = evidence[0]["anchor"] if evidence else None
        items.append({"id": item.id, "section": item.section, "kind": label("item_kinds", item.kind),
                      "text": _short(item.text), "status": item.status.value, "status_label": status,
                      "in_scope": item.in_scope, "score": item.score, "evidence": evidence, "jump": jump})
    findings = []
    for j, f in enumerate(report.findings):
        jump = Jump()
        kind = label("finding_kinds", f.kind.value)
        if f.parent_span is not None:
            jump.parent = f"pf-{j}"
            parent_anchors[jump.parent] = f.parent_span.start
            parent_marks.append(Annotation(f.parent_span.start, f.parent_span.end, "finding", f"{kind}: {f.message}"))
        if f.child_span is not None:
            jump.child = f"cf-{j}"
            child_anchors[jump.child] = f.child_span.start
            child_marks.append(Annotation(f.child_span.start, f.child_span.end, "finding", f"{kind}: {f.message}"))
        findings.append({"kind": kind, "severity": f.severity.value,
                         "severity_label": label("severities", f.severity.value), "message": f.message,
                         "item_id": f.item_id, "jump": jump})
    return SideBySide(segments(parent_text, parent_marks, parent_anchors),
                      segments(child_text, child_marks, child_anchors), items, findings)


@router.get("/documents/{doc_id}/compliance", response_class=HTMLResponse)
def compliance_page(doc_id: int, request: Request, session: SessionDep, parent: str = "") -> HTMLResponse:
    doc = session.get(Document, doc_id) if 1 <= doc_id <= MAX_ID else None
    if doc is None:
        return not_found(request, doc_id)
    parent_id = _int(parent, 1, MAX_ID)
    context = {"doc": doc, "parent_given": parent}
    try:
        report = compliance_for(session, doc.id, parent_id)
    except UnknownDocument as e:
        return not_found(request, e.doc_id)
    except NoParent:
        return render(request, "compliance.html", {**context, "problem": "no_parent"}, status_code=404)
    except AmbiguousParent as e:
        candidates = [d for d in (session.get(Document, c) for c in e.candidates) if d is not None]
        return render(request, "compliance.html", {**context, "problem": "ambiguous", "candidates": candidates},
                      status_code=409)
    parent_doc = session.get(Document, report.parent.id)
    view = side_by_side(report, load_plan(parent_doc).text, load_plan(doc).text)
    return render(request, "compliance.html", {**context, "problem": None, "report": report,
                                               "parent_doc": parent_doc, "view": view})
