"""Small factories shared by the segmentation / header / signer / recipients tests."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from schema.plan import PlanDocument, Section
from schema.raw import RawDocument, SourceFormat


def make_plan(*lines: str) -> PlanDocument:
    """A plan over ``lines`` joined as ingest would give them: one paragraph per line."""
    text = "\n".join(lines)
    raw = RawDocument(source_format=SourceFormat.TEXT, sha256=hashlib.sha256(text.encode()).hexdigest(),
                      size=len(text.encode()), text=text)
    return PlanDocument(raw=raw)


def make_doc(*, header=(), type_line="KẾ HOẠCH", title=("Triển khai Phong trào thi đua",),
             preamble=("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh, Sở Nội vụ xây dựng "
                       "Kế hoạch như sau:",),
             body=("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nội dung."),
             closing=("Trên đây là Kế hoạch của Sở Nội vụ./.",),
             signoff=("Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"),
             tail=()) -> PlanDocument:
    return make_plan(*header, *([type_line] if type_line else []), *title, *preamble, *body, *closing,
                     *signoff, *tail)


def outline(sections: list[Section], depth: int = 2) -> list:
    """[(label, title, [children…])] down to ``depth`` levels."""
    return [(s.label, s.title, outline(s.children, depth - 1) if depth > 1 else []) for s in sections]


def run_all(plan: PlanDocument) -> PlanDocument:
    from nlp import segment
    from nlp.extract import header, recipients, signer
    for stage in (segment, header, recipients, signer):
        plan = stage.run(plan)
    return plan


def load_gold(stem: str, gold_dir: Path) -> dict:
    return json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
