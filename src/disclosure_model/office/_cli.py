"""The office's subcommands of ``disclosure-model``: ``template`` and ``build``, and reading a
filled template wherever a command reads a report (``check 2024.xlsx``).

The handlers raise the library's own errors for unusable input; the command line turns
them into its message and exit status 2.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from disclosure_model.errors import ValidationError
from disclosure_model.formats import ReportFormat, format_for_year
from disclosure_model.office._build import from_sparse, from_table, write_template
from disclosure_model.office._template import template_csv
from disclosure_model.report import OrganLevel, Report

__all__ = [
    "FILLED_SUFFIXES",
    "add_build",
    "add_fields",
    "add_template",
    "is_filled_template",
    "read_filled",
    "run_build",
    "run_template",
]

#: Suffixes of files a command reads as a filled template rather than a report's JSON.
FILLED_SUFFIXES = (".csv", ".xlsx", ".xlsm")

_FORMATS = tuple(f.value for f in ReportFormat)
_LEVELS = tuple(v.value for v in OrganLevel)

TEMPLATE_EPILOG = """\
examples:
  disclosure-model template --format gov-2021 -o 2024.xlsx   # Excel, laid out as the form
  disclosure-model template --format gov-2021 -o 2024.csv    # one row per cell, UTF-8 + BOM
  disclosure-model template --year 2020 -o 2020.json         # sparse JSON, every cell null
  disclosure-model template --format gov-2019 -o - > t.csv   # CSV on standard output

A blank cell stays not stated (never 0); write 0 where nothing happened.
"""

BUILD_EPILOG = """\
examples:
  disclosure-model build 2024.xlsx -o report.json
  disclosure-model build 2024.csv --organ 某县财政局 --level county-department --year 2024 \\
      -o report.json
  cat 2024.csv | disclosure-model build - --organ 某局 --level other --year 2024

Every bad cell is reported at once (in Chinese and English, named by table, row and
column, with the value as written); then nothing is written and the exit status is 2.
"""


def add_fields(parser: argparse.ArgumentParser) -> None:
    """The organ, level and year options of commands that read a filled template."""
    parser.add_argument(
        "--organ", metavar="NAME", help="the organ's name (a CSV template has no field for it)"
    )
    parser.add_argument(
        "--level",
        metavar="LEVEL",
        help="the organ's level: " + ", ".join(_LEVELS) + " (or its Chinese name)",
    )
    parser.add_argument("--year", type=int, metavar="YEAR", help="the report year")
    parser.add_argument(
        "--division-code", metavar="CODE", help="the 6-, 9- or 12-digit division code"
    )


#: The office subcommands: their one-line summary, description and epilog.
_SUBCOMMANDS = {
    "template": (
        "write the official tables as a form to fill (.xlsx, .csv or .json)",
        "Write the statistics tables of a format as a template to fill: an Excel workbook "
        "laid out as the official form (needs the excel extra), a CSV file with one row "
        "per cell, or a sparse JSON document.",
        TEMPLATE_EPILOG,
    ),
    "build": (
        "build a report (JSON) from a filled template",
        "Read a filled template (.xlsx, .csv, or a sparse .json document; - for standard "
        "input) and write the report as strict JSON.",
        BUILD_EPILOG,
    ),
}


def _subcommand(sub: Any, name: str) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` with its texts from ``_SUBCOMMANDS``."""
    summary, description, epilog = _SUBCOMMANDS[name]
    p: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return p


def add_template(sub: Any) -> argparse.ArgumentParser:
    """Add the ``template`` subcommand."""
    p = _subcommand(sub, "template")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--format", choices=_FORMATS, help="the statistics format")
    which.add_argument(
        "--year", type=int, metavar="YEAR", help="the report year (its format is used)"
    )
    p.add_argument(
        "-o",
        "--output-file",
        required=True,
        metavar="FILE",
        help="where to write; the suffix picks the kind; - writes CSV (or --as json) to stdout",
    )
    p.add_argument(
        "--as",
        dest="kind",
        choices=("csv", "xlsx", "json"),
        help="the kind of file, where the suffix does not say",
    )
    p.add_argument(
        "--no-bom",
        action="store_true",
        help="CSV without the byte-order mark (Excel needs it to read UTF-8)",
    )
    return p


def add_build(sub: Any) -> argparse.ArgumentParser:
    """Add the ``build`` subcommand."""
    p = _subcommand(sub, "build")
    p.add_argument("path", metavar="FILE", help="the filled template; - reads standard input")
    p.add_argument(
        "--format", choices=_FORMATS, help="the format the template must be in (checked)"
    )
    add_fields(p)
    p.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        default="-",
        help="where to write the report's JSON (default: standard output)",
    )
    return p


def _format_of(args: argparse.Namespace) -> ReportFormat:
    if args.format is not None:
        return ReportFormat(args.format)
    fmt = format_for_year(args.year)
    if fmt is None:
        msg = f"no national format applies to {args.year}; give --format"
        raise ValidationError.at("$.year", msg)
    return fmt


def run_template(args: argparse.Namespace, out: TextIO) -> int:
    """``disclosure-model template``."""
    fmt = _format_of(args)
    target = args.output_file
    if target == "-":
        kind = args.kind or "csv"
        if kind == "xlsx":
            msg = "an Excel workbook cannot go to standard output: give -o FILE.xlsx"
            raise ValidationError.at("$", msg)
        if kind == "csv":
            out.write(template_csv(fmt, bom=not args.no_bom))
        else:
            buffer = io.BytesIO()
            write_template(fmt, buffer, kind="json")
            out.write(buffer.getvalue().decode("utf-8"))
        return 0
    write_template(fmt, target, kind=args.kind, bom=not args.no_bom)
    return 0


def is_filled_template(path: str) -> bool:
    """Whether a command reads ``path`` as a filled template (by its suffix)."""
    return Path(path).suffix.lower() in FILLED_SUFFIXES


def read_filled(path: str, args: argparse.Namespace, stdin: Any = None) -> Report:
    """The report of a filled template at ``path`` (``-``: standard input), with the organ,
    level and year options of ``args`` where given."""
    fields: dict[str, Any] = {
        "organ": getattr(args, "organ", None),
        "level": getattr(args, "level", None),
        "year": getattr(args, "year", None),
        "division_code": getattr(args, "division_code", None),
        "format": getattr(args, "format", None),
    }
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        return _from_bytes(data, fields)
    if Path(path).suffix.lower() == ".json":
        return from_sparse(Path(path).read_bytes())
    return from_table(path, **fields)


def _from_bytes(data: bytes, fields: dict[str, Any]) -> Report:
    """A filled template read from standard input: a workbook, a sparse JSON document or CSV."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return from_sparse(data)
    return from_table(data, **fields)


def run_build(args: argparse.Namespace, out: TextIO, stdin: Any = None) -> int:
    """``disclosure-model build``: nothing is written unless the whole report is built."""
    from disclosure_model.serialization import dumps

    report = read_filled(args.path, args, stdin)
    text = dumps(report) + "\n"
    if args.output_file == "-":
        out.write(text)
    else:
        target = Path(args.output_file)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    return 0
