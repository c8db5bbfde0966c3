"""Reports: consistent by construction, or anything valid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st

from disclosure_model.checks._meta import NO_RULE_MAKING, deadline
from disclosure_model.claims import Claim
from disclosure_model.formats import (
    ReportFormat,
    statistics_class,
)
from disclosure_model.formats._rules import rule_making_places
from disclosure_model.report import Organ, OrganLevel, Report, Section, Source
from disclosure_model.strategies._claims import (
    _arbitrary_claim,
    _true_claims,
)
from disclosure_model.strategies._draw import (
    T,
    _drawn,
    _format,
    _memo,
    _pick,
    _years,
)
from disclosure_model.strategies._model import (
    _NO_WANTS,
    _Model,
    _model,
    _Wants,
)
from disclosure_model.strategies._tables import (
    _statistics,
)
from disclosure_model.strategies._text import (
    _arbitrary_text,
    _nonblank,
    _sections,
)
from disclosure_model.strategies._values import (
    _organ,
    organs,
)

__all__ = [
    "_consistent_report",
    "_no_rule_making",
    "_row_cells",
    "reports",
]


def _no_rule_making(organ: Organ, fmt: ReportFormat) -> _Wants:
    """An organ without rule-making power states no 规章 at all (R-21-05)."""
    if organ.level not in NO_RULE_MAKING:
        return _NO_WANTS
    places = rule_making_places(fmt)
    if not places:
        return _NO_WANTS
    free = _model(statistics_class(fmt), places[0].path.split(".")[0]).free
    return _Wants(fixed={p.path: 0 for p in places if p.path in free})


def _row_cells(model: _Model, row: str) -> list[str]:
    """The free cells of a row (``table.row``) of a model."""
    return [p for p in model.free if p.startswith(row + ".")]


def _consistent_report(
    draw: st.DrawFn,
    fmt: ReportFormat,
    *,
    with_blanks: bool = False,
    with_claims: bool = False,
    organ: Organ | None = None,
    levels: Iterable[OrganLevel] | None = None,
    year: int | None = None,
    wants: _Wants = _NO_WANTS,
    rule_making_guard: bool = True,
) -> Report:
    """A report of ``fmt`` on which every rule holds (that can be judged, with blanks)."""
    if organ is None:
        organ = draw(organs(levels=levels), label="organ")
    if year is None:
        year = draw(st.integers(*_years(fmt)), label="year")
    if rule_making_guard:
        wants = wants + _no_rule_making(organ, fmt)
    stats = _statistics(draw, fmt, consistent=True, with_blanks=with_blanks, wants=wants)
    sections = _sections(draw, fmt)
    due = deadline(Report(organ=organ, year=year, format=fmt, statistics=stats))
    first = date(year + 1, 1, 1)
    last = due if due is not None else date(year + 1, 12, 31)
    published: date | None = first + timedelta(
        days=draw(st.integers(0, (last - first).days), label="published")
    )
    if with_blanks and draw(st.booleans()):
        published = None
    optional = draw(st.integers(0, 7))  # which of title, date and source are given
    report = Report(
        organ=organ,
        year=year,
        format=fmt,
        statistics=stats,
        title=f"{organ.name}{year}年政府信息公开工作年度报告" if optional & 1 else None,
        dated=first if optional & 2 else None,
        published=published,
        source=(
            Source(url=f"https://www.example.gov.cn/zfxxgk/ndbg/{year}.html")
            if optional & 4
            else None
        ),
        sections=sections,
    )
    if with_claims:
        report = attrs.evolve(report, claims=_true_claims(draw, report))
    return report


def _any_consistent_report(
    draw: st.DrawFn, formats: Sequence[ReportFormat], **kwargs: Any
) -> Report:
    return _consistent_report(draw, _pick(draw, formats), **kwargs)


def _arbitrary_report(
    draw: st.DrawFn, fmt: ReportFormat | None, *, with_blanks: bool, with_claims: bool
) -> Report:
    """Any valid report: any organ, year, dates, text and cells; nothing need add up."""
    fmt = fmt if fmt is not None else _pick(draw, list(ReportFormat))
    text, nonblank = _arbitrary_text(), _nonblank()

    def maybe(strategy: st.SearchStrategy[T]) -> T | None:
        return draw(strategy) if draw(st.booleans()) else None

    def any_date() -> date | None:
        return maybe(_memo(("any date",), lambda: st.dates(date(2000, 1, 1), date(2100, 12, 31))))

    sections = tuple(
        Section(title=maybe(nonblank), text=draw(text)) for _ in range(draw(st.integers(0, 4)))
    )
    if draw(st.booleans()):
        organ = draw(organs())
    else:
        organ = _organ(_pick(draw, list(OrganLevel)), draw(nonblank), None)
    source = None
    if draw(st.booleans()):
        sha = _memo(("sha256",), lambda: st.binary(min_size=32, max_size=32).map(bytes.hex))
        source = Source(url=maybe(nonblank), sha256=maybe(sha))
    report = Report(
        organ=organ,
        year=draw(st.integers(2000, 2100)),
        format=fmt,
        statistics=_statistics(
            draw, fmt, consistent=False, with_blanks=with_blanks, wants=_NO_WANTS
        ),
        title=maybe(nonblank),
        dated=any_date(),
        published=any_date(),
        source=source,
        sections=sections,
    )
    if with_claims:
        found: list[Claim] = []
        for i in range(draw(st.integers(0, 4))):
            earlier = [c.id for c in found]
            found.append(_arbitrary_claim(draw, fmt, len(sections), earlier, f"c{i + 1}"))
        report = attrs.evolve(report, claims=tuple(found))
    return report


def reports(
    *,
    format: ReportFormat | str | None = None,
    consistent: bool = True,
    with_blanks: bool = False,
    with_claims: bool = False,
) -> st.SearchStrategy[Report]:
    """Annual reports in ``format`` (any of the three when ``None``).

    By default every rule of :func:`dm.check <disclosure_model.checks.check>` holds: the
    statistics are consistent by construction, the year fits the format, the report is
    published by its deadline, the 2019 and 2021 formats have their six sections, money is
    in 万元 where the form says so, and an organ without rule-making power states no 规章.
    Everything is stated, so no rule fails and none is "not assessable".

    ``with_blanks=True`` leaves some cells (and the publication date) unstated: the report is
    then consistent where stated, so no rule fails but some are not assessable.
    ``with_claims=True`` adds figures and percentages stated in the text, each true of the
    statistics (figures exact, or rounded half up in 万; percentages rounded half up), some
    about other stated figures; a share of a whole that is 0 is not assessable.
    ``consistent=False`` draws any structurally valid report: any organ, year and dates, any
    counts, claims with any values.

    Shrinks towards a report of the first format with every cell 0, the shortest section
    texts, no optional fields and no claims.
    """
    fmt = _format(format)
    if not consistent:
        return _drawn(_arbitrary_report, fmt, with_blanks=with_blanks, with_claims=with_claims)
    formats = [fmt] if fmt is not None else list(ReportFormat)
    return _drawn(_any_consistent_report, formats, with_blanks=with_blanks, with_claims=with_claims)
