"""Assignments stated as data rather than prose (``roles.yaml: table``, ``labels``).

* Task tables: a header row with "Cơ quan chủ trì" / "Cơ quan phối hợp" (or bare "Chủ trì")
  columns; below it
  every cell that holds only bodies is read in the header's column order within its run
  ("Sở Y tế" | "Sở Tài chính và cơ quan, địa phương liên quan" → lead, support).  Portal
  copies often break such tables into pieces, so cells are read as a stream and a run of
  body cells (between task, date and product cells) is matched to the columns, not the
  cell index.
* Labelled lines: "- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính." → lead; "Cơ quan phối
  hợp: …" → support; "Cơ quan thực hiện: Sở X chủ trì …; Sở Y …" → read as task clauses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.bodies import BodyMention, find_bodies, names_body
from nlp.textutil import alternation, fold, lines
from schema.plan import PlanDocument, Role


@dataclass
class RoleHit:
    mention: BodyMention
    role: Role


@lru_cache(maxsize=1)
def _rules() -> dict:
    r = resources.load("roles")
    t = r["table"]

    def alt(words):
        return alternation(fold(w) for w in words)

    header = re.compile(r"^(?:(?:" + alt(t["header_prefixes"]) + r")\s+(" +
                        alt([c for cs in t["columns"].values() for c in cs]) + r")|(" +
                        alt(t["bare_headers"]) + r"))$")
    column_role = {fold(c): Role(role) for role, cs in t["columns"].items() for c in cs}
    labels = r["labels"]
    label_re = re.compile(r"\s*(?:[-+•*–]\s*)?(" + alt([l for ls in labels.values() for l in ls]) + r")\s*:\s*",
                          re.IGNORECASE)
    label_kind = {fold(l): kind for kind, ls in labels.items() for l in ls}
    excluded = [fold(n) for n in r["exclude"]["nouns"]]
    return {"excluded_nouns": excluded, "header": header, "column_role": column_role, "filler": {fold(w) for w in t["cell_filler"]},
            "label": label_re, "label_kind": label_kind}


def _cells(plan: PlanDocument) -> list[tuple[tuple[int, int, int], int, int]]:
    """Table cells in reading order: ((table, row, cell), start, end), paragraphs of a cell merged."""
    out: list[tuple[tuple[int, int, int], int, int]] = []
    blocks = plan.raw.blocks

    def in_table(i: int) -> bool:
        return 0 <= i < len(blocks) and blocks[i].location is not None and blocks[i].location.table is not None

    for i, b in enumerate(blocks):
        loc = b.location
        if not in_table(i):
            # a cell the ingest lost between two pieces of a broken table: its own one-cell table
            if in_table(i - 1) and in_table(i + 1):
                out.append(((-1 - i, 0, 0), b.start, b.end))
            continue
        key = (loc.table, loc.row or 0, loc.cell or 0)
        if out and out[-1][0] == key:
            out[-1] = (key, out[-1][1], b.end)
        else:
            out.append((key, b.start, b.end))
    return out


def _outside_parens(text: str, start: int, end: int) -> list[BodyMention]:
    parens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\([^()]*\)", text[start:end])]
    return [b for b in find_bodies(text, start, end) if not any(s <= b.start < e for s, e in parens)]


def _body_cell(text: str, start: int, end: int) -> list[BodyMention] | None:
    """The bodies of a cell that holds only bodies (and filler words); None for any other cell."""
    mentions = _outside_parens(text, start, end)
    rest = re.sub(r"\([^()]*\)", " ", text[start:end])
    for m in sorted(mentions, key=lambda m: -m.start):
        a, b = m.start - start, m.end - start
        rest = rest[:a] + " " + rest[b:]
    words = re.findall(r"[^\W\d_]+", fold(rest))
    if not words and not mentions:
        return None
    if any(w not in _rules()["filler"] for w in words):
        listed = _listed_chunks(text, start, end, mentions)
        return None if listed is None else mentions + listed
    return mentions


_CHUNK_WORDS = 4


def _listed_chunks(text: str, start: int, end: int, mentions: list[BodyMention]) -> list[BodyMention] | None:
    """A cell of partners the gazetteer does not know beside ones it does ("Viện, Trường;
    Doanh nghiệp, Sở, ban, ngành có liên quan"): each ";" part's run of short parts that name
    a body ("Viện, Trường", "Doanh nghiệp") listed as written.  None when any other word is
    left: the cell is a task, a date or a product, not a body cell."""
    filler = _rules()["filler"]
    out: list[BodyMention] = []
    has_known = bool(mentions)
    for part in re.finditer(r"[^;]+", text[start:end]):
        run: list[tuple[int, int]] = []
        for piece in re.finditer(r"[^,]+", part.group()):
            ps, pe = start + part.start() + piece.start(), start + part.start() + piece.end()
            if any(m.start < pe and ps < m.end for m in mentions):
                has_known = True
                run = _close_run(text, run, out)
                continue
            words = re.findall(r"[^\W\d_]+", fold(text[ps:pe]))
            if not words or all(w in filler for w in words):
                has_known = has_known or bool(words)
                run = _close_run(text, run, out)
                continue
            if len(words) > _CHUNK_WORDS or not names_body(text[ps:pe]) and not run:
                return None
            run.append((ps, pe))
        _close_run(text, run, out)
    return out if out and has_known else None


def _close_run(text: str, run: list[tuple[int, int]], out: list[BodyMention]) -> list[tuple[int, int]]:
    if run:
        m = _listed(text, run[0][0], run[-1][1])
        if m is not None:
            out.append(m)
    return []


def _cell_bodies(text: str, start: int, end: int) -> list[BodyMention]:
    """The bodies of a cell in a body column.  A collective of non-state bodies ("Các doanh
    nghiệp đầu tư hạ tầng") or a cell naming no known body is listed as written: a
    task table names only the bodies it tasks."""
    excluded = _rules()["excluded_nouns"]
    out = []
    for m in _outside_parens(text, start, end):
        if m.kind == "group" and any(n in fold(m.name) for n in excluded):
            stop = re.search(r"[,;(]", text[m.start:end])
            stop_at = m.start + stop.start() if stop else end
            out.append(_listed(text, m.start, stop_at))
        else:
            out.append(m)
    if not out:
        words = re.findall(r"[^\W\d_]+", fold(text[start:end]))
        if 0 < len(words) <= 12 and any(w not in _rules()["filler"] for w in words):
            out.append(_listed(text, start, end))
    return [m for m in out if m is not None and (m.kind != "listed" or names_body(m.name))]


def _listed(text: str, start: int, end: int) -> BodyMention | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if end <= start:
        return None
    name = " ".join(text[start:end].split())
    return BodyMention(start, end, name, None, "listed", None)


def table_hits(plan: PlanDocument) -> list[RoleHit]:
    r = _rules()
    text = plan.text
    hits: list[RoleHit] = []
    columns: list[Role] = []
    header_key: tuple[int, int] | None = None
    column_at: dict[int, Role] = {}
    run = 0
    in_header = False
    for (table, row, cell), s, e in _cells(plan):
        title = " ".join(re.findall(r"[^\W_]+", fold(text[s:e])))
        m = r["header"].match(title)
        if m:
            # header cells side by side form one header, even where the ingest split the table
            if not in_header:
                columns, header_key, column_at = [], (table, row), {}
            columns.append(r["column_role"][m.group(1) or m.group(2)])
            if table == header_key[0]:
                column_at[cell] = columns[-1]
            run = 0
            in_header = True
            continue
        in_header = False
        if not columns:
            continue
        if header_key and table == header_key[0]:
            # the header's own table: the cell index says the column
            if cell in column_at:
                hits += [RoleHit(b, column_at[cell]) for b in _cell_bodies(text, s, e)]
            continue
        bodies = _body_cell(text, s, e)
        if bodies is None:
            run = 0
            continue
        role = columns[min(run, len(columns) - 1)]
        hits += [RoleHit(b, role) for b in bodies]
        run += 1
    return hits


def label_hits(plan: PlanDocument, clause_reader) -> list[RoleHit]:
    """Bodies after "Cơ quan chủ trì:" / "Cơ quan phối hợp:" labels; ``clause_reader(text, start,
    end)`` reads the text after a clause label and returns (mention, role) pairs."""
    r = _rules()
    text = plan.text
    hits: list[RoleHit] = []
    for ls, le in lines(text):
        m = r["label"].match(text, ls, le)
        if not m:
            continue
        kind = r["label_kind"][" ".join(fold(m.group(1)).split())]
        start = m.end()
        if kind == "clause":
            for cs, ce in _clauses(text, start, le):
                hits += [RoleHit(mention, role) for mention, role in clause_reader(text, cs, ce)]
            continue
        role = Role.LEAD if kind == "lead" else Role.SUPPORT
        hits += [RoleHit(b, role) for b in _outside_parens(text, start, le)]
    return hits


def _clauses(text: str, start: int, end: int):
    pos = start
    for m in re.finditer(r";", text[start:end]):
        yield pos, start + m.start()
        pos = start + m.end()
    yield pos, end
