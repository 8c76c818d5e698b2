"""Plain text and portal copies (thuvienphapluat markdown, vbpl.vn extracts) → RawDocument.

Reading goes in four steps:

1. decode the bytes (UTF-8 with or without BOM, UTF-16 with or without BOM, Windows-1258);
2. cut the text into source lines, recognising portal tables: thuvienphapluat prints each
   cell between lines holding a lone ``|``; vbpl.vn flattens a row onto one line joined by
   `` | ``.  ``**``/``*`` emphasis is stripped but remembered (it tells where a bold name or
   an italic date wrapped);
3. join hard-wrapped lines back into paragraphs — only when the file is hard-wrapped at all:
   a file with one paragraph per line keeps its lines;
4. hand the paragraphs to the TextBuilder with their line number, table place and region.

The layout vocabulary (headings, doc-type lines, signer titles, …) is data:
``ingest/resources/text_layout.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _resources

import yaml

from ingest.builder import TextBuilder
from ingest.legacy_encoding import convert_if_legacy
from ingest.limits import Limits
from ingest.normalize import clean_inline
from schema.raw import BlockKind, RawDocument, SourceFormat, SourceLocation, Style

# ---------------------------------------------------------------------------------------------
# vocabulary


@lru_cache(maxsize=None)
def layout_vocab() -> dict:
    """``ingest/resources/text_layout.yaml``, parsed once."""
    path = _resources.files("ingest") / "resources" / "text_layout.yaml"
    with path.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alternation(items) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    vocab = layout_vocab()
    escaped = lambda words: _alternation(re.escape(w) for w in words)  # noqa: E731
    return {
        "block_start": re.compile("^(?:" + "|".join(vocab["block_starts"]) + ")"),
        "standalone": re.compile(r"^(?:" + escaped(vocab["standalone_lines"]) + r")\s*[.:]?$",
                                 re.IGNORECASE),
        "motto": re.compile("(?:" + "|".join(vocab["motto_phrases"]) + ")"),
        "locality": re.compile(r"^(?:" + escaped(vocab["locality_words"]) + r")\s+\S"),
        "signer_prefix": re.compile(r"(?:^|(?<=\s))(?:" + escaped(vocab["signer_prefixes"]) + r")\s"),
        "signer_title": re.compile(r"(?<!\w)(?:" + escaped(vocab["signer_titles"]) + r")(?!\w)"),
        "signed_mark": re.compile("(?:" + "|".join(vocab["signed_marks"]) + ")"),
        "recipient_head": re.compile(r"^(?:" + escaped(vocab["recipient_heads"]) + r")\b"),
        "heading": re.compile("^(?:" + "|".join(vocab["headings"]) + ")"),
        "label_only": re.compile("^(?:" + vocab["label_only"] + ")$"),
    }


_SENTENCE_END = re.compile(r"(?:[.;:!?…]|\./\.)[\"”’)]?$")
_RULE = re.compile(r"^[-_=~.·*]{3,}$")
_INLINE_RULE = re.compile(r"\s*(?<![\w.])[-_=~]{3,}(?![\w])\s*")
_EMPHASIS_RUN = re.compile(r"(?<!\()\*{1,3}(?!\))")
_LIST_ITEM_SPLIT = re.compile(r"(?<=[;:.,])\s+(?=[-–+]\s)")

# A file is hard-wrapped when its lines cluster under a fixed width; one paragraph per line
# gives many lines longer than any wrap width.
_WRAP_MAX_WIDTH = 100
_WRAP_MIN_WIDTH = 60
_WRAP_MIN_LINES = 8
_HEADING_MAX_CHARS = 200
SIGNATURE_COLUMNS = 2
_FIRST_ROW_CELL_MAX_LINES = 12

# ---------------------------------------------------------------------------------------------
# decoding


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding name, warnings) for the bytes of a text file."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16", []
    codec = _utf16_without_bom(data)
    if codec:
        return data.decode(codec, "replace"), codec, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 127) - bad
    if bad <= 3 and multibyte > 10 * bad:
        return lenient, "utf-8", [f"{bad} byte sequence(s) that are not UTF-8 were replaced"]
    text = data.decode("cp1258", "replace")
    warnings = []
    if "\ufffd" in text:
        warnings.append("bytes undefined in Windows-1258 were replaced")
    return text, "cp1258", warnings


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > half * 0.3 and odd_nul > 2 * even_nul:
        return "utf-16-le"
    if even_nul > half * 0.3 and even_nul > 2 * odd_nul:
        return "utf-16-be"
    return None

# ---------------------------------------------------------------------------------------------
# source lines


@dataclass
class Cell:
    """Where a line sits in a portal table."""
    table: int
    row: int
    cell: int
    flattened: bool = False              # the row came on one line, cells joined by " | "


@dataclass
class SourceLine:
    number: int                          # 1-based line number in the decoded text
    text: str                            # emphasis markup removed, spaces folded
    cell: Cell | None = None
    open_before: bool = False            # an emphasis span was open when the line began
    open_after: bool = False             # … and is still open at its end
    emphasised: bool = False             # the whole line is inside one emphasis span
    bold: bool = False
    italic: bool = False
    separator: bool = False              # a blank line or a rule: always ends a paragraph


@dataclass
class Paragraph:
    lines: list[SourceLine] = field(default_factory=list)

    @property
    def first(self) -> SourceLine:
        return self.lines[0]

    @property
    def text(self) -> str:
        return clean_inline(" ".join(line.text for line in self.lines))


def _strip_emphasis(raw: str, open_run: int) -> tuple[SourceLine, int]:
    """The line without markup, and the emphasis run still open at its end (0: none).

    ``open_run`` is the length of the marker that opened a span on an earlier line
    (1 = italic, 2 = bold, 3 = both).
    """
    opening = open_run
    state = open_run
    for run in _EMPHASIS_RUN.findall(raw):
        if state:
            state = 0
        else:
            state = opening = len(run)
    text = clean_inline(_EMPHASIS_RUN.sub("", raw))
    starts_marked = bool(_EMPHASIS_RUN.match(raw))
    ends_marked = bool(re.search(r"(?<!\()\*$", raw))
    emphasised = bool(text) and (bool(open_run) or starts_marked) and (bool(state) or ends_marked)
    line = SourceLine(0, text, open_before=bool(open_run), open_after=bool(state),
                      emphasised=emphasised, bold=emphasised and opening >= 2,
                      italic=emphasised and opening in (1, 3))
    return line, state


class _LineReader:
    """Cuts decoded text into SourceLines, following portal tables."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self._table = -1
        self._open = 0

    def add(self, number: int, raw: str, cell: Cell | None) -> None:
        line, self._open = _strip_emphasis(raw.strip(), self._open)
        line.number, line.cell = number, cell
        if not line.text and raw.strip():
            return                                  # only markup ("**" closing a wrapped span)
        if not line.text or _RULE.match(line.text):
            line.text, line.separator = "", True
            self._open = 0
        self.lines.append(line)

    def separator(self, number: int, cell: Cell | None = None) -> None:
        self._open = 0
        self.lines.append(SourceLine(number, "", cell=cell, separator=True))

    def read(self, text: str) -> list[SourceLine]:
        raw_lines = text.split("\n")
        i, n = 0, len(raw_lines)
        while i < n:
            stripped = raw_lines[i].strip()
            if raw_lines[i].rstrip() == "|" and i + 1 < n and raw_lines[i + 1].strip():
                i = self._pipe_table(raw_lines, i)
                continue
            if "|" in stripped and _looks_like_row(raw_lines[i]):
                self._flattened_row(i + 1, raw_lines[i])
            elif not stripped:
                self.separator(i + 1)
            else:
                self.add(i + 1, stripped, None)
            i += 1
        return self.lines

    def _pipe_table(self, raw_lines: list[str], i: int) -> int:
        """Cells between lone-pipe lines; returns the index after the table."""
        self._table += 1
        table, row, cell = self._table, 0, 0
        columns: int | None = None
        i += 1
        pending_pipe = False                    # the last thing seen closed a cell
        n = len(raw_lines)
        # a Nơi nhận | signer table has two columns even when it has a single row
        first = _EMPHASIS_RUN.sub("", raw_lines[i].strip()) if i < n else ""
        if _patterns()["recipient_head"].match(first):
            columns = SIGNATURE_COLUMNS
        while i < n:
            stripped = raw_lines[i].strip()
            if stripped == "|":
                if pending_pipe:
                    # "|" right after "|": a new row starts, or an empty cell ends
                    if columns is None:
                        columns = cell
                    if cell >= (columns or 1):
                        row, cell = row + 1, 0
                        pending_pipe = False
                    else:
                        cell += 1
                else:
                    cell += 1
                    pending_pipe = True
                self.separator(i + 1, Cell(table, row, cell))
                i += 1
                continue
            if not stripped:
                if pending_pipe:                # a blank line after a closed cell ends the table
                    break
                self.separator(i + 1, Cell(table, row, cell))
                i += 1
                continue
            if pending_pipe and ((columns is not None and cell >= columns)
                                 or not _pipe_ahead(raw_lines, i, columns is None and cell >= 2)):
                break                           # the row is complete: body text follows
            pending_pipe = False
            self.add(i + 1, stripped, Cell(table, row, cell))
            i += 1
        self._open = 0
        return i

    def _flattened_row(self, number: int, raw: str) -> None:
        self._table += 1
        raw = raw.rstrip()
        if raw.startswith("|"):                       # markdown: outer pipes are delimiters
            raw = raw[1:-1] if raw.endswith("|") and len(raw) > 1 else raw[1:]
        parts = [p.strip() for p in raw.split("|")]
        if all(_RULE.match(p) or not p for p in parts):
            self.separator(number)
            return
        for index, part in enumerate(parts):
            cell = Cell(self._table, 0, index, flattened=True)
            for piece in split_flattened_cell(_EMPHASIS_RUN.sub("", part)):
                self.add(number, piece, cell)
            self.separator(number, cell)


def _pipe_ahead(raw_lines: list[str], i: int, short: bool = False) -> bool:
    """Does a lone "|" close the text starting at line ``i`` before a blank line?  If not,
    that text is not a cell: the table ended with the pipe before it.  ``short``: the
    width of the table is not known yet and it has two cells already, so a third must be
    short to be a cell (a page of body text between two tables is not)."""
    limit = len(raw_lines) if not short else i + _FIRST_ROW_CELL_MAX_LINES
    for line in raw_lines[i:limit]:
        stripped = line.strip()
        if not stripped:
            return False
        if stripped == "|":
            return True
    return False


def _looks_like_row(raw: str) -> bool:
    """A vbpl/markdown row: cells joined by pipes (not a stray pipe inside prose)."""
    stripped = raw.strip()
    return stripped.startswith("|") or stripped.endswith("|") or " | " in raw


def split_flattened_cell(text: str) -> list[str]:
    """Lines of a header or signature cell a portal printed on one line."""
    p = _patterns()
    pieces = [s for s in _INLINE_RULE.split(text) if s.strip()]
    out: list[str] = []
    for piece in pieces:
        piece = p["motto"].sub(lambda m: "\n" + m.group(0) + "\n", piece)
        for part in piece.split("\n"):
            out.extend(_split_cell_part(part.strip()))
    return [s for s in (clean_inline(o) for o in out) if s]


def _split_cell_part(part: str) -> list[str]:
    p = _patterns()
    if not part:
        return []
    if p["recipient_head"].match(part):
        head, sep, rest = part.partition(":")
        items = _LIST_ITEM_SPLIT.split(rest.strip()) if sep else []
        return [head + sep] + items if sep else [part]
    is_signature = bool(p["signer_prefix"].match(part) or p["signer_title"].match(part)
                        or p["signed_mark"].search(part))
    if not is_signature:
        return [part]
    part = p["signed_mark"].sub(lambda m: "\n" + m.group(0) + "\n", part)
    part = p["signer_prefix"].sub(lambda m: "\n" + m.group(0), part)
    lines: list[str] = []
    for line in part.split("\n"):
        line = line.strip()
        if not line:
            continue
        lines.extend(_split_signer_line(line))
    return lines


def _split_name(line: str) -> tuple[str, str]:
    """("KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Nguyễn Văn A") from the two run together."""
    words = line.split(" ")
    for i, word in enumerate(words[1:], 1):
        letters = [c for c in word if c.isalpha()]
        caps_before = is_caps(" ".join(words[:i]))
        if letters and letters[0].isupper() and any(c.islower() for c in letters[1:]) and caps_before:
            return " ".join(words[:i]), " ".join(words[i:])
    return line, ""


def _split_signer_line(line: str) -> list[str]:
    """"KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Phạm Thị Thanh Trà" → prefix line, title, name."""
    p = _patterns()
    line, name = _split_name(line)
    prefix = p["signer_prefix"].match(line)
    body_from = prefix.end() if prefix else 0
    cuts = [m.start() for m in p["signer_title"].finditer(line, body_from) if m.start() > body_from]
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(line[last:cut])
        last = cut
    pieces.append(line[last:])
    if name:
        pieces.append(name)
    return [s.strip() for s in pieces if s.strip()]

# ---------------------------------------------------------------------------------------------
# paragraphs


def is_caps(text: str) -> bool | None:
    """True when every letter is a capital (None: too few letters to tell)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return None
    return all(c.isupper() for c in letters)


def is_hard_wrapped(lines: list[SourceLine]) -> bool:
    """True when the body's lines were wrapped at a fixed width (portal copies)."""
    lengths = [len(line.text) for line in lines if line.text and line.cell is None]
    if len(lengths) < _WRAP_MIN_LINES:            # a body kept in table cells: judge those
        lengths = [len(line.text) for line in lines
                   if line.text and not (line.cell and line.cell.flattened)]
    if len(lengths) < _WRAP_MIN_LINES:
        return False
    long_lines = sum(1 for n in lengths if n > _WRAP_MAX_WIDTH)
    near_width = sum(1 for n in lengths if _WRAP_MIN_WIDTH <= n <= _WRAP_MAX_WIDTH)
    return long_lines <= len(lengths) * 0.03 and near_width >= len(lengths) * 0.1


def _continues(prev: SourceLine, line: SourceLine, wrapped: bool) -> bool:
    """Does ``line`` continue the paragraph whose last line is ``prev``?"""
    p = _patterns()
    if p["label_only"].match(prev.text):
        return True                                   # "**I." / "ĐÁNH GIÁ TÌNH HÌNH**"
    if p["block_start"].match(line.text) or p["standalone"].match(prev.text):
        return False
    ends_sentence = bool(_SENTENCE_END.search(prev.text))
    if wrapped and prev.open_after and line.open_before and not ends_sentence:
        return True                                   # inside one bold/italic span
    if p["standalone"].match(line.text):
        return False
    starts_lower = line.text[:1].islower()
    if not wrapped:
        # one paragraph per line: only an obvious continuation ("… và" / "quy định …") joins
        return starts_lower and not ends_sentence
    caps_prev, caps_next = is_caps(prev.text), is_caps(line.text)
    if caps_prev and p["locality"].match(line.text):
        return True                                   # "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH"
    if starts_lower and not prev.text.endswith("./."):
        return True                                   # "…xã hội số;" / "công bố trên…"
    if ends_sentence:
        return False
    if caps_prev is not None and caps_next is not None and caps_prev != caps_next:
        return False
    if prev.emphasised != line.emphasised and not line.open_before:
        return False                                  # a bold heading, then plain text
    if line.cell is not None and caps_prev and caps_next:
        return False                                  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
    return True


def paragraphs(lines: list[SourceLine]) -> list[Paragraph]:
    wrapped = is_hard_wrapped(lines)
    out: list[Paragraph] = []
    current: Paragraph | None = None
    for line in lines:
        if line.separator:
            current = None
            continue
        if current is not None and _same_place(current.lines[-1], line) \
                and _continues(current.lines[-1], line, wrapped):
            current.lines.append(line)
            continue
        current = Paragraph([line])
        out.append(current)
    return out


def _same_place(a: SourceLine, b: SourceLine) -> bool:
    if a.cell is None or b.cell is None:
        return a.cell is None and b.cell is None
    if a.cell.flattened or b.cell.flattened:
        return False                                  # flattened cells come already split
    return (a.cell.table, a.cell.row, a.cell.cell) == (b.cell.table, b.cell.row, b.cell.cell)

# ---------------------------------------------------------------------------------------------
# regions and blocks


def is_rule(text: str) -> bool:
    """A decorative rule line ("-------", "_____")."""
    return bool(_RULE.match(text))


def is_signature_text(text: str) -> bool:
    """A line that belongs to a Nơi nhận / signature table."""
    p = _patterns()
    return bool(p["recipient_head"].match(text) or p["signer_prefix"].match(text)
                or p["signer_title"].fullmatch(text))


def is_heading_text(text: str) -> bool:
    """A short numbered heading ("I. …", "Chương II", "Điều 5.") or a doc-type line."""
    p = _patterns()
    return bool(p["standalone"].match(text)
                or (len(text) <= _HEADING_MAX_CHARS and p["heading"].match(text)))


def _regions(paras: list[Paragraph]) -> dict[int, str]:
    """Table → "header" for tables before the first body paragraph, "signature" by content."""
    p = _patterns()
    kinds: dict[int, str] = {}
    body_seen = False
    for para in paras:
        cell = para.first.cell
        if cell is None:
            if not p["standalone"].match(para.text):
                body_seen = True
            continue
        if not body_seen:
            kinds.setdefault(cell.table, "header")
        elif cell.table not in kinds and is_signature_text(para.text):
            kinds[cell.table] = "signature"
    return kinds


def _is_debris(text: str) -> bool:
    """A stray "." or "," a portal left in an otherwise empty cell."""
    return len(text) <= 2 and not any(ch.isalnum() for ch in text)


def _kind(para: Paragraph) -> BlockKind:
    if para.first.cell is not None:
        return BlockKind.TABLE_CELL
    return BlockKind.HEADING if is_heading_text(para.text) else BlockKind.PARAGRAPH


def build_text_document(text: str, data: bytes, name: str | None, source_format: SourceFormat,
                        encoding: str | None, warnings: list[str] | None = None) -> RawDocument:
    """The RawDocument of already-decoded text (also used for antiword output of .doc files)."""
    text, legacy = convert_if_legacy(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = _LineReader().read(text)
    paras = paragraphs(lines)
    regions = _regions(paras)
    builder = TextBuilder()
    builder.warnings.extend(warnings or [])
    for para in paras:
        if _is_debris(para.text):
            continue
        first, cell = para.first, para.first.cell
        location = SourceLocation(line=first.number)
        if cell is not None:
            location.table, location.row, location.cell = cell.table, cell.row, cell.cell
            region = regions.get(cell.table)
            if region:
                location.region = f"{region}_{'left' if cell.cell == 0 else 'right'}"
        bold = all(line.bold for line in para.lines)
        italic = all(line.italic for line in para.lines)
        style = Style(bold=bold or None, italic=italic or None, caps=is_caps(para.text))
        builder.add(para.text, kind=_kind(para), location=location, style=style)
    return builder.build(data, source_format, name, encoding=legacy or encoding)


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    text, encoding, warnings = decode(data)
    return build_text_document(text, data, name, SourceFormat.TEXT, encoding, warnings)
