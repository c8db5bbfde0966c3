"""Properties of the checks, on reports that ``disclosure_model.strategies`` builds consistent.

* a consistent, fully stated report gives no finding at all, strict or lenient;
* breaking one identity at one place, by changing one cell on one side, makes that identity's
  rule fail there, with the changed cell among the finding's cells;
* scaling every count keeps a consistent report consistent;
* ``check`` never raises, whatever valid report (and previous report) it is given.

For an equality, adding 1 to any one cell breaks it. For a bound (``≤``, ``≥``), adding 1
may leave it holding when there is slack, so the cell is moved just past the other side: the
smallest change of that one cell that breaks the bound. (Such a change may break other rules
too; ``tests/test_strategies.py`` checks the corruptions that break exactly one.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests._consistent import fixed_report, report_around
from tests._domain import CATALOGUE

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.checks import Involved, Outcome
from disclosure_model.checks._identities import Instance, instances
from disclosure_model.formats import STATISTICS_CLASSES, Entry, StatisticsBase
from disclosure_model.formats._declare import Relation, SlotKind, slots

FORMATS = list(dm.ReportFormat)


def _identity_codes(fmt: dm.ReportFormat) -> set[str]:
    return {inst.rule.code for inst in instances(STATISTICS_CLASSES[fmt])}


def _count(stats: StatisticsBase, entry: Entry) -> int:
    value = stats.cell(entry.path)
    assert isinstance(value, int), entry.path  # the consistent builders state every cell
    return value


def breaking_changes(inst: Instance, stats: StatisticsBase) -> list[tuple[Entry, int]]:
    """Each way to break ``inst`` by changing one cell on one side: (cell, new value)."""
    left_values = [_count(stats, e) for e in inst.left]
    right_values = [_count(stats, e) for e in inst.right]
    left, right = sum(left_values), sum(right_values)
    if inst.relation is Relation.EQUAL:
        return [
            (e, v + 1)
            for e, v in zip((*inst.left, *inst.right), (*left_values, *right_values), strict=True)
        ]
    if inst.relation is Relation.AT_MOST:  # left <= right: push the left side past the right
        return [(e, v + right - left + 1) for e, v in zip(inst.left, left_values, strict=True)]
    # left >= right: push the right side past the left, or pull a signed left cell below it
    gap = left - right + 1
    raised = [(e, v + gap) for e, v in zip(inst.right, right_values, strict=True)]
    lowered = [
        (e, v - gap)
        for e, v in zip(inst.left, left_values, strict=True)
        if e.kind is dm.CellKind.CHANGE
    ]
    return raised + lowered


def map_counts(obj: Any, fn: Callable[[int], int]) -> Any:
    """``obj`` (statistics, a table or a row) with ``fn`` applied to every stated count."""
    changes = {}
    for s in slots(type(obj)):
        value = getattr(obj, s.name)
        if s.kind is SlotKind.NESTED:
            changes[s.name] = map_counts(value, fn)
        elif s.kind in (SlotKind.COUNT, SlotKind.CHANGE) and value is not None:
            changes[s.name] = fn(value)
    return attrs.evolve(obj, **changes)


def with_cell(obj: Any, path: str, value: Any) -> Any:
    """``obj`` with the cell at catalogue ``path`` (``applications.granted.total``) replaced."""
    head, _, rest = path.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: with_cell(getattr(obj, head), rest, value)})


def assert_breaks(stats: StatisticsBase, inst: Instance, entry: Entry, value: int) -> None:
    """Setting ``entry`` to ``value`` makes ``inst``'s rule fail at ``inst``'s place."""
    result = dm.check(report_around(with_cell(stats, entry.path, value)))
    place = f"$.statistics.{(inst.left or inst.right)[0].path}"
    failed = [f for f in result.by_code().get(inst.rule.code, ()) if f.outcome is Outcome.FAIL]
    assert place in {f.path for f in failed}, (inst.rule.code, place, entry.path)
    (finding,) = [f for f in failed if f.path == place]
    assert Involved(f"$.statistics.{entry.path}", value, entry.code) in finding.cells


class TestConsistentReports:
    @given(dms.reports())
    def test_no_finding(self, report: dm.Report) -> None:
        """A consistent, fully stated report gives no error, no failed identity, and in fact
        no finding at all, in strict and in lenient mode."""
        for lenient in (False, True):
            result = dm.check(report, lenient=lenient)
            assert () == result.errors
            assert set() == result.codes & _identity_codes(report.format)
            assert () == result.findings

    @given(dms.reports(), st.integers(2, 10**9))
    def test_scaling_keeps_consistency(self, report: dm.Report, k: int) -> None:
        """Multiplying every count (and signed change) by k keeps every rule holding."""
        scaled = attrs.evolve(report, statistics=map_counts(report.statistics, lambda v: v * k))
        assert () == dm.check(scaled).findings

    @given(st.data())
    def test_one_broken_cell(self, data: st.DataObject) -> None:
        """Changing one cell on one side of one identity fails that identity's rule at its
        place, with the changed cell and its new value among the finding's cells."""
        fmt = data.draw(st.sampled_from(FORMATS), label="format")
        stats = data.draw(dms.statistics(format=fmt), label="statistics")
        inst = data.draw(st.sampled_from(instances(type(stats))), label="identity")
        entry, value = data.draw(st.sampled_from(breaking_changes(inst, stats)), label="change")
        assert_breaks(stats, inst, entry, value)


def _every_instance() -> list[Any]:
    params = []
    for fmt in FORMATS:
        for i, inst in enumerate(instances(STATISTICS_CLASSES[fmt])):
            first = (inst.left or inst.right)[0].path
            params.append(pytest.param(fmt, i, id=f"{fmt.value}:{inst.rule.code}:{first}"))
    return params


class TestEveryIdentity:
    @pytest.mark.parametrize(("fmt", "index"), _every_instance())
    def test_every_cell_breaks_it(self, fmt: dm.ReportFormat, index: int) -> None:
        """For every identity at every place, in fixed consistent statistics, each breaking
        change of each cell fails that rule there."""
        report = fixed_report(fmt, index % 4)  # a few reports, cached: drawing one takes a while
        stats = report.statistics
        assert () == dm.check(report).findings
        inst = instances(STATISTICS_CLASSES[fmt])[index]
        changes = breaking_changes(inst, stats)
        assert changes
        for entry, value in changes:
            assert_breaks(stats, inst, entry, value)


@st.composite
def previous_reports(draw: st.DrawFn, report: dm.Report) -> dm.Report | None:
    """No previous report, or one of any format: most often the same organ's for the year
    before (so the rules across two years run rather than stop at X-01/X-02), else any organ
    and year. Statistics only (drawing a second full report would double the run time)."""
    kind = draw(st.sampled_from(["none", "comparable", "any"]))
    if kind == "none":
        return None
    fmt = draw(st.sampled_from(FORMATS))
    year = report.year - 1 if kind == "comparable" else draw(st.integers(2000, 2100))
    stats = draw(dms.statistics(format=fmt, consistent=False, with_blanks=True))
    return dm.Report(
        organ=report.organ if kind == "comparable" else draw(dms.organs()),
        year=max(year, 2000),
        format=fmt,
        statistics=stats,
    )


#: A report with text and claims and a previous report: twice the drawing of one report, so
#: this property runs at most 100 examples whatever the profile says.
_AT_MOST_100 = settings(max_examples=min(settings.default.max_examples, 100))


class TestNeverRaises:
    @_AT_MOST_100
    @given(st.data(), st.booleans(), st.sampled_from(["zh_CN", "en", "de"]))
    def test_any_valid_report(self, data: st.DataObject, lenient: bool, locale: str) -> None:
        """``check`` returns findings for any valid report, with or without a previous
        report, in either mode and any locale; nothing is raised. Every finding is of a
        rule that applies to the report's format, with that rule's severity, as reviewed
        against DOMAIN.md (tests/_domain.py, not the catalogue under test), and has both
        messages; ``ok`` means no error-severity finding, counted here."""
        report = data.draw(
            dms.reports(consistent=False, with_blanks=True, with_claims=True)
            | dms.reports(with_blanks=True, with_claims=True),
            label="report",
        )
        previous = data.draw(previous_reports(report), label="previous")
        result = dm.check(report, previous=previous, lenient=lenient, locale=locale)
        fmt = report.format.value
        assert [] == [
            (f.code, f.severity.value)
            for f in result.findings
            if f.code not in CATALOGUE
            or CATALOGUE[f.code][0] != f.severity.value
            or fmt not in CATALOGUE[f.code][1]
        ]
        assert all(f.message_zh and f.message_en for f in result.findings)
        errors = [
            f
            for f in result.findings
            if CATALOGUE[f.code][0] == "error" and f.outcome is Outcome.FAIL
        ]
        assert result.ok == (not errors)
        if previous is not None and (previous.organ, previous.year) == (
            report.organ,
            report.year - 1,
        ):
            assert set() == {"X-01", "X-02"} & result.codes
