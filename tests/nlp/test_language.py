"""The spaCy pipeline: the bodies and role cues the assignments stage reads."""
import pytest

import ingest
from nlp.bodies import find_bodies
from nlp.extract import assignments
from nlp.language import analyze, analyze_regions
from nlp.pipeline import analyze as analyze_plan
from tests.conftest import CORPUS


def test_regions_keep_offsets_into_the_text():
    text = "Căn cứ Luật.\n1. Sở Nội vụ chủ trì, phối hợp với Công an tỉnh và UBND các xã, phường thực hiện."
    start = text.index("1.")
    a, = analyze_regions(text, [(start, len(text))])
    assert [(b.name, text[b.start:b.end]) for b in a.bodies] == [
        ("Sở Nội vụ", "Sở Nội vụ"), ("Công an tỉnh", "Công an tỉnh"),
        ("UBND các xã, phường", "UBND các xã, phường")]
    assert [(text[s:e], label) for s, e, label in a.cues] == [("chủ trì", "LEAD"), ("phối hợp với", "SUPPORT")]
    assert all(start <= s < e <= len(text) for s, e in a.tokens)


def test_lead_prefix_is_its_own_cue():
    a = analyze("Giao Sở Tài chính chủ trì thẩm định.")
    assert [label for _, _, label in a.cues] == ["LEAD_PREFIX", "LEAD"]


def test_ruler_names_need_a_capital():
    # "sở y tế" in lower case is a common noun phrase, not the body
    assert analyze("các cơ sở y tế trên địa bàn").bodies == []
    assert [b.name for b in analyze("Báo cáo Sở Y tế.").bodies] == ["Sở Y tế"]


@pytest.mark.parametrize("name", ["tvpl_KH_153-KH-UBND_CanTho_2025-11-17.txt",
                                  "tvpl_KH_556-KH-UBND_DongThap_2025-11-19.txt"])
def test_unit_analysis_agrees_with_the_scanner(name):
    # the pipeline adds to the scanner's mentions, never moves or drops one
    plan = analyze_plan(ingest.load(CORPUS / "sources" / name))
    flat = plan.text.replace("\n", " ")
    regions = [(u.content, u.end) for p in assignments.find_parts(plan, assignments._rules()["parts"])
               for u in assignments.units(plan.text, p.body_start, p.end) if u.end > u.content]
    assert len(regions) > 50
    for (s, e), a in zip(regions, analyze_regions(flat, regions)):
        scanned = [(m.start, m.end, m.name) for m in find_bodies(flat, s, e)]
        assert [(m.start, m.end, m.name) for m in a.bodies if (m.start, m.end, m.name) in scanned] == scanned


def test_warm_up_loads_the_pipeline_once():
    from nlp.language import get_nlp, warm_up
    warm_up()
    assert get_nlp.cache_info().currsize == 1
    assert {"entity_ruler", "kehoach_bodies", "kehoach_role_cues"} <= set(get_nlp().pipe_names)
