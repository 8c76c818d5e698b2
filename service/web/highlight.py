"""The document text cut into segments, each extracted value marked and explained.

Pure functions over a ``PlanDocument``: every extracted value with a span becomes an
``Annotation`` (what it is, in Vietnamese); ``segments`` cuts the text at every annotation
and anchor boundary, so overlapping values never produce crossing HTML tags: each piece
carries the explanations of all values covering it and is coloured as the innermost one.
The template escapes the pieces; nothing here produces HTML.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from schema.plan import Located, PlanDocument, Section, SectionKind, Span
from service.web.labels import label, labels, vi_date

TIP_MAX = 240
# Sections shown in the outline; bullets and clauses are too many to be a table of contents.
OUTLINE_KINDS = {SectionKind.CHAPTER, SectionKind.PART, SectionKind.ITEM, SectionKind.POINT,
                 SectionKind.ARTICLE, SectionKind.APPENDIX}
HEADER_FIELDS = ("doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "issued", "title")


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    kind: str          # a key of labels.yaml "kinds"; also the CSS class
    tip: str           # the explanation shown on hover


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str | None = None                 # the innermost value covering it; None: plain text
    tip: str = ""                           # every covering value's explanation, outermost first
    anchors: tuple[str, ...] = ()           # element ids that start here


@dataclass
class OutlineEntry:
    anchor: str
    text: str
    children: list[OutlineEntry] = field(default_factory=list)


def _short(text: str, limit: int = TIP_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tip(kind: str, detail: str) -> str:
    return _short(f"{label('kinds', kind)}: {detail}" if detail else label("kinds", kind))


def _located(kind: str, value: Located | None, shown: str | None = None) -> Iterable[Annotation]:
    if value is not None and value.span is not None:
        yield Annotation(value.span.start, value.span.end, kind, _tip(kind, shown or str(value.value)))


def _joined(items: Iterable[str | None], sep: str = "; ") -> str:
    return sep.join(i for i in items if i)


def deadline_tip(d) -> str:
    words = labels()["words"]
    when = vi_date(d.due) or _short(d.text, 60)
    if d.recurrence and not (d.due or "").startswith("--"):
        when += ", " + label("recurrences", d.recurrence)
    if d.approximate:
        when += f" ({words['approximate']})"
    return _tip("deadline", _joined([
        when,
        f"{words['lead']}: {', '.join(d.responsible)}" if d.responsible else None,
        f"{words['report_to']}: {', '.join(d.report_to)}" if d.report_to else None,
        f"{words['action']}: {d.action}" if d.action else None]))


def reference_title(ref) -> str:
    """'Kế hoạch số 235/KH-UBND ngày 18/11/2025 của UBND tỉnh Thanh Hóa'."""
    number = "/".join(p for p in (ref.number, ref.symbol) if p)
    return _joined([ref.doc_type_name or ref.doc_type, f"số {number}" if number else None,
                    f"ngày {vi_date(ref.issued)}" if ref.issued else None,
                    f"của {ref.issuer}" if ref.issuer else None], " ")


def annotations(plan: PlanDocument, reference_status: Mapping[int, str] | None = None) -> list[Annotation]:
    """Every extracted value with a span; ``reference_status`` adds each reference's link state
    (by position in ``plan.references``) to its explanation."""
    out: list[Annotation] = []
    h = plan.header
    for name in HEADER_FIELDS:
        value = getattr(h, name)
        shown = vi_date(value.value) if name == "issued" and value is not None else None
        out.extend(_located(name, value, shown))
    if h.national_motto is not None:
        out.append(Annotation(h.national_motto.start, h.national_motto.end, "national_motto",
                              label("kinds", "national_motto")))
    for mark in h.marks:
        out.extend(_located("mark", mark))
    m = plan.movement
    out.extend(_located("movement", m.name))
    out.extend(_located("period_start", m.period_start, vi_date(m.period_start.value) if m.period_start else None))
    out.extend(_located("period_end", m.period_end, vi_date(m.period_end.value) if m.period_end else None))
    for i, ref in enumerate(plan.references):
        status = (reference_status or {}).get(i)
        detail = f"({label('relations', ref.relation.value)}) {reference_title(ref)}"
        out.append(Annotation(ref.span.start, ref.span.end, "reference",
                              _tip("reference", _joined([detail, status], " — "))))
    for d in plan.deadlines:
        span = d.time_span or d.span
        out.append(Annotation(span.start, span.end, "deadline", deadline_tip(d)))
    for a in plan.assignments:
        detail = _joined([f"{label('roles', a.role.value)}: {a.body}",
                          f"{labels()['words']['action']}: {a.task}" if a.task else None])
        out.append(Annotation(a.span.start, a.span.end, "assignment", _tip("assignment", detail)))
    for c in plan.criteria:
        detail = _joined([c.target, f"{len(c.items)} tiêu chí" if c.items else None])
        out.append(Annotation(c.span.start, c.span.end, "criterion", _tip("criterion", detail)))
    for a in plan.awards:
        detail = _joined([a.form, label("award_kinds", a.kind) if a.kind else None,
                          f"thẩm quyền: {a.authority}" if a.authority else None])
        out.append(Annotation(a.span.start, a.span.end, "award", _tip("award", detail)))
    for r in plan.recipients:
        detail = _joined([r.name, f"({label('purposes', r.purpose)})" if r.purpose else None], " ")
        out.append(Annotation(r.span.start, r.span.end, "recipient", _tip("recipient", detail)))
    if plan.signer is not None:
        s = plan.signer
        out.append(Annotation(s.span.start, s.span.end, "signer",
                              _tip("signer", _joined([s.name, s.title, s.authority], ", "))))
    return out


def outline(plan: PlanDocument) -> tuple[list[OutlineEntry], dict[str, int]]:
    """The section outline and where each of its anchors sits in the text."""
    anchors: dict[str, int] = {}

    def walk(sections: list[Section]) -> list[OutlineEntry]:
        entries: list[OutlineEntry] = []
        for s in sections:
            if s.kind not in OUTLINE_KINDS:
                entries.extend(walk(s.children))
                continue
            anchor = f"sec-{len(anchors) + 1}"
            anchors[anchor] = s.heading.start
            entries.append(OutlineEntry(anchor, _short(plan.snippet(s.heading), 100), walk(s.children)))
        return entries

    return walk(plan.sections) + walk(plan.appendices), anchors


def _clip(span: Span | Annotation, size: int) -> tuple[int, int]:
    return max(0, min(span.start, size)), max(0, min(span.end, size))


def segments(text: str, marks: Iterable[Annotation], anchors: Mapping[str, int] | None = None) -> list[Segment]:
    """``text`` cut at every mark and anchor boundary; concatenated, the pieces give ``text`` back."""
    size = len(text)
    kept = []
    for order, a in enumerate(marks):
        start, end = _clip(a, size)
        if start < end:
            kept.append((start, end, order, a))
    at: dict[int, list[str]] = {}
    for name, pos in (anchors or {}).items():
        at.setdefault(max(0, min(pos, size)), []).append(name)
    cuts = sorted({0, size, *at, *(k[0] for k in kept), *(k[1] for k in kept)})
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = [k for k in kept if k[0] <= lo and k[1] >= hi]
        # outermost (longest) first; the innermost decides the colour
        covering.sort(key=lambda k: (-(k[1] - k[0]), k[2]))
        tips = list(dict.fromkeys(k[3].tip for k in covering))
        out.append(Segment(text[lo:hi], covering[-1][3].kind if covering else None, "\n".join(tips),
                           tuple(at.get(lo, ()))))
    if size in at and size > 0:
        out.append(Segment("", anchors=tuple(at[size])))
    if size == 0 and at:
        out.append(Segment("", anchors=tuple(at[0])))
    return out


def deadline_anchors(plan: PlanDocument) -> dict[str, int]:
    return {f"dl-{i + 1}": (d.time_span or d.span).start for i, d in enumerate(plan.deadlines)}


def highlight(plan: PlanDocument, reference_status: Mapping[int, str] | None = None
              ) -> tuple[list[Segment], list[OutlineEntry]]:
    """The marked-up text of ``plan`` and its outline (whose anchors the segments carry)."""
    entries, anchors = outline(plan)
    anchors.update(deadline_anchors(plan))
    return segments(plan.text, annotations(plan, reference_status), anchors), entries
