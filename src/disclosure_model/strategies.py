"""Hypothesis strategies: consistent reports, reports broken at one place, stated figures.

This module is for testing code that uses disclosure_model (and disclosure_model itself).
It imports `hypothesis <https://hypothesis.readthedocs.io>`_, which the package does not
otherwise need: install the ``strategies`` extra, ``pip install "disclosure-model[strategies]"``.
``import disclosure_model`` never imports it.

>>> from hypothesis import given, settings
>>> import disclosure_model as dm
>>> from disclosure_model import strategies as dms
>>> @settings(max_examples=10)
... @given(dms.reports(format="gov-2021"))
... def test_consistent(report):
...     assert dm.check(report).ok
>>> test_consistent()

**Consistent by construction.** The identities a format declares (the ``IDENTITIES`` of its
row and table classes, which the checks expand to every row and column) are linear relations
between counts. A table is built from *events*: an event adds an amount to one cell that no
sum defines ("30 more applications from natural persons granted"), then settles every relation
it disturbed by raising other such cells (those 30 were received this year or carried over from
the last). A cell an identity defines as a sum of others is never drawn but computed from its
parts, and the carry-over balance of table 三 follows from the events. Nothing is filtered out:
every event leaves the table consistent, so hypothesis shrinks a table by dropping events and
lowering amounts, down to a table of zeros.

**Broken at one place.** :func:`broken_reports` draws a consistent report and breaks it so
that exactly one rule fails, and says which rule and where (a :class:`BrokenReport`). For an
identity it settles every other rule again after the break, so a sum that is wrong does not
drag the balance of its column along with it.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeVar, cast

import attrs
from attrs import field, frozen
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.checks import rule as _rule
from disclosure_model.checks import rules as _rules
from disclosure_model.checks._identities import Instance, instances
from disclosure_model.checks._meta import NO_RULE_MAKING, SECTIONS, deadline, expected_format
from disclosure_model.claims import Approximation, CellSum, Claim, ClaimKind, ClaimSum, Share
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
    Statistics2019,
    Statistics2021,
    statistics_class,
)
from disclosure_model.formats._declare import SPEC, Relation, SlotKind, StatisticsBase, slots
from disclosure_model.report import Organ, OrganLevel, Report, Section, Source
from disclosure_model.values import Amount, CellKind, MoneyUnit

__all__ = [
    "BrokenReport",
    "StatedPercentage",
    "active_disclosure_tables",
    "amounts",
    "applications_tables",
    "broken_reports",
    "claims",
    "consecutive_reports",
    "legacy_statistics",
    "organs",
    "reports",
    "reviews_tables",
    "stated_percentages",
    "statistics",
]

T = TypeVar("T")
Format = ReportFormat | str

# =============================================================================================
# Linear relations between the counts of one table
# =============================================================================================

Terms = tuple[tuple[str, int], ...]


@frozen
class _Linear:
    """``Σ coefficient · cell + constant`` compared with 0: ``== 0`` if ``equal``, else ``>= 0``.

    The cells are the free cells of a :class:`_Model` (derived cells are expanded).
    """

    terms: Terms
    constant: int
    equal: bool
    code: str

    def value(self, values: Mapping[str, int]) -> int:
        total = self.constant
        for path, coefficient in self.terms:
            total += coefficient * values[path]
        return total

    def holds(self, values: Mapping[str, int]) -> bool:
        value = self.value(values)
        return value == 0 if self.equal else value >= 0


@frozen
class _Relation:
    """``Σ left + offset`` against ``Σ right``, cells named by catalogue path."""

    left: tuple[str, ...]
    relation: Relation
    right: tuple[str, ...] = ()
    offset: int = 0
    code: str = ""


@frozen
class _Model:
    """The identities of one table of one format, as linear constraints over its free cells.

    An identity ``total == part + part ...`` (with one cell on the left) *defines* its total,
    unless an earlier identity defines it already; a defined cell is never drawn but computed.
    Every other identity is a constraint. The identities of the codes in ``relaxed`` neither
    define nor constrain anything (a corruption may break them).
    """

    stats_cls: type[StatisticsBase]
    table: str
    relaxed: frozenset[str]
    cells: tuple[Entry, ...]
    free: tuple[str, ...]
    signed: frozenset[str]
    #: Defined cell -> its value as terms over free cells, in definition order.
    definitions: Mapping[str, Terms]
    #: Defined cell -> the code of the identity that defines it.
    defined_by: Mapping[str, str]
    constraints: tuple[_Linear, ...]
    touching: Mapping[str, tuple[int, ...]]

    def terms(self, path: str) -> Terms:
        return self.definitions.get(path, ((path, 1),))

    def linear(self, r: _Relation) -> _Linear:
        acc: dict[str, int] = {}
        for sign, side in ((1, r.left), (-1, r.right)):
            for path in side:
                for p, c in self.terms(path):
                    acc[p] = acc.get(p, 0) + sign * c
        constant = r.offset
        if r.relation is Relation.AT_MOST:
            acc = {p: -c for p, c in acc.items()}
            constant = -constant
        terms = tuple((p, c) for p, c in acc.items() if c)
        return _Linear(terms, constant, r.relation is Relation.EQUAL, r.code)

    def complete(self, values: Mapping[str, int]) -> dict[str, int]:
        """Every count cell of the table: the free ones given, the defined ones computed."""
        out = {p: values[p] for p in self.free}
        for path, terms in self.definitions.items():
            out[path] = sum(c * values[p] for p, c in terms)
        return out


def _own_table(inst: Instance) -> str:
    return (inst.left + inst.right)[0].table


def _reaches(parts: Mapping[str, tuple[str, ...]], start: Iterable[str], target: str) -> bool:
    """Whether ``target`` is among ``start`` or the parts they are defined by."""
    todo, seen = list(start), set()
    while todo:
        path = todo.pop()
        if path == target:
            return True
        if path not in seen:
            seen.add(path)
            todo.extend(parts.get(path, ()))
    return False


_MODELS: dict[tuple[type[StatisticsBase], str, frozenset[str]], _Model] = {}


def _model(
    stats_cls: type[StatisticsBase], table: str, relaxed: frozenset[str] = frozenset()
) -> _Model:
    """The model of one table, read from the identities the checks expand (cached)."""
    key = (stats_cls, table, relaxed)
    known = _MODELS.get(key)
    if known is None:
        known = _MODELS[key] = _make_model(stats_cls, table, relaxed)
    return known


def _make_model(stats_cls: type[StatisticsBase], table: str, relaxed: frozenset[str]) -> _Model:
    cells = tuple(
        e for e in stats_cls.catalogue() if e.table == table and e.kind is not CellKind.MONEY
    )
    own = [i for i in instances(stats_cls) if _own_table(i) == table]
    parts: dict[str, tuple[str, ...]] = {}
    defined_by: dict[str, str] = {}
    defining: set[int] = set()
    for k, inst in enumerate(own):
        if (
            inst.rule.code in relaxed
            or inst.relation is not Relation.EQUAL
            or len(inst.left) != 1
            or not inst.right
        ):
            continue
        total, summands = inst.left[0].path, tuple(e.path for e in inst.right)
        if total in parts or _reaches(parts, summands, total):
            continue
        parts[total] = summands
        defined_by[total] = inst.rule.code
        defining.add(k)

    expanded: dict[str, Terms] = {}

    def expand(path: str) -> Terms:
        if path not in parts:
            return ((path, 1),)
        if path not in expanded:
            acc: dict[str, int] = {}
            for part in parts[path]:
                for p, c in expand(part):
                    acc[p] = acc.get(p, 0) + c
            expanded[path] = tuple(acc.items())
        return expanded[path]

    definitions = {e.path: expand(e.path) for e in cells if e.path in parts}
    free = tuple(e.path for e in cells if e.path not in parts)
    model = _Model(
        stats_cls=stats_cls,
        table=table,
        relaxed=relaxed,
        cells=cells,
        free=free,
        signed=frozenset(e.path for e in cells if e.kind is CellKind.CHANGE),
        definitions=definitions,
        defined_by=defined_by,
        constraints=(),
        touching={},
    )
    constraints = []
    for k, inst in enumerate(own):
        if k in defining or inst.rule.code in relaxed:
            continue
        lin = model.linear(
            _Relation(
                tuple(e.path for e in inst.left),
                inst.relation,
                tuple(e.path for e in inst.right),
                code=inst.rule.code,
            )
        )
        if not _always(lin, model.signed):
            constraints.append(lin)
    return attrs.evolve(model, constraints=tuple(constraints), touching=_touching(constraints))


def _always(lin: _Linear, signed: frozenset[str]) -> bool:
    """Whether a constraint holds whatever the counts: it is implied by the sums (no terms
    left) or adds up counts, which are never negative, to at least 0."""
    if not lin.terms:
        return lin.holds({})
    return (
        not lin.equal and lin.constant >= 0 and all(c > 0 and p not in signed for p, c in lin.terms)
    )


def _touching(constraints: Sequence[_Linear], start: int = 0) -> dict[str, tuple[int, ...]]:
    acc: dict[str, list[int]] = {}
    for i, con in enumerate(constraints, start):
        for path, _ in con.terms:
            acc.setdefault(path, []).append(i)
    return {p: tuple(ix) for p, ix in acc.items()}


class _System:
    """A model's constraints plus extra ones (a corruption, last year's figures)."""

    def __init__(self, model: _Model, extra: Sequence[_Linear] = ()) -> None:
        self.model = model
        self.constraints = (*model.constraints, *extra)
        if extra:
            touching = {p: list(ix) for p, ix in model.touching.items()}
            for p, ix in _touching(extra, len(model.constraints)).items():
                touching.setdefault(p, []).extend(ix)
            self.touching: Mapping[str, Sequence[int]] = touching
        else:
            self.touching = model.touching

    def moves(
        self, con: _Linear, values: Mapping[str, int], frozen: frozenset[str]
    ) -> list[tuple[str, int]]:
        """The changes of one free cell that make ``con`` hold: counts only go up."""
        need = -con.value(values)
        out = []
        for path, c in con.terms:
            if path in frozen:
                continue
            if con.equal:
                if need % c:
                    continue
                delta = need // c
            else:
                delta = -(-need // c) if c > 0 else need // c
            if delta < 0 and path not in self.model.signed:
                continue
            out.append((path, delta))
        return out

    def settle(
        self,
        values: dict[str, int],
        pending: Iterable[int],
        *,
        frozen: frozenset[str],
        choose: Callable[[int], int],
    ) -> tuple[bool, Counter[str]]:
        """Change free cells until every constraint holds (in place).

        The first broken constraint is mended by the change, among those that mend it, that
        breaks the fewest others; ``choose`` picks among equally good ones. Returns whether
        it got there, and the codes of the constraints it mended on the way.
        """
        cons = self.constraints
        todo = set(pending)
        mended: Counter[str] = Counter()
        steps = 40 + 4 * len(cons)
        while True:
            broken = sorted(i for i in todo if not cons[i].holds(values))
            if not broken:
                return True, mended
            if steps == 0:
                return False, mended
            steps -= 1
            todo = set(broken)
            con = cons[broken[0]]
            moves = self.moves(con, values, frozen)
            if not moves:
                return False, mended
            scores = []
            for path, delta in moves:
                values[path] += delta
                scores.append(sum(not cons[j].holds(values) for j in set(self.touching[path])))
                values[path] -= delta
            best = min(scores)
            options = [m for m, s in zip(moves, scores, strict=True) if s == best]
            path, delta = options[choose(len(options))]
            values[path] += delta
            mended[con.code] += 1
            todo.update(self.touching[path])


def _first(n: int) -> int:
    return 0


#: One event: a free cell and the amount added to it (negative only for a signed change).
Event = tuple[str, int]


@frozen
class _Wants:
    """What a consistent table must satisfy besides its identities."""

    #: Free cells with a value of their own (last year's figures), never changed by events.
    fixed: Mapping[str, int] = field(factory=dict)
    relations: tuple[_Relation, ...] = ()

    def __add__(self, other: _Wants) -> _Wants:
        return _Wants(
            fixed={**self.fixed, **other.fixed}, relations=self.relations + other.relations
        )

    def on(self, table: str) -> _Wants:
        """The wants about one table."""

        def mine(path: str) -> bool:
            return path.split(".", 1)[0] == table if "." in path else table == "indicators"

        return _Wants(
            fixed={p: v for p, v in self.fixed.items() if mine(p)},
            relations=tuple(r for r in self.relations if mine((r.left + r.right)[0])),
        )


_NO_WANTS = _Wants()


def _fill(
    model: _Model,
    events: Iterable[Event],
    wants: _Wants,
    choose: Callable[[int], int] = _first,
) -> dict[str, int]:
    """The count cells of a consistent table, from its events.

    ``choose(n)`` picks one of ``n`` equally good ways to settle an event (hypothesis draws
    it, so a tie costs a draw only where there is one).
    """
    unknown = set(wants.fixed) - set(model.free)
    if unknown:
        msg = f"cannot fix cells that are not free in {model.table}: {sorted(unknown)}"
        raise ValueError(msg)
    values = dict.fromkeys(model.free, 0)
    values.update(wants.fixed)
    frozen = frozenset(wants.fixed)
    system = _System(model, [model.linear(r) for r in wants.relations])
    ok, _ = system.settle(values, range(len(system.constraints)), frozen=frozen, choose=_first)
    if not ok:
        msg = f"the wanted values of {model.table} cannot be made consistent: {wants}"
        raise ValueError(msg)
    for path, amount in events:
        if path in frozen or not amount:
            continue
        saved = values.copy()
        values[path] += amount
        ok, _ = system.settle(
            values, system.touching.get(path, ()), frozen=frozen | {path}, choose=choose
        )
        if not ok:  # only where fixed cells leave no way to settle it: skip the event
            values = saved
    return model.complete(values)


# =============================================================================================
# Cells, tables and statistics
# =============================================================================================


_STRATEGIES: dict[tuple[object, ...], st.SearchStrategy[Any]] = {}


def _memo(
    key: tuple[object, ...], make: Callable[[], st.SearchStrategy[T]]
) -> st.SearchStrategy[T]:
    """The strategy made for ``key`` the first time: a strategy made anew on every draw
    would be validated anew on every draw, which costs more than the draw."""
    known = _STRATEGIES.get(key)
    if known is None:
        known = _STRATEGIES[key] = make()
    return known


#: The largest amount of one event, by size: mostly a few (listed thrice, so three in five
#: events are small), sometimes hundreds, now and then a city's worth.
_SIZES = (9, 9, 9, 999, 200_000)


def _event(key: tuple[str, int, bool], raw: int) -> Event:
    path, size, down = key
    amount = raw % (_SIZES[size] + 1)
    return path, -amount if down else amount


def _events(model: _Model, fixed: frozenset[str]) -> st.SearchStrategy[list[Event]]:
    """Events of a table: which cell, how large, which way (one pick), and the amount.

    Shrinks towards fewer events, the first cell, a small amount going up, and 0.
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
        return st.lists(event, max_size=_MAX_EVENTS.get(model.table, 20))

    return _memo(("events", model.stats_cls, model.table, fixed), make)


def _drawn_choice(draw: st.DrawFn) -> Callable[[int], int]:
    return lambda n: draw(st.integers(0, n - 1))


#: How many events a table is built from, at most.
_MAX_EVENTS = {"applications": 30, "active": 12, "reviews": 8, "indicators": 40}


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


@functools.cache
def _combinable(stats_cls: type[StatisticsBase]) -> list[tuple[str, ...]]:
    """Groups of legacy cells a report may state only together: the sides of its sums."""
    groups = []
    for inst in instances(stats_cls):
        for side in (inst.left, inst.right):
            counts = [e for e in side if e.kind is CellKind.COUNT]
            if len(counts) >= 2 and len({e.unit for e in counts}) == 1:
                groups.append(tuple(e.path for e in counts))
    return sorted(set(groups))


def _combined(
    draw: st.DrawFn, flat: dict[str, Any]
) -> tuple[dict[str, Any], tuple[CombinedFigure, ...]]:
    """Cells of a legacy table replaced by a figure the report states for them together."""
    figures: list[CombinedFigure] = []
    used: set[str] = set()
    for _ in range(draw(st.integers(0, 2))):
        group = _pick(draw, _combinable(LegacyStatistics))
        picked = [p for p in group if draw(st.booleans())]
        stated = [flat[p] for p in picked]
        if len(picked) < 2 or used & set(picked) or any(v is None for v in stated):
            continue
        used |= set(picked)
        figures.append(CombinedFigure(cells=tuple(picked), value=sum(stated)))
        flat = {**flat, **dict.fromkeys(picked)}
    return flat, tuple(figures)


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


@st.composite
def _drawn(draw: st.DrawFn, build: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """A strategy of what ``build(draw, *args, **kwargs)`` gives.

    The builders are plain functions of ``draw`` rather than composite strategies: a
    strategy made anew for every draw is validated anew for every draw, which costs more
    than the draw itself. Each public factory makes one of these, once.
    """
    return build(draw, *args, **kwargs)


def _format(value: Format | None) -> ReportFormat | None:
    """The format a knob names (``None`` stays ``None``), checked when the strategy is made."""
    return None if value is None else _table_format(value, tuple(ReportFormat))


def _table_format(value: Format, allowed: tuple[ReportFormat, ...] = ()) -> ReportFormat:
    """The format a knob names, one of ``allowed`` (the formats that have the table)."""
    try:
        fmt = ReportFormat(value)
    except ValueError:
        msg = f"format={value!r} is not one of {[f.value for f in ReportFormat]}"
        raise InvalidArgument(msg) from None
    if fmt not in allowed:
        msg = f"format={fmt.value!r} has no such table; use one of {[f.value for f in allowed]}"
        raise InvalidArgument(msg)
    return fmt


_NEW = (ReportFormat.GOV_2021, ReportFormat.GOV_2019)


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
    over equals results plus carried forward (the form's 勾稽关系). Most cells are small,
    a few are in the thousands or more. ``with_blanks=True`` leaves some cells and rows
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


# =============================================================================================
# Scalars: money, organs
# =============================================================================================


def amounts(
    *, units: Iterable[MoneyUnit | None] | None = None, max_decimals: int = 4
) -> st.SearchStrategy[Amount]:
    """Sums of money as a report states them: a non-negative Decimal with up to
    ``max_decimals`` decimals, in one of ``units`` (元, 万元 or not stated, by default).

    Mostly small, now and then tens of millions. Shrinks towards ``0`` in the first unit.
    """
    unit_list = tuple(units) if units is not None else (MoneyUnit.WAN_YUAN, MoneyUnit.YUAN, None)
    if not unit_list:
        msg = "units must name at least one unit (or None for 'not stated')"
        raise InvalidArgument(msg)
    if max_decimals < 0:
        msg = f"max_decimals={max_decimals} must be 0 or more"
        raise InvalidArgument(msg)
    return _amounts(unit_list, max_decimals)


def _amounts(units: tuple[MoneyUnit | None, ...], max_decimals: int) -> st.SearchStrategy[Amount]:
    def make() -> st.SearchStrategy[Amount]:
        return st.builds(
            lambda n, d, unit: Amount(value=Decimal(n).scaleb(-d), unit=unit),
            st.one_of(st.integers(0, 9_999), st.integers(0, 10**12)),
            st.integers(0, max_decimals),
            st.sampled_from(units),
        )

    return _memo(("amounts", units, max_decimals), make)


_ORGAN_NAMES: dict[OrganLevel, tuple[str, ...]] = {
    OrganLevel.STATE_COUNCIL_DEPARTMENT: ("某部", "交通运输部", "国家统计局"),
    OrganLevel.PROVINCE: ("某省人民政府", "云南省人民政府", "江苏省人民政府"),
    OrganLevel.CITY: ("某市人民政府", "保山市人民政府", "淮安市人民政府"),
    OrganLevel.COUNTY: ("某县人民政府", "会昌县人民政府", "上海市宝山区人民政府"),
    OrganLevel.TOWNSHIP: ("某镇人民政府", "会昌县中村乡人民政府", "沅陵县二酉苗族乡人民政府"),
    OrganLevel.PROVINCIAL_DEPARTMENT: ("某省某厅", "江苏省交通运输厅", "云南省生态环境厅"),
    OrganLevel.CITY_DEPARTMENT: ("某市某局", "淮安市教育局", "保山市人民政府办公室"),
    OrganLevel.COUNTY_DEPARTMENT: ("某县某局", "会昌县卫生健康委员会", "沅陵县财政局"),
    OrganLevel.OTHER: ("某开发区管理委员会", "淮安经济技术开发区管理委员会"),
}

#: How many digits of a division code the level fixes (province 2, city 4, county 6,
#: township 9); the rest are zeros. Other organs take their city's or county's code.
_DIVISION_DIGITS = {
    OrganLevel.PROVINCE: 2,
    OrganLevel.CITY: 4,
    OrganLevel.PROVINCIAL_DEPARTMENT: 2,
    OrganLevel.CITY_DEPARTMENT: 4,
    OrganLevel.TOWNSHIP: 9,
}


def _division_code(province: int, rest: int, digits: int) -> str:
    code = f"{province}{rest:07d}"[:digits]
    return code.ljust(6, "0") if digits < 9 else code


def _organ(level: OrganLevel, name: str, division_code: str | None) -> Organ:
    return Organ(name=name, level=level, division_code=division_code)


def organs(*, levels: Iterable[OrganLevel] | None = None) -> st.SearchStrategy[Organ]:
    """Administrative organs of the given ``levels`` (every level by default), with a
    plausible Chinese name for the level and, sometimes, a division code of the right length.

    Shrinks towards "某部" (a State Council department) without a division code.
    """
    level_list = tuple(levels) if levels is not None else tuple(OrganLevel)
    if not level_list:
        msg = "levels must name at least one OrganLevel"
        raise InvalidArgument(msg)
    return _memo(("organs", level_list), lambda: st.sampled_from(level_list).flatmap(_of_level))


def _of_level(level: OrganLevel) -> st.SearchStrategy[Organ]:
    def make() -> st.SearchStrategy[Organ]:
        digits = _DIVISION_DIGITS.get(level, 6)
        codes = st.builds(
            _division_code, st.integers(11, 65), st.integers(0, 10**7 - 1), st.just(digits)
        )
        return st.builds(
            _organ, st.just(level), st.sampled_from(_ORGAN_NAMES[level]), st.none() | codes
        )

    return _memo(("organ", level), make)


# =============================================================================================
# Reports
# =============================================================================================

#: The report years each format is right for (the 2021 format until a few years on).
_YEARS = {
    ReportFormat.LEGACY: (2014, 2018),
    ReportFormat.GOV_2019: (2019, 2020),
    ReportFormat.GOV_2021: (2021, 2025),
}

#: Texts of the six sections, shortest first. Section 六 always says a word on the
#: information-processing fee, so unpaid-fee outcomes never leave R-21-04 to fire.
_SECTION_TEXTS = (
    ("", "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。"),
    ("", "全年主动公开政府信息，政策文件均在政府网站公开。"),
    ("", "全年收到和处理政府信息公开申请情况见下表。"),
    ("", "全年政府信息公开行政复议、行政诉讼情况见下表。"),
    ("", "政务公开工作与群众期待还有差距，下一步将加强培训。"),
    (
        "信息处理费按《政府信息公开信息处理费管理办法》执行。",
        "本年度未收取信息处理费。本机关无其他需要报告的事项。",
    ),
)

_LEGACY_TITLES = (
    "一、概述",
    "二、主动公开政府信息情况",
    "三、依申请公开政府信息情况",
    "四、政府信息公开的收费及减免情况",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "六、存在的主要问题和改进措施",
)


def _sections(draw: st.DrawFn, fmt: ReportFormat) -> tuple[Section, ...]:
    """The six sections of the 2019 and 2021 formats; up to six of a legacy report."""
    if fmt is ReportFormat.LEGACY:
        n = draw(st.integers(0, len(_LEGACY_TITLES)))
        return tuple(Section(title=t, text="") for t in _LEGACY_TITLES[:n])
    longer = draw(st.integers(0, 2 ** len(SECTIONS) - 1))  # which sections say more
    return tuple(
        Section(title=heading, text=texts[longer >> i & 1])
        for i, ((heading, _), texts) in enumerate(zip(SECTIONS, _SECTION_TEXTS, strict=True))
    )


def _no_rule_making(organ: Organ, fmt: ReportFormat) -> _Wants:
    """An organ without rule-making power states no 规章 at all."""
    if fmt is ReportFormat.LEGACY or organ.level not in NO_RULE_MAKING:
        return _NO_WANTS
    model = _model(statistics_class(fmt), "active")
    return _Wants(fixed=dict.fromkeys(_row_cells(model, "active.regulations"), 0))


def _row_cells(model: _Model, row: str) -> list[str]:
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
        year = draw(st.integers(*_YEARS[fmt]), label="year")
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


def _arbitrary_text() -> st.SearchStrategy[str]:
    return _memo(("text",), lambda: st.text(st.characters(codec="utf-8"), max_size=12))


def _nonblank() -> st.SearchStrategy[str]:
    return _memo(("nonblank",), lambda: _arbitrary_text().filter(lambda t: t.strip() != ""))


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


# =============================================================================================
# Claims: figures and percentages stated in the text
# =============================================================================================

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+\.)+"
)


def _words(label: str) -> str:
    """A label as prose writes it: without its numbering ("（一）收到申请数" → "收到申请数")."""
    return _NUMBERING.sub("", label).split("（")[0] or label


def _cell_words(entry: Entry) -> str:
    row = _words(entry.row_label.zh)
    if entry.column in ("value", "total"):
        return row
    return f"{row}（{_words(entry.column_label.zh)}）"


def _unit(entries: Sequence[Entry]) -> str:
    unit = entries[0].unit
    return unit.value if unit is not None else ""


def _exact(x: Fraction, places: int, *, truncate: bool = False) -> Decimal:
    """``x`` written with ``places`` decimals, rounded half up (or truncated), exactly."""
    scaled = x * 10**places
    return Decimal(math.floor(scaled if truncate else scaled + Fraction(1, 2))).scaleb(-places)


_PAIRS: dict[type[StatisticsBase], tuple[tuple[Entry, Entry], ...]] = {}


def _share_pairs(stats_cls: type[StatisticsBase]) -> tuple[tuple[Entry, Entry], ...]:
    """(part, whole) pairs the declarations state: each summand of a declared sum, and it."""
    known = _PAIRS.get(stats_cls)
    if known is None:
        pairs = [
            (part, inst.left[0])
            for inst in instances(stats_cls)
            if inst.relation is Relation.EQUAL and len(inst.left) == 1
            for part in inst.right
        ]
        known = _PAIRS[stats_cls] = tuple(dict.fromkeys(pairs))
    return known


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``, shrinking towards the first (cheaper than a new ``sampled_from``
    for every draw from a list that changes with the report)."""
    return options[draw(st.integers(0, len(options) - 1))]


def _stated_count(stats: Statistics, entries: Sequence[Entry]) -> int | None:
    values = [stats.cell(e.path) for e in entries]
    if any(not isinstance(v, int) for v in values):
        return None
    return sum(cast(list[int], values))


_COUNTED: dict[type[StatisticsBase], tuple[Entry, ...]] = {}


def _counted(stats_cls: type[StatisticsBase]) -> tuple[Entry, ...]:
    """The cells of a format that hold counts or stocks (what a stated figure can be)."""
    known = _COUNTED.get(stats_cls)
    if known is None:
        counted = (CellKind.COUNT, CellKind.STOCK)
        known = _COUNTED[stats_cls] = tuple(e for e in stats_cls.catalogue() if e.kind in counted)
    return known


def _figure_about_cells(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim:
    """A figure true of one cell or a sum of cells: exact, in 万, or "余"/"以上"."""
    counts = _counted(type(stats))
    first = _pick(draw, counts)
    entries = [first]
    if draw(st.booleans()):  # the sum of two cells counted in the same unit
        second = _pick(draw, counts)
        if second.unit == first.unit and second != first:
            entries.append(second)
    unit = _unit(entries)
    words = "、".join(_cell_words(e) for e in entries)
    words = words if len(entries) == 1 else f"{words}合计"
    total = _stated_count(stats, entries)
    about = CellSum(paths=tuple(e.path for e in entries))
    scale, approximation = 1, Approximation.EXACT
    if total is None:  # a blank cell: whatever is stated, the claim is not assessable
        value = Decimal(draw(st.integers(0, 999)))
        text = f"{words}{value}{unit}"
    else:
        style = draw(st.integers(0, 2))
        value, text = Decimal(total), f"{words}{total}{unit}"
        if style == 1 and total >= 10_000:
            value = _exact(Fraction(total, 10_000), draw(st.integers(0, 2)))
            scale, text = 10_000, f"{words}{value}万{unit}"
        elif style == 2 and total >= 10:
            magnitude = 10 ** (len(str(total)) - 1)
            value = Decimal(total // magnitude * magnitude)
            if value < total:
                approximation, text = Approximation.MORE_THAN, f"{words}{value}余{unit}"
            else:
                approximation, text = Approximation.AT_LEAST, f"{words}{value}{unit}以上"
    return Claim(
        id=claim_id,
        text=text,
        kind=ClaimKind.FIGURE,
        value=value,
        unit=unit or None,
        scale=scale,
        approximation=approximation,
        section=section,
        about=about,
    )


def _money_figure(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim | None:
    """A sum of money as stated in the table (``None`` if none is stated)."""
    money = [(e, v) for e, v in stats.cells() if isinstance(v, Amount)]
    if not money:
        return None
    entry, amount = _pick(draw, money)
    unit = amount.unit.value if amount.unit is not None else None
    return Claim(
        id=claim_id,
        text=f"{_words(entry.row_label.zh)}{amount.value}{unit or ''}",
        kind=ClaimKind.FIGURE,
        value=amount.value,
        unit=unit,
        section=section,
        about=CellSum(paths=(entry.path,)),
    )


def _share_of_cells(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim:
    """A percentage of a part of a declared sum, rounded half up; or of a whole alone."""
    part, whole = _pick(draw, _share_pairs(type(stats)))
    places = draw(st.integers(0, 2))
    n, d = _stated_count(stats, [part]), _stated_count(stats, [whole])
    known_part = not draw(st.booleans())
    if not d or (known_part and n is None):
        value = Decimal(draw(st.integers(0, 100)))  # not assessable, whatever it says
    elif known_part:
        value = _exact(Fraction(100 * cast(int, n), d), places)
    else:  # "x%属于…": some whole number of the whole, not said which
        value = _exact(Fraction(100 * draw(st.integers(0, d)), d), places)
    if known_part:
        text = f"{_cell_words(whole)}中{_cell_words(part)}占{value}%"
        about = Share(
            numerator=CellSum(paths=(part.path,)), denominator=CellSum(paths=(whole.path,))
        )
    else:
        text = f"{_cell_words(whole)}中有{value}%属于此类"
        about = Share(numerator=None, denominator=CellSum(paths=(whole.path,)))
    return Claim(
        id=claim_id, text=text, kind=ClaimKind.PERCENT, value=value, section=section, about=about
    )


def _fact(claim_id: str, text: str, value: Decimal, unit: str | None, **more: Any) -> Claim:
    return Claim(id=claim_id, text=text, kind=ClaimKind.FIGURE, value=value, unit=unit, **more)


def _free_fact(draw: st.DrawFn, claim_id: str, section: int | None) -> Claim:
    """A figure the tables do not hold ("网站访问量达9.9万余次"): a fact, checked by nothing."""
    value = _exact(Fraction(draw(st.integers(1, 99_999)), 10), 1)
    return _fact(
        claim_id,
        f"网站访问量达{value}万余次",
        value,
        "次",
        scale=10_000,
        approximation=Approximation.MORE_THAN,
        section=section,
    )


def _true_claim(draw: st.DrawFn, stats: Statistics, claim_id: str, n_sections: int) -> Claim:
    """One claim true of ``stats``: a figure, a percentage, an amount of money or a fact."""
    section = None
    if n_sections and draw(st.booleans()):
        section = draw(st.integers(0, n_sections - 1))
    kind = draw(st.integers(0, 3))
    if kind == 1:
        return _share_of_cells(draw, stats, claim_id, section)
    if kind == 2:
        claim = _money_figure(draw, stats, claim_id, section)
        if claim is not None:
            return claim
    if kind == 3:
        return _free_fact(draw, claim_id, section)
    return _figure_about_cells(draw, stats, claim_id, section)


def _true_claims(draw: st.DrawFn, report: Report) -> tuple[Claim, ...]:
    """Up to five claims true of the report, some about the figures of others."""
    n = draw(st.integers(0, 4))
    found = [
        _true_claim(draw, report.statistics, f"c{i + 1}", len(report.sections)) for i in range(n)
    ]
    figures = [c for c in found if c.kind is ClaimKind.FIGURE and c.about is not None]
    if len(figures) >= 2 and draw(st.booleans()):
        a = _pick(draw, figures)
        b = _pick(draw, [c for c in figures if c is not a])
        if not draw(st.booleans()):
            total = a.magnitude + b.magnitude
            ids = ClaimSum(ids=(a.id, b.id))
            found.append(_fact(f"c{n + 1}", f"二者合计{total}", total, a.unit, about=ids))
        elif b.magnitude > 0:
            value = _exact(Fraction(a.magnitude) * 100 / Fraction(b.magnitude), 1)
            found.append(
                Claim(
                    id=f"c{n + 1}",
                    text=f"前者相当于后者的{value}%",
                    kind=ClaimKind.PERCENT,
                    value=value,
                    about=Share(numerator=ClaimSum(ids=(a.id,)), denominator=ClaimSum(ids=(b.id,))),
                )
            )
    return tuple(found)


def _claim_ids() -> st.SearchStrategy[str]:
    """Claim ids: a lower-case letter, then up to ten letters, digits or hyphens."""
    return _memo(
        ("claim ids",),
        lambda: st.builds(
            str.__add__,
            st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
            st.text("abcdefghijklmnopqrstuvwxyz0123456789-", max_size=10),
        ),
    )


def _arbitrary_claim(
    draw: st.DrawFn,
    fmt: ReportFormat | None,
    n_sections: int,
    earlier: Sequence[str],
    claim_id: str | None = None,
) -> Claim:
    """A claim with any value; its subject names real cells of ``fmt`` and ``earlier`` ids."""
    fmt = fmt if fmt is not None else _pick(draw, list(ReportFormat))
    paths = [e.path for e in statistics_class(fmt).catalogue()]

    def operand() -> CellSum | ClaimSum:
        if len(earlier) > 0 and draw(st.booleans()):
            return ClaimSum(ids=tuple(_pick(draw, earlier) for _ in range(draw(st.integers(1, 2)))))
        return CellSum(paths=tuple(_pick(draw, paths) for _ in range(draw(st.integers(1, 3)))))

    kind = _pick(draw, list(ClaimKind))
    about: CellSum | ClaimSum | Share | None = None
    scale = 1
    if kind is ClaimKind.PERCENT:
        if draw(st.booleans()):
            numerator = operand() if draw(st.booleans()) else None
            about = Share(numerator=numerator, denominator=operand())
    else:
        if draw(st.booleans()):
            about = operand()
        scale = _pick(draw, [1, 10_000, 100_000_000])
    digits = draw(st.integers(0, 10**6) if draw(st.booleans()) else st.integers(0, 10**15))
    if claim_id is None:
        claim_id = draw(_claim_ids())
    section = None
    if n_sections and draw(st.booleans()):
        section = draw(st.integers(0, n_sections - 1))
    return Claim(
        id=claim_id,
        text=_pick(draw, ["全年共受理申请129件", "其中当面申请30件", "占23.2%", "约"]),
        kind=kind,
        value=Decimal(digits).scaleb(-draw(st.integers(0, 3))),
        unit=_pick(draw, [None, "件", "条", "万元"]),
        scale=scale,
        approximation=_pick(draw, list(Approximation)),
        section=section,
        about=about,
    )


def claims(
    *,
    format: ReportFormat | str | None = None,
    statistics: Statistics | None = None,
    sections: int = 0,
) -> st.SearchStrategy[Claim]:
    """Figures and percentages as a report's text states them.

    Given ``statistics``, each claim is true of them, so it gives no finding: a figure about
    a cell or a sum of cells (exact, rounded half up in 万 as in "3.12万件", or a round
    figure with "余"/"以上"), a sum of money as stated, the percentage of a part of a
    declared sum rounded half up (with or without saying how many the part is), or a figure
    the tables do not hold. Otherwise, claims with any value about real cells of ``format``
    (any format when ``None``), or about nothing. ``sections`` is how many sections the
    report has: claims name one of them, or none. Each claim has one id; a report needs
    them unique (``st.lists(claims(...), unique_by=lambda c: c.id)``).

    Shrinks towards a figure about a single cell, or about nothing.
    """
    fmt = _format(format)
    if sections < 0:
        msg = f"sections={sections} must be 0 or more"
        raise InvalidArgument(msg)
    if statistics is not None:
        if fmt is not None and statistics.FORMAT is not fmt:
            msg = f"statistics are {statistics.FORMAT.value}, but format={fmt.value!r}"
            raise InvalidArgument(msg)
        ids = _claim_ids()
        return _drawn(lambda draw: _true_claim(draw, statistics, draw(ids), sections))
    return _drawn(_arbitrary_claim, fmt, sections, ())


Rounding = Literal["half-up", "truncated", "wrong"]
About = Literal["cells", "claims"]


@frozen(kw_only=True)
class StatedPercentage:
    """A report whose last claim states a percentage, and what checking it must give.

    ``code`` is the finding :func:`dm.check <disclosure_model.checks.check>` must report for
    that claim (``None``: no finding at all); ``text`` is the sentence the report would carry.
    """

    report: Report
    code: str | None
    text: str

    @property
    def claim(self) -> Claim:
        """The claim stating the percentage."""
        return self.report.claims[-1]

    @property
    def path(self) -> str:
        """Where a finding about the percentage points (``$.claims[i]``)."""
        return f"$.claims[{len(self.report.claims) - 1}]"


def _stated(x: Fraction, places: int, rounding: Rounding, wrong_by: int) -> tuple[Decimal, str]:
    """The percentage ``x`` stated with ``places`` decimals, and how checking it ends."""
    step = Decimal(1).scaleb(-places)
    rounded = _exact(x, places)
    if rounding == "half-up":
        return rounded, "none"
    if rounding == "truncated":
        truncated = _exact(x, places, truncate=True)
        return truncated, ("none" if truncated == rounded else "truncated")
    # One step up leaves both intervals; downwards one step may still be a truncation.
    if wrong_by < 0 and rounded + (wrong_by - 1) * step >= 0:
        return rounded + (wrong_by - 1) * step, "wrong"
    return rounded + abs(wrong_by) * step, "wrong"


def _stated_percentage(
    draw: st.DrawFn, fmt: ReportFormat, about: About, rounding: Rounding
) -> StatedPercentage:
    part, whole = _pick(draw, _share_pairs(statistics_class(fmt)))
    wants = _Wants(relations=(_Relation((whole.path,), Relation.AT_LEAST, (), offset=-1),))
    report = _consistent_report(draw, fmt, wants=wants)
    n = cast(int, report.statistics.cell(part.path))
    d = cast(int, report.statistics.cell(whole.path))
    places = draw(st.integers(0, 2), label="decimals")
    wrong_by = draw(st.integers(1, 20), label="wrong by") * (-1 if draw(st.booleans()) else 1)
    value, outcome = _stated(Fraction(100 * n, d), places, rounding, wrong_by)
    unit = _unit([whole])
    whole_words, part_words = _cell_words(whole), _cell_words(part)
    if part.row == whole.row and part.column != whole.column:
        part_words = _words(part.column_label.zh)
    section = 0 if report.sections else None
    text = f"{whole_words}{d}{unit}，其中{part_words}{n}{unit}，占{value}%"
    figures = (
        _fact(
            "whole",
            f"{whole_words}{d}{unit}",
            Decimal(d),
            unit,
            section=section,
            about=CellSum(paths=(whole.path,)),
        ),
        _fact(
            "part",
            f"其中{part_words}{n}{unit}",
            Decimal(n),
            unit,
            section=section,
            about=CellSum(paths=(part.path,)),
        ),
    )
    if about == "cells":
        share = Share(
            numerator=CellSum(paths=(part.path,)), denominator=CellSum(paths=(whole.path,))
        )
        wrong = "R-08"
    else:
        share = Share(numerator=ClaimSum(ids=("part",)), denominator=ClaimSum(ids=("whole",)))
        wrong = "C-01"
    claim = Claim(
        id="share", text=text, kind=ClaimKind.PERCENT, value=value, section=section, about=share
    )
    code = {"none": None, "truncated": "C-02", "wrong": wrong}[outcome]
    return StatedPercentage(
        report=attrs.evolve(report, claims=(*figures, claim)), code=code, text=text
    )


def stated_percentages(
    *,
    format: ReportFormat | str | None = None,
    about: Literal["cells", "claims"] | None = None,
    rounding: Literal["half-up", "truncated", "wrong"] | None = None,
) -> st.SearchStrategy[StatedPercentage]:
    """A consistent report whose text states a part of a declared sum and its percentage,
    as in "本年新收政府信息公开申请129件，其中自然人30件，占23.3%", with the finding the
    percentage must give.

    The figures are claims true of the cells; the percentage is a claim about the cells
    (``about="cells"``) or about the two stated figures (``about="claims"``), stated with
    0 to 2 decimals ``rounding="half-up"`` (no finding), ``"truncated"`` (C-02 where that
    differs from rounding half up, else none) or ``"wrong"`` (R-08 against the cells, C-01
    against the figures). Any of each when ``None``. Shrinks towards a share in the first
    declared sum, rounded half up to a whole percent, about the cells.
    """
    fmt = _format(format)
    formats = [fmt] if fmt is not None else list(ReportFormat)
    if about not in (None, "cells", "claims"):
        msg = f"about={about!r} must be 'cells', 'claims' or None"
        raise InvalidArgument(msg)
    if rounding not in (None, "half-up", "truncated", "wrong"):
        msg = f"rounding={rounding!r} must be 'half-up', 'truncated', 'wrong' or None"
        raise InvalidArgument(msg)
    abouts: list[About] = [about] if about is not None else ["cells", "claims"]
    roundings: list[Rounding] = (
        [rounding] if rounding is not None else ["half-up", "truncated", "wrong"]
    )
    return _drawn(
        lambda draw: _stated_percentage(
            draw, _pick(draw, formats), _pick(draw, abouts), _pick(draw, roundings)
        )
    )


# =============================================================================================
# Reports broken at one place
# =============================================================================================


@frozen(kw_only=True)
class BrokenReport:
    """A report broken so that one rule fails, with the rule and where it must fail.

    ``code`` is the rule :func:`dm.check <disclosure_model.checks.check>` must find failed and
    ``path`` where, as :attr:`Finding.path <disclosure_model.checks.Finding.path>` gives it
    (``$.statistics...``, ``$.claims[2]``, ``$.published``); the rule may fail at more
    places of the same table too. ``previous`` is the report to pass as
    ``check(report, previous=previous)`` for the rules across two years, else ``None``.
    ``also`` names the rules that cannot hold once this one fails, because they imply it
    (a "其中" cell above its whole breaks the sum that defines the whole as well); it is
    empty for most rules.
    """

    report: Report
    code: str
    path: str
    previous: Report | None = None
    also: frozenset[str] = frozenset()


def _violated(inst: Instance, delta: int) -> _Relation:
    """The relation of an identity broken by ``delta`` (just past the bound for ``≤``, ``≥``)."""
    left = tuple(e.path for e in inst.left)
    right = tuple(e.path for e in inst.right)
    code = inst.rule.code
    if inst.relation is Relation.EQUAL:
        return _Relation(left, Relation.EQUAL, right, offset=-delta, code=code)
    if inst.relation is Relation.AT_MOST:
        return _Relation(left, Relation.AT_LEAST, right, offset=-abs(delta), code=code)
    return _Relation(left, Relation.AT_MOST, right, offset=abs(delta), code=code)


def _with_counts(report: Report, model: _Model, values: Mapping[str, int]) -> Report:
    """``report`` with the count cells of one table set from the model's free cells."""
    stats = report.statistics
    changes = {p: v for p, v in model.complete(values).items() if stats.cell(p) != v}
    return attrs.evolve(report, statistics=_replace_cells(stats, changes))


def _adjusted(report: Report, table: str, deltas: Mapping[str, int]) -> Report:
    """``report`` with amounts added to free cells of one table, and its sums kept."""
    stats = report.statistics
    model = _model(type(stats), table)
    values = {p: cast(int, stats.cell(p)) for p in model.free}
    for path, delta in deltas.items():
        values[path] += delta
    return _with_counts(report, model, values)


def _may_make_rules(report: Report) -> Report:
    """A report stating 规章 made by an organ that can make them (else R-21-05 would fire)."""
    stats = report.statistics
    if isinstance(stats, LegacyStatistics) or report.organ.level not in NO_RULE_MAKING:
        return report
    stated = [stats.cell(e.path) for e in stats.catalogue() if e.row == "regulations"]
    if not any(isinstance(v, int) and v > 0 for v in stated):
        return report
    return attrs.evolve(report, organ=Organ(name="某市人民政府", level=OrganLevel.CITY))


def _break_identity(report: Report, inst: Instance, *, up: bool, size: int) -> BrokenReport:
    """Break one identity at one place by ``size`` (up or down, for an equality), then
    settle every other rule again; deterministic.

    Where the identity follows from others (a part above its whole needs the whole's sum
    broken too), those are let go one at a time, and named in ``also``.
    """
    stats = report.statistics
    code = inst.rule.code
    path = f"$.statistics.{(inst.left or inst.right)[0].path}"
    cells = [e.path for e in (*inst.left, *inst.right)]
    signs = (1,) if inst.relation is not Relation.EQUAL else ((1, -1) if up else (-1, 1))
    relaxed = {code}
    while True:
        model = _model(type(stats), _own_table(inst), frozenset(relaxed))
        start = {p: cast(int, stats.cell(p)) for p in model.free}
        mended: Counter[str] = Counter()
        possible = False
        for sign in signs:
            target = model.linear(_violated(inst, sign * size))
            system = _System(model, [target])
            if not system.moves(target, start, frozenset()):
                continue
            possible = True
            values = dict(start)
            ok, counts = system.settle(
                values, [len(system.constraints) - 1], frozen=frozenset(), choose=_first
            )
            if ok:
                broken = _may_make_rules(_with_counts(report, model, values))
                return BrokenReport(
                    report=broken, code=code, path=path, also=frozenset(relaxed - {code})
                )
            mended += counts
        if not possible:  # the sums that define its cells imply it: one breaks with it
            more = [model.defined_by[p] for p in cells if p in model.defined_by]
            enough = [c for c in more if _breakable(inst, stats, relaxed | {c}, signs, size)]
            more = enough or more
        else:  # it implies a rule that the settling kept mending: that one breaks with it
            more = [c for c, _ in mended.most_common() if c and c not in relaxed]
        if not more:
            msg = f"cannot break {code} at {path} in {type(stats).__name__}"
            raise RuntimeError(msg)
        relaxed.add(more[0])


def _breakable(
    inst: Instance, stats: Statistics, relaxed: set[str], signs: Sequence[int], size: int
) -> bool:
    """Whether some free cell can move towards breaking ``inst`` once ``relaxed`` may fail."""
    model = _model(type(stats), _own_table(inst), frozenset(relaxed))
    start = {p: cast(int, stats.cell(p)) for p in model.free}
    for sign in signs:
        target = model.linear(_violated(inst, sign * size))
        if _System(model, [target]).moves(target, start, frozenset()):
            return True
    return False


def _identity_codes(fmt: ReportFormat) -> frozenset[str]:
    return frozenset(i.rule.code for i in instances(statistics_class(fmt)))


def _broken_identity(draw: st.DrawFn, fmt: ReportFormat, code: str) -> BrokenReport:
    places = [i for i in instances(statistics_class(fmt)) if i.rule.code == code]
    inst = _pick(draw, places)
    report = _consistent_report(draw, fmt)
    down = draw(st.booleans(), label="down")
    size = draw(st.integers(1, 3), label="by")
    return _break_identity(report, inst, up=not down, size=size)


def _at_least_one(path: str) -> _Wants:
    return _Wants(relations=(_Relation((path,), Relation.AT_LEAST, (), offset=-1),))


_UNPAID = "applications.other_unpaid_fee"


def _no_unpaid_fees() -> _Wants:
    model = _model(Statistics2021, "applications")
    return _Wants(fixed=dict.fromkeys(_row_cells(model, _UNPAID), 0))


def _wrong_format_for_year(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-09: a year the format is not for (a 2021-format report before 2021 states no
    unpaid-fee outcome, which R-21-06 would flag as well)."""
    years = {
        ReportFormat.LEGACY: list(range(2019, 2026)),
        ReportFormat.GOV_2019: [*range(2014, 2019), *range(2021, 2026)],
        ReportFormat.GOV_2021: list(range(2014, 2021)),
    }[fmt]
    wants = _no_unpaid_fees() if fmt is ReportFormat.GOV_2021 else _NO_WANTS
    year = draw(st.sampled_from(years), label="year")
    report = _consistent_report(draw, fmt, year=year, wants=wants)
    return BrokenReport(report=report, code="R-09", path="$.format")


def _unpaid_fees_before_2021(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-06: unpaid-fee outcomes in a 2021-format report for a year before fees; such a
    report is in the wrong format for its year as well (R-09)."""
    year = draw(st.integers(2014, 2020), label="year")
    report = _consistent_report(draw, fmt, year=year, wants=_at_least_one(f"{_UNPAID}.total"))
    return BrokenReport(
        report=report,
        code="R-21-06",
        path=f"$.statistics.{_UNPAID}.total",
        also=frozenset({"R-09"}),
    )


def _published_late(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-10: published after the deadline of its organ."""
    levels = [level for level in OrganLevel if level is not OrganLevel.OTHER]
    report = _consistent_report(draw, fmt, levels=levels)
    due = deadline(report)
    assert due is not None  # every level but OTHER has one
    late = due + timedelta(days=draw(st.integers(1, 400), label="days late"))
    return BrokenReport(
        report=attrs.evolve(report, published=late, dated=None), code="R-10", path="$.published"
    )


#: Headings with the numeral of each section but not the words the check looks for.
_OFF_TITLES = (
    "一、工作概述",
    "二、政务信息发布",
    "三、受理和答复情况",
    "四、复议诉讼",
    "五、不足与改进",
    "六、其他事项",
)


def _section_missing(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-11: one of the six sections retitled so that it is not recognisable."""
    report = _consistent_report(draw, fmt)
    i = draw(st.integers(0, len(_OFF_TITLES) - 1), label="section")
    sections = list(report.sections)
    sections[i] = attrs.evolve(sections[i], title=_OFF_TITLES[i])
    return BrokenReport(
        report=attrs.evolve(report, sections=tuple(sections)), code="R-11", path="$.sections"
    )


def _money_in(draw: st.DrawFn, fmt: ReportFormat, path: str, code: str) -> BrokenReport:
    """A consistent report with a sum of money stated in 元 or without its unit."""
    report = _consistent_report(draw, fmt)
    amount = draw(amounts(units=[MoneyUnit.YUAN, None]), label="amount")
    stats = _replace_cells(report.statistics, {path: amount})
    return BrokenReport(
        report=attrs.evolve(report, statistics=stats), code=code, path=f"$.statistics.{path}"
    )


def _fees_in_yuan(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-03: the administrative fees of a 2021-format report not in 万元."""
    return _money_in(draw, fmt, "active.administrative_fees.amount", "R-21-03")


def _legacy_money_in_yuan(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """P-13: a fee or the budget of a legacy report not in 万元."""
    key = draw(st.sampled_from(["fees_collected", "special_budget"]), label="cell")
    return _money_in(draw, fmt, key, "P-13")


def _procurement_without_unit(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-19-04: a procurement amount (not 0) that does not say 元 or 万元."""
    report = _consistent_report(draw, fmt)
    value = Decimal(draw(st.integers(1, 10**9), label="amount")).scaleb(-draw(st.integers(0, 2)))
    path = "active.procurement.amount"
    stats = _replace_cells(report.statistics, {path: Amount(value=value)})
    return BrokenReport(
        report=attrs.evolve(report, statistics=stats), code="R-19-04", path=f"$.statistics.{path}"
    )


def _unpaid_fees_unexplained(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-04: unpaid-fee outcomes, and section 六 says nothing of the fee."""
    report = _consistent_report(draw, fmt, wants=_at_least_one(f"{_UNPAID}.total"))
    sections = tuple(
        attrs.evolve(s, text="无。") if s.title and s.title.startswith("六") else s
        for s in report.sections
    )
    return BrokenReport(
        report=attrs.evolve(report, sections=sections),
        code="R-21-04",
        path=f"$.statistics.{_UNPAID}.total",
    )


def _rules_without_power(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-05: 规章 stated by an organ that cannot make them."""
    first = _row_cells(_model(statistics_class(fmt), "active"), "active.regulations")[0]
    report = _consistent_report(
        draw,
        fmt,
        levels=sorted(NO_RULE_MAKING, key=lambda level: level.value),
        wants=_at_least_one(first),
        rule_making_guard=False,
    )
    return BrokenReport(report=report, code="R-21-05", path=f"$.statistics.{first}")


def _appended(report: Report, *more: Claim) -> tuple[Report, str]:
    """``report`` with claims added at the end, and the path of the last one."""
    claims = (*report.claims, *more)
    return attrs.evolve(report, claims=claims), f"$.claims[{len(claims) - 1}]"


def _percentage_wrong(draw: st.DrawFn, fmt: ReportFormat, about: About) -> BrokenReport:
    """R-08 (about cells) or C-01 (about stated figures): a percentage that is neither."""
    stated = _stated_percentage(draw, fmt, about, "wrong")
    assert stated.code is not None
    return BrokenReport(report=stated.report, code=stated.code, path=stated.path)


def _percentage_truncated(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """C-02: the share of two stated figures truncated where rounding half up differs."""
    report = _consistent_report(draw, fmt)
    whole = draw(st.integers(3, 10_000), label="whole")
    part = draw(st.integers(1, whole - 1), label="part")
    for places in range(4):
        x = Fraction(100 * part, whole)
        if _exact(x, places, truncate=True) != _exact(x, places):
            break
    else:  # a share that truncation never changes (25%): take two thirds instead
        part, whole, places, x = 2, 3, 1, Fraction(200, 3)
    value = _exact(x, places, truncate=True)
    section = 0 if report.sections else None
    text = f"收到申请{whole}件，其中网络申请{part}件，占{value}%"
    broken, path = _appended(
        report,
        _fact("whole", f"收到申请{whole}件", Decimal(whole), "件", section=section),
        _fact("part", f"其中网络申请{part}件", Decimal(part), "件", section=section),
        Claim(
            id="share",
            text=text,
            kind=ClaimKind.PERCENT,
            value=value,
            section=section,
            about=Share(numerator=ClaimSum(ids=("part",)), denominator=ClaimSum(ids=("whole",))),
        ),
    )
    return BrokenReport(report=broken, code="C-02", path=path)


def _percentage_of_no_whole_number(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """C-03: a percentage of a stated whole (up to 1000) half-way between two whole
    numbers of it, to two decimals: neither rounding nor truncation reaches one."""
    report = _consistent_report(draw, fmt)
    whole = draw(st.integers(1, 1000), label="whole")
    k = draw(st.integers(0, whole - 1), label="below")
    value = _exact(Fraction((2 * k + 1) * 50, whole), 2)
    section = 0 if report.sections else None
    broken, path = _appended(
        report,
        _fact("whole", f"收到申请{whole}件", Decimal(whole), "件", section=section),
        Claim(
            id="share",
            text=f"收到申请{whole}件，其中{value}%为网络申请",
            kind=ClaimKind.PERCENT,
            value=value,
            section=section,
            about=Share(numerator=None, denominator=ClaimSum(ids=("whole",))),
        ),
    )
    return BrokenReport(report=broken, code="C-03", path=path)


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


def _carry_over_broken(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-06: last year's report carried forward more than this year's carries over (last
    year's own balance kept: it received as many more)."""
    previous, report = _pair(draw, fmt, _AFTER_NEW[fmt])
    columns = _row_cells(
        _model(type(previous.statistics), "applications"), "applications.carried_forward"
    )
    column = draw(st.sampled_from(columns), label="column").rsplit(".", 1)[1]
    k = draw(st.integers(1, 9), label="by")
    previous = _adjusted(
        previous,
        "applications",
        {f"applications.carried_forward.{column}": k, f"applications.new_received.{column}": k},
    )
    return BrokenReport(
        report=report,
        code="R-06",
        path=f"$.statistics.applications.carried_over.{column}",
        previous=previous,
    )


def _lawsuits_after_review_broken(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-12: more lawsuits after review than this and last year's reviews together."""
    previous, report = _pair(draw, fmt, _AFTER_NEW[fmt])
    stats, before = report.statistics, previous.statistics
    reviews = cast(int, stats.cell("reviews.review.total")) + cast(
        int, before.cell("reviews.review.total")
    )
    after = cast(int, stats.cell("reviews.litigation_after_review.total"))
    k = reviews - after + draw(st.integers(1, 3), label="beyond")
    report = _adjusted(report, "reviews", {"reviews.litigation_after_review.upheld": k})
    return BrokenReport(
        report=report,
        code="R-12",
        path="$.statistics.reviews.litigation_after_review.total",
        previous=previous,
    )


def _stock_broken(draw: st.DrawFn, fmt: ReportFormat, column: str, code: str) -> BrokenReport:
    """R-21-01 / R-19-03: last year's report gives a different stock than this one follows."""
    previous, report = _pair(draw, fmt, (2022, 2025) if code == "R-21-01" else (2020, 2020))
    row = draw(st.sampled_from(_rows_with(type(report.statistics), "active", column)), label="row")
    previous = _adjusted(previous, "active", {f"{row}.{column}": draw(st.integers(1, 9))})
    return BrokenReport(
        report=report, code=code, path=f"$.statistics.{row}.{column}", previous=previous
    )


def _other_organ(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """X-01: last year's report is another organ's."""
    previous, report = _pair(draw, fmt)
    organ = attrs.evolve(previous.organ, name=previous.organ.name + "办公室")
    return BrokenReport(
        report=report,
        code="X-01",
        path="$.organ.name",
        previous=attrs.evolve(previous, organ=organ),
    )


def _other_year(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """X-02: the earlier report is not for the year before."""
    previous, report = _pair(draw, fmt)
    gap = draw(st.integers(2, 6) | st.integers(-3, 0), label="years apart")
    return BrokenReport(
        report=report,
        code="X-02",
        path="$.year",
        previous=attrs.evolve(previous, year=report.year - gap),
    )


_Corruption = Callable[[st.DrawFn, ReportFormat], BrokenReport]

#: A corruption for every rule that is not an identity of the formats.
_CORRUPTIONS: dict[str, _Corruption] = {
    "R-06": _carry_over_broken,
    "R-08": functools.partial(_percentage_wrong, about="cells"),
    "R-09": _wrong_format_for_year,
    "R-10": _published_late,
    "R-11": _section_missing,
    "R-12": _lawsuits_after_review_broken,
    "R-21-01": functools.partial(_stock_broken, column="in_force", code="R-21-01"),
    "R-21-03": _fees_in_yuan,
    "R-21-04": _unpaid_fees_unexplained,
    "R-21-05": _rules_without_power,
    "R-21-06": _unpaid_fees_before_2021,
    "R-19-03": functools.partial(_stock_broken, column="items_prev_year", code="R-19-03"),
    "R-19-04": _procurement_without_unit,
    "P-13": _legacy_money_in_yuan,
    "C-01": functools.partial(_percentage_wrong, about="claims"),
    "C-02": _percentage_truncated,
    "C-03": _percentage_of_no_whole_number,
    "X-01": _other_organ,
    "X-02": _other_year,
}


def _corruptible(code: str) -> list[ReportFormat]:
    """The formats in which ``code`` can be broken."""
    return [
        f
        for f in ReportFormat
        if f in _rule(code).formats and (code in _identity_codes(f) or code in _CORRUPTIONS)
    ]


def _corruption(draw: st.DrawFn, options: Sequence[tuple[str, ReportFormat]]) -> BrokenReport:
    code, fmt = _pick(draw, options)
    if code in _identity_codes(fmt):
        return _broken_identity(draw, fmt, code)
    return _CORRUPTIONS[code](draw, fmt)


def broken_reports(
    *, rule: str | None = None, format: ReportFormat | str | None = None
) -> st.SearchStrategy[BrokenReport]:
    """Reports broken so that one rule fails, each with the rule's code and the path of a
    failure (:class:`BrokenReport`).

    ``rule`` is a code of :func:`dm.rules() <disclosure_model.checks.rules>` (any when
    ``None``), ``format`` the report's format (any the rule applies to, when ``None``).
    Every rule has a corruption: an identity is broken at one of its places, by a small
    amount, and every other identity settled again (a total raised gets a part raised too,
    so only the sum's own rule fails); the other rules get a report built to break them,
    such as a late publication, a percentage stated wrong, or last year's report with a
    different carry-over (then ``previous`` is set). Apart from :attr:`BrokenReport.also`,
    no other rule fails.

    Shrinks towards the first rule of the catalogue broken by 1 in a report of zeros.
    """
    fmt = _format(format)
    codes = [r.code for r in _rules()]
    if rule is not None:
        if rule not in codes:
            msg = f"rule={rule!r} is not a rule code of disclosure_model.rules()"
            raise InvalidArgument(msg)
        codes = [rule]
    options = [(c, f) for c in codes for f in _corruptible(c) if fmt in (None, f)]
    if not options:
        msg = f"rule {rule!r} does not apply to format {fmt.value!r}" if fmt else f"{rule!r}"
        raise InvalidArgument(msg)
    return _drawn(_corruption, options)


# =============================================================================================
# The hypothesis entry point
# =============================================================================================


def _register_type_strategies() -> None:
    """Register a strategy for each model type, so that ``st.from_type(Report)`` works.

    This runs when the module is imported, and Hypothesis imports it when it starts,
    through the ``hypothesis`` entry point this package declares. The entry point names the
    module, not this function: when a test imports this module first, the module imports
    Hypothesis, which would call a function the half-imported module does not have yet.
    Registering makes strategies but draws nothing, as Hypothesis asks of its plugins.
    """
    registered: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
        (Report, reports()),
        (LegacyStatistics, legacy_statistics()),
        (Statistics2019, statistics(format=ReportFormat.GOV_2019)),
        (Statistics2021, statistics(format=ReportFormat.GOV_2021)),
        (Applications2019, applications_tables(format=ReportFormat.GOV_2019)),
        (Applications2021, applications_tables(format=ReportFormat.GOV_2021)),
        (ActiveDisclosure2019, active_disclosure_tables(format=ReportFormat.GOV_2019)),
        (ActiveDisclosure2021, active_disclosure_tables(format=ReportFormat.GOV_2021)),
        (ReviewsLitigation, reviews_tables()),
        (Organ, organs()),
        (Claim, claims()),
        (Amount, amounts()),
    ]
    for cls, strategy in registered:
        st.register_type_strategy(cls, strategy)


_register_type_strategies()
