"""Every rule of a format at every place it applies, as data.

The classes of a format declare their arithmetic rules once (``IDENTITIES``: a rule between
the columns of a row class holds in every row of that class, one between the rows of a table
class in every column). This module expands them to their *places*, and declares beside them
the rules that are not identities of one class:

* the rules across two years (R-06, R-12, R-21-01, R-19-03): this report's cells against
  last year's report's, as places whose terms say which report they read;
* the unit rules of the money cells (R-21-03, R-19-04, P-13);
* the rule-making-power rule (R-21-05): the cells an organ without that power leaves at 0.

The places are also compiled (:func:`cell_reader`, :func:`identity_screen`): one generated
function reads every cell of a format into a flat tuple, another evaluates every identity
over that tuple with plain integer arithmetic. They only *screen*: the checks hand each
place the screen flags to the exact evaluation, which alone writes findings.

A :class:`Place` is one rule at one place, with the concrete catalogue paths of its two
sides, its relation, the official code of the cell a finding points at and the words a
message names the place with. The checks evaluate the places, the strategies build
consistent data and reports broken at one place from the same places, and the rule
catalogue derives the cells each rule reads from them (:func:`paths_read`). Nothing outside
``formats/`` needs to know a row or a column by its label.

>>> from disclosure_model.formats import ReportFormat
>>> [p.right[0].path for p in cross_year_places(ReportFormat.GOV_2021, ReportFormat.GOV_2021)
...  if p.code == "R-06"][:2]
['applications.carried_forward.natural_person', 'applications.carried_forward.legal_commercial']
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from disclosure_model.formats._declare import (
    SPEC,
    Catalogue,
    Entry,
    Identity,
    Label,
    Relation,
    ReportFormat,
    RowSpec,
    StatisticsBase,
    slots,
)
from disclosure_model.formats.gov2019 import Statistics2019
from disclosure_model.formats.gov2021 import Statistics2021
from disclosure_model.formats.legacy import LegacyStatistics
from disclosure_model.values import Unit

__all__ = [
    "CROSS_YEAR_RULES",
    "CellPlace",
    "CrossYearRule",
    "Place",
    "Term",
    "cell_index",
    "cell_reader",
    "cross_year_places",
    "cross_year_screen",
    "identity_places",
    "identity_screen",
    "paths_read",
    "place_cells",
    "rule_making_places",
    "unit_places",
]

_CLASSES: dict[ReportFormat, type[StatisticsBase]] = {
    ReportFormat.LEGACY: LegacyStatistics,
    ReportFormat.GOV_2019: Statistics2019,
    ReportFormat.GOV_2021: Statistics2021,
}
_NEW = frozenset({ReportFormat.GOV_2019, ReportFormat.GOV_2021})
_2019 = frozenset({ReportFormat.GOV_2019})
_2021 = frozenset({ReportFormat.GOV_2021})


def _catalogue(fmt: ReportFormat) -> Catalogue:
    return _CLASSES[fmt].catalogue()


@frozen
class Term:
    """One cell on one side of a place: its catalogue path, whether it is read from last
    year's report (``previous``) rather than the one checked, and its sign."""

    path: str
    previous: bool = False
    sign: int = 1


@frozen(kw_only=True)
class Place:
    """One rule at one place: ``Σ left  relation  Σ right`` over signed cells.

    ``where`` names the place in messages (``表3 自然人列``); ``cell_code`` is the official
    code of the checked cell (the first of the left side, or of the right when the left is
    empty), where a finding points. ``by_column`` says the sides are columns of one row, so
    messages name them by their column labels. ``mentions`` are further values a message
    shows, by name. ``lists_cells`` says whether a finding lists the cells it read.
    """

    code: str
    relation: Relation
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    where: Label
    cell_code: str
    by_column: bool = False
    mentions: tuple[tuple[str, Term], ...] = ()
    lists_cells: bool = True

    @property
    def checked(self) -> Term:
        """The cell a finding about this place points at."""
        return (self.left or self.right)[0]

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term, left side first."""
        return (*self.left, *self.right)

    @property
    def table(self) -> str:
        """The table key of the checked cell (``indicators`` for the legacy table)."""
        path = self.checked.path
        return path.split(".", 1)[0] if "." in path else "indicators"

    @property
    def across_years(self) -> bool:
        """Whether a side reads last year's report."""
        return any(t.previous for t in self.terms)


@frozen(kw_only=True)
class CellPlace:
    """A rule about one cell by itself: a unit rule of a money cell, or R-21-05.

    For a unit rule ``unit`` is the unit the form fixes; ``None`` where the form fixes none
    and the value must state its own.
    """

    code: str
    path: str
    cell_code: str
    where: Label
    unit: Unit | None = None


# --- identities ------------------------------------------------------------------------------


def _column_where(entry: Entry) -> Label:
    column = entry.column_label
    return Label(f"表{entry.table_code} {column.zh}列", f"table {entry.table_code}, {column.en}")


def _row_where(entry: Entry) -> Label:
    row = entry.row_label
    return Label(f"表{entry.table_code} {row.zh}", f"table {entry.table_code}, {row.en}")


def _identity(
    ident: Identity,
    path: Callable[[str], str],
    cat: Catalogue,
    where: Callable[[Entry], Label],
    *,
    by_column: bool = False,
) -> Place:
    """An identity at one place: ``path`` turns its field names into catalogue paths."""
    left = tuple(Term(path(n)) for n in ident.left)
    right = tuple(Term(path(n)) for n in ident.right)
    first = cat[(left or right)[0].path]
    return Place(
        code=ident.code,
        left=left,
        relation=ident.relation,
        right=right,
        where=where(first),
        cell_code=first.code,
        by_column=by_column,
    )


def _expand(fmt: ReportFormat) -> Iterator[Place]:
    stats_cls = _CLASSES[fmt]
    cat = stats_cls.catalogue()
    for tf in attrs.fields(typing.cast(Any, stats_cls)):
        spec = tf.metadata.get(SPEC)
        if not isinstance(spec, tuple):
            continue
        tcls, table = spec[1], tf.name
        rows: dict[str, RowSpec] = {rf.name: rf.metadata[SPEC] for rf in attrs.fields(tcls)}
        for ident in tcls.IDENTITIES:  # rows of a table, checked in each column
            row_cls = rows[(ident.left + ident.right)[0]].cls
            for col in (s.name for s in slots(row_cls)):
                in_column = functools.partial(_path, table, column=col)
                yield _identity(ident, in_column, cat, _column_where)
        for row_name, rspec in rows.items():  # columns of a row, checked in each row
            in_row = functools.partial(_path, table, row_name)
            for ident in rspec.cls.IDENTITIES:  # type: ignore[attr-defined]
                yield _identity(ident, in_row, cat, _row_where, by_column=True)
    if stats_cls is LegacyStatistics:
        identities = list(LegacyStatistics.IDENTITIES)
        identities.extend(  # P-06: each "其中" cell is at most the cell it is part of
            Identity("P-06", (e.path,), Relation.AT_MOST, (e.parent,))
            for e in cat
            if e.parent is not None
        )
        label = LegacyStatistics.TABLE.label
        for ident in identities:
            yield _identity(ident, str, cat, lambda _e: label)


def _path(table: str, row: str, column: str) -> str:
    return f"{table}.{row}.{column}"


@functools.cache
def identity_places(fmt: ReportFormat) -> tuple[Place, ...]:
    """Every identity a format declares, at every place it applies, in declaration order."""
    return tuple(_expand(ReportFormat(fmt)))


# --- rules across two years ------------------------------------------------------------------


_RELATIONS = {r.value: r for r in Relation}


@frozen
class CrossYearRule:
    """A rule between this year's report and last year's, declared once for its places.

    ``formula`` is ``left relation right`` (relation ``==``, ``<=`` or ``>=``), each side
    paths joined by ``+`` or ``-``; ``last:`` before a path reads last year's report. ``{}``
    stands for each row (``each`` like ``"active.*.in_force"``: every row of the table with
    that column) or each column (``each`` like ``"applications.carried_over.*"``: every
    column of the row); without ``each`` the rule has one place. ``formats`` are this
    year's formats, ``previous`` last year's (the same by default). ``where`` overrides the
    words of a place, by row or column key; ``mentions`` names further terms a message
    shows; ``lists_cells`` says whether a finding lists the cells it read.
    """

    code: str
    formats: frozenset[ReportFormat]
    formula: str
    each: str | None = field(default=None, kw_only=True)
    previous: frozenset[ReportFormat] = field(kw_only=True)
    where: Mapping[str, Label] = field(factory=dict, kw_only=True)
    mentions: tuple[tuple[str, str], ...] = field(default=(), kw_only=True)
    lists_cells: bool = field(default=False, kw_only=True)

    @previous.default
    def _same_formats(self) -> frozenset[ReportFormat]:
        return self.formats

    @property
    def relation(self) -> Relation:
        """How the two sides compare."""
        return _RELATIONS[self.formula.split()[_relation_at(self.formula)]]

    def sides(self, key: str) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
        """The two sides at the place of ``key`` (what ``{}`` stands for)."""
        words = self.formula.split()
        at = _relation_at(self.formula)
        return _side(words[:at], key), _side(words[at + 1 :], key)


def _relation_at(formula: str) -> int:
    return next(i for i, w in enumerate(formula.split()) if w in _RELATIONS)


def _side(words: list[str], key: str) -> tuple[Term, ...]:
    """Terms from ``path + path - path`` (``last:`` reading last year's report)."""
    terms, sign = [], 1
    for word in words:
        if word in ("+", "-"):
            sign = 1 if word == "+" else -1
            continue
        previous = word.startswith("last:")
        terms.append(Term(word.removeprefix("last:").format(key), previous, sign))
    return tuple(terms)


#: The rules across two years.
CROSS_YEAR_RULES: tuple[CrossYearRule, ...] = (
    # what last year carried forward is carried over this year, column by column.
    CrossYearRule(
        "R-06",
        _NEW,
        "applications.carried_over.{} == last:applications.carried_forward.{}",
        each="applications.carried_over.*",
        lists_cells=True,
    ),
    # a lawsuit after review follows a review of this year or of last year.
    CrossYearRule(
        "R-12",
        _NEW,
        "reviews.litigation_after_review.total <= reviews.review.total + last:reviews.review.total",
    ),
    # R-21-01: in force now = in force last year + issued - repealed this year.
    CrossYearRule(
        "R-21-01",
        _2021,
        "active.{}.in_force == last:active.{}.in_force + active.{}.issued - active.{}.repealed",
        each="active.*.in_force",
        where={
            "regulations": Label("规章", "government rules"),
            "normative_documents": Label("行政规范性文件", "normative documents"),
        },
        mentions=(("previous", "last:active.{}.in_force"),),
    ),
    # R-19-03: last year's item count is last year's report's count after its change.
    CrossYearRule(
        "R-19-03",
        _2019,
        "active.{}.items_prev_year == last:active.{}.items_prev_year + last:active.{}.items_change",
        each="active.*.items_prev_year",
    ),
)


def _keys(cat: Catalogue, each: str | None) -> Iterator[tuple[str, Entry | None, bool]]:
    """What ``{}`` stands for at each place: (key, an entry of the place, by column)."""
    if each is None:
        yield "", None, False
        return
    table, row, column = each.split(".")
    for e in cat:
        if e.table != table:
            continue
        if column == "*" and e.row == row:
            yield e.column, e, True
        elif row == "*" and e.column == column:
            yield e.row, e, False


def _cross_places(rule: CrossYearRule, cat: Catalogue) -> Iterator[Place]:
    for key, entry, by_column in _keys(cat, rule.each):
        left, right = rule.sides(key)
        first = cat[(left or right)[0].path]
        if key in rule.where:
            where = rule.where[key]
        elif entry is None:
            where = Label(f"表{first.table_code}", f"table {first.table_code}")
        elif by_column:
            where = _column_where(entry)
        else:
            where = entry.row_label
        yield Place(
            code=rule.code,
            left=left,
            relation=rule.relation,
            right=right,
            where=where,
            cell_code=first.code,
            mentions=tuple((name, _side([t], key)[0]) for name, t in rule.mentions),
            lists_cells=rule.lists_cells,
        )


@functools.cache
def cross_year_places(fmt: ReportFormat, previous: ReportFormat) -> tuple[Place, ...]:
    """The rules across two years that apply to a report in ``fmt`` after one in
    ``previous``, at every place."""
    fmt, previous = ReportFormat(fmt), ReportFormat(previous)
    return tuple(
        place
        for rule in CROSS_YEAR_RULES
        if fmt in rule.formats and previous in rule.previous
        for place in _cross_places(rule, _catalogue(fmt))
    )


# --- rules about one cell --------------------------------------------------------------------

#: The money cells whose unit a rule checks, by format: (rule code, path).
_UNIT_RULES: dict[ReportFormat, tuple[tuple[str, str], ...]] = {
    ReportFormat.GOV_2021: (("R-21-03", "active.administrative_fees.amount"),),
    ReportFormat.GOV_2019: (("R-19-04", "active.procurement.amount"),),
    ReportFormat.LEGACY: (("P-13", "fees_collected"), ("P-13", "special_budget")),
}


@functools.cache
def unit_places(fmt: ReportFormat) -> tuple[CellPlace, ...]:
    """The money cells of a format whose unit a rule checks: in the unit the form fixes,
    or, where it fixes none, with a unit stated."""
    cat = _catalogue(ReportFormat(fmt))
    return tuple(
        CellPlace(code=code, path=path, cell_code=e.code, where=e.row_label, unit=e.unit)
        for code, path in _UNIT_RULES[ReportFormat(fmt)]
        for e in (cat[path],)
    )


#: R-21-05: the row an organ without the power to make 规章 leaves at 0, by format.
_RULE_MAKING_ROWS: dict[ReportFormat, tuple[str, str]] = {
    ReportFormat.GOV_2019: ("active", "regulations"),
    ReportFormat.GOV_2021: ("active", "regulations"),
}


@functools.cache
def rule_making_places(fmt: ReportFormat) -> tuple[CellPlace, ...]:
    """The cells an organ without rule-making power states no 规章 in (none in the legacy
    table, which has no such row)."""
    fmt = ReportFormat(fmt)
    if fmt not in _RULE_MAKING_ROWS:
        return ()
    table, row = _RULE_MAKING_ROWS[fmt]
    return tuple(
        CellPlace(
            code="R-21-05",
            path=e.path,
            cell_code=e.code,
            where=Label(
                f"{e.row_label.zh}{e.column_label.zh}", f"{e.row_label.en}, {e.column_label.en}"
            ),
        )
        for e in _catalogue(fmt)
        if e.table == table and e.row == row
    )


# --- what each rule reads --------------------------------------------------------------------


def _all_places(fmt: ReportFormat) -> Iterator[tuple[str, tuple[str, ...]]]:
    for place in identity_places(fmt):
        yield place.code, tuple(t.path for t in place.terms)
    for previous in ReportFormat:
        for place in cross_year_places(fmt, previous):
            yield place.code, tuple(t.path for t in place.terms)
    for cell in (*unit_places(fmt), *rule_making_places(fmt)):
        yield cell.code, (cell.path,)


@functools.cache
def _reads() -> dict[str, tuple[str, ...]]:
    by_code: dict[str, dict[str, None]] = {}
    for fmt in ReportFormat:
        paths: dict[str, dict[str, None]] = {}
        for code, read in _all_places(fmt):
            paths.setdefault(code, {}).update(dict.fromkeys(read))
        for code, read_here in paths.items():
            patterns = _patterns(tuple(read_here), _catalogue(fmt))
            by_code.setdefault(code, {}).update(dict.fromkeys(patterns))
    return {code: tuple(patterns) for code, patterns in by_code.items()}


def paths_read(code: str) -> tuple[str, ...] | None:
    """The cells the places of rule ``code`` read, in any format, as catalogue path
    patterns (``*`` for every row or column, where all are read); ``None`` for a rule that
    has no places here."""
    return _reads().get(code)


def _patterns(paths: tuple[str, ...], cat: Catalogue) -> tuple[str, ...]:
    """Paths of one format, with a table read in full written ``table.*.*``, a row read in
    full ``table.row.*`` and a column read in every row that has it ``table.*.column``."""
    columns_of: dict[tuple[str, str], set[str]] = {}
    rows_with: dict[tuple[str, str], set[str]] = {}
    rows_of: dict[str, set[str]] = {}
    for e in cat:
        columns_of.setdefault((e.table, e.row), set()).add(e.column)
        rows_with.setdefault((e.table, e.column), set()).add(e.row)
        rows_of.setdefault(e.table, set()).add(e.row)
    read: dict[tuple[str, str], set[str]] = {}
    for p in paths:
        if p.count(".") == 2:
            table, row, column = p.split(".")
            read.setdefault((table, row), set()).add(column)
    full_rows = {tr for tr, cols in read.items() if cols == columns_of[tr]}
    full_tables = {t for t, rows in rows_of.items() if all((t, r) in full_rows for r in rows)}
    out: dict[str, None] = {}
    for p in paths:
        if p.count(".") != 2:  # a legacy indicator
            out[p] = None
            continue
        table, row, column = p.split(".")
        # The coarser of the two patterns that cover only cells read, if it covers more
        # than the one cell.
        by_row = len(columns_of[table, row]) if (table, row) in full_rows else 0
        rows = rows_with[table, column]
        by_column = len(rows) if all(column in read.get((table, r), ()) for r in rows) else 0
        if table in full_tables:
            out[f"{table}.*.*"] = None
        elif max(by_row, by_column) <= 1:
            out[p] = None
        elif by_row >= by_column:
            out[f"{table}.{row}.*"] = None
        else:
            out[f"{table}.*.{column}"] = None
    return tuple(out)


# --- compiled forms of the places ------------------------------------------------------------

_OPERATORS = {Relation.EQUAL: "==", Relation.AT_MOST: "<=", Relation.AT_LEAST: ">="}


def _generated(name: str, source: str, env: dict[str, Any]) -> Any:
    """The function ``name`` defined by ``source`` (generated from the declarations)."""
    exec(compile(source, f"<disclosure_model {name}>", "exec"), env)
    return env[name]


@functools.cache
def cell_index(fmt: ReportFormat) -> Mapping[str, int]:
    """Each catalogue path of a format by its position in :func:`cell_reader`'s tuple."""
    return {e.path: i for i, e in enumerate(_catalogue(ReportFormat(fmt)))}


@functools.cache
def cell_reader(fmt: ReportFormat) -> Callable[[StatisticsBase], tuple[Any, ...]]:
    """A function giving every cell of a format's statistics as one flat tuple, in the
    order of the catalogue (what ``statistics.cells()`` yields, without the entries).

    >>> from disclosure_model import examples
    >>> stats = examples.load("huaian-2024").statistics
    >>> read = cell_reader(ReportFormat.GOV_2021)
    >>> read(stats)[cell_index(ReportFormat.GOV_2021)["applications.new_received.total"]]
    3119
    """
    lines, values = ["def read(s):"], []
    names: dict[str, str] = {}
    for e in _catalogue(ReportFormat(fmt)):
        parts = e.path.split(".")
        owner = "s"
        for depth in range(1, len(parts)):  # each table and row object read once
            prefix = ".".join(parts[:depth])
            if prefix not in names:
                names[prefix] = f"o{len(names)}"
                lines.append(f"    {names[prefix]} = {owner}.{parts[depth - 1]}")
            owner = names[prefix]
        values.append(f"{owner}.{parts[-1]}")
    lines.append(f"    return ({', '.join(values)},)")
    reader: Callable[[StatisticsBase], tuple[Any, ...]] = _generated(
        "read", "\n".join(lines) + "\n", {}
    )
    return reader


@functools.cache
def place_cells(fmt: ReportFormat) -> tuple[tuple[int, ...], ...]:
    """For each identity place of a format, the positions of the cells it reads."""
    index = cell_index(fmt)
    return tuple(tuple(index[t.path] for t in p.terms) for p in identity_places(fmt))


def _side_sum(terms: Sequence[Term], fmt: ReportFormat, previous: ReportFormat) -> str:
    """A side of a place as Python over ``c`` (this year's cells) and ``p`` (last year's)."""
    if not terms:
        return "0"
    this, last = cell_index(fmt), cell_index(previous)
    return " ".join(
        f"{'+' if t.sign > 0 else '-'} "
        + (f"p[{last[t.path]}]" if t.previous else f"c[{this[t.path]}]")
        for t in terms
    )


def _screen(places: Sequence[Place], fmt: ReportFormat, previous: ReportFormat) -> Any:
    """A function of this year's and last year's cells returning the positions of the
    places that do not hold, one comparison each."""
    lines = ["def screen(c, p=()):", "    out = []"]
    for i, place in enumerate(places):
        left = _side_sum(place.left, fmt, previous)
        right = _side_sum(place.right, fmt, previous)
        lines.append(f"    if not ({left} {_OPERATORS[place.relation]} {right}):")
        lines.append(f"        out.append({i})")
    lines.append("    return out")
    return _generated("screen", "\n".join(lines) + "\n", {})


@functools.cache
def identity_screen(fmt: ReportFormat) -> Callable[[Sequence[int]], list[int]]:
    """A function over a format's cells (as :func:`cell_reader` gives them, every cell a
    count) returning the positions in :func:`identity_places` of the identities that do
    not hold, in order; generated from the places, one comparison each."""
    fmt = ReportFormat(fmt)
    screen: Callable[[Sequence[int]], list[int]] = _screen(identity_places(fmt), fmt, fmt)
    return screen


@functools.cache
def cross_year_screen(
    fmt: ReportFormat, previous: ReportFormat
) -> Callable[[Sequence[int], Sequence[int]], list[int]]:
    """:func:`identity_screen` for :func:`cross_year_places`: a function of this year's
    and last year's cells (every cell a count) giving the positions of the places that do
    not hold."""
    fmt, previous = ReportFormat(fmt), ReportFormat(previous)
    screen: Callable[[Sequence[int], Sequence[int]], list[int]] = _screen(
        cross_year_places(fmt, previous), fmt, previous
    )
    return screen
