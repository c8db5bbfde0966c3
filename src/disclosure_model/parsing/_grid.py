"""The cell grid every front end produces, and the mapper reads.

A :class:`Grid` is one source table (an HTML ``<table>``, or the lines of a text that hold
the statistics) as a matrix of :class:`Cell`\\ s: each cell's text with the markup removed,
its position in the matrix with ``rowspan``/``colspan`` resolved, and the :class:`Location`
it came from in the source (table, ``<tr>`` and ``<td>`` index for HTML; line numbers for
text), so that every value the parser reads can say where it was printed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from attrs import field, frozen

__all__ = ["Cell", "Grid", "GridKind", "Location"]


class GridKind(enum.Enum):
    """What a grid was made from."""

    HTML = "html"
    TEXT = "text"


@frozen(kw_only=True)
class Location:
    """Where a cell was printed in the source.

    HTML: ``table`` (index of the ``<table>`` in document order), ``row`` (index of the
    ``<tr>`` in that table) and ``column`` (index of the ``<td>``/``<th>`` in that row, before
    spans are resolved). Text: ``line`` and ``end_line`` (1-based, inclusive) and ``column``
    (index of the cell within the line).
    """

    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    end_line: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            end = self.end_line if self.end_line is not None else self.line
            lines = f"line {self.line}" if end == self.line else f"lines {self.line}-{end}"
            return lines if self.column is None else f"{lines}, cell {self.column}"
        return f"table {self.table}, tr {self.row}, td {self.column}"

    def as_dict(self) -> dict[str, int]:
        """The location as a JSON-able dict (only the parts that are set)."""
        parts = {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "end_line": self.end_line,
        }
        return {k: v for k, v in parts.items() if v is not None}


@frozen(kw_only=True)
class Cell:
    """One source cell: its text, its place in the grid and in the source."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    location: Location
    #: ``<th>`` in HTML, a Markdown header row in text.
    header: bool = False
    #: The cell stands in a Markdown table row (a text line starting with ``|``).
    boxed: bool = False


def _place(cells: tuple[Cell, ...], n_rows: int, n_cols: int) -> tuple[tuple[int, ...], ...]:
    """Which cell (index into ``cells``, or -1) covers each position of the matrix."""
    matrix = [[-1] * n_cols for _ in range(n_rows)]
    for i, c in enumerate(cells):
        for r in range(c.row, min(n_rows, c.row + c.rowspan)):
            for k in range(c.col, min(n_cols, c.col + c.colspan)):
                if matrix[r][k] == -1:
                    matrix[r][k] = i
    return tuple(tuple(row) for row in matrix)


@frozen(kw_only=True)
class Grid:
    """A source table as a matrix of cells, spans resolved.

    >>> loc = Location(table=0, row=0, column=0)
    >>> g = Grid.build(
    ...     kind=GridKind.HTML,
    ...     cells=[
    ...         Cell(text="a", row=0, col=0, rowspan=2, location=loc),
    ...         Cell(text="b", row=0, col=1, location=loc),
    ...         Cell(text="c", row=1, col=1, location=loc),
    ...     ],
    ... )
    >>> [[c.text for c in row] for row in g.rows()]
    [['a', 'b'], ['a', 'c']]
    """

    kind: GridKind
    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    #: Index of the source table (HTML) or ``None`` (text).
    index: int | None = None
    _matrix: tuple[tuple[int, ...], ...] = field(init=False, eq=False, repr=False)

    @_matrix.default
    def _build_matrix(self) -> tuple[tuple[int, ...], ...]:
        return _place(self.cells, self.n_rows, self.n_cols)

    @classmethod
    def build(cls, *, kind: GridKind, cells: list[Cell], index: int | None = None) -> Grid:
        """A grid of ``cells``, its size taken from the cells' extents."""
        n_rows = max((c.row + c.rowspan for c in cells), default=0)
        n_cols = max((c.col + c.colspan for c in cells), default=0)
        return cls(kind=kind, cells=tuple(cells), n_rows=n_rows, n_cols=n_cols, index=index)

    def at(self, row: int, col: int) -> Cell | None:
        """The cell covering position (``row``, ``col``), if any."""
        i = self._matrix[row][col]
        return None if i < 0 else self.cells[i]

    def row(self, r: int) -> tuple[Cell, ...]:
        """The distinct cells covering row ``r``, left to right (spanned cells included)."""
        seen: list[int] = []
        for i in self._matrix[r]:
            if i >= 0 and (not seen or seen[-1] != i) and i not in seen:
                seen.append(i)
        return tuple(self.cells[i] for i in seen)

    def rows(self) -> Iterator[tuple[Cell, ...]]:
        """Every row's distinct cells, top to bottom."""
        for r in range(self.n_rows):
            yield self.row(r)
