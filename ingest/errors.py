"""Typed errors for bad input.  Each names the problem in words a user can act on.

Bad input is never an internal defect: callers (CLI, API) show ``str(error)`` and the
``code``; nothing is stored for a document whose load failed.
"""
from __future__ import annotations


class IngestError(Exception):
    """Base of every error that means 'this input cannot be read'."""
    code = "ingest_error"

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class DocumentLoadError(IngestError):
    """The file is of a known kind but cannot be read."""
    code = "load_error"


class UnsupportedFormat(IngestError):
    code = "unsupported_format"


class EmptyDocument(IngestError):
    code = "empty_document"


class FileTooLarge(IngestError):
    code = "file_too_large"


class CorruptDocument(DocumentLoadError):
    code = "corrupt_document"


class EncryptedDocument(DocumentLoadError):
    code = "encrypted_document"


class ConverterMissing(DocumentLoadError):
    """A system tool this format needs (OCR, .doc converter) is not installed."""
    code = "converter_missing"
