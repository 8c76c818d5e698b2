"""Which parent items a topical sub-plan answers.

A guidance covers many tasks ("6. Công tác tiếp công dân, xử lý đơn thư", "7. Giám sát", …);
a plan for one of them ("Kế hoạch tiếp công dân, xử lý đơn thư …") answers that part, and the
other parts are not its business. A plan that answers the whole parent (a district's plan for
the province's movement) names what the parent's own title names, and has no narrower scope.
"""
from __future__ import annotations

from nlp.compliance.config import threshold
from nlp.compliance.items import Unit
from nlp.compliance.matching import terms
from nlp.compliance.rounds import ordinals, other_round
from schema.plan import PlanDocument


def _words(text: str) -> set[str]:
    return {t for t in terms(text) if " " not in t}


def _share(heading: str, title: set[str], common: frozenset[str] = frozenset()) -> float:
    want = _words(heading) - common
    return len(want & title) / len(want) if want else 0.0


def topical_scope(child: PlanDocument, parent: PlanDocument, units: list[Unit]) -> set[int] | None:
    """The positions (in ``units``) of the parent units in the child's scope, or None when the
    child answers the whole parent: the units under the parent heading that the child's title
    names (``thresholds.scope_min``), when it names that heading clearly better than the
    parent's own title (``thresholds.scope_margin``)."""
    title = child.header.title.value if child.header.title else ""
    mine = _words(title)
    if not mine:
        return None
    rounds = ordinals(title)
    # what a heading says beyond the parent's own title is its topic: "A. ĐỐI VỚI NGƯỜI ỨNG CỬ ĐẠI
    # BIỂU QUỐC HỘI" in a guidance on nominating National Assembly candidates has none
    common = frozenset(_words(parent.header.title.value)) if parent.header.title else frozenset()
    whole = _share(parent.header.title.value, mine) if parent.header.title else 0.0
    # a heading repeated under several parts ("A. ĐỐI VỚI NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI" in
    # every step) names no topic of its own
    places: dict[str, set[tuple[str, ...]]] = {}
    for u in units:
        for k, h in enumerate(u.context):
            places.setdefault(h, set()).add(tuple(u.context[:k]))
    scored = {h: _share(h, mine, common) for h, at in places.items()
              if len(at) == 1 and len(_words(h) - common) >= 2 and not other_round(ordinals(h), rounds)}
    best = max(scored.values(), default=0.0)
    if best < threshold("scope_min") or best < whole + threshold("scope_margin"):
        return None
    # near ties are in scope together ("… về cung lao động", "… về cầu lao động" for a plan on both)
    heads = [h for h, s in scored.items() if s >= best - threshold("scope_margin")]
    inside = {i for i, u in enumerate(units) if any(h in u.context for h in heads)}
    return inside if len(inside) >= 2 else None
