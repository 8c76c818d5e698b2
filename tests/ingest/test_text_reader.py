"""Text reader: encodings, portal tables (thuvienphapluat, vbpl.vn), paragraph joining."""
from __future__ import annotations

import pytest

from ingest import load
from ingest.limits import DEFAULT_LIMITS
from ingest.text_reader import read, split_flattened_cell
from schema.raw import BlockKind, SourceFormat
from tests.conftest import REALDOCS, SEEDS, require_shared
from tests.ingest.conftest import to_cp1258

PLAN_TEXT = "Số: 12/KH-UBND\n\nKẾ HOẠCH\n\nTổ chức phong trào thi đua “Dân vận khéo” năm 2025\n"


def blocks_text(raw) -> list[str]:
    return [raw.text[b.start:b.end] for b in raw.blocks]


def read_text(text: str):
    return read(text.encode("utf-8"), "t.txt", DEFAULT_LIMITS)

# ---------------------------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize("encode, encoding", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16"),                 # with BOM
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),           # without BOM
    (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    (to_cp1258, "cp1258"),
])
def test_encodings_decode_to_the_same_nfc_text(encode, encoding):
    raw = load(encode(PLAN_TEXT), name="plan.txt")
    assert raw.source_format is SourceFormat.TEXT
    assert raw.encoding == encoding
    assert blocks_text(raw) == ["Số: 12/KH-UBND", "KẾ HOẠCH",
                                "Tổ chức phong trào thi đua “Dân vận khéo” năm 2025"]


def test_crlf_and_markup_are_dropped():
    raw = read_text("**KẾ HOẠCH**\r\n\r\n*Căn cứ Luật Thi đua, khen thưởng;*\r\n")
    assert blocks_text(raw) == ["KẾ HOẠCH", "Căn cứ Luật Thi đua, khen thưởng;"]
    assert raw.blocks[0].kind is BlockKind.HEADING
    assert raw.blocks[0].style.bold and raw.blocks[1].style.italic

# ---------------------------------------------------------------------------------------------
# hard-wrapped portal text

WRAPPED_BODY = "\n".join([
    "Theo đề nghị của Sở Khoa học và",
    "Công nghệ tại Tờ trình số 133/TTr-SKHCN ngày 15/11/2025, UBND tỉnh ban hành Kế",
    "hoạch Phát triển kinh tế số, xã hội số giai đoạn 2026-2030, cụ thể như sau:",
    "",
    "**I. QUAN ĐIỂM**",
    "",
    "1. Phát triển kinh tế số và xã hội",
    "số là định hướng chiến lược, là cơ hội để Bắc Ninh bứt phá trong quá trình chuyển",
    "đổi mô hình tăng trưởng, nâng cao năng suất, chất lượng và năng lực cạnh tranh.",
    "- Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao phục vụ phát triển;",
    "công bố trên Cổng Dữ liệu mở tỉnh Bắc Ninh và Cổng Dữ liệu mở quốc gia.",
    "+ Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP tối thiểu 2%.",
    "a) Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%; tỷ lệ người",
    "dân có tài khoản định danh điện tử đạt 80%.",
    "**Điều 3. Tổ chức thực hiện**",
    "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện",
    "Kế hoạch này.",
])


def test_hard_wrapped_lines_join_into_paragraphs_but_items_stay_apart():
    assert blocks_text(read_text(WRAPPED_BODY)) == [
        "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 133/TTr-SKHCN ngày 15/11/2025, "
        "UBND tỉnh ban hành Kế hoạch Phát triển kinh tế số, xã hội số giai đoạn 2026-2030, cụ thể "
        "như sau:",
        "I. QUAN ĐIỂM",
        "1. Phát triển kinh tế số và xã hội số là định hướng chiến lược, là cơ hội để Bắc Ninh bứt "
        "phá trong quá trình chuyển đổi mô hình tăng trưởng, nâng cao năng suất, chất lượng và năng "
        "lực cạnh tranh.",
        "- Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao phục vụ phát triển; công "
        "bố trên Cổng Dữ liệu mở tỉnh Bắc Ninh và Cổng Dữ liệu mở quốc gia.",
        "+ Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP tối thiểu 2%.",
        "a) Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%; tỷ lệ người dân có "
        "tài khoản định danh điện tử đạt 80%.",
        "Điều 3. Tổ chức thực hiện",
        "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện Kế hoạch "
        "này.",
    ]


def test_blocks_carry_their_first_line_number():
    raw = read_text(WRAPPED_BODY)
    lines = {raw.text[b.start:b.end][:12]: b.location.line for b in raw.blocks}
    assert lines["I. QUAN ĐIỂM"] == 5
    assert lines["1. Phát triể"] == 7
    assert lines["Điều 3. Tổ c"] == 15


def test_title_wrapped_in_caps_joins_and_doc_type_line_stays_alone():
    text = "\n".join(["**KẾ HOẠCH**", "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN",
                      "2026 - 2030", "", WRAPPED_BODY])
    assert blocks_text(read_text(text))[:2] == [
        "KẾ HOẠCH", "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030"]

# ---------------------------------------------------------------------------------------------
# thuvienphapluat tables (cells between lone "|" lines)

TVPL_HEADER = """|
**ỦY BAN NHÂN DÂN
**
TỈNH BẮC NINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 144/KH-UBND
|
*Bắc Ninh, ngày 24
tháng 11 năm 2025*
|

**KẾ HOẠCH**
"""

TVPL_SIGNATURE = """Trên đây là Kế hoạch phát triển kinh tế số của tỉnh./.
|
Nơi nhận:
- VPCP, Bộ KH&CN (b/c);
- Báo và Phát thanh, Truyền hình tỉnh, các cơ quan báo chí đóng trên địa bàn
tỉnh;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN
DÂN **
KT. CHỦ TỊCH
**PHÓ CHỦ TỊCH**
**Mai Sơn**
|
"""


def test_tvpl_header_table_cells_become_lines_with_regions():
    raw = read_text(TVPL_HEADER + "\n" + WRAPPED_BODY)
    cells = [(raw.text[b.start:b.end], b.location.region, b.location.row, b.location.cell)
             for b in raw.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "header_left", 0, 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header_right", 0, 1),
        ("Độc lập - Tự do - Hạnh phúc", "header_right", 0, 1),
        ("Số: 144/KH-UBND", "header_left", 1, 0),
        ("Bắc Ninh, ngày 24 tháng 11 năm 2025", "header_right", 1, 1),
    ]
    assert blocks_text(raw)[5] == "KẾ HOẠCH"


def test_tvpl_signature_table_keeps_each_recipient_and_signer_line():
    raw = read_text(WRAPPED_BODY + "\n" + TVPL_SIGNATURE)
    cells = [(raw.text[b.start:b.end], b.location.region)
             for b in raw.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        ("Nơi nhận:", "signature_left"),
        ("- VPCP, Bộ KH&CN (b/c);", "signature_left"),
        ("- Báo và Phát thanh, Truyền hình tỉnh, các cơ quan báo chí đóng trên địa bàn tỉnh;",
         "signature_left"),
        ("- Lưu: VT.", "signature_left"),
        ("TM. ỦY BAN NHÂN DÂN", "signature_right"),
        ("KT. CHỦ TỊCH", "signature_right"),
        ("PHÓ CHỦ TỊCH", "signature_right"),
        ("Mai Sơn", "signature_right"),
    ]


def test_tvpl_table_ends_where_body_text_follows_a_complete_row():
    text = TVPL_HEADER.replace("|\n\n**KẾ HOẠCH**\n", "|\n**CÔNG ĐIỆN**\nVỀ VIỆC KHẨN TRƯƠNG\n")
    raw = read_text(text)
    last = raw.blocks[-2:]
    assert [(raw.text[b.start:b.end], b.kind) for b in last] == [
        ("CÔNG ĐIỆN", BlockKind.HEADING), ("VỀ VIỆC KHẨN TRƯƠNG", BlockKind.PARAGRAPH)]


def test_tvpl_data_table_keeps_rows_and_empty_cells():
    text = "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Chủ trì**\n|\n|\n|\n**I. Kinh tế số**\n|\n|\n|\n1\n|\n" \
           "Kinh tế số chiếm 45% GRDP\ntỉnh.\n|\nSở Tài chính\n|\n\nHết bảng.\n"
    raw = read_text(text)
    cells = [(raw.text[b.start:b.end], b.location.row, b.location.cell)
             for b in raw.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [("TT", 0, 0), ("Chỉ tiêu", 0, 1), ("Chủ trì", 0, 2), ("I. Kinh tế số", 1, 1),
                     ("1", 2, 0), ("Kinh tế số chiếm 45% GRDP tỉnh.", 2, 1), ("Sở Tài chính", 2, 2)]

# ---------------------------------------------------------------------------------------------
# vbpl.vn rows flattened onto one line


@pytest.mark.parametrize("cell, lines", [
    ("BỘ NGOẠI GIAO -------", ["BỘ NGOẠI GIAO"]),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    ("KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG (Đã ký) Phạm Thị Thanh Trà",
     ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Phạm Thị Thanh Trà"]),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Bích Ngọc",
     ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Thị Bích Ngọc"]),
    ("Nơi nhận: - Như trên; - Bộ trưởng (để b/c); - Các tổ chức chính trị - xã hội; - Lưu: VT, VP.",
     ["Nơi nhận:", "- Như trên;", "- Bộ trưởng (để b/c);", "- Các tổ chức chính trị - xã hội;",
      "- Lưu: VT, VP."]),
    ("Số: 01/2026/QĐ-TTg", ["Số: 01/2026/QĐ-TTg"]),
])
def test_flattened_cells_split_into_their_lines(cell, lines):
    assert split_flattened_cell(cell) == lines


def test_vbpl_rows_become_header_and_signature_cells():
    text = ("BỘ NỘI VỤ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 20/2025/TT-BNV | Hà Nội, ngày 11 tháng 10 năm 2025\n\nTHÔNG TƯ\n\n"
            "Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025./.\n\n"
            " | BỘ TRƯỞNG (Đã ký) Phạm Thị Thanh Trà\n")
    raw = read_text(text)
    got = [(raw.text[b.start:b.end], b.location.region) for b in raw.blocks]
    assert got == [
        ("BỘ NỘI VỤ", "header_left"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header_right"),
        ("Độc lập - Tự do - Hạnh phúc", "header_right"),
        ("Số: 20/2025/TT-BNV", "header_left"),
        ("Hà Nội, ngày 11 tháng 10 năm 2025", "header_right"),
        ("THÔNG TƯ", None),
        ("Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025./.", None),
        ("BỘ TRƯỞNG", "signature_right"),
        ("(Đã ký)", "signature_right"),
        ("Phạm Thị Thanh Trà", "signature_right"),
    ]

# ---------------------------------------------------------------------------------------------
# real files


@pytest.mark.parametrize("name, first_lines, signer", [
    ("tvpl_KH_144-KH-UBND_BacNinh_2025-11-24.txt",
     ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025",
      "KẾ HOẠCH"], "Mai Sơn"),
    ("tvpl_CD_224-CD-TTg_ThuTuongChinhPhu_2025-11-20.txt",
     ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 224/CĐ-TTg", "Hà Nội, ngày 20 tháng 11 năm 2025", "CÔNG ĐIỆN"], "Phạm Minh Chính"),
    ("tvpl_CV_5155-SGDDT-GDTXNNDH_HoChiMinhSoGiaoDucVaDaoT_2025-11-28.txt",
     ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 5155/SGDĐT-GDTXNNĐH"], None),
    ("vbpl_QD_01-2026-QD-TTg_2026-01-01.txt",
     ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 01/2026/QĐ-TTg", "Hà Nội, ngày 01 tháng 01 năm 2026", "QUYẾT ĐỊNH"],
     "Phạm Thị Thanh Trà"),
    ("vbpl_TT_143-2025-TT-BTC_2025-12-31.txt",
     ["BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 143/2025/TT-BTC", "Hà Nội, ngày 31 tháng 12 năm 2025", "THÔNG TƯ"],
     "Nguyễn Thị Bích Ngọc"),
])
def test_real_portal_files(name, first_lines, signer):
    require_shared()
    raw = load(REALDOCS / name)
    lines = blocks_text(raw)
    assert lines[:len(first_lines)] == first_lines
    assert raw.blocks[0].location.region == "header_left"
    if signer:
        signer_block = next(b for b in raw.blocks if raw.text[b.start:b.end] == signer)
        assert signer_block.location.region == "signature_right"


def test_real_tvpl_wrapped_paragraph_is_whole():
    require_shared()
    raw = load(REALDOCS / "tvpl_KH_144-KH-UBND_BacNinh_2025-11-24.txt")
    assert ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;") in blocks_text(raw)
    source_lines = (REALDOCS / "tvpl_KH_144-KH-UBND_BacNinh_2025-11-24.txt").read_text("utf-8").split("\n")
    heading = next(b for b in raw.blocks if raw.text[b.start:b.end] == "II. MỤC TIÊU")
    assert "II. MỤC TIÊU" in source_lines[heading.location.line - 1]


SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seeds_keep_one_paragraph_per_source_line(path):
    raw = load(path)
    source = [line.replace("*", "").strip() for line in path.read_text("utf-8-sig").split("\n")]
    nonempty = [(n, line) for n, line in enumerate(source, 1) if line]
    assert [b.location.line for b in raw.blocks] == [n for n, _ in nonempty]
    assert raw.text.count("\n") == len(nonempty) - 1


def test_seed_003_without_blank_lines_keeps_items_apart():
    require_shared()
    raw = load(SEEDS / "003_0eb59aa12a805793.txt")
    lines = blocks_text(raw)
    assert lines[:3] == ["Kon Tum, ngày 22 tháng 7 năm 2024", "KẾ HOẠCH",
                         "TRIỂN KHAI THỰC HIỆN PHONG TRÀO THI ĐUA “CHUNG TAY XÓA NHÀ TẠM, NHÀ DỘT NÁT "
                         "TRÊN ĐỊA BÀN TỈNH KON TUM TRONG NĂM 2025”."]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and "Nơi nhận:" in lines


def _shared_texts():
    if not REALDOCS.is_dir():
        return []
    return sorted(REALDOCS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", _shared_texts(), ids=lambda p: p.name[:24])
def test_hard_wrap_is_detected_per_file(path):
    """thuvienphapluat copies are wrapped at ~80 columns; vbpl extracts and seeds are not."""
    from ingest.text_reader import _LineReader, decode, is_hard_wrapped

    text, _, _ = decode(path.read_bytes())
    assert is_hard_wrapped(_LineReader().read(text)) is path.name.startswith("tvpl_")


def test_layout_vocabulary_loads_and_compiles():
    from ingest.text_reader import _patterns, layout_vocab

    vocab = layout_vocab()
    for key in ("block_starts", "headings", "standalone_lines", "motto_phrases", "locality_words",
                "signer_prefixes", "signer_titles", "signed_marks", "recipient_heads",
                "symbol_bullets", "label_only"):
        assert vocab[key], key
    patterns = _patterns()
    assert patterns["standalone"].match("KẾ HOẠCH") and patterns["label_only"].match("II.")
    assert not patterns["block_start"].match("Chương trình mục tiêu quốc gia")
