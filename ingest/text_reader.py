"""Plain text and portal markdown-ish text (thuvienphapluat, vbpl copies).

Decodes (UTF-8 with or without BOM, UTF-16, Windows-1258), drops table pipes and
``**``/``*`` emphasis markup, and joins hard-wrapped lines back into paragraphs while
headings, list items and table cells stay on their own lines.
"""
from __future__ import annotations

import re

from ingest.builder import TextBuilder
from ingest.errors import DocumentLoadError
from ingest.legacy_encoding import convert_if_legacy
from ingest.limits import Limits
from schema.raw import BlockKind, RawDocument, SourceFormat, SourceLocation, Style

_LIST_START = re.compile(
    r"^(?:[IVXLC]+[.:]\s|\d+(?:\.\d+)*[.)]\s|\d+\s\.\s|[a-zđ][)]\s|[-+•*–]\s|"
    r"(?:Phần|Chương|Mục|Điều|Phụ lục|PHẦN|CHƯƠNG|MỤC|ĐIỀU|PHỤ LỤC)\s|"
    r"(?:Căn cứ|Thực hiện|Nơi nhận|Kính gửi|Số:|Số\s)|(?:TM|KT|Q|TL|TUQ)\.\s)")
_STANDALONE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|THÔNG BÁO|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|CHƯƠNG TRÌNH|"
    r"THÔNG TƯ|NGHỊ ĐỊNH|LUẬT|CÔNG ĐIỆN|BIÊN BẢN|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|PHƯƠNG ÁN|"
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$")
_SENTENCE_END = re.compile(r"[.;:!?]\s*$|\./\.$")
_RULE = re.compile(r"^[-_=*~.]{3,}$")
_EMPHASIS = re.compile(r"\*{1,3}")


def decode(data: bytes, name: str | None) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    sample = data[:4096]
    if sample and (sample[1::2].count(0) > len(sample) * 0.15 or sample[0::2].count(0) > len(sample) * 0.15):
        codec = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
        return data.decode(codec, "replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as e:
        raise DocumentLoadError(f"text in an unknown encoding (byte {e.start})", source=name) from None


def _is_caps(line: str) -> bool | None:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return None
    return all(c.isupper() for c in letters)


def _starts_block(line: str) -> bool:
    return bool(_LIST_START.match(line))


def _paragraphs(lines: list[tuple[int, str, bool]]):
    """Group (line number, text, is_cell_break) into paragraphs: list of (first line, text, in_table)."""
    current: list[str] = []
    first = 0
    cell = False
    for lineno, text, in_table in lines:
        if text == "":
            if current:
                yield first, " ".join(current), cell
                current = []
            continue
        caps_prev, caps_next = _is_caps(current[-1]) if current else None, _is_caps(text)
        join = bool(current) and not _starts_block(text) and not _SENTENCE_END.search(current[-1]) \
            and not (caps_prev is not None and caps_next is not None and caps_prev != caps_next) \
            and not _STANDALONE.match(current[-1]) and not _STANDALONE.match(text) and in_table == cell
        if join:
            current.append(text)
        else:
            if current:
                yield first, " ".join(current), cell
            current, first, cell = [text], lineno, in_table
    if current:
        yield first, " ".join(current), cell


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    text, encoding = decode(data, name)
    text, legacy = convert_if_legacy(text)
    lines: list[tuple[int, str, bool]] = []
    in_table = False
    for lineno, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("|") or stripped.endswith("|"):
            in_table = True
            for part in stripped.split("|"):
                part = _EMPHASIS.sub("", part).strip()
                lines.append((lineno, "" if _RULE.match(part or "---") else part, True))
            continue
        stripped = _EMPHASIS.sub("", stripped).strip()
        if _RULE.match(stripped):
            stripped = ""
        lines.append((lineno, stripped, in_table and bool(stripped) and False))
    builder = TextBuilder()
    for lineno, para, cell in _paragraphs(lines):
        builder.add(para, kind=BlockKind.TABLE_CELL if cell else BlockKind.PARAGRAPH,
                    location=SourceLocation(line=lineno), style=Style(caps=bool(_is_caps(para))))
    return builder.build(data, SourceFormat.TEXT, name, encoding=legacy or encoding)
