"""Findings as values: messages rendered from their template when read, cells located in
this year's or last year's report."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import attrs
import pytest

import disclosure_model as dm
from disclosure_model.checks import Involved, Outcome, rule
from disclosure_model.formats import (
    ApplicantCounts,
    Applications2021,
    CaseOutcomes,
    ReviewsLitigation,
    Statistics2021,
)

CITY = dm.Organ(name="某市人民政府", level=dm.OrganLevel.CITY)
S = "$.statistics."


def _report(stats: Statistics2021, year: int = 2022) -> dm.Report:
    return dm.Report(
        organ=CITY,
        year=year,
        format=dm.ReportFormat.GOV_2021,
        statistics=stats,
        published=date(year + 1, 1, 20),
    )


def _one(result: dm.CheckResult, code: str) -> dm.Finding:
    (found,) = [f for f in result.findings if f.code == code and f.outcome is Outcome.FAIL]
    return found


def _r05() -> dm.Finding:
    """R-05 on a 行政复议 block of 1,500 + 1,619 outcomes stated as 3,120 in total."""
    block = CaseOutcomes(upheld=1500, corrected=1619, other=0, pending=0, total=3120)
    zero = CaseOutcomes(upheld=0, corrected=0, other=0, pending=0, total=0)
    stats = Statistics2021(
        reviews=ReviewsLitigation(
            review=block, litigation_direct=zero, litigation_after_review=zero
        )
    )
    return _one(dm.check(_report(stats)), "R-05")


def _r06(lenient: bool = False) -> dm.Finding:
    """R-06: 2 carried over in total this year, 5 carried forward last year (or blank)."""
    this = _report(
        Statistics2021(applications=Applications2021(carried_over=ApplicantCounts(total=2)))
    )
    last_forward = None if lenient else 5
    last = _report(
        Statistics2021(
            applications=Applications2021(carried_forward=ApplicantCounts(total=last_forward))
        ),
        year=2021,
    )
    return _one(dm.check(this, previous=last, lenient=lenient), "R-06")


class TestLazyMessages:
    def test_message_from_template(self) -> None:
        """The message is the rule's template filled in, numbers grouped for the locale."""
        finding = _r05()
        assert rule("R-05").template == finding.template
        assert (
            "表4 行政复议：总计为 3,120，结果维持至尚未审结各项之和为 3,119，二者应相等。"
        ) == finding.message_zh
        assert (
            "table 4, administrative reconsideration: total is 3,120, but upheld through "
            "pending add up to 3,119; they should be equal."
        ) == finding.message_en

    def test_arguments_are_values(self) -> None:
        """The finding keeps the values, not their text: counts stay ints."""
        arguments = dict(_r05().arguments)
        assert (3120, 3119) == (arguments["left"], arguments["right"])

    def test_rendered_for_its_locale_when_read(self) -> None:
        """The same finding in a German-formatting run groups with a dot; changing the
        finding's locale renders it anew."""
        finding = _r05()
        german = attrs.evolve(finding, locale="de")
        assert "3.120" in german.message_en
        assert "3,120" in finding.message_en

    @pytest.mark.parametrize("make", [_r05, _r06], ids=["R-05", "R-06"])
    def test_pickles_and_copies(self, make: object) -> None:
        """A finding pickles and copies to an equal finding with the same text."""
        finding = make()  # type: ignore[operator]
        for other in (pickle.loads(pickle.dumps(finding)), copy.deepcopy(finding)):
            assert finding == other
            assert (finding.message_zh, finding.message_en) == (other.message_zh, other.message_en)
            assert finding.to_record() == other.to_record()

    def test_lenient_note_follows_the_blanks(self) -> None:
        """The lenient note is rendered from the blanks the finding lists."""
        finding = _r06(lenient=True)
        assert finding.message_en.endswith(" (lenient: 1 blank cell read as 0)")
        assert finding.message_zh.endswith("（宽松模式：1 个未填报单元格按 0 计）")

    def test_message_locale(self) -> None:
        """``message(locale)`` picks the language."""
        finding = _r05()
        assert (finding.message_zh, finding.message_en) == (
            finding.message("zh_CN"),
            finding.message("en_GB"),
        )


class TestInvolved:
    def test_cells_across_years_are_located(self) -> None:
        """R-06 lists this year's 上年结转 (with its official code) and last year's
        结转下年度 as a cell of the previous report, not as a path string."""
        finding = _r06()
        assert (
            Involved(S + "applications.carried_over.total", 2, "3/二/总计"),
            Involved(S + "applications.carried_forward.total", 5, None, previous=True),
        ) == finding.cells

    def test_location_renders_as_before(self) -> None:
        """Records and the command line show last year's cell prefixed with ``previous``."""
        finding = _r06()
        assert (
            "$.statistics.applications.carried_over.total=2;"
            "previous $.statistics.applications.carried_forward.total=5"
        ) == finding.to_record()["cells"]
        assert "previous $.statistics.applications.carried_forward.total" == (
            finding.cells[1].location
        )
        assert "$.statistics.applications.carried_over.total" == finding.cells[0].location

    def test_lenient_lists_last_years_blank(self) -> None:
        """A blank of last year's report read as 0 is listed as last year's."""
        finding = _r06(lenient=True)
        assert ("previous $.statistics.applications.carried_forward.total",) == finding.lenient

    def test_default_is_this_report(self) -> None:
        """An Involved made without a report is in the report checked."""
        assert not Involved("$.claims[0]", 3).previous


class TestCoverageAcrossYears:
    def test_blank_beyond_the_source_is_not_read_as_zero(self) -> None:
        """Lenient R-06 reads last year's blank 结转 as 0 only where last year's source
        reached it: a source that stops at 一、本年新收 leaves the rule not assessable."""
        this = _report(
            Statistics2021(applications=Applications2021(carried_over=ApplicantCounts(total=2)))
        )
        cut = dm.Coverage(last_row="applications.new_received")
        last = attrs.evolve(_report(Statistics2021(), year=2021), coverage=cut)
        result = dm.check(this, previous=last, lenient=True)
        r06 = [f for f in result.findings if f.code == "R-06"]
        assert {(Outcome.NOT_ASSESSABLE, S + "applications.carried_over.total")} <= {
            (f.outcome, f.path) for f in r06
        }
        assert [] == [f for f in r06 if f.outcome is Outcome.FAIL]

    def test_blank_within_the_source_is_read_as_zero(self) -> None:
        """The same blank, in a source that reaches 四、结转下年度, is read as 0."""
        this = _report(
            Statistics2021(applications=Applications2021(carried_over=ApplicantCounts(total=2)))
        )
        whole = dm.Coverage(last_row="applications.carried_forward")
        last = attrs.evolve(_report(Statistics2021(), year=2021), coverage=whole)
        result = dm.check(this, previous=last, lenient=True)
        failed = [f for f in result.findings if f.code == "R-06" and f.outcome is Outcome.FAIL]
        assert [S + "applications.carried_over.total"] == [f.path for f in failed]
