"""Character clean-up shared by the readers."""
from __future__ import annotations

from ingest.normalize import clean_inline, latinise_homoglyphs
from tests.conftest import REALDOCS, require_shared


def test_cyrillic_es_in_a_symbol_becomes_latin():
    # vbpl.vn prints the symbol of Thông tư 143/2025 with a Cyrillic "С" (U+0421).
    assert latinise_homoglyphs("143/2025/TT-BT\u0421") == "143/2025/TT-BTC"


def test_words_wholly_in_another_script_are_kept():
    assert latinise_homoglyphs("Москва и BTC") == "Москва и BTC"


def test_clean_inline_composes_and_folds_spaces():
    assert clean_inline("Ke\u0302\u0301  hoa\u0323ch\u00a0so\u0302\u0301\u200b 5") == "Kế hoạch số 5"


def test_real_vbpl_circular_symbol_reads_latin():
    require_shared()
    from ingest import load
    raw = load(REALDOCS / "vbpl_TT_143-2025-TT-BTC_2025-12-31.txt")
    assert "143/2025/TT-BTC" in raw.text
    assert "\u0421" not in raw.text
