"""Properties of the ratios on generated reports (disclosure_model.strategies)."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.formats._declare import Declared, SlotKind, slots
from disclosure_model.ratio_catalogue import RatioKind, evaluate, ratio_specs


def _scaled(obj: object, k: int) -> object:
    """The same statistics with every count multiplied by ``k`` (signed changes too)."""
    if not isinstance(obj, Declared):
        return obj
    changes = {}
    for s in slots(type(obj)):
        value = getattr(obj, s.name)
        if s.kind in (SlotKind.COUNT, SlotKind.CHANGE) and value is not None:
            changes[s.name] = value * k
        elif s.kind is SlotKind.NESTED:
            changes[s.name] = _scaled(value, k)
    return attrs.evolve(obj, **changes)


class TestRatioProperties:
    @given(dms.reports())
    def test_shares_lie_between_0_and_1(self, report: dm.Report) -> None:
        """On a consistent report every defined share is in [0, 1] and per-100 ratios ≥ 0."""
        for code, ratio in dm.ratios(report).items():
            spec = next(s for s in ratio_specs(report.format) if s.code == code)
            if ratio.value is None:
                continue
            if spec.kind is RatioKind.SHARE:
                assert 0 <= ratio.value <= 1, code
            elif spec.kind is RatioKind.PER_100:
                assert ratio.value >= 0, code

    @given(dms.reports(), st.integers(min_value=2, max_value=1000))
    def test_scaling_counts_keeps_shares(self, report: dm.Report, k: int) -> None:
        """Multiplying every count by k changes no share and no per-100 ratio."""
        scaled = attrs.evolve(report, statistics=_scaled(report.statistics, k))
        before, after = dm.ratios(report), dm.ratios(scaled)
        for spec in ratio_specs(report.format):
            if spec.kind is RatioKind.NET:
                continue
            assert before[spec.code].value == after[spec.code].value, spec.code

    @given(dms.reports(with_blanks=True))
    def test_value_is_none_exactly_when_undefined(self, report: dm.Report) -> None:
        """A ratio has no value exactly when a needed cell is blank or the denominator is 0
        (or below), and it then names the blank cells."""
        for spec in ratio_specs(report.format):
            ratio = evaluate(spec, report.statistics)
            blank = any(
                report.statistics.cell(t.path) is None for t in (*spec.numerator, *spec.denominator)
            )
            undefined = blank or (ratio.denominator is not None and ratio.denominator <= 0)
            assert (ratio.value is None) == undefined, spec.code
            assert bool(ratio.missing) == blank, spec.code
