"""The arithmetic rules, evaluated at the places the formats expand them to.

:func:`~disclosure_model.formats._rules.identity_places` gives every identity of a format at
every place it applies (every row of a row class, every column of a table, the legacy table
once, and a part-of rule for each legacy "其中" cell). Here each place gets its rule and its
cells' catalogue entries once per statistics class; checking a report is then a loop over
plain getters.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import frozen

from disclosure_model.checks._catalogue import Rule, rule
from disclosure_model.checks._findings import (
    Finding,
    Involved,
    Outcome,
    finding,
    involved_cells,
)
from disclosure_model.formats import Entry, Label, LegacyStatistics, ReportFormat, StatisticsBase
from disclosure_model.formats._declare import Relation
from disclosure_model.formats._rules import (
    Place,
    cell_index,
    identity_places,
    identity_screen,
    place_cells,
)

__all__ = [
    "HOLDS",
    "Instance",
    "check_identities",
    "instances",
    "missing_names",
    "screened_identities",
]

#: Whether ``left relation right`` holds, by relation.
HOLDS: dict[Relation, Callable[[Any, Any], bool]] = {
    Relation.EQUAL: operator.eq,
    Relation.AT_MOST: operator.le,
    Relation.AT_LEAST: operator.ge,
}

#: The message of an identity not judged because cells it needs are blank.
_NOT_STATED = Label(
    "{where}：{names}未填报，无法核对。", "{where}: {names} {verb} not stated, so not checked."
)


@frozen
class Instance:
    """One identity at one place of one format, with its rule and its cells' entries."""

    rule: Rule
    place: Place
    left: tuple[Entry, ...]
    right: tuple[Entry, ...]
    getters: tuple[Callable[[Any], Any], ...]
    #: Each cell's path as findings give it, and its official code, left side first.
    paths: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    #: How messages name the two sides.
    left_label: Label = Label("", "")
    right_label: Label = Label("", "")

    @property
    def where(self) -> Label:
        """How messages name the place."""
        return self.place.where

    @property
    def relation(self) -> Relation:
        """How the two sides compare."""
        return self.place.relation

    @property
    def by_column(self) -> bool:
        """Whether the sides are columns of one row (else rows, or legacy indicators)."""
        return self.place.by_column


def _side_label(entries: Sequence[Entry], *, by_column: bool) -> Label:
    def one(e: Entry) -> Label:
        return e.column_label if by_column else e.row_label

    if not entries:
        return Label("零", "zero")
    if len(entries) == 1:
        return one(entries[0])
    if len(entries) <= 3:
        return Label("、".join(one(e).zh for e in entries), " + ".join(one(e).en for e in entries))
    first, last = one(entries[0]), one(entries[-1])
    return Label(f"{first.zh}至{last.zh}各项", f"{first.en} through {last.en}")


def _instance(place: Place, stats_cls: type[StatisticsBase]) -> Instance:
    catalogue = stats_cls.catalogue()
    left = tuple(catalogue[t.path] for t in place.left)
    right = tuple(catalogue[t.path] for t in place.right)
    both = (*left, *right)
    getters = tuple(operator.attrgetter(e.path) for e in both)
    return Instance(
        rule(place.code),
        place,
        left,
        right,
        getters,
        paths=tuple(f"$.statistics.{e.path}" for e in both),
        codes=tuple(e.code for e in both),
        left_label=_side_label(left, by_column=place.by_column),
        right_label=_side_label(right, by_column=place.by_column),
    )


_INSTANCES: dict[type, tuple[Instance, ...]] = {}


def instances(stats_cls: type[StatisticsBase]) -> tuple[Instance, ...]:
    """Every identity of a format at every place it applies, expanded once per class."""
    known = _INSTANCES.get(stats_cls)
    if known is None:
        places = identity_places(stats_cls.FORMAT)
        known = _INSTANCES[stats_cls] = tuple(_instance(p, stats_cls) for p in places)
    return known


def _cover_with_combined(
    stats: LegacyStatistics, entries: Sequence[Entry], values: list[Any]
) -> list[Involved]:
    """Fill blank cells of one side, in place, with figures the report states for them
    together (the first cell of a combined figure takes its value, the others 0)."""
    used: list[Involved] = []
    blank = {e.path for e, v in zip(entries, values, strict=True) if v is None}
    for i, c in enumerate(stats.combined):
        if blank and set(c.cells) <= blank:
            blank -= set(c.cells)
            used.append(Involved(f"$.statistics.combined[{i}]", c.value))
            first = True
            for j, e in enumerate(entries):
                if e.path in c.cells:
                    values[j] = c.value if first else 0
                    first = False
    return used


def missing_names(names: Sequence[Label], count: int | None = None) -> dict[str, Label]:
    """The arguments naming blank cells in a not-assessable message: up to three, then how
    many more (``count`` is how many are blank, when ``names`` holds only the first)."""
    total = len(names) if count is None else count
    shown = names[:3]
    more = total - len(shown)
    zh = "、".join(n.zh for n in shown) + (f"等 {total} 项" if more else "")
    en = ", ".join(n.en for n in shown) + (f" and {more} more" if more else "")
    return {"names": Label(zh, en), "verb": Label("", "is" if total == 1 else "are")}


_BLANK_NAMES: dict[tuple[str, str], Label] = {}


def _blank_name(entry: Entry) -> Label:
    """How a not-assessable message names a blank cell: a legacy indicator by its label,
    a table cell by its official code (made once a cell; keyed by strings, whose hashes
    are kept, not by the entry, whose hash reads every field)."""
    key = (entry.code, entry.path)
    name = _BLANK_NAMES.get(key)
    if name is None:
        name = entry.row_label if entry.column == "value" else Label(entry.code, entry.code)
        _BLANK_NAMES[key] = name
    return name


def _not_assessable(
    inst: Instance, missing: list[Entry], cells: tuple[Involved, ...], locale: str
) -> Finding:
    names = [_blank_name(e) for e in missing[:3]]
    return finding(
        inst.rule,
        f"$.statistics.{missing[0].path}",
        outcome=Outcome.NOT_ASSESSABLE,
        template=_NOT_STATED,
        arguments={"where": inst.where, **missing_names(names, len(missing))},
        cell_code=missing[0].code,
        cells=cells,
        locale=locale,
    )


def check_identities(
    stats: StatisticsBase,
    *,
    lenient: bool,
    locale: str,
    covers: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Evaluate every identity of the report's format; a finding for each that fails.

    In lenient mode a blank is read as 0 only where ``covers`` (the report's coverage)
    says the source reached the cell; a blank beyond that leaves the rule not assessable.
    This is the exact evaluation, place by place; :func:`screened_identities` gives the
    same findings faster.
    """
    legacy = stats if isinstance(stats, LegacyStatistics) else None
    out = []
    for inst in instances(type(stats)):
        values = [get(stats) for get in inst.getters]
        found = _check_place(inst, values, legacy, lenient=lenient, locale=locale, covers=covers)
        if found is not None:
            out.append(found)
    return out


@functools.cache
def _touching(fmt: ReportFormat) -> tuple[frozenset[int], ...]:
    """For each cell position of a format, the identity places that read the cell."""
    by_cell: list[set[int]] = [set() for _ in cell_index(fmt)]
    for i, positions in enumerate(place_cells(fmt)):
        for at in positions:
            by_cell[at].add(i)
    return tuple(frozenset(s) for s in by_cell)


def screened_identities(
    stats: StatisticsBase,
    cells: tuple[Any, ...],
    *,
    lenient: bool,
    locale: str,
    covers: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """:func:`check_identities`, with every place screened first by the compiled identities
    (:func:`~disclosure_model.formats._rules.identity_screen`) over ``cells`` (what
    :func:`~disclosure_model.formats._rules.cell_reader` read from ``stats``).

    A place that reads a blank cell, or whose sums do not hold, goes to the exact
    evaluation; the others hold as the exact evaluation would find, and have no finding.
    """
    fmt = stats.FORMAT
    screen = identity_screen(fmt)
    if None in cells:
        touching = _touching(fmt)
        flagged: set[int] = set()
        for at, value in enumerate(cells):
            if value is None:
                flagged |= touching[at]
        flagged.update(screen([0 if v is None else v for v in cells]))
        suspects: Iterable[int] = sorted(flagged)
    else:
        suspects = screen(cells)
    legacy = stats if isinstance(stats, LegacyStatistics) else None
    every, positions = instances(type(stats)), place_cells(fmt)
    out = []
    for i in suspects:
        values = [cells[at] for at in positions[i]]
        found = _check_place(
            every[i], values, legacy, lenient=lenient, locale=locale, covers=covers
        )
        if found is not None:
            out.append(found)
    return out


def _check_place(
    inst: Instance,
    values: list[Any],
    legacy: LegacyStatistics | None,
    *,
    lenient: bool,
    locale: str,
    covers: Callable[[str], bool] | None,
) -> Finding | None:
    """The finding of one identity at one place, from the values of its cells (left side
    first), or ``None`` where it holds."""
    n_left = len(inst.left)
    if None not in values:
        left, right = sum(values[:n_left]), sum(values[n_left:])
        if not HOLDS[inst.relation](left, right):
            return _fail(inst, values, (left, right), locale=locale)
        return None
    entries = (*inst.left, *inst.right)
    extra: list[Involved] = []
    if legacy is not None and legacy.combined:
        left_values, right_values = values[:n_left], values[n_left:]
        extra = _cover_with_combined(legacy, inst.left, left_values)
        extra += _cover_with_combined(legacy, inst.right, right_values)
        values = left_values + right_values
    missing = [e for e, v in zip(entries, values, strict=True) if v is None]
    if missing and not (lenient and (covers is None or all(covers(e.path) for e in missing))):
        cells = involved_cells(inst.paths, values, inst.codes) + tuple(extra)
        return _not_assessable(inst, missing, cells, locale)
    zeroed = tuple(f"$.statistics.{e.path}" for e in missing)
    values = [0 if v is None else v for v in values]
    left, right = sum(values[:n_left]), sum(values[n_left:])
    if not HOLDS[inst.relation](left, right):
        return _fail(inst, values, (left, right), zeroed=zeroed, extra=tuple(extra), locale=locale)
    return None


def _fail(
    inst: Instance,
    values: list[Any],
    sides: tuple[int, int],
    *,
    zeroed: tuple[str, ...] = (),
    extra: tuple[Involved, ...] = (),
    locale: str,
) -> Finding:
    left, right = sides
    return finding(
        inst.rule,
        inst.paths[0],
        arguments={
            "where": inst.where,
            "left_label": inst.left_label,
            "right_label": inst.right_label,
            "left": left,
            "right": right,
        },
        cell_code=inst.codes[0],
        expected=right,
        actual=left,
        cells=involved_cells(inst.paths, values, inst.codes) + extra,
        lenient=zeroed,
        locale=locale,
    )
