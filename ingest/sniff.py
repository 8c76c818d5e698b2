"""Tells a file's format from its bytes, never from its name."""
from __future__ import annotations

import io
import zipfile

from schema.raw import SourceFormat

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"
PDF_PREFIX_TOLERANCE = 1024          # real scans carry junk bytes before %PDF
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


def pdf_offset(data: bytes) -> int:
    """Where ``%PDF-`` starts within the first KiB, or -1."""
    return data.find(PDF_MAGIC, 0, PDF_PREFIX_TOLERANCE)


def sniff(data: bytes) -> SourceFormat | None:
    """The format of ``data``, or None when it is none kehoach reads."""
    if pdf_offset(data) >= 0:
        return SourceFormat.PDF
    if data.startswith(OLE2_MAGIC):
        return SourceFormat.DOC
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return SourceFormat.DOCX          # claimed zip; the DOCX reader will name the damage
        return SourceFormat.DOCX if "word/document.xml" in names else None
    if any(data.startswith(m) for m in IMAGE_MAGICS):
        return SourceFormat.IMAGE
    if data.lstrip()[:5].lower() in (b"{\\rtf",):
        return None
    if looks_like_text(data):
        return SourceFormat.TEXT
    return None


def looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if sample.count(b"\x00") > len(sample) // 4 and len(sample) >= 2:
        # UTF-16 without BOM: every other byte NUL on ASCII text
        even, odd = sample[0::2], sample[1::2]
        return even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 4:          # cut mid-character at the sample's end
            text = sample[:e.start].decode("utf-8", "ignore")
        else:
            try:
                text = sample.decode("cp1258")
            except UnicodeDecodeError:
                return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return bad <= max(2, len(text) // 200)
