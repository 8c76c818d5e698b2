"""The central data model of kehoach: RawDocument (ingest) → PlanDocument (nlp) → contract JSON."""
from schema.contract import to_contract
from schema.plan import (
    SCHEMA_VERSION, Assignment, Award, Criterion, Deadline, DocumentHeader, Issue, Located,
    Movement, PlanDocument, Recipient, Reference, Relation, Role, Section, SectionKind, Signer, Span,
)
from schema.raw import (
    Aside, Block, BlockKind, PageInfo, RawDocument, SourceFormat, SourceLocation, Style,
)

__all__ = [
    "SCHEMA_VERSION", "Assignment", "Award", "Criterion", "Deadline", "DocumentHeader", "Issue",
    "Located", "Movement", "PlanDocument", "Recipient", "Reference", "Relation", "Role", "Section",
    "SectionKind", "Signer", "Span", "Aside", "Block", "BlockKind", "PageInfo", "RawDocument",
    "SourceFormat", "SourceLocation", "Style", "to_contract",
]
