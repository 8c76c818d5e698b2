"""nlp/compliance/scope.py: the parent items a topical sub-plan answers."""
from __future__ import annotations

from nlp.compliance import check
from nlp.compliance.items import content_items
from nlp.compliance.scope import topical_scope
from schema.compliance import FindingKind, ItemStatus, Severity
from tests.nlp.compliance.conftest import labelled


def test_a_plan_on_one_task_of_a_guidance_is_scoped_to_that_task():
    # the commune Front's guidance on the elections has eight tasks; the plan for receiving
    # citizens and complaints answers "6. Công tác tiếp công dân, xử lý đơn thư về bầu cử"
    guidance = labelled("lm_HD_MTTQ-bau-cu_LuongMinh_2025-11.docx")
    plan = labelled("lm_KH_tiepcongdan_LuongMinh_2025-12-10.docx")
    units = content_items(guidance)
    scope = topical_scope(plan, guidance, units)
    assert scope is not None and len(scope) == 22
    assert all("Công tác tiếp công dân, xử lý đơn thư về bầu cử" in units[i].context for i in scope)

    report = check(plan, guidance)
    outside = [it for it in report.items if not it.in_scope]
    assert len(outside) == len(units) - 22 and all(it.kind == "content" for it in outside)
    assert report.counts["out_of_scope"] == len(outside)
    inside = [it for it in report.items if it.in_scope]
    credit = {ItemStatus.COVERED: 1.0, ItemStatus.DELEGATED: 1.0, ItemStatus.PARTIAL: 0.5, ItemStatus.MISSING: 0.0}
    assert report.coverage == round(sum(credit[it.status] for it in inside) / len(inside), 3)
    # what the plan leaves out of other tasks is told, but only as information
    aside = [f for f in report.findings if f.kind == FindingKind.MISSING_ITEM and "ngoài chủ đề" in f.message]
    assert aside and all(f.severity == Severity.INFO for f in aside)


def test_a_plan_answering_the_whole_parent_has_no_narrower_scope(district, province, commune, nghe_an):
    assert topical_scope(district, province, content_items(province)) is None
    assert topical_scope(commune, nghe_an, content_items(nghe_an)) is None


def test_a_heading_repeated_in_every_step_is_no_topic():
    # the provincial guidance repeats "A. ĐỐI VỚI NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI" in each step,
    # and its words are those of its own title: the voter-meeting plan is not scoped to it
    guidance = labelled("lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")
    plan = labelled("lm_KH_HN-cutri-noicutru_LuongMinh_2026-01-12.docx")
    assert topical_scope(plan, guidance, content_items(guidance)) is None
