"""The HTML front end: decoding, tables found in the page, spans resolved, cell text."""

from __future__ import annotations

import pytest

from disclosure_model.errors import ParseError
from disclosure_model.parsing import Grid
from disclosure_model.parsing._html import decode_html, read_html


def _texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows()]


class TestDecode:
    def test_declared_charset(self) -> None:
        """A page declaring gb2312 is decoded as gb18030 (its superset)."""
        page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>镕</p>'
        assert page == decode_html(page.encode("gb18030"))

    def test_xml_declaration(self) -> None:
        """An XML declaration's encoding is honoured."""
        page = '<?xml version="1.0" encoding="gbk"?><p>规章</p>'
        assert page == decode_html(page.encode("gbk"))

    def test_undeclared_utf8(self) -> None:
        """No declaration: UTF-8 when the bytes are UTF-8."""
        assert "<p>行政许可</p>" == decode_html("<p>行政许可</p>".encode())

    def test_undeclared_gb(self) -> None:
        """No declaration and not UTF-8: gb18030."""
        assert "<p>行政许可</p>" == decode_html("<p>行政许可</p>".encode("gb18030"))


class TestTables:
    def test_rowspan_colspan(self) -> None:
        """A rowspan label is seen by every row it spans; a colspan cell covers its columns."""
        page = """<table>
        <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>
        <tr><td>（二）部分公开</td><td>2</td></tr>
        <tr><td colspan="2">四、结转下年度继续办理</td><td>3</td></tr>
        </table>"""
        (grid,) = read_html(page).grids
        assert [
            ["三、本年度办理结果", "(一)予以公开", "1"],
            ["三、本年度办理结果", "(二)部分公开", "2"],
            ["四、结转下年度继续办理", "3"],
        ] == _texts(grid)
        assert (3, 3) == (grid.n_rows, grid.n_cols)
        assert grid.at(2, 1) is grid.at(2, 0)

    def test_label_split_over_markup(self) -> None:
        """A label split over <p>/<span>/<font> with &nbsp; padding reads as one text."""
        page = (
            "<table><tr><td><p><span>三、本</span></p><p><font>年度办</font>&nbsp;</p>"
            "<p>理结果</p></td><td>商业<br>企业</td></tr></table>"
        )
        (grid,) = read_html(page).grids
        assert [["三、本 年度办 理结果", "商业 企业"]] == _texts(grid)

    def test_nested_layout_table(self) -> None:
        """A statistics table nested in a layout table is found as its own grid; the layout
        table's text around it stays text."""
        page = (
            "<table><tr><td><p>二、主动公开政府信息情况</p>"
            "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>"
        )
        doc = read_html(page)
        assert [[["规章", "0"]]] == [_texts(g) for g in doc.grids]
        assert "二、主动公开政府信息情况" in doc.text

    def test_split_tables_in_order(self) -> None:
        """Tables split over several <table>s come in document order with the text between."""
        page = (
            "<p>三、收到</p><table><tr><td>a</td></tr></table>"
            "<p>续表</p><table><tr><td>b</td></tr></table>"
        )
        doc = read_html(page)
        assert ["三、收到", "a", "续表", "b"] == [
            b if isinstance(b, str) else b.cells[0].text for b in doc.blocks
        ]

    def test_locations(self) -> None:
        """A cell's location names its table, tr and td in the source (before spans)."""
        page = "<table><tr><td>x</td></tr></table><table><tr><td>a</td><td>b</td></tr></table>"
        cell = read_html(page).grids[1].cells[1]
        assert (1, 0, 1) == (cell.location.table, cell.location.row, cell.location.column)

    def test_huge_spans_are_capped(self) -> None:
        """rowspan/colspan are capped, so a page cannot make the grid explode."""
        page = '<table><tr><td rowspan="999999999" colspan="99999">x</td></tr></table>'
        (grid,) = read_html(page).grids
        assert grid.n_cols <= 100
        assert grid.n_rows == 1


class TestSafety:
    def test_size_cap(self) -> None:
        """A page over the cap is refused with the project's error (the cap is per call)."""
        with pytest.raises(ParseError, match="limit"):
            read_html("<p>" + "x" * 200 + "</p>", max_bytes=100)

    def test_external_entity_not_loaded(self) -> None:
        """An external entity in a DOCTYPE is not fetched or expanded."""
        page = (
            '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<html><body><p>&x;规章</p></body></html>"
        )
        text = read_html(page).text
        assert "root:" not in text

    def test_empty(self) -> None:
        """An empty page is a ParseError naming what is missing."""
        with pytest.raises(ParseError, match="empty"):
            read_html("   ")
