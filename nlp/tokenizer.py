"""A spaCy tokenizer that wraps underthesea's Vietnamese word segmentation.

Modelled on ``spacy/lang/vi`` (which wraps pyvi): underthesea joins the syllables of a
word ("Nội vụ", "chủ trì"); the tokens are re-aligned to the original text so every
token's ``idx`` is its offset there and ``doc.text == text`` always holds.  underthesea
normalises some spellings ("uỷ" → "ủy"); alignment compares folded syllables, and a
word whose syllables are separated by more than one space (or a line break) is split
into its syllables.  Text underthesea drops becomes tokens of its own.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.util import DummyTokenizer, get_words_and_spaces, registry
from spacy.vocab import Vocab

from nlp.textutil import fold

_NONSPACE = re.compile(r"\S+")


def _segment(text: str) -> list[str]:
    from underthesea import word_tokenize   # imported lazily: ~1 s
    return word_tokenize(text)


def align(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``tokens`` (possibly normalised) in ``text``, covering every non-space char."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for tok in tokens:
        syl_spans = []
        for syl in tok.split():
            start = pos
            while start < n and text[start].isspace():
                start += 1
            end = start + len(syl)
            if text[start:end] != syl and fold(text[start:end]) != fold(syl):
                found = text.find(syl, start, start + 200)
                if found < 0:
                    low = fold(text[start:start + 200 + len(syl)])
                    k = low.find(fold(syl))
                    found = start + k if k >= 0 else -1
                if found >= 0:
                    start, end = found, found + len(syl)
            end = min(end, n)
            if start >= end:
                continue
            syl_spans.append((start, end))
            pos = end
        # syllables of one word stay one token only when one plain space separates them
        for s, e in syl_spans:
            if spans and spans[-1][1] == s - 1 and text[s - 1] == " " and syl_spans[0] != (s, e) \
                    and spans[-1][0] >= syl_spans[0][0]:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    # fill gaps (text the segmenter dropped) and repair overlaps
    out: list[tuple[int, int]] = []
    last = 0
    for s, e in spans:
        if s < last:
            s = last
        if s >= e:
            continue
        for m in _NONSPACE.finditer(text, last, s):
            out.append((m.start(), m.end()))
        out.append((s, e))
        last = e
    for m in _NONSPACE.finditer(text, last, n):
        out.append((m.start(), m.end()))
    return out


class UndertheseaTokenizer(DummyTokenizer):
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __reduce__(self):
        return UndertheseaTokenizer, (self.vocab,)

    def __call__(self, text: str) -> Doc:
        if not text.strip():
            words, spaces = get_words_and_spaces(text.split(), text) if text else ([], [])
            return Doc(self.vocab, words=words or [text] if text else [], spaces=spaces or [False] if text else [])
        try:
            spans = align(text, _segment(text))
        except Exception:        # the segmenter failed on odd text: whitespace tokens
            spans = [(m.start(), m.end()) for m in _NONSPACE.finditer(text)]
        words, spaces = get_words_and_spaces([text[s:e] for s, e in spans], text)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("kehoach.underthesea_tokenizer.v1")
def create_tokenizer():
    def factory(nlp):
        return UndertheseaTokenizer(nlp.vocab)
    return factory
