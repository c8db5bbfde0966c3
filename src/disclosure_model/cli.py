"""The ``disclosure-model`` command line.

Exit status: 0 success (for ``check``: no error-severity finding); 1 ``check`` found at
least one error-severity finding; 2 unusable input or usage (the message says where and
what, never a traceback); 3 the output could not be written (a full disk, an encoding
that cannot hold the text) or an unexpected internal error (a bug, reported as such).
A PATH of ``-`` reads the report from standard input.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from attrs import field, frozen

from disclosure_model import examples
from disclosure_model._corpus_cli import (
    CORPUS_DESCRIPTION,
    CORPUS_EPILOG,
    CORPUS_SUMMARY,
    UnusableCorpusError,
    add_corpus,
    run_corpus,
)
from disclosure_model._version import __version__
from disclosure_model.checks import CheckResult, Finding, Outcome, Severity, check
from disclosure_model.errors import DisclosureModelError, ValidationError
from disclosure_model.export import LONG_COLUMNS, WIDE_COLUMNS, to_records
from disclosure_model.formats import Label
from disclosure_model.formatting import (
    NOT_STATED,
    format_count,
    format_decimal_exactly,
    is_chinese,
    parse_locale,
)
from disclosure_model.office import TemplateError
from disclosure_model.office._cli import (
    add_build,
    add_fields,
    add_template,
    is_filled_template,
    read_filled,
    run_build,
    run_template,
)
from disclosure_model.ratio_catalogue import RatioKind, RatioSpec, ratio_specs, ratios
from disclosure_model.render import findings_text, render_text
from disclosure_model.render._locale import SUPPORTED_LOCALES, supported_locale
from disclosure_model.report import Report
from disclosure_model.schema import json_schema
from disclosure_model.serialization import dumps, load, to_dict
from disclosure_model.values import Ratio

if TYPE_CHECKING:
    from disclosure_model.parsing import Parsed

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
EXIT_FAILED = 3

_OUTPUTS = ("text", "json", "csv")
_SEVERITIES = tuple(s.value for s in sorted(Severity, key=lambda s: -s.rank))


class _UnusableInputError(Exception):
    """The input cannot be used; the message is for the user."""


class _UnwritableOutputError(Exception):
    """A file the command was asked to write cannot be written; the message is for the user."""


def _add_source(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "path", nargs="?", help="a report as JSON, or a page to parse (.html .htm .txt .md .pdf)"
    )
    group.add_argument(
        "--example", metavar="NAME", help="a bundled example (see `disclosure-model examples`)"
    )


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        default="zh_CN",
        help=(
            "labels and number format: zh_Hans_CN (also zh, zh_CN: the official labels), "
            "zh_Hant_TW (zh_TW) or en (default zh_CN)"
        ),
    )


def _add_command(sub: Any, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    """A subcommand with its one-line summary (in the list of commands) and its description."""
    command: argparse.ArgumentParser = sub.add_parser(name, help=summary, description=description)
    return command


def _add_check(sub: Any) -> None:
    check_parser = _add_command(
        sub,
        "check",
        "run the consistency checks on one or more reports",
        "Run every rule that applies to each report and print the findings. "
        "Exit status 0 when no report fails a rule of error severity, 1 when one does, "
        "2 for unusable input.",
    )
    check_parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a report as JSON, or a page to parse (.html .htm .txt .md .pdf)",
    )
    check_parser.add_argument(
        "--example",
        metavar="NAME",
        action="append",
        default=[],
        dest="examples",
        help="a bundled example (see `disclosure-model examples`); may be repeated",
    )
    previous = check_parser.add_mutually_exclusive_group()
    previous.add_argument(
        "--previous",
        metavar="PATH",
        help="the same organ's report for the year before (only with a single report)",
    )
    previous.add_argument(
        "--previous-example",
        metavar="NAME",
        help="a bundled example as the report for the year before",
    )
    check_parser.add_argument(
        "--output", choices=_OUTPUTS, default="text", help="what to print (default text)"
    )
    check_parser.add_argument(
        "--lenient",
        action="store_true",
        help="read blank cells as 0 instead of leaving the rules that need them unassessed",
    )
    _add_locale(check_parser)
    check_parser.add_argument(
        "--min-severity",
        choices=_SEVERITIES,
        default=Severity.INFO.value,
        help="print only findings of this severity or above (default info); "
        "the exit status does not change",
    )
    add_fields(check_parser)  # for a filled template given as PATH (a CSV has no such fields)
    _add_bom(check_parser)
    check_parser.add_argument(
        "--include-not-assessable",
        action="store_true",
        help="text output: list the rules that could not be assessed one by one, "
        "instead of one summary line per report (json and csv always list them)",
    )


def _add_bom(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bom",
        action="store_true",
        help="CSV output: start with a UTF-8 byte-order mark, so Excel reads the Chinese text",
    )


_MAIN_EPILOG = """\
examples:
  disclosure-model show --example huaian-2024
  disclosure-model check report.json --previous 2023.json
  disclosure-model template --format gov-2021 -o 2024.xlsx
  disclosure-model COMMAND --help

exit status (every command): 0 success (check: no finding of error severity);
1 check found a finding of error severity; 2 unusable input or usage.
A PATH of - reads standard input. Colour only on a terminal, and never with NO_COLOR set.
"""

#: Examples printed under each subcommand's --help (the documentation's command-line
#: reference shows them too, and tests/test_cli_help.py runs every one).
_EPILOGS = {
    "show": """\
examples:
  disclosure-model show --example baoshan-2018
  disclosure-model show report.json --locale en
  cat report.json | disclosure-model show -
""",
    "check": """\
examples:
  disclosure-model check report.json
  disclosure-model check 2024.json --previous 2023.json
  disclosure-model check 2022.json 2023.json 2024.json --output csv --bom > findings.csv
  disclosure-model check filled.xlsx --min-severity error
  disclosure-model check filled.csv --organ 某县财政局 --level county-department --year 2024
""",
    "ratios": """\
examples:
  disclosure-model ratios --example huaian-2024
  disclosure-model ratios report.json --locale en --output csv --bom > ratios.csv
""",
    "convert": """\
examples:
  disclosure-model convert 2023.json 2024.json --to csv --kind wide > reports.csv
  disclosure-model convert --example huaian-2024 --to csv --bom > cells.csv
  disclosure-model convert --example baoshan-2018 --to json > baoshan.json
""",
    "parse": """\
examples:
  disclosure-model parse page.txt -o report.json
  disclosure-model parse page.html --organ 平潭综合实验区管委会 --details
  disclosure-model parse page.txt page.html --organ 平潭综合实验区管委会 -o reports
""",
    "examples": """\
examples:
  disclosure-model examples
""",
    "corpus": CORPUS_EPILOG,
    "schema": """\
examples:
  disclosure-model schema > report.schema.json
""",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure-model",
        description="Read, show and export 政府信息公开工作年度报告 (annual disclosure reports).",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = sub.add_parser("show", help="print a report's statistics as tables")
    _add_source(show)
    _add_locale(show)

    _add_check(sub)

    ratios_parser = sub.add_parser("ratios", help="print the ratios of a report (rates, shares)")
    _add_source(ratios_parser)
    _add_locale(ratios_parser)
    ratios_parser.add_argument(
        "--output", choices=_OUTPUTS, default="text", help="text (default), json or csv"
    )
    _add_bom(ratios_parser)

    convert = sub.add_parser(
        "convert", help="write reports as flat CSV records (long or wide) or as JSON"
    )
    convert.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a report as JSON, or a page to parse (.html .htm .txt .md .pdf)",
    )
    convert.add_argument(
        "--example",
        metavar="NAME",
        action="append",
        default=[],
        dest="examples",
        help="a bundled example; may be repeated",
    )
    convert.add_argument(
        "--to",
        choices=("csv", "json"),
        required=True,
        help="csv: flat records (see --kind); json: the report as strict JSON (one report)",
    )
    convert.add_argument(
        "--kind",
        choices=("long", "wide"),
        default="long",
        help="long: one row per stated cell (default); wide: one row per report",
    )
    _add_bom(convert)

    _add_parse(sub)
    corpus_parser = _add_command(sub, "corpus", CORPUS_SUMMARY, CORPUS_DESCRIPTION)
    add_corpus(corpus_parser)
    _add_locale(corpus_parser)
    sub.add_parser("examples", help="list the bundled example reports")
    sub.add_parser("schema", help="print the JSON Schema of the report format")
    add_template(sub)
    add_build(sub)
    for name, command in sub.choices.items():
        if name in _EPILOGS:
            command.epilog = _EPILOGS[name]
            command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _add_parse(sub: Any) -> None:
    parse_parser = _add_command(
        sub,
        "parse",
        "read published pages (.html .htm .txt .md .pdf) into reports as JSON",
        "Parse each FILE (an HTML page, the text of a page or PDF, Markdown, or a PDF) "
        "into a report and write it as strict JSON: one FILE to standard output or to "
        "-o OUT; several FILEs as one JSON document per line, or one OUT/<name>.json each "
        "when OUT is a directory. Exit status 2 when a FILE cannot be parsed (the message "
        "names the file and what could not be found).",
    )
    parse_parser.add_argument("files", nargs="+", metavar="FILE", help="a page to parse")
    parse_parser.add_argument(
        "-o", "--output-file", dest="out", metavar="OUT", help="a file (one FILE) or a directory"
    )
    parse_parser.add_argument("--year", type=int, help="the report year, where the page gives none")
    parse_parser.add_argument("--organ", help="the organ's name, where the page gives none")
    parse_parser.add_argument(
        "--details",
        action="store_true",
        help="write the provenance of every value and the parse notes with each report",
    )


_PARSEABLE = (".html", ".htm", ".txt", ".md", ".pdf")


def _parse_file(path: str, *, year: int | None = None, organ: str | None = None) -> Parsed:
    from disclosure_model.errors import ParseError
    from disclosure_model.parsing import parse

    try:
        return parse(Path(path), year=year, organ=organ)
    except ParseError as e:
        msg = f"{path}: cannot be parsed: {e}"
        raise _UnusableInputError(msg) from e


def _read(path: str | None, example: str | None, fields: Any = None) -> Report:
    where = f"example {example}" if example is not None else path
    try:
        if example is not None:
            return examples.load(example)
        assert path is not None
        if path == "-":
            return load(sys.stdin.buffer)
        if Path(path).suffix.lower() in _PARSEABLE:
            return _parse_file(path).report
        if is_filled_template(path):
            return read_filled(path, fields if fields is not None else argparse.Namespace())
        return load(path)
    except TemplateError as e:
        raise _UnusableInputError(f"{where} cannot be built into a report: {e}") from e
    except ValidationError as e:
        msg = f"{where} is not a valid report:\n" + "\n".join(f"  {m}" for m in e.messages)
        raise _UnusableInputError(msg) from e
    except DisclosureModelError as e:
        raise _UnusableInputError(str(e)) from e
    except OSError as e:
        msg = f"cannot read {path}: {e.strerror or e}"
        raise _UnusableInputError(msg) from e


def _check_locale(locale: str) -> None:
    try:
        parse_locale(locale)  # a name babel does not know: "unknown locale"
        supported_locale(locale)  # one it knows but the renderers do not support
    except DisclosureModelError as e:
        msg = str(e)
        if "support" not in msg:  # an unknown name: say which ones there are, too
            msg += "; the supported locales are " + ", ".join(SUPPORTED_LOCALES)
        raise _UnusableInputError(msg) from e


# --- check ------------------------------------------------------------------------------


@frozen(kw_only=True)
class _Source:
    """A report to read: a file or a bundled example, and the name the output gives it."""

    path: str | None = None
    example: str | None = None
    #: The options with the organ, level and year of a filled template given as ``path``.
    fields: Any = field(default=None, eq=False)

    @property
    def name(self) -> str:
        return f"example:{self.example}" if self.example is not None else str(self.path)

    def read(self) -> Report:
        return _read(self.path, self.example, self.fields)


@frozen(kw_only=True)
class _Checked:
    """One report with its check result."""

    source: _Source
    report: Report
    result: CheckResult
    previous: _Source | None


def _sources(args: argparse.Namespace) -> list[_Source]:
    """Files first, in the order given, then examples in the order given."""
    sources = [_Source(path=p, fields=args) for p in args.paths]
    sources.extend(_Source(example=e) for e in args.examples)
    if not sources:
        msg = "check needs a report: give one or more PATHs, or --example NAME"
        raise _UnusableInputError(msg)
    return sources


def _previous(args: argparse.Namespace, sources: list[_Source]) -> _Source | None:
    if args.previous is None and args.previous_example is None:
        return None
    if len(sources) != 1:
        option = "--previous" if args.previous is not None else "--previous-example"
        names = ", ".join(s.name for s in sources)
        msg = (
            f"{option} compares one report with the year before, "
            f"but {len(sources)} reports were given ({names}); check them one at a time"
        )
        raise _UnusableInputError(msg)
    return _Source(path=args.previous, example=args.previous_example)


def _read_all(sources: Sequence[_Source]) -> list[Report]:
    """Read every report, or fail naming every one that cannot be used."""
    reports: list[Report] = []
    problems: list[str] = []
    for source in sources:
        try:
            reports.append(source.read())
        except _UnusableInputError as e:
            problems.append(str(e))
    if problems:
        head = "" if len(sources) == 1 else f"{len(problems)} of {len(sources)} reports unusable:\n"
        raise _UnusableInputError(head + "\n".join(problems))
    return reports


def _shown(findings: Sequence[Finding], min_severity: Severity) -> list[Finding]:
    """The findings at or above ``min_severity``, in the order the checks returned them."""
    return [f for f in findings if f.severity.rank >= min_severity.rank]


def _summary(checked: Sequence[_Checked]) -> dict[str, Any]:
    results = [c.result for c in checked]
    return {
        "reports": len(results),
        "errors": sum(len(r.errors) for r in results),
        "warnings": sum(len(r.warnings) for r in results),
        "infos": sum(len(r.infos) for r in results),
        "not_assessable": sum(len(r.not_assessable) for r in results),
        "ok": all(r.ok for r in results),
    }


def _record(finding: Finding, locale: str) -> dict[str, Any]:
    record = finding.to_record()
    record["message"] = finding.message(locale)
    return record


def _write_json(
    checked: Sequence[_Checked], out: TextIO, *, locale: str, min_severity: Severity
) -> None:
    reports = [
        {
            "source": c.source.name,
            "organ": c.report.organ.name,
            "year": c.report.year,
            "format": c.report.format.value,
            "previous": c.previous.name if c.previous is not None else None,
            "lenient": c.result.lenient,
            "ok": c.result.ok,
            "findings": [_record(f, locale) for f in _shown(c.result.findings, min_severity)],
        }
        for c in checked
    ]
    document = {"reports": reports, "summary": _summary(checked)}
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _csv_columns() -> list[str]:
    # The keys of Finding.to_record(), taken from a finding so the header cannot drift.
    blank = Finding(
        code="", severity=Severity.INFO, outcome=Outcome.FAIL, path="", template=Label("", "")
    )
    return ["report", *blank.to_record(), "message"]


def _write_csv(
    checked: Sequence[_Checked], out: TextIO, *, locale: str, min_severity: Severity
) -> None:
    writer = csv.DictWriter(out, fieldnames=_csv_columns(), lineterminator="\n")
    writer.writeheader()
    for c in checked:
        for finding in _shown(c.result.findings, min_severity):
            writer.writerow({"report": c.source.name, **_record(finding, locale)})


#: Words of the text output, Chinese and English.
_WORDS = {
    "organ": ("机关", "organ"),
    "year": ("年度", "year"),
    "format": ("格式", "format"),
    "previous": ("上年报告", "previous"),
    "mode": ("模式", "mode"),
    "lenient": ("宽松（未填报按 0 计）", "lenient (blank cells read as 0)"),
}


def _word(key: str, zh: bool) -> str:
    chinese, english = _WORDS[key]
    return chinese if zh else english


def _count_phrase(n: int, zh_unit: str, en_one: str, en_many: str, *, locale: str) -> str:
    number = format_count(n, locale=locale)
    if is_chinese(locale):
        return f"{number} {zh_unit}"
    return f"{number} {en_one if n == 1 else en_many}"


def _text_block(c: _Checked, *, locale: str, min_severity: Severity, every: bool) -> list[str]:
    zh = is_chinese(locale)
    sep = "：" if zh else ": "
    fmt = c.report.format
    lines = [
        c.source.name,
        f"  {_word('organ', zh)}{sep}{c.report.organ.name}",
        f"  {_word('year', zh)}{sep}{c.report.year}",
        f"  {_word('format', zh)}{sep}{fmt.value}"
        + (f"（{fmt.label.zh}）" if zh else f" ({fmt.label.en})"),
    ]
    if c.previous is not None:
        lines.append(f"  {_word('previous', zh)}{sep}{c.previous.name}")
    if c.result.lenient:
        lines.append(f"  {_word('mode', zh)}{sep}{_word('lenient', zh)}")
    text = findings_text(
        c.result, locale=locale, min_severity=min_severity, include_not_assessable=every
    )
    lines.extend(text.splitlines())
    return lines


_SGR = {"bold": "1", "red": "31", "yellow": "33"}


def _use_colour(out: TextIO) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty is not None and isatty())


def _paint(text: str, style: str, *, on: bool) -> str:
    return f"\033[{_SGR[style]}m{text}\033[0m" if on else text


def _write_text(
    checked: Sequence[_Checked],
    out: TextIO,
    *,
    locale: str,
    min_severity: Severity,
    include_not_assessable: bool,
) -> None:
    lines: list[str] = []
    colour = _use_colour(out)
    for c in checked:
        block = _text_block(
            c, locale=locale, min_severity=min_severity, every=include_not_assessable
        )
        lines.extend([_paint(block[0], "bold", on=colour), *block[1:], ""])
    s = _summary(checked)
    phrases = [
        _count_phrase(s["reports"], "份报告", "report", "reports", locale=locale),
        _paint(
            _count_phrase(s["errors"], "个错误", "error", "errors", locale=locale),
            "red",
            on=colour and s["errors"] > 0,
        ),
        _paint(
            _count_phrase(s["warnings"], "个警告", "warning", "warnings", locale=locale),
            "yellow",
            on=colour and s["warnings"] > 0,
        ),
        _count_phrase(s["infos"], "条提示", "info", "infos", locale=locale),
    ]
    lines.append(("，" if is_chinese(locale) else ", ").join(phrases))
    out.write("\n".join(lines) + "\n")


def _run_check(args: argparse.Namespace, out: TextIO) -> int:
    _check_locale(args.locale)
    sources = _sources(args)
    previous_source = _previous(args, sources)
    reports = _read_all(sources)
    previous = None
    if previous_source is not None:
        try:
            previous = previous_source.read()
        except _UnusableInputError as e:
            msg = f"the previous year's report: {e}"
            raise _UnusableInputError(msg) from e
    checked = [
        _Checked(
            source=source,
            report=report,
            result=check(report, previous=previous, lenient=args.lenient, locale=args.locale),
            previous=previous_source,
        )
        for source, report in zip(sources, reports, strict=True)
    ]
    min_severity = Severity(args.min_severity)
    if args.output == "json":
        _write_json(checked, out, locale=args.locale, min_severity=min_severity)
    elif args.output == "csv":
        _write_csv(checked, out, locale=args.locale, min_severity=min_severity)
    else:
        _write_text(
            checked,
            out,
            locale=args.locale,
            min_severity=min_severity,
            include_not_assessable=args.include_not_assessable,
        )
    return EXIT_OK if all(c.result.ok for c in checked) else EXIT_FINDINGS


# --- ratios -----------------------------------------------------------------------------


def _ratio_text(spec: RatioSpec, ratio: Ratio, locale: str) -> str:
    if spec.kind is RatioKind.SHARE:
        return ratio.percent(locale=locale, decimals=1)
    value = ratio.decimal(2)
    if value is None:
        return NOT_STATED
    if spec.kind is RatioKind.NET:
        return format_count(int(value), locale=locale)
    return format_decimal_exactly(value, locale=locale)


def _ratio_rows(report: Report, locale: str) -> list[dict[str, Any]]:
    values = ratios(report)
    zh = is_chinese(locale)
    rows = []
    for spec in ratio_specs(report.format):
        r = values[spec.code]
        exact = r.value
        rows.append(
            {
                "code": spec.code,
                "name": spec.name.zh if zh else spec.name.en,
                "kind": spec.kind.value,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "scale": r.scale,
                "exact": None if exact is None else f"{exact.numerator}/{exact.denominator}",
                "value": None if exact is None else float(exact),
                "shown": _ratio_text(spec, r, locale),
                "missing": ";".join(r.missing),
            }
        )
    return rows


def _run_ratios(args: argparse.Namespace, out: TextIO) -> int:
    _check_locale(args.locale)
    report = _read(args.path, args.example)
    rows = _ratio_rows(report, args.locale)
    if args.output == "json":
        out.write(json.dumps({"ratios": rows}, ensure_ascii=False, indent=2) + "\n")
    elif args.output == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        width = max((_display_width(r["name"]) for r in rows), default=0)
        for r in rows:
            pad = " " * (width - _display_width(r["name"]))
            if r["exact"]:
                detail = f"{r['numerator']} / {r['denominator']}"
            elif r["missing"]:
                blank = "未填报" if is_chinese(args.locale) else "not stated"
                detail = f"{blank}: {r['missing'].replace(';', ', ')}"
            else:
                detail = "0 / 0" if r["denominator"] == 0 else ""
            out.write(f"{r['name']}{pad}  {r['shown']:>10}  ({detail})\n")
    return EXIT_OK


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# --- convert ----------------------------------------------------------------------------


def _run_convert(args: argparse.Namespace, out: TextIO) -> int:
    sources = [_Source(path=p) for p in args.paths]
    sources.extend(_Source(example=e) for e in args.examples)
    if not sources:
        msg = "convert needs a report: give one or more PATHs, or --example NAME"
        raise _UnusableInputError(msg)
    reports = _read_all(sources)
    if args.to == "json":
        if len(reports) != 1:
            msg = f"--to json writes one report, but {len(reports)} were given"
            raise _UnusableInputError(msg)
        out.write(dumps(reports[0]) + "\n")
        return EXIT_OK
    columns = list(LONG_COLUMNS if args.kind == "long" else WIDE_COLUMNS)
    records = to_records(reports, kind=args.kind)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        # Missing stays missing: None is an empty field, never 0.
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return EXIT_OK


# --- parse ------------------------------------------------------------------------------


def _details(path: str, parsed: Parsed) -> dict[str, Any]:
    return {
        "source": path,
        "complete": parsed.complete,
        "last_row": parsed.last_row,
        "report": to_dict(parsed.report),
        "provenance": {p: loc.as_dict() for p, loc in parsed.provenance.items()},
        "notes": [n.as_dict() for n in parsed.notes],
    }


def _run_parse(args: argparse.Namespace, out: TextIO) -> int:
    unsupported = [f for f in args.files if Path(f).suffix.lower() not in _PARSEABLE]
    if unsupported:
        msg = "parse reads .html .htm .txt .md .pdf files, not: " + ", ".join(unsupported)
        raise _UnusableInputError(msg)
    parsed: list[tuple[str, Parsed]] = []
    problems: list[str] = []
    for f in args.files:
        try:
            parsed.append((f, _parse_file(f, year=args.year, organ=args.organ)))
        except _UnusableInputError as e:
            problems.append(str(e))
    if problems:
        head = "" if len(args.files) == 1 else f"{len(problems)} of {len(args.files)} unusable:\n"
        raise _UnusableInputError(head + "\n".join(problems))

    def document(path: str, p: Parsed, indent: int | None) -> str:
        if args.details:
            return json.dumps(_details(path, p), ensure_ascii=False, indent=indent)
        return dumps(p.report, indent=indent)

    target = Path(args.out) if args.out else None
    if target is not None and (target.is_dir() or len(parsed) > 1):
        try:
            target.mkdir(parents=True, exist_ok=True)
            for path, p in parsed:
                (target / f"{Path(path).stem}.json").write_text(
                    document(path, p, 2) + "\n", encoding="utf-8"
                )
        except OSError as e:
            msg = f"cannot write to {target}: {e.strerror or e}"
            raise _UnwritableOutputError(msg) from e
        return EXIT_OK
    if target is not None:
        try:
            target.write_text(document(*parsed[0], 2) + "\n", encoding="utf-8")
        except OSError as e:
            msg = f"cannot write {target}: {e.strerror or e}"
            raise _UnwritableOutputError(msg) from e
        return EXIT_OK
    if len(parsed) == 1:
        out.write(document(*parsed[0], 2) + "\n")
    else:
        for path, p in parsed:
            out.write(document(path, p, None) + "\n")
    return EXIT_OK


# --- dispatch ---------------------------------------------------------------------------


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "bom", False) and "csv" in (
        getattr(args, "output", None),
        getattr(args, "to", None),
    ):
        out.write("\ufeff")
    if args.command == "examples":
        out.write("\n".join(examples.names()) + "\n")
    elif args.command == "schema":
        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    elif args.command == "show":
        _check_locale(args.locale)
        out.write(render_text(_read(args.path, args.example), locale=args.locale))
    elif args.command == "check":
        return _run_check(args, out)
    elif args.command == "ratios":
        return _run_ratios(args, out)
    elif args.command == "convert":
        return _run_convert(args, out)
    elif args.command == "parse":
        return _run_parse(args, out)
    elif args.command == "corpus":
        _check_locale(args.locale)
        try:
            return run_corpus(args, out, sys.stderr)
        except (UnusableCorpusError, DisclosureModelError) as e:
            raise _UnusableInputError(str(e)) from e
    elif args.command in ("template", "build"):
        try:
            if args.command == "template":
                return run_template(args, out)
            return run_build(args, out)
        except DisclosureModelError as e:
            raise _UnusableInputError(str(e)) from e
        except OSError as e:
            msg = f"cannot read or write {e.filename or ''}: {e.strerror or e}"
            raise _UnusableInputError(msg) from e
    return EXIT_OK


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _parser()
    # `check a.json --lenient b.json`: argparse takes the positional PATHs in one run, so
    # paths after an option come back unparsed; they are paths all the same.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "check" and not any(e.startswith("-") for e in extra):
        args.paths = [*args.paths, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parse(argv)
    try:
        status = _run(args, sys.stdout)
        sys.stdout.flush()
    except _UnusableInputError as e:
        sys.stderr.write(f"disclosure-model: error: {e}\n")
        return EXIT_UNUSABLE
    except _UnwritableOutputError as e:
        sys.stderr.write(f"disclosure-model: error: {e}\n")
        return EXIT_FAILED
    except BrokenPipeError:  # pragma: no cover - output piped into e.g. `head`
        _silence_stdout()
        return EXIT_OK
    except (OSError, UnicodeEncodeError) as e:
        _silence_stdout()
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        if isinstance(e, UnicodeEncodeError):
            why += " (set PYTHONIOENCODING=utf-8 or write to a file)"
        sys.stderr.write(f"disclosure-model: error: cannot write the output: {why}\n")
        return EXIT_FAILED
    except Exception as e:  # never exit 1 (which means findings) on a bug
        sys.stderr.write(
            f"disclosure-model: internal error (a bug, please report it): "
            f"{type(e).__name__}: {str(e)[:500]}\n"
        )
        return EXIT_FAILED
    return status


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of what could
    not be written fails no second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # pragma: no cover - stdout without a descriptor
        pass
