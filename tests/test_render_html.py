"""The HTML rendering read back with an HTML parser: spans, headers and cell positions as
DOMAIN.md describes each official form; values as typed by hand from the published reports
(tests/parsing/expected); labels and numbers per locale; blanks blank; text escaped."""

from __future__ import annotations

import json
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import disclosure_model as dm
from disclosure_model.render import (
    SUPPORTED_LOCALES,
    UnsupportedLocaleError,
    render_html,
    render_markdown,
)

EXPECTED = Path(__file__).parent / "parsing" / "expected"

# DOMAIN.md §1.3, in form order.
TABLE3_ROWS_2021 = [
    "new_received",
    "carried_over",
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
    "other_no_correction",
    "other_unpaid_fee",
    "other_other",
    "results_total",
    "carried_forward",
]
TABLE3_ROWS_2019 = [
    *TABLE3_ROWS_2021[:20],
    "other_total",
    "results_total",
    "carried_forward",
]
TABLE3_COLUMNS = [
    "natural_person",
    "legal_commercial",
    "legal_research",
    "legal_public_welfare",
    "legal_law_service",
    "legal_other",
    "total",
]
# DOMAIN.md §1.4: three blocks of five, in print order.
TABLE4_CELLS = [
    f"reviews.{block}.{leaf}"
    for block in ("review", "litigation_direct", "litigation_after_review")
    for leaf in ("upheld", "corrected", "other", "pending", "total")
]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


class _Cell:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = ""
        self.rowspan = int(attrs.get("rowspan") or 1)
        self.colspan = int(attrs.get("colspan") or 1)


class _Reader(HTMLParser):
    """Tables as rows of cells (with the section they sit in), and every start tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, dict[str, Any]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._table: dict[str, Any] | None = None
        self._part = "tbody"
        self._cell: _Cell | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "table" and a.get("data-table"):
            self._table = {"thead": [], "tbody": []}
            self.tables[str(a["data-table"])] = self._table
        elif tag in ("thead", "tbody"):
            self._part = tag
        elif tag == "tr" and self._table is not None:
            self._table[self._part].append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = _Cell(tag, a)
            self._table[self._part][-1].append(self._cell)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.text += data


def read(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader


def matrix(rows: list[list[_Cell]]) -> list[list[_Cell]]:
    """Each cell at every grid position it covers (rowspan and colspan applied)."""
    grid: dict[tuple[int, int], _Cell] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, c + dc)] = cell
            c += cell.colspan
    height = len(rows)
    width = max(c for _, c in grid) + 1
    return [[grid[(r, c)] for c in range(width)] for r in range(height)]


def expected_cells(name: str) -> dict[str, Any]:
    cells: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))["cells"]
    return cells


def shown(value: Any) -> str:
    """A hand-typed cell as the zh rendering prints it: the number, no separators."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value["amount"])
    return str(value)


@pytest.fixture(scope="module")
def huaian() -> _Reader:
    return read(render_html(dm.examples.load("huaian-2024"), locale="zh_Hans_CN"))


@pytest.fixture(scope="module")
def huichang() -> _Reader:
    return read(render_html(dm.examples.load("huichang-zhongcun-2020"), locale="zh_Hans_CN"))


@pytest.fixture(scope="module")
def baoshan() -> _Reader:
    return read(render_html(dm.examples.load("baoshan-2018"), locale="zh_Hans_CN"))


class TestTable3:
    def test_header_2021(self, huaian: _Reader) -> None:
        """The note in the top-left cell over 3 label columns and 3 header rows; 申请人情况
        over 7 columns; 法人或其他组织 over its 5; 自然人 and 总计 down two rows."""
        head = huaian.tables["applications"]["thead"]
        spans = [[(c.text, c.rowspan, c.colspan) for c in row] for row in head]
        assert [
            [(NOTE, 3, 3), ("申请人情况", 1, 7)],
            [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
            [
                ("商业企业", 1, 1),
                ("科研机构", 1, 1),
                ("社会公益组织", 1, 1),
                ("法律服务机构", 1, 1),
                ("其他", 1, 1),
            ],
        ] == spans

    def test_row_groups_2021(self, huaian: _Reader) -> None:
        """三、本年度办理结果 spans 22 rows, （三） 8, （四） 3, （五） 5, （六） 3."""
        body = huaian.tables["applications"]["tbody"]
        groups = {c.text: c.rowspan for row in body for c in row if c.rowspan > 1}
        assert {
            "三、本年度办理结果": 22,
            "（三）不予公开": 8,
            "（四）无法提供": 3,
            "（五）不予处理": 5,
            "（六）其他处理": 3,
        } == groups

    def test_cells_at_their_positions_2021(self, huaian: _Reader) -> None:
        """Row r, column c of the body (after 3 label columns) is the hand-typed cell."""
        cells = expected_cells("huaian-city-2024-pdf")
        grid = matrix(huaian.tables["applications"]["tbody"])
        assert len(TABLE3_ROWS_2021) == len(grid)
        for r, row in enumerate(TABLE3_ROWS_2021):
            assert [shown(cells[f"applications.{row}.{c}"]) for c in TABLE3_COLUMNS] == [
                cell.text for cell in grid[r][3:]
            ]
            assert all(cell.tag == "th" for cell in grid[r][:3])

    def test_single_other_row_2019(self, huichang: _Reader) -> None:
        """2019: 三、本年度办理结果 spans 20 rows; （六）其他处理 is one row of values."""
        body = huichang.tables["applications"]["tbody"]
        groups = {c.text: c.rowspan for row in body for c in row if c.rowspan > 1}
        assert 20 == groups["三、本年度办理结果"]
        assert "（六）其他处理" not in groups
        grid = matrix(body)
        assert len(TABLE3_ROWS_2019) == len(grid)
        row = grid[TABLE3_ROWS_2019.index("other_total")]
        assert "（六）其他处理" == row[1].text
        assert 2 == row[1].colspan

    def test_blanks_are_blank_2019(self, huichang: _Reader) -> None:
        """A cell the report leaves blank is an empty cell: not 0, not a dash."""
        cells = expected_cells("huichang-zhongcun-2020-excerpt")
        grid = matrix(huichang.tables["applications"]["tbody"])
        for r, row in enumerate(TABLE3_ROWS_2019):
            for c, column in enumerate(TABLE3_COLUMNS):
                value = cells.get(f"applications.{row}.{column}")
                assert shown(value) == grid[r][3 + c].text


class TestTable4:
    def test_one_row_of_fifteen(self, huaian: _Reader) -> None:
        """行政复议 (5) | 行政诉讼 (10) › 未经复议直接起诉 (5) / 复议后起诉 (5); one row of 15."""
        table = huaian.tables["reviews"]
        spans = [[(c.text, c.rowspan, c.colspan) for c in row] for row in table["thead"]]
        leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        assert [
            [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
            [*((x, 2, 1) for x in leaves), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
            [(x, 1, 1) for x in leaves * 2],
        ] == spans
        cells = expected_cells("huaian-city-2024-pdf")
        [row] = table["tbody"]
        assert [shown(cells[p]) for p in TABLE4_CELLS] == [c.text for c in row]
        assert all(c.tag == "td" for c in row)


class TestTable2:
    def test_captions_and_grid_2021(self, huaian: _Reader) -> None:
        """Four captions over 4 columns; (五)(六)(八) value cells span 3 columns."""
        grid = matrix(huaian.tables["active"]["tbody"])
        assert all(4 == len(row) for row in grid)
        captions = [row[0].text for row in grid if row[0].colspan == 4]
        assert [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
        ] == captions
        labels = {row[0].text: row for row in grid}
        assert ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] == [
            c.text for c in grid[1]
        ]
        assert "3985758" == labels["行政处罚"][1].text
        assert 3 == labels["行政处罚"][1].colspan
        assert "96171.6" == labels["行政事业性收费"][1].text

    def test_captions_2019(self, huichang: _Reader) -> None:
        """2019 adds 第二十条第（九）项 and the row 其他对外管理服务事项."""
        grid = matrix(huichang.tables["active"]["tbody"])
        captions = [row[0].text for row in grid if row[0].colspan == len(row)]
        assert "第二十条第（九）项" == captions[-1]
        assert "其他对外管理服务事项" in {row[0].text for row in grid}


class TestLegacy:
    def test_indicator_unit_value(self, baoshan: _Reader) -> None:
        """统计指标 / 单位 / 统计数; groups as heading rows; a row with its unit and value."""
        table = baoshan.tables["indicators"]
        assert [["统计指标", "单位", "统计数"]] == [[c.text for c in r] for r in table["thead"]]
        rows = {r[0].text: r for r in table["tbody"]}
        assert 3 == rows["一、主动公开情况"][0].colspan
        assert ["件", "129"] == [c.text for c in rows["（一）收到申请数"][1:]]
        assert ["条", ""] == [c.text for c in rows["其中：主动公开规范性文件数"][1:]]


class TestLocales:
    def test_supported(self) -> None:
        """The three locales render; an unsupported one is the project's error naming them."""
        report = dm.examples.load("huaian-2024")
        assert ("zh_Hans_CN", "zh_Hant_TW", "en") == SUPPORTED_LOCALES
        for locale in SUPPORTED_LOCALES:
            assert "<table" in render_html(report, locale=locale)
        with pytest.raises(UnsupportedLocaleError, match="zh_Hans_CN, zh_Hant_TW and en") as e:
            render_html(report, locale="fr")
        assert isinstance(e.value, dm.DisclosureModelError)
        assert isinstance(e.value, ValueError)

    def test_english_labels_and_grouping(self) -> None:
        """en: the catalogue's English labels, digits grouped by babel, dates spelled out."""
        page = read(render_html(dm.examples.load("huaian-2024"), locale="en"))
        grid = matrix(page.tables["active"]["tbody"])
        rows = {row[0].text: row for row in grid}
        assert "3,985,758" == rows["administrative penalties"][1].text
        head = [c.text for c in page.tables["applications"]["thead"][1]]
        assert "natural persons" == head[0]
        baoshan = "".join(read(render_html(dm.examples.load("baoshan-2018"), locale="en")).text)
        assert "February 13, 2019" in baoshan

    def test_traditional_chrome_official_labels(self) -> None:
        """zh_Hant_TW: the renderer's words in traditional script, the form's labels as the
        form prints them, dates as babel writes them for zh_Hant_TW."""
        page = read(render_html(dm.examples.load("baoshan-2018"), locale="zh_Hant_TW"))
        raw = render_html(dm.examples.load("baoshan-2018"), locale="zh_Hant_TW")
        assert "<dt>機關</dt>" in raw
        assert "<dt>机关</dt>" not in raw
        text = "".join(page.text)
        assert "2019年2月13日" in text
        assert "（一）收到申请数" in {r[0].text for r in page.tables["indicators"]["tbody"]}

    def test_amount_unit_after_no_break_space(self) -> None:
        """An amount whose unit the header does not give keeps it, after a no-break space."""
        report = dm.examples.load("huichang-zhongcun-2020")
        stats = report.statistics
        amount = dm.Amount(value=Decimal("251000"), unit=dm.MoneyUnit.YUAN)
        active = attrs.evolve(
            stats.active, procurement=attrs.evolve(stats.active.procurement, amount=amount)
        )
        report = attrs.evolve(report, statistics=attrs.evolve(stats, active=active))
        for locale, text in (("zh_Hans_CN", "251000\xa0元"), ("en", "251,000\xa0yuan")):
            grid = matrix(read(render_html(report, locale=locale)).tables["active"]["tbody"])
            assert text == grid[-1][2].text


class TestSafety:
    def test_narrative_script_is_text(self) -> None:
        """A <script> in the narrative, a title or a source URL is text, never markup."""
        report = dm.examples.load("huaian-2024")
        evil = "<script>alert(1)</script>"
        sections = (dm.Section(title=f"一、总体情况{evil}", text=f"正文{evil}"),)
        report = attrs.evolve(
            report,
            claims=(),
            title=f"<b>{report.title}</b>",
            sections=sections,
            source=dm.Source(url="javascript:alert(1)"),
        )
        page = render_html(report, locale="zh_Hans_CN")
        reader = read(page)
        assert "script" not in {tag for tag, _ in reader.tags}
        assert "b" not in {tag for tag, _ in reader.tags}
        assert not any(a.get("href", "").startswith("javascript") for _, a in reader.tags)
        text = "".join(reader.text)
        assert f"正文{evil}" in text
        assert "javascript:alert(1)" in text
        markdown = render_markdown(report, locale="zh_Hans_CN")
        assert "<script>" not in markdown
        assert "\\<script\\>" in markdown

    def test_one_stylesheet_no_script(self) -> None:
        """Each page has exactly one <style> and no <script>."""
        for name in dm.examples.names():
            tags = [t for t, _ in read(render_html(dm.examples.load(name), locale="en")).tags]
            assert 1 == tags.count("style")
            assert "script" not in tags


def with_typo(report: dm.Report, row: str, column: str, delta: int) -> dm.Report:
    stats = report.statistics
    table = stats.applications
    cells = getattr(table, row)
    cells = attrs.evolve(cells, **{column: getattr(cells, column) + delta})
    return attrs.evolve(
        report, statistics=attrs.evolve(stats, applications=attrs.evolve(table, **{row: cells}))
    )


class TestFindingsOverlay:
    def test_failing_cells_marked_and_linked(self) -> None:
        """A typo in （七）总计 × 自然人 breaks R-01, R-02 and R-03: the cell is marked as
        an error (suspect), its title carries the three messages, and the findings list
        shows one problem of three findings linking to the cell."""
        report = with_typo(dm.examples.load("huaian-2024"), "results_total", "natural_person", 10)
        result = dm.check(report)
        assert {"R-01", "R-02", "R-03"} == result.codes
        page = read(render_html(report, locale="zh_Hans_CN", findings=result))
        cells = {
            c.attrs.get("data-path"): c
            for row in page.tables["applications"]["tbody"]
            for c in row
            if c.tag == "td"
        }
        typo = cells["applications.results_total.natural_person"]
        assert {"dm-error", "dm-suspect"} == set(str(typo.attrs["class"]).split())
        assert all(code in str(typo.attrs["title"]) for code in ("R-01", "R-02", "R-03"))
        assert "class" not in cells["applications.granted.legal_research"].attrs
        links = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#")]
        assert f"#{typo.attrs['id']}" in links
        text = "".join(page.text)
        assert "3 项核对涉及同一单元格 表三 （七）总计 / 自然人" in text


class TestCoverage:
    def test_cells_never_reached_are_marked(self) -> None:
        """A source that stops at 4.保护第三方合法权益: the blank cells after it are marked
        as never reached, those before it are plain blanks."""
        report = attrs.evolve(
            dm.examples.load("huichang-zhongcun-2020"),
            coverage=dm.Coverage(last_row="applications.denied_third_party"),
        )
        page = read(render_html(report, locale="zh_Hans_CN"))
        marked = {
            str(c.attrs["data-path"]).split(".")[1]
            for row in page.tables["applications"]["tbody"]
            for c in row
            if c.tag == "td" and "dm-unreached" in str(c.attrs.get("class", ""))
        }
        after = TABLE3_ROWS_2019[TABLE3_ROWS_2019.index("denied_third_party") + 1 :]
        assert set(after) == marked


class TestCombined:
    def test_figures_stated_together_listed(self) -> None:
        """The seed states 微博 and 微信 as one figure: both cells stay blank in the table,
        and the figure is listed under it with both labels."""
        page = read(render_html(dm.examples.load("baoshan-2018"), locale="zh_Hans_CN"))
        rows = {r[0].text: r for r in page.tables["indicators"]["tbody"]}
        assert "" == rows["3.政务微博公开政府信息数"][2].text
        text = "".join(page.text)
        assert "3.政务微博公开政府信息数 + 4.政务微信公开政府信息数：32132" in text
