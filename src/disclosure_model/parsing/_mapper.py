"""One mapper from source lines (grid rows of HTML tables or of a text) to the statistics.

The mapper walks the lines in order, as a reader does:

* a heading line (``三、收到和处理政府信息公开申请情况``) says which table follows; a section
  heading after the tables (``五、…``) ends them;
* a line whose label names a row of the form (matched by normalised label, see
  :mod:`._labels`) opens that row; its values are the value cells on the same line, or the
  value cells that follow on the next lines until the row has its cells (labels wrapped over
  lines, one value per line), or a run of values printed just before the label while the
  previous row was already complete (PDF text as pdfplumber orders it);
* table 四 is one printed row of 15 cells: the first 15 values after its heading, in print
  order (行政复议, then 行政诉讼 › 未经复议直接起诉, then 复议后起诉).

A row's values are read into cells by the form's columns, in print order, only when the row
is recognised and prints exactly its number of cells. Otherwise: digits run together are
split under the row's own constraint (the six applicant columns add up to 总计; in table 四
each block's four outcomes add up to its 总计), then under the table's column totals; when
more than one split remains, or the row prints too few cells to tell which are blank, the
row's cells are ``None`` with a note — never a guess.

The format is judged from the tables' own markers (2019: 本年新制作数量, 上一年项目数量,
第二十条第（九）项; 2021: 本年制发件数, 本年收费金额, the three （六） rows), not from the year.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

from disclosure_model.formats import (
    STATISTICS_CLASSES,
    Entry,
    ReportFormat,
    Statistics,
    detect_format_markers,
)
from disclosure_model.formats._declare import SPEC
from disclosure_model.formats._form import Layout
from disclosure_model.parsing._cells import (
    Reading,
    ReadingKind,
    is_value_text,
    read_change,
    read_count,
    read_money,
)
from disclosure_model.parsing._grid import Cell, Location
from disclosure_model.parsing._labels import (
    FormLabels,
    RowLabel,
    form_labels,
    normalise_label,
    split_numbering,
)
from disclosure_model.parsing._notes import Note
from disclosure_model.values import Amount, CellKind, MoneyUnit, Unit

__all__ = ["Line", "Mapped", "build_statistics", "detect_format", "map_lines"]


@frozen(kw_only=True)
class Line:
    """One line of the source: its cells; ``paragraph`` lines (HTML text outside the tables)
    carry no values."""

    cells: tuple[Cell, ...]
    paragraph: bool = False


@frozen(kw_only=True)
class Mapped:
    """What the mapper read: the statistics, where each value came from, and the notes."""

    format: ReportFormat
    statistics: Statistics
    provenance: tuple[tuple[str, Location], ...]
    notes: tuple[Note, ...]
    #: ``table.row`` of the last row the source reaches, or ``None`` when it reaches the end.
    last_row: str | None
    #: The tables the source reaches, in form order.
    tables: tuple[str, ...]
    #: Whether the source reaches the end of the tables.
    complete: bool


def detect_format(text: str) -> ReportFormat | None:
    """The format the markers in ``text`` point to (the spec's own table markers).

    >>> detect_format("信息内容 本年制发件数 本年废止件数")
    <ReportFormat.GOV_2021: 'gov-2021'>
    >>> detect_format("没有表格") is None
    True
    """
    return detect_format_markers(text)


#: Narrative sections that follow the statistics tables: their heading ends the tables.
_AFTER_TABLES = frozenset({"problems", "other_matters"})
_NUMBER_AT = re.compile(
    r"(?:\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
)


class _Values:
    """The value cells an open row has collected so far (mutable state of the walk)."""

    __slots__ = ("cells", "passed", "row")

    def __init__(self, row: RowLabel) -> None:
        self.row = row
        self.cells: list[Cell] = []
        #: Whether a later label line followed the row's values (the source went past it).
        self.passed = False

    @property
    def full(self) -> bool:
        return len(self.cells) >= len(self.row.paths)


#: The note a cell leaves when read, by the kind of reading: its code and its message in
#: Chinese and English (``text`` is the cell's text, ``annotation`` the annotation kept).
_CELL_NOTES = {
    ReadingKind.BLANK: (
        "blank-cell",
        "单元格空白（{blank_zh}）：未填报，不作 0",
        "cell printed blank ({blank_en}): not stated, not 0",
    ),
    ReadingKind.ANNOTATED: (
        "annotated-cell",
        "单元格带有注释“{annotation}”，取其数值",
        "cell carries the annotation {annotation!r}; its number is kept",
    ),
    ReadingKind.UNREADABLE: (
        "unreadable-cell",
        "单元格内容“{text}”不是数值",
        "cell text {text!r} is not a value",
    ),
}


class _Reader:
    """The walk over the lines (state of one parse)."""

    def __init__(self, fmt: ReportFormat) -> None:
        self.fmt = fmt
        self.labels: FormLabels = form_labels(fmt)
        self.catalogue = STATISTICS_CLASSES[fmt].catalogue()
        self.values: dict[str, int | Amount | None] = {}
        self.provenance: dict[str, Location] = {}
        self.notes: list[Note] = []
        self.table: str | None = None
        self.tables_seen: list[str] = []
        self.open: _Values | None = None
        self.pending: list[tuple[int, list[Cell]]] = []
        #: Runs of values no label claimed, by line position: placed by order at the end.
        self.unplaced: list[tuple[int, list[Cell]]] = []
        #: Rows that printed too few cells, read at the end unless placed by order.
        self.short: dict[str, tuple[RowLabel, list[Cell]]] = {}
        #: Line position at which each row's values were read.
        self.row_pos: dict[str, int] = {}
        self.pos = 0
        #: HTML: the value columns each header names, by (grid, table): grid column → key.
        self.columns: dict[tuple[int, str], dict[int, str]] = {}
        self.header_line = False
        self.done: dict[str, _Values] = {}
        self.reached: list[RowLabel] = []
        self.last_order = -1
        self.review_cells: list[Cell] = []
        self.header_text = ""
        self.ended = False
        self.ambiguous: dict[str, tuple[RowLabel, list[tuple[int, ...]], Location]] = {}

    # -- notes ---------------------------------------------------------------------------

    def note(
        self,
        code: str,
        zh: str,
        en: str,
        *,
        path: str | None = None,
        location: Location | None = None,
        candidates: tuple[tuple[int, ...], ...] = (),
    ) -> None:
        self.notes.append(
            Note(code=code, zh=zh, en=en, path=path, location=location, candidates=candidates)
        )

    # -- the walk ------------------------------------------------------------------------

    def start_table(self, table: str) -> None:
        self.close_open()
        self.orphans()
        self.table = table
        if table not in self.tables_seen:
            self.tables_seen.append(table)
        self.header_text = ""

    def orphans(self, runs: list[tuple[int, list[Cell]]] | None = None) -> None:
        """Runs no label claimed: kept for placing by order at the end."""
        self.unplaced.extend(self.pending if runs is None else runs)
        if runs is None:
            self.pending = []

    def note_orphans(self) -> None:
        for _, run in self.unplaced:
            texts = " ".join(c.text or "(空)" for c in run)
            self.note(
                "orphan-values",
                f"没有找到这些数值所属的行：{texts}",
                f"no row label found for the values {texts}",
                location=run[0].location,
            )
        self.unplaced = []

    def line(self, line: Line) -> None:
        if self.ended:
            return
        self.pos += 1
        boxed = any(c.boxed for c in line.cells)
        if line.paragraph:
            labels, values = [c.text for c in line.cells], []
        else:
            labels = [c.text for c in line.cells if not is_value_text(c.text)]
            values = [c for c in line.cells if is_value_text(c.text)]
        joined = " ".join(labels)
        if labels and not values:
            heading = self.labels.match_heading(joined)
            if heading is not None:
                self.start_table(heading)
                return
            if self.section_end(joined):
                return
        if self.table == "reviews":
            self.review_line(labels, values)
            return
        grid = _grid_of(line)
        row = self.match_row(labels) if labels else None
        header_line = False
        if row is None and labels and grid is not None and self.table is not None:
            header_line = self.read_header(line, grid)
        self.header_line = header_line
        if row is not None and grid is not None:
            values = self.by_columns(row, line, grid, values)
        if row is None and labels:
            self.header_text += joined
            if self.open is not None and self.open.cells and not values:
                self.open.passed = True
        if row is not None:
            self.on_row(row, values)
        elif values:
            if self.table is None:
                return  # values before any table: prose, page furniture
            if boxed and not labels:
                # A table row without its label (Markdown from a PDF): placed by order only.
                self.orphans()
                self.unplaced.append((self.pos, values))
                return
            if self.open is not None and not self.open.full:
                self.open.cells.extend(values)
                if self.open.full:
                    self.close_open()
            else:
                if labels and self.table is not None:
                    self.note(
                        "extra-row",
                        f"表中有一行不是本格式的行：{joined}",
                        f"a row that is not a row of the form: {joined}",
                        location=values[0].location,
                    )
                    return
                self.pending.append((self.pos, values))

    def read_header(self, line: Line, grid: int) -> bool:
        """Record the value columns a header row of an HTML table names (by the spec)."""
        assert self.table is not None
        if self.labels.spec.table(self.table).layout is Layout.ONE_ROW:
            return False
        found: dict[int, str] = {}
        for c in line.cells:
            column = self.labels.match_column(self.table, c.text)
            if column is not None:
                found[c.col] = column
        if not found:
            return False
        key = (grid, self.table)
        if self.header_line and key in self.columns:
            self.columns[key].update(found)  # a header printed over several rows
        else:
            self.columns[key] = found
        return True

    def by_columns(self, row: RowLabel, line: Line, grid: int, values: list[Cell]) -> list[Cell]:
        """An HTML row's value cells under the columns its table's header names.

        Where the header names every column of the row, each value is the cell under its
        column (a cell not printed at all is blank), and a value cell under no column of the
        form (a local 小计 column) is left out with a note; otherwise the row's value cells
        are read in order, as printed.
        """
        columns = self.columns.get((grid, row.table))
        if not columns or not set(row.columns) <= set(columns.values()):
            return values
        where = {k: col for col, k in columns.items()}
        out: list[Cell] = []
        for key in row.columns:
            col = where[key]
            cell = next((c for c in line.cells if c.col <= col < c.col + c.colspan), None)
            if cell is None or not is_value_text(cell.text):
                first = line.cells[0].location
                cell = Cell(
                    text="",
                    row=line.cells[0].row,
                    col=col,
                    location=Location(table=first.table, row=first.row),
                )
            out.append(cell)
        used = {id(c) for c in out}
        extra = [c for c in values if id(c) not in used and c.text]
        for c in extra:
            self.note(
                "extra-column",
                f"单元格“{c.text}”所在的列不是本格式的列，未读入",
                f"cell {c.text!r} stands in a column that is not a column of the form; not read",
                path=f"{row.table}.{row.key}",
                location=c.location,
            )
        return out

    def section_end(self, text: str) -> bool:
        if (
            self.tables_seen
            and self.fmt is not ReportFormat.LEGACY
            and len(text) <= 40
            and self.labels.match_section(text) in _AFTER_TABLES
            and not isinstance(self.labels.match(text), RowLabel)
        ):
            self.finish_tables()
            return True
        return False

    def match_row(self, labels: Sequence[str]) -> RowLabel | None:
        if self.table is None:
            # Before the first table heading only a whole label opens a row (prose mentions
            # 上年结转, 规章 and the like in passing).
            for text in reversed(labels):
                found = self.labels.match(text, after=self.last_order)
                if isinstance(found, RowLabel) and _whole(found, text):
                    return found
            return None
        for text in reversed(labels):
            found = self._match_text(text, self.table)
            if found is not None:
                return found
        if self.table is not None:
            # A row of a later table when its heading was not printed (or not recognised).
            for text in reversed(labels):
                found = self._match_text(text, None)
                if found is not None and found.order > self.last_order:
                    if found.table != self.table:
                        self.start_table(found.table)
                    return found
        return None

    def _match_text(self, text: str, table: str | None) -> RowLabel | None:
        found = self.labels.match(text, table=table, after=self.last_order)
        if isinstance(found, RowLabel):
            return found
        # A group's label or noise before the row's label ("（四）无法提供 1.本机关…",
        # "三 2.其他…", "（四）无 1.本机关…"): try from each numbering in the text.
        for m in _NUMBER_AT.finditer(text):
            if m.start() == 0 or len(text) - m.start() < 4:
                continue
            found = self.labels.match(text[m.start() :], table=table, after=self.last_order)
            if isinstance(found, RowLabel):
                return found
        return None

    def on_row(self, row: RowLabel, values: list[Cell]) -> None:
        if self.table is None or row.table != self.table:
            self.start_table(row.table)
        if self.open is not None and self.open.row is row:
            self.open.cells.extend(values)
            if self.open.full:
                self.close_open()
            return
        self.close_open()
        if row.key in self.done:
            self.note(
                "duplicate-row",
                f"行“{row.core}”再次出现，保留第一次读到的数值",
                f"row {row.key} printed again; the first reading is kept",
                location=values[0].location if values else None,
            )
            return
        self.open = _Values(row)
        if values:
            self.orphans()
            self.open.cells.extend(values)
        elif self.pending and len(self.pending[-1][1]) == len(row.paths):
            # The row's values printed on the line before its label (pdfplumber's order).
            self.orphans(self.pending[:-1])
            self.open.cells.extend(self.pending[-1][1])
            self.pending = []
        else:
            self.orphans()
        if self.open.full:
            self.close_open()

    def review_line(self, labels: list[str], values: list[Cell]) -> None:
        if labels and self.review_cells and not values and len(self.review_cells) >= 15:
            return
        need = 15 - len(self.review_cells)
        if need > 0:
            self.review_cells.extend(values[:need])

    # -- reading rows --------------------------------------------------------------------

    def close_open(self, *, at_end: bool = False) -> None:
        opened = self.open
        self.open = None
        if opened is None:
            return
        if at_end and not opened.full and not opened.passed:
            return  # the source stops inside this row: not reached
        if not opened.cells:
            return  # a label with no value at all (a header word, a group echo): not a row
        self.done[opened.row.key] = opened
        self.reached.append(opened.row)
        self.last_order = max(self.last_order, opened.row.order)
        self.row_pos[opened.row.key] = self.pos
        self.read_row(opened.row, opened.cells)

    def not_stated(self, row: RowLabel, location: Location | None = None) -> None:
        """Every cell of ``row`` read as not stated (and, given ``location``, found there)."""
        for p in row.paths:
            self.values[p] = None
            if location is not None:
                self.provenance[p] = location

    def read_row(self, row: RowLabel, cells: list[Cell]) -> None:
        n = len(row.paths)
        if len(cells) > n:
            extra = cells[n:]
            if all(not c.text.strip() for c in extra):
                cells = cells[:n]
            else:
                self.not_stated(row)
                self.note(
                    "extra-cells",
                    f"行“{row.core}”印有{len(cells)}个数值，本格式只有{n}列",
                    f"row {row.key} prints {len(cells)} values; the form has {n} columns",
                    path=f"{row.table}.{row.key}",
                    location=cells[0].location,
                )
                return
        if len(cells) == n:
            for path, c in zip(row.paths, cells, strict=True):
                self.read_cell(path, c)
            return
        self.split_row(row, cells)

    def read_cell(self, path: str, c: Cell) -> None:
        entry = self.catalogue[path]
        reading = self.reading(entry, c.text)
        self.values[path] = reading.value
        self.provenance[path] = c.location
        known = _CELL_NOTES.get(reading.kind)
        if known is not None:
            code, zh, en = known
            words = {
                "text": c.text,
                "blank_zh": c.text or "空",
                "blank_en": c.text or "empty",
                "annotation": reading.annotation,
            }
            self.note(code, zh.format(**words), en.format(**words), path=path, location=c.location)

    def reading(self, entry: Entry, text: str) -> Reading:
        if entry.kind is CellKind.CHANGE:
            return read_change(text)
        if entry.kind is CellKind.MONEY:
            unit: MoneyUnit | None = None
            if entry.unit is Unit.WAN_YUAN:
                unit = MoneyUnit.WAN_YUAN
            else:
                header = normalise_label(self.header_text)
                if "万元" in header:
                    unit = MoneyUnit.WAN_YUAN
                elif "(元)" in header or "单位:元" in header:
                    unit = MoneyUnit.YUAN
            return read_money(text, unit=unit)
        return read_count(text)

    def split_row(self, row: RowLabel, cells: list[Cell], *, final: bool = False) -> None:
        n = len(row.paths)
        location = cells[0].location if cells else Location()
        self.not_stated(row, location)
        tokens = [c.text.replace(" ", "") for c in cells]
        check = _constraint(row)
        candidates: list[tuple[int, ...]] = []
        if check is not None and tokens and all(t.isdigit() for t in tokens):
            candidates = [c for c in _splits(tokens, n) if check(c)]
        if len(candidates) == 1:
            self._set_split(row, candidates[0], location, by_totals=False)
            return
        if len(candidates) > 1:
            self.ambiguous[row.key] = (row, candidates, location)
            return
        if not final and row.table == "applications":
            self.short[row.key] = (row, cells)
            return
        printed = " ".join(tokens) or "无"
        for p in row.paths:
            self.note(
                "ambiguous-cells",
                f"行“{row.core}”只印有{len(cells)}个数值（{printed}），共{n}列，无法判断哪些空白",
                f"row {row.key} prints {len(cells)} of {n} cells ({printed}); "
                "which cells are blank cannot be told",
                path=p,
                location=location,
            )

    def _set_split(
        self, row: RowLabel, values: tuple[int, ...], location: Location, *, by_totals: bool
    ) -> None:
        for p, v in zip(row.paths, values, strict=True):
            self.values[p] = v
            self.provenance[p] = location
        code = "split-by-column-totals" if by_totals else "split-run"
        shown = "|".join(str(v) for v in values)
        self.note(
            code,
            f"行“{row.core}”的数字连在一起，唯一符合合计的拆分为 {shown}",
            f"row {row.key}: digits run together; the only split that adds up is {shown}",
            path=f"{row.table}.{row.key}",
            location=location,
        )

    # -- the end -------------------------------------------------------------------------

    def finish_tables(self) -> None:
        self.close_open()
        self.orphans()
        self.ended = True

    def finish(self) -> None:
        ended_inside = not self.ended
        self.close_open(at_end=ended_inside)
        self.orphans()
        self.place_by_order()
        for row, cells in self.short.values():
            self.split_row(row, cells, final=True)
        self.short = {}
        self.note_orphans()
        self.read_reviews()
        self.resolve_ambiguous()
        for row, candidates, location in self.ambiguous.values():
            shown = "; ".join("|".join(map(str, c)) for c in candidates[:6])
            more = f" (+{len(candidates) - 6})" if len(candidates) > 6 else ""
            for p in row.paths:
                self.note(
                    "ambiguous-split",
                    f"行“{row.core}”的数字连在一起，有{len(candidates)}种拆分都符合合计：{shown}{more}",
                    f"row {row.key}: digits run together; {len(candidates)} splits add up: "
                    f"{shown}{more}",
                    path=p,
                    location=location,
                    candidates=tuple(candidates[:50]),
                )

    def place_by_order(self) -> None:
        """Rows printed without their label, placed in the gaps of the form's order.

        Between two rows read by their labels, when the form has k rows not yet read and the
        source holds exactly k unlabelled runs of the right length between those two rows'
        lines, the runs are those rows, in order (a Markdown converter keeps the rows' order
        while it loses their labels).
        """
        if not self.unplaced:
            return
        for table in self.tables_seen:
            rows = self.labels.table_rows(table)
            anchors = [
                (i, self.row_pos[r.key])
                for i, r in enumerate(rows)
                if r.key in self.row_pos and r.key not in self.short
            ]
            for (i, pa), (j, pb) in itertools.pairwise(anchors):
                gap = [
                    r for r in rows[i + 1 : j] if r.key not in self.row_pos or r.key in self.short
                ]
                if not gap or pb <= pa:
                    continue
                runs = [(p, run) for p, run in self.unplaced if pa < p < pb]
                n = len(gap[0].paths)
                if len(runs) != len(gap) or any(len(run) != n for _, run in runs):
                    continue
                for r, (p, run) in zip(gap, runs, strict=True):
                    self.unplaced.remove((p, run))
                    stray = self.short.pop(r.key, None)
                    if stray is not None:
                        self.unplaced.append((p, stray[1]))
                    self.row_pos[r.key] = p
                    if r not in self.reached:
                        self.reached.append(r)
                    self.done.setdefault(r.key, _Values(r))
                    for path, c in zip(r.paths, run, strict=True):
                        self.read_cell(path, c)
                    self.note(
                        "placed-by-order",
                        f"一行数值没有印出行名，按表中行序归入“{r.core}”",
                        f"a run of values printed without its label, placed by the form's "
                        f"order as row {r.key}",
                        path=f"{r.table}.{r.key}",
                        location=run[0].location,
                    )

    def read_reviews(self) -> None:
        rows = self.labels.table_rows("reviews")
        if not rows or "reviews" not in self.tables_seen:
            return
        paths = [p for r in rows for p in r.paths]
        cells = self.review_cells
        if len(cells) == len(paths):
            for p, c in zip(paths, cells, strict=True):
                self.read_cell(p, c)
            self.reached.extend(rows)
            self.last_order = max(self.last_order, rows[-1].order)
            return
        if not cells:
            return
        one = RowLabel(
            table="reviews",
            key="reviews",
            numbering=None,
            core="行政复议、行政诉讼",
            groups=(),
            columns=tuple(paths),
            paths=tuple(paths),
            order=rows[-1].order,
        )
        self.reached.extend(rows)
        self.split_row(one, cells, final=True)

    def resolve_ambiguous(self) -> None:
        """Keep only the splits that agree with the table's column totals, where known."""
        changed = True
        while changed and self.ambiguous:
            changed = False
            for key, (row, candidates, location) in list(self.ambiguous.items()):
                kept = [c for c in candidates if self._agrees(row, c)]
                if len(kept) == 1:
                    del self.ambiguous[key]
                    self._set_split(row, kept[0], location, by_totals=True)
                    changed = True
                elif kept and len(kept) < len(candidates):
                    self.ambiguous[key] = (row, kept, location)

    def _agrees(self, row: RowLabel, values: tuple[int, ...]) -> bool:
        if row.table != "applications":
            return True
        rows = {r.key: r for r in self.labels.table_rows("applications")}
        outcome = [k for k, r in rows.items() if "results" in r.groups and k != "results_total"]
        identities = [
            (["new_received", "carried_over"], ["results_total", "carried_forward"]),
            (["results_total"], outcome),
        ]
        for column, value in zip(row.columns, values, strict=True):
            for left, right in identities:
                if row.key not in left and row.key not in right:
                    continue
                sides = []
                known = True
                for side in (left, right):
                    total = 0
                    for k in side:
                        if k == row.key:
                            total += value
                            continue
                        v = self.values.get(f"applications.{k}.{column}")
                        if k in self.ambiguous or not isinstance(v, int):
                            known = False
                            break
                        total += v
                    sides.append(total)
                    if not known:
                        break
                if known and sides[0] != sides[1]:
                    return False
        return True

    # -- result --------------------------------------------------------------------------

    def last_row(self) -> str | None:
        reviews = self.labels.table_rows("reviews")
        if reviews and all(p in self.provenance for r in reviews for p in r.paths):
            return None
        if self.ended and "reviews" in self.tables_seen and len(self.review_cells) >= 15:
            return None
        if not self.reached:
            return None
        last = max(self.reached, key=lambda r: r.order)
        if last is self.labels.rows[-1]:
            return None  # the source reaches the form's last row
        return f"{last.table}.{last.key}"


def _grid_of(line: Line) -> int | None:
    """The HTML table a line is a row of (``None`` for text lines and paragraphs)."""
    if line.paragraph or not line.cells:
        return None
    location = line.cells[0].location
    return location.table if location.line is None else None


def _whole(row: RowLabel, text: str) -> bool:
    numbering, rest = split_numbering(normalise_label(text))
    return rest == row.core and (numbering is None or numbering == row.numbering)


def _constraint(row: RowLabel) -> Callable[[tuple[int, ...]], bool] | None:
    if row.table == "applications" and len(row.paths) == 7:
        return lambda v: sum(v[:6]) == v[6]
    if row.table == "reviews" and len(row.paths) == 15:
        return lambda v: all(sum(v[b : b + 4]) == v[b + 4] for b in (0, 5, 10))
    return None


_MAX_DIGITS = 40


def _pieces(token: str, k: int) -> Iterable[tuple[int, ...]]:
    """Every way to cut a digit string into ``k`` numbers without leading zeros."""
    n = len(token)
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0, *cuts, n)
        parts = [token[a:b] for a, b in itertools.pairwise(bounds)]
        if all(p == "0" or not p.startswith("0") for p in parts):
            yield tuple(int(p) for p in parts)


def _splits(tokens: list[str], n: int) -> list[tuple[int, ...]]:
    """Every way to split run-together digit tokens into ``n`` cells (tokens keep their
    boundaries: a space between two digits is always a cell boundary)."""
    if sum(len(t) for t in tokens) > _MAX_DIGITS or sum(len(t) for t in tokens) < n:
        return []
    out: list[tuple[int, ...]] = []

    def walk(i: int, left: int, acc: tuple[int, ...]) -> None:
        if len(out) > 10_000:
            return
        if i == len(tokens):
            if left == 0:
                out.append(acc)
            return
        rest_min = len(tokens) - i - 1
        for k in range(1, min(len(tokens[i]), left - rest_min) + 1):
            for piece in _pieces(tokens[i], k):
                walk(i + 1, left - k, acc + piece)

    walk(0, n, ())
    return out


def map_lines(lines: Iterable[Line], *, fmt: ReportFormat) -> Mapped:
    """Read the statistics of format ``fmt`` from the lines of a source."""
    reader = _Reader(fmt)
    for line in lines:
        reader.line(line)
    reader.finish()
    not_printed_2021(reader)
    statistics = build_statistics(fmt, reader.values)
    last_row = reader.last_row()
    if last_row is not None:
        reader.note(
            "source-ends",
            f"原文在统计表中结束，最后读到的行是 {last_row}",
            f"the source ends inside the tables; the last row it reaches is {last_row}",
            path=last_row,
        )
    for table in reader.labels.tables():
        if table not in reader.tables_seen and last_row is None:
            reader.note(
                "table-not-found",
                f"原文中没有找到表 {table}",
                f"table {table} was not found in the source",
                path=table,
            )
    return Mapped(
        format=fmt,
        statistics=statistics,
        provenance=tuple(reader.provenance.items()),
        notes=tuple(reader.notes),
        last_row=last_row,
        tables=tuple(t for t in reader.labels.tables() if t in reader.tables_seen),
        complete=last_row is None
        and any(r.table == reader.labels.tables()[-1] for r in reader.reached),
    )


def not_printed_2021(reader: _Reader) -> None:
    """2021 rows the source does not print because it uses the 2019 single （六） row."""
    if reader.fmt is not ReportFormat.GOV_2021:
        return
    others = [r for r in reader.labels.table_rows("applications") if "other" in r.groups]
    following = [r for r in reader.reached if r.key in ("results_total", "carried_forward")]
    if not following or any(r.key in reader.done for r in others):
        return
    for r in others:
        reader.not_stated(r)
        for p in r.paths:
            reader.note(
                "row-not-printed",
                f"本表没有印出（六）其他处理的分项“{r.core}”（只印一行（六）其他处理）",
                f"row {r.key} is not printed: the table prints （六）其他处理 as one row",
                path=p,
            )


def build_statistics(fmt: ReportFormat, values: dict[str, int | Amount | None]) -> Statistics:
    """The statistics object of ``fmt`` with the cells in ``values`` (others not stated)."""
    cls = STATISTICS_CLASSES[fmt]
    kwargs: dict[str, Any] = {}
    for tf in attrs.fields(cls):
        spec = tf.metadata.get(SPEC)
        if isinstance(spec, tuple):
            table_cls = spec[1]
            rows: dict[str, object] = {}
            for rf in attrs.fields(table_cls):
                row_cls = rf.metadata[SPEC].cls
                cells = {
                    cf.name: values.get(f"{tf.name}.{rf.name}.{cf.name}")
                    for cf in attrs.fields(row_cls)
                }
                rows[rf.name] = row_cls(**cells)
            kwargs[tf.name] = table_cls(**rows)
        elif spec is not None and tf.name in values:
            kwargs[tf.name] = values[tf.name]
    return cls(**kwargs)
