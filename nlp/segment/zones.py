"""Cut a document into zones: header, type line, title, preamble, body, closing, sign-off, appendices.

Zones are ranges of line indices into ``Layout.lines``.  Headings are only looked for in
the body, so a "1." inside the preamble or the Nơi nhận list never becomes a section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nlp import resources
from nlp.segment.lines import Line, split_lines
from nlp.segment.rules import rules
from nlp.segment.signoff import SignOff, find_signoff
from nlp.textutil import is_caps
from schema.plan import SectionKind

_HEADER_SCAN = 40          # the type line is looked for in the first lines only
_TITLE_MAX_LINES = 8


@dataclass
class Layout:
    lines: list[Line]
    header: tuple[int, int]                 # [start, end) line indices before the type line
    type_line: int | None
    type_name: str | None                   # canonical name from doc_types.yaml ("Kế hoạch")
    type_code: str | None
    title: tuple[int, int]
    preamble: tuple[int, int]
    body: tuple[int, int]
    closing: tuple[int, int] | None
    signoff: SignOff
    appendices: list[tuple[int, int]] = field(default_factory=list)

    def text_of(self, start: int, end: int) -> str:
        return " ".join(self.lines[i].text for i in range(start, end))


@lru_cache(maxsize=1)
def _type_names() -> tuple[tuple[str, str, str], ...]:
    """(upper-case name, canonical name, code), longest first."""
    out = []
    for entry in resources.load("doc_types"):
        for name in entry["names"]:
            out.append((name.upper(), entry["names"][0], entry["code"]))
    return tuple(sorted(out, key=lambda t: len(t[0]), reverse=True))


def match_type_line(text: str) -> tuple[str, str, int] | None:
    """(canonical name, code, length of the type word) when ``text`` is a document type line."""
    stripped = text.strip().rstrip(":").strip()
    for upper, canonical, code in _type_names():
        if stripped == upper:
            return canonical, code, len(upper)
        if text.startswith(upper + " ") and is_caps(upper) and not text[len(upper) + 1:].strip()[:1].islower():
            rest = text[len(upper):].strip()
            # "KẾ HOẠCH Triển khai …" carries its title on the same line; a sentence does not start so
            if rest and not is_caps(rest) and not rest.endswith((".", ";", ":")) and len(rest.split()) <= 40:
                return canonical, code, len(upper)
    return None


def _is_exact_type_line(text: str) -> bool:
    found = match_type_line(text)
    return found is not None and len(text.strip().rstrip(":").strip()) == found[2]


def _heading_rank(text: str) -> float | None:
    m = rules().match_heading(text)
    return m.rule.rank if m else None


def _is_body_heading(lines: list[Line], i: int) -> bool:
    m = rules().match_heading(lines[i].text)
    if not m or m.rule.kind not in (SectionKind.CHAPTER, SectionKind.PART, SectionKind.ARTICLE):
        return False
    if m.rule.kind is SectionKind.PART and not m.title:
        # "I." alone: its title is the next line, in capitals
        return i + 1 < len(lines) and is_caps(lines[i + 1].text)
    return True


def _title_end(lines: list[Line], start: int, limit: int) -> int:
    """One past the last trích yếu line: caps titles continue in caps, others until a sentence."""
    r = rules()
    enacting = re.compile(resources.load("header")["enacting_authority"])
    first_caps: bool | None = None
    i = start
    while i < limit and i - start < _TITLE_MAX_LINES:
        t = lines[i].text
        if r.match_heading(t) or _is_exact_type_line(t) or any(p.match(t) for p in r.title_stops):
            break
        if first_caps is not None and r.is_preamble_start(t):
            break
        caps = is_caps(t)
        if first_caps is None:
            if t.endswith((":", ";")) or len(t) > 600:
                break
            first_caps = caps
        elif caps and enacting.match(t):
            break                       # "ỦY BAN NHÂN DÂN TỈNH …" enacting a decision
        elif first_caps != caps or (not caps and (len(t) > 250 or t.endswith((".", ";", ":")))):
            break
        i += 1
        if not caps and t.endswith((".", ";")):
            break
    return i


def layout(text: str) -> Layout:
    lines = split_lines(text)
    r = rules()
    n = len(lines)

    type_line = type_name = type_code = None
    title_start = 0
    for i in range(min(n, _HEADER_SCAN)):
        t = lines[i].text
        if r.is_preamble_start(t) or _is_body_heading(lines, i):
            break
        found = match_type_line(t)
        if found:
            type_line, (type_name, type_code, _) = i, found
            title_start = i + 1
            break
    header = (0, type_line if type_line is not None else _header_end(lines))

    if type_line is not None:
        title_end = _title_end(lines, title_start, n)
        # the type line carries the title itself ("KẾ HOẠCH Triển khai …")
        if title_end == title_start and len(lines[type_line].text) > len(type_name) + 2:
            title_start = title_end = type_line
            title_end = type_line + 1
    else:
        title_start = title_end = header[1]
    title = (title_start, title_end)

    # the sign-off is looked for after the title; the body is cut before it
    signoff = find_signoff(lines, title_end, r.appendix)
    body_limit = signoff.start
    body_first = next((i for i in range(title_end, body_limit) if _is_body_heading(lines, i)), None)
    if body_first is None:
        body_first = next((i for i in range(title_end, body_limit)
                           if (_heading_rank(lines[i].text) or 9) <= 2 and not r.is_preamble_start(lines[i].text)),
                          None)
    if body_first is None:
        # no headings: the preamble is the run of Căn cứ / Thực hiện lines
        body_first = title_end
        while body_first < body_limit and r.is_preamble_start(lines[body_first].text):
            body_first += 1
    preamble = (title_end, body_first)

    closing = _closing(lines, body_first, body_limit)
    # a closing sentence ("Trên đây là …") is not part of the last section; a last line that
    # merely ends in "./." still is
    ends_body = closing is not None and r.is_closing_start(lines[closing[0]].text)
    body = (body_first, closing[0] if ends_body else body_limit)
    appendices = _appendices(lines, signoff.end)
    return Layout(lines, header, type_line, type_name, type_code, title, preamble, body,
                  closing, signoff, appendices)


def _header_end(lines: list[Line]) -> int:
    """Without a type line (công văn): the header runs until the first line that is none of its parts."""
    h = resources.load("header")
    motto = [re.compile(p) for p in h["national_motto"]]
    number = re.compile(h["number_line"])
    place = re.compile(h["place_date"])
    subject = re.compile(h["subject_line"])
    marks = {m for m in h["marks"]}
    end = 0
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        t = line.text
        if any(p.match(t) for p in motto) or number.match(t) or place.match(t) or t in marks \
                or t.strip("* ") == "" or (is_caps(t) and len(t.split()) <= 14):
            end = i + 1
        elif subject.match(t) and i == end:
            end = i + 1
        elif i > end + 1:
            break
    return end


def _closing(lines: list[Line], start: int, limit: int) -> tuple[int, int] | None:
    r = rules()
    for i in range(limit - 1, max(start, limit - 6) - 1, -1):
        if r.is_closing_start(lines[i].text):
            return i, limit
    for i in range(limit - 1, max(start, limit - 3) - 1, -1):
        if r.closing_end_mark.search(lines[i].text) and not r.match_heading(lines[i].text):
            return i, limit
    return None


def _appendices(lines: list[Line], start: int) -> list[tuple[int, int]]:
    """Phụ lục after the sign-off; an annexed text right after it (caps heading, form, type line) too."""
    r = rules()
    starts = [i for i in range(start, len(lines))
              if r.appendix.match(lines[i].text) and len(lines[i].text.split()) <= 40
              and not lines[i].text.rstrip().endswith((";", ","))]
    if start < len(lines) and start not in starts and _annex_start(lines[start].text):
        starts.insert(0, start)
    return [(s, starts[k + 1] if k + 1 < len(starts) else len(lines)) for k, s in enumerate(starts)]


def _annex_start(text: str) -> bool:
    return is_caps(text) or match_type_line(text) is not None or bool(rules().annex.match(text))
