"""The sign-off at the end of the body: the Nơi nhận list and the signature block.

A two-column table (Nơi nhận left, signature right) may reach us in either order, or
flattened line by line with the two columns interleaved, so each line is classified on its
own: a recipient item, the "Lưu: …" line, a signature line (authority, title, name) or other.
Vocabulary: nlp/resources/signature.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from nlp import resources
from nlp.segment.lines import Line
from nlp.textutil import fold


class Role(str, Enum):
    RECIPIENTS_HEADER = "recipients_header"   # "Nơi nhận:" (may carry items inline)
    SUBHEADER = "subheader"                   # "Gửi bản điện tử:"
    RECIPIENT = "recipient"
    STORAGE = "storage"                       # "- Lưu: VT, …"
    SIGNATURE = "signature"                   # authority / title caps, maybe with the name
    NAME = "name"                             # the signer's name alone
    OTHER = "other"


@dataclass(frozen=True)
class Vocabulary:
    prefix: re.Pattern            # authority prefix at the start of a caps run
    titles: tuple[tuple[str, ...], ...]   # folded title word tuples, longest first
    signed_note: re.Pattern
    name_pattern: re.Pattern
    not_name_words: frozenset[str]
    header: re.Pattern
    subheaders: tuple[re.Pattern, ...]
    storage: re.Pattern
    item_marker: re.Pattern
    purposes: dict[str, str]      # folded tag → short form


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = resources.load("signature")
    for key in ("authority_prefixes", "titles", "signed_notes", "name_pattern", "recipients"):
        if key not in data:
            raise ValueError(f"signature.yaml lacks {key!r}")
    try:
        prefix = re.compile(r"^(?:" + "|".join(f"(?:{p['pattern']})" for p in data["authority_prefixes"])
                            + r")(?=\s|$)")
        rec = data["recipients"]
        purposes = {}
        for short, forms in rec["purposes"].items():
            for f in forms:
                purposes[fold(f)] = short
        titles = sorted({tuple(fold(t).split()) for t in data["titles"]}, key=len, reverse=True)
        return Vocabulary(
            prefix=prefix, titles=tuple(titles),
            signed_note=re.compile(data["signed_notes"]),
            name_pattern=re.compile(data["name_pattern"]),
            not_name_words=frozenset(data.get("not_name_words", [])),
            header=re.compile(rec["header"]),
            subheaders=tuple(re.compile(p) for p in rec["subheaders"]),
            storage=re.compile(rec["storage"]),
            item_marker=re.compile(rec["item_marker"]),
            purposes=purposes,
        )
    except (re.error, KeyError, TypeError) as e:
        raise ValueError(f"signature.yaml: {e}") from None


# ---------------------------------------------------------------- line features

def _has_lower(word: str) -> bool:
    return any(c.islower() for c in word)


def _titlecase_word(word: str) -> bool:
    w = word.rstrip(".")
    return len(w) >= 1 and w[0].isupper() and (len(w) == 1 or (w[1:].isalpha() and w[1:].islower()))


def is_name(text: str) -> bool:
    v = vocabulary()
    text = text.strip()
    if not v.name_pattern.match(text):
        return False
    words = text.split()
    return words[0] not in v.not_name_words and 2 <= len(words) <= 6


def split_signature(text: str) -> tuple[str, str | None]:
    """(caps part, name or None) of a signature line; the caps part has no lower-case letters."""
    v = vocabulary()
    text = v.signed_note.sub(" ", text)
    words = text.split()
    # the longest run of Title-case words at the end is the name
    k = len(words)
    while k > 0 and _titlecase_word(words[k - 1]) and _has_lower(words[k - 1]):
        k -= 1
    name = " ".join(words[k:]) if len(words) - k >= 2 else None
    caps_words = words[:k] if name else words
    if name and not is_name(name):
        name, caps_words = None, words
    if any(_has_lower(w) for w in caps_words):
        return "", name if not caps_words else None
    return " ".join(caps_words).strip(" .,;|"), name


def title_suffix(caps: str) -> str | None:
    """The signer title the caps text ends with ("… KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → "PHÓ CHỦ TỊCH")."""
    words = caps.split()
    folded = [fold(w) for w in words]
    for title in vocabulary().titles:
        n = len(title)
        if n <= len(folded) and tuple(folded[-n:]) == title:
            return " ".join(words[-n:])
    return None


def starts_with_title(caps: str) -> bool:
    """'PHÓ CHỦ TỊCH THỨ NHẤT': a signer title, perhaps with a qualifier."""
    folded = tuple(fold(w) for w in caps.split())
    return len(folded) <= 8 and any(folded[:len(t)] == t for t in vocabulary().titles)


def has_prefix(caps: str) -> bool:
    return bool(vocabulary().prefix.match(caps))


def is_signature_caps(text: str) -> bool:
    caps, name = split_signature(text)
    if not caps:
        return False
    if has_prefix(caps):
        return True
    if len(caps.split()) > 12:
        return False
    if name is None and starts_with_title(caps):
        return True
    return title_suffix(caps) is not None and (name is not None or fold(caps) == fold(title_suffix(caps)))


def classify(line: Line) -> Role:
    """The role of one line of the sign-off region, without context."""
    v = vocabulary()
    t = line.text
    if v.header.match(t):
        return Role.RECIPIENTS_HEADER
    if any(p.match(t) for p in v.subheaders):
        return Role.SUBHEADER
    if v.storage.match(t):
        return Role.STORAGE
    if v.item_marker.match(t):
        return Role.RECIPIENT
    if is_signature_caps(t) or v.signed_note.fullmatch(t.strip()):
        return Role.SIGNATURE
    if is_name(v.signed_note.sub(" ", t).strip()):
        return Role.NAME
    return Role.OTHER


# ---------------------------------------------------------------- the sign-off region

@dataclass
class SignOff:
    start: int                      # first line index of the region (len(lines) when absent)
    end: int                        # one past its last line (appendices follow)
    roles: dict[int, Role] = field(default_factory=dict)

    def indices(self, *roles: Role) -> list[int]:
        return [i for i, r in sorted(self.roles.items()) if r in roles]


def _is_anchor(lines: list[Line], i: int) -> bool:
    """A line that certainly starts the sign-off: Nơi nhận, an authority prefix, or title + name."""
    t = lines[i].text
    if vocabulary().header.match(t):
        return True
    caps, name = split_signature(t)
    if not caps or len(caps.split()) > 14:
        return False
    if has_prefix(caps) and (name or _name_follows(lines, i)):
        return True
    if has_prefix(caps) and i + 1 < len(lines) and split_signature(lines[i + 1].text)[0]:
        return True
    if title_suffix(caps) and fold(caps) == fold(title_suffix(caps)):
        return bool(name) or _name_follows(lines, i)
    return False


def _name_follows(lines: list[Line], i: int, window: int = 4) -> bool:
    for j in range(i + 1, min(len(lines), i + 1 + window)):
        cleaned = vocabulary().signed_note.sub(" ", lines[j].text).strip()
        if not cleaned:
            continue
        if is_name(cleaned):
            return True
        if not split_signature(lines[j].text)[0]:
            return False
    return False


def find_signoff(lines: list[Line], start: int, appendix: re.Pattern) -> SignOff:
    """Locate and classify the sign-off after line ``start``; appendices end it."""
    anchor = next((i for i in range(start, len(lines)) if _is_anchor(lines, i)), None)
    if anchor is None:
        return SignOff(len(lines), len(lines))
    end = len(lines)
    for j in range(anchor + 1, len(lines)):
        if appendix.match(lines[j].text) and len(lines[j].text.split()) <= 40 \
                and classify(lines[j]) is not Role.RECIPIENT:
            end = j
            break
    off = SignOff(anchor, end)
    in_list = name_seen = storage_seen = False
    for i in range(anchor, end):
        role = classify(lines[i])
        if role is Role.RECIPIENTS_HEADER:
            in_list = True
        elif role is Role.STORAGE:
            in_list, storage_seen = False, True
        elif role is Role.OTHER and in_list and not name_seen:
            role = Role.RECIPIENT       # an item printed without its dash
        elif role is Role.RECIPIENT and not in_list and storage_seen:
            role = Role.OTHER
        if role is Role.OTHER and (name_seen or storage_seen):
            ahead = [classify(lines[j]) for j in range(i + 1, min(end, i + 3))]
            if name_seen or not any(a in (Role.SIGNATURE, Role.NAME) for a in ahead):
                off.end = i             # footnotes, annexed forms: the sign-off is over
                break
        if role is Role.NAME or (role is Role.SIGNATURE and split_signature(lines[i].text)[1]):
            name_seen = True
        off.roles[i] = role
    return off
