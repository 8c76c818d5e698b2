"""Deadlines: every time-bound obligation in the body of the plan.

A time expression (nlp.dates.find_time_expressions) is a deadline when
  - a deadline cue stands right before it ("trước ngày 20/11/2024", "vào tháng 12 năm 2024",
    "tổng kết vào cuối năm 2025", "trong quý IV/2024"), or
  - it opens its sentence ("Cuối năm 2024, các phòng …", "Năm 2023: … sơ kết"), or
  - it follows a "Thời gian <event>:" label ("Thời gian tổng kết: Ngày 19/5/2025"; "Thời gian thực
    hiện: Năm 2025 và các năm tiếp theo" only inside a numbered task item), or
  - it ends a range that a time or phase label introduces ("Đợt 1: Trong khoảng thời gian từ ngày
    01/12/2025 đến ngày 14/12/2025" → 2025-12-14; "đến 17 giờ 00, ngày 01/02/2026" keeps the time),
and it is none of: inside a reference ("Kế hoạch số 524/KH-UBND ngày 24/7/2024"), the frame of
a period ("từ tháng 7", "kết thúc vào 30/4/2025", "giai đoạn 2021-2025"), a goal ("đến năm
2025", "trong năm 2025"), or in a purpose / criteria section.  A sentence-opening year that only
labels a sentence holding a more precise deadline ("Năm 2024: … trước ngày 20/11/2024") gives
no entry of its own.

Responsible bodies are those of the clause's subject (nlp.bodies, else the words before the
clause's verb); failing that the sentence's subject, the subject of the sentence before, the
paragraph's "Body:" label, the task item's "Cơ quan chủ trì:" field, or the body the enclosing
section is about — named in its heading ("1. Sở Công Thương:") or handed the work there ("Sở …
chỉ đạo Chi cục … thực hiện các nội dung sau:").  Reports go to the bodies after "gửi về",
"báo cáo" … (not those of a purpose clause "…, để tổng hợp báo cáo UBND tỉnh").

A day and month without a year and without recurrence take the document's year.  Rows of
schedule tables are deadlines too (nlp.extract.deadline_tables).  Rules and vocabularies:
resources/deadlines.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from nlp import resources
from nlp.bodies import find_bodies
from nlp.dates import TimeExpr, find_time_expressions, recurrence_at
from nlp.extract.deadline_tables import find_table_deadlines
from nlp.extract.references import find_mentions, layout_of
from nlp.textutil import alternation, fold, is_caps
from schema.plan import Deadline, PlanDocument, Section

_MARKER = re.compile(r"[ \t]*(?:[-+•*–]+|\d{1,2}(?:\.\d{1,2})*\s?[.)]|[a-zđ]\)|[IVX]{1,5}\s?[.)])?[ \t*_]*")
_LIST_START = re.compile(r"(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*\s?[.)](?!\d)|[a-zđ]\)|[IVX]{1,5}\s?[.)]|Điều\s+\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[-+•*]?\s*[A-ZĐÀ-Ỹ“\"(])")
_LIST_ONLY = re.compile(r"[ \t*_]*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])\s?[.)]")
_ABBREV_END = re.compile(r"(?:\b(?:TM|KT|TL|TUQ|Q|TP|Tp|ThS|TS|PGS|GS|Đ/c|đ/c|v\.v|St|Số|số|tr)\.|\b[A-ZĐ]\.)$")


# ---------------------------------------------------------------- vocabulary

@lru_cache(maxsize=1)
def _cfg() -> dict:
    return resources.load("deadlines")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    c = _cfg()
    heads = c["subject_heads"] + [h[0].upper() + h[1:] for h in c["subject_heads"] if h.startswith("các ")]
    upper_heads = [h for h in heads if h[0].isupper()]
    return {
        "cue": re.compile(rf"(?<!\w)(?P<w>{alternation(c['cues_before'])})[ \t\n]*$", re.I),
        "block": re.compile(rf"(?<!\w)(?P<w>{alternation(c['blocked_before'])})[ \t\n]*$", re.I),
        "opening_block": re.compile(rf"(?:{alternation(c['opening_blocked'])})(?!\w)", re.I),
        "label": re.compile(c["time_label"] + r"[ \t]*(?:vào[ \t]+)?(?:ngày[ \t]*)?$", re.I),
        "head": re.compile(rf"(?<!\w)(?!(?i:{alternation(c['subject_events'])})(?!\w))(?:{alternation(heads)})(?!\w)"),
        "upper_head": re.compile(rf"(?!(?i:{alternation(c['subject_events'])})(?!\w))(?:{alternation(upper_heads)})(?!\w)"),
        "verb": re.compile(rf"(?<!\w)(?:{alternation(c['subject_verbs'])})(?!\w)", re.I),
        "delegation": re.compile(rf"(?<!\w)(?:{alternation(c['delegation_verbs'])})(?!\w)[ \t]*", re.I),
        "lead_field": re.compile(c["lead_field"], re.I | re.M),
        "prefix": re.compile(rf"(?:{alternation(c['subject_prefixes'])})(?!\w)[ \t]*", re.I),
        "report_cue": re.compile(rf"(?<!\w)(?:{alternation(c['report_to_cues'])})(?!\w)[ \t]*", re.I),
        "report_stop": re.compile("|".join(
            rf"(?<!\w){re.escape(w)}(?!\w)" if w[0].isalnum() else re.escape(w)
            for w in sorted(c["report_to_stops"], key=len, reverse=True)), re.I),
        "range_cue": re.compile(rf"(?:{'|'.join(f'(?:{r})' for r in c['range_cues'])})[ \t]*$", re.I),
        "range_link": re.compile(c["range_link"], re.I),
        "movement_range": re.compile(c["movement_range"], re.I | re.S),
        "schedule_opening": re.compile(c["schedule_opening"], re.I),
        "range_start_link": re.compile(c["range_start_link"], re.I),
        "bracket_event": re.compile(c["bracket_event"], re.I),
        "sec_exclude": re.compile(rf"(?<!\w)(?:{alternation(c['sections']['exclude'])})(?!\w)", re.I),
        "sec_include": re.compile(rf"(?<!\w)(?:{alternation(c['sections']['include'])})(?!\w)", re.I),
    }


# ---------------------------------------------------------------- text units

@dataclass
class _Unit:
    start: int
    end: int


def paragraphs(text: str, start: int, end: int) -> list[_Unit]:
    """Lines joined into paragraphs: a line continues the one before when that one does not end
    a sentence and it does not start a list item (hard-wrapped text); a blank line always ends one."""
    out: list[_Unit] = []
    joinable = False
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            joinable = False
            continue
        ls = s + len(line) - len(line.lstrip())
        le = e - (len(line) - len(line.rstrip()))
        prev = text[out[-1].start:out[-1].end] if out else ""
        heading = "\n" not in prev and len(prev) <= 100 and (is_caps(prev) or bool(_LIST_START.match(prev)))
        if joinable and not heading and not re.search(r"[.;:!?…][*_\s]*$", prev) \
                and not _LIST_START.match(text, ls):
            out[-1] = _Unit(out[-1].start, le)
        else:
            out.append(_Unit(ls, le))
        joinable = True
    return out


def sentences_of(text: str, unit: _Unit) -> list[_Unit]:
    out, seg = [], unit.start
    for m in _SENTENCE_END.finditer(text, unit.start, unit.end):
        if _ABBREV_END.search(text, max(unit.start, m.start() - 6), m.start()):
            continue
        if _LIST_ONLY.fullmatch(text, seg, m.start()):
            continue
        if text[seg:m.start()].strip():
            out.append(_Unit(seg, m.start()))
        seg = m.end()
    if text[seg:unit.end].strip():
        out.append(_Unit(seg, unit.end))
    return out


def clauses_of(text: str, sentence: _Unit) -> list[_Unit]:
    """A sentence split at ";" — except where what follows is another body of one subject list
    ("cơ quan, đơn vị huyện; Ủy ban nhân dân các xã …")."""
    out, seg = [], sentence.start
    for m in re.finditer(r";", text[sentence.start:sentence.end]):
        cut = sentence.start + m.start()
        after = re.compile(r"[ \t\n]*").match(text, cut + 1).end()
        if _patterns()["upper_head"].match(text, after):
            continue
        out.append(_Unit(seg, cut))
        seg = cut + 1
    out.append(_Unit(seg, sentence.end))
    return [u for u in out if text[u.start:u.end].strip()]


# ---------------------------------------------------------------- sections

@dataclass
class _Heading:
    level: int
    label: str
    title: str
    start: int
    end: int                     # end of the section (the next heading of the same or a lower level)
    lead: str = ""               # an untitled item's lead-in label ("3. Thời gian tổ chức …: <text>")


_FALLBACK_HEADINGS = [
    (1, re.compile(r"^[ \t*_]*(?P<label>[IVX]{1,5})[ \t]*[.:)][ \t]*(?P<title>[^\n]*)", re.M)),
    (2, re.compile(r"^[ \t*_]*(?P<label>\d{1,2})[ \t]?[.)](?!\d)[ \t]*(?P<title>[^\n]*)", re.M)),
    (3, re.compile(r"^[ \t*_]*(?P<label>[a-zđ])\)[ \t]*(?P<title>[^\n]*)", re.M)),
]


def _headings(plan: PlanDocument, start: int, end: int) -> list[_Heading]:
    text = plan.text
    out: list[_Heading] = []
    if plan.sections:
        def walk(sections: list[Section], level: int) -> None:
            for s in sections:
                out.append(_Heading(level, s.label, s.title or "", s.heading.start, s.body.end,
                                    "" if s.title else _lead_label(text, s.heading.start)))
                walk(s.children, level + 1)
        walk(plan.sections, 1)
        for appendix in plan.appendices:                  # a plan issued as a decision's appendix
            walk(appendix.children, 1)
        return out
    found = []
    for level, pattern in _FALLBACK_HEADINGS:
        for m in pattern.finditer(text, start, end):
            title = m.group("title").strip(" *_")
            short = len(title) <= 100 and not re.search(r"[.;]$", title)
            found.append((m.start(), level, m.group("label"), title if short else ""))
    found.sort()
    for i, (pos, level, label, title) in enumerate(found):
        stop = next((p for p, lv, _, _ in found[i + 1:] if lv <= level), end)
        out.append(_Heading(level, label, title, pos, stop, "" if title else _lead_label(text, pos)))
    return out


def _lead_label(text: str, start: int) -> str:
    """The words before the first ":" of an item that runs on after its label, if short."""
    lead = _MARKER.match(text, start).end()
    m = re.match(r"[^:.;\n]{1,100}(?:\n[^:.;\n]{1,100})?(?=:)", text[lead:lead + 210])
    return " ".join(m.group().replace("*", " ").split()) if m else ""


def _chain(headings: list[_Heading], pos: int) -> list[_Heading]:
    """The headings whose sections hold ``pos``, outermost first."""
    inside = [h for h in headings if h.start <= pos < h.end]
    return sorted(inside, key=lambda h: (h.level, h.start))


def _inside_task(chain: list[_Heading]) -> bool:
    """Inside an item of a part (a numbered task), not in a part about the plan's own time."""
    time_part = re.compile(_cfg()["time_sections"], re.I)
    return any(h.level >= 2 for h in chain) and not any(time_part.search(h.title) for h in chain)


def _excluded(chain: list[_Heading]) -> bool:
    p = _patterns()
    for h in reversed(chain):
        title = h.title or h.lead
        ex, inc = bool(p["sec_exclude"].search(title)), bool(p["sec_include"].search(title))
        if ex != inc:
            return ex
    return False


# ---------------------------------------------------------------- which expressions are deadlines

def _is_deadline(text: str, x: TimeExpr, sentence: _Unit) -> str | None:
    """"cue", "opening" or "label" when ``x`` is a deadline, else None."""
    if x.kind == "year_range":
        return None
    p, c = _patterns(), _cfg()
    before = text[max(sentence.start, x.start - 40):x.start]
    cue, block = p["cue"].search(before), p["block"].search(before)
    day_word = re.match(r"ngày[ \t]*", text[x.start:x.end], re.I)
    if cue is None and day_word:                # "đến ngày 30 tháng 6": the expression holds "ngày"
        cue = p["cue"].search(text[max(sentence.start, x.start - 40):x.start + day_word.end()])
        before = text[sentence.start:x.start]   # "tính từ ngày 15 tháng 12 năm trước … đến ngày 14 …"
    if cue and (not block or len(cue.group("w")) > len(block.group("w"))):
        word = fold(cue.group("w"))
        if x.kind == "clock" and not any(word.startswith(fold(w)) for w in c["clock_cues"]):
            return None
        if word == "trong" and x.kind not in c["trong_kinds"]:
            return None
        if word.startswith("đến") and (x.kind not in c["den_kinds"]
                                       or re.search(r"(?<!\w)từ(?!\w)", before, re.I)):
            return None                                   # a goal, or "từ ngày … đến ngày …"
        return "cue"
    lead = _MARKER.match(text, sentence.start).end()
    opening = p["schedule_opening"].match(text, lead)
    if opening and opening.end() == x.start and re.match(r"[ \t]*:", text[x.end:x.end + 3]):
        return "opening"                    # "- Từ ngày 04/02/2026: Ban Thường trực … họp …"
    if block:
        return None
    if x.kind == "year" and p["bracket_event"].search(text[sentence.start:x.start]):
        return "cue"                        # "Báo cáo giữa kỳ thực hiện Kế hoạch (năm 2030)"
    if not text[lead:x.start].strip() and not p["opening_block"].match(text, lead):
        after = text[x.end:x.end + 3]
        if re.match(r"\s*,\s*\d", text[x.end:x.end + 6]):
            return None                     # "Tháng 3, 4 và tháng 9 …": a list of months, not a time limit
        return "opening" if re.match(r"\s*[:,]|\s+\w", after) else None
    label = p["label"].search(text[sentence.start:x.start])
    if label:
        event = fold(label.group("event") or "")
        if event not in {fold(e) for e in c["period_events"]}:
            return "label"
        return "task_label"                 # "Thời gian thực hiện: …": a task's time, or the movement's
    return None


# ---------------------------------------------------------------- bodies of a clause

def _split_subject(subject: str) -> list[str]:
    """"các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn" → two bodies."""
    parts = re.split(r"\s*;\s*|,\s*(?=(?:" + _patterns()["upper_head"].pattern + r"))|\s+và\s+(?=(?:"
                     + _patterns()["upper_head"].pattern + r"|các\s))", subject)
    return [s.strip(" ,.:;") for s in parts if s and s.strip(" ,.:;")]


def _skip_lead(text: str, start: int, end: int) -> int:
    """Past the list marker, an opening time expression and words like "Giao", "Đề nghị"."""
    pos = _MARKER.match(text, start, end).end()
    for _ in range(3):
        moved = False
        for x in find_time_expressions(text, pos, min(end, pos + 60)):
            if x.start - pos <= 8 and not text[pos:x.start].strip(" \t(") or \
                    re.fullmatch(r"\s*(?:trước|vào|đến|trong)\s*", text[pos:x.start], re.I):
                pos = re.compile(r"[ \t]*[,:]?[ \t]*").match(text, x.end).end()
                moved = True
            break
        m = _patterns()["prefix"].match(text, pos, end)
        if m:
            pos, moved = m.end(), True
        if not moved:
            break
    return pos


def subject_bodies(text: str, start: int, end: int) -> list[str]:
    """The bodies that are the subject of ``text[start:end]`` (a clause), as written."""
    p = _patterns()
    pos = _skip_lead(text, start, end)
    if re.match(r"căn\s+cứ", text[pos:pos + 8], re.I):
        pos += 6
    bodies = find_bodies(text, pos, end)
    verb = _first_verb(text, pos, end, bodies)
    if verb is None:
        return []
    handed = p["delegation"].match(text, verb.start(), end)
    if handed and p["head"].match(text, pos) and p["head"].match(text, handed.end()):
        pos = handed.end()                            # "UBND Thành phố yêu cầu các Sở … triển khai"
        verb = _first_verb(text, pos, end, bodies)
        if verb is None:
            return []
    found = [b.name for b in bodies if pos <= b.start and b.end <= verb.end()]
    head = p["head"].search(text, pos, verb.start())
    if not head:
        return found
    between = text[pos:head.start()]
    if p["verb"].search(between) and not re.fullmatch(r"[^,;]{0,60}", between):
        return found
    subject = text[head.start():verb.start()].split(":")[0]
    parts = _split_subject(" ".join(subject.split()))
    if not parts or len(subject) > 160 or any(len(x) > 90 for x in parts):
        return found
    return parts


def _earlier_subject(text: str, para: _Unit, sentence: _Unit) -> list[str]:
    """The subject of the sentence before, when this one has none of its own ("Đề nghị các cơ
    quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ hằng năm … báo cáo …")."""
    before = [u for u in sentences_of(text, para) if u.end <= sentence.start]
    if not before:
        return []
    prev = before[-1]
    return subject_bodies(text, prev.start, clauses_of(text, prev)[-1].end)


def _field_bodies(text: str, chain: list[_Heading]) -> list[str]:
    """The bodies of the nearest "Cơ quan chủ trì: …" / "Cơ quan thực hiện: …" field of the task
    item around the deadline."""
    for h in reversed(chain):
        if h.level < 2:
            break
        m = _patterns()["lead_field"].search(text, h.start, h.end)
        if m:
            line_end = text.find("\n", m.end())
            line_end = h.end if line_end < 0 else min(line_end, h.end)
            return _bodies_in(text, m.end(), line_end)
    return []


def _bodies_in(text: str, start: int, end: int) -> list[str]:
    """Every body named in a list of bodies, as written."""
    found = [b.name for b in find_bodies(text, start, end)]
    return found or _split_subject(" ".join(text[start:end].split()).rstrip("."))


def _first_verb(text: str, start: int, end: int, bodies) -> re.Match | None:
    for v in _patterns()["verb"].finditer(text, start, end):
        if not any(b.start <= v.start() < b.end for b in bodies):
            return v
    return None


def _label_bodies(text: str, unit: _Unit) -> list[str]:
    """"e) Sở Nội vụ: Chủ trì …" → ["Sở Nội vụ"]."""
    lead = _MARKER.match(text, unit.start, unit.end).end()
    m = re.compile(r"([^:\n]{2,100}?)\s*:").match(text, lead, unit.end)
    if m and _patterns()["head"].match(m.group(1).strip()):
        return _split_subject(" ".join(m.group(1).split()))
    return []


def _section_bodies(text: str, chain: list[_Heading]) -> list[str]:
    """The bodies a section is about: its title names them ("1. Sở Công Thương:", "Trách nhiệm
    của Sở Nội vụ"), or its heading hands the work to them ("1. Sở Nông nghiệp và Môi trường chỉ
    đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau:")."""
    p = _patterns()
    for h in reversed(chain):
        line_end = text.find("\n", h.start)
        line_end = len(text) if line_end < 0 else line_end
        lead = _MARKER.match(text, h.start, line_end).end()
        colon = text.find(":", lead, line_end)
        if p["head"].match(text, lead) and p["delegation"].search(text, lead, colon if colon >= 0 else line_end):
            handed = subject_bodies(text, lead, line_end)
            if handed:
                return handed
        if not h.title:
            if 0 <= colon - lead <= 100 and p["head"].match(text, lead) and not p["verb"].search(text, lead, colon):
                return _split_subject(" ".join(text[lead:colon].split()))
            continue
        title = re.sub(r"^(?:Trách\s+nhiệm\s+(?:của\s+)?|Đối\s+với\s+|Giao\s+(?:cho\s+)?|Đề\s+nghị\s+)", "",
                       h.title.strip(), flags=re.I)
        if _patterns()["head"].match(title) and len(title) <= 120 and not title.endswith("."):
            return _split_subject(title.split(":")[0])
    return []


def report_bodies(text: str, start: int, end: int) -> list[str]:
    """Where the clause sends its report: the bodies after "gửi về", "báo cáo", "về" …"""
    p = _patterns()
    purpose = re.compile(r"(?<!\w)để(?!\w)").search(text, start, end)   # "…, để tổng hợp báo cáo UBND"
    chosen = None
    for m in p["report_cue"].finditer(text, start, purpose.start() if purpose else end):
        if p["head"].match(text, m.end()):
            chosen = m
    if chosen is None:
        return []
    stop = p["report_stop"].search(text, chosen.end(), end)
    stop_at = stop.start() if stop else end
    bodies = [b.name for b in find_bodies(text, chosen.end(), stop_at)]
    if bodies:
        return bodies
    return _split_subject(" ".join(text[chosen.end():stop_at].split()))


# ---------------------------------------------------------------- putting it together

def _section_label(chain: list[_Heading]) -> str | None:
    return ".".join(h.label for h in chain) or None


def find_deadlines(plan: PlanDocument) -> list[Deadline]:
    text = plan.text
    layout = layout_of(plan)
    start = layout.preamble[1] if layout.preamble else (layout.title[1] if layout.title else 0)
    end = layout.body_end
    zones = [(start, end)] + [(a.body.start, a.body.end) for a in plan.appendices if a.body.start >= end]
    refs = [(m.start, m.end) for zone in zones for m in find_mentions(text, *zone)]
    period = [(s.span.start, s.span.end) for s in (plan.movement.period_start, plan.movement.period_end)
              if s is not None and s.span is not None]
    headings = _headings(plan, start, end)
    year = plan.header.issued.value[:4] if plan.header.issued and plan.header.issued.value else None
    whole = _plan_years(plan, layout)
    tabled = find_table_deadlines(plan, start, len(text), whole if None not in whole else None)  # appendices too
    tables = [(d.span.start, d.span.end) for d in tabled]
    refs += tables                                               # their rows are not prose
    out: list[Deadline] = []
    for para in (p for zone in zones for p in paragraphs(text, *zone)):
        for sentence in sentences_of(text, para):
            found: list[tuple[TimeExpr, str]] = []
            exprs = [x for x in find_time_expressions(text, sentence.start, sentence.end, clock=True)
                     if not any(s <= x.start < e for s, e in refs)]
            exprs = _borrow_years(text, exprs)
            ranges = _range_ends(text, exprs, sentence, year)
            for i, x in enumerate(exprs):
                if i in ranges:
                    x = exprs[i] = ranges[i]
                kind = "range" if i in ranges else _is_deadline(text, x, sentence)
                if kind is None and found and found[-1][0] is exprs[i - 1] and \
                        re.fullmatch(_cfg()["coordination"], text[exprs[i - 1].end:x.start]):
                    kind = found[-1][1]                       # "vào tháng 4 và tháng 8 năm 2026"
                if kind is None or (kind != "cue" and any(s <= x.start < e for s, e in period)):
                    continue
                if kind == "cue" and i + 1 < len(exprs) and \
                        _patterns()["range_start_link"].fullmatch(text, x.end, exprs[i + 1].start):
                    continue                                  # "trong ngày 02/02 đến ngày 03/02": the end

                if _excluded(_chain(headings, x.start)):
                    continue
                if kind == "opening" and x.kind == "year" and whole[0] and x.value < whole[0]:
                    continue                                  # "Năm 2025, HĐND tỉnh quyết nghị …": before the plan
                if kind == "task_label":
                    if not _inside_task(_chain(headings, x.start)):
                        continue
                    kind = "label"
                found.append((x, kind))
            if any(k != "opening" for _, k in found):
                found = [(x, k) for x, k in found if not (k == "opening" and x.kind == "year")] or found
            clauses = clauses_of(text, sentence)
            for x, kind in found:
                clause = next((c for c in clauses if c.start <= x.start < c.end), sentence)
                out.append(_deadline(plan, x, kind, sentence, clause, clauses, para, _chain(headings, x.start)))
    for d in tabled:
        d.section = _section_label(_chain(headings, d.span.start))
    return sorted(out + tabled, key=lambda d: d.span.start)


def _plan_years(plan: PlanDocument, layout) -> tuple[str | None, str | None]:
    """The first and last year of the plan's own period: the movement's, else a year range in the
    title ("… giai đoạn 2026 - 2030"); a plan with only an end ("đến năm 2035") runs from the year
    it is issued."""
    first, last = (s.value[:4] if s is not None and s.value else None
                   for s in (plan.movement.period_start, plan.movement.period_end))
    if (first is None or last is None) and layout.title:
        spans = [x for x in find_time_expressions(plan.text, *layout.title) if x.kind == "year_range"]
        if spans:
            return spans[0].value[:4], spans[0].range_end[:4]
    issued = plan.header.issued.value[:4] if plan.header.issued and plan.header.issued.value else None
    if first is None and last and issued and issued <= last:
        first = issued
    return first, last


def _range_ends(text: str, exprs: list[TimeExpr], sentence: _Unit, doc_year: str | None) -> dict[int, TimeExpr]:
    """The ends of the ranges "từ <A> đến <B>" that a time or phase label introduces
    ("Thời gian thực hiện: Trong khoảng thời gian từ ngày 01/12/2025 đến ngày 14/12/2025"),
    by index; an end without a year takes the start's year, else the document's."""
    p, c = _patterns(), _cfg()
    out: dict[int, TimeExpr] = {}
    for i in range(len(exprs) - 1):
        a, b = exprs[i], exprs[i + 1]
        if b.kind not in c["range_end_kinds"] or not p["range_link"].fullmatch(text, a.end, b.start):
            continue
        opening = re.search(r"(?<!\w)từ[ \t]*(?:ngày[ \t]*)?$", text[max(sentence.start, a.start - 10):a.start], re.I)
        if not opening:
            continue
        lead = _MARKER.match(text, sentence.start).end()
        before = text[lead:a.start - len(opening.group())]
        schedule = not before.strip() and re.match(r"[ \t]*:", text[b.end:b.end + 3])
        if not schedule and (not p["range_cue"].search(before[-80:]) or p["movement_range"].search(before)):
            continue
        year = a.value[:4] if a.has_year else doc_year
        if not b.has_year and not b.recurrence and b.value.startswith("--") and \
                not b.value.startswith("---") and year:
            b = replace(b, value=year + b.value[1:])
        out[i + 1] = b
    return out


def _borrow_years(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """A date without a year takes the year of the dated expression it is listed with:
    "tháng 4 và tháng 8 năm 2026" → 2026-04, 2026-08."""
    out = list(exprs)
    for i in range(len(out) - 2, -1, -1):
        x, nxt = out[i], out[i + 1]
        if x.has_year or x.recurrence or x.kind not in ("month", "day_month") or not nxt.has_year:
            continue
        if re.fullmatch(_cfg()["coordination"], text[x.end:nxt.start]):
            year = nxt.value[:4]
            out[i] = replace(x, value=year + x.value[1:])
    return out


def _fits(value: str | None, recurrence: str) -> bool:
    fits = _cfg()["recurrence_fits"]
    prefix = max((p for p in fits if (value or "").startswith(p)), key=len, default=None)
    return prefix is None or recurrence in fits[prefix]


def _deadline(plan: PlanDocument, x: TimeExpr, kind: str, sentence: _Unit, clause: _Unit,
              clauses: list[_Unit], para: _Unit, chain: list[_Heading]) -> Deadline:
    text = plan.text
    recurrence = x.recurrence
    if recurrence is None and not x.has_year:
        rec = recurrence_at(text, clause.start, clause.end) or recurrence_at(text, sentence.start, sentence.end)
        recurrence = rec[0] if rec and _fits(x.value, rec[0]) else None
    due = x.value
    if recurrence is None and due and due.startswith("--") and not due.startswith("---") \
            and plan.header.issued and plan.header.issued.value:
        due = plan.header.issued.value[:4] + due[1:]          # "trước ngày 15/12": the document's year
    unit = sentence if kind == "opening" else clause
    responsible = (subject_bodies(text, clause.start, clause.end)
                   or subject_bodies(text, sentence.start, clauses[0].end if clauses else sentence.end)
                   or _earlier_subject(text, para, sentence)
                   or _label_bodies(text, para)
                   or _field_bodies(text, chain)
                   or _section_bodies(text, chain))
    report_to = report_bodies(text, unit.start, unit.end)
    lead = _MARKER.match(text, unit.start, unit.end).end()
    body = " ".join(text[lead:unit.end].split()).strip(" ;")
    return Deadline(
        due=due, recurrence=recurrence, approximate=x.approximate, responsible=responsible,
        report_to=report_to, action=body, text=body, span=plan.span(lead, unit.end),
        time_span=plan.span(x.start, x.end), section=_section_label(chain),
        confidence={"cue": 1.0, "range": 0.9}.get(kind, 0.8))


def run(plan: PlanDocument) -> PlanDocument:
    plan.deadlines = find_deadlines(plan)
    return plan
