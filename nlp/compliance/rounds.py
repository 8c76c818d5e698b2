"""Rounds and stages a sentence names ("hội nghị hiệp thương lần thứ hai", "đợt 1", "giai đoạn 2"):
a date or a heading of one round says nothing about another (``compliance.yaml: ordinals``)."""
from __future__ import annotations

import re
from functools import lru_cache

from nlp.compliance.config import rules
from nlp.textutil import fold


@lru_cache(maxsize=1)
def _ordinal_pattern() -> re.Pattern:
    r = rules()["ordinals"]
    nouns = "|".join(sorted(map(re.escape, r["nouns"]), key=len, reverse=True))
    words = "|".join(sorted(map(re.escape, r["numbers"]), key=len, reverse=True))
    return re.compile(rf"\b({nouns})\s+(?:thứ\s+)?(\d+|{words})\b")


def ordinals(text: str) -> dict[str, set[int]]:
    """The rounds a sentence names, by noun: "hội nghị hiệp thương lần thứ hai" → {"lần": {2}}."""
    numbers = rules()["ordinals"]["numbers"]
    out: dict[str, set[int]] = {}
    for noun, n in _ordinal_pattern().findall(fold(text)):
        out.setdefault(noun, set()).add(int(n) if n.isdigit() else numbers[n])
    return out


def other_round(a: dict[str, set[int]], b: dict[str, set[int]]) -> bool:
    """Both name a round of the same kind, and not the same one: the second consultation's
    date answers nothing the first one's sets."""
    return any(noun in b and not (a[noun] & b[noun]) for noun in a)
