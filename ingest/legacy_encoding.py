"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) → Unicode.  Placeholder: see issue 2."""
from __future__ import annotations


def convert_if_legacy(text: str) -> tuple[str, str | None]:
    """Return (unicode text, name of the legacy encoding converted or None)."""
    return text, None
