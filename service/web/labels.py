"""The Vietnamese words of the web UI (service/web/labels.yaml) and date formatting."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LABELS_FILE = Path(__file__).with_name("labels.yaml")
SECTIONS = ("kinds", "relations", "roles", "recurrences", "award_kinds", "purposes", "link_statuses",
            "section_kinds", "words", "item_statuses", "item_kinds", "severities", "finding_kinds")


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    missing = [s for s in SECTIONS if not isinstance(data.get(s), dict)]
    if missing:
        raise ValueError(f"{LABELS_FILE}: missing sections {missing}")
    return data


def label(section: str, key: str | None) -> str:
    """The Vietnamese word for ``key``; the key itself when the vocabulary lacks it."""
    if key is None:
        return ""
    return labels()[section].get(key, key)


def vi_date(value: str | None) -> str:
    """A partial ISO date as written in Vietnamese documents: '2025-11-30' → '30/11/2025',
    '2026-04' → '04/2026', '--11-10' → 'ngày 10/11 hằng năm', '---20' → 'ngày 20 hằng tháng'."""
    if not value:
        return ""
    words = labels()["words"]
    if value.startswith("---") and value[3:].isdigit():
        return words["every_day_of_month"].format(day=value[3:])
    if value.startswith("--") and len(value) == 7:
        return words["every_year_on"].format(day=value[5:7], month=value[2:4])
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[1]}/{parts[0]}"
    return value
