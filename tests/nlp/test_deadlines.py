"""Deadlines (nlp/extract/deadlines.py): sentence tables, non-deadlines, seeds against gold."""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from nlp import resources
from nlp.bodies import find_bodies
from nlp.extract import deadlines
from schema.plan import Located, PlanDocument
from schema.raw import RawDocument, SourceFormat
from tests.conftest import GOLD, ROOT, SEEDS, SHARED, require_shared


def plan_from(text: str) -> PlanDocument:
    data = text.encode("utf-8")
    return PlanDocument(raw=RawDocument(source_format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(),
                                        size=len(data), text=text))


def in_section(body: str, title: str = "TỔ CHỨC THỰC HIỆN") -> PlanDocument:
    return plan_from(f"KẾ HOẠCH\nThi đua\nThực hiện Kế hoạch số 1/KH-UBND.\nI. {title}\n{body}\nNơi nhận:\n- Lưu: VT.\n")


def found(body: str, title: str = "TỔ CHỨC THỰC HIỆN"):
    return deadlines.run(in_section(body, title)).deadlines


@pytest.mark.parametrize("body, due, recurrence, approximate", [
    ("- Năm 2024: Các phòng, ban, đơn vị họp xét, hoàn thiện hồ sơ gửi về phòng Hành chính trước ngày 20/11/2024.",
     "2024-11-20", None, False),
    ("- Cuối năm 2024, các phòng, ban, đơn vị xem xét lựa chọn tập thể đề nghị tặng Giấy khen.", "2024-12", None, True),
    ("2. Năm 2023: cơ quan, đơn vị huyện; Ủy ban nhân dân các xã, thị trấn tiến hành sơ kết giữa kỳ.", "2023", None, False),
    ("e) Sở Nội vụ: Chủ trì; báo cáo tình hình về Bộ Nội vụ vào tháng 12 năm 2024.", "2024-12", None, False),
    ("3. Trước ngày 10 tháng 11 hằng năm, các cơ quan, đơn vị báo cáo về Phòng Nội vụ.", "--11-10", "yearly", False),
    ("Các xã báo cáo kết quả trước ngày 20 hằng tháng.", "---20", "monthly", False),
    ("Các đơn vị báo cáo sơ kết trong quý IV/2024.", "2024-12", None, True),
    ("Các đơn vị báo cáo kết quả 6 tháng đầu năm 2025 trước ngày 15/6/2025.", "2025-06-15", None, False),
    ("1. Thời gian thực hiện: Phong trào được triển khai từ tháng 7 năm 2024 và tổng kết vào cuối năm 2025.",
     "2025-12", None, True),
    ("- Thời gian tổng kết: Ngày 19/5/2025.", "2025-05-19", None, False),
    ("Phòng Nội vụ tổng hợp, báo cáo UBND tỉnh chậm nhất ngày 05/01/2025.", "2025-01-05", None, False),
    ("Định kỳ hằng năm (trước ngày 15/12) báo cáo kết quả về Sở Nội vụ.", "--12-15", "yearly", False),
])
def test_one_deadline(body, due, recurrence, approximate):
    (d,) = found(body)
    assert (d.due, d.recurrence, d.approximate) == (due, recurrence, approximate)


@pytest.mark.parametrize("body, title", [
    ("Tập trung mọi nguồn lực để đến hết năm 2025 xóa bỏ hoàn toàn nhà tạm.", "NỘI DUNG"),
    ("- Thời gian thi đua: Bắt đầu từ tháng 11/2024, kết thúc vào 30/4/2025.", "THỜI GIAN"),
    ("Thi đua xóa nhà tạm trên phạm vi toàn tỉnh trong năm 2025.", "NỘI DUNG"),
    ("Xã giảm tỷ lệ nghèo từ 4%/năm trở lên, trong 3 năm liên tục trước khi trình khen thưởng.", "TIÊU CHÍ THI ĐUA"),
    ("Thực hiện theo Kế hoạch số 524/KH-UBND ngày 24/7/2024 của UBND tỉnh.", "TỔ CHỨC THỰC HIỆN"),
    ("1. Giai đoạn 2022-2025: Các cơ quan tổ chức phát động Phong trào thi đua.", "TIẾN ĐỘ THỰC HIỆN"),
    ("Tổ chức báo cáo vào năm 2025.", "MỤC ĐÍCH, YÊU CẦU"),
    ("Từ ngày 15/11 đến ngày 20/11/2025, trên địa bàn tỉnh xảy ra mưa lớn.", "TÌNH HÌNH"),
    ("Tham mưu báo cáo hàng năm, tham mưu sơ kết, tổng kết.", "TỔ CHỨC THỰC HIỆN"),
    ("- Tháng 3, 4 và tháng 9 - tháng 11 tần suất quan trắc 02 đợt/tháng; tháng còn lại 01 đợt/tháng.",
     "TỔ CHỨC THỰC HIỆN"),
    ("Thời gian báo cáo định kỳ hàng năm tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 "
     "của kỳ báo cáo.", "TỔ CHỨC THỰC HIỆN"),
])
def test_not_a_deadline(body, title):
    assert found(body, title) == []


def test_label_year_gives_way_to_the_precise_date():
    ds = found("- Năm 2025: Các phòng họp xét, gửi hồ sơ trước ngày 20/10/2025.")
    assert [d.due for d in ds] == ["2025-10-20"]


def test_each_mention_its_own_entry():
    ds = found("Căn cứ nội dung Kế hoạch các đơn vị, địa phương chủ động triển khai, báo cáo về Sở Nội vụ "
               "trước ngày 30 tháng 11 năm 2024; tổng kết, báo cáo kết quả thực hiện vào năm 2025 theo quy định./.")
    assert [(d.due, d.responsible) for d in ds] == [("2024-11-30", ["các đơn vị, địa phương"]),
                                                   ("2025", ["các đơn vị, địa phương"])]
    assert ds[0].report_to == ["Sở Nội vụ"]


def test_coordinated_dates_share_the_year():
    ds = found("- Thông số: thời gian quan trắc vào tháng 4 và tháng 8 năm 2026.")
    assert [d.due for d in ds] == ["2026-04", "2026-08"]


@pytest.mark.parametrize("body, responsible, report_to", [
    ("3. Trước ngày 10 tháng 11 hằng năm, các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn báo cáo "
     "tình hình về Phòng Lao động – Thương binh và Xã hội.",
     ["các cơ quan, đơn vị", "Ủy ban nhân dân các xã, thị trấn"], ["Phòng Lao động – Thương binh và Xã hội"]),
    ("Phòng Lao động – Thương binh và Xã hội chủ trì, phối hợp với Phòng Nội vụ tổng hợp, tham mưu UBND huyện "
     "báo cáo Sở Lao động– Thương binh và Xã hội, UBND tỉnh trước ngày 20 tháng 11 hằng năm.",
     ["Phòng Lao động – Thương binh và Xã hội"], ["Sở Lao động– Thương binh và Xã hội", "UBND tỉnh"]),
    ("e) Sở Nội vụ: Chủ trì, hướng dẫn; báo cáo tình hình về Bộ Nội vụ, Ủy ban nhân dân tỉnh vào tháng 12 năm 2024.",
     ["Sở Nội vụ"], ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"]),
])
def test_responsible_and_report_to(body, responsible, report_to):
    (d,) = found(body)
    assert (d.responsible, d.report_to) == (responsible, report_to)


def test_responsible_from_the_section_title():
    text = ("KẾ HOẠCH\nThi đua\nThực hiện Kế hoạch số 1/KH-UBND.\nI. TỔ CHỨC THỰC HIỆN\n2. Văn phòng\n"
            "- Tham mưu tổng kết Phong trào vào năm 2025.\nNơi nhận:\n")
    (d,) = deadlines.run(plan_from(text)).deadlines
    assert (d.due, d.responsible, d.section) == ("2025", ["Văn phòng"], "I.2")


def test_bodies_interface_used_when_ready():
    text = "Sở Nội vụ báo cáo UBND tỉnh trước ngày 20/11/2024."
    if not find_bodies(text):
        pytest.skip("nlp.bodies finds no bodies yet")
    assert deadlines.subject_bodies(text, 0, len(text)) == ["Sở Nội vụ"]


def test_paragraphs_join_wrapped_lines():
    text = "Định kỳ gửi báo cáo kết quả thực hiện trước ngày 15/11 hằng năm và\nbáo cáo đột xuất.\n- Mục mới"
    units = deadlines.paragraphs(text, 0, len(text))
    assert [text[u.start:u.end].split("\n")[0][:9] for u in units] == ["Định kỳ g", "- Mục mới"]


def test_rules_are_valid():
    cfg = resources.load("deadlines")
    for key in ("cues_before", "blocked_before", "subject_heads", "subject_verbs", "report_to_cues"):
        assert cfg[key] and all(isinstance(w, str) and w.strip() for w in cfg[key])
    re.compile(cfg["time_label"])
    re.compile(cfg["coordination"])
    assert set(cfg["sections"]) == {"exclude", "include"}


def _key(d):
    return (d["due"], d.get("recurrence") or None)


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [])
def test_seed_deadlines_match_gold(stem):
    require_shared()
    from ingest import load
    from nlp import analyze
    from schema.contract import to_contract
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    pred = to_contract(analyze(load(SEEDS / f"{stem}.txt")))
    assert sorted(map(_key, pred["deadlines"])) == sorted(map(_key, gold["deadlines"]))


# ---------------------------------------------------------------- ranges, times of day, document year

@pytest.mark.parametrize("body, due", [
    ("+ Đợt 1: Trong khoảng thời gian từ ngày 01/12/2025 đến ngày 14/12/2025.", "2025-12-14"),
    ("2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026", "2026-03-15"),
    ("* Thời gian thực hiện: Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026.",
     "2026-02-01T17:00"),
    ("- Công tác vận động bầu cử: Trong khoảng thời gian từ ngày 26/02/2026 đến 05 giờ 00 ngày 14/3/2026.",
     "2026-03-14T05:00"),
    ("- Thông số: thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026; số lượng mẫu 240 mẫu/năm.", "2026-10"),
    ("Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.", "2026-03-31"),
    ("- Thời gian: từ tháng 11/2025 đến hết tháng 12 năm 2025.", "2025-12"),
    ("- Đợt 01 dự kiến: Cao điểm tập trung trong 10 ngày làm việc (từ ngày 20 tháng 11 năm 2025 đến ngày 03 "
     "tháng 12 năm 2025);", "2025-12-03"),
    ("- Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã trao đổi với các cơ quan.",
     "2026-02-08"),
    ("- Từ ngày 04/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã họp với các cơ quan, đơn vị.", "2026-02-04"),
    ("- Hội nghị hiệp thương được thực hiện trong ngày 02/02/2026 đến ngày 03/02/2026.", "2026-02-03"),
])
def test_range_due_at_its_end(body, due):
    assert [d.due for d in found(body)] == [due]


@pytest.mark.parametrize("body", [
    "Từ ngày 15/11 đến ngày 20/11/2025, trên địa bàn tỉnh xảy ra mưa lớn.",
    "Do ảnh hưởng của đợt mưa lũ từ ngày 16 đến ngày 22/11/2025, nhiều nhà bị hư hỏng.",
    "Thời kỳ kháng chiến từ ngày 15 tháng 7 năm 1950 đến ngày 20 tháng 7 năm 1954.",
])
def test_narrative_range_is_no_deadline(body):
    assert found(body, "TÌNH HÌNH") == []


def test_movement_period_is_no_deadline_but_its_closing_is():
    body = ("3. Thời gian tổ chức phong trào thi đua: Phong trào thi đua cao điểm được triển khai thực hiện từ "
            "tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào tháng 4 năm 2026.")
    assert [d.due for d in found(body, "ĐỐI TƯỢNG, NỘI DUNG THI ĐUA")] == ["2026-04"]


def test_a_meeting_is_not_the_responsible_body():
    (d,) = found("- Theo quy định, Hội nghị hiệp thương lần thứ hai để thỏa thuận, lập danh sách được thực "
                 "hiện trước ngày 03/02/2026.")
    assert d.responsible == []
    (d,) = found("- Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã dự kiến tổ chức hội nghị vào ngày 02/02/2026.")
    assert d.responsible == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"]


def test_range_end_takes_the_start_year():
    (d,) = found("- Thời gian thực hiện: từ ngày 01/12/2025 đến ngày 15/12.")
    assert d.due == "2025-12-15"


def test_daily_times_of_day():
    ds = found("- Huy động nguồn lực tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình "
               "tiếp nhận gửi UBND tỉnh (qua Sở Công Thương).")
    assert [(d.due, d.recurrence) for d in ds] == [("T09:00", "daily"), ("T16:00", "daily")]
    assert found("Hội nghị khai mạc vào 14 giờ 00.") == []         # when a meeting starts


def test_date_without_year_takes_the_document_year():
    plan = in_section("Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 15/12.")
    plan.header.issued = Located(value="2025-11-20")
    (d,) = deadlines.run(plan).deadlines
    assert (d.due, d.recurrence) == ("2025-12-15", None)
    plan = in_section("Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 15/12 hằng năm.")
    plan.header.issued = Located(value="2025-11-20")
    (d,) = deadlines.run(plan).deadlines
    assert (d.due, d.recurrence) == ("--12-15", "yearly")


# ---------------------------------------------------------------- responsible bodies

@pytest.mark.parametrize("body, responsible", [
    ("Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố, UBND phường, xã và các doanh nghiệp "
     "viễn thông nghiêm túc triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả.",
     ["các Sở, ban, ngành Thành phố", "UBND phường, xã", "các doanh nghiệp viễn thông"]),
    ("Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ hằng năm (trước ngày 30 tháng 11) "
     "báo cáo kết quả thực hiện về Sở Xây dựng.", ["các cơ quan, đơn vị"]),
])
def test_responsible_handed_on_or_from_the_sentence_before(body, responsible):
    (d,) = found(body)
    assert d.responsible == responsible


@pytest.mark.parametrize("heading, responsible", [
    ("1. Sở Công Thương:", ["Sở Công Thương"]),
    ("1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau:",
     ["Chi cục Biển đảo và Thủy sản"]),
])
def test_responsible_from_a_heading_without_title(heading, responsible):
    text = (f"KẾ HOẠCH\nThi đua\nThực hiện Kế hoạch số 1/KH-UBND.\nI. TỔ CHỨC THỰC HIỆN\n{heading}\n"
            "- Tổ chức đánh giá kết quả thực hiện; báo cáo UBND tỉnh trước ngày 15/12/2026.\nNơi nhận:\n")
    (d,) = deadlines.run(plan_from(text)).deadlines
    assert (d.due, d.responsible, d.report_to) == ("2026-12-15", responsible, ["UBND tỉnh"])


def test_task_item_fields():
    text = ("KẾ HOẠCH\nViệc làm\nThực hiện Kế hoạch số 1/KH-UBND.\nI. NỘI DUNG\n"
            "1. Tổ chức tập huấn, bồi dưỡng nghiệp vụ\n- Nội dung thực hiện: Tổ chức tập huấn cho công chức.\n"
            "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính.\n"
            "- Cơ quan phối hợp: Bảo hiểm xã hội Thành phố.\n"
            "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.\n"
            "II. THỜI GIAN THỰC HIỆN\n1. Thời gian thực hiện: Năm 2025.\nNơi nhận:\n")
    (d,) = deadlines.run(plan_from(text)).deadlines
    assert (d.due, d.recurrence) == ("2025", "yearly")
    assert d.responsible == ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính"]


# ---------------------------------------------------------------- schedule tables

TABLE_HEADER = "TT\nNội dung thực hiện\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\nSản phẩm dự kiến\n"


def test_table_one_cell_a_line_with_empty_cells():
    text = ("KẾ HOẠCH\nPhòng thủ dân sự\nThực hiện Kế hoạch số 1/KH-UBND.\nI. TỔ CHỨC THỰC HIỆN\n"
            "Các sở, ngành thực hiện nhiệm vụ tại Phụ lục kèm theo.\nNơi nhận:\n- Lưu: VT.\nPHỤ LỤC\n"
            + TABLE_HEADER +
            "I\nKIỆN TOÀN CƠ CHẾ CHỈ ĐẠO\n1\nTổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh\n"
            "Bộ CHQS tỉnh; UBND cấp xã\nVăn phòng Ban Chỉ huy\nTrước ngày 30/11/2025\nQuyết định của Chủ tịch UBND\n"
            "2\nTriển khai nội dung chi đặc thù\nSở Tài chính\nCơ quan, địa phương liên quan\nThường xuyên\n"
            "3\nBan hành Quy chế hoạt động Quỹ\nSở Tài chính\nCơ quan liên quan\n2025\n"
            "….........\n4\nRà soát danh mục công trình\nBan Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã\n"
            "Cơ quan có liên quan\nTháng 12 hằng năm\nBáo cáo\n")
    ds = deadlines.run(plan_from(text)).deadlines
    assert [(d.due, d.recurrence, d.responsible) for d in ds] == [
        ("2025-11-30", None, ["Bộ CHQS tỉnh", "UBND cấp xã"]),
        ("2025", None, ["Sở Tài chính"]),
        ("--12", "yearly", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"]),
    ]
    assert ds[0].action == "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh"


def test_table_one_row_a_line():
    text = ("KẾ HOẠCH\nHạ tầng số\nThực hiện Kế hoạch số 1/KH-UBND.\nI. NHIỆM VỤ\n"
            "TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\n"
            "1 | Khảo sát hạ tầng viễn thông | Ban Quản lý các khu công nghiệp | Sở Công Thương | Quý IV/2025- Quý II/2026\n"
            "2 | Xây dựng kế hoạch đầu tư | Ban Quản lý các khu công nghiệp | Sở Tài chính | Thường xuyên\n"
            "II. TỔ CHỨC THỰC HIỆN\nNơi nhận:\n")
    ds = deadlines.run(plan_from(text)).deadlines
    assert [(d.due, d.approximate, d.responsible) for d in ds] == [
        ("2026-06", True, ["Ban Quản lý các khu công nghiệp"])]


def test_golden_plan_appendix_table():
    require_shared()
    from ingest import load
    from nlp import analyze
    plan = analyze(load(ROOT / "corpus/sources/tvpl_KH_980-KH-UBND_NgheAn_2025-11-18.txt"))
    tabled = [d for d in plan.deadlines if " | " in d.text]
    assert len(tabled) == 11
    assert ("--12", "yearly") in {(d.due, d.recurrence) for d in tabled}


def test_recurrence_from_the_clause_must_fit_the_date():
    plan = in_section("Các đơn vị báo cáo định kỳ hàng tháng (trước ngày 16 hàng tháng), 6 tháng (trước ngày 16/6).")
    plan.header.issued = Located(value="2025-11-20")
    ds = deadlines.run(plan).deadlines
    assert [(d.due, d.recurrence) for d in ds] == [("---16", "monthly"), ("2025-06-16", None)]


def test_plan_issued_as_a_decisions_appendix():
    require_shared()
    from ingest import load
    from nlp import analyze
    plan = analyze(load(SHARED / "realdocs/tvpl_QD_1627-QD-UBND_QuangNgai_2025-11-21.txt"))
    appendix = plan.appendices[0].body
    inside = [d for d in plan.deadlines if appendix.start <= d.span.start < appendix.end]
    assert ("2026-03-31", None) in {(d.due, d.recurrence) for d in inside}     # "Từ ngày 01/01/2026 đến ngày 31/3/2026"


def test_den_ngay_is_a_cut_off():
    (d,) = found("Thu hồi các khoản kinh phí đã giao trong dự toán đầu năm nhưng đến ngày 30 tháng 6 hàng năm "
                 "chưa phân bổ.")
    assert (d.due, d.recurrence) == ("--06-30", "yearly")


def test_years_in_brackets_after_reports():
    ds = found("Báo cáo giữa kỳ thực hiện Kế hoạch (năm 2030) và báo cáo tổng kết thực hiện Kế hoạch (năm 2035), "
               "gửi Ủy ban nhân dân tỉnh.")
    assert [d.due for d in ds] == ["2030", "2035"]


def test_table_rows_over_the_whole_period_are_no_deadlines():
    text = ("KẾ HOẠCH\nPhát triển kinh tế số giai đoạn 2026 - 2030\nThực hiện Kế hoạch số 1/KH-UBND.\n"
            "I. NHIỆM VỤ\nCác sở thực hiện nhiệm vụ tại Phụ lục.\nNơi nhận:\n- Lưu: VT.\nPHỤ LỤC\n"
            "STT\nNhiệm vụ, giải pháp\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\n"
            "1\nRà soát quy định pháp luật\nSở Tư pháp\nCác sở, ban, ngành\n2026 - 2030\n"
            "2\nXây dựng kế hoạch thúc đẩy nền tảng số\nSở Khoa học và Công nghệ\nCác sở, ban, ngành\n2026\n"
            "3\nĐào tạo nhân lực số\nSở Nội vụ\nCác sở, ban, ngành\n2026 - 2028\n")
    plan = plan_from(text)
    plan.movement.period_start = Located(value="2026")
    plan.movement.period_end = Located(value="2030")
    ds = deadlines.run(plan).deadlines
    assert [(d.due, d.responsible) for d in ds] == [("2026", ["Sở Khoa học và Công nghệ"]), ("2028", ["Sở Nội vụ"])]


def _corpus_plan(name: str) -> PlanDocument:
    from ingest import load
    from nlp import analyze
    return analyze(load(ROOT / "corpus/sources" / name))


def test_real_plan_whole_period_rows_dropped_narrow_rows_kept():
    plan = _corpus_plan("tvpl_KH_179-KH-UBND_DongNai_2025-11-18.txt")
    assert sorted(d.due for d in plan.deadlines) == ["2025", "2025", "2026"]


def test_real_plan_without_period_start_runs_from_its_issue():
    plan = _corpus_plan("tvpl_KH_552-KH-UBND_DongThap_2025-11-19.txt")
    dues = [d.due for d in plan.deadlines if " | " in d.text]
    assert dues.count("2026") == 3 and dues.count("2030") == 5 and "2035" not in dues


def test_opening_year_before_the_plan_is_a_past_fact():
    plan = _corpus_plan("tvpl_KH_0204-KH-UBND_CaMau_2025-11-24.txt")
    assert [(d.due, d.recurrence) for d in plan.deadlines] == [("--06-30", "yearly")]
