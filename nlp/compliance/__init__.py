"""The compliance check: does a sub-plan cover the plan it implements?  (issue 5)

``check(child, parent)`` compares two analysed plans: the citation of the parent, the
movement and period, every content item and every task the parent gives the child's level
(covered / partial / missing / delegated, with the best child passages as evidence), the
deadlines, the criteria and the awards the child grants.  Vocabulary and thresholds are in
``nlp/resources/compliance.yaml``.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from nlp.compliance import awards, citation, deadlines
from nlp.compliance.config import has_cue, rules, threshold
from nlp.compliance.items import Unit, content_items, passages, section_at
from nlp.compliance.matching import Index, Passage, share, terms, without_bodies
from nlp.compliance.report import build, document_ref
from nlp.compliance.scope import topical_scope
from nlp.compliance.tasks import task_units
from nlp.textutil import fold
from schema.compliance import (ComplianceReport, Evidence, Finding, FindingKind, ItemResult, ItemStatus,
                               Severity)
from schema.plan import PlanDocument

__all__ = ["check", "document_ref"]

# "(Chi tiết tại Phụ lục kèm theo)", "(qua Phòng Nội vụ)": asides, not what is to be done
_PAREN = re.compile(r"\([^()]*\)")


def _delegating(child: PlanDocument, parent: PlanDocument, index: Index) -> list[tuple[Passage, str]]:
    """Child passages handing a part back to the parent ("Thực hiện theo Kế hoạch số 120…"),
    each with the title of the child part it sits in."""
    number = parent.header.number.value if parent.header.number else None
    out = []
    for p in index.passages:
        low = fold(p.text)
        if not has_cue(low, rules()["delegation_cues"]) or (number and number not in p.text):
            continue
        path, _ = section_at(child, p.start)
        # a whole part handed back ("II. NỘI DUNG" then "Thực hiện theo Kế hoạch số …") covers
        # the parent part of that title; a numbered unit only the items it matches
        title = (path[0].title or "") if len(path) == 1 else ""
        out.append((p, title))
    return out


def _evidence(child: PlanDocument, best: list[tuple[float, Passage]], floor: float) -> list[Evidence]:
    return [Evidence(span=child.span(p.start, p.end), text=p.text, score=round(s, 3))
            for s, p in best if s >= floor]


def _status(score: float, covered: float, top: float | None = None) -> ItemStatus:
    if score >= covered:
        return ItemStatus.COVERED
    if score >= threshold("partial") or (top is not None and top >= covered):
        return ItemStatus.PARTIAL
    return ItemStatus.MISSING


def _claimed(index: Index, units: list[Unit]) -> list[frozenset[int]]:
    """For each unit, the child passages that restate another parent unit far more closely: a
    sub-plan that drops one step of a procedure still shares words with the steps it keeps,
    but the passages keeping those are theirs.  Closeness is both ways (the F1 of the unit's
    share in the passage and the passage's share in the unit), so a long passage restating a
    whole item is nobody's alone and a short unit claims no long passage."""
    ratio, floor = threshold("claim_ratio"), threshold("claim_min")
    queries = [set(terms(_PAREN.sub(" ", u.text))) for u in units]
    close: list[dict[int, float]] = []
    for u, q in zip(units, queries):
        mine = {}
        for s, i in index.best_positions(_PAREN.sub(" ", u.text)):
            back = index.share_of(index.passages[i].terms, q)
            mine[i] = 2 * s * back / (s + back) if s + back else 0.0
        close.append(mine)
    # claims are by section: the sentences of one numbered item share the passages that
    # restate the item as a whole
    homes = [u.path[-1].heading.start if u.path else -1 for u in units]
    by_home: dict[int, dict[int, float]] = {}
    for k, mine in enumerate(close):
        for i, f in mine.items():
            h = by_home.setdefault(i, {})
            h[homes[k]] = max(h.get(homes[k], 0.0), f)
    out = []
    for k, mine in enumerate(close):
        out.append(frozenset(i for i in mine if any(
            f >= floor and by_home[i][homes[k]] < ratio * f for h, f in by_home[i].items() if h != homes[k])))
    return out


def _focus(units: list[Unit]) -> list[dict[str, float]]:
    """Per unit, a factor on each term by how few of the units of its part use it: what sets a
    step apart from the steps beside it ("thông qua biên bản") is what the child must hold, not
    the words every step shares ("danh sách sơ bộ những người ứng cử")."""
    groups: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(u.path[0].heading.start if u.path else -1, []).append(i)
    out: list[dict[str, float]] = [{} for _ in units]
    floor = threshold("focus_floor")
    for members in groups.values():
        n = len(members)
        if n < 2:
            continue
        sets = {i: set(terms(units[i].text)) for i in members}
        df = Counter(t for i in members for t in sets[i])
        for i in members:
            out[i] = {t: floor + (1 - floor) * math.log(1 + n / df[t]) / math.log(1 + n) for t in sets[i]}
    return out


def _lead(text: str) -> set[str]:
    """The words a unit opens with once its label, asides and the bodies named are dropped: in
    an administrative sentence the action ("thông qua biên bản", "báo cáo cấp ủy")."""
    words = [t for t in terms(without_bodies(_PAREN.sub(" ", _LEAD_LABEL.sub("", text)))) if " " not in t]
    return set(words[:int(threshold("lead_terms"))])


def _lead_share(text: str, best: list[tuple[float, Passage]], index: Index) -> float:
    """The share of the unit's opening words that its best passages hold: a child line sharing
    the topic of a step ("danh sách sơ bộ những người ứng cử") but not its action does not take
    the step up in part, it leaves it out."""
    lead = _lead(text)
    if not lead or not best:
        return 1.0 if lead == set() else 0.0
    have = frozenset().union(*(p.terms for _, p in best[:2]))
    return index.share_of(lead, have)


def _plan_itself(child: PlanDocument, text: str, index: Index) -> Evidence | None:
    """The child's title as evidence when the parent unit asks for the very plan the child is
    ("Sở … căn cứ nhu cầu của địa phương để xây dựng kế hoạch và triển khai thu thập thông
    tin …"): what the plan is to be about, after the cue, must be what the child's title says."""
    title = child.header.title
    low = fold(text)
    cue = next((c for c in rules()["plan_deliverable_cues"] if c in low), None)
    if cue is None or title is None or not title.span:
        return None
    # syllables only: a title words its subject in its own order ("cung lao động" / "người lao động")
    about = {t for t in index.query(low[low.index(cue) + len(cue):]) if " " not in t}
    score = index.share_of(about, frozenset(terms(title.value))) if about else 0.0
    if score < threshold("plan_itself"):
        return None
    return Evidence(span=title.span, text=title.value, score=round(score, 3))


def _content_result(child: PlanDocument, parent: PlanDocument, unit: Unit, index: Index,
                    delegating: list[tuple[Passage, str]], claimed: frozenset[int] = frozenset(),
                    focus: dict[str, float] | None = None) -> ItemResult:
    score, top, best = index.clause_score(_PAREN.sub(" ", unit.text), exclude=claimed, focus=focus)
    status = _status(score, threshold("covered"), top)
    evidence = _evidence(child, best, threshold("partial") / 2)
    if status == ItemStatus.PARTIAL and score < threshold("lead_check_below") and \
            _lead_share(unit.text, best, index) < threshold("lead_min"):
        status = ItemStatus.MISSING
    if status != ItemStatus.COVERED:
        itself = _plan_itself(child, unit.text, index)
        if itself is not None:
            status, score, evidence = ItemStatus.COVERED, max(score, itself.score), [itself]
    if status != ItemStatus.COVERED:
        part_title = unit.path[0].title or ""
        for p, title in delegating:
            s = index.score(set(terms(unit.text)), p)
            if s >= threshold("delegated_min") or (title and part_title and share(part_title, title) >= 0.6):
                status, score = ItemStatus.DELEGATED, max(score, s)
                evidence = [Evidence(span=child.span(p.start, p.end), text=p.text, score=round(s, 3))]
                break
    return ItemResult(id=unit.id, section=unit.section, kind="content", text=unit.text,
                      span=parent.span(unit.start, unit.end), status=status, score=round(score, 3),
                      evidence=evidence)


def _task_noise(text: str) -> tuple[frozenset[str], str | None]:
    """The deadline noise dropped from a task, but for the word the task opens with (returned
    as its head): in "Báo cáo tình hình tổ chức hội nghị …" the report is the thing to be done."""
    noise = rules()["deadline_noise"]
    first = next(iter(terms(_LEAD_LABEL.sub("", text))), None)
    heads = {"_".join(h.split()) for h in rules()["task_heads"]}
    return (noise - {first}, first) if first in noise and first in heads else (noise, None)


_LEAD_LABEL = re.compile(r"^\s*(?:[-+•*]|[\dIVXLC]+(?:\.\d+)*[.)]|[a-zđ][.)])\s*", re.IGNORECASE)


def _task_result(child: PlanDocument, parent: PlanDocument, unit: Unit, index: Index) -> ItemResult:
    title = child.header.title
    if has_cue(fold(unit.text), rules()["plan_deliverable_cues"]) and title is not None:
        status, score = ItemStatus.COVERED, 1.0
        evidence = [Evidence(span=title.span, text=title.value, score=1.0)] if title.span else []
    else:
        drop, head = _task_noise(unit.text)
        # a report to send is taken up only by a passage that sends a report
        among = [p for p in index.passages if head in p.terms] if head else None
        score, top, best = index.clause_score(without_bodies(_PAREN.sub(" ", unit.text)), drop=drop, among=among)
        status = _status(score, threshold("task_covered"), top)
        evidence = _evidence(child, best, threshold("partial") / 2)
    return ItemResult(id=unit.id, section=unit.section, kind="task", text=unit.text,
                      span=parent.span(unit.start, unit.end), status=status, score=round(score, 3),
                      evidence=evidence)


def _item_findings(items: list[ItemResult], parent: PlanDocument) -> list[Finding]:
    out = []
    for it in items:
        kind = {(ItemStatus.MISSING, "content"): FindingKind.MISSING_ITEM,
                (ItemStatus.PARTIAL, "content"): FindingKind.PARTIAL_ITEM,
                (ItemStatus.MISSING, "task"): FindingKind.MISSING_TASK}.get((it.status, it.kind))
        if kind is None:
            continue
        ev = it.evidence[0] if it.evidence and it.status == ItemStatus.PARTIAL else None
        what = {FindingKind.MISSING_ITEM: "Nội dung của kế hoạch cấp trên chưa được triển khai",
                FindingKind.PARTIAL_ITEM: "Nội dung của kế hoạch cấp trên mới được triển khai một phần",
                FindingKind.MISSING_TASK: "Nhiệm vụ cấp trên giao cho cấp này chưa được triển khai"}[kind]
        aside = "" if it.in_scope else " (ngoài chủ đề của kế hoạch)"
        minor = kind == FindingKind.PARTIAL_ITEM or not it.in_scope
        out.append(Finding(kind=kind, severity=Severity.INFO if minor else Severity.WARNING,
                           message=f"{what}{aside} ({it.section or it.id}): “{it.text[:160]}”.",
                           parent_span=it.span, parent_text=it.text, item_id=it.id,
                           child_span=ev.span if ev else None, child_text=ev.text if ev else None))
    return out


def _criteria(child: PlanDocument, parent: PlanDocument, index: Index) -> list[Finding]:
    out = []
    for c in parent.criteria:
        for text in c.items:
            best = index.best(text, k=1)
            if not best or best[0][0] < threshold("partial"):
                out.append(Finding(kind=FindingKind.CRITERIA_MISMATCH, severity=Severity.INFO,
                                   message=f"Tiêu chí của cấp trên không thấy trong kế hoạch: “{text[:160]}”.",
                                   parent_span=c.span, parent_text=parent.snippet(c.span)))
    return out


def _unique_ids(items: list[ItemResult]) -> None:
    """Label paths repeat where a parent restarts its numbering (a guidance with one "I., II., …"
    per step); the second "II.1" becomes "II.1~2" so that every id names one item."""
    seen: Counter[str] = Counter()
    for it in items:
        seen[it.id] += 1
        if seen[it.id] > 1:
            it.id = f"{it.id}~{seen[it.id]}"


def check(child: PlanDocument, parent: PlanDocument) -> ComplianceReport:
    """How far ``child`` (the sub-plan) covers ``parent`` (the plan it implements)."""
    contents, tasks = content_items(parent), task_units(child, parent)
    index = Index(passages(child), [frozenset(terms(u.text)) for u in contents + tasks])
    delegating = _delegating(child, parent, index)
    claimed = _claimed(index, contents)
    focus = _focus(contents)
    items = [_content_result(child, parent, u, index, delegating, c, f)
             for u, c, f in zip(contents, claimed, focus)]
    scope = topical_scope(child, parent, contents)
    if scope is not None:
        for k, it in enumerate(items):
            it.in_scope = k in scope
    items += [_task_result(child, parent, u, index) for u in tasks]
    _unique_ids(items)
    findings = citation.citation(child, parent) + citation.movement(child, parent)
    findings += _item_findings(items, parent)
    findings += deadlines.check(child, parent, index, contents, tasks)
    findings += _criteria(child, parent, index)
    findings += awards.awards(child)
    return build(child, parent, items, findings)
