"""The compliance page over two uploaded fixture plans (the real pipeline), and its pure builder."""
from __future__ import annotations

import re
from pathlib import Path

from schema.compliance import ComplianceReport, DocumentRef, Evidence, Finding, FindingKind, ItemResult, ItemStatus
from schema.plan import Span
from service.web.compliance_page import side_by_side
from service.web.highlight import Segment

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "compliance"


def upload(client, name: str, data: bytes | None = None) -> int:
    data = data if data is not None else (FIXTURES / name).read_bytes()
    r = client.post("/api/documents", files=[("files", (name, data, "text/plain"))])
    assert r.status_code in (200, 201), r.text
    return r.json()["documents"][0]["id"]


def test_side_by_side_marks_items_in_the_parent_and_evidence_in_the_child():
    parent = "I. NỘI DUNG\n1. Tuyên truyền.\n2. Sơ kết."
    child = "1. Tuyên truyền rộng rãi."
    p1 = parent.index("1. Tuyên truyền.")
    report = ComplianceReport(
        child=DocumentRef(id=2), parent=DocumentRef(id=1), coverage=0.5,
        items=[ItemResult(id="I.1", text="1. Tuyên truyền.", span=Span(start=p1, end=p1 + 16),
                          status=ItemStatus.COVERED, score=0.8,
                          evidence=[Evidence(span=Span(start=0, end=len(child)), text=child, score=0.8)]),
               ItemResult(id="I.2", text="2. Sơ kết.", span=Span(start=len(parent) - 10, end=len(parent)),
                          status=ItemStatus.MISSING, score=0.1)],
        findings=[Finding(kind=FindingKind.MISSING_ITEM, message="Thiếu mục I.2",
                          parent_span=Span(start=len(parent) - 10, end=len(parent)), item_id="I.2")])
    view = side_by_side(report, parent, child)
    assert "".join(s.text for s in view.parent) == parent and "".join(s.text for s in view.child) == child
    assert Segment("1. Tuyên truyền.", "item-covered", "Mục I.1: đã triển khai (độ khớp 80%)", ("pi-0",)) in view.parent
    assert view.parent[-1] == Segment("2. Sơ kết.", "finding",
                                      "Mục I.2: chưa triển khai (độ khớp 10%)\nThiếu nội dung: Thiếu mục I.2",
                                      ("pi-1", "pf-0"))
    assert view.child == [Segment(child, "evidence", "Khớp mục I.1 của cấp trên (đã triển khai, độ khớp 80%)",
                                  ("ce-0-0",))]
    assert [(i["id"], i["status_label"], i["jump"].parent, i["jump"].child) for i in view.items] == [
        ("I.1", "đã triển khai", "pi-0", "ce-0-0"), ("I.2", "chưa triển khai", "pi-1", None)]
    assert view.findings[0]["kind"] == "Thiếu nội dung" and view.findings[0]["jump"].child is None


def test_compliance_page_shows_coverage_items_and_findings(client):
    province = upload(client, "province_plan.txt")
    district = upload(client, "district_plan.txt")
    page = client.get(f"/documents/{district}/compliance")
    assert page.status_code == 200
    html = page.text
    assert "mức triển khai 75%" in html
    assert '<pre id="parent-text"' in html and '<pre id="child-text"' in html
    api = client.get(f"/api/documents/{district}/compliance").json()
    rows = re.findall(r'<tr class="status-(\w+)">\s*<td class="nowrap"><a class="jump" href="#[^"]+"[^>]*>([^<]+)</a>',
                      html)
    assert rows == [(it["status"], it["id"]) for it in api["items"]]
    assert ("missing", "II.4") in rows and ("delegated", "II.6") in rows
    assert "Khen thưởng vượt thẩm quyền" in html and "Thời hạn muộn hơn cấp trên" in html
    for target in set(re.findall(r'data-(?:parent|child)="([^"]+)"', html)):
        assert f'<span id="{target}" class="anchor"></span>' in html
    assert client.get(f"/documents/{district}/compliance", params={"parent": province}).text == html
    assert f'href="/documents/{district}/compliance"' in client.get(f"/documents/{district}").text


def test_a_plan_without_a_stored_parent_gets_a_form(client):
    province = upload(client, "province_plan.txt")
    page = client.get(f"/documents/{province}/compliance")
    assert page.status_code == 404
    assert "Chưa có văn bản cấp trên" in page.text and 'name="parent"' in page.text
    assert client.get(f"/documents/{province}/compliance", params={"parent": "999"}).status_code == 404
    assert client.get("/documents/999/compliance").status_code == 404


def test_two_fitting_parents_are_offered_as_choices(client):
    first = upload(client, "province_plan.txt")
    second = upload(client, "province_plan_copy.txt", (FIXTURES / "province_plan.txt").read_bytes() + b"\n")
    district = upload(client, "district_plan.txt")
    page = client.get(f"/documents/{district}/compliance")
    assert page.status_code == 409
    for parent in (first, second):
        assert f'href="/documents/{district}/compliance?parent={parent}"' in page.text
    chosen = client.get(f"/documents/{district}/compliance", params={"parent": second})
    assert chosen.status_code == 200 and f'<a href="/documents/{second}">120/KH-UBND</a>' in chosen.text


def test_an_item_outside_the_plans_topic_is_labelled_so():
    parent = "I. NỘI DUNG\n1. Tuyên truyền.\n2. Khen thưởng."
    report = ComplianceReport(
        child=DocumentRef(id=2), parent=DocumentRef(id=1), coverage=1.0, counts={"missing": 1, "out_of_scope": 1},
        items=[ItemResult(id="I.2", text="2. Khen thưởng.", span=Span(start=29, end=len(parent)),
                          status=ItemStatus.MISSING, score=0.0, in_scope=False)])
    view = side_by_side(report, parent, "1. Tuyên truyền rộng rãi.")
    assert view.items[0]["status_label"] == "chưa triển khai (ngoài chủ đề của kế hoạch, không tính vào mức triển khai)"
    assert view.items[0]["in_scope"] is False
