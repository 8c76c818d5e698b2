"""TCVN3 (ABC) and VNI → Unicode: the shipped tables, detection, exact round trips."""
from __future__ import annotations

import unicodedata

import pytest

from ingest.legacy_encoding import (
    convert, convert_font_text, convert_if_legacy, detect, font_encoding, table,
)

from pdf_fixtures import legacy_text

SENTENCES = [
    "Kế hoạch tổ chức phong trào thi đua năm 2024 của Sở Nội vụ tỉnh Bắc Kạn",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP;",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong cơ quan hành chính nhà nước.",
    "Các sở, ban, ngành gửi báo cáo kết quả về Sở Nội vụ trước ngày 20/11/2024 để tổng hợp.",
    "Biểu dương, khen thưởng kịp thời những tập thể, cá nhân có thành tích xuất sắc, tiêu biểu.",
    "Thực hiện nghiêm kỷ luật, kỷ cương hành chính; ưu tiên giải quyết thủ tục cho người dân.",
]


@pytest.mark.parametrize("name, rows", [("tcvn3", 95), ("vni", 134)])
def test_tables_are_complete_and_nfc(name, rows):
    mapping = table(name).mapping
    assert len(mapping) == rows
    for legacy, uni in mapping.items():
        assert uni == unicodedata.normalize("NFC", uni) or unicodedata.combining(uni)
    letters = {unicodedata.normalize("NFC", b + m) for b in "aăâeêioôơuưy"
               for m in ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")}
    assert letters | set("ăâđêôơư") <= set(mapping.values())


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip_is_exact(encoding, sentence):
    legacy = legacy_text(sentence, encoding)
    assert legacy != sentence
    assert convert_if_legacy(legacy) == (sentence, encoding)


@pytest.mark.parametrize("legacy, unicode, encoding", [
    ("B¸o c¸o", "Báo cáo", "tcvn3"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
    ("KÕ ho¹ch thi ®ua n¨m 2024", "Kế hoạch thi đua năm 2024", "tcvn3"),
    ("Baùo caùo keát quaû", "Báo cáo kết quả", "vni"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", "vni"),
])
def test_known_strings(legacy, unicode, encoding):
    assert convert_if_legacy(legacy) == (unicode, encoding)


def test_capitals_typed_in_an_h_font_come_back_as_capitals():
    assert convert("KÕ HO¹CH", "tcvn3") == "KẾ HOẠCH"
    assert convert_font_text("KÕ HO¹CH", ".VnTimeH") == "KẾ HOẠCH"


@pytest.mark.parametrize("font, encoding, capitals", [
    (".VnTime", "tcvn3", False),
    ("ABCDEF+.VnTimeH,Bold", "tcvn3", True),
    (".VnArial-Bold", "tcvn3", False),
    ("VNI-Times", "vni", False),
    ("VNI-Helve-Condense", "vni", False),
    ("Times New Roman", None, False),
    ("ABCDEF+DejaVuSans", None, False),
    (None, None, False),
])
def test_font_names(font, encoding, capitals):
    assert font_encoding(font) == (encoding, capitals)


@pytest.mark.parametrize("font", ["Times New Roman", "Arial"])
def test_unicode_font_text_is_left_alone(font):
    assert convert_font_text("B¸o c¸o", font) == "B¸o c¸o"


@pytest.mark.parametrize("text", [
    *SENTENCES,
    "Báo cáo kết quả thực hiện kế hoạch hoá, khoẻ mạnh, thuý, quá trình",
    "The plan was approved by the People's Committee on 5 August 2024.",
    "Hello world, a naïve café in Zürich",
    "Müller über Größe und Straße",
    "Nhiệt độ 25°C, «Hội nghị» § 3 © 2024",
    "",
])
def test_unicode_and_english_are_not_converted(text):
    assert detect(text) is None
    assert convert_if_legacy(text) == (text, None)


def test_mixed_document_converts_only_legacy_lines():
    unicode_line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    legacy = "\n".join([unicode_line] + [legacy_text(s, "tcvn3") for s in SENTENCES[:3]])
    text, encoding = convert_if_legacy(legacy)
    assert encoding == "tcvn3"
    assert text.split("\n") == [unicode_line] + SENTENCES[:3]
