"""scripts/eval_compliance.py: exact P/R/F1 on a tiny labelled pair set of our own."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "fixtures" / "compliance" / "pairs.yaml"


def _script():
    spec = importlib.util.spec_from_file_location("eval_compliance", ROOT / "scripts" / "eval_compliance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ev():
    return _script()


@pytest.fixture(scope="module")
def result(ev):
    return ev.evaluate(PAIRS)


def test_prf(ev):
    assert ev.prf(2, 0, 1) == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0, "recall": 2 / 3, "f1": 0.8}
    assert ev.prf(0, 0, 0)["precision"] is None
    assert ev.prf(0, 1, 1)["f1"] == 0.0


def test_find_quote_ignores_spacing_and_case(ev):
    assert ev.find_quote("a  Thi đua\nbảo vệ", "thi đua bảo vệ") == (3, 17)
    assert ev.find_quote("abc", "zzz") is None


def test_item_metrics(result):
    # labels: covered, missing(✓ predicted missing), partial, missing(✗ covered), missing(✓), unplaced
    assert result["items_missing"] == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0,
                                       "recall": pytest.approx(2 / 3), "f1": pytest.approx(0.8)}
    assert result["confusion"] == {"covered": {"covered": 1}, "partial": {"partial": 1},
                                   "missing": {"covered": 1, "missing": 2}}
    assert result["unplaced_labels"] == 1


def test_finding_metrics(result):
    late = result["findings"]["late_deadline"]
    assert (late["tp"], late["fp"], late["fn"], late["f1"]) == (1, 0, 0, 1.0)
    award = result["findings"]["award_beyond_authority"]
    assert (award["tp"], award["fp"], award["fn"]) == (1, 0, 1)
    assert award["precision"] == 1.0 and award["recall"] == 0.5
    assert award["f1"] == pytest.approx(2 / 3)
    assert result["unlabelled_findings"] == {}


def test_json_output(ev, capsys):
    assert ev.main([str(PAIRS), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pairs"][0]["id"] == "quangbinh-lethuy" and out["pairs"][0]["coverage"] == 0.75


def test_select_by_split_and_ids(ev):
    pairs = [{"id": "a", "split": "dev"}, {"id": "b", "split": "heldout"}, {"id": "c", "split": "dev"}]
    assert [p["id"] for p in ev.select(pairs, "dev")] == ["a", "c"]
    assert [p["id"] for p in ev.select(pairs, "heldout")] == ["b"]
    assert [p["id"] for p in ev.select(pairs, ids=["c", "b"])] == ["b", "c"]
    assert [p["id"] for p in ev.select(pairs, "dev", ["b", "c"])] == ["c"]
    with pytest.raises(ValueError, match="zzz"):
        ev.select(pairs, ids=["zzz"])


def test_pairs_option_runs_only_those_pairs(ev, capsys):
    assert ev.main([str(PAIRS), "--json", "--pairs", "quangbinh-lethuy"]) == 0
    assert [p["id"] for p in json.loads(capsys.readouterr().out)["pairs"]] == ["quangbinh-lethuy"]
    assert ev.main([str(PAIRS), "--json", "--split", "heldout"]) == 0   # the fixture pairs have no split
    assert json.loads(capsys.readouterr().out)["pairs"] == []


def test_the_labelled_set_is_split_by_parent_document():
    import yaml
    pairs = yaml.safe_load((ROOT / "corpus" / "compliance" / "pairs.yaml").read_text(encoding="utf-8"))["pairs"]
    parents = {}
    for p in pairs:
        assert p["split"] in ("dev", "heldout")
        parents.setdefault(p["parent"], set()).add(p["split"])
    assert all(len(splits) == 1 for splits in parents.values())        # no parent in both splits
    assert sum(p["split"] == "dev" for p in pairs) == 4
