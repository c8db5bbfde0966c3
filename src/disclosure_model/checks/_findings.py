"""Findings: what the checks say about a report. Values, returned, never raised.

A finding keeps its message as the rule's template and the arguments it is filled in with;
the text is rendered when read (:attr:`Finding.message_zh`, :meth:`Finding.message`), through
:mod:`disclosure_model.formatting`, so the checks handle values and never format them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from attrs import field, fields, frozen

from disclosure_model.formats import Label
from disclosure_model.formatting import Argument, format_argument, format_message, is_chinese

if TYPE_CHECKING:
    from disclosure_model.checks._catalogue import Rule

__all__ = [
    "CheckResult",
    "ClaimDetail",
    "Details",
    "Finding",
    "Involved",
    "Outcome",
    "Severity",
    "finding",
    "involved_cells",
    "location",
    "shown",
]


def _lenient_note(blanks: int, language: str) -> str:
    """What a finding adds when lenient mode read ``blanks`` cells as 0."""
    if language == "zh":
        return f"（宽松模式：{blanks} 个未填报单元格按 0 计）"
    cells = "1 blank cell" if blanks == 1 else f"{blanks} blank cells"
    return f" (lenient: {cells} read as 0)"


class Severity(enum.Enum):
    """How serious a finding is."""

    #: The report contradicts its form or itself: a total that is not its sum, a figure in
    #: the text that the table does not give.
    ERROR = "error"
    #: Probably wrong, or against a rule with known exceptions (a late report, a carry-over
    #: that does not match last year's after a reorganisation).
    WARNING = "warning"
    #: Worth knowing, not wrong (a percentage truncated where it would be rounded).
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for errors, 2 for warnings, 1 for information: sorts by seriousness."""
        return {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}[self]


class Outcome(enum.Enum):
    """Whether a rule failed or could not be judged."""

    #: The rule does not hold.
    FAIL = "fail"
    #: A cell the rule needs is not stated, so the rule was not judged (strict mode).
    NOT_ASSESSABLE = "not-assessable"


Number = int | Decimal


def location(path: str, *, previous: bool = False) -> str:
    """A path as records and the command line show it: last year's prefixed ``previous``.

    >>> location("$.year", previous=True)
    'previous $.year'
    """
    return f"previous {path}" if previous else path


@frozen
class Involved:
    """A value a finding was computed from: a cell (with its official code) or a claim.

    ``path`` points into the report checked, or, where ``previous`` is true, into last
    year's report (for the rules across two years), as the report's JSON does.
    """

    path: str
    value: Number | None
    code: str | None = None
    previous: bool = False

    @property
    def location(self) -> str:
        """Where the value is, as records show it (``previous $.statistics...``)."""
        return location(self.path, previous=self.previous)


def _slots_of(cls: type) -> Any:
    """The class, untyped: an attrs class with slots has a descriptor per field."""
    return cls


_slots = _slots_of(Involved)
_set_path = _slots.path.__set__
_set_value = _slots.value.__set__
_set_code = _slots.code.__set__
_set_previous = _slots.previous.__set__


def involved_cells(
    paths: tuple[str, ...], values: Sequence[Number | None], codes: tuple[str | None, ...]
) -> tuple[Involved, ...]:
    """:class:`Involved` cells of this year's report, one per path, value and code, built
    without the constructor's keyword handling (a finding lists up to dozens of them)."""
    out = []
    for path, value, code in zip(paths, values, codes, strict=True):
        cell = _new(Involved)
        _set_path(cell, path)
        _set_value(cell, value)
        _set_code(cell, code)
        _set_previous(cell, False)  # the field's default
        out.append(cell)
    return tuple(out)


_new = object.__new__


@frozen
class ClaimDetail:
    """For a finding about a stated figure: what was stated and what the counts give."""

    text: str
    stated: Decimal
    computed: Decimal | None


@frozen(kw_only=True)
class Finding:
    """One thing the checks found in a report.

    ``path`` points into the report as its JSON does (``$.statistics.applications...``,
    ``$.claims[3]``); ``cell_code`` is the official code of the cell, where there is one.
    ``expected`` and ``actual`` are the two sides the rule compared (``None`` where a side
    could not be computed). ``lenient`` lists the blank cells read as 0 in lenient mode.
    The message is ``template`` filled in with ``arguments``, numbers formatted for
    ``locale``, in either language.
    """

    code: str
    severity: Severity
    outcome: Outcome
    path: str
    template: Label
    arguments: tuple[tuple[str, Argument], ...] = ()
    locale: str = "zh_CN"
    cell_code: str | None = None
    expected: Number | str | None = None
    actual: Number | str | None = None
    cells: tuple[Involved, ...] = ()
    lenient: tuple[str, ...] = ()
    claim: ClaimDetail | None = None

    def _render(self, language: str) -> str:
        text = format_message(
            getattr(self.template, language),
            self.arguments,
            language=language,
            locale=self.locale,
        )
        if self.lenient:
            text += _lenient_note(len(self.lenient), language)
        return text

    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
        return self._render("zh")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self._render("en")

    def message(self, locale: str) -> str:
        """The message in Chinese for a Chinese ``locale``, otherwise in English."""
        return self.message_zh if is_chinese(locale) else self.message_en

    def to_record(self) -> dict[str, Any]:
        """The finding as one flat, JSON-able dict (for DataFrames, CSV and JSON output)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "path": self.path,
            "cell_code": self.cell_code,
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "cells": ";".join(f"{c.location}={_plain(c.value)}" for c in self.cells),
            "lenient": ";".join(self.lenient),
            "claim_text": self.claim.text if self.claim else None,
            "claim_stated": _plain(self.claim.stated) if self.claim else None,
            "claim_computed": _plain(self.claim.computed) if self.claim else None,
        }


class Details(TypedDict, total=False):
    """What a finding may say beyond its rule, place and message (see :class:`Finding`)."""

    outcome: Outcome
    cell_code: str | None
    expected: Number | str | None
    actual: Number | str | None
    cells: tuple[Involved, ...]
    lenient: tuple[str, ...]
    claim: ClaimDetail | None


def finding(
    rule: Rule,
    path: str,
    *,
    locale: str,
    arguments: Mapping[str, Argument] | None = None,
    template: Label | None = None,
    **details: Unpack[Details],
) -> Finding:
    """A finding of ``rule`` at ``path`` (failed, unless ``outcome`` says otherwise): its
    message is the rule's template (or ``template``, for a rule that could not be judged)
    with ``arguments``, numbers formatted for ``locale``."""
    # Built field by field, as its constructor would (a Finding has no validators): a
    # report with many findings makes thousands.
    made = _new(Finding)
    _set_finding["code"](made, rule.code)
    _set_finding["severity"](made, rule.severity)
    _set_finding["path"](made, path)
    _set_finding["template"](made, template if template is not None else rule.template)
    _set_finding["arguments"](made, tuple(arguments.items()) if arguments else ())
    _set_finding["locale"](made, locale)
    for name, default in _FINDING_DEFAULTS:
        _set_finding[name](made, details.get(name, default))
    return made


_set_finding = {a.name: getattr(_slots_of(Finding), a.name).__set__ for a in fields(Finding)}
_GIVEN = frozenset({"code", "severity", "path", "template", "arguments", "locale"})
#: The fields a finding's details may set (every other one), with their defaults.
_FINDING_DEFAULTS = tuple(
    (a.name, Outcome.FAIL if a.name == "outcome" else a.default)
    for a in fields(Finding)
    if a.name not in _GIVEN
)


def shown(value: Argument, locale: str) -> str:
    """A value as an English message shows it, for a finding whose ``expected`` or
    ``actual`` is the text of a value rather than a number (an amount with its unit)."""
    return format_argument(value, language="en", locale=locale)


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _by_code(findings: tuple[Finding, ...]) -> Mapping[str, tuple[Finding, ...]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.code, []).append(f)
    return {code: tuple(fs) for code, fs in sorted(groups.items())}


@frozen(kw_only=True)
class CheckResult:
    """The findings of one check run on one report, in a stable order.

    ``ok`` is true when no error-severity rule failed. Findings whose rule could not be
    judged (``Outcome.NOT_ASSESSABLE``) never make a report fail.
    """

    findings: tuple[Finding, ...]
    lenient: bool = False
    _groups: Mapping[str, tuple[Finding, ...]] = field(init=False, eq=False, repr=False)

    @_groups.default
    def _group(self) -> Mapping[str, tuple[Finding, ...]]:
        return _by_code(self.findings)

    def _failed(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(
            f for f in self.findings if f.severity is severity and f.outcome is Outcome.FAIL
        )

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Failed rules of error severity."""
        return self._failed(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Failed rules of warning severity."""
        return self._failed(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Failed rules of information severity."""
        return self._failed(Severity.INFO)

    @property
    def not_assessable(self) -> tuple[Finding, ...]:
        """Rules that could not be judged because a cell they need is not stated."""
        return tuple(f for f in self.findings if f.outcome is Outcome.NOT_ASSESSABLE)

    @property
    def ok(self) -> bool:
        """Whether no error-severity rule failed."""
        return not self.errors

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the failed rules (not those merely not assessable)."""
        return frozenset(f.code for f in self.findings if f.outcome is Outcome.FAIL)

    def by_code(self) -> Mapping[str, tuple[Finding, ...]]:
        """Findings grouped by rule code, codes sorted."""
        return self._groups

    def records(self) -> list[dict[str, Any]]:
        """One flat dict per finding, ready for ``pandas.DataFrame(result.records())``."""
        return [f.to_record() for f in self.findings]

    # Presentation (disclosure_model.checks._present, disclosure_model.render._repr).

    def to_records(self, *, locale: str | None = None) -> list[dict[str, Any]]:
        """One flat dict per finding, with the severity word (错误 / 警告 / 提示 / 无法核对),
        the cell in words and the group of findings that share a cell; ``locale`` by
        default the one the check ran with."""
        from disclosure_model.checks._present import finding_records

        return finding_records(self, locale=locale)

    def to_frame(self, *, locale: str | None = None) -> Any:
        """:meth:`to_records` as a pandas DataFrame, one row per finding (extra ``pandas``)."""
        from disclosure_model.checks._present import findings_frame

        return findings_frame(self, locale=locale)

    def __repr__(self) -> str:
        """One short line: how many findings of each kind, the codes that failed."""
        from disclosure_model.render._repr import result_repr

        return result_repr(self)

    def _repr_html_(self) -> str:
        """In Jupyter: the findings table, severity marked, grouped by shared cell."""
        from disclosure_model.render._repr import result_repr_html

        return result_repr_html(self)
