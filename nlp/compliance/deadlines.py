"""Check 5: the child's deadlines for what the parent wants fall no later than the parent's, and
its time limits for a step ("sau 03 ngày kể từ …") are no longer than the parent's."""
from __future__ import annotations

from dataclasses import dataclass

from nlp.compliance.config import has_cue, rules, threshold
from nlp.compliance.dates import dates_in, later, parts, periods_in
from nlp.compliance.items import Unit, headings_above, section_at
from nlp.compliance.matching import Index, Passage, terms, without_bodies
from nlp.compliance.rounds import ordinals, other_round
from nlp.compliance.tasks import concerns, tasked_ranges
from nlp.textutil import fold
from schema.compliance import Finding, FindingKind, Severity
from schema.plan import Deadline, PlanDocument


def parent_deadlines(child: PlanDocument, parent: PlanDocument) -> list[Deadline]:
    """Parent deadlines on the child's level: it is responsible, or they sit in its task section."""
    ranges = tasked_ranges(child, parent)
    out = []
    for d in parent.deadlines:
        if not d.due:
            continue
        if any(concerns(b, child) for b in d.responsible) or (
                not d.responsible and any(s <= d.span.start < e for s, e in ranges)):
            out.append(d)
    return out


def _what(d: Deadline) -> str:
    return without_bodies(d.action or d.text)


@dataclass
class Dated:
    """A date the text sets for a step: an extracted deadline or a parent unit with a date in it."""
    start: int
    end: int
    due: str
    what: str


def _parent_dated(parent: PlanDocument, units: list[Unit]) -> list[Dated]:
    out = [Dated(d.span.start, d.span.end, d.due, _what(d)) for d in parent.deadlines if d.due]
    for u in units:
        found = dates_in(u.text)
        if found:
            due = max((x[2] for x in found), key=lambda v: parts(v) or (0, 0, 0))
            out.append(Dated(u.start, u.end, due, without_bodies(u.text)))
    return out


class _Candidates:
    """Parent sentences with their terms and IDF weight, to compare child date sentences with."""

    def __init__(self, index: Index, items: list[Dated], noise: frozenset[str]):
        self.index, self.noise, self.items = index, noise, items
        self.terms = [frozenset(terms(c.what, noise)) for c in items]
        self.weight = [sum(index.idf(t) for t in ts) for ts in self.terms]
        self.rounds = [ordinals(c.what) for c in items]

    def closest(self, what: str, rounds: dict[str, set[int]] | None = None) -> tuple[float, Dated | None]:
        """The candidate closest in wording to ``what``: the F1 of each one's IDF share in the other;
        none of another round than ``rounds`` (by default the rounds ``what`` names)."""
        mine = frozenset(terms(what, self.noise))
        total = sum(self.index.idf(t) for t in mine)
        rounds = ordinals(what) if rounds is None else rounds
        best: tuple[float, Dated | None] = (0.0, None)
        for c, ts, w, their in zip(self.items, self.terms, self.weight, self.rounds):
            if other_round(rounds, their):
                continue
            shared = sum(self.index.idf(t) for t in mine & ts)
            if shared and total and w:
                x, y = shared / total, shared / w
                f = 2 * x * y / (x + y)
                if f > best[0]:
                    best = (f, c)
        return best


def _counterpart(what: str, dated: _Candidates, undated: _Candidates,
                 rounds: dict[str, set[int]] | None = None) -> Dated | None:
    """The dated parent sentence closest in wording to ``what``; None below ``deadline_pair`` or
    when an undated parent sentence is much closer (the step the parent sets no date for)."""
    score, found = dated.closest(what, rounds)
    if score < threshold("deadline_pair") or \
            undated.closest(what, rounds)[0] > score + threshold("deadline_undated_margin"):
        return None
    return found


def _lead_in(child: PlanDocument, d: Deadline) -> str:
    """The deadline's sentence with the lines above it in its section."""
    path, _ = section_at(child, d.span.start)
    if not path:
        return d.text
    box = path[-2] if len(path) > 1 and path[-1].heading.start <= d.span.start < path[-1].heading.end + 2 \
        else path[-1]
    return child.text[box.heading.start:d.span.end]


def _rounds_of(child: PlanDocument, d: Deadline) -> dict[str, set[int]]:
    """The rounds a child deadline belongs to: its own sentence's, else those of the lines above it
    in its section, else those of the nearest heading above it that names one ("BƯỚC NĂM: … LẦN
    THỨ BA")."""
    return ordinals(d.text) or ordinals(_lead_in(child, d)) or next(
        (found for found in map(ordinals, headings_above(child, d.span.start)) if found), {})


def _late(child: PlanDocument, parent: PlanDocument, cd: Deadline, due: str, pspan) -> Finding:
    return Finding(kind=FindingKind.LATE_DEADLINE, severity=Severity.ERROR,
                   message=f"Hạn {cd.due} muộn hơn hạn {due} của kế hoạch cấp trên.",
                   child_span=cd.span, child_text=child.snippet(cd.span),
                   parent_span=pspan, parent_text=parent.snippet(pspan))


def check(child: PlanDocument, parent: PlanDocument, index: Index, units: list[Unit] = (),
          tasks: list[Unit] = ()) -> list[Finding]:
    """Late and missing deadlines: ``units`` are the parent's content items, ``tasks`` the units it
    gives the child's level (their time limits count too)."""
    r = rules()
    noise = r["deadline_noise"]
    child_dls = [d for d in child.deadlines if d.due]
    passages = [Passage(d.span.start, d.span.end, d.text, frozenset(terms(_what(d), noise)))
                for d in child_dls]
    rounds = [_rounds_of(child, d) for d in child_dls]
    out = []
    issued = child.header.issued
    for pd in parent_deadlines(child, parent):
        pspan, ptext = pd.span, parent.snippet(pd.span)
        if has_cue(fold(_what(pd)), r["plan_deliverable_cues"]):
            if issued and later(issued.value, pd.due):
                out.append(Finding(kind=FindingKind.LATE_DEADLINE, severity=Severity.WARNING,
                                   message=f"Kế hoạch ban hành ngày {issued.value}, sau hạn {pd.due} của cấp trên.",
                                   child_span=issued.span, child_text=child.snippet(issued.span),
                                   parent_span=pspan, parent_text=ptext))
            continue
        matched = [(s, p) for s, p in index.best(_what(pd), k=len(passages), drop=noise, among=passages)
                   if s >= threshold("deadline_match")]
        if not matched:
            out.append(Finding(kind=FindingKind.MISSING_DEADLINE, severity=Severity.WARNING,
                               message=f"Hạn {pd.due} của cấp trên (“{(pd.action or pd.text)[:120]}”) không được cụ thể hóa.",
                               parent_span=pspan, parent_text=ptext))
        for _, p in matched:
            k = passages.index(p)
            cd = child_dls[k]
            if other_round(rounds[k], ordinals(pd.text)):
                continue
            if later(cd.due, pd.due):
                out.append(_late(child, parent, cd, pd.due, pspan))
    # every child date against the parent sentence for the same step: the closest in wording,
    # dated or not ("gửi ngay" sets no date to compare with)
    dated = _Candidates(index, [d for d in _parent_dated(parent, units)
                                if not has_cue(fold(d.what), r["plan_deliverable_cues"])], noise)
    undated = _Candidates(index, [Dated(u.start, u.end, "", without_bodies(u.text))
                                  for u in units if not dates_in(u.text)], noise)
    for cd, its_rounds in zip(child_dls, rounds):
        pd = _counterpart(_what(cd), dated, undated, its_rounds)
        if pd is None:   # "… dự kiến tổ chức hội nghị vào ngày 05/02": the step is named in the lines above
            pd = _counterpart(without_bodies(_lead_in(child, cd)), dated, undated, its_rounds)
        if pd is None or not later(cd.due, pd.due) or any(
                f.kind == FindingKind.LATE_DEADLINE and f.child_span == cd.span for f in out):
            continue
        out.append(_late(child, parent, cd, pd.due, parent.span(pd.start, pd.end)))
    out += _longer_periods(child, parent, index, [*units, *tasks], noise,
                           {f.child_span.start for f in out if f.child_span})
    return out


def _longer_periods(child: PlanDocument, parent: PlanDocument, index: Index, units: list[Unit],
                    noise: frozenset[str], flagged: set[int]) -> list[Finding]:
    """Time limits counted from an event: a child line giving a step more days than the parent
    sentence closest in wording gives it ("sau 03 ngày kể từ ngày tổ chức hội nghị" against
    "sau 01 (một) ngày") is late, whatever the calendar dates turn out to be."""
    limit_at = {u.start: ps[0] for u in units if (ps := periods_in(u.text))}
    if not limit_at:
        return []
    candidates = _Candidates(index, [Dated(u.start, u.end, "", without_bodies(u.text))
                                     for u in units if u.start in limit_at], noise)
    out = []
    for p in index.passages:
        mine = periods_in(p.text)
        if not mine or p.start in flagged:
            continue
        score, found = candidates.closest(without_bodies(p.text))
        if found is None or score < threshold("deadline_pair"):
            continue
        theirs = limit_at[found.start]
        if mine[0].working == theirs.working and mine[0].days > theirs.days:
            pspan = parent.span(found.start, found.end)
            out.append(Finding(kind=FindingKind.LATE_DEADLINE, severity=Severity.ERROR,
                               message=f"Thời hạn {mine[0].days} ngày dài hơn {theirs.days} ngày của kế hoạch cấp trên.",
                               child_span=child.span(p.start, p.end), child_text=p.text,
                               parent_span=pspan, parent_text=parent.snippet(pspan)))
    return out
