"""Calendar: placements, RFC 5545 output parsed back with icalendar, stable UIDs, CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

import pytest
from icalendar import Calendar

from service import calendar
from plan_factories import deadline

SOURCE = calendar.Source(id=7, sha256="ab" * 32, url="http://127.0.0.1:8000/api/documents/7",
                         label="KH 524/KH-UBND", title="Phong trào thi đua", year=2024, month=7,
                         stamp=datetime(2024, 7, 24, tzinfo=timezone.utc))


@pytest.mark.parametrize("due, recurrence, start, rrule, approximate", [
    ("2025-04-30", None, date(2025, 4, 30), None, False),
    ("2025-12", None, date(2025, 12, 31), None, True),
    ("2024-02", None, date(2024, 2, 29), None, True),
    ("2025", None, date(2025, 12, 31), None, True),
    ("--11-10", "yearly", date(2024, 11, 10), {"freq": "yearly", "bymonth": 11, "bymonthday": 10}, False),
    ("--02-29", "yearly", date(2024, 2, 29), {"freq": "yearly", "bymonth": 2, "bymonthday": 29}, False),
    ("---20", "monthly", date(2024, 7, 20), {"freq": "monthly", "bymonthday": 20}, False),
    ("---31", "monthly", date(2024, 7, 31), {"freq": "monthly", "bymonthday": 31}, False),
    ("2025-03-25", "yearly", date(2025, 3, 25), {"freq": "yearly", "bymonth": 3, "bymonthday": 25}, False),
    ("2025-06", "half-yearly", date(2025, 6, 30), {"freq": "monthly", "interval": 6, "bymonthday": -1}, True),
    ("2025-12", "yearly", date(2025, 12, 31), {"freq": "yearly", "bymonth": 12, "bymonthday": -1}, True),
])
def test_placement(due, recurrence, start, rrule, approximate):
    p = calendar.place(deadline(due, recurrence=recurrence), SOURCE.year, SOURCE.month)
    assert (p.start, p.rrule, p.approximate) == (start, rrule, approximate)


@pytest.mark.parametrize("due", [None, "", "sớm", "20xx"])
def test_no_date_no_placement(due):
    assert calendar.place(deadline(due)) is None


DEADLINES = [
    deadline("--11-10", "Trước ngày 10/11 hằng năm, các sở báo cáo kết quả về Sở Nội vụ.", "yearly",
             responsible=["Các sở, ban, ngành"], report_to=["Sở Nội vụ"], action="báo cáo kết quả"),
    deadline("2025-12", "Cuối tháng 12/2025 tổng kết phong trào.", responsible=["Sở Nội vụ"]),
    deadline(None, "Thường xuyên theo dõi."),
    deadline("2025-04-30", "Hoàn thành trước ngày 30/4/2025.", responsible=["UBND các huyện"]),
]


def _parse(ics: bytes) -> list:
    return Calendar.from_ical(ics).walk("VEVENT")


def test_calendar_round_trip():
    ics = calendar.build_calendar("Hạn kế hoạch", [(SOURCE, i, d) for i, d in enumerate(DEADLINES)])
    cal = Calendar.from_ical(ics)
    assert str(cal["VERSION"]) == "2.0" and "kehoach" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    assert len(events) == 3                       # the undated one is left out
    yearly, approx, exact = events
    assert yearly.decoded("DTSTART") == date(2024, 11, 10)
    assert yearly.decoded("DTEND") == date(2024, 11, 11)
    rule = yearly["RRULE"]
    assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [11], [10])
    assert "RRULE:FREQ=YEARLY" in ics.decode() and "BYMONTH=11" in ics.decode()
    description = str(yearly["DESCRIPTION"])
    assert "Sở Nội vụ" in description and "Các sở, ban, ngành" in description
    assert DEADLINES[0].text in description and SOURCE.url in description
    assert str(yearly["URL"]) == SOURCE.url
    assert "X-KEHOACH-APPROXIMATE" not in yearly
    assert approx.decoded("DTSTART") == date(2025, 12, 31)
    assert str(approx["X-KEHOACH-APPROXIMATE"]) == "TRUE"
    assert "(khoảng)" in str(approx["SUMMARY"])
    assert exact.decoded("DTSTART") == date(2025, 4, 30) and "RRULE" not in exact
    assert "(khoảng)" not in str(exact["SUMMARY"])


def test_uids_are_stable_and_distinct():
    def uids():
        ics = calendar.build_calendar("x", [(SOURCE, i, d) for i, d in enumerate(DEADLINES)])
        return [str(e["UID"]) for e in _parse(ics)]

    first = uids()
    assert first == uids()
    assert len(set(first)) == len(first)
    other = calendar.Source(**{**SOURCE.__dict__, "sha256": "cd" * 32})
    assert calendar.uid_for(other.sha256, 0, DEADLINES[0]) not in first


@pytest.mark.parametrize("body, indexes", [
    ("Sở Nội vụ", [1]), ("sở nội vụ", [1]), ("UBND các huyện", [3]), ("Sở Y tế", [])])
def test_responsible_filter(body, indexes):
    assert [i for i, d in enumerate(DEADLINES) if calendar.responsible_matches(d, body)] == indexes


def test_csv_export():
    text = calendar.deadlines_csv([(SOURCE, i, d) for i, d in enumerate(DEADLINES)])
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["date"] for r in rows] == ["2024-11-10", "2025-12-31", "", "2025-04-30"]
    assert rows[1]["approximate"] == "true" and rows[0]["recurrence"] == "yearly"
    assert rows[0]["responsible"] == "Các sở, ban, ngành" and rows[0]["report_to"] == "Sở Nội vụ"
    assert rows[0]["uid"] == calendar.uid_for(SOURCE.sha256, 0, DEADLINES[0])
