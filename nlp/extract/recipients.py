"""The Nơi nhận list: each recipient's name, with "(b/c)" and the like moved into ``purpose``.

"Lưu: …" and sub-headers such as "Gửi bản điện tử:" are not recipients; "Như trên" stays as
written.  Items may sit several to a line ("- Đài PTTH; Báo Kon Tum;") or inline after
"Nơi nhận:".  Vocabulary: nlp/resources/signature.yaml (recipients).
"""
from __future__ import annotations

import re

from nlp.segment import Role, layout_of
from nlp.segment.signoff import vocabulary
from nlp.textutil import fold
from schema.plan import PlanDocument, Recipient

_PURPOSE = re.compile(r"\s*\(\s*([^()]*?)\s*\)\s*$")
_PIECE = re.compile(r"[^;]+")


def split_purpose(name: str) -> tuple[str, str | None]:
    """'UBND tỉnh (b/c)' → ('UBND tỉnh', 'b/c'); an unknown bracket stays in the name."""
    m = _PURPOSE.search(name)
    if m:
        purpose = vocabulary().purposes.get(fold(m.group(1)).replace(" /", "/").replace("/ ", "/"))
        if purpose:
            return name[:m.start()].strip(), purpose
    return name, None


def _clean(piece: str) -> tuple[str, int]:
    """The item text without its marker and end punctuation, and how many chars were cut in front."""
    v = vocabulary()
    m = v.item_marker.match(piece)
    cut = m.end() if m else len(piece) - len(piece.lstrip())
    text = piece[cut:].rstrip().rstrip(".,;").rstrip()
    return text, cut


def items(text: str, base: int) -> list[tuple[str, str | None, int, int]]:
    """(name, purpose, start, end) for each recipient in one line's text; stops at "Lưu"."""
    v = vocabulary()
    out = []
    for m in _PIECE.finditer(text):
        piece = m.group(0)
        if not piece.strip():
            continue
        if v.storage.match(piece.strip()):
            break
        name, cut = _clean(piece)
        name, purpose = split_purpose(name)
        if not any(c.isalpha() for c in name):
            continue                      # "- ......;" placeholders of a template
        start = base + m.start() + cut
        out.append((name, purpose, start, start + len(name)))
    return out


def run(plan: PlanDocument) -> PlanDocument:
    lay = layout_of(plan)
    v = vocabulary()
    found: list[Recipient] = []
    for i in lay.signoff.indices(Role.RECIPIENTS_HEADER, Role.RECIPIENT, Role.STORAGE):
        line = lay.lines[i]
        role = lay.signoff.roles[i]
        if role is Role.STORAGE:
            continue
        text, base = line.text, line.start
        if role is Role.RECIPIENTS_HEADER:
            m = v.header.match(text)
            text, base = text[m.end():], base + m.end()
        if found and role is Role.RECIPIENT and text[:1].islower():
            prev = found[-1]                # a wrapped item continues on this line
            name, purpose = split_purpose(f"{prev.name} {text.rstrip('.,; ')}")
            found[-1] = Recipient(name=name, purpose=purpose or prev.purpose,
                                  span=plan.span(prev.span.start, line.end))
            continue
        for name, purpose, start, end in items(text, base):
            found.append(Recipient(name=name, purpose=purpose, span=plan.span(start, end)))
    plan.recipients = found
    return plan
