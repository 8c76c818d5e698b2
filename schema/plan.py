"""The plan model: what NLP makes of a RawDocument, and what the service stores and serves.

Every extracted value carries a ``Span`` into ``PlanDocument.raw.text`` (and, through the
raw document's blocks, a place in the source file).  Dates are partial ISO strings as
precise as the text: "2024", "2024-08", "2024-08-05", "--11-10" (yearly, no year),
"---20" (a day of every month).
"""
from __future__ import annotations

from enum import Enum
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from schema.raw import RawDocument, SourceLocation

SCHEMA_VERSION = "1"

T = TypeVar("T")


class Span(BaseModel):
    """Half-open character range ``[start, end)`` into the normalised text."""
    start: int
    end: int
    page: int | None = None
    location: SourceLocation | None = None


class Located(BaseModel, Generic[T]):
    """A value with the place it was read from and how sure the reader is."""
    value: T
    span: Span | None = None
    confidence: float = 1.0


class Relation(str, Enum):
    IMPLEMENTS = "implements"   # the parent plan (or the decision that issued it)
    BASIS = "basis"             # other preamble documents (Căn cứ / Thực hiện)
    CITES = "cites"             # named only in the body


class Role(str, Enum):
    LEAD = "lead"               # chủ trì, giao, cơ quan thường trực
    SUPPORT = "support"         # phối hợp
    RESPONSIBLE = "responsible" # any other tasked body


class SectionKind(str, Enum):
    CHAPTER = "chapter"         # Phần / Chương
    PART = "part"               # I., II., …
    ITEM = "item"               # 1., 2., …
    POINT = "point"             # a), b), …
    BULLET = "bullet"           # -, +
    ARTICLE = "article"         # Điều N.
    CLAUSE = "clause"           # khoản inside an article
    APPENDIX = "appendix"       # Phụ lục


class Section(BaseModel):
    kind: SectionKind
    label: str                  # "I", "1", "a", "Điều 3" → "3"; as written, without the dot/bracket
    title: str | None = None    # the heading text when the item is a short heading
    heading: Span               # the heading line (label included)
    body: Span                  # heading through the end of the section's last child
    children: list[Section] = Field(default_factory=list)


class DocumentHeader(BaseModel):
    doc_type: Located[str] | None = None       # "KH", "QĐ", … (NĐ 30/2020 abbreviations)
    doc_type_name: str | None = None           # "KẾ HOẠCH"
    number: Located[str] | None = None         # "524"; None when the draft leaves it blank
    symbol: Located[str] | None = None         # "KH-UBND", "2023/NĐ-CP", "NQ/TU"
    issuer: Located[str] | None = None
    issuer_parent: Located[str] | None = None  # the chủ quản line above the issuer
    place: Located[str] | None = None
    issued: Located[str] | None = None         # partial ISO date
    title: Located[str] | None = None          # trích yếu
    national_motto: Span | None = None         # quốc hiệu - tiêu ngữ
    marks: list[Located[str]] = Field(default_factory=list)  # urgency, secrecy, DỰ THẢO


class Reference(BaseModel):
    relation: Relation
    doc_type: str | None = None
    doc_type_name: str | None = None           # "Kế hoạch", "Nghị định", …
    number: str | None = None
    symbol: str | None = None
    issued: str | None = None                  # partial ISO date
    issuer: str | None = None
    subject: str | None = None                 # what follows "về việc …" / the title part
    span: Span                                 # the whole mention
    confidence: float = 1.0


class Movement(BaseModel):
    name: Located[str] | None = None
    period_start: Located[str] | None = None
    period_end: Located[str] | None = None


class Deadline(BaseModel):
    due: str | None                            # partial ISO, or "--MM-DD" / "---DD" for recurring
    recurrence: str | None = None              # "yearly", "monthly", "quarterly", "half-yearly"
    approximate: bool = False                  # cuối năm, quý IV, 6 tháng đầu năm …
    responsible: list[str] = Field(default_factory=list)
    report_to: list[str] = Field(default_factory=list)
    action: str | None = None                  # what must be done
    text: str                                  # the source sentence (or clause)
    span: Span                                 # the sentence/clause
    time_span: Span | None = None              # the time expression itself
    section: str | None = None                 # label path of the section it sits in ("VI.2")
    confidence: float = 1.0


class Assignment(BaseModel):
    body: str
    role: Role
    level: str | None = None                   # "central", "province", "district", "commune", "unit"
    task: str | None = None
    span: Span
    section: str | None = None
    confidence: float = 1.0


class Criterion(BaseModel):
    target: str | None = None                  # "Đối với các sở, ban, ngành"; None when not grouped
    items: list[str] = Field(default_factory=list)
    span: Span


class Award(BaseModel):
    form: str                                  # canonical form: "Bằng khen", "Giấy khen", "Huân chương Lao động" …
    kind: str | None = None                    # "hinh_thuc" (form of reward) or "danh_hieu" (title)
    authority: str | None = None               # whose: "Chủ tịch UBND tỉnh"
    text: str | None = None
    span: Span


class Recipient(BaseModel):
    name: str
    purpose: str | None = None                 # "b/c", "p/h", "t/h", "đ/b"
    span: Span


class Signer(BaseModel):
    title: str | None = None                   # "GIÁM ĐỐC"
    name: str | None = None
    authority: str | None = None               # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    span: Span


class Issue(BaseModel):
    """Something the pipeline noticed or could not understand."""
    code: str                                  # "numbering_duplicate", "unparsed_reference", …
    message: str
    span: Span | None = None
    severity: str = "info"                     # "info", "warning", "error"


class PlanDocument(BaseModel):
    schema_version: str = SCHEMA_VERSION
    raw: RawDocument
    header: DocumentHeader = Field(default_factory=DocumentHeader)
    preamble: Span | None = None               # the Căn cứ / Thực hiện lines
    sections: list[Section] = Field(default_factory=list)
    closing: Span | None = None                # "Trên đây là …" / "./."
    recipients_block: Span | None = None
    signature_block: Span | None = None
    appendices: list[Section] = Field(default_factory=list)
    movement: Movement = Field(default_factory=Movement)
    references: list[Reference] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    signer: Signer | None = None
    status: str = "ok"                         # "ok", or "partial" when a stage recorded errors
    issues: list[Issue] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return self.raw.text

    def span(self, start: int, end: int) -> Span:
        """A Span over ``text[start:end]`` with its source location filled in."""
        loc = self.raw.locate(start)
        return Span(start=start, end=end, page=loc.page if loc else None, location=loc)

    def snippet(self, span: Span) -> str:
        return self.raw.text[span.start:span.end]
