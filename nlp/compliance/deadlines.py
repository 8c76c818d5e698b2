"""Check 5: the child's deadlines for what the parent wants fall no later than the parent's."""
from __future__ import annotations

from nlp.compliance.dates import later
from nlp.compliance.matching import Index, Passage, terms, without_bodies
from nlp.compliance.config import has_cue, rules, threshold
from nlp.compliance.tasks import concerns, tasked_ranges
from nlp.textutil import fold
from schema.compliance import Finding, FindingKind, Severity
from schema.plan import Deadline, PlanDocument


def parent_deadlines(child: PlanDocument, parent: PlanDocument) -> list[Deadline]:
    """Parent deadlines on the child's level: it is responsible, or they sit in its task section."""
    ranges = tasked_ranges(child, parent)
    out = []
    for d in parent.deadlines:
        if not d.due:
            continue
        if any(concerns(b, child) for b in d.responsible) or (
                not d.responsible and any(s <= d.span.start < e for s, e in ranges)):
            out.append(d)
    return out


def _what(d: Deadline) -> str:
    return without_bodies(d.action or d.text)


def check(child: PlanDocument, parent: PlanDocument, index: Index) -> list[Finding]:
    r = rules()
    noise = r["deadline_noise"]
    child_dls = [d for d in child.deadlines if d.due]
    passages = [Passage(d.span.start, d.span.end, d.text, frozenset(terms(_what(d), noise)))
                for d in child_dls]
    out = []
    issued = child.header.issued
    for pd in parent_deadlines(child, parent):
        pspan, ptext = pd.span, parent.snippet(pd.span)
        if has_cue(fold(_what(pd)), r["plan_deliverable_cues"]):
            if issued and later(issued.value, pd.due):
                out.append(Finding(kind=FindingKind.LATE_DEADLINE, severity=Severity.WARNING,
                                   message=f"Kế hoạch ban hành ngày {issued.value}, sau hạn {pd.due} của cấp trên.",
                                   child_span=issued.span, child_text=child.snippet(issued.span),
                                   parent_span=pspan, parent_text=ptext))
            continue
        matched = [(s, p) for s, p in index.best(_what(pd), k=len(passages), drop=noise, among=passages)
                   if s >= threshold("deadline_match")]
        if not matched:
            out.append(Finding(kind=FindingKind.MISSING_DEADLINE, severity=Severity.WARNING,
                               message=f"Hạn {pd.due} của cấp trên (“{(pd.action or pd.text)[:120]}”) không được cụ thể hóa.",
                               parent_span=pspan, parent_text=ptext))
            continue
        for _, p in matched:
            cd = child_dls[passages.index(p)]
            if later(cd.due, pd.due):
                out.append(Finding(kind=FindingKind.LATE_DEADLINE, severity=Severity.ERROR,
                                   message=f"Hạn {cd.due} muộn hơn hạn {pd.due} của kế hoạch cấp trên.",
                                   child_span=cd.span, child_text=child.snippet(cd.span),
                                   parent_span=pspan, parent_text=ptext))
    return out
