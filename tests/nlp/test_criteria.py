"""Criteria: one entry per target group; one ungrouped entry; none without criteria."""
import json

import pytest

import ingest
import nlp
from nlp.extract import criteria
from schema.plan import PlanDocument
from tests.conftest import GOLD, SEEDS, require_shared


def targets(text: str):
    plan = PlanDocument(raw=ingest.read_bytes(text.encode("utf-8"), "plan.txt"))
    return [c.target for c in criteria.run(plan).criteria]


CASES = [
    ("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG\n1. Tiêu chí thi đua\na) Đối với các sở, ban, ngành\n"
     "- Xây dựng kế hoạch đúng thời hạn.\nb) Đối với Ủy ban nhân dân cấp huyện, cấp xã\n- Ban hành đề án.\n"
     "2. Hình thức khen thưởng\na) Đối với tập thể: Bằng khen.\n",
     ["Đối với các sở, ban, ngành", "Đối với Ủy ban nhân dân cấp huyện, cấp xã"]),
    # "X:" headings; bullets opening "Đối với" are criteria inside the group
    ("IV. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG\n1. Đối tượng, tiêu chí thi đua\n"
     "a) Đối với cấp xã:\n- Đối với xã khu vực III, giảm tỷ lệ hộ nghèo.\nb) Đối với thôn, bản:\n- Triển khai tốt.\n"
     "2. Tiêu chuẩn và hình thức khen thưởng\n",
     ["Đối với cấp xã", "Đối với thôn, bản"]),
    # ungrouped criteria
    ("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG\n1. Tiêu chí thi đua\n"
     "Kịp thời tham mưu xây dựng, hoàn thiện chính sách hỗ trợ nhà ở cho hộ nghèo đúng quy định.\n"
     "2. Khen thưởng\n- Tặng Giấy khen.\n",
     [None]),
    # a criteria part that refers elsewhere; no criteria part
    ("IV. TIÊU CHÍ THI ĐUA, HÌNH THỨC VÀ TIÊU CHUẨN KHEN THƯỞNG\nThực hiện theo Kế hoạch số 1223/KH-UBND của UBND tỉnh.\n"
     "V. TỔ CHỨC THỰC HIỆN\n1. Văn phòng tổng hợp.\n", []),
    ("I. MỤC ĐÍCH, YÊU CẦU\nĐối với các sở: tuyên truyền.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_criteria(text, expected):
    assert targets(text) == expected


def test_groups_of_an_appendix_scoring_table():
    text = ("KẾ HOẠCH\nThi đua\nI. TIÊU CHÍ ĐÁNH GIÁ\n1. Tiêu chí đánh giá, xếp loại\na) Sở Y tế kiểm tra, đánh giá "
            "theo thang điểm thi đua của Kế hoạch này (Chi tiết theo Phụ lục đính kèm);\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Y tế chủ trì.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\nPHỤ LỤC\n"
            "THANG ĐIỂM THI ĐUA\n(Kèm theo Kế hoạch số 157/KH-UBND ngày 18 tháng 11 năm 2025)\nSTT\nTIÊU CHÍ THI ĐUA\n"
            "ĐIỂM CHUẨN\nI\nNHÓM XÃ, PHƯỜNG\n115\n1\nTỷ lệ người được tuyên truyền\n20\nII\n"
            "NHÓM TỔ CHỨC CUNG CẤP DỊCH VỤ CHI TRẢ\n1\nSố tài khoản mở mới\n")
    plan = nlp.analyze(ingest.read_bytes(text.encode("utf-8"), "plan.txt"))
    assert [c.target for c in plan.criteria] == ["Nhóm xã, phường", "Nhóm tổ chức cung cấp dịch vụ chi trả"]
    assert plan.criteria[0].items == ["115", "1", "Tỷ lệ người được tuyên truyền", "20"]


def test_seeds_against_gold():
    require_shared()
    for gf in sorted(GOLD.glob("*.json")):
        gold = [c["target"] for c in json.loads(gf.read_text(encoding="utf-8"))["criteria"]]
        plan = criteria.run(PlanDocument(raw=ingest.load(SEEDS / f"{gf.stem}.txt")))
        assert [c.target for c in plan.criteria] == gold, gf.stem
