"""The JSON that `kehoach parse` prints (../shared/CONTRACT.md), made from a PlanDocument.

The contract is a view: it drops spans and keeps the keys and meanings the scorer reads.
``with_spans=True`` adds a ``span`` ([start, end)) beside each value for the API.
"""
from __future__ import annotations

from typing import Any

from schema.plan import Located, PlanDocument, Section, SectionKind, Span


def _value(field: Located | None) -> Any:
    return field.value if field is not None else None


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def _parts(sections: list[Section]) -> list[Section]:
    """The Roman-numeral parts, looking through Phần/Chương wrappers; the top level when there are none."""
    parts: list[Section] = []
    for s in sections:
        if s.kind == SectionKind.PART:
            parts.append(s)
        elif s.kind == SectionKind.CHAPTER:
            parts.extend(c for c in s.children if c.kind == SectionKind.PART)
    return parts or [s for s in sections if s.kind != SectionKind.APPENDIX]


_CHILD_KINDS = {SectionKind.ITEM, SectionKind.CLAUSE}


def _sections(sections: list[Section]) -> list[dict]:
    return [{"label": s.label, "title": s.title,
             "children": [{"label": c.label, "title": c.title, "children": []}
                          for c in s.children if c.kind in _CHILD_KINDS]}
            for s in _parts(sections)]


def to_contract(plan: PlanDocument, with_spans: bool = False) -> dict:
    h = plan.header
    doc = {
        "doc_type": _value(h.doc_type), "number": _value(h.number), "symbol": _value(h.symbol),
        "place": _value(h.place), "issued": _value(h.issued), "issuer": _value(h.issuer),
        "title": _value(h.title),
    }
    m = plan.movement
    movement = {"name": _value(m.name),
                "period": {"start": _value(m.period_start), "end": _value(m.period_end)}}
    refs = [{"relation": r.relation.value, "doc_type": r.doc_type, "number": r.number,
             "symbol": r.symbol, "issued": r.issued, "issuer": r.issuer,
             **({"span": _span(r.span)} if with_spans else {})} for r in plan.references]
    deadlines = [{"due": d.due, "recurrence": d.recurrence, "responsible": list(d.responsible),
                  "report_to": ", ".join(d.report_to) if d.report_to else None, "text": d.text,
                  **({"span": _span(d.span), "approximate": d.approximate} if with_spans else {})}
                 for d in plan.deadlines]
    assignments = [{"body": a.body, "role": a.role.value,
                    **({"span": _span(a.span)} if with_spans else {})} for a in plan.assignments]
    criteria = [{"target": c.target, **({"span": _span(c.span)} if with_spans else {})}
                for c in plan.criteria]
    awards = [{"form": a.form, "authority": a.authority,
               **({"span": _span(a.span)} if with_spans else {})} for a in plan.awards]
    recipients = [{"name": r.name, "purpose": r.purpose,
                   **({"span": _span(r.span)} if with_spans else {})} for r in plan.recipients]
    signer = None
    if plan.signer is not None:
        signer = {"title": plan.signer.title, "name": plan.signer.name,
                  "authority": plan.signer.authority,
                  **({"span": _span(plan.signer.span)} if with_spans else {})}
    out = {
        "document": doc, "movement": movement, "references": refs,
        "sections": _sections(plan.sections), "deadlines": deadlines,
        "assignments": assignments, "criteria": criteria, "awards": awards,
        "recipients": recipients, "signer": signer,
    }
    if with_spans:
        doc_spans = {k: _span(getattr(h, k).span) if getattr(h, k) is not None else None
                     for k in ("doc_type", "number", "symbol", "place", "issued", "issuer", "title")}
        out["document"]["spans"] = doc_spans
        out["movement"]["spans"] = {"name": _span(m.name.span) if m.name else None}
    return out
