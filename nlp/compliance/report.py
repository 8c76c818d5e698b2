"""Assembling the ComplianceReport: document references, coverage, tallies."""
from __future__ import annotations

from collections import Counter

from schema.compliance import ComplianceReport, DocumentRef, Finding, ItemResult, ItemStatus
from schema.plan import PlanDocument

_CREDIT = {ItemStatus.COVERED: 1.0, ItemStatus.DELEGATED: 1.0, ItemStatus.PARTIAL: 0.5, ItemStatus.MISSING: 0.0}


def document_ref(plan: PlanDocument, doc_id: int | None = None) -> DocumentRef:
    h = plan.header
    v = lambda x: x.value if x is not None else None  # noqa: E731
    return DocumentRef(id=doc_id, title=v(h.title), number=v(h.number), symbol=v(h.symbol),
                       issuer=v(h.issuer), issued=v(h.issued))


def build(child: PlanDocument, parent: PlanDocument, items: list[ItemResult],
          findings: list[Finding]) -> ComplianceReport:
    # the parts a topical sub-plan is not about count neither for nor against it
    counted = [i for i in items if i.in_scope]
    coverage = sum(_CREDIT[i.status] for i in counted) / len(counted) if counted else 1.0
    counts = Counter(i.status.value for i in items)
    if len(counted) < len(items):
        counts["out_of_scope"] = len(items) - len(counted)
    counts.update(f.kind.value for f in findings)
    return ComplianceReport(child=document_ref(child), parent=document_ref(parent),
                            coverage=round(coverage, 3), items=items, findings=findings,
                            counts=dict(sorted(counts.items())))


def render(report: ComplianceReport, width: int = 60) -> str:
    """A plain-text table of the items, then the findings (``kehoach check``)."""
    def cut(s: str | None, n: int) -> str:
        s = " ".join((s or "").split())
        return s if len(s) <= n else s[:n - 1] + "…"

    c, p = report.child, report.parent
    lines = [f"Kế hoạch: {c.number or '?'}/{c.symbol or '?'} ({c.issuer or '?'}, {c.issued or '?'})",
             f"Cấp trên: {p.number or '?'}/{p.symbol or '?'} ({p.issuer or '?'}, {p.issued or '?'})",
             f"Mức bao quát: {report.coverage:.0%}  " + ", ".join(f"{k}={v}" for k, v in report.counts.items()),
             "", f"{'STATUS':10} {'SCORE':>5}  {'ITEM':8} {'PARENT ITEM':{width}}  BEST CHILD PASSAGE"]
    for it in report.items:
        best = it.evidence[0].text if it.evidence else ""
        status = it.status.value + ("" if it.in_scope else "*")
        lines.append(f"{status:10} {it.score:5.2f}  {cut(it.id, 8):8} {cut(it.text, width):{width}}  "
                     f"{cut(best, width)}")
    if any(not it.in_scope for it in report.items):
        lines.append("* ngoài chủ đề của kế hoạch: không tính vào mức bao quát")
    lines += ["", "Phát hiện:" if report.findings else "Không có phát hiện."]
    for f in report.findings:
        lines.append(f"- [{f.severity.value}] {f.kind.value}: {f.message}")
        if f.child_text:
            lines.append(f"    kế hoạch: {cut(f.child_text, 2 * width)}")
    return "\n".join(lines) + "\n"
