"""Vietnamese date expressions → partial ISO strings as precise as the text.

    "ngày 05 tháng 01 năm 2024" → "2024-01-05"     "24/7/2024", "24-7-2024", "24.7.2024" → same form
    "ngày   tháng 8 năm 2024"   → "2024-08"        (a blank day is unknown, never day 1)
    "tháng 11/2024", "tháng 11 năm 2024" → "2024-11"     "năm 2025" → "2025"

Deadline-specific forms (cuối năm, quý IV, hằng năm …) are read in nlp/extract/deadlines.py
on top of these.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"\s*[/.\-–]\s*"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_BLANK = r"(?:[ \t._…]*)"

DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("formal", re.compile(
        rf"ngày\s*{_DAY}?{_BLANK}\s*tháng\s*{_MONTH}?{_BLANK}\s*(?:năm|/)\s*{_YEAR}", re.I)),
    ("numeric", re.compile(rf"(?<![\d/.\-]){_DAY}{_SEP}{_MONTH}{_SEP}{_YEAR}(?![\d/])")),
    ("month", re.compile(rf"tháng\s*{_MONTH}\s*(?:năm\s*|{_SEP}){_YEAR}", re.I)),
    ("month_numeric", re.compile(rf"(?<![\d/.\-]){_MONTH}/{_YEAR}(?![\d/])")),
    ("year", re.compile(rf"năm\s*{_YEAR}", re.I)),
]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str           # partial ISO
    kind: str            # pattern name


def iso(year: str | int | None, month: str | int | None = None, day: str | int | None = None) -> str | None:
    if not year:
        return None
    out = f"{int(year):04d}"
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def _value(m: re.Match) -> str | None:
    g = m.groupdict()
    return iso(g.get("y"), g.get("m"), g.get("d") if g.get("m") else None)


def find_dates(text: str, start: int = 0, end: int | None = None,
               kinds: tuple[str, ...] | None = None) -> list[DateMatch]:
    """Every date expression in ``text[start:end]``, longest first where they overlap, in order."""
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in DATE_PATTERNS:
        if kinds and kind not in kinds:
            continue
        for m in pattern.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _value(m)
            if value:
                found.append(DateMatch(m.start(), m.end(), value, kind))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as partial ISO, or None."""
    dates = find_dates(text)
    return dates[0].value if dates else None
