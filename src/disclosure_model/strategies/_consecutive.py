"""Two reports of one organ for consecutive years, consistent with each other.

What this year's report takes over from last year's comes from the places of the rules
across two years (:func:`~disclosure_model.formats._rules.cross_year_places`): a rule that
sets one cell of this year to last year's figures fixes that cell, any other is a relation
between this year's cells with last year's figures as constants.
"""

from __future__ import annotations

from hypothesis import strategies as st

from disclosure_model.formats import ReportFormat, Statistics, format_for_year, statistics_class
from disclosure_model.formats._declare import Relation
from disclosure_model.formats._rules import cross_year_places
from disclosure_model.report import Report
from disclosure_model.strategies._draw import _drawn, _format, _pick, _years
from disclosure_model.strategies._model import _model, _Relation, _relation, _Wants
from disclosure_model.strategies._reports import _consistent_report
from disclosure_model.strategies._values import organs

__all__ = ["_links", "_pair", "consecutive_reports"]


def _links(previous: Statistics, fmt: ReportFormat, *, without: str | None = None) -> _Wants:
    """What this year's statistics take over from last year's, by the rules across two
    years (but the rule ``without``, which a corruption is to break)."""
    cls = statistics_class(fmt)
    fixed: dict[str, int] = {}
    relations: list[_Relation] = []
    for place in cross_year_places(fmt, previous.FORMAT):
        if place.code == without:
            continue
        relation = _relation(place, previous)
        cells = relation.left + relation.right
        one_free = len(cells) == 1 and cells[0] in _model(cls, place.table).free
        if relation.relation is Relation.EQUAL and one_free and relation.left:
            fixed[cells[0]] = -relation.offset
        else:
            relations.append(relation)
    return _Wants(fixed=fixed, relations=tuple(relations))


def consecutive_reports(
    *, format: ReportFormat | str | None = None
) -> st.SearchStrategy[tuple[Report, Report]]:
    """Pairs ``(previous, report)``: one organ's reports for two consecutive years, the later
    in ``format`` (any when ``None``), each consistent as from :func:`reports`, and
    consistent with each other: carried over this year is what last year carried forward,
    documents in force follow from last year's, item counts follow last year's change,
    lawsuits after review do not outnumber two years' reviews. So
    ``dm.check(report, previous=previous)`` finds nothing.

    Shrinks towards two reports of zeros, the later one of the first format.
    """
    fmt = _format(format)
    formats = [fmt] if fmt is not None else list(ReportFormat)
    return _drawn(lambda draw: _pair(draw, _pick(draw, formats)))


def _pair(
    draw: st.DrawFn, fmt: ReportFormat, years: tuple[int, int] | None = None
) -> tuple[Report, Report]:
    """Two consistent consecutive reports, the later in ``fmt`` within ``years``."""
    organ = draw(organs(), label="organ")
    year = draw(st.integers(*(years or _years(fmt))), label="year")
    before = format_for_year(year - 1) or ReportFormat.LEGACY
    previous = _consistent_report(draw, before, organ=organ, year=year - 1)
    report = _consistent_report(
        draw, fmt, organ=organ, year=year, wants=_links(previous.statistics, fmt)
    )
    return previous, report
