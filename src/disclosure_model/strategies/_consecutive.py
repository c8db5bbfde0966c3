"""Two reports of one organ for consecutive years, consistent with each other."""

from __future__ import annotations

from typing import cast

from hypothesis import strategies as st

from disclosure_model.checks._meta import expected_format
from disclosure_model.formats import (
    LegacyStatistics,
    ReportFormat,
    Statistics,
    Statistics2019,
    Statistics2021,
    statistics_class,
)
from disclosure_model.formats._declare import Relation, StatisticsBase
from disclosure_model.report import Report
from disclosure_model.strategies._draw import (
    _drawn,
    _format,
    _pick,
)
from disclosure_model.strategies._model import (
    _NO_WANTS,
    _model,
    _Relation,
    _Wants,
)
from disclosure_model.strategies._reports import (
    _YEARS,
    _consistent_report,
    _row_cells,
)
from disclosure_model.strategies._values import (
    organs,
)

__all__ = [
    "_AFTER_NEW",
    "_pair",
    "_rows_with",
    "consecutive_reports",
]


def _links(previous: Statistics, fmt: ReportFormat) -> _Wants:
    """What this year's statistics take over from last year's (the rules across years)."""
    if isinstance(previous, LegacyStatistics) or fmt is ReportFormat.LEGACY:
        return _NO_WANTS
    cls = statistics_class(fmt)
    fixed: dict[str, int] = {}
    relations: list[_Relation] = []
    # carried over this year is what last year carried forward, column by column.
    for path in _row_cells(_model(cls, "applications"), "applications.carried_over"):
        column = path.rsplit(".", 1)[1]
        fixed[path] = cast(int, previous.cell(f"applications.carried_forward.{column}"))
    # lawsuits after review come from this year's or last year's reviews.
    relations.append(
        _Relation(
            ("reviews.review.total",),
            Relation.AT_LEAST,
            ("reviews.litigation_after_review.total",),
            offset=cast(int, previous.cell("reviews.review.total")),
        )
    )
    if isinstance(previous, Statistics2021) and fmt is ReportFormat.GOV_2021:
        # R-21-01: in force = last year's in force + issued - repealed.
        for row in _rows_with(cls, "active", "in_force"):
            relations.append(
                _Relation(
                    (f"{row}.in_force", f"{row}.repealed"),
                    Relation.EQUAL,
                    (f"{row}.issued",),
                    offset=-cast(int, previous.cell(f"{row}.in_force")),
                )
            )
    if isinstance(previous, Statistics2019) and fmt is ReportFormat.GOV_2019:
        # R-19-03: last year's item count is last year's report's count after its change.
        for row in _rows_with(cls, "active", "items_prev_year"):
            before = cast(int, previous.cell(f"{row}.items_prev_year"))
            change = cast(int, previous.cell(f"{row}.items_change"))
            fixed[f"{row}.items_prev_year"] = before + change
    return _Wants(fixed=fixed, relations=tuple(relations))


def _rows_with(stats_cls: type[StatisticsBase], table: str, column: str) -> list[str]:
    """The rows of a table that have a given column, as ``table.row``."""
    return [
        f"{e.table}.{e.row}"
        for e in stats_cls.catalogue()
        if e.table == table and e.column == column
    ]


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


#: Years a report of each format can have, when last year's is in the 2019 or 2021 format.
_AFTER_NEW = {
    ReportFormat.GOV_2019: (2020, 2020),
    ReportFormat.GOV_2021: (2021, 2025),
}


def _pair(
    draw: st.DrawFn, fmt: ReportFormat, years: tuple[int, int] | None = None
) -> tuple[Report, Report]:
    """Two consistent consecutive reports, the later in ``fmt`` within ``years``."""
    organ = draw(organs(), label="organ")
    year = draw(st.integers(*(years or _YEARS[fmt])), label="year")
    before = expected_format(year - 1) or ReportFormat.LEGACY
    previous = _consistent_report(draw, before, organ=organ, year=year - 1)
    report = _consistent_report(
        draw, fmt, organ=organ, year=year, wants=_links(previous.statistics, fmt)
    )
    return previous, report
