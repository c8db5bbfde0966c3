"""Corpus runs: load, check and compute the ratios of many reports, as a stream.

:func:`disclosure_model.corpus <disclosure_model.batch.corpus>` (this module's
:func:`corpus`) reads reports from directories (searched recursively for ``.json``,
``.jsonl`` and the pages the parsers read: ``.html .htm .txt .md .pdf``), JSON Lines files,
single files, or any iterable of :class:`~disclosure_model.report.Report`\\ s, paths and
JSON texts. Each report is loaded, checked
(:func:`disclosure_model.check <disclosure_model.checks.check>`) and its ratios computed
(:func:`disclosure_model.ratios <disclosure_model.ratio_catalogue.ratios>`) as it comes,
and the run yields one :class:`ReportResult` for it, or one :class:`Failure` for an input
that could not become a report: the run never stops at a bad file. Memory stays flat in the
number of reports: nothing of a report is kept after its result is yielded, and the
:class:`Summary` is made of counts and bounded samples.

The module is ``batch`` rather than ``corpus`` so that importing it never replaces the
function ``disclosure_model.corpus`` by a module of the same name: the package exports the
function lazily, as it does ``parse``.

The work on one file is :func:`run_file`, a plain function of a path and :class:`Options`
that returns the results of that file (several for a JSON Lines file): several processes
(``jobs=``), Dask (:func:`dask_bag`, extra ``dask``) and Spark (``mapPartitions``) all run
it, so every way gives the same results.

>>> import disclosure_model as dm
>>> run = dm.corpus([dm.examples.load("huaian-2024"), b"{not json"])
>>> [type(r).__name__ for r in run]
['ReportResult', 'Failure']
>>> run.summary.reports, run.summary.failed
(1, 1)
"""

from __future__ import annotations

import csv
import enum
import json
import os
import random
import statistics
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import IO, Any, Literal, TextIO

import attrs
from attrs import field, frozen

from disclosure_model._extras import optional_module
from disclosure_model.checks import Finding, Outcome, Severity, check
from disclosure_model.errors import (
    OptionalDependencyError,
    ParseError,
    ProblemKind,
    ValidationError,
)
from disclosure_model.export import report_id
from disclosure_model.formats import Label
from disclosure_model.ratio_catalogue import RATIOS, ratios
from disclosure_model.report import Report
from disclosure_model.serialization import loads

__all__ = [
    "FINDING_COLUMNS",
    "JSON_SUFFIXES",
    "LISTED_FAILURES",
    "MESSAGE_CHARS",
    "PAGE_SUFFIXES",
    "RATIO_CODES",
    "RECORD_COLUMNS",
    "SAMPLE_SIZE",
    "Corpus",
    "Distribution",
    "Failure",
    "FailureKind",
    "Options",
    "Output",
    "ReportResult",
    "Result",
    "Summary",
    "corpus",
    "dask_bag",
    "files",
    "run_file",
    "summarise",
]

#: Suffixes read as one report in JSON (``.json``) or one report a line (``.jsonl``).
JSON_SUFFIXES = (".json", ".jsonl")
#: Suffixes of the pages read through
#: :func:`disclosure_model.parse <disclosure_model.parsing.parse>`.
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf")
#: The codes of every ratio of the catalogue, of every format, in catalogue order.
RATIO_CODES: tuple[str, ...] = tuple(dict.fromkeys(s.code for s in RATIOS))
#: The keys of :meth:`ReportResult.to_record`, in order (then one key per ratio code).
RECORD_COLUMNS: tuple[str, ...] = (
    "report_id",
    "file",
    "line",
    "organ",
    "level",
    "year",
    "format",
    "previous",
    "ok",
    "errors",
    "warnings",
    "infos",
    "not_assessable",
    "codes",
    *RATIO_CODES,
)
#: The keys of a finding record: where it comes from, then
#: :meth:`~disclosure_model.checks.Finding.to_record`'s keys.
FINDING_COLUMNS: tuple[str, ...] = (
    "report_id",
    "file",
    "line",
    # the keys of Finding.to_record(), taken from a finding so that they cannot drift
    *Finding(
        code="", severity=Severity.INFO, outcome=Outcome.FAIL, path="", template=Label("", "")
    ).to_record(),
)

#: The longest message a :class:`Failure` keeps (a broken document can make a long one).
MESSAGE_CHARS = 1000
#: How many failures the :class:`Summary` lists (all are counted, and all are yielded).
LISTED_FAILURES = 1000
#: How many values of each ratio the :class:`Summary` keeps for its quartiles: beyond it,
#: a uniform sample of this size (seeded, so a run is repeatable).
SAMPLE_SIZE = 10_000


class FailureKind(enum.Enum):
    """Why an input did not become a report."""

    #: The file cannot be read (missing, a permission, a device error).
    UNREADABLE = "unreadable"
    #: The bytes are not UTF-8.
    NOT_UTF8 = "not_utf8"
    #: The text is not JSON (a syntax error, nested too deeply, too large).
    INVALID_JSON = "invalid_json"
    #: JSON, but not a valid report (:class:`~disclosure_model.errors.ValidationError`).
    INVALID_REPORT = "invalid_report"
    #: A page the parsers cannot read (:class:`~disclosure_model.errors.ParseError`).
    PARSE_ERROR = "parse_error"
    #: A file named by the caller whose suffix is none the corpus reads, an input of
    #: another type than those listed by :func:`corpus`, or a page whose parser needs an
    #: extra that is not installed.
    UNSUPPORTED = "unsupported"


@frozen(kw_only=True)
class Failure:
    """An input that did not become a report: where, why, and the message."""

    #: The file (``None`` for an item of an iterable that is not a file).
    file: str | None
    #: The line of a JSON Lines file (from 1), or the position of an iterable's item (from
    #: 1) when ``file`` is ``None``; ``None`` for a whole file.
    line: int | None
    kind: FailureKind
    #: What is wrong, cut to :data:`MESSAGE_CHARS` characters.
    message: str

    def to_record(self) -> dict[str, Any]:
        """The failure as a flat dict."""
        return {
            "file": self.file,
            "line": self.line,
            "kind": self.kind.value,
            "message": self.message,
        }


@frozen(kw_only=True)
class ReportResult:
    """One report of a corpus run: where it came from, what it is, its findings, its ratios."""

    #: :func:`disclosure_model.export.report_id` of the report.
    report_id: str
    file: str | None
    #: As :attr:`Failure.line`.
    line: int | None
    organ: str
    level: str
    year: int
    format: str
    #: Where the previous year's report used for the cross-year rules came from, if any.
    previous: str | None
    #: Counts of the failed rules by severity, and of the rules not assessable.
    errors: int
    warnings: int
    infos: int
    not_assessable: int
    #: The codes of the failed rules, sorted.
    codes: tuple[str, ...]
    #: ``(code, value)`` of each ratio of the report's format; the value is a float, or
    #: ``None`` when the ratio is not defined (a blank cell, a zero denominator).
    ratios: tuple[tuple[str, float | None], ...]
    #: One record per finding, with the keys :data:`FINDING_COLUMNS`.
    findings: tuple[dict[str, Any], ...] = field(hash=False)

    @property
    def ok(self) -> bool:
        """Whether no rule of error severity failed."""
        return self.errors == 0

    def to_record(self) -> dict[str, Any]:
        """The result as a flat dict with the keys :data:`RECORD_COLUMNS` (codes joined by
        ``;``; a ratio the report's format does not have is ``None``)."""
        record: dict[str, Any] = {
            "report_id": self.report_id,
            "file": self.file,
            "line": self.line,
            "organ": self.organ,
            "level": self.level,
            "year": self.year,
            "format": self.format,
            "previous": self.previous,
            "ok": self.ok,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "not_assessable": self.not_assessable,
            "codes": ";".join(self.codes),
        }
        record.update(dict.fromkeys(RATIO_CODES))
        record.update(self.ratios)
        return record


#: What a corpus run yields.
Result = ReportResult | Failure

#: Where a report is: a file (and the byte offset and number of its line in a JSON Lines
#: file), or the report itself.
_Where = tuple[str, int | None, int | None] | Report


@frozen(kw_only=True)
class Options:
    """How :func:`run_file` treats each report: the check's mode and locale, and the index
    of the reports the cross-year rules read (``(organ name, year)`` → where it is)."""

    lenient: bool = False
    locale: str = "zh_CN"
    #: Whether the finding records carry their messages and details (rendering a message
    #: costs about as much as checking: a run that only counts may leave them out).
    messages: bool = True
    previous: Mapping[tuple[str, int], _Where] | None = None


# --- inputs -----------------------------------------------------------------------------


@frozen
class _Task:
    """One input to turn into a result: a file to read, a JSON text, or a report."""

    file: str | None
    line: int | None
    path: str | None = None
    text: str | bytes | None = None
    report: Report | None = None
    #: The byte offset of a JSON Lines file's line.
    offset: int | None = None
    #: Why the input cannot be used at all, found while listing the inputs.
    failure: Failure | None = None


def _cut(message: str) -> str:
    return message if len(message) <= MESSAGE_CHARS else message[: MESSAGE_CHARS - 3] + "..."


def _failure(file: str | None, line: int | None, kind: FailureKind, message: str) -> Failure:
    return Failure(file=file, line=line, kind=kind, message=_cut(message))


def _walk(directory: Path) -> Iterator[Path]:
    """The files of ``directory`` the corpus reads, recursively, in a stable order."""
    for root, dirs, names in os.walk(directory):
        dirs.sort()
        for name in sorted(names):
            if Path(name).suffix.lower() in (*JSON_SUFFIXES, *PAGE_SUFFIXES):
                yield Path(root, name)


def files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files a corpus of ``paths`` reads: each directory searched recursively (sorted),
    each file as given. This is what :func:`dask_bag` partitions."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in _walk(path))
        else:
            out.append(str(path))
    return out


def _lines(path: str) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, bytes) of each non-blank line of a JSON Lines file."""
    offset = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if raw.strip():
                yield number, offset, raw
            offset += len(raw)


def _file_tasks(path: str) -> Iterator[_Task]:
    suffix = Path(path).suffix.lower()
    if suffix not in (*JSON_SUFFIXES, *PAGE_SUFFIXES):
        why = "a corpus reads " + " ".join((*JSON_SUFFIXES, *PAGE_SUFFIXES)) + " files"
        yield _Task(path, None, failure=_failure(path, None, FailureKind.UNSUPPORTED, why))
        return
    if suffix != ".jsonl":
        yield _Task(path, None, path=path)
        return
    try:
        for number, offset, raw in _lines(path):
            yield _Task(path, number, text=raw, offset=offset)
    except OSError as e:
        yield _Task(path, None, failure=_unreadable(path, e))


def _unreadable(path: str, e: OSError) -> Failure:
    return _failure(path, None, FailureKind.UNREADABLE, f"cannot be read: {e.strerror or e}")


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[") or "\n" in text


def _tasks(sources: Iterable[Any]) -> Iterator[_Task]:
    for position, item in enumerate(sources, start=1):
        if isinstance(item, Report):
            yield _Task(None, position, report=item)
        elif isinstance(item, bytes | bytearray):
            yield _Task(None, position, text=bytes(item))
        elif isinstance(item, str) and _looks_like_json(item):
            yield _Task(None, position, text=item)
        elif isinstance(item, str | os.PathLike):
            path = Path(item)
            if path.is_dir():
                for f in _walk(path):
                    yield from _file_tasks(str(f))
            else:
                yield from _file_tasks(str(path))
        else:
            why = f"expected a Report, a path or a JSON text, got {type(item).__name__}"
            yield _Task(
                None, position, failure=_failure(None, position, FailureKind.UNSUPPORTED, why)
            )


def _sources(sources: Any) -> Iterable[Any]:
    if isinstance(sources, str | bytes | bytearray | os.PathLike | Report):
        return [sources]
    return sources  # type: ignore[no-any-return]


# --- one report -------------------------------------------------------------------------

_JSON_KINDS = frozenset({ProblemKind.JSON_SYNTAX, ProblemKind.TOO_DEEP, ProblemKind.TOO_LARGE})


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    return data.decode("utf-8")


def _load_json(data: str | bytes, file: str | None, line: int | None) -> Report | Failure:
    try:
        text = _decode(data)
    except UnicodeDecodeError as e:
        return _failure(
            file, line, FailureKind.NOT_UTF8, f"not UTF-8: {e.reason} at byte {e.start}"
        )
    try:
        return loads(text)
    except ValidationError as e:
        kinds = {p.kind for p in e.problems}
        kind = FailureKind.INVALID_JSON if kinds & _JSON_KINDS else FailureKind.INVALID_REPORT
        return _failure(file, line, kind, "; ".join(e.messages))


def _load_page(path: str) -> Report | Failure:
    from disclosure_model.parsing import parse

    try:
        with open(path, "rb"):  # unreadable, told apart from unparseable
            pass
    except OSError as e:
        return _unreadable(path, e)
    try:
        return parse(Path(path)).report
    except ParseError as e:
        return _failure(path, None, FailureKind.PARSE_ERROR, str(e))
    except ValidationError as e:  # a page whose figures make no valid report
        return _failure(path, None, FailureKind.INVALID_REPORT, "; ".join(e.messages))
    except OptionalDependencyError as e:  # a PDF without the pdf extra, say
        return _failure(path, None, FailureKind.UNSUPPORTED, str(e))


def _load_task(task: _Task) -> Report | Failure:
    if task.failure is not None:
        return task.failure
    if task.report is not None:
        return task.report
    if task.text is not None:
        return _load_json(task.text, task.file, task.line)
    assert task.path is not None
    if Path(task.path).suffix.lower() in PAGE_SUFFIXES:
        return _load_page(task.path)
    try:
        data = Path(task.path).read_bytes()
    except OSError as e:
        return _unreadable(task.path, e)
    return _load_json(data, task.file, task.line)


def _load_where(where: _Where) -> Report | None:
    """The report at ``where``, or ``None`` when it cannot be read (its own run says why)."""
    if isinstance(where, Report):
        return where
    path, offset, _line = where
    if offset is None:
        found = _load_task(_Task(path, None, path=path))
    else:
        try:
            with open(path, "rb") as f:
                f.seek(offset)
                found = _load_json(f.readline(), path, None)
        except OSError:
            return None
    return found if isinstance(found, Report) else None


def _name(where: _Where) -> str:
    if isinstance(where, Report):
        return report_id(where)
    path, _offset, line = where
    return path if line is None else f"{path}:{line}"


def _result(task: _Task, report: Report, options: Options) -> ReportResult:
    previous = previous_name = None
    if options.previous is not None:
        where = options.previous.get((report.organ.name, report.year - 1))
        if where is not None:
            previous = _load_where(where)
            previous_name = _name(where) if previous is not None else None
    result = check(report, previous=previous, lenient=options.lenient, locale=options.locale)
    rid = report_id(report)
    origin = {"report_id": rid, "file": task.file, "line": task.line}
    counts = Counter(
        f.severity if f.outcome is Outcome.FAIL else Outcome.NOT_ASSESSABLE for f in result.findings
    )
    return ReportResult(
        report_id=rid,
        file=task.file,
        line=task.line,
        organ=report.organ.name,
        level=report.organ.level.value,
        year=report.year,
        format=report.format.value,
        previous=previous_name,
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        not_assessable=counts[Outcome.NOT_ASSESSABLE],
        codes=tuple(sorted(result.codes)),
        ratios=tuple(
            (code, None if r.value is None else float(r.value))
            for code, r in ratios(report).items()
        ),
        findings=tuple(
            {**origin, **(f.to_record() if options.messages else _bare(f))} for f in result.findings
        ),
    )


def _bare(finding: Finding) -> dict[str, Any]:
    """A finding's record without its messages and details: which rule, how, and where."""
    record: dict[str, Any] = dict.fromkeys(FINDING_COLUMNS[3:])
    record["code"] = finding.code
    record["severity"] = finding.severity.value
    record["outcome"] = finding.outcome.value
    record["path"] = finding.path
    record["cell_code"] = finding.cell_code
    return record


def _run_task(task: _Task, options: Options) -> Result:
    loaded = _load_task(task)
    if isinstance(loaded, Failure):
        return loaded
    return _result(task, loaded, options)


def run_file(path: str | os.PathLike[str], options: Options | None = None) -> list[Result]:
    """The results of one file: one for a JSON file or a page, one per non-blank line of a
    JSON Lines file. Never raises for a bad file: its :class:`Failure` is in the list.

    The function that :func:`dask_bag`, the processes of ``jobs=`` and a Spark
    ``mapPartitions`` run; ``options`` as :func:`corpus` makes them (the run's
    :class:`Options`, ``Corpus.options``).
    """
    options = options if options is not None else Options()
    return [_run_task(t, options) for t in _file_tasks(str(path))]


# --- cross-year index -------------------------------------------------------------------


def _key_of_json(data: str | bytes) -> tuple[str, int] | None:
    """(organ name, year) read from a report's JSON without building it (a cheap pass)."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    organ, year = document.get("organ"), document.get("year")
    if not isinstance(organ, dict) or type(year) is not int:
        return None
    name = organ.get("name")
    return (name, year) if isinstance(name, str) else None


def _index_entries(task: _Task) -> Iterator[tuple[tuple[str, int], _Where]]:
    if task.failure is not None:
        return
    if task.report is not None:
        yield (task.report.organ.name, task.report.year), task.report
        return
    if task.text is not None and task.file is not None and task.offset is not None:
        key = _key_of_json(task.text)  # a line of a JSON Lines file
        if key is not None:
            yield key, (task.file, task.offset, task.line)
        return
    if task.text is not None:  # a JSON text given as such
        loaded = _load_json(task.text, None, None)
        if isinstance(loaded, Report):
            yield (loaded.organ.name, loaded.year), loaded
        return
    assert task.path is not None
    if Path(task.path).suffix.lower() in PAGE_SUFFIXES:
        page = _load_page(task.path)
        if isinstance(page, Report):
            yield (page.organ.name, page.year), (task.path, None, None)
        return
    try:
        key = _key_of_json(Path(task.path).read_bytes())
    except OSError:
        return
    if key is not None:
        yield key, (task.path, None, None)


def _index(sources: Iterable[Any]) -> dict[tuple[str, int], _Where]:
    """(organ name, year) → where that report is, the first in input order for each key."""
    index: dict[tuple[str, int], _Where] = {}
    for task in _tasks(sources):
        for key, where in _index_entries(task):
            index.setdefault(key, where)
    return index


# --- summary ----------------------------------------------------------------------------


@frozen(kw_only=True)
class Distribution:
    """The distribution of one ratio over the reports that define it."""

    #: How many reports define the ratio (the values are ``None`` when none does).
    count: int = 0
    min: float | None = None
    #: The quartiles (``statistics.quantiles(..., method="inclusive")``).
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    max: float | None = None
    #: Whether the quartiles are those of every value (false beyond :data:`SAMPLE_SIZE`
    #: values: then they are those of a uniform sample; count, min and max are exact).
    exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The distribution as a dict."""
        return attrs.asdict(self)


@frozen(kw_only=True)
class Summary:
    """Counts over a corpus run. Findings are counted when their rule failed (the rules
    not assessable are counted apart, in ``not_assessable``)."""

    reports: int
    #: Reports with no failed rule of error severity.
    ok: int
    failed: int
    not_assessable: int
    findings_by_code: Mapping[str, int]
    findings_by_severity: Mapping[str, int]
    findings_by_format: Mapping[str, int]
    findings_by_year: Mapping[int, int]
    findings_by_level: Mapping[str, int]
    reports_by_format: Mapping[str, int]
    failures_by_kind: Mapping[str, int]
    #: The first :data:`LISTED_FAILURES` failures, in input order.
    failures: tuple[Failure, ...]
    #: One entry per ratio code that at least one report has.
    ratios: Mapping[str, Distribution]

    def to_dict(self) -> dict[str, Any]:
        """The summary as a JSON-able dict (years as text keys)."""
        return {
            "reports": self.reports,
            "ok": self.ok,
            "failed": self.failed,
            "not_assessable": self.not_assessable,
            "findings_by_code": dict(self.findings_by_code),
            "findings_by_severity": dict(self.findings_by_severity),
            "findings_by_format": dict(self.findings_by_format),
            "findings_by_year": {str(k): v for k, v in self.findings_by_year.items()},
            "findings_by_level": dict(self.findings_by_level),
            "reports_by_format": dict(self.reports_by_format),
            "failures_by_kind": dict(self.failures_by_kind),
            "failures": [f.to_record() for f in self.failures],
            "ratios": {code: d.to_dict() for code, d in self.ratios.items()},
        }


class _Values:
    """The values of one ratio: count, min and max exactly, and a bounded uniform sample."""

    def __init__(self, seed: int) -> None:
        self.count = 0
        self.low = float("inf")
        self.high = float("-inf")
        self.sample = array("d")  # 8 bytes a value: at most SAMPLE_SIZE of them
        self._random = random.Random(seed)

    def add(self, value: float) -> None:
        self.count += 1
        self.low = min(self.low, value)
        self.high = max(self.high, value)
        if len(self.sample) < SAMPLE_SIZE:
            self.sample.append(value)
            return
        slot = self._random.randrange(self.count)  # reservoir sampling (Vitter's R)
        if slot < SAMPLE_SIZE:
            self.sample[slot] = value

    def distribution(self) -> Distribution:
        values = sorted(self.sample)
        if len(values) == 1:
            q1 = median = q3 = values[0]
        else:
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        exact = self.count <= SAMPLE_SIZE
        quartiles = {"q1": q1, "median": median, "q3": q3}
        return Distribution(count=self.count, min=self.low, max=self.high, exact=exact, **quartiles)


class _Tally:
    """The summary, added to one result at a time."""

    def __init__(self) -> None:
        self.reports = self.ok = self.failed = self.not_assessable = 0
        self.by: dict[str, Counter[Any]] = {
            k: Counter() for k in ("code", "severity", "format", "year", "level")
        }
        self.reports_by_format: Counter[str] = Counter()
        self.failures_by_kind: Counter[str] = Counter()
        self.failures: list[Failure] = []
        self.values: dict[str, _Values] = {}

    def add(self, result: Result) -> None:
        if isinstance(result, Failure):
            self.failed += 1
            self.failures_by_kind[result.kind.value] += 1
            if len(self.failures) < LISTED_FAILURES:
                self.failures.append(result)
            return
        self.reports += 1
        self.ok += result.ok
        self.not_assessable += result.not_assessable
        self.reports_by_format[result.format] += 1
        failed = [f for f in result.findings if f["outcome"] == Outcome.FAIL.value]
        for f in failed:
            self.by["code"][f["code"]] += 1
            self.by["severity"][f["severity"]] += 1
        self.by["format"][result.format] += len(failed)
        self.by["year"][result.year] += len(failed)
        self.by["level"][result.level] += len(failed)
        for code, value in result.ratios:
            if value is not None:
                if code not in self.values:
                    self.values[code] = _Values(RATIO_CODES.index(code))
                self.values[code].add(value)

    def summary(self) -> Summary:
        def counts(name: str) -> dict[Any, int]:
            return {k: v for k, v in sorted(self.by[name].items()) if v}

        return Summary(
            reports=self.reports,
            ok=self.ok,
            failed=self.failed,
            not_assessable=self.not_assessable,
            findings_by_code=counts("code"),
            findings_by_severity=counts("severity"),
            findings_by_format=counts("format"),
            findings_by_year=counts("year"),
            findings_by_level=counts("level"),
            reports_by_format=dict(sorted(self.reports_by_format.items())),
            failures_by_kind=dict(sorted(self.failures_by_kind.items())),
            failures=tuple(self.failures),
            ratios={c: self.values[c].distribution() for c in RATIO_CODES if c in self.values},
        )


def summarise(results: Iterable[Result]) -> Summary:
    """The :class:`Summary` of ``results`` (from any run: a list a Dask bag computed, say)."""
    tally = _Tally()
    for r in results:
        tally.add(r)
    return tally.summary()


# --- several processes ------------------------------------------------------------------

#: Each worker process's options, set once when it starts (the cross-year index can be big).
_WORKER_OPTIONS = Options()
#: Inputs handed to a worker at a time, and chunks in flight per worker.
_CHUNK = 32
_IN_FLIGHT = 4


def _start_worker(options: Options) -> None:
    global _WORKER_OPTIONS  # noqa: PLW0603 - one value per worker process, set at its start
    _WORKER_OPTIONS = options


def _run_chunk(tasks: list[_Task]) -> list[Result]:
    return [_run_task(t, _WORKER_OPTIONS) for t in tasks]


def _chunks(tasks: Iterator[_Task]) -> Iterator[list[_Task]]:
    chunk: list[_Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _context() -> BaseContext:
    """Fresh processes from a fork server where there is one (a fork of this process, which
    may run threads, is unsafe), else spawned; both start from a clean interpreter."""
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["disclosure_model.batch"])
    return context


def _in_processes(tasks: Iterator[_Task], options: Options, jobs: int) -> Iterator[Result]:
    """The results of ``tasks`` from ``jobs`` processes, in input order, with at most
    ``jobs × _IN_FLIGHT`` chunks read ahead (so memory stays flat)."""
    context = _context()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(options,)
    ) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in _chunks(tasks):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= jobs * _IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# --- the run ----------------------------------------------------------------------------

Output = Literal["csv", "jsonl", "parquet"]


class Corpus:
    """A corpus run: iterate over it for its results, in input order, as they come.

    The run happens once: iterating a second time raises :class:`ValueError`.
    :attr:`summary` is known once the results have all been seen (asking for it first runs
    the rest). Made by :func:`disclosure_model.corpus <disclosure_model.batch.corpus>`.
    """

    def __init__(
        self,
        sources: Iterable[Any],
        options: Options,
        *,
        jobs: int = 1,
        each: Callable[[Result], None] | None = None,
    ) -> None:
        if type(jobs) is not int or jobs < 1:
            msg = f"jobs must be a whole number of processes, 1 or more, got {jobs!r}"
            raise ValueError(msg)
        self._sources = sources
        self.options = options
        self.jobs = jobs
        self._each = each
        self._tally = _Tally()
        self._stream: Iterator[Result] | None = None
        self._summary: Summary | None = None

    def _results(self) -> Iterator[Result]:
        tasks = _tasks(self._sources)
        if self.jobs == 1:
            results: Iterator[Result] = (_run_task(t, self.options) for t in tasks)
        else:
            results = _in_processes(tasks, self.options, self.jobs)
        for r in results:
            self._tally.add(r)
            if self._each is not None:
                self._each(r)
            yield r
        self._summary = self._tally.summary()

    def __iter__(self) -> Iterator[Result]:
        if self._stream is not None:
            msg = "a corpus run is iterated once; make another with disclosure_model.corpus"
            raise ValueError(msg)
        self._stream = self._results()
        return self._stream

    @property
    def summary(self) -> Summary:
        """The summary of the run (running what is left of it first)."""
        if self._summary is None:
            for _ in self._stream if self._stream is not None else iter(self):
                pass
        assert self._summary is not None
        return self._summary

    def reports(self) -> Iterator[ReportResult]:
        """The results of the reports only (failures still count in the summary)."""
        return (r for r in self if isinstance(r, ReportResult))

    def records(self) -> Iterator[dict[str, Any]]:
        """:meth:`ReportResult.to_record` of each report."""
        return (r.to_record() for r in self.reports())

    def findings(self) -> Iterator[dict[str, Any]]:
        """Every finding of every report, as records with the keys :data:`FINDING_COLUMNS`."""
        return (f for r in self.reports() for f in r.findings)

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (extra ``pandas``): nullable integers, a missing
        ratio as a missing value."""
        pd = optional_module("pandas", "pandas", "Corpus.to_frame")
        frame = pd.DataFrame.from_records(list(self.records()), columns=list(RECORD_COLUMNS))
        for column in ("line", "year", "errors", "warnings", "infos", "not_assessable"):
            frame[column] = frame[column].astype("Int64")
        frame["ok"] = frame["ok"].astype("boolean")
        for column in RATIO_CODES:
            frame[column] = frame[column].astype("Float64")
        return frame

    def write(
        self,
        out: str | os.PathLike[str] | IO[Any],
        *,
        output: Output = "jsonl",
        findings: str | os.PathLike[str] | None = None,
    ) -> Summary:
        """Write the records to ``out`` (a path, or a text stream for CSV and JSON Lines) as
        they come, and with ``findings`` every finding to that file in the same format;
        return the summary. Parquet (extra ``arrow``) is written by batches of rows."""
        if output not in ("csv", "jsonl", "parquet"):
            msg = f"output must be 'csv', 'jsonl' or 'parquet', got {output!r}"
            raise ValueError(msg)
        with _Writer.open(out, output, RECORD_COLUMNS) as records:
            if findings is None:
                for r in self.reports():
                    records.write(r.to_record())
            else:
                with _Writer.open(findings, output, FINDING_COLUMNS) as found:
                    for r in self.reports():
                        records.write(r.to_record())
                        for f in r.findings:
                            found.write(f)
        return self.summary


def corpus(
    sources: Any,
    *,
    previous_dir: str | os.PathLike[str] | None = None,
    pair: bool = False,
    jobs: int = 1,
    lenient: bool = False,
    locale: str = "zh_CN",
    messages: bool = True,
    each: Callable[[Result], None] | None = None,
) -> Corpus:
    """A streaming run of load → check → ratios over ``sources``; iterate over it.

    ``sources``: a path (a directory, searched recursively for ``.json``, ``.jsonl`` and
    pages; a JSON Lines file; a report's JSON file or a page), a
    :class:`~disclosure_model.report.Report`, a JSON text (``str`` starting with ``{`` or
    ``bytes``), or an iterable of those. Each input gives one :class:`ReportResult`, or one
    :class:`Failure` (never an exception): see :class:`FailureKind`.

    The cross-year rules run for a report whose organ has a report for the year before in
    ``previous_dir`` (a directory read like a corpus), or, with ``pair=True``, in the corpus
    itself (then the inputs are read twice: a first cheap pass indexes each report's organ
    and year, keeping only where each is; for an iterator of inputs, which cannot be read
    twice, ``pair`` is refused). Where one organ has two reports for a year, the first in
    input order is used.

    ``jobs`` > 1 runs the reports in that many processes, the results still in input order,
    with a bounded number read ahead. ``lenient`` and ``locale`` are those of
    :func:`disclosure_model.check <disclosure_model.checks.check>`. With ``messages=False``
    the finding records keep only the rule's code, severity and outcome, the path and the
    cell's code (the rest ``None``): enough for the records and the summary, at a fraction
    of the cost. ``each``, if given, is called with every result as it comes (a progress
    bar, say).
    """
    sources = _sources(sources)
    options = Options(lenient=lenient, locale=locale, messages=messages)
    return Corpus(sources, _indexed(options, sources, previous_dir, pair), jobs=jobs, each=each)


def _indexed(
    options: Options,
    sources: Iterable[Any],
    previous_dir: str | os.PathLike[str] | None,
    pair: bool,
) -> Options:
    """``options`` with the index of the reports of the year before, if any are asked for."""
    if pair and iter(sources) is sources:
        msg = (
            "pairing within the corpus reads the inputs twice: give paths or a list, "
            "not an iterator"
        )
        raise ValueError(msg)
    index: dict[tuple[str, int], _Where] | None = None
    if previous_dir is not None:
        if not Path(previous_dir).is_dir():
            msg = f"previous_dir (the earlier reports) is not a directory: {previous_dir}"
            raise ValueError(msg)
        index = _index([previous_dir])
    if pair:
        index = {**(index or {}), **_index(sources)}
    return options if index is None else attrs.evolve(options, previous=index)


# --- writers ----------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A finding's value as JSON has it: Decimal and other numbers as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class _Writer:
    """Rows written as they come: CSV, JSON Lines, or Parquet by batches."""

    BATCH = 2048

    def __init__(
        self,
        write: Callable[[dict[str, Any]], None],
        close: Callable[[], None],
    ) -> None:
        self.write = write
        self._close = close

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._close()

    @classmethod
    def open(
        cls, out: str | os.PathLike[str] | IO[Any], output: Output, columns: Sequence[str]
    ) -> _Writer:
        if output == "parquet":
            if not isinstance(out, str | os.PathLike):
                msg = "Parquet is written to a path, not a stream"
                raise ValueError(msg)
            return cls._parquet(out, columns)
        stream: TextIO
        if isinstance(out, str | os.PathLike):
            stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            close = stream.close
        else:
            stream = out  # type: ignore[assignment]
            close = stream.flush
        if output == "csv":
            writer = csv.DictWriter(stream, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()

            def write_csv(row: dict[str, Any]) -> None:
                writer.writerow({k: "" if v is None else _plain(v) for k, v in row.items()})

            return cls(write_csv, close)

        def write_jsonl(row: dict[str, Any]) -> None:
            plain = {k: _plain(v) for k, v in row.items()}
            stream.write(json.dumps(plain, ensure_ascii=False) + "\n")

        return cls(write_jsonl, close)

    @classmethod
    def _parquet(cls, path: str | os.PathLike[str], columns: Sequence[str]) -> _Writer:
        pa = optional_module("pyarrow", "arrow", "a Parquet corpus output")
        parquet = optional_module("pyarrow.parquet", "arrow", "a Parquet corpus output")
        schema = pa.schema([(c, _arrow_type(pa, c)) for c in columns])
        writer = parquet.ParquetWriter(path, schema)
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            if rows:
                batch = {c: [_arrow_value(c, r[c]) for r in rows] for c in columns}
                writer.write_table(pa.Table.from_pydict(batch, schema=schema))
                rows.clear()

        def write(row: dict[str, Any]) -> None:
            rows.append(row)
            if len(rows) >= cls.BATCH:
                flush()

        def close() -> None:
            flush()
            writer.close()

        return cls(write, close)


_INT_COLUMNS = frozenset({"line", "year", "errors", "warnings", "infos", "not_assessable"})


def _arrow_type(pa: Any, column: str) -> Any:
    if column in _INT_COLUMNS:
        return pa.int64()
    if column == "ok":
        return pa.bool_()
    if column in RATIO_CODES:
        return pa.float64()
    return pa.string()


def _arrow_value(column: str, value: Any) -> Any:
    if column in _INT_COLUMNS or column == "ok" or column in RATIO_CODES or value is None:
        return value
    return value if isinstance(value, str) else str(value)


def dask_bag(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    previous_dir: str | os.PathLike[str] | None = None,
    pair: bool = False,
    lenient: bool = False,
    locale: str = "zh_CN",
    messages: bool = True,
    files_per_partition: int = 1,
) -> Any:
    """A dask.bag of the results of a corpus of files (extra ``dask``), partitioned by files.

    Each partition runs :func:`run_file` on its files, so ``bag.compute()`` is the list the
    single-process run yields, in the same order; :func:`summarise` gives its summary. The
    cross-year index (``previous_dir``, ``pair``) is built here, before the bag, and shipped
    with the options to every partition.
    """
    bag = optional_module("dask.bag", "dask", "dask_bag")
    listed = files(paths)
    options = Options(lenient=lenient, locale=locale, messages=messages)
    options = _indexed(options, listed, previous_dir, pair)
    return (
        bag.from_sequence(listed, partition_size=files_per_partition)
        .map(run_file, options=options)
        .flatten()
    )
