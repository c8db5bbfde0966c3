"""Findings for people and tables: where they are in words, which share a cell, records.

A single typo in table 三 breaks every identity through its cell: the row's 总计 (R-02), the
column's (七)总计 (R-03), the column's balance (R-01). :func:`group_findings` puts the
failed findings that share a cell together, under the cell most of them share, so that
one wrong figure reads as one problem. :func:`location` names a cell the way the form
does (table, row, column), and :func:`finding_records` / :func:`findings_frame` give one
flat record, or one DataFrame row, per finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from disclosure_model.checks._findings import CheckResult, Finding, Outcome, Severity
from disclosure_model.formats import Entry, ReportFormat, catalogue

__all__ = [
    "FINDING_COLUMNS",
    "FindingGroup",
    "catalogue_path",
    "finding_records",
    "findings_frame",
    "group_findings",
    "location",
    "outcome_word",
    "severity_word",
]

_STATISTICS = "$.statistics."

_SEVERITY_WORDS = {
    Severity.ERROR: ("错误", "錯誤", "error"),
    Severity.WARNING: ("警告", "警告", "warning"),
    Severity.INFO: ("提示", "提示", "info"),
}
_NOT_ASSESSABLE = ("无法核对", "無法核對", "not assessable")


def _pick(words: tuple[str, str, str], locale: str) -> str:
    name = locale.replace("-", "_").lower()
    if not name.startswith("zh"):
        return words[2]
    traditional = any(part in name for part in ("hant", "_tw", "_hk", "_mo"))
    return words[1] if traditional else words[0]


def severity_word(severity: Severity, *, locale: str) -> str:
    """错误 / 警告 / 提示 (錯誤 / 警告 / 提示 in traditional script), or the English word."""
    return _pick(_SEVERITY_WORDS[severity], locale)


def outcome_word(finding: Finding, *, locale: str) -> str:
    """What a finding is, in a word: its severity when the rule failed, else 无法核对."""
    if finding.outcome is Outcome.NOT_ASSESSABLE:
        return _pick(_NOT_ASSESSABLE, locale)
    return severity_word(finding.severity, locale=locale)


def catalogue_path(path: str) -> str | None:
    """The catalogue path of a finding's JSON path into the statistics, else ``None``
    (``$.statistics.applications.granted.total`` → ``applications.granted.total``)."""
    if not path.startswith(_STATISTICS):
        return None
    return path[len(_STATISTICS) :]


_ORDER = (ReportFormat.GOV_2021, ReportFormat.GOV_2019, ReportFormat.LEGACY)


def _entry(path: str, fmt: ReportFormat | None) -> Entry | None:
    key = catalogue_path(path)
    if key is None:
        return None
    formats = (fmt,) if fmt is not None else _ORDER
    for f in formats:
        entry = catalogue(f).get(key)
        if entry is not None:
            return entry
    return None


def location(path: str, *, locale: str, format: ReportFormat | None = None) -> str | None:
    """The cell at a finding's ``path`` in words, as the form labels it, or ``None``
    where the path is not a cell (a claim, a date).

    >>> location("$.statistics.applications.granted.natural_person", locale="zh_CN")
    '表三 （一）予以公开 / 自然人'
    """
    entry = _entry(path, format)
    if entry is None:
        return None
    zh = locale.replace("-", "_").lower().startswith("zh")
    table = _table_name(entry, zh=zh)
    row = entry.row_label.zh if zh else entry.row_label.en
    column = entry.column_label.zh if zh else entry.column_label.en
    if entry.column == "value":  # the legacy table has one value column
        return f"{table} {row}"
    if entry.table == "reviews":  # printed in one row: the row is a column block
        row = " › ".join((*(g.zh if zh else g.en for g in entry.row_groups), row))
    return f"{table} {row} / {column}"


def _table_name(entry: Entry, *, zh: bool) -> str:
    code = entry.table_code
    numerals = {"2": "二", "3": "三", "4": "四"}
    if code in numerals:
        return f"表{numerals[code]}" if zh else f"table {code}"
    return entry.table_label.zh if zh else entry.table_label.en


@frozen(kw_only=True)
class FindingGroup:
    """Findings that are probably one problem: the failed findings that share ``cell``
    (a JSON path), or a single finding (``cell`` is then ``None``)."""

    cell: str | None
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> Severity:
        """The most serious severity in the group."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    @property
    def shared(self) -> bool:
        """Whether the group holds several findings through a shared cell."""
        return self.cell is not None and len(self.findings) > 1


def _cells(finding: Finding) -> set[str]:
    # Last year's cells (rules across two reports) are other cells than this year's.
    cells = {c.location for c in finding.cells}
    if finding.path.startswith(_STATISTICS):
        cells.add(finding.path)
    return cells


def group_findings(findings: Iterable[Finding]) -> tuple[FindingGroup, ...]:
    """Every finding in one group: failed findings sharing a cell go together.

    The cell shared by most ungrouped failed findings (at least two) makes a group of all
    of them; this repeats until no cell is shared. The rest stand alone. Groups come in the
    order of their first finding; findings keep their order within a group.
    """
    ordered = list(findings)
    failed = [i for i, f in enumerate(ordered) if f.outcome is Outcome.FAIL]
    cells = {i: _cells(ordered[i]) for i in failed}
    # The first cell in form order (the order the findings name them) wins a tie.
    order: dict[str, int] = {}
    for i in failed:
        for c in [c.location for c in ordered[i].cells] + [ordered[i].path]:
            order.setdefault(c, len(order))
    group_of: dict[int, int] = {}
    groups: list[tuple[str | None, list[int]]] = []
    while True:
        free = [i for i in failed if i not in group_of]
        counts = Counter(c for i in free for c in cells[i])
        best = [(n, -order.get(c, 0), c) for c, n in counts.items() if n >= 2]
        if not best:
            break
        _, _, cell = max(best)
        members = [i for i in free if cell in cells[i]]
        for i in members:
            group_of[i] = len(groups)
        groups.append((cell, members))
    firsts: list[tuple[int, FindingGroup]] = []
    for shared, members in groups:
        firsts.append(
            (members[0], FindingGroup(cell=shared, findings=tuple(ordered[i] for i in members)))
        )
    for i, f in enumerate(ordered):
        if i not in group_of:
            firsts.append((i, FindingGroup(cell=None, findings=(f,))))
    return tuple(g for _, g in sorted(firsts, key=lambda pair: pair[0]))


#: The keys of a finding record (:func:`finding_records`), in order.
FINDING_COLUMNS: tuple[str, ...] = (
    "group",
    "group_cell",
    "code",
    "severity",
    "outcome",
    "label",
    "path",
    "cell_code",
    "location",
    "message",
    "expected",
    "actual",
    "message_zh",
    "message_en",
    "cells",
    "lenient",
)


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def finding_records(
    findings: CheckResult | Sequence[Finding],
    *,
    locale: str | None = None,
    format: ReportFormat | None = None,
) -> list[dict[str, Any]]:
    """One flat dict per finding (keys :data:`FINDING_COLUMNS`), in the checks' order.

    ``group`` numbers the groups of :func:`group_findings` from 1 (findings that share a
    cell have the same number, and ``group_cell`` names that cell in words); ``label`` is
    the severity word (错误 / 警告 / 提示, or 无法核对 where the rule could not be judged);
    ``location`` the finding's cell in words; ``message`` the message for ``locale``
    (by default the locale the check ran with).
    """
    items = findings.findings if isinstance(findings, CheckResult) else tuple(findings)
    if locale is None:
        locale = items[0].locale if items else "zh_CN"
    number: dict[int, tuple[int, str | None]] = {}
    for n, g in enumerate(group_findings(items), start=1):
        shared = location(g.cell, locale=locale, format=format) if g.shared and g.cell else None
        for f in g.findings:
            number[id(f)] = (n, shared)
    records = []
    for f in items:
        group, shared = number[id(f)]
        records.append(
            {
                "group": group,
                "group_cell": shared,
                "code": f.code,
                "severity": f.severity.value,
                "outcome": f.outcome.value,
                "label": outcome_word(f, locale=locale),
                "path": f.path,
                "cell_code": f.cell_code,
                "location": location(f.path, locale=locale, format=format),
                "message": f.message(locale),
                "expected": _plain(f.expected),
                "actual": _plain(f.actual),
                "message_zh": f.message_zh,
                "message_en": f.message_en,
                "cells": ";".join(f"{c.location}={_plain(c.value)}" for c in f.cells),
                "lenient": ";".join(f.lenient),
            }
        )
    return records


def findings_frame(
    findings: CheckResult | Sequence[Finding],
    *,
    locale: str | None = None,
    format: ReportFormat | None = None,
) -> Any:
    """:func:`finding_records` as a pandas DataFrame, one row per finding (extra ``pandas``).

    ``expected`` and ``actual`` are object columns (counts, exact decimals as text, or
    ``None``); ``group`` is an integer column.
    """
    from disclosure_model.export import _optional

    pd = _optional("pandas", "pandas", "CheckResult.to_frame")
    records = finding_records(findings, locale=locale, format=format)
    data: dict[str, Any] = {c: [r[c] for r in records] for c in FINDING_COLUMNS}
    data["group"] = pd.array(data["group"], dtype="int64")
    for c in ("expected", "actual"):
        data[c] = pd.array(data[c], dtype=object)
    return pd.DataFrame(data, columns=list(FINDING_COLUMNS))
