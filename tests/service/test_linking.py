"""Linking: reference resolution rules, late-arriving parents, number collisions, trees, answers."""
from __future__ import annotations

import pytest

from ingest import Limits
from schema.plan import Relation, Role
from service import linking
from service.db.models import Document
from service.movements import tree, unanswered
from service.storage import delete_document, references_of, store_document
from plan_factories import assignment, deadline, ref

LIMITS = Limits()
PROVINCE_FRONT = "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LẠNG SƠN"
COMMUNE_FRONT = "ỦY BAN MTTQ VIỆT NAM XÃ TÂN LẬP"


def doc_key(id, number="16", symbol="KH-MTTQ-BTT", year=2024, issued=None, issuer=None, doc_type="KH"):
    return linking.DocKey(id=id, doc_type=doc_type, number_key=linking.number_key(number),
                          symbol_key=linking.symbol_key(symbol), year=year, issued=issued, issuer=issuer)


def ref_key(number="16", symbol="KH-MTTQ-BTT", issued=None, issuer=None, doc_type="KH"):
    return linking.RefKey(doc_type=doc_type, number_key=linking.number_key(number),
                          symbol_key=linking.symbol_key(symbol), year=linking.year_of(issued, symbol),
                          issued=issued, issuer=issuer)


@pytest.mark.parametrize("number, key", [("05", "5"), ("0129", "129"), ("524", "524"), (None, None), ("", None)])
def test_number_key_drops_leading_zeros(number, key):
    assert linking.number_key(number) == key


@pytest.mark.parametrize("a, b", [("QĐ-TTg", "QĐ/TTg"), ("QĐ-TTg", "QĐ-TTG"), ("KH-UBND", " KH - UBND ")])
def test_symbol_spelling_noise_folds_away(a, b):
    assert linking.symbol_key(a) == linking.symbol_key(b)


@pytest.mark.parametrize("issued, symbol, year", [
    ("2024-07-24", "KH-UBND", 2024), ("2024", None, 2024), (None, "2023/NĐ-CP", 2023), (None, "KH-UBND", None)])
def test_year_from_date_or_normative_symbol(issued, symbol, year):
    assert linking.year_of(issued, symbol) == year


@pytest.mark.parametrize("wanted, actual, group, fits", [
    ("UBND tỉnh", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", False, True),
    ("UBND tỉnh Lạng Sơn", "UBND TỈNH BẮC KẠN", False, False),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", PROVINCE_FRONT, False, True),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", COMMUNE_FRONT, False, False),
    ("Văn phòng UBND tỉnh", "UBND tỉnh", False, False),
    ("UBND tỉnh Lạng Sơn", "UBND tỉnh", False, True),
    ("UBND tỉnh", "HĐND TỈNH BẮC KẠN", False, False),
    ("Sở Tài chính", "SỞ TÀI CHÍNH TỈNH LẠNG SƠN", False, True),
    ("Sở Tài chính", "SỞ XÂY DỰNG", False, False),
    ("Uỷ ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", False, True),   # old tone style
    ("UBND các huyện, thành phố", "UBND HUYỆN BA BỂ", True, True),
    ("UBND các xã", "UBND TỈNH LẠNG SƠN", True, False),
    ("các sở, ban, ngành", "SỞ NỘI VỤ", True, True),
])
def test_body_matches(wanted, actual, group, fits):
    assert linking.body_matches(wanted, actual, group=group) is fits


def test_resolution_table():
    province = doc_key(1, issuer=PROVINCE_FRONT, issued="2024-11-21")
    commune = doc_key(2, issuer=COMMUNE_FRONT, issued="2024-03-02")
    last_year = doc_key(3, year=2023, issuer=PROVINCE_FRONT, issued="2023-05-05")
    everyone = [province, commune, last_year]
    r = linking.resolve(ref_key(issued="2024-11-21", issuer="Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"), everyone)
    assert (r.status, r.target_id) == ("resolved", 1)
    # Same number, same issuer, another year: numbers restart every year.
    r = linking.resolve(ref_key(issued="2023-05-05", issuer="Ủy ban MTTQ Việt Nam tỉnh"), everyone)
    assert (r.status, r.target_id) == ("resolved", 3)
    # Nothing tells them apart: reported, not guessed.
    r = linking.resolve(ref_key(), everyone)
    assert (r.status, r.target_id, r.candidates) == ("ambiguous", None, [1, 2, 3])
    r = linking.resolve(ref_key(issued="2024"), everyone)
    assert (r.status, r.candidates) == ("ambiguous", [1, 2])
    # The exact day settles a tie the year leaves.
    r = linking.resolve(ref_key(issued="2024-03-02"), everyone)
    assert (r.status, r.target_id) == ("resolved", 2)
    assert linking.resolve(ref_key(issued="2022-01-01"), everyone).status == "unresolved"
    assert linking.resolve(ref_key(number=None), everyone).status == "unlinkable"
    assert linking.resolve(ref_key(doc_type="QĐ"), everyone).status == "unresolved"


# ---- in the database, both backends ------------------------------------------------------------

def _store(store, analyzer, label, **fields) -> int:
    sessions, files = store
    data = analyzer.add(label, **fields)
    with sessions() as s:
        return store_document(s, files, data, f"{label}.txt", LIMITS, analyzer).id


def _links(store, doc_id):
    sessions, _ = store
    with sessions() as s:
        return [(r.status, r.target_id) for r in references_of(s, doc_id)]


def test_late_arriving_parent_is_linked_when_it_comes(store, analyzer):
    child = _store(store, analyzer, "child", number="3", symbol="KH-VP", issued="2024-08-01",
                   issuer="VĂN PHÒNG UBND TỈNH BẮC KẠN",
                   references=[ref("524", "KH-UBND", "2024-07-24", "UBND tỉnh")])
    assert _links(store, child) == [("unresolved", None)]          # the placeholder
    parent = _store(store, analyzer, "parent", number="524", symbol="KH-UBND", issued="2024-07-24",
                    issuer="ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")
    assert _links(store, child) == [("resolved", parent)]
    sessions, files = store
    with sessions() as s:
        delete_document(s, files, parent)
    assert _links(store, child) == [("unresolved", None)]


def test_number_collision_between_province_and_commune(store, analyzer):
    province = _store(store, analyzer, "province", number="16", symbol="KH-MTTQ-BTT",
                      issued="2024-11-21", issuer=PROVINCE_FRONT)
    commune = _store(store, analyzer, "commune", number="16", symbol="KH-MTTQ-BTT",
                     issued="2024-11-25", issuer=COMMUNE_FRONT)
    precise = _store(store, analyzer, "precise", number="5", symbol="KH-STC", issued="2024-12-01",
                     references=[ref("16", "KH-MTTQ-BTT", "2024-11-21",
                                     "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh")])
    vague = _store(store, analyzer, "vague", number="6", symbol="KH-STC", issued="2024-12-02",
                   references=[ref("16", "KH-MTTQ-BTT")])
    assert _links(store, precise) == [("resolved", province)]
    sessions, _ = store
    with sessions() as s:
        (row,) = references_of(s, vague)
        assert row.status == "ambiguous" and row.target_id is None
        assert sorted(__import__("json").loads(row.candidates)) == sorted([province, commune])


def test_a_twin_arriving_later_makes_a_vague_link_ambiguous(store, analyzer):
    first = _store(store, analyzer, "first", number="16", symbol="KH-MTTQ-BTT", issued="2024-11-21",
                   issuer=PROVINCE_FRONT)
    vague = _store(store, analyzer, "vague", number="6", symbol="KH-STC", references=[ref("16", "KH-MTTQ-BTT")])
    assert _links(store, vague) == [("resolved", first)]
    _store(store, analyzer, "twin", number="16", symbol="KH-MTTQ-BTT", issued="2023-02-01", issuer=PROVINCE_FRONT)
    assert _links(store, vague) == [("ambiguous", None)]


def _cascade(store, analyzer):
    directive = _store(store, analyzer, "ct", doc_type="CT", number="19", symbol="CT-TTg",
                       issued="2021-07-16", issuer="THỦ TƯỚNG CHÍNH PHỦ")
    council = _store(store, analyzer, "hd", number="16", symbol="KH-HĐTĐKT", issued="2021-08-31",
                     issuer="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG",
                     references=[ref("19", "CT-TTg", "2021-07-16", "Thủ tướng Chính phủ", doc_type="CT")])
    province = _store(store, analyzer, "na", number="594", symbol="KH-UBND", issued="2021-10-21",
                      issuer="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
                      references=[ref("19", "CT-TTg", "2021-07-16", "Thủ tướng Chính phủ", doc_type="CT"),
                                  ref("16", "KH-HĐTĐKT", "2021-08-31", "Hội đồng Thi đua - Khen thưởng Trung ương")],
                      assignments=[assignment("Sở Nội vụ", Role.LEAD), assignment("Sở Tài chính", Role.SUPPORT),
                                   assignment("UBND các huyện, thành phố, thị xã")],
                      deadlines=[deadline("--11-10", recurrence="yearly", responsible=["Sở Xây dựng"])])
    finance = _store(store, analyzer, "stc", number="20", symbol="KH-STC", issued="2021-11-02",
                     issuer="SỞ TÀI CHÍNH TỈNH NGHỆ AN",
                     references=[ref("594", "KH-UBND", "2021-10-21", "UBND tỉnh")])
    district = _store(store, analyzer, "huyen", number="88", symbol="KH-UBND", issued="2021-11-10",
                      issuer="ỦY BAN NHÂN DÂN HUYỆN NAM ĐÀN",
                      references=[ref("594", "KH-UBND", "2021-10-21", "UBND tỉnh", relation=Relation.BASIS)])
    return directive, council, province, finance, district


def test_tree_shows_ancestors_and_descendants(store, analyzer):
    directive, council, province, finance, district = _cascade(store, analyzer)
    sessions, _ = store
    with sessions() as s:
        t = tree(s, s.get(Document, province))
    ups = {n["document"]["id"]: [m["document"]["id"] for m in n["ancestors"]] for n in t["ancestors"]}
    assert ups == {directive: [], council: [directive]}
    assert sorted(n["document"]["id"] for n in t["descendants"]) == sorted([finance, district])
    with sessions() as s:
        top = tree(s, s.get(Document, directive))
    below = {n["document"]["id"]: sorted(m["document"]["id"] for m in n["descendants"]) for n in top["descendants"]}
    assert below == {council: [province], province: sorted([finance, district])}


def test_unanswered_lists_tasked_bodies_without_a_child_plan(store, analyzer):
    _, _, province, finance, district = _cascade(store, analyzer)
    sessions, _ = store
    with sessions() as s:
        out = unanswered(s, s.get(Document, province))
    answered = {e["body"]: e["answered_by"] for e in out["expected"]}
    assert answered == {"Sở Nội vụ": [], "Sở Tài chính": [finance],
                        "UBND các huyện, thành phố, thị xã": [district], "Sở Xây dựng": []}
    assert out["unanswered"] == ["Sở Nội vụ", "Sở Xây dựng"]
