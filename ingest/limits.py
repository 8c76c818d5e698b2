"""Limits that keep one bad file from taking the machine down (overridable by env)."""
from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    max_bytes: int = _env_int("KEHOACH_MAX_FILE_BYTES", 50 * 1024 * 1024)
    max_pages: int = _env_int("KEHOACH_MAX_PAGES", 400)
    max_unzipped_bytes: int = _env_int("KEHOACH_MAX_UNZIPPED_BYTES", 200 * 1024 * 1024)
    max_zip_ratio: int = 200                 # a DOCX part inflating more than this is a bomb
    converter_timeout_s: int = _env_int("KEHOACH_CONVERTER_TIMEOUT", 120)
    ocr_timeout_s: int = _env_int("KEHOACH_OCR_TIMEOUT", 120)   # per page


DEFAULT_LIMITS = Limits()
