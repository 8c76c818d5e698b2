"""The compliance check on documents of the labelled set (corpus/compliance/docs): a provincial
election guidance in steps ("BƯỚC BA", "B. ĐỐI VỚI …") and commune plans answering it, with
variants that move dates and add award sentences.  Only pairs of the dev split are used here."""
from __future__ import annotations

import pytest

from nlp.compliance import check
from nlp.compliance.awards import authority
from nlp.compliance.items import content_items
from schema.compliance import FindingKind
from tests.nlp.compliance.conftest import labelled


@pytest.fixture(scope="module")
def guidance():
    return labelled("lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")


@pytest.fixture(scope="module")
def hiepthuong_v1():
    return labelled("var_KH_hiepthuong-lan2_LuongMinh_v1.txt")


@pytest.fixture(scope="module")
def cutri_v3():
    return labelled("var_KH_HN-cutri-noicutru_LuongMinh_v3.txt")


def _unit_at(units, plan, quote):
    pos = plan.text.index(quote)
    return next(u for u in units if u.start <= pos < u.end)


def test_units_follow_steps_and_sentences_the_section_tree_misses(guidance):
    units = content_items(guidance)
    # the step's title carries its time window; the heading lines above it are no units
    step = _unit_at(units, guidance, "(Từ ngày 02/2 đến ngày 03/2/2026)")
    assert step.text.startswith("Tổ chức hội nghị hiệp thương lần thứ hai")
    assert step.text.endswith("(Từ ngày 02/2 đến ngày 03/2/2026)")
    assert not any(u.text.startswith(("BƯỚC", "B. ĐỐI VỚI")) for u in units)
    # the paragraph under "B. ĐỐI VỚI …" is a unit though it sits in the body of item 6 above
    intro = _unit_at(units, guidance, "số dư cần thiết để hội nghị xem xét, lựa chọn lập danh sách sơ bộ "
                                      "những người ứng cử đại biểu Hội đồng nhân dân")
    assert intro.text.startswith("Danh sách giới thiệu") and "B. ĐỐI VỚI" in " ".join(intro.context)
    # one sentence a unit: the second sentence of a numbered item stands alone
    minutes = _unit_at(units, guidance, "Biên bản hội nghị hiệp thương ở cấp xã được gửi ngay")
    assert minutes.text.startswith("Biên bản hội nghị hiệp thương ở cấp xã") and minutes.id.endswith("¶4")
    # a part with no numbered children still gives its sentence
    assert _unit_at(units, guidance, "Như thành phần hội nghị hiệp thương lần thứ nhất.").text == \
        "Như thành phần hội nghị hiệp thương lần thứ nhất."


def test_a_removed_step_is_missing_though_its_words_remain(hiepthuong_v1, guidance):
    report = check(hiepthuong_v1, guidance)
    by_start = {it.span.start: it for it in report.items}

    def status(quote):
        pos = guidance.text.index(quote)
        return next(it for s, it in sorted(by_start.items()) if s <= pos < it.span.end).status.value
    assert status("cấp tổ chức hội nghị hiệp thương báo cáo về tình hình giới thiệu") == "missing"
    # the removed step's topic ("danh sách sơ bộ …") is still in the child, its action is not
    assert status("Hội nghị thông qua biên bản và danh sách sơ bộ những người ứng cử") == "missing"
    assert status("Hội nghị thảo luận, lập danh sách sơ bộ những người ứng cử đại biểu Hội đồng nhân dân căn cứ") \
        == "covered"


def test_late_dates_are_paired_with_the_parent_step(cutri_v3, guidance):
    report = check(cutri_v3, guidance)
    late = [f for f in report.findings if f.kind == FindingKind.LATE_DEADLINE]
    texts = [cutri_v3.snippet(f.child_span) for f in late]
    assert any("đến ngày 11/02/2026" in t for t in texts)          # window end 11/02 > 08/02
    assert any("Chậm nhất là ngày 10 tháng 02 năm 2026" in t for t in texts)
    assert not any("05/02/2026 - 07/02/2026" in t for t in texts)  # ends before the parent's 08/02
    assert all("08/2/2026" in f.parent_text or "08 tháng 2 năm 2026" in f.parent_text for f in late)


def test_awards_beyond_the_granters_authority(hiepthuong_v1, cutri_v3, guidance):
    beyond = {doc.raw.source_name: [doc.snippet(f.child_span) for f in check(doc, guidance).findings
                                    if f.kind == FindingKind.AWARD_BEYOND_AUTHORITY]
              for doc in (hiepthuong_v1, cutri_v3)}
    assert [t[:60] for t in beyond["var_KH_hiepthuong-lan2_LuongMinh_v1.txt"]] == [
        "Kết thúc hội nghị, Ban Thường trực Ủy ban MTTQ Việt Nam xã t",   # Bằng khen của Thủ tướng
        "Chủ tịch Ủy ban nhân dân xã tặng Bằng khen cho các thôn giới"]  # a commune chair's Bằng khen
    assert [t[:60] for t in beyond["var_KH_HN-cutri-noicutru_LuongMinh_v3.txt"]] == [
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã tặng Huân chương Đại",
        "Ủy ban MTTQ Việt Nam xã tặng Bằng khen cho các cá nhân có nh"]


@pytest.mark.parametrize("written, expected", [
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh", "Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh"),
    ("Chủ tịch UBND xã Lương Minh", "Chủ tịch Ủy ban nhân dân xã"),
    ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
    ("Hội Nông dân xã", None),
])
def test_authority_of_a_written_grantor(written, expected):
    entry = authority(written)
    assert (entry["authority"] if entry else None) == expected
