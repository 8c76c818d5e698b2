"""Check 4: what the parent gives to bodies of the child's kind ("UBND các huyện …: …")."""
from __future__ import annotations

from nlp.compliance.items import Unit, section_at, unit_of, walk
from schema.plan import PlanDocument, Section
from service.linking import body_matches


def concerns(body: str, child: PlanDocument) -> bool:
    """Does a body the parent tasks name the child's issuer, or the kind of body it is?"""
    issuer = child.header.issuer.value if child.header.issuer else None
    if not issuer or not body:
        return False
    return body_matches(body, issuer) or body_matches(body, issuer, group=True)


def task_units(child: PlanDocument, parent: PlanDocument) -> list[Unit]:
    """The parent's units that task the child's level: the leaves under each matching assignment."""
    out: list[Unit] = []
    seen: set[int] = set()
    for a in parent.assignments:
        if not concerns(a.body, child):
            continue
        path, idx = section_at(parent, a.span.start)
        if not path:
            continue
        s: Section = path[-1]
        if s.children:
            leaves = [(p, i) for c, p, i in walk(parent, s.children, path, idx) if not c.children]
        else:
            leaves = [(path, idx)]
        for p, i in leaves:
            if p[-1].heading.start in seen:
                continue
            seen.add(p[-1].heading.start)
            out.append(unit_of(parent, p, i))
    out.sort(key=lambda u: u.start)
    return out


def tasked_ranges(child: PlanDocument, parent: PlanDocument) -> list[tuple[int, int]]:
    """Parent text ranges (sections) whose tasks fall to the child."""
    out = []
    for a in parent.assignments:
        if concerns(a.body, child):
            path, _ = section_at(parent, a.span.start)
            if path:
                out.append((path[-1].body.start, path[-1].body.end))
    return out
