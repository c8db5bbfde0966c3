"""The bundled examples transcribed from /work/shared/corpus, checked against the source.

Every expected value below is typed again from the source text, independently of the
bundled JSON, so that a slip in either place fails a test.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import (
    Amount,
    Approximation,
    CellSum,
    ClaimKind,
    MoneyUnit,
    Organ,
    OrganLevel,
    Report,
    ReportFormat,
    Source,
    Statistics2021,
)
from disclosure_model.formats import ApplicantCounts

#: Column order of table 三 as printed (and as the tuples below are typed).
COLUMNS = (
    "natural_person",
    "legal_commercial",
    "legal_research",
    "legal_public_welfare",
    "legal_law_service",
    "legal_other",
    "total",
)
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


def as_tuple(row: ApplicantCounts) -> tuple[int | None, ...]:
    return tuple(getattr(row, c) for c in COLUMNS)


def table_cells(report: Report, table: str) -> dict[str, object]:
    """Every cell of one table of the report's format, by catalogue path."""
    return {
        e.path: report.statistics.cell(e.path)
        for e in dm.catalogue(report.format)
        if e.table == table
    }


def claim_paths(report: Report) -> list[str]:
    return [p for c in report.claims if isinstance(c.about, CellSum) for p in c.about.paths]


def stats2021(report: Report) -> Statistics2021:
    assert isinstance(report.statistics, Statistics2021)
    return report.statistics


def section_text(report: Report, prefix: str) -> str:
    section = report.section(prefix)
    assert section is not None
    return section.text


def count(report: Report, path: str) -> Decimal:
    value = report.statistics.cell(path)
    assert isinstance(value, int)
    return Decimal(value)


# --------------------------------------------------------------------------------------
# 淮安市人民政府 2024 (huaian-city-2024-pdf.txt)
# --------------------------------------------------------------------------------------

#: Table 三 typed from the PDF text: row → (自然人, 商业企业, 科研机构, 社会公益组织,
#: 法律服务机构, 其他, 总计).
HUAIAN_APPLICATIONS = {
    "new_received": (3001, 53, 0, 0, 61, 4, 3119),
    "carried_over": (34, 0, 0, 0, 0, 0, 34),
    "granted": (1288, 21, 0, 0, 50, 3, 1362),
    "partially_granted": (447, 7, 0, 0, 0, 0, 454),
    "denied_state_secret": (2, 0, 0, 0, 0, 0, 2),
    "denied_law_prohibited": (30, 1, 0, 0, 0, 0, 31),
    "denied_security_stability": (5, 0, 0, 0, 0, 0, 5),
    "denied_third_party": (6, 0, 0, 0, 0, 0, 6),
    "denied_internal_affairs": (7, 1, 0, 0, 0, 0, 8),
    "denied_process_info": (12, 0, 0, 0, 0, 0, 12),
    "denied_enforcement_file": (9, 0, 0, 0, 0, 0, 9),
    "denied_admin_query": (105, 0, 0, 0, 0, 0, 105),
    "unable_not_held": (746, 12, 0, 0, 10, 1, 769),
    "unable_needs_creation": (11, 0, 0, 0, 0, 0, 11),
    "unable_unclear": (1, 0, 0, 0, 0, 0, 1),
    "not_processed_petition": (56, 6, 0, 0, 0, 0, 62),
    "not_processed_duplicate": (25, 0, 0, 0, 0, 0, 25),
    "not_processed_publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_excessive": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_confirm_reissue": (1, 0, 0, 0, 0, 0, 1),
    "other_no_correction": (67, 3, 0, 0, 1, 0, 71),
    "other_unpaid_fee": (6, 0, 0, 0, 0, 0, 6),
    "other_other": (108, 2, 0, 0, 0, 0, 110),
    "results_total": (2932, 53, 0, 0, 61, 4, 3050),
    "carried_forward": (103, 0, 0, 0, 0, 0, 103),
}

#: The rows whose sum is （七）总计: （一）…（六） with every sub-row.
HUAIAN_RESULT_ROWS = tuple(HUAIAN_APPLICATIONS)[2:23]

#: Table 四 typed from its one data line "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20":
#: block → (结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
HUAIAN_REVIEWS = {
    "review": (72, 64, 178, 37, 351),
    "litigation_direct": (13, 4, 8, 1, 26),
    "litigation_after_review": (12, 1, 1, 6, 20),
}

#: Claims typed from the narrative: id → (section, value, unit, approximation, cell paths).
LIT = ("reviews.litigation_direct", "reviews.litigation_after_review")
HUAIAN_CLAIMS = {
    "information-published": (1, "5500", "条", Approximation.MORE_THAN, None),
    "regulations-issued": (1, "1", "件", Approximation.EXACT, ("active.regulations.issued",)),
    "policy-documents": (1, "11", "件", Approximation.EXACT, None),
    "policy-interpretations": (1, "21", "个", Approximation.EXACT, None),
    "gazette-issues": (1, "6", "期", Approximation.EXACT, None),
    "press-conferences": (1, "12", "场", Approximation.EXACT, None),
    "applications-received": (
        1,
        "3119",
        "件",
        Approximation.EXACT,
        ("applications.new_received.total",),
    ),
    "applications-answered": (
        1,
        "3050",
        "件",
        Approximation.EXACT,
        ("applications.results_total.total",),
    ),
    "applications-carried-over": (
        1,
        "34",
        "件",
        Approximation.EXACT,
        ("applications.carried_over.total",),
    ),
    "applications-carried-forward": (
        1,
        "103",
        "件",
        Approximation.EXACT,
        ("applications.carried_forward.total",),
    ),
    "reviews-total": (1, "351", "件", Approximation.EXACT, ("reviews.review.total",)),
    "reviews-upheld": (1, "72", "件", Approximation.EXACT, ("reviews.review.upheld",)),
    "reviews-corrected": (1, "64", "件", Approximation.EXACT, ("reviews.review.corrected",)),
    "reviews-other": (1, "178", "件", Approximation.EXACT, ("reviews.review.other",)),
    "reviews-pending": (1, "37", "件", Approximation.EXACT, ("reviews.review.pending",)),
    "lawsuits-total": (1, "46", "件", Approximation.EXACT, tuple(f"{b}.total" for b in LIT)),
    "lawsuits-upheld": (1, "25", "件", Approximation.EXACT, tuple(f"{b}.upheld" for b in LIT)),
    "lawsuits-corrected": (1, "5", "件", Approximation.EXACT, tuple(f"{b}.corrected" for b in LIT)),
    "lawsuits-other": (1, "9", "件", Approximation.EXACT, tuple(f"{b}.other" for b in LIT)),
    "lawsuits-pending": (1, "7", "件", Approximation.EXACT, tuple(f"{b}.pending" for b in LIT)),
    "new-media-accounts": (1, "95", "个", Approximation.EXACT, None),
    "new-media-pass-rate": (1, "100", None, Approximation.EXACT, None),
    "column-inspections": (1, "4", "次", Approximation.EXACT, None),
    "processing-fees": (6, "3940", "元", Approximation.EXACT, None),
}


@pytest.fixture(scope="module")
def huaian() -> Report:
    return dm.examples.load("huaian-2024")


class TestHuaian2024:
    """淮安市人民政府2024年政府信息公开工作年度报告 (2021 format, whole PDF)."""

    def test_metadata(self, huaian: Report) -> None:
        """Organ, year, format and title are those of the report; no date or source is known."""
        expected = (
            Organ(name="淮安市人民政府", level=OrganLevel.CITY, division_code="320800"),
            2024,
            ReportFormat.GOV_2021,
            "淮安市人民政府2024年政府信息公开工作年度报告",
            None,
            None,
        )
        actual = (
            huaian.organ,
            huaian.year,
            huaian.format,
            huaian.title,
            huaian.dated,
            huaian.published,
        )
        assert expected == actual
        assert huaian.source in (None, Source(url=None, sha256=None))

    def test_sections(self, huaian: Report) -> None:
        """An untitled preamble, then the six headings as printed, in order."""
        expected = [
            None,
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
        assert expected == [s.title for s in huaian.sections]

    def test_section_paragraphs(self, huaian: Report) -> None:
        """PDF lines are rejoined into paragraphs; the table-only sections have no text."""
        expected = [1, 6, 0, 0, 0, 2, 1]
        actual = [len(s.text.split("\n")) if s.text else 0 for s in huaian.sections]
        assert expected == actual

    def test_section_text_verbatim(self, huaian: Report) -> None:
        """Paragraphs keep pypdf's characters and spaces; page markers are dropped."""
        overview = section_text(huaian, "一、")
        assert overview.split("\n")[0].startswith("2024 年，我市坚持以习近平新时代")
        assert "服务企业用工" in overview  # rejoined across the "- 2 -" page marker
        assert "列入重点检查范围" in overview  # rejoined across the "- 3 -" page marker
        expected: list[str | None] = []
        assert expected == [s.title for s in huaian.sections if "- " in s.text]
        fees = (
            "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，"
            "全年收取政府信息公开信息处理费 3940 元。"
        )
        assert fees == section_text(huaian, "六、")

    def test_active_disclosure_table(self, huaian: Report) -> None:
        """Every cell of table 二, with the fee in 万元 as the form fixes."""
        expected = {
            "active.regulations.issued": 1,
            "active.regulations.repealed": 0,
            "active.regulations.in_force": 11,
            "active.normative_documents.issued": 8,
            "active.normative_documents.repealed": 26,
            "active.normative_documents.in_force": 66,
            "active.licensing.decisions": 447228,
            "active.penalties.decisions": 3985758,
            "active.coercion.decisions": 88283,
            "active.administrative_fees.amount": Amount(
                value=Decimal("96171.6"), unit=MoneyUnit.WAN_YUAN
            ),
        }
        assert expected == table_cells(huaian, "active")

    def test_applications_table(self, huaian: Report) -> None:
        """Every one of the 25 × 7 cells of table 三."""
        apps = stats2021(huaian).applications
        actual = {f.name: as_tuple(getattr(apps, f.name)) for f in attrs.fields(type(apps))}
        expected = HUAIAN_APPLICATIONS
        assert expected == actual

    def test_reviews_table(self, huaian: Report) -> None:
        """Every one of the 15 cells of table 四."""
        reviews = stats2021(huaian).reviews
        actual = {
            block: tuple(getattr(getattr(reviews, block), o) for o in OUTCOMES)
            for block in HUAIAN_REVIEWS
        }
        expected = HUAIAN_REVIEWS
        assert expected == actual

    @pytest.mark.parametrize("column", COLUMNS)
    def test_official_identity_per_column(self, huaian: Report, column: str) -> None:
        """第一项 + 第二项 = 第三项 + 第四项 holds in each column of the source."""
        apps = stats2021(huaian).applications
        expected = getattr(apps.new_received, column) + getattr(apps.carried_over, column)
        actual = getattr(apps.results_total, column) + getattr(apps.carried_forward, column)
        assert expected == actual

    @pytest.mark.parametrize("row", tuple(HUAIAN_APPLICATIONS))
    def test_total_column_is_sum_of_applicants(self, huaian: Report, row: str) -> None:
        """总计 equals the sum of the six applicant columns in every row of the source."""
        counts = getattr(stats2021(huaian).applications, row)
        assert counts.total == counts.applicants_sum

    @pytest.mark.parametrize("column", COLUMNS)
    def test_results_total_is_sum_of_results(self, huaian: Report, column: str) -> None:
        """（七）总计 equals the sum of rows （一）…（六） in each column of the source."""
        apps = stats2021(huaian).applications
        expected = getattr(apps.results_total, column)
        actual = sum(getattr(getattr(apps, r), column) for r in HUAIAN_RESULT_ROWS)
        assert expected == actual

    @pytest.mark.parametrize("block", tuple(HUAIAN_REVIEWS))
    def test_review_block_totals(self, huaian: Report, block: str) -> None:
        """Each block of table 四 adds up to its 总计 in the source."""
        outcomes = getattr(stats2021(huaian).reviews, block)
        expected = outcomes.total
        actual = outcomes.upheld + outcomes.corrected + outcomes.other + outcomes.pending
        assert expected == actual

    def test_claims(self, huaian: Report) -> None:
        """Every figure and percentage of the narrative, with its value, unit and subject."""
        actual = {
            c.id: (
                c.section,
                str(c.value),
                c.unit,
                c.approximation,
                c.about.paths if isinstance(c.about, CellSum) else c.about,
            )
            for c in huaian.claims
        }
        expected = HUAIAN_CLAIMS
        assert expected == actual

    def test_claim_kinds_and_scale(self, huaian: Report) -> None:
        """Only the pass rate is a percentage; no figure is stated in 万 or 亿."""
        expected = (["new-media-pass-rate"], {1})
        actual = (
            [c.id for c in huaian.claims if c.kind is ClaimKind.PERCENT],
            {c.scale for c in huaian.claims},
        )
        assert expected == actual

    def test_claims_restating_cells_agree(self, huaian: Report) -> None:
        """Each figure that restates cells equals their sum (the source is consistent)."""
        expected = {c.id: c.value for c in huaian.claims if isinstance(c.about, CellSum)}
        actual = {
            c.id: sum(count(huaian, p) for p in c.about.paths)
            for c in huaian.claims
            if isinstance(c.about, CellSum)
        }
        assert expected == actual


# --------------------------------------------------------------------------------------
# 会昌县中村乡人民政府 2020 (huichang-zhongcun-2020-excerpt.txt, cut at "三、收到")
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huichang() -> Report:
    return dm.examples.load("huichang-zhongcun-2020")


class TestHuichangZhongcun2020:
    """中村乡2020年政府信息公开工作年度报告 (2019 format, excerpt ending in table 三's heading)."""

    def test_metadata(self, huichang: Report) -> None:
        """Organ, year, format, title and the page it was read from."""
        expected = (
            Organ(name="会昌县中村乡人民政府", level=OrganLevel.TOWNSHIP, division_code=None),
            2020,
            ReportFormat.GOV_2019,
            "中村乡2020年政府信息公开工作年度报告",
            None,
            None,
            Source(
                url="http://www.huichang.gov.cn/hcxxxgk/hc1554/202101/"
                "157a95c3e64f41039bb3beb14dbc7638.shtml"
            ),
        )
        actual = (
            huichang.organ,
            huichang.year,
            huichang.format,
            huichang.title,
            huichang.dated,
            huichang.published,
            huichang.source,
        )
        assert expected == actual

    def test_sections(self, huichang: Report) -> None:
        """Preamble, 一 (cut mid-sentence) and 二; the cut heading "三、收到" is left out."""
        expected = [None, "一、总体情况", "二、主动公开政府信息情况"]
        assert expected == [s.title for s in huichang.sections]
        assert huichang.sections[1].text.endswith("主动公开政府信息260余")
        assert not huichang.sections[2].text

    def test_active_disclosure_table(self, huichang: Report) -> None:
        """Every cell of table 二; the procurement amount has no unit in the source."""
        expected = {
            "active.regulations.new_made": 0,
            "active.regulations.new_published": 0,
            "active.regulations.published_total": 0,
            "active.normative_documents.new_made": 5,
            "active.normative_documents.new_published": 5,
            "active.normative_documents.published_total": 5,
            "active.licensing.items_prev_year": 0,
            "active.licensing.items_change": 0,
            "active.licensing.decisions": 0,
            "active.other_services.items_prev_year": 0,
            "active.other_services.items_change": 0,
            "active.other_services.decisions": 0,
            "active.penalties.items_prev_year": 0,
            "active.penalties.items_change": 0,
            "active.penalties.decisions": 0,
            "active.coercion.items_prev_year": 0,
            "active.coercion.items_change": 0,
            "active.coercion.decisions": 0,
            "active.administrative_fees.items_prev_year": 0,
            "active.administrative_fees.items_change": 0,
            "active.procurement.projects": 1,
            "active.procurement.amount": Amount(value=Decimal("8040"), unit=None),
        }
        assert expected == table_cells(huichang, "active")

    @pytest.mark.parametrize("table", ["applications", "reviews"])
    def test_tables_after_the_cut_are_not_stated(self, huichang: Report, table: str) -> None:
        """Tables 三 and 四 lie after the cut: every cell is None, never 0."""
        actual = table_cells(huichang, table)
        assert dict.fromkeys(actual) == actual
        assert len(actual) == {"applications": 161, "reviews": 15}[table]

    def test_claims(self, huichang: Report) -> None:
        """The two figures of the narrative; "260余" lost its measure word at the cut."""
        expected = {
            "full-time-staff": (1, Decimal("1"), "名", Approximation.EXACT, None),
            "information-published": (1, Decimal("260"), None, Approximation.MORE_THAN, None),
        }
        actual = {
            c.id: (c.section, c.value, c.unit, c.approximation, c.about) for c in huichang.claims
        }
        assert expected == actual


# --------------------------------------------------------------------------------------
# 沅陵县二酉苗族乡人民政府 2020 (yuanling-eryou-2020-excerpt.txt, cut in table 三's header)
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def yuanling() -> Report:
    return dm.examples.load("yuanling-eryou-2020")


class TestYuanlingEryou2020:
    """二酉苗族乡2020年年度报告 (2019 format, a mirror's traditional-character copy)."""

    def test_metadata(self, yuanling: Report) -> None:
        """The organ in its official simplified name; the title as the mirror printed it."""
        expected = (
            Organ(name="沅陵县二酉苗族乡人民政府", level=OrganLevel.TOWNSHIP, division_code=None),
            2020,
            ReportFormat.GOV_2019,
            "沅陵縣二酉苗族鄉(xiāng)人民政府2020年政府信息公開工作年度報告",
            None,
            date(2021, 1, 18),
            Source(
                url="https://71584.cn/yuanling/c119035/202101/"
                "a5aaebb271dd45b8ad21e9b7e39bfceb.shtml"
            ),
        )
        actual = (
            yuanling.organ,
            yuanling.year,
            yuanling.format,
            yuanling.title,
            yuanling.dated,
            yuanling.published,
            yuanling.source,
        )
        assert expected == actual

    def test_sections(self, yuanling: Report) -> None:
        """Headings in traditional characters as obtained; 三 is kept (its heading is whole)."""
        expected = [
            "一、總體情況",
            "二、主動公開政府信息情況",
            "三、收到和處理政府信息公開申請情況",
        ]
        assert expected == [s.title for s in yuanling.sections]
        assert yuanling.sections[0].text.startswith("本年度報告根據(jù)《中華人民共和國")
        assert not any(s.text for s in yuanling.sections[1:])

    def test_active_disclosure_table(self, yuanling: Report) -> None:
        """Every cell of table 二, including 行政處罰 3 / 1 / 1 and the unitless amount."""
        expected = {
            "active.regulations.new_made": 0,
            "active.regulations.new_published": 0,
            "active.regulations.published_total": 0,
            "active.normative_documents.new_made": 0,
            "active.normative_documents.new_published": 0,
            "active.normative_documents.published_total": 0,
            "active.licensing.items_prev_year": 0,
            "active.licensing.items_change": 0,
            "active.licensing.decisions": 0,
            "active.other_services.items_prev_year": 0,
            "active.other_services.items_change": 0,
            "active.other_services.decisions": 0,
            "active.penalties.items_prev_year": 3,
            "active.penalties.items_change": 1,
            "active.penalties.decisions": 1,
            "active.coercion.items_prev_year": 0,
            "active.coercion.items_change": 0,
            "active.coercion.decisions": 0,
            "active.administrative_fees.items_prev_year": 0,
            "active.administrative_fees.items_change": 0,
            "active.procurement.projects": 17,
            "active.procurement.amount": Amount(value=Decimal("15000000"), unit=None),
        }
        assert expected == table_cells(yuanling, "active")

    @pytest.mark.parametrize("table", ["applications", "reviews"])
    def test_tables_after_the_cut_are_not_stated(self, yuanling: Report, table: str) -> None:
        """Table 三 is cut in its header and 四 never reached: every cell is None, never 0."""
        actual = table_cells(yuanling, table)
        assert dict.fromkeys(actual) == actual
        assert len(actual) == {"applications": 161, "reviews": 15}[table]

    def test_no_claims(self, yuanling: Report) -> None:
        """The only numbers of the narrative are a date range and a phone number: no claims."""
        assert not yuanling.claims


# --------------------------------------------------------------------------------------
# All three
# --------------------------------------------------------------------------------------

NAMES = ("huaian-2024", "huichang-zhongcun-2020", "yuanling-eryou-2020")


class TestAllThree:
    """Properties every transcribed example must have."""

    @pytest.mark.parametrize("name", NAMES)
    def test_bundled(self, name: str) -> None:
        """The example is listed by name."""
        assert name in dm.examples.names()

    @pytest.mark.parametrize("name", NAMES)
    def test_claim_text_is_in_its_section(self, name: str) -> None:
        """Each claim's words are an exact substring of its section's text."""
        report = dm.examples.load(name)
        expected = [c.id for c in report.claims]
        actual = [
            c.id
            for c in report.claims
            if c.section is not None and c.text in report.sections[c.section].text
        ]
        assert expected == actual

    @pytest.mark.parametrize("name", NAMES)
    def test_claim_value_is_in_its_text(self, name: str) -> None:
        """Each claim's value is written in its own words exactly as stored."""
        report = dm.examples.load(name)
        expected: list[str] = []
        assert expected == [c.id for c in report.claims if str(c.value) not in c.text]

    @pytest.mark.parametrize("name", NAMES)
    def test_claim_subjects_resolve(self, name: str) -> None:
        """Every cell a claim is about exists and is stated."""
        report = dm.examples.load(name)
        expected: list[str] = []
        assert expected == [p for p in claim_paths(report) if report.statistics.cell(p) is None]

    @pytest.mark.parametrize("name", NAMES)
    def test_round_trip(self, name: str) -> None:
        """dumps then loads gives back an equal report."""
        report = dm.examples.load(name)
        assert report == dm.loads(dm.dumps(report))
