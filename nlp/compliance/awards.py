"""Check 6: awards the sub-plan grants must be within its issuer's authority (Luật TĐKT Điều 77–80).

Every place the child writes an award form is read in its clause: after a proposal cue
("đề nghị … tặng") the form is only proposed, which any level may do; otherwise, when the
clause grants it ("tặng", "khen thưởng", "được tặng") or names the grantor ("của <authority>"),
the grantor is the named authority or, unnamed, the issuer itself.  A form granted by the
issuer's own authority that awards.yaml does not list among its grants is beyond it.
"""
from __future__ import annotations

import re

from nlp.compliance.config import has_cue, rules
from nlp.extract.awards import authority_entry
from nlp.textutil import fold, tone_style
from schema.compliance import Finding, FindingKind, Severity
from schema.plan import PlanDocument

_CLAUSE_BREAK = re.compile(r"[.;:\n]")


def own_authority(plan: PlanDocument) -> dict | None:
    """The awards.yaml entry of the child's issuer: its header issuer, else its signer's title."""
    issuer = plan.header.issuer.value if plan.header.issuer else None
    entry = authority_entry(f"Chủ tịch {issuer}") if issuer else None
    if entry is None and issuer:
        key = fold(issuer)
        for cue, name in sorted(rules()["issuer_authority"].items(), key=lambda x: -len(x[0])):
            if key.startswith(cue):
                entry = authority_entry(name)
                break
    if entry is None and plan.signer and plan.signer.title:
        entry = authority_entry(plan.signer.title)
    return entry


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and not _CLAUSE_BREAK.match(text[s - 1]):
        s -= 1
    m = _CLAUSE_BREAK.search(text, end)
    return s, m.start() if m else len(text)


def _grantor(before: str) -> dict | None:
    """The authority the clause names before the form ("Chủ tịch UBND huyện tặng …")."""
    folded = re.sub(r"\bubnd\b", "ủy ban nhân dân", fold(before))
    for m in re.finditer(r"(chủ tịch|thủ tướng|bộ trưởng|giám đốc|thủ trưởng|ủy ban nhân dân)", folded):
        entry = authority_entry(folded[m.start():])
        if entry:
            return entry
    return None


def awards(child: PlanDocument) -> list[Finding]:
    own = own_authority(child)
    if own is None:
        return []
    r = rules()
    text = child.text
    low = tone_style(text.lower())
    if len(low) != len(text):
        low = text.lower()
    body_start = child.preamble.end if child.preamble else 0
    out, seen = [], set()
    for form in dict.fromkeys(a.form for a in child.awards):
        for m in re.finditer(re.escape(fold(form)) + r"(?![\w])", low):
            if m.start() < body_start or m.start() in seen:
                continue
            seen.add(m.start())
            cs, ce = _clause(text, m.start(), m.end())
            before = text[cs:m.start()]
            after = text[m.end():ce]
            if has_cue(fold(before), r["proposal_cues"]):
                continue
            named = re.match(r"\s*(?:của|do)\s+(.+)", after)
            grantor = authority_entry(named.group(1)) if named else _grantor(before)
            if grantor is None:
                if not has_cue(fold(before), r["grant_cues"]):
                    continue
                grantor = own
            if grantor["authority"] != own["authority"] or form in grantor["grants"]:
                continue
            span = child.span(cs + len(before) - len(before.lstrip()), ce)
            out.append(Finding(kind=FindingKind.AWARD_BEYOND_AUTHORITY, severity=Severity.ERROR,
                               message=f"{form} vượt thẩm quyền của {own['authority']} "
                                       f"(Luật Thi đua, khen thưởng, Điều {own.get('article', '?')}); "
                                       f"chỉ được đề nghị cấp trên khen thưởng.",
                               child_span=span, child_text=child.snippet(span)))
    return out
