"""Deadlines as iCalendar (RFC 5545) and CSV.

Every deadline becomes one all-day VEVENT.  Recurring ones carry an RRULE ("--11-10" →
FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10).  A deadline known only to the month or year is put
on its last day and marked approximate (X-KEHOACH-APPROXIMATE:TRUE, "(khoảng)" in the
summary).  UIDs hash the document's sha256 with the deadline's index and text, so a
subscribed calendar updates its events instead of duplicating them.
"""
from __future__ import annotations

import calendar as _cal
import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event

from nlp.textutil import fold
from schema.plan import Deadline
from service.linking import body_matches

PRODID = "-//kehoach//Ke hoach deadlines//VI"
APPROX_MARK = "(khoảng)"
SUMMARY_MAX = 120
_INTERVALS = {"quarterly": 3, "half-yearly": 6}


@dataclass
class Placement:
    """Where a deadline goes on a calendar."""
    start: date
    rrule: dict | None = None
    approximate: bool = False


@dataclass
class Source:
    """The stored document a deadline comes from."""
    id: int
    sha256: str
    url: str
    label: str                       # "Kế hoạch 524/KH-UBND" or the file name
    title: str | None = None
    year: int | None = None          # of issue: the first year of a "--MM-DD" rule
    month: int | None = None
    stamp: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


def _last_day(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def place(d: Deadline, year: int | None = None, month: int | None = None) -> Placement | None:
    """The calendar placement of ``d``; None when it has no date at all.

    ``year``/``month`` anchor rules without a year (the document's issue date is a good one).
    """
    due = (d.due or "").strip()
    year = year or date.today().year
    approx = d.approximate
    rrule: dict | None = None
    if due.startswith("---") and due[3:].isdigit():                    # a day of every month
        day = int(due[3:])
        m, y = month or 1, year
        start = _valid(y, m, day)
        while start is None:                                           # the 31st: next month having it
            m, y = (1, y + 1) if m == 12 else (m + 1, y)
            start = _valid(y, m, day)
        rrule = {"freq": "monthly", "bymonthday": day}
    elif due.startswith("--") and len(due) == 7:                       # every year on MM-DD
        m, day = int(due[2:4]), int(due[5:7])
        y = year
        start = _valid(y, m, day)
        while start is None:                                           # 29 February
            y += 1
            start = _valid(y, m, day)
        rrule = {"freq": "yearly", "bymonth": m, "bymonthday": day}
    elif len(due) == 10:
        start = date.fromisoformat(due)
    elif len(due) == 7 and due[:4].isdigit():
        start, approx = _last_day(int(due[:4]), int(due[5:7])), True
    elif len(due) == 4 and due.isdigit():
        start, approx = date(int(due), 12, 31), True
    else:
        return None
    if rrule is None and d.recurrence:
        rrule = _rule_for(d.recurrence, start, month_end=approx and len(due) == 7)
    elif rrule is not None and d.recurrence in _INTERVALS:
        rrule = {"freq": "monthly", "interval": _INTERVALS[d.recurrence], "bymonthday": start.day}
    return Placement(start=start, rrule=rrule, approximate=approx)


def _rule_for(recurrence: str, start: date, month_end: bool) -> dict | None:
    day = -1 if month_end else start.day
    if recurrence == "yearly":
        return {"freq": "yearly", "bymonth": start.month, "bymonthday": day}
    if recurrence == "monthly":
        return {"freq": "monthly", "bymonthday": day}
    if recurrence in _INTERVALS:
        return {"freq": "monthly", "interval": _INTERVALS[recurrence], "bymonthday": day}
    return None


def uid_for(sha256: str, index: int, d: Deadline) -> str:
    digest = hashlib.sha256(f"{sha256}\n{index}\n{d.text}".encode("utf-8")).hexdigest()
    return f"{digest[:32]}@kehoach"


def summary_for(d: Deadline, approximate: bool) -> str:
    what = " ".join((d.action or d.text).split())
    if len(what) > SUMMARY_MAX:
        what = what[:SUMMARY_MAX - 1].rstrip() + "…"
    if d.responsible:
        what = f"[{', '.join(d.responsible)}] {what}"
    return f"{what} {APPROX_MARK}" if approximate else what


def _description(d: Deadline, source: Source, p: Placement) -> str:
    lines = []
    if d.action:
        lines.append(f"Việc: {d.action}")
    if d.responsible:
        lines.append(f"Thực hiện: {', '.join(d.responsible)}")
    if d.report_to:
        lines.append(f"Báo cáo về: {', '.join(d.report_to)}")
    lines.append(f"Hạn: {d.due}" + (f" {APPROX_MARK}" if p.approximate else ""))
    lines.append(f"Văn bản: {source.label}" + (f" – {source.title}" if source.title else ""))
    lines.append(f"Trích: {d.text}")
    lines.append(source.url)
    return "\n".join(lines)


def deadline_event(d: Deadline, index: int, source: Source) -> Event | None:
    p = place(d, source.year, source.month)
    if p is None:
        return None
    ev = Event()
    ev.add("uid", uid_for(source.sha256, index, d))
    ev.add("dtstamp", source.stamp)
    ev.add("dtstart", p.start)
    ev.add("dtend", p.start + timedelta(days=1))
    if p.rrule:
        ev.add("rrule", p.rrule)
    ev.add("summary", summary_for(d, p.approximate))
    ev.add("description", _description(d, source, p))
    ev.add("url", source.url)
    ev.add("transp", "TRANSPARENT")
    if d.responsible:
        ev.add("categories", list(d.responsible))
    ev.add("x-kehoach-due", d.due)
    ev.add("x-kehoach-document", str(source.id))
    if p.approximate:
        ev.add("x-kehoach-approximate", "TRUE")
    return ev


def responsible_matches(d: Deadline, body: str) -> bool:
    """Whether ``body`` (as a user types it) is among the deadline's responsible bodies."""
    want = fold(body)
    return any(want in fold(r) or body_matches(body, r) or body_matches(r, body) for r in d.responsible)


def build_calendar(name: str, items: Iterable[tuple[Source, int, Deadline]]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for source, index, d in items:
        ev = deadline_event(d, index, source)
        if ev is not None:
            cal.add_component(ev)
    return cal.to_ical()


CSV_COLUMNS = ["document_id", "index", "due", "date", "recurrence", "approximate", "responsible",
               "report_to", "action", "section", "text", "uid"]


def deadlines_csv(items: Iterable[tuple[Source, int, Deadline]]) -> str:
    """UTF-8 CSV (with a BOM, so spreadsheet programs read the Vietnamese right)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for source, index, d in items:
        p = place(d, source.year, source.month)
        writer.writerow([
            source.id, index, d.due or "", p.start.isoformat() if p else "", d.recurrence or "",
            "true" if (p.approximate if p else d.approximate) else "false",
            "; ".join(d.responsible), "; ".join(d.report_to), d.action or "", d.section or "",
            d.text, uid_for(source.sha256, index, d)])
    return buf.getvalue()
