"""Setting cells by catalogue path, checked, and a blank report to set them on."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from disclosure_model.errors import Problem, ValidationError
from disclosure_model.formats import (
    STATISTICS_CLASSES,
    Entry,
    ReportFormat,
    Statistics,
    format_for_year,
)
from disclosure_model.formats._declare import SlotKind, check_value, slots
from disclosure_model.report import Organ, OrganLevel, Report
from disclosure_model.values import Amount, CellKind, MoneyUnit

__all__ = ["assemble", "cell_problem", "new_report", "with_cells"]

_SLOT_KIND = {
    CellKind.COUNT: SlotKind.COUNT,
    CellKind.STOCK: SlotKind.COUNT,
    CellKind.CHANGE: SlotKind.CHANGE,
    CellKind.MONEY: SlotKind.MONEY,
}


def form_unit(entry: Entry) -> MoneyUnit | None:
    """The money unit the form fixes for a money cell (``None``: the form fixes none)."""
    if entry.unit is None:
        return None
    try:
        return MoneyUnit(entry.unit.value)
    except ValueError:
        return None


def _as_cell_value(entry: Entry, value: object) -> object:
    """A Decimal for a money cell whose unit the form fixes stands for that amount."""
    if entry.kind is CellKind.MONEY and type(value) is Decimal:
        unit = form_unit(entry)
        if unit is not None and value.is_finite():
            return Amount(value=value, unit=unit)
    return value


def cell_problem(entry: Entry, value: object) -> str | None:
    """Why ``value`` cannot stand in the cell of ``entry``, or ``None`` if it can."""
    kind = _SLOT_KIND[entry.kind]
    why = check_value(kind, value)
    if why is None and isinstance(value, Amount):
        fixed = form_unit(entry)
        if fixed is not None and value.unit is not fixed:
            shown = value.unit.value if value.unit is not None else "no unit"
            why = f"the form states this amount in {fixed.value}, got {shown}"
    return why


def _no_cell(fmt: ReportFormat, path: object, known: Mapping[str, Entry]) -> str:
    text = f"{fmt.value} has no cell {path!r}"
    if isinstance(path, str):
        close = difflib.get_close_matches(path, list(known), n=1, cutoff=0.75)
        if close:
            text += f" (did you mean {close[0]!r}?)"
    return text


def assemble(cls: type[Statistics], flat: Mapping[str, object], base: Any = None) -> Statistics:
    """A statistics object from cell values keyed by catalogue path.

    Cells not in ``flat`` keep their value in ``base`` (``None`` without one). The values
    must already have been checked (see :func:`cell_problem`).
    """

    def build(klass: type, prefix: str, current: Any) -> Any:
        kwargs: dict[str, Any] = {}
        for s in slots(klass):
            own = getattr(current, s.name) if current is not None else None
            if s.kind is SlotKind.NESTED:
                kwargs[s.name] = build(s.type, f"{prefix}{s.name}.", own)
            elif s.kind is SlotKind.OTHER:
                if current is not None:
                    kwargs[s.name] = own
            else:
                kwargs[s.name] = flat.get(prefix + s.name, own)
        return klass(**kwargs)

    built: Statistics = build(cls, "", base)
    return built


def checked_values(fmt: ReportFormat, cells: Mapping[str, object]) -> dict[str, object]:
    """The cell values keyed by path, checked all at once (a :class:`ValidationError` with
    every wrong path and value otherwise)."""
    catalogue = STATISTICS_CLASSES[fmt].catalogue()
    known = catalogue.paths
    problems: list[Problem] = []
    values: dict[str, object] = {}
    given: object = cells  # callers without type checking can pass anything
    if not isinstance(given, Mapping):
        raise ValidationError.at(
            "$", f"expected a mapping of catalogue paths to values, got {type(cells).__name__}"
        )
    for path, raw in given.items():
        entry = known.get(path) if isinstance(path, str) else None
        if entry is None:
            problems.append(Problem(f"$[{path!r}]", _no_cell(fmt, path, known)))
            continue
        value = _as_cell_value(entry, raw)
        why = cell_problem(entry, value)
        if why is not None:
            problems.append(Problem(f"$[{path!r}]", why))
            continue
        values[path] = value
    if problems:
        raise ValidationError(problems)
    return values


def with_cells(report: Report, cells: Mapping[str, object]) -> Report:
    """``report`` with the cells at the given catalogue paths set, every path and value checked.

    A count takes an ``int`` (``None``: not stated); money an
    :class:`~disclosure_model.values.Amount`, or a :class:`~decimal.Decimal` where the form
    fixes the unit. Every unknown path and every bad value is reported in one
    :class:`~disclosure_model.errors.ValidationError`; nothing is half set.
    """
    values = checked_values(report.format, cells)
    cls = STATISTICS_CLASSES[report.format]
    stats = assemble(cls, values, report.statistics)
    return attrs.evolve(report, statistics=stats)


def _level(level: object) -> OrganLevel | None:
    if isinstance(level, OrganLevel):
        return level
    if isinstance(level, str):
        from disclosure_model.office._levels import level_from_text

        return level_from_text(level)
    return None


def new_report(
    *,
    organ: str,
    level: OrganLevel | str,
    year: int,
    format: ReportFormat | str | None = None,
    division_code: str | None = None,
    title: str | None = None,
) -> Report:
    """A report with every cell not stated, for ``organ`` and ``year``.

    ``format`` defaults to the format reports for ``year`` are due in; ``level`` is an
    :class:`~disclosure_model.report.OrganLevel`, its value (``"county-department"``) or its
    Chinese name (``县级政府部门``). Every problem with the arguments is reported at once.

    >>> from disclosure_model import office
    >>> r = office.new_report(organ="某县财政局", level="county-department", year=2024)
    >>> r.format.value, r.statistics.cell("applications.new_received.total")
    ('gov-2021', None)
    """
    problems: list[Problem] = []
    fmt: ReportFormat | None = None
    if format is None:
        if type(year) is int:
            fmt = format_for_year(year)
            if fmt is None and 2000 <= year <= 2100:
                problems.append(Problem("$.format", f"no national format applies to {year}"))
    else:
        try:
            fmt = ReportFormat(format)
        except ValueError:
            known = ", ".join(f.value for f in ReportFormat)
            problems.append(Problem("$.format", f"expected one of {known}, got {format!r}"))
    lvl = _level(level)
    if lvl is None:
        known = ", ".join(v.value for v in OrganLevel)
        problems.append(Problem("$.organ.level", f"expected one of {known}, got {level!r}"))
    if type(year) is not int or not 2000 <= year <= 2100:
        problems.append(Problem("$.year", f"expected a year from 2000 to 2100, got {year!r}"))
    owner: Organ | None = None
    try:
        # Without a level, the name and code are still checked (under a stand-in level).
        owner = Organ(name=organ, level=lvl or OrganLevel.OTHER, division_code=division_code)
    except ValidationError as e:
        problems.extend(p.under("$.organ") for p in e.problems)
    if problems or fmt is None or owner is None or lvl is None:
        raise ValidationError(problems)
    return Report(
        organ=owner,
        year=year,
        format=fmt,
        statistics=STATISTICS_CLASSES[fmt](),
        title=title,
    )
