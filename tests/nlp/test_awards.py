"""Awards: forms normalised to the law's taxonomy, with the authority as written."""
import json

import pytest

import ingest
from nlp.extract import awards
from nlp.textutil import fold
from schema.plan import PlanDocument
from tests.conftest import GOLD, SEEDS, require_shared


def offers(text: str):
    plan = PlanDocument(raw=ingest.read_bytes(text.encode("utf-8"), "plan.txt"))
    return [(a.form, a.authority) for a in awards.run(plan).awards]


CASES = [
    ("III. HÌNH THỨC KHEN THƯỞNG\na) Hình thức khen thưởng\n- Huân chương Lao động hạng Ba;\n"
     "- Bằng khen của Thủ tướng Chính phủ;\n- Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh;\n"
     "- Bằng khen, Giấy khen của các cơ quan, đơn vị, địa phương có thẩm quyền khen thưởng theo quy định.\n",
     [("Huân chương Lao động", None), ("Bằng khen", "Thủ tướng Chính phủ"),
      ("Bằng khen", "Chủ tịch Uỷ ban nhân dân tỉnh"),
      ("Bằng khen", "các cơ quan, đơn vị, địa phương có thẩm quyền"),
      ("Giấy khen", "các cơ quan, đơn vị, địa phương có thẩm quyền")]),
    # one heading, three authorities; "Hồ sơ" blocks are not offers
    ("IV. HÌNH THỨC KHEN THƯỞNG\nb) Giấy khen của Chủ tịch UBND huyện\nXét đề nghị Chủ tịch UBND huyện khen thưởng.\n"
     "c) Giấy khen của thủ trưởng các cơ quan, đơn vị; Ủy ban Mặt trận Tổ quốc huyện; Chủ tịch UBND cấp xã\n"
     "d) Hồ sơ đề nghị khen thưởng\n- Báo cáo thành tích đề nghị tặng Bằng khen (Mẫu số 08 kèm theo Nghị định số 98/2023/NĐ-CP).\n",
     [("Giấy khen", "Chủ tịch UBND huyện"), ("Giấy khen", "thủ trưởng các cơ quan, đơn vị"),
      ("Giấy khen", "Ủy ban Mặt trận Tổ quốc huyện"), ("Giấy khen", "Chủ tịch UBND cấp xã")]),
    # offers in sentences; danh hiệu need an offer cue
    ("III. KHEN THƯỞNG\n- Cuối năm, các phòng đề nghị tặng Giấy khen của Chánh Văn phòng.\n"
     "- Đơn vị đạt Lao động tiên tiến được xét tặng Cờ thi đua của Ủy ban nhân dân tỉnh.\n",
     [("Giấy khen", "Chánh Văn phòng"), ("Cờ thi đua", "Ủy ban nhân dân tỉnh")]),
    # without an award part only offers count
    ("I. MỤC ĐÍCH\nBiểu dương các tập thể đã được tặng Bằng khen của Bộ trưởng Bộ Nội vụ.\n"
     "II. NỘI DUNG\nCác điển hình được nêu trong Bằng khen.\n",
     [("Bằng khen", "Bộ trưởng Bộ Nội vụ")]),
    ("I. MỤC ĐÍCH\nTuyên truyền.\n", []),
    # the authority as the clause's subject, before the form
    ("IV. KHEN THƯỞNG\n1. Cấp thành phố\na) Chủ tịch Ủy ban nhân dân\nthành phố xem xét tặng Bằng khen cho các "
     "tập thể, cá nhân có thành tích xuất sắc;\nb) Kinh phí khen thưởng: Từ nguồn kinh phí của thành phố.\n",
     [("Bằng khen", "Chủ tịch Ủy ban nhân dân thành phố")]),
    ("IV. KHEN THƯỞNG\nCác đơn vị đề nghị tặng Bằng khen cho tập thể tiêu biểu.\n", [("Bằng khen", None)]),
    # one entry per authority however it is written
    ("III. HÌNH THỨC KHEN THƯỞNG\n- Bằng khen của Chủ tịch UBND tỉnh;\n- Giấy khen của Chủ tịch UBND các xã, phường.\n"
     "3.2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n3.3. Giấy khen của Chủ tịch UBND xã, phường\n",
     [("Bằng khen", "Chủ tịch UBND tỉnh"), ("Giấy khen", "Chủ tịch UBND các xã, phường")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_awards(text, expected):
    assert offers(text) == expected


@pytest.mark.parametrize("authority,article", [
    ("Chủ tịch UBND tỉnh", 79), ("Chủ tịch Ủy ban nhân dân huyện Phong Thổ", 80), ("Thủ tướng Chính phủ", 78),
    ("Chủ tịch nước", 77), ("Chánh Văn phòng", 80), ("các cơ quan có thẩm quyền", None),
])
def test_authority_entry(authority, article):
    entry = awards.authority_entry(authority)
    assert (entry["article"] if entry else None) == article


def test_seeds_against_gold():
    require_shared()
    for gf in sorted(GOLD.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))["awards"]
        pred = awards.run(PlanDocument(raw=ingest.load(SEEDS / f"{gf.stem}.txt"))).awards
        assert len(pred) == len(gold), gf.stem
        for g in gold:
            names = [fold(a) for a in (g["authority"] or [])]
            assert any(p.form == g["form"] and ((not names and p.authority is None) or
                                                (p.authority and fold(p.authority).startswith(tuple(names))))
                       for p in pred), (gf.stem, g)
