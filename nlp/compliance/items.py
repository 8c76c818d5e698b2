"""Units of a plan read from its section tree: the parent's content items and the child's passages.

Content items are the leaves (and the items with wording of their own) under the parts
whose heading names content (``compliance.yaml: content_parts``), never the Mục đích /
Yêu cầu boilerplate.  Passages are every section of the child (heading through its last
child) and every line, each with the titles of the short headings above it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from nlp.compliance.matching import Passage, terms
from nlp.compliance.config import has_cue, rules
from nlp.textutil import fold, lines
from schema.plan import PlanDocument, Section, SectionKind

_MAX_PASSAGE = 1200      # a longer section is matched through its lines, not as a whole
_HEADING_WORDS = 12       # an item heading this short with children is a title, not content


@dataclass
class Unit:
    id: str
    path: list[Section]                  # ancestors, outermost first, the unit last
    start: int
    end: int
    text: str
    context: list[str] = field(default_factory=list)   # the titles of the headings above

    @property
    def section(self) -> str:
        return ".".join(s.label for s in self.path if s.kind not in (SectionKind.BULLET,))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _title(plan: PlanDocument, s: Section) -> str:
    return s.title or _clean(plan.text[s.heading.start:s.heading.end])


def _ids(path: list[Section], siblings_index: list[int]) -> str:
    out = []
    for s, k in zip(path, siblings_index):
        out.append(f"#{k + 1}" if s.kind == SectionKind.BULLET else ("." if out else "") + s.label)
    return "".join(out)


def _is_heading(plan: PlanDocument, s: Section) -> bool:
    words = len(plan.text[s.heading.start:s.heading.end].split())
    return bool(s.children) and (s.title is not None or words <= _HEADING_WORDS)


def walk(plan: PlanDocument, sections: list[Section], path: list[Section] | None = None,
         index: list[int] | None = None):
    """(section, path, sibling indices) for every section, depth first."""
    path, index = path or [], index or []
    for k, s in enumerate(sections):
        yield s, [*path, s], [*index, k]
        yield from walk(plan, s.children, [*path, s], [*index, k])


def _part_kind(plan: PlanDocument, s: Section) -> str | None:
    head = fold(_title(plan, s))
    r = rules()
    if has_cue(head, r["task_parts"]):
        return "task"
    if has_cue(head, r["skip_parts"]) and not has_cue(head, ["nội dung", "nhiệm vụ"]):
        return None
    if has_cue(head, r["content_parts"]):
        return "content"
    return None


def content_items(plan: PlanDocument) -> list[Unit]:
    """The parent's content units, in document order.

    The parts headed as content ("NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP"); a parent with none of
    them (a guidance or a circular in chapters and articles) gives every part but the skipped
    ones."""
    tops = [s for s in plan.sections if s.kind in (SectionKind.PART, SectionKind.CHAPTER, SectionKind.ARTICLE)]
    chosen = [t for t in tops if _part_kind(plan, t) == "content"]
    if not chosen:
        chosen = [t for t in tops if _part_kind(plan, t) != "task" and
                  not has_cue(fold(_title(plan, t)), rules()["skip_parts"])]
    out: list[Unit] = []
    for top in chosen:
        out.extend(_units_under(plan, top))
    return out


def _units_under(plan: PlanDocument, top: Section) -> list[Unit]:
    r = rules()
    if not top.children:
        return [] if top.kind != SectionKind.ARTICLE else [_leaf(plan, top, [top], [0])]
    out = []
    for s, path, idx in walk(plan, top.children, [top], [0]):
        head = fold(_title(plan, s))
        if any(has_cue(fold(_title(plan, a)), r["skip_items"]) and _is_heading(plan, a) for a in path[1:-1]):
            continue
        if _is_heading(plan, s) or has_cue(head, r["skip_items"]) and len(head.split()) <= 4:
            continue
        unit = _leaf(plan, s, path, idx)
        if terms(unit.text):
            out.append(unit)
    return out


def _leaf(plan: PlanDocument, s: Section, path: list[Section], idx: list[int]) -> Unit:
    end = s.children[0].heading.start if s.children else s.body.end
    context = [_title(plan, a) for a in path[1:-1] if _is_heading(plan, a)]
    return Unit(_ids(path, idx), path, s.heading.start, _end(plan.text, s.heading.start, end),
                _clean(plan.text[s.heading.start:end]), context)


def _end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def section_at(plan: PlanDocument, pos: int) -> tuple[list[Section], list[int]]:
    """The path of the deepest section whose body holds ``pos``."""
    best: tuple[list[Section], list[int]] = ([], [])
    for s, path, idx in walk(plan, plan.sections):
        if s.body.start <= pos < s.body.end and len(path) > len(best[0]):
            best = (path, idx)
    return best


def unit_of(plan: PlanDocument, path: list[Section], idx: list[int]) -> Unit:
    s = path[-1]
    return Unit(_ids(path, idx), path, s.heading.start, _end(plan.text, s.heading.start, s.body.end),
                _clean(plan.text[s.heading.start:s.body.end]),
                [_title(plan, a) for a in path[:-1] if _is_heading(plan, a)])


def passages(plan: PlanDocument) -> list[Passage]:
    """Every section and every line of the child's body, each with the headings above it."""
    text = plan.text
    out: list[Passage] = []
    seen: set[tuple[int, int]] = set()
    body_start = plan.sections[0].heading.start if plan.sections else (plan.preamble.end if plan.preamble else 0)
    body_end = plan.closing.start if plan.closing else (plan.signature_block.start if plan.signature_block
                                                         else len(text))
    for s, path, _ in walk(plan, plan.sections):
        if s.kind in (SectionKind.PART, SectionKind.CHAPTER) or s.body.end - s.body.start > _MAX_PASSAGE:
            continue
        ctx = " ".join(_title(plan, a) for a in path[:-1] if _is_heading(plan, a))
        end = _end(text, s.heading.start, s.body.end)
        seen.add((s.heading.start, end))
        out.append(Passage(s.heading.start, end, _clean(text[s.heading.start:end]),
                           frozenset(terms(ctx + " " + text[s.heading.start:end]))))
    for ls, le in lines(text, body_start, max(body_start, body_end)):
        if (ls, le) in seen:
            continue
        path, _ = section_at(plan, ls)
        ctx = " ".join(_title(plan, a) for a in path if _is_heading(plan, a) and a.heading.start != ls)
        out.append(Passage(ls, le, _clean(text[ls:le]), frozenset(terms(ctx + " " + text[ls:le]))))
    return [p for p in out if p.terms]
