"""The screened check (compiled identities, claims screened with integers) against the exact
evaluation of every rule: the same CheckResult, finding for finding, on generated reports of
every format, on their corruptions, strict and lenient, with and without last year's report.
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.checks import _check
from disclosure_model.formats import catalogue
from disclosure_model.report import Coverage


def _agree(report: dm.Report, previous: dm.Report | None, *, lenient: bool) -> dm.CheckResult:
    screened = _check(report, previous=previous, lenient=lenient, locale="zh_CN", screened=True)
    exact = _check(report, previous=previous, lenient=lenient, locale="zh_CN", screened=False)
    assert screened == exact
    assert [f.message_zh for f in screened.findings] == [f.message_zh for f in exact.findings]
    return screened


@given(dms.reports(with_claims=True), st.booleans())
def test_consistent_reports_agree_and_pass(report: dm.Report, lenient: bool) -> None:
    result = _agree(report, None, lenient=lenient)
    assert result.ok


@given(
    dms.reports(with_blanks=True, with_claims=True) | dms.reports(consistent=False),
    st.booleans(),
)
def test_blank_and_arbitrary_reports_agree(report: dm.Report, lenient: bool) -> None:
    _agree(report, None, lenient=lenient)


@given(dms.broken_reports(), st.booleans())
def test_corruptions_agree_and_are_found(broken: dms.BrokenReport, lenient: bool) -> None:
    result = _agree(broken.report, broken.previous, lenient=lenient)
    assert broken.code in result.codes


@given(dms.consecutive_reports(), st.booleans())
def test_consecutive_years_agree(pair: tuple[dm.Report, dm.Report], lenient: bool) -> None:
    previous, report = pair
    _agree(report, previous, lenient=lenient)


@st.composite
def _blanked_pair(draw: st.DrawFn) -> tuple[dm.Report, dm.Report]:
    """Two consecutive reports with some cells of each made blank."""
    previous, report = draw(dms.consecutive_reports())

    def blanked(r: dm.Report) -> dm.Report:
        paths = [e.path for e in catalogue(r.format) if e.kind is not dm.CellKind.MONEY]
        chosen = draw(st.lists(st.sampled_from(paths), max_size=12, unique=True))
        return r.with_cells(dict.fromkeys(chosen)) if chosen else r

    return blanked(previous), blanked(report)


@given(_blanked_pair(), st.booleans())
def test_consecutive_years_with_blanks_agree(
    pair: tuple[dm.Report, dm.Report], lenient: bool
) -> None:
    previous, report = pair
    _agree(report, previous, lenient=lenient)


@st.composite
def _cut_off(draw: st.DrawFn) -> dm.Report:
    """A report with blanks whose source stopped at some row of the form."""
    report = draw(dms.reports(with_blanks=True, with_claims=True))
    rows = list(dict.fromkeys(f"{e.table}.{e.row}" for e in catalogue(report.format)))
    if report.format is dm.ReportFormat.LEGACY:
        rows = [f"indicators.{e.path}" for e in catalogue(report.format)]
    return attrs.evolve(report, coverage=Coverage(last_row=draw(st.sampled_from(rows))))


@given(_cut_off(), st.booleans())
def test_reports_cut_off_agree(report: dm.Report, lenient: bool) -> None:
    _agree(report, None, lenient=lenient)


def test_a_blank_total_is_not_assessable_or_zero_when_lenient() -> None:
    # Hand-built: the total of new applications (3,119 in the example) blank, its parts
    # stated. The screen reads the blank as 0; the exact check must say "not assessable"
    # for every rule that reads it (R-01, R-02, R-07 and the claim "受理…3119 件"), and in
    # lenient mode find R-02 failed with the total read as 0 against parts of 3,119.
    report = dm.examples.load("huaian-2024").with_cells({"applications.new_received.total": None})
    strict = _agree(report, None, lenient=False)
    blank = "$.statistics.applications.new_received.total"
    assert [(f.code, f.path) for f in strict.not_assessable] == [
        ("R-01", blank),
        ("R-07", blank),
        ("R-02", blank),
        ("R-08", "$.claims[6]"),
        ("R-10", "$.published"),
    ]
    lenient = _agree(report, None, lenient=True)
    r02 = next(f for f in lenient.findings if f.code == "R-02")
    assert (r02.outcome, r02.actual, r02.expected, r02.lenient) == (
        dm.Outcome.FAIL,
        0,
        3119,
        (blank,),
    )
