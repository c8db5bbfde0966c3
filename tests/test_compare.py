"""Year over year: deltas and growth, and when two reports are not comparable."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.comparison import Change, Incomparability, compare
from disclosure_model.formats import CaseOutcomes
from disclosure_model.indicators import INDICATORS


@pytest.fixture(scope="module")
def huaian() -> dm.Report:
    return dm.examples.load("huaian-2024")


def previous_year(report: dm.Report) -> dm.Report:
    """淮安 2024 turned into a made-up 2023: fewer applications, other reviews."""
    stats = report.statistics
    assert isinstance(stats, dm.Statistics2021)
    apps = stats.applications
    return attrs.evolve(
        report,
        year=2023,
        statistics=attrs.evolve(
            stats,
            applications=attrs.evolve(
                apps,
                new_received=attrs.evolve(apps.new_received, total=2500),
                granted=attrs.evolve(apps.granted, total=1000),
                carried_forward=attrs.evolve(apps.carried_forward, total=None),
            ),
            reviews=attrs.evolve(
                stats.reviews,
                review=CaseOutcomes(upheld=50, corrected=0, other=100, pending=0, total=150),
            ),
        ),
    )


class TestDeltas:
    def test_indicators(self, huaian: dm.Report) -> None:
        """Deltas and growth of the indicators, by hand."""
        c = compare(huaian, previous_year(huaian))
        received = c.indicators["received"]
        assert (3119, 2500, 619) == (received.this, received.last, received.delta)
        assert Fraction(619, 2500) == received.growth.value
        granted = c.indicators["granted"]
        assert (1362 - 1000, Fraction(362, 1000)) == (granted.delta, granted.growth.value)
        assert 0 == c.indicators["denied"].delta
        assert Fraction(0) == c.indicators["denied"].growth.value
        assert all(ch.exact for ch in c.indicators.values())

    def test_missing_side_has_no_delta(self, huaian: dm.Report) -> None:
        """An indicator not stated last year has no delta and no growth, and says why."""
        forward = compare(huaian, previous_year(huaian)).indicators["carried_forward"]
        assert (103, None, None, None) == (
            forward.this,
            forward.last,
            forward.delta,
            forward.growth.value,
        )
        assert ("last year applications.carried_forward.total",) == forward.growth.missing

    def test_zero_base_has_no_growth(self, huaian: dm.Report) -> None:
        """Growth from 0 is not defined; the delta still is."""
        corrected = compare(huaian, previous_year(huaian)).indicators["reviews_corrected"]
        assert (64, 0, 64) == (corrected.this, corrected.last, corrected.delta)
        assert corrected.growth.value is None

    def test_ratios(self, huaian: dm.Report) -> None:
        """Ratios compare exactly: delta of the two fractions, growth relative to last year."""
        c = compare(huaian, previous_year(huaian))
        review = c.ratios["review_correction_rate"]
        this, last = Fraction(64, 351 - 37), Fraction(0, 150)
        assert (this, last, this - last) == (review.this, review.last, review.delta)
        assert review.growth.value is None  # from 0
        full = c.ratios["full_disclosure_rate"]
        assert Fraction(1362, 3050) - Fraction(1000, 3050) == full.delta
        assert Fraction(362, 1000) == full.growth.value
        assert full.exact

    def test_negative_base_has_no_growth(self, huaian: dm.Report) -> None:
        """A net change below 0 last year gives no growth (a negative base means nothing)."""
        net = compare(huaian, huaian).ratios["net_normative_documents"]
        assert (Fraction(-18), Fraction(-18), Fraction(0)) == (net.this, net.last, net.delta)
        assert net.growth.value is None

    def test_same_format_has_every_shared_ratio(self, huaian: dm.Report) -> None:
        """Two 2021 reports compare every 2021 ratio, in catalogue order."""
        assert list(dm.ratios(huaian)) == list(compare(huaian, previous_year(huaian)).ratios)

    def test_indicators_in_catalogue_order(self, huaian: dm.Report) -> None:
        """Every harmonised indicator, whatever the formats."""
        c = compare(huaian, dm.examples.load("baoshan-2018"))
        assert [s.code for s in INDICATORS] == list(c.indicators)

    def test_growth_of_a_count(self) -> None:
        """A Change is a plain record: growth keeps the exact delta over the base."""
        change = Change(
            code="x",
            this=3,
            last=2,
            delta=1,
            growth=dm.Ratio(numerator=1, denominator=2),
            exact=True,
        )
        assert "50.0%" == change.growth.percent(locale="en")

    def test_applicant_columns_do_not_matter(self, huaian: dm.Report) -> None:
        """Only the 总计 column feeds the indicators."""
        stats = huaian.statistics
        assert isinstance(stats, dm.Statistics2021)
        apps = stats.applications
        blanked = attrs.evolve(
            huaian,
            statistics=attrs.evolve(
                stats,
                applications=attrs.evolve(
                    apps, granted=attrs.evolve(apps.granted, natural_person=None)
                ),
            ),
        )
        assert all(ch.delta == 0 for ch in compare(huaian, blanked).indicators.values())


class TestComparable:
    def test_consecutive_same_organ(self, huaian: dm.Report) -> None:
        """The same organ, consecutive years, the same format: comparable."""
        c = compare(huaian, previous_year(huaian))
        assert (True, ()) == (c.comparable, c.reasons)

    def test_different_organ(self, huaian: dm.Report) -> None:
        """A different organ is not comparable, and the reason names both."""
        other = attrs.evolve(
            previous_year(huaian), organ=dm.Organ(name="宿迁市人民政府", level=dm.OrganLevel.CITY)
        )
        c = compare(huaian, other)
        assert not c.comparable
        assert [Incomparability.ORGAN] == [r.kind for r in c.reasons]
        assert "宿迁市人民政府" in c.reasons[0].message.zh
        assert 619 == c.indicators["received"].delta  # still computed

    @pytest.mark.parametrize("year", [2022, 2024, 2025])
    def test_not_consecutive(self, huaian: dm.Report, year: int) -> None:
        """Last year's report must be for the year before."""
        c = compare(huaian, attrs.evolve(previous_year(huaian), year=year))
        assert [Incomparability.YEARS] == [r.kind for r in c.reasons]
        assert f"{year} and 2024" in c.reasons[0].message.en

    def test_legacy_to_2021_is_a_format_break(self, huaian: dm.Report) -> None:
        """Across the legacy→2021 break the approximate indicators make it incomparable."""
        baoshan = dm.examples.load("baoshan-2018")
        last = attrs.evolve(baoshan, organ=huaian.organ, year=2023)
        c = compare(huaian, last)
        assert [Incomparability.FORMAT] == [r.kind for r in c.reasons]
        assert "granted" in c.reasons[0].message.en
        assert not c.indicators["granted"].exact
        assert c.indicators["reviews"].exact
        assert (351, 7, 344) == (
            c.indicators["reviews"].this,
            c.indicators["reviews"].last,
            c.indicators["reviews"].delta,
        )
        assert {} == dict(c.ratios)  # the legacy ratios are other ratios

    def test_2019_to_2021_is_no_break(self, huaian: dm.Report) -> None:
        """The 2019 and 2021 formats map exactly: comparable across the change."""
        data = dm.to_dict(dm.examples.load("yuanling-eryou-2020"))
        data["organ"] = dm.to_dict(huaian)["organ"]
        data["year"] = 2023
        c = compare(huaian, dm.from_dict(data))
        assert (True, ()) == (c.comparable, c.reasons)
        assert c.indicators["received"].delta is None  # 2020 excerpt: table 三 blank
        assert "other_rate_2021" not in c.ratios
        assert "disclosure_rate" in c.ratios

    def test_everything_at_once(self, huaian: dm.Report) -> None:
        """Every reason is given, in order: organ, years, format."""
        c = compare(huaian, dm.examples.load("baoshan-2018"))
        assert [Incomparability.ORGAN, Incomparability.YEARS, Incomparability.FORMAT] == [
            r.kind for r in c.reasons
        ]

    def test_frozen_and_read_only(self, huaian: dm.Report) -> None:
        """A comparison is immutable and hashable, its mappings read-only."""
        c = compare(huaian, previous_year(huaian))
        assert hash(c) == hash(compare(huaian, previous_year(huaian)))
        with pytest.raises(TypeError):
            c.indicators["received"] = c.indicators["granted"]  # type: ignore[index]


#: Indicators and their cells, by format (DOMAIN.md §1.3, §1.4 and §3): table 三's 总计
#: column; lawsuits are the direct ones and those after reconsideration together.
_CELLS: dict[str, dict[str, tuple[str, ...]]] = {
    "received": {
        "gov-2019": ("applications.new_received.total",),
        "gov-2021": ("applications.new_received.total",),
        "legacy-2014": ("applications_received",),
    },
    "carried_over": {
        "gov-2019": ("applications.carried_over.total",),
        "gov-2021": ("applications.carried_over.total",),
        "legacy-2014": (),
    },
    "carried_forward": {
        "gov-2019": ("applications.carried_forward.total",),
        "gov-2021": ("applications.carried_forward.total",),
    },
    "reviews": {
        "gov-2019": ("reviews.review.total",),
        "gov-2021": ("reviews.review.total",),
        "legacy-2014": ("review_total",),
    },
    "lawsuits": {
        "gov-2019": (
            "reviews.litigation_direct.total",
            "reviews.litigation_after_review.total",
        ),
        "gov-2021": (
            "reviews.litigation_direct.total",
            "reviews.litigation_after_review.total",
        ),
        "legacy-2014": ("litigation_total",),
    },
}


def _value(report: dm.Report, cells: dict[str, tuple[str, ...]]) -> int | None:
    """The sum of an indicator's cells in ``report``; ``None`` if the format has none."""
    paths = cells.get(report.format.value, ())
    values = [report.statistics.cell(p) for p in paths]
    if not paths or not all(isinstance(v, int) for v in values):
        return None
    return sum(values)  # type: ignore[arg-type]


class TestProperties:
    @given(dms.consecutive_reports())
    def test_consecutive_reports(self, pair: tuple[dm.Report, dm.Report]) -> None:
        """Consistent consecutive reports: each indicator's values are the cells DOMAIN.md
        names (typed here), its delta their difference, and carry-over continues (R-06)."""
        last, this = pair
        c = compare(this, last)
        breaks = this.format is not last.format and dm.ReportFormat.LEGACY in {
            this.format,
            last.format,
        }
        assert ([Incomparability.FORMAT] if breaks else []) == [r.kind for r in c.reasons]
        for code, cells in _CELLS.items():
            now, before = _value(this, cells), _value(last, cells)
            change = c.indicators[code]
            assert (now, before) == (change.this, change.last), code
            delta = None if now is None or before is None else now - before
            assert delta == change.delta, code
        if {this.format, last.format}.isdisjoint({dm.ReportFormat.LEGACY}):
            assert this.statistics.cell("applications.carried_over.total") == last.statistics.cell(
                "applications.carried_forward.total"
            )
            assert c.indicators["carried_over"].this == c.indicators["carried_forward"].last

    @given(dms.reports(consistent=False, with_blanks=True), dms.reports(consistent=False))
    def test_never_raises(self, this: dm.Report, last: dm.Report) -> None:
        """Any two reports compare; a delta exists exactly when both values do."""
        c = compare(this, last)
        assert c.comparable == (not c.reasons)
        for change in (*c.indicators.values(), *c.ratios.values()):
            assert (change.delta is None) == (change.this is None or change.last is None)
