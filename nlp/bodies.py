"""Finding state, party and front bodies in text (gazetteer + patterns).  Stub: issue 3."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BodyMention:
    start: int                 # offsets into the text passed in
    end: int
    name: str                  # as written ("Sở Nội vụ", "UBND huyện Phong Thổ", "các phòng, ban, đơn vị")
    canonical: str | None      # gazetteer name when known ("Sở Nội vụ")
    kind: str | None           # "people_committee", "department", "division", "party", "front", "group", …
    level: str | None          # "central", "province", "district", "commune", "unit"


def find_bodies(text: str, start: int = 0, end: int | None = None) -> list[BodyMention]:
    """Every body named in ``text[start:end]``, in order, longest match where they overlap."""
    return []
