"""Dates the compliance check reads itself: windows, dates without a year, shares that are no dates,
and time limits counted from an event."""
from __future__ import annotations

import pytest

from nlp.compliance.dates import dates_in, periods_in


@pytest.mark.parametrize("text, expected", [
    ("(Từ ngày 02/2 đến ngày 03/2/2026)", ["2026-02-02", "2026-02-03"]),
    ("chậm nhất là ngày 08 tháng 2 năm 2026", ["2026-02-08"]),
    ("Từ ngày 05/02/2026 - 07/02/2026:", ["2026-02-05", "2026-02-07"]),
    ("trước ngày 15 tháng 12 hằng năm", ["--12-15"]),
    ("bảo đảm 2/3 số cử tri tham dự; Nghị quyết số 101/2025/UBTVQH15", []),
    # a year-less date far from the next dated one keeps no year
    ("ngày 15 tháng 12, sau đó tổng hợp toàn bộ kết quả và báo cáo ngày 05/02/2026", ["--12-15", "2026-02-05"]),
])
def test_dates_in(text, expected):
    assert [d for _, _, d in dates_in(text)] == expected


def test_dates_in_gives_offsets_into_the_text():
    text = "(Thời gian từ ngày 04/2 đến ngày 08/2/2026)"
    (s1, e1, _), (s2, e2, _) = dates_in(text)
    assert text[s1:e1] == "04/2" and text[s2:e2] == "08/2/2026"


@pytest.mark.parametrize("text, periods", [
    ("theo quy định là sau 01 (một) ngày.", [(1, False)]),
    ("gửi sau 03 ngày kể từ ngày tổ chức hội nghị", [(3, False)]),
    ("trong thời hạn 05 ngày làm việc kể từ ngày nhận đơn", [(5, True)]),
    ("trong vòng hai tuần", [(14, False)]),
    ("sau ngày 05/02/2026", []),
])
def test_time_limits_counted_from_an_event(text, periods):
    assert [(p.days, p.working) for p in periods_in(text)] == periods
