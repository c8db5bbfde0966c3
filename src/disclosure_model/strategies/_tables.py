"""Cells, tables and statistics: consistent by construction, or anything valid."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs
from hypothesis import strategies as st

from disclosure_model.formats import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Applications2019,
    Applications2021,
    CombinedFigure,
    Entry,
    LegacyStatistics,
    ReportFormat,
    ReviewsLitigation,
    Statistics,
    statistics_class,
)
from disclosure_model.formats._declare import SPEC, SlotKind, StatisticsBase, slots
from disclosure_model.strategies._draw import (
    _NEW,
    _drawn,
    _format,
    _memo,
    _pick,
    _table_format,
)
from disclosure_model.strategies._legacy import _combined
from disclosure_model.strategies._model import (
    _NO_WANTS,
    Event,
    _fill,
    _Model,
    _model,
    _Wants,
)
from disclosure_model.strategies._values import (
    _amounts,
    amounts,
)
from disclosure_model.values import CellKind, MoneyUnit

__all__ = [
    "_replace_cells",
    "_statistics",
    "active_disclosure_tables",
    "applications_tables",
    "legacy_statistics",
    "reviews_tables",
    "statistics",
]

#: The largest amount of one event, by size: a few, tens or hundreds as in most cells of a
#: real table (listed more than once, so seven in nine events are below a thousand), now
#: and then thousands, rarely a province's worth.
_SIZES = (9, 9, 99, 99, 99, 999, 999, 9_999, 200_000)


def _event(key: tuple[str, int, bool], raw: int) -> Event:
    path, size, down = key
    amount = raw % (_SIZES[size] + 1)
    return path, -amount if down else amount


def _events(model: _Model, fixed: frozenset[str]) -> st.SearchStrategy[list[Event]]:
    """Events of a table: which cell, how large, which way (one pick), and the amount.

    A table is quiet (a few events, as a township's), has some activity, or is busy (at
    least half the most events, as a city's, where most cells are non-zero), each in about
    a third of the tables. Shrinks towards a quiet
    table, fewer events, the first cell, a small amount going up, and 0.
    """

    def make() -> st.SearchStrategy[list[Event]]:
        keys = [
            (path, size, down)
            for path in model.free
            if path not in fixed
            for size in range(len(_SIZES))
            for down in ((False, True) if path in model.signed else (False,))
        ]
        if not keys:
            return st.just([])
        event = st.builds(_event, st.sampled_from(keys), st.integers(0, _SIZES[-1]))
        most = _MAX_EVENTS.get(model.table, 20)
        quiet = st.lists(event, max_size=_QUIET)
        some = st.lists(event, min_size=most // 4, max_size=most // 2)
        return quiet | some | st.lists(event, min_size=most // 2, max_size=most)

    return _memo(("events", model.stats_cls, model.table, fixed), make)


def _drawn_choice(draw: st.DrawFn) -> Callable[[int], int]:
    return lambda n: draw(st.integers(0, n - 1))


#: How many events a busy table is built from, at most; a quiet one, at most ``_QUIET``.
_MAX_EVENTS = {"applications": 56, "active": 20, "reviews": 24, "indicators": 48}
_QUIET = 4


def _table_classes(stats_cls: type[StatisticsBase]) -> dict[str, type]:
    """Table key -> table class, for the 2019 and 2021 formats."""
    out = {}
    for a in attrs.fields(cast(Any, stats_cls)):
        spec = a.metadata.get(SPEC)
        if isinstance(spec, tuple):
            out[a.name] = spec[1]
    return out


def _assemble(cls: type, flat: Mapping[str, Any], prefix: str = "") -> Any:
    """A declared class built from cell values keyed by catalogue path (absent: ``None``)."""
    kwargs = {}
    for s in slots(cls):
        if s.kind is SlotKind.NESTED:
            kwargs[s.name] = _assemble(s.type, flat, f"{prefix}{s.name}.")
        elif s.kind is not SlotKind.OTHER:
            kwargs[s.name] = flat.get(prefix + s.name)
    return cls(**kwargs)


def _replace_cells(obj: Any, changes: Mapping[str, Any]) -> Any:
    """``obj`` with the cells at the given paths (relative to ``obj``) replaced."""
    groups: dict[str, dict[str, Any]] = {}
    direct: dict[str, Any] = {}
    for path, value in changes.items():
        head, _, rest = path.partition(".")
        if rest:
            groups.setdefault(head, {})[rest] = value
        else:
            direct[head] = value
    for head, sub in groups.items():
        direct[head] = _replace_cells(getattr(obj, head), sub)
    return attrs.evolve(obj, **direct)


def _money_unit(entry: Entry) -> MoneyUnit | None:
    return MoneyUnit(entry.unit.value) if entry.unit is not None else None


def _consistent_table(
    draw: st.DrawFn, stats_cls: type[StatisticsBase], table: str, wants: _Wants, with_blanks: bool
) -> dict[str, Any]:
    """Every cell of one table, consistent; money in the unit the form asks for."""
    model = _model(stats_cls, table)
    events = draw(_events(model, frozenset(wants.fixed)), label=f"{table} events")
    flat: dict[str, Any] = dict(_fill(model, events, wants, _drawn_choice(draw)))
    for e in stats_cls.catalogue():
        if e.table == table and e.kind is CellKind.MONEY:
            unit = _money_unit(e)
            units = (unit,) if unit is not None else tuple(MoneyUnit)
            flat[e.path] = draw(_amounts(units, 2))
    if with_blanks:
        flat = _blanked(draw, flat)
    return flat


def _blanked(draw: st.DrawFn, flat: dict[str, Any]) -> dict[str, Any]:
    """Some cells and some whole rows not stated (``None``)."""
    paths = tuple(sorted(flat))
    rows = tuple(sorted({p.rsplit(".", 1)[0] for p in paths if p.count(".") == 2}))
    cells_ = _memo(
        ("blank cells", paths),
        lambda: st.lists(st.sampled_from(paths), max_size=max(1, len(paths) // 3)),
    )
    blank = set(draw(cells_))
    if rows:
        rows_ = _memo(("blank rows", rows), lambda: st.lists(st.sampled_from(rows), max_size=3))
        for r in draw(rows_):
            blank |= {p for p in paths if p.startswith(r + ".")}
    return {p: (None if p in blank else v) for p, v in flat.items()}


_BIG = (10**15, 2**53 + 1, 10**16 + 1)  # beyond a float's precision (limit: MAX_COUNT)


def _arbitrary_table(
    draw: st.DrawFn, stats_cls: type[StatisticsBase], table: str, with_blanks: bool
) -> dict[str, Any]:
    """Every cell of one table with any value the model accepts; totals need not add up."""
    entries = [e for e in stats_cls.catalogue() if e.table == table]
    # One byte per cell keeps this fast for the 175 cells of table 三.
    raw = draw(st.binary(min_size=len(entries), max_size=len(entries)))
    flat: dict[str, Any] = {}
    for e, byte in zip(entries, raw, strict=True):
        if e.kind is CellKind.MONEY:
            blank = with_blanks and draw(st.booleans())
            flat[e.path] = None if blank else draw(amounts())
        elif with_blanks and byte < 40:
            flat[e.path] = None
        else:
            flat[e.path] = byte - 148 if e.kind is CellKind.CHANGE else byte
    counts = [e for e in entries if e.kind is not CellKind.MONEY]
    big_ones = _memo(
        ("big", stats_cls, table),
        lambda: st.lists(st.tuples(st.sampled_from(counts), st.sampled_from(_BIG)), max_size=3),
    )
    # A few very large values, where a float would lose digits.
    for e, big in draw(big_ones):
        flat[e.path] = -big if e.kind is CellKind.CHANGE and big % 2 else big
    return flat


def _table_values(
    draw: st.DrawFn,
    stats_cls: type[StatisticsBase],
    table: str,
    *,
    consistent: bool,
    with_blanks: bool,
    wants: _Wants = _NO_WANTS,
) -> dict[str, Any]:
    if consistent:
        return _consistent_table(draw, stats_cls, table, wants.on(table), with_blanks)
    return _arbitrary_table(draw, stats_cls, table, with_blanks)


def _table_strategy(
    fmt: ReportFormat, table: str, *, consistent: bool, with_blanks: bool
) -> st.SearchStrategy[Any]:
    cls = statistics_class(fmt)
    table_cls = _table_classes(cls)[table]
    return _drawn(_table_values, cls, table, consistent=consistent, with_blanks=with_blanks).map(
        lambda flat: _assemble(table_cls, flat, f"{table}.")
    )


def applications_tables(
    *,
    format: ReportFormat | str = ReportFormat.GOV_2021,
    consistent: bool = True,
    with_blanks: bool = False,
) -> st.SearchStrategy[Applications2019 | Applications2021]:
    """Table 三 (applications received and handled) of the 2021 or the 2019 format.

    Consistent by default: in every row the 总计 column is the sum of the six applicant
    columns, in every column （七）总计 is the sum of the outcome rows, and new plus carried
    over equals results plus carried forward (the form's 勾稽关系). A table is quiet (most
    cells 0), somewhat busy or busy (most cells in the tens to thousands), about a third of
    each; now and then a cell runs far higher. ``with_blanks=True`` leaves some cells and rows
    ``None``; ``consistent=False`` draws any valid counts. Shrinks towards a table of zeros.
    """
    fmt = _table_format(format, _NEW)
    return _table_strategy(fmt, "applications", consistent=consistent, with_blanks=with_blanks)


def active_disclosure_tables(
    *,
    format: ReportFormat | str = ReportFormat.GOV_2021,
    consistent: bool = True,
    with_blanks: bool = False,
) -> st.SearchStrategy[ActiveDisclosure2019 | ActiveDisclosure2021]:
    """Table 二 (proactive disclosure) of the 2021 or the 2019 format.

    Consistent by default: documents issued (2021) or newly published (2019) within their
    bounds, item counts that stay non-negative after their signed change (2019); money in
    万元 where the form says so, in 元 or 万元 where it does not. ``with_blanks`` and
    ``consistent`` as for :func:`applications_tables`. Shrinks towards zeros.
    """
    fmt = _table_format(format, _NEW)
    return _table_strategy(fmt, "active", consistent=consistent, with_blanks=with_blanks)


def reviews_tables(
    *, consistent: bool = True, with_blanks: bool = False
) -> st.SearchStrategy[ReviewsLitigation]:
    """Table 四 (administrative reconsideration and lawsuits), the same in 2019 and 2021.

    Consistent by default: each block's 总计 is the sum of its four outcomes.
    ``with_blanks`` and ``consistent`` as for :func:`applications_tables`. Shrinks towards
    zeros.
    """
    return cast(
        st.SearchStrategy[ReviewsLitigation],
        _table_strategy(
            ReportFormat.GOV_2021, "reviews", consistent=consistent, with_blanks=with_blanks
        ),
    )


def _legacy(
    draw: st.DrawFn, *, consistent: bool, with_blanks: bool, wants: _Wants = _NO_WANTS
) -> LegacyStatistics:
    flat = _table_values(
        draw,
        LegacyStatistics,
        "indicators",
        consistent=consistent,
        with_blanks=with_blanks,
        wants=wants,
    )
    combined: tuple[CombinedFigure, ...] = ()
    if with_blanks:
        flat, combined = _combined(draw, flat)
    stats = _assemble(LegacyStatistics, flat)
    return attrs.evolve(stats, combined=combined) if combined else cast(LegacyStatistics, stats)


def legacy_statistics(
    *, consistent: bool = True, with_blanks: bool = False
) -> st.SearchStrategy[LegacyStatistics]:
    """The legacy statistics table (2014–2018 reports).

    Consistent by default: every sum and every "其中" part holds, the channels together
    carry at least every item, answers equal completions, completions do not exceed receipts,
    trainees are at least the courses; money in 万元. ``with_blanks=True`` leaves cells
    ``None`` and sometimes states a few cells only together, as a
    :class:`~disclosure_model.formats.CombinedFigure` (the 保山 2018 report does so for
    微博 and 微信). Shrinks towards a table of zeros.
    """
    return _drawn(_legacy, consistent=consistent, with_blanks=with_blanks)


def _statistics(
    draw: st.DrawFn, fmt: ReportFormat, *, consistent: bool, with_blanks: bool, wants: _Wants
) -> Statistics:
    cls = statistics_class(fmt)
    if fmt is ReportFormat.LEGACY:
        return _legacy(draw, consistent=consistent, with_blanks=with_blanks, wants=wants)
    flat: dict[str, Any] = {}
    for table in cls.catalogue().tables():
        flat.update(
            _table_values(
                draw, cls, table, consistent=consistent, with_blanks=with_blanks, wants=wants
            )
        )
    return cast(Statistics, _assemble(cls, flat))


def statistics(
    *, format: ReportFormat | str | None = None, consistent: bool = True, with_blanks: bool = False
) -> st.SearchStrategy[Statistics]:
    """The statistics of a report in ``format`` (any of the three when ``None``).

    The tables of :func:`applications_tables`, :func:`active_disclosure_tables` and
    :func:`reviews_tables`, or :func:`legacy_statistics`, with the same knobs. Shrinks
    towards the statistics of the first format with every cell 0.
    """
    fmt = _format(format)
    formats = [fmt] if fmt is not None else list(ReportFormat)
    return _drawn(
        lambda draw: _statistics(
            draw,
            _pick(draw, formats),
            consistent=consistent,
            with_blanks=with_blanks,
            wants=_NO_WANTS,
        )
    )
