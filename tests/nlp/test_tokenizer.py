"""The underthesea tokenizer keeps the text and every offset."""
import pytest
from spacy.vocab import Vocab

from nlp.tokenizer import UndertheseaTokenizer, align

TEXTS = [
    "Sở Nội vụ chủ trì, phối hợp với Ban Tuyên giáo Tỉnh uỷ.",
    "UBND  huyện\nPhong Thổ hoà   nhập\n\n- Lưu: VT, NV.",
    "   ",
    "a",
    "Số: /KH-UBND   Kon Tum, ngày 22 tháng 7 năm 2024",
]


@pytest.fixture(scope="module")
def tokenizer():
    return UndertheseaTokenizer(Vocab())


@pytest.mark.parametrize("text", TEXTS)
def test_text_and_offsets_preserved(tokenizer, text):
    doc = tokenizer(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text


def test_words_are_segmented(tokenizer):
    words = [t.text for t in tokenizer("Sở Nội vụ chủ trì, phối hợp với các cơ quan")]
    assert "chủ trì" in words and "phối hợp" in words


@pytest.mark.parametrize("text,tokens,expected", [
    ("Tỉnh uỷ họp", ["Tỉnh ủy", "họp"], [(0, 7), (8, 11)]),            # normalised spelling
    ("Nội\nvụ", ["Nội vụ"], [(0, 3), (4, 6)]),                          # a line break splits a word
    ("a ★ b", ["a", "b"], [(0, 1), (2, 3), (4, 5)]),                    # dropped text kept
])
def test_align(text, tokens, expected):
    assert align(text, tokens) == expected


def test_pipeline_analysis():
    from nlp.language import analyze
    text = "e) Sở Nội vụ: Chủ trì, phối hợp với Sở Xây dựng và các phòng, ban, đơn vị trực thuộc hướng dẫn."
    a = analyze(text)
    assert [b.name for b in a.bodies] == ["Sở Nội vụ", "Sở Xây dựng", "các phòng, ban, đơn vị trực thuộc"]
    assert {label for _, _, label in a.cues} == {"LEAD", "SUPPORT"}
    assert all(text[s:e].strip() for s, e in a.tokens)
