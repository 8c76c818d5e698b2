"""Unit boundaries on real documents of the labelled set: a sentence of several actions joined by
';' is several units, a ';'-list of short fields is one, and a task section is cut into its
sentences; a report task is taken up only where the child sends a report."""
from __future__ import annotations

import pytest

from nlp.compliance import _lead, _task_noise
from nlp.compliance.items import content_items
from nlp.compliance.tasks import task_units
from tests.nlp.compliance.conftest import labelled


@pytest.fixture(scope="module")
def commune_guidance():
    return labelled("lm_HD_MTTQ-bau-cu_LuongMinh_2025-11.docx")


@pytest.fixture(scope="module")
def circular():
    return labelled("qb_TT_01-2022-TT-BLDTBXH_2022-01-25.txt")


@pytest.fixture(scope="module")
def voter_plan():
    return labelled("lm_KH_HN-cutri-noicutru_LuongMinh_2026-01-12.docx")


def _unit_at(units, plan, quote):
    pos = plan.text.index(quote)
    return [u for u in units if u.start <= pos < u.end]


def test_a_sentence_of_several_actions_is_cut_at_semicolons(commune_guidance):
    units = content_items(commune_guidance)
    facilities = _unit_at(units, commune_guidance, "bảo đảm cơ sở vật chất, chỗ ngồi cho cử tri")
    notice = _unit_at(units, commune_guidance, "thông báo đầy đủ, sớm trước 05 ngày")
    assert len(facilities) == len(notice) == 1
    assert facilities[0].text == "bảo đảm cơ sở vật chất, chỗ ngồi cho cử tri"
    assert notice[0].text.startswith("thông báo đầy đủ, sớm trước 05 ngày")
    assert facilities[0].id != notice[0].id and facilities[0].id.endswith(";2")


def test_a_list_of_short_fields_stays_one_unit(circular):
    units = content_items(circular)
    fields = _unit_at(units, circular, "a) Họ, chữ đệm và tên khai sinh")
    assert len(fields) == 1 and "giới tính; dân tộc" in fields[0].text


def test_a_task_section_is_cut_into_its_sentences(voter_plan, commune_guidance):
    tasks = task_units(voter_plan, commune_guidance)
    report = _unit_at(tasks, commune_guidance, "Báo cáo về tình hình tổ chức hội nghị lấy ý kiến cử tri nơi cư trú")
    assert len(report) == 1 and report[0].text.startswith("Báo cáo về tình hình tổ chức hội nghị")
    assert len(report[0].text) < 300


@pytest.mark.parametrize("text, head", [
    ("b. Báo cáo tình hình thực hiện việc hiệp thương về Ban Thường trực chậm nhất ngày 03/02/2026.", "báo_cáo"),
    ("Thời gian gửi báo cáo kết quả về Ban Thường trực ngay sau khi tổ chức Hội nghị.", None),
    ("- Tổ chức tuyên truyền, vận động cử tri tham dự hội nghị đầy đủ.", None),
])
def test_a_task_opening_with_a_report_keeps_the_report_as_its_head(text, head):
    drop, found = _task_noise(text)
    assert found == head
    assert ("báo_cáo" in drop) == (head is None)


@pytest.mark.parametrize("text, lead", [
    ("5. Hội nghị thông qua biên bản và danh sách sơ bộ những người ứng cử (theo mẫu số 01)",
     {"hội", "nghị", "thông"}),
    ("- Ban Thường trực Ủy ban MTTQ Việt Nam xã phối hợp với Ủy ban nhân dân xã triệu tập hội nghị",
     {"phối", "triệu", "tập"}),
    ("b) Khối lượng thông tin thị trường lao động cần thu thập.", {"khối", "lượng", "thông_tin"}),
])
def test_the_lead_of_a_unit_is_its_opening_words_without_label_or_bodies(text, lead):
    assert _lead(text) == lead


def test_item_ids_are_unique_when_the_parent_restarts_its_numbering():
    from nlp.compliance import check
    # the Quảng Ninh guidance numbers "I., II., …" afresh under every step (A., B., …)
    parent = labelled("lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")
    child = labelled("lm_KH_hiepthuong-lan2_LuongMinh_2026-01.docx")
    ids = [it.id for it in check(child, parent).items]
    assert len(ids) == len(set(ids))
    assert any(i.startswith("II.1~") for i in ids)
