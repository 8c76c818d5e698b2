"""Tesseract OCR (Vietnamese model) of one page image → words with boxes and confidences.

Only this module talks to Tesseract.  Readers turn the words into lines and blocks
(``ingest.pdf_reader.assemble``) the same way as text-layer PDF pages.
"""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from functools import lru_cache

from ingest.errors import ConverterMissing

log = logging.getLogger("kehoach.ingest")

LANGUAGE = "vie"
RENDER_DPI = 300
INSTALL_HINT = "install Tesseract and its Vietnamese model with scripts/install-system-deps.sh"
# Tesseract's default page segmentation finds the two-column header and the signature
# columns; preserve_interword_spaces keeps word gaps out of the text.
_CONFIG = "--oem 1 --psm 3 -c preserve_interword_spaces=0"


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float          # 0..1
    line_key: tuple[int, int, int]   # Tesseract (block, paragraph, line)


@dataclass
class OcrPage:
    words: list[Word]
    confidence: float | None   # mean word confidence 0..1, None when nothing was read


@lru_cache(maxsize=1)
def _check() -> str | None:
    """None when OCR can run, else what is missing."""
    if shutil.which("tesseract") is None:
        return "the OCR program tesseract is not installed"
    try:
        import pytesseract
        languages = pytesseract.get_languages(config="")
    except Exception as e:                                     # noqa: BLE001 - any failure means unusable
        return f"tesseract cannot run ({e})"
    if LANGUAGE not in languages:
        return "tesseract has no Vietnamese model (vie)"
    return None


def ensure_available(source: str | None = None) -> None:
    problem = _check()
    if problem:
        raise ConverterMissing(f"{problem}; {INSTALL_HINT}", source=source)


def recognise(image, *, scale: float = 1.0, timeout_s: int = 120) -> OcrPage:
    """OCR a PIL image.  Boxes are multiplied by ``scale`` (image pixels → PDF points).

    Raises RuntimeError when Tesseract runs past ``timeout_s``."""
    import pytesseract

    ensure_available()
    data = pytesseract.image_to_data(image, lang=LANGUAGE, config=_CONFIG,
                                     output_type=pytesseract.Output.DICT, timeout=timeout_s)
    words: list[Word] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(Word(text=text, x0=x * scale, top=y * scale, x1=(x + w) * scale,
                          bottom=(y + h) * scale, confidence=conf / 100.0,
                          line_key=(data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    return OcrPage(words=words, confidence=confidence)
