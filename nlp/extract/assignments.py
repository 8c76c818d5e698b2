"""Assignments: the bodies a plan gives a task, each with its role (CONTRACT.md).

Where the tasks are: every part whose heading names the organisation of the work
("PHÂN CÔNG NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN", … ``roles.yaml: parts``); in them every
numbered item, point and bullet whose text opens with a body ("1. Sở Nội vụ …",
"a) Các sở, ban, ngành", "Giao Văn phòng …").  Outside that part only sentences with a
lead cue ("X chủ trì, phối hợp với Y …") count.

Bodies and role cues in those parts come from the spaCy pipeline of nlp/language.py
(underthesea words, gazetteer ruler, the scanner of nlp/bodies.py, cue matcher), run once
per unit that names a body; elsewhere the scanner and the roles.yaml patterns read the text.

Roles: ``lead`` for a subject with a lead prefix or cue (giao, chủ trì, cơ quan thường
trực, …), ``support`` for the bodies listed after "phối hợp với", ``responsible`` for any
other subject.  One entry per body (folded name); the role is the first of
``roles.yaml: precedence`` the body got.

The small outline helpers here (``parts``, ``units``) read the section tree when the
segmenter filled it and scan heading-like lines themselves when it did not; the criteria
and awards extractors use them too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from nlp import resources
from nlp.extract.assignment_tables import label_hits, table_hits
from nlp.bodies import BodyMention, find_bodies, grammar, level_of, names_body
from nlp.textutil import alternation, fold, lines, sentences
from schema.plan import Assignment, PlanDocument, Role, Section, SectionKind

if TYPE_CHECKING:
    from nlp.language import Analysis

# ---------------------------------------------------------------------- outline helpers

_PART_RE = re.compile(r"^(?:PHẦN\s+)?([IVXL]{1,5})\s*[.:\-–)]\s*(\S.*)$")
_ITEM_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(\S.*)?$")
_POINT_RE = re.compile(r"^([a-zđ])\s*\)\s*(\S.*)?$")
_BULLET_RE = re.compile(r"^([-+•*–—]|\u2022)\s*(\S.*)?$")


@dataclass
class Part:
    label: str
    title: str
    start: int          # heading line start
    body_start: int     # after the heading line
    end: int


@dataclass
class Unit:
    kind: str           # "item", "point", "bullet", "para"
    label: str | None
    start: int          # line start
    content: int        # after the label
    end: int            # line end
    depth: int          # 2 item, 3 point, 4 bullet, 5 paragraph


def _is_caps_title(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def parts(plan: PlanDocument) -> list[Part]:
    """The Roman-numeral parts: from plan.sections when present, else scanned from lines."""
    text = plan.text
    found = [s for s in plan.sections if s.kind in (SectionKind.PART, SectionKind.CHAPTER)]
    if found:
        out = []
        for s in found:
            nl = text.find("\n", s.heading.start, s.body.end)
            hend = s.heading.end if s.heading.end > s.heading.start else (nl if nl >= 0 else s.body.end)
            out.append(Part(s.label, s.title or text[s.heading.start:hend], s.heading.start, hend, s.body.end))
        return out
    heads = []
    for ls, le in lines(text):
        m = _PART_RE.match(text[ls:le])
        if m and _is_caps_title(m.group(2)):
            heads.append((m.group(1), m.group(2).strip(), ls, le))
    out = []
    for i, (label, title, ls, le) in enumerate(heads):
        end = heads[i + 1][2] if i + 1 < len(heads) else _closing(text, le)
        out.append(Part(label, title, ls, le, end))
    return out


_CLOSING_RE = re.compile(r"^\s*(?:Nơi nhận|Trên đây là|TM\.|KT\.|\*\*TM\.)", re.MULTILINE)


def _closing(text: str, pos: int) -> int:
    m = _CLOSING_RE.search(text, pos)
    return m.start() if m else len(text)


def units(text: str, start: int, end: int) -> list[Unit]:
    """Every non-empty line of ``text[start:end]`` as an item / point / bullet / paragraph."""
    out: list[Unit] = []
    prev_line = ""
    for ls, le in lines(text, start, end):
        line = text[ls:le]
        # a hard-wrapped line continues the unit before it
        if out and prev_line and not prev_line.rstrip().endswith((".", ";", ":", "!", "?")) \
                and (line[:1].islower() or prev_line.rstrip().endswith((",", "-", "–"))) \
                and not _ITEM_RE.match(line) and not _POINT_RE.match(line) and not _BULLET_RE.match(line):
            out[-1].end = le
            prev_line = line
            continue
        prev_line = line
        for kind, rx, depth in (("item", _ITEM_RE, 2), ("point", _POINT_RE, 3), ("bullet", _BULLET_RE, 4)):
            m = rx.match(line)
            if m:
                content = ls + m.start(2) if m.group(2) else le
                label = m.group(1) if kind != "bullet" else None
                if kind == "item" and not m.group(2):
                    continue
                out.append(Unit(kind, label, ls, content, le, depth))
                break
        else:
            if _PART_RE.match(line) and _is_caps_title(line):
                continue
            out.append(Unit("para", None, ls, ls, le, 5))
    return out


def find_part(plan: PlanDocument, cues: list[str]) -> Part | None:
    """The first part whose folded title contains one of ``cues`` (tried in order)."""
    ps = parts(plan)
    for cue in cues:
        for p in ps:
            if cue in fold(p.title):
                return p
    return None


def find_parts(plan: PlanDocument, cues: list[str]) -> list[Part]:
    """Every part whose folded title contains one of ``cues`` ("PHÂN CÔNG NHIỆM VỤ" and
    "TỔ CHỨC THỰC HIỆN" both hand out tasks when a plan has both).  A cue counts where it opens
    the title or one of its coordinated phrases ("NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG TRÁCH NHIỆM");
    "CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN KẾ HOẠCH …" names solutions, not tasked bodies."""
    rx = re.compile(r"(?:^|[,;:]\s*|\svà\s+)(?:" + "|".join(re.escape(c) for c in cues) + r")")
    return [p for p in parts(plan) if rx.search(" ".join(fold(p.title).split()))]


def section_label(plan: PlanDocument, pos: int) -> str | None:
    def walk(secs: list[Section], path: list[str]) -> str | None:
        for s in secs:
            if s.body.start <= pos < s.body.end:
                return walk(s.children, path + [s.label]) or ".".join(path + [s.label])
        return None
    return walk(plan.sections, [])


# ---------------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _rules() -> dict:
    r = resources.load("roles")
    return {
        "parts": [fold(p) for p in r["parts"]],
        "lead_prefix": re.compile(r"^\s*(?:" + alternation(r["prefixes"]["lead"]) + r")\s+", re.IGNORECASE),
        "neutral_prefix": re.compile(r"^\s*(?:" + alternation(r["prefixes"]["neutral"]) + r")\s+", re.IGNORECASE),
        "lead_cue": re.compile(r"(?<![\w])(?:" + alternation(r["lead_cues"]) + r")(?![\w])", re.IGNORECASE),
        "support_cue": re.compile(r"(?<![\w])(?:" + alternation(r["support_cues"]) + r")(?![\w])", re.IGNORECASE),
        "sep": re.compile(r"^(?:\s|" + alternation(r["list_separators"]) + r"|\([^()]*\))*$", re.IGNORECASE),
        "exclude_q": [fold(q) for q in r["exclude"]["qualifiers"]],
        "exclude_n": [fold(n) for n in r["exclude"]["nouns"]],
        "precedence": [Role(x) for x in r["precedence"]],
        "descriptor": re.compile(r"^\s*(?:" + alternation(r["descriptors"]) + r")(?![\w])", re.IGNORECASE),
        "collective_lead": re.compile(r"\s*(?:" + alternation(r["heading_collective_leads"]) + r")\s+\S", re.IGNORECASE),
        "collective_heads": [fold(h) for h in r["collective_heads"]],
        "advised": re.compile(r"(?<![\w])(?:" + alternation(r["advised_cues"]) + r")\s+$", re.IGNORECASE),
        "anywhere": re.compile(r"(?<![\w])(?:" + alternation(r["lead_anywhere"]) + r")(?![\w])", re.IGNORECASE),
    }


_FILLER = {"các", "những", "tất", "cả"}


def body_key(name: str) -> str:
    """Dedupe key: abbreviations expanded, folded words without 'các' and punctuation."""
    g = grammar()
    name = g.abbr_re.sub(lambda m: g.abbr[m.group()], name)
    key = " ".join(w for w in re.findall(r"[^\W_]+", fold(name)) if w not in _FILLER)
    return key.replace("tổ quốc việt nam", "tổ quốc")


def _without_collective_head(key: str) -> str:
    for head in _rules()["collective_heads"]:
        if key.startswith(head + " "):
            return key[len(head) + 1:]
    return key


def same_body(a: str, b: str) -> bool:
    ka, kb = _without_collective_head(body_key(a)), _without_collective_head(body_key(b))
    if ka == kb or sorted(ka.split()) == sorted(kb.split()):     # "phường, xã" = "xã, phường"
        return True
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 8 and long_.startswith(short + " ") and not short.startswith("văn phòng")


def _taskable(m: BodyMention) -> bool:
    r = _rules()
    f = fold(m.name)
    if m.kind == "heading":      # a body-headed section names its body deliberately
        return True
    if any(q in f for q in r["exclude_q"]):
        return False
    if m.kind == "group" and any(n in f for n in r["exclude_n"]):
        return False
    return True


# The analysed units of the task parts of the plan being read: their starts, and
# (start, end, analysis) of each, in text order.
_analysed: ContextVar[tuple[list[int], list[tuple[int, int, Analysis]]]] = ContextVar(
    "analysed", default=([], []))


def _bodies(text: str, start: int, end: int) -> list[BodyMention]:
    """The bodies in ``text[start:end]``: from the spaCy analysis of the task unit holding the
    window, else from the scanner of nlp/bodies.py."""
    analysis = _analysis_of(start, end)
    if analysis is not None:
        return [b for b in analysis.bodies if start <= b.start and b.end <= end]
    return find_bodies(text, start, end)


def _analysis_of(start: int, end: int) -> Analysis | None:
    starts, analysed = _analysed.get()
    i = bisect_right(starts, start) - 1
    if i >= 0 and end <= analysed[i][1]:
        return analysed[i][2]
    return None


_CUE_RULE = {"LEAD": "lead_cue", "SUPPORT": "support_cue"}


def _cues(text: str, label: str, start: int, end: int) -> list[tuple[int, int]]:
    """The role cues ("LEAD" / "SUPPORT") in ``text[start:end]``: from the spaCy analysis of the
    task unit holding the window, else from the roles.yaml patterns."""
    analysis = _analysis_of(start, end)
    if analysis is not None:
        return [(s, e) for s, e, lab in analysis.cues if lab == label and start <= s and e <= end]
    return [(start + m.start(), start + m.end()) for m in _rules()[_CUE_RULE[label]].finditer(text[start:end])]


def _own_end(text: str, start: int, end: int) -> int:
    """Where the subject's own clause ends: at the first "phối hợp với" cue."""
    support = _cues(text, "SUPPORT", start, end)
    return support[0][0] if support else end


def _supports(text: str, start: int, end: int) -> list[int]:
    """Where the support lists of ``text[start:end]`` begin: after each "phối hợp với" cue, except
    one that follows an advised body ("tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Y tế": the
    advised body coordinates, the ministry supports no one of this plan)."""
    out = []
    for cue_start, cue_end in _cues(text, "SUPPORT", start, end):
        before = _bodies(text, start, cue_start)
        if before and not text[before[-1].end:cue_start].strip() and \
                _rules()["advised"].search(text, max(start, before[-1].start - 30), before[-1].start):
            continue
        out.append(cue_end)
    return out


def _leads(text: str, start: int, end: int) -> bool:
    """A lead cue in the subject's own clause of ``text[start:end]``."""
    return bool(_cues(text, "LEAD", start, _own_end(text, start, end)))


def _mentions_outside_parens(text: str, start: int, end: int) -> list[BodyMention]:
    out, depth_spans = [], []
    for m in re.finditer(r"\([^()]*\)", text[start:end]):
        depth_spans.append((start + m.start(), start + m.end()))
    for b in _bodies(text, start, end):
        if not any(s <= b.start < e for s, e in depth_spans):
            out.append(b)
    return out


def body_list(text: str, start: int, end: int) -> tuple[list[BodyMention], int]:
    """The bodies listed from ``start`` on (joined by separators); and where the list ends."""
    sep = _rules()["sep"]
    out: list[BodyMention] = []
    pos = start
    for b in _mentions_outside_parens(text, start, end):
        if not sep.match(text[pos:b.start]):
            break
        out.append(b)
        pos = b.end
    # a parenthetical right after the list belongs to it
    m = re.match(r"\s*\([^()]*\)", text[pos:end])
    if out and m:
        pos += m.end()
    return out, pos


@dataclass
class _Hit:
    mention: BodyMention
    role: Role


_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# a person's name before the title that names the body: "Nguyễn Văn A – "
_PERSON_RE = re.compile(rf"\s*(?:[{_UPPER}][^\W\d_]*\s+){{1,3}}[{_UPPER}][^\W\d_]*\s*[-–—]\s*")


def _clause_hits(text: str, start: int, end: int, require_lead: bool = False) -> tuple[list[_Hit], bool]:
    """Subject(s) at the start of ``text[start:end]`` and the supports of the clause.

    Returns the hits and whether the clause was a bare heading (only bodies, no task)."""
    r = _rules()
    pos = start
    lead = False
    while True:
        seg = text[pos:end]
        m = r["lead_prefix"].match(seg)
        if m:
            lead = True
            pos += m.end()
            continue
        m = r["neutral_prefix"].match(seg)
        if m:
            pos += m.end()
            continue
        break
    person = _PERSON_RE.match(text, pos, end)      # "đồng chí Nguyễn Văn A – Phó Chủ tịch …"
    if person:
        if body_list(text, person.end(), end)[0]:
            pos = person.end()
    subjects, after = body_list(text, pos, end)
    hits: list[_Hit] = []
    rest = text[after:end]
    if subjects and r["descriptor"].match(rest):
        subjects = []          # "Các cơ quan, đơn vị được giao chủ trì …": a description, not a body
    heading = bool(subjects) and not re.search(r"[^\W_]", rest.split(":", 1)[0])
    if subjects:
        # the subject's own clause: up to the first "phối hợp với" list
        is_lead = lead or _leads(text, after, end)
        if require_lead and not is_lead:
            return [], heading
        role = Role.LEAD if is_lead else Role.RESPONSIBLE
        hits += [_Hit(s, role) for s in subjects]
    elif require_lead:
        return [], False
    for cue_end in _supports(text, pos, end):
        supports, _ = body_list(text, cue_end, end)
        hits += [_Hit(s, Role.SUPPORT) for s in supports]
    return hits, heading


def _unit_hits(text: str, u: Unit, require_lead: bool = False) -> tuple[list[_Hit], bool]:
    hits: list[_Hit] = []
    subjects: list[_Hit] = []
    heading = False
    first = True
    for ss, se in sentences(text, u.content, u.end):
        h, is_heading = _clause_hits(text, ss, se, require_lead)
        if first:
            heading = is_heading
        # a heading "X:" followed by the task on the same line
        if first and h and ":" in text[ss:se]:
            colon = text.index(":", ss, se)
            if all(x.mention.end <= colon for x in h if x.role != Role.SUPPORT):
                tail_hits, _ = _clause_hits(text, colon + 1, se)
                if _leads(text, colon + 1, se):
                    h = [_Hit(x.mention, Role.LEAD) if x.role != Role.SUPPORT else x for x in h]
                h += [x for x in tail_hits if x.role == Role.SUPPORT]
        if not first and subjects and not any(x.role != Role.SUPPORT for x in h):
            # a later sentence continues the subject's task ("… Tham mưu …, theo dõi, đôn đốc …")
            if _leads(text, ss, se):
                h = h + [_Hit(x.mention, Role.LEAD) for x in subjects]
        if first:
            subjects = [x for x in h if x.role != Role.SUPPORT]
        hits += h
        first = False
    return hits, heading


_TITLE_WORDS = 20


def _heading_collective(text: str, u: Unit) -> tuple[BodyMention | None, bool]:
    """A body-headed item naming bodies the gazetteer leaves out ("4. Các doanh nghiệp viễn
    thông", "4. Các cơ sở nuôi trồng thủy sản: …"): the collective as written, up to the
    first comma; and whether the item is a bare heading (no task on its line)."""
    content = u.content
    for prefix in ("lead_prefix", "neutral_prefix"):       # "Đề nghị các doanh nghiệp viễn thông …"
        m = _rules()[prefix].match(text[content:u.end])
        if m:
            content += m.end()
    own = text[content:u.end]
    colon = own.find(":")
    title = own[:colon] if colon >= 0 else own
    sentence = colon < 0 and own.rstrip().endswith((".", ";"))
    if sentence:
        # a task sentence: "a) Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên …"
        title = _subject_phrase(own)
        if title is None or not names_body(title):
            return None, False
    if not title.strip() or len(title.split()) > _TITLE_WORDS:
        return None, False
    if not _rules()["collective_lead"].match(title):
        return None, False
    first = _bodies(text, u.content, u.end if sentence else content + len(title))
    bare = colon < 0 or not re.search(r"[^\W_]", own[colon + 1:])
    if first and first[0].start == content:
        f = first[0]
        if bare and f.kind == "group" and f.end >= content + len(title.rstrip(" *")) \
                and any(q in fold(f.name) for q in _rules()["exclude_q"]):
            # a section for "Các sở, ngành, đơn vị liên quan": vague in a list, a body as a heading
            return BodyMention(f.start, f.end, f.name, None, "heading", f.level), True
        if not (f.kind == "group" and any(n in fold(f.name) for n in _rules()["exclude_n"])):
            return None, False       # a known body: the item's own hits have it
    cut = re.search(r"[,;(]", title)
    end = content + (cut.start() if cut else len(title.rstrip(" *")))
    name = " ".join(text[content:end].split()).strip(" *")
    if not name or any(q in fold(name) for q in _rules()["exclude_q"]):
        return None, False
    return BodyMention(content, end, name, None, "heading", None), bare


_SUBJECT_WORDS = 8


def _subject_phrase(sentence: str) -> str | None:
    """The subject of a task sentence that opens with a collective: up to the first comma or the
    first verb of the task (bodies.yaml: name_stop_words); None when that is no short name."""
    stop = grammar().stop_re
    words = list(re.finditer(r"[^\W_]+|[,;:(]", sentence))
    for i, w in enumerate(words):
        if w.group() in ",;:(" or (i > 1 and stop.match(sentence, w.start())):
            return sentence[:w.start()] if 1 < i <= _SUBJECT_WORDS else None
    return None


def _prefixed_task(text: str, u: Unit) -> bool:
    """A paragraph that hands a role out itself: "Đề nghị Văn phòng Đảng ủy … phối hợp …" (a
    closing "Yêu cầu các sở, ban, ngành … nghiêm túc thực hiện" names no role and is no task)."""
    r = _rules()
    own = text[u.content:u.end]
    m = r["lead_prefix"].match(own) or r["neutral_prefix"].match(own)
    return bool(m) and bool(body_list(text, u.content + m.end(), u.end)[0]) and \
        bool(_cues(text, "LEAD", u.content, u.end) or _cues(text, "SUPPORT", u.content, u.end))


def _opens_with_support(text: str, u: Unit) -> bool:
    cues = _cues(text, "SUPPORT", u.content, u.end)
    return bool(cues) and not text[u.content:cues[0][0]].strip()


def _is_issuer(issuer: str, name: str) -> bool:
    """The plan's own issuer, as named or less specifically ("UBND tỉnh" for "UBND tỉnh Đắk Lắk")."""
    ki, kn = body_key(issuer), body_key(name)
    return ki == kn or ki.startswith(kn + " ")


_LINE_LABEL = re.compile(r"^\s*(?:[-+•*]|[\dIVXLC]+(?:\.\d+)*[.)]|[a-zđ][.)])?\s*$", re.IGNORECASE)


def _tasks_itself(plan: PlanDocument, m: BodyMention, task_parts: list[Part]) -> bool:
    """The issuer heads an item of its own organisation part ("1. Ban Thường trực Ủy ban MTTQ
    Việt Nam xã: …"): a task it gives itself, unlike its name in the preamble or the closing."""
    if not any(p.start <= m.start < p.end for p in task_parts):
        return False
    line_start = plan.text.rfind("\n", 0, m.start) + 1
    return bool(_LINE_LABEL.match(plan.text[line_start:m.start]))


def _issuer(plan: PlanDocument) -> str | None:
    return plan.header.issuer.value if plan.header.issuer else None


def extract(plan: PlanDocument) -> list[Assignment]:
    from nlp.language import analyze_regions      # spaCy + underthesea load only when plans are read
    flat = plan.text.replace("\n", " ")      # units may span hard-wrapped lines
    r = _rules()
    task_parts = find_parts(plan, r["parts"])
    # each unit (item, point, bullet, paragraph) is read on its own: a body never spans two.
    # Only units that name a body go through the segmenter; the rest have no one to task.
    regions = sorted({(u.content, u.end) for p in task_parts for u in units(plan.text, p.body_start, p.end)
                      if u.end > u.content and find_bodies(flat, u.content, u.end)})
    analysed = [(s, e, a) for (s, e), a in zip(regions, analyze_regions(flat, regions))]
    token = _analysed.set(([s for s, _, _ in analysed], analysed))
    try:
        return _extract(plan, flat, task_parts)
    finally:
        _analysed.reset(token)


def _extract(plan: PlanDocument, flat: str, task_parts: list[Part]) -> list[Assignment]:
    text = plan.text
    r = _rules()
    found: list[tuple[_Hit, int]] = []       # (hit, order)

    for part in task_parts:
        us = units(text, part.body_start, part.end)
        numbered = any(u.kind != "para" for u in us)
        heading_hits: list[_Hit] = []        # the bodies of the last bare heading item
        heading_depth = 0
        prev_had_content = False
        for u in us:
            if u.kind == "para" and numbered and not _prefixed_task(flat, u):
                # a paragraph continues a bare heading item ("2. Văn phòng" + its task)
                if heading_hits and not prev_had_content:
                    for ss, se in sentences(flat, u.start, u.end):
                        if _leads(flat, ss, se):
                            for hh in heading_hits:
                                found.append((_Hit(hh.mention, Role.LEAD), len(found)))
                        for cue_end in _supports(flat, ss, se):
                            sup, _ = body_list(flat, cue_end, se)
                            found += [(_Hit(s, Role.SUPPORT), len(found)) for s in sup]
                elif prev_had_content and _opens_with_support(flat, u):
                    # "Phối hợp với các Viện nghiên cứu, …": the item before goes on with its partners
                    for cue_end in _supports(flat, u.content, u.end)[:1]:
                        sup, _ = body_list(flat, cue_end, u.end)
                        found += [(_Hit(s, Role.SUPPORT), len(found)) for s in sup]
                continue
            hits, heading = _unit_hits(flat, u)
            if u.kind in ("item", "point") and not any(h.role != Role.SUPPORT and _taskable(h.mention) for h in hits):
                listed, bare = _heading_collective(flat, u)
                if listed is not None:
                    hits = [_Hit(listed, Role.RESPONSIBLE)] + hits
                    heading = heading or bare
            if u.depth <= heading_depth or heading:
                heading_hits, heading_depth = [], 0
            if heading:
                heading_hits = [h for h in hits if h.role != Role.SUPPORT]
                heading_depth = u.depth
                prev_had_content = False
            else:
                prev_had_content = True
                if heading_hits and not any(h.role != Role.SUPPORT for h in hits):
                    if _leads(flat, u.content, u.end):
                        hits += [_Hit(hh.mention, Role.LEAD) for hh in heading_hits]
            found += [(h, len(found)) for h in hits]

    # lead-cue sentences elsewhere in the body
    body_parts = parts(plan)
    scan_start = body_parts[0].start if body_parts else 0
    scan_end = body_parts[-1].end if body_parts else len(text)
    for u in units(text, scan_start, scan_end):
        if any(p.start <= u.start < p.end for p in task_parts):
            continue
        if not r["anywhere"].search(text, u.content, u.end):
            continue
        hits, _ = _unit_hits(flat, u, require_lead=True)
        found += [(h, len(found)) for h in hits]

    # task tables and labelled lines ("Cơ quan chủ trì: …")
    def read_clause(t: str, s: int, e: int):
        return [(h.mention, h.role) for h in _clause_hits(flat, s, e)[0]]

    for h in label_hits(plan, read_clause) + table_hits(plan):
        found.append((_Hit(h.mention, h.role), len(found)))

    issuer = _issuer(plan)
    out: list[Assignment] = []
    for hit, _ in found:
        m = hit.mention
        if not _taskable(m) or (issuer and _is_issuer(issuer, m.name) and not _tasks_itself(plan, m, task_parts)):
            continue
        for i, a in enumerate(out):
            if same_body(a.body, m.name):
                if r["precedence"].index(hit.role) < r["precedence"].index(a.role):
                    out[i] = a.model_copy(update={"role": hit.role})
                break
        else:
            out.append(Assignment(body=m.name, role=hit.role, level=m.level or level_of(m.name),
                                  span=plan.span(m.start, m.end), section=section_label(plan, m.start)))
    return out


def run(plan: PlanDocument) -> PlanDocument:
    plan.assignments = extract(plan)
    return plan
