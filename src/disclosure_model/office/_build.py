"""From a filled template (CSV, XLSX, rows) or a sparse document to a Report, and back."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from disclosure_model.errors import Problem, ValidationError
from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat
from disclosure_model.office._cells import assemble, new_report
from disclosure_model.office._levels import level_from_text
from disclosure_model.office._template import (
    BadEntry,
    TemplateError,
    TemplateRow,
    form_entries,
    parse_csv_text,
    read_csv_rows,
    template_csv,
)
from disclosure_model.report import OrganLevel, Report
from disclosure_model.values import Amount

__all__ = ["from_sparse", "from_table", "to_sparse", "write_template"]

TemplateKind = Literal["csv", "xlsx", "json"]
_KINDS = ("csv", "xlsx", "json")


def _kind_of(target: object, kind: str | None) -> str:
    if kind is None and isinstance(target, str | os.PathLike):
        kind = Path(target).suffix.lower().lstrip(".")
    if kind not in _KINDS:
        msg = f"a template is written as .csv, .xlsx or .json, not {kind!r}"
        raise ValidationError.at("$", msg)
    return kind


def write_template(
    format: ReportFormat | str,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    kind: TemplateKind | None = None,
    bom: bool = True,
) -> None:
    """Write the template of ``format`` to ``target`` as CSV, XLSX or a sparse JSON document.

    ``kind`` defaults to the file's suffix. CSV is UTF-8 with a byte-order mark unless
    ``bom=False``; XLSX needs the ``excel`` extra (openpyxl); JSON is a sparse document
    (:func:`from_sparse`) with every cell ``null`` and the organ, level and year to fill.
    """
    fmt = ReportFormat(format)
    chosen = _kind_of(target, kind)
    if chosen == "xlsx":
        from disclosure_model.office._xlsx import write_xlsx

        write_xlsx(fmt, target)
        return
    if chosen == "csv":
        data = template_csv(fmt, bom=bom).encode("utf-8")
    else:
        doc = {
            "format": fmt.value,
            "organ": {"name": "", "level": "", "division_code": None},
            "year": None,
            "cells": {e.path: None for e in form_entries(fmt)},
        }
        data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if isinstance(target, str | os.PathLike):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def _field(
    where: str, subject: tuple[str, str], written: str | None, reason: tuple[str, str]
) -> BadEntry:
    """A problem with one of the report's fields (organ, level, year), in zh and en."""
    return BadEntry(
        where=where,
        subject_zh=subject[0],
        subject_en=subject[1],
        written=written,
        reason_zh=reason[0],
        reason_en=reason[1],
    )


def _fields_problems(
    organ: object, level: object, year: object, where: str
) -> tuple[list[BadEntry], OrganLevel | None]:
    problems: list[BadEntry] = []
    lvl: OrganLevel | None = None
    if not isinstance(organ, str) or not organ.strip():
        problems.append(
            _field(
                where,
                ("机关名称", "organ name"),
                None,
                (
                    "未填写（在模板中填写，或用 --organ 给出）",
                    "is missing (fill it in the template, or give --organ / organ=)",
                ),
            )
        )
    if isinstance(level, OrganLevel):
        lvl = level
    elif isinstance(level, str) and level.strip():
        lvl = level_from_text(level)
        if lvl is None:
            problems.append(
                _field(
                    where,
                    ("机关层级", "organ level"),
                    level,
                    (
                        "不是机关层级：" + "、".join(v.value for v in OrganLevel),
                        "is not a level: " + ", ".join(v.value for v in OrganLevel),
                    ),
                )
            )
    else:
        problems.append(
            _field(
                where,
                ("机关层级", "organ level"),
                None,
                (
                    "未填写（在模板中选择，或用 --level 给出）",
                    "is missing (choose it in the template, or give --level / level=)",
                ),
            )
        )
    if type(year) is not int or not 2000 <= year <= 2100:
        problems.append(
            _field(
                where,
                ("报告年度", "report year"),
                None if year is None else str(year),
                ("未填写或不是年份（2000—2100）", "is missing or not a year from 2000 to 2100"),
            )
        )
    return problems, lvl


def _read_source(
    source: Any, fmt: ReportFormat | None
) -> tuple[ReportFormat | None, dict[str, object], dict[str, int | Amount | None], list[BadEntry]]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            from disclosure_model.office._xlsx import read_xlsx

            found_fmt, fields, values, problems = read_xlsx(path)
            if fmt is not None and found_fmt is not None and found_fmt is not fmt:
                problems.append(
                    BadEntry(
                        where=path.name,
                        subject_zh="格式",
                        subject_en="format",
                        written=found_fmt.value,
                        reason_zh=f"与要求的格式 {fmt.value} 不符",
                        reason_en=f"does not match the format asked for, {fmt.value}",
                    )
                )
            return found_fmt, fields, values, problems
        if suffix != ".csv":
            msg = f"a filled template is a .csv or .xlsx file, not {path.name!r}"
            raise ValidationError.at("$", msg)
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            msg = f"{path.name} is not UTF-8 text (save the CSV as UTF-8)"
            raise ValidationError.at("$", msg) from None
        return _read_csv_text(text, fmt)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if not data.startswith(b"PK"):  # not a zip archive, so no workbook: CSV text
            try:
                return _read_csv_text(data.decode("utf-8"), fmt)
            except UnicodeDecodeError:
                raise ValidationError.at(
                    "$", "the input is neither a workbook nor UTF-8 CSV"
                ) from None
        from disclosure_model.office._xlsx import read_xlsx

        return read_xlsx(io.BytesIO(data))
    if isinstance(source, str):  # pragma: no cover - str is a path above
        raise AssertionError
    rows = [r.as_dict() if isinstance(r, TemplateRow) else r for r in source]
    if not all(isinstance(r, Mapping) for r in rows):
        raise ValidationError.at("$", "expected template rows (mappings with path and value)")
    found_fmt, values, problems = read_csv_rows(rows, fmt=fmt, first_line=1, where="row")
    return found_fmt, {}, values, problems


def _read_csv_text(
    text: str, fmt: ReportFormat | None
) -> tuple[ReportFormat | None, dict[str, object], dict[str, int | Amount | None], list[BadEntry]]:
    rows: list[Any] = parse_csv_text(text)
    found_fmt, values, problems = read_csv_rows(rows, fmt=fmt)
    return found_fmt, {}, values, problems


def from_table(
    source: str | os.PathLike[str] | bytes | Iterable[TemplateRow | Mapping[str, Any]],
    *,
    format: ReportFormat | str | None = None,
    organ: str | None = None,
    level: OrganLevel | str | None = None,
    year: int | None = None,
    division_code: str | None = None,
) -> Report:
    """A report from a filled template: a .csv or .xlsx path, the bytes of an .xlsx workbook
    or of a CSV file, or rows (:class:`TemplateRow` or mappings with ``path``, ``value`` and
    optionally ``code``, ``unit``, ``format``).

    A blank value stays not stated; ``0`` is 0. ``organ``, ``level`` and ``year`` fill in
    (or override) the workbook's fields; a CSV has none, so they are needed there. Every
    bad cell and field is reported at once in a :class:`TemplateError`, in zh and en, with
    the cell named in words and the value as written; nothing half-built is returned.

    >>> from disclosure_model import office
    >>> rows = [r.as_dict() for r in office.template("gov-2021")]
    >>> rows[10]["code"], rows[10]["value"]
    ('3/一/自然人', '')
    >>> rows[10]["value"] = "12"
    >>> r = office.from_table(rows, organ="某县财政局", level="county-department", year=2024)
    >>> r.statistics.cell("applications.new_received.natural_person")
    12
    >>> rows[11]["value"] = "1２O"
    >>> office.from_table(rows, organ="某县财政局", level="county-department", year=2024)
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    disclosure_model.office._template.TemplateError: 1 处错误 / 1 problem:
      row 12：表三 一、本年新收政府信息公开申请数量 / 法人或其他组织·商业企业：'1２O' 不是整数
        row 12: table 3, I. new applications received this year / ...: '1２O' is not a whole number
    """
    fmt = ReportFormat(format) if format is not None else None
    found_fmt, fields, values, problems = _read_source(source, fmt)
    where = "参数 / arguments"
    name = organ if organ is not None else fields.get("organ")
    lvl_in = level if level is not None else fields.get("level")
    yr = year if year is not None else fields.get("year")
    code = division_code if division_code is not None else fields.get("division_code")
    if found_fmt is not None:
        field_problems, lvl = _fields_problems(name, lvl_in, yr, where)
        problems.extend(field_problems)
    else:
        lvl = None
    if problems or found_fmt is None or lvl is None:
        raise TemplateError(problems)
    assert isinstance(name, str)
    assert isinstance(yr, int)
    try:
        report = new_report(
            organ=name.strip(),
            level=lvl,
            year=yr,
            format=found_fmt,
            division_code=code if isinstance(code, str) else None,
        )
    except ValidationError as e:
        raise TemplateError(
            _field(
                where,
                ("报告信息", "report fields"),
                None,
                (p.message, f"{p.path}: {p.message}"),
            )
            for p in e.problems
        ) from None
    stats = assemble(STATISTICS_CLASSES[found_fmt], values)
    from attrs import evolve

    return evolve(report, statistics=stats)


# --------------------------------------------------------------------------------------
# The sparse document: only the stated cells

_SPARSE_KEYS = (
    "schema_version",
    "organ",
    "year",
    "format",
    "cells",
    "combined",
    "title",
    "dated",
    "published",
    "source",
    "sections",
    "claims",
    "coverage",
)


def _set(tree: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for p in parts[:-1]:
        tree = tree[p]
    tree[parts[-1]] = value


def _sparse_head(
    data: Mapping[str, Any],
) -> tuple[list[Problem], ReportFormat | None, Mapping[str, Any]]:
    """The problems with a sparse document's keys, its format and its cells."""
    problems: list[Problem] = []
    for key in data:
        if key not in _SPARSE_KEYS:
            hint = " (a sparse document gives cells, not statistics)" if key == "statistics" else ""
            problems.append(Problem(f"$.{key}", f"unknown key{hint}"))
    for key in ("organ", "year", "format"):
        if key not in data:
            problems.append(Problem(f"$.{key}", "missing key"))
    fmt: ReportFormat | None = None
    try:
        fmt = ReportFormat(data.get("format"))
    except ValueError:
        known = ", ".join(f.value for f in ReportFormat)
        problems.append(Problem("$.format", f"expected one of {known}, got {data.get('format')!r}"))
    cells = data.get("cells", {})
    if not isinstance(cells, Mapping):
        problems.append(Problem("$.cells", "expected an object of cells by catalogue path"))
        cells = {}
    return problems, fmt, cells


def from_sparse(data: Mapping[str, Any] | str | bytes) -> Report:
    """A report from a *sparse* document: the full document's keys, except that
    ``statistics`` is replaced by ``cells``, an object of only the stated cells by catalogue
    path (a cell's value written as in the full document: a JSON integer, or
    ``{"value": "213.15", "unit": "万元"}`` for money), and, in the legacy format, an optional
    ``combined`` list as in the full document's statistics. Keys other than ``organ``, ``year``,
    ``format`` may be left out (``schema_version`` too: the current one is meant).

    The strict full document (:func:`~disclosure_model.serialization.loads`) stays the
    exchange format; a sparse one is for typing a report in. Every problem is reported at once.

    >>> from disclosure_model import office
    >>> r = office.from_sparse({
    ...     "format": "gov-2021", "year": 2024,
    ...     "organ": {"name": "某县财政局", "level": "county-department", "division_code": None},
    ...     "cells": {"applications.new_received.natural_person": 12},
    ... })
    >>> r.statistics.cell("applications.new_received.natural_person"), r.title
    (12, None)
    >>> office.to_sparse(r)["cells"]
    {'applications.new_received.natural_person': 12}
    """
    from disclosure_model.serialization import SCHEMA_VERSION, from_dict, to_dict

    if isinstance(data, str | bytes | bytearray):
        try:
            data = json.loads(data)
        except (ValueError, RecursionError) as e:
            raise ValidationError.at("$", f"not a JSON document: {e}") from None
    if not isinstance(data, Mapping):
        raise ValidationError.at("$", f"expected a JSON object, got {type(data).__name__}")
    problems, fmt, cells = _sparse_head(data)
    if fmt is None:
        raise ValidationError(problems)
    cls = STATISTICS_CLASSES[fmt]
    known_paths = cls.catalogue().paths
    skeleton = to_dict(new_report(organ="-", level=OrganLevel.OTHER, year=2000, format=fmt))
    stats = skeleton["statistics"]
    for path, value in cells.items():
        if path not in known_paths:
            problems.append(Problem(f"$.cells[{path!r}]", f"{fmt.value} has no cell {path!r}"))
        else:
            _set(stats, path, value)
    if "combined" in data:
        if "combined" in stats:
            stats["combined"] = data["combined"]
        else:
            problems.append(Problem("$.combined", f"{fmt.value} has no combined figures"))
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for key in skeleton:
        if key == "statistics":
            doc[key] = stats
        elif key == "combined":
            continue
        elif key in data:
            doc[key] = data[key]
        elif key != "schema_version":
            doc[key] = skeleton[key]
    try:
        report = from_dict(doc)
    except ValidationError as e:
        problems.extend(_sparse_path(p, known_paths) for p in e.problems)
    if problems:
        raise ValidationError(problems)
    return report


def _sparse_path(p: Problem, known: Mapping[str, object]) -> Problem:
    """A problem at ``$.statistics.<cell>…`` as one at ``$.cells[<cell>]…``."""
    if not p.path.startswith("$.statistics."):
        return p
    rest = p.path.removeprefix("$.statistics.")
    parts = rest.split(".")
    for n in range(len(parts), 0, -1):
        head = ".".join(parts[:n])
        if head in known:
            tail = "".join(f".{x}" for x in parts[n:])
            return Problem(f"$.cells[{head!r}]{tail}", p.message)
    return p


def to_sparse(report: Report) -> dict[str, Any]:
    """The report as a sparse document: every key of the full one, with ``cells`` (only the
    stated cells, in form order) in place of ``statistics``."""
    from disclosure_model.serialization import to_dict

    full = to_dict(report)
    stats = full.pop("statistics")
    cells: dict[str, Any] = {}
    for e in form_entries(report.format):
        node: Any = stats
        for part in e.path.split("."):
            node = node[part]
        if node is not None:
            cells[e.path] = node
    out: dict[str, Any] = {}
    for key, value in full.items():
        out[key] = value
        if key == "format":
            out["cells"] = cells
            if stats.get("combined"):
                out["combined"] = stats["combined"]
    return out
