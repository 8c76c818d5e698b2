"""PDF → RawDocument: pypdfium2 for the text layer, Tesseract for pages without one.

Reading goes in four steps:

1. open with pypdfium2 (junk before ``%PDF`` sliced off; password → EncryptedDocument,
   damage → CorruptDocument; pages past ``Limits.max_pages`` dropped with a warning);
2. each page gives *spans* — pdfium's text rectangles (one run of text on one line) or, for a
   page with no usable text layer, the words Tesseract reads from a 300 dpi rendering;
3. legacy font encodings (TCVN3, VNI) are detected on the whole text layer and converted;
4. ``assemble`` (also used by the image reader) turns spans into rows, moves running
   headers/footers and page numbers into ``asides``, splits two-column zones — the header
   (issuer left, quốc hiệu right) and the signature (Nơi nhận left, signer right) — into
   regions, keeps rows of three or more columns as table cells, and rebuilds paragraphs.

pdfplumber is not used: pdfium's rectangles already keep the columns apart, at 20-40× its
speed.  The line vocabulary (headings, list labels, page numbers) is
``ingest/resources/pdf_layout.yaml``.
"""
from __future__ import annotations

import ctypes
import logging
import re
import statistics
import time
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import pypdfium2 as pdfium
import yaml

from ingest import ocr
from ingest.builder import TextBuilder
from ingest.errors import ConverterMissing, CorruptDocument, EncryptedDocument
from ingest.legacy_encoding import convert_unless_unicode, detect
from ingest.limits import Limits
from ingest.sniff import pdf_offset
from schema.raw import Aside, BlockKind, PageInfo, RawDocument, SourceFormat, SourceLocation, Style

log = logging.getLogger("kehoach.ingest")

_FPDF_ERR_PASSWORD = 4
_MIN_TEXT_CHARS = 20            # fewer letters and digits than this: the page is a scan
_LITTLE_TEXT = 200              # below this, a page-sized image means a scan with a stamp on it
_SCAN_IMAGE_SHARE = 0.6

# Geometry, in multiples of the line height unless said otherwise.
_COLUMN_GAP = 2.5               # a wider gap between two runs on one row separates columns
_WORD_GAP = 0.9                 # a wider gap ends a run (a zone may cut a row there)
_NO_SPACE_GAP = 0.12            # runs closer than this are one word
_PARAGRAPH_GAP = 0.9            # more blank space above a line than this starts a paragraph
_INDENT = 0.8                   # a line starting this far right of the margin is indented
_SHORT_LINE = 1.0               # a line ending further left of the margin than this and than
                                # the next line's first word ends its paragraph
_CENTRED = 0.04                 # (share of page width) a line's centre this close to the page's
_BAND = 0.12                    # (share of page height) top/bottom band where running heads live
_BAND_ROWS = 2                  # rows per band considered for running heads
_REPEAT_SHARE = 0.25            # a band row on this share of pages (at least 2) is a running head


# ---------------------------------------------------------------------------------------------
# vocabulary


@lru_cache(maxsize=1)
def _vocab() -> dict[str, re.Pattern]:
    text = resources.files("ingest").joinpath("resources", "pdf_layout.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {key: re.compile("|".join(f"(?:{p})" for p in patterns)) for key, patterns in data.items()}


def _matches(key: str, text: str) -> bool:
    return bool(_vocab()[key].match(text))


# ---------------------------------------------------------------------------------------------
# geometry


@dataclass
class Span:
    """A run of text on one line: a pdfium text rectangle or an OCR word (top-left origin, points)."""
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float | None = None
    group: tuple | None = None          # OCR line id: spans of one group form one row
    bold: bool | None = None


@dataclass
class PageSpans:
    number: int
    width: float
    height: float
    spans: list[Span] = field(default_factory=list)
    ocr: bool = False


@dataclass
class Line:
    """Spans of one row that belong together (one column of the row)."""
    spans: list[Span]
    page: PageSpans
    region: str | None = None
    kind: BlockKind = BlockKind.PARAGRAPH

    @property
    def x0(self) -> float:
        return self.spans[0].x0

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.spans)

    @property
    def top(self) -> float:
        return min(s.top for s in self.spans)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.spans)

    @cached_property
    def height(self) -> float:
        return statistics.median(s.bottom - s.top for s in self.spans) or 1.0

    @cached_property
    def text(self) -> str:
        parts = [self.spans[0].text.strip()]
        for prev, span in zip(self.spans, self.spans[1:]):
            gap = span.x0 - prev.x1
            joiner = "" if gap < _NO_SPACE_GAP * self.height and not self.page.ocr else " "
            parts.append(joiner + span.text.strip())
        return "".join(parts).strip()

    @property
    def confidence(self) -> float | None:
        values = [s.confidence for s in self.spans if s.confidence is not None]
        return sum(values) / len(values) if values else None


Row = list[Line]     # the columns of one visual row, left to right


def _group_rows(page: PageSpans) -> list[list[Span]]:
    """Spans → rows.  OCR spans come grouped by Tesseract (it follows skew); text spans are
    grouped by vertical overlap."""
    if page.spans and page.spans[0].group is not None:
        groups: dict[tuple, list[Span]] = {}
        for span in page.spans:
            groups.setdefault(span.group, []).append(span)
        rows = list(groups.values())
    else:
        rows = []
        for span in sorted(page.spans, key=lambda s: (s.top + s.bottom) / 2):
            centre = (span.top + span.bottom) / 2
            for row in rows[-3:]:
                top, bottom = min(s.top for s in row), max(s.bottom for s in row)
                if top <= centre <= bottom or span.top <= (top + bottom) / 2 <= span.bottom:
                    row.append(span)
                    break
            else:
                rows.append([span])
    rows = [sorted(r, key=lambda s: s.x0) for r in rows]
    rows.sort(key=lambda r: min(s.top for s in r))
    return rows


def _split_row(spans: list[Span], page: PageSpans) -> Row:
    """One row → its columns, cut at gaps wider than ``_COLUMN_GAP`` line heights."""
    height = statistics.median(s.bottom - s.top for s in spans) or 1.0
    columns: Row = [Line([spans[0]], page)]
    for span in spans[1:]:
        if span.x0 - columns[-1].x1 > _COLUMN_GAP * height:
            columns.append(Line([span], page))
        else:
            columns[-1].spans.append(span)
    return columns


def _row_text(row: Row) -> str:
    return " ".join(line.text for line in row)


# ---------------------------------------------------------------------------------------------
# running headers, footers, page numbers


def _band_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.lower())).strip()


def _band_rows(rows: list[Row], page: PageSpans) -> list[tuple[int, str]]:
    """(index, "header"|"footer") of the rows a running head could be."""
    found: list[tuple[int, str]] = []
    if len(rows) <= 2 * _BAND_ROWS:          # a nearly empty page: its lines are its content
        return found
    for i, row in enumerate(rows[:_BAND_ROWS]):
        if min(l.top for l in row) <= _BAND * page.height:
            found.append((i, "header"))
    for i in range(max(len(rows) - _BAND_ROWS, 0), len(rows)):
        if max(l.bottom for l in rows[i]) >= (1 - _BAND) * page.height and i not in dict(found):
            found.append((i, "footer"))
    return found


def _remove_running_heads(pages_rows: list[tuple[PageSpans, list[Row]]]) -> list[Aside]:
    counts: dict[str, int] = {}
    for page, rows in pages_rows:
        for key in {_band_key(_row_text(rows[i])) for i, _ in _band_rows(rows, page)}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, _REPEAT_SHARE * len(pages_rows))
    asides: list[Aside] = []
    for page, rows in pages_rows:
        drop = set()
        for i, kind in _band_rows(rows, page):
            text = _row_text(rows[i])
            if _matches("page_number", text) or counts.get(_band_key(text), 0) >= needed:
                drop.add(i)
                asides.append(Aside(kind=kind, text=text, location=_location(rows[i], page)))
        rows[:] = [r for i, r in enumerate(rows) if i not in drop]
    return asides


# ---------------------------------------------------------------------------------------------
# columns


def _gutter(row: Row, page: PageSpans) -> tuple[float, float] | None:
    """The widest column gap of a row, when it lies around the middle of the page."""
    if len(row) < 2:
        return None
    lo, hi = max(((a.x1, b.x0) for a, b in zip(row, row[1:])), key=lambda g: g[1] - g[0])
    if lo < 0.65 * page.width and hi > 0.35 * page.width:
        return lo, hi
    return None


def _cut(row: Row, gutter: tuple[float, float], page: PageSpans) -> tuple[list[Span], list[Span]] | None:
    """The row's spans left and right of the gutter, or None when a span bridges it."""
    lo, hi = gutter
    middle = (lo + hi) / 2
    left, right = [], []
    for span in (s for line in row for s in line.spans):
        if span.x0 < lo and span.x1 > hi:
            return None
        (left if (span.x0 + span.x1) / 2 < middle else right).append(span)
    return left, right


def _side_fits(spans: list[Span], side: int, column: list[Span], page: PageSpans) -> bool:
    """A line alone on one side belongs to that column when it sits nearer the column's
    centre than the page's (a centred title below the header does not), or, on the left,
    starts where the column starts (a Nơi nhận list)."""
    x0, x1 = min(s.x0 for s in spans), max(s.x1 for s in spans)
    c0, c1 = min(s.x0 for s in column), max(s.x1 for s in column)
    height = statistics.median(s.bottom - s.top for s in spans)
    if side == 0 and abs(x0 - c0) < height:
        return True
    return abs((x0 + x1) / 2 - (c0 + c1) / 2) < abs((x0 + x1) / 2 - page.width / 2)


@dataclass
class _Zone:
    start: int
    end: int
    gutter: tuple[float, float]
    cuts: dict[int, tuple[list[Span], list[Span]]]


def _zones(rows: list[Row], page: PageSpans) -> list[_Zone]:
    """Runs of rows laid out in two columns (header, signature)."""
    zones: list[_Zone] = []
    i = 0
    while i < len(rows):
        gutter = _gutter(rows[i], page)
        cut = _cut(rows[i], gutter, page) if gutter else None
        if not cut or not cut[0] or not cut[1]:
            i += 1
            continue
        cuts = {i: cut}

        def fits(j: int) -> bool:
            c = _cut(rows[j], gutter, page)
            if c is None:
                return False
            if c[0] and c[1]:
                cuts[j] = c
                return True
            side = 0 if c[0] else 1
            if _side_fits(c[side], side, cut[side], page):
                cuts[j] = c
                return True
            return False

        end = i + 1
        while end < len(rows) and fits(end):
            end += 1
        start = i
        floor = zones[-1].end if zones else 0
        while start > floor and fits(start - 1):
            start -= 1
        zones.append(_Zone(start, end, gutter, cuts))
        i = end
    return zones


# ---------------------------------------------------------------------------------------------
# paragraphs


def _is_caps(text: str) -> bool | None:
    """All capitals (True), some lowercase (False), or too few letters to say (None)."""
    upper = text.upper()
    if len(text) < 3 or upper == text.lower():
        return None
    return text == upper


@dataclass
class _Margins:
    left: float
    right: float
    centre: float


def _margins(lines: list[Line], page: PageSpans) -> _Margins:
    if not lines:
        return _Margins(0, page.width, page.width / 2)
    lefts = sorted(l.x0 for l in lines)
    rights = sorted(l.x1 for l in lines)
    left = lefts[len(lefts) // 10]
    right = rights[min(len(rights) - 1, (len(rights) * 9) // 10)]
    return _Margins(left, right, (left + right) / 2)


def _centre_near(line: Line, m: _Margins, page: PageSpans) -> bool:
    return abs((line.x0 + line.x1) / 2 - m.centre) < _CENTRED * page.width


def _centred(line: Line, m: _Margins, page: PageSpans) -> bool:
    return _centre_near(line, m, page) and line.x0 > m.left + _INDENT * line.height


def _bold(line: Line) -> bool | None:
    return line.spans[0].bold


_SENTENCE_END = re.compile(r"(?:[.;:!?…]|\./\.)[\"”’)]?$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _continues(prev: Line, line: Line, margins: dict[int, _Margins]) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``prev``."""
    a, b = prev.text, line.text
    if line.region is not None:                       # header/signature columns: lists only
        return not _matches("block_start", b) and (a.endswith((",", "-")) or b[:1].islower())
    if _matches("block_start", b) or _matches("standalone", a) or _matches("standalone", b):
        return False
    caps_a, caps_b = _is_caps(a), _is_caps(b)
    if caps_a is not None and caps_b is not None and caps_a != caps_b:
        return False
    ma, mb = margins[id(prev.page)], margins[id(line.page)]
    if prev.page is line.page and line.top - prev.bottom > _PARAGRAPH_GAP * prev.height:
        return False
    if _centred(line, mb, line.page) and _centre_near(prev, ma, prev.page) and _bold(prev) == _bold(line):
        return True                                   # a title wrapped over centred lines
    if line.x0 > mb.left + _INDENT * line.height:
        return False                                  # first-line indent
    first_word = b.split(" ", 1)[0]
    word_width = (line.x1 - line.x0) * (len(first_word) + 1) / max(len(b), 1)
    if ma.right - prev.x1 > max(word_width, _SHORT_LINE * prev.height):
        return False                                  # the next word would have fitted: paragraph ended
    if _SENTENCE_END.search(a) and b[:1].isupper():
        return False
    return True


def _join(lines: list[Line]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        nxt = line.text
        if _HYPHENATED.search(text) and nxt[:1].islower():
            text = text[:-1] + nxt                  # hyphenation repaired
        else:
            text = f"{text} {nxt}"
    return text


def _paragraphs(lines: list[Line], margins: dict[int, _Margins]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.kind is not BlockKind.LINE and groups[-1][-1].kind is not BlockKind.LINE \
                and groups[-1][-1].region == line.region and _continues(groups[-1][-1], line, margins):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _location(lines, page: PageSpans, region: str | None = None) -> SourceLocation:
    same = [l for l in lines if l.page is page] or list(lines)
    bbox = (min(l.x0 for l in same), min(l.top for l in same),
            max(l.x1 for l in same), max(l.bottom for l in same))
    return SourceLocation(page=page.number, bbox=tuple(round(v, 1) for v in bbox), region=region)


# ---------------------------------------------------------------------------------------------
# assembly


def _zone_region(rows: list[Row], start: int, page: PageSpans, body_seen: bool) -> str:
    if page.number == 1 and not body_seen and start <= 1:
        return "header"
    text = "\n".join(_row_text(r) for r in rows)
    return "signature" if _vocab()["signature"].search(text) else "column"


def _is_table_row(rows: list[Row], i: int) -> bool:
    """Three or more columns on this row and on a neighbour: a table drawn without rules."""
    return len(rows[i]) >= 3 and any(0 <= j < len(rows) and len(rows[j]) >= 3 for j in (i - 1, i + 1))


def _page_lines(page: PageSpans, rows: list[Row], body_seen: bool) -> tuple[list[Line], bool]:
    """A page's lines in reading order, regions and kinds set."""
    out: list[Line] = []
    zones = {z.start: z for z in _zones(rows, page)}
    i = 0
    while i < len(rows):
        zone = zones.get(i)
        if zone:
            region = _zone_region(rows[zone.start:zone.end], i, page, body_seen)
            for side_index, side in enumerate(("left", "right")):
                for j in range(zone.start, zone.end):
                    spans = zone.cuts[j][side_index]
                    if spans:
                        line = Line(spans, page, region=f"{region}_{side}")
                        if region == "header":
                            line.kind = BlockKind.LINE
                        out.append(line)
            i = zone.end
            continue
        if _is_table_row(rows, i):
            for line in rows[i]:
                line.kind = BlockKind.TABLE_CELL
                out.append(line)
        else:
            out.append(Line([s for line in rows[i] for s in line.spans], page))
            body_seen = True
        i += 1
    return out, body_seen


def assemble(pages: list[PageSpans]) -> TextBuilder:
    """Spans of every page → a TextBuilder holding blocks, asides and warnings."""
    builder = TextBuilder()
    pages_rows = [(p, [_split_row(spans, p) for spans in _group_rows(p)]) for p in pages if p.spans]
    builder.asides.extend(_remove_running_heads(pages_rows))
    lines: list[Line] = []
    margins: dict[int, _Margins] = {}
    body_seen = False
    for page, rows in pages_rows:
        page_lines, body_seen = _page_lines(page, rows, body_seen)
        margins[id(page)] = _margins([l for l in page_lines if l.region is None], page)
        lines.extend(page_lines)
    for group in _paragraphs(lines, margins):
        first = group[0]
        text = _join(group)
        kind = first.kind
        if kind is BlockKind.PARAGRAPH and _matches("heading", text):
            kind = BlockKind.HEADING
        confidences = [l.confidence for l in group if l.confidence is not None]
        m = margins.get(id(first.page))
        builder.add(
            text, kind=kind, location=_location(group, first.page, first.region),
            style=Style(caps=_is_caps(text), centered=bool(m and _centred(first, m, first.page))),
            confidence=round(sum(confidences) / len(confidences), 3) if confidences else None)
    return builder


# ---------------------------------------------------------------------------------------------
# reading


def open_pdf(data: bytes, name: str | None) -> pdfium.PdfDocument:
    offset = pdf_offset(data)
    try:
        return pdfium.PdfDocument(data[offset:] if offset > 0 else data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise EncryptedDocument("the PDF is protected by a password", source=name) from None
        raise CorruptDocument(f"the PDF is damaged and cannot be read ({e})", source=name) from None


_WHITESPACE = re.compile(r"[ \t\r\n\x02\ufffe]+")
_LINE_BREAK = re.compile(r"[\r\n]")
_SOFT_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})   # pdfium's marks for a hyphen at line end


def text_spans(textpage: pdfium.PdfTextPage, height: float) -> list[Span]:
    """The text layer as runs of words on one line, top-left origin.

    pdfium's text already breaks lines (CR LF) and puts a space at every gap, so only the
    characters on either side of whitespace need their (loose: font-high) boxes; a run ends at
    a line break or at a gap wider than ``_WORD_GAP`` line heights.  About one ctypes call per
    three characters."""
    text = textpage.get_text_range()
    handle = textpage.raw
    rect = pdfium.raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = pdfium.raw.FPDFText_GetLooseCharBox

    def box(i: int) -> tuple[float, float, float, float]:
        get_box(handle, i, ref)
        return rect.left, height - rect.top, rect.right, height - rect.bottom

    spans: list[Span] = []
    start = first = None

    def close(end: int, last: tuple[float, float, float, float]) -> None:
        weight = pdfium.raw.FPDFText_GetFontWeight(handle, start)
        spans.append(Span(first[0], min(first[1], last[1]), max(first[2], last[2]),
                          max(first[3], last[3]), text[start:end].translate(_SOFT_HYPHENS),
                          bold=weight >= 600 if weight > 0 else None))

    position = 0
    for m in _WHITESPACE.finditer(text + "\n"):
        if m.start() > position:                          # the word text[position:m.start()]
            if start is None:
                start, first = position, box(position)
            last = box(m.start() - 1)
            if m.end() >= len(text) or _LINE_BREAK.search(m.group()):
                close(m.start(), last)
                start = None
            else:
                nxt = box(m.end())
                line_height = max(last[3] - last[1], 1.0)
                if nxt[0] - last[2] > _WORD_GAP * line_height or abs(nxt[1] - last[1]) > 0.5 * line_height:
                    close(m.start(), last)
                    start = None
        elif start is not None and (m.end() >= len(text) or _LINE_BREAK.search(m.group())):
            close(position, first)
            start = None
        position = m.end()
    return spans


def word_spans(words: list[ocr.Word]) -> list[Span]:
    return [Span(w.x0, w.top, w.x1, w.bottom, w.text, w.confidence, w.line_key) for w in words]


def _is_scan(page: pdfium.PdfPage, spans: list[Span], width: float, height: float) -> bool:
    rough = sum(len(s.text) for s in spans)
    if rough >= 2 * _LITTLE_TEXT:
        return False
    chars = sum(1 for s in spans for ch in s.text if ch.isalnum())
    if chars < _MIN_TEXT_CHARS:
        return True
    if chars >= _LITTLE_TEXT:
        return False
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = obj.get_bounds()
            if (x1 - x0) * (y1 - y0) >= _SCAN_IMAGE_SHARE * width * height:
                return True
    return False


def ocr_page(page: pdfium.PdfPage, limits: Limits) -> tuple[list[Span], float | None]:
    scale = ocr.RENDER_DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    result = ocr.recognise(image, scale=1 / scale, timeout_s=limits.ocr_timeout_s)
    return word_spans(result.words), result.confidence


def read(data: bytes, name: str | None, limits: Limits) -> RawDocument:
    pdf = open_pdf(data, name)
    try:
        return _read(pdf, data, name, limits)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, data: bytes, name: str | None, limits: Limits) -> RawDocument:
    warnings: list[str] = []
    total = len(pdf)
    if total > limits.max_pages:
        warnings.append(f"the PDF has {total} pages; only the first {limits.max_pages} were read")
    pages: list[PageSpans] = []
    infos: list[PageInfo] = []
    scans: list[int] = []
    for index in range(min(total, limits.max_pages)):
        try:
            page = pdf[index]
            width, height = page.get_size()
            spans = text_spans(page.get_textpage(), height)
            if _is_scan(page, spans, width, height):
                scans.append(len(pages))
        except pdfium.PdfiumError as e:
            warnings.append(f"page {index + 1} could not be read ({e})")
            continue
        pages.append(PageSpans(number=index + 1, width=width, height=height, spans=spans))
        infos.append(PageInfo(number=index + 1, width=round(width, 2), height=round(height, 2)))
    if scans:
        _ocr_pages(pdf, pages, infos, scans, name, limits, warnings)
    encoding = _convert_legacy(pages)
    builder = assemble(pages)
    builder.pages = infos
    builder.warnings = warnings + builder.warnings
    return builder.build(data, SourceFormat.PDF, name, encoding=encoding)


def _ocr_pages(pdf, pages, infos, scans, name, limits, warnings) -> None:
    try:
        ocr.ensure_available(name)
    except ConverterMissing:
        if len(scans) == len(pages):
            raise
        warnings.append(f"{len(scans)} scanned page(s) not read: {ocr.INSTALL_HINT}")
        return
    for n, i in enumerate(scans, 1):
        number = pages[i].number
        started = time.perf_counter()
        try:
            spans, confidence = ocr_page(pdf[number - 1], limits)
        except RuntimeError as e:                # Tesseract timed out or failed on this page
            warnings.append(f"page {number}: OCR failed ({e})")
            continue
        pages[i].spans, pages[i].ocr = spans, True
        infos[i].ocr = True
        infos[i].ocr_confidence = round(confidence, 3) if confidence is not None else None
        log.info("OCR %s page %d (%d of %d scanned): %.1f s, confidence %s", name or "PDF", number,
                 n, len(scans), time.perf_counter() - started,
                 "-" if confidence is None else f"{confidence:.2f}")


def _convert_legacy(pages: list[PageSpans]) -> str | None:
    """Detect TCVN3/VNI on the whole text layer, then convert run by run."""
    encoding = detect("\n".join(s.text for p in pages if not p.ocr for s in p.spans))
    if encoding is None:
        return None
    for page in pages:
        if not page.ocr:
            for span in page.spans:
                span.text = convert_unless_unicode(span.text, encoding)
    return encoding
