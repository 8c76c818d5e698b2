"""Lexical matching: folded terms, paraphrase groups, level words, IDF-weighted share; dates."""
from __future__ import annotations

import pytest

from nlp.compliance.dates import later
from nlp.compliance.matching import Index, Passage, share, terms, without_bodies


def test_paraphrases_read_as_one_term():
    assert "tuyên_truyền" in terms("Đẩy mạnh công tác tuyên truyền")
    assert set(terms("công tác tuyên truyền, vận động")) == set(terms("tuyên truyền vận động"))
    assert terms("bê tông hóa đường giao thông") == ["giao_thông", "giao_thông"]


def test_place_and_level_words_are_not_content():
    assert terms("trên địa bàn tỉnh") == [] == terms("trên địa bàn huyện")
    assert set(terms("Nhân dân trên địa bàn tỉnh")) == set(terms("người dân trên địa bàn xã"))


def test_old_and_new_tone_marks_fold_together():
    assert terms("hoà giải ở cơ sở") == terms("hòa giải ở cơ sở")


def test_adjacent_content_syllables_give_bigrams():
    assert terms("kênh mương nội đồng") == ["kênh", "mương", "kênh mương", "nội", "mương nội", "đồng", "nội đồng"]


def test_score_is_the_share_of_idf_weight_the_passage_holds():
    a = Passage(0, 10, "kênh mương", frozenset(terms("kênh mương")))
    b = Passage(11, 20, "giao thông", frozenset(terms("đường giao thông")))
    index = Index([a, b])
    assert index.score(set(terms("kênh mương")), a) == 1.0
    assert index.score(set(terms("kênh mương")), b) == 0.0
    half = index.score(set(terms("kênh mương giao thông")), b)
    assert 0.2 < half < 0.5            # one of four terms, but the rarest-weighted one
    assert index.best("đường giao thông nông thôn")[0][1] is b


def test_clause_score_lets_clauses_be_covered_in_different_places():
    a = Passage(0, 10, "kênh mương", frozenset(terms("kênh mương nội đồng")))
    b = Passage(11, 20, "giao thông", frozenset(terms("đường giao thông")))
    mean, top, found = Index([a, b]).clause_score("kênh mương nội đồng; đường giao thông")
    assert (mean, top) == (1.0, 1.0)
    assert {p.start for _, p in found} == {0, 11}


def test_share_and_bodies_blanked():
    assert share("chung sức xây dựng nông thôn mới", "Lệ Thủy chung sức xây dựng nông thôn mới") == 1.0
    assert share("chung sức xây dựng nông thôn mới", "phòng thủ dân sự") == 0.0
    blank = without_bodies("gửi báo cáo về Sở Nội vụ trước ngày 10")
    assert "Nội vụ" not in blank and len(blank) == len("gửi báo cáo về Sở Nội vụ trước ngày 10")


@pytest.mark.parametrize("child, parent, expected", [
    ("--12-15", "--12-10", True),             # yearly against yearly
    ("--11-30", "--12-10", False),
    ("--12-15", "2024-12-10", True),          # yearly against one date: the same day of year
    ("2024-05-01", "2024-04-30", True),
    ("2024-12", "2024-12-10", False),         # less precise: not provably late
    ("2025", "2024-12-10", True),
    ("---20", "--12-10", None),               # monthly against yearly: incomparable
    ("2024", "--12-10", None),
    (None, "2024-12-10", None),
])
def test_later_compares_partial_dates(child, parent, expected):
    assert later(child, parent) is expected


def test_bodies_are_one_term_whether_abbreviated_or_not():
    assert "hội_đồng_nhân_dân" in terms("Thường trực HĐND xã") and "người_dân" not in terms("Hội đồng nhân dân")
    assert set(terms("Ủy ban MTTQ Việt Nam xã")) == set(terms("Ủy ban Mặt trận Tổ quốc Việt Nam xã"))


def test_a_bigram_written_once_in_both_texts_does_not_count():
    # "tình hình giới thiệu": "hình giới" is two words side by side, found nowhere else
    p = Passage(0, 30, "báo cáo tình hình", frozenset(terms("báo cáo về tình hình")))
    q = Passage(31, 60, "giới thiệu", frozenset(terms("giới thiệu người ứng cử")))
    index = Index([p, q], [frozenset(terms("tình hình giới thiệu"))])
    assert "hình giới" not in index.query("tình hình giới thiệu") and "tình hình" in index.query("tình hình")


def test_excluded_passages_and_focus_change_the_best_passage():
    a = Passage(0, 10, "thông qua biên bản", frozenset(terms("hội nghị thông qua biên bản")))
    b = Passage(11, 20, "lập danh sách", frozenset(terms("hội nghị lập danh sách sơ bộ người ứng cử")))
    index = Index([a, b])
    text = "hội nghị thông qua danh sách sơ bộ người ứng cử"
    assert index.best(text, k=1)[0][1] is b
    assert index.best(text, k=1, exclude=frozenset({1}))[0][1] is a
    focus = {t: 0.05 for t in terms("danh sách sơ bộ người ứng cử hội nghị")}
    assert index.best(text, k=1, focus=focus)[0][1] is a
