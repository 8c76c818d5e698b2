"""The section tree of the body: Phần/Chương → I. → 1. → a) → - → +, or Chương → Điều → khoản.

Each heading nests under the nearest open heading of lower rank (nlp/resources/headings.yaml).
Numbering is kept as written; duplicates and gaps become issues, never corrections.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from nlp.segment.lines import Line
from nlp.segment.rules import HeadingMatch, rules
from nlp.textutil import is_caps
from schema.plan import Issue, PlanDocument, Section, SectionKind

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(label: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(label.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@dataclass
class _Node:
    match: HeadingMatch
    kind: SectionKind
    first: int                  # line index of the heading
    last: int                   # line index of the heading's own last line (title on the next line)
    title_text: str
    end: int = -1               # last line index of the whole section
    children: list["_Node"] = field(default_factory=list)
    has_content: bool = False


def item_title(text: str, has_content: bool) -> str | None:
    """The heading text of a ``1.`` item when it is a short heading ("Mục đích"), else None."""
    r = rules()
    text = text.strip()
    if not text or text.endswith(r.sentence_endings) or ":" in text:
        return None
    if len(text) > r.title_max_chars or len(text.split()) > r.title_max_words:
        return None
    if not has_content and not is_caps(text):
        return None
    return text


def _label_only(m: HeadingMatch) -> bool:
    return not m.title


def build(lines: list[Line], start: int, end: int) -> list[_Node]:
    """Heading nodes for lines[start:end], nested; content lines only extend their section."""
    r = rules()
    roots: list[_Node] = []
    stack: list[_Node] = []
    i = start
    while i < end:
        m = r.match_heading(lines[i].text)
        if m is None or (m.rule.kind is SectionKind.PART and _label_only(m)
                         and not (i + 1 < end and is_caps(lines[i + 1].text))):
            if stack:
                stack[-1].has_content = True
            i += 1
            continue
        title_text, last = m.title, i
        if _label_only(m) and i + 1 < end and r.match_heading(lines[i + 1].text) is None:
            title_text, last = lines[i + 1].text, i + 1
        kind = m.rule.kind
        while stack and stack[-1].match.rule.rank >= m.rule.rank:
            stack.pop().end = i - 1
        if kind is SectionKind.ITEM and stack and stack[-1].kind is r.clause_parent:
            kind = SectionKind.CLAUSE
        node = _Node(m, kind, i, last, title_text)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        i = last + 1
    for node in stack:
        node.end = end - 1
    return roots


def _fix_ends(nodes: list[_Node], end: int) -> None:
    for k, node in enumerate(nodes):
        if node.end < node.first:
            node.end = (nodes[k + 1].first - 1) if k + 1 < len(nodes) else end
        _fix_ends(node.children, node.end)
        if node.children:
            node.has_content = True


def to_sections(plan: PlanDocument, lines: list[Line], nodes: list[_Node]) -> list[Section]:
    out = []
    for node in nodes:
        head_start = lines[node.first].start
        title: str | None
        if node.kind in (SectionKind.ITEM, SectionKind.CLAUSE):
            title = item_title(node.title_text, node.has_content or node.last > node.first)
        elif node.kind is SectionKind.BULLET:
            title = None
        else:
            title = node.title_text.strip().rstrip(":").strip() or None
        out.append(Section(
            kind=node.kind, label=node.match.label, title=title,
            heading=plan.span(head_start, lines[node.last].end),
            body=plan.span(head_start, lines[max(node.end, node.last)].end),
            children=to_sections(plan, lines, node.children)))
    return out


def sections(plan: PlanDocument, lines: list[Line], start: int, end: int) -> list[Section]:
    nodes = build(lines, start, end)
    _fix_ends(nodes, end - 1)
    plan.issues.extend(numbering_issues(plan, lines, nodes))
    return to_sections(plan, lines, nodes)


def _ordinal(label: str, style: str) -> int | None:
    if style == "roman":
        return roman_value(label)
    if style == "arabic":
        return int(label) if label.isdigit() else roman_value(label)
    if style == "letter":
        letters = rules().letters
        return letters.index(label) + 1 if label in letters else None
    return None


def numbering_issues(plan: PlanDocument, lines: list[Line], nodes: list[_Node]) -> list[Issue]:
    issues: list[Issue] = []
    by_rule: dict[int, list[_Node]] = {}
    for node in nodes:
        if node.match.rule.numbered:
            by_rule.setdefault(id(node.match.rule), []).append(node)
    for group in by_rule.values():
        prev: int | None = None
        for node in group:
            value = _ordinal(node.match.label, node.match.rule.label_style)
            if value is None:
                continue
            span = plan.span(lines[node.first].start, lines[node.last].end)
            label = node.match.label
            if prev is not None and value == prev:
                issues.append(Issue(code="numbering_duplicate", severity="warning", span=span,
                                    message=f"{node.kind.value} {label!r} is numbered twice"))
            elif prev is not None and value != prev + 1:
                issues.append(Issue(code="numbering_gap", severity="warning", span=span,
                                    message=f"{node.kind.value} {label!r} does not follow the previous one"))
            elif prev is None and value != 1 and node.kind is not SectionKind.ARTICLE:
                issues.append(Issue(code="numbering_gap", severity="info", span=span,
                                    message=f"{node.kind.value} numbering starts at {label!r}"))
            prev = value
    for node in nodes:
        issues.extend(numbering_issues(plan, lines, node.children))
    return issues
