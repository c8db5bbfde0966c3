"""Ratios: exact values, checked against hand computation on the bundled examples."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

import disclosure_model as dm
from disclosure_model.ratio_catalogue import RatioKind, ratio_specs


class TestRatioValue:
    def test_exact(self) -> None:
        """A ratio keeps its numerator and denominator and computes exactly."""
        r = dm.Ratio(numerator=57, denominator=129)
        assert Fraction(57, 129) == r.value
        assert Decimal("0.4419") == r.decimal(4)

    @pytest.mark.parametrize(
        ("numerator", "denominator"), [(0, 0), (5, 0), (None, 10), (3, None), (1, -1)]
    )
    def test_undefined(self, numerator: int | None, denominator: int | None) -> None:
        """No value when the denominator is 0 (or below) or a part is not stated."""
        r = dm.Ratio(numerator=numerator, denominator=denominator)
        assert r.value is None
        assert not r.defined
        assert math.isnan(float(r))
        assert "—" == r.percent(locale="zh_CN")

    def test_percent_rounds_half_up_per_locale(self) -> None:
        """Percentages are rounded half up (not to even) and formatted by babel."""
        assert "0.8%" == dm.Ratio(numerator=1, denominator=129).percent(locale="en")
        assert "23.3%" == dm.Ratio(numerator=30, denominator=129).percent(locale="zh_CN")
        assert "12.5%" == dm.Ratio(numerator=1, denominator=8).percent(locale="en")
        assert "13%" == dm.Ratio(numerator=1, denominator=8).percent(locale="en", decimals=0)
        assert "44,19\xa0%" == dm.Ratio(numerator=57, denominator=129).percent(
            locale="de_DE", decimals=2
        )

    def test_scale(self) -> None:
        """A per-100 ratio carries its scale in its value."""
        assert Fraction(1300, 129) == dm.Ratio(numerator=13, denominator=129, scale=100).value

    @pytest.mark.parametrize("bad", [1.0, True, "3"])
    def test_parts_are_ints(self, bad: object) -> None:
        """A ratio is made of counts: floats, bools and strings are refused."""
        with pytest.raises(dm.ValidationError):
            dm.Ratio(numerator=bad, denominator=3)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def huaian() -> dict[str, dm.Ratio]:
    return dict(dm.ratios(dm.examples.load("huaian-2024")))


@pytest.fixture(scope="module")
def baoshan() -> dict[str, dm.Ratio]:
    return dict(dm.ratios(dm.examples.load("baoshan-2018")))


class TestHuaian2024:
    """淮安市人民政府 2024 (2021 format): every ratio by hand from the published tables."""

    @pytest.mark.parametrize(
        ("code", "numerator", "denominator"),
        [
            ("disclosure_rate", 1362 + 454, 3050),
            ("full_disclosure_rate", 1362, 3050),
            ("denial_rate", 2 + 31 + 5 + 6 + 8 + 12 + 9 + 105, 3050),
            ("unable_rate", 769 + 11 + 1, 3050),
            ("not_held_share", 769, 3050),
            ("not_processed_rate", 62 + 25 + 0 + 0 + 1, 3050),
            ("other_rate_2021", 71 + 6 + 110, 3050),
            ("completion_rate", 3050, 3119 + 34),
            ("backlog_rate", 103, 3119 + 34),
            ("natural_person_share", 3001, 3119),
            ("legal_person_share", 53 + 0 + 0 + 61 + 4, 3119),
            ("review_correction_rate", 64, 351 - 37),
            ("litigation_correction_rate", 4 + 1, (26 - 1) + (20 - 6)),
            ("litigation_direct_correction_rate", 4, 26 - 1),
            ("litigation_after_review_correction_rate", 1, 20 - 6),
            ("disputes_per_100_applications", 351 + 26 + 20, 3119),
            ("net_normative_documents", 8 - 26, 1),
            ("net_regulations", 1 - 0, 1),
        ],
    )
    def test_by_hand(
        self, huaian: dict[str, dm.Ratio], code: str, numerator: int, denominator: int
    ) -> None:
        """Each ratio's numerator and denominator are the sums a reader makes by hand."""
        assert (numerator, denominator) == (huaian[code].numerator, huaian[code].denominator)

    def test_catalogue_order_and_format(self, huaian: dict[str, dm.Ratio]) -> None:
        """The 2021 report gets exactly the ratios of its format, in catalogue order."""
        assert [s.code for s in ratio_specs("gov-2021")] == list(huaian)
        assert "other_rate_2019" not in huaian

    def test_per_100(self, huaian: dict[str, dm.Ratio]) -> None:
        """Disputes per 100 applications: 397 reviews and lawsuits over 3,119 → 12.73."""
        assert Decimal("12.73") == huaian["disputes_per_100_applications"].decimal(2)


class TestBaoshan2018:
    """保山 2018 (legacy): ratios from the prose figures; unstated parts give no value."""

    def test_stated(self, baoshan: dict[str, dm.Ratio]) -> None:
        """Ratios whose cells the report states, by hand."""
        assert Fraction(57 + 29 + 6, 129) == baoshan["legacy_disclosure_rate"].value
        assert Fraction(13, 129) == baoshan["legacy_denial_rate"].value
        assert Fraction(46, 129) == baoshan["online_share"].value
        assert Fraction(1, 7) == baoshan["legacy_review_correction_rate"].value
        assert Fraction(1300, 129) == baoshan["legacy_disputes_per_100_applications"].value

    def test_not_stated_is_no_value(self, baoshan: dict[str, dm.Ratio]) -> None:
        """A ratio needing an unstated cell has no value and names the cell."""
        assert baoshan["on_time_rate"].value is None
        assert ("completed_on_time", "applications_completed") == baoshan["on_time_rate"].missing
        assert ("staff_full_time",) == baoshan["full_time_staff_share"].missing
        assert ("litigation_corrected",) == baoshan["legacy_litigation_correction_rate"].missing


class TestCatalogue:
    def test_codes_unique_and_cells_exist(self) -> None:
        """Codes are unique, and every cell a definition names is in its formats' catalogues."""
        codes = [s.code for s in ratio_specs()]
        assert len(codes) == len(set(codes))
        for spec in ratio_specs():
            for fmt in spec.formats:
                cat = dm.catalogue(fmt)
                for term in (*spec.numerator, *spec.denominator):
                    assert term.path in cat, (spec.code, fmt, term.path)

    def test_group_rows_come_from_the_declaration(self) -> None:
        """The denial rate sums the eight rows grouped under （三）不予公开 on the form."""
        (spec,) = [s for s in ratio_specs("gov-2019") if s.code == "denial_rate"]
        assert 8 == len(spec.numerator)
        assert all(t.path.startswith("applications.denied_") for t in spec.numerator)

    def test_kinds(self, huaian: dict[str, dm.Ratio], baoshan: dict[str, dm.Ratio]) -> None:
        """DOMAIN.md §5: the net changes are documents issued minus repealed (2021), the
        per-100 figures are disputes per 100 applications; every other ratio is a part over
        its whole. On the two examples a net change is over 1, a per-100 figure is 100 times
        its fraction, and a share lies between 0 and 1 (both reports are consistent)."""
        net = {"net_normative_documents", "net_regulations"}
        per_100 = {"disputes_per_100_applications", "legacy_disputes_per_100_applications"}
        kinds = {s.code: s.kind for s in ratio_specs()}
        assert net == {c for c, k in kinds.items() if k is RatioKind.NET}
        assert per_100 == {c for c, k in kinds.items() if k is RatioKind.PER_100}
        for code, r in (*huaian.items(), *baoshan.items()):
            if code in net:
                assert 1 == r.denominator, code
            elif code in per_100:
                assert Fraction(100 * r.numerator, r.denominator) == r.value, code  # type: ignore[operator]
            elif r.value is not None:
                assert 0 <= r.value <= 1, code
