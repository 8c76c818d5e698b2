"""Checks 1–2: the child names the parent rightly; same movement; its period inside the parent's."""
from __future__ import annotations

from nlp.compliance.dates import later
from nlp.compliance.matching import share, syllables
from nlp.compliance.config import threshold
from schema.compliance import Finding, FindingKind, Severity
from schema.plan import Located, PlanDocument, Reference
from service.linking import body_matches, number_key, symbol_key


def _v(located: Located | None) -> str | None:
    return located.value if located is not None else None


def _ref_label(ref: Reference) -> str:
    return " ".join(x for x in (f"số {ref.number}/{ref.symbol}" if ref.number else ref.symbol,
                                f"ngày {ref.issued}" if ref.issued else None,
                                f"của {ref.issuer}" if ref.issuer else None) if x)


def _differences(ref: Reference, parent: PlanDocument) -> list[str]:
    h = parent.header
    out = []
    if _v(h.number) and number_key(ref.number) != number_key(_v(h.number)):
        out.append(f"số {ref.number or '(không ghi)'} ≠ {_v(h.number)}")
    if _v(h.symbol) and symbol_key(ref.symbol) != symbol_key(_v(h.symbol)):
        out.append(f"ký hiệu {ref.symbol or '(không ghi)'} ≠ {_v(h.symbol)}")
    if _v(h.issued) and ref.issued and ref.issued != _v(h.issued):
        out.append(f"ngày {ref.issued} ≠ {_v(h.issued)}")
    if _v(h.issuer) and ref.issuer and not body_matches(ref.issuer, _v(h.issuer)):
        out.append(f"cơ quan ban hành “{ref.issuer}” ≠ “{_v(h.issuer)}”")
    return out


def citation(child: PlanDocument, parent: PlanDocument) -> list[Finding]:
    h = parent.header
    number, symbol = number_key(_v(h.number)), symbol_key(_v(h.symbol))
    parent_span = h.number.span if h.number else (h.title.span if h.title else None)
    same = [r for r in child.references
            if number and number_key(r.number) == number and symbol_key(r.symbol) == symbol]
    if same:
        ref = min(same, key=lambda r: len(_differences(r, parent)))
        diffs = _differences(ref, parent)
        if not diffs:
            return []
    else:
        # a reference of the parent's kind from its issuer or day, with the wrong number
        near = [r for r in child.references if r.relation.value == "implements" or
                (_v(h.issued) and r.issued == _v(h.issued))]
        near = [r for r in near if (_v(h.issued) and r.issued == _v(h.issued)) or
                (r.issuer and _v(h.issuer) and body_matches(r.issuer, _v(h.issuer)) and
                 (r.doc_type or "") == (_v(h.doc_type) or ""))]
        if not near:
            return [Finding(kind=FindingKind.CITATION_MISSING, severity=Severity.ERROR,
                            message=f"Kế hoạch không dẫn chiếu văn bản cấp trên "
                                    f"số {_v(h.number) or '?'}/{_v(h.symbol) or '?'}.",
                            parent_span=parent_span, parent_text=parent.snippet(parent_span) if parent_span else None,
                            child_span=child.preamble, child_text=child.snippet(child.preamble) if child.preamble else None)]
        ref = near[0]
        diffs = _differences(ref, parent)
    return [Finding(kind=FindingKind.CITATION_MISMATCH, severity=Severity.WARNING,
                    message=f"Dẫn chiếu “{_ref_label(ref)}” không khớp văn bản cấp trên: " + "; ".join(diffs) + ".",
                    child_span=ref.span, child_text=child.snippet(ref.span),
                    parent_span=parent_span, parent_text=parent.snippet(parent_span) if parent_span else None)]


def _places(plan: PlanDocument) -> frozenset[str]:
    """Words of the issuer's and place's names: a district's movement renames the province's."""
    words = set()
    for value in (_v(plan.header.issuer), _v(plan.header.place)):
        words.update(syllables(value or ""))
    return frozenset(words)


def movement(child: PlanDocument, parent: PlanDocument) -> list[Finding]:
    out = []
    pm, cm = parent.movement, child.movement
    if pm.name and (cm.name or child.header.title):
        have = cm.name or child.header.title
        drop = _places(parent) | _places(child)
        if share(pm.name.value, have.value, drop) < threshold("movement_match"):
            out.append(Finding(kind=FindingKind.MOVEMENT_MISMATCH, severity=Severity.WARNING,
                               message=f"Phong trào “{have.value}” không khớp phong trào cấp trên “{pm.name.value}”.",
                               child_span=have.span, child_text=have.value,
                               parent_span=pm.name.span, parent_text=pm.name.value))
    # (child bound, parent bound, wording, whether the child's bound must be the later one)
    bounds = [(cm.period_start, pm.period_start, "bắt đầu trước", True),
              (cm.period_end, pm.period_end, "kết thúc sau", False)]
    for c, p, words, child_later in bounds:
        if not c or not p:
            continue
        if later(p.value, c.value) if child_later else later(c.value, p.value):
            out.append(Finding(kind=FindingKind.PERIOD_OUTSIDE, severity=Severity.WARNING,
                               message=f"Thời gian thực hiện {words} thời gian của kế hoạch cấp trên "
                                       f"({c.value} so với {p.value}).",
                               child_span=c.span, child_text=child.snippet(c.span) if c.span else c.value,
                               parent_span=p.span, parent_text=parent.snippet(p.span) if p.span else p.value))
    return out
