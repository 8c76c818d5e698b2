"""Segmentation stub: filled in by issue 3."""
from __future__ import annotations

from schema.plan import PlanDocument


def run(plan: PlanDocument) -> PlanDocument:
    return plan
