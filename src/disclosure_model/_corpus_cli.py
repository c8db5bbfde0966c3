"""The ``corpus`` subcommand of ``disclosure-model``: a streaming run over many reports
(:func:`disclosure_model.batch.corpus`), with a progress bar on a terminal.

The progress bar is tqdm's when the ``progress`` extra is installed, else a counter of the
inputs read, rewritten in place; either only when standard error is a terminal and
``--quiet`` is not given, so a log or a pipe never holds one.
"""

from __future__ import annotations

import argparse
import importlib
import json
from typing import Any, TextIO

from disclosure_model.batch import Corpus, Result, Summary, corpus
from disclosure_model.formatting import format_count, is_chinese

__all__ = [
    "CORPUS_DESCRIPTION",
    "CORPUS_EPILOG",
    "CORPUS_SUMMARY",
    "UnusableCorpusError",
    "add_corpus",
    "run_corpus",
    "summary_text",
]

CORPUS_SUMMARY = "load, check and compute the ratios of many reports, with a summary"

CORPUS_DESCRIPTION = (
    "Read every report of each PATH (a directory, searched recursively for .json, .jsonl "
    "and pages: .html .htm .txt .md .pdf; a JSON Lines file; a report or a page) and write "
    "one record per report as it is checked: where it came from, its organ, level, year and "
    "format, its findings counted by severity, the codes of the failed rules and its ratios. "
    "An input that cannot be read or is not a valid report is recorded and the run goes on. "
    "The summary comes at the end: on standard error when the records go to standard output, "
    "else on standard output. Exit status 0 when every input was a report and none fails a "
    "rule of error severity, 1 when one does, 2 when an input could not be used (or there was "
    "none), 3 when the output cannot be written."
)

CORPUS_EPILOG = """\
examples:
  disclosure-model corpus 2022.json 2023.json 2024.json --pair --output csv --out results.csv
  disclosure-model corpus 2024.json --previous-dir . --quiet
  disclosure-model corpus 2023.json 2024.json --jobs 2 --findings findings.jsonl --out r.jsonl
"""

#: Inputs between two updates of the plain counter (tqdm paces itself).
_COUNTER_EVERY = 100


class UnusableCorpusError(Exception):
    """The options or the inputs of a corpus run cannot be used; the message is for the user."""


def add_corpus(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``corpus`` on its ``parser``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a directory or a file")
    parser.add_argument(
        "--output",
        choices=("csv", "jsonl", "parquet"),
        default="jsonl",
        help="the records' format (default jsonl; parquet needs --out and the arrow extra)",
    )
    parser.add_argument(
        "--out", metavar="FILE", help="where the records go (default standard output)"
    )
    parser.add_argument(
        "--findings", metavar="FILE", help="also write every finding to FILE, in that format"
    )
    parser.add_argument(
        "--summary", metavar="FILE", dest="summary_file", help="also write the summary as JSON"
    )
    parser.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="run N processes (default 1)"
    )
    parser.add_argument(
        "--previous-dir",
        metavar="DIR",
        help="reports of earlier years: a report whose organ has one for the year before "
        "gets the cross-year rules",
    )
    parser.add_argument(
        "--pair",
        action="store_true",
        help="pair the reports of one organ in consecutive years within the corpus itself",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="read blank cells as 0 instead of leaving the rules that need them unassessed",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        msg = f"expected a number of processes, 1 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


class _Progress:
    """A progress bar on ``stream``: tqdm's if it is installed, else a counter."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.bar: Any = None
        try:
            tqdm = importlib.import_module("tqdm")
        except ImportError:
            return
        self.bar = tqdm.tqdm(file=stream, unit=" reports", desc="corpus", dynamic_ncols=True)

    def __call__(self, _result: Result) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.count % _COUNTER_EVERY == 0:
            self.stream.write(f"\r{self.count} inputs read")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        else:
            self.stream.write(f"\r{self.count} inputs read\n")


def _wants_progress(args: argparse.Namespace, err: TextIO) -> bool:
    isatty = getattr(err, "isatty", None)
    return not args.quiet and isatty is not None and bool(isatty())


def summary_text(summary: Summary, *, locale: str) -> str:
    """The summary as lines of text, in Chinese for a Chinese ``locale``, else in English."""
    zh = is_chinese(locale)

    def n(value: int) -> str:
        return format_count(value, locale=locale)

    severities = summary.findings_by_severity
    if zh:
        lines = [
            f"报告 {n(summary.reports)} 份（无错误 {n(summary.ok)} 份），"
            f"无法使用的输入 {n(summary.failed)} 个；"
            f"错误 {n(severities.get('error', 0))} 个，警告 {n(severities.get('warning', 0))} 个，"
            f"提示 {n(severities.get('info', 0))} 条，无法判断 {n(summary.not_assessable)} 条"
        ]
    else:
        lines = [
            f"{n(summary.reports)} reports ({n(summary.ok)} without errors), "
            f"{n(summary.failed)} inputs unusable; "
            f"{n(severities.get('error', 0))} errors, {n(severities.get('warning', 0))} warnings, "
            f"{n(severities.get('info', 0))} infos, {n(summary.not_assessable)} not assessable"
        ]
    if summary.findings_by_code:
        head = "按规则：" if zh else "by rule: "
        lines.append(head + ", ".join(f"{c} {n(k)}" for c, k in summary.findings_by_code.items()))
    if summary.failures_by_kind:
        head = "无法使用：" if zh else "unusable: "
        lines.append(head + ", ".join(f"{c} {n(k)}" for c, k in summary.failures_by_kind.items()))
        for f in summary.failures:
            where = f.file if f.file is not None else "item"
            if f.line is not None:
                where += f":{f.line}"
            lines.append(f"  {where}: {f.kind.value}: {f.message}")
        if len(summary.failures) < summary.failed:
            rest = summary.failed - len(summary.failures)
            lines.append(f"  …（另有 {n(rest)} 个）" if zh else f"  ... ({n(rest)} more)")
    return "\n".join(lines) + "\n"


def _status(summary: Summary) -> int:
    if summary.failed or not summary.reports:
        return 2
    return 0 if summary.ok == summary.reports else 1


def run_corpus(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``corpus`` with the parsed ``args``; records to ``--out`` or ``out``."""
    if args.output == "parquet" and args.out in (None, "-"):
        msg = "--output parquet writes a file: give --out FILE"
        raise UnusableCorpusError(msg)
    progress = _Progress(err) if _wants_progress(args, err) else None
    try:
        run: Corpus = corpus(
            args.paths,
            previous_dir=args.previous_dir,
            pair=args.pair,
            jobs=args.jobs,
            lenient=args.lenient,
            locale=args.locale,
            messages=args.findings is not None,  # the records and the summary need none
            each=progress,
        )
    except ValueError as e:  # a --previous-dir that is no directory
        raise UnusableCorpusError(str(e)) from e
    target = out if args.out in (None, "-") else args.out
    try:
        summary = run.write(target, output=args.output, findings=args.findings)
    finally:
        if progress is not None:
            progress.close()
    if args.summary_file is not None:
        with open(args.summary_file, "w", encoding="utf-8") as f:
            f.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    if summary.reports == 0 and summary.failed == 0:
        err.write("disclosure-model: error: no report found in " + " ".join(args.paths) + "\n")
    (err if target is out else out).write(summary_text(summary, locale=args.locale))
    return _status(summary)
