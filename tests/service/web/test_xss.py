"""Document text is untrusted: markup in a plan is shown as text on every page, never run."""
from __future__ import annotations

import hashlib

import pytest

from schema.plan import (Assignment, Deadline, DocumentHeader, Located, Movement, PlanDocument, Reference,
                         Relation, Role, Span)
from schema.raw import RawDocument, SourceFormat

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
LIVE = ("<script>alert", "<img src=x", "onerror=alert(2)>")     # what must never reach the page as markup


def assert_inert(html: str) -> None:
    for bad in LIVE:
        assert bad not in html
    assert "<script" not in html.replace('<script src="/static/', "")


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part))


def hostile_plan() -> tuple[bytes, PlanDocument]:
    """A plan whose every extracted value carries markup (as a crafted or careless file could)."""
    text = (f"ỦY BAN NHÂN DÂN {IMG}\nSố: 7/KH-UBND\nKẾ HOẠCH\n{SCRIPT} về {IMG}\n"
            f"Thực hiện Kế hoạch số 9/KH-UBND của {IMG}.\nI. {SCRIPT}\n"
            f"{SCRIPT} báo cáo {IMG} trước ngày 30/11/2025.\n")
    data = text.encode("utf-8")
    raw = RawDocument(source_name="x.txt", source_format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(),
                      size=len(data), text=text)
    sentence = span(text, f"{SCRIPT} báo cáo")
    plan = PlanDocument(
        raw=raw,
        header=DocumentHeader(issuer=Located(value=f"UBND {IMG}", span=span(text, f"ỦY BAN NHÂN DÂN {IMG}")),
                              number=Located(value="7", span=span(text, "7")),
                              symbol=Located(value="KH-UBND", span=span(text, "KH-UBND")),
                              title=Located(value=f"{SCRIPT} về {IMG}", span=span(text, f"{SCRIPT} về {IMG}")),
                              issued=Located(value="2025-11-20")),
        movement=Movement(name=Located(value=SCRIPT, span=span(text, f"I. {SCRIPT}"))),
        references=[Reference(relation=Relation.IMPLEMENTS, doc_type="KH", number="9", symbol="KH-UBND",
                              issuer=IMG, subject=SCRIPT, span=span(text, f"Kế hoạch số 9/KH-UBND của {IMG}"))],
        deadlines=[Deadline(due="2025-11-30", responsible=[IMG], report_to=[SCRIPT], action=SCRIPT,
                            text=SCRIPT, span=Span(start=sentence.start, end=len(text) - 1),
                            time_span=span(text, "trước ngày 30/11/2025"), section=IMG)],
        assignments=[Assignment(body=SCRIPT, role=Role.LEAD, task=IMG, span=sentence)])
    return data, plan


@pytest.fixture
def hostile(client, analyzer) -> int:
    data, plan = hostile_plan()
    analyzer.plans[data] = plan
    r = client.post("/api/documents", files=[("files", ("x.txt", data, "text/plain"))])
    assert r.status_code == 201, r.text
    return r.json()["documents"][0]["id"]


def test_document_page_escapes_text_tooltips_and_tables(client, hostile):
    html = client.get(f"/documents/{hostile}").text
    assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    # the tooltips carry the values, escaped inside the attribute
    assert 'title="Giao nhiệm vụ: chủ trì: &lt;script&gt;alert(1)&lt;/script&gt;' in html
    assert "webcal://testserver/api/calendar.ics?body=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E" in html


def test_list_and_search_escape_titles_and_the_query(client, hostile):
    listing = client.get("/").text
    assert_inert(listing)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; về &#34;&gt;&lt;img" in listing
    searched = client.get("/", params={"q": SCRIPT, "issuer": IMG}).text
    assert_inert(searched)
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in searched


def test_real_pipeline_output_is_escaped_too(client, tmp_path):
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\n"
            f"Tổ chức phong trào {SCRIPT} {IMG}\nI. MỤC ĐÍCH\n{IMG}\nII. TỔ CHỨC THỰC HIỆN\n"
            f"Sở Nội vụ báo cáo {SCRIPT} trước ngày 30/11/2025.\n")
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    r = client.post("/api/documents", files=[("files", (path.name, path.read_bytes(), "text/plain"))])
    doc_id = r.json()["documents"][0]["id"]
    for url in ("/", f"/documents/{doc_id}"):
        html = client.get(url).text
        assert_inert(html)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_upload_results_escape_error_messages_and_names(client):
    r = client.post("/upload", files=[("files", (f"{SCRIPT}.txt", b"", "text/plain"))])
    assert r.status_code == 200
    assert_inert(r.text)
