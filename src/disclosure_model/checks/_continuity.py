"""Rules across two reports of one organ: this year's against last year's.

The rules are the places :func:`~disclosure_model.formats._rules.cross_year_places` gives for
the two reports' formats; each is evaluated the same way, reading its terms from the report
each names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import Finding, Involved, Outcome, finding, location
from disclosure_model.checks._identities import HOLDS
from disclosure_model.formats import Label, ReportFormat
from disclosure_model.formats._rules import (
    Place,
    Term,
    cell_index,
    cell_reader,
    cross_year_places,
    cross_year_screen,
)
from disclosure_model.formatting import Argument
from disclosure_model.report import Report

__all__ = ["check_continuity"]

#: The message of a rule across years not judged because a cell it needs is blank.
_NOT_STATED = Label(
    "{where}：本年或上年未填报，无法核对。",
    "{where}: not stated this year or last, so not checked.",
)


def _comparable(report: Report, previous: Report, locale: str) -> list[Finding]:
    """X-01 and X-02: the two reports are the same organ's, for consecutive years."""
    out = []
    if previous.organ.name != report.organ.name:
        out.append(
            finding(
                rule("X-01"),
                "$.organ.name",
                arguments={"expected": previous.organ.name, "actual": report.organ.name},
                expected=previous.organ.name,
                actual=report.organ.name,
                locale=locale,
            )
        )
    if previous.year != report.year - 1:
        out.append(
            finding(
                rule("X-02"),
                "$.year",
                # Years are shown as written ("2024"), not as counts.
                arguments={"expected": str(previous.year), "actual": str(report.year)},
                expected=previous.year,
                actual=report.year,
                locale=locale,
            )
        )
    return out


def _check(
    place: Place, report: Report, previous: Report, *, lenient: bool, locale: str
) -> Finding | None:
    """One place of a rule across two years: ``None`` where it holds."""
    reports = {False: report, True: previous}

    def read(t: Term) -> int | None:
        value = reports[t.previous].statistics.cell(t.path)
        return value if isinstance(value, int) else None

    terms = place.terms
    values = [read(t) for t in terms]
    where = f"$.statistics.{place.checked.path}"
    blanks = [t for t, v in zip(terms, values, strict=True) if v is None]
    blank = tuple(location(f"$.statistics.{t.path}", previous=t.previous) for t in blanks)
    found = functools.partial(finding, rule(place.code), where, locale=locale)
    # In lenient mode a blank is read as 0 only where its report's source reached it.
    reached = all(reports[t.previous].covers(t.path) for t in blanks)
    if blank and not (lenient and reached):
        arguments: dict[str, Argument] = {"where": place.where}
        return found(outcome=Outcome.NOT_ASSESSABLE, template=_NOT_STATED, arguments=arguments)
    known = [0 if v is None else v for v in values]
    n_left = len(place.left)
    signed = [t.sign * v for t, v in zip(terms, known, strict=True)]
    actual, expected = sum(signed[:n_left]), sum(signed[n_left:])
    if HOLDS[place.relation](actual, expected):
        return None
    arguments = {"where": place.where, "expected": expected, "actual": actual}
    for name, term in place.mentions:
        arguments[name] = known[terms.index(term)]
    cells: tuple[Involved, ...] = ()
    if place.lists_cells:
        cells = tuple(
            Involved(
                f"$.statistics.{t.path}",
                v,
                place.cell_code if t == place.checked else None,
                t.previous,
            )
            for t, v in zip(terms, known, strict=True)
        )
    return found(arguments=arguments, expected=expected, actual=actual, cells=cells, lenient=blank)


def check_continuity(
    report: Report,
    previous: Report,
    *,
    lenient: bool,
    locale: str,
    cells: tuple[Any, ...] | None = None,
) -> list[Finding]:
    """Compare a report with the same organ's report for the year before.

    When the two are not the same organ or not consecutive years, say so and compare
    nothing else: the figures would not be comparable. With ``cells`` (this year's, as
    :func:`~disclosure_model.formats._rules.cell_reader` reads them) every place is first
    screened by :func:`~disclosure_model.formats._rules.cross_year_screen`, and only a
    place that reads a blank or does not hold is evaluated exactly.
    """
    mismatch = _comparable(report, previous, locale)
    if mismatch:
        return mismatch
    places = cross_year_places(report.format, previous.format)
    suspects: Iterable[int] = range(len(places))
    if cells is not None:
        last = previous.statistics
        last_cells = cell_reader(last.FORMAT)(last)
        screen = cross_year_screen(report.format, previous.format)
        if None in cells or None in last_cells:
            flagged = set(screen(_zeroed(cells), _zeroed(last_cells)))
            flagged.update(
                i
                for i, place in enumerate(places)
                if _reads_blank(place, cells, last_cells, report.format, previous.format)
            )
            suspects = sorted(flagged)
        else:
            suspects = screen(cells, last_cells)
    out = []
    for i in suspects:
        found = _check(places[i], report, previous, lenient=lenient, locale=locale)
        if found is not None:
            out.append(found)
    return out


def _zeroed(cells: tuple[Any, ...]) -> list[Any]:
    return [0 if v is None else v for v in cells]


def _reads_blank(
    place: Place,
    cells: tuple[Any, ...],
    last_cells: tuple[Any, ...],
    fmt: ReportFormat,
    previous: ReportFormat,
) -> bool:
    this, last = cell_index(fmt), cell_index(previous)
    return any(
        (last_cells[last[t.path]] if t.previous else cells[this[t.path]]) is None
        for t in place.terms
    )
