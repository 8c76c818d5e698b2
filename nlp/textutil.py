"""Small text helpers shared by the NLP stages: folding for comparison, sentences, lines."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Old-style tone placement ("hoà", "uỷ") → new style ("hòa", "ủy"), as the scorer compares.
_TONE_MOVE: dict[str, str] = {}
for _base, _marks in (("a", "àáảãạ"), ("e", "èéẻẽẹ")):
    for _i, _m in enumerate(_marks):
        _TONE_MOVE["o" + _m] = "òóỏõọ"[_i] + _base
for _i, _m in enumerate("ỳýỷỹỵ"):
    _TONE_MOVE["u" + _m] = "ùúủũụ"[_i] + "y"
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_TONE_MOVE) + r")(?![a-zà-ỹ])")


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (so "ban hành kế hoạch" wins over "ban
    hành"), each space matching any run of white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tone_style(text: str) -> str:
    """One tone-mark style (new): 'hoà' → 'hòa', 'uỷ' → 'ủy'.  Lower-case input expected."""
    return _TONE_RE.sub(lambda m: _TONE_MOVE[m.group(1)], text)


def fold(text: str) -> str:
    """Comparison key: NFC, lower case, one tone style, single spaces, no punctuation at the ends."""
    text = tone_style(nfc(text).lower())
    return " ".join(text.split()).strip(" .,;:-–")


def strip_diacritics(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            s, e = pos, stop
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            yield s, e
        pos = stop + 1


_SENTENCE_BREAK = re.compile(r"(?<=[.;!?])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ“\"(0-9])|\n")
_ABBREV_END = re.compile(r"(?:\b(?:TM|KT|TL|TUQ|Q|TP|Tp|ThS|TS|PGS|GS|Đ/c|đ/c|v\.v|St|Số|số|tr|Ô|B|Ô\.|Bà)\.|\b[A-ZĐ]\.)$")


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``; a newline always ends one."""
    end = len(text) if end is None else end
    for ls, le in lines(text, start, end):
        seg_start = ls
        for m in _SENTENCE_BREAK.finditer(text, ls, le):
            if _ABBREV_END.search(text, max(ls, m.start() - 6), m.start()):
                continue
            s, e = seg_start, m.start()
            if text[s:e].strip():
                yield s, e
            seg_start = m.end()
        if text[seg_start:le].strip():
            yield seg_start, le
