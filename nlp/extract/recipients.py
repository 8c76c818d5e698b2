"""The Nơi nhận list: each recipient's name, with "(b/c)" and the like moved into ``purpose``.

"Lưu: …" and sub-headers such as "Gửi bản điện tử:" are not recipients; "Như trên" stays as
written.  Items may sit several to a line ("- Đài PTTH; Báo Kon Tum;") or inline after
"Nơi nhận:".  A line ending with "," runs on into the next; an item ending with ":" heads a
sub-list whose items ("+ LĐVP, KGVX;") join it.  Copy counts ("(2C, 3C)") are dropped.
Vocabulary: nlp/resources/signature.yaml (recipients) and recipients.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import resources
from nlp.segment import Role, layout_of
from nlp.segment.signoff import vocabulary
from nlp.textutil import fold
from schema.plan import PlanDocument, Recipient

_PURPOSE = re.compile(r"\s*\(\s*([^()]*?)\s*\)\s*$")
_PIECE = re.compile(r"[^;]+")


@lru_cache(maxsize=1)
def _rules() -> dict:
    r = resources.load("recipients")
    return {"copy_marks": re.compile(r["copy_marks"]),
            "continues_after": tuple(r["continues_after"]),
            "sublist_joiner": r["sublist_joiner"]}


def split_purpose(name: str) -> tuple[str, str | None]:
    """'UBND tỉnh (b/c)' → ('UBND tỉnh', 'b/c'); copy counts '(2C, 3C)' go; an unknown bracket stays."""
    m = _PURPOSE.search(name)
    if m and _rules()["copy_marks"].match(m.group(1)):
        return name[:m.start()].strip(), None
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


def _run_on(text: str, rules: dict) -> str | None:
    """The ending ("," "và" …) with which a line runs on into the next, if it does."""
    tail = text.rstrip()
    return next((c for c in rules["continues_after"] if tail.endswith(c) and
                 (not c[0].isalpha() or re.search(rf"(?<!\w){re.escape(c)}$", tail))), None)


def run(plan: PlanDocument) -> PlanDocument:
    lay = layout_of(plan)
    v = vocabulary()
    rules = _rules()
    found: list[Recipient] = []
    runs_on: str | None = None    # how the last line ended inside an item ("…, Ban xây dựng Đảng,")
    sublist: str | None = None    # the marker of the sub-items joining a "VP UBND tỉnh:" item
    for i in lay.signoff.indices(Role.RECIPIENTS_HEADER, Role.RECIPIENT, Role.STORAGE):
        line = lay.lines[i]
        role = lay.signoff.roles[i]
        if role is Role.STORAGE:
            continue
        text, base = line.text, line.start
        if role is Role.RECIPIENTS_HEADER:
            m = v.header.match(text)
            text, base = text[m.end():], base + m.end()
        marker = v.item_marker.match(text)
        sign = marker.group(0).strip() if marker else ""
        if found and role is Role.RECIPIENT and (text[:1].islower() or (runs_on and not marker)):
            prev = found[-1]                # a wrapped item continues on this line
            glue = "," if runs_on == "," else ""
            name, purpose = split_purpose(f"{prev.name}{glue} {text.rstrip('.,; ')}")
            found[-1] = Recipient(name=name, purpose=purpose or prev.purpose,
                                  span=plan.span(prev.span.start, line.end))
            runs_on = _run_on(text, rules)
            continue
        if found and role is Role.RECIPIENT and sublist is not None and marker and sign != sublist:
            subs = items(text, base)
            if subs:
                prev = found[-1]
                head = prev.name if prev.name.endswith(":") else prev.name + rules["sublist_joiner"].rstrip()
                name = f"{head} {rules['sublist_joiner'].join(n for n, _, _, _ in subs)}"
                found[-1] = Recipient(name=name, purpose=prev.purpose,
                                      span=plan.span(prev.span.start, subs[-1][3]))
                runs_on = None
                continue
        sublist = None
        for name, purpose, start, end in items(text, base):
            found.append(Recipient(name=name, purpose=purpose, span=plan.span(start, end)))
        if found and found[-1].name.endswith(":") and role is Role.RECIPIENT:
            sublist = sign
        runs_on = _run_on(text, rules) if role is Role.RECIPIENT else None
    plan.recipients = found
    return plan
