"""Vietnamese-aware lexical similarity between a parent item and the sub-plan's passages.

Terms are folded syllables (one tone style, lower case) after paraphrase groups are read
as their head phrase ("công tác tuyên truyền" → "tuyên truyền"), with stop words and
place/level words dropped ("trên địa bàn tỉnh" and "trên địa bàn huyện" say the same);
adjacent content syllables also give a bigram, which stands in for word segmentation
(most Vietnamese words are one or two syllables) at a fraction of underthesea's cost.

A passage's score for an item is the share of the item's IDF weight (BM25's IDF, over
the child's passages) that the passage holds: 0 nothing, 1 every term.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from nlp.compliance.config import rules, threshold
from nlp.textutil import fold

_SYLLABLE = re.compile(r"[^\W_]+")
_CLAUSE = re.compile(r"[;:]")


@lru_cache(maxsize=1)
def _synonym_table() -> list[tuple[tuple[str, ...], str]]:
    """(phrase as syllables, head term), longest phrases first."""
    table = []
    for group in rules()["synonyms"]:
        head = "_".join(group[0].split())
        for phrase in group:
            table.append((tuple(_SYLLABLE.findall(phrase)), head))
    table.sort(key=lambda x: len(x[0]), reverse=True)
    return table


@lru_cache(maxsize=1)
def _by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list] = {}
    for phrase, head in _synonym_table():
        index.setdefault(phrase[0], []).append((phrase, head))
    return index


def syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(fold(text))


def canonical(words: list[str]) -> list[str]:
    """Paraphrases replaced by their group's head term (one token, syllables joined by '_')."""
    out, i, index = [], 0, _by_first()
    while i < len(words):
        for phrase, head in index.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                out.append(head)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def terms(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """Content terms of ``text``: canonical unigrams plus either the words underthesea
    segments or bigrams of adjacent content syllables (``compliance.yaml: segmentation``)."""
    return list(_terms(text, frozenset(drop)))


@lru_cache(maxsize=50000)
def _terms(text: str, drop: frozenset[str]) -> tuple[str, ...]:
    r = rules()
    skip = r["stop_words"] | r["level_words"] | drop
    words = canonical(syllables(text))
    out: list[str] = []
    if r.get("segmentation") == "underthesea":
        for w in words:
            if w not in skip and not w.isdigit():
                out.append(w)
        for w in _segmented(text):
            parts = w.split()
            if not any(x in skip or x.isdigit() for x in parts):
                out.append(w)
        return tuple(out)
    prev = None
    for w in words:
        if w in skip or w.isdigit():
            prev = None
            continue
        out.append(w)
        if prev is not None and "_" not in w and "_" not in prev:
            out.append(prev + " " + w)
        prev = w
    return tuple(out)


@lru_cache(maxsize=20000)
def _segmented(text: str) -> tuple[str, ...]:
    """The words of ``text`` as underthesea segments them, folded (multi-syllable ones only)."""
    from underthesea import word_tokenize
    out = []
    for w in word_tokenize(text):
        syl = _SYLLABLE.findall(fold(w))
        if len(syl) > 1:
            out.append(" ".join(syl))
    return tuple(out)


@dataclass
class Passage:
    start: int
    end: int
    text: str
    terms: frozenset[str]


class Index:
    """The child's passages with BM25 IDF weights over them and the parent's units (``extra``):
    a term only the parent uses is weighed like any other, not as the rarest of all."""

    def __init__(self, passages: list[Passage], extra: list[frozenset[str]] = ()):
        self.passages = passages
        docs = [p.terms for p in passages] + list(extra)
        n = len(docs)
        df = Counter(t for d in docs for t in d)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        # a two-syllable term written once in both texts is mostly two words side by side
        # ("tình hình giới thiệu" → "hình giới"), not a word; only its syllables count
        self._lone = frozenset(t for t, d in df.items() if d <= 1 and " " in t)
        self._unseen = math.log(1 + (n + 0.5) / 0.5)
        self._postings: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            for t in p.terms:
                self._postings.setdefault(t, []).append(i)

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unseen)

    def score(self, query: set[str], passage: Passage) -> float:
        total = sum(self.idf(t) for t in query)
        if not total:
            return 0.0
        return sum(self.idf(t) for t in query & passage.terms) / total

    def query(self, text: str, drop: frozenset[str] = frozenset()) -> set[str]:
        return {t for t in terms(text, drop) if t not in self._lone}

    def share_of(self, wanted: frozenset[str] | set[str], have: frozenset[str] | set[str]) -> float:
        """The share of ``wanted``'s IDF weight that ``have`` holds."""
        total = sum(self.idf(t) for t in wanted)
        return sum(self.idf(t) for t in wanted & have) / total if total else 0.0

    def best(self, text: str, k: int = 3, drop: frozenset[str] = frozenset(),
             among: list[Passage] | None = None, exclude: frozenset[int] = frozenset(),
             focus: dict[str, float] | None = None) -> list[tuple[float, Passage]]:
        """The ``k`` best passages for ``text``, best first (score, passage); ``exclude`` holds
        the positions (in ``passages``) of passages not to use, ``focus`` a factor on the
        weight of some terms."""
        query = self.query(text, drop)
        if not query:
            return []
        weights = {t: self.idf(t) * (focus.get(t, 1.0) if focus else 1.0) for t in query}
        total = sum(weights.values())
        pool = self.passages if among is None else among
        if among is None:       # only passages sharing a term can score
            gained: dict[int, float] = {}
            for t, w in weights.items():
                for i in self._postings.get(t, ()):
                    gained[i] = gained.get(i, 0.0) + w
            candidates = [(g / total, pool[i]) for i, g in gained.items() if i not in exclude]
        else:
            candidates = [(sum(weights[t] for t in query & p.terms) / total, p) for p in pool]
        weight = threshold("fuzzy_weight")
        if weight:
            candidates = [((1 - weight) * s + weight * _fuzzy(text, p.text), p) for s, p in candidates]
        scored = [(s, p) for s, p in candidates if s > 0]
        scored.sort(key=lambda x: (-x[0], x[1].end - x[1].start, x[1].start))
        return scored[:k]

    def best_positions(self, text: str, k: int = 5) -> list[tuple[float, int]]:
        """The ``k`` best (score, position in ``passages``) for ``text``."""
        pos = {id(p): i for i, p in enumerate(self.passages)}
        return [(s, pos[id(p)]) for s, p in self.best(text, k=k)]

    def clause_score(self, text: str, drop: frozenset[str] = frozenset(),
                     among: list[Passage] | None = None, exclude: frozenset[int] = frozenset(),
                     focus: dict[str, float] | None = None) -> tuple[float, float, list[tuple[float, Passage]]]:
        """Clause by clause (split at ';'), each clause's best passage: (the clauses' IDF-weighted
        mean score, the best single clause score, the best passages).  An item whose clauses
        the child answers in different places still counts as covered."""
        clauses = [c for c in _CLAUSE.split(text) if self.query(c, drop)]
        if len(clauses) <= 1:
            best = self.best(text, drop=drop, among=among, exclude=exclude, focus=focus)
            top = best[0][0] if best else 0.0
            return top, top, best
        weighted, total, top, found = 0.0, 0.0, 0.0, []
        for c in clauses:
            w = sum(self.idf(t) * (focus.get(t, 1.0) if focus else 1.0) for t in self.query(c, drop))
            best = self.best(c, k=1, drop=drop, among=among, exclude=exclude, focus=focus)
            s = best[0][0] if best else 0.0
            weighted, total, top = weighted + w * s, total + w, max(top, s)
            found += [(s, p) for s, p in best if all(p is not q for _, q in found)]
        found.sort(key=lambda x: -x[0])
        return (weighted / total if total else 0.0), top, found


def _fuzzy(a: str, b: str) -> float:
    from rapidfuzz import fuzz
    return fuzz.token_set_ratio(fold(a), fold(b)) / 100.0


@lru_cache(maxsize=20000)
def without_bodies(text: str) -> str:
    """``text`` with the bodies it names blanked: who reports to whom is not what is done."""
    from nlp.bodies import find_bodies
    out = list(text)
    for b in find_bodies(text):
        out[b.start:b.end] = " " * (b.end - b.start)
    return "".join(out)


def share(wanted: str, have: str, drop: frozenset[str] = frozenset()) -> float:
    """Share of ``wanted``'s unigram terms that ``have`` holds (unweighted)."""
    want = {t for t in terms(wanted, drop) if " " not in t}
    if not want:
        return 1.0
    got = {t for t in terms(have, drop) if " " not in t}
    return len(want & got) / len(want)
