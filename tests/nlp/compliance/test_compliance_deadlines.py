"""Check 5 (nlp/compliance/deadlines.py): which parent date a child date answers."""
from __future__ import annotations

import pytest

from nlp.compliance import check
from nlp.compliance.deadlines import ordinals
from schema.compliance import FindingKind
from tests.nlp.compliance.conftest import ROOT, plan_of

DOCS = ROOT / "corpus" / "compliance" / "docs"


@pytest.mark.parametrize("text, rounds", [
    ("Hội nghị hiệp thương lần thứ hai", {"lần": {2}}),
    ("Đợt 1: từ ngày 01/3 đến ngày 30/3", {"đợt": {1}}),
    ("giai đoạn 2 (2026 - 2030)", {"giai đoạn": {2}}),
    ("sau hội nghị lần thứ nhất và lần thứ ba", {"lần": {1, 3}}),
    ("trong năm 2025 và lần này", {}),
])
def test_ordinals(text, rounds):
    assert ordinals(text) == rounds


def test_a_date_for_the_second_round_is_not_held_against_the_first():
    # NQLT 102/2025 dates the first adjustment 15/12/2025; the Quảng Ninh guidance dates the
    # second one ("điều chỉnh lần thứ hai", 05/02/2026): a later date, for another step
    resolution = plan_of(DOCS / "lm_NQLT_102-2025_2025-09-26.txt")
    guidance = plan_of(DOCS / "lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")
    late = [guidance.snippet(f.child_span) for f in check(guidance, resolution).findings
            if f.kind == FindingKind.LATE_DEADLINE]
    assert not any("điều chỉnh lần thứ hai" in t for t in late)
