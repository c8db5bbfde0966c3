"""Reports as readable text: the statistics tables with their official labels.

The layout follows the catalogue, so every format is rendered by the same code: each table
in form order, rows under their group headings, and a header line of column labels wherever
the columns change. Cells the report does not state show as ``—``, never as 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from disclosure_model.formats import CellValue, Entry, LegacyStatistics
from disclosure_model.formats._declare import Label
from disclosure_model.formatting import NOT_STATED, format_count, format_value, is_chinese
from disclosure_model.render._width import pad as _pad
from disclosure_model.render._width import width as _width
from disclosure_model.render._width import wrap as _wrap
from disclosure_model.report import Report
from disclosure_model.values import Amount

__all__ = ["render_text"]

_LABEL_WIDTH = 44
_INDENT = "  "


class _Text:
    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.zh = is_chinese(locale)

    def label(self, label: Label) -> str:
        return label.zh if self.zh else label.en

    def word(self, zh: str, en: str) -> str:
        return zh if self.zh else en


def _rows(entries: Sequence[Entry]) -> Iterator[list[Entry]]:
    """The entries of one table, row by row."""
    current: list[Entry] = []
    for e in entries:
        if current and e.row != current[0].row:
            yield current
            current = []
        current.append(e)
    if current:
        yield current


def _grid(
    out: list[str], t: _Text, report: Report, entries: Sequence[Entry], *, legacy: bool
) -> None:
    stats = report.statistics
    previous_columns: tuple[str, ...] | None = None
    previous_groups: tuple[Label, ...] = ()
    rows = list(_rows(entries))
    cells = {e.path: _cell_text(t, e, stats.cell(e.path)) for e in entries}
    widths: dict[tuple[str, ...], list[int]] = {}
    for row in rows:
        key = tuple(e.column for e in row)
        heads = [_head(t, e, legacy=legacy) for e in row]
        values = [_unit(t, e) if legacy else cells[e.path] for e in row]
        if legacy:
            values.append(cells[row[0].path])
            heads.append(t.word("统计数", "value"))
        w = widths.setdefault(key, [0] * len(values))
        for i, (h, v) in enumerate(zip(heads, values, strict=True)):
            w[i] = max(w[i], _width(h), _width(v))
    for row in rows:
        first = row[0]
        key = tuple(e.column for e in row)
        groups = first.row_groups
        shared = 0
        while (
            shared < min(len(groups), len(previous_groups))
            and groups[shared] == previous_groups[shared]
        ):
            shared += 1
        for depth in range(shared, len(groups)):
            out.append(_INDENT * (depth + 1) + t.label(groups[depth]))
        previous_groups = groups
        w = widths[key]
        if key != previous_columns:
            heads = [_head(t, e, legacy=legacy) for e in row]
            if legacy:
                heads.append(t.word("统计数", "value"))
            out.append(
                _INDENT
                + " " * _LABEL_WIDTH
                + "  ".join(_pad(h, wi, right=True) for h, wi in zip(heads, w, strict=True))
            )
            previous_columns = key
        values = [_unit(t, e) if legacy else cells[e.path] for e in row]
        if legacy:
            values.append(cells[first.path])
        indent = _INDENT * (len(groups) + 1)
        label_lines = _wrap(t.label(first.row_label), _LABEL_WIDTH - _width(indent) + 2)
        for line in label_lines[:-1]:
            out.append(indent + line)
        body = "  ".join(_pad(v, wi, right=True) for v, wi in zip(values, w, strict=True))
        out.append(_pad(indent + label_lines[-1], _LABEL_WIDTH + 2) + body)


def _cell_text(t: _Text, e: Entry, value: CellValue) -> str:
    # Where the form's label or unit column already gives the unit, show the number alone.
    if (
        isinstance(value, Amount)
        and e.unit is not None
        and value.unit is not None
        and value.unit.value == e.unit.value
    ):
        return format_value(value.value, locale=t.locale)
    return format_value(value, locale=t.locale)


def _head(t: _Text, e: Entry, *, legacy: bool) -> str:
    if legacy:
        return t.word("单位", "unit")
    return t.label(e.column_label)


def _unit(t: _Text, e: Entry) -> str:
    if e.unit is None:
        return ""
    return e.unit.value if t.zh else e.unit.en


def _header(out: list[str], t: _Text, report: Report) -> None:
    title = report.title or f"{report.organ.name} {report.year}"
    out.append(title)
    out.append("=" * _width(title))
    facts = [
        (t.word("机关", "organ"), report.organ.name),
        (t.word("层级", "level"), report.organ.level.value),
        (t.word("年度", "year"), str(report.year)),
        (t.word("格式", "format"), t.label(report.format.label)),
    ]
    if report.dated is not None:
        facts.append((t.word("落款日期", "dated"), report.dated.isoformat()))
    if report.published is not None:
        facts.append((t.word("发布日期", "published"), report.published.isoformat()))
    if report.source is not None and report.source.url is not None:
        facts.append((t.word("来源", "source"), report.source.url))
    width = max(_width(k) for k, _ in facts)
    out.extend(f"{_pad(k, width)}  {v}" for k, v in facts)
    out.append(
        t.word(
            f"（{NOT_STATED} 表示报告未填报）",
            f"({NOT_STATED} marks a cell the report does not state)",
        )
    )


def _combined(out: list[str], t: _Text, stats: LegacyStatistics) -> None:
    if not stats.combined:
        return
    specs = LegacyStatistics.cell_specs()
    out.append("")
    out.append(t.word("合并填报的数字（未拆分）", "figures stated together (not split)"))
    for c in stats.combined:
        names = " + ".join(t.label(specs[k].label) for k in c.cells)
        out.append(f"{_INDENT}{names}: {format_count(c.value, locale=t.locale)}")


def render_text(report: Report, *, locale: str) -> str:
    """The report's statistics as plain-text tables, labelled for ``locale``.

    Chinese locales get the official labels, others the English ones; numbers are
    formatted for the locale by babel.
    """
    t = _Text(locale)
    out: list[str] = []
    _header(out, t, report)
    catalogue = report.statistics.catalogue()
    legacy = isinstance(report.statistics, LegacyStatistics)
    for table in catalogue.tables():
        entries = [e for e in catalogue if e.table == table]
        out.append("")
        out.append(t.label(entries[0].table_label))
        _grid(out, t, report, entries, legacy=legacy)
    if isinstance(report.statistics, LegacyStatistics):
        _combined(out, t, report.statistics)
    if report.claims:
        out.append("")
        out.append(
            t.word(
                f"叙述中陈述的数字：{len(report.claims)} 项",
                f"figures stated in the narrative: {len(report.claims)}",
            )
        )
        out.extend(f"{_INDENT}[{c.id}] {c.text}" for c in report.claims)
    return "\n".join(out) + "\n"
