"""Criteria: the emulation criteria of a plan, one entry per target group (CONTRACT.md).

The criteria live under a heading with "tiêu chí" (``criteria.yaml: headings``): a Roman
part, or an item inside one shared with the award forms.  Their target groups are the
items or points that open with "Đối với …" ("a) Đối với các sở, ban, ngành"); bullets
that open so are criteria inside a group.  Ungrouped criteria give one entry with target
None; a criteria part that only refers to another document ("Thực hiện theo Kế hoạch số
…") and a plan without one give none.  A criteria part without groups may keep them in an
appendix scoring table, whose group rows ("NHÓM XÃ, PHƯỜNG") are then the targets.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import resources
from nlp.extract.assignments import Unit, parts, units
from nlp.textutil import fold, is_caps
from schema.plan import Criterion, PlanDocument


@lru_cache(maxsize=1)
def _rules() -> dict:
    r = resources.load("criteria")
    return {k: [fold(x) for x in v] for k, v in r.items()}


def is_heading(text: str, u: Unit) -> bool:
    """A short line that titles what follows ("1. Tiêu chí thi đua", "a) Hình thức khen thưởng")."""
    content = text[u.content:u.end].strip()
    return u.kind in ("item", "point") and 0 < len(content) <= 160 and not content.endswith((".", ";"))


def block_end(us: list[Unit], i: int) -> int:
    """Index just past the block that unit ``i`` heads."""
    for j in range(i + 1, len(us)):
        if us[j].depth <= us[i].depth:
            return j
    return len(us)


def region(plan: PlanDocument, cues: list[str], end_cues: list[str]) -> list[Unit] | None:
    """The units under the first heading (part title, else item/point heading) with a cue."""
    text = plan.text
    for cue in cues:
        for p in parts(plan):
            if cue not in fold(p.title):
                continue
            us = units(text, p.body_start, p.end)
            for i, u in enumerate(us):
                if is_heading(text, u) and u.depth == min(x.depth for x in us) and cue in fold(text[u.content:u.end]):
                    return us[i + 1:block_end(us, i)]
            # the part itself: cut at a sibling heading of another topic
            top = min((x.depth for x in us), default=5)
            for i, u in enumerate(us):
                if u.depth == top and is_heading(text, u) and any(c in fold(text[u.content:u.end]) for c in end_cues) \
                        and not any(c in fold(text[u.content:u.end]) for c in cues):
                    return us[:i]
            return us
    start = parts(plan)[0].start if parts(plan) else 0
    us = units(text, start, len(text))
    for cue in (c for c in cues if "thi đua" in c):   # outside a part: only emulation criteria
        for i, u in enumerate(us):
            if is_heading(text, u) and cue in fold(text[u.content:u.end]):
                return us[i + 1:block_end(us, i)]
    return None


def _cells(text: str, start: int, end: int):
    """(start, end, line) of each non-empty line in ``text[start:end]`` (a table has one cell a line)."""
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip(" \t*|_")
        if stripped:
            first = pos + line.index(stripped)
            yield first, first + len(stripped), stripped
        pos += len(line) + 1


def table_groups(plan: PlanDocument) -> list[Criterion]:
    """The group rows of an appendix criteria table ("I / NHÓM XÃ, PHƯỜNG / 115")."""
    text, r = plan.text, _rules()
    lead_re = re.compile(r"(?:" + "|".join(map(re.escape, r["table_group_leads"])) + r")\s+\S", re.I)
    out: list[Criterion] = []
    for appendix in plan.appendices:
        rows = list(_cells(text, appendix.body.start, appendix.body.end))
        header = next((i for i, (_, _, c) in enumerate(rows)
                       if len(c) <= 60 and any(fold(c).startswith(h) for h in r["table_headers"])), None)
        if header is None:
            continue
        groups = [i for i in range(header + 1, len(rows))
                  if lead_re.match(fold(rows[i][2])) and len(rows[i][2]) <= 100 and not rows[i][2].endswith(".")]
        for n, i in enumerate(groups):
            last = (groups[n + 1] if n + 1 < len(groups) else len(rows)) - 1
            if n + 1 < len(groups) and re.fullmatch(r"[IVX]{1,5}\.?", rows[last][2]):
                last -= 1                         # the next group's row label
            target = rows[i][2]
            if is_caps(target):
                target = target[0] + target[1:].lower()
            out.append(Criterion(target=target, items=[c for _, _, c in rows[i + 1:last + 1]],
                                 span=plan.span(rows[i][0], rows[last][1])))
    return out


def extract(plan: PlanDocument) -> list[Criterion]:
    text = plan.text
    r = _rules()
    us = region(plan, r["headings"], r["end_headings"])
    if not us:
        return []
    groups = [i for i, u in enumerate(us) if u.kind in ("item", "point")
              and any(fold(text[u.content:u.end]).startswith(t) for t in r["target_leads"])]
    if groups:
        depth = min(us[i].depth for i in groups)
        out = []
        for i in (g for g in groups if us[g].depth == depth):
            u = us[i]
            line = text[u.content:u.end]
            target = re.split(r"\s*:\s*", line, maxsplit=1)[0].strip().rstrip(":").strip()
            end = block_end(us, i)
            items = [text[x.content:x.end].strip() for x in us[i + 1:end]]
            tail = line[len(target):].strip(" :")
            if tail:
                items.insert(0, tail)
            last = us[end - 1].end if end > i else u.end
            out.append(Criterion(target=target, items=items, span=plan.span(u.start, last)))
        return out
    tabled = table_groups(plan)
    if tabled:
        return tabled
    body = [x for x in us if not is_heading(text, x)]
    substantive = [x for x in body if len(text[x.content:x.end].split()) >= 8
                   and not any(fold(text[x.content:x.end]).startswith(c) for c in r["reference_only"])]
    if not substantive:
        return []
    return [Criterion(target=None, items=[text[x.content:x.end].strip() for x in body],
                      span=plan.span(us[0].start, us[-1].end))]


def run(plan: PlanDocument) -> PlanDocument:
    plan.criteria = extract(plan)
    return plan
