"""Constructing the model: what is rejected (with every problem and its path) and what is not."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from tests._reports import applicants, legacy_report, report_2019, report_2021

import disclosure_model as dm
from disclosure_model.formats import (
    ApplicantCounts,
    Applications2019,
    Applications2021,
    CaseOutcomes,
    FeeAmount,
    ItemCounts,
    Label,
    LegacyStatistics,
    Procurement,
    Statistics2019,
    Statistics2021,
)

SHA = "ab" * 32


def _paths(error: dm.ValidationError) -> list[str]:
    return [p.path for p in error.problems]


def _report(**changes: Any) -> dm.Report:
    base: dict[str, Any] = {
        "organ": dm.Organ(name="某县人民政府", level=dm.OrganLevel.COUNTY),
        "year": 2021,
        "format": dm.ReportFormat.GOV_2021,
        "statistics": Statistics2021(),
    }
    return dm.Report(**{**base, **changes})


def _claim(**changes: Any) -> dm.Claim:
    base: dict[str, Any] = {
        "id": "a",
        "text": "共受理申请129件",
        "kind": dm.ClaimKind.FIGURE,
        "value": Decimal(129),
    }
    return dm.Claim(**{**base, **changes})


def _share(*paths: str) -> dm.Share:
    return dm.Share(numerator=None, denominator=dm.CellSum(paths=paths))


class TestValidationError:
    def test_is_a_value_error_and_ours(self) -> None:
        """`except ValueError` and `except DisclosureModelError` both catch invalid input."""
        assert issubclass(dm.ValidationError, ValueError)
        assert issubclass(dm.ValidationError, dm.DisclosureModelError)

    def test_messages_and_text(self) -> None:
        """Each problem reads ``$.path: message``; the exception text lists them all."""
        error = dm.ValidationError([dm.Problem("$.a", "first"), dm.Problem("$.b[0]", "second")])
        assert ("$.a: first", "$.b[0]: second") == error.messages
        assert "2 problems:\n  $.a: first\n  $.b[0]: second" == str(error)
        assert "1 problem:\n  $: x" == str(dm.ValidationError.at("$", "x"))

    def test_under_reroots_paths(self) -> None:
        """Problems found in a part are re-rooted below the part's path."""
        error = dm.ValidationError.at("$.total", "bad").under("$.statistics.row")
        assert ("$.statistics.row.total: bad",) == error.messages

    def test_needs_a_problem(self) -> None:
        """An error without any problem cannot be raised by mistake."""
        with pytest.raises(ValueError, match="at least one problem"):
            dm.ValidationError([])


class TestCells:
    @pytest.mark.parametrize(
        ("value", "phrase"),
        [
            (3.0, "got float 3.0"),
            (True, "got bool True"),
            (False, "got bool False"),
            ("3", "got str '3'"),
            (Decimal(3), "got Decimal"),
            (-1, "a count cannot be negative, got -1"),
        ],
    )
    def test_a_count_is_a_non_negative_int(self, value: object, phrase: str) -> None:
        """A count is an int >= 0 or None: floats, bools, strings and negatives are refused."""
        with pytest.raises(dm.ValidationError) as info:
            ApplicantCounts(total=value)  # type: ignore[arg-type]
        [problem] = info.value.problems
        assert "$.total" == problem.path
        assert phrase in problem.message

    def test_every_bad_cell_is_listed(self) -> None:
        """All the bad cells of a row are reported at once, each at its own path."""
        with pytest.raises(dm.ValidationError) as info:
            ApplicantCounts(natural_person=1.5, legal_research=-2, legal_other="3", total=True)  # type: ignore[arg-type]
        expected = ["$.natural_person", "$.legal_research", "$.legal_other", "$.total"]
        assert expected == _paths(info.value)

    def test_zero_and_huge_counts(self) -> None:
        """Zero and integers beyond any float's precision are valid counts."""
        assert 0 == ApplicantCounts(total=0).total
        assert 2**53 + 1 == ApplicantCounts(total=2**53 + 1).total

    def test_a_stock_is_never_negative(self) -> None:
        """A stock (documents in force, item types) is refused below zero like a count."""
        with pytest.raises(dm.ValidationError) as info:
            ItemCounts(items_prev_year=-1)
        assert ["$.items_prev_year"] == _paths(info.value)

    @pytest.mark.parametrize("value", [-7, 0, 12, -(10**15), None])
    def test_a_change_is_signed(self, value: int | None) -> None:
        """本年增/减 is a signed change: negatives are valid."""
        assert value == ItemCounts(items_change=value).items_change

    @pytest.mark.parametrize("value", [-7.0, "−7", True])
    def test_a_change_is_an_int(self, value: object) -> None:
        """A change is still an integer: floats, strings and bools are refused."""
        with pytest.raises(dm.ValidationError) as info:
            ItemCounts(items_change=value)  # type: ignore[arg-type]
        assert ["$.items_change"] == _paths(info.value)

    def test_a_row_of_the_wrong_class(self) -> None:
        """A row must be of its declared class, a table of its own format's class."""
        with pytest.raises(dm.ValidationError) as info:
            Applications2021(granted=CaseOutcomes())  # type: ignore[arg-type]
        assert ["$.granted"] == _paths(info.value)
        with pytest.raises(dm.ValidationError) as info:
            Statistics2021(applications=Applications2019())  # type: ignore[arg-type]
        assert ["$.applications"] == _paths(info.value)

    def test_wrong_totals_construct(self) -> None:
        """Accounting inconsistency is data to check, not an error: wrong totals construct."""
        row = applicants(1, 1, 1, 1, 1, 1, 999)
        apps = Applications2021(new_received=row, results_total=applicants(0, 0, 0, 0, 0, 0, 5))
        assert 999 == apps.new_received.total
        assert 6 == row.applicants_sum
        report = _report(statistics=Statistics2021(applications=apps))
        assert 5 == report.statistics.applications.results_total.total

    def test_wrong_legacy_parts_construct(self) -> None:
        """A legacy "其中" larger than its parent constructs; the checks flag it."""
        stats = LegacyStatistics(applications_received=3, received_in_person=30)
        assert 30 == stats.received_in_person


class TestAmount:
    def test_exact_decimal(self) -> None:
        """An amount keeps its Decimal exactly as written, trailing zeros included."""
        amount = dm.Amount(value=Decimal("96171.60"), unit=dm.MoneyUnit.WAN_YUAN)
        assert "96171.60" == str(amount.value)
        assert "96171.60万元" == str(amount)
        assert "213.15" == str(dm.Amount(value=Decimal("213.15")))

    @pytest.mark.parametrize(
        ("value", "phrase"),
        [
            (1.5, "expected a Decimal, got float"),
            (15, "expected a Decimal, got int"),
            ("1.5", "expected a Decimal, got str"),
            (Decimal("NaN"), "finite"),
            (Decimal("sNaN"), "finite"),
            (Decimal("Infinity"), "finite"),
            (Decimal("-Infinity"), "finite"),
        ],
    )
    def test_value_is_a_finite_decimal(self, value: object, phrase: str) -> None:
        """Money is a finite Decimal: no float (it would round), no NaN, no Infinity."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Amount(value=value)  # type: ignore[arg-type]
        [problem] = info.value.problems
        assert "$.value" == problem.path
        assert phrase in problem.message

    def test_unit_is_a_money_unit(self) -> None:
        """The unit is a MoneyUnit or None, not its Chinese string."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Amount(value=Decimal(1), unit="万元")  # type: ignore[arg-type]
        assert ["$.unit"] == _paths(info.value)

    @pytest.mark.parametrize("value", ["-0.01", "-96171.60"])
    def test_money_cells_refuse_negative_amounts(self, value: str) -> None:
        """A money cell refuses a negative amount, in every format."""
        amount = dm.Amount(value=Decimal(value), unit=dm.MoneyUnit.WAN_YUAN)
        with pytest.raises(dm.ValidationError, match="cannot be negative") as info:
            FeeAmount(amount=amount)
        assert ["$.amount"] == _paths(info.value)
        with pytest.raises(dm.ValidationError) as info:
            Procurement(amount=amount)
        assert ["$.amount"] == _paths(info.value)
        with pytest.raises(dm.ValidationError) as info:
            LegacyStatistics(fees_collected=amount, special_budget=amount)
        assert ["$.fees_collected", "$.special_budget"] == _paths(info.value)

    def test_money_cell_needs_an_amount(self) -> None:
        """A bare number in a money cell is refused: money always says its unit (or None)."""
        with pytest.raises(dm.ValidationError) as info:
            FeeAmount(amount=Decimal(5))  # type: ignore[arg-type]
        assert ["$.amount"] == _paths(info.value)

    def test_zero_amount(self) -> None:
        """Zero money is valid."""
        amount = dm.Amount(value=Decimal("0.00"), unit=dm.MoneyUnit.YUAN)
        assert amount == FeeAmount(amount=amount).amount


class TestClaim:
    def test_valid_claims(self) -> None:
        """A figure about cells or claims and a percentage about a share construct."""
        assert "a" == _claim(about=dm.CellSum(paths=("x.y",))).id
        assert _claim(about=dm.ClaimSum(ids=("b",))).about == dm.ClaimSum(ids=("b",))
        percent = _claim(kind=dm.ClaimKind.PERCENT, value=Decimal("23.2"), about=_share("x"))
        assert Decimal("23.2") == percent.value

    def test_percent_about_cells(self) -> None:
        """A percentage is about a Share, never directly about cells."""
        with pytest.raises(
            dm.ValidationError, match="a percentage is a claim about a Share"
        ) as info:
            _claim(kind=dm.ClaimKind.PERCENT, about=dm.CellSum(paths=("x",)))
        assert ["$.about"] == _paths(info.value)

    def test_figure_about_a_share(self) -> None:
        """A figure is about cells or claims, never about a Share."""
        with pytest.raises(dm.ValidationError, match="a figure is a claim about") as info:
            _claim(about=_share("x"))
        assert ["$.about"] == _paths(info.value)

    @pytest.mark.parametrize("bad", ["", "A", "a b", "-a", ".a", "中文", "a/b", 3])
    def test_id(self, bad: object) -> None:
        """An id is lower-case ASCII letters, digits, '.', '_' or '-', starting alphanumeric."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(id=bad)
        assert ["$.id"] == _paths(info.value)

    @pytest.mark.parametrize("good", ["a", "0", "c6.page-views", "s2_1"])
    def test_good_ids(self, good: str) -> None:
        """Dotted, dashed and underscored ids are fine."""
        assert good == _claim(id=good).id

    @pytest.mark.parametrize("text", ["", "   ", None])
    def test_text_is_required(self, text: object) -> None:
        """A claim keeps the non-empty words it was read from."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(text=text)
        assert ["$.text"] == _paths(info.value)

    @pytest.mark.parametrize("scale", [0, 10, 1000, 10**12, True, 10_000.0])
    def test_scale(self, scale: object) -> None:
        """The scale is 1, 10000 (万) or 100000000 (亿), as an int."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(scale=scale)
        assert ["$.scale"] == _paths(info.value)

    def test_percent_has_no_scale(self) -> None:
        """A percentage cannot carry 万 or 亿."""
        with pytest.raises(dm.ValidationError, match="no 万/亿 scale") as info:
            _claim(kind=dm.ClaimKind.PERCENT, scale=10_000)
        assert ["$.scale"] == _paths(info.value)

    @pytest.mark.parametrize(
        "value", [129.0, 129, Decimal("NaN"), Decimal("Infinity"), Decimal(-1)]
    )
    def test_value(self, value: object) -> None:
        """A stated value is a finite, non-negative Decimal."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(value=value)
        assert ["$.value"] == _paths(info.value)

    @pytest.mark.parametrize("section", [-1, 1.0, True, "0"])
    def test_section_index(self, section: object) -> None:
        """A section is an int index >= 0 (or None)."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(section=section)
        assert ["$.section"] == _paths(info.value)

    def test_every_problem_is_listed(self) -> None:
        """All of a claim's problems are listed together."""
        with pytest.raises(dm.ValidationError) as info:
            _claim(id="X", text="", value=1.0, scale=3, unit="")
        assert ["$.id", "$.text", "$.value", "$.scale", "$.unit"] == _paths(info.value)

    @pytest.mark.parametrize(
        ("value", "decimals"),
        [("87.74", 2), ("14", 0), ("1.0", 1), ("0.05", 2), ("96171.60", 2)],
    )
    def test_decimals(self, value: str, decimals: int) -> None:
        """`decimals` is how many decimals the value was written with (trailing zeros count)."""
        assert decimals == _claim(value=Decimal(value)).decimals

    @pytest.mark.parametrize(
        ("value", "scale", "magnitude"),
        [("9.9", 10_000, "99000"), ("1.25", 100_000_000, "125000000"), ("129", 1, "129")],
    )
    def test_magnitude(self, value: str, scale: int, magnitude: str) -> None:
        """`magnitude` applies the 万/亿 scale: 9.9万 is 99000."""
        assert Decimal(magnitude) == _claim(value=Decimal(value), scale=scale).magnitude

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: dm.CellSum(paths=()), "$.paths"),
            (lambda: dm.CellSum(paths=["a"]), "$.paths"),
            (lambda: dm.CellSum(paths=("a", "")), "$.paths[1]"),
            (lambda: dm.ClaimSum(ids=()), "$.ids"),
            (lambda: dm.ClaimSum(ids=(3,)), "$.ids[0]"),
            (lambda: dm.Share(numerator=None, denominator=None), "$.denominator"),
            (
                lambda: dm.Share(numerator=_share("x"), denominator=dm.CellSum(paths=("x",))),
                "$.numerator",
            ),
        ],
    )
    def test_subjects(self, make: Any, path: str) -> None:
        """Subjects need a non-empty tuple of paths or ids; a share needs a denominator and
        operands that are sums."""
        with pytest.raises(dm.ValidationError) as info:
            make()
        assert [path] == _paths(info.value)


class TestOrganSourceSection:
    @pytest.mark.parametrize("code", [None, "320800", "320800001", "320800001001"])
    def test_division_codes(self, code: str | None) -> None:
        """A division code has 6, 9 or 12 digits, or is unknown."""
        assert (
            code == dm.Organ(name="x", level=dm.OrganLevel.CITY, division_code=code).division_code
        )

    @pytest.mark.parametrize(
        "code",
        [
            "32080",
            "3208000",
            "32080a",
            320800,
            pytest.param("320800\n", id="trailing-newline"),
            pytest.param("\u0663\u0662\u0660\u0668\u0660\u0660", id="arabic-indic-digits"),
            pytest.param("３２０８００", id="fullwidth-digits"),
        ],
    )
    def test_bad_division_codes(self, code: object) -> None:
        """Anything else (too short, letters, an int, non-ASCII digits) is refused."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Organ(name="x", level=dm.OrganLevel.CITY, division_code=code)  # type: ignore[arg-type]
        assert ["$.division_code"] == _paths(info.value)

    def test_organ_problems(self) -> None:
        """An organ needs a name and an OrganLevel (not its string value)."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Organ(name=" ", level="city")  # type: ignore[arg-type]
        assert ["$.name", "$.level"] == _paths(info.value)

    def test_source(self) -> None:
        """A source's sha256 is 64 lower-case hex digits; its URL is non-blank text."""
        assert SHA == dm.Source(sha256=SHA).sha256
        with pytest.raises(dm.ValidationError) as info:
            dm.Source(url="", sha256=SHA.upper())
        assert ["$.url", "$.sha256"] == _paths(info.value)

    def test_section(self) -> None:
        """A section's title is a heading or None; its text is a string (possibly empty)."""
        assert "" == dm.Section(title=None, text="").text
        with pytest.raises(dm.ValidationError) as info:
            dm.Section(title="", text=None)  # type: ignore[arg-type]
        assert ["$.title", "$.text"] == _paths(info.value)

    def test_levels(self) -> None:
        """Organ levels say whether the organ is a government or a department."""
        assert dm.OrganLevel.COUNTY.is_government
        assert not dm.OrganLevel.COUNTY.is_department
        assert dm.OrganLevel.CITY_DEPARTMENT.is_department
        assert not dm.OrganLevel.OTHER.is_government
        assert not dm.OrganLevel.OTHER.is_department

    def test_level_labels(self) -> None:
        """Each level names its kind of organ in Chinese and English."""
        assert Label("设区的市级人民政府", "city government") == dm.OrganLevel.CITY.label
        assert Label("国务院部门", "State Council department") == (
            dm.OrganLevel.STATE_COUNCIL_DEPARTMENT.label
        )
        assert "县级政府部门" == dm.OrganLevel.COUNTY_DEPARTMENT.label.zh
        assert 9 == len({level.label.zh for level in dm.OrganLevel})

    def test_wrong_value_messages(self) -> None:
        """A wrong value's problem says what was expected and what came, in both languages."""
        from disclosure_model.values import wrong_value

        problem = wrong_value("$.name", dm.ProblemKind.TEXT, "", "a name", "应为名称")
        assert "$.name: expected a name, got ''" == str(problem)
        assert "应为名称，实际为 ''" == problem.message_zh
        assert dm.ProblemKind.TEXT == problem.kind


class TestReport:
    @pytest.mark.parametrize(
        ("fmt", "stats"),
        [
            (dm.ReportFormat.GOV_2021, Statistics2019()),
            (dm.ReportFormat.GOV_2019, Statistics2021()),
            (dm.ReportFormat.LEGACY, Statistics2021()),
            (dm.ReportFormat.GOV_2021, LegacyStatistics()),
        ],
    )
    def test_statistics_must_match_the_format(self, fmt: dm.ReportFormat, stats: Any) -> None:
        """The statistics class must be the format's own."""
        with pytest.raises(dm.ValidationError, match=f"format {fmt.value} needs") as info:
            _report(format=fmt, statistics=stats)
        assert ["$.statistics"] == _paths(info.value)

    def test_types_and_ranges(self) -> None:
        """Wrong types and out-of-range years are all reported at once."""
        with pytest.raises(dm.ValidationError) as info:
            _report(organ=None, year=1999, title="", dated="2020-01-01", sections=[])
        expected = ["$.organ", "$.year", "$.title", "$.dated", "$.sections"]
        assert expected == _paths(info.value)

    @pytest.mark.parametrize("year", [1999, 2101, 2021.0, True, "2021"])
    def test_year(self, year: object) -> None:
        """The year is an int from 2000 to 2100."""
        with pytest.raises(dm.ValidationError) as info:
            _report(year=year)
        assert ["$.year"] == _paths(info.value)

    def test_format_is_the_enum(self) -> None:
        """The format is a ReportFormat, not its string value."""
        with pytest.raises(dm.ValidationError) as info:
            _report(format="gov-2021")
        assert ["$.format"] == _paths(info.value)

    def test_duplicate_claim_ids(self) -> None:
        """Claim ids are unique within a report."""
        with pytest.raises(dm.ValidationError, match="duplicate claim id 'a'") as info:
            _report(claims=(_claim(), _claim(text="其他")))
        assert ["$.claims[1].id"] == _paths(info.value)

    @pytest.mark.parametrize(
        "path",
        [
            "applications.nope.total",
            "applications.granted",
            "applications.other_total.total",  # a 2019 cell
            "proactive_total",  # a legacy cell
        ],
    )
    def test_cell_paths_must_be_in_the_catalogue(self, path: str) -> None:
        """A claim about cells names cells of the report's own format."""
        about = dm.CellSum(paths=("applications.granted.total", path))
        with pytest.raises(dm.ValidationError, match=f"gov-2021 has no cell '{path}'") as info:
            _report(claims=(_claim(about=about),))
        assert ["$.claims[0].about.paths[1]"] == _paths(info.value)

    def test_share_operands_are_checked(self) -> None:
        """Both operands of a share are checked against the catalogue and the claims."""
        share = dm.Share(numerator=dm.ClaimSum(ids=("zz",)), denominator=dm.CellSum(paths=("x",)))
        with pytest.raises(dm.ValidationError) as info:
            _report(claims=(_claim(kind=dm.ClaimKind.PERCENT, about=share),))
        expected = ["$.claims[0].about.numerator.ids[0]", "$.claims[0].about.denominator.paths[0]"]
        assert expected == _paths(info.value)

    def test_claim_ids_must_exist(self) -> None:
        """A claim about other claims names claims of the report."""
        with pytest.raises(dm.ValidationError, match="no claim with id 'b'") as info:
            _report(claims=(_claim(about=dm.ClaimSum(ids=("b",))),))
        assert ["$.claims[0].about.ids[0]"] == _paths(info.value)

    def test_claim_cannot_refer_to_itself(self) -> None:
        """A claim cannot be about itself."""
        with pytest.raises(dm.ValidationError, match="cannot refer to itself") as info:
            _report(claims=(_claim(about=dm.ClaimSum(ids=("a",))),))
        assert ["$.claims[0].about.ids[0]"] == _paths(info.value)

    def test_claims_may_refer_forward(self) -> None:
        """A claim may refer to a claim stated later in the report."""
        report = _report(claims=(_claim(about=dm.ClaimSum(ids=("b",))), _claim(id="b")))
        assert "b" == report.claim("b").id

    def test_section_index_in_range(self) -> None:
        """A claim's section index must name one of the report's sections."""
        sections = (dm.Section(title=None, text="x"),)
        assert 0 == _report(sections=sections, claims=(_claim(section=0),)).claims[0].section
        with pytest.raises(dm.ValidationError, match="no section 1: the report has 1") as info:
            _report(sections=sections, claims=(_claim(section=1),))
        assert ["$.claims[0].section"] == _paths(info.value)

    def test_every_link_problem_is_listed(self) -> None:
        """All bad links of all claims are reported together."""
        claims = (
            _claim(about=dm.CellSum(paths=("nope",))),
            _claim(id="b", section=3, about=dm.ClaimSum(ids=("b", "zz"))),
        )
        with pytest.raises(dm.ValidationError) as info:
            _report(claims=claims)
        expected = [
            "$.claims[0].about.paths[0]",
            "$.claims[1].section",
            "$.claims[1].about.ids[0]",
            "$.claims[1].about.ids[1]",
        ]
        assert expected == _paths(info.value)

    def test_claims_and_sections_are_tuples_of_their_class(self) -> None:
        """Claims and sections are tuples of Claim and Section."""
        with pytest.raises(dm.ValidationError) as info:
            _report(claims=[_claim()])
        assert ["$.claims"] == _paths(info.value)
        with pytest.raises(dm.ValidationError) as info:
            _report(sections=("text",))
        assert ["$.sections[0]"] == _paths(info.value)

    def test_lookups(self) -> None:
        """`claim(id)` finds a claim (KeyError otherwise); `section(prefix)` a heading."""
        report = report_2021()
        assert "c3" == report.claim("c3").id
        with pytest.raises(KeyError, match="no claim with id 'zz'"):
            report.claim("zz")
        section = report.section("一、")
        assert section is not None
        assert "一、总体情况" == section.title
        assert report.section("九、") is None

    def test_evolve_revalidates(self) -> None:
        """Changing a report through `attrs.evolve` checks the result like a constructor."""
        report = report_2021()
        assert 2022 == attrs.evolve(report, year=2022).year
        with pytest.raises(dm.ValidationError) as info:
            attrs.evolve(report, year=1999)
        assert ["$.year"] == _paths(info.value)

    def test_dates(self) -> None:
        """`dated` and `published` are dates (a datetime is not a date of the report)."""
        assert date(2022, 1, 20) == report_2021().dated
        with pytest.raises(dm.ValidationError) as info:
            _report(published=datetime(2022, 1, 1, 12, 0))
        assert ["$.published"] == _paths(info.value)


class TestImmutability:
    @pytest.mark.parametrize(
        ("make", "attribute"),
        [
            (report_2021, "year"),
            (lambda: report_2021().organ, "name"),
            (lambda: report_2021().statistics, "applications"),
            (lambda: report_2021().statistics.applications.granted, "total"),
            (lambda: report_2021().claims[0], "value"),
            (lambda: dm.Amount(value=Decimal(1)), "value"),
            (lambda: legacy_report().statistics, "proactive_total"),
        ],
    )
    def test_frozen(self, make: Any, attribute: str) -> None:
        """Every model object is immutable: assignment raises FrozenInstanceError."""
        obj = make()
        with pytest.raises(FrozenInstanceError):
            setattr(obj, attribute, 0)

    @pytest.mark.parametrize("make", [report_2021, report_2019, legacy_report])
    def test_equal_and_hashable(self, make: Any) -> None:
        """Reports built alike are equal and hash alike, so they can key dicts and sets."""
        assert make() == make()
        assert hash(make()) == hash(make())
        assert 1 == len({make(), make()})

    def test_keyword_only(self) -> None:
        """Counts are keyword-only, so two cannot be swapped by position."""
        with pytest.raises(TypeError):
            ApplicantCounts(1, 2)  # type: ignore[misc]

    def test_unequal_when_a_cell_differs(self) -> None:
        """Two reports differing in one cell are unequal."""
        stats = report_2019().statistics
        changed = attrs.evolve(
            stats,
            active=attrs.evolve(stats.active, licensing=ItemCounts(items_change=-8)),
        )
        assert report_2019() != attrs.evolve(report_2019(), statistics=changed)
