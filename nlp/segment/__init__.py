"""Segmentation: cut the text into header, title, preamble, body tree, closing, sign-off, appendices.

``run(plan)`` fills plan.preamble, plan.sections, plan.closing, plan.recipients_block,
plan.signature_block and plan.appendices.  ``layout_of(plan)`` gives the line-level zones
(header lines, title lines, sign-off roles) to the header, signer and recipients extractors.
"""
from __future__ import annotations

from nlp.segment import tree
from nlp.segment.lines import Line
from nlp.segment.rules import rules
from nlp.segment.signoff import Role
from nlp.segment.zones import Layout, layout
from nlp.textutil import is_caps
from schema.plan import PlanDocument, Section, SectionKind, Span

__all__ = ["run", "layout_of", "Layout", "Role"]

_CACHE: dict[int, tuple[str, Layout]] = {}


def layout_of(plan: PlanDocument) -> Layout:
    """The zones of ``plan``'s text (computed once per text)."""
    text = plan.text
    cached = _CACHE.get(id(plan.raw))
    if cached is not None and cached[0] is text:
        return cached[1]
    result = layout(text)
    _CACHE.clear()          # one document at a time is enough
    _CACHE[id(plan.raw)] = (text, result)
    return result


def _span(plan: PlanDocument, lines: list[Line], start: int, end: int) -> Span | None:
    if end <= start:
        return None
    return plan.span(lines[start].start, lines[end - 1].end)


def _block(plan: PlanDocument, lay: Layout, roles: tuple[Role, ...]) -> Span | None:
    idx = lay.signoff.indices(*roles)
    return plan.span(lay.lines[idx[0]].start, lay.lines[idx[-1]].end) if idx else None


def _appendix(plan: PlanDocument, lay: Layout, start: int, end: int) -> Section:
    lines = lay.lines
    m = rules().appendix.match(lines[start].text)
    label = (m.group("label") or "").strip() if m else ""
    title = (m.group("title") or "").strip() if m else lines[start].text
    head_end = start
    if not title and start + 1 < end and is_caps(lines[start + 1].text):
        title, head_end = lines[start + 1].text, start + 1
    return Section(kind=SectionKind.APPENDIX, label=label, title=title or None,
                   heading=plan.span(lines[start].start, lines[head_end].end),
                   body=plan.span(lines[start].start, lines[end - 1].end),
                   children=tree.sections(plan, lines, head_end + 1, end))


def run(plan: PlanDocument) -> PlanDocument:
    lay = layout_of(plan)
    lines = lay.lines
    plan.preamble = _span(plan, lines, *lay.preamble)
    plan.sections = tree.sections(plan, lines, *lay.body)
    plan.closing = _span(plan, lines, *lay.closing) if lay.closing else None
    plan.recipients_block = _block(plan, lay, (Role.RECIPIENTS_HEADER, Role.SUBHEADER,
                                               Role.RECIPIENT, Role.STORAGE))
    plan.signature_block = _block(plan, lay, (Role.SIGNATURE, Role.NAME))
    plan.appendices = [_appendix(plan, lay, s, e) for s, e in lay.appendices]
    return plan
