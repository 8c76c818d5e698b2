"""Which parent units are content items and which are tasks for the child's level."""
from __future__ import annotations

from nlp.compliance.items import content_items, passages
from nlp.compliance.tasks import task_units
from tests.nlp.compliance.conftest import labelled


def test_content_items_skip_purpose_awards_and_organisation(province):
    items = content_items(province)
    assert [u.id for u in items] == ["II.1", "II.2", "II.3", "II.4", "II.5", "II.6"]
    assert items[3].text.startswith("4. Thi đua bảo vệ môi trường")
    assert province.text[items[0].start:items[0].end].startswith("1. Đẩy mạnh công tác tuyên truyền")


def test_content_items_of_a_real_plan(nghe_an):
    assert [u.id for u in content_items(nghe_an)] == [f"II.{i}" for i in range(1, 9)]


def test_tasks_are_the_units_given_to_the_childs_kind_of_body(province, district):
    tasks = task_units(district, province)
    assert [u.id for u in tasks] == ["IV.2#1", "IV.2#2", "IV.2#3", "IV.2#4"]
    assert tasks[2].text.startswith("- Tổ chức sơ kết 01 năm")


def test_the_district_is_given_nothing_by_a_plan_for_communes(nghe_an, district):
    assert task_units(district, nghe_an) == []


def test_passages_cover_the_body_not_the_header(district):
    ps = passages(district)
    assert all(p.start >= district.sections[0].heading.start for p in ps)
    assert any(p.text.startswith("3. Thi đua huy động nguồn lực") for p in ps)


def test_a_chapter_title_that_only_mentions_a_content_word_is_not_a_content_part():
    # NQLT 102/2025: chapter I's title says "… thỏa thuận về cơ cấu, thành phần, số lượng …";
    # that does not make it the one content part: every chapter but the final provisions counts
    resolution = labelled("lm_NQLT_102-2025_2025-09-26.txt")
    chapters = {u.path[0].label for u in content_items(resolution)}
    assert chapters == {"I", "II", "III", "IV", "V"}
    assert any(u.path[0].label == "III" and "hội nghị hiệp thương lần thứ hai" in u.text
               for u in content_items(resolution))
    # "Mục 1. VIỆC HIỆP THƯƠNG …" and "Điều 1. Tổ chức hội nghị …" are headings, not items
    first = content_items(resolution)[0]
    assert first.text.startswith("1. Hội nghị hiệp thương lần thứ nhất được tổ chức trong khoảng thời gian")
