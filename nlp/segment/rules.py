"""Heading patterns and zone markers from nlp/resources/headings.yaml, validated and compiled."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from schema.plan import SectionKind

_STYLES = {"roman", "arabic", "letter", "none"}


@dataclass(frozen=True)
class HeadingRule:
    kind: SectionKind
    rank: float
    pattern: re.Pattern
    numbered: bool
    label_style: str


@dataclass(frozen=True)
class HeadingMatch:
    rule: HeadingRule
    label: str
    title: str          # the text after the label ("" when the label stands alone)
    title_offset: int   # where ``title`` starts inside the line


@dataclass(frozen=True)
class Rules:
    headings: tuple[HeadingRule, ...]
    clause_parent: SectionKind
    letters: tuple[str, ...]
    title_max_words: int
    title_max_chars: int
    sentence_endings: tuple[str, ...]
    preamble_starts: tuple[re.Pattern, ...]
    title_stops: tuple[re.Pattern, ...]
    closing_starts: tuple[re.Pattern, ...]
    closing_end_mark: re.Pattern
    appendix: re.Pattern
    annex: re.Pattern

    def match_heading(self, text: str) -> HeadingMatch | None:
        for rule in self.headings:
            m = rule.pattern.match(text)
            if m:
                title = (m.group("title") or "").strip()
                offset = m.start("title") if m.group("title") is not None else len(text)
                offset += len(m.group("title") or "") - len((m.group("title") or "").lstrip())
                return HeadingMatch(rule, m.group("label").strip(), title, offset)
        return None

    def is_preamble_start(self, text: str) -> bool:
        return any(p.match(text) for p in self.preamble_starts)

    def is_closing_start(self, text: str) -> bool:
        return any(p.match(text) for p in self.closing_starts)


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as e:
        raise ValueError(f"headings.yaml: bad regex in {where}: {e}") from None


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = resources.load("headings")
    heads = []
    for i, h in enumerate(data["headings"]):
        missing = {"kind", "rank", "pattern", "numbered", "label_style"} - set(h)
        if missing:
            raise ValueError(f"headings.yaml: heading {i} lacks {sorted(missing)}")
        if h["label_style"] not in _STYLES:
            raise ValueError(f"headings.yaml: heading {i}: label_style {h['label_style']!r}")
        pattern = _compile(h["pattern"], f"heading {i}")
        if not {"label", "title"} <= set(pattern.groupindex):
            raise ValueError(f"headings.yaml: heading {i} needs groups 'label' and 'title'")
        heads.append(HeadingRule(SectionKind(h["kind"]), float(h["rank"]), pattern,
                                 bool(h["numbered"]), h["label_style"]))
    item_title = data["item_title"]
    closing = data["closing"]
    return Rules(
        headings=tuple(heads),
        clause_parent=SectionKind(data["clause_parent"]),
        letters=tuple(data["letters"]),
        title_max_words=int(item_title["max_words"]),
        title_max_chars=int(item_title["max_chars"]),
        sentence_endings=tuple(item_title["sentence_endings"]),
        preamble_starts=tuple(_compile(p, "preamble_starts") for p in data["preamble_starts"]),
        title_stops=tuple(_compile(p, "title_stops") for p in data["title_stops"]),
        closing_starts=tuple(_compile(p, "closing.starts") for p in closing["starts"]),
        closing_end_mark=_compile(closing["end_mark"], "closing.end_mark"),
        appendix=_compile(data["appendix"], "appendix"),
        annex=_compile(data["annex"], "annex"),
    )
