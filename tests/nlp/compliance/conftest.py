"""The compliance fixtures: a province emulation plan and the district plan answering it (made
for these tests), a commune plan answering a real provincial plan from the corpus, and the
documents of the labelled set (corpus/compliance/docs)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest import load
from nlp import analyze

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "compliance"
# Kế hoạch 980/KH-UBND of UBND tỉnh Nghệ An, 18/11/2025 (corpus/sources, from thuvienphapluat.vn)
NGHE_AN_980 = ROOT / "corpus" / "sources" / "tvpl_KH_980-KH-UBND_NgheAn_2025-11-18.txt"


DOCS = ROOT / "corpus" / "compliance" / "docs"


def plan_of(path: Path):
    return analyze(load(path))


@lru_cache(maxsize=None)
def labelled(name: str):
    """A document of the labelled set, analysed once per test session (no test changes a plan)."""
    return plan_of(DOCS / name)


@pytest.fixture(scope="session")
def province():
    return plan_of(FIXTURES / "province_plan.txt")


@pytest.fixture(scope="session")
def district():
    return plan_of(FIXTURES / "district_plan.txt")


@pytest.fixture(scope="session")
def nghe_an():
    return plan_of(NGHE_AN_980)


@pytest.fixture(scope="session")
def commune():
    return plan_of(FIXTURES / "commune_civil_defence_plan.txt")


@pytest.fixture
def district_variant(tmp_path):
    """The district plan with ``old`` replaced by ``new`` (each must occur), analysed."""
    def make(*replacements: tuple[str, str]):
        text = (FIXTURES / "district_plan.txt").read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        path = tmp_path / "variant.txt"
        path.write_text(text, encoding="utf-8")
        return plan_of(path)
    return make
