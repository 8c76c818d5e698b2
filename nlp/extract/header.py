"""The document header: type, số/ký hiệu, issuer (and its parent), place, date, trích yếu, marks.

Reads the header lines that segmentation found before the type line (nlp.segment.layout_of);
where a plan has no header, the issuer is read from the text ("Sở Tài chính xây dựng Kế
hoạch …", "Trên đây là Kế hoạch … của Văn phòng UBND tỉnh Bắc Kạn./.").  Vocabulary:
nlp/resources/header.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.dates import find_dates
from nlp.segment import Layout, Role, layout_of
from nlp.segment.lines import Line
from nlp.segment.signoff import split_signature, vocabulary as signoff_vocabulary
from nlp.textutil import fold, is_caps, strip_diacritics
from schema.plan import DocumentHeader, Located, PlanDocument

_HEADER_CONFIDENCE = 0.95
_TEXT_CONFIDENCE = 0.7


@dataclass(frozen=True)
class _Vocab:
    motto: tuple[re.Pattern, ...]
    marks: tuple[str, ...]
    number_line: re.Pattern
    number_admin: re.Pattern
    number_party: re.Pattern
    place_date: re.Pattern
    subject: re.Pattern
    continuation: tuple[str, ...]
    org_heads: tuple[str, ...]
    org_head_blockers: frozenset[str]
    issuer_in_text: re.Pattern
    issuer_in_closing: re.Pattern
    issuer_starts: tuple[str, ...]
    admin_levels: tuple[str, ...]
    keep_caps: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    named_after: tuple[tuple[str, ...], ...]
    name_separators: frozenset[str]
    generic_after_head: tuple[tuple[str, ...], ...]
    organs_of_parent: dict[str, str]


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    d = resources.load("header")
    try:
        casing = d["casing"]
        words = lambda items: tuple(sorted((tuple(fold(x).split()) for x in items), key=len, reverse=True))
        return _Vocab(
            motto=tuple(re.compile(p) for p in d["national_motto"]),
            marks=tuple(d["marks"]),
            number_line=re.compile(d["number_line"]),
            number_admin=re.compile(d["number_admin"]),
            number_party=re.compile(d["number_party"]),
            place_date=re.compile(d["place_date"]),
            subject=re.compile(d["subject_line"]),
            continuation=tuple(d["continuation_words"]),
            org_heads=tuple(sorted(d["org_heads"], key=len, reverse=True)),
            org_head_blockers=frozenset(d["org_head_blockers"]),
            issuer_in_text=re.compile(d["issuer_in_text"]),
            issuer_in_closing=re.compile(d["issuer_in_closing"]),
            issuer_starts=tuple(fold(x) for x in d["issuer_starts"]),
            admin_levels=tuple(fold(x) for x in d["admin_levels"]),
            keep_caps=frozenset(casing["keep_caps"]),
            phrases=tuple(sorted(((tuple(fold(p).split()), p) for p in casing["phrases"]),
                                 key=lambda t: len(t[0]), reverse=True)),
            named_after=words(casing["named_after"]),
            name_separators=frozenset(casing["name_separators"]),
            generic_after_head=words(casing["generic_after_head"]),
            organs_of_parent={fold(x): x for x in d["organs_of_parent"]},
        )
    except (KeyError, TypeError, re.error) as e:
        raise ValueError(f"header.yaml: {e}") from None


# ---------------------------------------------------------------- casing

def _starts_with(words: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(w.lower() for w in words[i:i + len(seq)]) == seq


def _looks_abbreviation(word: str) -> bool:
    """'UBND', 'HĐTĐKT': letters only, no vowel, kept in capitals."""
    bare = strip_diacritics(word).lower()
    return len(word) >= 2 and word.isalpha() and not any(c in "aeiouy" for c in bare)


def title_case(name: str) -> str:
    """An issuer printed in capitals, written as in running text.

    "ỦY BAN NHÂN DÂN TỈNH KON TUM" → "Ủy ban nhân dân tỉnh Kon Tum";
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo".
    """
    if not is_caps(name):
        return name
    v = vocab()
    raw = name.split()
    words = [w.lower() for w in raw]
    out: list[str] = []
    mode = "start"          # start | plain | name_start | name | place
    i = 0
    while i < len(words):
        w, orig = words[i], raw[i]
        phrase = next((p for p in v.phrases if _starts_with(words, i, p[0])), None)
        if orig.strip(",.") in v.keep_caps or _looks_abbreviation(orig):
            out.append(orig)
            i += 1
            continue
        if phrase:
            out.append(phrase[1])
            i += len(phrase[0])
            mode = "plain"
            continue
        head = next((h for h in v.named_after if _starts_with(words, i, h)), None)
        if mode == "place" and w not in v.name_separators and not head:
            out.append(w.capitalize())
            i += 1
            continue
        if head and mode != "name":
            text = " ".join(words[i:i + len(head)])
            out.append(text.capitalize() if not out else text)
            i += len(head)
            generic = next((g for g in v.generic_after_head if _starts_with(words, i, g)), None)
            mode = "plain" if generic else "name_start"
            continue
        after_separator = mode == "name" and out and (out[-1] in v.name_separators or out[-1].endswith(","))
        if after_separator:
            out.append(w.capitalize())
            i += 1
            continue
        if w in v.admin_levels or any(_starts_with(words, i, tuple(a.split())) for a in v.admin_levels if " " in a):
            level = next((a for a in v.admin_levels if _starts_with(words, i, tuple(a.split()))), w)
            n = len(level.split())
            out.append(" ".join(words[i:i + n]) if out else " ".join(words[i:i + n]).capitalize())
            i += n
            mode = "place"
            continue
        if mode in ("start", "name_start") or (mode == "name" and out and out[-1].rstrip(",") != out[-1]) \
                or (mode == "name" and out and out[-1] in v.name_separators):
            out.append(w.capitalize())
            mode = "name" if mode != "start" else "plain"
        else:
            out.append(w)
        i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- header lines

@dataclass
class _HeaderParts:
    motto: list[Line]
    number: list[Line]
    place_date: Line | None
    subject: list[Line]
    marks: list[Line]
    issuer: list[Line]


def _is_motto(text: str) -> bool:
    return any(p.match(text) for p in vocab().motto)


def _sort_header(lines: list[Line]) -> _HeaderParts:
    v = vocab()
    parts = _HeaderParts([], [], None, [], [], [])
    marks = {fold(m) for m in v.marks}
    i = 0
    while i < len(lines):
        t = lines[i].text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if _is_motto(t):
            parts.motto.append(lines[i])
        elif nxt and _is_motto(f"{t} {nxt}") and not _is_motto(nxt):
            parts.motto += [lines[i], lines[i + 1]]      # a motto broken over two lines
            i += 1
        elif v.number_line.match(t) and not parts.number:
            parts.number.append(lines[i])
            rest = t[v.number_line.match(t).end():].strip()
            if not rest and nxt[:1].isdigit() or nxt.startswith("/"):
                parts.number.append(lines[i + 1])
                i += 1
        elif v.place_date.match(t) and parts.place_date is None and find_dates(t):
            parts.place_date = lines[i]
        elif fold(t.strip("()[] ")) in marks:
            parts.marks.append(lines[i])
        elif v.subject.match(t):
            parts.subject.append(lines[i])
        elif parts.subject and not is_caps(t) and not t[:1].isupper():
            parts.subject.append(lines[i])               # the V/v line wraps
        elif is_caps(t) and t.strip("* ") and len(t.split()) <= 20:
            parts.issuer.append(lines[i])
        i += 1
    return parts


def _split_issuer_line(text: str) -> list[str]:
    """'BỘ TÀI CHÍNH CỤC THUẾ' → ['BỘ TÀI CHÍNH', 'CỤC THUẾ'] (a parent and its unit on one line)."""
    v = vocab()
    words = text.split()
    for k in range(2, len(words)):
        for head in v.org_heads:
            n = len(head.split())
            if " ".join(words[k:k + n]) == head and len(words) - k > n and words[k - 1] not in v.org_head_blockers \
                    and not words[k - 1].endswith(",") and words[k - 1] not in ("VÀ", "-", "–"):
                return [" ".join(words[:k])] + _split_issuer_line(" ".join(words[k:]))
    return [text]


def _is_bare_head(text: str) -> bool:
    return tuple(fold(text).split()) in vocab().named_after


def issuer_groups(texts: list[str]) -> list[str]:
    """Header caps lines → organisation names, outermost first (the issuer is the last)."""
    v = vocab()
    groups: list[str] = []
    pending = ""
    for t in texts:
        t = t.strip(" *")
        if not t:
            continue
        if pending:
            t, pending = f"{pending} {t}", ""
        if (len(t.split()) == 1 and t not in v.keep_caps) or _is_bare_head(t):
            pending = t                 # "THỦ" / "TƯỚNG CHÍNH PHỦ", "HỘI ĐỒNG" / "THI ĐUA …"
            continue
        joins = groups and (t.startswith(tuple(c + " " for c in v.continuation)) or t in v.continuation
                            or t.startswith(("VÀ ", "- ", "– ")) or groups[-1].endswith((",", "-", "–")))
        if joins:
            groups[-1] = f"{groups[-1]} {t}"
        else:
            groups.append(t)
    if pending:
        groups.append(pending)
    out: list[str] = []
    for g in groups:
        out.extend(_split_issuer_line(g))
    return out


# ---------------------------------------------------------------- values

def _located(plan: PlanDocument, value: str, start: int, end: int, confidence: float) -> Located[str]:
    return Located[str](value=value, span=plan.span(start, end), confidence=confidence)


def _number(plan: PlanDocument, h: DocumentHeader, lines: list[Line]) -> str | None:
    """Fill number and symbol; returns what follows the symbol on the line (a công văn's V/v)."""
    v = vocab()
    first = lines[0]
    m = v.number_line.match(first.text)
    text, base = first.text[m.end():], first.start + m.end()
    if not text.strip() and len(lines) > 1:
        text, base = lines[1].text, lines[1].start
    lead = len(text) - len(text.lstrip())
    body = text.lstrip()
    base += lead
    nm = v.number_admin.match(body) or v.number_party.match(body)
    if not nm:
        return None
    if nm.group("number"):
        h.number = _located(plan, nm.group("number"), base + nm.start("number"), base + nm.end("number"),
                            _HEADER_CONFIDENCE)
    symbol = re.sub(r"\s+", "", nm.group("symbol")).replace("–", "-").rstrip(".,;")
    h.symbol = _located(plan, symbol, base + nm.start("symbol"), base + nm.end("symbol"), _HEADER_CONFIDENCE)
    rest = body[nm.end():].strip()
    return rest or None


def _doc_type_from_symbol(symbol: str) -> str | None:
    codes = {entry["code"] for entry in resources.load("doc_types")}
    for part in re.split(r"[-/]", symbol):
        if part in codes:
            return part
    return None


def _place_and_date(plan: PlanDocument, h: DocumentHeader, line: Line) -> None:
    m = vocab().place_date.match(line.text)
    place = m.group("place").strip()
    if place and not fold(place).startswith(("số", "ngày")):
        h.place = _located(plan, place, line.start + m.start("place"), line.start + m.start("place") + len(place),
                           _HEADER_CONFIDENCE)
    dates = find_dates(line.text)
    if dates:
        d = dates[0]
        h.issued = _located(plan, d.value, line.start + d.start, line.start + d.end, _HEADER_CONFIDENCE)


def _title(plan: PlanDocument, h: DocumentHeader, lay: Layout) -> None:
    start, end = lay.title
    if end <= start:
        return
    lines = lay.lines[start:end]
    first = lines[0]
    offset = 0
    if lay.type_line is not None and start == lay.type_line:
        # "KẾ HOẠCH Triển khai …": the title follows the type word on the same line
        offset = len(lay.type_name or "") if first.text.upper().startswith((lay.type_name or "").upper()) else 0
        offset += len(first.text[offset:]) - len(first.text[offset:].lstrip())
    text = " ".join([first.text[offset:]] + [ln.text for ln in lines[1:]]).strip()
    if text:
        h.title = _located(plan, text, first.start + offset, lines[-1].end, _HEADER_CONFIDENCE)


def _subject_title(plan: PlanDocument, h: DocumentHeader, lines: list[Line], inline: str | None,
                   number_line: Line | None) -> None:
    if h.title is not None:
        return
    if inline and vocab().subject.match(inline) and number_line is not None:
        start = number_line.start + number_line.text.index(inline)
        h.title = _located(plan, inline, start, number_line.end, _HEADER_CONFIDENCE)
    elif lines:
        text = " ".join(ln.text for ln in lines)
        h.title = _located(plan, text, lines[0].start, lines[-1].end, _HEADER_CONFIDENCE)


def _issuer_from_header(plan: PlanDocument, h: DocumentHeader, issuer_lines: list[Line]) -> None:
    if not issuer_lines:
        return
    groups = issuer_groups([ln.text for ln in issuer_lines])
    if not groups:
        return
    start, end = issuer_lines[0].start, issuer_lines[-1].end
    issuer = title_case(groups[-1])
    organ = vocab().organs_of_parent.get(fold(groups[-1]))
    if len(groups) > 1 and organ:
        # "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC": the standing board of that committee
        issuer = f"{organ} {title_case(' '.join(groups[:-1]))}"
    h.issuer = _located(plan, issuer, start, end, _HEADER_CONFIDENCE)
    if len(groups) > 1:
        h.issuer_parent = _located(plan, title_case(" ".join(groups[:-1])), start, end, _HEADER_CONFIDENCE)


def _believable_issuer(org: str) -> bool:
    f = fold(org)
    return org[:1].isupper() and any(f == s or f.startswith(s + " ") for s in vocab().issuer_starts)


def _issuer_from_text(plan: PlanDocument, lay: Layout) -> tuple[str, int, int, float] | None:
    v = vocab()
    text = plan.text
    found = None
    for i in range(*lay.preamble):
        line = lay.lines[i]
        for m in v.issuer_in_text.finditer(line.text):
            org = m.group("org").strip()
            if _believable_issuer(org):
                found = (org, line.start + m.start("org"), line.start + m.start("org") + len(org), _TEXT_CONFIDENCE)
    if lay.closing:
        line = lay.lines[lay.closing[0]]
        k = line.text.rfind(" của ")
        if k >= 0:
            m = v.issuer_in_closing.search(line.text, k)
            if m:
                org = m.group("org").strip()
                if _believable_issuer(org) and (found is None or fold(org).startswith(fold(found[0]))):
                    found = (org, line.start + m.start("org"), line.start + m.start("org") + len(org),
                             _TEXT_CONFIDENCE)
    if found is None:
        found = _issuer_from_signature(lay)
    del text
    return found


def _issuer_from_signature(lay: Layout) -> tuple[str, int, int, float] | None:
    """"TM. ỦY BAN NHÂN DÂN" names the collective that signs: a weak last resort."""
    prefix = signoff_vocabulary().prefix
    for i in lay.signoff.indices(Role.SIGNATURE):
        line = lay.lines[i]
        caps, _ = split_signature(line.text)
        m = prefix.match(caps)
        if m and fold(caps).startswith(("tm", "t/m")):
            org = caps[m.end():].strip()
            if org:
                return title_case(org), line.start, line.end, 0.5
    return None


def _with_place(issuer: str, place: str | None) -> str:
    """'Ủy ban nhân dân tỉnh' + place 'Kon Tum' → 'Ủy ban nhân dân tỉnh Kon Tum' (local bodies)."""
    if not place:
        return issuer
    last = fold(issuer).split()[-1:]
    if last and last[0] in vocab().admin_levels and fold(place) not in fold(issuer):
        return f"{issuer} {place}"
    return issuer


def run(plan: PlanDocument) -> PlanDocument:
    lay = layout_of(plan)
    h = plan.header
    v = vocab()
    header_lines = lay.lines[lay.header[0]:lay.header[1]]
    parts = _sort_header(header_lines)

    if parts.motto:
        h.national_motto = plan.span(parts.motto[0].start, parts.motto[-1].end)
    h.marks = [_located(plan, ln.text.strip("()[] ").upper(), ln.start, ln.end, _HEADER_CONFIDENCE)
               for ln in parts.marks]
    inline_subject = _number(plan, h, parts.number) if parts.number else None
    if parts.place_date is not None:
        _place_and_date(plan, h, parts.place_date)

    if lay.type_line is not None:
        type_line = lay.lines[lay.type_line]
        h.doc_type_name = type_line.text[:len(lay.type_name)] if type_line.text.upper().startswith(
            lay.type_name.upper()) else lay.type_name
        h.doc_type = _located(plan, lay.type_code, type_line.start, type_line.start + len(lay.type_name),
                              _HEADER_CONFIDENCE)
    _title(plan, h, lay)
    _subject_title(plan, h, parts.subject, inline_subject, parts.number[0] if parts.number else None)
    if h.doc_type is None and h.symbol is not None:
        code = _doc_type_from_symbol(h.symbol.value)
        if code is None and (parts.subject or (inline_subject and v.subject.match(inline_subject))):
            code = "CV"
        if code:
            h.doc_type = Located[str](value=code, span=h.symbol.span, confidence=0.8)

    _issuer_from_header(plan, h, parts.issuer)
    if h.issuer is None:
        found = _issuer_from_text(plan, lay)
        if found:
            org, start, end, conf = found
            place = h.place.value if h.place else None
            full = _with_place(org, place)
            h.issuer = _located(plan, full, start, end, conf if full == org else conf - 0.1)
    return plan
