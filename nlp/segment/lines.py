"""The lines segmentation works on: one paragraph, cell or heading per line, with offsets.

Portal copies sometimes keep a flattened table row on one line ("BỘ NỘI VỤ | CỘNG HÒA …");
each ``|`` cell becomes a line of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.textutil import lines as text_lines

_CELL_BREAK = re.compile(r"\s+\|\s+")
_RULE_ONLY = re.compile(r"^[-_=*~.]{3,}$")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines of ``text[start:end]``, table cells split, rule-only lines dropped."""
    out: list[Line] = []
    for ls, le in text_lines(text, start, end):
        pos = ls
        for m in list(_CELL_BREAK.finditer(text, ls, le)) + [None]:
            stop = m.start() if m else le
            _add(out, text, pos, stop)
            if m:
                pos = m.end()
    return out


def _add(out: list[Line], text: str, s: int, e: int) -> None:
    while s < e and text[s] in " \t|":
        s += 1
    while e > s and text[e - 1] in " \t|":
        e -= 1
    # trailing decoration rules ("BỘ NỘI VỤ -------")
    piece = text[s:e]
    m = re.search(r"\s+[-_]{3,}$", piece)
    if m:
        e = s + m.start()
        piece = text[s:e]
    if piece and not _RULE_ONLY.match(piece):
        out.append(Line(s, e, piece))
