"""The rules at their places (formats/_rules.py), against the rules as DOMAIN.md §4 states them.

Every expectation here is typed from ../shared/docs/DOMAIN.md (the row and column ids of §1–3,
the formulas of §4) or from the pinned official codes (tests/data/official-codes.json), not
read back from the declarations.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from pathlib import Path

import pytest
from tests._domain import REFUSAL_REASONS

import disclosure_model as dm
from disclosure_model.formats import ReportFormat
from disclosure_model.formats._declare import Relation
from disclosure_model.formats._rules import (
    CROSS_YEAR_RULES,
    Place,
    Term,
    cross_year_places,
    identity_places,
    paths_read,
    rule_making_places,
    unit_places,
)
from disclosure_model.values import Unit

LEGACY, GOV_2019, GOV_2021 = ReportFormat.LEGACY, ReportFormat.GOV_2019, ReportFormat.GOV_2021
NEW = (GOV_2019, GOV_2021)
CODES = json.loads((Path(__file__).parent / "data" / "official-codes.json").read_text("utf-8"))

#: DOMAIN.md §1.3, the columns of table 三 (COLS) and the six applicant columns (APPLICANTS).
APPLICANTS = (
    "natural_person",
    "legal_commercial",
    "legal_research",
    "legal_public_welfare",
    "legal_law_service",
    "legal_other",
)
COLS = (*APPLICANTS, "total")
#: DOMAIN.md §1.3 rows 3 to 20, common to both formats.
OUTCOMES = (
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_law_prohibited",
    "denied_security_stability",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_file",
    "denied_admin_query",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirm_reissue",
)
#: Σ other_*: rows 21–23 in 2021, the single row other_total_2019 in 2019.
OTHER = {
    GOV_2021: ("other_no_correction", "other_unpaid_fee", "other_other"),
    GOV_2019: ("other_total",),
}
#: Every row of table 三, in form order.
ROWS = {
    fmt: (
        "new_received",
        "carried_over",
        *OUTCOMES,
        *OTHER[fmt],
        "results_total",
        "carried_forward",
    )
    for fmt in NEW
}
BLOCKS = ("review", "litigation_direct", "litigation_after_review")


def _of(places: tuple[Place, ...], code: str) -> list[Place]:
    return [p for p in places if p.code == code]


def _paths(terms: tuple[Term, ...]) -> tuple[str, ...]:
    return tuple(t.path for t in terms)


def _this(*paths: str) -> tuple[Term, ...]:
    return tuple(Term(p) for p in paths)


class TestTable3:
    @pytest.mark.parametrize("fmt", NEW)
    def test_r01_in_every_column(self, fmt: ReportFormat) -> None:
        """R-01, the 勾稽关系 note: in each of the 7 columns, 一 + 二 = （七）总计 + 四."""
        expected = [
            (
                _this(f"applications.new_received.{c}", f"applications.carried_over.{c}"),
                Relation.EQUAL,
                _this(f"applications.results_total.{c}", f"applications.carried_forward.{c}"),
            )
            for c in COLS
        ]
        places = _of(identity_places(fmt), "R-01")
        assert expected == [(p.left, p.relation, p.right) for p in places]

    @pytest.mark.parametrize("fmt", NEW)
    def test_r01_points_at_the_first_row_with_its_official_code(self, fmt: ReportFormat) -> None:
        """A finding of R-01 points at row 一 of its column, with that cell's pinned code."""
        places = _of(identity_places(fmt), "R-01")
        expected = [CODES[fmt.value][f"applications.new_received.{c}"] for c in COLS]
        assert expected == [p.cell_code for p in places]
        assert [f"applications.new_received.{c}" for c in COLS] == [p.checked.path for p in places]

    @pytest.mark.parametrize("fmt", NEW)
    def test_r02_in_every_row(self, fmt: ReportFormat) -> None:
        """R-02: in every row (25 in 2021, 23 in 2019) 总计 is the sum of the six applicant
        columns."""
        expected = [
            (
                _this(f"applications.{r}.total"),
                _this(*(f"applications.{r}.{c}" for c in APPLICANTS)),
            )
            for r in ROWS[fmt]
        ]
        places = _of(identity_places(fmt), "R-02")
        assert {GOV_2021: 25, GOV_2019: 23}[fmt] == len(places)
        assert expected == [(p.left, p.right) for p in places]
        assert all(p.by_column and p.relation is Relation.EQUAL for p in places)

    @pytest.mark.parametrize("fmt", NEW)
    def test_r03_sums_exactly_the_outcome_rows(self, fmt: ReportFormat) -> None:
        """R-03: （七）总计 is the sum of rows 3–20 and Σ other_* — the three 2021 rows, or
        the single 2019 row — in each column, and of nothing else."""
        rows = (*OUTCOMES, *OTHER[fmt])
        expected = [
            (
                _this(f"applications.results_total.{c}"),
                _this(*(f"applications.{r}.{c}" for r in rows)),
            )
            for c in COLS
        ]
        places = _of(identity_places(fmt), "R-03")
        assert expected == [(p.left, p.right) for p in places]

    @pytest.mark.parametrize("fmt", NEW)
    def test_r07_bounds_the_backlog(self, fmt: ReportFormat) -> None:
        """R-07: 四 ≤ 一 + 二 in each column."""
        expected = [
            (
                _this(f"applications.carried_forward.{c}"),
                Relation.AT_MOST,
                _this(f"applications.new_received.{c}", f"applications.carried_over.{c}"),
            )
            for c in COLS
        ]
        places = _of(identity_places(fmt), "R-07")
        assert expected == [(p.left, p.relation, p.right) for p in places]

    @pytest.mark.parametrize("fmt", NEW)
    def test_places_name_the_column(self, fmt: ReportFormat) -> None:
        """A column's rule names its place by table and column, in both languages."""
        (first, *_) = _of(identity_places(fmt), "R-01")
        assert ("表3 自然人列", "table 3, natural persons") == (first.where.zh, first.where.en)


class TestTable4:
    @pytest.mark.parametrize("fmt", NEW)
    def test_r05_in_each_block(self, fmt: ReportFormat) -> None:
        """R-05: in 行政复议 and both 行政诉讼 blocks, the four outcomes add up to 总计."""
        expected = [
            (
                _this(f"reviews.{b}.total"),
                _this(*(f"reviews.{b}.{c}" for c in ("upheld", "corrected", "other", "pending"))),
            )
            for b in BLOCKS
        ]
        places = _of(identity_places(fmt), "R-05")
        assert expected == [(p.left, p.right) for p in places]


class TestTable2:
    def test_r21_02_per_document_row(self) -> None:
        """R-21-02: issued ≤ in force + repealed, for 规章 and 行政规范性文件."""
        expected = [
            (
                _this(f"active.{r}.issued"),
                Relation.AT_MOST,
                _this(f"active.{r}.in_force", f"active.{r}.repealed"),
            )
            for r in ("regulations", "normative_documents")
        ]
        places = _of(identity_places(GOV_2021), "R-21-02")
        assert expected == [(p.left, p.relation, p.right) for p in places]

    def test_r19_items_rows(self) -> None:
        """R-19-01 in the two document rows; R-19-02 in each row with item counts: 行政许可,
        其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费."""
        places = identity_places(GOV_2019)
        assert [
            (_this(f"active.{r}.new_published"), _this(f"active.{r}.published_total"))
            for r in ("regulations", "normative_documents")
        ] == [(p.left, p.right) for p in _of(places, "R-19-01")]
        items = ("licensing", "other_services", "penalties", "coercion", "administrative_fees")
        assert [
            (
                _this(f"active.{r}.items_prev_year", f"active.{r}.items_change"),
                Relation.AT_LEAST,
                (),
            )
            for r in items
        ] == [(p.left, p.relation, p.right) for p in _of(places, "R-19-02")]


class TestLegacy:
    def test_sums(self) -> None:
        """P-01, P-02, P-03, P-05, P-07 and P-08 as DOMAIN.md §4.2 writes them."""
        expected = {
            (
                "P-01",
                "applications_received",
                ("received_in_person", "received_fax", "received_online", "received_letter"),
            ),
            ("P-02", "applications_completed", ("completed_on_time", "completed_extended")),
            (
                "P-03",
                "applications_replied",
                (
                    "reply_already_public",
                    "reply_granted",
                    "reply_partially_granted",
                    "reply_refused",
                    "reply_not_this_organ",
                    "reply_not_exist",
                    "reply_ask_amend",
                    "reply_other_channel",
                ),
            ),
            ("P-07", "staff_total", ("staff_full_time", "staff_part_time")),
            *(
                ("P-08", f"{x}_total", (f"{x}_upheld", f"{x}_corrected", f"{x}_other"))
                for x in ("review", "litigation", "complaints")
            ),
        }
        sums = {
            (p.code, p.left[0].path, _paths(p.right))
            for p in identity_places(LEGACY)
            if p.code in {"P-01", "P-02", "P-03", "P-07", "P-08"}
        }
        assert expected == sums

    def test_refusal_reasons(self) -> None:
        """P-04 bounds and P-05 sums the six refusal reasons by 不同意公开答复数."""
        reasons = _this(*REFUSAL_REASONS)
        places = identity_places(LEGACY)
        (p04,) = _of(places, "P-04")
        (p05,) = _of(places, "P-05")
        assert (reasons, Relation.AT_MOST, _this("reply_refused")) == (
            p04.left,
            p04.relation,
            p04.right,
        )
        assert (_this("reply_refused"), Relation.EQUAL, reasons) == (
            p05.left,
            p05.relation,
            p05.right,
        )

    def test_parts_of_wholes(self) -> None:
        """P-06 holds at least at the places DOMAIN.md lists: each "其中" and each channel of
        receipt is at most its whole."""
        listed = {
            ("proactive_normative_docs", "proactive_total"),
            ("press_conferences_principal", "press_conferences"),
            ("online_interviews_principal", "online_interviews"),
            *(
                (f"received_{c}", "applications_received")
                for c in ("in_person", "fax", "online", "letter")
            ),
        }
        places = _of(identity_places(LEGACY), "P-06")
        assert all(p.relation is Relation.AT_MOST for p in places)
        assert listed <= {(p.left[0].path, p.right[0].path) for p in places}

    def test_bounds(self) -> None:
        """P-09 to P-12 and P-14 with the relation DOMAIN.md gives them."""
        channels = tuple(f"channel_{c}" for c in ("gazette", "website", "weibo", "weixin", "other"))
        expected = {
            "P-09": (channels, Relation.AT_LEAST, ("proactive_total",)),
            "P-10": (
                ("proactive_normative_docs",),
                Relation.AT_MOST,
                ("normative_docs_issued_total",),
            ),
            "P-11": (("applications_replied",), Relation.EQUAL, ("applications_completed",)),
            "P-12": (("applications_completed",), Relation.AT_MOST, ("applications_received",)),
            "P-14": (("trainees",), Relation.AT_LEAST, ("training_sessions",)),
        }
        actual = {
            p.code: (_paths(p.left), p.relation, _paths(p.right))
            for p in identity_places(LEGACY)
            if p.code in expected
        }
        assert expected == actual


class TestAcrossYears:
    @pytest.mark.parametrize(("fmt", "previous"), [(f, p) for f in NEW for p in NEW])
    def test_r06_pairs_carried_over_with_last_years_carried_forward(
        self, fmt: ReportFormat, previous: ReportFormat
    ) -> None:
        """R-06: in each of the 7 columns, this year's 二 equals last year's 四."""
        expected = [
            (
                (Term(f"applications.carried_over.{c}"),),
                Relation.EQUAL,
                (Term(f"applications.carried_forward.{c}", previous=True),),
            )
            for c in COLS
        ]
        places = _of(cross_year_places(fmt, previous), "R-06")
        assert expected == [(p.left, p.relation, p.right) for p in places]
        assert [CODES[fmt.value][f"applications.carried_over.{c}"] for c in COLS] == [
            p.cell_code for p in places
        ]

    @pytest.mark.parametrize(("fmt", "previous"), [(f, p) for f in NEW for p in NEW])
    def test_r12(self, fmt: ReportFormat, previous: ReportFormat) -> None:
        """R-12: lit_after_review_total ≤ review_total this year + review_total last year."""
        (place,) = _of(cross_year_places(fmt, previous), "R-12")
        assert (
            (Term("reviews.litigation_after_review.total"),),
            Relation.AT_MOST,
            (Term("reviews.review.total"), Term("reviews.review.total", previous=True)),
        ) == (place.left, place.relation, place.right)

    def test_r21_01_stock_flow(self) -> None:
        """R-21-01: in force = last year's in force + issued − repealed, for 规章 and
        行政规范性文件; only between two 2021-format reports."""
        expected = [
            (
                (Term(f"active.{r}.in_force"),),
                (
                    Term(f"active.{r}.in_force", previous=True),
                    Term(f"active.{r}.issued"),
                    Term(f"active.{r}.repealed", sign=-1),
                ),
            )
            for r in ("regulations", "normative_documents")
        ]
        places = _of(cross_year_places(GOV_2021, GOV_2021), "R-21-01")
        assert expected == [(p.left, p.right) for p in places]
        assert [] == _of(cross_year_places(GOV_2021, GOV_2019), "R-21-01")

    def test_r19_03_item_continuity(self) -> None:
        """R-19-03: this year's 上一年项目数量 is last year's plus last year's 本年增/减, in every
        row with item counts; only between two 2019-format reports."""
        items = ("licensing", "other_services", "penalties", "coercion", "administrative_fees")
        expected = [
            (
                (Term(f"active.{r}.items_prev_year"),),
                (
                    Term(f"active.{r}.items_prev_year", previous=True),
                    Term(f"active.{r}.items_change", previous=True),
                ),
            )
            for r in items
        ]
        places = _of(cross_year_places(GOV_2019, GOV_2019), "R-19-03")
        assert expected == [(p.left, p.right) for p in places]
        assert [] == _of(cross_year_places(GOV_2021, GOV_2019), "R-19-03")

    @pytest.mark.parametrize(("fmt", "previous"), [(LEGACY, LEGACY), (GOV_2019, LEGACY)])
    def test_none_with_a_legacy_report(self, fmt: ReportFormat, previous: ReportFormat) -> None:
        """The legacy table has none of table 三's rows: no rule compares it across years."""
        assert () == cross_year_places(fmt, previous)

    def test_every_place_reads_last_year(self) -> None:
        """Each place of a rule across two years reads last year's report somewhere."""
        for fmt in NEW:
            for previous in NEW:
                assert all(p.across_years for p in cross_year_places(fmt, previous))
        assert not any(p.across_years for f in ReportFormat for p in identity_places(f))

    def test_formulas_name_catalogued_cells(self) -> None:
        """Every term of every rule across years is a cell of its report's format."""
        for rule in CROSS_YEAR_RULES:
            for fmt in rule.formats:
                for previous in rule.previous:
                    for place in _of(cross_year_places(fmt, previous), rule.code):
                        for t in place.terms:
                            catalogue = dm.catalogue(previous if t.previous else fmt)
                            assert t.path in catalogue


class TestCellRules:
    def test_unit_rules(self) -> None:
        """R-21-03 and P-13 ask for 万元; R-19-04's 采购总金额 has no unit on the form."""
        assert [("R-21-03", "active.administrative_fees.amount", Unit.WAN_YUAN)] == [
            (p.code, p.path, p.unit) for p in unit_places(GOV_2021)
        ]
        assert [("R-19-04", "active.procurement.amount", None)] == [
            (p.code, p.path, p.unit) for p in unit_places(GOV_2019)
        ]
        assert [
            ("P-13", "fees_collected", Unit.WAN_YUAN),
            ("P-13", "special_budget", Unit.WAN_YUAN),
        ] == [(p.code, p.path, p.unit) for p in unit_places(LEGACY)]

    def test_rule_making_power(self) -> None:
        """R-21-05 reads every cell of the 规章 row, in both new formats, and nothing else."""
        assert [
            "active.regulations.issued",
            "active.regulations.repealed",
            "active.regulations.in_force",
        ] == [p.path for p in rule_making_places(GOV_2021)]
        assert [
            "active.regulations.new_made",
            "active.regulations.new_published",
            "active.regulations.published_total",
        ] == [p.path for p in rule_making_places(GOV_2019)]
        assert () == rule_making_places(LEGACY)
        (first, *_) = rule_making_places(GOV_2021)
        assert ("规章本年制发件数", "government rules, issued this year") == (
            first.where.zh,
            first.where.en,
        )


class TestReads:
    def test_reads_are_derived_from_the_places(self) -> None:
        """A rule with places reads what its places read, last year's cells included."""
        assert ("applications.carried_over.*", "applications.carried_forward.*") == dm.rules()[
            [r.code for r in dm.rules()].index("R-06")
        ].reads
        assert ("applications.*.*",) == paths_read("R-02")
        assert ("active.administrative_fees.amount",) == paths_read("R-21-03")

    def test_rules_without_places_keep_their_own(self) -> None:
        """Rules the formats do not place (the text, the report as a whole) have none."""
        for code in ("R-08", "R-09", "R-10", "R-11", "R-21-04", "R-21-06", "X-01", "C-01"):
            assert paths_read(code) is None

    @pytest.mark.parametrize("fmt", list(ReportFormat))
    def test_every_place_is_within_its_rules_reads(self, fmt: ReportFormat) -> None:
        """The rule catalogue's `reads` cover every cell of every place, across years too."""
        by_code = {r.code: r for r in dm.rules()}
        places = [*identity_places(fmt), *(p for prev in NEW for p in cross_year_places(fmt, prev))]
        for place in places:
            for t in place.terms:
                assert any(fnmatchcase(t.path, pat) for pat in by_code[place.code].reads), (
                    place.code,
                    t.path,
                )
