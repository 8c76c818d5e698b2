"""Rules and vocabularies live in nlp/resources/*.yaml; this loads (and caches) them."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed YAML file ``nlp/resources/<name>.yaml``."""
    path = _res.files("nlp") / "resources" / f"{name}.yaml"
    with path.open("r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if data is None:
        raise ValueError(f"resource {name}.yaml is empty")
    return data


def available() -> list[str]:
    folder = _res.files("nlp") / "resources"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))
