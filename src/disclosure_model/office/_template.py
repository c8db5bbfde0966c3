"""The form to fill: one row per cell of the official tables, and reading it back.

The rows come from the form spec, in the order the form prints its cells (table 四 in its
one printed row). A filled value is read as written: a blank stays *not stated*, ``0`` is
0, and anything that is not a number of the cell's kind is reported — every bad cell at
once, in Chinese and English, named by its table, row and column in words.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import frozen

from disclosure_model.errors import Problem, ValidationError
from disclosure_model.formats import STATISTICS_CLASSES, Entry, ReportFormat, form
from disclosure_model.office._cells import cell_problem, form_unit
from disclosure_model.values import Amount, CellKind, MoneyUnit

__all__ = [
    "CSV_COLUMNS",
    "BadEntry",
    "TemplateError",
    "TemplateRow",
    "cell_words",
    "form_entries",
    "read_cell",
    "read_csv_rows",
    "template",
    "template_csv",
]


@frozen(kw_only=True)
class TemplateRow:
    """One cell of the form to fill: where it is on the form, and its (empty) value.

    ``code`` is the official cell code (as in long records, ``3/三(三)1/自然人``), ``path``
    the catalogue path; ``row_groups_zh`` the groups the row stands under
    (``三、本年度办理结果 › （三）不予公开``); ``unit`` the unit the form or the reports use
    (empty where the form fixes none); ``value`` is ``None`` until filled.
    """

    format: str
    table: str
    code: str
    path: str
    row_groups_zh: str
    row_label_zh: str
    column_label_zh: str
    unit: str
    kind: str
    value: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The row as CSV fields (an empty value as ``""``)."""
        return {c: ("" if getattr(self, c) is None else str(getattr(self, c))) for c in CSV_COLUMNS}


#: The columns of a CSV template, in order.
CSV_COLUMNS = (
    "format",
    "table",
    "code",
    "path",
    "row_groups_zh",
    "row_label_zh",
    "column_label_zh",
    "unit",
    "kind",
    "value",
)


def form_entries(fmt: ReportFormat) -> tuple[Entry, ...]:
    """The catalogue entries of a format in the order the form prints its cells."""
    catalogue = STATISTICS_CLASSES[fmt].catalogue()
    by_cell = {(e.table, e.row, e.column): e for e in catalogue}
    out: list[Entry] = []
    for t in form(fmt).tables:
        out.extend(by_cell[(t.key, row, column)] for row, column in t.printed_cells())
    return tuple(out)


def _column_words(entry: Entry) -> str:
    return "·".join(g.zh for g in (*entry.column_groups, entry.column_label))


def template(format: ReportFormat | str) -> tuple[TemplateRow, ...]:
    """The official tables of ``format`` as a form to fill: one row per cell, in form order.

    >>> from disclosure_model import office
    >>> rows = office.template("gov-2021")
    >>> len(rows), rows[0].code, rows[0].value
    (200, '2/二十(一)规章/本年制发件数', None)
    >>> [r.row_label_zh for r in rows if r.code == "3/三(三)1/自然人"]
    ['1.属于国家秘密']
    """
    fmt = ReportFormat(format)
    return tuple(
        TemplateRow(
            format=fmt.value,
            table=e.table,
            code=e.code,
            path=e.path,
            row_groups_zh=" › ".join(g.zh for g in e.row_groups),
            row_label_zh=e.row_label.zh,
            column_label_zh=_column_words(e),
            unit=e.unit.value if e.unit is not None else "",
            kind=e.kind.value,
        )
        for e in form_entries(fmt)
    )


def template_csv(format: ReportFormat | str, *, bom: bool = True) -> str:
    """The template as CSV text (with a byte-order mark first, so Excel reads it as UTF-8)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for r in template(format):
        writer.writerow(r.as_dict())
    return ("\ufeff" if bom else "") + out.getvalue()


# --------------------------------------------------------------------------------------
# Bad input, in words


def _table_word(entry: Entry) -> tuple[str, str]:
    zh = entry.table_label.zh
    if "、" in zh[:3]:
        return f"表{zh.split('、', 1)[0]}", f"table {entry.table_code}"
    return entry.table_code, entry.table_label.en


def cell_words(entry: Entry) -> tuple[str, str]:
    """The cell in words, zh and en: ``表三 三、（三）1.属于国家秘密 / 自然人``."""
    from disclosure_model.formats._declare import numbering

    table_zh, table_en = _table_word(entry)
    row_zh = "".join(numbering(g.zh) or f"{g.zh} " for g in entry.row_groups) + entry.row_label.zh
    row_en = " › ".join(g.en for g in (*entry.row_groups, entry.row_label))
    if entry.column == "value":
        return f"{table_zh} {row_zh}", f"{table_en}, {row_en}"
    col_en = " › ".join(g.en for g in (*entry.column_groups, entry.column_label))
    return f"{table_zh} {row_zh} / {_column_words(entry)}", f"{table_en}, {row_en} / {col_en}"


@frozen(kw_only=True)
class BadEntry:
    """One thing wrong in a filled template: where, what, the text as written, and why.

    ``where`` locates it in the file (``line 14``, ``年度报告!C21``); ``subject_zh`` and
    ``subject_en`` name the cell in words (or the field: 机关名称 / organ name);
    ``written`` is the value exactly as written (``None`` where nothing was written);
    ``path`` is the catalogue path of the cell, if it is one.
    """

    where: str
    subject_zh: str
    subject_en: str
    written: str | None
    reason_zh: str
    reason_en: str
    path: str | None = None

    @property
    def zh(self) -> str:
        """The problem in Chinese."""
        shown = f"'{self.written}' " if self.written is not None else ""
        return f"{self.where}：{self.subject_zh}：{shown}{self.reason_zh}"

    @property
    def en(self) -> str:
        """The problem in English."""
        shown = f"'{self.written}' " if self.written is not None else ""
        return f"{self.where}: {self.subject_en}: {shown}{self.reason_en}"


class TemplateError(ValidationError):
    """Raised when a filled template cannot become a report; carries every bad cell and field.

    ``entries`` are the :class:`BadEntry` records (each in zh and en); the problems of the
    :class:`~disclosure_model.errors.ValidationError` carry the same, one per entry.
    """

    entries: tuple[BadEntry, ...]

    def __init__(self, entries: Iterable[BadEntry]) -> None:
        self.entries = tuple(entries)
        super().__init__(
            Problem(f"$.statistics.{e.path}" if e.path else "$", f"{e.zh} | {e.en}")
            for e in self.entries
        )

    def _text(self) -> str:
        n = len(self.entries)
        head = f"{n} 处错误 / 1 problem:" if n == 1 else f"{n} 处错误 / {n} problems:"
        lines = [head]
        for e in self.entries:
            lines.extend((f"  {e.zh}", f"    {e.en}"))
        return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Reading a value as written

_FULL_WIDTH = {i + 0xFF10: i + 0x30 for i in range(10)} | {
    0xFF0E: ord("."),
    0xFF0C: ord(","),
    0xFF0D: ord("-"),
    0xFF0B: ord("+"),
    0x2212: ord("-"),
    0x3000: ord(" "),
}
_INTEGER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\Z")
_DECIMAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?\Z")
_NOT_STATED_WORDS = ("-", "—", "/", "无", "－", "／", "／")
_MAX_EXACT_FLOAT = 2**53


class _UnreadableError(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _integer(text: str, *, signed: bool) -> int:
    folded = text.translate(_FULL_WIDTH).strip()
    if folded in _NOT_STATED_WORDS:
        raise _UnreadableError(
            "不是数字（未填报请留空，没有请填 0）",
            "is not a number (leave the cell blank if not stated, write 0 for none)",
        )
    if not _INTEGER.match(folded):
        raise _UnreadableError("不是整数", "is not a whole number")
    value = int(folded.replace(",", ""))
    if value < 0 and not signed:
        raise _UnreadableError("不能为负数", "cannot be negative")
    return value


def _from_number(value: int | float, *, signed: bool) -> int:
    if isinstance(value, float):
        if not value.is_integer() or abs(value) > _MAX_EXACT_FLOAT:
            raise _UnreadableError("不是整数", "is not a whole number")
        value = int(value)
    if value < 0 and not signed:
        raise _UnreadableError("不能为负数", "cannot be negative")
    return value


def _amount(entry: Entry, value: object, unit_text: str) -> Amount:
    fixed = form_unit(entry)
    if isinstance(value, bool):
        raise _UnreadableError("不是金额", "is not an amount of money")
    if isinstance(value, int):
        number = Decimal(value)
        written_unit = ""
    elif isinstance(value, float):
        number = Decimal(repr(value))  # the shortest text that is this float: what was typed
        written_unit = ""
    else:
        folded = str(value).translate(_FULL_WIDTH).strip().replace(" ", "")
        written_unit = next(
            (u.value for u in (MoneyUnit.WAN_YUAN, MoneyUnit.YUAN) if folded.endswith(u.value)), ""
        )
        digits = folded.removesuffix(written_unit)
        if digits.startswith("-") and _DECIMAL.match(digits[1:]):
            raise _UnreadableError("金额不能为负数", "an amount of money cannot be negative")
        if not _DECIMAL.match(digits):
            raise _UnreadableError("不是金额", "is not an amount of money")
        try:
            number = Decimal(digits.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numerals
            raise _UnreadableError("不是金额", "is not an amount of money") from None
    if not number.is_finite() or number.is_signed():
        raise _UnreadableError("金额不能为负数", "an amount of money cannot be negative")
    stated = written_unit or unit_text.strip()
    if fixed is not None:
        if stated and stated != fixed.value:
            raise _UnreadableError(
                f"表格规定的单位是{fixed.value}", f"the form states this amount in {fixed.value}"
            )
        return Amount(value=number, unit=fixed)
    if stated:
        try:
            return Amount(value=number, unit=MoneyUnit(stated))
        except ValueError:
            raise _UnreadableError("单位应为 元 或 万元", "the unit must be 元 or 万元") from None
    return Amount(value=number, unit=None)


def read_cell(entry: Entry, value: object, unit_text: str = "") -> int | Amount | None:
    """The value of a cell from what was written in it (text, or a spreadsheet number).

    A blank stays ``None`` (not stated). Raises ``_Bad`` with the reason in zh and en.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if entry.kind is CellKind.MONEY:
        result: int | Amount = _amount(entry, value, unit_text)
    else:
        signed = entry.kind is CellKind.CHANGE
        if isinstance(value, bool):
            raise _UnreadableError("不是整数", "is not a whole number")
        if isinstance(value, int | float):
            result = _from_number(value, signed=signed)
        elif isinstance(value, str):
            result = _integer(value, signed=signed)
        else:
            raise _UnreadableError("不是整数", "is not a whole number")
    why = cell_problem(entry, result)
    if why is not None:  # pragma: no cover - the readers above produce only valid values
        raise _UnreadableError(why, why)
    return result


def written(value: object) -> str:
    """A value as it was written, for messages (a spreadsheet number as its shortest text)."""
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    return str(value).strip() if isinstance(value, str) else repr(value)


def bad_cell(entry: Entry, where: str, value: object, err: _UnreadableError) -> BadEntry:
    """A cell whose value cannot be read, named in words."""
    return _cell_problem(entry, where, written(value), err.zh, err.en)


def _cell_problem(
    entry: Entry, where: str, text: str | None, reason_zh: str, reason_en: str
) -> BadEntry:
    """A problem with a cell (its value, or the line naming it), named in words."""
    zh, en = cell_words(entry)
    return BadEntry(
        where=where,
        subject_zh=zh,
        subject_en=en,
        written=text,
        reason_zh=reason_zh,
        reason_en=reason_en,
        path=entry.path,
    )


# --------------------------------------------------------------------------------------
# Reading CSV rows


def _field(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value)


def read_csv_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    fmt: ReportFormat | None,
    first_line: int = 2,
    where: str = "line",
) -> tuple[ReportFormat | None, dict[str, int | Amount | None], list[BadEntry]]:
    """The format and cell values of filled template rows, and every problem found.

    Each row names its cell by ``path`` (its ``code``, where given, must agree, so a row
    moved to another line is caught); ``format`` (where given) must be the same on every
    row. ``fmt`` is the format asked for, if any.
    """
    problems: list[BadEntry] = []
    values: dict[str, int | Amount | None] = {}
    lines: dict[str, int] = {}
    materialised = list(rows)
    formats = {_field(r, "format").strip() for r in materialised} - {""}
    known_formats = {f.value for f in ReportFormat}
    if fmt is None:
        if len(formats) == 1 and formats <= known_formats:
            fmt = ReportFormat(formats.pop())
        else:
            shown = ", ".join(sorted(formats)) or None
            problems.append(
                BadEntry(
                    where="format",
                    subject_zh="格式",
                    subject_en="format",
                    written=shown,
                    reason_zh="须为同一种格式：" + "、".join(sorted(known_formats)),
                    reason_en="every row must name one format of "
                    + ", ".join(sorted(known_formats)),
                )
            )
            return None, values, problems
    elif formats - {fmt.value}:
        problems.append(
            BadEntry(
                where="format",
                subject_zh="格式",
                subject_en="format",
                written=", ".join(sorted(formats)),
                reason_zh=f"与要求的格式 {fmt.value} 不符",
                reason_en=f"does not match the format asked for, {fmt.value}",
            )
        )
    known = STATISTICS_CLASSES[fmt].catalogue().paths
    for n, row in enumerate(materialised, start=first_line):
        at = f"{where} {n}"
        path = _field(row, "path").strip()
        code = _field(row, "code").strip()
        entry = known.get(path)
        if entry is None:
            problems.append(
                BadEntry(
                    where=at,
                    subject_zh="单元格路径",
                    subject_en="cell path",
                    written=path,
                    reason_zh=f"{fmt.value} 格式中没有这个单元格",
                    reason_en=f"is not a cell of {fmt.value}",
                )
            )
            continue
        if code and code != entry.code:
            problems.append(
                _cell_problem(
                    entry,
                    at,
                    code,
                    f"代码与路径不符（应为 {entry.code}）",
                    f"the code does not match the path (expected {entry.code})",
                )
            )
            continue
        if path in lines:
            problems.append(
                _cell_problem(
                    entry, at, None, f"与第 {lines[path]} 行重复", f"repeats {where} {lines[path]}"
                )
            )
            continue
        lines[path] = n
        raw = row.get("value")
        try:
            values[path] = read_cell(entry, raw, _field(row, "unit"))
        except _UnreadableError as err:
            problems.append(bad_cell(entry, at, raw, err))
    return fmt, values, problems


def parse_csv_text(text: str) -> list[dict[str, str]]:
    """The rows of a CSV template (a byte-order mark first is dropped)."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    missing = {"path", "value"} - set(reader.fieldnames or ())
    if missing:
        raise ValidationError.at(
            "$", "a filled template needs the columns " + ", ".join(sorted(missing))
        )
    return list(reader)
