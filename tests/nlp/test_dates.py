"""Date and time expressions (nlp/dates.py): case tables of real wordings."""
from __future__ import annotations

import pytest

from nlp import resources
from nlp.dates import find_dates, find_time_expressions, iso, parse_date, recurrence_at


@pytest.mark.parametrize("text, expected", [
    ("ngày 05 tháng 01 năm 2024", "2024-01-05"),
    ("ngày 29 tháng 6 năm 2019", "2019-06-29"),
    ("Kon Tum, ngày 22 tháng 7 năm 2024", "2024-07-22"),
    ("Bắc Kạn, ngày tháng 8 năm 2024", "2024-08"),           # blank day: never day 1
    ("Phong Thổ, ngày tháng năm 2022", "2022"),
    ("ngày __ tháng 12 năm 2022", "2022-12"),
    ("ngày 24/7/2024", "2024-07-24"),
    ("05/01/2024", "2024-01-05"),
    ("05-01-2024", "2024-01-05"),
    ("14.5.2011", "2011-05-14"),
    ("tháng 11/2024", "2024-11"),
    ("tháng 12 năm 2022", "2022-12"),
    ("năm 2025", "2025"),
    ("không có ngày", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_find_dates_in_order_without_overlap():
    text = "Kế hoạch số 524/KH-UBND ngày 24/7/2024, tổng kết tháng 12/2024 và năm 2025"
    assert [d.value for d in find_dates(text)] == ["2024-07-24", "2024-12", "2025"]


@pytest.mark.parametrize("text, value, kind, approximate, recurrence", [
    ("trước ngày 20/11/2024", "2024-11-20", "date", False, None),
    ("vào tháng 12 năm 2024", "2024-12", "month", False, None),
    ("Cuối năm 2024, các phòng", "2024-12", "part_year", True, None),
    ("Năm 2023: cơ quan, đơn vị", "2023", "year", False, None),
    ("Trước ngày 10 tháng 11 hằng năm, các cơ quan", "--11-10", "day_month", False, "yearly"),
    ("trước ngày 15/11 hằng năm", "--11-15", "day_month", False, "yearly"),
    ("trước ngày 25 tháng 3 hàng năm", "--03-25", "day_month", False, "yearly"),
    ("trước ngày 20 hằng tháng", "---20", "monthly_day", False, "monthly"),
    ("quý IV/2024", "2024-12", "quarter", True, None),
    ("Quý I năm 2025", "2025-03", "quarter", True, None),
    ("6 tháng đầu năm 2025", "2025-06", "part_year", True, None),
    ("06 tháng cuối năm 2024", "2024-12", "part_year", True, None),
    ("cuối tháng 11/2024", "2024-11", "part_month", True, None),
    ("kết thúc vào 30/4/2025", "2025-04-30", "date", False, None),
])
def test_time_expression(text, value, kind, approximate, recurrence):
    found = find_time_expressions(text)
    assert found, text
    x = found[0]
    assert (x.value, x.kind, x.approximate, x.recurrence) == (value, kind, approximate, recurrence)


@pytest.mark.parametrize("text, start, end", [
    ("giai đoạn 2021 - 2025", "2021", "2025"),
    ("giai đoạn 2021-2025", "2021", "2025"),
    ("từ năm 2021 đến năm 2025", "2021", "2025"),
])
def test_year_range(text, start, end):
    (x,) = find_time_expressions(text)
    assert (x.kind, x.value, x.range_end) == ("year_range", start, end)


@pytest.mark.parametrize("text", [
    "5/12 (đạt 41,6%) xã đặc biệt khó khăn",      # a fraction, not a date
    "Quốc khánh 2/9",                              # a holiday without a year
    "trong 3 năm liên tục trước khi trình",        # a duration
    "định kỳ 6 tháng",                              # a recurrence with no date
])
def test_not_a_time_expression(text):
    assert find_time_expressions(text) == []


def test_recurrence_words():
    assert recurrence_at("báo cáo hằng năm", 0)[0] == "yearly"
    assert recurrence_at("báo cáo hàng quý", 0)[0] == "quarterly"
    assert recurrence_at("định kỳ 6 tháng một lần", 0)[0] == "half-yearly"
    assert recurrence_at("không lặp lại", 0) is None


def test_iso():
    assert iso(2024, 7, 5) == "2024-07-05"
    assert iso("2024", None, 5) == "2024"
    assert iso(None) is None


def test_time_vocabulary_is_valid():
    voc = resources.load("deadlines")["time"]
    assert set(voc["recurrence"]) <= {"yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily"}
    assert all(1 <= m <= 12 for m in voc["quarters"].values())
    for entry in voc["part_of_year"]:
        assert set(entry) == {"pattern", "month"} and 1 <= entry["month"] <= 12
        assert entry["pattern"].endswith("năm")


@pytest.mark.parametrize("text, values", [
    ("từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026.", [("2025-12-17", "date"), ("2026-02-01T17:00", "datetime")]),
    ("đến 05 giờ 00 ngày 14/3/2026", [("2026-03-14T05:00", "datetime")]),
    ("Chậm nhất là 17 giờ 00 ngày 01 tháng 2 năm 2026", [("2026-02-01T17:00", "datetime")]),
    ("báo cáo UBND tỉnh trước 19h00’ hằng ngày", [("T19:00", "clock")]),
    ("báo cáo 02 lần/ngày (trước 9h00’ và 16h00’)", [("T09:00", "clock"), ("T16:00", "clock")]),
])
def test_times_of_day_only_when_asked(text, values):
    assert find_time_expressions("Phát triển hạ tầng 5G, IoT", clock=True) == []
    assert [(x.value, x.kind) for x in find_time_expressions(text, clock=True)] == values
    assert all(x.kind not in ("clock", "datetime") for x in find_time_expressions(text))


@pytest.mark.parametrize("text, value, recurrence", [
    ("trước 19h00’ hằng ngày", "T19:00", "daily"),
    ("Thời gian thực hiện: Năm 2025 và các năm tiếp theo.", "2025", "yearly"),
    ("Tháng 12 hằng năm", "--12", "yearly"),
])
def test_recurrence_attached(text, value, recurrence):
    (x,) = find_time_expressions(text, clock=True)
    assert (x.value, x.recurrence) == (value, recurrence)
