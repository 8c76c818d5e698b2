"""Builders of real files for the ingest tests: DOCX (with Word numbering, header and
signature tables, footnotes), zip bombs, OLE2 containers (encrypted Office files)."""
from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ---------------------------------------------------------------------------------------------
# DOCX


@dataclass
class Lvl:
    """One level of a Word list definition (numbering.xml ``w:lvl``)."""
    fmt: str
    text: str
    start: int | None = 1
    restart: int | None = None


@dataclass
class NumberingSpec:
    abstracts: dict[int, list[Lvl]] = field(default_factory=dict)
    # numId → (abstractNumId, {ilvl: startOverride})
    nums: dict[int, tuple[int, dict[int, int]]] = field(default_factory=dict)

    def xml(self) -> str:
        parts = [f'<w:numbering xmlns:w="{W_NS}">']
        for aid, levels in self.abstracts.items():
            parts.append(f'<w:abstractNum w:abstractNumId="{aid}">'
                         '<w:multiLevelType w:val="multilevel"/>')
            for ilvl, lvl in enumerate(levels):
                start = f'<w:start w:val="{lvl.start}"/>' if lvl.start is not None else ""
                restart = f'<w:lvlRestart w:val="{lvl.restart}"/>' if lvl.restart is not None else ""
                parts.append(f'<w:lvl w:ilvl="{ilvl}">{start}<w:numFmt w:val="{lvl.fmt}"/>{restart}'
                             f'<w:lvlText w:val="{lvl.text}"/><w:lvlJc w:val="left"/></w:lvl>')
            parts.append("</w:abstractNum>")
        for num_id, (aid, overrides) in self.nums.items():
            parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>')
            for ilvl, start in overrides.items():
                parts.append(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/>'
                             "</w:lvlOverride>")
            parts.append("</w:num>")
        parts.append("</w:numbering>")
        return "".join(parts)


def set_numbering(document, spec: NumberingSpec) -> None:
    """Replace the document's numbering.xml definitions with ``spec``."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(spec.xml()):
        numbering.append(child)


def numbered(document, text: str, num_id: int, ilvl: int = 0):
    """A paragraph in Word list ``num_id`` at level ``ilvl`` (real w:numPr, no typed label)."""
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def fill_cell(cell, lines: Iterable[str], bold_first: bool = False) -> None:
    lines = list(lines)
    cell.paragraphs[0].text = ""
    run = cell.paragraphs[0].add_run(lines[0])
    run.bold = bold_first
    for line in lines[1:]:
        cell.add_paragraph(line)


def docx_bytes(build: Callable) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def add_footnotes(data: bytes, notes: list[str]) -> bytes:
    """Give a DOCX a footnotes part (python-docx cannot write one)."""
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, 1))
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p>'
                 f'<w:r><w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, content if item.filename == name else src.read(item.filename))
    return out.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return out.getvalue()


PLAN_NUMBERING = NumberingSpec(
    abstracts={
        # the usual KH outline: I. → 1. → a)
        1: [Lvl("upperRoman", "%1."), Lvl("decimal", "%2."), Lvl("lowerLetter", "%3)")],
        2: [Lvl("bullet", "-")],
    },
    nums={1: (1, {}), 2: (2, {})},
)


def build_plan(document) -> None:
    """A complete KẾ HOẠCH: header table, title, numbered outline, signature table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    set_numbering(document, PLAN_NUMBERING)
    header = document.add_table(rows=2, cols=2)
    fill_cell(header.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], bold_first=True)
    fill_cell(header.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
              bold_first=True)
    fill_cell(header.cell(1, 0), ["Số: 144/KH-UBND"])
    fill_cell(header.cell(1, 1), ["Bắc Ninh, ngày 24 tháng 11 năm 2025"])
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("KẾ HOẠCH")
    run.bold = True
    run.font.size = Pt(14)
    run.font.name = "Times New Roman"
    document.add_paragraph("Phát động phong trào thi đua năm 2025").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;").runs[0].italic = True
    numbered(document, "MỤC ĐÍCH, YÊU CẦU", 1, 0)
    numbered(document, "Mục đích", 1, 1)
    numbered(document, "Động viên cán bộ, công chức.", 1, 2)
    numbered(document, "Biểu dương điển hình tiên tiến.", 1, 2)
    numbered(document, "Yêu cầu", 1, 1)
    numbered(document, "Thiết thực, hiệu quả.", 1, 2)
    numbered(document, "NỘI DUNG", 1, 0)
    numbered(document, "Thi đua hoàn thành nhiệm vụ", 1, 1)
    numbered(document, "Sở Nội vụ chủ trì, tổng hợp trước ngày 15/12/2025.", 2, 0)
    signature = document.add_table(rows=1, cols=2)
    fill_cell(signature.cell(0, 0), ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."])
    fill_cell(signature.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                     "Mai Sơn"], bold_first=True)
    document.sections[0].header.paragraphs[0].text = "DỰ THẢO lần 2"
    document.sections[0].footer.paragraphs[0].text = "Trang 1"


@pytest.fixture(scope="session")
def plan_docx() -> bytes:
    return add_footnotes(docx_bytes(build_plan), ["Nghị định số 152/2025/NĐ-CP ngày 14/6/2025."])


def zip_bomb_docx(inflated_bytes: int = 40 << 20) -> bytes:
    """A DOCX whose document.xml inflates ~1000× (a run of one repeated character)."""
    filler = b"<w:t>" + b"a" * inflated_bytes + b"</w:t>"
    document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r>'.encode() + filler
                + b"</w:r></w:p></w:body></w:document>")
    return zip_of({
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"/>',
        "word/document.xml": document,
    })

# ---------------------------------------------------------------------------------------------
# OLE2 (Compound File Binary) containers


def ole_container(streams: dict[str, bytes]) -> bytes:
    """A minimal version-3 compound file holding ``streams`` (each padded to ≥ 4096 bytes so it
    lives in regular sectors).  Enough for readers that list streams and read their start."""
    sector = 512
    end, free, fat_marker = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    assert len(names) <= 3, "one directory sector holds the root and three streams"
    data_sectors: list[bytes] = []
    starts, sizes = [], []
    fat = [fat_marker, end]                          # sector 0: the FAT, sector 1: directory
    for name in names:
        content = streams[name].ljust(4096, b"\0")
        content += b"\0" * (-len(content) % sector)
        count = len(content) // sector
        first = 2 + len(data_sectors)
        starts.append(first)
        sizes.append(len(streams[name]) if len(streams[name]) >= 4096 else 4096)
        fat.extend(list(range(first + 1, first + count)) + [end])
        data_sectors.extend(content[i:i + sector] for i in range(0, len(content), sector))
    assert len(fat) <= sector // 4
    fat_sector = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name: str, kind: int, start: int, size: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, end, 0, child=1 if names else free)]
    for i, name in enumerate(names):
        entries.append(entry(name, 2, starts[i], sizes[i], right=i + 2 if i + 1 < len(names) else free))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))
    assert len(header) == sector
    return header + fat_sector + directory + b"".join(data_sectors)


def word97_fib(encrypted: bool) -> bytes:
    """The start of a WordDocument stream: wIdent, nFib, unused, lid, pnNext, then the flags
    word at 0x0A (fEncrypted = 0x0100)."""
    flags = 0x0100 if encrypted else 0
    return struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0, flags) + b"\0" * 600

# ---------------------------------------------------------------------------------------------
# text encodings

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of Vietnamese text: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")
