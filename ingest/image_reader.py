"""Images (PNG, JPEG, TIFF — one page per TIFF frame, BMP) → RawDocument through Tesseract.

Words become lines, regions and paragraphs exactly as for a scanned PDF page
(``pdf_reader.assemble``).  Boxes are in points when the image states its resolution,
else the image is taken to be a 300 dpi scan.
"""
from __future__ import annotations

import io
import logging
import time

from PIL import Image, ImageOps, UnidentifiedImageError

from ingest import ocr
from ingest.errors import CorruptDocument, FileTooLarge
from ingest.limits import Limits
from ingest.pdf_reader import PageSpans, assemble, word_spans
from schema.raw import PageInfo, RawDocument, SourceFormat

log = logging.getLogger("kehoach.ingest")

_ASSUMED_DPI = 300
_MIN_STATED_DPI = 100        # phones and screenshots state 72/96 dpi whatever the scale


def _dpi(image: Image.Image) -> float:
    stated = image.info.get("dpi")
    try:
        value = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if value >= _MIN_STATED_DPI else _ASSUMED_DPI


def _frames(image: Image.Image, limit: int):
    for index in range(min(getattr(image, "n_frames", 1), limit)):
        image.seek(index)
        yield index, ImageOps.exif_transpose(image.convert("L"))


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    ocr.ensure_available(name)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        raise FileTooLarge("the image has too many pixels", source=name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise CorruptDocument(f"the image is damaged and cannot be read ({e})", source=name) from None

    warnings: list[str] = []
    total = getattr(image, "n_frames", 1)
    if total > limits.max_pages:
        warnings.append(f"the image has {total} pages; only the first {limits.max_pages} were read")
    pages: list[PageSpans] = []
    infos: list[PageInfo] = []
    for index, frame in _frames(image, limits.max_pages):
        scale = 72 / _dpi(frame if frame.info.get("dpi") else image)
        started = time.perf_counter()
        try:
            result = ocr.recognise(frame, scale=scale, timeout_s=limits.ocr_timeout_s)
        except RuntimeError as e:
            warnings.append(f"page {index + 1}: OCR failed ({e})")
            continue
        width, height = frame.width * scale, frame.height * scale
        pages.append(PageSpans(number=index + 1, width=width, height=height,
                               spans=word_spans(result.words), ocr=True))
        confidence = round(result.confidence, 3) if result.confidence is not None else None
        infos.append(PageInfo(number=index + 1, width=round(width, 2), height=round(height, 2),
                              ocr=True, ocr_confidence=confidence))
        log.info("OCR %s page %d of %d: %.1f s, confidence %s", name or "image", index + 1,
                 min(total, limits.max_pages), time.perf_counter() - started,
                 "-" if confidence is None else f"{confidence:.2f}")
    builder = assemble(pages)
    builder.pages = infos
    builder.warnings = warnings + builder.warnings
    return builder.build(data, SourceFormat.IMAGE, name)
