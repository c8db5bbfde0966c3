"""The consistency checks as users rely on them: the bundled reports, strict and lenient
mode, the result API, messages, rounding of stated figures, legacy combined figures, rules
across two years, the publication deadline, sections and the rule catalogue."""

from __future__ import annotations

import json
import re
import string
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from tests._consistent import section_titles
from tests._domain import CATALOGUE

import disclosure_model as dm
from disclosure_model.checks import Involved, Outcome, Severity, rule
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications2019,
    Applications2021,
    CaseOutcomes,
    CombinedFigure,
    DocumentCounts2021,
    ItemCounts,
    LegacyStatistics,
    ReviewsLitigation,
    Statistics2019,
    Statistics2021,
)
from disclosure_model.formats._declare import SlotKind, slots
from disclosure_model.formatting import InvalidLocaleError

CITY = dm.Organ(name="某市人民政府", level=dm.OrganLevel.CITY)
COUNTY = dm.Organ(name="某县人民政府", level=dm.OrganLevel.COUNTY)
DEPARTMENT = dm.Organ(name="某市交通运输局", level=dm.OrganLevel.CITY_DEPARTMENT)
YEARS = {
    dm.ReportFormat.LEGACY: 2018,
    dm.ReportFormat.GOV_2019: 2020,
    dm.ReportFormat.GOV_2021: 2021,
}
S = "$.statistics."

ALL_CODES = {
    *("R-01", "R-02", "R-03", "R-05", "R-06", "R-07", "R-08", "R-09", "R-10", "R-11", "R-12"),
    *(f"R-21-0{i}" for i in range(1, 7)),
    *(f"R-19-0{i}" for i in range(1, 5)),
    *(f"P-{i:02}" for i in range(1, 15)),
    *("C-01", "C-02", "C-03", "C-04", "X-01", "X-02"),
}
CROSS_REPORT = {"R-06", "R-12", "R-21-01", "R-19-03", "X-01", "X-02"}
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
NO_FEE_SECTIONS = tuple(
    attrs.evolve(s, text="无。") if s.title and s.title.startswith("六") else s
    for s in section_titles()
)


def _report(
    stats: Any = None,
    *,
    year: int | None = None,
    organ: dm.Organ = CITY,
    published: date | None = None,
    sections: tuple[dm.Section, ...] | None = None,
    claims: tuple[dm.Claim, ...] = (),
) -> dm.Report:
    """A report around ``stats`` (default: an empty 2021 table), in time, with its sections."""
    stats = Statistics2021() if stats is None else stats
    fmt = stats.FORMAT
    year = YEARS[fmt] if year is None else year
    if sections is None:
        sections = () if fmt is dm.ReportFormat.LEGACY else NO_FEE_SECTIONS
    return dm.Report(
        organ=organ,
        year=year,
        format=fmt,
        statistics=stats,
        published=published or date(year + 1, 1, 20),
        sections=sections,
        claims=claims,
    )


def _apps(**rows: ApplicantCounts) -> Statistics2021:
    return Statistics2021(applications=Applications2021(**rows))


def _total(n: int | None) -> ApplicantCounts:
    return ApplicantCounts(total=n)


def _failed(result: dm.CheckResult, code: str) -> list[dm.Finding]:
    return [f for f in result.findings if f.code == code and f.outcome is Outcome.FAIL]


def _of(result: dm.CheckResult, code: str) -> list[dm.Finding]:
    return [f for f in result.findings if f.code == code]


def _claim(
    value: str,
    about: Any = None,
    *,
    kind: dm.ClaimKind = dm.ClaimKind.FIGURE,
    approximation: dm.Approximation = dm.Approximation.EXACT,
    scale: int = 1,
    cid: str = "c",
    text: str | None = None,
) -> dm.Claim:
    return dm.Claim(
        id=cid,
        text=text or "正文陈述的数字",
        kind=kind,
        value=Decimal(value),
        scale=scale,
        approximation=approximation,
        about=about,
    )


def _cells(*paths: str) -> dm.CellSum:
    return dm.CellSum(paths=paths)


def _percent(
    value: str,
    numerator: Any,
    denominator: Any,
    approximation: dm.Approximation = dm.Approximation.EXACT,
    cid: str = "p",
) -> dm.Claim:
    return _claim(
        value,
        dm.Share(numerator=numerator, denominator=denominator),
        kind=dm.ClaimKind.PERCENT,
        approximation=approximation,
        cid=cid,
        text=f"占{value}%",
    )


# --- the bundled reports -------------------------------------------------------------------


@pytest.fixture(scope="module")
def baoshan() -> dm.Report:
    return dm.examples.load("baoshan-2018")


@pytest.fixture(scope="module")
def baoshan_result(baoshan: dm.Report) -> dm.CheckResult:
    return dm.check(baoshan)


def _claim_path(report: dm.Report, text: str) -> str:
    (index,) = [i for i, c in enumerate(report.claims) if c.text == text]
    return f"$.claims[{index}]"


class TestBaoshan2018:
    def test_failed_codes(self, baoshan_result: dm.CheckResult) -> None:
        """Two stated shares contradict the text's own figures, two are truncated, and the
        report was published after 31 March; nothing else fails."""
        assert frozenset({"C-01", "C-02", "R-10"}) == baoshan_result.codes

    def test_shares_that_contradict_the_text(
        self, baoshan: dm.Report, baoshan_result: dm.CheckResult
    ) -> None:
        """The text's "11630项，占总事项的87.74%" of 42091 is 27.63%, and "9092项 … 81.46%" of
        11664 is 77.95%: each a warning at its claim, with what was stated and computed."""
        expected = {
            ("$.claims[28]", "占总事项的87.74%", Decimal("87.74"), Decimal("27.63")),
            (
                "$.claims[39]",
                "“最多跑一次”事项比例达81.46%",
                Decimal("81.46"),
                Decimal("77.95"),
            ),
        }
        found = _failed(baoshan_result, "C-01")
        assert expected == {
            (f.path, f.claim.text, f.claim.stated, f.claim.computed) for f in found if f.claim
        }
        assert {_claim_path(baoshan, text) for _, text, _, _ in expected} == {f.path for f in found}
        assert {Severity.WARNING} == {f.severity for f in found}

    def test_truncated_shares(self, baoshan: dm.Report, baoshan_result: dm.CheckResult) -> None:
        """30/129 = 23.26% stated as 23.2% and 1/129 = 0.78% stated as 0.7% are truncations:
        information findings that say what rounding would have given."""
        found = _failed(baoshan_result, "C-02")
        expected = {
            ("当面申请30件,占23.2%", Decimal("23.2"), Decimal("23.26"), "23.3%"),
            ("“申请内容不明确”的1件,占总数的0.7%", Decimal("0.7"), Decimal("0.78"), "0.8%"),
        }
        assert expected == {
            (f.claim.text, f.claim.stated, f.claim.computed, rounded)
            for f in found
            if f.claim
            for rounded in re.findall(r"rounded it would be ([\d.]+%)", f.message_en)
        }
        assert {_claim_path(baoshan, text) for text, *_ in expected} == {f.path for f in found}
        assert {Severity.INFO} == {f.severity for f in found}
        assert set(found) == set(baoshan_result.infos)

    @pytest.mark.parametrize(
        "text",
        [
            "“属于已主动公开”的57件,占总数的44.2%",  # 57/129 = 44.19
            "网上申请46件,占35.7%",  # 46/129 = 35.66
            "占承办总数的81.7%",  # 250/306 = 81.70
            "占承办总数的18.3%",  # 56/306 = 18.30
            "“不予公开”的13件,占总数的10%",  # 13/129 = 10.08
            "21.7%属扶贫类信息",  # 28/129 = 21.71, part not stated
            "14%属规划、住建类信息",  # 18/129 = 13.95, part not stated
        ],
    )
    def test_rounded_shares_give_nothing(
        self, baoshan: dm.Report, baoshan_result: dm.CheckResult, text: str
    ) -> None:
        """A percentage that rounds correctly gets no finding, failed or not assessable."""
        path = _claim_path(baoshan, text)
        assert [] == [f for f in baoshan_result.findings if f.path == path]

    def test_only_four_claims_get_findings(
        self, baoshan: dm.Report, baoshan_result: dm.CheckResult
    ) -> None:
        """Of the 69 stated figures, only the four above get a finding."""
        texts = {
            baoshan.claims[int(f.path[len("$.claims[") : -1])].text
            for f in baoshan_result.findings
            if f.path.startswith("$.claims[")
        }
        assert {
            "占总事项的87.74%",
            "“最多跑一次”事项比例达81.46%",
            "当面申请30件,占23.2%",
            "“申请内容不明确”的1件,占总数的0.7%",
        } == texts

    def test_published_late(self, baoshan_result: dm.CheckResult) -> None:
        """A 2018 report was due by 31 March 2019; this one is dated 24 December 2019."""
        (late,) = _failed(baoshan_result, "R-10")
        assert ("$.published", "2019-03-31", "2019-12-24") == (
            late.path,
            late.expected,
            late.actual,
        )

    def test_channels_use_the_combined_figure(
        self, baoshan: dm.Report, baoshan_result: dm.CheckResult
    ) -> None:
        """微博 and 微信 are stated only together (32132): the figure fills both blank cells,
        so 90 + 87654 + 32132 + 14186 = 134062 channels carry the 134062 items."""
        assert [] == _of(baoshan_result, "P-09")
        short = attrs.evolve(baoshan.statistics, channel_website=87653)
        (finding,) = _of(dm.check(attrs.evolve(baoshan, statistics=short)), "P-09")
        assert Outcome.FAIL == finding.outcome
        assert (134062, 134061) == (finding.expected, finding.actual)
        assert Involved("$.statistics.combined[0]", 32132) in finding.cells

    def test_channels_without_the_combined_figure(self, baoshan: dm.Report) -> None:
        """Without the combined figure the two channels are blank: not assessable in strict
        mode; read as 0 in lenient mode, where the channels fall short of the total."""
        bare = attrs.evolve(baoshan, statistics=attrs.evolve(baoshan.statistics, combined=()))
        (strict,) = _of(dm.check(bare), "P-09")
        assert Outcome.NOT_ASSESSABLE == strict.outcome
        (lenient,) = _of(dm.check(bare, lenient=True), "P-09")
        assert (Outcome.FAIL, 101930, 134062) == (
            lenient.outcome,
            lenient.actual,
            lenient.expected,
        )
        assert (S + "channel_weibo", S + "channel_weixin") == lenient.lenient


class TestHuaian2024:
    def test_no_failed_finding(self) -> None:
        """The 2021-format 淮安 report for 2024 fails no rule."""
        result = dm.check(dm.examples.load("huaian-2024"))
        assert frozenset() == result.codes
        assert result.ok


# --- strict and lenient --------------------------------------------------------------------


def _review(other: int | None, total: int) -> dm.Report:
    block = CaseOutcomes(upheld=1, corrected=1, other=other, pending=0, total=total)
    zero = CaseOutcomes(upheld=0, corrected=0, other=0, pending=0, total=0)
    return _report(
        Statistics2021(
            reviews=ReviewsLitigation(
                review=block, litigation_direct=zero, litigation_after_review=zero
            )
        )
    )


class TestStrictAndLenient:
    def test_blank_is_not_assessable_in_strict_mode(self) -> None:
        """A rule that needs a blank cell is not assessable: never an error, not in the codes,
        and the report stays ok."""
        result = dm.check(_review(None, 3))
        (finding,) = _of(result, "R-05")
        assert (Outcome.NOT_ASSESSABLE, S + "reviews.review.other") == (
            finding.outcome,
            finding.path,
        )
        assert finding in result.not_assessable
        assert finding not in result.errors + result.warnings + result.infos
        assert "R-05" not in result.codes
        assert result.ok
        assert not result.lenient

    def test_lenient_reads_blank_as_zero_and_says_so(self) -> None:
        """In lenient mode the blank reads as 0 (1 + 1 + 0 + 0 ≠ 3) and the finding lists it."""
        result = dm.check(_review(None, 3), lenient=True)
        (finding,) = _of(result, "R-05")
        assert (Outcome.FAIL, 2, 3) == (finding.outcome, finding.expected, finding.actual)
        assert (S + "reviews.review.other",) == finding.lenient
        assert finding in result.errors
        assert "lenient" in finding.message_en
        assert "宽松模式" in finding.message_zh
        assert result.lenient

    def test_lenient_blank_that_fits(self) -> None:
        """A blank that makes the sum hold when read as 0 gives no finding in lenient mode."""
        assert [] == _of(dm.check(_review(None, 2), lenient=True), "R-05")

    def test_stated_zero_is_not_blank(self) -> None:
        """A 0 that is stated is a value: the rule is judged, and holds."""
        assert [] == _of(dm.check(_review(0, 2)), "R-05")

    def test_claim_on_a_blank_cell(self) -> None:
        """A figure about a blank cell: not assessable in strict mode; in lenient mode it is
        compared with 0 and the finding lists the cell."""
        report = _report(claims=(_claim("5", _cells("applications.new_received.total")),))
        (strict,) = _of(dm.check(report), "R-08")
        assert (Outcome.NOT_ASSESSABLE, "$.claims[0]") == (strict.outcome, strict.path)
        (lenient,) = _of(dm.check(report, lenient=True), "R-08")
        assert (Outcome.FAIL, (S + "applications.new_received.total",)) == (
            lenient.outcome,
            lenient.lenient,
        )

    def test_lenient_carry_over_lists_the_blank(self) -> None:
        """R-06 in lenient mode compares with 0 for last year's blank 结转 and says so."""
        this = _report(_apps(carried_over=_total(2)))
        last = _report(Statistics2021(), year=2020)
        (finding,) = _failed(dm.check(this, previous=last, lenient=True), "R-06")
        assert S + "applications.carried_over.total" == finding.path
        assert 1 == len(finding.lenient)
        assert finding.lenient[0].endswith("$.statistics.applications.carried_forward.total")

    @pytest.mark.parametrize(
        ("code", "this", "last", "path"),
        [
            pytest.param(
                "R-12",
                Statistics2021(
                    reviews=ReviewsLitigation(
                        review=CaseOutcomes(total=1),
                        litigation_after_review=CaseOutcomes(total=3),
                    )
                ),
                Statistics2021(),  # last year's 行政复议 blank: read as 0, 3 > 1 + 0
                "reviews.litigation_after_review.total",
                id="R-12",
            ),
            pytest.param(
                "R-21-01",
                Statistics2021(
                    active=ActiveDisclosure2021(
                        regulations=DocumentCounts2021(issued=2, in_force=13)
                    )
                ),  # repealed blank: read as 0, 10 + 2 - 0 ≠ 13
                Statistics2021(
                    active=ActiveDisclosure2021(regulations=DocumentCounts2021(in_force=10))
                ),
                "active.regulations.in_force",
                id="R-21-01",
            ),
            pytest.param(
                "R-19-03",
                Statistics2019(
                    active=ActiveDisclosure2019(licensing=ItemCounts(items_prev_year=11))
                ),
                Statistics2019(
                    active=ActiveDisclosure2019(licensing=ItemCounts(items_prev_year=10))
                ),  # last year's change blank: read as 0, 10 + 0 ≠ 11
                "active.licensing.items_prev_year",
                id="R-19-03",
            ),
        ],
    )
    def test_lenient_applies_across_years(self, code: str, this: Any, last: Any, path: str) -> None:
        """The rules across two years read blanks as 0 in lenient mode too: the one place
        that breaks fails and lists its blank cell, and nothing is left not assessable."""
        year = YEARS[this.FORMAT] + (1 if code == "R-12" else 0)
        result = dm.check(
            _report(this, year=year),
            previous=_report(last, year=year - 1),
            lenient=True,
        )
        assert {(Outcome.FAIL, S + path)} == {(f.outcome, f.path) for f in _of(result, code)}
        (finding,) = _of(result, code)
        assert finding.lenient


# --- the result ----------------------------------------------------------------------------

RECORD_KEYS = {
    "code",
    "severity",
    "outcome",
    "path",
    "cell_code",
    "expected",
    "actual",
    "message_zh",
    "message_en",
    "cells",
    "lenient",
    "claim_text",
    "claim_stated",
    "claim_computed",
}


@pytest.fixture(scope="module")
def mixed() -> dm.CheckResult:
    """An error (R-01), a warning (R-21-02), an information (C-02), and blanks."""
    stats = Statistics2021(
        active=ActiveDisclosure2021(
            normative_documents=DocumentCounts2021(issued=5, repealed=0, in_force=3)
        ),
        applications=Applications2021(
            new_received=_total(5),
            carried_over=_total(1),
            granted=_total(2),
            results_total=_total(3),
            carried_forward=_total(0),
        ),
    )
    share = _percent(
        "66.6",
        _cells("applications.granted.total"),
        _cells("applications.results_total.total"),
    )
    return dm.check(_report(stats, claims=(share,)))


class TestCheckResult:
    def test_by_severity(self, mixed: dm.CheckResult) -> None:
        """``errors``, ``warnings`` and ``infos`` hold the failed rules of each severity."""
        assert (["R-01"], ["R-21-02"], ["C-02"]) == (
            [f.code for f in mixed.errors],
            [f.code for f in mixed.warnings],
            [f.code for f in mixed.infos],
        )

    def test_not_assessable(self, mixed: dm.CheckResult) -> None:
        """``not_assessable`` holds every finding not judged, and only those."""
        assert mixed.not_assessable
        assert all(f.outcome is Outcome.NOT_ASSESSABLE for f in mixed.not_assessable)
        failed = mixed.errors + mixed.warnings + mixed.infos
        assert set(mixed.findings) == set(failed) | set(mixed.not_assessable)

    def test_codes(self, mixed: dm.CheckResult) -> None:
        """``codes`` are the failed rules' codes, not those merely not assessable."""
        assert frozenset({"R-01", "R-21-02", "C-02"}) == mixed.codes

    def test_ok(self, mixed: dm.CheckResult) -> None:
        """``ok`` is false with an error, true with only warnings and information."""
        assert not mixed.ok
        only_warning = _report(
            Statistics2021(
                active=ActiveDisclosure2021(
                    normative_documents=DocumentCounts2021(issued=5, repealed=0, in_force=3)
                )
            )
        )
        result = dm.check(only_warning)
        assert (True, frozenset({"R-21-02"})) == (result.ok, result.codes)

    def test_by_code(self, mixed: dm.CheckResult) -> None:
        """``by_code()`` groups every finding (failed or not) under its code, codes sorted."""
        groups = mixed.by_code()
        assert sorted({f.code for f in mixed.findings}) == list(groups)
        for code, findings in groups.items():
            assert [f for f in mixed.findings if f.code == code] == list(findings)

    def test_records(self, mixed: dm.CheckResult) -> None:
        """``records()`` gives one flat, JSON-able dict per finding, with the documented keys."""
        records = mixed.records()
        assert len(mixed.findings) == len(records)
        assert all(RECORD_KEYS == set(r) for r in records)
        json.dumps(records)

    def test_record_of_a_sum(self, mixed: dm.CheckResult) -> None:
        """A failed sum's record carries both sides and the cells as ``path=value`` pairs."""
        (record,) = [r for r in mixed.records() if r["code"] == "R-01" and r["outcome"] == "fail"]
        assert {
            "severity": "error",
            "outcome": "fail",
            "path": S + "applications.new_received.total",
            "cell_code": "3/一/总计",
            "expected": 3,
            "actual": 6,
            "cells": ";".join(
                f"{S}applications.{row}.total={v}"
                for row, v in (
                    ("new_received", 5),
                    ("carried_over", 1),
                    ("results_total", 3),
                    ("carried_forward", 0),
                )
            ),
            "lenient": "",
            "claim_text": None,
        }.items() <= record.items()

    def test_record_of_a_claim(self, mixed: dm.CheckResult) -> None:
        """A claim's record carries its text and the stated and computed values as strings."""
        (record,) = [r for r in mixed.records() if r["code"] == "C-02"]
        assert ("$.claims[0]", "占66.6%", "66.6", "66.67") == (
            record["path"],
            record["claim_text"],
            record["claim_stated"],
            record["claim_computed"],
        )

    def test_stable(self) -> None:
        """Checking the same report twice gives the same findings in the same order."""
        report = dm.examples.load("baoshan-2018")
        assert dm.check(report) == dm.check(report)

    def test_unknown_locale(self) -> None:
        """A locale babel does not know is a usage error, whether or not the report has a
        finding whose message needs a number formatted."""
        for name in ("huaian-2024", "baoshan-2018"):
            with pytest.raises(InvalidLocaleError):
                dm.check(dm.examples.load(name), locale="no-such-locale")

    def test_only_reports(self) -> None:
        """Checking anything but a report is a usage error."""
        with pytest.raises(TypeError, match="takes a Report"):
            dm.check(Statistics2021())  # type: ignore[arg-type]


# --- messages ------------------------------------------------------------------------------


NUMBER_CASES: dict[str, tuple[dm.Report, dm.Report | None]] = {
    "R-01": (
        _report(
            _apps(
                new_received=_total(3119),
                carried_over=_total(0),
                results_total=_total(3118),
                carried_forward=_total(0),
            )
        ),
        None,
    ),
    "R-07": (
        _report(
            _apps(new_received=_total(0), carried_over=_total(0), carried_forward=_total(3119))
        ),
        None,
    ),
    "R-08": (
        _report(
            _apps(new_received=_total(3118)),
            claims=(_claim("3119", _cells("applications.new_received.total")),),
        ),
        None,
    ),
    "C-03": (
        _report(
            _apps(new_received=_total(3119)),
            claims=(_percent("50.00", None, _cells("applications.new_received.total")),),
        ),
        None,
    ),
    "P-07": (
        _report(LegacyStatistics(staff_total=3119, staff_full_time=3000, staff_part_time=0)),
        None,
    ),
    "R-06": (
        _report(_apps(carried_over=_total(3119))),
        _report(_apps(carried_forward=_total(3118)), year=2020),
    ),
    "R-12": (
        _report(
            Statistics2021(
                reviews=ReviewsLitigation(
                    review=CaseOutcomes(total=0),
                    litigation_after_review=CaseOutcomes(total=3119),
                )
            )
        ),
        _report(Statistics2021(reviews=ReviewsLitigation(review=CaseOutcomes(total=0))), year=2020),
    ),
    "R-21-01": (
        _report(
            Statistics2021(
                active=ActiveDisclosure2021(
                    regulations=DocumentCounts2021(issued=0, repealed=0, in_force=3119)
                )
            ),
            year=2022,
        ),
        _report(
            Statistics2021(
                active=ActiveDisclosure2021(regulations=DocumentCounts2021(in_force=3118))
            )
        ),
    ),
    "R-19-03": (
        _report(
            Statistics2019(active=ActiveDisclosure2019(licensing=ItemCounts(items_prev_year=3119)))
        ),
        _report(
            Statistics2019(
                active=ActiveDisclosure2019(
                    licensing=ItemCounts(items_prev_year=3118, items_change=0)
                )
            ),
            year=2019,
        ),
    ),
    "R-21-05": (
        _report(
            Statistics2021(
                active=ActiveDisclosure2021(regulations=DocumentCounts2021(in_force=3119))
            ),
            organ=COUNTY,
        ),
        None,
    ),
    "R-21-04": (_report(_apps(other_unpaid_fee=_total(3119))), None),
    "R-21-06": (
        _report(_apps(other_unpaid_fee=_total(3119)), year=2020, sections=section_titles()),
        None,
    ),
}


class TestMessages:
    @pytest.mark.parametrize("code", list(NUMBER_CASES))
    def test_numbers_are_grouped(self, code: str) -> None:
        """Counts in messages are formatted by babel for the locale: 3119 is "3,119" in both
        languages for zh_CN."""
        report, previous = NUMBER_CASES[code]
        (finding, *_) = _failed(dm.check(report, previous=previous, locale="zh_CN"), code)
        assert "3,119" in finding.message_zh, finding.message_zh
        assert "3,119" in finding.message_en, finding.message_en
        assert "3119" not in finding.message_zh + finding.message_en

    def test_locale_chooses_the_grouping(self) -> None:
        """``locale`` formats the numbers (German groups with a dot); both languages stay."""
        report, _ = NUMBER_CASES["R-01"]
        (finding,) = _failed(dm.check(report, locale="de_DE"), "R-01")
        assert "3.119" in finding.message_en
        assert "第一项加第二项" in finding.message_zh

    def test_decimals_as_stated(self) -> None:
        """A stated percentage keeps the decimals it was written with ("60.0%")."""
        report = _report(
            _apps(granted=_total(70), results_total=_total(128)),
            claims=(
                _percent(
                    "60.0",
                    _cells("applications.granted.total"),
                    _cells("applications.results_total.total"),
                ),
            ),
        )
        (finding,) = _failed(dm.check(report), "R-08")
        assert "the text states 60.0%, the tables give 54.69%" in finding.message_en

    @pytest.mark.parametrize(
        ("stats", "code", "path", "zh", "en"),
        [
            pytest.param(
                _apps(new_received=_total(5)),
                "R-01",
                "applications.carried_over.total",
                "3/二/总计、3/三(七)/总计、3/四/总计未填报",
                "3/二/总计, 3/三(七)/总计, 3/四/总计 are not stated",
                id="three",
            ),
            pytest.param(
                _apps(results_total=_total(5)),
                "R-03",
                "applications.granted.total",
                "3/三(一)/总计、3/三(二)/总计、3/三(三)1/总计等 21 项未填报",
                "3/三(一)/总计, 3/三(二)/总计, 3/三(三)1/总计 and 18 more are not stated",
                id="twenty-one",
            ),
            pytest.param(
                _apps(new_received=_total(5), carried_over=_total(0), results_total=_total(5)),
                "R-01",
                "applications.carried_forward.total",
                "3/四/总计未填报",
                "3/四/总计 is not stated",
                id="one",
            ),
            pytest.param(
                LegacyStatistics(staff_total=3),
                "P-07",
                "staff_full_time",
                "1.专职人员数（不包括政府公报及政府网站工作人员数）、2.兼职人员数未填报",
                "1. full-time (excluding gazette and website staff), 2. part-time are not stated",
                id="legacy-labels",
            ),
        ],
    )
    def test_not_assessable_names_the_blank_cells(
        self, stats: Any, code: str, path: str, zh: str, en: str
    ) -> None:
        """A rule not assessable points at its first blank cell and names up to three blank
        cells (by official code, or by label in the legacy table), then how many more, in
        Chinese and in English alike."""
        (finding,) = [f for f in _of(dm.check(_report(stats)), code) if f.path == S + path]
        assert Outcome.NOT_ASSESSABLE == finding.outcome
        assert zh in finding.message_zh, finding.message_zh
        assert en in finding.message_en, finding.message_en


# --- rounding of stated figures ------------------------------------------------------------

GRANTED, RESULTS = "applications.granted.total", "applications.results_total.total"


def _share_findings(
    numerator: int,
    denominator: int,
    stated: str,
    approximation: dm.Approximation = dm.Approximation.EXACT,
) -> list[dm.Finding]:
    report = _report(
        _apps(granted=_total(numerator), results_total=_total(denominator)),
        claims=(_percent(stated, _cells(GRANTED), _cells(RESULTS), approximation),),
    )
    return [f for f in dm.check(report).findings if f.path == "$.claims[0]"]


def _codes(findings: list[dm.Finding]) -> list[str]:
    return [f.code for f in findings if f.outcome is Outcome.FAIL]


class TestRounding:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "stated", "codes"),
        [
            (1, 8, "12.5", []),  # exact
            (1, 8, "13", []),  # 12.5 rounded half up
            (1, 8, "12", ["C-02"]),  # 12.5 truncated
            (1, 8, "11", ["R-08"]),
            (2, 3, "66.7", []),
            (2, 3, "66.67", []),
            (2, 3, "66.6", ["C-02"]),
            (2, 3, "66.5", ["R-08"]),
            (2, 3, "66.8", ["R-08"]),
            (1, 3, "33.3", []),
            (1, 3, "33.4", ["R-08"]),
        ],
    )
    def test_share_against_the_tables(
        self, numerator: int, denominator: int, stated: str, codes: list[str]
    ) -> None:
        """A stated share passes if it is the computed one rounded half up, is information
        (C-02) if it is only the truncation, and an error against the tables (R-08) if
        neither."""
        assert codes == _codes(_share_findings(numerator, denominator, stated))

    def test_truncation_is_information(self) -> None:
        """C-02 is information, with the computed value to one more decimal and the rounding."""
        (finding,) = _share_findings(2, 3, "66.6")
        assert (Severity.INFO, Decimal("66.67"), Decimal("66.6")) == (
            finding.severity,
            finding.expected,
            finding.actual,
        )
        assert "rounded it would be 66.7%" in finding.message_en
        assert "四舍五入应为 66.7%" in finding.message_zh

    def test_mismatch_against_the_tables_is_an_error(self) -> None:
        """R-08 is an error, with the computed value to two decimals."""
        (finding,) = _share_findings(2, 3, "66.5")
        assert (Severity.ERROR, Decimal("66.67")) == (finding.severity, finding.expected)

    @pytest.mark.parametrize(
        ("stated", "expected"),
        [
            ("66.5", [("C-01", Severity.WARNING)]),
            ("66.6", [("C-02", Severity.INFO)]),
            ("66.7", []),
        ],
    )
    def test_share_against_other_claims(
        self, stated: str, expected: list[tuple[str, Severity]]
    ) -> None:
        """Against the text's own figures a wrong share is a warning (C-01), not an error."""
        claims = (
            _claim("2", cid="part"),
            _claim("3", cid="whole"),
            _percent(stated, dm.ClaimSum(ids=("part",)), dm.ClaimSum(ids=("whole",))),
        )
        result = dm.check(_report(claims=claims))
        assert expected == [
            (f.code, f.severity) for f in result.findings if f.path == "$.claims[2]"
        ]

    @pytest.mark.parametrize(("cell", "codes"), [(129, []), (130, ["R-08"]), (128, ["R-08"])])
    def test_integers_are_exact(self, cell: int, codes: list[str]) -> None:
        """A whole number stated for a count must be that count: 129 is not 129.4 or 128.6."""
        report = _report(
            _apps(new_received=_total(cell)),
            claims=(_claim("129", _cells("applications.new_received.total")),),
        )
        assert codes == _codes(_of(dm.check(report), "R-08"))

    @pytest.mark.parametrize(
        ("cell", "codes"),
        [
            (98_500, []),
            (99_000, []),
            (99_499, []),
            (99_500, ["C-02"]),
            (100_000, ["R-08"]),
            (98_499, ["R-08"]),
        ],
    )
    def test_scaled_figure(self, cell: int, codes: list[str]) -> None:
        """A figure in 万: "9.9万" is 98,500 to 99,499 rounded, 99,000 to 99,999 truncated."""
        report = _report(
            _apps(new_received=_total(cell)),
            claims=(_claim("9.9", _cells("applications.new_received.total"), scale=10_000),),
        )
        assert codes == _codes([f for f in dm.check(report).findings if f.path == "$.claims[0]"])

    @pytest.mark.parametrize(
        ("approximation", "stated", "numerator", "codes"),
        [
            (dm.Approximation.MORE_THAN, "50", 60, []),
            (dm.Approximation.MORE_THAN, "50", 40, ["R-08"]),
            (dm.Approximation.AT_LEAST, "80", 80, []),
            (dm.Approximation.AT_LEAST, "80", 95, []),
            (dm.Approximation.AT_LEAST, "80", 70, ["R-08"]),
            (dm.Approximation.LESS_THAN, "5", 4, []),
            (dm.Approximation.LESS_THAN, "5", 0, []),
            (dm.Approximation.LESS_THAN, "5", 6, ["R-08"]),
            (dm.Approximation.AT_MOST, "5", 5, []),
            (dm.Approximation.AT_MOST, "5", 6, ["R-08"]),
            (dm.Approximation.ABOUT, "50", 54, []),
            (dm.Approximation.ABOUT, "50", 45, []),
            (dm.Approximation.ABOUT, "50", 56, ["R-08"]),
            (dm.Approximation.ABOUT, "50", 44, ["R-08"]),
        ],
    )
    def test_approximations(
        self, approximation: dm.Approximation, stated: str, numerator: int, codes: list[str]
    ) -> None:
        """Words around a figure: "超过/余" is more, "以上" at least, "不到/不足" less,
        "以下" at most, "约/近/左右" within a tenth; an approximate figure is never called a
        truncation (shares out of 100)."""
        assert codes == _codes(_share_findings(numerator, 100, stated, approximation))

    @pytest.mark.parametrize(
        ("approximation", "stated", "cell", "codes"),
        [
            (dm.Approximation.MORE_THAN, "100", 101, []),
            (dm.Approximation.MORE_THAN, "100", 100, ["R-08"]),
            (dm.Approximation.AT_LEAST, "100", 100, []),
            (dm.Approximation.AT_LEAST, "100", 99, ["R-08"]),
            (dm.Approximation.LESS_THAN, "10", 9, []),
            (dm.Approximation.LESS_THAN, "10", 10, ["R-08"]),
            (dm.Approximation.AT_MOST, "10", 10, []),
            (dm.Approximation.AT_MOST, "10", 11, ["R-08"]),
        ],
    )
    def test_bounds_on_whole_numbers(
        self, approximation: dm.Approximation, stated: str, cell: int, codes: list[str]
    ) -> None:
        """Whole numbers are exact for bounds too: "100余件" or "超过100件" is not 100 and
        "不到10件" is not 10, while "100件以上" and "10件以下" include them."""
        report = _report(
            _apps(new_received=_total(cell)),
            claims=(
                _claim(
                    stated,
                    _cells("applications.new_received.total"),
                    approximation=approximation,
                ),
            ),
        )
        assert codes == _codes(_of(dm.check(report), "R-08"))

    def test_more_than_a_scaled_figure(self) -> None:
        """More than a figure in 万: "9.9万余次" holds for 99,600 and fails for 97,000."""
        for cell, codes in ((99_600, []), (97_000, ["R-08"])):
            report = _report(
                _apps(new_received=_total(cell)),
                claims=(
                    _claim(
                        "9.9",
                        _cells("applications.new_received.total"),
                        scale=10_000,
                        approximation=dm.Approximation.MORE_THAN,
                    ),
                ),
            )
            assert codes == _codes(_of(dm.check(report), "R-08"))

    @pytest.mark.parametrize(
        ("stated", "whole", "codes"),
        [
            ("50", 3, ["C-03"]),  # 1/3 = 33.3, 2/3 = 66.7
            ("33.3", 3, []),
            ("66.7", 3, []),
            ("66.6", 3, ["C-02"]),  # 2/3 truncated
            ("21.7", 129, []),  # 28/129 = 21.71
            ("0", 7, []),
            ("100", 7, []),
        ],
    )
    def test_share_with_unknown_part(self, stated: str, whole: int, codes: list[str]) -> None:
        """A share whose part is not stated must fit some whole number out of the whole:
        C-03 when none does, C-02 when only a truncation does."""
        report = _report(
            _apps(new_received=_total(whole)),
            claims=(_percent(stated, None, _cells("applications.new_received.total")),),
        )
        assert codes == _codes(dm.check(report).findings)

    def test_unknown_part_no_whole_number_message(self) -> None:
        """C-03 is a warning that says the whole the share was taken of."""
        report = _report(
            _apps(new_received=_total(3)),
            claims=(_percent("50", None, _cells("applications.new_received.total")),),
        )
        (finding,) = _failed(dm.check(report), "C-03")
        assert (Severity.WARNING, "$.claims[0]") == (finding.severity, finding.path)
        assert "no whole number out of 3 is 50%" in finding.message_en

    def test_unknown_part_more_than(self) -> None:
        """A bound on a share of unknown part: "超过50%" of 3 applications fits (2 of 3 is
        66.7%), so no C-03."""
        report = _report(
            _apps(new_received=_total(3)),
            claims=(
                _percent(
                    "50",
                    None,
                    _cells("applications.new_received.total"),
                    dm.Approximation.MORE_THAN,
                ),
            ),
        )
        assert [] == _of(dm.check(report), "C-03")

    def test_zero_denominator_is_not_assessable(self) -> None:
        """A share of nothing cannot be judged, in strict or lenient mode."""
        report = _report(
            _apps(granted=_total(0), results_total=_total(0)),
            claims=(_percent("0", _cells(GRANTED), _cells(RESULTS)),),
        )
        for lenient in (False, True):
            (finding,) = _of(dm.check(report, lenient=lenient), "R-08")
            assert Outcome.NOT_ASSESSABLE == finding.outcome

    def test_claim_without_subject(self) -> None:
        """A figure that says nothing about the tables or the text is not checked."""
        report = _report(claims=(_claim("9.9", scale=10_000),))
        assert [] == [f for f in dm.check(report).findings if f.path.startswith("$.claims")]


# --- legacy combined figures ---------------------------------------------------------------


class TestCombinedFigures:
    @pytest.mark.parametrize(("received", "codes"), [(10, []), (11, ["P-01"])])
    def test_fill_blank_cells_of_a_sum(self, received: int, codes: list[str]) -> None:
        """A figure stated for several cells ("传真、网络、信函申请共7件") fills the three blank
        channels of 收到申请数."""
        stats = LegacyStatistics(
            applications_received=received,
            received_in_person=3,
            combined=(
                CombinedFigure(
                    cells=("received_fax", "received_online", "received_letter"), value=7
                ),
            ),
        )
        result = dm.check(_report(stats))
        assert codes == _codes(_of(result, "P-01"))
        if codes:
            assert Involved("$.statistics.combined[0]", 7) in _of(result, "P-01")[0].cells

    def test_not_used_when_a_part_is_stated(self) -> None:
        """A combined figure stands for all its cells: with 微博 stated and 微信 blank it
        cannot fill 微信, so the channels are not assessable."""
        stats = LegacyStatistics(
            proactive_total=100,
            channel_gazette=10,
            channel_website=50,
            channel_weibo=5,
            channel_other=0,
            combined=(CombinedFigure(cells=("channel_weibo", "channel_weixin"), value=40),),
        )
        (finding,) = _of(dm.check(_report(stats)), "P-09")
        assert Outcome.NOT_ASSESSABLE == finding.outcome


# --- two reports ---------------------------------------------------------------------------


def _carry_over_pair(**previous: Any) -> tuple[dm.Report, dm.Report]:
    this = _report(
        _apps(carried_over=ApplicantCounts(natural_person=2, legal_commercial=0, total=2))
    )
    last_stats = Statistics2019(
        applications=Applications2019(
            carried_forward=ApplicantCounts(natural_person=1, legal_commercial=0, total=1)
        )
    )
    return this, _report(last_stats, **{"year": 2020, **previous})


class TestContinuity:
    def test_carry_over_per_column(self) -> None:
        """R-06 compares each column with last year's 结转下年度, also across the format
        change (last year in the 2019 format); a column blank in either is not assessable."""
        this, last = _carry_over_pair()
        found = _of(dm.check(this, previous=last), "R-06")
        column = S + "applications.carried_over."
        assert {(column + "natural_person", 1, 2), (column + "total", 1, 2)} == {
            (f.path, f.expected, f.actual) for f in found if f.outcome is Outcome.FAIL
        }
        assert {
            column + c
            for c in ("legal_research", "legal_public_welfare", "legal_law_service", "legal_other")
        } == {f.path for f in found if f.outcome is Outcome.NOT_ASSESSABLE}

    @pytest.mark.parametrize(
        ("previous", "expected"),
        [
            ({"organ": COUNTY}, {("X-01", "$.organ.name", "某县人民政府", "某市人民政府")}),
            ({"year": 2019}, {("X-02", "$.year", 2019, 2021)}),
            (
                {"organ": COUNTY, "year": 2018},
                {
                    ("X-01", "$.organ.name", "某县人民政府", "某市人民政府"),
                    ("X-02", "$.year", 2018, 2021),
                },
            ),
        ],
    )
    def test_not_comparable(self, previous: dict[str, Any], expected: set[Any]) -> None:
        """When last year's report is another organ's or not for the year before, that is
        said, and no other rule across the two reports runs."""
        this, last = _carry_over_pair(**previous)
        result = dm.check(this, previous=last)
        assert expected == {
            (f.code, f.path, f.expected, f.actual)
            for f in result.findings
            if f.code in CROSS_REPORT
        }

    def test_nothing_across_years_without_previous(self) -> None:
        """Without ``previous`` no rule across two reports gives any finding."""
        this, _ = _carry_over_pair()
        assert [] == [f for f in dm.check(this).findings if f.code in CROSS_REPORT]

    def test_lawsuits_after_review(self) -> None:
        """R-12: 4 lawsuits after review against 1 + 2 reviews this year and last."""
        this = _report(
            Statistics2021(
                reviews=ReviewsLitigation(
                    review=CaseOutcomes(total=1), litigation_after_review=CaseOutcomes(total=4)
                )
            )
        )
        last = _report(
            Statistics2021(reviews=ReviewsLitigation(review=CaseOutcomes(total=2))), year=2020
        )
        (finding,) = _failed(dm.check(this, previous=last), "R-12")
        assert (3, 4) == (finding.expected, finding.actual)

    def test_documents_in_force(self) -> None:
        """R-21-01: last year's 10 in force + 2 issued − 1 repealed should be 11, not 12."""
        this = _report(
            Statistics2021(
                active=ActiveDisclosure2021(
                    regulations=DocumentCounts2021(issued=2, repealed=1, in_force=12)
                )
            ),
            year=2022,
        )
        last = _report(
            Statistics2021(active=ActiveDisclosure2021(regulations=DocumentCounts2021(in_force=10)))
        )
        (finding,) = _failed(dm.check(this, previous=last), "R-21-01")
        assert (S + "active.regulations.in_force", 11, 12) == (
            finding.path,
            finding.expected,
            finding.actual,
        )
        assert "last year's 10 plus issued minus repealed gives 11" in finding.message_en


# --- report-level rules --------------------------------------------------------------------


class TestDeadline:
    @pytest.mark.parametrize(
        ("level", "stats", "year", "published", "deadline"),
        [
            (dm.OrganLevel.CITY_DEPARTMENT, Statistics2021(), 2021, date(2022, 1, 31), None),
            (dm.OrganLevel.CITY_DEPARTMENT, Statistics2021(), 2021, date(2022, 2, 1), "2022-01-31"),
            (
                dm.OrganLevel.STATE_COUNCIL_DEPARTMENT,
                Statistics2021(),
                2021,
                date(2022, 2, 1),
                "2022-01-31",
            ),
            (
                dm.OrganLevel.COUNTY_DEPARTMENT,
                Statistics2019(),
                2020,
                date(2021, 2, 1),
                "2021-01-31",
            ),
            (dm.OrganLevel.CITY, Statistics2021(), 2021, date(2022, 3, 31), None),
            (dm.OrganLevel.CITY, Statistics2021(), 2021, date(2022, 4, 1), "2022-03-31"),
            (dm.OrganLevel.TOWNSHIP, Statistics2019(), 2020, date(2021, 2, 1), None),
            (dm.OrganLevel.PROVINCE, Statistics2021(), 2021, date(2022, 4, 1), "2022-03-31"),
            (dm.OrganLevel.CITY_DEPARTMENT, LegacyStatistics(), 2018, date(2019, 3, 31), None),
            (
                dm.OrganLevel.CITY_DEPARTMENT,
                LegacyStatistics(),
                2018,
                date(2019, 4, 1),
                "2019-03-31",
            ),
            (dm.OrganLevel.CITY, LegacyStatistics(), 2018, date(2019, 4, 1), "2019-03-31"),
        ],
    )
    def test_deadline(
        self, level: dm.OrganLevel, stats: Any, year: int, published: date, deadline: str | None
    ) -> None:
        """Since 2019 departments publish by 31 January and governments by 31 March; before,
        every organ had until 31 March."""
        organ = dm.Organ(name="某机关", level=level)
        result = dm.check(_report(stats, year=year, organ=organ, published=published))
        expected = [] if deadline is None else [("$.published", deadline, published.isoformat())]
        assert expected == [(f.path, f.expected, f.actual) for f in _failed(result, "R-10")]

    @pytest.mark.parametrize(
        ("organ", "zh", "en"),
        [(DEPARTMENT, "政府工作部门", "a department"), (CITY, "人民政府", "a government")],
    )
    def test_message_names_the_kind_of_organ(self, organ: dm.Organ, zh: str, en: str) -> None:
        """The message says whose deadline was missed."""
        result = dm.check(_report(organ=organ, published=date(2022, 6, 1)))
        (finding,) = _failed(result, "R-10")
        assert zh in finding.message_zh
        assert en in finding.message_en

    def test_unknown_publication_date(self) -> None:
        """Without a publication date the deadline is not assessable."""
        report = attrs.evolve(_report(), published=None)
        (finding,) = _of(dm.check(report), "R-10")
        assert (Outcome.NOT_ASSESSABLE, "$.published") == (finding.outcome, finding.path)

    def test_no_deadline_for_other_organs(self) -> None:
        """For an organ of no known kind (a development zone's committee) no deadline applies."""
        organ = dm.Organ(name="某开发区管委会", level=dm.OrganLevel.OTHER)
        assert [] == _of(dm.check(_report(organ=organ, published=date(2022, 12, 31))), "R-10")


class TestSections:
    def test_each_missing_section(self) -> None:
        """One R-11 for each of the six sections missing, naming its heading."""
        result = dm.check(_report(sections=NO_FEE_SECTIONS[:2]))
        assert HEADINGS[2:] == [f.expected for f in _failed(result, "R-11")]
        assert {"$.sections"} == {f.path for f in _failed(result, "R-11")}

    def test_all_six(self) -> None:
        """With the six sections there is no R-11."""
        assert [] == _of(dm.check(_report()), "R-11")

    def test_not_for_the_legacy_table(self) -> None:
        """Legacy reports follow no fixed outline: R-11 does not apply."""
        assert [] == _of(dm.check(_report(LegacyStatistics())), "R-11")


class TestFormatAndYear:
    @pytest.mark.parametrize(
        ("stats", "year", "codes"),
        [
            (LegacyStatistics(), 2018, []),
            (LegacyStatistics(), 2019, ["R-09"]),
            (Statistics2019(), 2019, []),
            (Statistics2019(), 2020, []),
            (Statistics2019(), 2021, ["R-09"]),
            (Statistics2021(), 2020, ["R-09"]),
            (Statistics2021(), 2024, []),
            (LegacyStatistics(), 2012, []),  # before the national table: no format expected
        ],
    )
    def test_format_fits_the_year(self, stats: Any, year: int, codes: list[str]) -> None:
        """2014–2018 use the legacy table, 2019–2020 the 2019 format, 2021 on the 2021 one."""
        assert codes == _codes(_of(dm.check(_report(stats, year=year)), "R-09"))


# --- the rule catalogue --------------------------------------------------------------------


def _declared_identity_codes(cls: type) -> set[str]:
    codes = {i.code for i in getattr(cls, "IDENTITIES", ())}
    for s in slots(cls):
        if s.kind is SlotKind.NESTED:
            codes |= _declared_identity_codes(s.type)
    return codes


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class TestRuleCatalogue:
    def test_codes(self) -> None:
        """The catalogue has these forty-one rules."""
        codes = [r.code for r in dm.rules()]
        assert ALL_CODES == set(codes)
        assert len(ALL_CODES) == len(codes)

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_rules_of_a_format(self, fmt: dm.ReportFormat) -> None:
        """``rules(format)`` lists exactly the rules that apply to that format as reviewed
        against DOMAIN.md (tests/_domain.py), in catalogue order; the format may be given
        by its value."""
        expected = {code for code, (_, formats) in CATALOGUE.items() if fmt.value in formats}
        listed = [r.code for r in dm.rules(fmt)]
        assert expected == set(listed)
        assert len(expected) == len(listed)
        every = [r.code for r in dm.rules()]
        assert listed == sorted(listed, key=every.index)
        assert dm.rules(fmt) == dm.rules(fmt.value)

    def test_rules_of_2021(self) -> None:
        """The 2021 format has its own rules and the shared ones, not the 2019 or legacy ones."""
        codes = {r.code for r in dm.rules("gov-2021")}
        assert {f"R-21-0{i}" for i in range(1, 7)} <= codes
        assert {"R-01", "R-08", "C-01", "X-01"} <= codes
        assert not {c for c in codes if c.startswith(("R-19-", "P-"))}

    def test_rules_of_the_legacy_table(self) -> None:
        """The legacy table has the P rules and those about claims, dates and continuity."""
        codes = {r.code for r in dm.rules(dm.ReportFormat.LEGACY)}
        assert {f"P-{i:02}" for i in range(1, 15)} | {
            "R-08",
            "R-09",
            "R-10",
            "C-01",
            "C-02",
            "C-03",
            "C-04",
            "X-01",
            "X-02",
        } == codes

    def test_unknown_format(self) -> None:
        """A format that does not exist is a usage error."""
        with pytest.raises(ValueError, match="gov-2030"):
            dm.rules("gov-2030")

    @pytest.mark.parametrize("code", sorted(ALL_CODES))
    def test_titles_and_templates(self, code: str) -> None:
        """Every rule has a Chinese and an English title and message template, and both
        templates take the same placeholders."""
        r = rule(code)
        assert code == r.code
        for label in (r.title, r.template):
            assert re.search(r"[\u4e00-\u9fff]", label.zh), label
            assert label.en.strip()
        assert _placeholders(r.template.zh) == _placeholders(r.template.en)

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_declared_identities_are_catalogued(self, fmt: dm.ReportFormat) -> None:
        """Every code an identity of the format declares is a rule of the catalogue that
        applies to the format."""
        declared = _declared_identity_codes(STATISTICS_CLASSES[fmt])
        assert declared
        assert declared <= {r.code for r in dm.rules(fmt)}

    def test_cross_report_rules_need_the_previous_report(self) -> None:
        """The rules across two reports are exactly those flagged ``needs_previous``."""
        assert CROSS_REPORT == {r.code for r in dm.rules() if r.needs_previous}
