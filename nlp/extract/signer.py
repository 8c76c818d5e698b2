"""The signer: title ("PHÓ CHỦ TỊCH"), name, and authority ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH").

Reads the signature lines that segmentation classified (they may be interleaved with the
Nơi nhận list).  An unsigned document (no name) has no signer.
"""
from __future__ import annotations

from nlp.segment import Role, layout_of
from nlp.segment.signoff import split_signature, vocabulary
from nlp.textutil import fold
from schema.plan import PlanDocument, Signer


def _title_at(words: list[str], i: int) -> int:
    """Length of the longest signer title starting at word ``i`` (0 when none)."""
    folded = tuple(fold(w.strip(",")) for w in words[i:])
    return next((len(t) for t in vocabulary().titles if folded[:len(t)] == t), 0)


def _first_title(words: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(words)) if _title_at(words, i)), None)


def parse_caps(caps: str) -> tuple[str | None, str | None]:
    """(title, authority) from the signature capitals before the name.

    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → ("PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")
    "Q. GIÁM ĐỐC" → ("GIÁM ĐỐC", "Q. GIÁM ĐỐC");  "GIÁM ĐỐC" → ("GIÁM ĐỐC", None)
    """
    words = caps.split()
    if not words:
        return None, None
    prefixes = [i for i, w in enumerate(words) if vocabulary().prefix.fullmatch(w)]
    if not prefixes:
        at = _first_title(words, 0)
        if at is None:
            return caps, None
        return " ".join(words[at:]), " ".join(words[:at]) or None
    last = prefixes[-1]
    form = fold(words[last]).replace("/", "").rstrip(".:")
    start = last + 1
    if form != "tm":
        # KT./TL./Q./TUQ. name the head's title first: "KT. BỘ TRƯỞNG, CHỦ NHIỆM"
        n = _title_at(words, start)
        while n:
            start += n
            n = _title_at(words, start) if words[start - 1].endswith(",") else 0
        if start >= len(words):
            own = " ".join(words[last + 1:]) if form == "q" else None
            return own, caps
    at = _first_title(words, start)
    if at is None:
        return (" ".join(words[start:]) or None), " ".join(words[:start])
    return " ".join(words[at:]), " ".join(words[:at])


def run(plan: PlanDocument) -> PlanDocument:
    lay = layout_of(plan)
    caps_parts: list[str] = []
    name = None
    first = last = None
    for i in lay.signoff.indices(Role.SIGNATURE, Role.NAME):
        line = lay.lines[i]
        caps, found = split_signature(line.text)
        if lay.signoff.roles[i] is Role.NAME:
            found = found or vocabulary().signed_note.sub(" ", line.text).strip()
        if caps:
            caps_parts.append(caps)
        first = line.start if first is None else first
        last = line.end
        if found:
            name = found
            break
    if name is None:
        plan.signer = None
        return plan
    title, authority = parse_caps(" ".join(caps_parts))
    plan.signer = Signer(title=title, name=name, authority=authority, span=plan.span(first, last))
    return plan
