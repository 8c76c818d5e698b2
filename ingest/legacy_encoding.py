"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) → Unicode.

Text typed in a ``.VnTime`` (TCVN3) or ``VNI-Times`` font comes out of PDF and Word 97 files
as the Windows-1252 reading of the font's bytes: ``B¸o c¸o`` for ``Báo cáo``,
``Baùo caùo`` in VNI.  The code tables are data (``resources/tcvn3.tsv``, ``resources/vni.tsv``,
``resources/legacy_fonts.tsv``).

    convert_if_legacy(text)            -> (text, "tcvn3" | "vni" | None)   # by statistics
    convert_font_text(text, font_name) -> text                              # font known
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TCVN3 = "tcvn3"
VNI = "vni"

# Letters that exist only in Unicode Vietnamese, never in a Windows-1252 reading of legacy bytes.
_VIET_ONLY = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_MARKERS = 2
_MIN_DENSITY = 0.2          # legacy marks per word in text typed in a legacy font run ~0.5-1
_MAX_WORD_LENGTH = 4.8      # mean letters per word: Vietnamese ~3.5 (VNI ~4.2); German, French ~5+
_GLIDES = frozenset("oOuU")  # oa, oe, uâ, uê… are Vietnamese clusters, so "oá" is no VNI evidence


@dataclass(frozen=True)
class _Table:
    name: str
    mapping: dict[str, str]
    pattern: re.Pattern
    markers: frozenset[str]       # legacy tokens that cannot be read as proper Vietnamese


def _vietnamese_letters() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyzăâđêôơư")
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            letters.add(unicodedata.normalize("NFC", base + mark))
    return frozenset(letters | {c.upper() for c in letters})


_LETTERS = _vietnamese_letters()


def _cannot_be_unicode(token: str) -> bool:
    """A legacy token that proper Unicode Vietnamese never contains: a non-Vietnamese letter
    (``¸``, ``ï``), or two vowels whose first is no glide (VNI ``aù`` = á, ``eá`` = ế)."""
    if any(ch not in _LETTERS for ch in token):
        return True
    return len(token) == 2 and token[0] not in _GLIDES


def _load_table(name: str) -> _Table:
    mapping: dict[str, str] = {}
    text = resources.files("ingest").joinpath("resources", f"{name}.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        byte_hex, code_points = line.split("\t")[:2]
        legacy = bytes(int(b, 16) for b in byte_hex.split()).decode("cp1252")
        mapping[legacy] = "".join(chr(int(cp, 16)) for cp in code_points.split())
    tokens = sorted(mapping, key=len, reverse=True)          # longest match first (VNI pairs)
    pattern = re.compile("|".join(map(re.escape, tokens)))
    markers = frozenset(t for t in mapping if _cannot_be_unicode(t))
    return _Table(name, mapping, pattern, markers)


@lru_cache(maxsize=None)
def table(name: str) -> _Table:
    return _load_table(name)


@lru_cache(maxsize=None)
def _font_rules() -> list[tuple[re.Pattern, str, bool]]:
    rules = []
    text = resources.files("ingest").joinpath("resources", "legacy_fonts.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, encoding, capitals = line.split("\t")[:3]
            rules.append((re.compile(pattern, re.IGNORECASE), encoding, capitals.strip() == "yes"))
    return rules


_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[,-](Bold|Italic|BoldItalic|Oblique|BoldOblique|Regular|Roman)?$", re.I)


def font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """(legacy encoding of a font, whether it draws capitals) — (None, False) for Unicode fonts."""
    if not font_name:
        return None, False
    name = _STYLE_SUFFIX.sub("", _SUBSET_PREFIX.sub("", font_name.strip()))
    for pattern, encoding, capitals in _font_rules():
        if pattern.search(name):
            return encoding, capitals
    return None, False


def _marker_count(text: str, tbl: _Table) -> int:
    return sum(1 for m in tbl.pattern.finditer(text) if m.group() in tbl.markers)


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                       r"[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$")
_MIN_SYLLABLES = 0.6         # share of converted words that must be Vietnamese syllables
_SAMPLE = 20000              # characters judged (detection stays fast on long texts)


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def _syllable_share(text: str, tbl: _Table) -> float:
    """Share of the words changed by converting that are Vietnamese syllables."""
    changed = valid = 0
    for word in text.split():
        word = word.strip(".,;:!?()[]\"'“”‘’-–/")
        if not word or not tbl.pattern.search(word):
            continue
        converted = _convert(word, tbl)
        if converted == word:
            continue
        changed += 1
        valid += _is_syllable(converted)
    return valid / changed if changed else 0.0


def detect(text: str) -> str | None:
    """The legacy encoding ``text`` is typed in, or None for Unicode (or undecidable) text.

    Evidence: legacy marks per word, more of them than letters only Unicode has, and the
    converted words being Vietnamese syllables (which tells TCVN3 from VNI, and both from
    German or French)."""
    sample = text[:_SAMPLE]
    found = _WORD.findall(sample)
    words = len(found)
    if not words or sum(map(len, found)) / words > _MAX_WORD_LENGTH:
        return None
    viet_only = len(_VIET_ONLY.findall(sample))
    best, best_share = None, _MIN_SYLLABLES
    for name in (TCVN3, VNI):
        tbl = table(name)
        count = _marker_count(sample, tbl)
        if count < _MIN_MARKERS or count / words < _MIN_DENSITY or count <= viet_only:
            continue
        share = _syllable_share(sample, tbl)
        if share >= best_share:
            best, best_share = name, share
    return best


def _convert(text: str, tbl: _Table) -> str:
    return unicodedata.normalize("NFC", tbl.pattern.sub(lambda m: tbl.mapping[m.group()], text))


_ASCII_LETTERS = re.compile(r"[A-Za-z]")


def _restore_capitals(source: str, converted: str) -> str:
    """TCVN3 capitals typed in a ``.VnTimeH`` font come out as lowercase codes between capital
    ASCII letters (``HO¹CH``): where the ASCII letters of a line (or a word) are all capitals,
    the whole of it was."""
    ascii_letters = _ASCII_LETTERS.findall(source)
    if len(ascii_letters) >= 4 and all(c.isupper() for c in ascii_letters):
        return converted.upper()

    def word(m: re.Match) -> str:
        w = m.group()
        letters = _ASCII_LETTERS.findall(w)
        return w.upper() if len(letters) >= 2 and all(c.isupper() for c in letters) else w

    return _WORD.sub(word, converted)


def convert(text: str, encoding: str) -> str:
    """Convert text known to be in ``encoding`` ("tcvn3" or "vni"), NFC."""
    converted = _convert(text, table(encoding))
    if encoding == TCVN3:
        return "\n".join(_restore_capitals(src, out)
                         for src, out in zip(text.split("\n"), converted.split("\n")))
    return converted


def convert_font_text(text: str, font_name: str) -> str:
    """Text of one run whose font is known: converted when the font is a legacy one."""
    encoding, capitals = font_encoding(font_name)
    if encoding is None:
        return text
    converted = _convert(text, table(encoding))
    return converted.upper() if capitals else converted


def convert_unless_unicode(text: str, encoding: str) -> str:
    """Convert one line known to come from a legacy-encoded document, unless it reads as
    proper Unicode Vietnamese by itself (documents mix Unicode and legacy fonts)."""
    if len(_VIET_ONLY.findall(text)) > _marker_count(text, table(encoding)):
        return text
    return convert(text, encoding)


def convert_if_legacy(text: str) -> tuple[str, str | None]:
    """Return (unicode text, name of the legacy encoding converted or None).

    The encoding is decided on the whole text, then each line converted on its own."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return "\n".join(convert_unless_unicode(line, encoding) for line in text.split("\n")), encoding
