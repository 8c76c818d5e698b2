"""Finding state, party and front bodies in text: the gazetteer and patterns of
``nlp/resources/bodies.yaml`` compiled into a small scanner.

The scanner works on a *view* of the text in which abbreviations are expanded
("UBND" → "Ủy ban nhân dân") and tone marks are in one style; every view offset maps
back to the original text, so mentions carry exact ``[start, end)`` offsets.

At each word it tries, longest first:

* a named body or alias from the gazetteer (including every "Bộ/Sở/Phòng + sector"),
* a head noun + a capitalised name ("Phòng Hành chính tổ chức - Quản trị tài vụ"),
* an official's title + a body ("Chủ tịch UBND huyện", "Trưởng các phòng chuyên môn"),
* a collective group ("các sở, ban, ngành, địa phương", "các phòng, ban, đơn vị trực thuộc"),

then extends it with a locality ("huyện Phong Thổ", "các xã, thị trấn", "cấp huyện, cấp xã").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp import resources
from nlp.textutil import fold, tone_style

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_W = r"[^\W_]+"
_CAPWORD = rf"(?-i:[{_UPPER}])[^\W_]*"
_SEP = r"(?:\s*[-–—&,]\s*|\s+)"          # between the words of a known name
_TOKEN = re.compile(r"\s*([^\W_]+|[^\w\s])")


@dataclass(frozen=True)
class BodyMention:
    start: int                 # offsets into the text passed in
    end: int
    name: str                  # as written ("Sở Nội vụ", "UBND huyện Phong Thổ", "các phòng, ban, đơn vị")
    canonical: str | None      # gazetteer name when known ("Sở Nội vụ")
    kind: str | None           # "people_committee", "department", "division", "party", "front", "group", …
    level: str | None          # "central", "province", "district", "commune", "unit"


def _words(text: str) -> list[str]:
    return re.findall(_W, fold(text))


def _phrase(text: str) -> str:
    """Regex for a phrase: its words in order, any of space / - / , / & between them."""
    return _SEP.join(re.escape(w) for w in _words(text))


def _alternation(phrases) -> str:
    uniq = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(uniq)


def _key(text: str) -> str:
    return " ".join(_words(text))


@dataclass
class _Entry:
    canonical: str
    kind: str | None
    level: str | None


class _Grammar:
    """Everything compiled from bodies.yaml once."""

    def __init__(self, data: dict) -> None:
        abbr = data["abbreviations"]
        self.abbr = abbr
        self.abbr_re = re.compile(r"(?<![\w&/-])(" + "|".join(
            re.escape(k) for k in sorted(abbr, key=len, reverse=True)) + r")(?![\w&/])")

        # named bodies + generated Bộ/Sở/Phòng + sector
        self.named: dict[str, _Entry] = {}
        heads = {h["head"]: h for h in data["heads"]}
        for sec in data["sectors"]:
            for head in sec["at"]:
                h = heads[head]
                name = f"{head} {sec['name']}"
                self.named[_key(name)] = _Entry(name, h["kind"], h["level"])
        for b in data["bodies"]:
            entry = _Entry(b["name"], b.get("kind"), b.get("level"))
            for n in [b["name"], *(b.get("aliases") or [])]:
                self.named.setdefault(_key(n), entry)
        self.named_re = re.compile(r"(?:" + _alternation(_phrase(k) for k in self.named) + r")(?![^\W_])",
                                   re.IGNORECASE)

        self.heads = {_key(h["head"]): h for h in data["heads"]}
        self.head_re = re.compile(r"(?:" + _alternation(_phrase(h) for h in self.heads) + r")(?![^\W_])",
                                  re.IGNORECASE)

        off = data["officials"]
        self.titles_re = re.compile(r"(?:" + _alternation(_phrase(t) for t in off["titles"]) + r")(?=\s)",
                                    re.IGNORECASE)
        self.title_res = [re.compile(_phrase(t) + r"(?=\s)", re.IGNORECASE)
                          for t in sorted(off["titles"], key=len, reverse=True)]
        self.standalone_re = re.compile(r"(?:" + _alternation(_phrase(t) for t in off["standalone"])
                                        + r")(?![^\W_])", re.IGNORECASE)

        col = data["collectives"]
        self.vague = {_key(v) for v in col["vague"]}
        nouns = _alternation(_phrase(n) for n in col["nouns"])
        self.coll_lead_re = re.compile(r"(?:" + _alternation(_phrase(x) for x in col["lead"]) + r")\s+",
                                       re.IGNORECASE)
        self.coll_noun_re = re.compile(r"(?:" + nouns + r")(?![^\W_])", re.IGNORECASE)
        self.coll_distinct_re = re.compile(r"(?:" + _alternation(_phrase(n) for n in col.get("distinct") or [])
                                           + r")(?![^\W_])(?!\s*[-–]\s*[^\W\d_])", re.IGNORECASE)
        self.coll_sep_re = re.compile(r"(?:\s*[,;]\s*|\s+và\s+|\s*[-–]\s*)(?:các\s+)?", re.IGNORECASE)
        self.quals = []
        for q in col["qualifiers"]:
            needs_body = "{BODY}" in q
            pat = _phrase(q.replace("{BODY}", ""))
            self.quals.append((re.compile(r"\s*,?\s*(?:" + pat + (r")\s+" if needs_body else r")(?![^\W_])"),
                                          re.IGNORECASE), needs_body))

        loc = data["localities"]
        unit = "(?:" + _alternation(_phrase(u) for u in loc["units"]) + ")"
        units = unit + r"(?:\s*,\s*" + unit + r")*"
        name = _CAPWORD + r"(?:[ \t]+" + _CAPWORD + r")*"
        forms = []
        slots = {"{UNITS}": units, "{UNIT}": unit, "{NAME}": name}
        for f in loc["forms"]:
            rx = ""
            for p in re.split(r"(\{UNITS\}|\{UNIT\}|\{NAME\})", f):
                if p in slots:
                    rx += slots[p]
                elif p:
                    rx += re.sub(r"\s*,\s*", r"\\s*,\\s*", re.sub(r" +", r"\\s+", p.strip(" ")))
                    rx = rx if not p.endswith(" ") else rx + r"\s+"
                    rx = rx if not p.startswith(" ") or rx.startswith(r"\s+") else rx
            forms.append(rx)
        self.place_name_kinds = set(loc.get("place_name_kinds") or [])
        self.place_name_re = re.compile(r"[ \t]+(" + name + r")(?![^\W_])")
        self.locality_re = re.compile(r"[ \t]+(?:" + "|".join(forms) + r")(?![^\W_])", re.IGNORECASE)

        self.conj = []
        for c in data["conjoined"]:
            joiners = [c["joiner"]] if isinstance(c["joiner"], str) else c["joiner"]
            rx = r"(?:" + "|".join((r"\s*,\s*" + _phrase(j[1:])) if j.startswith(",") else (r"\s+" + _phrase(j))
                                   for j in joiners) + r")\s+(?:" + _alternation(_phrase(r) for r in c["right"]) + r")(?![^\W_])"
            self.conj.append((c["left_kind"], re.compile(rx, re.IGNORECASE)))

        self.sub_unit_re = re.compile(r"\s*[-–]?\s*(?=(?:" + _alternation(_phrase(h) for h in data.get("sub_units") or [])
                                      + r")(?![^\W_]))", re.IGNORECASE)
        self.coll_any_re = re.compile(r"(?:(?:" + _alternation(_phrase(x) for x in col["lead"]) + r")\s+)?(?:"
                                      + nouns + r")(?![^\W_])", re.IGNORECASE)
        self.not_noun_re = re.compile(r"(?:(?:" + _alternation(_phrase(x) for x in col["lead"]) + r")\s+)?(?:"
                                      + _alternation(_phrase(n) for n in col.get("not_nouns") or [])
                                      + r")(?![^\W_])", re.IGNORECASE)
        self.stop_re = re.compile(r"(?:" + _alternation(_phrase(w) for w in data["name_stop_words"])
                                  + r")(?![^\W_])", re.IGNORECASE)
        self.unit_re = re.compile(unit + r"(?![^\W_])", re.IGNORECASE)

    # ------------------------------------------------------------------ matchers
    def named_at(self, view: str, p: int):
        m = self.named_re.match(view, p)
        if not m or not any(c.isupper() for c in m.group()):
            return None
        e = self.named.get(_key(m.group()))
        return (m.end(), e.canonical if e else None, e.kind if e else None, e.level if e else None)

    def head_at(self, view: str, p: int):
        m = self.head_re.match(view, p)
        if not m:
            return None
        head = self.heads.get(_key(m.group()))
        if head is None:
            return None
        written = m.group()
        if written[:1].islower():
            # "phòng Hành chính …" is a body; "Đại hội Đại biểu …" is not
            prev = re.search(r"([^\W_]+)\s+$", view[max(0, p - 30):p])
            if not head.get("sector") or (prev and prev.group(1)[:1].isupper()):
                return None
        if written.isupper() and len(written) > 1:   # ALL CAPS: a bare multi-word head only
            if head.get("bare") and " " in written.strip():
                return (m.end(), None, head["kind"], head["level"])
            return None
        end = self.scan_name(view, m.end())
        if end is None:
            if not (head.get("bare") and written[:1].isupper()):
                return None
            end = m.end()
        return (end, None, head["kind"], head["level"])

    def starts_body(self, view: str, p: int) -> bool:
        return bool(self.named_re.match(view, p) or self.head_re.match(view, p) or self.titles_re.match(view, p))

    def scan_name(self, view: str, q: int):
        """End of a capitalised name starting after whitespace at ``q``, or None."""
        m = _TOKEN.match(view, q)
        if not m:
            return None
        first = m.group(1)
        if first.lower() == "các":          # "Ban Chỉ đạo các Chương trình …"
            m2 = _TOKEN.match(view, m.end())
            if not m2 or not m2.group(1)[:1].isupper() or not m2.group(1)[:1].isalpha():
                return None
        elif not (first[:1].isupper() and first[:1].isalpha()):
            return None
        elif self.unit_re.match(view, m.start(1)):
            return None          # "Bảo hiểm xã hội Thành phố": a locality, not a name
        if first.isupper() and len(first) > 1 and not self.named_re.match(view, m.start(1)):
            # an ALL-CAPS word after a head is a heading, not a name ("Tổ CHỨC")
            if view[q - 1:q].isspace() and view[max(0, q - 4):q].strip().isupper():
                return None
        end = m.end()
        pos = m.end()
        known = self.named_re.match(view, m.start(1))
        if known and known.end() > pos:      # "Chi nhánh Ngân hàng Chính sách xã hội"
            end = pos = known.end()
        lower_run = 0
        while True:
            m = _TOKEN.match(view, pos)
            if not m:
                break
            tok = m.group(1)
            tstart = m.start(1)
            if tok in "-–—&," or tok.lower() == "và":
                nxt = _TOKEN.match(view, m.end())
                if not nxt or not nxt.group(1)[:1].isupper() or not nxt.group(1)[:1].isalpha():
                    break
                if self.starts_body(view, nxt.start(1)) and (tok in ",;" or tok.lower() == "và"):
                    break
                pos = nxt.end()
                end = pos
                lower_run = 0
                continue
            if not tok[:1].isalpha():
                break
            if self.stop_re.match(view, tstart) or self.unit_re.match(view, tstart):
                break
            if tok[:1].isupper():
                if tok.isupper() and len(tok) > 1 and not view[m.start(1):m.end()].istitle():
                    pass
                lower_run = 0
            else:
                lower_run += 1
                if lower_run > 5:
                    break
            pos = m.end()
            end = pos
        return end

    def official_at(self, view: str, p: int):
        if self.titles_re.match(view, p):
            # longest title first; "Trưởng Ban xây dựng Đảng" is "Trưởng" + a body, not "Trưởng ban" + …
            for rx in self.title_res:
                m = rx.match(view, p)
                if not m:
                    continue
                q = m.end()
                while q < len(view) and view[q].isspace():
                    q += 1
                inner = self.body_at(view, q, officials=False)
                if inner:
                    return (inner[0], None, "official", inner[3])
        m = self.standalone_re.match(view, p)
        if m and m.group()[:1].isupper():
            return (m.end(), None, "official", "unit")
        return None

    def collective_at(self, view: str, p: int):
        m = self.coll_lead_re.match(view, p)
        start = m.end() if m else p
        if re.search(r"địa\s+bàn\s*$", view[max(0, p - 12):p], re.IGNORECASE):
            return None
        n = self.coll_noun_re.match(view, start)
        if not n or not (m or self.coll_distinct_re.match(view, start)):
            return None
        nouns = [_key(n.group())]
        end = n.end()
        while True:
            s = self.coll_sep_re.match(view, end)
            if not s:
                break
            if self.coll_distinct_re.match(view, s.end()) or self.coll_distinct_re.match(view, start):
                break        # a distinct noun is a body of its own
            n = self.coll_noun_re.match(view, s.end())
            if not n:
                break
            nouns.append(_key(n.group()))
            end = n.end()
        quals = 0
        while True:
            best = None
            for rx, needs_body in self.quals:
                qm = rx.match(view, end)
                if not qm:
                    continue
                qend = qm.end()
                if needs_body:
                    inner = self.body_at(view, qend, officials=False)
                    if not inner:
                        continue
                    qend = inner[0]
                if best is None or qend > best:
                    best = qend
            if best is None or best <= end:
                break
            end = best
            quals += 1
        if len(set(nouns)) == 1 and nouns[0] in self.vague and not quals:
            return None
        return (end, None, "group", None)

    def body_at(self, view: str, p: int, officials: bool = True):
        named = self.named_at(view, p)
        head = self.head_at(view, p)
        if named and head and head[0] > named[0] and not re.search(
                rf"(?-i:[{_UPPER}])", view[named[0]:head[0]]):
            head = None       # "Hội đồng Thi đua - Khen thưởng họp": the gazetteer name ends it
        cands = [c for c in (named, head, self.collective_at(view, p)) if c]
        if officials:
            o = self.official_at(view, p)
            if o:
                cands.append(o)
        if not cands:
            return None
        best = max(cands, key=lambda c: (c[0], c[1] is not None))
        end, canonical, kind, level = best
        if kind != "group":
            lm = self.locality_re.match(view, end)
            if lm:
                end = lm.end()
            elif kind in self.place_name_kinds and canonical:
                pm = self.place_name_re.match(view, end)      # "Báo và Phát thanh, Truyền hình Cần Thơ"
                if pm and not self.starts_body(view, pm.start(1)):
                    end = pm.end()
        sm = self.sub_unit_re.match(view, end) if kind != "group" else None
        if sm:
            sub = self.head_at(view, sm.end())
            if sub and sub[0] > sm.end():
                end = sub[0]
                canonical = None
        for left_kind, rx in self.conj:
            if kind == left_kind:
                cm = rx.match(view, end)
                if cm:
                    end = cm.end()
                    lm = self.locality_re.match(view, end)
                    if lm:
                        end = lm.end()
                    canonical = None
        return (end, canonical, kind, level)


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    return _Grammar(resources.load("bodies"))


def _view(seg: str, g: _Grammar) -> tuple[str, list[int], list[int]]:
    """Abbreviations expanded and tone style unified; maps view index → seg start/end."""
    parts: list[str] = []
    smap: list[int] = []
    emap: list[int] = []
    pos = 0
    for m in g.abbr_re.finditer(seg):
        parts.append(seg[pos:m.start()])
        smap.extend(range(pos, m.start()))
        emap.extend(range(pos + 1, m.start() + 1))
        exp = g.abbr[m.group()]
        parts.append(exp)
        smap.extend([m.start()] * len(exp))
        emap.extend([m.end()] * len(exp))
        pos = m.end()
    parts.append(seg[pos:])
    smap.extend(range(pos, len(seg)))
    emap.extend(range(pos + 1, len(seg) + 1))
    view = "".join(parts)
    low = tone_style(view.lower())
    if len(low) == len(view):
        view = "".join(n.upper() if o.isupper() else n for o, n in zip(view, low))
    return view, smap, emap


def find_bodies(text: str, start: int = 0, end: int | None = None) -> list[BodyMention]:
    """Every body named in ``text[start:end]``, in order, longest match where they overlap."""
    end = len(text) if end is None else end
    return list(_find(text[start:end], start))


@lru_cache(maxsize=256)
def _find(seg: str, offset: int) -> tuple[BodyMention, ...]:
    g = grammar()
    view, smap, emap = _view(seg, g)
    out: list[BodyMention] = []
    pos = 0
    for m in re.finditer(_W, view):
        p = m.start()
        if p < pos:
            continue
        hit = g.body_at(view, p)
        if not hit:
            continue
        vend = hit[0]
        while vend > p and view[vend - 1] in " ,;-–":
            vend -= 1
        s, e = smap[p], emap[vend - 1]
        doubled = re.match(r"([^\W_]+)\s+(?=([^\W_]+))", seg[s:e])
        if doubled and doubled.group(1) == doubled.group(2):     # "Sở Sở Công thương": a line or cell join
            s += doubled.end()
        name = " ".join(seg[s:e].split())
        out.append(BodyMention(s + offset, e + offset, name, hit[1], hit[2], hit[3] or level_of(name)))
        pos = vend
    return tuple(out)


def names_body(name: str) -> bool:
    """Whether text written where a body is expected (a table cell, an item heading) names one: it
    opens with a known body, a head noun or a collective noun ("Doanh nghiệp", "Viện, Trường",
    "Các doanh nghiệp đầu tư hạ tầng"), not with a label ("Nội dung", "I")."""
    g = grammar()
    view = _view(name.strip(), g)[0]
    first = re.search(_W, view)
    if not first:
        return False
    p = first.start()
    word = first.group()
    if len(word) > 1 and word.isupper() and not _ROMAN.fullmatch(word):
        return True                                           # an acronym: "EVN", "VNPT"
    if g.not_noun_re.match(view, p):
        return False
    head = g.head_re.match(view, p) and view[p].isupper()      # "bộ máy" is no "Bộ"
    return bool(g.body_at(view, p) or head or g.coll_any_re.match(view, p))


_ROMAN = re.compile(r"[IVXLC]+")


def level_of(name: str) -> str | None:
    """The level of the body a name denotes, when the text says ("… huyện", "… xã")."""
    k = f" {_key(name)} "
    for word, level in ((" xã ", "commune"), (" phường ", "commune"), (" thị trấn ", "commune"),
                        (" huyện ", "district"), (" quận ", "district"), (" tỉnh ", "province")):
        if word in k:
            return level
    return None
