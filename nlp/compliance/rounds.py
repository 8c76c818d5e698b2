"""Rounds and stages a sentence names ("hội nghị hiệp thương lần thứ hai", "đợt 1", "giai đoạn 2"):
a date or a heading of one round says nothing about another (``compliance.yaml: ordinals``)."""
from __future__ import annotations

import re
from functools import lru_cache

from nlp.compliance.config import rules
from nlp.textutil import alternation, fold


@lru_cache(maxsize=1)
def _ordinal_pattern() -> re.Pattern:
    r = rules()["ordinals"]
    return re.compile(rf"\b({alternation(r['nouns'])})\s+(?:thứ\s+)?(\d+|{alternation(rules()['number_words'])})\b")


def ordinals(text: str) -> dict[str, set[int]]:
    """The rounds a sentence names, by noun: "hội nghị hiệp thương lần thứ hai" → {"lần": {2}}."""
    numbers = rules()["number_words"]
    out: dict[str, set[int]] = {}
    for noun, n in _ordinal_pattern().findall(fold(text)):
        out.setdefault(noun, set()).add(int(n) if n.isdigit() else numbers[n])
    return out


def other_round(a: dict[str, set[int]], b: dict[str, set[int]]) -> bool:
    """Both name a round of the same kind, and not the same one: the second consultation's
    date answers nothing the first one's sets."""
    return any(noun in b and not (a[noun] & b[noun]) for noun in a)
