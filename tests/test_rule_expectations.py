"""Expectations typed by hand from DOMAIN.md (§4 rules, §5 ratios), not read from the
declarations the checker uses: each test here fails for a small realistic bug that the
rest of the suite let through (issue 12, "Tests that catch bugs").
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest
from tests._domain import CATALOGUE, REFUSAL_REASONS

import disclosure_model as dm
from disclosure_model.cli import main
from disclosure_model.formats import LegacyStatistics, Statistics2019, Statistics2021


def _report(stats: Any, *, year: int, level: dm.OrganLevel, published: date) -> dm.Report:
    return dm.Report(
        organ=dm.Organ(name="某机关", level=level),
        year=year,
        format=stats.FORMAT,
        statistics=stats,
        published=published,
    )


def _codes(report: dm.Report) -> frozenset[str]:
    return dm.check(report).codes


class TestCatalogueSnapshot:
    def test_severities_and_formats(self) -> None:
        """Every rule has the severity and formats reviewed against DOMAIN.md."""
        actual = {
            r.code: (r.severity.value, tuple(sorted(f.value for f in r.formats)))
            for r in dm.rules()
        }
        assert CATALOGUE == actual

    def test_every_rule_has_titles(self) -> None:
        """Every rule has a Chinese and an English title, and a message in both."""
        for r in dm.rules():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in r.title.zh), r.code
            assert any("a" <= ch <= "z" for ch in r.title.en), r.code
            assert r.template.zh, r.code
            assert r.template.en, r.code

    def test_an_error_rule_makes_the_cli_exit_1(
        self, tmp_path: Any, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """R-07 (backlog above the workload) is an error: `check` exits 1 on it."""
        report = dm.examples.load("huaian-2024")
        stats = report.statistics_as(Statistics2021)
        apps = stats.applications
        total = apps.new_received.total + apps.carried_over.total  # type: ignore[operator]
        forward = attrs.evolve(apps.carried_forward, total=total + 1)
        broken = attrs.evolve(
            report,
            statistics=attrs.evolve(
                stats, applications=attrs.evolve(apps, carried_forward=forward)
            ),
        )
        assert "R-07" in _codes(broken)
        target = tmp_path / "broken.json"
        dm.dump(broken, target)
        assert 1 == main(["check", str(target)])
        capsys.readouterr()


class TestDeadlineByYear:
    """R-10 (DOMAIN.md): departments by 31 January of N+1 from 2019 on, governments by
    31 March; every report for 2018 or before by 31 March (2007 条例), also one in a
    format of the new years."""

    @pytest.mark.parametrize(
        ("stats", "year", "published", "late"),
        [
            (LegacyStatistics(), 2018, date(2019, 3, 31), False),
            (Statistics2019(), 2018, date(2019, 3, 15), False),
            (Statistics2019(), 2018, date(2019, 4, 1), True),
            (Statistics2021(), 2018, date(2019, 3, 31), False),
        ],
    )
    def test_a_department(self, stats: Any, year: int, published: date, late: bool) -> None:
        """A city department's report, in whichever format."""
        report = _report(stats, year=year, level=dm.OrganLevel.CITY_DEPARTMENT, published=published)
        assert late == ("R-10" in _codes(report))


class TestZeroNeedsNoUnit:
    """A sum of 0 is 0 in any unit: no unit rule fails for it (R-19-04, P-13, R-21-03)."""

    def _procurement(self, amount: dm.Amount) -> dm.Report:
        stats = Statistics2019()
        active = attrs.evolve(
            stats.active, procurement=attrs.evolve(stats.active.procurement, amount=amount)
        )
        return _report(
            attrs.evolve(stats, active=active),
            year=2020,
            level=dm.OrganLevel.CITY,
            published=date(2021, 3, 1),
        )

    def test_procurement(self) -> None:
        """R-19-04: 0 with no unit passes, 5 with no unit fails, 5 万元 passes."""
        assert "R-19-04" not in _codes(self._procurement(dm.Amount(value=Decimal(0))))
        assert "R-19-04" in _codes(self._procurement(dm.Amount(value=Decimal(5))))
        stated = dm.Amount(value=Decimal(5), unit=dm.MoneyUnit.WAN_YUAN)
        assert "R-19-04" not in _codes(self._procurement(stated))

    @pytest.mark.parametrize(
        ("value", "unit", "fails"),
        [
            ("0", dm.MoneyUnit.YUAN, False),
            ("0.00", None, False),
            ("1200", dm.MoneyUnit.YUAN, True),
            ("0.12", None, True),
            ("0.12", dm.MoneyUnit.WAN_YUAN, False),
        ],
    )
    def test_legacy_fees(self, value: str, unit: dm.MoneyUnit | None, fails: bool) -> None:
        """P-13: fees of 0 元 are no false positive; 1200 元 or a bare 0.12 are."""
        stats = LegacyStatistics(fees_collected=dm.Amount(value=Decimal(value), unit=unit))
        report = _report(stats, year=2018, level=dm.OrganLevel.CITY, published=date(2019, 3, 1))
        assert fails == ("P-13" in _codes(report))


class TestSectionsByNumeral:
    """R-11: a section counts when its heading is the form's, or carries the section's
    numeral (一、…六、) and its key words ("一、2023年总体情况概述"); the words under
    another numeral do not count."""

    HEADINGS = (
        "一、总体情况概述",
        "二、主动公开工作",
        "三、依申请公开情况",
        "四、行政复议和诉讼",
        "五、问题与改进",
        "六、其他需要报告的事项",
    )

    def _codes(self, headings: tuple[str, ...]) -> list[str]:
        report = attrs.evolve(
            _report(
                Statistics2021(),
                year=2021,
                level=dm.OrganLevel.CITY,
                published=date(2022, 3, 1),
            ),
            sections=tuple(dm.Section(title=h, text="内容。") for h in headings),
        )
        return [str(f.expected) for f in dm.check(report).findings if f.code == "R-11"]

    def test_numeral_and_words(self) -> None:
        """Numeral plus the section's words: nothing is missing."""
        assert [] == self._codes(self.HEADINGS)

    def test_words_under_the_wrong_numeral(self) -> None:
        """ "二、总体情况" and "一、主动公开工作": sections 一 and 二 are both missing."""
        swapped = ("二、总体情况", "一、主动公开工作", *self.HEADINGS[2:])
        assert ["一、总体情况", "二、主动公开政府信息情况"] == self._codes(swapped)


class TestTiesRoundHalfUp:
    def test_truncation_message(self) -> None:
        """C-02: 1 of 8 is 12.5%; "12%" is it truncated, and rounded half up it is 13%
        (half to even would say 12%, which is what was stated)."""
        report = dm.examples.load("huaian-2024")
        claims = (
            dm.Claim(id="w", text="收到申请8件", kind=dm.ClaimKind.FIGURE, value=Decimal(8)),
            dm.Claim(id="p", text="网上申请1件", kind=dm.ClaimKind.FIGURE, value=Decimal(1)),
            dm.Claim(
                id="s",
                text="占12%",
                kind=dm.ClaimKind.PERCENT,
                value=Decimal(12),
                about=dm.Share(
                    numerator=dm.ClaimSum(ids=("p",)), denominator=dm.ClaimSum(ids=("w",))
                ),
            ),
        )
        result = dm.check(attrs.evolve(report, claims=claims, sections=report.sections))
        (finding,) = [f for f in result.findings if f.code == "C-02"]
        assert "“占12%”: 12% is 12.5% truncated; rounded it would be 13%." == finding.message_en


class TestLegacyRatios:
    def test_full_time_staff_share(self) -> None:
        """DOMAIN.md §5: full_time_staff_share = staff_full_time / staff_total (1 of 4)."""
        stats = LegacyStatistics(staff_total=4, staff_full_time=1, staff_part_time=3)
        report = _report(stats, year=2018, level=dm.OrganLevel.CITY, published=date(2019, 3, 1))
        assert Fraction(1, 4) == dm.ratios(report)["full_time_staff_share"].value

    def test_undefined_ratio_in_the_wide_frame_is_nan(self) -> None:
        """A ratio with a zero denominator is NaN in the wide frame, never 0.0."""
        pytest.importorskip("pandas")
        from disclosure_model.export import to_frame

        stats = LegacyStatistics(staff_total=0, staff_full_time=0, staff_part_time=0)
        report = _report(stats, year=2018, level=dm.OrganLevel.CITY, published=date(2019, 3, 1))
        value = to_frame([report], kind="wide").loc[0, "full_time_staff_share"]
        assert math.isnan(value)


class TestLegacyRefusals:
    """P-04 / P-05 (DOMAIN.md): Σ refused_* ≤ reply_refused (error), and == (warning),
    over the six reasons typed above, not the checker's own list."""

    def _with(self, **cells: int) -> frozenset[str]:
        stats = LegacyStatistics(**cells)  # type: ignore[arg-type]
        report = _report(stats, year=2018, level=dm.OrganLevel.CITY, published=date(2019, 3, 1))
        return _codes(report) & {"P-04", "P-05"}

    @pytest.mark.parametrize("reason", REFUSAL_REASONS)
    def test_each_reason_counts(self, reason: str) -> None:
        """Each reason alone above the refusals fails P-04; equal to them, nothing fails;
        below them (the others 0), only P-05."""
        others = {r: 0 for r in REFUSAL_REASONS if r != reason}
        assert {"P-04", "P-05"} == self._with(reply_refused=2, **others, **{reason: 3})
        assert frozenset() == self._with(reply_refused=3, **others, **{reason: 3})
        assert {"P-05"} == self._with(reply_refused=4, **others, **{reason: 3})


class TestSchemaRefusesWhatTheReaderRefuses:
    def test_negative_combined_figure(self) -> None:
        """A combined figure below 0 is refused by the reader and by the JSON Schema."""
        data = dm.to_dict(dm.examples.load("baoshan-2018"))
        combined = data["statistics"]["combined"]
        assert combined, "the example states a combined figure"
        combined[0]["value"] = -1
        with pytest.raises(dm.ValidationError):
            dm.from_dict(data)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, dm.json_schema())


class TestStrategiesRoundTruePercentages:
    def test_exact_rounds_half_up(self) -> None:
        """The strategies write a true percentage rounded half up: 2/3 is 66.7%, not 66.6%;
        12.5% to no decimals is 13%."""
        from disclosure_model.strategies._claims import _exact

        assert Decimal("66.7") == _exact(Fraction(200, 3), 1)
        assert Decimal("13") == _exact(Fraction(25, 2), 0)
        assert Decimal("66.6") == _exact(Fraction(200, 3), 1, truncate=True)


class TestPartsOfAWhole:
    def _report(self, whole: int, first: str, second: int) -> dm.Report:
        claims = (
            dm.Claim(
                id="w", text=f"共收到申请{whole}件", kind=dm.ClaimKind.FIGURE, value=Decimal(whole)
            ),
            dm.Claim(
                id="a",
                text=f"其中公民申请占{first}%",
                kind=dm.ClaimKind.PERCENT,
                value=Decimal(first),
                about=dm.Share(numerator=None, denominator=dm.ClaimSum(ids=("w",))),
            ),
            dm.Claim(
                id="b", text=f"法人申请{second}件", kind=dm.ClaimKind.FIGURE, value=Decimal(second)
            ),
            dm.Claim(
                id="s",
                text="占比",
                kind=dm.ClaimKind.PERCENT,
                value=Decimal(100 * second // whole) if whole else Decimal(0),
                about=dm.Share(
                    numerator=dm.ClaimSum(ids=("b",)), denominator=dm.ClaimSum(ids=("w",))
                ),
            ),
        )
        stats = LegacyStatistics()
        return attrs.evolve(
            _report(stats, year=2017, level=dm.OrganLevel.CITY, published=date(2018, 3, 1)),
            claims=claims,
        )

    def test_the_2017_report(self) -> None:
        """90% of 10 is 9 citizens; with 2 from organisations the parts are 11 > 10."""
        (finding,) = [f for f in dm.check(self._report(10, "90", 2)).findings if f.code == "C-04"]
        assert ("$.claims[3]", 10, 11) == (finding.path, finding.expected, finding.actual)

    def test_parts_that_fit(self) -> None:
        """80% of 10 and 2: 8 + 2 = 10, no finding."""
        assert "C-04" not in _codes(self._report(10, "80", 2))

    def test_a_whole_of_zero(self) -> None:
        """Shares of a whole of 0 are not assessable for their own rules; C-04 says nothing
        (found by benchmarks/fuzz.py: it divided by zero)."""
        assert "C-04" not in _codes(self._report(0, "90", 0))

    def test_one_part_stated_twice(self) -> None:
        """Two percentages of the same stated part (6 of 10, "60%" and "六成") are one
        part: 6 ≤ 10, no finding."""
        whole = dm.Claim(id="w", text="共收到申请10件", kind=dm.ClaimKind.FIGURE, value=Decimal(10))
        part = dm.Claim(id="p", text="网上申请6件", kind=dm.ClaimKind.FIGURE, value=Decimal(6))
        about = dm.Share(numerator=dm.ClaimSum(ids=("p",)), denominator=dm.ClaimSum(ids=("w",)))
        shares = tuple(
            dm.Claim(id=i, text=t, kind=dm.ClaimKind.PERCENT, value=Decimal(60), about=about)
            for i, t in (("s1", "占60%"), ("s2", "即六成"))
        )
        report = attrs.evolve(self._report(10, "80", 2), claims=(whole, part, *shares))
        assert "C-04" not in _codes(report)


class TestCrossYearNotAssessable:
    def test_message(self) -> None:
        """R-06 with last year's 结转下年度 total blank: not assessable there, and the
        message says that the figure is missing this year or last, in both languages."""
        report = dm.examples.load("huaian-2024")
        stats = report.statistics_as(Statistics2021)
        apps = stats.applications
        blank = attrs.evolve(apps.carried_forward, total=None)
        previous = attrs.evolve(
            report,
            year=2023,
            statistics=attrs.evolve(stats, applications=attrs.evolve(apps, carried_forward=blank)),
        )
        result = dm.check(report, previous=previous)
        (finding,) = [
            f
            for f in result.findings
            if f.code == "R-06" and f.outcome is dm.Outcome.NOT_ASSESSABLE
        ]
        assert "$.statistics.applications.carried_over.total" == finding.path
        assert "table 3, total: not stated this year or last, so not checked." == finding.message_en
        assert "表3 总计列：本年或上年未填报，无法核对。" == finding.message_zh
