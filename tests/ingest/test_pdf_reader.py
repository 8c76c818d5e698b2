"""PDF text layer: layout (header columns, paragraphs, running heads, signature), errors,
limits, legacy encodings; and what the real PDFs in ../shared/realdocs yield."""
from __future__ import annotations

import pytest

from ingest import CorruptDocument, EncryptedDocument, Limits, load
from schema.raw import BlockKind, SourceFormat
from tests.conftest import REALDOCS, require_shared

from pdf_fixtures import (
    BODY, HEADER_LEFT, HEADER_RIGHT, RUNNING_HEAD, SIGNATURE_LEFT, SIGNATURE_RIGHT, TITLE,
    PlanPdf, legacy_text, plain_pdf, plan_pdf,
)


@pytest.fixture(scope="module")
def plan():
    return load(plan_pdf(), name="plan.pdf")


def block_texts(raw, region=None, kind=None):
    return [raw.text[b.start:b.end] for b in raw.blocks
            if (region is None or b.location.region == region) and (kind is None or b.kind is kind)]


@pytest.mark.parametrize("region, expected", [
    ("header_left", HEADER_LEFT),
    ("header_right", HEADER_RIGHT),
    ("signature_left", SIGNATURE_LEFT),
    ("signature_right", SIGNATURE_RIGHT),
])
def test_two_column_zones_become_regions(plan, region, expected):
    assert block_texts(plan, region) == expected


def test_header_lines_come_first_and_stay_lines(plan):
    first = plan.blocks[:6]
    assert [b.location.region for b in first] == ["header_left"] * 3 + ["header_right"] * 3
    assert all(b.kind is BlockKind.LINE for b in first)


def test_title_lines_rejoin_and_doc_type_stands_alone(plan):
    lines = plan.text.split("\n")
    assert lines[6] == TITLE[0]
    assert lines[7] == f"{TITLE[1]} {TITLE[2]}"


def test_wrapped_paragraphs_are_rebuilt(plan):
    paragraphs = [text for kind, text in BODY if kind == "para"]
    lines = plan.text.split("\n")
    for paragraph in paragraphs:
        assert paragraph in lines


@pytest.mark.parametrize("heading", ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THI ĐUA"])
def test_roman_headings_are_heading_blocks(plan, heading):
    assert heading in block_texts(plan, kind=BlockKind.HEADING)


def test_hyphenation_is_repaired(plan):
    assert "(cloud computing)" in plan.text
    assert "comp-" not in plan.text


def test_running_heads_and_page_numbers_go_to_asides(plan):
    assert RUNNING_HEAD not in plan.text
    pages = len(plan.pages)
    assert pages >= 3
    headers = [a for a in plan.asides if a.kind == "header"]
    footers = [a for a in plan.asides if a.kind == "footer"]
    assert [a.text for a in headers] == [RUNNING_HEAD] * pages
    assert [a.text for a in footers] == [str(n) for n in range(1, pages + 1)]
    assert [a.location.page for a in footers] == list(range(1, pages + 1))
    assert not any(line.strip().isdigit() for line in plan.text.split("\n"))


def test_every_block_has_page_and_bbox_inside_it(plan):
    widths = {p.number: (p.width, p.height) for p in plan.pages}
    for block in plan.blocks:
        x0, top, x1, bottom = block.location.bbox
        width, height = widths[block.location.page]
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
    assert plan.locate(plan.text.index("Số: 524/KH-UBND")).region == "header_left"
    assert plan.source_format is SourceFormat.PDF and plan.pages[0].ocr is False


def test_paragraph_continues_across_a_page_break(plan):
    last = BODY[-1][1]
    assert plan.text.count(last) == 2                  # the body is drawn twice over 3+ pages
    spans = [b for b in plan.blocks if plan.text[b.start:b.end] == last]
    assert len(spans) == 2


def test_junk_before_pdf_header_is_tolerated():
    data = plan_pdf()
    junk = b"\r\n<!-- stored -->\x00\x00\x00\x00"[:21].ljust(21, b"\x00")
    assert load(junk + data, name="junk.pdf").text == load(data, name="clean.pdf").text


def test_password_protected_pdf_is_an_encrypted_document():
    with pytest.raises(EncryptedDocument, match="password"):
        load(plan_pdf(PlanPdf(encrypt_password="mật-khẩu", repeat_body=1)), name="locked.pdf")


@pytest.mark.parametrize("damage", [
    lambda d: b"%PDF-1.7\n" + bytes(range(256)) * 40,
    lambda d: d[:200],
    lambda d: d.replace(b"obj", b"xxx"),
], ids=["garbage", "truncated", "no-objects"])
def test_damaged_pdf_is_a_corrupt_document(damage):
    with pytest.raises(CorruptDocument):
        load(damage(plan_pdf(PlanPdf(repeat_body=1))), name="bad.pdf")


def test_pages_beyond_the_limit_are_dropped_with_a_warning():
    data = plain_pdf([[f"Trang nội dung số {n} của kế hoạch thi đua năm 2024."] for n in range(1, 13)])
    raw = load(data, name="long.pdf", limits=Limits(max_pages=5))
    assert [p.number for p in raw.pages] == [1, 2, 3, 4, 5]
    assert "số 5 của" in raw.text and "số 6 của" not in raw.text
    assert raw.warnings == ["the PDF has 12 pages; only the first 5 were read"]


LEGACY_LINES = [
    "Kế hoạch tổ chức phong trào thi đua năm 2024 của Sở Nội vụ",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong cơ quan hành chính nhà nước.",
]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_text_typed_in_legacy_fonts_is_converted(encoding):
    data = plain_pdf([[legacy_text(line, encoding) for line in LEGACY_LINES]])
    raw = load(data, name=f"{encoding}.pdf")
    assert raw.encoding == encoding
    assert raw.text.split("\n") == LEGACY_LINES


def test_unicode_pdf_is_not_converted(plan):
    assert plan.encoding is None
    assert "Độc lập - Tự do - Hạnh phúc" in plan.text

# ---------------------------------------------------------------------------------------------
# real documents (../shared/realdocs)


REAL = [
    # file, region, text that block must hold exactly
    ("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.pdf", "header_left", "Số: 01/2022/TT-BLĐTBXH"),
    ("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.pdf", "signature_right", "KT. BỘ TRƯỞNG"),
    ("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.pdf", "signature_right", "Lê Văn Thanh"),
    ("qb_BC_STC_HauGiang_2024-07_unsigned.pdf", "header_left", "SỞ TÀI CHÍNH"),
    ("qb_BC_STC_HauGiang_2024-07_unsigned.pdf", "header_right", "Hậu Giang, ngày tháng năm 2024"),
    ("qb_BC_STC_HauGiang_2024-07_unsigned.pdf", "signature_right", "KT. GIÁM ĐỐC"),
    ("qb_BC_STC_HauGiang_2024-07_unsigned.pdf", "signature_right", "Nguyễn Thị Kim Loan"),
    ("qb_BC_STC_HauGiang_2024-07_unsigned.pdf", "signature_left", "- Các Sở: CT, LĐTBXH, TNMT, XD, TTTT, NN&PTNT, GTVT;"),
    ("qb_CV_SLDTBXH-LDVLDN_QuangBinh_2022-10_signed.pdf", "header_left", "Số: /SLĐTBXH-LĐVLDN"),
    ("qb_CV_SLDTBXH-LDVLDN_QuangBinh_2022-10_signed.pdf", "signature_right", "Đinh Thị Ngọc Lan"),
    ("qb_VBHN_LuatTDKT_CongBao-31-32_2014-01-06.pdf", None, "Điều 1"),
]


@pytest.fixture(scope="module")
def real():
    cache = {}

    def get(name):
        require_shared()
        if name not in cache:
            cache[name] = load(REALDOCS / name)
        return cache[name]
    return get


@pytest.mark.parametrize("name, region, text", REAL)
def test_real_pdf_blocks(real, name, region, text):
    assert text in block_texts(real(name), region)


def test_real_law_article_headings_and_gazette_heads(real):
    raw = real("qb_VBHN_LuatTDKT_CongBao-31-32_2014-01-06.pdf")
    headings = block_texts(raw, kind=BlockKind.HEADING)
    assert {"Chương I", "Điều 1", "Điều 2"} <= set(headings)
    assert "CÔNG BÁO/Số 31 + 32" not in raw.text
    assert sum("CÔNG BÁO/Số 31 + 32" in a.text for a in raw.asides) >= 35
    assert "Evaluation Only" not in raw.text


def test_real_page_numbers_are_asides(real):
    raw = real("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.pdf")
    assert len(raw.pages) == 20
    numbers = [a.text for a in raw.asides if a.text.isdigit()]
    assert numbers[:3] == ["2", "3", "4"]
