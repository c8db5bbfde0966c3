"""The rule catalogue agrees with the identities the formats declare."""

from __future__ import annotations

from fnmatch import fnmatchcase

import pytest

import disclosure_model as dm
from disclosure_model.checks._identities import instances
from disclosure_model.formats import STATISTICS_CLASSES


@pytest.mark.parametrize("fmt", list(dm.ReportFormat))
def test_each_identity_reads_only_what_its_rule_says(fmt: dm.ReportFormat) -> None:
    """Every cell an identity reads is named by its rule's `reads` patterns, so the rule
    catalogue (and the docs page made from it) cannot drift from the declarations."""
    for inst in instances(STATISTICS_CLASSES[fmt]):
        patterns = inst.rule.reads
        for entry in (*inst.left, *inst.right):
            assert any(fnmatchcase(entry.path, p) for p in patterns), (inst.rule.code, entry.path)


@pytest.mark.parametrize("fmt", list(dm.ReportFormat))
def test_identity_rules_apply_to_their_format(fmt: dm.ReportFormat) -> None:
    """An identity declared in a format uses a rule the catalogue lists for that format."""
    listed = {r.code for r in dm.rules(fmt)}
    used = {inst.rule.code for inst in instances(STATISTICS_CLASSES[fmt])}
    assert used <= listed


def test_codes_are_unique_and_stable() -> None:
    """Rule codes are unique and follow the catalogue's naming."""
    codes = [r.code for r in dm.rules()]
    assert len(codes) == len(set(codes))
    assert all(c[:2] in {"R-", "P-", "C-", "X-"} for c in codes)


def test_2021_table_identities_count() -> None:
    """The 2021 applications table is checked in every column and every row."""
    by_code: dict[str, int] = {}
    for inst in instances(dm.Statistics2021):
        by_code[inst.rule.code] = by_code.get(inst.rule.code, 0) + 1
    expected = {"R-01": 7, "R-02": 25, "R-03": 7, "R-05": 3, "R-07": 7, "R-21-02": 2}
    assert expected == by_code
