"""References to other documents: find every mention, read it, resolve each to one Reference.

Three verbs in the manner of eyecite:

    find_mentions(text)            → Mention per document named ("Kế hoạch số 524/KH-UBND ngày
                                     24/7/2024 của UBND tỉnh", "Nghị quyết 188-NQ/TU", …)
    classify(mentions, layout)     → the relation of each (implements / basis / cites)
    resolve(mentions)              → one Reference per document, first mention's relation winning

``run(plan)`` puts them together.  Mentions it can not read are skipped, never raised.  Laws
cited by name without a number ("Luật Việc làm", "Hiến pháp năm 2013") are read by laws.py.
Vocabulary: resources/doc_types.yaml, references.yaml, issuers.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from nlp import resources
from nlp.dates import find_dates
from nlp.extract import laws
from nlp.textutil import alternation, fold, is_caps
from schema.plan import PlanDocument, Reference, Relation

_UP = "A-ZĐƯƠÂÊÔĂ"
_LOW = "a-zđươâêôă"
_TOKEN = rf"[{_UP}][{_UP}{_LOW}&]*\d*"
_SYMBOL = rf"(?:(?:19|20)\d\d[ \t]*/[ \t]*)?{_TOKEN}(?:[ \t]?[-/][ \t]?{_TOKEN})*"
_QUOTES = "“”\"«»‘’'"


@dataclass
class Mention:
    """One place the text names a document."""
    start: int
    end: int                       # end of the whole mention (number, date, issuer)
    core_end: int                  # end of the number/symbol
    doc_type: str | None
    doc_type_name: str | None
    number: str | None
    symbol: str | None
    issued: str | None = None
    issuer: str | None = None
    issuer_inferred: bool = False
    subject: str | None = None
    title: str | None = None       # the name of an unnumbered law ("Thi đua, khen thưởng")
    depth: int = 0                 # 0: named by the preamble line itself; 1+: nested in another
    relation: Relation = Relation.CITES
    zone: str = "body"             # "title", "preamble" or "body"

    def key(self) -> tuple:
        if self.number is None:
            return (self.doc_type, None, None, laws.name_key(self.title or ""))
        return (self.doc_type, self.number.lstrip("0") or "0", (self.symbol or "").upper())


@dataclass
class Layout:
    """Where the title, the preamble and the body of the plan lie (offsets into the text)."""
    title: tuple[int, int] | None
    preamble: tuple[int, int] | None
    body_end: int
    own: tuple[str | None, str | None] = (None, None)   # the plan's own number and symbol
    plan_title: str = ""
    preamble_items: list[tuple[int, int]] = field(default_factory=list)
    appendix_start: int | None = None   # a "PHỤ LỤC" after the signature: its citations are body ones
    notes_start: int | None = None      # the footnotes ("[1] Nghị quyết số …") after the signature


# ---------------------------------------------------------------- vocabulary

@lru_cache(maxsize=1)
def _config() -> dict:
    return resources.load("references")


@lru_cache(maxsize=1)
def _type_names() -> dict[str, tuple[str, str]]:
    """folded type name → (code, canonical name)."""
    out = {}
    for entry in resources.load("doc_types"):
        for name in entry["names"]:
            out[fold(name)] = (entry["code"], entry["names"][0])
    return out


@lru_cache(maxsize=1)
def _type_codes() -> dict[str, str]:
    return {e["code"].upper(): e["code"] for e in resources.load("doc_types")}


@lru_cache(maxsize=1)
def _issuers() -> dict[str, dict]:
    return {e["code"].upper(): e for e in resources.load("issuers")}


@lru_cache(maxsize=1)
def _mention_pattern() -> re.Pattern:
    names = [n for e in resources.load("doc_types") for n in e["names"]]
    so = alternation(_config()["number_words"])
    return re.compile(
        rf"(?<!\w)(?P<name>{alternation(names)})"
        rf"(?:\s+(?P<qual>(?:{alternation(_config()['qualifier_issuer_heads'])})\s+(?:[^\W\d_]+\s+){{0,5}}?"
        rf"|(?:(?!(?:{alternation(names)})(?!\w))[^\W\d_]+\s+){{1,3}}?)(?=(?:{so})\b))?"
        rf"\s*(?:(?P<so>{so})(?!\w)\s*:?\s*)?"
        rf"(?P<num>\d{{1,5}})(?!\d)(?![.,]\d)"
        rf"(?:[ \t]*(?P<sep>[/-])[ \t]*(?P<sym>{_SYMBOL}))?", re.I)


@lru_cache(maxsize=1)
def _bare_pattern() -> re.Pattern:
    """"số 008/CĐ-UBND", and the next of a list without "số" ("…số 01/NQ-CP, 02/NQ-CP và 03/NQ-CP")."""
    return re.compile(rf"(?:(?<!\w)(?:[Ss]ố|SỐ)\s*:?\s*|(?<=,)[ \t]*|(?<=\svà)[ \t]+)"
                      rf"(?P<num>\d{{1,5}})[ \t]*(?P<sep>[/-])[ \t]*(?P<sym>{_SYMBOL})")


# ---------------------------------------------------------------- reading one mention

def _split_symbol(sym: str) -> list[str]:
    return [p for p in re.split(r"[-/]", sym) if p]


def _normalise_symbol(sep: str, sym: str) -> str:
    """Spaces dropped, known codes in their canonical case, party/administrative grammar fixed:
    "QĐ/TTg" → "QĐ-TTg", "CT-TTG" → "CT-TTg", "22/CT-TW" → "CT/TW"."""
    sym = re.sub(r"\s+", "", sym)
    parts = re.split(r"([-/])", sym)
    codes, issuers = _type_codes(), _issuers()
    for i in range(0, len(parts), 2):
        up = parts[i].upper()
        if up in codes:
            parts[i] = codes[up]
        elif re.sub(r"\d+$", "", up) in issuers:
            base = re.sub(r"\d+$", "", up)
            parts[i] = issuers[base]["code"] + parts[i][len(base):]
    sym = "".join(parts)
    pieces = _split_symbol(sym)
    has_year = bool(re.fullmatch(r"(19|20)\d\d", pieces[0])) if pieces else False
    if not has_year and len(pieces) == 2 and pieces[0].upper() in codes:
        organ = issuers.get(re.sub(r"\d+$", "", pieces[1].upper()), {})
        if organ.get("party"):
            return f"{pieces[0]}/{pieces[1]}"           # N-TYPE/ORGAN, even when written N/TYPE-ORGAN
        if sep == "/":
            return f"{pieces[0]}-{pieces[1]}"           # N/TYPE-ISSUER
    return sym


def _type_from_symbol(sym: str | None) -> str | None:
    if not sym:
        return None
    codes = _type_codes()
    for part in _split_symbol(sym):
        if part.upper() in codes:
            return codes[part.upper()]
    return None


def infer_issuer(doc_type: str | None, symbol: str | None) -> str | None:
    """The issuer a symbol's suffix implies ("NĐ-CP" → "Chính phủ"), or None."""
    if not symbol:
        return None
    issuers = _issuers()
    for part in reversed(_split_symbol(symbol)):
        entry = issuers.get(re.sub(r"\d+$", "", part.upper()))
        if entry:
            return (entry.get("by_type") or {}).get(doc_type or "", entry["name"])
    return None


def _stop_pattern(caps: bool) -> re.Pattern:
    return _stop_patterns()[caps]


def _stop_alts(words) -> str:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        alts.append(rf"(?<!\w){esc}(?!\w)" if w[0].isalnum() else esc)
    return "|".join(alts)


@lru_cache(maxsize=1)
def _stop_patterns() -> dict[bool, re.Pattern]:
    cased = _stop_alts(_config()["issuer_stops"])
    names = [n for e in resources.load("doc_types") for n in e["names"]]
    any_case = _stop_alts(_config()["issuer_stops_any_case"]) + rf"|(?<!\w)và\s+(?:{alternation(names)})(?!\w)"
    return {False: re.compile(rf"{cased}|(?i:{any_case})"), True: re.compile(f"{cased}|{any_case}", re.I)}


def _read_issuer(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """"của <issuer>" at ``pos`` (after optional spaces and a comma): (issuer, end) or (None, pos)."""
    m = re.compile(r"[ \t\n,]*của\s+", re.I).match(text, pos, limit)
    if not m:
        return None, pos
    start = m.end()
    window_end = min(limit, start + 200)
    caps = is_caps(text[start:window_end][:60])
    stop = _stop_pattern(caps).search(text, start, window_end)
    end = stop.start() if stop else window_end
    nl = text.find("\n\n", start, end)
    end = nl if nl >= 0 else end
    words = text[start:end].split()
    words = words[: _config()["issuer_max_words"]]
    issuer = re.sub(r"(?:\s+(?:và|cùng|với))+$", "", " ".join(words)).strip(" ,.;:-–")
    if not issuer:
        return None, pos
    return issuer, start + len(text[start:end].rstrip())


def _qualifier_issuer(qual: str | None) -> str | None:
    """The issuer written between the type and its number ("Kết luận liên ngành tư pháp Trung ương
    số 23/KL-LNTPTW"), or None."""
    if not qual:
        return None
    words = qual.split()
    for head in _config()["qualifier_issuer_heads"]:
        head_words = head.split()
        if [fold(w) for w in words[:len(head_words)]] == [fold(w) for w in head_words]:
            return " ".join(words) or None
    return None


def _issuer_before(text: str, start: int, pos: int) -> str | None:
    """"của <issuer> tại" right before a mention ("Theo đề nghị của Sở Khoa học và Công nghệ tại
    Tờ trình số 133/TTr-SKHCN"), or None."""
    m = re.compile(_config()["issuer_before"] + r"\s*$").search(text, start, pos)
    return " ".join(m.group("issuer").split()) if m else None


def _read_date(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """A date right at ``pos`` (", ngày 05 tháng 01 năm 2024", " 24/7/2024"): (value, end)."""
    m = re.compile(r"[ \t\n,]*(?:(?:ban\s+hành|ký)\s+)?(?:ngày\s*)?", re.I).match(text, pos, limit)
    probe_start = m.start() if m else pos
    for d in find_dates(text, probe_start, min(limit, pos + 60), kinds=("formal", "numeric", "month")):
        gap = text[pos:d.start]
        if re.fullmatch(r"[ \t\n,]*(?:(?:ban\s+hành|ký)\s+)?(?:ngày\s*)?", gap, re.I) or d.start <= pos:
            return d.value, d.end
        break
    return None, pos


def _read_tail(text: str, m_end: int, limit: int) -> tuple[str | None, str | None, int]:
    """Date and issuer after a mention's number, in either order: (issued, issuer, end)."""
    issued, end = _read_date(text, m_end, limit)
    issuer, end2 = _read_issuer(text, end, limit)
    if issuer:
        end = end2
        if issued is None:
            issued, end = _read_date(text, end, limit)
    return issued, issuer, end


def _read_subject(text: str, pos: int, limit: int) -> str | None:
    cues = _config()["subject_cues"]
    m = re.compile(rf"[ \t\n,]*(?:{alternation(cues)})\s+", re.I).match(text, pos, limit)
    if not m:
        return None
    start = m.end()
    stop = re.compile(r"[;\n]|\.(?:\s|$)").search(text, start, limit)
    end = stop.start() if stop else limit
    subject = text[start:end].strip(" ,.;:" + _QUOTES)
    return subject[:300] or None


def _law_mention(text: str, m: re.Match, limit: int) -> Mention:
    """An unnumbered law: its year as written ("năm 2015") or the date after it ("ngày 24/6/2025")."""
    code, canonical = _type_names()[fold(m.group("name") or m.group("yname"))]
    if m.group("yname"):
        return Mention(m.start(), m.end(), m.end(), code, canonical, None, None, m.group("only_year"), title="")
    issued, end = m.group("year"), m.end()
    if issued is None:
        issued, end = _read_date(text, m.end(), limit)
        amended_end = laws.amended_name_end(text, m.group("title"), m.end(), limit) if issued is None else None
        if amended_end is not None:
            issued, end = _read_date(text, amended_end, limit)
        end = max(end, m.end())
    return Mention(m.start(), end, m.end("title"), code, canonical, None, None, issued,
                   title=m.group("title").strip(" ,"))


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every document named in ``text[start:end]``, in order (overlaps resolved to the first)."""
    end = len(text) if end is None else end
    raw: list[tuple[int, int, re.Match, str]] = []
    for kind, pattern in (("named", _mention_pattern()), ("bare", _bare_pattern()), ("law", laws.law_pattern())):
        for m in pattern.finditer(text, start, end):
            if kind == "named" and not m.group("sym") and not m.group("so"):
                continue                                  # "Hiến pháp 2013": not a number
            if kind == "bare" and m.group(0).lstrip()[:1].isdigit() and len(_split_symbol(m.group("sym"))) < 2:
                continue                                  # a listed one without "số" needs a full symbol
            raw.append((m.start(), m.end(), m, kind))
    raw.sort(key=lambda r: (r[0], -r[1]))
    kept: list[tuple[int, int, re.Match, str]] = []
    for r in raw:
        if kept and r[0] < kept[-1][1]:
            continue
        kept.append(r)

    names = _type_names()
    mentions: list[Mention] = []
    for i, (s, e, m, kind) in enumerate(kept):
        limit = kept[i + 1][0] if i + 1 < len(kept) else end
        if kind == "law":
            mentions.append(_law_mention(text, m, limit))
            continue
        sym = m.group("sym")
        if kind == "named":
            code, canonical = names[fold(m.group("name"))]
            if not sym and not m.group("so"):
                continue
        else:
            code, canonical = None, None
        symbol = _normalise_symbol(m.group("sep"), sym) if sym else None
        from_symbol = _type_from_symbol(symbol)
        if code is None or (code == "CV" and from_symbol):
            code = from_symbol
            if code is None:
                continue
            canonical = canonical or next((n for n, (c, _) in names.items() if c == code), None)
        issued, issuer, tail_end = _read_tail(text, m.end(), limit)
        if issuer is None:
            before = kept[i - 1][1] if i else start
            issuer = _qualifier_issuer(m.group("qual") if kind == "named" else None) or \
                _issuer_before(text, max(before, s - 200), s)
        inferred = False
        if issuer is None:
            issuer, inferred = infer_issuer(code, symbol), True
            if issuer is None:
                inferred = False
        mention = Mention(s, max(tail_end, m.end()), m.end(), code, canonical, m.group("num"), symbol,
                          issued, issuer, inferred)
        mention.subject = _read_subject(text, mention.end, limit)
        mentions.append(mention)
    _share_tails(text, mentions)
    return mentions


def _share_tails(text: str, mentions: list[Mention]) -> None:
    """In a list of one type ("số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025 của UBND tỉnh")
    the date and issuer written after the last apply to those before it."""
    conj = {fold(c) for c in _config()["conjunctions"]}
    for m, nxt in reversed(list(zip(mentions, mentions[1:]))):
        if m.number is None or m.doc_type != nxt.doc_type or m.end != m.core_end:
            continue
        if fold(text[m.end:nxt.start]).strip() not in conj:
            continue
        m.issued = m.issued or nxt.issued
        if nxt.issuer and not nxt.issuer_inferred and (m.issuer is None or m.issuer_inferred):
            m.issuer, m.issuer_inferred = nxt.issuer, False


# ---------------------------------------------------------------- layout and relations

_ROMAN_HEADING = re.compile(r"^[ \t*_]*(?:PHẦN\s+|Phần\s+)?[IVX]{1,5}[ \t]*(?:\.|:|[ \t]-|\))[ \t]*\S", re.M)
_KE_HOACH = re.compile(r"^[ \t*_]*KẾ[ \t]+HOẠCH[ \t*_]*$", re.M)
_OWN_NUMBER = re.compile(rf"^[ \t*_|]*Số[ \t]*:?[ \t]*(?P<num>\d{{1,5}})?[ \t]*(?P<sep>[/-])[ \t]*(?P<sym>{_SYMBOL})", re.M)
_RECIPIENTS = re.compile(r"^[ \t*_|]*(?:Nơi nhận|NƠI NHẬN)\s*:?", re.M)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _preamble_cue_pattern() -> re.Pattern:
    return re.compile(rf"^[ \t*_\-•]*(?:{alternation(_config()['preamble_cues'])})(?!\w)", re.M | re.I)


def layout_of(plan: PlanDocument) -> Layout:
    """The plan's title, preamble and body limits: from the segmenter where it ran, else from
    the text (preamble = the Căn cứ / Thực hiện lines before the first Roman heading)."""
    text = plan.text
    first_part = plan.sections[0].heading.start if plan.sections else None
    if first_part is None:
        m = _ROMAN_HEADING.search(text)
        first_part = m.start() if m else len(text)
    if plan.preamble is not None:
        preamble = (plan.preamble.start, plan.preamble.end)
    else:
        after = 0
        if plan.header.title is not None and plan.header.title.span is not None:
            after = plan.header.title.span.end
        else:
            kh = _KE_HOACH.search(text, 0, first_part)
            if kh:                                        # the title's first line is never preamble
                line = re.compile(r"\s*[^\n]*").match(text, kh.end())
                after = line.end()
        cue = _preamble_cue_pattern().search(text, after, first_part)
        preamble = (cue.start(), first_part) if cue else None
    title = None
    plan_title = ""
    if plan.header.title is not None:
        plan_title = plan.header.title.value
        if plan.header.title.span is not None:
            title = (plan.header.title.span.start, plan.header.title.span.end)
    if title is None:
        kh = _KE_HOACH.search(text, 0, preamble[0] if preamble else first_part)
        if kh:
            t_end = preamble[0] if preamble else first_part
            title = (kh.end(), t_end)
            plan_title = plan_title or " ".join(text[kh.end():t_end].split())
    body_end = len(text)
    for span in (plan.recipients_block, plan.signature_block):
        if span is not None:
            body_end = min(body_end, span.start)
    if body_end == len(text):
        m = _RECIPIENTS.search(text, first_part)
        body_end = m.start() if m else len(text)
    own = (plan.header.number.value if plan.header.number else None,
           plan.header.symbol.value if plan.header.symbol else None)
    if own == (None, None):
        m = _OWN_NUMBER.search(text, 0, (title or preamble or (first_part, 0))[0])
        if m:
            own = (m.group("num"), _normalise_symbol(m.group("sep"), m.group("sym")))
    items = _preamble_items(text, preamble) if preamble else []
    appendix = _appendix_pattern().search(text, body_end)
    notes = re.compile(_config()["footnote_head"], re.M).search(text, body_end)
    return Layout(title, preamble, body_end, own, plan_title, items, appendix.start() if appendix else None,
                  notes.start() if notes else None)


@lru_cache(maxsize=1)
def _appendix_pattern() -> re.Pattern:
    return re.compile(rf"^[ \t*_]*(?:{alternation(_config()['appendix_heads'])})(?!\w)", re.M)


def _preamble_items(text: str, preamble: tuple[int, int]) -> list[tuple[int, int]]:
    """The Căn cứ / Thực hiện items: each runs from its cue to the next cue (or the end)."""
    cues = [m.start() for m in _preamble_cue_pattern().finditer(text, *preamble)]
    inline = re.compile(rf"(?<=[;.])\s+(?=(?:{alternation(_config()['preamble_cues'])})(?!\w))", re.I)
    cues += [m.end() for m in inline.finditer(text, *preamble)]
    cues = sorted(set(cues)) or [preamble[0]]
    items = []
    for i, s in enumerate(cues):
        e = cues[i + 1] if i + 1 < len(cues) else preamble[1]
        items.append((s, _item_end(text, s, e)))
    return items


def _item_end(text: str, start: int, end: int) -> int:
    """Where a preamble item ends: at punctuation ending a line, unless it is a ";" and the next
    line names another document ("…nhiệm kỳ 2026 - 2031;\nHướng dẫn số 7886/HD-BNV …"): the list
    of the one "Thực hiện" runs on over wrapped lines."""
    stop_at = re.compile(r"[;.:]+[ \t*_]*(?=\n|$)")
    pos = start
    while stop := stop_at.search(text, pos, end):
        if ";" not in stop.group() or not _list_goes_on().match(text, stop.end(), end):
            return stop.end()
        pos = stop.end()
    return end


@lru_cache(maxsize=1)
def _list_goes_on() -> re.Pattern:
    names = [n for e in resources.load("doc_types") for n in e["names"]]
    so = alternation(_config()["number_words"])
    return re.compile(rf"\s*[*_]*(?:{alternation(names)})\s+(?:[^\W\d_]+\s+){{0,3}}?(?:{so})\s*:?\s*\d")


def _is_own(m: Mention, text: str, layout: Layout) -> bool:
    number, symbol = layout.own
    if number and m.number and m.number.lstrip("0") == number.lstrip("0") and \
            (symbol or "").upper() == (m.symbol or "").upper():
        return True
    line = text[_line_start(text, m.start):m.start]
    return bool(re.fullmatch(r"[ \t*_|]*", line)) and text[m.start:m.start + 2].lower() == "số"


def _depths(text: str, item: tuple[int, int], mentions: list[Mention]) -> None:
    """Depth 0 for the documents a preamble item names itself, 1+ for those nested in them: after
    a ";" or after a subject ending in "và" a document is named by the item again; after a bare
    conjunction it keeps the depth of the one before."""
    conj = {fold(c) for c in _config()["conjunctions"]} | {""}
    prev: Mention | None = None
    for m in mentions:
        if prev is None:
            m.depth = 0
        else:
            raw = text[prev.end:m.start]
            gap = re.sub(r"^[,;]\s*", "", fold(raw)).strip()
            if ";" in raw:
                m.depth = 0
            elif gap in conj:
                m.depth = prev.depth
            elif re.search(r"(?<!\w)và$", gap):
                m.depth = 0
            else:
                m.depth = prev.depth + 1
        prev = m


def _similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(fold(a), fold(b)) if a and b else 0.0


def _quoted(s: str) -> list[str]:
    return [q.strip() for q in re.findall(r"[“\"«]\s*([^“”\"«»]{8,}?)\s*[”\"»]", s)]


def _title_score(m: Mention, text: str, item_end: int, layout: Layout) -> float:
    """How close the mention's subject is to the plan's title: ratio of quoted names where both
    quote one, else token-sort ratio of the subject (0–100, the latter scaled to the former's
    threshold)."""
    cfg = _config()
    context = text[m.core_end:item_end]
    own = re.search(cfg["own_statement"], context)
    context = context[:own.start()] if own else context
    quoted_title, quoted_context = _quoted(layout.plan_title), _quoted(context)
    if quoted_title and quoted_context:
        return max(fuzz.ratio(fold(c), fold(t)) for c in quoted_context for t in quoted_title)
    if not (m.subject and layout.plan_title):
        return 0.0
    if re.match(rf"(?:{alternation(cfg['never_parent_subjects'])})(?!\w)", fold(m.subject).strip()):
        return 0.0
    score = fuzz.token_sort_ratio(fold(m.subject), fold(layout.plan_title))
    score = score * cfg["implements_min_similarity"] / cfg["implements_min_similarity_unquoted"]
    if m.doc_type_name not in _legal_names() and _names_title_head(m.subject, layout.plan_title) and \
            fuzz.token_set_ratio(fold(m.subject), fold(layout.plan_title)) >= cfg["head_min_token_set"]:
        score = max(score, cfg["implements_min_similarity"] + score / 100)
    return score


@lru_cache(maxsize=1)
def _legal_names() -> frozenset[str]:
    """Canonical names of legal kinds (Thông tư, Nghị định, …): they regulate, they do not launch a plan."""
    return frozenset(e["names"][0] for e in resources.load("doc_types") if e.get("legal"))


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def _names_title_head(subject: str, title: str) -> bool:
    """The subject holds the title's opening words ("Hướng dẫn … kiểm tra, giám sát công tác bầu
    cử …" for the plan "Kiểm tra, giám sát công tác bầu cử …")."""
    cfg = _config()
    words = _words(title)
    for lead in sorted((_words(w) for w in cfg["title_lead_words"]), key=len, reverse=True):
        if words[:len(lead)] == lead:
            words = words[len(lead):]
            break
    head = words[:cfg["title_head_words"]]
    return len(head) == cfg["title_head_words"] and f" {' '.join(head)} " in f" {' '.join(_words(subject))} "


def classify(text: str, mentions: list[Mention], layout: Layout) -> list[Mention]:
    """Set zone and relation of each mention; the plan's own number is dropped."""
    out: list[Mention] = []
    for m in mentions:
        in_appendix = layout.appendix_start is not None and m.start >= layout.appendix_start
        in_notes = layout.notes_start is not None and m.start >= layout.notes_start
        if (m.start >= layout.body_end and not in_appendix and not in_notes) or _is_own(m, text, layout):
            continue
        if in_notes:
            m.zone = "notes"                              # footnotes: they only fill in what the text lacks
            out.append(m)
            continue
        fronts = [z[0] for z in (layout.title, layout.preamble) if z]
        if fronts and m.start < min(fronts):
            continue                                      # header lines: not a reference
        if layout.title and layout.title[0] <= m.start < layout.title[1]:
            m.zone = "title"
        elif layout.preamble and layout.preamble[0] <= m.start < layout.preamble[1]:
            m.zone = "preamble"
        else:
            m.zone = "body"
        m.relation = Relation.CITES if m.zone == "body" else Relation.BASIS
        out.append(m)
    _choose_parent(text, out, layout)
    return out


def _emulation_choice(top: list[Mention], layout: Layout) -> Mention | None:
    """For an emulation plan, the first listed document whose subject is emulation or awards
    ("Hướng dẫn … về khen thưởng trong công tác bầu cử", "… ban hành Kế hoạch triển khai Đợt thi đua …")."""
    cfg = _config()
    if not re.search(rf"(?<!\w)(?:{alternation(cfg['emulation_title_words'])})(?!\w)", fold(layout.plan_title)):
        return None
    cue = re.compile(rf"(?<!\w)(?:{alternation(fold(w) for w in cfg['emulation_subject_words'])})(?!\w)")
    return next((m for m in top if m.subject and cue.search(fold(m.subject))), None)


def _first_or_closest(text: str, top: list[Mention], item_end: int, layout: Layout) -> Mention:
    """The parent among the documents one "Thực hiện" item lists: the first, unless the plan is an
    emulation plan and another is about emulation, or another's subject names the plan's title
    (ties to the latest issued: the nearest higher level)."""
    emulation = _emulation_choice(top, layout)
    if emulation is not None:
        return emulation
    scored = [(_title_score(m, text, item_end, layout), m.issued or "", i) for i, m in enumerate(top)]
    best = max(scored)
    if best[0] >= _config()["implements_min_similarity"]:
        return top[best[2]]
    return top[0]


def _parents_of_item(text: str, top: list[Mention], item_end: int, layout: Layout) -> None:
    """In the one "Thực hiện / Triển khai" item, its first document is the parent; where that is
    a plan, the plans listed right after it are parents too ("Triển khai Kế hoạch số 328-KH/TU…;
    Kế hoạch số 348/KH-UBND…; Kế hoạch số 01-KH/BCĐ…").  Where it is not, the closest of the
    listed documents (_first_or_closest)."""
    plans = set(_config()["parent_plan_types"])
    if top[0].doc_type not in plans:
        _first_or_closest(text, top, item_end, layout).relation = Relation.IMPLEMENTS
        return
    top[0].relation = Relation.IMPLEMENTS
    for m in top[1:]:
        if m.doc_type not in plans:
            break
        m.relation = Relation.IMPLEMENTS


def _choose_parent(text: str, mentions: list[Mention], layout: Layout) -> None:
    cfg = _config()
    impl_cue = re.compile(rf"[ \t*_\-•]*(?:{alternation(cfg['implements_cues'])})(?!\w)", re.I)
    title_mentions = [m for m in mentions if m.zone == "title" and m.number is not None]   # not a law
    if title_mentions and layout.title:
        head = text[layout.title[0]:title_mentions[0].start]
        if re.search(rf"(?:{alternation(cfg['implements_cues'])})\s*$", head.strip(), re.I):
            title_mentions[0].relation = Relation.IMPLEMENTS
            return
    parent_cue = re.compile(rf"[ \t*_\-•]*(?:{alternation(cfg['parent_item_cues'])})(?!\w)", re.I)
    candidates: list[tuple[Mention, int, bool]] = []          # (mention, item end, "Thực hiện" item)
    for item in layout.preamble_items:
        inside = [m for m in mentions if m.zone == "preamble" and item[0] <= m.start < item[1]]
        _depths(text, item, inside)
        if not parent_cue.match(text, item[0], item[1]):
            continue
        implements_item = bool(impl_cue.match(text, item[0], item[1]))
        candidates += [(m, item[1], implements_item) for m in inside if m.depth == 0 and m.number is not None]
    if not candidates:
        return
    explicit = [c for c in candidates if c[2]]
    scored = [(_title_score(m, text, end, layout), m) for m, end, _ in (explicit or candidates)]
    if explicit:
        items = {end for _, end, _ in explicit}
        if len(items) == 1:
            _parents_of_item(text, [m for m, _, _ in explicit], items.pop(), layout)
            return
        best = max(scored, key=lambda s: (s[0] >= cfg["implements_min_similarity"], s[1].doc_type == "KH", s[0]))
        best[1].relation = Relation.IMPLEMENTS
        return
    score, best = max(scored, key=lambda s: s[0])
    if score >= cfg["implements_min_similarity"] and sum(1 for s, _ in scored if s == score) == 1:
        best.relation = Relation.IMPLEMENTS


def _same_law(a: tuple, b: tuple) -> bool:
    return a[1] is None and a[0] == b[0] and laws.same_law(a[3], b[3])


def _symbol_year_disagrees(m: Mention) -> bool:
    """The date's year is not the year the symbol holds ("163/2024/QH15 ngày 27 tháng 11 năm 2025"):
    a slip that another mention of the document may correct."""
    year = re.match(r"((?:19|20)\d\d)/", m.symbol or "")
    return bool(year and m.issued and not m.issued.startswith(year.group(1)))


def resolve(mentions: list[Mention], plan: PlanDocument) -> list[Reference]:
    """One Reference per document: the first mention (title, preamble, body order) gives the
    relation, unless a front mention is the parent; later mentions fill in what it lacks."""
    merged: dict[tuple, Mention] = {}
    order: list[tuple] = []
    spans: dict[tuple, tuple[int, int]] = {}
    by_number: dict[tuple, tuple] = {}
    by_parts: dict[tuple, tuple] = {}
    for m in mentions:
        key = m.key()
        if m.number is None:
            key = next((k for k in order if _same_law(k, key)), key)
        elif not m.symbol:
            key = by_number.get((m.doc_type, m.number.lstrip("0")), key)
        else:                                 # "16/KH-MTTQ-BTT" and "16/KH-BTT-MTTQ" are one plan
            parts = frozenset(p.upper() for p in _split_symbol(m.symbol))
            key = by_parts.setdefault((m.doc_type, m.number.lstrip("0"), parts), key)
            by_number.setdefault((m.doc_type, m.number.lstrip("0")), key)
        if key not in merged:
            if m.zone == "notes":
                continue
            merged[key] = replace(m)
            order.append(key)
            spans[key] = (m.start, m.end)
            continue
        first = merged[key]
        if m.relation == Relation.IMPLEMENTS:
            first.relation = Relation.IMPLEMENTS
        if first.issued is None or (_symbol_year_disagrees(first) and not _symbol_year_disagrees(m)):
            first.issued = m.issued or first.issued
        if m.issuer and (not first.issuer or (first.issuer_inferred and not m.issuer_inferred)
                         or (is_caps(first.issuer) and not is_caps(m.issuer) and not m.issuer_inferred)):
            first.issuer, first.issuer_inferred = m.issuer, m.issuer_inferred
        first.subject = first.subject or m.subject
        first.symbol = first.symbol or m.symbol
    refs = []
    for key in order:
        m = merged[key]
        s, e = spans[key]
        refs.append(Reference(
            relation=m.relation, doc_type=m.doc_type, doc_type_name=m.doc_type_name, number=m.number,
            symbol=m.symbol, issued=m.issued, issuer=m.issuer, subject=m.subject or m.title,
            span=plan.span(s, e), confidence=0.7 if m.issuer_inferred else 1.0))
    return refs


def unnumbered_in_preamble(text: str, layout: Layout) -> list[Mention]:
    """Documents a preamble item names without a number, where it names one itself: right after
    its cue or a ";" ("Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; …")."""
    cfg = _config()
    cues = alternation(cfg["preamble_cues"])
    pattern = re.compile(rf"(?:(?<!\w)(?:{cues})[ \t*_]+|;[ \t\n*_]*)(?P<type>{alternation(cfg['unnumbered_preamble_types'])})"
                         rf"(?P<name>[ \t\n]+[^;\n]{{3,300}}?)[ \t*_]*(?=;|\.?[ \t*_]*(?:\n|$))")
    numbered = re.compile(rf"\s*(?:[^\W\d_]+\s+){{0,3}}?(?:{alternation(cfg['number_words'])})?\s*:?\s*\d")
    names = _type_names()
    out = []
    for start, end in layout.preamble_items:
        for m in pattern.finditer(text, start, end):
            if numbered.match(text, m.end("type")) or re.search(r"\d{1,5}\s*[/-]\s*[A-ZĐ]", m.group("name")):
                continue
            code, canonical = names[fold(m.group("type"))]
            title = " ".join(m.group("name").split())
            out.append(Mention(m.start("type"), m.end("name"), m.end("name"), code, canonical, None, None,
                               title=title, zone="preamble"))
    return out


def run(plan: PlanDocument) -> PlanDocument:
    text = plan.text
    layout = layout_of(plan)
    found = find_mentions(text)
    taken = [(m.start, m.end) for m in found]
    found += [u for u in unnumbered_in_preamble(text, layout)
              if not any(s < u.end and u.start < e for s, e in taken)]
    mentions = classify(text, sorted(found, key=lambda m: m.start), layout)
    plan.references = resolve(mentions, plan)
    return plan
