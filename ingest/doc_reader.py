"""Word 97–2003 ``.doc`` (and other OLE2 containers) → RawDocument.

An OLE2 file is first looked into (its directory only): an encrypted Office file (a
password-protected DOCX is an OLE2 container holding ``EncryptedPackage``; a protected Word 97
file sets ``fEncrypted`` in its FIB) raises EncryptedDocument, and a container without a
``WordDocument`` stream (Excel, PowerPoint, Outlook) is not a Word file.

A Word file is converted by LibreOffice headless to DOCX and read by the DOCX reader, so tables,
numbering and styles survive; ``source_format`` stays DOC and the hash is the .doc's.  When
LibreOffice is missing or fails, ``antiword`` gives plain text.  Each soffice call gets its own
profile directory (parallel conversions would otherwise fight over one), all temporary files
are removed, and a conversion that outlives ``Limits.converter_timeout_s`` is killed.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from ingest.errors import ConverterMissing, CorruptDocument, EncryptedDocument, UnsupportedFormat
from ingest.limits import Limits
from schema.raw import RawDocument, SourceFormat

INSTALL_HINT = "install LibreOffice or antiword (scripts/install-system-deps.sh)"
SOFFICE_NAMES = ("soffice", "libreoffice")
DOCX_FILTER = "docx:MS Word 2007 XML"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE_OR_END = 0xFFFFFFFA                 # sector ids at or above this are markers, not sectors
_MAX_CHAIN = 1 << 20
WORD_STREAM = "WordDocument"
ENCRYPTED_STREAMS = ("EncryptedPackage", "EncryptionInfo")
OTHER_OFFICE_STREAMS = {
    "Workbook": "an Excel workbook", "Book": "an Excel workbook",
    "PowerPoint Document": "a PowerPoint presentation", "__substg1.0_1000001F": "an Outlook message",
}
FIB_MAGIC = 0xA5EC
FIB_ENCRYPTED = 0x0100
# antiword lays side-by-side header cells out with tabs
_COLUMN_GAP = re.compile(r"(?<=\S)[ ]*\t\s*(?=\S)")


class ConversionFailed(Exception):
    """One converter could not turn the file into something readable."""

# ---------------------------------------------------------------------------------------------
# OLE2 directory


class OleContainer:
    """Just enough of the Compound File Binary format to list streams and read their start."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(OLE_MAGIC):
            raise ValueError("not an OLE2 container")
        self.data = data
        self.sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        if self.sector_size not in (512, 4096):
            raise ValueError(f"odd sector size {self.sector_size}")
        fat_sectors = self._difat()
        fat = bytearray()
        for sector in fat_sectors:
            fat += self._sector(sector)
        self.fat = struct.unpack_from(f"<{len(fat) // 4}I", fat)
        first_dir = struct.unpack_from("<I", data, 0x30)[0]
        self.entries = self._directory(first_dir)

    def _sector(self, sector: int) -> bytes:
        start = (sector + 1) * self.sector_size
        if start + self.sector_size > len(self.data):
            raise ValueError(f"sector {sector} lies beyond the end of the file")
        return self.data[start:start + self.sector_size]

    def _difat(self) -> list[int]:
        count = struct.unpack_from("<I", self.data, 0x2C)[0]
        entries = list(struct.unpack_from("<109I", self.data, 0x4C))
        sector = struct.unpack_from("<I", self.data, 0x44)[0]
        per_sector = self.sector_size // 4 - 1
        hops = 0
        while sector < _FREE_OR_END and hops < _MAX_CHAIN:
            block = self._sector(sector)
            entries.extend(struct.unpack_from(f"<{per_sector}I", block))
            sector = struct.unpack_from("<I", block, per_sector * 4)[0]
            hops += 1
        return [s for s in entries if s < _FREE_OR_END][:count]

    def chain(self, start: int):
        sector, hops = start, 0
        while sector < _FREE_OR_END:
            if sector >= len(self.fat) or hops > _MAX_CHAIN:
                raise ValueError("broken sector chain")
            yield sector
            sector = self.fat[sector]
            hops += 1

    def _directory(self, first: int) -> dict[str, tuple[int, int, int]]:
        """name → (type, start sector, size)."""
        entries = {}
        for sector in self.chain(first):
            block = self._sector(sector)
            for off in range(0, self.sector_size, 128):
                name_len = struct.unpack_from("<H", block, off + 0x40)[0]
                kind = block[off + 0x42]
                if kind == 0 or not 2 <= name_len <= 64:
                    continue
                name = block[off:off + name_len - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<IQ", block, off + 0x74)
                entries[name] = (kind, start, size)
        return entries

    def stream_start(self, name: str, length: int) -> bytes:
        """The first ``length`` bytes of a stream kept in regular sectors (≥ 4096 bytes)."""
        _, start, size = self.entries[name]
        out = bytearray()
        for sector in self.chain(start):
            out += self._sector(sector)
            if len(out) >= min(length, size):
                break
        return bytes(out[:min(length, size)])


def inspect_container(data: bytes, name: str | None) -> None:
    """Raise the right error for an OLE2 file that is not a readable Word document."""
    try:
        ole = OleContainer(data)
    except (ValueError, struct.error) as e:
        raise CorruptDocument(f"the Word 97 file is damaged: its OLE2 container cannot be read ({e})",
                              source=name) from None
    if any(stream in ole.entries for stream in ENCRYPTED_STREAMS):
        raise EncryptedDocument("the document is password-protected (encrypted Office file); "
                                "save it without a password and upload it again", source=name)
    if WORD_STREAM not in ole.entries:
        what = next((label for stream, label in OTHER_OFFICE_STREAMS.items()
                     if stream in ole.entries), "an OLE2 file without a Word document")
        raise UnsupportedFormat(f"this is {what}, not a Word document", source=name)
    try:
        fib = ole.stream_start(WORD_STREAM, 12)
    except (ValueError, struct.error):
        return                                    # let the converter judge the damage
    if len(fib) >= 12:
        ident, flags = struct.unpack_from("<H", fib, 0)[0], struct.unpack_from("<H", fib, 0x0A)[0]
        if ident == FIB_MAGIC and flags & FIB_ENCRYPTED:
            raise EncryptedDocument("the Word 97 document is password-protected; save it without "
                                    "a password and upload it again", source=name)

# ---------------------------------------------------------------------------------------------
# converters


def _run(cmd: list[str], timeout: int, cwd: str) -> subprocess.CompletedProcess:
    """Run a converter in its own process group; on timeout the whole group is killed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise ConversionFailed(f"{Path(cmd[0]).name} took longer than {timeout} s") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def soffice_path() -> str | None:
    return next((p for p in map(shutil.which, SOFFICE_NAMES) if p), None)


def convert_with_soffice(data: bytes, limits: Limits, soffice: str) -> bytes:
    """The DOCX LibreOffice makes of ``data``."""
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        work = Path(tmp)
        source = work / "input.doc"
        source.write_bytes(data)
        out_dir = work / "out"
        profile = (work / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible",
               "--norestore", "--nolockcheck", "--nodefault", "--nologo",
               "--convert-to", DOCX_FILTER, "--outdir", str(out_dir), str(source)]
        result = _run(cmd, limits.converter_timeout_s, tmp)
        converted = out_dir / "input.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise ConversionFailed(f"LibreOffice produced no DOCX (exit {result.returncode}"
                                   f"{': ' + detail[:200] if detail else ''})")
        return converted.read_bytes()


def convert_with_antiword(data: bytes, limits: Limits, antiword: str) -> str:
    """Plain UTF-8 text of ``data``, side-by-side columns joined by " | "."""
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        result = _run([antiword, "-m", "UTF-8.txt", "-w", "0", str(source)],
                      limits.converter_timeout_s, tmp)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()
        raise ConversionFailed(f"antiword failed (exit {result.returncode}: {detail[:200]})")
    text = result.stdout.decode("utf-8", "replace")
    return "\n".join(_COLUMN_GAP.sub(" | ", line.strip()) if not line.lstrip().startswith("|")
                     else line for line in text.split("\n"))

# ---------------------------------------------------------------------------------------------
# entry point


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    inspect_container(data, name)
    soffice, antiword = soffice_path(), shutil.which("antiword")
    if not soffice and not antiword:
        raise ConverterMissing(f"reading Word 97 .doc files needs a converter; {INSTALL_HINT}",
                               source=name)
    failures: list[str] = []
    if soffice:
        try:
            docx_bytes = convert_with_soffice(data, limits, soffice)
        except (ConversionFailed, OSError) as e:
            failures.append(str(e))
        else:
            from ingest.docx_reader import read_docx
            return read_docx(docx_bytes, name, limits, source_format=SourceFormat.DOC, original=data)
    if antiword:
        try:
            text = convert_with_antiword(data, limits, antiword)
        except (ConversionFailed, OSError) as e:
            failures.append(str(e))
        else:
            from ingest.text_reader import build_text_document
            warnings = [f"LibreOffice could not convert the file ({failures[0]}); "
                        "read with antiword: tables and numbering are approximate"] if failures \
                else ["read with antiword (LibreOffice is not installed): tables and numbering "
                      "are approximate"]
            return build_text_document(text, data, name, SourceFormat.DOC, "utf-8", warnings)
    raise CorruptDocument("the Word 97 file could not be converted: " + "; ".join(failures),
                          source=name)
