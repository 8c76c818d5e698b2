"""Ingest: whatever an office receives (text, DOCX, PDF, scans, Word 97) → one RawDocument.

    from ingest import load
    raw = load("plan.pdf")            # or load(data_bytes, name="plan.pdf")

Bad input raises an ``IngestError`` subclass naming the problem.
"""
from __future__ import annotations

from pathlib import Path

from ingest.errors import (
    ConverterMissing, CorruptDocument, DocumentLoadError, EmptyDocument, EncryptedDocument,
    FileTooLarge, IngestError, UnsupportedFormat,
)
from ingest.limits import DEFAULT_LIMITS, Limits
from ingest.sniff import sniff
from schema.raw import RawDocument, SourceFormat

__all__ = [
    "load", "read_bytes", "IngestError", "DocumentLoadError", "UnsupportedFormat", "EmptyDocument",
    "FileTooLarge", "CorruptDocument", "EncryptedDocument", "ConverterMissing", "Limits",
]


def _reader(fmt: SourceFormat):
    # Imported on demand: a text upload should not pay for pdfplumber or python-docx.
    if fmt is SourceFormat.TEXT:
        from ingest.text_reader import read
    elif fmt is SourceFormat.DOCX:
        from ingest.docx_reader import read
    elif fmt is SourceFormat.DOC:
        from ingest.doc_reader import read
    elif fmt is SourceFormat.PDF:
        from ingest.pdf_reader import read
    else:
        from ingest.image_reader import read
    return read


def read_bytes(data: bytes, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    if not data or not data.strip():
        raise EmptyDocument("the file is empty", source=name)
    if len(data) > limits.max_bytes:
        raise FileTooLarge(f"the file is {len(data):,} bytes; the limit is {limits.max_bytes:,}",
                           source=name)
    fmt = sniff(data)
    if fmt is None:
        raise UnsupportedFormat("not a document kehoach reads (text, DOCX, DOC, PDF or image)",
                                source=name)
    raw = _reader(fmt)(data, name, limits)
    if not raw.text.strip():
        raise EmptyDocument(f"no text could be read from this {fmt.value.upper()} file", source=name)
    return raw


def load(source: str | Path | bytes, name: str | None = None,
         limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read a file (path) or its bytes into a RawDocument."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return read_bytes(bytes(source), name, limits)
    path = Path(source)
    name = name or path.name
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DocumentLoadError(f"cannot open the file ({e.strerror or e})", source=name) from None
    if path.is_dir():
        raise UnsupportedFormat("is a folder, not a file", source=name)
    if size > limits.max_bytes:
        raise FileTooLarge(f"the file is {size:,} bytes; the limit is {limits.max_bytes:,}", source=name)
    return read_bytes(path.read_bytes(), name, limits)
