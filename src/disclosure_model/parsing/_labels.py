"""Printed labels → rows and groups of the form, through the form spec.

The rows, groups, columns and headings come from :func:`disclosure_model.formats.form`, and
every label is matched by :meth:`~disclosure_model.formats.FormSpec.match_row` /
:meth:`~disclosure_model.formats.FormSpec.match_table` on the spec's one normaliser. This
module adds only what a reader of a *whole source* needs on top of matching one label:

* the form order, so that a label the spec finds in several places (the legacy table's
  ``（一）维持具体行政行为数``) is read as the next one after the last row read;
* column headers are not rows (``总计``, ``其他`` print as headers and, numbered, as rows);
* a label that lost characters in the source (``2.其他法律行政止公开``) is the row of the same
  number it resembles closely (similarity ≥ 0.6), and a piece of at least six characters of
  a label cut at both ends (by a Markdown converter) is the next row not yet read that
  contains it; both only inside a table already recognised.
"""

from __future__ import annotations

import difflib
import functools
import re

from attrs import frozen

from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat, form, normalise_label
from disclosure_model.formats._form import FormSpec, Layout, RowNode
from disclosure_model.formats._labels import strip_numbering

__all__ = [
    "FormLabels",
    "GroupLabel",
    "RowLabel",
    "form_labels",
    "normalise_label",
    "split_numbering",
]


def split_numbering(label: str) -> tuple[str | None, str]:
    """A normalised label's numbering (``"1."``, ``"(三)"``, ``"四."``) and the rest.

    >>> split_numbering(normalise_label("（三）不予公开"))
    ('(三)', '不予公开')
    >>> split_numbering(normalise_label("四、结转下年度继续办理"))
    ('四.', '结转下年度继续办理')
    >>> split_numbering("规章")
    (None, '规章')
    """
    rest = strip_numbering(label)
    if rest == label:
        return None, label
    return label[: len(label) - len(rest)], rest


@frozen(kw_only=True)
class GroupLabel:
    """A row group of a table (a merged label cell: （三）不予公开)."""

    table: str
    key: str
    numbering: str | None
    core: str


@frozen(kw_only=True)
class RowLabel:
    """A data row of a table, with the columns its cells are printed in."""

    table: str
    key: str
    numbering: str | None
    core: str
    #: Keys of the groups (and legacy parent cells) the row sits in, outermost first.
    groups: tuple[str, ...]
    #: Column keys in print order, and the catalogue path of each cell.
    columns: tuple[str, ...]
    paths: tuple[str, ...]
    #: Position of the row in the form (across tables).
    order: int


_TABLE_PREFIX = re.compile(r"^[#*\s]*(?:表[一二三四五六七八九十][:：]\s*)?")
# Heading variants beyond the spec's aliases: (table key, words all present, numbering).
_HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("active", ("主动公开",)),
    ("applications", ("收到和处理", "申请")),
    ("reviews", ("行政复议", "行政诉讼")),
    ("indicators", ("统计指标",)),
)


@frozen(kw_only=True)
class FormLabels:
    """The rows and groups of one format, in form order, with the spec that matches them.

    ``exact`` indexes, per table, the spec's labels and aliases by their normalised form and
    by that form without numbering: a printed label equal to one of them is what the spec's
    first two tiers of matching find, without asking the spec to normalise every label of the
    table again (most printed labels are exact). Any other label goes to the spec.
    """

    format: ReportFormat
    spec: FormSpec
    rows: tuple[RowLabel, ...]
    groups: tuple[GroupLabel, ...]
    exact: dict[str, tuple[dict[str, tuple[RowNode, ...]], dict[str, tuple[RowNode, ...]]]]
    headings: dict[str, str]
    #: Length of the longest normalised label (plus room for local words): longer is prose.
    longest: int
    #: Per table, the value columns' labels and aliases (normalised) → column key.
    column_keys: dict[str, dict[str, str]]

    def match_column(self, table: str, text: str) -> str | None:
        """The key of the value column a header cell names, if it names one (the spec's
        :meth:`~disclosure_model.formats.FormSpec.match_column`, exact labels first)."""
        label = normalise_label(text)
        known = self.column_keys[table].get(label)
        if known is not None:
            return known
        if len(label) > 24 or label in _all_header_words(self.format):
            return None  # a note, or a header that spans columns (申请人情况, 信息内容)
        node = self.spec.match_column(table, text)
        return node.key if node is not None and not node.children else None

    def table_rows(self, table: str) -> tuple[RowLabel, ...]:
        """The rows of ``table`` in form order."""
        return tuple(r for r in self.rows if r.table == table)

    def tables(self) -> tuple[str, ...]:
        """The table keys in form order."""
        return tuple(t.key for t in self.spec.tables)

    def match_heading(self, text: str) -> str | None:
        """The table a heading line introduces (``三、收到和处理政府信息公开申请情况``), if any."""
        bare = _TABLE_PREFIX.sub("", text)
        label = normalise_label(bare)
        if not 4 <= len(label) <= 60:
            return None
        known = self.headings.get(label) or self.headings.get(strip_numbering(label))
        if known is not None:
            return known
        if len(label) > 40:
            return None
        numbering, rest = split_numbering(label)
        for key, words in _HEADING_WORDS:
            if key in self.tables() and all(w in rest for w in words):
                wanted = self.spec.table(key).label.zh[:1]
                if numbering is None and len(rest) > 24:
                    continue
                if numbering is None or numbering.startswith(wanted) or key == "indicators":
                    return key
        return None

    def match_section(self, text: str) -> str | None:
        """The key of the narrative section whose heading ``text`` is, if any."""
        found = self.spec.match_section(text)
        return found.key if found is not None else None

    def match(
        self, text: str, *, table: str | None = None, after: int = -1
    ) -> RowLabel | GroupLabel | None:
        """The row or group a printed label names, in ``table`` (or in any table).

        ``after`` is the form position of the last row read: where the spec finds a label in
        several places, the first place after it wins.
        """
        label = normalise_label(text)
        if not label:
            return None
        numbering, rest = split_numbering(label)
        if not rest:
            return None
        if len(label) > self.longest or label in _all_header_words(self.format):
            return None  # prose, or a column header / caption / note of some table
        tables = [table] if table is not None else list(self.tables())
        for t in tables:
            node = self._spec_match(t, text, after)
            if node is not None:
                found = self._node(t, node)
                if isinstance(found, RowLabel) and found.numbering:
                    if numbering is None and len(found.core) <= 2:
                        continue  # 总计, 其他 without their numbering are column headers
                    if numbering is not None and not _same_number(numbering, found.numbering):
                        node = None  # 2.其他法律… is not 3.其他 with words added
                        found = None
                if found is not None:
                    return found
        if table is None:
            return None
        rows = self.table_rows(table)
        if numbering is None and len(rest) >= 6:
            inside = [r for r in rows if r.order > after and rest in r.core]
            if inside:
                return _nearest(inside, after)
        if numbering is not None and numbering[0].isdigit() and len(rest) >= 4:
            scored = [
                (difflib.SequenceMatcher(None, rest, r.core).ratio(), r)
                for r in rows
                if r.numbering == numbering
            ]
            scored = [s for s in scored if s[0] >= 0.6]
            if scored:
                best = max(s for s, _ in scored)
                return _nearest([r for s, r in scored if s == best], after)
        return None

    def _spec_match(self, table: str, text: str, after: int) -> RowNode | None:
        exact, bare = self.exact[table]
        key = normalise_label(text)
        hits = exact.get(key) or bare.get(strip_numbering(key))
        if hits is not None and len(hits) == 1:
            return hits[0]
        if hits is None:
            # Not a label as declared: the spec's looser tiers (truncated, words added).
            return self.spec.match_row(table, text)
        # Several places: the spec tells them apart by an enclosing group or parent row;
        # take the first place after the last row read.
        later = [r for r in self.table_rows(table) if r.order > after]
        tried: set[str] = set()
        for r in later:
            for within in reversed(r.groups):
                if within in tried:
                    continue
                tried.add(within)
                node = self.spec.match_row(table, text, within=within)
                if node is not None:
                    return node
        return None

    def _node(self, table: str, node: RowNode) -> RowLabel | GroupLabel | None:
        if node.is_group:
            return next((g for g in self.groups if g.table == table and g.key == node.key), None)
        return next((r for r in self.rows if r.table == table and r.key == node.key), None)


@functools.cache
def _all_header_words(fmt: ReportFormat) -> frozenset[str]:
    """What any table of the format prints as a header, caption or note (not a row)."""
    words: set[str] = set()
    for t in form(fmt).tables:
        words |= t.header_words()
    return frozenset(words)


def _same_number(a: str, b: str) -> bool:
    """Whether two numberings are the same number (``四.`` and ``四、`` are)."""
    return a.strip(".、()") == b.strip(".、()")


def _nearest(candidates: list[RowLabel], after: int) -> RowLabel:
    later = [r for r in candidates if r.order > after]
    return min(later or candidates, key=lambda r: r.order)


@functools.cache
def form_labels(fmt: ReportFormat) -> FormLabels:
    """The rows and groups of a format, from its form spec, in form order."""
    spec = form(fmt)
    catalogue = STATISTICS_CLASSES[fmt].catalogue()
    by_cell = {(e.table, e.row, e.column): e.path for e in catalogue}
    rows: list[RowLabel] = []
    groups: list[GroupLabel] = []
    for t in spec.tables:
        for _, node in (w for r in t.rows for w in r.walk()):
            if node.is_group:
                numbering, core = split_numbering(normalise_label(node.label.zh))
                groups.append(GroupLabel(table=t.key, key=node.key, numbering=numbering, core=core))
        if t.layout is Layout.ONE_ROW:
            cells = t.printed_cells()
            keys = list(dict.fromkeys(row for row, _ in cells))
            for key in keys:
                columns = tuple(c for r, c in cells if r == key)
                numbering, core = split_numbering(normalise_label(t.node(key).label.zh))
                rows.append(
                    RowLabel(
                        table=t.key,
                        key=key,
                        numbering=numbering,
                        core=core,
                        groups=tuple(a.key for a in t.ancestors(key)),
                        columns=columns,
                        paths=tuple(by_cell[(t.key, key, c)] for c in columns),
                        order=len(rows),
                    )
                )
            continue
        for b in t.blocks:
            columns = tuple(c.key for c in b.leaf_columns if c.key is not None)
            for node in b.leaf_rows:
                numbering, core = split_numbering(normalise_label(node.label.zh))
                rows.append(
                    RowLabel(
                        table=t.key,
                        key=node.key,
                        numbering=numbering,
                        core=core,
                        groups=tuple(a.key for a in t.ancestors(node.key)),
                        columns=columns,
                        paths=tuple(by_cell[(t.key, node.key, c)] for c in columns),
                        order=len(rows),
                    )
                )
    exact: dict[str, tuple[dict[str, tuple[RowNode, ...]], dict[str, tuple[RowNode, ...]]]] = {}
    headings: dict[str, str] = {}
    column_keys: dict[str, dict[str, str]] = {}
    for t in spec.tables:
        full: dict[str, list[RowNode]] = {}
        stripped: dict[str, list[RowNode]] = {}
        for r in t.rows:
            for _, node in r.walk():
                for name in (node.label.zh, *node.aliases):
                    n = normalise_label(name)
                    for index, k in ((full, n), (stripped, strip_numbering(n))):
                        if node not in index.setdefault(k, []):
                            index[k].append(node)
        exact[t.key] = (
            {k: tuple(v) for k, v in full.items()},
            {k: tuple(v) for k, v in stripped.items()},
        )
        for name in (t.label.zh, *t.aliases):
            n = normalise_label(name)
            headings.setdefault(n, t.key)
            headings.setdefault(strip_numbering(n), t.key)
        by_label: dict[str, str] = {}
        if t.layout is not Layout.ONE_ROW:
            for b in t.blocks:
                for leaf in b.leaf_columns:
                    if leaf.key is not None:
                        for name in (leaf.label.zh, *leaf.aliases):
                            by_label.setdefault(normalise_label(name), leaf.key)
        column_keys[t.key] = by_label
    return FormLabels(
        format=fmt,
        spec=spec,
        rows=tuple(rows),
        groups=tuple(groups),
        exact=exact,
        headings=headings,
        longest=16 + max(len(k) for full, _ in exact.values() for k in full),
        column_keys=column_keys,
    )
