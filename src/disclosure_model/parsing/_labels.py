"""Printed labels → the form's tables, row groups and rows (the parser's label map).

PRIVATE SHIM, to be replaced by the form spec (``disclosure_model.formats.form(fmt)``:
``normalise_label``, ``match_table``, ``match_row``, ``match_column``) once that is on main.
Until then the label map is derived here from the format's catalogue (the declared zh labels
of every row, column and group), so that no Chinese row label is typed twice; the only
literals are label *variants* real pages print, which the spec will carry as aliases.

Matching is on normalised labels (:func:`normalise_label`): NFKC and look-alike folding,
whitespace removed, brackets, quotes and the separator after a number unified. A printed
label matches a row when, after its numbering (``1.``, ``（三）``, ``四、``), it equals the
row's label, extends it (a local parenthetical), or is a prefix of it of at least four
characters (labels cut by a line break), or, inside a table, a piece of at least six
characters of the label of a row not yet read (labels a converter cut at both ends);
numbering, where printed, must agree. A label that
lost characters in the source (``2.其他法律行政止公开``) matches the row of the same number
whose label it resembles most, if it resembles it closely (similarity ≥ 0.6).
"""

from __future__ import annotations

import difflib
import functools
import re

import attrs
from attrs import frozen

from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat
from disclosure_model.formats._declare import SPEC, CellSpec
from disclosure_model.parsing._cells import clean_text

__all__ = [
    "FormLabels",
    "GroupLabel",
    "RowLabel",
    "form_labels",
    "normalise_label",
    "split_numbering",
]

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "〃": '"'})
_SEPARATOR_AFTER_NUMBER = re.compile(r"^(\d+|[一二三四五六七八九十]+)[、,.，．]")


def normalise_label(text: str) -> str:
    """A label in the one form every comparison uses.

    >>> normalise_label(" （三）不予 公开 ")
    '(三)不予公开'
    >>> normalise_label("1、申请人无正当理由逾期不补正，行政机关不再处理")
    '1.申请人无正当理由逾期不补正,行政机关不再处理'
    >>> normalise_label("3.危及“三安全一稳定”")
    '3.危及"三安全一稳定"'
    """
    t = clean_text(text).translate(_QUOTES).replace(" ", "")
    t = t.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    t = t.replace("、", "、")
    m = _SEPARATOR_AFTER_NUMBER.match(t)
    if m is not None:
        sep = "." if m.group(1)[0].isdigit() else "、"
        t = m.group(1) + sep + t[m.end() :]
    return t


_NUMBERING = re.compile(
    r"^(?:(?P<arabic>\d{1,2})[.、]|\((?P<paren>[一二三四五六七八九十]{1,3})\)|"
    r"(?P<cn>[一二三四五六七八九十]{1,3})、|表(?P<table>[一二三四五六七八九十]))"
)


def split_numbering(label: str) -> tuple[str | None, str]:
    """A normalised label's numbering (``"1."``, ``"(三)"``, ``"四、"``) and the rest.

    >>> split_numbering("(三)不予公开")
    ('(三)', '不予公开')
    >>> split_numbering("规章")
    (None, '规章')
    """
    m = _NUMBERING.match(label)
    if m is None:
        return None, label
    if m.group("arabic"):
        number = m.group("arabic") + "."
    elif m.group("paren"):
        number = f"({m.group('paren')})"
    elif m.group("cn"):
        number = m.group("cn") + "、"
    else:
        number = m.group("table") + "、"
    rest = label[m.end() :].lstrip(":")
    return number, rest


@frozen(kw_only=True)
class GroupLabel:
    """A row group of a table (a merged label cell: （三）不予公开, 第二十条第（一）项)."""

    table: str
    numbering: str | None
    core: str


@frozen(kw_only=True)
class RowLabel:
    """A data row of a table, with the columns its cells are printed in."""

    table: str
    key: str
    numbering: str | None
    core: str
    groups: tuple[str, ...]
    #: Column keys in print order, and the catalogue path of each cell.
    columns: tuple[str, ...]
    paths: tuple[str, ...]
    #: Position of the row in the form (across tables).
    order: int


# Label variants real pages print, by table key and row key (the spec will carry them).
_ROW_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("active", "normative_documents"): ("规范性文件", "行政规范性文件"),
    ("applications", "partially_granted"): ("部分公开",),
}
_TABLE_HEADINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    # (numbering, required words): a heading line has the numbering and all the words.
    "active": (("主动公开",),),
    "applications": (("收到和处理", "申请"), ("依申请公开", "情况")),
    "reviews": (("行政复议", "行政诉讼"),),
    "indicators": (("统计指标",), ("政府信息公开情况统计表",)),
}
_TABLE_NUMBERING = {"active": "二、", "applications": "三、", "reviews": "四、"}


@frozen(kw_only=True)
class FormLabels:
    """The label map of one format: its tables, groups and rows."""

    format: ReportFormat
    rows: tuple[RowLabel, ...]
    groups: tuple[GroupLabel, ...]

    def table_rows(self, table: str) -> tuple[RowLabel, ...]:
        """The rows of ``table`` in form order."""
        return tuple(r for r in self.rows if r.table == table)

    def tables(self) -> tuple[str, ...]:
        """The table keys in form order."""
        return tuple(dict.fromkeys(r.table for r in self.rows))

    def match_heading(self, text: str) -> str | None:
        """The table a heading line introduces (``三、收到和处理政府信息公开申请情况``), if any."""
        label = normalise_label(text.lstrip("#* "))
        if len(label) > 40 or len(label) < 4:
            return None
        numbering, rest = split_numbering(label)
        for table in self.tables():
            for words in _TABLE_HEADINGS.get(table, ()):
                if not all(w in rest for w in words):
                    continue
                wanted = _TABLE_NUMBERING.get(table)
                if wanted is None or numbering is None or numbering == wanted:
                    if numbering is None and len(rest) > 24:
                        continue
                    return table
        return None

    def match(
        self, text: str, *, table: str | None = None, after: int = -1
    ) -> RowLabel | GroupLabel | None:
        """The row or group a printed label names, searching ``table`` (or every table).

        ``after`` is the form position of the last row read: where two rows share a label
        (the legacy table's ``（一）维持具体行政行为数``), the first one after it wins.
        """
        label = normalise_label(text)
        if not label:
            return None
        numbering, rest = split_numbering(label)
        if not rest:
            return None
        rows = self.rows if table is None else self.table_rows(table)
        groups = self.groups if table is None else tuple(g for g in self.groups if g.table == table)
        exact = [r for r in rows if _same(r, numbering, rest)]
        if exact:
            return _nearest(exact, after)
        for g in groups:
            if rest == g.core or (
                numbering is not None
                and numbering == g.numbering
                and len(rest) >= 2
                and g.core.startswith(rest)
            ):
                return g
        loose = [r for r in rows if _loose(r, numbering, rest)]
        if loose:
            return _nearest(loose, after)
        if numbering is None and table is not None and len(rest) >= 6:
            # A label cut at both ends (a Markdown converter split it over cells): a piece of
            # the label of a row not read yet; the nearest such row wins.
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


def _same(r: RowLabel, numbering: str | None, rest: str) -> bool:
    if numbering is not None and r.numbering is not None and numbering != r.numbering:
        return False
    if numbering is None and len(r.core) <= 2 and r.numbering is not None:
        return False  # 总计, 其他: column headers too; as rows they carry their numbering
    return rest == r.core or rest in _ROW_ALIASES.get((r.table, r.key), ())


def _loose(r: RowLabel, numbering: str | None, rest: str) -> bool:
    if numbering is not None and r.numbering is not None and numbering != r.numbering:
        return False
    if r.table == "active":
        return False  # short labels: only exact matches (prose mentions 规章, 行政许可 too)
    if rest.startswith(r.core) and len(r.core) >= 4:
        return rest[len(r.core)] in "(:"
    return len(rest) >= 4 and r.core.startswith(rest)


def _nearest(candidates: list[RowLabel], after: int) -> RowLabel:
    later = [r for r in candidates if r.order > after]
    return min(later or candidates, key=lambda r: r.order)


@functools.cache
def form_labels(fmt: ReportFormat) -> FormLabels:
    """The label map of a format, derived from its declared labels."""
    cls = STATISTICS_CLASSES[fmt]
    catalogue = cls.catalogue()
    rows: list[RowLabel] = []
    groups: dict[tuple[str, str], GroupLabel] = {}
    by_row: dict[tuple[str, str], list[str]] = {}
    for e in catalogue:
        by_row.setdefault((e.table, e.row), []).append(e.path)
    for order, ((table, row_key), paths) in enumerate(by_row.items()):
        e = catalogue[paths[0]]
        numbering, core = split_numbering(normalise_label(e.row_label.zh))
        group_cores = []
        for g in e.row_groups:
            g_num, g_core = split_numbering(normalise_label(g.zh))
            group_cores.append(g_core)
            groups.setdefault(
                (table, g_core), GroupLabel(table=table, numbering=g_num, core=g_core)
            )
        columns = tuple(catalogue[p].column for p in paths)
        rows.append(
            RowLabel(
                table=table,
                key=row_key,
                numbering=numbering,
                core=core,
                groups=tuple(group_cores),
                columns=columns,
                paths=tuple(paths),
                order=order,
            )
        )
    if fmt is ReportFormat.GOV_2021:
        # The 2021 form prints （六）其他处理 as a group; the 2019 form as a row.
        g_num, g_core = split_numbering(normalise_label("（六）其他处理"))
        groups.setdefault(
            ("applications", g_core), GroupLabel(table="applications", numbering=g_num, core=g_core)
        )
    return FormLabels(format=fmt, rows=tuple(rows), groups=tuple(groups.values()))


def column_unit(fmt: ReportFormat, path: str) -> CellSpec:
    """The declared spec of the cell at ``path`` (its kind and unit)."""
    cls: type = STATISTICS_CLASSES[fmt]
    spec = None
    for part in path.split("."):
        field = next(a for a in attrs.fields(cls) if a.name == part)
        spec = field.metadata[SPEC]
        if isinstance(spec, tuple):
            cls = spec[1]
        elif not isinstance(spec, CellSpec):
            cls = spec.cls
    assert isinstance(spec, CellSpec)
    return spec
