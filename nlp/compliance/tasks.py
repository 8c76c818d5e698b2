"""Check 4: what the parent gives to bodies of the child's kind ("UBND các huyện …: …")."""
from __future__ import annotations

from nlp.compliance.config import has_cue, rules
from nlp.compliance.items import Unit, section_at, split_sentences, unit_of, walk
from nlp.textutil import fold
from schema.plan import PlanDocument, Section
from service.linking import body_matches


def concerns(body: str, child: PlanDocument) -> bool:
    """Does a body the parent tasks name the child's issuer, or the kind of body it is?"""
    issuer = child.header.issuer.value if child.header.issuer else None
    if not issuer or not body:
        return False
    return body_matches(body, issuer) or body_matches(body, issuer, group=True)


def _responsible_sections(child: PlanDocument, parent: PlanDocument):
    """(path, sibling indices) of the parent sections headed as the duties of the child's kind
    of body ("Điều 22. Trách nhiệm của Ủy ban nhân dân cấp tỉnh"; ``compliance.yaml:
    responsibility_heading_cues``), which the assignments found in the text may miss."""
    from nlp.bodies import find_bodies
    cues = rules()["responsibility_heading_cues"]
    for s, path, idx in walk(parent, parent.sections):
        heading = parent.text[s.heading.start:s.heading.end]
        if has_cue(fold(heading), cues) and any(concerns(b.name, child) for b in find_bodies(heading)):
            yield path, idx


def task_units(child: PlanDocument, parent: PlanDocument) -> list[Unit]:
    """The parent's units that task the child's level: the leaves under each matching assignment
    and under each section headed as the duties of the child's kind of body."""
    out: list[Unit] = []
    seen: set[int] = set()
    found = []
    for a in parent.assignments:
        if concerns(a.body, child):
            found.append(section_at(parent, a.span.start))
    found += list(_responsible_sections(child, parent))
    for path, idx in found:
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
            out += split_sentences(parent, unit_of(parent, p, i))
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
