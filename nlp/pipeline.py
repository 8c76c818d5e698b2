"""The analysis pipeline: fixed stages that each take the PlanDocument and enrich it.

A stage that fails on odd text records an issue and marks the result partial; it never
takes the other stages down with it.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from importlib import import_module

from schema.plan import Issue, PlanDocument
from schema.raw import RawDocument

Stage = Callable[[PlanDocument], PlanDocument | None]

# (name, module): each module has ``run(plan) -> PlanDocument | None``.  Order matters:
# segmentation first, header before references (which needs the issuer), bodies before roles.
STAGES: list[tuple[str, str]] = [
    ("segment", "nlp.segment"),
    ("header", "nlp.extract.header"),
    ("references", "nlp.extract.references"),
    ("movement", "nlp.extract.movement"),
    ("deadlines", "nlp.extract.deadlines"),
    ("assignments", "nlp.extract.assignments"),
    ("criteria", "nlp.extract.criteria"),
    ("awards", "nlp.extract.awards"),
    ("recipients", "nlp.extract.recipients"),
    ("signer", "nlp.extract.signer"),
]


def stage_functions() -> list[tuple[str, Stage]]:
    return [(name, import_module(module).run) for name, module in STAGES]


def analyze(raw: RawDocument, timings: dict[str, float] | None = None) -> PlanDocument:
    """Segment and extract everything from ``raw``.  ``timings`` collects seconds per stage."""
    plan = PlanDocument(raw=raw)
    for name, run in stage_functions():
        started = time.perf_counter()
        try:
            plan = run(plan) or plan
        except Exception as e:  # a defect on odd text: keep what the other stages find
            plan.status = "partial"
            plan.issues.append(Issue(code=f"{name}_failed", severity="error",
                                     message=f"stage {name} failed: {type(e).__name__}: {e}"))
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return plan
