"""The text front end: lines into label and value cells, page furniture dropped."""

from __future__ import annotations

from disclosure_model.parsing._text import read_text


def _rows(text: str) -> list[list[str]]:
    return [[c.text for c in row] for row in read_text(text).grid.rows()]


class TestLines:
    def test_label_and_numbers(self) -> None:
        """A plain line splits into its label and its numbers; 1. is numbering, not a value."""
        assert [["1.属于国家秘密", "2", "0", "0", "0", "0", "0", "2"]] == _rows(
            "1.属于国家秘密 2 0 0 0 0 0 2"
        )

    def test_page_numbers_dropped(self) -> None:
        """Page numbers inside tables (- 4 -, — 5 —, 第 3 页) are not lines."""
        assert [["规章", "0"], ["行政许可", "1"]] == _rows(
            "规章 0\n- 4 -\n— 5 —\n第 3 页\n行政许可 1"
        )

    def test_lone_number_kept(self) -> None:
        """A lone number on its line (one value per line) is a value, not a page number."""
        assert [["规章"], ["0"], ["5"]] == _rows("规章\n0\n5")

    def test_markdown_row(self) -> None:
        """A Markdown row is split at its pipes; an empty cell between pipes is a blank cell;
        rule rows are dropped."""
        assert [["四、结转下年度继续办理", "1", "0", ""]] == _rows(
            "| 四、结转下年度继续办理 | 1 | 0 |  |\n|---|---|---|---|"
        )

    def test_pipe_list(self) -> None:
        """Pipe-separated text (no leading pipe): empty ends are no cells; bare pipes dropped."""
        assert [["规章", "0", "0", "0"]] == _rows("规章 | 0 | 0 | 0 |\n|||||")

    def test_annotation_on_next_line(self) -> None:
        """22 then （其中修订 16 件） on the next line is one annotated value over two lines."""
        (row,) = read_text("22\n（其中修订 16 件）").grid.rows()
        assert ["22(其中修订 16 件)"] == [c.text for c in row]
        assert (1, 2) == (row[0].location.line, row[0].location.end_line)

    def test_prose_counts_are_not_values(self) -> None:
        """Numbers with a unit or date word in prose (2024年, 21 件, 第711号) are not cells."""
        assert [["2024年,受理申请21件,国令第711号"]] == _rows("2024年，受理申请21件，国令第711号")

    def test_amount_with_unit(self) -> None:
        """An amount followed by 元 is one cell."""
        assert [["政府集中采购", "17", "251000元"]] == _rows("政府集中采购 17 251000元")

    def test_signed_change(self) -> None:
        """A signed change (本年增/减 -2,018) is one cell with its sign."""
        assert [["行政许可", "2,018", "-2,018", "0"]] == _rows("行政许可 2,018 -2,018 0")

    def test_unit_column(self) -> None:
        """A legacy row's unit column (统计指标 单位 统计数) is a cell of its own."""
        assert [["(一)收到申请数", "件", "12"]] == _rows("（一）收到申请数 件 12")

    def test_line_numbers(self) -> None:
        """Each cell knows its line (1-based, blank lines counted)."""
        grid = read_text("a 1\n\nb 2").grid
        assert [1, 3] == [row[0].location.line for row in grid.rows()]
