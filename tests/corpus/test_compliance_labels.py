"""The labelled compliance set (corpus/compliance/pairs.yaml) is well formed.

Every quote must be an exact substring of the text ingest produces for its document, because
the compliance checker is scored on that text. Counts guard the minimum size of the set.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

import ingest
from tests.conftest import CORPUS

COMPLIANCE = CORPUS / "compliance"
PAIRS_FILE = COMPLIANCE / "pairs.yaml"
STATUSES = {"covered", "partial", "missing"}
FINDING_KINDS = {"late_deadline", "on_time_deadline", "award_beyond_authority", "award_within_authority"}
PAIR_KINDS = {"real", "variant"}
DEADLINE_KINDS = {"late_deadline", "on_time_deadline"}

LABELS = yaml.safe_load(PAIRS_FILE.read_text(encoding="utf-8"))
PAIRS = LABELS["pairs"]
PAIR_IDS = [p["id"] for p in PAIRS]


@lru_cache(maxsize=None)
def text_of(rel_path: str) -> str:
    return ingest.load(COMPLIANCE / rel_path).text


def _items():
    return [(p, it) for p in PAIRS for it in p["items"]]


def _findings():
    return [(p, f) for p in PAIRS for f in p["findings"]]


def test_header():
    assert LABELS["version"] == 1
    assert LABELS["status"] == "final"


def test_minimum_size():
    kinds = Counter(f["kind"] for _, f in _findings())
    assert len(PAIRS) >= 4
    assert len(_items()) >= 30
    assert kinds["late_deadline"] >= 5
    assert kinds["award_beyond_authority"] >= 5
    assert kinds["on_time_deadline"] >= 1 and kinds["award_within_authority"] >= 1, "negatives are needed"
    assert sum(p["kind"] == "real" for p in PAIRS) >= 2


def test_ids_are_unique():
    assert len(set(PAIR_IDS)) == len(PAIR_IDS)
    for pair in PAIRS:
        ids = [it["id"] for it in pair["items"]]
        assert len(set(ids)) == len(ids), pair["id"]


@pytest.mark.parametrize("pair", PAIRS, ids=PAIR_IDS)
def test_pair_shape(pair):
    assert pair["kind"] in PAIR_KINDS
    for key in ("parent", "child"):
        assert (COMPLIANCE / pair[key]).is_file(), pair[key]
    if pair["kind"] == "variant":
        assert pair["derived_from"] and (COMPLIANCE / pair["derived_from"]).is_file()
        assert pair["changes"], "a variant must say what was changed"
    else:
        assert pair["derived_from"] is None and pair["changes"] == []
    assert pair["items"], "a pair without parent items labels nothing"


@pytest.mark.parametrize("pair", PAIRS, ids=PAIR_IDS)
def test_item_quotes_are_exact(pair):
    parent, child = text_of(pair["parent"]), text_of(pair["child"])
    for item in pair["items"]:
        where = f"{pair['id']}/{item['id']}"
        assert item["status"] in STATUSES, where
        assert 20 <= len(item["parent_quote"]) <= 120, where
        assert item["parent_quote"] in parent, where
        if item["status"] == "missing":
            assert item["child_quote"] is None, where
        else:
            assert item["child_quote"] and item["child_quote"] in child, where
        assert item["note"].strip(), where


@pytest.mark.parametrize("pair", PAIRS, ids=PAIR_IDS)
def test_finding_quotes_are_exact(pair):
    parent, child = text_of(pair["parent"]), text_of(pair["child"])
    for finding in pair["findings"]:
        where = f"{pair['id']}/{finding['child_quote'][:30]}"
        assert finding["kind"] in FINDING_KINDS, where
        assert finding["child_quote"] in child, where
        if finding["kind"] in DEADLINE_KINDS:
            assert finding["parent_quote"] and finding["parent_quote"] in parent, where
        else:
            assert finding["parent_quote"] is None, where
        assert finding["note"].strip(), where


def test_variant_changes_are_absent_from_the_real_child():
    """A late deadline or beyond-authority award in a variant must be something the variant
    introduced: its sentence may not already be in the real child it was made from."""
    for pair, finding in _findings():
        if pair["kind"] != "variant" or finding["kind"] not in {"late_deadline", "award_beyond_authority"}:
            continue
        assert finding["child_quote"] not in text_of(pair["derived_from"]), (pair["id"], finding["child_quote"])


def test_sources_lists_every_document_with_its_hash():
    sources = (COMPLIANCE / "SOURCES.md").read_text(encoding="utf-8")
    used = {p[k] for p in PAIRS for k in ("parent", "child")}
    on_disk = {f"docs/{f.name}" for f in (COMPLIANCE / "docs").iterdir()}
    assert used == on_disk, "every document in docs/ is used and every used document is there"
    for rel in sorted(used):
        digest = hashlib.sha256((COMPLIANCE / rel).read_bytes()).hexdigest()[:12]
        assert Path(rel).name in sources and digest in sources, rel


def test_docs_stay_small():
    total = sum(f.stat().st_size for f in (COMPLIANCE / "docs").iterdir())
    assert total < 3_000_000
