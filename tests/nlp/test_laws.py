"""Laws cited by name (nlp/extract/laws.py): the name's extent, one law under two spellings."""
from __future__ import annotations

import pytest

from nlp.extract import laws


@pytest.mark.parametrize("text, name, title, year", [
    ("Căn cứ Luật Việc làm;", "Luật", "Việc làm", None),
    ("theo Luật Bầu cử năm 2015 (được sửa đổi, bổ sung năm 2025)", "Luật", "Bầu cử", "2015"),
    ("Bộ luật Lao động năm 2019 quy định", "Bộ luật", "Lao động", "2019"),
    ("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Luật", "Thi đua, khen thưởng", None),
    ("Luật Ngân sách nhà nước, nguồn chi khác", "Luật", "Ngân sách nhà nước", None),
    ("Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu ngày 29/11/2024", "Luật",
     "Sửa đổi, bổ sung một số điều của Luật Đấu thầu", None),
])
def test_law_name(text, name, title, year):
    m = laws.law_pattern().search(text)
    assert (m.group("name"), m.group("title"), m.group("year")) == (name, title, year)


def test_constitution_by_year():
    m = laws.law_pattern().search("những điểm mới của Hiến pháp năm 2013 sau sửa đổi")
    assert (m.group("yname"), m.group("only_year")) == ("Hiến pháp", "2013")
    assert laws.law_pattern().search("tuân thủ Hiến pháp và pháp luật") is None


def test_amended_law_name_runs_to_its_date():
    text = "Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 24/6/2025;"
    m = laws.law_pattern().search(text)
    end = laws.amended_name_end(text, m.group("title"), m.end(), len(text))
    assert text[end:].strip().startswith("ngày 24/6/2025")
    assert laws.amended_name_end("Luật Việc làm và Luật khác ngày 1/1/2025", "Việc làm", 13, 40) is None


@pytest.mark.parametrize("a, b, same", [
    ("Thi đua, khen thưởng", "Thi đua khen thưởng", True),
    ("Bầu cử", "Bầu cử đại biểu Quốc hội", True),
    ("Thi đua", "Thi đua, khen thưởng", True),   # written short
    ("Đầu tư", "Đầu tư công", False),           # one word more: another law
    ("Đầu tư công", "Đất đai", False),
])
def test_same_law(a, b, same):
    assert laws.same_law(laws.name_key(a), laws.name_key(b)) is same


@pytest.mark.parametrize("text, issued", [
    ("Thực hiện Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm 2015 và", "2015-06-25"),
    ("Luật Việc làm và Luật khác ngày 1/1/2025", None),                    # another document's date
    ("Luật Đất đai và các văn bản hướng dẫn ngày 1/1/2025", None),
    ("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân chậm nhất là ngày 22 tháng 02 năm 2026", None),
])
def test_name_cut_at_va_runs_on_to_its_date(text, issued):
    from nlp.extract.references import find_mentions
    assert find_mentions(text)[0].issued == issued
