"""Character-level clean-up shared by every reader: NFC, odd spaces, control characters."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1ea0-\u1ef9]")


@lru_cache(maxsize=1)
def _homoglyphs() -> dict[int, str]:
    path = Path(__file__).with_name("resources") / "homoglyphs.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, latin = line.split("\t")
            table[ord(source)] = latin
    return table


def latinise_homoglyphs(text: str) -> str:
    """Cyrillic/Greek look-alikes inside Latin words become Latin ("BTС" → "BTC"); length is kept."""
    table = _homoglyphs()

    def fix(m: re.Match) -> str:
        word = m.group()
        if _LATIN.search(word) and any(ord(c) in table for c in word):
            return word.translate(table)
        return word

    return _WORD.sub(fix, text)


def clean_inline(text: str) -> str:
    """One line of text: NFC, invisible characters dropped, runs of spaces folded, trimmed."""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = latinise_homoglyphs(_CONTROL.sub(" ", text))
    return _SPACES.sub(" ", text).strip()
