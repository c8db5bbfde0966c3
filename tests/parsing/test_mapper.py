"""The mapper: rows found by their labels, values read by the form's columns, never guessed.

The labels below are typed from DOMAIN.md (§1.2–§1.4, §2.1); the numbers are made up so
that each test has one right reading.
"""

from __future__ import annotations

import pytest
from tests._domain import TABLE3_ROWS_2021

import disclosure_model as dm
from disclosure_model.parsing import Parsed, parse

TITLE = "某县人民政府2021年政府信息公开工作年度报告"

ROWS_2021 = TABLE3_ROWS_2021
ZERO = "0 0 0 0 0 0 0"


def _text(rows: dict[int, str], *, reviews: str | None = None, title: str = TITLE) -> str:
    """A 2021 text: table 二 with 2021 markers, table 三 with the given rows (index → cells;
    the others all 0), and table 四 when given."""
    lines = [
        title,
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 0 0 0",
        "三、收到和处理政府信息公开申请情况",
    ]
    lines += [f"{label} {rows.get(i, ZERO)}" for i, label in enumerate(ROWS_2021)]
    if reviews is not None:
        lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼", reviews]
    lines.append("五、存在的主要问题及改进情况")
    return "\n".join(lines)


def _cells(parsed: Parsed, row: str) -> list[object]:
    counts = getattr(parsed.report.statistics.applications, row)
    return [
        counts.natural_person,
        counts.legal_commercial,
        counts.legal_research,
        counts.legal_public_welfare,
        counts.legal_law_service,
        counts.legal_other,
        counts.total,
    ]


def _codes(parsed: Parsed, path: str) -> set[str]:
    return {n.code for n in parsed.notes_for(path)}


class TestRows:
    def test_every_row_by_label(self) -> None:
        """Each of the 25 rows is read by its label, its 7 cells in the form's column order."""
        rows = {i: f"{i} 0 0 0 0 0 {i}" for i in range(25)}
        parsed = parse(_text(rows, reviews=" ".join(["0"] * 15)), kind="text")
        for i, key in enumerate(r.key for r in dm.form("gov-2021").table("applications").leaf_rows):
            assert [i, 0, 0, 0, 0, 0, i] == _cells(parsed, key)

    def test_rows_out_of_order_are_matched_by_label(self) -> None:
        """Rows are found by label, not by position: two rows swapped in the text keep
        their own values."""
        text = _text({4: "4 0 0 0 0 0 4", 5: "5 0 0 0 0 0 5"})
        lines = text.splitlines()
        i, j = (
            lines.index(f"{ROWS_2021[4]} 4 0 0 0 0 0 4"),
            lines.index(f"{ROWS_2021[5]} 5 0 0 0 0 0 5"),
        )
        lines[i], lines[j] = lines[j], lines[i]
        parsed = parse("\n".join(lines), kind="text")
        assert [4, 0, 0, 0, 0, 0, 4] == _cells(parsed, "denied_state_secret")
        assert [5, 0, 0, 0, 0, 0, 5] == _cells(parsed, "denied_law_prohibited")

    def test_label_wrapped_over_lines(self) -> None:
        """A label broken over two lines, its numbers after the second (pypdf)."""
        text = _text({}).replace(
            f"{ROWS_2021[3]} {ZERO}",
            "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7 0 0 0 0 454",
        )
        assert [447, 7, 0, 0, 0, 0, 454] == _cells(parse(text, kind="text"), "partially_granted")

    def test_numbers_before_label(self) -> None:
        """A row's numbers printed on the line before its label (pdfplumber)."""
        text = _text({}).replace(
            f"{ROWS_2021[12]} {ZERO}", "10 0 0 0 0 0 10\n1.本机关不掌握相关政府信息"
        )
        assert [10, 0, 0, 0, 0, 0, 10] == _cells(parse(text, kind="text"), "unable_not_held")

    def test_vertical_group_label(self) -> None:
        """The group label 三、本年度办理结果 printed one character per line is no row."""
        vertical = "\n".join("三、本年度办理结果")
        text = _text({2: "1 0 0 0 0 0 1"}).replace(
            f"{ROWS_2021[2]} 1", f"{vertical}\n{ROWS_2021[2]} 1"
        )
        assert [1, 0, 0, 0, 0, 0, 1] == _cells(parse(text, kind="text"), "granted")

    def test_group_and_row_on_one_line(self) -> None:
        """（四）无法提供 1.本机关… on one line is the row 1.本机关…"""
        text = _text({12: "3 0 0 0 0 0 3"}).replace(
            ROWS_2021[12], "（四）无法提供 " + ROWS_2021[12]
        )
        assert [3, 0, 0, 0, 0, 0, 3] == _cells(parse(text, kind="text"), "unable_not_held")

    def test_one_value_per_line(self) -> None:
        """A label, then its seven cells one per line (web page text)."""
        text = _text({}).replace(f"{ROWS_2021[0]} {ZERO}", ROWS_2021[0] + "\n5\n0\n0\n0\n0\n0\n5")
        assert [5, 0, 0, 0, 0, 0, 5] == _cells(parse(text, kind="text"), "new_received")

    def test_label_that_lost_characters(self) -> None:
        """2.其他法律行政止公开 (法规禁 lost in the PDF) is row denied_law_prohibited."""
        text = _text({5: "2 0 0 0 0 0 2"}).replace(ROWS_2021[5], "2.其他法律行政止公开")
        assert [2, 0, 0, 0, 0, 0, 2] == _cells(parse(text, kind="text"), "denied_law_prohibited")


class TestRunTogether:
    def test_unique_split(self) -> None:
        """230 000023 has one split into 7 cells whose six applicant cells add up to 总计:
        23|0|0|0|0|0|23 (the example of the corpus README)."""
        parsed = parse(_text({0: "230 000023"}), kind="text")
        assert [23, 0, 0, 0, 0, 0, 23] == _cells(parsed, "new_received")
        assert "split-run" in _codes(parsed, "applications.new_received.total")

    def test_ambiguous_split(self) -> None:
        """10 100 0 0 11 splits two ways that add up (10|1|0|0|0|0|11 and 1|0|10|0|0|0|11):
        the cells are None, with a note listing both; nothing is guessed."""
        parsed = parse(_text({2: "10 100 0 0 11"}), kind="text")
        assert [None] * 7 == _cells(parsed, "granted")
        (note,) = [
            n for n in parsed.notes_for("applications.granted.total") if n.code == "ambiguous-split"
        ]
        assert {(10, 1, 0, 0, 0, 0, 11), (1, 0, 10, 0, 0, 0, 11)} == set(note.candidates)

    def test_split_by_column_totals(self) -> None:
        """The same ambiguous run in row 一 is settled by the table's column balance
        (一 + 二 = （七） + 四, the 勾稽关系): （七） is 10|1|0|0|0|0|11, 二 and 四 are 0."""
        rows = {0: "10 100 0 0 11", 2: "10 1 0 0 0 0 11", 23: "10 1 0 0 0 0 11"}
        parsed = parse(_text(rows), kind="text")
        assert [10, 1, 0, 0, 0, 0, 11] == _cells(parsed, "new_received")
        assert "split-by-column-totals" in _codes(parsed, "applications.new_received")

    def test_too_few_cells(self) -> None:
        """A row printing 2 of 7 cells (blanks invisible in text): which are blank cannot be
        told, so all seven are None with a note."""
        parsed = parse(_text({1: "3 3"}), kind="text")
        assert [None] * 7 == _cells(parsed, "carried_over")
        assert "ambiguous-cells" in _codes(parsed, "applications.carried_over.natural_person")


class TestReviews:
    def test_one_row_of_fifteen(self) -> None:
        """Table 四 printed as one row of 15 cells: 行政复议, then 行政诉讼 › 未经复议直接起诉,
        then › 复议后起诉, each 结果维持 结果纠正 其他结果 尚未审结 总计."""
        parsed = parse(_text({}, reviews="1 2 3 4 10 5 0 0 0 5 0 1 0 0 1"), kind="text")
        reviews = parsed.report.statistics.reviews
        assert (1, 2, 3, 4, 10) == (
            reviews.review.upheld,
            reviews.review.corrected,
            reviews.review.other,
            reviews.review.pending,
            reviews.review.total,
        )
        assert (5, 5) == (reviews.litigation_direct.upheld, reviews.litigation_direct.total)
        assert (1, 1) == (
            reviews.litigation_after_review.corrected,
            reviews.litigation_after_review.total,
        )
        assert parsed.complete


class TestFormat:
    def test_markers_not_year(self) -> None:
        """A 2020 report in the 2021 form is read as gov-2021: the format comes from the
        table's markers (本年制发件数), not from the year."""
        parsed = parse(_text({}, title="某县人民政府2020年政府信息公开工作年度报告"), kind="text")
        assert (2020, dm.ReportFormat.GOV_2021) == (parsed.report.year, parsed.report.format)

    def test_2019_markers(self) -> None:
        """2019 markers (本年新制作数量, 上一年项目数量) make a 2021 report gov-2019."""
        text = "\n".join(
            [
                "某县人民政府2021年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
                "规章 1 2 3",
                "信息内容 上一年项目数量 本年增/减 处理决定数量",
                "行政许可 5 -1 7",
            ]
        )
        parsed = parse(text, kind="text")
        assert dm.ReportFormat.GOV_2019 is parsed.report.format
        active = parsed.report.statistics_as(dm.Statistics2019).active
        assert (1, 2, 3) == (
            active.regulations.new_made,
            active.regulations.new_published,
            active.regulations.published_total,
        )
        assert (5, -1, 7) == (
            active.licensing.items_prev_year,
            active.licensing.items_change,
            active.licensing.decisions,
        )


class TestCoverage:
    def test_text_ends_inside_table_three(self) -> None:
        """A text that stops inside a row of table 三 reaches the row before: its coverage
        ends there, the cut row and later rows are not reached (None), and a note says so."""
        text = _text({}).split("\n" + ROWS_2021[8])[0] + "\n" + ROWS_2021[8] + " 1 0 0"
        parsed = parse(text, kind="text")
        assert "applications.denied_third_party" == parsed.last_row
        assert dm.Coverage(last_row="applications.denied_third_party") == parsed.report.coverage
        assert [None] * 7 == _cells(parsed, "denied_internal_affairs")
        assert not parsed.complete
        assert "source-ends" in {n.code for n in parsed.notes}


class TestHtml:
    def test_blank_cells_stay_blank(self) -> None:
        """Blank cells of an HTML row (the shuyang-fgj layout) are None with a note, and the
        总计 stays in its column."""
        page = (
            "<p>某局2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>"
            f"<tr><td>{ROWS_2021[0]}</td><td>26</td>" + "<td>&nbsp;</td>" * 5 + "<td>26</td></tr>"
            "</table>"
        )
        parsed = parse(page, kind="html")
        assert [26, None, None, None, None, None, 26] == _cells(parsed, "new_received")
        assert "blank-cell" in _codes(parsed, "applications.new_received.legal_commercial")
        location = parsed.provenance["applications.new_received.total"]
        assert (0, 0, 7) == (location.table, location.row, location.column)

    def test_local_subtotal_column(self) -> None:
        """A third-party 法人或其他组织小计 column (DOMAIN §1.3: not in the form) is left out
        with a note; the other cells are read under their own headers."""
        heads = [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "小计",
            "总计",
        ]
        page = (
            "<p>某县人民政府2021年政府信息公开工作年度报告</p>"
            "<p>三、收到和处理政府信息公开申请情况</p><table>"
            "<tr><td>申请人情况</td>" + "".join(f"<td>{h}</td>" for h in heads) + "</tr>"
            f"<tr><td>{ROWS_2021[0]}</td><td>5</td><td>1</td><td>0</td><td>0</td><td>2</td>"
            "<td>0</td><td>3</td><td>8</td></tr></table>"
        )
        parsed = parse(page, kind="html")
        assert [5, 1, 0, 0, 2, 0, 8] == _cells(parsed, "new_received")
        assert "extra-column" in _codes(parsed, "applications.new_received")

    def test_extra_local_row(self) -> None:
        """A local extra row (其他主动公开文件, a Hubei variant) is noted and skipped."""
        page = (
            "<p>某局2020年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>1</td><td>0</td><td>2</td></tr>"
            "<tr><td>其他主动公开文件</td><td>9</td><td>9</td><td>9</td></tr>"
            "<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>4</td></tr></table>"
        )
        parsed = parse(page, kind="html")
        active = parsed.report.statistics_as(dm.Statistics2021).active
        assert (1, 3) == (active.regulations.issued, active.normative_documents.issued)
        assert "extra-row" in {n.code for n in parsed.notes}


class TestErrors:
    def test_nothing_found(self) -> None:
        """A text with no table and no title is a ParseError saying what is missing."""
        with pytest.raises(dm.ParseError, match="no statistics table"):
            parse("今天天气很好。", kind="text")

    def test_no_organ(self) -> None:
        """Tables but no organ anywhere: ParseError naming the organ (organ= fixes it)."""
        text = _text({}).replace(TITLE, "2021年政府信息公开工作年度报告")
        with pytest.raises(dm.ParseError, match="organ"):
            parse(text, kind="text")
        assert "某局" == parse(text, kind="text", organ="某局").report.organ.name
