"""Reports as readable text for a terminal: the official tables, aligned in display columns.

The layout is read from the form spec, as the HTML is, so every format is rendered by the
same code: each table in form order; each block under its caption, with its column-header
tree printed level by level over the columns it spans (申请人情况 › 法人或其他组织 › …);
row groups as indented heading lines. Table 四, printed on the form as one row of 15
cells, is too wide for a terminal: each block of its header tree whose columns are cells
(行政复议, 行政诉讼 › 未经复议直接起诉, …) becomes a line. Cells the report does not state
show as ``—``, never as 0.

Widths are display columns: a CJK character takes two, and so do the characters of
ambiguous width (the curly quotes of “三安全一稳定”) in the Chinese renderings, which a
CJK terminal prints wide. A wrapped label never starts a line with closing punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_model.formats import Label, LegacyStatistics, form
from disclosure_model.formats._form import BlockForm, ColumnNode, GroupStyle, Layout, TableForm
from disclosure_model.formatting import NOT_STATED
from disclosure_model.render._grid import cell_path, cell_text
from disclosure_model.render._locale import Lang, report_facts, supported_locale
from disclosure_model.render._width import pad, width, wrap
from disclosure_model.report import Report

__all__ = ["render_text"]

_LABEL_WIDTH = 44
_INDENT = "  "
_GAP = "  "
#: A column header wider than this wraps (between words) onto more lines.
_HEAD_WIDTH = 16


class _Out:
    def __init__(self, report: Report, lang: Lang) -> None:
        self.report = report
        self.lang = lang
        self.ambiguous = 2 if lang.zh else 1
        self.lines: list[str] = []
        self.catalogue = report.statistics.catalogue()

    def width(self, text: str) -> int:
        return width(text, ambiguous=self.ambiguous)

    def pad(self, text: str, columns: int, *, right: bool = False) -> str:
        return pad(text, columns, right=right, ambiguous=self.ambiguous)

    def wrap(self, text: str, columns: int) -> list[str]:
        return wrap(text, columns, ambiguous=self.ambiguous)

    def label(self, label: Label) -> str:
        return self.lang.label(label)

    def value(self, table: TableForm, path: str) -> str:
        key = cell_path(table, path)
        value = self.report.statistics.cell(key)
        text = cell_text(self.lang, self.catalogue.paths[key], value, grouped=True)
        return text or NOT_STATED

    def unit(self, table: TableForm, path: str) -> str:
        entry = self.catalogue.paths[cell_path(table, path)]
        if entry.unit is None:
            return ""
        return entry.unit.value if self.lang.zh else entry.unit.en

    def labelled(self, indent: str, label: str, body: str) -> None:
        """A row: its label wrapped in the label column, the body on the last line."""
        lines = self.wrap(label, _LABEL_WIDTH - self.width(indent) + 2)
        self.lines.extend(indent + line for line in lines[:-1])
        self.lines.append(self.pad(indent + lines[-1], _LABEL_WIDTH + 2) + body)


def _header_lines(
    out: _Out, columns: Sequence[ColumnNode], widths: list[int], *, lead: str
) -> list[str]:
    """The column-header tree, one line per level, each label over the columns it spans.

    ``widths`` (one per leaf) are widened where a spanning label needs more room.
    """
    depth = max((c.depth for c in columns), default=1)
    levels: list[list[tuple[int, int, str]]] = [[] for _ in range(depth - 1)]
    leaves: list[tuple[int, str]] = []

    def place(node: ColumnNode, level: int, first: int) -> None:
        text = out.label(node.label)
        if node.children:
            levels[level].append((first, node.span, text))
            start = first
            for c in node.children:
                place(c, level + 1, start)
                start += c.span
        else:
            leaves.append((first, text))

    start = 0
    for c in columns:
        place(c, 0, start)
        start += c.span
    wrapped = [(first, _head(out, text, widths[first])) for first, text in leaves]
    for first, parts in wrapped:
        widths[first] = max(widths[first], *(out.width(p) for p in parts))
    for level in levels:
        for first, span, text in level:
            room = sum(widths[first : first + span]) + len(_GAP) * (span - 1)
            need = out.width(text)
            if need > room:
                widths[first + span - 1] += need - room
    lines = []
    for level in levels:
        line = ""
        for first, span, text in level:
            left = sum(widths[:first]) + len(_GAP) * first
            room = sum(widths[first : first + span]) + len(_GAP) * (span - 1)
            line = out.pad(line, left)
            if span == 1:
                line += out.pad(text, room, right=True)
            else:
                gap = room - out.width(text)
                line += " " * (gap // 2) + text + " " * (gap - gap // 2)
        lines.append(lead + line.rstrip())
    height = max((len(parts) for _, parts in wrapped), default=0)
    for i in range(height):
        line = ""
        for first, parts in wrapped:
            text = parts[i - (height - len(parts))] if i >= height - len(parts) else ""
            left = sum(widths[:first]) + len(_GAP) * first
            line = out.pad(line, left) + out.pad(text, widths[first], right=True)
        lines.append(lead + line.rstrip())
    return [ln for ln in lines if ln.strip()]


def _head(out: _Out, text: str, values: int) -> list[str]:
    """A column header's lines: wrapped between words where wider than the column needs."""
    if out.width(text) <= max(values, _HEAD_WIDTH):
        return [text]
    return out.wrap(text, max(values, _HEAD_WIDTH))


def _value_widths(out: _Out, block: BlockForm, rows: Sequence[Sequence[str]]) -> list[int]:
    widths = [0 for _ in block.leaf_columns]
    for row in rows:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], out.width(v))
    return widths


def _body(out: _Out, values: Sequence[str], widths: Sequence[int]) -> str:
    return _GAP.join(out.pad(v, w, right=True) for v, w in zip(values, widths, strict=True))


def _merged_block(out: _Out, table: TableForm, block: BlockForm) -> None:
    printed = block.printed_rows()
    values = [[out.value(table, p) for p in r.paths if p is not None] for r in printed]
    widths = _value_widths(out, block, values)
    if block.caption is not None:
        out.lines.append(_INDENT + out.label(block.caption))
    lead = _INDENT + " " * _LABEL_WIDTH
    heads = _header_lines(out, block.columns, widths, lead=lead)
    if block.label_headers:
        first = _INDENT + out.label(block.label_headers[0])
        heads[-1] = out.pad(first, _LABEL_WIDTH + 2) + heads[-1][_LABEL_WIDTH + 2 :]
    out.lines.extend(heads)
    for row, cells in zip(printed, values, strict=True):
        depth = row.depth - (len(row.labels) - 1)
        for node, _, _ in row.labels[:-1]:
            out.lines.append(_INDENT * (depth + 1) + out.label(node.label))
            depth += 1
        node = row.labels[-1][0]
        out.labelled(_INDENT * (row.depth + 1), out.label(node.label), _body(out, cells, widths))


def _one_row(out: _Out, table: TableForm) -> None:
    """Table 四: one line per header block whose columns are cells."""
    (block,) = table.blocks
    lines: list[tuple[str, list[ColumnNode]]] = []

    def visit(node: ColumnNode, names: tuple[str, ...]) -> None:
        name = (*names, out.label(node.label))
        if node.children and all(not c.children for c in node.children):
            lines.append((" › ".join(name), list(node.children)))
            return
        for c in node.children:
            visit(c, name)

    for c in block.columns:
        visit(c, ())
    leaves = lines[0][1]
    rows = [[out.value(table, table.path(c.row or "", c.key or "")) for c in cs] for _, cs in lines]
    widths = [out.width(out.label(c.label)) for c in leaves]
    for row in rows:
        widths = [max(w, out.width(v)) for w, v in zip(widths, row, strict=True)]
    head = _GAP.join(
        out.pad(out.label(c.label), w, right=True) for c, w in zip(leaves, widths, strict=True)
    )
    out.lines.append(_INDENT + " " * _LABEL_WIDTH + head)
    for (name, _), row in zip(lines, rows, strict=True):
        out.labelled(_INDENT, name, _body(out, row, widths))


def _heading_block(out: _Out, table: TableForm, block: BlockForm) -> None:
    """The legacy table: indicator, unit, value; groups as heading lines."""
    printed = block.printed_rows()
    units = [out.unit(table, p) if p else "" for r in printed for p in r.paths]
    cells = [out.value(table, p) if p else "" for r in printed for p in r.paths]
    heads = [out.label(h) for h in block.label_headers[1:]] + [
        out.label(c.label) for c in block.leaf_columns
    ]
    widths = [
        max([out.width(heads[0]), *map(out.width, units)]),
        max([out.width(heads[1]), *map(out.width, cells)]),
    ]
    first = out.label(block.label_headers[0])
    out.lines.append(out.pad(_INDENT + first, _LABEL_WIDTH + 2) + _body(out, heads, widths))
    for row, unit, value in zip(printed, units, cells, strict=True):
        ((node, _, _),) = row.labels
        indent = _INDENT * (row.depth + 1)
        if row.paths == (None,):
            out.lines.append(indent + out.label(node.label))
            continue
        out.labelled(indent, out.label(node.label), _body(out, [unit, value], widths))


def _table(out: _Out, table: TableForm) -> None:
    out.lines.append("")
    out.lines.append(out.label(table.label))
    if table.note is not None:
        for line in out.wrap(out.label(table.note), _LABEL_WIDTH * 2):
            out.lines.append(_INDENT + line)
    if table.layout is Layout.ONE_ROW:
        _one_row(out, table)
        return
    for block in table.blocks:
        if block.group_style is GroupStyle.HEADING:
            _heading_block(out, table, block)
        else:
            _merged_block(out, table, block)


def _header(out: _Out) -> None:
    report, lang = out.report, out.lang
    w = lang.word
    title = report.title or f"{report.organ.name} {report.year}"
    out.lines.append(title)
    out.lines.append("=" * out.width(title))
    facts = report_facts(report, lang)
    column = max(out.width(k) for k, _ in facts)
    out.lines.extend(f"{out.pad(k, column)}  {v}" for k, v in facts)
    out.lines.append(
        w(
            f"（{NOT_STATED} 表示报告未填报）",
            f"（{NOT_STATED} 表示報告未填報）",
            f"({NOT_STATED} marks a cell the report does not state)",
        )
    )


def _combined(out: _Out, stats: LegacyStatistics) -> None:
    if not stats.combined:
        return
    specs = LegacyStatistics.cell_specs()
    out.lines.append("")
    out.lines.append(
        out.lang.word(
            "合并填报的数字（未拆分）",
            "合併填報的數字（未拆分）",
            "figures stated together (not split)",
        )
    )
    for c in stats.combined:
        names = " + ".join(out.label(specs[k].label) for k in c.cells)
        out.lines.append(f"{_INDENT}{names}: {out.lang.count(c.value)}")


def render_text(report: Report, *, locale: str) -> str:
    """The report's statistics as plain-text tables for a terminal, labelled for ``locale``.

    ``locale`` is ``zh_Hans_CN``, ``zh_Hant_TW`` or ``en`` (aliases such as ``zh_CN``
    accepted); any other raises :class:`~disclosure_model.render.UnsupportedLocaleError`.
    The Chinese renderings print the official labels and count ambiguous-width characters
    as two columns, as a CJK terminal does.
    """
    out = _Out(report, supported_locale(locale))
    _header(out)
    for table in form(report.format).tables:
        _table(out, table)
    if isinstance(report.statistics, LegacyStatistics):
        _combined(out, report.statistics)
    if report.claims:
        out.lines.append("")
        out.lines.append(
            out.lang.word(
                f"叙述中陈述的数字：{len(report.claims)} 项",
                f"敘述中陳述的數字：{len(report.claims)} 項",
                f"figures stated in the narrative: {len(report.claims)}",
            )
        )
        out.lines.extend(f"{_INDENT}[{c.id}] {c.text}" for c in report.claims)
    return "\n".join(line.rstrip() for line in out.lines) + "\n"
