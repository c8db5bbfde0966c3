"""Linear relations between the counts of one table, and how to fill a table from events.

The identities a format declares (expanded to their places in ``formats/_rules.py``) are linear
relations between counts. A table is built from *events*: an event adds an amount to one
cell that no sum defines, then settles every relation it disturbed by raising other such
cells. A cell an identity defines as a sum of others is never drawn but computed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import cast

import attrs
from attrs import field, frozen

from disclosure_model.formats import (
    Entry,
)
from disclosure_model.formats._declare import Relation, StatisticsBase
from disclosure_model.formats._rules import Place, identity_places
from disclosure_model.values import CellKind

__all__ = [
    "_NO_WANTS",
    "Event",
    "_Model",
    "_Relation",
    "_System",
    "_Wants",
    "_fill",
    "_first",
    "_model",
    "_relation",
    "_violated",
]

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
    own = [p for p in identity_places(stats_cls.FORMAT) if p.table == table]
    parts: dict[str, tuple[str, ...]] = {}
    defined_by: dict[str, str] = {}
    defining: set[int] = set()
    for k, place in enumerate(own):
        if (
            place.code in relaxed
            or place.relation is not Relation.EQUAL
            or len(place.left) != 1
            or not place.right
        ):
            continue
        total, summands = place.left[0].path, tuple(t.path for t in place.right)
        if total in parts or _reaches(parts, summands, total):
            continue
        parts[total] = summands
        defined_by[total] = place.code
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
    for k, place in enumerate(own):
        if k in defining or place.code in relaxed:
            continue
        lin = model.linear(_relation(place))
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


def _violated(relation: _Relation, delta: int) -> _Relation:
    """``relation`` broken by ``delta`` (just past the bound for ``≤`` and ``≥``)."""
    left, right, offset = relation.left, relation.right, relation.offset
    code = relation.code
    if relation.relation is Relation.EQUAL:
        return _Relation(left, Relation.EQUAL, right, offset=offset - delta, code=code)
    if relation.relation is Relation.AT_MOST:
        return _Relation(left, Relation.AT_LEAST, right, offset=offset - abs(delta), code=code)
    return _Relation(left, Relation.AT_MOST, right, offset=offset + abs(delta), code=code)


def _relation(place: Place, previous: StatisticsBase | None = None) -> _Relation:
    """A place as a relation between this year's cells; for a rule across two years, last
    year's figures (from ``previous``, fully stated) are constants."""
    left: list[str] = []
    right: list[str] = []
    offset = 0
    for side, terms in ((1, place.left), (-1, place.right)):
        for t in terms:
            coefficient = side * t.sign
            if t.previous:
                assert previous is not None, f"{place.code} reads last year's report"
                offset += coefficient * cast(int, previous.cell(t.path))
            elif coefficient > 0:
                left.append(t.path)
            else:
                right.append(t.path)
    return _Relation(tuple(left), place.relation, tuple(right), offset=offset, code=place.code)
