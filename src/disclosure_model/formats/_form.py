"""The printed form of each format, built once from its declaration.

The statistics classes declare the cells; this module adds what the *form* says on top of
them and derives the rest, so that parsers, renderers, strategies and checks read one spec:

* per table: its caption and heading variants, the note printed in its top-left cell (the
  勾稽关系 of table 三), how it is printed (table 四: one row of 15 cells), and its blocks
  (table 二 has one block per 第二十条 caption, each with its own columns);
* per block: the header of the label column(s), the column-header tree with its spans
  (申请人情况 › 法人或其他组织 › …), and the row tree with its groups, their keys and
  numbering (三、 › （三） › 1.);
* per format: the narrative section headings with the variants real reports print, the
  report years it applies to, and the publication deadline;
* label matching through one normaliser and the declared variants (aliases).

>>> from disclosure_model.formats import form
>>> t = form("gov-2021").table("applications")
>>> t.group("results").span, t.group("denied").span
(22, 8)
>>> t.rows_under("unable")
('unable_not_held', 'unable_needs_creation', 'unable_unclear')
>>> form("gov-2021").match_row("applications", "（二）部分公开").key
'partially_granted'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import attrs
from attrs import field, frozen

from disclosure_model.formats._declare import (
    SPEC,
    CellSpec,
    Group,
    Label,
    ReportFormat,
    RowSpec,
    TableSpec,
    indicator_code,
    numbering,
)
from disclosure_model.formats._labels import normalise_label, strip_numbering

__all__ = [
    "BlockForm",
    "ColumnNode",
    "Deadline",
    "FormSpec",
    "GroupStyle",
    "HeaderCell",
    "Layout",
    "PrintedRow",
    "RowNode",
    "SectionSpec",
    "TableForm",
    "build_form",
]


class Layout(enum.Enum):
    """How a table is printed."""

    #: A row of the model is a printed row (tables 二 and 三, the legacy table).
    ROWS = "rows"
    #: The whole table is one printed row; the model's rows become column blocks (table 四).
    ONE_ROW = "one-row"


class GroupStyle(enum.Enum):
    """How a block prints the groups of its rows."""

    #: As merged label cells to the left of their rows (table 三: rowspan 22, 8, …).
    MERGED = "merged"
    #: As heading rows of their own above their rows (the legacy 统计表).
    HEADING = "heading"


@frozen
class SectionSpec:
    """A narrative section of a format: its heading as the format prints it.

    ``words`` are words every variant of the heading carries (in simplified and
    traditional script); ``aliases`` are whole headings real reports print instead.
    """

    key: str
    label: Label
    words: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def numbering(self) -> str:
        """The numeral the heading starts with (``一``)."""
        return self.label.zh[0]

    def matches(self, heading: str) -> bool:
        """Whether ``heading`` is this section's heading (numbered as the format numbers it)."""
        key = normalise_label(heading)
        if any(key == normalise_label(a) for a in (self.label.zh, *self.aliases)):
            return True
        return key.startswith(self.numbering) and any(w in key for w in self.words)


@frozen
class Deadline:
    """When a report for a year must be published: by (month, day) of the next year, for
    departments, for governments and for any other organ (``None``: the law sets none)."""

    departments: tuple[int, int] | None
    governments: tuple[int, int] | None
    others: tuple[int, int] | None
    basis: Label

    def due(self, report_year: int, *, department: bool, government: bool) -> date | None:
        """The last lawful day of publication, or ``None`` where the law sets none."""
        when = self.others
        if department or government:
            when = self.departments if department else self.governments
        return date(report_year + 1, *when) if when is not None else None


#: 2007 条例 art. 31: every organ by 31 March (reports for 2008–2018).
DEADLINE_2007 = Deadline(
    (3, 31),
    (3, 31),
    (3, 31),
    Label("2007年《条例》第三十一条", "2007 Regulations, art. 31"),
)
#: 2019 条例 art. 49: departments by 31 January, governments by 31 March (2019 onward).
DEADLINE_2019 = Deadline(
    (1, 31),
    (3, 31),
    None,
    Label("2019年《条例》第四十九条", "2019 Regulations, art. 49"),
)


@frozen
class ColumnNode:
    """A column header: a leaf names a value column, an inner node spans its leaves.

    ``key`` is the column's field name (``natural_person``); ``row`` is set where a table
    is printed in one row and each leaf is a (row, column) cell of the model (table 四).
    """

    key: str | None
    label: Label
    children: tuple[ColumnNode, ...] = ()
    aliases: tuple[str, ...] = ()
    row: str | None = None

    @property
    def leaves(self) -> tuple[ColumnNode, ...]:
        """The value columns below this header, in print order."""
        if not self.children:
            return (self,)
        return tuple(leaf for c in self.children for leaf in c.leaves)

    @property
    def span(self) -> int:
        """How many value columns the header spans."""
        return len(self.leaves)

    @property
    def depth(self) -> int:
        """Header rows from this node down to its deepest leaf, itself included."""
        return 1 + max((c.depth for c in self.children), default=0)


@frozen
class RowNode:
    """A row of the form, or a group of rows printed under one label.

    ``key`` is the row's field name, or the group's key (``denied``); ``code`` is the
    official code (a group's is the prefix of its rows' codes). ``children`` of a group
    are its rows; the legacy table also nests "其中" and numbered parts under the cell
    they are part of (``is_group`` false, with children).
    """

    key: str
    label: Label
    code: str
    is_group: bool = False
    children: tuple[RowNode, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def numbering(self) -> str | None:
        """The numbering the label starts with, as printed (``（三）``), if any."""
        return numbering(self.label.zh)

    @property
    def leaves(self) -> tuple[RowNode, ...]:
        """The rows that hold values, this one included, in form order."""
        own = () if self.is_group else (self,)
        return own + tuple(leaf for c in self.children for leaf in c.leaves)

    @property
    def span(self) -> int:
        """How many printed rows the node covers (a group's merged label cell spans these)."""
        return len(self.leaves)

    def walk(self) -> Iterator[tuple[tuple[RowNode, ...], RowNode]]:
        """Every node below and including this one, with its ancestors, outermost first."""
        yield (), self
        for c in self.children:
            for ancestors, node in c.walk():
                yield (self, *ancestors), node

    @property
    def depth(self) -> int:
        """Label columns this node needs when groups print as merged cells."""
        if not self.is_group:
            return 1
        return 1 + max((c.depth for c in self.children), default=0)


@frozen
class HeaderCell:
    """A cell of a block's printed header: a label with its spans (``key`` for a leaf)."""

    label: Label
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None


@frozen
class PrintedRow:
    """A printed body row: the label cells that open on it, then its value paths.

    ``labels`` are (node, rowspan, colspan): a group opening on this row carries the rows
    it spans; ``paths`` are the catalogue paths of the value cells (``None`` where the row
    prints no value, as a heading row of the legacy table); ``unit`` is the printed unit
    where the block has a unit column.
    """

    labels: tuple[tuple[RowNode, int, int], ...]
    paths: tuple[str | None, ...]
    depth: int = 0
    unit: str | None = None


@frozen
class BlockForm:
    """A part of a table printed under its own header row(s)."""

    table: str
    caption: Label | None
    label_headers: tuple[Label, ...]
    columns: tuple[ColumnNode, ...]
    rows: tuple[RowNode, ...]
    group_style: GroupStyle = GroupStyle.MERGED
    unit_column: bool = False

    @property
    def leaf_columns(self) -> tuple[ColumnNode, ...]:
        """The value columns, in print order."""
        return tuple(leaf for c in self.columns for leaf in c.leaves)

    @property
    def leaf_rows(self) -> tuple[RowNode, ...]:
        """The rows that hold values, in form order."""
        return tuple(leaf for r in self.rows for leaf in r.leaves)

    @property
    def label_columns(self) -> int:
        """How many label columns the block prints (merged groups need one each)."""
        if self.group_style is GroupStyle.HEADING:
            return 1
        return max((r.depth for r in self.rows), default=1)

    @property
    def header_depth(self) -> int:
        """How many header rows the column tree prints."""
        return max((c.depth for c in self.columns), default=1)

    def header_rows(self) -> tuple[tuple[HeaderCell, ...], ...]:
        """The printed header rows of the column tree, with spans (the label column(s) not
        included: the table's note or label headers stand there, see :meth:`TableForm.corner`)."""
        depth = self.header_depth
        out: list[list[HeaderCell]] = [[] for _ in range(depth)]

        def place(node: ColumnNode, level: int) -> None:
            rowspan = 1 if node.children else depth - level
            out[level].append(HeaderCell(node.label, rowspan, node.span, node.key))
            for c in node.children:
                place(c, level + 1)

        for c in self.columns:
            place(c, 0)
        return tuple(tuple(r) for r in out)

    def printed_rows(self) -> tuple[PrintedRow, ...]:
        """The body as printed: one entry per printed row, label cells with their spans."""
        out: list[PrintedRow] = []
        width = self.label_columns
        leaf_keys = [c.key for c in self.leaf_columns]

        def paths_of(node: RowNode) -> tuple[str | None, ...]:
            if node.is_group:
                return (None,) * len(leaf_keys)
            return tuple(f"{self.table}.{node.key}.{k}" for k in leaf_keys)

        def merged(node: RowNode, pending: list[tuple[RowNode, int, int]], level: int) -> None:
            if node.is_group:
                pending.append((node, node.span, 1))
                for i, c in enumerate(node.children):
                    merged(c, pending if i == 0 else [], level + 1)
                return
            pending.append((node, 1, width - level))
            out.append(PrintedRow(tuple(pending), paths_of(node), level))

        def heading(node: RowNode, level: int) -> None:
            path = None if node.is_group else f"{self.table}.{node.key}"
            out.append(PrintedRow(((node, 1, 1),), (path,), level))
            for c in node.children:
                heading(c, level + 1)

        for r in self.rows:
            if self.group_style is GroupStyle.MERGED:
                merged(r, [], 0)
            else:
                heading(r, 0)
        return tuple(out)


@frozen(kw_only=True)
class TableForm:
    """A table of a format as printed."""

    key: str
    code: str
    label: Label
    aliases: tuple[str, ...] = ()
    note: Label | None = None
    layout: Layout = Layout.ROWS
    rows: tuple[RowNode, ...]
    blocks: tuple[BlockForm, ...]
    _nodes: dict[str, tuple[tuple[RowNode, ...], RowNode]] = field(init=False, eq=False, repr=False)

    @_nodes.default
    def _index(self) -> dict[str, tuple[tuple[RowNode, ...], RowNode]]:
        index = {}
        for r in self.rows:
            for ancestors, node in r.walk():
                index[node.key] = (ancestors, node)
        return index

    @property
    def leaf_rows(self) -> tuple[RowNode, ...]:
        """The rows of the model that hold values, in form order."""
        return tuple(leaf for r in self.rows for leaf in r.leaves)

    def node(self, key: str) -> RowNode:
        """The row or group with this key."""
        try:
            return self._nodes[key][1]
        except KeyError:
            msg = f"table {self.key!r} has no row or group {key!r}"
            raise KeyError(msg) from None

    def group(self, key: str) -> RowNode:
        """The group with this key (``denied``)."""
        node = self.node(key)
        if not node.is_group:
            msg = f"{key!r} is a row of table {self.key!r}, not a group"
            raise KeyError(msg)
        return node

    def ancestors(self, key: str) -> tuple[RowNode, ...]:
        """The groups (and, in the legacy table, parent cells) enclosing a row, outermost first."""
        self.node(key)
        return self._nodes[key][0]

    def rows_under(self, key: str) -> tuple[str, ...]:
        """The keys of the value rows a group (or a parent row) encloses, in form order."""
        return tuple(leaf.key for leaf in self.node(key).leaves if leaf.key != key)

    def path(self, row: str, column: str) -> str:
        """The catalogue path of a cell."""
        return f"{self.key}.{row}.{column}"

    def printed_cells(self) -> tuple[tuple[str, str], ...]:
        """(row, column) of each value cell in print order (table 四: the 15 of its one row)."""
        if self.layout is Layout.ONE_ROW:
            return tuple(
                (leaf.row, leaf.key)
                for b in self.blocks
                for leaf in b.leaf_columns
                if leaf.row is not None and leaf.key is not None
            )
        return tuple(
            (r.key, c.key)
            for b in self.blocks
            for r in b.leaf_rows
            for c in b.leaf_columns
            if c.key is not None
        )

    def corner(self) -> Label | None:
        """What the top-left cell prints: the table's note, else ``None``."""
        return self.note

    def header_words(self) -> frozenset[str]:
        """Normalised texts that are part of the printed header, not data (申请人情况,
        信息内容, the note, the column labels and captions)."""
        words: set[str] = set()
        if self.note is not None:
            words.add(normalise_label(self.note.zh))
        for b in self.blocks:
            if b.caption is not None:
                words.add(normalise_label(b.caption.zh))
            words.update(normalise_label(h.zh) for h in b.label_headers)
            stack = list(b.columns)
            while stack:
                c = stack.pop()
                words.update(normalise_label(t) for t in (c.label.zh, *c.aliases))
                stack.extend(c.children)
        return frozenset(words)


@frozen(kw_only=True)
class FormSpec:
    """The whole printed form of one format."""

    format: ReportFormat
    years: tuple[int, int | None]
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableForm, ...]
    deadline: Deadline

    def table(self, key: str) -> TableForm:
        """The table with this key (as in catalogue paths: ``applications``)."""
        for t in self.tables:
            if t.key == key:
                return t
        msg = f"{self.format.value} has no table {key!r}"
        raise KeyError(msg)

    def applies_to(self, year: int) -> bool:
        """Whether reports for ``year`` are due in this format."""
        first, last = self.years
        return year >= first and (last is None or year <= last)

    def match_table(self, text: str) -> TableForm | None:
        """The table whose heading ``text`` is (numbering optional, variants accepted)."""
        key = normalise_label(text)
        bare = strip_numbering(key)
        for t in self.tables:
            names = [normalise_label(n) for n in (t.label.zh, *t.aliases)]
            if key in names or bare in {strip_numbering(n) for n in names}:
                return t
        return None

    def match_section(self, text: str) -> SectionSpec | None:
        """The narrative section whose heading ``text`` is."""
        return next((s for s in self.sections if s.matches(text)), None)

    def match_row(self, table: str, text: str, *, within: str | None = None) -> RowNode | None:
        """The row or group of ``table`` whose label ``text`` is; ``None`` if none or several.

        The printed label may carry or drop its numbering, be truncated (at least four
        characters of it), or add words at its end; numbering that is printed must agree.
        ``within`` is the key of an enclosing group or parent row, which tells apart labels
        printed in several places (the ``1.`` rows of table 三, the legacy table's
        （一）维持具体行政行为数).
        """
        t = self.table(table)
        candidates = _matches(normalise_label(text), _row_options(self.format, table))
        if within is not None:
            candidates = [c for c in candidates if any(a.key == within for a in t.ancestors(c.key))]
        return candidates[0] if len(candidates) == 1 else None

    def match_column(self, table: str, text: str) -> ColumnNode | None:
        """The column header of ``table`` whose label ``text`` is; ``None`` if none or several."""
        found = _matches(normalise_label(text), _column_options(self.format, table))
        return found[0] if len(found) == 1 else None


#: An option to match: the item, and each of its names as (normalised, without numbering).
_Option = tuple[Any, tuple[tuple[str, str], ...]]


def _names(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((n, strip_numbering(n)) for n in (normalise_label(x) for x in names))


@functools.cache
def _row_options(fmt: ReportFormat, table: str) -> tuple[_Option, ...]:
    from disclosure_model.formats import form  # the spec of the format, built once

    t = form(fmt).table(table)
    return tuple((node, _names((node.label.zh, *node.aliases))) for _, node in t._nodes.values())


@functools.cache
def _column_options(fmt: ReportFormat, table: str) -> tuple[_Option, ...]:
    from disclosure_model.formats import form

    nodes: list[ColumnNode] = []
    for b in form(fmt).table(table).blocks:
        stack = list(b.columns)
        while stack:
            c = stack.pop()
            if c not in nodes:
                nodes.append(c)
            stack.extend(c.children)
    return tuple((c, _names((c.label.zh, *c.aliases))) for c in nodes)


_MIN_PREFIX = 4


def _matches(key: str, options: Sequence[_Option]) -> list[Any]:
    """The options whose labels ``key`` matches, by the most exact kind of match any has."""
    if not key:
        return []
    bare = strip_numbering(key)
    own = key[: len(key) - len(bare)]
    tiers: list[list[Any]] = [[], [], [], []]
    for item, names in options:
        best = 4
        for n, nb in names:
            if key == n:
                best = 0
                break
            theirs = n[: len(n) - len(nb)]
            if own and theirs and _numeral(own) != _numeral(theirs):
                continue  # both numbered, differently: another row
            if bare and bare == nb:
                best = min(best, 1)
            elif len(bare) >= _MIN_PREFIX and nb.startswith(bare):
                best = min(best, 2)  # a truncated label
            elif len(nb) >= _MIN_PREFIX and bare.startswith(nb):
                best = min(best, 2)  # the label with words added after it
            elif len(bare) >= _MIN_PREFIX and own and own == theirs and bare in nb:
                best = min(best, 3)
        if best < 4:
            tiers[best].append(item)
    for tier in tiers:
        if tier:
            # Items can repeat (a node listed under two names): keep the first of each.
            return list(dict.fromkeys(tier))
    return []


def _numeral(numbering: str) -> str:
    """The numeral of a numbering (``(三)`` and ``三.`` → ``三``)."""
    return numbering.strip("().,、")


# ---------------------------------------------------------------------------------------
# Building the spec from the declared classes
# ---------------------------------------------------------------------------------------


def _spec(a: attrs.Attribute[Any]) -> Any:
    return a.metadata.get(SPEC)


class _Open:
    """A node being built (the spec's nodes are frozen, so children are collected first)."""

    def __init__(
        self, key: str, label: Label, code: str, *, group: bool, aliases: tuple[str, ...] = ()
    ) -> None:
        self.key, self.label, self.code, self.group, self.aliases = key, label, code, group, aliases
        self.children: list[_Open] = []

    def freeze(self) -> RowNode:
        return RowNode(
            key=self.key,
            label=self.label,
            code=self.code,
            is_group=self.group,
            children=tuple(c.freeze() for c in self.children),
            aliases=self.aliases,
        )


def _tree(
    items: Sequence[tuple[str, Label, str, Group | None, str | None, tuple[str, ...]]],
) -> tuple[RowNode, ...]:
    """Rows (key, label, code, group, parent row, aliases) in form order → the row tree."""
    roots: list[_Open] = []
    groups: dict[int, _Open] = {}
    cells: dict[str, _Open] = {}

    def container(g: Group | None) -> list[_Open]:
        if g is None:
            return roots
        known = groups.get(id(g))
        if known is None:
            known = groups[id(g)] = _Open(g.key, g.label, g.prefix, group=True, aliases=g.aliases)
            container(g.parent).append(known)
        return known.children

    for key, label, code, grp, parent, aliases in items:
        node = _Open(key, label, code, group=False, aliases=aliases)
        cells[key] = node
        if parent is not None:
            cells[parent].children.append(node)
        else:
            container(grp).append(node)
    return tuple(r.freeze() for r in roots)


def _columns(cls: type, *, root: Label | None) -> tuple[ColumnNode, ...]:
    """The column tree of a row class (its cells, under their column groups)."""
    out: list[ColumnNode] = []
    pending: tuple[Group | None, list[ColumnNode]] = (None, [])

    def flush() -> None:
        g, members = pending
        if g is not None and members:
            out.append(ColumnNode(None, g.label, tuple(members), g.aliases))

    for a in attrs.fields(cls):
        spec: CellSpec = _spec(a)
        leaf = ColumnNode(a.name, spec.label, (), spec.aliases)
        if spec.group is None:
            flush()
            pending = (None, [])
            out.append(leaf)
        elif spec.group is pending[0]:
            pending[1].append(leaf)
        else:
            flush()
            pending = (spec.group, [leaf])
    flush()
    if root is not None:
        return (ColumnNode(None, root, tuple(out)),)
    return tuple(out)


def _row_table(key: str, tspec: TableSpec, tcls: type) -> TableForm:
    rows: list[tuple[str, RowSpec]] = [(a.name, _spec(a)) for a in attrs.fields(tcls)]
    tree = _tree([(k, s.label, s.code, s.group, None, s.aliases) for k, s in rows])
    layout: Layout = getattr(tcls, "LAYOUT", Layout.ROWS)
    headers: tuple[Label, ...] = getattr(tcls, "LABEL_HEADERS", ())
    blocks: list[BlockForm] = []
    if layout is Layout.ONE_ROW:
        leaves = _columns({s.cls for _, s in rows}.pop(), root=None)

        def as_columns(node: RowNode) -> ColumnNode:
            if node.is_group:
                return ColumnNode(None, node.label, tuple(as_columns(c) for c in node.children))
            return ColumnNode(
                None, node.label, tuple(attrs.evolve(c, row=node.key) for c in leaves)
            )

        blocks.append(BlockForm(key, None, headers, tuple(as_columns(n) for n in tree), ()))
    else:
        # Consecutive top-level nodes that are captions form blocks of their own (table 二).
        for node in tree:
            caption = node.label if node.is_group and _is_caption(node, rows) else None
            members = node.children if caption is not None else (node,)
            classes = {dict(rows)[leaf.key].cls for m in members for leaf in m.leaves}
            columns = _columns(classes.pop(), root=_header(rows, node))
            if caption is None and blocks and blocks[-1].caption is None:
                last = blocks[-1]
                blocks[-1] = attrs.evolve(last, rows=(*last.rows, *members))
            else:
                blocks.append(BlockForm(key, caption, headers, columns, tuple(members)))
    return TableForm(
        key=key,
        code=tspec.code,
        label=tspec.label,
        aliases=getattr(tcls, "ALIASES", ()),
        note=getattr(tcls, "NOTE", None),
        layout=layout,
        rows=tree,
        blocks=tuple(blocks),
    )


def _is_caption(node: RowNode, rows: Sequence[tuple[str, RowSpec]]) -> bool:
    spec = dict(rows)[node.leaves[0].key]
    outer = spec.group.chain[0] if spec.group is not None else None
    return (
        outer is not None
        and outer.key == node.key
        and outer.code is not None
        and (outer.key.startswith("art"))
    )


def _header(rows: Sequence[tuple[str, RowSpec]], node: RowNode) -> Label | None:
    cls = dict(rows)[node.leaves[0].key].cls
    header: Label | None = getattr(cls, "HEADER", None)
    return header


def _indicator_table(stats_cls: type) -> TableForm:
    """The one-column table of indicators (the legacy 统计表)."""
    fields = [(a.name, _spec(a)) for a in attrs.fields(stats_cls)]
    specs = {k: s for k, s in fields if isinstance(s, CellSpec)}
    items = [
        (k, s.label, indicator_code(k, specs), s.group, s.parent, s.aliases)
        for k, s in specs.items()
    ]
    tree = _tree(items)
    tspec: TableSpec = stats_cls.TABLE  # type: ignore[attr-defined]
    key: str = stats_cls.TABLE_KEY  # type: ignore[attr-defined]
    value = ColumnNode("value", Label("统计数", "value"))
    block = BlockForm(
        key,
        None,
        (Label("统计指标", "indicator"), Label("单位", "unit")),
        (value,),
        tree,
        GroupStyle.HEADING,
        unit_column=True,
    )
    return TableForm(key=key, code=tspec.code, label=tspec.label, rows=tree, blocks=(block,))


def build_form(stats_cls: type) -> FormSpec:
    """The form of a statistics class's format, from its declaration."""
    tables: list[TableForm] = []
    for a in attrs.fields(stats_cls):
        spec = _spec(a)
        if isinstance(spec, tuple):
            tspec, tcls = spec
            tables.append(_row_table(a.name, tspec, tcls))
    if getattr(stats_cls, "TABLE_KEY", ""):
        tables.append(_indicator_table(stats_cls))
    return FormSpec(
        format=stats_cls.FORMAT,  # type: ignore[attr-defined]
        years=stats_cls.YEARS,  # type: ignore[attr-defined]
        sections=stats_cls.SECTIONS,  # type: ignore[attr-defined]
        tables=tuple(tables),
        deadline=stats_cls.DEADLINE,  # type: ignore[attr-defined]
    )
