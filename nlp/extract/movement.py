"""The emulation movement a plan carries out: its name (or stated theme) and its period.

    name:   the theme after "Chủ đề (thi đua):" where the plan states one; else the quoted name
            after "Phong trào thi đua" / "phong trào" / "cuộc vận động" (title first); else the
            title's words after "phong trào thi đua".
    period: a "Thời gian thi đua / thực hiện: từ … đến / kết thúc / tổng kết vào …" line; else a
            range in the title ("giai đoạn 2021 - 2025"); else a year in the name or title
            ("… trong năm 2025" → end "2025").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.dates import TimeExpr, find_time_expressions
from nlp.extract.references import layout_of
from nlp.textutil import alternation, fold, is_caps
from schema.plan import Located, PlanDocument

_OPEN, _CLOSE = "“\"«", "”\"»"
_QUOTED_AFTER_CUE = re.compile(
    rf"(?:phong\s+trào\s+thi\s+đua|phong\s+trào|cuộc\s+vận\s+động)\s*:?\s*[{_OPEN}]\s*(?P<name>[^{_OPEN}{_CLOSE}\n]{{4,300}}?)\s*[{_CLOSE}]",
    re.I)
_THEME = re.compile(r"^[ \t*_\-+•\d.)]*Chủ\s+đề(?:\s+(?:thi\s+đua|của\s+phong\s+trào))?[ \t*_]*:?[ \t]*(?P<rest>[^\n]*)$",
                    re.I | re.M)
_THEME_INLINE = re.compile(rf"chủ\s+đề\s*:?\s*[{_OPEN}]\s*(?P<name>[^{_OPEN}{_CLOSE}\n]{{4,300}}?)\s*[{_CLOSE}]", re.I)
_TITLE_CUE = re.compile(r"phong\s+trào\s+thi\s+đua\s+(?P<rest>.+)$", re.I | re.S)
_START_WORDS = re.compile(r"(?:từ|bắt\s+đầu(?:\s+từ)?)\s*(?:ngày\s*)?$", re.I)
_END_WORDS = re.compile(r"(?:đến(?:\s+hết)?|kết\s+thúc(?:\s+vào)?|tổng\s+kết(?:\s+vào)?|hoàn\s+thành(?:\s+vào)?|vào)\s*(?:ngày\s*)?$",
                        re.I)


@dataclass(frozen=True)
class _Found:
    value: str
    start: int
    end: int


def _strip_quotes(s: str) -> str:
    return s.strip().strip(_OPEN + _CLOSE + " .;,").strip()


def _theme(text: str, limit: int) -> _Found | None:
    m = _THEME_INLINE.search(text, 0, limit)
    if m:
        return _Found(" ".join(m.group("name").split()), m.start("name"), m.end("name"))
    for m in _THEME.finditer(text, 0, limit):
        rest = m.group("rest").strip()
        if len(rest.split()) >= 3:
            return _Found(_strip_quotes(rest), m.start("rest"), m.end("rest"))
        nxt = re.compile(r"\s*(?P<line>[^\n]+)").match(text, m.end())
        if nxt:
            line = nxt.group("line").strip()
            if line and not re.match(r"^[IVX]+\.|^\d+\.|^[a-zđ]\)", line) and len(line.split()) >= 3:
                return _Found(_strip_quotes(line), nxt.start("line"), nxt.end("line"))
    return None


def _display_form(text: str, found: _Found) -> _Found:
    """An ALL-CAPS name is replaced by the same name written in normal case elsewhere."""
    if not is_caps(found.value):
        return found
    key = fold(found.value)
    for m in _QUOTED_AFTER_CUE.finditer(text):
        if fold(m.group("name")) == key and not is_caps(m.group("name")):
            return _Found(" ".join(m.group("name").split()), m.start("name"), m.end("name"))
    return found


def _quoted_name(text: str, zones: list[tuple[int, int]]) -> _Found | None:
    for start, end in zones:
        m = _QUOTED_AFTER_CUE.search(text, start, end)
        if m:
            return _display_form(text, _Found(" ".join(m.group("name").split()), m.start("name"), m.end("name")))
    return None


def _title_name(text: str, title: tuple[int, int] | None) -> _Found | None:
    if not title:
        return None
    m = _TITLE_CUE.search(text, *title)
    if not m:
        return None
    rest = " ".join(m.group("rest").split()).strip(" .")
    return _Found(rest, m.start("rest"), title[1]) if len(rest.split()) >= 2 else None


# ---------------------------------------------------------------- period


@lru_cache(maxsize=1)
def _period_label() -> re.Pattern:
    """"Thời gian thi đua:", "Thời gian tổ chức phong trào thi đua:", "Thời gian thực hiện Chương
    trình:", or such a label alone on its line."""
    events = [e for e in resources.load("deadlines")["period_events"] if e]
    subjects = resources.load("movement")["period_label_subjects"]
    return re.compile(rf"^[ \t*_\-+•\d.)]*Thời\s+gian(?:\s+(?:{alternation(events)}))?"
                      rf"(?:(?:\s+[^\W\d_]+){{0,3}}?\s+(?:{alternation(subjects)}))?"
                      rf"[ \t*_]*(?::[ \t*_]*(?P<rest>[^\n]*)|[ \t*_]*$)", re.I | re.M)


def _statement_end(text: str, start: int) -> int:
    """A period written after its label runs to the end of its sentence, over wrapped lines."""
    cap = min(len(text), start + resources.load("movement")["period_statement_max_chars"])
    stop = re.compile(r"\.(?=\s|$)|\n[ \t]*\n").search(text, start, cap)
    return stop.start() if stop else cap


def _block_end(text: str, start: int) -> int:
    """A period under a label of its own ("Thời gian thi đua" / "a) … chia thành 02 đợt:" / "- Đợt
    01: từ … đến …" / "- Đợt 02: …") runs to the next heading after its first paragraph."""
    cap = min(len(text), start + resources.load("movement")["period_block_max_chars"])
    first = re.compile(r"\s*[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*").match(text, start, cap)
    heading = re.compile(r"^[ \t*_]*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))", re.M)
    nxt = heading.search(text, first.end() if first else start, cap)
    return nxt.start() if nxt else cap


def _issue_start(plan: PlanDocument, s: int, e: int) -> Located | None:
    """"từ ngày ban hành (Kế hoạch)": the period starts on the plan's own issue date."""
    cue = re.compile(rf"(?<!\w)(?:{alternation(resources.load('movement')['from_issue_date'])})(?!\w)", re.I)
    issued = plan.header.issued
    m = cue.search(plan.text, s, e)
    if m is None or issued is None or issued.value is None:
        return None
    return Located(value=issued.value, span=plan.span(m.start(), m.end()), confidence=0.8)


def _classify(text: str, exprs: list[TimeExpr], start_bound: int) -> tuple[TimeExpr | None, TimeExpr | None, TimeExpr | None]:
    """(start, end, range) among the expressions of a period statement."""
    start = end = rng = None
    for e in exprs:
        before = text[max(start_bound, e.start - 30):e.start]
        if e.kind == "year_range" and rng is None:
            rng = e
        elif _START_WORDS.search(before) and start is None:
            start = e
        elif _END_WORDS.search(before):
            end = e
    return start, end, rng


def _loc(plan: PlanDocument, expr: TimeExpr | None, value: str | None = None, confidence: float = 1.0) -> Located | None:
    if expr is None:
        return None
    return Located(value=value or expr.value, span=plan.span(expr.start, expr.end), confidence=confidence)


def _period_from_line(plan: PlanDocument, limit: int) -> tuple[Located | None, Located | None, bool]:
    """The period stated on a "Thời gian thi đua / thực hiện: …" line: (start, end, found)."""
    text = plan.text
    for m in _period_label().finditer(text, 0, limit):
        if m.group("rest") is not None and m.group("rest").strip():
            s = m.start("rest")
            e = _statement_end(text, s)
        else:
            nxt = re.compile(r"\s*(?P<line>[^\n]+)").match(text, m.end())
            if not nxt:
                continue
            s, e = nxt.start("line"), _block_end(text, nxt.start("line"))
        exprs = [x for x in find_time_expressions(text, s, e) if x.has_year]
        if not exprs:
            issue_start = _issue_start(plan, s, e)
            if issue_start is not None:
                return issue_start, None, True
            continue
        start, end, rng = _classify(text, exprs, s)
        out_s = _loc(plan, start) or (_loc(plan, rng) if rng else None)
        out_e = _loc(plan, end) or (_loc(plan, rng, rng.range_end) if rng else None)
        if out_s is None and out_e is None:
            out_e = _loc(plan, exprs[-1])
        return out_s, out_e, True
    return None, None, False


def _period_from_zone(text: str, zone: tuple[int, int]) -> tuple[TimeExpr | None, TimeExpr | None]:
    exprs = find_time_expressions(text, *zone)
    for e in exprs:
        if e.kind == "year_range":
            return e, e
    years = [e for e in exprs if e.kind in ("year", "part_year", "month") and e.has_year]
    if years:
        return None, years[-1]
    return None, None


@lru_cache(maxsize=1)
def _plan_period_cues() -> dict[str, re.Pattern]:
    cfg = resources.load("movement")["plan_period"]
    def ending(words):
        return re.compile(rf"(?<!\w)(?:{alternation(words)})\s*$")
    return {k: ending(cfg[k]) for k in ("range_cues", "end_cues", "year_cues", "ignore_after")}


def _plan_period(text: str, title: tuple[int, int] | None) -> tuple[TimeExpr | None, TimeExpr | None, bool]:
    """A plan that is no movement: its frame from the title ("… giai đoạn 2026 - 2030", "… năm
    2026", "… đến năm 2030"): (start, end, single year)."""
    if not title:
        return None, None, False
    cues = _plan_period_cues()
    found: tuple[TimeExpr | None, TimeExpr | None, bool] | None = None
    for e in find_time_expressions(text, *title):
        if e.kind not in ("year", "year_range"):
            continue
        before = re.sub(r"[\d\s\-–/]+$", "", fold(text[max(title[0], e.start - 30):e.end]))   # cue words may lie inside
        if cues["ignore_after"].search(before):
            continue
        if e.kind == "year_range" and cues["range_cues"].search(before):
            return e, e, False
        if found is None and e.kind == "year":
            if cues["end_cues"].search(before):
                found = (None, e, False)
            elif cues["year_cues"].search(before):
                found = (e, e, True)
    return found or (None, None, False)


_MOVEMENT_WORDS = re.compile(r"phong\s+trào|thi\s+đua|cuộc\s+vận\s+động", re.I)


def is_movement_plan(text: str, title: tuple[int, int] | None) -> bool:
    """A plan for an emulation movement names one in its title (or, without a title, early on)."""
    zone = title or (0, min(len(text), 1500))
    return bool(_MOVEMENT_WORDS.search(text, *zone))


def run(plan: PlanDocument) -> PlanDocument:
    text = plan.text
    layout = layout_of(plan)
    front_end = layout.preamble[1] if layout.preamble else (layout.title[1] if layout.title else len(text))
    zones = [z for z in (layout.title, (front_end, layout.body_end)) if z]
    if layout.preamble:
        zones.insert(1, layout.preamble)

    theme = _theme(text, layout.body_end)
    if theme is None and not is_movement_plan(text, layout.title):
        start, end, _ = _plan_period(text, layout.title)
        plan.movement.period_start = _loc(plan, start)
        if start is None and end is not None and end.kind == "year":     # "… đến năm 2030": its start
            line_start, line_end, _ = _period_from_line(plan, layout.body_end)   # from "Thời gian thực hiện"
            if line_start is not None and line_end is not None and line_end.value == end.value:
                plan.movement.period_start = line_start
        plan.movement.period_end = _loc(plan, end, end.range_end) if end and end.range_end else _loc(plan, end)
        return plan
    found = theme or _quoted_name(text, zones) or _title_name(text, layout.title)
    if found:
        plan.movement.name = Located(value=found.value, span=plan.span(found.start, found.end))

    start, end, seen = _period_from_line(plan, layout.body_end)
    if seen:
        plan.movement.period_start, plan.movement.period_end = start, end
        return plan
    for zone in [layout.title] + ([(found.start, min(len(text), found.end + 40))] if found else []):
        if not zone:
            continue
        s, e = _period_from_zone(text, zone)
        if e is None:
            continue
        if s is not None and s.kind == "year_range":
            plan.movement.period_start = _loc(plan, s)
            plan.movement.period_end = _loc(plan, s, s.range_end)
        else:
            plan.movement.period_end = _loc(plan, e, confidence=0.8)
        break
    return plan
