"""GET /api/documents/{id}/compliance over two uploaded fixture plans (the real pipeline)."""
from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compliance"


def _upload(client, name: str, data: bytes | None = None) -> int:
    data = data if data is not None else (FIXTURES / name).read_bytes()
    r = client.post("/api/documents", files=[("files", (name, data))])
    assert r.status_code in (200, 201), r.text
    return r.json()["documents"][0]["id"]


def test_compliance_of_the_district_plan_with_its_linked_parent(client):
    province = _upload(client, "province_plan.txt")
    district = _upload(client, "district_plan.txt")
    r = client.get(f"/api/documents/{district}/compliance")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["child"]["id"], body["parent"]["id"]) == (district, province)
    assert body["coverage"] == 0.75
    statuses = {it["id"]: it["status"] for it in body["items"]}
    assert statuses["II.4"] == "missing" and statuses["II.6"] == "delegated"
    assert {"late_deadline", "award_beyond_authority", "missing_task"} <= {f["kind"] for f in body["findings"]}
    # an explicit parent gives the same report
    assert client.get(f"/api/documents/{district}/compliance", params={"parent": province}).json() == body


def test_no_linked_parent_is_a_404_that_says_so(client):
    province = _upload(client, "province_plan.txt")
    r = client.get(f"/api/documents/{province}/compliance")
    assert r.status_code == 404
    assert "no stored document is linked" in r.json()["detail"] and "1720/QĐ-TTg" in r.json()["detail"]


def test_unknown_documents_are_404(client):
    district = _upload(client, "district_plan.txt")
    assert client.get("/api/documents/999/compliance").status_code == 404
    r = client.get(f"/api/documents/{district}/compliance", params={"parent": 999})
    assert r.status_code == 404 and "999" in r.json()["detail"]


def test_two_stored_parents_that_fit_are_a_409_listing_them(client):
    first = _upload(client, "province_plan.txt")
    data = (FIXTURES / "province_plan.txt").read_bytes() + b"\n"       # same plan, other bytes
    second = _upload(client, "province_plan_copy.txt", data)
    district = _upload(client, "district_plan.txt")
    r = client.get(f"/api/documents/{district}/compliance")
    assert r.status_code == 409
    assert f"{first}, {second}" in r.json()["detail"]
