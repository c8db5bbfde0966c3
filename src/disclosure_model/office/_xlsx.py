"""The template as an Excel workbook laid out as the official form, and reading it back.

One sheet, 年度报告: the organ, level, year and format fields at the top, then each table
of the form in order, as the form prints it — merged header cells (申请人情况 over 7
columns, 法人或其他组织 over 5), merged row-group cells (三、本年度办理结果 over its rows),
the 勾稽关系 note in the top-left cell of table 三, the units. Only the value cells and the
fields are unlocked; each value cell only takes a number of its kind.

The layout is computed from the form spec, so reading a filled workbook finds every cell
where writing put it, after checking that the printed labels are still where they were.
openpyxl is an optional dependency (the ``excel`` extra), imported where it is used.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from attrs import field, frozen

from disclosure_model._extras import optional_module
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    BlockForm,
    Entry,
    GroupStyle,
    Layout,
    ReportFormat,
    TableForm,
    form,
    normalise_label,
)
from disclosure_model.office._levels import LEVEL_ZH, level_from_text
from disclosure_model.office._template import (
    BadEntry,
    _UnreadableError,
    bad_cell,
    read_cell,
    written,
)
from disclosure_model.render._width import width as _display_width
from disclosure_model.report import OrganLevel
from disclosure_model.values import Amount, CellKind

__all__ = ["SHEET", "Grid", "Placed", "grid", "read_xlsx", "write_xlsx"]

#: The name of the sheet the template is on.
SHEET = "年度报告"

_FIELDS = (
    ("organ", "机关名称", "organ name"),
    ("level", "机关层级", "organ level"),
    ("division_code", "行政区划代码", "division code"),
    ("year", "报告年度", "report year"),
    ("format", "报告格式", "format"),
)


@frozen(kw_only=True)
class Placed:
    """A cell of the sheet: its position (1-based), spans, text and role."""

    row: int
    col: int
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    #: title, note, caption, unit, header, label, value, field-label, field, blank
    role: str
    path: str | None = None
    indent: int = 0


@frozen(kw_only=True)
class Grid:
    """The whole sheet of one format's template."""

    format: ReportFormat
    cells: tuple[Placed, ...]
    width: int
    fields: dict[str, tuple[int, int]] = field(factory=dict)

    def values(self) -> Iterator[Placed]:
        """The value cells, in form order."""
        return (c for c in self.cells if c.role == "value")


def _leaf_spans(k: int, width: int) -> list[int]:
    """Spans of ``k`` value columns over ``width`` sheet columns (the last takes the rest)."""
    base = max(width // k, 1)
    spans = [base] * k
    spans[-1] += width - base * k
    return spans


def _label_width(t: TableForm) -> int:
    if t.layout is Layout.ONE_ROW:
        return 0
    widths = []
    for b in t.blocks:
        widths.append(
            2 if b.group_style is GroupStyle.HEADING and b.unit_column else b.label_columns
        )
    return max(widths)


def _value_width(t: TableForm) -> int:
    return max(len(b.leaf_columns) for b in t.blocks)


def _units(entries: list[Entry]) -> set[str]:
    return {e.unit.value for e in entries if e.unit is not None and e.kind is not CellKind.MONEY}


class _Builder:
    def __init__(self, fmt: ReportFormat) -> None:
        self.fmt = fmt
        self.cells: list[Placed] = []
        self.row = 1
        catalogue = STATISTICS_CLASSES[fmt].catalogue()
        self.by_cell = {(e.table, e.row, e.column): e for e in catalogue}
        self.fields: dict[str, tuple[int, int]] = {}

    def put(self, **kw: Any) -> None:
        self.cells.append(Placed(**kw))

    def entry_of(self, path: str) -> Entry:
        table, row, *rest = path.split(".")
        return self.by_cell[(table, row, rest[0] if rest else "value")]

    def header(self, t: TableForm, b: BlockForm, first: bool, lw: int, vw: int) -> None:
        depth = b.header_depth
        top = self.row
        if lw:
            if b.group_style is GroupStyle.HEADING:
                for i, h in enumerate(b.label_headers):
                    self.put(row=top, col=1 + i, text=h.zh, rowspan=depth, role="header")
            else:
                corner = t.note.zh if (t.note is not None and first) else ""
                if not corner and b.label_headers:
                    corner = " ".join(h.zh for h in b.label_headers)
                role = "note" if t.note is not None and first else "header"
                self.put(row=top, col=1, text=corner, rowspan=depth, colspan=lw, role=role)
        spans = _leaf_spans(len(b.leaf_columns), vw)
        starts = [lw + 1 + sum(spans[:i]) for i in range(len(spans))]
        taken: set[tuple[int, int]] = set()  # (level, leaf index) covered from above
        for level, cells in enumerate(b.header_rows()):
            leaf = 0
            for hc in cells:
                while (level, leaf) in taken:
                    leaf += 1
                last = leaf + hc.colspan - 1
                col = starts[leaf]
                colspan = starts[last] + spans[last] - col
                self.put(
                    row=top + level,
                    col=col,
                    text=hc.label.zh,
                    rowspan=hc.rowspan,
                    colspan=colspan,
                    role="header",
                )
                for r in range(level, level + hc.rowspan):
                    for i in range(leaf, last + 1):
                        taken.add((r, i))
                leaf = last + 1
        self.row = top + depth

    def values_row(self, paths: tuple[str | None, ...], lw: int, vw: int) -> None:
        spans = _leaf_spans(len(paths), vw)
        col = lw + 1
        for path, span in zip(paths, spans, strict=True):
            if path is None:
                self.put(row=self.row, col=col, colspan=span, role="blank")
            else:
                self.put(row=self.row, col=col, colspan=span, role="value", path=path)
            col += span

    def body(self, b: BlockForm, lw: int, vw: int) -> None:
        for pr in b.printed_rows():
            if b.group_style is GroupStyle.HEADING:
                node = pr.labels[0][0]
                path = pr.paths[0]
                self.put(row=self.row, col=1, text=node.label.zh, role="label", indent=pr.depth)
                unit = ""
                if path is not None:
                    e = self.entry_of(path)
                    unit = e.unit.value if e.unit is not None else ""
                    path = e.path
                self.put(row=self.row, col=2, text=unit, role="unit-cell")
                self.values_row((path,), lw, vw)
            else:
                col = 1 + pr.depth - (len(pr.labels) - 1)
                for node, rowspan, colspan in pr.labels:
                    self.put(
                        row=self.row,
                        col=col,
                        text=node.label.zh,
                        rowspan=rowspan,
                        colspan=colspan,
                        role="label",
                    )
                    col += colspan
                paths = tuple(None if p is None else self.entry_of(p).path for p in pr.paths)
                self.values_row(paths, lw, vw)
            self.row += 1

    def table(self, t: TableForm, total: int) -> None:
        lw, vw = _label_width(t), _value_width(t)
        width = lw + vw
        self.put(row=self.row, col=1, text=t.label.zh, colspan=total, role="title")
        self.row += 1
        entries = [self.by_cell[(t.key, r, c)] for r, c in t.printed_cells()]
        units = _units(entries)
        if len(units) == 1 and not any(b.unit_column for b in t.blocks):
            self.put(row=self.row, col=1, text=f"单位：{units.pop()}", colspan=width, role="unit")
            self.row += 1
        for i, b in enumerate(t.blocks):
            if b.caption is not None:
                self.put(row=self.row, col=1, text=b.caption.zh, colspan=width, role="caption")
                self.row += 1
            self.header(t, b, i == 0, lw, vw)
            if t.layout is Layout.ONE_ROW:
                paths = tuple(
                    self.by_cell[(t.key, leaf.row, leaf.key)].path
                    for leaf in b.leaf_columns
                    if leaf.row is not None and leaf.key is not None
                )
                self.values_row(paths, lw, vw)
                self.row += 1
            else:
                self.body(b, lw, vw)
        self.row += 1


def grid(fmt: ReportFormat | str) -> Grid:
    """The layout of the template sheet of a format."""
    key = ReportFormat(fmt)
    known = _GRIDS.get(key)
    if known is not None:
        return known
    b = _Builder(key)
    spec = form(key)
    total = max(_label_width(t) + _value_width(t) for t in spec.tables)
    b.put(row=1, col=1, text=f"{key.label.zh} 统计表填报", colspan=total, role="title")
    b.put(
        row=2,
        col=1,
        text=(
            "填报说明：只在黄色单元格中填写数字。未填报的单元格请留空（留空不等于 0），"
            "没有发生的请填 0。 Fill in the yellow cells only; leave a cell blank when it is "
            "not stated (blank is not 0), write 0 for none."
        ),
        colspan=total,
        role="note",
    )
    row = 3
    for name, zh, en in _FIELDS:
        b.put(row=row, col=1, text=f"{zh} {en}", colspan=1, role="field-label")
        text = key.value if name == "format" else ""
        b.put(row=row, col=2, text=text, colspan=total - 1, role="field", path=name)
        b.fields[name] = (row, 2)
        row += 1
    b.row = row + 1
    for t in spec.tables:
        b.table(t, total)
    made = Grid(format=key, cells=tuple(b.cells), width=total, fields=b.fields)
    _GRIDS[key] = made
    return made


_GRIDS: dict[ReportFormat, Grid] = {}


def _openpyxl() -> Any:
    # openpyxl ships no type stubs: it is used as ``Any`` here.
    return optional_module("openpyxl", "excel", "Excel templates")


def _number_format(e: Entry) -> str:
    if e.kind is CellKind.MONEY:
        return "#,##0.######" if e.unit is not None else "@"
    return "0"


class _Sheet:
    """Writes a grid onto an openpyxl worksheet: merges, borders, styles, validation."""

    def __init__(self, ws: Any, fmt: ReportFormat) -> None:
        self.ws = ws
        self.catalogue = STATISTICS_CLASSES[fmt].catalogue()
        st = importlib.import_module("openpyxl.styles")
        self.st = st
        dv = importlib.import_module("openpyxl.worksheet.datavalidation").DataValidation
        thin = st.Side(style="thin")
        self.border = st.Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fill = st.PatternFill("solid", fgColor="FFF2CC")
        self.unlocked = st.Protection(locked=False)

        def check(error: str, **kw: Any) -> Any:
            v = dv(
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="数值无效 / invalid value",
                error=error,
                **kw,
            )
            ws.add_data_validation(v)
            return v

        def whole_between(error: str, low: int, high: int) -> Any:
            return check(
                error, type="whole", operator="between", formula1=str(low), formula2=str(high)
            )

        at_least_0 = {"operator": "greaterThanOrEqual", "formula1": "0"}
        self.counts = check(
            "请填写不小于 0 的整数 / a whole number, 0 or more", type="whole", **at_least_0
        )
        self.changes = whole_between(
            "请填写整数（可为负数） / a whole number (may be negative)", -999_999_999, 999_999_999
        )
        self.money = check(
            "请填写不小于 0 的金额 / an amount, 0 or more", type="decimal", **at_least_0
        )
        self.years = whole_between("请填写年份 / a year", 2000, 2100)
        self.levels = check(
            "请从列表中选择 / choose from the list",
            type="list",
            formula1='"' + ",".join(LEVEL_ZH.values()) + '"',
        )
        self.widths: dict[int, int] = {}

    def place(self, c: Placed) -> Any:
        ws = self.ws
        cell = ws.cell(row=c.row, column=c.col)
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(
                start_row=c.row,
                start_column=c.col,
                end_row=c.row + c.rowspan - 1,
                end_column=c.col + c.colspan - 1,
            )
        framed = c.role not in ("title", "note", "field-label", "field", "unit") or (
            c.role == "note" and c.row > 2
        )
        if framed:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    ws.cell(row=r, column=k).border = self.border
        if c.text:
            cell.value = c.text
        self.style(c, cell)
        return cell

    def style(self, c: Placed, cell: Any) -> None:
        st = self.st
        if c.role == "title":
            cell.font = st.Font(bold=True, size=12)
        elif c.role == "unit":
            cell.alignment = st.Alignment(horizontal="right")
        elif c.role in ("header", "caption"):
            cell.font = st.Font(bold=True)
            cell.alignment = st.Alignment(wrap_text=True, vertical="center", horizontal="center")
        elif c.role in ("note", "label", "field-label"):
            cell.alignment = st.Alignment(
                wrap_text=True, vertical="center", horizontal="left", indent=c.indent
            )
        if c.role == "label" and c.colspan == 1 and c.rowspan == 1:
            w = min(_display_width(c.text) + 2, 48)
            self.widths[c.col] = max(self.widths.get(c.col, 0), w)

    def field(self, c: Placed, cell: Any, prefill: dict[str, object]) -> None:
        st = self.st
        cell.protection = self.unlocked
        cell.fill = self.fill
        cell.alignment = st.Alignment(wrap_text=True, vertical="center", horizontal="left")
        value = prefill.get(c.path or "")
        if c.path == "level":
            self.levels.add(cell.coordinate)
            if isinstance(value, OrganLevel):
                cell.value = LEVEL_ZH[value]
        elif c.path == "year":
            self.years.add(cell.coordinate)
            cell.number_format = "0"
        elif c.path == "division_code":
            cell.number_format = "@"
        elif c.path == "format":
            cell.protection = st.Protection(locked=True)
            cell.fill = st.PatternFill(None)
        if value is not None and c.path in ("organ", "year", "division_code"):
            cell.value = value

    def value(self, c: Placed, cell: Any, v: int | Amount | None) -> None:
        e = self.catalogue[c.path or ""]
        cell.protection = self.unlocked
        cell.fill = self.fill
        cell.number_format = _number_format(e)
        cell.alignment = self.st.Alignment(horizontal="right", vertical="center")
        if e.kind is CellKind.CHANGE:
            self.changes.add(cell.coordinate)
        elif e.kind is CellKind.MONEY:
            if e.unit is not None:
                self.money.add(cell.coordinate)
            else:  # the form fixes no unit (2019 采购总金额): the amount is written with it
                comments = importlib.import_module("openpyxl.comments")
                cell.comment = comments.Comment(
                    "金额后写明单位，如 251000元 或 25.1万元 / "
                    "write the unit after the amount: 251000元 or 25.1万元",
                    "disclosure-model",
                )
        else:
            self.counts.add(cell.coordinate)
        if isinstance(v, Amount):
            cell.value = v.value if v.unit is not None and e.unit is not None else str(v)
        elif v is not None:
            cell.value = v


def write_xlsx(
    fmt: ReportFormat | str,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    values: dict[str, int | Amount | None] | None = None,
    organ: str | None = None,
    level: OrganLevel | None = None,
    year: int | None = None,
    division_code: str | None = None,
) -> None:
    """Write the template of ``fmt`` as an .xlsx workbook (``values`` and the fields prefilled
    where given: a filled template, as tests make, or an office re-issuing one)."""
    openpyxl = _openpyxl()
    from_col = importlib.import_module("openpyxl.utils").get_column_letter
    g = grid(fmt)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    sheet = _Sheet(ws, g.format)
    prefill: dict[str, object] = {
        "organ": organ,
        "level": level,
        "year": year,
        "division_code": division_code,
    }
    for c in g.cells:
        cell = sheet.place(c)
        if c.role == "field":
            sheet.field(c, cell, prefill)
        elif c.role == "value":
            sheet.value(c, cell, (values or {}).get(c.path or ""))
    for col in range(1, g.width + 1):
        ws.column_dimensions[from_col(col)].width = max(sheet.widths.get(col, 0), 11)
    # Protected without a password: the labels stay put, and an office can still lift it.
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    if isinstance(target, str | os.PathLike):
        wb.save(Path(target))
    else:
        wb.save(target)


def _field_entry(name: str, value: object, reason_zh: str, reason_en: str, at: str) -> BadEntry:
    zh, en = next((z, e) for n, z, e in _FIELDS if n == name)
    return BadEntry(
        where=at,
        subject_zh=zh,
        subject_en=en,
        written=None if value is None or value == "" else written(value),
        reason_zh=reason_zh,
        reason_en=reason_en,
    )


def read_xlsx(
    source: str | os.PathLike[str] | IO[bytes],
) -> tuple[ReportFormat | None, dict[str, object], dict[str, int | Amount | None], list[BadEntry]]:
    """The format, the fields (organ, level, year), the cell values and every problem of a
    filled workbook."""
    openpyxl = _openpyxl()
    get_column_letter = importlib.import_module("openpyxl.utils").get_column_letter

    problems: list[BadEntry] = []
    fields: dict[str, object] = {}
    values: dict[str, int | Amount | None] = {}
    if not isinstance(source, str | os.PathLike):
        source = io.BytesIO(source.read())  # read twice below
    try:
        wb = openpyxl.load_workbook(source, data_only=True)
        if not isinstance(source, str | os.PathLike):
            source.seek(0)
        # The same cells as written: a formula whose result was never computed (a workbook
        # saved by a program, not by Excel) reads as empty above, and is not a blank.
        formulas = openpyxl.load_workbook(source, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        problems.append(
            BadEntry(
                where=str(source) if isinstance(source, str | os.PathLike) else "workbook",
                subject_zh="文件",
                subject_en="file",
                written=None,
                reason_zh="不是可读取的 Excel 工作簿",
                reason_en=f"is not a readable Excel workbook ({type(e).__name__})",
            )
        )
        return None, fields, values, problems
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    written_ws = formulas[ws.title]

    def at(row: int, col: int) -> str:
        return f"{ws.title}!{get_column_letter(col)}{row}"

    # The format field is where every format's template puts it.
    any_grid = grid(ReportFormat.GOV_2021)
    frow, fcol = any_grid.fields["format"]
    raw_format = ws.cell(row=frow, column=fcol).value
    try:
        fmt = ReportFormat(str(raw_format).strip())
    except ValueError:
        problems.append(
            _field_entry(
                "format",
                raw_format,
                "不是本库的模板格式：" + "、".join(f.value for f in ReportFormat),
                "is not a template format: " + ", ".join(f.value for f in ReportFormat),
                at(frow, fcol),
            )
        )
        return None, fields, values, problems
    g = grid(fmt)
    fields = _read_fields(ws, g, at, problems)
    for c in g.cells:
        if c.role in ("label", "header", "caption") and c.text:
            found = ws.cell(row=c.row, column=c.col).value
            if normalise_label(str(found or "")) != normalise_label(c.text):
                problems.append(
                    BadEntry(
                        where=at(c.row, c.col),
                        subject_zh="表格布局",
                        subject_en="sheet layout",
                        written=None if found is None else str(found),
                        reason_zh=f"此处应为“{c.text}”：请在生成的模板中填写，不要插入或删除行列",
                        reason_en=(
                            f"expected {c.text!r} here: fill the template as generated, "
                            "without inserting or deleting rows or columns"
                        ),
                    )
                )
                return fmt, fields, values, problems
    catalogue = STATISTICS_CLASSES[fmt].catalogue()
    for c in g.values():
        assert c.path is not None
        raw = ws.cell(row=c.row, column=c.col).value
        entry = catalogue[c.path]
        formula = written_ws.cell(row=c.row, column=c.col).value
        try:
            if raw is None and isinstance(formula, str) and formula.startswith("="):
                raise _UnreadableError(
                    "是未计算的公式（请在 Excel 中打开并保存）",
                    "is a formula whose value was never computed (open and save it in Excel)",
                )
            values[c.path] = read_cell(entry, raw)
        except _UnreadableError as err:
            problems.append(bad_cell(entry, at(c.row, c.col), formula if raw is None else raw, err))
    return fmt, fields, values, problems


def _read_fields(ws: Any, g: Grid, at: Any, problems: list[BadEntry]) -> dict[str, object]:
    """The organ, level, division code and year fields of a filled sheet (bad ones reported)."""
    fields: dict[str, object] = {}
    for name in ("organ", "level", "division_code", "year"):
        row, col = g.fields[name]
        raw = ws.cell(row=row, column=col).value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if name in ("organ", "division_code"):
            fields[name] = str(raw).strip() if not isinstance(raw, int) else str(raw)
        elif name == "level":
            lvl = level_from_text(str(raw))
            if lvl is None:
                problems.append(
                    _field_entry(
                        name,
                        raw,
                        "不是列表中的机关层级",
                        "is not a level from the list",
                        at(row, col),
                    )
                )
            else:
                fields[name] = lvl
        else:
            year = _year(raw)
            if year is None:
                problems.append(
                    _field_entry(
                        name,
                        raw,
                        "不是年份（2000—2100）",
                        "is not a year (2000-2100)",
                        at(row, col),
                    )
                )
            else:
                fields[name] = year
    return fields


def _year(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
        raw = int(raw.strip())
    if isinstance(raw, int) and 2000 <= raw <= 2100:
        return raw
    return None
