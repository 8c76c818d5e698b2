"""Assembles the normalised text one block at a time, keeping each block's source place."""
from __future__ import annotations

import hashlib

from ingest.normalize import clean_inline
from schema.raw import (
    Aside, Block, BlockKind, PageInfo, RawDocument, SourceFormat, SourceLocation, Style,
)


class TextBuilder:
    """Blocks are joined by one newline; a block's own text never holds a newline."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.pages: list[PageInfo] = []
        self.asides: list[Aside] = []
        self.warnings: list[str] = []

    def add(self, text: str, *, kind: BlockKind = BlockKind.PARAGRAPH,
            location: SourceLocation | None = None, style: Style | None = None,
            numbering: str | None = None, confidence: float | None = None,
            clean: bool = True) -> Block | None:
        text = clean_inline(text) if clean else text.replace("\n", " ")
        if numbering:
            text = f"{numbering} {text}".strip()
        if not text:
            return None
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        block = Block(start=start, end=self._length, kind=kind,
                      location=location or SourceLocation(), style=style or Style(),
                      numbering=numbering, confidence=confidence)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, data: bytes, source_format: SourceFormat, source_name: str | None,
              encoding: str | None = None) -> RawDocument:
        return RawDocument(
            source_name=source_name, source_format=source_format,
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=self.text,
            blocks=self.blocks, pages=self.pages, asides=self.asides, encoding=encoding,
            warnings=self.warnings,
        )
