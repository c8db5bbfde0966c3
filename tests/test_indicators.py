"""Harmonised indicators: the mappings, hand-computed values, properties, the docs table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.formats import ReportFormat
from disclosure_model.indicators import (
    INDICATORS,
    MAPPINGS,
    Indicator,
    IndicatorMapping,
    harmonise,
    harmonised_table,
    indicator_mapping,
    indicator_specs,
)
from disclosure_model.ratio_catalogue import Term

CODES = tuple(s.code for s in INDICATORS)
OUTCOMES = (
    "granted",
    "partially_granted",
    "denied",
    "unable_to_provide",
    "not_processed",
    "handled_otherwise",
)
PAGE = Path(__file__).parent.parent / "docs" / "reference" / "indicators.md"


def values(report: dm.Report) -> dict[str, int | None]:
    return {code: ind.value for code, ind in harmonise(report).items()}


class TestCatalogue:
    def test_codes_unique(self) -> None:
        """Indicator codes are unique, and indicator_specs() is the catalogue."""
        assert len(CODES) == len(set(CODES))
        assert INDICATORS == indicator_specs()

    def test_one_mapping_per_indicator_and_format(self) -> None:
        """Every indicator is mapped once in every format."""
        pairs = [(m.indicator, m.format) for m in MAPPINGS]
        assert len(pairs) == len(set(pairs))
        assert {(c, f) for c in CODES for f in ReportFormat} == set(pairs)

    def test_cells_exist_and_are_counts(self) -> None:
        """Every mapped cell is a count of its format's catalogue."""
        for m in MAPPINGS:
            cat = dm.catalogue(m.format)
            for path in m.cells:
                assert path in cat, (m.indicator, m.format, path)
                assert dm.CellKind.COUNT is cat[path].kind, (m.indicator, path)

    def test_every_mapping_has_a_reason(self) -> None:
        """Each mapping says why, in Chinese and in English."""
        for m in MAPPINGS:
            assert m.reason.zh.strip(), m
            assert m.reason.en.strip(), m

    @pytest.mark.parametrize("fmt", [ReportFormat.GOV_2019, ReportFormat.GOV_2021])
    def test_new_formats_map_exactly(self, fmt: ReportFormat) -> None:
        """The 2019 and 2021 formats give every indicator exactly, from 总计 cells."""
        for code in CODES:
            m = indicator_mapping(code, fmt)
            assert m.exact, code
            assert m.cells, code

    def test_legacy_approximations(self) -> None:
        """Legacy maps approximately where the concepts differ, and has no carry-over."""
        legacy = {m.indicator: m for m in MAPPINGS if m.format is ReportFormat.LEGACY}
        expected = {
            "received": (True, ("applications_received",)),
            "carried_over": (False, ()),
            "decided": (False, ("applications_replied",)),
            "granted": (False, ("reply_already_public", "reply_granted")),
            "partially_granted": (True, ("reply_partially_granted",)),
            "denied": (False, ("reply_refused",)),
            "unable_to_provide": (False, ("reply_not_this_organ", "reply_not_exist")),
            "not_processed": (False, ("reply_other_channel",)),
            "handled_otherwise": (False, ("reply_ask_amend",)),
            "carried_forward": (False, ()),
            "reviews": (True, ("review_total",)),
            "reviews_corrected": (True, ("review_corrected",)),
            "lawsuits": (True, ("litigation_total",)),
            "lawsuits_corrected": (True, ("litigation_corrected",)),
        }
        assert expected == {code: (m.exact, m.cells) for code, m in legacy.items()}

    def test_group_rows_come_from_the_declaration(self) -> None:
        """不予公开 is the eight rows the form groups under （三）; （六） is one row in 2019
        and three in 2021."""
        denied = indicator_mapping("denied", "gov-2019")
        assert 8 == len(denied.cells)
        assert all(re.fullmatch(r"applications\.denied_\w+\.total", p) for p in denied.cells)
        assert ("applications.other_total.total",) == indicator_mapping(
            "handled_otherwise", "gov-2019"
        ).cells
        assert (
            "applications.other_no_correction.total",
            "applications.other_unpaid_fee.total",
            "applications.other_other.total",
        ) == indicator_mapping("handled_otherwise", "gov-2021").cells

    def test_no_cell_cannot_be_exact(self) -> None:
        """A mapping without cells is refused if marked exact."""
        with pytest.raises(ValueError, match="without cells cannot be exact"):
            IndicatorMapping(
                indicator="x",
                format=ReportFormat.LEGACY,
                terms=(),
                exact=True,
                reason=dm.formats.Label("", ""),
            )

    def test_unknown_indicator(self) -> None:
        """Asking for an indicator that does not exist is a KeyError naming it."""
        with pytest.raises(KeyError, match="no indicator 'nope'"):
            indicator_mapping("nope", "gov-2021")


class TestHuaian2024:
    """淮安市人民政府 2024 (2021 format): every indicator by hand from the published tables."""

    def test_by_hand(self) -> None:
        """The indicators are the sums a reader makes from tables 三 and 四."""
        expected = {
            "received": 3119,
            "carried_over": 34,
            "decided": 3050,
            "granted": 1362,
            "partially_granted": 454,
            "denied": 2 + 31 + 5 + 6 + 8 + 12 + 9 + 105,
            "unable_to_provide": 769 + 11 + 1,
            "not_processed": 62 + 25 + 0 + 0 + 1,
            "handled_otherwise": 71 + 6 + 110,
            "carried_forward": 103,
            "reviews": 351,
            "reviews_corrected": 64,
            "lawsuits": 26 + 20,
            "lawsuits_corrected": 4 + 1,
        }
        assert expected == values(dm.examples.load("huaian-2024"))

    def test_every_indicator_exact_and_complete(self) -> None:
        """A fully stated 2021 report has every indicator, exactly, with nothing missing."""
        found = harmonise(dm.examples.load("huaian-2024"))
        assert list(CODES) == list(found)
        assert all(i.exact and not i.missing for i in found.values())

    def test_indicator_record(self) -> None:
        """An indicator names the cells it read and why."""
        lawsuits = harmonise(dm.examples.load("huaian-2024"))["lawsuits"]
        assert (
            Indicator(
                code="lawsuits",
                value=46,
                exact=True,
                cells=(
                    "reviews.litigation_direct.total",
                    "reviews.litigation_after_review.total",
                ),
                missing=(),
                reason=indicator_mapping("lawsuits", "gov-2021").reason,
            )
            == lawsuits
        )


class TestBaoshan2018:
    """保山 2018 (legacy): approximate mappings of the answer categories, no carry-over."""

    def test_by_hand(self) -> None:
        """The legacy figures the report states, mapped and added by hand."""
        expected = {
            "received": 129,
            "carried_over": None,
            "decided": 129,
            "granted": 57 + 29,
            "partially_granted": 6,
            "denied": 13,
            "unable_to_provide": 7 + 6,
            "not_processed": 10,
            "handled_otherwise": 1,
            "carried_forward": None,
            "reviews": 7,
            "reviews_corrected": 1,
            "lawsuits": 6,
            "lawsuits_corrected": None,
        }
        assert expected == values(dm.examples.load("baoshan-2018"))

    def test_no_legacy_cell(self) -> None:
        """Carried over has no legacy cell: no value, nothing missing, and the reason says so."""
        carried = harmonise(dm.examples.load("baoshan-2018"))["carried_over"]
        assert (None, False, (), ()) == (
            carried.value,
            carried.exact,
            carried.cells,
            carried.missing,
        )
        assert "no row" in carried.reason.en

    def test_unstated_cell(self) -> None:
        """A mapped cell the report leaves blank gives no value, and is named."""
        corrected = harmonise(dm.examples.load("baoshan-2018"))["lawsuits_corrected"]
        assert (None, ("litigation_corrected",)) == (corrected.value, corrected.missing)

    def test_outcomes_add_up_to_decided(self) -> None:
        """The six outcome indicators add up to decided, as the answers add up to 答复数."""
        found = values(dm.examples.load("baoshan-2018"))
        assert found["decided"] == sum(found[c] or 0 for c in OUTCOMES)


class TestExcerpts2020:
    """The two 2020 excerpts (2019 format) state table 二 only: tables 三 and 四 are blank."""

    @pytest.mark.parametrize("name", ["huichang-zhongcun-2020", "yuanling-eryou-2020"])
    def test_unstated_is_none_never_zero(self, name: str) -> None:
        """Every indicator is None (not 0), and names the blank cells it needed."""
        found = harmonise(dm.examples.load(name))
        assert dict.fromkeys(CODES) == {c: i.value for c, i in found.items()}
        assert all(i.missing == i.cells and i.cells for i in found.values())


def _mapped_sum(report: dm.Report, terms: tuple[Term, ...]) -> int | None:
    cells = [report.statistics.cell(t.path) for t in terms]
    if not terms or any(c is None for c in cells):
        return None
    return sum(t.sign * c for t, c in zip(terms, cells, strict=True))  # type: ignore[misc]


class TestProperties:
    @given(dms.reports(consistent=False, with_blanks=True))
    def test_totals_are_the_sums_of_the_mapped_cells(self, report: dm.Report) -> None:
        """Each indicator is the sum of its mapped cells, or None exactly when one is blank."""
        for code, found in harmonise(report).items():
            m = indicator_mapping(code, report.format)
            assert _mapped_sum(report, m.terms) == found.value
            blank = tuple(p for p in m.cells if report.statistics.cell(p) is None)
            assert blank == found.missing

    @given(dms.reports())
    def test_outcomes_add_up_for_consistent_reports(self, report: dm.Report) -> None:
        """In a consistent report of any format, the outcome indicators add up to decided."""
        found = values(report)
        assert found["decided"] == sum(found[c] for c in OUTCOMES)  # type: ignore[misc]

    @given(dms.reports(format="gov-2021") | dms.reports(format="gov-2019"))
    def test_balance_for_consistent_reports(self, report: dm.Report) -> None:
        """Received plus carried over equals decided plus carried forward (the 勾稽关系)."""
        found = values(report)
        assert (
            found["received"] + found["carried_over"]  # type: ignore[operator]
            == found["decided"] + found["carried_forward"]  # type: ignore[operator]
        )


# --- the mapping table of docs/reference/indicators.md --------------------------------------


def _table_rows(text: str, cells: int) -> list[tuple[str, ...]]:
    """The body rows of the Markdown tables of ``text`` that have ``cells`` cells."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        row = tuple(c.strip() for c in line.strip().strip("|").split(" | "))
        if len(row) == cells:
            rows.append(row)
    return rows


def expected_indicator_rows() -> list[tuple[str, ...]]:
    return [(f"`{s.code}`", s.name.zh, s.name.en, s.unit.value) for s in INDICATORS]


def expected_mapping_rows() -> list[tuple[str, ...]]:
    return [
        (
            f"`{r.indicator}`",
            f"`{r.format.value}`",
            r.cells,
            r.status,
            r.reason.en,
        )
        for r in harmonised_table()
    ]


def _markdown(rows: list[tuple[str, ...]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


class TestDocsPage:
    def test_indicator_table(self) -> None:
        """The page lists the indicators of the catalogue, in order."""
        expected = expected_indicator_rows()
        actual = _table_rows(PAGE.read_text(encoding="utf-8"), 4)
        assert expected == actual, "expected rows:\n" + _markdown(expected)

    def test_mapping_table(self) -> None:
        """The page's mapping table is harmonised_table(), row by row."""
        expected = expected_mapping_rows()
        actual = _table_rows(PAGE.read_text(encoding="utf-8"), 5)
        assert expected == actual, "expected rows:\n" + _markdown(expected)

    def test_table_shape(self) -> None:
        """One row per indicator and format: 2021, 2019, then legacy for each indicator."""
        rows = harmonised_table()
        assert len(INDICATORS) * 3 == len(rows)
        assert [ReportFormat.GOV_2021, ReportFormat.GOV_2019, ReportFormat.LEGACY] == [
            r.format for r in rows[:3]
        ]
