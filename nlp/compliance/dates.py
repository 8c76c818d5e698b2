"""Comparing the partial ISO dates of deadlines: "2024-11-30", "2024-12", "--12-10", "---20"."""
from __future__ import annotations


def parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day), None where the text leaves it open; None for an unreadable value."""
    if not value:
        return None
    try:
        if value.startswith("---"):
            return None, None, int(value[3:5])
        if value.startswith("--"):
            return None, int(value[2:4]), int(value[5:7]) if len(value) >= 7 else None
        bits = value.split("-")
        nums = [int(b) for b in bits[:3]]
        return (nums + [None, None])[0], (nums + [None, None])[1], (nums + [None, None, None])[2]
    except ValueError:
        return None


def later(child: str | None, parent: str | None) -> bool | None:
    """Is ``child`` after ``parent``?  None when the two cannot be compared.

    Only the fields both state are compared, from the year down: a yearly "--12-15" against
    "2024-12-10" compares 12-15 with 12-10; "2024-12" against "2024-12-10" is undecided.
    """
    a, b = parts(child), parts(parent)
    if a is None or b is None:
        return None
    monthly = [x[0] is None and x[1] is None for x in (a, b)]
    if monthly[0] != monthly[1]:
        return None
    for x, y in zip(a, b):
        if x is None or y is None:
            continue
        if x != y:
            return x > y
    return False if any(x is not None and y is not None for x, y in zip(a, b)) else None
