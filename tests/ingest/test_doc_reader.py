"""Word 97 reader: LibreOffice conversion, antiword fallback, missing tools, OLE2 checks."""
from __future__ import annotations

import hashlib
import time

import pytest

import ingest.doc_reader as doc_reader
from ingest import ConverterMissing, EncryptedDocument, Limits, UnsupportedFormat, load
from schema.raw import BlockKind, SourceFormat
from tests.conftest import REALDOCS, require_shared, require_tool
from tests.ingest.conftest import ole_container, word97_fib

DRAFT = "qb_QD_draft-tang-Bang-khen_QuangBinh_2022-10.doc"
LAW = "lm_Luat_83-2025-QH15_2025-06-24.doc"


def lines(raw) -> list[str]:
    return [raw.text[b.start:b.end] for b in raw.blocks]


def fake_tool(tmp_path, body: str) -> str:
    path = tmp_path / "fake-soffice"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def clean_tmp(tmp_path, monkeypatch):
    """Temporary files of the converters go here, so a test can see they were removed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    return folder


@pytest.mark.slow
def test_soffice_conversion_keeps_tables_and_the_doc_identity(clean_tmp):
    require_shared()
    require_tool("soffice")
    data = (REALDOCS / LAW).read_bytes()
    raw = load(data, name=LAW)
    assert raw.source_format is SourceFormat.DOC
    assert raw.sha256 == hashlib.sha256(data).hexdigest() and raw.size == len(data)
    got = lines(raw)
    assert got[:4] == ["QUỐC HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độqc lập - Tự do - Hạnh phúc",
                       "Luật số: 83/2025/QH15"]
    assert raw.blocks[0].kind is BlockKind.TABLE_CELL
    assert raw.blocks[0].location.region == "header_left"
    assert "LUẬT" in got
    assert list(clean_tmp.iterdir()) == []


@pytest.mark.slow
def test_parallel_conversions_do_not_collide():
    require_shared()
    require_tool("soffice")
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: load(REALDOCS / DRAFT), range(2)))
    assert results[0].text == results[1].text
    assert "Số: /QĐ-UBND" in lines(results[0]) and "Trần Thắng" in lines(results[0])


def test_antiword_fallback_when_soffice_is_missing(monkeypatch, clean_tmp):
    require_shared()
    require_tool("antiword")
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    raw = load(REALDOCS / DRAFT)
    got = lines(raw)
    assert raw.source_format is SourceFormat.DOC
    assert got[:2] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert "QUYẾT ĐỊNH" in got and "Trần Thắng" in got
    assert "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;" in got
    assert any("antiword" in w for w in raw.warnings)
    assert list(clean_tmp.iterdir()) == []


def test_failing_soffice_falls_back_to_antiword(monkeypatch, tmp_path):
    require_shared()
    require_tool("antiword")
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: fake_tool(tmp_path, "exit 3"))
    raw = load(REALDOCS / DRAFT)
    assert "Trần Thắng" in lines(raw)
    assert any("LibreOffice could not convert" in w and "exit 3" in w for w in raw.warnings)


def test_hanging_soffice_is_killed_at_the_timeout(monkeypatch, tmp_path, clean_tmp):
    require_shared()
    require_tool("antiword")
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: fake_tool(tmp_path, "sleep 30"))
    started = time.monotonic()
    raw = load(REALDOCS / DRAFT, limits=Limits(converter_timeout_s=1))
    assert time.monotonic() - started < 10
    assert any("took longer than 1 s" in w for w in raw.warnings)
    assert list(clean_tmp.iterdir()) == []


def test_no_converter_names_the_install_script(monkeypatch):
    require_shared()
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(ConverterMissing, match="scripts/install-system-deps.sh"):
        load(REALDOCS / DRAFT)


@pytest.mark.parametrize("streams, error, message", [
    ({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x10" * 100},
     EncryptedDocument, "password-protected"),
    ({"WordDocument": word97_fib(encrypted=True), "1Table": b"\0" * 10},
     EncryptedDocument, "password-protected"),
    ({"Workbook": b"\x09\x08" * 50}, UnsupportedFormat, "Excel workbook"),
    ({"Contents": b"x" * 10}, UnsupportedFormat, "without a Word document"),
])
def test_ole_containers_that_are_not_readable_word_files(streams, error, message):
    with pytest.raises(error, match=message):
        load(ole_container(streams), name="upload.doc")


def test_ole_directory_lists_streams():
    ole = doc_reader.OleContainer(ole_container({"WordDocument": word97_fib(False), "1Table": b"t"}))
    assert {"Root Entry", "WordDocument", "1Table"} <= set(ole.entries)
    assert ole.stream_start("WordDocument", 2) == b"\xec\xa5"
