"""check(child, parent) on the fixture province/district pair and on a real provincial plan."""
from __future__ import annotations

import time
from collections import Counter

from nlp.compliance import _plan_itself, check
from nlp.compliance.items import passages
from nlp.compliance.matching import Index
from nlp.compliance.awards import own_authority
from schema.compliance import FindingKind, ItemStatus
from tests.nlp.compliance.conftest import labelled


def statuses(report):
    return {it.id: it.status.value for it in report.items}


def kinds(report):
    return Counter(f.kind.value for f in report.findings)


def test_district_plan_against_the_province(district, province):
    report = check(district, province)
    assert statuses(report) == {
        "II.1": "covered", "II.2": "covered", "II.3": "partial", "II.4": "missing", "II.5": "covered",
        "II.6": "delegated",
        "IV.2#1": "covered", "IV.2#2": "covered", "IV.2#3": "missing", "IV.2#4": "covered"}
    assert kinds(report) == {"partial_item": 1, "missing_item": 1, "missing_task": 1, "late_deadline": 1,
                             "missing_deadline": 1, "award_beyond_authority": 1}
    assert report.coverage == 0.75
    assert report.counts["covered"] == 6 and report.counts["missing"] == 2
    assert (report.child.number, report.parent.number) == ("45", "120")


def test_item_spans_and_evidence_point_into_each_text(district, province):
    report = check(district, province)
    by_id = {it.id: it for it in report.items}
    ii1 = by_id["II.1"]
    assert province.snippet(ii1.span).startswith("1. Đẩy mạnh công tác tuyên truyền")
    assert district.snippet(ii1.evidence[0].span).startswith("1. Tiếp tục đẩy mạnh tuyên truyền")
    delegated = by_id["II.6"].evidence[0]
    assert "thực hiện theo Kế hoạch số 120/KH-UBND" in district.snippet(delegated.span)
    assert by_id["IV.2#1"].evidence[0].text.startswith("Tổ chức phong trào thi đua")   # the plan itself


def test_late_and_missing_deadlines(district, province):
    report = check(district, province)
    late = [f for f in report.findings if f.kind == FindingKind.LATE_DEADLINE]
    assert len(late) == 1
    assert "trước ngày 15 tháng 12 hằng năm" in district.snippet(late[0].child_span)
    assert "trước ngày 10 tháng 12 hằng năm" in province.snippet(late[0].parent_span)
    missing = [f for f in report.findings if f.kind == FindingKind.MISSING_DEADLINE]
    assert "sơ kết" in missing[0].parent_text and "2024-11-30" in missing[0].message


def test_granting_a_bang_khen_is_beyond_a_district_chairman(district, province):
    report = check(district, province)
    awards = [f for f in report.findings if f.kind == FindingKind.AWARD_BEYOND_AUTHORITY]
    assert [district.snippet(f.child_span) for f in awards] == [
        "Chủ tịch Ủy ban nhân dân huyện tặng Bằng khen cho 02 xã dẫn đầu phong trào"]
    assert own_authority(district)["authority"] == "Chủ tịch Ủy ban nhân dân huyện"
    assert own_authority(province)["authority"] == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_a_plan_issued_after_the_parents_deadline_for_it_is_late(district_variant, province):
    late_plan = district_variant(("ngày 10 tháng 4 năm 2024", "ngày 15 tháng 5 năm 2024"))
    report = check(late_plan, province)
    late = [f for f in report.findings if f.kind == FindingKind.LATE_DEADLINE]
    assert any("2024-05-15" in f.message and "2024-04-30" in f.message for f in late)


def test_citation_mismatch_and_missing(district_variant, province):
    wrong_day = district_variant(("120/KH-UBND ngày 15/3/2024", "120/KH-UBND ngày 16/3/2024"))
    report = check(wrong_day, province)
    mism = [f for f in report.findings if f.kind == FindingKind.CITATION_MISMATCH]
    assert len(mism) == 1 and "2024-03-16 ≠ 2024-03-15" in mism[0].message
    uncited = district_variant(("Thực hiện Kế hoạch số 120/KH-UBND ngày 15/3/2024 của Ủy ban nhân dân tỉnh "
                                "Quảng Bình về tổ chức", "Để tổ chức"),
                               ("thực hiện theo Kế hoạch số 120/KH-UBND ngày 15/3/2024 của Ủy ban nhân dân tỉnh.",
                                "thực hiện như năm trước."))
    assert kinds(check(uncited, province))["citation_missing"] == 1
    assert "citation_mismatch" not in kinds(check(district_variant(), province))


def test_movement_and_period(district_variant, province):
    other = district_variant(('"Lệ Thủy chung sức xây dựng nông thôn mới" giai đoạn 2024 - 2025',
                              '"Lệ Thủy đẩy mạnh chuyển đổi số" giai đoạn 2024 - 2026'))
    found = kinds(check(other, province))
    assert found["movement_mismatch"] == 1 and found["period_outside"] == 1


def test_a_commune_plan_answering_a_real_provincial_plan(commune, nghe_an):
    report = check(commune, nghe_an)
    content = {k: v for k, v in statuses(report).items() if k.startswith("II.")}
    # II.3 (tuyên truyền pháp luật về phòng thủ dân sự) scores 0.62 against the covered bar of
    # 0.62: the commune takes up the propaganda, not the legal texts it names
    assert content == {
        "II.1": "covered", "II.2": "missing", "II.3": "partial", "II.4": "missing", "II.5": "covered",
        "II.6": "missing", "II.7": "covered", "II.8": "covered"}
    # which IV units task the communes depends on the assignment extractor; none is left undone
    tasks = [it for it in report.items if it.kind == "task"]
    assert tasks and all(it.id.startswith("IV.") and it.status != ItemStatus.MISSING for it in tasks)
    found = kinds(report)
    assert found["missing_item"] == 3
    assert not {"citation_missing", "citation_mismatch", "award_beyond_authority"} & set(found)


def test_a_plan_checked_against_itself_covers_everything(nghe_an):
    report = check(nghe_an, nghe_an)
    assert report.coverage == 1.0
    assert all(it.status == ItemStatus.COVERED for it in report.items)


def test_speed(district, province, nghe_an, commune):
    started = time.perf_counter()
    for _ in range(5):
        check(district, province)
        check(commune, nghe_an)
        check(nghe_an, nghe_an)
    assert (time.perf_counter() - started) / 15 < 0.3


def test_a_parent_unit_asking_for_this_very_plan_is_covered_by_the_plan_itself():
    # TT 01/2022/TT-BLĐTBXH Điều 8.4: the Sở "… xây dựng kế hoạch và triển khai thu thập, cập nhật
    # thông tin về cung lao động"; KH 672/KH-UBND is that plan, as its title says
    circular = labelled("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.txt")
    plan = labelled("qb_KH_672-KH-UBND_QuangBinh_2024-04-17_transcribed.txt")
    report = check(plan, circular)
    asked = [it for it in report.items if "để xây dựng kế hoạch và triển khai thu thập" in it.text]
    assert len(asked) == 2          # supply (Điều 8.4) and demand (Điều 11.3)
    for it in asked:
        assert it.status == ItemStatus.COVERED
        assert it.evidence[0].span == plan.header.title.span
    # a plan on another subject is no evidence for it
    index = Index(passages(plan))
    assert _plan_itself(plan, "Sở Y tế xây dựng kế hoạch phòng, chống dịch sốt xuất huyết", index) is None
