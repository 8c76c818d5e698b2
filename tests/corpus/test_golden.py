"""The golden corpus: every annotated real plan in corpus/ is parsed and scored with the
project's scorer; the scores may not fall below corpus/eval/floors.yaml.

The figures are printed (``pytest -s``) and written to test-artifacts/golden_scores.json.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import CORPUS, ROOT

SOURCES = CORPUS / "sources"
GROUNDTRUTH = CORPUS / "groundtruth"
SCORER = CORPUS / "eval" / "score.py"
FLOORS = yaml.safe_load((CORPUS / "eval" / "floors.yaml").read_text(encoding="utf-8"))


def _stems(folder: Path, pattern: str) -> set[str]:
    return {p.stem for p in folder.glob(pattern) if not p.name.startswith(".")}


def test_every_source_has_groundtruth_and_back():
    sources, gold = _stems(SOURCES, "*"), _stems(GROUNDTRUTH, "*.json")
    assert len(gold) >= 10
    assert sources - gold == set(), "sources without groundtruth"
    assert gold - sources == set(), "groundtruth without a source"


def test_groundtruth_is_valid_contract_json():
    for path in sorted(GROUNDTRUTH.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) >= {"document", "references", "sections", "deadlines", "assignments",
                             "recipients", "signer"}, path.name
        assert data["document"]["doc_type"], path.name


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("golden")
    sources = sorted(p for p in SOURCES.iterdir() if not p.name.startswith("."))
    parsed = subprocess.run([sys.executable, "-m", "service.cli", "parse", *map(str, sources),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stderr[-2000:]
    scored = subprocess.run([sys.executable, str(SCORER), str(GROUNDTRUTH), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    result = json.loads(scored.stdout)
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "golden_scores.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                                  encoding="utf-8")
    print("\ngolden corpus:", len(sources), "documents")
    for group, prf in result["groups"].items():
        print(f"  {group:22} P {prf['p']:.3f}  R {prf['r']:.3f}  F1 {prf['f1']:.3f}")
    print(f"  macro F1 {result['macro_f1']:.3f}")
    return result


def test_every_document_has_a_prediction(scores):
    unusable = {stem: notes for stem, notes in scores["misses"].items()
                if any(n.startswith("no usable prediction") for n in notes)}
    assert unusable == {}


def test_macro_f1_does_not_regress(scores):
    assert scores["macro_f1"] >= FLOORS["macro_f1"]


@pytest.mark.parametrize("group", sorted(FLOORS["groups"]))
def test_group_f1_does_not_regress(scores, group):
    assert group in scores["groups"], f"{group} not scored"
    assert scores["groups"][group]["f1"] >= FLOORS["groups"][group]
