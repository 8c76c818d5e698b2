"""Storage on SQLite and PostgreSQL: content-addressed files, idempotent and all-or-nothing writes."""
from __future__ import annotations

import json

import pytest

from ingest import IngestError, Limits
from schema.plan import SCHEMA_VERSION
from service.db.models import Document
from service.storage import (DocumentFilter, FileStore, count_documents, delete_document,
                             list_documents, load_plan, reparse_document, safe_filename,
                             store_document)

LIMITS = Limits(max_bytes=64 * 1024)


def _files(store: FileStore) -> list:
    return sorted(p for p in store.root.rglob("*") if p.is_file()) if store.root.exists() else []


def test_seed_is_stored_by_hash_with_its_parse(store, seeds, analyzer):
    sessions, files = store
    data = (seeds / "001_9e055817bc13e29e.txt").read_bytes()
    with sessions() as s:
        result = store_document(s, files, data, "001.txt", LIMITS, analyzer)
        doc = s.get(Document, result.id)
        assert result.created
        assert doc.schema_version == SCHEMA_VERSION
        assert files.path_for(doc.sha256).read_bytes() == data
        assert files.path_for(doc.sha256).relative_to(files.root).parts[:2] == (doc.sha256[:2], doc.sha256[2:4])
        plan = load_plan(doc)
        assert plan.raw.sha256 == doc.sha256
        assert json.loads(doc.plan_json)["schema_version"] == SCHEMA_VERSION
        assert "Sở Tài chính" in plan.text


def test_same_bytes_twice_is_the_same_document(store, seeds, analyzer):
    sessions, files = store
    data = (seeds / "002_747681e54acd1ab4.txt").read_bytes()
    with sessions() as s:
        first = store_document(s, files, data, "a.txt", LIMITS, analyzer)
        again = store_document(s, files, data, "renamed.txt", LIMITS, analyzer)
        assert (again.id, again.created) == (first.id, False)
        assert count_documents(s) == 1
    assert len(_files(files)) == 1
    assert analyzer.calls == 1          # no second parse for bytes already stored


@pytest.mark.parametrize("data", [
    b"",
    b"   \n\t  ",
    bytes(range(1, 9)) * 512,                                         # binary garbage
    b"%PDF-1.4\n" + b"x" * (64 * 1024),                               # over the limit
], ids=["empty", "blank", "garbage", "too_big"])
def test_rejected_input_stores_nothing(store, analyzer, data):
    sessions, files = store
    with sessions() as s:
        with pytest.raises(IngestError):
            store_document(s, files, data, "bad.bin", LIMITS, analyzer)
        assert count_documents(s) == 0
    assert _files(files) == []


def test_a_failing_parse_stores_nothing(store):
    sessions, files = store

    def broken(data, name, limits):
        raise RuntimeError("defect")

    with sessions() as s:
        with pytest.raises(RuntimeError):
            store_document(s, files, b"KE HOACH\n", "x.txt", LIMITS, broken)
        assert count_documents(s) == 0
    assert _files(files) == []


def test_a_failing_transaction_leaves_no_file(store, analyzer, monkeypatch):
    sessions, files = store
    data = analyzer.add("A", number="1", symbol="KH-UBND")
    import service.storage as storage

    def explode(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(storage, "relink_key", explode)
    with sessions() as s:
        with pytest.raises(RuntimeError):
            store_document(s, files, data, "a.txt", LIMITS, analyzer)
        assert count_documents(s) == 0
    assert _files(files) == []


def test_delete_removes_row_and_file(store, analyzer):
    sessions, files = store
    data = analyzer.add("A", number="1", symbol="KH-UBND")
    with sessions() as s:
        doc_id = store_document(s, files, data, "a.txt", LIMITS, analyzer).id
        assert delete_document(s, files, doc_id)
        assert count_documents(s) == 0
        assert not delete_document(s, files, doc_id)
    assert _files(files) == []


def test_reparse_replaces_the_stored_result(store, analyzer):
    sessions, files = store
    data = analyzer.add("A", number="7", symbol="KH-UBND", issued="2024-05-02")
    with sessions() as s:
        doc_id = store_document(s, files, data, "a.txt", LIMITS, analyzer).id
    analyzer.plans[data].header.number.value = "8"
    with sessions() as s:
        reparse_document(s, files, doc_id, LIMITS, analyzer)
    with sessions() as s:
        doc = s.get(Document, doc_id)
        assert (doc.number, doc.number_key, doc.year) == ("8", "8", 2024)
        assert load_plan(doc).header.number.value == "8"


def test_listing_filters_and_searches(store, analyzer):
    sessions, files = store
    a = analyzer.add("Nghệ An", number="594", symbol="KH-UBND", issued="2021-10-21",
                     issuer="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", movement="Vì người nghèo")
    b = analyzer.add("Sở Nội vụ", number="12", symbol="KH-SNV", issued="2023-03-01",
                     issuer="SỞ NỘI VỤ", doc_type="KH", movement="Chung tay xóa nhà tạm")
    with sessions() as s:
        ida = store_document(s, files, a, "a.txt", LIMITS, analyzer).id
        idb = store_document(s, files, b, "b.txt", LIMITS, analyzer).id

        def ids(**kw):
            rows, total = list_documents(s, DocumentFilter(**kw), 50, 0)
            assert total == len(rows)
            return sorted(d.id for d in rows)

        assert ids() == sorted([ida, idb])
        assert ids(issuer="UBND tỉnh Nghệ An") == [ida]
        assert ids(year=2023) == [idb]
        assert ids(movement="xoá nhà tạm") == [idb]      # old tone style folds to the new
        assert ids(q="NỘI VỤ") == [idb]
        assert ids(doc_type="QĐ") == []
        rows, total = list_documents(s, DocumentFilter(), 1, 1)
        assert total == 2 and len(rows) == 1


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\a\\Kế hoạch 524.docx", "Kế hoạch 524.docx"),
    ("a\x00b\nc.txt", "a_b_c.txt"),
    ("", "document"),
    ("..", "document"),
])
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


@pytest.mark.parametrize("bad", ["../x", "A" * 64, "0" * 63, ""])
def test_file_store_paths_come_from_hashes_only(tmp_path, bad):
    with pytest.raises(ValueError):
        FileStore(tmp_path).path_for(bad)


def test_concurrent_uploads_of_the_same_bytes_make_one_document(store, analyzer):
    from concurrent.futures import ThreadPoolExecutor

    sessions, files = store
    data = analyzer.add("same", number="1", symbol="KH-UBND")

    def one(_):
        with sessions() as s:
            return store_document(s, files, data, "same.txt", LIMITS, analyzer)

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(one, range(12)))
    assert len({r.id for r in results}) == 1
    assert sum(r.created for r in results) == 1
    with sessions() as s:
        assert count_documents(s) == 1
    assert len(_files(files)) == 1
