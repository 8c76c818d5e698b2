"""DOCX reader: body order, table cells, Word numbering, style hints, asides."""
from __future__ import annotations

import pytest

from ingest import load
from ingest.docx_reader import NUMBER_FORMATS
from schema.raw import BlockKind, SourceFormat
from tests.conftest import REALDOCS, require_shared
from tests.ingest.conftest import (
    Lvl, NumberingSpec, docx_bytes, fill_cell, numbered, set_numbering,
)


def lines(raw) -> list[str]:
    return [raw.text[b.start:b.end] for b in raw.blocks]


def block(raw, text: str):
    return next(b for b in raw.blocks if raw.text[b.start:b.end] == text)


@pytest.fixture(scope="module")
def plan(plan_docx):
    return load(plan_docx, name="plan.docx")


def test_plan_text_in_body_order(plan):
    assert plan.source_format is SourceFormat.DOCX
    assert lines(plan) == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025",
        "KẾ HOẠCH",
        "Phát động phong trào thi đua năm 2025",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Động viên cán bộ, công chức.",
        "b) Biểu dương điển hình tiên tiến.",
        "2. Yêu cầu",
        "a) Thiết thực, hiệu quả.",
        "II. NỘI DUNG",
        "1. Thi đua hoàn thành nhiệm vụ",
        "- Sở Nội vụ chủ trì, tổng hợp trước ngày 15/12/2025.",
        "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn",
    ]


@pytest.mark.parametrize("text, table, row, cell, region", [
    ("ỦY BAN NHÂN DÂN", 0, 0, 0, "header_left"),
    ("TỈNH BẮC NINH", 0, 0, 0, "header_left"),
    ("Độc lập - Tự do - Hạnh phúc", 0, 0, 1, "header_right"),
    ("Số: 144/KH-UBND", 0, 1, 0, "header_left"),
    ("Bắc Ninh, ngày 24 tháng 11 năm 2025", 0, 1, 1, "header_right"),
    ("- Lưu: VT.", 1, 0, 0, "signature_left"),
    ("Mai Sơn", 1, 0, 1, "signature_right"),
])
def test_table_cells_carry_their_place(plan, text, table, row, cell, region):
    b = block(plan, text)
    assert b.kind is BlockKind.TABLE_CELL
    loc = b.location
    assert (loc.table, loc.row, loc.cell, loc.region) == (table, row, cell, region)


@pytest.mark.parametrize("text, numbering", [
    ("I. MỤC ĐÍCH, YÊU CẦU", "I."), ("2. Yêu cầu", "2."), ("a) Thiết thực, hiệu quả.", "a)"),
    ("II. NỘI DUNG", "II."), ("- Sở Nội vụ chủ trì, tổng hợp trước ngày 15/12/2025.", "-"),
    ("KẾ HOẠCH", None),
])
def test_word_numbering_is_in_text_and_block(plan, text, numbering):
    assert block(plan, text).numbering == numbering


def test_body_paragraph_index_and_kinds(plan):
    title = block(plan, "KẾ HOẠCH")
    assert title.kind is BlockKind.HEADING and title.location.paragraph is not None
    assert block(plan, "I. MỤC ĐÍCH, YÊU CẦU").kind is BlockKind.HEADING
    assert block(plan, "a) Thiết thực, hiệu quả.").kind is BlockKind.PARAGRAPH


@pytest.mark.parametrize("text, bold, italic, centered, caps", [
    ("KẾ HOẠCH", True, False, True, True),
    ("Phát động phong trào thi đua năm 2025", False, False, True, False),
    ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;", False, True, False, False),
    ("ỦY BAN NHÂN DÂN", True, False, False, True),
])
def test_style_hints(plan, text, bold, italic, centered, caps):
    style = block(plan, text).style
    assert (style.bold, style.italic, style.centered, style.caps) == (bold, italic, centered, caps)


def test_font_size_and_name(plan):
    style = block(plan, "KẾ HOẠCH").style
    assert (style.font_size, style.font_name) == (14.0, "Times New Roman")


def test_headers_footers_and_footnotes_are_asides_not_text(plan):
    asides = {(a.kind, a.text) for a in plan.asides}
    assert {("header", "DỰ THẢO lần 2"), ("footer", "Trang 1"),
            ("footnote", "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025.")} <= asides
    assert "DỰ THẢO" not in plan.text and "152/2025" not in plan.text

# ---------------------------------------------------------------------------------------------
# numbering rules


def numbering_doc(spec: NumberingSpec, items: list[tuple[str, int, int]]) -> list:
    def build(document):
        set_numbering(document, spec)
        for text, num_id, ilvl in items:
            numbered(document, text, num_id, ilvl)
    raw = load(docx_bytes(build), name="n.docx")
    return [b.numbering for b in raw.blocks]


def test_deeper_levels_restart_and_lists_count_apart():
    spec = NumberingSpec(abstracts={1: [Lvl("decimal", "%1."), Lvl("lowerLetter", "%2)")]},
                         nums={1: (1, {}), 2: (1, {0: 5})})
    labels = numbering_doc(spec, [("A", 1, 0), ("B", 1, 1), ("C", 1, 1), ("D", 1, 0), ("E", 1, 1),
                                  ("F", 2, 0), ("G", 2, 0)])
    assert labels == ["1.", "a)", "b)", "2.", "a)", "5.", "6."]


def test_compound_label_and_missing_start():
    spec = NumberingSpec(abstracts={1: [Lvl("upperRoman", "Phần %1"), Lvl("decimal", "%1.%2."),
                                        Lvl("decimal", "%1.%2.%3", start=None)]},
                         nums={3: (1, {})})
    labels = numbering_doc(spec, [("A", 3, 0), ("B", 3, 1), ("C", 3, 2), ("D", 3, 1)])
    assert labels == ["Phần I", "I.1.", "I.1.0", "I.2."]


def test_level_restart_zero_never_restarts():
    spec = NumberingSpec(abstracts={1: [Lvl("decimal", "%1."), Lvl("decimal", "(%2)", restart=0)]},
                         nums={1: (1, {})})
    assert numbering_doc(spec, [("A", 1, 0), ("B", 1, 1), ("C", 1, 0), ("D", 1, 1)]) == \
        ["1.", "(1)", "2.", "(2)"]


@pytest.mark.parametrize("fmt, n, label", [
    ("lowerLetter", 5, "e"), ("lowerLetter", 6, "f"),       # Word's letters, not a b c d đ e g
    ("lowerLetter", 27, "aa"), ("upperLetter", 3, "C"), ("upperRoman", 14, "XIV"),
    ("lowerRoman", 4, "iv"), ("decimalZero", 7, "07"), ("decimal", 12, "12"),
])
def test_number_formats(fmt, n, label):
    assert NUMBER_FORMATS[fmt](n) == label


def test_symbol_font_bullet_prints_as_bullet():
    spec = NumberingSpec(abstracts={1: [Lvl("bullet", "\uf0b7")]}, nums={1: (1, {})})
    assert numbering_doc(spec, [("Một", 1, 0)]) == ["•"]

# ---------------------------------------------------------------------------------------------
# other body structures


def test_line_breaks_split_a_paragraph_and_tabs_split_a_letterhead():
    def build(document):
        p = document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        p.add_run().add_break()
        p.add_run("Độc lập - Tự do - Hạnh phúc")
        document.add_paragraph("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        document.add_paragraph("1.\tMục đích thi đua")
    raw = load(docx_bytes(build), name="b.docx")
    assert lines(raw) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "1. Mục đích thi đua"]
    assert raw.blocks[0].location.paragraph == raw.blocks[1].location.paragraph == 0


def test_rules_and_empty_paragraphs_are_dropped_and_merged_cells_read_once():
    def build(document):
        table = document.add_table(rows=2, cols=2)
        fill_cell(table.cell(0, 0), ["BỘ NỘI VỤ", "-------"])
        merged = table.cell(0, 1).merge(table.cell(1, 1))
        fill_cell(merged, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        fill_cell(table.cell(1, 0), ["Số: 10988/BNV-CQĐP"])
        document.add_paragraph("")
        document.add_paragraph("Kính gửi: Ủy ban nhân dân các tỉnh")
    raw = load(docx_bytes(build), name="m.docx")
    assert lines(raw) == ["BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 10988/BNV-CQĐP",
                          "Kính gửi: Ủy ban nhân dân các tỉnh"]


def test_hidden_text_is_left_out():
    def build(document):
        p = document.add_paragraph("Kế hoạch số 12/KH-UBND")
        p.add_run(" (ghi chú nội bộ)").font.hidden = True
    assert lines(load(docx_bytes(build), name="h.docx")) == ["Kế hoạch số 12/KH-UBND"]


def test_caps_from_run_property():
    def build(document):
        document.add_paragraph().add_run("kế hoạch").font.all_caps = True
    raw = load(docx_bytes(build), name="c.docx")
    assert raw.blocks[0].style.caps is True


def test_legacy_font_runs_are_converted():
    legacy = pytest.importorskip("ingest.legacy_encoding")
    if not hasattr(legacy, "convert_font_text"):
        pytest.skip("ingest.legacy_encoding.convert_font_text is not there yet")

    def build(document):
        p = document.add_paragraph()
        p.add_run("KÕ ho¹ch").font.name = ".VnTime"
        p.add_run(" số 12/KH-UBND").font.name = "Times New Roman"
    raw = load(docx_bytes(build), name="l.docx")
    assert lines(raw) == ["Kế hoạch số 12/KH-UBND"]
    assert raw.encoding == "tcvn3"

# ---------------------------------------------------------------------------------------------
# real files


@pytest.mark.parametrize("name, expected, signer", [
    ("lm_KH_01-KH-TBTTKT_PhoBang_2025-12-10.docx",
     ["ỦY BAN BẦU CỬ XÃ PHỐ BẢNG", "Số: 01/KH-TBTTKT", "Phố Bảng, ngày 10 tháng 12 năm 2025",
      "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU"], "Nguyễn Văn Hoàn"),
    ("lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx",
     ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "TỈNH QUẢNG NINH", "HƯỚNG DẪN",
      "1. Hội nghị cử chủ tọa trong Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng "
      "Ninh và thư ký hội nghị."], None),
    ("qb_HD_HDTDKT_HungYen_2021_draft.docx",
     ["HỘI ĐỒNG", "Số: /HD – HĐTĐKT", "HƯỚNG DẪN", "I. CƠ CẤU TỔ CHỨC"], "Đặng Ngọc Quỳnh"),
])
def test_real_docx(name, expected, signer):
    require_shared()
    raw = load(REALDOCS / name)
    got = lines(raw)
    for line in expected:
        assert line in got
    assert got.index(expected[0]) < got.index(expected[-1])
    assert raw.blocks[0].location.region == "header_left"
    if signer:
        assert block(raw, signer).location.region == "signature_right"


def test_real_docx_numbering_matches_word():
    """Labels Word draws in this file (checked against LibreOffice's rendering)."""
    require_shared()
    raw = load(REALDOCS / "lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")
    labels = [b.numbering for b in raw.blocks if b.numbering]
    assert labels[:8] == ["1.", "2.", "3.", "4.", "5.", "6.", "I.", "II."]
    assert {"-", "a)", "2.5.2.", "4.3."} <= set(labels)
