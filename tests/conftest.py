"""Shared fixtures: the shared real documents, the seeds, and helpers to make real files."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
REALDOCS = SHARED / "realdocs"
CORPUS = ROOT / "corpus"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(*names: str) -> None:
    """Skip locally when a system tool is missing; in CI a missing tool is a failure."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        message = f"system tool(s) not installed: {', '.join(missing)} (scripts/install-system-deps.sh)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def require_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")


@pytest.fixture
def realdocs() -> Path:
    require_shared()
    return REALDOCS


@pytest.fixture
def seeds() -> Path:
    require_shared()
    return SEEDS
