"""Every nlp/resources/*.yaml loads and has the expected shape."""
import re

import pytest

from nlp import resources
from schema.plan import Role

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize("name", resources.available())
def test_every_resource_loads_non_empty(name):
    data = resources.load(name)
    assert data, name


def _no_nulls(items, keys_allowed_null=("level",)):
    # a comma inside an unquoted YAML flow mapping silently makes keys with null values
    for x in items:
        for k, v in x.items():
            assert v is not None or k in keys_allowed_null, x


def test_bodies_shape():
    d = resources.load("bodies")
    assert {"levels", "abbreviations", "sectors", "heads", "bodies", "officials", "collectives",
            "localities", "conjoined", "name_stop_words"} <= set(d)
    heads = {h["head"] for h in d["heads"]}
    _no_nulls(d["sectors"]), _no_nulls(d["heads"]), _no_nulls(d["bodies"])
    for s in d["sectors"]:
        assert set(s["at"]) <= {"Bộ", "Sở", "Phòng"} <= heads
        for k in ("valid_from", "valid_to"):
            assert s.get(k) is None or ISO.match(s[k])
        if s.get("replaced_by"):
            assert s["replaced_by"] in {x["name"] for x in d["sectors"]}
    for b in d["bodies"]:
        assert b["kind"] and (b.get("level") is None or b["level"] in d["levels"])
        for k in ("valid_from", "valid_to"):
            assert b.get(k) is None or ISO.match(b[k])
    for h in d["heads"]:
        assert h.get("level") is None or h["level"] in d["levels"]
    assert all(isinstance(v, str) and v for v in d["abbreviations"].values())
    # the 2025 reorganisation is recorded
    ld = next(s for s in d["sectors"] if s["name"].startswith("Lao động"))
    assert ld["valid_to"] == "2025-02-28" and ld["replaced_by"] == "Nội vụ"


def test_roles_shape():
    d = resources.load("roles")
    assert {Role(x) for x in d["precedence"]} == set(Role)
    assert d["lead_cues"] and d["support_cues"] and d["parts"]
    assert set(d["prefixes"]) == {"lead", "neutral"}


def test_awards_shape():
    d = resources.load("awards")
    forms = {f["form"] for f in d["forms"]}
    for f in d["forms"]:
        assert set(f) <= {"form", "kind", "article", "classes", "names"}
        assert f["kind"] in {"hinh_thuc", "danh_hieu", "vinh_du"}
        assert all(len(n.split()) >= 2 for n in f["names"]), f
    assert {"Bằng khen", "Giấy khen", "Huân chương Lao động", "Cờ thi đua", "Chiến sĩ thi đua cơ sở",
            "Lao động tiên tiến", "Tập thể lao động xuất sắc"} <= forms
    assert {a["article"] for a in d["authorities"]} == {77, 78, 79, 80}
    for a in d["authorities"]:
        assert a["names"] and set(a["grants"]) <= forms, a["authority"]


def test_criteria_shape():
    d = resources.load("criteria")
    assert {"headings", "target_leads", "end_headings", "reference_only"} <= set(d)
    assert all(isinstance(x, str) and x for v in d.values() for x in v)
