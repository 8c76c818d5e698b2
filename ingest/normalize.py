"""Character-level clean-up shared by every reader: NFC, odd spaces, control characters."""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_inline(text: str) -> str:
    """One line of text: NFC, invisible characters dropped, runs of spaces folded, trimmed."""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
