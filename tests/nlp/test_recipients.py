"""Recipients (nlp/extract/recipients.py): the Nơi nhận list, purposes, Lưu; seeds vs gold."""
from __future__ import annotations

import pytest

from nlp.extract.recipients import split_purpose
from nlp.textutil import fold
from tests.conftest import GOLD, SEEDS, require_shared
from tests.nlp.segment_factories import load_gold, make_doc, run_all


def recipients_of(*signoff):
    plan = run_all(make_doc(signoff=signoff))
    return [(r.name, r.purpose) for r in plan.recipients]


@pytest.mark.parametrize("text, name, purpose", [
    ("UBND tỉnh (b/c)", "UBND tỉnh", "b/c"),
    ("Ủy ban MTTQVN tỉnh (p/h)", "Ủy ban MTTQVN tỉnh", "p/h"),
    ("Chủ tịch, các PCT UBND tỉnh (đ/b)", "Chủ tịch, các PCT UBND tỉnh", "đ/b"),
    ("Thường trực Đảng uỷ( B/c)", "Thường trực Đảng uỷ", "b/c"),
    ("Ban CTMT TDP ( Thực hiện)", "Ban CTMT TDP", "t/h"),
    ("Bộ trưởng (để b/c)", "Bộ trưởng", "b/c"),
    ("Sở Nội vụ (Thường trực Hội đồng)", "Sở Nội vụ (Thường trực Hội đồng)", None),
    ("Như trên", "Như trên", None),
    ("VPUBND TP (2C, 3C)", "VPUBND TP", None),
    ("CT, PCT UBND TP (1AE)", "CT, PCT UBND TP", None),
    ("Sở Nội vụ (02 bản)", "Sở Nội vụ", None),
])
def test_split_purpose(text, name, purpose):
    assert split_purpose(text) == (name, purpose)


def test_list_with_storage_and_subheader():
    assert recipients_of("Nơi nhận:", "Gửi bản điện tử:", "- LĐVP;", "- Các phòng, ban, đơn vị trực thuộc;",
                         "- Lưu: VT, HC-QT.", "CHÁNH VĂN PHÒNG", "Vũ Đức Chính") == [
        ("LĐVP", None), ("Các phòng, ban, đơn vị trực thuộc", None)]


def test_several_recipients_on_one_line_and_missing_semicolons():
    assert recipients_of("Nơi nhận:", "- Sở Nội vụ (b/c)", "- Đài PTTH; Báo Kon Tum; Cổng TTĐT tỉnh;",
                         "- VP: V, P, CV;", "- Lưu: VT.") == [
        ("Sở Nội vụ", "b/c"), ("Đài PTTH", None), ("Báo Kon Tum", None), ("Cổng TTĐT tỉnh", None),
        ("VP: V, P, CV", None)]


def test_inline_list_after_the_header():
    assert recipients_of("Nơi nhận: - Như Điều 3; - Thủ tướng Chính phủ; - Lưu: VT, VP.", "BỘ TRƯỞNG",
                         "Lê Hoài Trung") == [("Như Điều 3", None), ("Thủ tướng Chính phủ", None)]


def test_interleaved_with_the_signature():
    assert recipients_of("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "- Như trên;", "KT. CHỦ TỊCH", "- Sở Nội vụ (b/c);",
                         "PHÓ CHỦ TỊCH", "- Lưu: VT.", "Trần Văn Bình") == [
        ("Như trên", None), ("Sở Nội vụ", "b/c")]


def test_wrapped_item_continues():
    assert recipients_of("Nơi nhận:", "- Các cơ quan, đơn vị, địa phương thuộc", "khối thi đua của tỉnh;",
                         "- Lưu: VT.") == [("Các cơ quan, đơn vị, địa phương thuộc khối thi đua của tỉnh", None)]


def test_line_ending_with_a_comma_runs_on():
    assert recipients_of("Nơi nhận:", "- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,", "VP Đảng uỷ;",
                         "- Văn phòng HĐND, UBND xã;", "- Lưu: MTTQ") == [
        ("Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ", None), ("Văn phòng HĐND, UBND xã", None)]


def test_sub_list_joins_its_head():
    assert recipients_of("Nơi nhận:", "- UBMTTQ tỉnh;", "- VP UBND tỉnh:", "+ LĐVP, KGVX;", "+ Lưu: VT.") == [
        ("UBMTTQ tỉnh", None), ("VP UBND tỉnh: LĐVP, KGVX", None)]
    assert recipients_of("Nơi nhận:", "- VP UBND tỉnh:", "+ LĐVP;", "+ KGVX;", "- Sở Nội vụ;", "- Lưu: VT.") == [
        ("VP UBND tỉnh: LĐVP, KGVX", None), ("Sở Nội vụ", None)]


def test_recipient_spans_point_at_the_name():
    plan = run_all(make_doc(signoff=("Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT.")))
    assert [plan.snippet(r.span) for r in plan.recipients] == ["UBND tỉnh"]


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_recipients_match_gold(stem):
    require_shared()
    from ingest import load
    from schema.plan import PlanDocument
    gold = [fold(r["name"]) for r in load_gold(stem, GOLD)["recipients"]]
    plan = run_all(PlanDocument(raw=load(SEEDS / f"{stem}.txt")))
    assert [fold(r.name) for r in plan.recipients] == gold
