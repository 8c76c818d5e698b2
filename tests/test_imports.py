"""`schema`, `nlp`, `service` and `ingest` are also names of PyPI packages: ours must win."""
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["schema", "nlp", "service", "ingest"])
def test_package_resolves_inside_this_repository(name):
    module = importlib.import_module(name)
    assert Path(module.__file__).resolve().is_relative_to(ROOT / name)
