"""Comparing the partial ISO dates of deadlines: "2024-11-30", "2024-12", "--12-10", "---20";
and the time limits counted from an event ("sau 03 ngày kể từ ngày tổ chức hội nghị")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.compliance.config import rules
from nlp.textutil import alternation, fold

# "05/02/2026", "02/2", "ngày 08 tháng 2 năm 2026", "ngày 15 tháng 12"
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])"
                   r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)


_RANGE_GAP = 24     # "02/2 đến ngày 03/2/2026": the year-less date of a range is this close


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of each day-month date in ``text``; a date without a year takes
    the year of the next date that states one ("từ ngày 02/2 đến ngày 03/2/2026"), else it
    stays yearly ("--02-02")."""
    found = []
    for m in _DATE.finditer(text):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        d, mo = int(d), int(mo)
        if not y and not text[max(0, m.start() - 6):m.start()].lower().rstrip().endswith("ngày") \
                and not m.group(0).lower().startswith("ngày"):
            continue        # "2/3 số cử tri" is a share, not a day
        if 1 <= d <= 31 and 1 <= mo <= 12:
            found.append([m.start(), m.end(), d, mo, int(y) if y else None])
    year, at = None, None
    for f in reversed(found):
        if f[4]:
            year, at = f[4], f[0]
        elif year and at - f[1] <= _RANGE_GAP:
            f[4] = year
    return [(a, b, f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}") for a, b, d, mo, y in found]


def parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day), None where the text leaves it open; None for an unreadable value."""
    if not value:
        return None
    try:
        if value.startswith("---"):
            return None, None, int(value[3:5])
        if value.startswith("--"):
            return None, int(value[2:4]), int(value[5:7]) if len(value) >= 7 else None
        nums: list[int | None] = [int(b) for b in value.split("-")[:3]]
        nums += [None] * (3 - len(nums))
        return nums[0], nums[1], nums[2]
    except ValueError:
        return None


def later(child: str | None, parent: str | None) -> bool | None:
    """Is ``child`` after ``parent``?  None when the two cannot be compared.

    Only the fields both state are compared, from the year down: a yearly "--12-15" against
    "2024-12-10" compares 12-15 with 12-10; "2024-12" against "2024-12-10" is undecided.
    """
    a, b = parts(child), parts(parent)
    if a is None or b is None:
        return None
    monthly = [x[0] is None and x[1] is None for x in (a, b)]
    if monthly[0] != monthly[1]:
        return None
    for x, y in zip(a, b):
        if x is None or y is None:
            continue
        if x != y:
            return x > y
    return False if any(x is not None and y is not None for x, y in zip(a, b)) else None


@dataclass
class Period:
    """A time limit counted from an event: "sau 03 ngày", "trong thời hạn 05 ngày làm việc"."""
    days: int
    working: bool           # working days ("ngày làm việc") are not calendar days


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern:
    r = rules()["periods"]
    return re.compile(rf"\b(?:{alternation(r['cues'])})\s+(\d{{1,3}}|{alternation(rules()['number_words'])})"
                      rf"\s*(?:\([^)]{{1,20}}\)\s*)?({alternation(r['units'])})\b")


def periods_in(text: str) -> list[Period]:
    """The time limits ``text`` sets, in order (``compliance.yaml: periods``)."""
    numbers, units = rules()["number_words"], rules()["periods"]["units"]
    out = []
    for m in _period_pattern().finditer(fold(text)):
        n = int(m.group(1)) if m.group(1).isdigit() else numbers[m.group(1)]
        days, working = units[m.group(2)]
        out.append(Period(n * days, working))
    return out
