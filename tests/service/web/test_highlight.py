"""The highlighter: segments for nested and crossing spans, tooltips, outline anchors."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest import Limits, read_bytes
from nlp import analyze
from schema.plan import (Assignment, Criterion, Deadline, DocumentHeader, Located, PlanDocument, Reference,
                         Relation, Role, Section, SectionKind, Span)
from schema.raw import RawDocument, SourceFormat
from service.web.highlight import (HEADER_FIELDS, Annotation, Segment, annotations, deadline_tip, highlight,
                                   outline, segments)
from service.web.labels import labels, vi_date

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "sources"
SENTENCE = "Sở Nội vụ báo cáo trước ngày 30/11 hằng năm."


def raw(text: str) -> RawDocument:
    return RawDocument(source_name="t.txt", source_format=SourceFormat.TEXT, sha256="0" * 64,
                       size=len(text.encode()), text=text)


def span_of(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part))


def test_plain_text_is_one_segment():
    assert segments("Kế hoạch", []) == [Segment("Kế hoạch")]


def test_nested_spans_split_into_pieces_coloured_by_the_innermost():
    text = SENTENCE
    outer = Annotation(0, len(text), "criterion", "Tiêu chuẩn")
    body = span_of(text, "Sở Nội vụ")
    when = span_of(text, "trước ngày 30/11 hằng năm")
    marks = [outer, Annotation(body.start, body.end, "assignment", "Giao nhiệm vụ"),
             Annotation(when.start, when.end, "deadline", "Thời hạn")]
    assert segments(text, marks) == [
        Segment("Sở Nội vụ", "assignment", "Tiêu chuẩn\nGiao nhiệm vụ"),
        Segment(" báo cáo ", "criterion", "Tiêu chuẩn"),
        Segment("trước ngày 30/11 hằng năm", "deadline", "Tiêu chuẩn\nThời hạn"),
        Segment(".", "criterion", "Tiêu chuẩn"),
    ]


def test_crossing_spans_never_cross_in_the_output():
    text = "abcdefghij"
    marks = [Annotation(0, 6, "reference", "A"), Annotation(4, 10, "deadline", "B")]
    assert segments(text, marks) == [
        Segment("abcd", "reference", "A"),
        Segment("ef", "deadline", "A\nB"),
        Segment("ghij", "deadline", "B"),
    ]


def test_empty_and_out_of_range_spans_are_clipped_or_dropped():
    text = "Kế hoạch số 5"
    marks = [Annotation(3, 3, "number", "empty"), Annotation(12, 99, "number", "Số văn bản: 5"),
             Annotation(-4, 2, "doc_type", "Loại")]
    assert segments(text, marks) == [Segment("Kế", "doc_type", "Loại"), Segment(" hoạch số "),
                                     Segment("5", "number", "Số văn bản: 5")]


def test_anchors_start_their_segment_and_one_at_the_end_survives():
    text = "I. MỤC TIÊU\nII. NỘI DUNG"
    out = segments(text, [], {"sec-1": 0, "sec-2": text.index("II."), "end": len(text)})
    assert out == [Segment("I. MỤC TIÊU\n", anchors=("sec-1",)), Segment("II. NỘI DUNG", anchors=("sec-2",)),
                   Segment("", anchors=("end",))]


@pytest.mark.parametrize("due, recurrence, approximate, expected", [
    ("2025-11-30", "yearly", False, "Thời hạn: 30/11/2025, hằng năm; chủ trì: Sở Nội vụ"),
    ("--11-30", "yearly", False, "Thời hạn: ngày 30/11 hằng năm; chủ trì: Sở Nội vụ"),
    ("2026-04", None, True, "Thời hạn: 04/2026 (khoảng); chủ trì: Sở Nội vụ"),
])
def test_deadline_tip(due, recurrence, approximate, expected):
    d = Deadline(due=due, recurrence=recurrence, approximate=approximate, responsible=["Sở Nội vụ"],
                 text=SENTENCE, span=Span(start=0, end=len(SENTENCE)))
    assert deadline_tip(d) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-11-30", "30/11/2025"), ("2026-04", "04/2026"), ("2026", "2026"),
    ("--11-10", "ngày 10/11 hằng năm"), ("---20", "ngày 20 hằng tháng"), (None, ""),
])
def test_vi_date(value, expected):
    assert vi_date(value) == expected


def hand_plan() -> PlanDocument:
    text = ("KẾ HOẠCH\nThực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh.\nI. MỤC TIÊU\n" + SENTENCE + "\n"
            "II. TỔ CHỨC THỰC HIỆN\n")
    ref = span_of(text, "Kế hoạch số 12/KH-UBND của UBND tỉnh")
    heading1, heading2 = span_of(text, "I. MỤC TIÊU"), span_of(text, "II. TỔ CHỨC THỰC HIỆN")
    body = span_of(text, "Sở Nội vụ")
    sentence = span_of(text, SENTENCE)
    return PlanDocument(
        raw=raw(text),
        header=DocumentHeader(doc_type=Located(value="KH", span=span_of(text, "KẾ HOẠCH"))),
        references=[Reference(relation=Relation.IMPLEMENTS, doc_type_name="Kế hoạch", number="12",
                              symbol="KH-UBND", issuer="UBND tỉnh", span=ref)],
        deadlines=[Deadline(due="--11-30", recurrence="yearly", responsible=["Sở Nội vụ"], text=SENTENCE,
                            span=sentence, time_span=span_of(text, "trước ngày 30/11 hằng năm"))],
        assignments=[Assignment(body="Sở Nội vụ", role=Role.LEAD, span=body)],
        criteria=[Criterion(target="Đối với các sở", items=["a"], span=sentence)],
        sections=[Section(kind=SectionKind.PART, label="I", title="MỤC TIÊU", heading=heading1,
                          body=Span(start=heading1.start, end=heading2.start),
                          children=[Section(kind=SectionKind.BULLET, label="-", heading=sentence, body=sentence)]),
                  Section(kind=SectionKind.PART, label="II", heading=heading2, body=heading2)])


def test_plan_annotations_explain_each_value_and_the_link_state():
    plan = hand_plan()
    tips = {a.kind: a.tip for a in annotations(plan, {0: "chưa tải lên"})}
    assert tips == {
        "doc_type": "Loại văn bản: KH",
        "reference": "Văn bản được dẫn: (thực hiện) Kế hoạch số 12/KH-UBND của UBND tỉnh — chưa tải lên",
        "deadline": "Thời hạn: ngày 30/11 hằng năm; chủ trì: Sở Nội vụ",
        "assignment": "Giao nhiệm vụ: chủ trì: Sở Nội vụ",
        "criterion": "Tiêu chuẩn: Đối với các sở; 1 tiêu chí",
    }


def test_highlight_joins_back_to_the_text_with_outline_and_deadline_anchors():
    plan = hand_plan()
    segs, entries = highlight(plan)
    assert "".join(s.text for s in segs) == plan.text
    assert [(e.anchor, e.text) for e in entries] == [("sec-1", "I. MỤC TIÊU"), ("sec-2", "II. TỔ CHỨC THỰC HIỆN")]
    by_anchor = {a: s for s in segs for a in s.anchors}
    assert by_anchor["sec-1"].text.startswith("I. MỤC TIÊU")
    assert by_anchor["dl-1"] == Segment("trước ngày 30/11 hằng năm", "deadline",
                                        "Tiêu chuẩn: Đối với các sở; 1 tiêu chí\n"
                                        "Thời hạn: ngày 30/11 hằng năm; chủ trì: Sở Nội vụ", ("dl-1",))


def test_every_kind_has_a_vietnamese_label():
    kinds = labels()["kinds"]
    used = {*HEADER_FIELDS, "national_motto", "mark", "reference", "movement", "period_start", "period_end",
            "deadline", "assignment", "criterion", "award", "recipient", "signer"}
    assert used <= set(kinds)


def test_real_plan_round_trips_and_marks_every_deadline():
    path = CORPUS / "tvpl_KH_235-KH-UBND_ThanhHoa_2025-11-18.txt"
    plan = analyze(read_bytes(path.read_bytes(), path.name, Limits()))
    segs, entries = highlight(plan)
    assert "".join(s.text for s in segs) == plan.text
    assert plan.deadlines
    marked = [s for s in segs if s.kind == "deadline"]
    for i, d in enumerate(plan.deadlines, 1):
        start = next(s for s in segs if f"dl-{i}" in s.anchors)
        assert start.kind == "deadline" and plan.snippet(d.time_span or d.span).startswith(start.text)
    assert len(marked) >= len({(d.time_span or d.span).start for d in plan.deadlines})
    assert any(s.kind == "number" and s.text == "235" for s in segs)
    assert entries[0].text == "I. MỤC TIÊU"
    _, anchors = outline(plan)
    assert plan.text[anchors[entries[0].anchor]:].startswith("I. MỤC TIÊU")
