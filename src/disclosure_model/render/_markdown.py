"""The report as Markdown: the narrative under its headings, the official tables as pipe
tables.

A pipe table has no spans, so the grid of the form spec is written out flat: a spanning
header cell stands in the first column it spans and the columns it covers are joined by
``›`` in the one header row (``法人或其他组织 › 商业企业``); a merged row label stands in
the first row it spans, its other rows leave that column empty; a caption (第二十条第（X）项)
is a bold row; a note (the 勾稽关系 of table 三) stands in the top-left cell. A blank
cell is empty. Text from the report is escaped, so narrative copied from a page cannot
inject Markdown or HTML.
"""

from __future__ import annotations

import re

from disclosure_model.formats import LegacyStatistics, form
from disclosure_model.render._grid import CellRole, GridCell, TableGrid, table_grids
from disclosure_model.render._locale import Lang, report_facts, supported_locale
from disclosure_model.report import Report

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
# At the start of a line only: a list marker (``-``, ``+``, ``1.``) or a block quote.
_LEADING = re.compile(r"\A(\s*)(?:([-+])|([0-9]+)([.)]))(?=\s|\Z)")


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown (and HTML) special character escaped by a backslash.

    >>> escape_markdown("<script>*x*</script>")
    '\\\\<script\\\\>\\\\*x\\\\*\\\\</script\\\\>'
    """
    escaped = _SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    return _LEADING.sub(
        lambda m: (
            m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4))
        ),
        escaped,
    )


def _placed(grid: TableGrid) -> list[list[GridCell | None]]:
    """The grid as a full matrix: each cell at its top-left position, ``None`` where a
    span covers the position."""
    matrix: list[list[GridCell | bool | None]] = [[False] * grid.columns for _ in grid.rows]
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while c < grid.columns and matrix[r][c] is not False:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if r + dr < len(matrix) and c + dc < grid.columns:
                        matrix[r + dr][c + dc] = None
            matrix[r][c] = cell
            c += cell.colspan
    return [[x if isinstance(x, GridCell) else None for x in row] for row in matrix]


def _table(grid: TableGrid) -> list[str]:
    matrix = _placed(grid)
    # A table without a header of its own (table 二: each block has its caption and
    # header rows) gets an empty header row.
    head_rows = matrix[: grid.header_rows]
    body = matrix[grid.header_rows :]
    header = []
    for c in range(grid.columns):
        parts: list[str] = []
        for row in head_rows:
            cell = _covering(row, c)
            if cell is not None and cell.text and (not parts or parts[-1] != cell.text):
                parts.append(cell.text)
        header.append(" › ".join(escape_markdown(p) for p in parts))
    lines = [
        "| " + " | ".join(header) + " |",
        "|"
        + "|".join(" ---: " if _numeric(body, c) else " --- " for c in range(grid.columns))
        + "|",
    ]
    for row in body:
        cells = []
        for cell in row:
            if cell is None:
                cells.append("")
            elif cell.role in (CellRole.CAPTION, CellRole.GROUP, CellRole.LABEL_HEAD) or (
                cell.role is CellRole.HEAD
            ):
                text = escape_markdown(cell.text)
                cells.append(f"**{text}**" if cell.role is not CellRole.GROUP else text)
            else:
                cells.append(escape_markdown(cell.text))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _covering(row: list[GridCell | None], c: int) -> GridCell | None:
    """The header cell that stands in column ``c`` of ``row``, or a column header spanning
    over it from the left (a note or a label header stands in its first column only)."""
    for start in range(c, -1, -1):
        cell = row[start]
        if cell is not None:
            spans = start == c or cell.role is CellRole.HEAD
            return cell if spans and start + cell.colspan > c else None
    return None


def _numeric(body: list[list[GridCell | None]], c: int) -> bool:
    cells = [row[c] for row in body]
    return any(cell is not None and cell.role is CellRole.VALUE for cell in cells)


def render_markdown(report: Report, *, locale: str) -> str:
    """The report as Markdown: title, facts, the narrative sections, each official table
    under its section as a pipe table.

    ``locale`` as for :func:`~disclosure_model.render.render_html`. As in the HTML, the
    Chinese renderings write numbers without thousands separators.

    >>> import disclosure_model as dm
    >>> md = render_markdown(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
    >>> "| 行政处罚 | 3985758 |" in md
    True
    """
    lang = supported_locale(locale)
    spec = form(report.format)
    grids = {g.key: g for g in table_grids(report, lang, grouped=not lang.zh)}
    title = report.title or f"{report.organ.name} {report.year}"
    out = [f"# {escape_markdown(title)}", ""]
    out.extend(_facts(report, lang))
    placed: set[str] = set()
    for section in report.sections:
        if section.title is not None:
            out.extend(["", f"## {escape_markdown(section.title)}"])
        for line in section.text.splitlines():
            if line.strip():
                out.extend(["", escape_markdown(line.strip())])
        match = spec.match_table(section.title) if section.title is not None else None
        if match is not None and match.key not in placed:
            out.append("")
            out.extend(_table(grids[match.key]))
            placed.add(match.key)
    for key, grid in grids.items():
        if key not in placed:
            out.extend(["", f"## {escape_markdown(lang.label(grid.title))}", ""])
            out.extend(_table(grid))
    out.extend(_combined(report, lang))
    return "\n".join(out) + "\n"


def _combined(report: Report, lang: Lang) -> list[str]:
    """Figures the report states for several cells together (legacy table), not split."""
    stats = report.statistics
    if not isinstance(stats, LegacyStatistics) or not stats.combined:
        return []
    specs = LegacyStatistics.cell_specs()
    w = lang.word
    head = w(
        "合并填报的数字（未拆分）",
        "合併填報的數字（未拆分）",
        "Figures stated together (not split)",
    )
    out = ["", f"### {head}", ""]
    for c in stats.combined:
        names = " + ".join(lang.label(specs[k].label) for k in c.cells)
        value = lang.count(c.value, grouped=not lang.zh)
        out.append(f"- {escape_markdown(names)}{w('：', '：', ': ')}{value}")
    return out


def _facts(report: Report, lang: Lang) -> list[str]:
    facts = report_facts(report, lang)
    return [f"- **{escape_markdown(k)}**: {escape_markdown(v)}" for k, v in facts]
