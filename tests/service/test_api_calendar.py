"""/api/calendar.ics: every stored deadline, filtered by responsible body."""
from __future__ import annotations

from icalendar import Calendar

from plan_factories import deadline


def _summaries(client, query: str = "") -> list[str]:
    r = client.get(f"/api/calendar.ics{query}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    return sorted(str(e["SUMMARY"]) for e in Calendar.from_ical(r.content).walk("VEVENT"))


def test_all_deadlines_and_by_body(client, analyzer):
    a = analyzer.add("a", number="1", symbol="KH-UBND", issued="2024-01-05",
                     deadlines=[deadline("2024-03-25", "Đăng ký thi đua.", responsible=["Sở Nội vụ"]),
                                deadline("2024-12", "Tổng kết.", responsible=["UBND các huyện"])])
    b = analyzer.add("b", number="2", symbol="KH-SNV", issued="2024-02-01",
                     deadlines=[deadline("--12-15", "Thống kê.", "yearly", responsible=["Sở Nội vụ"])])
    client.post("/api/documents", files=[("files", ("a.txt", a)), ("files", ("b.txt", b))])
    assert _summaries(client) == ["[Sở Nội vụ] Thống kê.", "[Sở Nội vụ] Đăng ký thi đua.",
                                  "[UBND các huyện] Tổng kết. (khoảng)"]
    assert _summaries(client, "?body=sở nội vụ") == ["[Sở Nội vụ] Thống kê.", "[Sở Nội vụ] Đăng ký thi đua."]
    assert _summaries(client, "?body=Sở Y tế") == []
