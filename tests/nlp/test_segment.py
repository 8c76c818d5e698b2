"""Segmentation (nlp/segment): zones, the section tree, item titles, numbering issues."""
from __future__ import annotations

import pytest

from nlp import resources
from nlp import segment
from nlp.segment.rules import rules
from nlp.segment.tree import item_title
from schema.plan import SectionKind
from tests.conftest import GOLD, SEEDS, require_shared
from tests.nlp.segment_factories import load_gold, make_doc, make_plan, outline


def test_resources_validate():
    r = rules()                                  # raises on a bad pattern or a missing key
    assert r.headings and r.letters[:5] == ("a", "b", "c", "d", "đ")
    for name in ("headings", "signature", "header"):
        assert resources.load(name)


@pytest.mark.parametrize("line, kind, label, title", [
    ("I. MỤC ĐÍCH, YÊU CẦU", SectionKind.PART, "I", "MỤC ĐÍCH, YÊU CẦU"),
    ("II - NỘI DUNG", SectionKind.PART, "II", "NỘI DUNG"),
    ("III: TỔ CHỨC THỰC HIỆN", SectionKind.PART, "III", "TỔ CHỨC THỰC HIỆN"),
    ("IV.", SectionKind.PART, "IV", ""),
    ("1. Mục đích", SectionKind.ITEM, "1", "Mục đích"),
    ("2 . Xây dựng cơ chế", SectionKind.ITEM, "2", "Xây dựng cơ chế"),
    ("1.2. Tiểu mục", SectionKind.ITEM, "1.2", "Tiểu mục"),
    ("a) Hình thức khen thưởng", SectionKind.POINT, "a", "Hình thức khen thưởng"),
    ("đ) Đối với cá nhân", SectionKind.POINT, "đ", "Đối với cá nhân"),
    ("- Nội dung", SectionKind.BULLET, "-", "Nội dung"),
    ("+ Tờ trình", SectionKind.BULLET, "+", "Tờ trình"),
    ("Điều 3. Tổ chức thực hiện", SectionKind.ARTICLE, "3", "Tổ chức thực hiện"),
    ("Chương II", SectionKind.CHAPTER, "II", ""),
    ("Phần I. KẾT QUẢ", SectionKind.CHAPTER, "I", "KẾT QUẢ"),
])
def test_heading_patterns(line, kind, label, title):
    m = rules().match_heading(line)
    assert (m.rule.kind, m.label, m.title) == (kind, label, title)


@pytest.mark.parametrize("line", [
    "f) not a Vietnamese letter", "10.000 người tham gia", "V/v tuyên truyền", "Năm 2024 tổ chức",
])
def test_not_headings(line):
    assert rules().match_heading(line) is None


@pytest.mark.parametrize("text, has_content, expected", [
    ("Mục đích", True, "Mục đích"),
    ("Khen thưởng trong thực hiện Phong trào thi đua", True, "Khen thưởng trong thực hiện Phong trào thi đua"),
    ("Trách nhiệm thực hiện", True, "Trách nhiệm thực hiện"),
    ("Các sở ban, ngành, địa phương:", True, None),                 # introduces a list
    ("Thời gian thực hiện: Phong trào được triển khai từ tháng 7", True, None),
    ("Thi đua huy động, vận động các nguồn lực của nhà nước, đóng góp ủng hộ của công chức, viên chức "
     "thực hiện thành công mục tiêu xóa nhà tạm.", False, None),
    ("Phát hiện, biểu dương kịp thời các tập thể, cá nhân tiêu biểu trong phong trào.", False, None),
])
def test_item_title(text, has_content, expected):
    assert item_title(text, has_content) == expected


def test_tree_parts_items_and_deeper_levels():
    plan = segment.run(make_doc(body=(
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Tạo khí thế thi đua.", "- Chi tiết;", "+ Chi tiết hơn.",
        "2. Yêu cầu", "Nội dung yêu cầu.",
        "II. NỘI DUNG THI ĐUA", "1. Thi đua huy động các nguồn lực thực hiện mục tiêu xóa nhà tạm, nhà dột nát.",
        "2 . Thi đua xây dựng cơ chế, chính sách phù hợp, hiệu quả.")))
    assert outline(plan.sections) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", [("1", "Mục đích", []), ("2", "Yêu cầu", [])]),
        ("II", "NỘI DUNG THI ĐUA", [("1", None, []), ("2", None, [])]),
    ]
    point = plan.sections[0].children[0].children[0]
    assert point.kind is SectionKind.POINT and point.children[0].children[0].label == "+"


def test_body_span_runs_to_the_end_of_the_section():
    plan = segment.run(make_doc(body=("I. MỤC ĐÍCH", "Đoạn một.", "Đoạn hai.", "II. NỘI DUNG", "Đoạn ba.")))
    first, second = plan.sections
    assert plan.snippet(first.body) == "I. MỤC ĐÍCH\nĐoạn một.\nĐoạn hai."
    assert plan.snippet(first.heading) == "I. MỤC ĐÍCH"
    assert plan.snippet(second.body) == "II. NỘI DUNG\nĐoạn ba."


def test_label_alone_takes_its_title_from_the_next_line():
    plan = segment.run(make_doc(body=("I.", "ĐÁNH GIÁ TÌNH HÌNH", "- Nội dung.", "II. MỤC TIÊU")))
    assert [(s.label, s.title) for s in plan.sections] == [("I", "ĐÁNH GIÁ TÌNH HÌNH"), ("II", "MỤC TIÊU")]


@pytest.mark.parametrize("labels, code", [
    (("I", "II", "III", "III"), "numbering_duplicate"),
    (("I", "II", "IV"), "numbering_gap"),
])
def test_numbering_anomalies_are_kept_and_reported(labels, code):
    plan = segment.run(make_doc(body=tuple(f"{label}. PHẦN {k}" for k, label in enumerate(labels))))
    assert [s.label for s in plan.sections] == list(labels)
    assert code in {i.code for i in plan.issues}


def test_zones_preamble_closing_signoff():
    plan = segment.run(make_doc(header=("Số: /KH-SNV", "Hà Nội, ngày 05 tháng 8 năm 2024")))
    assert plan.snippet(plan.preamble).startswith("Thực hiện Kế hoạch số 12/KH-UBND")
    assert plan.snippet(plan.closing) == "Trên đây là Kế hoạch của Sở Nội vụ./."
    assert plan.snippet(plan.recipients_block) == "Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT."
    assert plan.snippet(plan.signature_block) == "GIÁM ĐỐC\nNguyễn Văn An"


def test_headings_in_preamble_and_recipients_are_not_sections():
    plan = segment.run(make_doc(
        preamble=("Căn cứ Quyết định số 1. Ban hành ngày 01/01/2024;", "Thực hiện Kế hoạch …, UBND tỉnh ban hành "
                  "Kế hoạch như sau:"),
        signoff=("Nơi nhận:", "- Như trên;", "1. Sở Nội vụ;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An")))
    assert [s.label for s in plan.sections] == ["I"]


def test_decision_articles_and_clauses():
    plan = segment.run(make_doc(type_line="QUYẾT ĐỊNH", title=("Về việc ban hành Kế hoạch",),
                                preamble=("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "QUYẾT ĐỊNH:"),
                                body=("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
                                      "Điều 2. Giao Sở Nội vụ:", "1. Hướng dẫn;", "2. Kiểm tra.",
                                      "Điều 3. Quyết định này có hiệu lực."),
                                closing=()))
    assert [(s.kind, s.label) for s in plan.sections] == [(SectionKind.ARTICLE, "1"), (SectionKind.ARTICLE, "2"),
                                                          (SectionKind.ARTICLE, "3")]
    assert [c.kind for c in plan.sections[1].children] == [SectionKind.CLAUSE, SectionKind.CLAUSE]


def test_appendices_after_the_signature():
    plan = segment.run(make_doc(tail=("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", "1. Nhiệm vụ một", "PHỤ LỤC II",
                                      "BIỂU TỔNG HỢP")))
    assert [(a.kind, a.label, a.title) for a in plan.appendices] == [
        (SectionKind.APPENDIX, "I", "DANH MỤC NHIỆM VỤ"), (SectionKind.APPENDIX, "II", "BIỂU TỔNG HỢP")]
    assert [s.label for s in plan.sections] == ["I"]


def test_text_without_structure_does_not_crash():
    plan = segment.run(make_plan("Một đoạn văn.", "Hai đoạn văn."))
    assert plan.sections == [] and plan.recipients_block is None
    assert segment.run(make_plan("")).sections == []


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_sections_match_gold(stem):
    require_shared()
    from ingest import load
    from schema.plan import PlanDocument
    plan = segment.run(PlanDocument(raw=load(SEEDS / f"{stem}.txt")))
    gold = load_gold(stem, GOLD)["sections"]
    assert outline(plan.sections) == [(g["label"], g["title"], [(c["label"], c["title"], []) for c in g["children"]])
                                      for g in gold]
