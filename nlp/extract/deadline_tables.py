"""Deadlines from schedule tables: "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
hoàn thành" (often an appendix).

Ingest renders a table one cell a line (portal copies and .docx), or one row a line joined by
" | " (vbpl.vn).  Rows are found from the header: a run of cells that are all column names
(resources/deadlines.yaml ``table_columns``) with a task and a time column; then each row starts at
a line holding only its number.  Empty cells leave no line, so a row's cells are placed by
position only when none is missing; otherwise the task is the first cell, the lead body the second
when that column follows the task, and the time the first later cell that reads as a time.
A row whose time is the plan's whole period ("2026 - 2030" in a plan for 2026 - 2030) states the
plan's duration, not a deadline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.dates import TimeExpr, find_time_expressions
from nlp.textutil import fold
from schema.plan import Deadline, PlanDocument

_MAX_TIME_CELL = 80
_MAX_STRAY = 3


@lru_cache(maxsize=1)
def _cfg() -> dict:
    c = resources.load("deadlines")
    columns = {fold(name): role for role, names in c["table_columns"].items() for name in reversed(names)}
    return {
        "columns": columns,
        "row": re.compile(c["table_row_index"]),
        "group": re.compile(c["table_group_index"]),
        "bare_year": re.compile(c["table_bare_year"], re.I),
    }


@dataclass
class _Line:
    start: int
    end: int


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        lead = len(raw) - len(raw.lstrip(" \t*_"))
        trail = len(raw) - len(raw.rstrip(" \t*_"))
        if raw.strip(" \t*_"):
            out.append(_Line(s + lead, e - trail))
    return out


def _cells(text: str, line: _Line) -> list[_Line]:
    """A line's cells: the line itself, or its parts between " | "."""
    if "|" not in text[line.start:line.end]:
        return [line]
    out, pos = [], line.start
    for part in text[line.start:line.end].split("|"):
        s, e = pos, pos + len(part)
        pos = e + 1
        lead, trail = len(part) - len(part.lstrip()), len(part) - len(part.rstrip())
        if part.strip():
            out.append(_Line(s + lead, e - trail))
    return out


def _role(text: str, cell: _Line) -> str | None:
    name = " ".join(fold(text[cell.start:cell.end]).strip(" :.*").split())
    return _cfg()["columns"].get(name)


def _header(text: str, lines: list[_Line], i: int) -> tuple[list[str], int] | None:
    """The column roles of a header starting at line ``i`` and the index of the line after it."""
    roles: list[str] = []
    j = i
    while j < len(lines):
        cells = _cells(text, lines[j])
        row_roles = [_role(text, c) for c in cells]
        if not cells or None in row_roles:
            break
        roles += row_roles
        j += 1
        if len(cells) > 1:                       # a " | " row is the whole header
            break
    if len(roles) >= 3 and "task" in roles and "time" in roles:
        return roles, j
    return None


def _spans_period(cell: str, period: tuple[str, str] | None) -> bool:
    """The cell's time is the range ``period`` (first and last year): "2026 - 2030", "2026-2030"."""
    found = find_time_expressions(cell) if period else []
    return bool(found) and found[-1].kind == "year_range" and \
        (found[-1].value[:4], (found[-1].range_end or "")[:4]) == tuple(period)


def _time_of(cell: str) -> TimeExpr | None:
    """The time a cell gives: its last time expression ("Quý IV/2025 - Quý II/2026" → quý II/2026),
    or a bare year."""
    if len(cell) > _MAX_TIME_CELL:
        return None
    found = find_time_expressions(cell, clock=True)
    if found:
        x = found[-1]
        if x.kind == "year_range":
            return TimeExpr(x.start, x.end, x.range_end, "year", x.approximate, x.recurrence)
        return x
    m = _cfg()["bare_year"].match(cell.strip())
    return TimeExpr(m.start(1), m.end(1), m.group(1), "year") if m else None


def _rows(text: str, lines: list[_Line], i: int, width: int) -> tuple[list[list[_Line]], int]:
    """The rows after a header (each a list of cells) and the index of the first line after them."""
    c = _cfg()
    rows: list[list[_Line]] = []
    current: list[_Line] | None = None
    stray = 0                                   # lines in no row, one after another
    while i < len(lines) and stray <= _MAX_STRAY:
        line = lines[i]
        body = text[line.start:line.end]
        i += 1
        if not re.search(r"\w", body):
            continue                                                 # "….........": filler
        if _header(text, lines, i - 1):
            i -= 1
            break
        cells = _cells(text, line)
        if len(cells) > 1:                                           # one row a line
            first = text[cells[0].start:cells[0].end]
            if c["row"].match(first):
                rows.append(cells[1:])
            elif not c["group"].match(first):
                stray += 1
            current = None
        elif c["row"].match(body):
            current, stray = [], 0
            rows.append(current)
        elif c["group"].match(body):
            current, stray = None, 0
        elif current is not None and len(current) < width:
            current.append(line)
        else:
            current = None
            stray += 1                                               # a group title, or past the table
    return rows, i


def find_table_deadlines(plan: PlanDocument, start: int, end: int,
                         period: tuple[str, str] | None = None) -> list[Deadline]:
    """The deadlines of the schedule tables in ``text[start:end]``; ``period`` is the plan's own
    first and last year, whose rows are no deadlines."""
    text = plan.text
    lines = _lines(text, start, end)
    out: list[Deadline] = []
    i = 0
    while i < len(lines):
        header = _header(text, lines, i)
        if header is None:
            i += 1
            continue
        roles, i = header
        roles = [r for r in roles if r != "index"]
        rows, i = _rows(text, lines, i, len(roles))
        for cells in rows:
            d = _row_deadline(plan, roles, cells, period)
            if d is not None:
                out.append(d)
    return out


def _row_deadline(plan: PlanDocument, roles: list[str], cells: list[_Line],
                  period: tuple[str, str] | None = None) -> Deadline | None:
    text = plan.text
    if not cells:
        return None
    values = [text[c.start:c.end] for c in cells]
    task = roles.index("task")
    lead = roles.index("lead") if "lead" in roles else None
    time_cell = None
    if len(cells) == len(roles):
        time_cell = roles.index("time")
        lead_cell = lead
        task_cell = task
    else:
        task_cell = 0
        lead_cell = 1 if lead == task + 1 and len(cells) > 1 else None
        first = (lead_cell or task_cell) + 1
        time_cell = next((k for k in range(first, len(cells)) if _time_of(values[k])), None)
    if time_cell is None or time_cell >= len(cells):
        return None
    x = _time_of(values[time_cell])
    if x is None or lead_cell == time_cell or _spans_period(values[time_cell], period):
        return None
    responsible = []
    if lead_cell is not None and lead_cell < len(cells):
        responsible = [p.strip(" .") for p in values[lead_cell].split(";") if p.strip(" .")]
    action = " ".join(values[task_cell].split())
    cell = cells[time_cell]
    return Deadline(
        due=x.value, recurrence=x.recurrence, approximate=x.approximate, responsible=responsible,
        action=action, text=" | ".join(" ".join(v.split()) for v in values),
        span=plan.span(cells[0].start, cells[-1].end),
        time_span=plan.span(cell.start + x.start, cell.start + x.end), confidence=0.9)
