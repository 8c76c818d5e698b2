"""Criteria: the emulation criteria of a plan, one entry per target group (CONTRACT.md).

The criteria live under a heading with "tiêu chí" (``criteria.yaml: headings``): a Roman
part, or an item inside one shared with the award forms.  Their target groups are the
items or points that open with "Đối với …" ("a) Đối với các sở, ban, ngành"); bullets
that open so are criteria inside a group.  Ungrouped criteria give one entry with target
None; a criteria part that only refers to another document ("Thực hiện theo Kế hoạch số
…") and a plan without one give none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import resources
from nlp.extract.assignments import Unit, parts, units
from nlp.textutil import fold
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
