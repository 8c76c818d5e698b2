"""Every shared real document and seed goes through the whole pipeline without a stage failing,
and the portal copies (whose file names carry type and number) get their header right.

Word 97 conversions and OCR'd scans take seconds each: those cases are marked ``slow``.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import ingest
from nlp.pipeline import analyze
from schema.contract import to_contract
from tests.conftest import REALDOCS, SEEDS, require_tool

# tvpl_KH_0129-KH-UBND_… / vbpl_TT_118-2025-TT-BTC_…: type code, then the number.
PORTAL_NAME = re.compile(r"^(?:tvpl|vbpl)_(?P<type>[A-Z]+)_(?P<number>\d+)-")
TYPE_CODES = {"QD": "QĐ", "CD": "CĐ"}   # file names are ASCII


def _documents() -> list:
    if not REALDOCS.is_dir():
        return []
    files = sorted(p for p in REALDOCS.iterdir() if p.name != "INDEX.md") + sorted(SEEDS.glob("*.txt"))
    return [pytest.param(p, id=p.name, marks=[pytest.mark.slow] if p.suffix == ".doc" or "_scan" in p.name
                         else []) for p in files]


@pytest.mark.parametrize("path", _documents())
def test_parses_without_a_failed_stage(path: Path):
    if path.suffix == ".doc":
        require_tool("soffice")
    if "_scan" in path.name:
        require_tool("tesseract")
    plan = analyze(ingest.load(path))
    failed = [i.message for i in plan.issues if i.code.endswith("_failed")]
    assert failed == []
    contract = to_contract(plan)
    assert plan.raw.text.strip()
    m = PORTAL_NAME.match(path.name)
    if m:
        expected_type = TYPE_CODES.get(m["type"], m["type"])
        assert contract["document"]["doc_type"] == expected_type
        assert contract["document"]["number"] == m["number"]
        assert contract["document"]["issued"] == path.stem.rsplit("_", 1)[-1]


def test_the_walk_covers_every_shared_document():
    if not REALDOCS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    names = {p.name for p in REALDOCS.iterdir() if p.name != "INDEX.md"}
    assert len(names) == 81
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
