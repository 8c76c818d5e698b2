"""Awards: each award form a plan offers, with whose it is (CONTRACT.md).

Forms and authorities are data (``awards.yaml``, Luật TĐKT 2022 Điều 19–20, 33, 54,
77–80).  Inside the award part (a part or item headed "… khen thưởng", without its
"Hồ sơ …" blocks) every form counts; "<forms> của <authority>" gives the authority as
written ("Bằng khen, Giấy khen của các cơ quan, đơn vị, địa phương có thẩm quyền";
"Giấy khen của A; B; C" gives one entry per authority).  Outside it, only offers
("tặng Bằng khen của …").  One entry per (form, authority).
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import resources
from nlp.bodies import find_bodies
from nlp.extract.assignments import parts, units
from nlp.extract.criteria import block_end, is_heading
from nlp.textutil import fold, tone_style
from schema.plan import Award, PlanDocument


def _phrase(s: str) -> str:
    words = re.findall(r"[^\W_]+", fold(s))
    return r"(?:\s*[,\-–]\s*|\s+)".join(re.escape(w) for w in words)


def _alt(items) -> str:
    return "|".join(sorted({_phrase(i) for i in items}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict:
    r = resources.load("awards")
    names = {}
    for f in r["forms"]:
        for n in f["names"]:
            names[" ".join(re.findall(r"[^\W_]+", fold(n)))] = f
    return {
        "forms": names,
        "form_re": re.compile(r"(?<![\w])(?:" + _alt(names) + r")(?![\w])", re.IGNORECASE),
        "class_re": re.compile(r"\s+hạng\s+(?:nhất|nhì|ba|i{1,3})(?![\w])", re.IGNORECASE),
        "join_re": re.compile(r"\s*(?:,|/|\bvà\b|\bhoặc\b)\s*", re.IGNORECASE),
        "of_re": re.compile(r"\s+(?:của|do)\s+", re.IGNORECASE),
        "stop_re": re.compile(r"\s+(?:" + _alt(r["authority_stops"]) + r")(?![\w])", re.IGNORECASE),
        "offer_re": re.compile(r"(?:" + _alt(r["offer_cues"]) + r")\s*:?\s*$", re.IGNORECASE),
        "parts": [fold(x) for x in r["parts"]],
        "skip": [fold(x) for x in r["skip_blocks"]],
        "authorities": r["authorities"],
        "subject_re": re.compile(r"^\s*(?P<auth>(?:" + _alt(r["subject_heads"]) + r")(?![\w])[^.;:()\n]{0,120}?)\s+(?:"
                                 + _alt(r["subject_verbs"]) + r")\s*$", re.IGNORECASE),
        "abbreviations": [(re.compile(rf"(?<![\w]){re.escape(fold(k))}(?![\w])"), fold(v))
                          for k, v in r["authority_abbreviations"].items()],
        "fillers": {fold(x) for x in r["authority_fillers"]},
    }


def _authority_key(authority: str | None) -> str | None:
    """An authority as compared for one entry per (form, authority)."""
    if not authority:
        return None
    r = _rules()
    s = fold(authority)
    for pat, full in r["abbreviations"]:
        s = pat.sub(full, s)
    return " ".join(w for w in re.findall(r"[^\W_]+", s) if w not in r["fillers"])


def _subject_authority(text: str, start: int, form_start: int) -> tuple[int, int] | None:
    """"<authority> xem xét tặng <form>": the clause's subject, when it opens with an authority."""
    m = _rules()["subject_re"].match(text[start:form_start].replace("\n", " "))
    if not m:
        return None
    return start + m.start("auth"), start + m.end("auth")


def authority_entry(authority: str | None) -> dict | None:
    """The awards.yaml authority (with its article and grants) an authority as written names."""
    if not authority:
        return None
    key = " ".join(re.findall(r"[^\W_]+", fold(re.sub(r"\bUBND\b", "Ủy ban nhân dân", authority))))
    best = None
    for a in _rules()["authorities"]:
        for n in a["names"]:
            nk = " ".join(re.findall(r"[^\W_]+", fold(n)))
            if (key == nk or key.startswith(nk + " ")) and (best is None or len(nk) > best[0]):
                best = (len(nk), a)
    return best[1] if best else None


def _award_ranges(plan: PlanDocument) -> list[tuple[int, int]] | None:
    text = plan.text
    r = _rules()
    out = []
    for p in parts(plan):
        if not any(c in fold(p.title) for c in r["parts"]):
            continue
        us = units(text, p.body_start, p.end)
        skip_until = -1
        for i, u in enumerate(us):
            if i < skip_until:
                continue
            head = fold(text[u.content:u.end])
            if is_heading(text, u) and (any(s in head for s in r["skip"]) or
                                         ("tiêu chí" in head and "khen thưởng" not in head)):
                skip_until = block_end(us, i)
                continue
            out.append((u.content, u.end))
    if out:
        return out
    start = parts(plan)[0].start if parts(plan) else 0
    us = units(text, start, len(text))
    for i, u in enumerate(us):
        head = fold(text[u.content:u.end])
        if is_heading(text, u) and any(c in head for c in r["parts"]) and not any(s in head for s in r["skip"]):
            out.append((u.content, u.end))
            for x in us[i + 1:block_end(us, i)]:
                out.append((x.content, x.end))
    return out or None


def _authorities(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Authorities written from ``start``: "A; B; C" splits when each piece opens with a body."""
    r = _rules()
    line_end = end
    m = re.search(r"[.:(\n]", text[start:end])
    if m:
        line_end = start + m.start()
    pieces = []
    pos = start
    for i, piece in enumerate(re.split(r";", text[start:line_end])):
        ps = pos + len(piece) - len(piece.lstrip())
        pe = pos + len(piece)
        pos = pe + 1
        if i and not any(b.start == ps for b in find_bodies(text, ps, pe)):
            break
        fm = r["form_re"].search(text, ps, pe)
        if fm:
            pe = fm.start()
        sm = r["stop_re"].search(text, ps, pe)
        if sm:
            pe = sm.start()
        while pe > ps and text[pe - 1] in " ,;-–":
            pe -= 1
        if pe > ps:
            pieces.append((ps, pe))
    return pieces


def extract(plan: PlanDocument) -> list[Award]:
    text = plan.text
    r = _rules()
    ranges = _award_ranges(plan)
    offers_only = ranges is None
    if ranges is None:
        ps = parts(plan)
        ranges = [(ps[0].start, ps[-1].end)] if ps else [(0, len(text))]
    view = tone_style(text.lower())
    if len(view) != len(text):
        view = text
    out: list[Award] = []
    seen = set()
    for rs, re_ in ranges:
        pos = rs
        while True:
            m = r["form_re"].search(view, pos, re_)
            if not m:
                break
            forms = [m]
            end = m.end()
            while True:
                c = r["class_re"].match(view, end)
                if c:
                    end = c.end()
                j = r["join_re"].match(view, end)
                if not j:
                    break
                m2 = r["form_re"].match(view, j.end())
                if not m2:
                    break
                forms.append(m2)
                end = m2.end()
            pos = end
            before = text[max(rs, forms[0].start() - 25):forms[0].start()]
            line_start = text.rfind("\n", 0, forms[0].start()) + 1
            at_line_start = not re.search(r"[^\W_]", text[max(line_start, rs):forms[0].start()])
            offered = bool(r["offer_re"].search(before))
            kinds = []
            for f in forms:
                entry = r["forms"][" ".join(re.findall(r"[^\W_]+", fold(f.group())))]
                if offers_only and not offered:
                    continue
                if entry["kind"] != "hinh_thuc" and not (offered or at_line_start or "danh hiệu" in fold(before)):
                    continue
                kinds.append((f, entry))
            if not kinds:
                continue
            of = r["of_re"].match(text, end)
            auths = _authorities(text, of.end(), re_) if of else []
            if not auths and offered:
                subject = _subject_authority(view, rs, forms[0].start())
                auths = [subject] if subject else []
            for f, entry in kinds:
                for a in auths or [None]:
                    authority = " ".join(text[a[0]:a[1]].split()) if a else None
                    key = (entry["form"], _authority_key(authority))
                    if key in seen:
                        continue
                    seen.add(key)
                    stop = a[1] if a else f.end()
                    out.append(Award(form=entry["form"], kind=entry["kind"], authority=authority,
                                     text=" ".join(text[f.start():stop].split()),
                                     span=plan.span(f.start(), stop)))
    return out


def run(plan: PlanDocument) -> PlanDocument:
    plan.awards = extract(plan)
    return plan
