"""Consistency checks: every rule of every format, run on a report, returned as findings.

>>> import disclosure_model as dm
>>> result = dm.check(dm.examples.load("huaian-2024"))
>>> result.ok
True
"""

from __future__ import annotations

from disclosure_model.checks._catalogue import RULES, Rule, RuleKind, RuleSource, rule, rules
from disclosure_model.checks._claims import check_claims
from disclosure_model.checks._continuity import check_continuity
from disclosure_model.checks._findings import (
    CheckResult,
    ClaimDetail,
    Finding,
    Involved,
    Outcome,
    Severity,
)
from disclosure_model.checks._identities import check_identities, screened_identities
from disclosure_model.checks._meta import check_meta
from disclosure_model.formats._rules import cell_reader
from disclosure_model.formatting import parse_locale
from disclosure_model.report import Report

__all__ = [
    "RULES",
    "CheckResult",
    "ClaimDetail",
    "Finding",
    "Involved",
    "Outcome",
    "Rule",
    "RuleKind",
    "RuleSource",
    "Severity",
    "check",
    "rule",
    "rules",
]


def check(
    report: Report,
    *,
    previous: Report | None = None,
    lenient: bool = False,
    locale: str = "zh_CN",
) -> CheckResult:
    """Run every rule that applies to ``report``; nothing is raised for bad data.

    With ``previous`` (the same organ's report for the year before), the rules across two
    reports run too. In the default strict mode a rule that needs a blank cell is *not
    assessable*; ``lenient=True`` reads blanks as 0 and each finding says which — but only
    blanks in the part of the form the report's source covered
    (:class:`~disclosure_model.report.Coverage`): a cell the source never reached stays not
    assessable. ``locale`` formats the numbers in the messages (both languages are given).
    """
    return _check(report, previous=previous, lenient=lenient, locale=locale, screened=True)


def _check(
    report: Report, *, previous: Report | None, lenient: bool, locale: str, screened: bool
) -> CheckResult:
    """:func:`check`; with ``screened``, identities and claims are screened by the
    compiled rules first and only what might fail is evaluated exactly (the same findings;
    ``screened=False`` evaluates every rule exactly, as the tests compare)."""
    if not isinstance(report, Report):
        msg = f"check() takes a Report, got {type(report).__name__}"
        raise TypeError(msg)
    parse_locale(locale)  # an unknown locale is misuse, whatever the report holds
    covers = report.covers if report.coverage is not None else None
    stats = report.statistics
    cells = cell_reader(stats.FORMAT)(stats)
    if screened:
        findings = screened_identities(stats, cells, lenient=lenient, locale=locale, covers=covers)
        findings += check_claims(report, lenient=lenient, locale=locale, cells=cells)
    else:
        findings = check_identities(stats, lenient=lenient, locale=locale, covers=covers)
        findings += check_claims(report, lenient=lenient, locale=locale)
    findings += check_meta(report, locale=locale)
    if previous is not None:
        findings += check_continuity(
            report, previous, lenient=lenient, locale=locale, cells=cells if screened else None
        )
    return CheckResult(findings=tuple(findings), lenient=lenient)
