"""Signer (nlp/extract/signer.py): title, name, authority; unsigned → None; seeds vs gold."""
from __future__ import annotations

import pytest

from nlp.extract.signer import parse_caps
from tests.conftest import GOLD, SEEDS, require_shared
from tests.nlp.segment_factories import load_gold, make_doc, run_all


@pytest.mark.parametrize("caps, title, authority", [
    ("GIÁM ĐỐC", "GIÁM ĐỐC", None),
    ("CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", None),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
    ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM"),
    ("TL. CỤC TRƯỞNG KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
     "TL. CỤC TRƯỞNG KT. CHÁNH VĂN PHÒNG"),
    ("Q. GIÁM ĐỐC", "GIÁM ĐỐC", "Q. GIÁM ĐỐC"),
    ("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
    ("KT GIÁM ĐỐC PHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "KT GIÁM ĐỐC"),
])
def test_parse_caps(caps, title, authority):
    assert parse_caps(caps) == (title, authority)


def signer_of(signoff):
    return run_all(make_doc(signoff=signoff)).signer


@pytest.mark.parametrize("signoff, expected", [
    (("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
      "Mai Thị Hồng Sim"),
     ("PHÓ CHỦ TỊCH", "Mai Thị Hồng Sim", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")),
    (("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(Đã ký)", "Nguyễn Đức Chi"),
     ("THỨ TRƯỞNG", "Nguyễn Đức Chi", "KT. BỘ TRƯỞNG")),
    (("KT. BỘ TRƯỞNG THỨ TRƯỞNG (Đã ký) Phạm Ngọc Thưởng",), ("THỨ TRƯỞNG", "Phạm Ngọc Thưởng", "KT. BỘ TRƯỞNG")),
    # a flattened two-column table: Nơi nhận lines interleaved with the signature
    (("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "- Như trên;", "CHỦ TỊCH", "- Sở Nội vụ;", "Trần Văn Bình",
      "- Lưu: VT, NC."), ("CHỦ TỊCH", "Trần Văn Bình", "TM. ỦY BAN NHÂN DÂN")),
    # signature first, then the list
    (("GIÁM ĐỐC", "Lê Anh Tuấn", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."), ("GIÁM ĐỐC", "Lê Anh Tuấn", None)),
])
def test_signer(signoff, expected):
    s = signer_of(signoff)
    assert (s.title, s.name, s.authority) == expected


def test_unsigned_document_has_no_signer():
    assert signer_of(("Nơi nhận:", "- Văn phòng Chính phủ (b/c);", "- Lưu: VT, NC.")) is None
    assert signer_of(("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC")) is None


def test_signer_span_covers_the_block():
    plan = run_all(make_doc())
    assert plan.snippet(plan.signer.span) == "GIÁM ĐỐC\nNguyễn Văn An"


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_signer_matches_gold(stem):
    require_shared()
    from ingest import load
    from schema.plan import PlanDocument
    gold = load_gold(stem, GOLD)["signer"]
    signer = run_all(PlanDocument(raw=load(SEEDS / f"{stem}.txt"))).signer
    if gold is None:
        assert signer is None
    else:
        assert (signer.title, signer.name) == (gold["title"], gold["name"])
        if gold.get("authority"):
            assert signer.authority == gold["authority"]
