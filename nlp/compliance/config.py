"""The compliance vocabulary and thresholds (``nlp/resources/compliance.yaml``), folded once."""
from __future__ import annotations

from functools import lru_cache

from nlp import resources
from nlp.textutil import fold


@lru_cache(maxsize=1)
def rules() -> dict:
    r = dict(resources.load("compliance"))
    for key in ("content_parts", "skip_parts", "skip_items", "task_parts", "delegation_cues",
                "proposal_cues", "grant_cues", "plan_deliverable_cues", "task_heads",
                "responsibility_heading_cues", "content_despite_skip"):
        r[key] = [fold(x) for x in r[key]]
    for key in ("stop_words", "level_words", "deadline_noise"):
        r[key] = frozenset(fold(x) for x in r[key])
    r["synonyms"] = [[fold(p) for p in group] for group in r["synonyms"]]
    r["issuer_authority"] = {fold(k): v for k, v in r["issuer_authority"].items()}
    r["authority_abbreviations"] = {fold(k): fold(v) for k, v in r["authority_abbreviations"].items()}
    r["authority_fillers"] = [fold(x) for x in r["authority_fillers"]]
    return r


def threshold(name: str) -> float:
    return float(rules()["thresholds"][name])


def has_cue(folded: str, cues: list[str]) -> bool:
    return any(c in folded for c in cues)
