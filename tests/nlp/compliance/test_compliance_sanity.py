"""Two checks of the matcher on real plans of corpus/sources, labels aside: a plan compared
with itself is (nearly) all covered; a plan compared with a plan on another subject is mostly
missing and almost never covered."""
from __future__ import annotations

import pytest

from nlp.compliance import check
from schema.compliance import ItemStatus
from tests.conftest import CORPUS
from tests.nlp.compliance.conftest import plan_of

SOURCES = CORPUS / "sources"


def _contents(report):
    return [it for it in report.items if it.kind == "content"]


@pytest.mark.parametrize("name", [
    "gh_KH_157-KH-UBND_CanTho_2025-11-18.txt",
    "tvpl_KH_0129-KH-UBND_DakLak_2025-11-21.txt",
    "lm_KH_kiemtra-giamsat_BacCamRanh_2025-11.docx",
    "tvpl_KH_624-KH-UBND_HaTinh_2025-11-19.txt",
])
def test_a_plan_compared_with_itself_is_covered(name):
    plan = plan_of(SOURCES / name)
    items = _contents(check(plan, plan))
    assert len(items) >= 14
    covered = sum(it.status == ItemStatus.COVERED for it in items)
    assert covered / len(items) >= 0.9, (covered, len(items))


@pytest.mark.parametrize("parent, child", [
    ("gh_KH_982-KH-UBND_NgheAn_2025-11-19.txt", "tvpl_KH_0130-KH-UBND_DakLak_2025-11-21.txt"),
    ("tvpl_KH_0134-KH-UBND_DakLak_2025-11-25.txt", "tvpl_KH_310-KH-UBND_HaNoi_2025-11-24.txt"),
    ("tvpl_KH_235-KH-UBND_ThanhHoa_2025-11-18.txt", "gh_KH_0124-KH-UBND_DakLak_2025-11-18.txt"),
    ("tvpl_KH_0129-KH-UBND_DakLak_2025-11-21.txt", "tvpl_KH_182-KH-UBND_DongNai_2025-11-20.txt"),
])
def test_a_plan_on_another_subject_leaves_the_parent_mostly_missing(parent, child):
    items = _contents(check(plan_of(SOURCES / child), plan_of(SOURCES / parent)))
    assert len(items) >= 10
    missing = sum(it.status == ItemStatus.MISSING for it in items)
    covered = sum(it.status == ItemStatus.COVERED for it in items)
    assert missing / len(items) >= 0.6, (missing, len(items))
    assert covered / len(items) <= 0.1, (covered, len(items))
