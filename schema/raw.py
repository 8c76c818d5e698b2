"""What ingest produces: one normalised text and the place in the source of every character.

The text is NFC Unicode with legacy encodings converted, one paragraph (or table cell,
or heading line) per line.  ``blocks`` cover the text in order; every character of
``text`` lies inside exactly one block, or on the newline between two, so
``RawDocument.locate(offset)`` always answers.
"""
from __future__ import annotations

from bisect import bisect_right
from enum import Enum

from pydantic import BaseModel, Field, PrivateAttr


class SourceFormat(str, Enum):
    TEXT = "text"
    DOCX = "docx"
    DOC = "doc"
    PDF = "pdf"
    IMAGE = "image"


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    LINE = "line"            # a PDF/OCR line (or a header line) kept on its own
    TABLE_CELL = "table_cell"
    HEADING = "heading"


class Style(BaseModel):
    """Style hints where the format has them (None = unknown)."""
    bold: bool | None = None
    italic: bool | None = None
    centered: bool | None = None
    caps: bool | None = None
    font_size: float | None = None
    font_name: str | None = None


class SourceLocation(BaseModel):
    """Where a piece of text stands in the original file."""
    page: int | None = None                                   # 1-based (PDF, image, DOC via PDF)
    bbox: tuple[float, float, float, float] | None = None     # x0, top, x1, bottom in PDF points
    paragraph: int | None = None                              # 0-based body paragraph index (DOCX)
    table: int | None = None                                  # 0-based table index (DOCX)
    row: int | None = None
    cell: int | None = None
    line: int | None = None                                   # 1-based line number in a text source
    region: str | None = None                                 # "header_left", "header_right", … where layout says


class Block(BaseModel):
    """A run of normalised text ``text[start:end]`` that comes from one place in the source."""
    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH
    location: SourceLocation = Field(default_factory=SourceLocation)
    style: Style = Field(default_factory=Style)
    numbering: str | None = None          # a list label Word generated ("I.", "1.", "a)") prefixed to the text
    confidence: float | None = None       # OCR confidence 0..1 for OCR'd blocks


class PageInfo(BaseModel):
    number: int
    width: float | None = None
    height: float | None = None
    ocr: bool = False
    ocr_confidence: float | None = None   # mean word confidence 0..1 when OCR'd


class Aside(BaseModel):
    """Text kept apart from the body: page headers/footers, footnotes, comments."""
    kind: str                             # "header", "footer", "footnote", "endnote"
    text: str
    location: SourceLocation = Field(default_factory=SourceLocation)


class RawDocument(BaseModel):
    source_name: str | None = None
    source_format: SourceFormat
    sha256: str
    size: int                                   # bytes of the original file
    text: str
    blocks: list[Block] = Field(default_factory=list)
    pages: list[PageInfo] = Field(default_factory=list)
    asides: list[Aside] = Field(default_factory=list)
    encoding: str | None = None                 # text encoding, or legacy font encoding converted ("tcvn3", "vni")
    warnings: list[str] = Field(default_factory=list)

    _starts_cache: list[int] | None = PrivateAttr(default=None)

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``; between blocks, the one before it."""
        if not self.blocks:
            return None
        starts = self._starts()
        i = bisect_right(starts, offset) - 1
        return self.blocks[max(i, 0)]

    def locate(self, offset: int) -> SourceLocation | None:
        block = self.block_at(offset)
        return block.location if block else None

    def _starts(self) -> list[int]:
        if self._starts_cache is None or len(self._starts_cache) != len(self.blocks):
            self._starts_cache = [b.start for b in self.blocks]
        return self._starts_cache
