"""Units of a plan read from its section tree: the parent's content items and the child's passages.

Content items are the sentences under the parts whose heading names content
(``compliance.yaml: content_parts``), never the Mục đích / Yêu cầu boilerplate; headings the
section tree misses ("BƯỚC BA", "B. ĐỐI VỚI …") open parts of their own.  Passages are the
lines of the child, each with the titles of the short headings above it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.compliance.matching import Passage, terms
from nlp.compliance.config import has_cue, rules, threshold
from nlp.textutil import fold, is_caps, lines, sentences
from schema.plan import PlanDocument, Section, SectionKind

_HEADING_WORDS = 12       # an item heading this short with children is a title, not content
_CAPS_HEADING_WORDS = 25  # a line in capitals up to this long is a heading
_STEP_HEADING_WORDS = 8   # "Bước 2: Tổ chức hội nghị" is a heading up to this long


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
    if has_cue(head, r["skip_parts"]) and not has_cue(head, r["content_despite_skip"]):
        return None
    if _opens_with_cue(head, r["content_parts"]):
        return "content"
    return None


def _opens_with_cue(head: str, cues: list[str]) -> bool:
    """A cue among the first words of a heading: "II. NỘI DUNG THI ĐUA" is a content part, a
    chapter "TỔ CHỨC HỘI NGHỊ … THỎA THUẬN VỀ CƠ CẤU, THÀNH PHẦN …" only mentions one
    (``compliance.yaml: thresholds.content_cue_words``)."""
    words = re.sub(r"^[\dIVXLC]+[.)]?\s*", "", head, flags=re.IGNORECASE).split()
    return any(_cue_index(words, c) < threshold("content_cue_words") for c in cues)


def _cue_index(words: list[str], cue: str) -> int:
    """The word position where ``cue`` starts in ``words`` (a large number when it does not)."""
    parts = cue.split()
    for i in range(len(words) - len(parts) + 1):
        if [w.strip(",.:;") for w in words[i:i + len(parts)]] == parts:
            return i
    return 1 << 30


def _pseudo_heading(line: str) -> bool:
    """A heading the section tree does not hold: a line in capitals ("B. ĐỐI VỚI …"), a step
    line ("BƯỚC BA", "Bước 2:").  It ends the part above it (``compliance.yaml: step_heading``)."""
    words = line.split()
    if not words or len(words) > _CAPS_HEADING_WORDS:
        return False
    if is_caps(line):
        return True
    return bool(re.match(rules()["step_heading"], fold(line))) and len(words) <= _STEP_HEADING_WORDS


def headings_above(plan: PlanDocument, pos: int):
    """The headings before ``pos``, nearest first, as the tree holds them or not ("II. NỘI DUNG",
    "BƯỚC NĂM" with its title line and the lines in capitals after it)."""
    text = plan.text
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if _pseudo_heading(line):
            block = [line]
            bare = len(line.split()) <= 3      # "BƯỚC NĂM": its title is the next line, in any case
            for k, below in enumerate(text[end + 1:pos].split("\n")):
                if not below.strip() or not (is_caps(below.strip()) or (bare and k == 0)):
                    break
                block.append(below.strip())
            yield " ".join(block)
        end = start - 1


_ASIDE = re.compile(r"\([^()]*\)")      # "(Chi tiết tại Phụ lục kèm theo)" is no unit of its own
_LABEL = re.compile(r"^(?:[\dIVXLC]+(?:\.\d+)*|[a-zđ])[.)]$", re.IGNORECASE)


def _line_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[text.rfind("\n", 0, pos) + 1:pos].strip()


def _sentences(text: str, start: int, end: int):
    """The sentences of ``text[start:end]``, a bare item label ("6.", "b)") kept with what follows."""
    pending = None
    for s, e in sentences(text, start, end):
        if pending is not None:
            s, pending = pending, None
        if _LABEL.match(text[s:e].strip()):
            pending = s
            continue
        yield s, e
    if pending is not None:
        yield pending, end


def _deepest(plan: PlanDocument, pos: int, flat: list | None = None) -> tuple[list[Section], list[int]]:
    """The path of the deepest section whose heading or body holds ``pos``."""
    best: tuple[list[Section], list[int]] = ([], [])
    for s, path, idx in flat if flat is not None else walk(plan, plan.sections):
        if s.heading.start <= pos < max(s.body.end, s.heading.end) and len(path) > len(best[0]):
            best = (path, idx)
    return best


def _top_wanted(plan: PlanDocument, top: Section, content_only: bool) -> bool:
    kind = _part_kind(plan, top)
    if content_only:
        return kind == "content"
    return kind != "task" and not has_cue(fold(_title(plan, top)), rules()["skip_parts"])


def content_items(plan: PlanDocument) -> list[Unit]:
    """The parent's content units, in document order: one unit a paragraph.

    The parts headed as content ("NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP"); a parent with none of
    them (a guidance or a circular in chapters and articles) gives every part but the skipped
    ones.  Headings the section tree missed ("BƯỚC BA", "B. ĐỐI VỚI …") end the part above
    them: the paragraphs under them are content unless the heading names a skipped part."""
    if not plan.sections:
        return []
    r = rules()
    tops = [s for s in plan.sections if s.kind in (SectionKind.PART, SectionKind.CHAPTER, SectionKind.ARTICLE)]
    content_only = any(_part_kind(plan, t) == "content" for t in tops)
    body_end = plan.closing.start if plan.closing else (plan.signature_block.start if plan.signature_block
                                                         else len(plan.text))
    out: list[Unit] = []
    pseudo: tuple[int, str] | None = None        # (offset, title) of the last heading the tree missed
    after_pseudo = False                         # a heading in capitals may run over several lines
    count: dict[int, int] = {}                   # paragraphs seen per section (by heading offset)
    noise = r["deadline_noise"]
    flat = list(walk(plan, plan.sections))
    for ls, le in _sentences(plan.text, plan.sections[0].heading.start, body_end):
        line = plan.text[ls:le]
        path, idx = _deepest(plan, ls, flat)
        on_heading = bool(path) and path[-1].heading.start <= ls < path[-1].heading.end
        if not on_heading and _pseudo_heading(line) and _line_start(plan.text, ls):
            pseudo = (pseudo[0], pseudo[1] + " " + _clean(line)) if after_pseudo and pseudo else (ls, _clean(line))
            after_pseudo = True
            continue
        after_pseudo = False
        if not path or (on_heading and _is_heading(plan, path[-1])):
            continue
        under_pseudo = pseudo is not None and pseudo[0] > path[0].heading.start
        if under_pseudo:
            if has_cue(fold(pseudo[1]), r["skip_parts"]) and not has_cue(fold(pseudo[1]), r["content_despite_skip"]):
                continue
        elif path[0] not in tops or not _top_wanted(plan, path[0], content_only):
            continue
        if any(has_cue(fold(_title(plan, a)), r["skip_items"]) and _is_heading(plan, a) for a in path[1:]):
            continue
        s = path[-1]
        if len(path) > 1 and has_cue(fold(_title(plan, s)), r["skip_items"]) and len(_title(plan, s).split()) <= 4:
            continue
        if not terms(_ASIDE.sub(" ", line), noise):
            # "(Từ ngày 02/2 đến ngày 03/2/2026)" under a step's title: an aside of the unit above
            if out and not plan.text[out[-1].end:ls].strip():
                prev = out[-1]
                out[-1] = Unit(prev.id, prev.path, prev.start, le, prev.text + " " + _clean(line), prev.context)
            continue
        k = count.get(s.heading.start, 0)
        count[s.heading.start] = k + 1
        context = [_title(plan, a) for a in path[:-1] if _is_heading(plan, a)]
        if under_pseudo:
            context.append(pseudo[1])
        uid = _ids(path, idx) + (f"¶{k + 1}" if k else "")
        out += split_clauses(plan, Unit(uid, path, ls, le, _clean(line), context))
    return out


_CLAUSE_BREAK = re.compile(r";")


def split_clauses(plan: PlanDocument, unit: Unit) -> list[Unit]:
    """``unit`` cut at each ';' when it is long and every piece names an action of its own:
    "tuyên truyền …; bảo đảm cơ sở vật chất …; thông báo … trước 05 ngày" are things a sub-plan
    may do or drop one by one, but "Họ, chữ đệm và tên; ngày sinh; giới tính" is one list, and a
    short item "Thi đua X; Y" one unit that a child taking up X only covers in part
    (``compliance.yaml: thresholds.clause_min_terms``, ``clause_split_words``)."""
    text, least = plan.text, int(threshold("clause_min_terms"))
    cuts, prev = [], unit.start
    for m in _CLAUSE_BREAK.finditer(text, unit.start, unit.end):
        cuts.append((prev, m.start()))
        prev = m.end()
    cuts.append((prev, unit.end))
    pieces = [(s, e) for s, e in cuts if text[s:e].strip()]
    if len(pieces) < 2 or len(unit.text.split()) < threshold("clause_split_words") or any(
            len({t for t in terms(_ASIDE.sub(" ", text[s:e])) if " " not in t}) < least for s, e in pieces):
        return [unit]
    out = []
    for j, (s, e) in enumerate(pieces):
        while s < e and text[s].isspace():
            s += 1
        uid = unit.id + (f";{j + 1}" if j else "")
        out.append(Unit(uid, unit.path, s, _end(text, s, e), _clean(text[s:e]), unit.context))
    return out


def split_sentences(plan: PlanDocument, unit: Unit) -> list[Unit]:
    """``unit`` (a whole section) as its sentences, each cut into clauses as ``split_clauses``
    does: a task section "2. … báo cáo như sau: a. …; b. …" holds several things to do."""
    out: list[Unit] = []
    for j, (s, e) in enumerate(_sentences(plan.text, unit.start, unit.end)):
        if not terms(_ASIDE.sub(" ", plan.text[s:e])):
            continue
        uid = unit.id + (f"¶{j + 1}" if j else "")
        out += split_clauses(plan, Unit(uid, unit.path, s, _end(plan.text, s, e), _clean(plan.text[s:e]),
                                        unit.context))
    return out or [unit]


def _end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def section_at(plan: PlanDocument, pos: int, flat: list | None = None) -> tuple[list[Section], list[int]]:
    """The path of the deepest section whose body holds ``pos`` (``flat``: ``list(walk(…))``)."""
    best: tuple[list[Section], list[int]] = ([], [])
    for s, path, idx in flat if flat is not None else walk(plan, plan.sections):
        if s.body.start <= pos < s.body.end and len(path) > len(best[0]):
            best = (path, idx)
    return best


def unit_of(plan: PlanDocument, path: list[Section], idx: list[int]) -> Unit:
    s = path[-1]
    return Unit(_ids(path, idx), path, s.heading.start, _end(plan.text, s.heading.start, s.body.end),
                _clean(plan.text[s.heading.start:s.body.end]),
                [_title(plan, a) for a in path[:-1] if _is_heading(plan, a)])


def passages(plan: PlanDocument) -> list[Passage]:
    """Every line of the child's body, with the titles of the headings above it.

    Lines, not whole sections: a parent unit is a sentence, and a section of many lines holds
    the words of every sentence beside the one it restates (measured on the dev pairs of
    corpus/compliance: missing items F1 0.80 with lines, 0.00 with sections as well)."""
    text = plan.text
    body_start = plan.sections[0].heading.start if plan.sections else (plan.preamble.end if plan.preamble else 0)
    body_end = plan.closing.start if plan.closing else (plan.signature_block.start if plan.signature_block
                                                         else len(text))
    out: list[Passage] = []
    flat = list(walk(plan, plan.sections))
    for ls, le in lines(text, body_start, max(body_start, body_end)):
        path, _ = section_at(plan, ls, flat)
        ctx = " ".join(_title(plan, a) for a in path if _is_heading(plan, a) and a.heading.start != ls)
        out.append(Passage(ls, le, _clean(text[ls:le]), frozenset(terms(ctx + " " + text[ls:le]))))
    return [p for p in out if p.terms]
