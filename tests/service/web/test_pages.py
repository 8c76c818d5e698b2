"""The web pages through the ASGI app: real plans uploaded, then listed, filtered and read."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from service.web.pages import PAGE_SIZE

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "sources"
THANH_HOA = "tvpl_KH_235-KH-UBND_ThanhHoa_2025-11-18.txt"
NGHE_AN = "tvpl_KH_987-KH-UBND_NgheAn_2025-11-20.txt"
# A commune's plan implementing the Thanh Hóa plan (made up; the parent is a real document).
CHILD = """ỦY BAN NHÂN DÂN
XÃ HOA LỘC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND
Hoa Lộc, ngày 25 tháng 11 năm 2025
KẾ HOẠCH
Quan trắc, cảnh báo môi trường nuôi trồng thủy sản trên địa bàn xã Hoa Lộc năm 2026
Thực hiện Kế hoạch số 235/KH-UBND ngày 18/11/2025 của UBND tỉnh Thanh Hóa về quan trắc, cảnh báo môi \
trường nuôi trồng thủy sản trên địa bàn tỉnh Thanh Hóa năm 2026, UBND xã Hoa Lộc ban hành Kế hoạch thực hiện như sau:
I. MỤC TIÊU
Phối hợp lấy mẫu quan trắc tại các vùng nuôi tôm Xuân Lộc và Hòa Lộc.
II. TỔ CHỨC THỰC HIỆN
1. Công chức phụ trách nông nghiệp xã chủ trì, báo cáo kết quả về UBND xã trước ngày 15/10/2026.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
""".encode("utf-8")


def upload(client, name: str, data: bytes | None = None) -> int:
    data = data if data is not None else (CORPUS / name).read_bytes()
    r = client.post("/api/documents", files=[("files", (name, data, "text/plain"))])
    assert r.status_code in (200, 201), r.text
    return r.json()["documents"][0]["id"]


def section(html: str, section_id: str) -> str:
    start = html.index(f'<section id="{section_id}"')
    return html[start:html.index("</section>", start)]


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.fixture
def two_plans(client):
    return upload(client, THANH_HOA), upload(client, NGHE_AN)


def test_list_shows_real_plans_and_filters_them(client, two_plans):
    thanh_hoa, nghe_an = two_plans
    page = client.get("/")
    assert page.status_code == 200
    rows = text_of(page.text)
    assert "2 văn bản" in rows
    assert "235/KH-UBND" in rows and "987/KH-UBND" in rows
    assert "Ủy ban nhân dân tỉnh Thanh Hóa" in rows and "18/11/2025" in rows
    assert f'href="/documents/{thanh_hoa}"' in page.text
    # the deadline count of each row is the stored parse's
    stored = client.get(f"/api/documents/{thanh_hoa}/deadlines").json()
    row = next(r for r in re.findall(r"<tr>.*?</tr>", page.text, re.S) if f'href="/documents/{thanh_hoa}"' in r)
    assert re.findall(r'<td class="num">(\d+)</td>', row) == [str(len(stored["deadlines"]))]

    only = client.get("/", params={"issuer": "Thanh Hóa"}).text
    assert "235/KH-UBND" in only and "987/KH-UBND" not in only and "1 văn bản" in only
    searched = client.get("/", params={"q": "sóng viễn thông 5G"}).text
    assert "987/KH-UBND" in searched and "235/KH-UBND" not in searched
    assert "0 văn bản" in client.get("/", params={"year": "2019"}).text
    assert "2 văn bản" in client.get("/", params={"year": "2025", "doc_type": "KH"}).text
    assert "2 văn bản" in client.get("/", params={"year": "not a year", "page": "-3"}).text


def test_list_pages_through_many_documents(client, analyzer):
    for i in range(PAGE_SIZE + 2):
        upload(client, f"p{i}.txt", analyzer.add(f"p{i}", number=str(100 + i), symbol="KH-UBND",
                                                  issuer="UBND huyện Yên Mô", issued="2024-03-01"))
    first = client.get("/").text
    assert f"{PAGE_SIZE + 2} văn bản · trang 1/2" in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/", params={"page": 2}).text
    assert "trang 2/2" in second and second.count('href="/documents/') == 2
    assert "100/KH-UBND" in second and "101/KH-UBND" in second


def test_document_page_highlights_values_and_lists_its_deadlines(client, two_plans):
    thanh_hoa, _ = two_plans
    page = client.get(f"/documents/{thanh_hoa}")
    assert page.status_code == 200
    html = page.text
    assert "Content-Security-Policy" in page.headers and "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert '<mark class="hl hl-number" data-kind="number" title="Số văn bản: 235">235</mark>' in html
    deadline = re.search(r'<mark class="hl hl-deadline" data-kind="deadline" title="([^"]+)">([^<]+)</mark>', html)
    assert deadline and deadline.group(1).startswith("Thời hạn: ") and "2026" in deadline.group(1)
    assert "tháng" in deadline.group(2)
    assert 'id="dl-1"' in html
    # the outline links to anchors that exist in the text
    outline = section(html, "outline")
    links = re.findall(r'href="#(sec-\d+)">([^<]+)<', outline)
    assert links[0][1] == "I. MỤC TIÊU"
    assert all(f'id="{anchor}"' in html for anchor, _ in links)
    # deadlines table with subscription links that work
    deadlines = section(html, "deadlines")
    assert re.search(r"Thời hạn \((\d+)\)", deadlines).group(1) == str(
        len(client.get(f"/api/documents/{thanh_hoa}/deadlines").json()["deadlines"]))
    assert f'href="webcal://testserver/api/documents/{thanh_hoa}/calendar.ics"' in deadlines
    ics = client.get(f"/api/documents/{thanh_hoa}/calendar.ics")
    assert ics.status_code == 200 and "BEGIN:VEVENT" in ics.text
    assert f'href="http://testserver/api/documents/{thanh_hoa}/deadlines.csv"' in deadlines
    download = re.search(r'href="(/api/documents/\d+/source)" download', html).group(1)
    assert client.get(download).content == (CORPUS / THANH_HOA).read_bytes()


def test_unresolved_references_are_listed_as_not_uploaded(client, two_plans):
    thanh_hoa, _ = two_plans
    refs = text_of(section(client.get(f"/documents/{thanh_hoa}").text, "references"))
    assert "Quyết định số 4255/QĐ-BNN-KHCN ngày 04/12/2024" in refs
    assert "4255/QĐ-BNN-KHCN chưa tải lên" in refs


def test_parent_and_child_link_each_other(client):
    parent = upload(client, THANH_HOA)
    child = upload(client, "hoa-loc.txt", CHILD)
    child_page = client.get(f"/documents/{child}").text
    refs = section(child_page, "references")
    assert f'<a href="/documents/{parent}">KH 235/KH-UBND</a>' in refs
    assert "chưa tải lên" not in refs
    assert f'href="/documents/{parent}"' in section(child_page, "tree")

    tree = section(client.get(f"/documents/{parent}").text, "tree")
    below = tree[tree.index("Văn bản triển khai"):tree.index("Đơn vị chưa có kế hoạch")]
    assert f'<a href="/documents/{child}">KH 15/KH-UBND</a>' in below
    unanswered = text_of(tree[tree.index('class="unanswered"'):])
    assert "Sở Tài chính" in unanswered
    assert "UBND các xã, phường" not in unanswered      # the commune has answered for the group


def test_upload_form_works_without_javascript(client):
    form = client.get("/upload")
    assert form.status_code == 200
    assert 'enctype="multipart/form-data"' in form.text and '<script src="/static/upload.js"' in form.text
    files = [("files", (THANH_HOA, (CORPUS / THANH_HOA).read_bytes(), "text/plain")),
             ("files", ("empty.txt", b"", "text/plain"))]
    posted = client.post("/upload", files=files)
    assert posted.status_code == 200
    results = section(posted.text, "results")
    assert re.search(r'result-stored">\s*<td>' + re.escape(THANH_HOA), results)
    assert 'href="/documents/1"' in results
    assert re.search(r'result-error">\s*<td>empty.txt</td>\s*<td>Lỗi: ', results)
    again = client.post("/upload", files=files[:1])
    assert "Đã có sẵn" in section(again.text, "results")
    assert client.get("/api/documents").json()["total"] == 1


def test_upload_form_needs_the_token_when_the_server_has_one(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "var", api_token="s3cret"))
    with TestClient(app) as client:
        files = [("files", (THANH_HOA, (CORPUS / THANH_HOA).read_bytes(), "text/plain"))]
        refused = client.post("/upload", files=files, data={"token": "wrong"})
        assert refused.status_code == 401 and "API token" in refused.text
        assert client.get("/api/documents").json()["total"] == 0
        accepted = client.post("/upload", files=files, data={"token": "s3cret"})
        assert accepted.status_code == 200 and "Đã lưu" in accepted.text
        assert client.get("/api/documents").json()["total"] == 1
    app.state.engine.dispose()


def test_missing_document_and_static_files(client):
    missing = client.get("/documents/999")
    assert missing.status_code == 404 and "Không tìm thấy văn bản" in missing.text
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "mark.hl-deadline" in css.text
    js = client.get("/static/upload.js")
    assert js.status_code == 200 and "/api/documents" in js.text and "Authorization" in js.text
