"""Hand-built PlanDocuments for linking and calendar tests (the extractors are not needed).

``FakeAnalyzer`` stands in for ``nlp.analyze``: bytes registered with ``add`` get the plan
built for them; anything else goes through the real ingest + NLP pipeline, so bad input
still raises the real IngestError.
"""
from __future__ import annotations

import hashlib

from ingest import Limits
from schema.plan import (Assignment, Deadline, DocumentHeader, Located, Movement, PlanDocument,
                         Reference, Relation, Role, Span)
from schema.raw import RawDocument, SourceFormat
from service.storage import parse_bytes

SPAN = Span(start=0, end=1)


def located(value):
    return Located(value=value, span=SPAN) if value is not None else None


def raw_for(data: bytes, name: str = "plan.txt") -> RawDocument:
    text = data.decode("utf-8")
    return RawDocument(source_name=name, source_format=SourceFormat.TEXT,
                       sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=text)


def ref(number: str, symbol: str, issued: str | None = None, issuer: str | None = None,
        relation: Relation = Relation.IMPLEMENTS, doc_type: str | None = "KH") -> Reference:
    return Reference(relation=relation, doc_type=doc_type, number=number, symbol=symbol,
                     issued=issued, issuer=issuer, span=SPAN)


def deadline(due: str | None, text: str = "Báo cáo kết quả", recurrence: str | None = None,
             responsible: list[str] | None = None, report_to: list[str] | None = None,
             approximate: bool = False, action: str | None = None) -> Deadline:
    return Deadline(due=due, recurrence=recurrence, approximate=approximate,
                    responsible=responsible or [], report_to=report_to or [], action=action,
                    text=text, span=SPAN)


def assignment(body: str, role: Role = Role.RESPONSIBLE) -> Assignment:
    return Assignment(body=body, role=role, span=SPAN)


def plan(data: bytes, *, number: str | None = None, symbol: str | None = None,
         issuer: str | None = None, issued: str | None = None, doc_type: str | None = "KH",
         title: str | None = None, movement: str | None = None,
         references: list[Reference] = (), deadlines: list[Deadline] = (),
         assignments: list[Assignment] = ()) -> PlanDocument:
    header = DocumentHeader(doc_type=located(doc_type), number=located(number), symbol=located(symbol),
                            issuer=located(issuer), issued=located(issued), title=located(title))
    return PlanDocument(raw=raw_for(data), header=header, movement=Movement(name=located(movement)),
                        references=list(references), deadlines=list(deadlines),
                        assignments=list(assignments))


class FakeAnalyzer:
    def __init__(self):
        self.plans: dict[bytes, PlanDocument] = {}
        self.calls = 0

    def add(self, label: str, **fields) -> bytes:
        """Register a plan; returns the file bytes that stand for it."""
        data = f"KẾ HOẠCH {label}\n".encode("utf-8")
        self.plans[data] = plan(data, **fields)
        return data

    def __call__(self, data: bytes, name: str, limits: Limits) -> PlanDocument:
        self.calls += 1
        if data in self.plans:
            return self.plans[data].model_copy(deep=True)
        return parse_bytes(data, name, limits)
