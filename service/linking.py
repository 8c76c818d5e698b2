"""Reference resolution, movement trees and "who has not answered yet".

Pure functions over small keys, so the rules are testable without a database; the
repository (service/storage.py) feeds them candidates it queried by number and symbol.

Numbers restart every year and every issuer has its own series, so a number and symbol
alone never identify a document: year and issuer must agree where both sides state them,
and where several stored documents still fit, the answer is "ambiguous" with the
candidates — never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.textutil import fold

RESOLVED, UNRESOLVED, AMBIGUOUS, UNLINKABLE = "resolved", "unresolved", "ambiguous", "unlinkable"

# Abbreviations used in issuer names (folded forms), expanded before comparison.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "mttqvn": "mặt trận tổ quốc việt nam", "vn": "việt nam", "tp": "thành phố", "tx": "thị xã",
    "btt": "ban thường trực", "btv": "ban thường vụ", "bch": "ban chấp hành",
    "hđtđkt": "hội đồng thi đua khen thưởng", "tđkt": "thi đua khen thưởng", "snv": "sở nội vụ",
    "vp": "văn phòng", "ttg": "thủ tướng", "cp": "chính phủ", "tw": "trung ương",
    "tu": "tỉnh ủy", "hu": "huyện ủy", "đu": "đảng ủy", "bcđ": "ban chỉ đạo",
    "lđtbxh": "lao động thương binh và xã hội", "gdđt": "giáo dục và đào tạo",
}
# Words naming the kind or rank of a body rather than which one it is.
GENERIC = set("""
ủy ban nhân dân hội đồng sở phòng văn thường trực vụ mặt trận tổ quốc việt nam tỉnh huyện
xã phường thị trấn quận thành phố chấp hành đảng bộ chủ tịch giám đốc cơ quan đơn vị chính
phủ thủ tướng trung ương chỉ đạo thi đua khen thưởng ngành
""".split())
STOPWORDS = {"các", "của", "và", "có", "liên", "quan", "trên", "địa", "bàn", "cấp", "những", "toàn"}
# Administrative levels, highest first; a body's level is the lowest it names.
LEVELS = ["trung ương", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"]
LEVEL_WORDS = {w for lvl in LEVELS for w in lvl.split()}
ISSUER_MATCH = 0.75       # share of the reference's issuer words the document's issuer must hold

_WORD = re.compile(r"\w+")
_YEAR_IN_SYMBOL = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def number_key(number: str | None) -> str | None:
    """'05' → '5', '0129' → '129'; None when there is no digit."""
    if not number:
        return None
    digits = "".join(c for c in number if c.isdigit())
    return (digits.lstrip("0") or "0") if digits else None


def symbol_key(symbol: str | None) -> str | None:
    """Spelling noise folded away: 'QĐ/TTg', 'QĐ-TTG', 'qđ - ttg' → 'qđ-ttg'."""
    if not symbol:
        return None
    words = _WORD.findall(fold(symbol))
    return "-".join(words) or None


def year_of(issued: str | None, symbol: str | None = None) -> int | None:
    """The year of a partial ISO date, or the one in a normative symbol ('98/2023/NĐ-CP')."""
    if issued and len(issued) >= 4 and issued[:4].isdigit():
        return int(issued[:4])
    if symbol:
        m = _YEAR_IN_SYMBOL.search(symbol)
        if m:
            return int(m.group(1))
    return None


def name_words(name: str | None) -> list[str]:
    """Folded words of a body's name with abbreviations expanded and stopwords dropped."""
    if not name:
        return []
    out: list[str] = []
    for w in _WORD.findall(fold(name).replace("-", " ")):
        out.extend(ABBREVIATIONS.get(w, w).split())
    return [w for w in out if w not in STOPWORDS]


def issuer_key(name: str | None) -> str | None:
    words = name_words(name)
    return " ".join(words) or None


def levels_of(words: list[str]) -> list[str]:
    text = " " + " ".join(words) + " "
    return [lvl for lvl in LEVELS if f" {lvl} " in text]


def body_matches(wanted: str | None, actual: str | None, group: bool = False) -> bool:
    """Does the body ``actual`` (a document's issuer) fit the name ``wanted`` (as cited)?

    Every distinguishing word of ``wanted`` (place and sector names) must be in ``actual``,
    most of its generic words too, and the two must not name different levels.  A group
    ("UBND các huyện, thành phố") fits any member of one of the levels it names.
    """
    want, have = name_words(wanted), name_words(actual)
    if not want or not have:
        return False
    want_set, have_set = set(want), set(have)
    lw, lh = levels_of(want), levels_of(have)
    if lw and lh:
        if group and not set(lw) & set(lh):
            return False
        if not group and lw[-1] != lh[-1]:
            return False
    if group:    # the kind of body named first ("sở", "ủy ban …") decides membership
        head = next((w for w in want if w not in LEVEL_WORDS), None)
        return head is not None and head in have_set
    # The document's own name may be the shorter one: "UBND tỉnh" cited as "UBND tỉnh Lạng Sơn".
    if have_set < want_set and not (want_set - have_set) & GENERIC:
        return True
    if any(w not in have_set for w in want if w not in GENERIC):
        return False
    return share_of(want, have_set) >= ISSUER_MATCH


def share_of(want: list[str], have: set[str]) -> float:
    return sum(w in have for w in want) / len(want)


@dataclass(frozen=True)
class DocKey:
    """What linking needs to know of a stored document."""
    id: int
    doc_type: str | None
    number_key: str | None
    symbol_key: str | None
    year: int | None
    issued: str | None
    issuer: str | None


@dataclass(frozen=True)
class RefKey:
    """What linking needs to know of a reference."""
    doc_type: str | None
    number_key: str | None
    symbol_key: str | None
    year: int | None
    issued: str | None
    issuer: str | None

    @property
    def linkable(self) -> bool:
        return bool(self.number_key and self.symbol_key)


@dataclass
class Resolution:
    status: str
    target_id: int | None = None
    candidates: list[int] = field(default_factory=list)


def _fits(ref: RefKey, doc: DocKey) -> bool:
    if ref.number_key != doc.number_key or ref.symbol_key != doc.symbol_key:
        return False
    if ref.doc_type and doc.doc_type and fold(ref.doc_type) != fold(doc.doc_type):
        return False
    if ref.year is not None and doc.year is not None and ref.year != doc.year:
        return False
    if ref.issuer and doc.issuer and not body_matches(ref.issuer, doc.issuer):
        return False
    return True


def resolve(ref: RefKey, candidates: list[DocKey]) -> Resolution:
    """Which of ``candidates`` (documents with the same number and symbol) ``ref`` names."""
    if not ref.linkable:
        return Resolution(UNLINKABLE)
    fits = [d for d in candidates if _fits(ref, d)]
    if len(fits) > 1 and ref.issued and len(ref.issued) == 10:
        same_day = [d for d in fits if d.issued == ref.issued]
        if same_day:
            fits = same_day
    if not fits:
        return Resolution(UNRESOLVED)
    if len(fits) == 1:
        return Resolution(RESOLVED, fits[0].id, [fits[0].id])
    return Resolution(AMBIGUOUS, None, sorted(d.id for d in fits))


# ---- answers from lower units -------------------------------------------------------------

@dataclass
class ExpectedBody:
    body: str
    roles: list[str]
    group: bool                    # "các sở, ban, ngành": members unknown, never fully answered
    answered_by: list[int] = field(default_factory=list)


def expected_bodies(assignments: list[tuple[str, str]], deadline_bodies: list[str]) -> list[ExpectedBody]:
    """The bodies a parent plan tasks, once each (by folded name), in first-mention order."""
    seen: dict[str, ExpectedBody] = {}
    for body, role in [*assignments, *((b, "responsible") for b in deadline_bodies)]:
        key = issuer_key(body)
        if not key:
            continue
        entry = seen.get(key)
        if entry is None:
            group = bool(re.search(r"\bcác\b", fold(body)))
            seen[key] = entry = ExpectedBody(body=body, roles=[], group=group)
        if role not in entry.roles:
            entry.roles.append(role)
    return list(seen.values())


def match_answers(expected: list[ExpectedBody], children: list[tuple[int, str | None]]) -> list[ExpectedBody]:
    """Fill ``answered_by`` with the child plans (id, issuer) whose issuer is that body."""
    for entry in expected:
        entry.answered_by = sorted(cid for cid, issuer in children
                                   if body_matches(entry.body, issuer, group=entry.group))
    return expected
