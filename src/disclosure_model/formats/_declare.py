"""The declaration machinery: how a format states its tables, rows and cells once.

A statistics format is written as ordinary attrs classes (so type checkers and notebooks see
every field), and each field carries its catalogue entry in ``metadata``:

* a *cell* field holds a value (``int | None`` or ``Amount | None``) and a :class:`CellSpec`;
* a *row* field holds a row class (one small class of columns, used by many rows) and a
  :class:`RowSpec`;
* a *table* field holds a table class and a :class:`TableSpec`.

Everything generic (validation on construction, the catalogue, the strict JSON structurer,
the text renderer) reads these specs through :func:`slots` and :func:`build_catalogue`
instead of keeping a second list of the cells.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import attrs
from attrs import field, frozen

from disclosure_model.errors import Problem, ProblemKind, ValidationError, shown
from disclosure_model.values import MAX_COUNT, Amount, CellKind, Unit, count_problem

__all__ = [
    "SPEC",
    "Catalogue",
    "CellSpec",
    "CellValue",
    "Declared",
    "Entry",
    "Group",
    "Identity",
    "Label",
    "ProseWords",
    "Relation",
    "ReportFormat",
    "RowSpec",
    "Slot",
    "SlotKind",
    "StatisticsBase",
    "TableSpec",
    "build_catalogue",
    "cell",
    "check_value",
    "derived_code",
    "group",
    "group_total",
    "indicator_code",
    "numbering",
    "numbering_code",
    "row",
    "rows_in_group",
    "slots",
    "sum_rows",
    "sums",
    "table",
    "value_problem",
    "words",
]

#: Key under which a field's spec is stored in ``attrs`` field metadata.
SPEC = "disclosure_model"

CellValue = int | Amount | None


class ReportFormat(enum.Enum):
    """The statistics format a report follows."""

    #: 2014–2018 national statistics table 《政府信息公开情况统计表》 (国办发〔2014〕32号).
    LEGACY = "legacy-2014"
    #: 2019 trial format, 国办公开办函〔2019〕60号 (2019 and 2020 reports).
    GOV_2019 = "gov-2019"
    #: 2021 format, 国办公开办函〔2021〕30号 (2021 reports onward).
    GOV_2021 = "gov-2021"

    @property
    def label(self) -> Label:
        """The format's name in Chinese and English."""
        return _FORMAT_LABELS[self]


@frozen
class Label:
    """A label in Chinese (exactly as on the form) and in English."""

    zh: str
    en: str

    def in_locale(self, locale: str) -> str:
        """The label for ``locale``: Chinese for ``zh*``, English otherwise."""
        return self.zh if locale.lower().startswith("zh") else self.en


_FORMAT_LABELS = {
    ReportFormat.LEGACY: Label(
        "政府信息公开情况统计表（2014—2018年）",
        "national statistics table, 2014-2018 reports",
    ),
    ReportFormat.GOV_2019: Label(
        "政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）",
        "2019 trial format (Guobangongkaibanhan [2019] No. 60)",
    ),
    ReportFormat.GOV_2021: Label(
        "政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）",
        "2021 format (Guobangongkaibanhan [2021] No. 30)",
    ),
}


@frozen
class TableSpec:
    """A table of a format: its number on the form and its caption."""

    code: str
    label: Label


@frozen
class Group:
    """A group of rows (or columns) the form prints under one merged label.

    ``key`` is stable and unique within its table (``denied`` for （三）不予公开);
    ``parent`` is the enclosing group. ``code`` is the prefix the group gives the official
    codes of its rows: derived from the numbering of the label (``三、本年度办理结果`` → ``三``,
    ``（三）不予公开`` below it → ``三(三)``) unless given (``二十(一)`` for a caption).
    ``aliases`` are variants of the label seen on published pages.
    """

    key: str
    label: Label
    parent: Group | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def chain(self) -> tuple[Group, ...]:
        """The enclosing groups, outermost first, ending with this one."""
        return (*self.parent.chain, self) if self.parent is not None else (self,)

    @property
    def labels(self) -> tuple[Label, ...]:
        """The labels of :attr:`chain`."""
        return tuple(g.label for g in self.chain)

    @property
    def prefix(self) -> str:
        """The official-code prefix of the rows in this group."""
        if self.code is not None:
            return self.code
        outer = self.parent.prefix if self.parent is not None else ""
        return outer + numbering_code(self.label.zh)


def group(
    key: str,
    zh: str,
    en: str,
    *,
    parent: Group | None = None,
    code: str | None = None,
    aliases: Sequence[str] = (),
) -> Group:
    """Declare a group of rows or columns."""
    return Group(key, Label(zh, en), parent, code, tuple(aliases))


_NUMBERING = re.compile(
    r"\A(?:([一二三四五六七八九十]{1,3})、|（([一二三四五六七八九十]{1,3})）|([0-9]{1,2})\.)"
)


def numbering(zh: str) -> str | None:
    """The numbering a label starts with, as printed (``一、``, ``（三）``, ``1.``)."""
    m = _NUMBERING.match(zh)
    return m.group(0) if m else None


def numbering_code(zh: str) -> str:
    """The numbering of a label as the official codes write it (``一``, ``(三)``, ``1``)."""
    m = _NUMBERING.match(zh)
    if m is None:
        return ""
    top, bracketed, digits = m.groups()
    return top or (f"({bracketed})" if bracketed else digits)


@frozen
class RowSpec:
    """A row of a table: its number on the form, its label and the group it sits in."""

    code: str
    label: Label
    cls: type
    group: Group | None = None
    aliases: tuple[str, ...] = ()

    @property
    def groups(self) -> tuple[Label, ...]:
        """The labels of the groups the row sits in, outermost first."""
        return self.group.labels if self.group is not None else ()


@frozen
class CellSpec:
    """A cell (a column of a row class, or a single-valued indicator of the legacy table).

    ``code`` is ``None`` where the official code follows from the declaration: a column's
    code is its label, an indicator's is derived from its group and numbering.
    """

    code: str | None
    label: Label
    kind: CellKind = CellKind.COUNT
    #: ``None`` where the form fixes no unit and each value states its own (money).
    unit: Unit | None = Unit.PIECE
    group: Group | None = None
    #: For a "其中" cell: the key of the cell it is part of (same table).
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def groups(self) -> tuple[Label, ...]:
        """The labels of the groups the cell sits in, outermost first."""
        return self.group.labels if self.group is not None else ()


def derived_code(zh: str, grp: Group | None) -> str:
    """The official code of a row: its group's prefix and its own numbering, or, for a row
    the form does not number, the prefix and the label (``二十(一)规章``)."""
    prefix = grp.prefix if grp is not None else ""
    own = numbering_code(zh)
    return prefix + own if own else prefix + zh


def indicator_code(key: str, specs: Mapping[str, CellSpec]) -> str:
    """The official code of an indicator of a one-column table (the legacy 统计表).

    A numbered label continues the code of the cell it is part of, or of its group
    (``1.当面申请数`` under ``（一）收到申请数`` → ``三(一)1``); a ``其中：`` label adds
    ``其中`` to its parent's code. Anything else must declare its code.
    """
    spec = specs[key]
    if spec.code is not None:
        return spec.code
    if spec.parent is not None:
        base = indicator_code(spec.parent, specs)
    else:
        base = spec.group.prefix if spec.group is not None else ""
    if spec.label.zh.startswith("其中"):
        return base + "其中"
    own = numbering_code(spec.label.zh)
    if not own:
        msg = f"{key}: the label {spec.label.zh!r} is not numbered; declare its code"
        raise ValueError(msg)
    return base + own


def cell(
    zh: str,
    en: str,
    *,
    code: str | None = None,
    kind: CellKind = CellKind.COUNT,
    unit: Unit | None = Unit.PIECE,
    group: Group | None = None,
    parent: str | None = None,
    aliases: Sequence[str] = (),
) -> Any:
    """Declare a cell field (default ``None``: not stated).

    ``code`` defaults to the label for a column of a row class; the legacy table's
    indicators derive theirs from their group and numbering (see :func:`legacy_code`).
    """
    spec = CellSpec(code, Label(zh, en), kind, unit, group, parent, tuple(aliases))
    return field(default=None, metadata={SPEC: spec})


def row(
    cls: type,
    zh: str,
    en: str,
    *,
    group: Group | None = None,
    code: str | None = None,
    aliases: Sequence[str] = (),
) -> Any:
    """Declare a row field holding a row class (default: every cell not stated).

    The row's official code is derived from its group and numbering unless given.
    """
    spec = RowSpec(code or derived_code(zh, group), Label(zh, en), cls, group, tuple(aliases))
    return field(factory=cls, metadata={SPEC: spec})


def table(cls: type, code: str, zh: str, en: str) -> Any:
    """Declare a table field holding a table class (default: every cell not stated)."""
    return field(factory=cls, metadata={SPEC: (TableSpec(code, Label(zh, en)), cls)})


class SlotKind(enum.Enum):
    """What a field of a declared class holds, for the generic code that walks them."""

    COUNT = "count"  # int >= 0 or None (counts and stocks)
    CHANGE = "change"  # int or None
    MONEY = "money"  # Amount with value >= 0, or None
    NESTED = "nested"  # a declared row or table class
    OTHER = "other"  # anything else: validated by its own type


@frozen
class Slot:
    """One field of a declared class, as the generic walkers see it."""

    name: str
    kind: SlotKind
    type: Any


def slots(cls: type) -> tuple[Slot, ...]:
    """The fields of a declared class with what each holds, in declaration order."""
    known = _SLOTS.get(cls)
    if known is None:
        known = _SLOTS[cls] = _make_slots(cls)
    return known


_SLOTS: dict[type, tuple[Slot, ...]] = {}


def _make_slots(cls: type) -> tuple[Slot, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for a in attrs.fields(cls):
        spec = a.metadata.get(SPEC)
        if isinstance(spec, CellSpec):
            kind = {
                CellKind.COUNT: SlotKind.COUNT,
                CellKind.STOCK: SlotKind.COUNT,
                CellKind.CHANGE: SlotKind.CHANGE,
                CellKind.MONEY: SlotKind.MONEY,
            }[spec.kind]
            out.append(Slot(a.name, kind, None))
        elif isinstance(spec, RowSpec):
            out.append(Slot(a.name, SlotKind.NESTED, spec.cls))
        elif isinstance(spec, tuple):
            out.append(Slot(a.name, SlotKind.NESTED, spec[1]))
        else:
            out.append(Slot(a.name, SlotKind.OTHER, hints[a.name]))
    return tuple(out)


def _describe_python(value: object) -> str:
    return f"{type(value).__name__} {shown(value, limit=40)}"


def check_value(
    kind: SlotKind,
    value: object,
    nested: Any = None,
    describe: Callable[[object], str] | None = None,
) -> str | None:
    """Return why ``value`` cannot stand in a slot of ``kind``, or ``None`` if it can.

    ``describe`` names a wrong value in the message (the JSON reader names JSON types).
    """
    problem = value_problem(kind, value, "$", nested, describe)
    return None if problem is None else problem.message


def value_problem(
    kind: SlotKind,
    value: object,
    path: str,
    nested: Any = None,
    describe: Callable[[object], str] | None = None,
) -> Problem | None:
    """What is wrong with ``value`` in a slot of ``kind`` at ``path`` (``None``: nothing)."""
    _describe = describe or _describe_python
    if kind in (SlotKind.COUNT, SlotKind.CHANGE):
        if value is None:
            return None
        if type(value) is int:
            if kind is SlotKind.COUNT and value < 0:
                return Problem(
                    path,
                    f"a count cannot be negative, got {value:d}",
                    ProblemKind.NEGATIVE,
                    f"数量不能为负数，实际为 {value:d}",
                )
            why = count_problem(value)
            if why is None:
                return None
            return Problem(path, why, ProblemKind.OUT_OF_RANGE, f"数量超出上限 {MAX_COUNT:,}")
        if kind is SlotKind.COUNT:
            got = _describe(value)
            return Problem(
                path,
                f"expected a non-negative integer or null, got {got}",
                ProblemKind.INT_TYPE,
                f"应为非负整数或 null，实际为 {got}",
            )
        got = _describe(value)
        return Problem(
            path,
            f"expected an integer or null, got {got}",
            ProblemKind.INT_TYPE,
            f"应为整数或 null，实际为 {got}",
        )
    if kind is SlotKind.MONEY:
        if value is None:
            return None
        if not isinstance(value, Amount):
            got = _describe(value)
            return Problem(
                path,
                f"expected an Amount or null, got {got}",
                ProblemKind.OBJECT_TYPE,
                f"应为金额或 null，实际为 {got}",
            )
        if value.value.is_signed():  # "-0" too: no amount of money is written with a minus
            return Problem(
                path,
                f"an amount of money cannot be negative, got {value.value}",
                ProblemKind.NEGATIVE,
                f"金额不能为负数，实际为 {value.value}",
            )
        return None
    if kind is SlotKind.NESTED:
        if isinstance(value, nested):
            return None
        got = _describe(value)
        return Problem(
            path,
            f"expected {nested.__name__}, got {got}",
            ProblemKind.CLASS_TYPE,
            f"应为 {nested.__name__}，实际为 {got}",
        )
    return None


class Relation(enum.Enum):
    """How the two sides of an :class:`Identity` compare."""

    EQUAL = "=="
    AT_MOST = "<="
    AT_LEAST = ">="


@frozen
class Identity:
    """An arithmetic rule between cells, declared where the cells are declared.

    ``left`` and ``right`` are sums of field names of the class the identity is declared on:
    columns of a row class (checked in every row of that class), rows of a table class
    (checked in every column), or cells of a statistics class. An empty side is zero.
    ``code`` names the rule in the rule catalogue.
    """

    code: str
    left: tuple[str, ...]
    relation: Relation
    right: tuple[str, ...]


def sums(code: str, total: str, parts: Sequence[str]) -> Identity:
    """``total`` equals the sum of ``parts``."""
    return Identity(code, (total,), Relation.EQUAL, tuple(parts))


class Declared:
    """Mixin of every declared class: checks each cell's type and sign on construction.

    Accounting consistency is *not* checked here (wrong totals must load); only what would
    make the object meaningless: a float count, a negative count, a row of the wrong class.
    """

    __slots__ = ()

    #: The arithmetic rules between this class's fields (see :class:`Identity`).
    IDENTITIES: ClassVar[tuple[Identity, ...]] = ()

    def __attrs_post_init__(self) -> None:
        problems = [
            problem
            for s in slots(type(self))
            if (problem := value_problem(s.kind, getattr(self, s.name), f"$.{s.name}", s.type))
            is not None
        ]
        if problems:
            raise ValidationError(problems)


R = TypeVar("R", bound=Declared)


def sum_rows(rows: Sequence[R]) -> R:
    """Add rows of one row class column by column; a column is ``None`` if any part is."""
    cls = type(rows[0])
    values: dict[str, int | None] = {}
    for s in slots(cls):
        parts = [getattr(r, s.name) for r in rows]
        values[s.name] = None if any(p is None for p in parts) else sum(parts)
    if {a.name for a in attrs.fields(cls)} != values.keys():  # type: ignore[arg-type]  # pragma: no cover
        return cls(**values)
    # Built without the constructor's checks: each part was checked, and a sum of counts
    # may rightly exceed the limit of one stated count (MAX_COUNT).
    total: R = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(total, name, value)
    return total


def rows_in_group(cls: type, grp: Group) -> tuple[str, ...]:
    """The rows of a table class that sit directly in ``grp``, in form order."""
    known = _ROWS_IN_GROUP.get((cls, grp))
    if known is None:
        known = _ROWS_IN_GROUP[cls, grp] = tuple(
            a.name
            for a in attrs.fields(cls)
            if isinstance(spec := a.metadata.get(SPEC), RowSpec) and spec.group == grp
        )
    return known


_ROWS_IN_GROUP: dict[tuple[type, Group], tuple[str, ...]] = {}


def group_total(table: Declared, grp: Group, row_cls: type[R]) -> R:
    """The rows of ``table`` in ``grp`` added column by column (see :func:`sum_rows`): the
    total the form prints no row for (（三）不予公开, 行政诉讼, …)."""
    rows = [getattr(table, name) for name in rows_in_group(type(table), grp)]
    if not all(isinstance(r, row_cls) for r in rows):  # pragma: no cover - a declaration error
        msg = f"the rows of {grp.key!r} are not all {row_cls.__name__}"
        raise TypeError(msg)
    return sum_rows(typing.cast(list[R], rows))


@frozen
class Entry:
    """One cell of a format's catalogue.

    ``table``, ``row`` and ``column`` are stable keys (``path`` joins them and is the
    attribute path below ``Report.statistics``); the ``*_code`` fields mirror the numbering
    of the official form, and :attr:`code` joins those.
    """

    format: ReportFormat
    path: str
    table: str
    row: str
    column: str
    table_code: str
    row_code: str
    column_code: str
    table_label: Label
    row_groups: tuple[Label, ...]
    row_label: Label
    column_groups: tuple[Label, ...]
    column_label: Label
    kind: CellKind
    unit: Unit | None
    parent: str | None = None

    @property
    def code(self) -> str:
        """The official code of the cell, e.g. ``3/三(三)1/自然人``."""
        return f"{self.table_code}/{self.row_code}/{self.column_code}"


def _entries_index(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    return {e.path: e for e in entries}


@frozen
class Catalogue:
    """Every cell of one format, in the order of the form."""

    format: ReportFormat
    entries: tuple[Entry, ...]
    _index: dict[str, Entry] = field(init=False, eq=False, repr=False)
    _view: Mapping[str, Entry] = field(init=False, eq=False, repr=False)

    @_index.default
    def _build_index(self) -> dict[str, Entry]:
        return _entries_index(self.entries)

    @_view.default
    def _build_view(self) -> Mapping[str, Entry]:
        return MappingProxyType(self._index)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, path: object) -> bool:
        return path in self._index

    def __getitem__(self, path: str) -> Entry:
        try:
            return self._index[path]
        except KeyError:
            msg = f"{self.format.value} has no cell {path!r}"
            raise KeyError(msg) from None

    def get(self, path: str) -> Entry | None:
        """The entry at ``path``, or ``None``."""
        return self._index.get(path)

    @property
    def paths(self) -> Mapping[str, Entry]:
        """Entries by path (a read-only view: ``path in catalogue.paths`` is a dict lookup)."""
        return self._view

    def tables(self) -> tuple[str, ...]:
        """The table keys, in form order."""
        return tuple(dict.fromkeys(e.table for e in self.entries))


def _spec(a: attrs.Attribute[Any]) -> Any:
    return a.metadata.get(SPEC)


def build_catalogue(fmt: ReportFormat, stats_cls: type) -> Catalogue:
    """Walk a statistics class's declaration into its catalogue."""
    entries: list[Entry] = []
    own_table: TableSpec = stats_cls.TABLE  # type: ignore[attr-defined]
    for tf in attrs.fields(stats_cls):
        spec = _spec(tf)
        if isinstance(spec, tuple):
            tspec, tcls = spec
            for rf in attrs.fields(tcls):
                rspec = _spec(rf)
                for cf in attrs.fields(rspec.cls):
                    cspec: CellSpec = _spec(cf)
                    entries.append(
                        Entry(
                            format=fmt,
                            path=f"{tf.name}.{rf.name}.{cf.name}",
                            table=tf.name,
                            row=rf.name,
                            column=cf.name,
                            table_code=tspec.code,
                            row_code=rspec.code,
                            column_code=cspec.code or cspec.label.zh,
                            table_label=tspec.label,
                            row_groups=rspec.groups,
                            row_label=rspec.label,
                            column_groups=cspec.groups,
                            column_label=cspec.label,
                            kind=cspec.kind,
                            unit=cspec.unit,
                        )
                    )
        elif isinstance(spec, CellSpec):
            own_specs = {
                a.name: _spec(a) for a in attrs.fields(stats_cls) if isinstance(_spec(a), CellSpec)
            }
            entries.append(
                Entry(
                    format=fmt,
                    path=tf.name,
                    table=own_table_key(stats_cls),
                    row=tf.name,
                    column="value",
                    table_code=own_table.code,
                    row_code=indicator_code(tf.name, own_specs),
                    column_code="统计数",
                    table_label=own_table.label,
                    row_groups=spec.groups,
                    row_label=spec.label,
                    column_groups=(),
                    column_label=Label("统计数", "value"),
                    kind=spec.kind,
                    unit=spec.unit,
                    parent=spec.parent,
                )
            )
    return Catalogue(fmt, tuple(entries))


def own_table_key(stats_cls: type) -> str:
    """Key of the table formed by cells declared directly on a statistics class."""
    key: str = stats_cls.TABLE_KEY  # type: ignore[attr-defined]
    return key


@frozen
class ProseWords:
    """Words of a report's prose that make a figure there the value of cells (the prose
    reader's vocabulary, declared with the format).

    ``before`` is a regular expression the words before the number in its clause must
    match, ``after`` (if given) one for the words after it; ``subject`` is the subject of
    the sentence (``review`` 复议, ``litigation`` 诉讼, ``complaints`` 举报) where the words
    alone (维持, 纠错) do not say. ``cells`` are catalogue paths; several cells mean the
    figure is their sum. The reader tries a format's words in order and takes the first
    that matches, so narrower words come first.
    """

    cells: tuple[str, ...]
    before: str
    after: str | None = None
    subject: str | None = None


def words(
    cells: str, before: str, after: str | None = None, subject: str | None = None
) -> ProseWords:
    """Declare prose words for ``cells`` (catalogue paths separated by spaces)."""
    return ProseWords(tuple(cells.split()), before, after, subject)


class StatisticsBase(Declared):
    """Base of the three statistics classes: access to cells by catalogue path."""

    __slots__ = ()

    FORMAT: ClassVar[ReportFormat]
    #: The words of the prose that name cells of this format, in the order they are tried.
    PROSE_WORDS: ClassVar[tuple[ProseWords, ...]] = ()
    TABLE: ClassVar[TableSpec] = TableSpec("", Label("", ""))
    TABLE_KEY: ClassVar[str] = ""

    @classmethod
    def catalogue(cls) -> Catalogue:
        """The catalogue of this format."""
        known = _CATALOGUES.get(cls)
        if known is None:
            known = _CATALOGUES[cls] = build_catalogue(cls.FORMAT, cls)
        return known

    def cell(self, path: str) -> CellValue:
        """The value of the cell at catalogue ``path`` (e.g. ``applications.granted.total``)."""
        if path not in self.catalogue():
            msg = f"{self.FORMAT.value} has no cell {path!r}"
            raise KeyError(msg)
        obj: Any = self
        for part in path.split("."):
            obj = getattr(obj, part)
        return typing.cast(CellValue, obj)

    def cells(self) -> Iterator[tuple[Entry, CellValue]]:
        """Every cell with its catalogue entry, in form order (including unstated ones)."""
        for e in self.catalogue():
            yield e, self.cell(e.path)


_CATALOGUES: dict[type, Catalogue] = {}
