"""The report as an HTML page a disclosure office could publish: the official tables.

Every table is laid out from the form spec's grid (:mod:`disclosure_model.render._grid`):
the spans, the notes and the header trees are the form's, never retyped per format. The
page has one stylesheet and no script; every piece of text that comes from a report
(narrative, titles, names, URLs) is escaped, because narrative is copied from untrusted
pages. A source URL becomes a link only when it is ``http://`` or ``https://``.

In the Chinese renderings the cells carry no thousands separators (``3985758``, as the
forms are filled in and as most published tables print them), so the page reads back
exactly; the English rendering groups digits (``3,985,758``). A blank cell is an empty
cell. A cell the report's source never reached (see
:class:`~disclosure_model.report.Coverage`) is empty too, marked ``dm-unreached``.

With ``findings``, the cells involved in a failed finding carry the class ``dm-error``,
``dm-warning`` or ``dm-info`` and a ``title`` with the messages, and a list of the
findings under the tables links to the cells; findings that share a cell are listed as one
problem under that cell (which is marked ``dm-suspect``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from html import escape

from disclosure_model.checks import CheckResult, Finding, Outcome
from disclosure_model.checks._present import (
    FindingGroup,
    catalogue_path,
    group_findings,
    location,
    outcome_word,
    severity_word,
)
from disclosure_model.formats import LegacyStatistics, form
from disclosure_model.render._grid import CellRole, GridCell, TableGrid, table_grids
from disclosure_model.render._locale import Lang, report_facts, supported_locale
from disclosure_model.report import Report

__all__ = ["STYLESHEET", "check_result_html", "render_html", "report_fragment"]

#: The one stylesheet of every rendering (scoped to ``.dm``).
STYLESHEET = """
.dm { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "Noto Sans", sans-serif; color: #1a1a1a; line-height: 1.6;
  overflow-x: auto; }
.dm p, .dm h1, .dm dl.dm-meta { max-width: 64rem; }
.dm h1 { font-size: 1.5rem; text-align: center; margin: 0.5rem 0 1rem; }
.dm h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.dm p { text-indent: 2em; margin: 0.3rem 0; }
.dm dl.dm-meta { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem;
  margin: 0 0 1rem; }
.dm dl.dm-meta dt { font-weight: bold; }
.dm dl.dm-meta dd { margin: 0; }
.dm table.dm-table { border-collapse: collapse; margin: 0.5rem 0 1rem;
  font-variant-numeric: tabular-nums; font-size: 0.9rem; }
.dm table.dm-table th, .dm table.dm-table td { border: 1px solid #333;
  padding: 0.2rem 0.4rem; vertical-align: middle; }
.dm table.dm-table th { font-weight: normal; text-align: center; background: #f5f5f5; }
.dm table.dm-table th.dm-label, .dm table.dm-table th.dm-group { text-align: left;
  background: #fff; }
.dm table.dm-table th.dm-caption { font-weight: bold; background: #e9eef5; }
.dm table.dm-table th.dm-note { font-size: 0.8rem; max-width: 14rem; background: #fff; }
.dm table.dm-table td { text-align: right; min-width: 3em; }
.dm table.dm-table td.dm-unit { text-align: center; }
.dm[lang|="zh"] table.dm-table th.dm-head { white-space: nowrap; }
.dm table.dm-table th.dm-label { min-width: 7em; }
.dm[lang="en"] table.dm-table th.dm-label { min-width: 9em; }
.dm[lang="en"] table.dm-table th.dm-head { hyphens: auto; }
.dm table.dm-table th.dm-group { font-weight: bold; }
.dm table.dm-table th.dm-depth-1 { padding-left: 1.4em; }
.dm table.dm-table th.dm-depth-2 { padding-left: 2.4em; }
.dm table.dm-table th.dm-depth-3 { padding-left: 3.4em; }
.dm td.dm-unreached { background: repeating-linear-gradient(45deg, #fff, #fff 4px,
  #eee 4px, #eee 8px); }
.dm td.dm-error { background: #fde2e1; outline: 2px solid #c62828; }
.dm td.dm-warning { background: #fff4ce; outline: 2px solid #b26a00; }
.dm td.dm-info { background: #e8f0fe; outline: 1px solid #1a56db; }
.dm td.dm-suspect { outline-width: 3px; font-weight: bold; }
.dm .dm-findings ol { padding-left: 1.5rem; }
.dm span.dm-sev { display: inline-block; min-width: 4em; }
.dm .dm-sev { font-weight: bold; white-space: nowrap; }
.dm p.dm-summary { text-indent: 0; }
.dm table.dm-list code { white-space: nowrap; }
.dm .dm-sev-error { color: #c62828; } .dm .dm-sev-warning { color: #b26a00; }
.dm .dm-sev-info { color: #1a56db; } .dm .dm-sev-na { color: #666; }
.dm table.dm-list { border-collapse: collapse; font-size: 0.9rem; }
.dm table.dm-list th, .dm table.dm-list td { border-bottom: 1px solid #ccc;
  padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
""".strip()

_SCHEMES = ("http://", "https://")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _prefix(report: Report) -> str:
    """An id prefix of the report, so several reports can share one page."""
    seed = f"{report.organ.name}/{report.year}/{report.format.value}".encode()
    return "dm" + hashlib.sha256(seed).hexdigest()[:6]


def _cell_id(prefix: str, path: str) -> str:
    return f"{prefix}-{path.replace('.', '-')}"


class _Overlay:
    """The failed findings by the cells they involve."""

    def __init__(self, findings: Sequence[Finding], lang: Lang) -> None:
        self.lang = lang
        self.groups = group_findings(findings)
        self.failed = [g for g in self.groups if g.findings[0].outcome is Outcome.FAIL]
        self.by_cell: dict[str, list[Finding]] = {}
        self.suspects: set[str] = set()
        for g in self.failed:
            if g.shared and g.cell is not None:
                key = catalogue_path(g.cell)
                if key is not None:
                    self.suspects.add(key)
            for f in g.findings:
                paths = {c.location for c in f.cells} | {f.path}
                for p in sorted(paths):
                    key = catalogue_path(p)
                    if key is not None:
                        self.by_cell.setdefault(key, []).append(f)

    def attributes(self, path: str) -> tuple[list[str], str | None]:
        found = self.by_cell.get(path)
        if not found:
            return [], None
        worst = max((f.severity for f in found), key=lambda s: s.rank)
        classes = [f"dm-{worst.value}"]
        if path in self.suspects:
            classes.append("dm-suspect")
        title = "\n".join(f"{f.code} {f.message(self.lang.name)}" for f in found)
        return classes, title


def _td(cell: GridCell, *, prefix: str, report: Report, overlay: _Overlay | None) -> str:
    classes: list[str] = []
    title: str | None = None
    attrs = ""
    if cell.path is not None:
        attrs += f' id="{_e(_cell_id(prefix, cell.path))}" data-path="{_e(cell.path)}"'
        if cell.blank and not report.covers(cell.path):
            classes.append("dm-unreached")
        if overlay is not None:
            more, title = overlay.attributes(cell.path)
            classes.extend(more)
    attrs += _spans(cell)
    if classes:
        attrs += f' class="{" ".join(classes)}"'
    if title is not None:
        attrs += f' title="{_e(title)}"'
    return f"<td{attrs}>{_e(cell.text)}</td>"


def _spans(cell: GridCell) -> str:
    out = ""
    if cell.rowspan > 1:
        out += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        out += f' colspan="{cell.colspan}"'
    return out


_TH_CLASS = {
    CellRole.NOTE: "dm-note",
    CellRole.CAPTION: "dm-caption",
    CellRole.LABEL_HEAD: "dm-label-head",
    CellRole.HEAD: "dm-head",
    CellRole.LABEL: "dm-label",
    CellRole.GROUP: "dm-group",
}


def _th(cell: GridCell) -> str:
    classes = [_TH_CLASS[cell.role]]
    if cell.role in (CellRole.LABEL, CellRole.GROUP) and cell.depth:
        classes.append(f"dm-depth-{min(cell.depth, 3)}")
    scope = ""
    if cell.role is CellRole.LABEL:
        scope = ' scope="rowgroup"' if cell.rowspan > 1 else ' scope="row"'
    elif cell.role is CellRole.HEAD:
        scope = ' scope="colgroup"' if cell.colspan > 1 else ' scope="col"'
    return f'<th class="{" ".join(classes)}"{scope}{_spans(cell)}>{_e(cell.text)}</th>'


def _table(grid: TableGrid, *, prefix: str, report: Report, overlay: _Overlay | None) -> str:
    def row(cells: Iterable[GridCell]) -> str:
        parts = []
        for c in cells:
            if c.role is CellRole.VALUE:
                parts.append(_td(c, prefix=prefix, report=report, overlay=overlay))
            elif c.role is CellRole.UNIT:
                parts.append(f'<td class="dm-unit">{_e(c.text)}</td>')
            else:
                parts.append(_th(c))
        return "<tr>" + "".join(parts) + "</tr>"

    head = grid.rows[: grid.header_rows]
    body = grid.rows[grid.header_rows :]
    out = [f'<table class="dm-table" id="{prefix}-{grid.key}" data-table="{grid.key}">']
    if head:
        out.append("<thead>" + "".join(row(r) for r in head) + "</thead>")
    out.append("<tbody>" + "".join(row(r) for r in body) + "</tbody>")
    out.append("</table>")
    return "\n".join(out)


def _meta(report: Report, lang: Lang) -> str:
    w = lang.word
    facts = []
    source = w("来源", "來源", "source")
    for name, value in report_facts(report, lang):
        shown = _e(value)
        if name == source and value.lower().startswith(_SCHEMES):
            shown = f'<a href="{_e(value)}" rel="noopener noreferrer">{shown}</a>'
        facts.append((name, shown))
    if report.coverage is not None:
        facts.append(
            (
                w("范围", "範圍", "coverage"),
                _e(
                    w(
                        "来源未包括全部表格（斜纹单元格未见于来源）",
                        "來源未包括全部表格（斜紋儲存格未見於來源）",
                        "the source did not reach the whole form (hatched cells were not in it)",
                    )
                ),
            )
        )
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f'<dl class="dm-meta">{items}</dl>'


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "".join(f"<p>{_e(line)}</p>" for line in lines if line)


def _body(
    report: Report, lang: Lang, *, overlay: _Overlay | None, narrative: bool, grouped: bool
) -> list[str]:
    prefix = _prefix(report)
    spec = form(report.format)
    grids = {g.key: g for g in table_grids(report, lang, grouped=grouped)}
    tables = {
        g.key: _table(g, prefix=prefix, report=report, overlay=overlay) for g in grids.values()
    }
    placed: set[str] = set()
    out: list[str] = []
    if narrative:
        for section in report.sections:
            out.append('<section class="dm-section">')
            if section.title is not None:
                out.append(f"<h2>{_e(section.title)}</h2>")
            out.append(_paragraphs(section.text))
            if section.title is not None:
                match = spec.match_table(section.title)
                if match is not None and match.key not in placed:
                    out.append(tables[match.key])
                    placed.add(match.key)
            out.append("</section>")
    for key, html_table in tables.items():
        if key in placed:
            continue
        out.append('<section class="dm-section">')
        out.append(f"<h2>{_e(lang.label(grids[key].title))}</h2>")
        out.append(html_table)
        out.append("</section>")
    return out


def _combined(report: Report, lang: Lang) -> str:
    """Figures the report states for several cells together (legacy table), not split."""
    stats = report.statistics
    if not isinstance(stats, LegacyStatistics) or not stats.combined:
        return ""
    specs = LegacyStatistics.cell_specs()
    w = lang.word
    items = []
    for c in stats.combined:
        names = " + ".join(lang.label(specs[k].label) for k in c.cells)
        value = lang.count(c.value, grouped=not lang.zh)
        items.append(f"<li>{_e(names)}{w('：', '：', ': ')}{_e(value)}</li>")
    head = w(
        "合并填报的数字（未拆分）",
        "合併填報的數字（未拆分）",
        "Figures stated together (not split)",
    )
    return f'<section class="dm-combined"><h3>{head}</h3><ul>{"".join(items)}</ul></section>'


def _findings_list(overlay: _Overlay, report: Report, lang: Lang) -> str:
    prefix = _prefix(report)
    w = lang.word
    out = ['<section class="dm-findings">', f"<h2>{w('核对结果', '核對結果', 'Findings')}</h2>"]
    if not overlay.failed:
        out.append(f"<p>{w('未发现问题。', '未發現問題。', 'No findings.')}</p>")
    else:
        out.append("<ol>")
        out.extend(_group_item(g, prefix, lang) for g in overlay.failed)
        out.append("</ol>")
    rest = [g.findings[0] for g in overlay.groups if g.findings[0].outcome is not Outcome.FAIL]
    if rest:
        codes = ", ".join(sorted({f.code for f in rest}))
        line = w(
            f"无法核对 {len(rest)} 项：{codes}",
            f"無法核對 {len(rest)} 項：{codes}",
            f"{len(rest)} not assessable: {codes}",
        )
        out.append(f'<p class="dm-sev-na">{_e(line)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _link(path: str, prefix: str, lang: Lang) -> str:
    where = location(path, locale=lang.name)
    key = catalogue_path(path)
    if where is None or key is None:
        return ""
    return f'<a href="#{_e(_cell_id(prefix, key))}">{_e(where)}</a>'


def _finding_line(f: Finding, prefix: str, lang: Lang) -> str:
    sev = f.severity.value if f.outcome is Outcome.FAIL else "na"
    word = outcome_word(f, locale=lang.name)
    link = _link(f.path, prefix, lang)
    where = f" {link}" if link else ""
    return (
        f'<span class="dm-sev dm-sev-{sev}">{_e(word)}</span> <code>{_e(f.code)}</code>'
        f"{where} {_e(f.message(lang.name))}"
    )


def _group_item(g: FindingGroup, prefix: str, lang: Lang) -> str:
    if not g.shared or g.cell is None:
        return f"<li>{_finding_line(g.findings[0], prefix, lang)}</li>"
    n = len(g.findings)
    link = _link(g.cell, prefix, lang)
    head = lang.word(
        f"{n} 项核对涉及同一单元格 {link}，可能是同一处填报错误：",
        f"{n} 項核對涉及同一儲存格 {link}，可能是同一處填報錯誤：",
        f"{n} findings share the cell {link}; probably one wrong figure:",
    )
    sev = g.severity.value
    items = "".join(f"<li>{_finding_line(f, prefix, lang)}</li>" for f in g.findings)
    return (
        f'<li><span class="dm-sev dm-sev-{sev}">{_e(severity_word(g.severity, locale=lang.name))}'
        f"</span> {head}<ul>{items}</ul></li>"
    )


def _findings_of(findings: CheckResult | Sequence[Finding] | None) -> tuple[Finding, ...] | None:
    if findings is None:
        return None
    if isinstance(findings, CheckResult):
        return findings.findings
    return tuple(findings)


def report_fragment(
    report: Report,
    *,
    locale: str,
    findings: CheckResult | Sequence[Finding] | None = None,
    narrative: bool = True,
) -> str:
    """The report as an HTML fragment (``<div class="dm">`` with its ``<style>``), for
    notebooks and for embedding in a page."""
    lang = supported_locale(locale)
    found = _findings_of(findings)
    overlay = _Overlay(found, lang) if found is not None else None
    title = report.title or f"{report.organ.name} {report.year}"
    out = [
        f'<div class="dm" lang="{lang.html_lang}">',
        f"<style>{STYLESHEET}</style>",
        '<article class="dm-report">',
        f"<h1>{_e(title)}</h1>",
        _meta(report, lang),
        *_body(report, lang, overlay=overlay, narrative=narrative, grouped=not lang.zh),
        _combined(report, lang),
    ]
    if overlay is not None:
        out.append(_findings_list(overlay, report, lang))
    out.append("</article></div>")
    return "\n".join(out)


def render_html(
    report: Report,
    *,
    locale: str,
    findings: CheckResult | Sequence[Finding] | None = None,
) -> str:
    """The report as a standalone HTML page: its header, the narrative sections under
    their headings, each official table under its section, laid out as the form prints it.

    ``locale`` is one of ``zh_Hans_CN``, ``zh_Hant_TW`` or ``en`` (see
    ``disclosure_model.render.SUPPORTED_LOCALES``); any other raises
    :class:`~disclosure_model.render.UnsupportedLocaleError`. ``findings`` (a
    :class:`~disclosure_model.checks.CheckResult` or findings) marks the cells of the
    failed findings and lists the findings under the tables.

    >>> import disclosure_model as dm
    >>> page = render_html(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
    >>> 'rowspan="22"' in page and "<script" not in page
    True
    """
    lang = supported_locale(locale)
    title = report.title or f"{report.organ.name} {report.year}"
    fragment = report_fragment(report, locale=locale, findings=findings)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang.html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def check_result_html(result: CheckResult, *, locale: str) -> str:
    """A check result as an HTML table: one row per finding, severity marked, findings that
    share a cell grouped under it (for notebooks)."""
    lang = supported_locale(locale)
    w = lang.word
    groups = group_findings(result.findings)
    heads = (
        w("组", "組", "group"),
        w("级别", "級別", "severity"),
        w("规则", "規則", "rule"),
        w("位置", "位置", "where"),
        w("说明", "說明", "message"),
    )
    summary = w(
        f"{len(result.errors)} 个错误，{len(result.warnings)} 个警告，{len(result.infos)} 条提示，"
        f"{len(result.not_assessable)} 项无法核对",
        f"{len(result.errors)} 個錯誤，{len(result.warnings)} 個警告，{len(result.infos)} 條提示，"
        f"{len(result.not_assessable)} 項無法核對",
        f"{len(result.errors)} errors, {len(result.warnings)} warnings, {len(result.infos)} infos, "
        f"{len(result.not_assessable)} not assessable",
    )
    rows = []
    for n, g in enumerate(groups, start=1):
        if g.shared and g.cell is not None:
            where = location(g.cell, locale=lang.name) or g.cell
            note = w(
                f"以下 {len(g.findings)} 项涉及同一单元格：{where}",
                f"以下 {len(g.findings)} 項涉及同一儲存格：{where}",
                f"the next {len(g.findings)} findings share the cell {where}",
            )
            rows.append(
                f'<tr class="dm-group-row"><td>{n}</td><td colspan="4">{_e(note)}</td></tr>'
            )
        for f in g.findings:
            sev = f.severity.value if f.outcome is Outcome.FAIL else "na"
            where = location(f.path, locale=lang.name) or f.path
            rows.append(
                f"<tr><td>{n}</td>"
                f'<td class="dm-sev dm-sev-{sev}">{_e(outcome_word(f, locale=lang.name))}</td>'
                f"<td><code>{_e(f.code)}</code></td><td>{_e(where)}</td>"
                f"<td>{_e(f.message(lang.name))}</td></tr>"
            )
    head = "".join(f"<th>{h}</th>" for h in heads)
    return (
        f'<div class="dm" lang="{lang.html_lang}"><style>{STYLESHEET}</style>'
        f'<p class="dm-summary">{_e(summary)}</p>'
        f'<table class="dm-list"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div>"
    )
