"""The movement (nlp/extract/movement.py): name and period tables, seeds against gold."""
from __future__ import annotations

import hashlib
import json
from difflib import SequenceMatcher

import pytest

from nlp.extract import movement
from nlp.textutil import fold
from schema.plan import Located, PlanDocument
from schema.raw import RawDocument, SourceFormat
from tests.conftest import GOLD, SEEDS, require_shared


def plan_from(text: str) -> PlanDocument:
    data = text.encode("utf-8")
    return PlanDocument(raw=RawDocument(source_format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(),
                                        size=len(data), text=text))


def read(title: str, body: str = "") -> tuple[str | None, str | None, str | None]:
    text = f"KẾ HOẠCH\n{title}\nThực hiện Kế hoạch số 1/KH-UBND ngày 2/1/2024 của UBND tỉnh.\nI. NỘI DUNG\n{body}\nNơi nhận:\n"
    m = movement.run(plan_from(text)).movement
    return tuple(x.value if x else None for x in (m.name, m.period_start, m.period_end))


@pytest.mark.parametrize("title, body, expected", [
    ("Triển khai thực hiện Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Bắc Kạn trong năm 2025”",
     "", ("Chung tay xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Bắc Kạn trong năm 2025", None, "2025")),
    ("Triển khai thực hiện Phong trào thi đua\n“Vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025",
     "", ("Vì người nghèo – Không để ai bị bỏ lại phía sau", "2021", "2025")),
    ("Phát động phong trào thi đua thực hiện Chương trình hỗ trợ xóa nhà tạm",
     "1. Thời gian thực hiện\n- Thời gian thi đua: Bắt đầu từ tháng 11/2024, kết thúc vào 30/4/2025.\n"
     "- Thời gian tổng kết: Ngày 19/5/2025.\n2. Chủ đề thi đua\n“Đoàn kết, sáng tạo, quyết tâm thi đua”",
     ("Đoàn kết, sáng tạo, quyết tâm thi đua", "2024-11", "2025-04-30")),
    ("TRIỂN KHAI PHONG TRÀO THI ĐUA “CHUNG TAY XÓA NHÀ TẠM”",
     "Phong trào thi đua “Chung tay xóa nhà tạm” được phát động.\n"
     "1. Thời gian thực hiện: Phong trào được triển khai từ tháng 7 năm 2024 và tổng kết vào cuối năm 2025.",
     ("Chung tay xóa nhà tạm", "2024-07", "2025-12")),
    ("Phát động thi đua với chủ đề: “Dân vận khéo” năm 2024", "", ("Dân vận khéo", None, "2024")),
    ("Tổ chức Phong trào thi đua “Xây dựng nông thôn mới” từ năm 2021 đến năm 2025", "",
     ("Xây dựng nông thôn mới", "2021", "2025")),
    # plans that carry out no movement: no name, the frame from the title
    ("Phát triển kinh tế số giai đoạn 2026 - 2030, tầm nhìn đến năm 2045", "Phong trào “Toàn dân đoàn kết”.",
     (None, "2026", "2030")),
    ("QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN TRÊN ĐỊA BÀN TỈNH NĂM 2026", "", (None, "2026", "2026")),
    ("PHÁT TRIỂN HẠ TẦNG 5G TRÊN ĐỊA BÀN THÀNH PHỐ ĐẾN NĂM 2030", "", (None, None, "2030")),
    ("TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH CÀ MAU", "", (None, "2026", "2028")),
    ("Tuyển sinh năm học 2025 - 2026", "", (None, None, None)),
    ("Kiểm tra, giám sát công tác bầu cử các cấp, nhiệm kỳ 2026 - 2031", "", (None, None, None)),
    ("THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ", "", (None, None, None)),
    # the label names what it times; the period wraps onto the next line; "Tổng kết vào" is another sentence
    ("Phát động phong trào thi đua thực hiện thành công cuộc bầu cử",
     "**3. Thời\ngian tổ chức phong trào thi đua**: Phong trào thi đua cao điểm được triển\n"
     "khai thực hiện từ tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào\ntháng 4 năm 2026.\n",
     ("thực hiện thành công cuộc bầu cử", "2025-10", "2026-03")),
    # a label of its own over rounds ("Đợt 01 … Đợt 02"): the first start to the last end
    ("Phát động phong trào thi đua vận động chi trả không dùng tiền mặt",
     "**2. Thời gian thi đua**\n\na) Thời gian thi đua chia thành\n02 đợt:\n\n"
     "- Đợt 01 dự kiến: Cao điểm (từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12\nnăm 2025);\n\n"
     "- Đợt 02 dự kiến: (từ ngày 08 đến ngày 10 tháng 12 năm 2025).\n\n"
     "b) Thời gian kiểm tra và đánh giá: tháng 01 năm 2026.\n",
     ("vận động chi trả không dùng tiền mặt", "2025-11-20", "2025-12-10")),
    # a plan on a programme "đến năm 2030" whose "Thời gian thực hiện Chương trình" gives the start
    ("TRIỂN KHAI CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY ĐẾN NĂM 2030",
     "**3. Thời gian thực hiện\nChương trình: **Từ năm 2025 đến hết năm 2030.\n", (None, "2025", "2030")),
])
def test_movement(title, body, expected):
    assert read(title, body) == expected


def _close(a: str | None, b: str | None) -> bool:
    return SequenceMatcher(None, fold(a or ""), fold(b or "")).ratio() >= 0.9


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [])
def test_seed_movement_matches_gold(stem):
    require_shared()
    from ingest import load
    from nlp import analyze
    from schema.contract import to_contract
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["movement"]
    pred = to_contract(analyze(load(SEEDS / f"{stem}.txt")))["movement"]
    accepted = [gold["name"], *(gold.get("name_alternatives") or [])]
    assert any(_close(a, pred["name"]) for a in accepted)
    assert pred["period"] == gold["period"]


def test_period_from_the_issue_date():
    text = ("Nghệ An, ngày 19 tháng 11 năm 2025\nKẾ HOẠCH\nTriển khai Đợt thi đua chào mừng Đại hội\n"
            "Thực hiện Kế hoạch số 1/KH-UBND ngày 2/1/2025 của UBND tỉnh.\nI. NỘI DUNG\n"
            "1. Thời gian thực hiện\nĐợt thi đua được triển khai thực hiện từ ngày ban\nhành Kế hoạch đến khi "
            "tổ chức thành công Đại hội.\nNơi nhận:\n")
    plan = plan_from(text)
    plan.header.issued = Located(value="2025-11-19")
    m = movement.run(plan).movement
    assert (m.period_start.value, m.period_end) == ("2025-11-19", None)
