"""The three statistics formats: their catalogues, labels, differences and derived rows."""

from __future__ import annotations

import collections
from decimal import Decimal

import pytest
from hypothesis import given
from tests._reports import applicants, statistics

import disclosure_model as dm
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    ApplicantCounts,
    Applications2019,
    Applications2021,
    CaseOutcomes,
    CombinedFigure,
    LegacyStatistics,
    ReviewsLitigation,
    Statistics2019,
    Statistics2021,
    statistics_class,
)
from disclosure_model.formats._declare import sum_rows

GOV_2019 = dm.ReportFormat.GOV_2019
GOV_2021 = dm.ReportFormat.GOV_2021
LEGACY = dm.ReportFormat.LEGACY
COLUMNS = (
    "natural_person",
    "legal_commercial",
    "legal_research",
    "legal_public_welfare",
    "legal_law_service",
    "legal_other",
    "total",
)


def _rows(fmt: dm.ReportFormat, table: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = collections.defaultdict(list)
    for e in dm.catalogue(fmt):
        if e.table == table:
            rows[e.row].append(e.column)
    return dict(rows)


class TestCatalogueSizes:
    @pytest.mark.parametrize(("fmt", "cells"), [(GOV_2021, 200), (GOV_2019, 198), (LEGACY, 61)])
    def test_number_of_cells(self, fmt: dm.ReportFormat, cells: int) -> None:
        """Each format has exactly as many cells as its official form."""
        assert cells == len(dm.catalogue(fmt))

    @pytest.mark.parametrize(("fmt", "rows"), [(GOV_2021, 25), (GOV_2019, 23)])
    def test_applications_table_is_rows_by_seven_columns(
        self, fmt: dm.ReportFormat, rows: int
    ) -> None:
        """Table 三 is 25 rows (2021) or 23 rows (2019), each with the same 7 applicant columns."""
        table = _rows(fmt, "applications")
        assert rows == len(table)
        assert all(list(COLUMNS) == columns for columns in table.values())
        assert rows * 7 == sum(1 for e in dm.catalogue(fmt) if e.table == "applications")

    @pytest.mark.parametrize("fmt", [GOV_2019, GOV_2021])
    def test_reviews_table_is_three_blocks_of_five(self, fmt: dm.ReportFormat) -> None:
        """Table 四 has reconsideration and the two lawsuit blocks, five outcomes each."""
        table = _rows(fmt, "reviews")
        assert ["review", "litigation_direct", "litigation_after_review"] == list(table)
        assert all(len(columns) == 5 for columns in table.values())

    @pytest.mark.parametrize(
        ("fmt", "tables"),
        [
            (GOV_2021, ("active", "applications", "reviews")),
            (GOV_2019, ("active", "applications", "reviews")),
            (LEGACY, ("indicators",)),
        ],
    )
    def test_tables_in_form_order(self, fmt: dm.ReportFormat, tables: tuple[str, ...]) -> None:
        """`Catalogue.tables()` lists the table keys in the order of the form."""
        assert tables == dm.catalogue(fmt).tables()


class TestCatalogueKeys:
    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_paths_are_unique(self, fmt: dm.ReportFormat) -> None:
        """A catalogue path names exactly one cell."""
        paths = [e.path for e in dm.catalogue(fmt)]
        assert len(paths) == len(set(paths))

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_official_codes_are_unique(self, fmt: dm.ReportFormat) -> None:
        """An official code (table/row/column of the form) names exactly one cell."""
        codes = [e.code for e in dm.catalogue(fmt)]
        assert len(codes) == len(set(codes))

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_path_joins_table_row_column(self, fmt: dm.ReportFormat) -> None:
        """A table cell's path is ``table.row.column``; a legacy indicator's is its row key."""
        for e in dm.catalogue(fmt):
            expected = e.row if fmt is LEGACY else f"{e.table}.{e.row}.{e.column}"
            assert expected == e.path
            assert fmt is e.format

    def test_code_of_a_cell(self) -> None:
        """The official code joins table, row and column numbering of the form."""
        entry = dm.catalogue(GOV_2021)["applications.denied_state_secret.natural_person"]
        assert "3/三(三)1/自然人" == entry.code

    def test_catalogue_accepts_the_format_value(self) -> None:
        """`catalogue("gov-2021")` is the same as `catalogue(ReportFormat.GOV_2021)`."""
        assert dm.catalogue(GOV_2021) == dm.catalogue("gov-2021")
        assert Statistics2021 is statistics_class("gov-2021")

    def test_lookup(self) -> None:
        """A catalogue supports `in`, `[]` and `get` by path; an unknown path is a KeyError."""
        cat = dm.catalogue(GOV_2021)
        assert "applications.granted.total" in cat
        assert "applications.granted" not in cat
        assert "applications.granted.total" == cat["applications.granted.total"].path
        assert cat.get("applications.other_total.total") is None
        with pytest.raises(KeyError, match="gov-2021 has no cell 'nope'"):
            cat["nope"]

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_statistics_class_catalogue_is_the_format_catalogue(self, fmt: dm.ReportFormat) -> None:
        """Each format's statistics class reports that format and its catalogue."""
        cls = STATISTICS_CLASSES[fmt]
        assert fmt is cls.FORMAT
        assert dm.catalogue(fmt) is cls.catalogue()


class TestLabels:
    @pytest.mark.parametrize(
        ("fmt", "path", "zh"),
        [
            (
                GOV_2021,
                "applications.partially_granted.total",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            ),
            (GOV_2021, "applications.denied_security_stability.total", "3.危及“三安全一稳定”"),
            (GOV_2019, "applications.denied_security_stability.total", "3.危及“三安全一稳定”"),
            (GOV_2021, "applications.new_received.total", "一、本年新收政府信息公开申请数量"),
            (GOV_2021, "applications.carried_forward.total", "四、结转下年度继续办理"),
            (
                GOV_2021,
                "applications.other_no_correction.total",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            (GOV_2019, "applications.other_total.total", "（六）其他处理"),
            (GOV_2021, "applications.not_processed_excessive.total", "4.无正当理由大量反复申请"),
            (GOV_2021, "reviews.litigation_direct.total", "未经复议直接起诉"),
            (GOV_2021, "active.normative_documents.issued", "行政规范性文件"),
            (GOV_2019, "active.normative_documents.new_made", "规范性文件"),
            (
                LEGACY,
                "proactive_total",
                "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
            ),
            (LEGACY, "fees_collected", "七、依申请公开信息收取的费用"),
        ],
    )
    def test_row_labels_as_on_the_form(self, fmt: dm.ReportFormat, path: str, zh: str) -> None:
        """Row labels are the Chinese of the official form, character for character."""
        assert zh == dm.catalogue(fmt)[path].row_label.zh

    @pytest.mark.parametrize(
        ("fmt", "path", "zh"),
        [
            (GOV_2021, "active.administrative_fees.amount", "本年收费金额（单位：万元）"),
            (GOV_2019, "active.licensing.items_change", "本年增/减"),
            (GOV_2019, "active.administrative_fees.items_prev_year", "上一年项目数量"),
            (GOV_2019, "active.procurement.amount", "采购总金额"),
            (GOV_2021, "active.regulations.in_force", "现行有效件数"),
            (GOV_2021, "active.licensing.decisions", "本年处理决定数量"),
            (GOV_2021, "applications.granted.natural_person", "自然人"),
            (GOV_2021, "applications.granted.legal_law_service", "法律服务机构"),
            (GOV_2021, "applications.granted.total", "总计"),
            (GOV_2021, "reviews.review.pending", "尚未审结"),
            (LEGACY, "trainees", "统计数"),
        ],
    )
    def test_column_labels_as_on_the_form(self, fmt: dm.ReportFormat, path: str, zh: str) -> None:
        """Column labels are the Chinese of the official form, character for character."""
        assert zh == dm.catalogue(fmt)[path].column_label.zh

    def test_groups(self) -> None:
        """Header groups above rows and columns are kept, outermost first."""
        cat = dm.catalogue(GOV_2021)
        entry = cat["applications.denied_third_party.legal_research"]
        assert ("三、本年度办理结果", "（三）不予公开") == tuple(g.zh for g in entry.row_groups)
        assert ("法人或其他组织",) == tuple(g.zh for g in entry.column_groups)
        assert () == cat["applications.denied_third_party.natural_person"].column_groups
        assert ("行政诉讼",) == tuple(
            g.zh for g in cat["reviews.litigation_after_review.upheld"].row_groups
        )

    @pytest.mark.parametrize(
        ("fmt", "table", "zh"),
        [
            (GOV_2021, "active", "二、主动公开政府信息情况"),
            (GOV_2021, "applications", "三、收到和处理政府信息公开申请情况"),
            (GOV_2019, "reviews", "四、政府信息公开行政复议、行政诉讼情况"),
            (LEGACY, "indicators", "政府信息公开情况统计表"),
        ],
    )
    def test_table_labels(self, fmt: dm.ReportFormat, table: str, zh: str) -> None:
        """Every cell of a table carries the table's caption as printed."""
        captions = {e.table_label.zh for e in dm.catalogue(fmt) if e.table == table}
        assert {zh} == captions

    def test_in_locale(self) -> None:
        """A label gives Chinese for any ``zh`` locale and English otherwise."""
        label = dm.catalogue(GOV_2021)["applications.granted.total"].row_label
        assert "（一）予以公开" == label.in_locale("zh_Hans_CN")
        assert "(1) disclosed" == label.in_locale("en")

    def test_format_labels(self) -> None:
        """Each format names its official document."""
        assert "国办公开办函〔2021〕30号" in GOV_2021.label.zh
        assert "国办公开办函〔2019〕60号" in GOV_2019.label.zh


class TestKindsAndUnits:
    @pytest.mark.parametrize(
        ("fmt", "path", "kind", "unit"),
        [
            (GOV_2021, "applications.granted.total", dm.CellKind.COUNT, dm.Unit.PIECE),
            (GOV_2021, "active.regulations.in_force", dm.CellKind.STOCK, dm.Unit.PIECE),
            (
                GOV_2021,
                "active.administrative_fees.amount",
                dm.CellKind.MONEY,
                dm.Unit.WAN_YUAN,
            ),
            (GOV_2019, "active.licensing.items_change", dm.CellKind.CHANGE, dm.Unit.ITEM),
            (GOV_2019, "active.licensing.items_prev_year", dm.CellKind.STOCK, dm.Unit.ITEM),
            (GOV_2019, "active.procurement.amount", dm.CellKind.MONEY, None),
            (LEGACY, "channel_weibo", dm.CellKind.COUNT, dm.Unit.ENTRY),
            (LEGACY, "press_conferences", dm.CellKind.COUNT, dm.Unit.TIMES),
            (LEGACY, "trainees", dm.CellKind.COUNT, dm.Unit.PERSON_TIME),
            (LEGACY, "special_budget", dm.CellKind.MONEY, dm.Unit.WAN_YUAN),
        ],
    )
    def test_kind_and_unit(
        self, fmt: dm.ReportFormat, path: str, kind: dm.CellKind, unit: dm.Unit | None
    ) -> None:
        """Each cell says how it adds up and what it counts in (None where the form is silent)."""
        entry = dm.catalogue(fmt)[path]
        assert (kind, unit) == (entry.kind, entry.unit)

    def test_legacy_parents_are_cells_of_the_table(self) -> None:
        """A legacy "其中" cell names its parent, an existing count in the same unit."""
        cat = dm.catalogue(LEGACY)
        children = [e for e in cat if e.parent is not None]
        assert "applications_received" == cat["received_in_person"].parent
        assert len(children) > 20
        for e in children:
            assert e.unit is cat[e.parent].unit

    def test_money_units(self) -> None:
        """A money unit knows how many yuan it is; an amount converts only if its unit is known."""
        assert Decimal(10000) == dm.MoneyUnit.WAN_YUAN.yuan
        assert (
            Decimal("2131500.00")
            == dm.Amount(value=Decimal("213.15"), unit=dm.MoneyUnit.WAN_YUAN).in_yuan()
        )
        assert dm.Amount(value=Decimal("213.15")).in_yuan() is None


class TestFormatDifferences:
    @pytest.mark.parametrize(
        ("path", "in_2019", "in_2021"),
        [
            ("applications.other_total.total", True, False),
            ("applications.other_no_correction.total", False, True),
            ("applications.other_unpaid_fee.natural_person", False, True),
            ("applications.other_other.legal_other", False, True),
            ("active.procurement.amount", True, False),
            ("active.procurement.projects", True, False),
            ("active.other_services.decisions", True, False),
            ("active.administrative_fees.amount", False, True),
            ("active.administrative_fees.items_change", True, False),
            ("applications.granted.total", True, True),
            ("reviews.litigation_direct.pending", True, True),
        ],
    )
    def test_cells_present_in_each_format(self, path: str, in_2019: bool, in_2021: bool) -> None:
        """The 2019 form has （六）其他处理 as one row and procurement; 2021 splits （六） into
        three rows and has the fee amount instead."""
        assert (in_2019, in_2021) == (
            path in dm.catalogue(GOV_2019),
            path in dm.catalogue(GOV_2021),
        )

    def test_shared_rows_have_the_same_code_and_label(self) -> None:
        """Rows common to both formats carry the same official code and label in each."""
        c19, c21 = dm.catalogue(GOV_2019), dm.catalogue(GOV_2021)
        shared = [e for e in c21 if e.table in ("applications", "reviews") and e.path in c19]
        assert 22 * 7 + 15 == len(shared)
        for e in shared:
            other = c19[e.path]
            assert (e.code, e.row_label, e.column_label) == (
                other.code,
                other.row_label,
                other.column_label,
            )


_DENIED = (
    "denied_state_secret",
    "denied_law_prohibited",
    "denied_security_stability",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_file",
    "denied_admin_query",
)
_UNABLE = ("unable_not_held", "unable_needs_creation", "unable_unclear")
_NOT_PROCESSED = (
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirm_reissue",
)
_OTHER = ("other_no_correction", "other_unpaid_fee", "other_other")


def _column_sum(rows: list[object], column: str) -> int | None:
    parts = [getattr(r, column) for r in rows]
    return None if any(p is None for p in parts) else sum(parts)


class TestDerivedRows:
    def test_denied_total_adds_each_column(self) -> None:
        """（三）不予公开 in total is the sum of its eight rows, column by column."""
        rows = {name: applicants(i, 0, 1, 0, 0, 2, i + 3) for i, name in enumerate(_DENIED)}
        apps = Applications2021(**rows)
        assert applicants(28, 0, 8, 0, 0, 16, 52) == apps.denied_total

    def test_a_missing_part_makes_only_its_column_unknown(self) -> None:
        """A column with an unstated part is None in the total (never counted as 0);
        the other columns still add up."""
        rows = {name: applicants(1, 1, 1, 1, 1, 1, 6) for name in _UNABLE}
        rows["unable_unclear"] = applicants(1, None, 1, 1, 1, 1, None)
        apps = Applications2021(**rows)
        assert applicants(3, None, 3, 3, 3, 3, None) == apps.unable_total

    def test_unstated_rows_give_unknown_totals(self) -> None:
        """With nothing stated, every derived total is None, not 0."""
        apps = Applications2021()
        empty = ApplicantCounts()
        assert (empty, empty, empty, empty) == (
            apps.denied_total,
            apps.unable_total,
            apps.not_processed_total,
            apps.other_total,
        )

    def test_zero_is_not_unknown(self) -> None:
        """Stated zeros add up to zero."""
        zeros = applicants(0, 0, 0, 0, 0, 0, 0)
        apps = Applications2021(**dict.fromkeys(_NOT_PROCESSED, zeros))
        assert zeros == apps.not_processed_total

    @given(statistics(GOV_2021))
    def test_derived_rows_2021(self, stats: Statistics2021) -> None:
        """Every derived row of table 三 (2021) is the column-wise sum of its parts, or None."""
        apps = stats.applications
        for derived, parts in (
            (apps.denied_total, _DENIED),
            (apps.unable_total, _UNABLE),
            (apps.not_processed_total, _NOT_PROCESSED),
            (apps.other_total, _OTHER),
        ):
            rows = [getattr(apps, p) for p in parts]
            assert [_column_sum(rows, c) for c in COLUMNS] == [getattr(derived, c) for c in COLUMNS]

    @given(statistics(GOV_2019))
    def test_derived_rows_2019(self, stats: Statistics2019) -> None:
        """The 2019 derived rows and the lawsuits block add up the same way."""
        apps = stats.applications
        rows = [getattr(apps, p) for p in _DENIED]
        assert [_column_sum(rows, c) for c in COLUMNS] == [
            getattr(apps.denied_total, c) for c in COLUMNS
        ]
        blocks = [stats.reviews.litigation_direct, stats.reviews.litigation_after_review]
        columns = ("upheld", "corrected", "other", "pending", "total")
        assert [_column_sum(blocks, c) for c in columns] == [
            getattr(stats.reviews.litigation, c) for c in columns
        ]

    def test_other_total_2019_is_stated(self) -> None:
        """In 2019 （六）其他处理 is a row of the form, kept as stated; in 2021 it is the sum
        of its three rows."""
        stated = applicants(1, 0, 0, 0, 0, 0, 1)
        assert stated == Applications2019(other_total=stated).other_total
        apps = Applications2021(
            other_no_correction=stated, other_unpaid_fee=stated, other_other=stated
        )
        assert applicants(3, 0, 0, 0, 0, 0, 3) == apps.other_total

    def test_legal_subtotal(self) -> None:
        """法人或其他组织 together is the sum of the five legal-person columns."""
        assert 15 == applicants(100, 1, 2, 3, 4, 5, 0).legal_subtotal
        assert applicants(100, 1, 2, None, 4, 5, 0).legal_subtotal is None

    def test_applicants_sum(self) -> None:
        """The six applicant columns add up to what 总计 should be; unknown if any is unknown."""
        assert 115 == applicants(100, 1, 2, 3, 4, 5, 999).applicants_sum
        assert applicants(None, 1, 2, 3, 4, 5, 15).applicants_sum is None
        assert applicants(7, 1, 2, 3, None, 5, 15).applicants_sum is None

    def test_litigation_adds_both_blocks(self) -> None:
        """All lawsuits is the two lawsuit blocks added per outcome, None where one is None."""
        reviews = ReviewsLitigation(
            litigation_direct=CaseOutcomes(upheld=1, corrected=2, other=None, pending=0, total=3),
            litigation_after_review=CaseOutcomes(
                upheld=4, corrected=0, other=1, pending=0, total=5
            ),
        )
        assert CaseOutcomes(upheld=5, corrected=2, other=None, pending=0, total=8) == (
            reviews.litigation
        )

    def test_sum_rows_keeps_the_row_class(self) -> None:
        """Adding rows gives a row of the same class."""
        assert isinstance(sum_rows([CaseOutcomes(), CaseOutcomes()]), CaseOutcomes)


class TestCellAccess:
    def test_cell_by_path(self) -> None:
        """`statistics.cell(path)` gives the value at a catalogue path, None when unstated."""
        stats = Statistics2021(
            applications=Applications2021(granted=applicants(1, 2, 3, 4, 5, 6, 21))
        )
        assert 21 == stats.cell("applications.granted.total")
        assert 3 == stats.cell("applications.granted.legal_research")
        assert stats.cell("applications.carried_over.total") is None

    def test_legacy_cell_by_path(self) -> None:
        """A legacy indicator's path is its key."""
        assert 129 == LegacyStatistics(applications_received=129).cell("applications_received")

    @pytest.mark.parametrize(
        "path",
        [
            "applications.granted",
            "applications",
            "nope",
            "applications.other_total.total",
            "applications.granted.total.real",
            "combined",
        ],
    )
    def test_cell_rejects_what_is_not_a_cell(self, path: str) -> None:
        """A path that is not a cell of the format (a row, a table, another format's cell) is a
        KeyError naming the format and the path."""
        stats = Statistics2021() if path != "combined" else LegacyStatistics()
        with pytest.raises(KeyError, match="has no cell"):
            stats.cell(path)

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_cells_walks_the_catalogue(self, fmt: dm.ReportFormat) -> None:
        """`cells()` yields every catalogue entry in form order with its value, stated or not."""
        stats = STATISTICS_CLASSES[fmt]()
        pairs = list(stats.cells())
        assert list(dm.catalogue(fmt)) == [e for e, _ in pairs]
        assert all(v is None for _, v in pairs)

    def test_cells_values(self) -> None:
        """`cells()` pairs each entry with the same value `cell()` gives."""
        stats = Statistics2021(
            applications=Applications2021(new_received=applicants(1, 2, 3, 4, 5, 6, 21))
        )
        stated = {e.path: v for e, v in stats.cells() if v is not None}
        assert (
            dict(
                zip(
                    [f"applications.new_received.{c}" for c in COLUMNS],
                    [1, 2, 3, 4, 5, 6, 21],
                    strict=True,
                )
            )
            == stated
        )


class TestCombined:
    def test_valid_combined_figure(self) -> None:
        """A figure for several cells of one unit is kept as stated, the cells stay None."""
        stats = LegacyStatistics(
            combined=(CombinedFigure(cells=("channel_weibo", "channel_weixin"), value=32132),)
        )
        assert 32132 == stats.combined_value(("channel_weixin", "channel_weibo"))
        assert stats.combined_value(("channel_weibo",)) is None
        assert stats.channel_weibo is None

    @pytest.mark.parametrize(
        ("cells", "value", "path", "phrase"),
        [
            (("nope", "channel_weibo"), 1, "$.combined[0].cells[0]", "unknown legacy cell 'nope'"),
            (("channel_weibo",), 1, "$.combined[0].cells", "two or more distinct cells"),
            (("channel_weibo", "channel_weibo"), 1, "$.combined[0].cells", "two or more distinct"),
            (
                ("channel_weibo", "press_conferences"),
                1,
                "$.combined[0].cells",
                "different units",
            ),
            (("channel_weibo", "fees_collected"), 1, "$.combined[0].cells[1]", "not a count"),
            (("channel_weibo", "channel_weixin"), -1, "$.combined[0].value", "non-negative"),
            (("channel_weibo", "channel_weixin"), 1.0, "$.combined[0].value", "non-negative"),
        ],
    )
    def test_invalid_combined_figure(
        self, cells: tuple[str, ...], value: object, path: str, phrase: str
    ) -> None:
        """A combined figure must name two or more known count cells of one unit, and be a
        non-negative integer; each problem is reported with its path."""
        with pytest.raises(dm.ValidationError) as info:
            LegacyStatistics(combined=(CombinedFigure(cells=cells, value=value),))  # type: ignore[arg-type]
        [problem] = info.value.problems
        assert path == problem.path
        assert phrase in problem.message

    def test_combined_problems_and_cell_problems_together(self) -> None:
        """Problems in cells and in combined figures are reported together."""
        with pytest.raises(dm.ValidationError) as info:
            LegacyStatistics(
                proactive_total=-1,
                combined=(
                    CombinedFigure(cells=("channel_weibo",), value=1),
                    CombinedFigure(cells=("nope", "channel_weibo"), value=1),
                ),
            )
        assert ["$.proactive_total", "$.combined[0].cells", "$.combined[1].cells[0]"] == [
            p.path for p in info.value.problems
        ]

    def test_combined_must_be_a_tuple(self) -> None:
        """Combined figures are a tuple like every collection of the model, so statistics stay
        hashable; a list is a ValidationError at ``$.combined``."""
        figure = CombinedFigure(cells=("channel_weibo", "channel_weixin"), value=1)
        with pytest.raises(dm.ValidationError) as info:
            LegacyStatistics(combined=[figure])  # type: ignore[arg-type]
        assert ["$.combined"] == [p.path for p in info.value.problems]

    def test_combined_items_must_be_combined_figures(self) -> None:
        """Something else than a CombinedFigure among the combined figures is a ValidationError
        at its index, not an AttributeError."""
        with pytest.raises(dm.ValidationError) as info:
            LegacyStatistics(combined=(5,))  # type: ignore[arg-type]
        assert ["$.combined[0]"] == [p.path for p in info.value.problems]


class TestProseWords:
    @pytest.mark.parametrize("fmt", ["legacy-2014", "gov-2019", "gov-2021"])
    def test_words_name_cells(self, fmt: str) -> None:
        """The prose words of a format name its own cells, with a pattern that compiles and
        a subject among 复议, 诉讼 and 举报 where one is needed."""
        import re

        cls = dm.formats.statistics_class(fmt)
        assert cls.PROSE_WORDS
        for w in cls.PROSE_WORDS:
            assert all(c in cls.catalogue() for c in w.cells), w
            re.compile(w.before)
            if w.after is not None:
                re.compile(w.after)
            assert w.subject in (None, "review", "litigation", "complaints")

    @pytest.mark.parametrize(
        ("fmt", "other"),
        [
            ("gov-2019", ["other_total"]),
            ("gov-2021", ["other_no_correction", "other_unpaid_fee", "other_other"]),
        ],
    )
    def test_group_words_name_the_group_rows(self, fmt: str, other: list[str]) -> None:
        """不予公开 names the eight rows of （三）不予公开 together, 不予处理 the five of （五），
        and 其他处理 the rows of （六） as the format prints them."""
        by_word = {w.before: w.cells for w in dm.formats.statistics_class(fmt).PROSE_WORDS}
        denied = [
            "state_secret",
            "law_prohibited",
            "security_stability",
            "third_party",
            "internal_affairs",
            "process_info",
            "enforcement_file",
            "admin_query",
        ]
        not_processed = ["petition", "duplicate", "publication", "excessive", "confirm_reissue"]
        assert tuple(f"applications.denied_{k}.total" for k in denied) == by_word["不予公开"]
        assert (
            tuple(f"applications.not_processed_{k}.total" for k in not_processed)
            == by_word["不予处理"]
        )
        assert (
            tuple(f"applications.{k}.total" for k in other)
            == by_word[r"\A(?:其他处理|其他情形处理)\Z"]
        )
