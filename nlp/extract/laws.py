"""Laws cited by name, without a number: "Luật Việc làm", "Bộ luật Lao động", "Luật Thi đua, khen
thưởng ngày 15 tháng 6 năm 2022", "Luật sửa đổi, bổ sung một số điều của Luật Bầu cử …", "Hiến pháp
năm 2013".  references.py turns each match into a Mention; this module knows the names' grammar.

Vocabulary: resources/references.yaml, ``unnumbered_laws``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import resources
from nlp.textutil import alternation, fold


def _config() -> dict:
    return resources.load("references")["unnumbered_laws"]


@lru_cache(maxsize=1)
def law_pattern() -> re.Pattern:
    """Groups: ``name`` (Luật, Bộ luật, …), ``title``, ``year`` ("năm 2015") — or, for kinds cited by
    the year alone, ``yname`` and ``only_year``."""
    cfg = _config()
    stop = rf"(?i:{alternation(cfg['name_stops'])})(?!\w)"
    word = rf"(?!{stop})[^\W\d_]+(?:-[^\W\d_]+)?"
    first = rf"(?!(?i:{alternation(cfg['not_first_words'])})(?!\w)){word}"
    comma = rf",\s+(?=(?i:{alternation(cfg['comma_words'])})(?!\w))"
    year = r"(?:[ \t]*(?:năm[ \t]+)?(?P<year>(?:19|20)\d\d)(?!\d))?"
    return re.compile(
        rf"(?<!\w)(?:(?P<name>{alternation(cfg['named_types'])})[ \t]+(?P<title>(?:(?i:{cfg['amending']})[ \t]+)?"
        rf"{first}(?:(?:[ \t]+|{comma}){word}){{0,{cfg['max_words'] - 1}}}){year}"
        rf"|(?P<yname>{alternation(cfg['year_types'])})(?:[ \t]+năm)?[ \t]+(?P<only_year>(?:19|20)\d\d)(?!\d))")


def amended_name_end(text: str, title: str, pos: int, limit: int) -> int | None:
    """For an amending law ("Luật sửa đổi, bổ sung … của Luật Bầu cử đại biểu Quốc hội và đại biểu
    Hội đồng nhân dân ngày 24/6/2025"), where the amended law's name, which may hold "và", ends
    before its date; None for other laws or where no date follows in the clause."""
    if not re.match(_config()["amending"], title, re.I):
        return _joined_name_end(text, pos, limit)
    rest = re.compile(r"[^;\n.()“”]{0,160}?(?=[ \t]*,?[ \t]*ngày[ \t]*\d)").match(text, pos, limit)
    return rest.end() if rest else None


def _joined_name_end(text: str, pos: int, limit: int) -> int | None:
    """A name cut at "và" that runs on to its date ("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội
    đồng nhân dân ngày 25 tháng 6 năm 2015"): where it ends; None where the words after "và" name
    another document, hold a word that ends a name, or run longer than a name's tail."""
    cfg = _config()
    rest = re.compile(r"[ \t\n]+và[ \t\n]+(?P<words>[^;.()“”\d]{1,120}?)(?=[ \t\n]*,?[ \t]*ngày[ \t]*\d)")
    m = rest.match(text, pos, limit)
    if not m:
        return None
    words = fold(m.group("words")).split()
    phrase = f" {' '.join(words)} "
    if len(words) > cfg["joined_name_max_words"] or _type_words() & set(words) or \
            any(f" {fold(b)} " in phrase for b in cfg["joined_name_blockers"] + cfg["name_stops"]):
        return None
    return m.end()


@lru_cache(maxsize=1)
def _type_words() -> frozenset[str]:
    """Folded first words of the document types ("luật", "nghị", "quyết", …): a name running into one
    has reached another document."""
    return frozenset(fold(n.split()[0]) for e in resources.load("doc_types") for n in e["names"])


def name_key(title: str) -> str:
    """The words of a law's name, folded: "Thi đua, khen thưởng" and "Thi đua khen thưởng" are one."""
    return " ".join(re.findall(r"\w+", fold(title)))


def same_law(a: str, b: str) -> bool:
    """One name starts the other and runs on for a phrase ("bầu cử" and "bầu cử đại biểu quốc
    hội"): the same law, written short.  One word more is another law ("đầu tư", "đầu tư công")."""
    short, long_ = sorted((a, b), key=len)
    if short == long_:
        return True
    extra = long_[len(short):].split() if long_.startswith(short + " ") else []
    return len(extra) >= _config()["short_name_min_extra_words"]
