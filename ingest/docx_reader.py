"""DOCX (Office Open XML) → RawDocument, with python-docx for the package and lxml for the body.

The body is walked in order (``w:p`` and ``w:tbl``, through content controls), so header and
signature tables stand where they stand in the document.  Each table cell's paragraphs become
TABLE_CELL blocks (row by row, cells left to right).  Word's automatic numbering
(``numbering.xml``) is rebuilt into the text and ``Block.numbering``; page headers, footers,
footnotes, endnotes and comments go to ``RawDocument.asides``.

Before python-docx sees the file, the zip is checked against ``Limits`` (total unpacked size,
inflation ratio of each part) so a zip bomb is refused without being inflated.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ingest import legacy_encoding
from ingest.builder import TextBuilder
from ingest.errors import CorruptDocument, EncryptedDocument, FileTooLarge, UnsupportedFormat
from ingest.limits import Limits
from ingest.normalize import clean_inline
from ingest.text_reader import (
    is_caps, is_heading_text, is_rule, is_signature_text, layout_vocab,
)
from schema.raw import Aside, BlockKind, RawDocument, SourceFormat, SourceLocation, Style

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAIN_PART = "word/document.xml"
# Inflation ratio only matters for parts big enough to hurt.
BOMB_MIN_PART_BYTES = 1 << 20
# A table counts as the letterhead when at most this many body paragraphs come before it.
HEADER_TABLE_MAX_PRECEDING = 3
MAX_LEVELS = 9

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

ASIDE_KINDS = {
    "/header": "header", "/footer": "footer", "/footnotes": "footnote",
    "/endnotes": "endnote", "/comments": "comment",
}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def _on(el) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None if absent."""
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in ("0", "false", "off", "none")

# ---------------------------------------------------------------------------------------------
# the package


def check_package(data: bytes, name: str | None, limits: Limits) -> None:
    """Refuse a damaged, encrypted or bomb-like zip before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
        raise CorruptDocument(f"the DOCX is damaged: not a readable zip ({e})", source=name) from None
    if not any(i.filename == MAIN_PART for i in infos):
        raise UnsupportedFormat("a zip file without word/document.xml is not a DOCX", source=name)
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise FileTooLarge(f"the DOCX unpacks to {total:,} bytes; the limit is "
                           f"{limits.max_unzipped_bytes:,}", source=name)
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f"the DOCX part {info.filename} is encrypted", source=name)
        if info.file_size >= BOMB_MIN_PART_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise FileTooLarge(
                    f"the DOCX part {info.filename} inflates {ratio:,.0f}× (limit "
                    f"{limits.max_zip_ratio}×): refused as a likely zip bomb", source=name)


def _open(data: bytes, name: str | None):
    import docx                                   # imported here: text uploads need not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError, EOFError, OSError,
            PackageNotFoundError) as e:
        raise CorruptDocument(f"the DOCX is damaged and cannot be opened ({type(e).__name__}: {e})",
                              source=name) from None

# ---------------------------------------------------------------------------------------------
# styles


class Styles:
    """Effective run and paragraph properties through the style ``basedOn`` chain."""

    def __init__(self, styles_el) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self.default_rpr = None
        self.default_ppr = None
        self.default_paragraph_style: str | None = None
        if styles_el is None:
            return
        for style in styles_el.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid:
                self._by_id[sid] = style
                if style.get(w("type")) == "paragraph" and _on_attr(style.get(w("default"))):
                    self.default_paragraph_style = sid
        defaults = styles_el.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            self.default_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            style_id = _val(style.find(w("basedOn")))

    def name(self, style_id: str | None) -> str:
        style = self._by_id.get(style_id or "")
        return (_val(style.find(w("name"))) or "") if style is not None else ""

    def run_property(self, tag: str, rpr, run_style: str | None, para_style: str | None):
        """The first ``tag`` element found: run, character style, paragraph style, defaults."""
        if rpr is not None and (el := rpr.find(w(tag))) is not None:
            return el
        for style_id in (run_style, para_style):
            for style in self.chain(style_id):
                el = style.find(f"{w('rPr')}/{w(tag)}")
                if el is not None:
                    return el
        return self.default_rpr.find(w(tag)) if self.default_rpr is not None else None

    def paragraph_property(self, path: str, ppr, para_style: str | None):
        if ppr is not None and (el := ppr.find(path)) is not None:
            return el
        for style in self.chain(para_style):
            el = style.find(f"{w('pPr')}/{path}")
            if el is not None:
                return el
        return self.default_ppr.find(path) if self.default_ppr is not None else None


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")

# ---------------------------------------------------------------------------------------------
# numbering


@dataclass
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None            # lvlRestart: 0 = never, k = after level k-1 (1-based)
    legal: bool = False                   # isLgl: show every level in decimal
    style: str | None = None              # pStyle bound to this level


@dataclass
class NumberingInstance:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                          (4, "IV"), (1, "I")):
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's letters: a … z, then aa … zz, aaa …  (Word does not skip f/j/w/z nor add đ)
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


NUMBER_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerLetter": _letter,
    "none": lambda n: "",
}


class Numbering:
    """Rebuilds the labels Word draws for automatically numbered paragraphs."""

    def __init__(self, numbering_el, styles: Styles) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._abstract_links: dict[str, str] = {}        # numStyleLink → abstract of styleLink
        self._style_links: dict[str, str] = {}
        self._instances: dict[str, NumberingInstance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._styles = styles
        self._bullets: dict[str, str] = layout_vocab()["symbol_bullets"]
        if numbering_el is None:
            return
        for abstract in numbering_el.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            self._abstracts[aid] = {int(lvl.get(w("ilvl"), 0)): self._level(lvl)
                                    for lvl in abstract.findall(w("lvl"))}
            if (link := _val(abstract.find(w("styleLink")))):
                self._style_links[link] = aid
            if (link := _val(abstract.find(w("numStyleLink")))):
                self._abstract_links[aid] = link
        for num in numbering_el.iter(w("num")):
            instance = NumberingInstance(_val(num.find(w("abstractNumId"))) or "")
            for override in num.findall(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), 0))
                if (start := _val(override.find(w("startOverride")))) is not None:
                    instance.start_overrides[ilvl] = int(start)
                if (lvl := override.find(w("lvl"))) is not None:
                    instance.level_overrides[ilvl] = self._level(lvl)
            self._instances[num.get(w("numId"))] = instance

    @staticmethod
    def _level(lvl) -> Level:
        restart = _val(lvl.find(w("lvlRestart")))
        return Level(
            start=int(_val(lvl.find(w("start"))) or 0),
            fmt=_val(lvl.find(w("numFmt"))) or "decimal",
            text=_val(lvl.find(w("lvlText"))) or "",
            restart=int(restart) if restart is not None else None,
            legal=bool(_on(lvl.find(w("isLgl")))),
            style=_val(lvl.find(w("pStyle"))),
        )

    def _levels(self, num_id: str) -> dict[int, Level] | None:
        instance = self._instances.get(num_id)
        if instance is None:
            return None
        aid = instance.abstract
        link = self._abstract_links.get(aid)
        if link and link in self._style_links:
            aid = self._style_links[link]
        levels = dict(self._abstracts.get(aid, {}))
        levels.update(instance.level_overrides)
        for ilvl, start in instance.start_overrides.items():
            base = levels.get(ilvl, Level())
            levels[ilvl] = Level(start, base.fmt, base.text, base.restart, base.legal, base.style)
        return levels

    def resolve(self, ppr, para_style: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph: its own numPr, else its style's."""
        num_id = ilvl = None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(w("numId")))
            ilvl = _val(numpr.find(w("ilvl")))
        if num_id is None:
            for style in self._styles.chain(para_style):
                snumpr = style.find(f"{w('pPr')}/{w('numPr')}")
                if snumpr is not None:
                    num_id = _val(snumpr.find(w("numId")))
                    ilvl = ilvl or _val(snumpr.find(w("ilvl")))
                    if ilvl is None:
                        levels = self._levels(num_id or "") or {}
                        ilvl = next((str(k) for k, lv in levels.items() if lv.style == style.get(
                            w("styleId"))), "0")
                    break
        if not num_id or num_id == "0":
            return None
        return num_id, min(int(ilvl or 0), MAX_LEVELS - 1)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The next label of list ``num_id`` at level ``ilvl`` (and advance the counters)."""
        levels = self._levels(num_id)
        if not levels or ilvl not in levels:
            return None
        counters = self._counters.setdefault(num_id, [None] * MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return self._bullet(level.text)
        return self._render(level, ilvl, levels, counters)

    def _render(self, level: Level, ilvl: int, levels: dict[int, Level], counters) -> str:
        out = []
        i, text = 0, level.text
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                ref = levels.get(k, Level())
                value = counters[k] if k < MAX_LEVELS and counters[k] is not None else ref.start
                fmt = "decimal" if (level.legal and k < ilvl) else ref.fmt
                out.append(NUMBER_FORMATS.get(fmt, str)(value))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out).strip()

    def _bullet(self, text: str) -> str:
        return "".join(self._bullets.get(ch, ch) for ch in text).strip() or "•"

# ---------------------------------------------------------------------------------------------
# paragraphs


@dataclass
class RunText:
    text: str
    bold: bool
    italic: bool
    caps: bool
    size: float | None
    font: str | None


# Elements whose runs are shown text; deleted (w:del, w:moveFrom) and drawing content is not.
_CONTENT_WRAPPERS = {w("hyperlink"), w("ins"), w("smartTag"), w("customXml"), w("fldSimple"),
                     w("moveTo"), w("dir"), w("bdo")}
LINE_BREAK = "\n"
TAB = "\t"
_TAB_RUN = re.compile(r"[ ]*\t[\t ]*")


class ParagraphReader:
    """Text, style and numbering of one ``w:p``."""

    def __init__(self, styles: Styles, numbering: Numbering, conversions: Counter) -> None:
        self.styles = styles
        self.numbering = numbering
        self.conversions = conversions       # legacy encodings converted, by name
        self._font_encoding = getattr(legacy_encoding, "font_encoding", None)
        self._convert_font_text = getattr(legacy_encoding, "convert_font_text", None)

    def runs(self, p) -> list[RunText]:
        ppr = p.find(w("pPr"))
        para_style = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        para_style = para_style or self.styles.default_paragraph_style
        out: list[RunText] = []
        for r in _iter_runs(p):
            run = self._run(r, para_style)
            if run is not None:
                out.append(run)
        return out

    def _run(self, r, para_style: str | None) -> RunText | None:
        """The run's text and look; None for hidden text (``w:vanish``), which Word does not show."""
        rpr = r.find(w("rPr"))
        run_style = _val(rpr.find(w("rStyle"))) if rpr is not None else None
        prop = lambda tag: self.styles.run_property(tag, rpr, run_style, para_style)  # noqa: E731
        if _on(prop("vanish")):
            return None
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == w("t"):
                parts.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                parts.append(TAB)
            elif tag in (w("br"), w("cr")):
                parts.append(LINE_BREAK)
            elif tag == w("noBreakHyphen"):
                parts.append("-")
            elif tag == w("sym"):
                parts.append(self._symbol(child))
        font_el = prop("rFonts")
        font = None
        if font_el is not None:
            font = font_el.get(w("ascii")) or font_el.get(w("hAnsi")) or font_el.get(w("cs"))
        size_el = prop("sz")
        size = float(_val(size_el)) / 2 if _val(size_el) and _val(size_el).isdigit() else None
        text = self._unlegacy("".join(parts), font)
        return RunText(text, bool(_on(prop("b"))), bool(_on(prop("i"))),
                       bool(_on(prop("caps"))), size, font)

    def _symbol(self, sym) -> str:
        code = sym.get(w("char")) or ""
        try:
            ch = chr(int(code, 16))
        except ValueError:
            return ""
        if 0xF000 <= ord(ch) <= 0xF0FF:
            bullets = layout_vocab()["symbol_bullets"]
            return bullets.get(ch, "•")
        return ch

    def _unlegacy(self, text: str, font: str | None) -> str:
        if not text.strip() or not font:
            return text
        if self._convert_font_text is not None:
            converted = self._convert_font_text(text, font)
            if converted != text and self._font_encoding is not None:
                self.conversions[self._font_encoding(font)[0] or "legacy"] += 1
            return converted
        if font.lower().startswith((".vn", "vni")):      # until convert_font_text exists
            converted, encoding = legacy_encoding.convert_if_legacy(text)
            if encoding:
                self.conversions[encoding] += 1
            return converted
        return text

    def style(self, p, runs: list[RunText], text: str) -> Style:
        ppr = p.find(w("pPr"))
        para_style = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        para_style = para_style or self.styles.default_paragraph_style
        jc = self.styles.paragraph_property(w("jc"), ppr, para_style)
        inked = [r for r in runs if r.text.strip()]
        sizes = Counter()
        fonts = Counter()
        for r in inked:
            if r.size:
                sizes[r.size] += len(r.text)
            if r.font:
                fonts[r.font] += len(r.text)
        return Style(
            bold=all(r.bold for r in inked) if inked else None,
            italic=all(r.italic for r in inked) if inked else None,
            centered=_val(jc) == "center" if jc is not None else False,
            caps=bool(is_caps(text)) or (bool(inked) and all(r.caps for r in inked)),
            font_size=sizes.most_common(1)[0][0] if sizes else None,
            font_name=fonts.most_common(1)[0][0] if fonts else None,
        )

    def is_heading(self, p) -> bool:
        ppr = p.find(w("pPr"))
        para_style = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        name = self.styles.name(para_style).lower()
        if name.startswith("heading") or name == "title":
            return True
        outline = self.styles.paragraph_property(w("outlineLvl"), ppr, para_style)
        return outline is not None and (_val(outline) or "9").isdigit() and int(_val(outline)) < 9

    def label(self, p) -> str | None:
        ppr = p.find(w("pPr"))
        para_style = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        found = self.numbering.resolve(ppr, para_style)
        return self.numbering.label(*found) if found else None


def _tab_columns(line: str) -> list[str]:
    """Split a letterhead laid out with tabs instead of a table ("ỦY BAN NHÂN DÂN⇥CỘNG HÒA…",
    "Số: …⇥Hà Nội, ngày…", "Nơi nhận:⇥CHỦ TỊCH") into its columns; other lines stay whole."""
    parts = [p.strip() for p in _TAB_RUN.split(line.strip())]
    parts = [p for p in parts if p]
    if len(parts) >= 2:
        left = parts[0]
        if (is_caps(left) and len(left.split()) >= 2) or left.startswith("Số") \
                or is_signature_text(left):
            return parts
    return [line]


def _iter_runs(el):
    """The runs of a paragraph in reading order, through links, insertions and fields."""
    for child in el:
        tag = child.tag
        if tag == w("r"):
            yield child
        elif tag in _CONTENT_WRAPPERS:
            yield from _iter_runs(child)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _iter_runs(content)


def _text_boxes(p) -> list:
    """Paragraphs of text boxes anchored in ``p`` (the DrawingML choice, not its VML copy)."""
    boxes = []
    for box in p.iter(w("txbxContent")):
        if any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
            continue
        boxes.extend(box.iter(w("p")))
    # a box inside a box is reached twice through iter(); keep the first occurrence
    seen, unique = set(), []
    for para in boxes:
        if id(para) not in seen:
            seen.add(id(para))
            unique.append(para)
    return unique

# ---------------------------------------------------------------------------------------------
# the body


class BodyWalker:
    def __init__(self, reader: ParagraphReader, builder: TextBuilder) -> None:
        self.reader = reader
        self.builder = builder
        self.paragraph_index = -1
        self.table_index = -1
        self.body_paragraphs_seen = 0
        self.header_table: int | None = None

    def walk(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph_index += 1
                if self.paragraph(child, SourceLocation(paragraph=self.paragraph_index)):
                    self.body_paragraphs_seen += 1
            elif tag == w("tbl"):
                self.table(child)
            elif tag in (w("sdt"),):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.walk(content)
            elif tag in (w("customXml"), f"{{{MC}}}AlternateContent"):
                self.walk(child)

    def paragraph(self, p, location: SourceLocation, in_cell: bool = False) -> bool:
        """Add the blocks of one paragraph; True when it held text."""
        reader = self.reader
        label = reader.label(p)
        runs = reader.runs(p)
        text = "".join(r.text for r in runs)
        lines = [clean_inline(part) for line in text.split(LINE_BREAK) for part in _tab_columns(line)]
        lines = [line for line in lines if line and not is_rule(line)]
        added = False
        if lines:
            style = reader.style(p, runs, " ".join(lines))
            kind = BlockKind.TABLE_CELL if in_cell else (
                BlockKind.HEADING if reader.is_heading(p) or is_heading_text(
                    f"{label} {lines[0]}" if label else lines[0]) else BlockKind.PARAGRAPH)
            for i, line in enumerate(lines):
                block = self.builder.add(line, kind=kind, location=location.model_copy(),
                                         style=style, numbering=label if i == 0 else None)
                added = added or block is not None
        for box_para in _text_boxes(p):
            added = self.paragraph(box_para, location, in_cell) or added
        return added

    def table(self, tbl) -> None:
        self.table_index += 1
        index = self.table_index
        rows = [tr for tr in _iter_rows(tbl)]
        region = None
        if index == 0 and self.body_paragraphs_seen <= HEADER_TABLE_MAX_PRECEDING:
            region = "header"
        elif self._is_signature(rows):
            region = "signature"
        for r, tr in enumerate(rows):
            for c, tc in enumerate(_iter_cells(tr)):
                if _continues_vertical_merge(tc):
                    continue
                cell_region = f"{region}_{'left' if c == 0 else 'right'}" if region else None
                for child in tc:
                    if child.tag == w("p"):
                        self.paragraph(child, SourceLocation(table=index, row=r, cell=c,
                                                             region=cell_region), in_cell=True)
                    elif child.tag == w("tbl"):
                        self.table(child)
                    elif child.tag == w("sdt"):
                        content = child.find(w("sdtContent"))
                        for para in (content.iter(w("p")) if content is not None else ()):
                            self.paragraph(para, SourceLocation(table=index, row=r, cell=c,
                                                                region=cell_region), in_cell=True)

    @staticmethod
    def _is_signature(rows) -> bool:
        for tr in rows:
            for tc in _iter_cells(tr):
                for p in tc.iter(w("p")):
                    text = clean_inline("".join(t.text or "" for t in p.iter(w("t"))))
                    if text and is_signature_text(text):
                        return True
        return False


def _iter_rows(tbl):
    for child in tbl:
        if child.tag == w("tr"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _iter_rows(content)


def _iter_cells(tr):
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _iter_cells(content)


def _continues_vertical_merge(tc) -> bool:
    vmerge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    return vmerge is not None and vmerge.get(w("val"), "continue") == "continue"

# ---------------------------------------------------------------------------------------------
# asides


def _asides(document) -> list[Aside]:
    out: list[Aside] = []
    seen: set[tuple[str, str]] = set()
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = next((k for suffix, k in ASIDE_KINDS.items() if rel.reltype.endswith(suffix)), None)
        if kind is None:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)
        except etree.XMLSyntaxError:
            continue
        for text in _aside_texts(root, kind):
            if (kind, text) not in seen:
                seen.add((kind, text))
                out.append(Aside(kind=kind, text=text))
    return out


def _aside_texts(root, kind: str) -> list[str]:
    def para_text(p) -> str:
        return clean_inline("".join((t.text or "") if t.tag == w("t") else " "
                                    for t in p.iter(w("t"), w("tab"), w("br"))))

    if kind in ("footnote", "endnote", "comment"):
        items = [el for el in root if el.tag in (w("footnote"), w("endnote"), w("comment"))
                 and el.get(w("type")) not in ("separator", "continuationSeparator",
                                               "continuationNotice")]
        texts = [" ".join(t for t in (para_text(p) for p in el.iter(w("p"))) if t) for el in items]
    else:
        texts = [para_text(p) for p in root.iter(w("p"))]
    return [t for t in texts if t]

# ---------------------------------------------------------------------------------------------
# entry points


def _part_element(document, attr: str):
    try:
        part = getattr(document.part, attr)
    except (NotImplementedError, KeyError, AttributeError):
        return None
    return part.element if part is not None else None


def read_docx(data: bytes, name: str | None, limits: Limits, *,
              source_format: SourceFormat = SourceFormat.DOCX,
              original: bytes | None = None) -> RawDocument:
    """Read DOCX bytes; ``original``/``source_format`` describe the file the user gave
    (a Word 97 file converted to DOCX keeps its own hash, size and format)."""
    check_package(data, name, limits)
    document = _open(data, name)
    conversions: Counter = Counter()
    builder = TextBuilder()
    try:
        styles = Styles(_part_element(document, "styles_part"))
        numbering = Numbering(_part_element(document, "numbering_part"), styles)
        walker = BodyWalker(ParagraphReader(styles, numbering, conversions), builder)
        walker.walk(document.element.body)
        builder.asides.extend(_asides(document))
    except (ValueError, TypeError) as e:              # malformed attribute values
        raise CorruptDocument(f"the DOCX body cannot be read ({e})", source=name) from None
    encoding = conversions.most_common(1)[0][0] if conversions else None
    return builder.build(original if original is not None else data, source_format, name,
                         encoding=encoding)


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    return read_docx(data, name, limits)
