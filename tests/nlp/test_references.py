"""References (nlp/extract/references.py): mention tables, relations, seeds against gold."""
from __future__ import annotations

import hashlib
import json

import pytest

from nlp import resources
from nlp.extract import references
from nlp.extract.references import find_mentions, infer_issuer
from schema.plan import PlanDocument, Relation
from schema.raw import RawDocument, SourceFormat
from tests.conftest import GOLD, SEEDS, require_shared


def plan_from(text: str) -> PlanDocument:
    data = text.encode("utf-8")
    return PlanDocument(raw=RawDocument(source_format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(),
                                        size=len(data), text=text))


@pytest.mark.parametrize("text, doc_type, number, symbol, issued, issuer", [
    ("Kế hoạch số 524/KH-UBND ngày 24/7/2024 của UBND tỉnh về việc triển khai",
     "KH", "524", "KH-UBND", "2024-07-24", "UBND tỉnh"),
    ("Nghị định số 98/2023/NĐ-CP của Chính phủ).", "NĐ", "98", "2023/NĐ-CP", None, "Chính phủ"),
    ("Nghị quyết 188-NQ/TU, ngày 25/10/2024 của Ban Thường vụ Tỉnh ủy.",
     "NQ", "188", "NQ/TU", "2024-10-25", "Ban Thường vụ Tỉnh ủy"),
    ("Căn cứ Kế hoạch số 31-KH/TU ngày 28 tháng 10 năm 2021 của Ban Thường vụ Tỉnh ủy thực hiện",
     "KH", "31", "KH/TU", "2021-10-28", "Ban Thường vụ Tỉnh ủy"),
    ("Quyết định số 539/QĐ-TTg ngày 19 tháng 6 năm 2024 của Thủ tướng Chính phủ về ban hành",
     "QĐ", "539", "QĐ-TTg", "2024-06-19", "Thủ tướng Chính phủ"),
    ("Chương trình số 81-CTr/TU ngày 15 tháng 4 năm 2024 của Ban Chấp hành Đảng bộ Tỉnh khoá XVI thực hiện",
     "CTr", "81", "CTr/TU", "2024-04-15", "Ban Chấp hành Đảng bộ Tỉnh khoá XVI"),
    ("Kế hoạch số 18/KH-MTTQ-BTT ngày 21/11/2024 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh về Phát động",
     "KH", "18", "KH-MTTQ-BTT", "2024-11-21", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"),
    # noise: "/" for "-", lower-case issuer code, "so", "số:", missing space, dashes in the date
    ("Quyết định số 733/QĐ/TTg ngày 10/6/2019", "QĐ", "733", "QĐ-TTg", "2019-06-10", "Thủ tướng Chính phủ"),
    ("Chỉ thị số 19/CT-TTG ngày 16/7/2021", "CT", "19", "CT-TTg", "2021-07-16", "Thủ tướng Chính phủ"),
    ("Chỉ thị so 41-CT/TW", "CT", "41", "CT/TW", None, "Ban Bí thư"),
    ("Nghị quyết số: 12/NQ-HĐND ngày 05-01-2024", "NQ", "12", "NQ-HĐND", "2024-01-05", "Hội đồng nhân dân"),
    ("Quyết địnhsố 1657/QĐ-UBND ngày 05 tháng 01 năm 2024 của UBND tỉnh Lạng Sơn",
     "QĐ", "1657", "QĐ-UBND", "2024-01-05", "UBND tỉnh Lạng Sơn"),
    ("Chỉ thị số 22/CT-TW", "CT", "22", "CT/TW", None, "Ban Bí thư"),
    ("Luật số 06/2022/QH15", "L", "06", "2022/QH15", None, "Quốc hội"),
    ("Công văn số 1486/SNV-TĐKT ngày 3/5/2024", "CV", "1486", "SNV-TĐKT", "2024-05-03", "Sở Nội vụ"),
])
def test_mention(text, doc_type, number, symbol, issued, issuer):
    (m,) = find_mentions(text)
    assert (m.doc_type, m.number, m.symbol, m.issued, m.issuer) == (doc_type, number, symbol, issued, issuer)


def test_nested_mentions_each_read():
    text = ("Căn cứ Kế hoạch số 31-KH/TU ngày 28 tháng 10 năm 2021 của Ban Thường vụ Tỉnh ủy thực hiện "
            "Chỉ thị số 05-CT/TW ngày 23 tháng 6 năm 2021 của Ban Bí thư Trung ương Đảng “ về tăng cường”;")
    got = [(m.number, m.symbol, m.issuer) for m in find_mentions(text)]
    assert got == [("31", "KH/TU", "Ban Thường vụ Tỉnh ủy"), ("05", "CT/TW", "Ban Bí thư Trung ương Đảng")]


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", [("L", "2022-06-15", "Thi đua, khen thưởng")]),
    ("theo quy định của Luật Thi đua, khen thưởng.", [("L", None, "Thi đua, khen thưởng")]),
    ("Luật Việc làm và các văn bản quy định chi tiết", [("L", None, "Việc làm")]),
    ("Luật Bảo vệ môi trường năm 2020; Bộ luật Lao động năm 2019", [("L", "2020", "Bảo vệ môi trường"),
                                                                   ("L", "2019", "Lao động")]),
    ("những điểm mới của Hiến pháp năm 2013 sau sửa đổi; theo Hiến pháp 2013", [("HP", "2013", ""), ("HP", "2013", "")]),
    ("Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân và Luật sửa đổi, bổ sung một số điều "
     "của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 24/6/2025;",
     [("L", None, "Bầu cử đại biểu Quốc hội"),
      ("L", "2025-06-24", "sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội")]),
    ("theo quy định của Luật Bầu cử, Luật Khiếu nại, Luật Tố cáo", [("L", None, "Bầu cử"), ("L", None, "Khiếu nại"),
                                                                   ("L", None, "Tố cáo")]),
    ("Luật Phòng, chống tham nhũng", [("L", None, "Phòng, chống tham nhũng")]),
])
def test_unnumbered_law(text, expected):
    assert [(m.doc_type, m.issued, m.title) for m in find_mentions(text)] == expected


@pytest.mark.parametrize("text", [
    "Hội Luật gia tỉnh", "Luật và các văn bản hướng dẫn", "LUẬT VIỆC LÀM", "tuân thủ Hiến pháp và pháp luật",
    "văn bản quy phạm pháp luật",
])
def test_not_a_law(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện các Nghị quyết số 01/NQ-CP, 02/NQ-CP ngày 05/01/2024 của Chính phủ;",
     [("01", "NQ-CP", "2024-01-05"), ("02", "NQ-CP", "2024-01-05")]),
    ("Quyết định số 118/2008/QĐ-TTg và 119/2008/QĐ-TTg", [("118", "2008/QĐ-TTg", None), ("119", "2008/QĐ-TTg", None)]),
    ("ngày 12/5/2009, 13/5/2009 và 1/KH", []),
])
def test_list_without_so(text, expected):
    assert [(m.number, m.symbol, m.issued) for m in find_mentions(text)] == expected


def test_list_shares_its_date_and_issuer():
    text = "Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025 của UBND tỉnh;"
    first, *listed = find_mentions(text)
    assert (first.number, first.issued, first.issuer_inferred) == ("007", "2025-11-17", True)
    assert [(m.number, m.issued, m.issuer) for m in listed] == [("008", "2025-11-19", "UBND tỉnh"),
                                                                ("009", "2025-11-19", "UBND tỉnh")]


@pytest.mark.parametrize("text", [
    "Kế hoạch này",                                   # no number
    "Mẫu số 08 ban hành kèm theo",                   # not a document type
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "Chương trình mục tiêu quốc gia giai đoạn 2021-2025",
])
def test_not_a_mention(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize("doc_type, symbol, issuer", [
    ("NĐ", "2023/NĐ-CP", "Chính phủ"),
    ("QĐ", "QĐ-TTg", "Thủ tướng Chính phủ"),
    ("NQ", "NQ/TU", "Tỉnh ủy"),
    ("KH", "KH/TU", "Ban Thường vụ Tỉnh ủy"),
    ("CT", "CT/TW", "Ban Bí thư"),
    ("L", "2022/QH15", "Quốc hội"),
    ("KH", "KH-XYZ", None),
])
def test_infer_issuer(doc_type, symbol, issuer):
    assert infer_issuer(doc_type, symbol) == issuer


PLAN = """Số: 12/KH-UBND
KẾ HOẠCH
Triển khai Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát trên địa bàn huyện trong năm 2025”
Căn cứ Quyết định số 539/QĐ-TTg ngày 19 tháng 6 năm 2024 của Thủ tướng Chính phủ về ban hành Kế hoạch triển khai phong trào thi đua "Chung tay xóa nhà tạm, nhà dột nát trên phạm vi cả nước trong năm 2025";
Căn cứ Kế hoạch số 31-KH/TU ngày 28 tháng 10 năm 2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 05-CT/TW ngày 23 tháng 6 năm 2021 của Ban Bí thư Trung ương Đảng;
Ủy ban nhân dân huyện ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Thực hiện Nghị định số 98/2023/NĐ-CP và Chỉ thị số 05-CT/TW; Kế hoạch số 12/KH-UBND này.
Nơi nhận:
- Như trên (Kế hoạch số 99/KH-UBND);
"""


def test_relations_from_the_text_alone():
    plan = references.run(plan_from(PLAN))
    got = [(r.relation, r.doc_type, r.number) for r in plan.references]
    assert got == [(Relation.IMPLEMENTS, "QĐ", "539"),     # launches the same movement
                   (Relation.BASIS, "KH", "31"),
                   (Relation.BASIS, "CT", "05"),           # nested in a Căn cứ line, named again later
                   (Relation.CITES, "NĐ", "98")]           # own number and Nơi nhận left out


def test_thuc_hien_line_is_the_parent():
    text = ("KẾ HOẠCH\nTriển khai thực hiện Phong trào thi đua\n"
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
            "Thực hiện Kế hoạch số 2282/KH-UBND ngày 01/7/2022 của UBND tỉnh Lai Châu về việc tổ chức, "
            "Ủy ban nhân dân huyện ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.doc_type, r.issuer) for r in refs] == [
        (Relation.BASIS, "L", None), (Relation.IMPLEMENTS, "KH", "UBND tỉnh Lai Châu")]


def test_later_mentions_fill_in():
    text = ("KẾ HOẠCH\nThực hiện Kế hoạch số 1/KH-UBND.\nI. NỘI DUNG\n"
            "góp phần thực hiện Nghị quyết số 188-NQ/TU của Tỉnh ủy.\n"
            "Nghị quyết 188-NQ/TU, ngày 25/10/2024 của Ban Thường vụ Tỉnh ủy.\n")
    refs = references.run(plan_from(text)).references
    (nq,) = [r for r in refs if r.number == "188"]
    assert (nq.relation, nq.issued, nq.issuer) == (Relation.CITES, "2024-10-25", "Tỉnh ủy")


def test_vocabularies_are_valid():
    cfg = resources.load("references")
    for key in ("preamble_cues", "implements_cues", "parent_item_cues", "issuer_stops", "number_words"):
        assert cfg[key] and all(isinstance(w, str) and w for w in cfg[key])
    codes = {e["code"] for e in resources.load("doc_types")}
    for entry in resources.load("issuers"):
        assert entry["code"] and entry["name"]
        assert set(entry.get("by_type") or {}) <= codes


def _ref_key(r):
    return (r["relation"], r["doc_type"], r["number"], (r["symbol"] or "").upper(), r["issued"])


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [])
def test_seed_references_match_gold(stem):
    require_shared()
    from ingest import load
    from nlp import analyze
    from schema.contract import to_contract
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    pred = to_contract(analyze(load(SEEDS / f"{stem}.txt")))
    assert sorted(map(_ref_key, pred["references"])) == sorted(map(_ref_key, gold["references"]))


def test_plans_listed_in_the_trien_khai_line_are_all_parents():
    text = ("KẾ HOẠCH\nPhát triển hạ tầng 5G giai đoạn 2026 - 2030\n"
            "Triển khai Kế hoạch hành động số 328-KH/TU ngày 24/4/2025 của Tỉnh ủy về việc thực hiện Nghị quyết số "
            "57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 348/KH-UBND ngày 14/5/2025 của UBND tỉnh về "
            "triển khai thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số "
            "328-KH/TU, ngày 24/4/2025 của Tỉnh ủy; Quyết định số 9/QĐ-UBND ngày 1/6/2025 của UBND tỉnh, "
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.number) for r in refs] == [
        (Relation.IMPLEMENTS, "328"), (Relation.BASIS, "57"), (Relation.IMPLEMENTS, "348"), (Relation.BASIS, "71"),
        (Relation.BASIS, "9")]


def test_can_cu_document_naming_the_title_is_the_parent():
    text = ("KẾ HOẠCH\nKiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI\n"
            "Căn cứ Luật Bầu cử đại biểu Quốc hội;\n"
            "Căn cứ Quyết định số 03/QĐ-UBBC ngày 05/12/2025 của Ủy ban bầu cử xã về việc thành lập Tiểu ban kiểm tra, "
            "giám sát công tác bầu cử đại biểu Quốc hội khóa XVI;\n"
            "Căn cứ Thông tri số 04/TT-MTTW-BTT ngày 04/11/2025 của Uỷ ban MTTQ Việt Nam về Hướng dẫn Uỷ ban MTTQ Việt "
            "Nam kiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI;\nI. MỤC ĐÍCH\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.doc_type, r.number) for r in refs] == [
        (Relation.BASIS, "L", None), (Relation.BASIS, "QĐ", "03"), (Relation.IMPLEMENTS, "TT", "04")]


def test_one_law_one_reference_and_appendix_cites():
    text = ("KẾ HOẠCH\nTriển khai thi hành Luật Việc làm\n"
            "Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 23/12/2025 của Ban Thường trực Ủy ban MTTQ tỉnh;\n"
            "I. NỘI DUNG\nPhổ biến Luật Việc làm năm 2025 theo Kế hoạch số 16/KH-BTT-MTTQ; Luật Việc làm và "
            "các văn bản hướng dẫn.\nNơi nhận:\n- Như trên;\nPHỤ LỤC\nThay thế Thông tư số 92/2009/TT- BTC "
            "ngày 12/5/2009 của Bộ Tài chính\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.doc_type, r.number, r.symbol, r.issued) for r in refs] == [
        (Relation.BASIS, "L", None, None, "2025"),             # named by the title: never the parent
        (Relation.IMPLEMENTS, "KH", "16", "KH-MTTQ-BTT", "2025-12-23"),
        (Relation.CITES, "TT", "92", "2009/TT-BTC", "2009-05-12")]


def test_emulation_plan_carries_out_the_listed_document_on_awards():
    # one "Thực hiện" list wrapped over lines ending in ";": the guidance on khen thưởng is the parent
    text = ("KẾ HOẠCH\nPhát động phong trào thi đua thực hiện thành công cuộc bầu cử đại biểu Quốc hội khóa XVI\n"
            "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử đại biểu Quốc "
            "hội khoá XVI;\nHướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ về khen thưởng trong công tác "
            "bầu cử đại biểu Quốc hội khóa XVI;\nChỉ thị số 007/CT-UBND ngày 06/10/2025 của UBND tỉnh.\n"
            "UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.number) for r in refs] == [
        (Relation.BASIS, "46"), (Relation.IMPLEMENTS, "7886"), (Relation.BASIS, "007")]


def test_listed_document_naming_the_title_is_the_parent():
    # ties on the title go to the latest issued (the nearest higher level)
    text = ("KẾ HOẠCH\nTriển khai thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030\n"
            "Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư "
            "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 và Quyết định số 7619/QĐ-BCA ngày "
            "08/9/2025 của Bộ trưởng Bộ Công an phê duyệt Chương trình mục tiêu quốc gia phòng, chống ma túy đến "
            "năm 2030; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.number) for r in refs] == [(Relation.BASIS, "163"), (Relation.IMPLEMENTS, "7619")]


@pytest.mark.parametrize("text, issuer", [
    ("Theo đề nghị của Sở Khoa học và\nCông nghệ tại Tờ trình số 133/TTr-SKHCN ngày 15/11/2025, UBND tỉnh ban hành",
     "Sở Khoa học và Công nghệ"),
    ("thực hiện Kết luận liên ngành tư pháp Trung\nương số 23/KL-LNTPTW ngày 21 tháng 11 năm 2024 trong điều tra",
     "liên ngành tư pháp Trung ương"),
    ("theo quy định của Chính phủ được nhân hệ số 02 khi tính", None),       # a coefficient, not a document
])
def test_issuer_written_before_the_mention(text, issuer):
    assert [m.issuer for m in find_mentions(text)] == ([issuer] if issuer else [])


def test_footnote_corrects_a_date_that_disagrees_with_the_symbol():
    text = ("KẾ HOẠCH\nPhòng, chống ma túy\nCăn cứ Luật Phòng, chống ma túy;\nI. MỤC ĐÍCH\n"
            "Triển khai Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025 phê duyệt chủ trương[1].\n"
            "Nơi nhận:\n- Như trên;\n\n[1] Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội; Nghị quyết "
            "số 50/NQ-CP ngày 13/3/2025 của Chính phủ.\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.number, r.issued) for r in refs] == [
        (Relation.BASIS, None, None), (Relation.CITES, "163", "2024-11-27")]    # the footnote's NQ 50: no reference


def test_unnumbered_document_named_by_a_preamble_item():
    text = ("KẾ HOẠCH\nTriển khai Đợt thi đua chào mừng Đại hội XIV\n"
            "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số 45-CT/TW ngày "
            "14/4/2025 của Bộ Chính trị về Đại hội đảng bộ các cấp;\n"
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nThực hiện Kế hoạch này nghiêm túc.\n")
    refs = references.run(plan_from(text)).references
    assert [(r.relation, r.doc_type, r.number) for r in refs] == [
        (Relation.BASIS, "NQ", None), (Relation.IMPLEMENTS, "CT", "45")]
    assert refs[0].subject == "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
