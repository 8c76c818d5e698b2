"""Vietnamese date expressions → partial ISO strings as precise as the text.

    "ngày 05 tháng 01 năm 2024" → "2024-01-05"     "24/7/2024", "24-7-2024", "24.7.2024" → same form
    "ngày   tháng 8 năm 2024"   → "2024-08"        (a blank day is unknown, never day 1)
    "tháng 11/2024", "tháng 11 năm 2024" → "2024-11"     "năm 2025" → "2025"

``find_time_expressions`` reads the wider set that deadlines and periods use:

    "quý IV/2024" → "2024-12" (approximate)      "6 tháng đầu năm 2025" → "2025-06" (approximate)
    "cuối năm 2024" → "2024-12" (approximate)    "cuối tháng 11/2024" → "2024-11" (approximate)
    "ngày 10 tháng 11 hằng năm" → "--11-10" yearly   "ngày 20 hằng tháng" → "---20" monthly
    "giai đoạn 2021 - 2025" → "2021" … "2025" (a range)

With ``clock=True`` it also reads times of day (for deadlines):

    "17 giờ 00, ngày 01/02/2026" → "2026-02-01T17:00"     "trước 19h00’ hằng ngày" → "T19:00" daily

The vocabulary (recurrence words, quarters, parts of a year) is in resources/deadlines.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.textutil import alternation

_SEP = r"\s*[/.\-–]\s*"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_BLANK = r"(?:[ \t._…]*)"
_CLOCK = r"(?<![\w/.,])(?P<hh>[01]?\d|2[0-3])\s*(?:giờ|h|g(?=\s*[0-5]\d))\s*(?P<mm>[0-5]\d)?(?:\s*phút)?(?!\w)['’]?"

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


# ---------------------------------------------------------------- wider time expressions

@dataclass(frozen=True)
class TimeExpr:
    """A time expression: a date, a month, a quarter, a part of a year, a year or a range."""
    start: int
    end: int
    value: str | None            # partial ISO, "--MM-DD" / "--MM" (no year), "---DD" (day of month),
                                 # "…THH:MM" with a time of day, "THH:MM" a time of day alone
    kind: str                    # datetime, date, day_month, monthly_day, month, part_month, quarter,
                                 # part_year, year, year_range, clock
    approximate: bool = False
    recurrence: str | None = None
    range_end: str | None = None  # the end of a range ("2025" for "2021 - 2025")

    @property
    def has_year(self) -> bool:
        return bool(self.value) and self.value[0].isdigit()


_CLOCK_PATTERN = re.compile(_CLOCK, re.I)
_CLOCK_TO_DATE = re.compile(r"\s*,?\s*(?:vào\s+|của\s+)?(?:ngày\s*)?", re.I)


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return resources.load("deadlines")["time"]


@lru_cache(maxsize=1)
def _recurrence_pattern() -> re.Pattern:
    alts = []
    for value, words in _vocabulary()["recurrence"].items():
        alts.append(f"(?P<{value.replace('-', '_')}>{alternation(words)})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


def recurrence_at(text: str, start: int, end: int | None = None) -> tuple[str, int, int] | None:
    """The first recurrence word in ``text[start:end]``: (value, start, end), or None."""
    m = _recurrence_pattern().search(text, start, len(text) if end is None else end)
    if not m:
        return None
    value = next(k for k, v in m.groupdict().items() if v)
    return value.replace("_", "-"), m.start(), m.end()


def _yr(opt: bool = True) -> str:
    body = rf"\s*(?:năm\s*|[/\-–]\s*)?{_YEAR}(?!\d)"
    return f"(?:{body})?" if opt else body


@lru_cache(maxsize=1)
def _time_patterns() -> list[tuple[str, re.Pattern]]:
    voc = _vocabulary()
    quarters = "|".join(sorted(map(str, voc["quarters"]), key=len, reverse=True))
    part_year = "|".join(f"(?:{p['pattern']})" for p in voc["part_of_year"])
    part_month = alternation(voc["part_of_month"])
    year2 = r"(?P<y2>(?:19|20)\d\d)"
    return [
        ("year_range", re.compile(
            rf"(?:(?:từ\s+)?năm\s*)?{_YEAR}\s*(?:[-–]|đến(?:\s+hết)?(?:\s+năm)?)\s*{year2}(?!\d)", re.I)),
        ("date", DATE_PATTERNS[0][1]),
        ("date", DATE_PATTERNS[1][1]),
        ("monthly_day", re.compile(
            rf"ngày\s*{_DAY}\s*(?:của\s+)?(?=(?:hằng|hàng|mỗi)\s+tháng)", re.I)),
        ("day_month", re.compile(
            rf"ngày\s*{_DAY}\s*tháng\s*{_MONTH}(?!\d)(?!\s*(?:năm|[/\-–])\s*\d)", re.I)),
        ("day_month", re.compile(rf"(?<=ngày\s){_DAY}{_SEP}{_MONTH}(?!\d|{_SEP}\d)", re.I)),
        ("day_month", re.compile(rf"(?<=trước\s){_DAY}{_SEP}{_MONTH}(?!\d|{_SEP}\d)", re.I)),
        ("part_month", re.compile(rf"(?:{part_month})\s+tháng\s*{_MONTH}(?!\d){_yr()}", re.I)),
        ("month", re.compile(rf"tháng\s*{_MONTH}(?!\d)\s*(?:năm\s*|[/\-–]\s*){_YEAR}(?!\d)", re.I)),
        ("month", re.compile(rf"(?<![\d/.\-]){_MONTH}/{_YEAR}(?![\d/])")),
        ("quarter", re.compile(rf"quý\s*(?P<q>{quarters})(?![\w]){_yr()}", re.I)),
        ("part_year", re.compile(rf"(?P<part>{part_year})(?:\s*{_YEAR}(?!\d))?", re.I)),
        ("year", re.compile(rf"năm\s*{_YEAR}(?!\d)", re.I)),
        ("month", re.compile(rf"tháng\s*{_MONTH}(?![\d/]|\s*năm\s*\d)", re.I)),
    ]


def _part_month(part_text: str) -> int:
    folded = " ".join(part_text.lower().split())
    for p in _vocabulary()["part_of_year"]:
        if re.fullmatch(p["pattern"], folded, re.I):
            return int(p["month"])
    raise ValueError(part_text)


def _time_value(kind: str, m: re.Match) -> tuple[str | None, bool, str | None]:
    """(value, approximate, range_end) of one match."""
    g = m.groupdict()
    y, mo, d = g.get("y"), g.get("m"), g.get("d")
    if kind == "year_range":
        return iso(y), False, iso(g["y2"])
    if kind == "clock":
        return f"T{int(g['hh']):02d}:{int(g.get('mm') or 0):02d}", False, None
    if kind == "date":
        return iso(y, mo, d if mo else None), False, None
    if kind == "monthly_day":
        return f"---{int(d):02d}", False, None
    if kind == "day_month":
        return f"--{int(mo):02d}-{int(d):02d}", False, None
    if kind == "part_month":
        return (iso(y, mo) if y else f"--{int(mo):02d}"), True, None
    if kind == "month":
        return (iso(y, mo) if y else f"--{int(mo):02d}"), False, None
    if kind == "quarter":
        month = int(_vocabulary()["quarters"][g["q"].upper() if not g["q"].isdigit() else g["q"]])
        return (iso(y, month) if y else f"--{month:02d}"), True, None
    if kind == "part_year":
        month = _part_month(g["part"])
        return (iso(y, month) if y else f"--{month:02d}"), True, None
    if kind == "year":
        return iso(y), False, None
    return None, False, None


def find_time_expressions(text: str, start: int = 0, end: int | None = None,
                          clock: bool = False) -> list[TimeExpr]:
    """Every time expression in ``text[start:end]`` in order; where they overlap, the earlier
    pattern (the more specific) wins.  A recurrence word right after one ("… hằng năm") is
    attached to it.  ``clock``: also times of day."""
    end = len(text) if end is None else end
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    patterns = _time_patterns() + ([("clock", _CLOCK_PATTERN)] if clock else [])
    for kind, pattern in patterns:
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if kind == "day_month" and m.group("d") is not None:
                s = min(s, m.start("d"))
            if any(s < te and ts < e for ts, te in taken):
                continue
            value, approx, range_end = _time_value(kind, m)
            if value is None:
                continue
            recurrence = None
            rec = recurrence_at(text, e, min(end, e + 24))
            if rec and not text[e:rec[1]].strip(" ,"):
                recurrence, e = rec[0], rec[2]
            found.append(TimeExpr(s, e, value, kind, approx, recurrence, range_end))
            taken.append((s, e))
    return _with_dates(text, sorted(found, key=lambda t: t.start))


def _with_dates(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """A time of day right before a date joins it: "17 giờ 00, ngày 01/02/2026" → "2026-02-01T17:00"."""
    out: list[TimeExpr] = []
    for x in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "clock" and x.kind == "date" \
                and _CLOCK_TO_DATE.fullmatch(text, prev.end, x.start):
            out[-1] = TimeExpr(prev.start, x.end, x.value + prev.value, "datetime", x.approximate, x.recurrence)
            continue
        out.append(x)
    return out
