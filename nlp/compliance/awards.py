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


def _key(text: str) -> str:
    """An authority as written, folded, abbreviations spelled out and filler words dropped."""
    r = rules()
    key = " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "
    for short, full in r["authority_abbreviations"].items():
        key = key.replace(f" {short} ", f" {full} ")
    for filler in r["authority_fillers"]:
        key = key.replace(f" {filler} ", " ")
    return " ".join(key.split())


def authority(text: str) -> dict | None:
    """The authority ``text`` opens with: a body compliance.yaml lists (the Front, mass
    organisations, which awards.yaml does not), else the awards.yaml authority."""
    key = _key(text)
    best = None
    for entry in rules()["extra_authorities"]:
        for name in entry["names"]:
            nk = _key(name)
            if (key == nk or key.startswith(nk + " ")) and (best is None or len(nk) > best[0]):
                best = (len(nk), entry)
    return best[1] if best else authority_entry(text)


def own_authority(plan: PlanDocument) -> dict | None:
    """The authority entry of the child's issuer: its header issuer, else its signer's title."""
    issuer = plan.header.issuer.value if plan.header.issuer else None
    entry = authority_entry(f"Chủ tịch {issuer}") if issuer else None
    if entry is None and issuer:
        entry = authority(issuer)
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


def _subject(before: str) -> dict | None:
    """The authority that grants: named before the grant verb ("Chủ tịch UBND xã tặng …")."""
    folded = fold(before)
    cue = max((folded.rfind(c) for c in rules()["grant_cues"]), default=-1)
    if cue < 0:
        return None
    head = folded[:cue]
    for m in re.finditer(rules()["authority_heads"], head):
        entry = authority(head[m.start():])
        if entry:
            return entry
    return None


def _grants(entry: dict, form: str) -> bool:
    return fold(form) in {fold(g) for g in entry["grants"]}


def awards(child: PlanDocument) -> list[Finding]:
    """Award sentences whose grantor may not grant the form: the authority named before the grant
    verb, else the issuer; a form "của <authority>" granted by anyone but that authority."""
    own = own_authority(child)
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
            before, after = text[cs:m.start()], text[m.end():ce]
            if has_cue(fold(before), r["proposal_cues"]):
                continue
            named = re.match(r"\s*(?:của|do)\s+(.+)", after)
            owner = authority(named.group(1)) if named else None
            granter = _subject(before)
            if granter is None:
                if owner is not None or not has_cue(fold(before), r["grant_cues"]) or own is None:
                    continue        # "được tặng Bằng khen của Thủ tướng": told, not granted here
                granter = own
            if owner is not None:
                if owner["authority"] == granter["authority"]:
                    continue
                why = f"{form} của {owner['authority']} chỉ do {owner['authority']} tặng"
            elif _grants(granter, form):
                continue
            else:
                why = f"{form} vượt thẩm quyền của {granter['authority']}"
            span = child.span(cs + len(before) - len(before.lstrip(" -+•\t")), ce)
            out.append(Finding(kind=FindingKind.AWARD_BEYOND_AUTHORITY, severity=Severity.ERROR,
                               message=f"{why} (Luật Thi đua, khen thưởng, Điều "
                                       f"{(owner or granter).get('article', '?')}); "
                                       f"chỉ được đề nghị cấp có thẩm quyền khen thưởng.",
                               child_span=span, child_text=child.snippet(span)))
    return out
