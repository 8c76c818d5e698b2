"""nlp/compliance/rounds.py: the rounds and stages a sentence names."""
from __future__ import annotations

import pytest

from nlp.compliance.rounds import ordinals, other_round


@pytest.mark.parametrize("text, rounds", [
    ("Hội nghị hiệp thương lần thứ hai", {"lần": {2}}),
    ("Đợt 1: từ ngày 01/3 đến ngày 30/3", {"đợt": {1}}),
    ("giai đoạn 2 (2026 - 2030)", {"giai đoạn": {2}}),
    ("sau hội nghị lần thứ nhất và lần thứ ba", {"lần": {1, 3}}),
    ("trong năm 2025 và lần này", {}),
])
def test_ordinals(text, rounds):
    assert ordinals(text) == rounds


def test_other_round():
    assert other_round({"lần": {2}}, {"lần": {1}})
    assert not other_round({"lần": {2}}, {"lần": {1, 2}})
    assert not other_round({"lần": {2}}, {"đợt": {1}})
    assert not other_round({}, {"lần": {1}})
