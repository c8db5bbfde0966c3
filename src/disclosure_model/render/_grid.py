"""The printed grid of a report's tables, read from the form spec, for every renderer.

:func:`table_grids` lays out each table of a report's format as the official form prints
it: a list of rows of :class:`GridCell`, each with its spans, whatever the format. The
HTML and Markdown renderers only write these cells out; no renderer knows a format.

* Table 二 (several blocks, each under a 第二十条第（X）项 caption): one grid, as wide
  as its widest block; a block with fewer value columns lets its last one span the rest
  (the 2021 form's (五)(六)(八) cells span three columns).
* Table 三: the note in the top-left cell over the label columns and the header rows, the
  column-header tree with its spans, the row groups as merged label cells.
* Table 四: the column-header tree, then one body row of its 15 cells (no label column).
* The legacy table: 统计指标 / 单位 / 统计数, a heading row for each group.

Cell values: a blank cell is an empty string (never 0, never a dash). Amounts print
without their unit where the header or the unit column already gives it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

import attrs
from attrs import frozen

from disclosure_model.formats import CellValue, Entry, Label, form
from disclosure_model.formats._form import BlockForm, GroupStyle, Layout, RowNode, TableForm
from disclosure_model.render._locale import Lang
from disclosure_model.report import Report
from disclosure_model.values import Amount

__all__ = ["CellRole", "GridCell", "TableGrid", "cell_path", "cell_text", "table_grids"]


class CellRole(enum.Enum):
    """What a printed cell is."""

    #: The table's note in its top-left cell (table 三's 勾稽关系).
    NOTE = "note"
    #: A caption row over a block (第二十条第（一）项).
    CAPTION = "caption"
    #: A header of the label column(s) (信息内容, 统计指标, 单位).
    LABEL_HEAD = "label-head"
    #: A column header (申请人情况, 自然人, …).
    HEAD = "head"
    #: A row label, or a row group's merged label.
    LABEL = "label"
    #: A group heading row of the legacy table.
    GROUP = "group"
    #: The printed unit of a row (legacy unit column).
    UNIT = "unit"
    #: A value cell.
    VALUE = "value"


@frozen(kw_only=True)
class GridCell:
    """A printed cell: its role, text, spans, and for a value cell the catalogue path.

    ``depth`` is the nesting level of a row label (for indentation); ``label`` the
    official label (``None`` for a value cell).
    """

    role: CellRole
    text: str
    rowspan: int = 1
    colspan: int = 1
    path: str | None = None
    depth: int = 0
    label: Label | None = None
    blank: bool = False


@frozen(kw_only=True)
class TableGrid:
    """A table as printed: its heading, key and rows (the first ``header_rows`` are the
    header)."""

    key: str
    title: Label
    header_rows: int
    rows: tuple[tuple[GridCell, ...], ...]
    columns: int


def cell_path(table: TableForm, path: str) -> str:
    """The catalogue path of a printed cell path (the legacy table's cells have no table
    prefix in the catalogue)."""
    if table.layout is Layout.ROWS and len(table.blocks) == 1 and table.blocks[0].unit_column:
        return path.split(".", 1)[1]
    return path


def cell_text(lang: Lang, entry: Entry, value: CellValue, *, grouped: bool) -> str:
    """A value as a table cell prints it: empty when blank; an amount without its unit
    where the form's header or unit column states that unit."""
    if value is None:
        return ""
    if isinstance(value, Amount):
        shown = entry.unit is None or value.unit is None or value.unit.value != entry.unit.value
        return lang.amount(value, unit=shown, grouped=grouped)
    return lang.count(value, grouped=grouped)


class _Builder:
    def __init__(self, report: Report, lang: Lang, *, grouped: bool) -> None:
        self.report = report
        self.lang = lang
        self.grouped = grouped
        self.catalogue = report.statistics.catalogue()

    def value(self, table: TableForm, path: str) -> GridCell:
        key = cell_path(table, path)
        entry = self.catalogue.paths[key]
        value = self.report.statistics.cell(key)
        return GridCell(
            role=CellRole.VALUE,
            text=cell_text(self.lang, entry, value, grouped=self.grouped),
            path=key,
            blank=value is None,
        )

    def unit(self, table: TableForm, path: str | None) -> str:
        if path is None:
            return ""
        entry = self.catalogue.paths[cell_path(table, path)]
        if entry.unit is None:
            return ""
        return entry.unit.value if self.lang.zh else entry.unit.en

    def head(self, label: Label, rowspan: int = 1, colspan: int = 1) -> GridCell:
        return GridCell(
            role=CellRole.HEAD,
            text=self.lang.label(label),
            rowspan=rowspan,
            colspan=colspan,
            label=label,
        )


def _spans(n: int, width: int) -> list[int]:
    """``n`` columns laid over ``width``: one each, the last takes the rest."""
    return [1] * (n - 1) + [width - n + 1] if n else []


def _blocks_grid(b: _Builder, table: TableForm) -> TableGrid:
    """Table 二: caption rows, then each block's header and rows in one grid."""
    values = max(len(block.leaf_columns) for block in table.blocks)
    label_columns = max(block.label_columns for block in table.blocks)
    width = label_columns + values
    rows: list[tuple[GridCell, ...]] = []
    for block in table.blocks:
        if block.caption is not None:
            caption = GridCell(
                role=CellRole.CAPTION,
                text=b.lang.label(block.caption),
                colspan=width,
                label=block.caption,
            )
            rows.append((caption,))
        spans = _spans(len(block.leaf_columns), values)
        header: list[GridCell] = [
            GridCell(role=CellRole.LABEL_HEAD, text=b.lang.label(h), label=h, colspan=label_columns)
            for h in block.label_headers[:1]
        ]
        header.extend(
            b.head(c.label, colspan=s) for c, s in zip(block.leaf_columns, spans, strict=True)
        )
        rows.append(tuple(header))
        for printed in block.printed_rows():
            cells = _labels(b, printed.labels, printed.depth)
            for path, s in zip(printed.paths, spans, strict=True):
                if path is not None:
                    cells.append(_span(b.value(table, path), s))
            rows.append(tuple(cells))
    return TableGrid(
        key=table.key, title=table.label, header_rows=0, rows=tuple(rows), columns=width
    )


def _span(cell: GridCell, colspan: int) -> GridCell:
    if colspan == 1:
        return cell
    return attrs.evolve(cell, colspan=colspan)


def _labels(b: _Builder, labels: Sequence[tuple[RowNode, int, int]], depth: int) -> list[GridCell]:
    out: list[GridCell] = []
    n = len(labels)
    for i, (node, rowspan, colspan) in enumerate(labels):
        label = node.label
        out.append(
            GridCell(
                role=CellRole.LABEL,
                text=b.lang.label(label),
                rowspan=rowspan,
                colspan=colspan,
                depth=depth - (n - 1 - i),
                label=label,
            )
        )
    return out


def _header(b: _Builder, block: BlockForm) -> list[list[GridCell]]:
    return [[b.head(h.label, h.rowspan, h.colspan) for h in row] for row in block.header_rows()]


def _rows_grid(b: _Builder, table: TableForm) -> TableGrid:
    """Table 三 (one block, merged groups, the note in the corner)."""
    (block,) = table.blocks
    header = _header(b, block)
    corner_label = table.corner()
    label_columns = block.label_columns
    if corner_label is not None:
        corner = GridCell(
            role=CellRole.NOTE,
            text=b.lang.label(corner_label),
            rowspan=len(header),
            colspan=label_columns,
            label=corner_label,
        )
        header[0].insert(0, corner)
    elif block.label_headers:
        h = block.label_headers[0]
        header[0].insert(
            0,
            GridCell(
                role=CellRole.LABEL_HEAD,
                text=b.lang.label(h),
                rowspan=len(header),
                colspan=label_columns,
                label=h,
            ),
        )
    rows = [tuple(r) for r in header]
    for printed in block.printed_rows():
        cells = _labels(b, printed.labels, printed.depth)
        cells.extend(b.value(table, p) for p in printed.paths if p is not None)
        rows.append(tuple(cells))
    return TableGrid(
        key=table.key,
        title=table.label,
        header_rows=len(header),
        rows=tuple(rows),
        columns=label_columns + len(block.leaf_columns),
    )


def _one_row_grid(b: _Builder, table: TableForm) -> TableGrid:
    """Table 四: the header tree, then its cells in one row."""
    (block,) = table.blocks
    header = _header(b, block)
    body = tuple(b.value(table, table.path(row, col)) for row, col in table.printed_cells())
    return TableGrid(
        key=table.key,
        title=table.label,
        header_rows=len(header),
        rows=(*(tuple(r) for r in header), body),
        columns=len(body),
    )


def _heading_grid(b: _Builder, table: TableForm) -> TableGrid:
    """The legacy table: 统计指标 / 单位 / 统计数, groups as heading rows."""
    (block,) = table.blocks
    header = [
        GridCell(role=CellRole.LABEL_HEAD, text=b.lang.label(h), label=h)
        for h in block.label_headers
    ]
    header.extend(b.head(c.label) for c in block.leaf_columns)
    width = len(header)
    rows: list[tuple[GridCell, ...]] = [tuple(header)]
    for printed in block.printed_rows():
        ((node, _, _),) = printed.labels
        (path,) = printed.paths
        if path is None:
            rows.append(
                (
                    GridCell(
                        role=CellRole.GROUP,
                        text=b.lang.label(node.label),
                        colspan=width,
                        depth=printed.depth,
                        label=node.label,
                    ),
                )
            )
            continue
        rows.append(
            (
                GridCell(
                    role=CellRole.LABEL,
                    text=b.lang.label(node.label),
                    depth=printed.depth,
                    label=node.label,
                ),
                GridCell(role=CellRole.UNIT, text=b.unit(table, path)),
                b.value(table, path),
            )
        )
    return TableGrid(
        key=table.key, title=table.label, header_rows=1, rows=tuple(rows), columns=width
    )


def _grid_for(table: TableForm) -> Callable[[_Builder, TableForm], TableGrid]:
    if table.layout is Layout.ONE_ROW:
        return _one_row_grid
    if any(block.group_style is GroupStyle.HEADING for block in table.blocks):
        return _heading_grid
    if len(table.blocks) > 1 or table.blocks[0].caption is not None:
        return _blocks_grid
    return _rows_grid


def table_grids(report: Report, lang: Lang, *, grouped: bool) -> tuple[TableGrid, ...]:
    """Every table of the report's format as printed, with the report's values.

    ``grouped`` says whether numbers in the cells carry thousands separators.
    """
    builder = _Builder(report, lang, grouped=grouped)
    return tuple(_grid_for(t)(builder, t) for t in form(report.format).tables)
