"""Check 5 (nlp/compliance/deadlines.py): which parent date a child date answers."""
from __future__ import annotations

from nlp.compliance import check
from schema.compliance import FindingKind
from tests.nlp.compliance.conftest import labelled


def test_a_date_for_the_second_round_is_not_held_against_the_first():
    # NQLT 102/2025 dates the first adjustment 15/12/2025; the Quảng Ninh guidance dates the
    # second one ("điều chỉnh lần thứ hai", 05/02/2026): a later date, for another step
    resolution = labelled("lm_NQLT_102-2025_2025-09-26.txt")
    guidance = labelled("lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx")
    late = [guidance.snippet(f.child_span) for f in check(guidance, resolution).findings
            if f.kind == FindingKind.LATE_DEADLINE]
    assert not any("điều chỉnh lần thứ hai" in t for t in late)


def test_a_longer_time_limit_for_the_same_step_is_late():
    # the commune guidance sends the consultation minutes "sau 01 (một) ngày"; the edited plan
    # (cutri-hdxa-luongminh-v2) sends them "sau 03 ngày kể từ ngày tổ chức hội nghị"
    guidance = labelled("lm_HD_MTTQ-bau-cu_LuongMinh_2025-11.docx")
    variant = labelled("var_KH_HN-cutri-noicutru_LuongMinh_v2.txt")
    late = [f for f in check(variant, guidance).findings if f.kind == FindingKind.LATE_DEADLINE
            and "sau 03 ngày" in variant.snippet(f.child_span)]
    assert len(late) == 1
    assert "sau 01 (một) ngày" in late[0].parent_text
    assert late[0].message == "Thời hạn 3 ngày dài hơn 1 ngày của kế hoạch cấp trên."
    # the real plan gives no such limit
    real = labelled("lm_KH_HN-cutri-noicutru_LuongMinh_2026-01-12.docx")
    assert not any("Thời hạn" in f.message for f in check(real, guidance).findings)
