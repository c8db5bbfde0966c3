"""The entry points: a page, a text or a PDF → a :class:`~disclosure_model.report.Report`.

:func:`parse` returns a :class:`Parsed`: the report, the provenance of every value (the source
table, row and cell, or the line span it was printed at) and the parse notes. ``parse_html``,
``parse_text`` and ``parse_pdf`` return the report only.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
from attrs import frozen

from disclosure_model.claims import Claim
from disclosure_model.errors import ParseError, ValidationError
from disclosure_model.formats import LegacyStatistics, ReportFormat, Statistics, format_for_year
from disclosure_model.parsing._grid import Grid, Location
from disclosure_model.parsing._html import MAX_HTML_BYTES, read_html
from disclosure_model.parsing._mapper import Line, Mapped, detect_format, map_lines
from disclosure_model.parsing._notes import Note
from disclosure_model.parsing._prose import Narrative, organ_level, read_legacy, read_narrative
from disclosure_model.parsing._text import read_text
from disclosure_model.report import Coverage, Organ, OrganLevel, Report, Source

__all__ = ["Parsed", "parse", "parse_html", "parse_pdf", "parse_text"]


@frozen(kw_only=True)
class Parsed:
    """A parse: the report, where each value came from, and what the parser noticed.

    ``provenance`` maps each catalogue path the parser read to the :class:`Location` it was
    printed at. ``last_row`` is the ``table.row`` path of the last row the source reaches when
    it stops inside the statistics tables (``None`` when it reaches their end, or reaches no
    table at all: then ``complete`` is false); cells after it were not reached, which is not
    the same as printed blank. The report's :attr:`~disclosure_model.report.Report.coverage`
    says the same.
    """

    report: Report
    provenance: Mapping[str, Location]
    notes: tuple[Note, ...]
    last_row: str | None = None
    tables: tuple[str, ...] = ()
    #: Whether the source reaches the end of the statistics tables.
    complete: bool = True

    def notes_for(self, path: str) -> tuple[Note, ...]:
        """The notes about the cell or row at ``path``."""
        return tuple(
            n
            for n in self.notes
            if n.path is not None and (n.path == path or path.startswith(n.path + "."))
        )


def _lines_of_html(blocks: tuple[str | Grid, ...]) -> Iterator[Line]:
    for block in blocks:
        if isinstance(block, str):
            from disclosure_model.parsing._grid import Cell

            yield Line(cells=(Cell(text=block, row=0, col=0, location=Location()),), paragraph=True)
        else:
            for row in block.rows():
                yield Line(cells=row)


def _lines_of_grid(grid: Grid) -> Iterator[Line]:
    for row in grid.rows():
        yield Line(cells=row)


def _format(table_text: str, year: int | None) -> tuple[ReportFormat, list[Note]]:
    fmt = detect_format(table_text)
    if fmt is not None:
        return fmt, []
    by_year = format_for_year(year) if year is not None else None
    if by_year is None:
        msg = "no statistics table found: no marker of any format, and no report year"
        raise ParseError(msg)
    note = Note(
        code="format-from-year",
        zh=f"统计表没有格式标志，按年份 {year} 判断为 {by_year.value}",
        en=f"the tables carry no format marker; {by_year.value} taken from the year {year}",
    )
    return by_year, [note]


# The prose reader does not (yet) read a title printed year first and broken over two lines
# (``2024 年上海市科委政府信息公开工作`` / ``年度报告``, as PDF converters leave it). Until it
# does, that one layout is read here, and only where the prose reader found no title.
_TWO_LINE_TITLE = re.compile(
    r"^(?P<year>20\d{2})年(?:度)?(?P<organ>[^\s,。;:、]{2,30}?)政府信息公开(?:工作)?(?:年度)?报告"
)


def _two_line_title(text: str) -> tuple[str, str, int] | None:
    """(title, organ, year) of a title printed over two lines, year first (see above)."""
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()[:20]]
    lines = [line for line in lines if line and len(line) <= 60]
    for first, second in itertools.pairwise(lines):
        joined = re.sub(r"\s+", "", first + second)
        m = _TWO_LINE_TITLE.match(joined)
        if m is not None:
            return joined, m.group("organ"), int(m.group("year"))
    return None


def _narrative_notes(narrative: Narrative) -> list[Note]:
    return [Note(code="narrative", zh=n, en=n) for n in narrative.notes]


@frozen
class _Given:
    """What the caller says about a source: its address, report year and organ (each
    ``None`` where not said)."""

    url: str | None
    year: int | None
    organ: Organ | str | None


def _assemble(
    text: str,
    lines: list[Line],
    table_text: str,
    given: _Given,
    sha256: str | None,
    *,
    title_hint: str | None = None,
) -> Parsed:
    """The report of a source: its whole text, its lines, the text of its tables (for the
    format markers) and the SHA-256 of what was read."""
    url, year, organ = given.url, given.year, given.organ
    marked = detect_format(table_text)
    narrative = read_narrative(text, fmt=marked)
    if narrative.title is None and title_hint:
        # An HTML fragment's <title> may be the only place the report names itself.
        hinted = read_narrative(title_hint, fmt=marked)
        if hinted.title is not None:
            narrative = attrs.evolve(
                narrative,
                title=hinted.title,
                organ_name=narrative.organ_name or hinted.organ_name,
                level=narrative.level or hinted.level,
                year=narrative.year or hinted.year,
            )
    if narrative.title is None and (two_line := _two_line_title(text)) is not None:
        title, title_organ, title_year = two_line
        narrative = attrs.evolve(
            narrative,
            title=title,
            organ_name=narrative.organ_name or title_organ,
            level=narrative.level or organ_level(title_organ),
            year=narrative.year or title_year,
        )
    the_year = year if year is not None else narrative.year
    fmt, notes = _format(table_text, the_year)
    if fmt is not marked:
        narrative = read_narrative(text, fmt=fmt)
    mapped: Mapped = map_lines(lines, fmt=fmt)
    if not mapped.tables and narrative.title is None and organ is None:
        msg = (
            "no statistics table found (no row of tables 二, 三 or 四) and no report title "
            "naming the organ; pass organ= to read a text without tables"
        )
        raise ParseError(msg)
    if the_year is None:
        msg = "no report year found (no title or statistics period with a year); pass year="
        raise ParseError(msg)
    if isinstance(organ, Organ):
        the_organ = organ
    else:
        name: str | None = organ if organ is not None else narrative.organ_name
        if name is None:
            msg = "no organ found (the text names no organ in a title); pass organ="
            raise ParseError(msg)
        level = organ_level(name) if organ is not None else narrative.level
        the_organ = Organ(name=name, level=level or OrganLevel.OTHER)
        if level is None:
            notes.append(
                Note(
                    code="organ-level-unknown",
                    zh=f"无法从名称判断“{name}”的机关层级，记为 other",
                    en=f"the level of {name!r} is not clear from its name; recorded as other",
                )
            )
    statistics, claims = mapped.statistics, narrative.claims
    if fmt is ReportFormat.LEGACY:
        # Legacy reports state most figures in prose (the table is often an image): the
        # prose gives every cell the table does not print, and the claims about them.
        statistics, claims, prose_notes = _with_legacy_prose(statistics, text)
        notes.extend(prose_notes)
    try:
        report = Report(
            organ=the_organ,
            year=the_year,
            format=fmt,
            statistics=statistics,
            title=narrative.title,
            dated=narrative.dated,
            published=narrative.published,
            source=Source(url=url, sha256=sha256) if (url or sha256) else None,
            sections=narrative.sections,
            claims=claims,
            coverage=Coverage(last_row=mapped.last_row) if mapped.last_row else None,
        )
    except ValidationError as exc:
        msg = f"the parsed values do not make a report: {exc}"
        raise ParseError(msg) from None
    return Parsed(
        report=report,
        provenance=MappingProxyType(dict(mapped.provenance)),
        notes=(*notes, *_narrative_notes(narrative), *mapped.notes),
        last_row=mapped.last_row,
        tables=mapped.tables,
        complete=mapped.complete,
    )


def _with_legacy_prose(
    table: Statistics, text: str
) -> tuple[Statistics, tuple[Claim, ...], list[Note]]:
    """The legacy cells of the table, completed by the figures the prose states."""
    prose, claims, prose_notes = read_legacy(text)
    notes = [Note(code="narrative", zh=n, en=n) for n in prose_notes]
    if not isinstance(table, LegacyStatistics):  # pragma: no cover - the mapper's contract
        return prose, claims, notes
    values: dict[str, Any] = {}
    for entry in table.catalogue():
        printed, stated = table.cell(entry.path), prose.cell(entry.path)
        values[entry.path] = printed if printed is not None else stated
        if printed is not None and stated is not None and printed != stated:
            notes.append(
                Note(
                    code="narrative",
                    zh=f"{entry.row_label.zh}：表中为 {printed}，正文为 {stated}；取表中数",
                    en=f"{entry.row_label.en}: the table prints {printed}, the prose "
                    f"{stated}; the table's value is kept",
                    path=entry.path,
                )
            )
    merged = attrs.evolve(table, combined=table.combined or prose.combined, **values)
    return merged, claims, notes


def _parse_html(html: str | bytes, given: _Given, *, max_bytes: int) -> Parsed:
    doc = read_html(html, max_bytes=max_bytes)
    if not doc.grids:
        # No <table>: a page that prints the tables as text lines.
        return _parse_text(doc.text, given, sha256=_sha(html))
    lines = list(_lines_of_html(doc.blocks))
    table_text = "".join(c.text for g in doc.grids for c in g.cells)
    return _assemble(doc.text, lines, table_text, given, _sha(html), title_hint=doc.title)


def _parse_text(text: str, given: _Given, *, sha256: str | None = None) -> Parsed:
    doc = read_text(text)
    lines = list(_lines_of_grid(doc.grid))
    sha = sha256 if sha256 is not None else _sha(text)
    return _assemble(doc.raw, lines, "".join(doc.lines), given, sha)


def _sha(data: str | bytes) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    year: int | None = None,
    organ: Organ | str | None = None,
    max_bytes: int = MAX_HTML_BYTES,
) -> Report:
    """The report a published HTML page holds (``bytes`` are decoded by the page's charset).

    ``year`` and ``organ`` (an :class:`~disclosure_model.report.Organ` or a name) are used
    where given, else read from the page's title. Raises
    :class:`~disclosure_model.errors.ParseError` naming what could not be found.
    """
    return _parse_html(html, _Given(url, year, organ), max_bytes=max_bytes).report


def parse_text(
    text: str,
    *,
    url: str | None = None,
    year: int | None = None,
    organ: Organ | str | None = None,
) -> Report:
    """The report a page's or a PDF's text holds.

    The arguments are those of :func:`~disclosure_model.parsing.parse_html`.
    """
    return _parse_text(text, _Given(url, year, organ)).report


def _pdf_text(source: str | Path | bytes) -> str:
    from disclosure_model.parsing._pdf import pdf_text

    return pdf_text(source)


def parse_pdf(
    source: str | Path | bytes,
    *,
    url: str | None = None,
    year: int | None = None,
    organ: Organ | str | None = None,
) -> Report:
    """The report a PDF holds (a path or the file's bytes); needs the ``[pdf]`` extra."""
    if isinstance(source, str):
        source = Path(source)
    return parse(source, kind="pdf", url=url, year=year, organ=organ).report


_KINDS = {".html": "html", ".htm": "html", ".txt": "text", ".md": "text", ".pdf": "pdf"}


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 1024 or Path(text).suffix.lower() not in _KINDS:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


def parse(
    source: str | bytes | Path,
    *,
    kind: str | None = None,
    url: str | None = None,
    year: int | None = None,
    organ: Organ | str | None = None,
) -> Parsed:
    """Parse a page, a text or a PDF, with provenance and notes.

    ``source`` is a :class:`~pathlib.Path` (its suffix gives the kind), or the content:
    ``bytes`` (HTML, or a PDF when they start with ``%PDF``) or ``str`` (HTML when it looks
    like markup, else text; a one-line ``str`` naming an existing ``.html``/``.htm``/``.txt``/
    ``.md``/``.pdf`` file is that file). ``kind`` (``"html"``, ``"text"``, ``"pdf"``) overrides
    the guess.
    """
    data: str | bytes
    if isinstance(source, str) and _names_a_file(source):
        source = Path(source)
    if isinstance(source, Path):
        kind = kind or _KINDS.get(source.suffix.lower())
        if kind is None:
            msg = f"{source}: cannot tell the kind of file from its suffix; pass kind="
            raise ParseError(msg)
        try:
            raw = source.read_bytes()
        except OSError as exc:
            msg = f"{source}: cannot be read ({exc.strerror})"
            raise ParseError(msg) from None
        data = raw
        if kind == "text":
            try:
                data = raw.decode("utf-8")
            except UnicodeDecodeError:
                data = raw.decode("gb18030", errors="replace")
    else:
        data = source
    if kind is None:
        if isinstance(data, bytes):
            kind = "pdf" if data.startswith(b"%PDF") else "html"
        else:
            kind = (
                "html"
                if re.search(r"<(?:table|p|div|html|body|tr|td)\b", data[:5000], re.I)
                else "text"
            )
    given = _Given(url, year, organ)
    if kind == "html":
        return _parse_html(data, given, max_bytes=MAX_HTML_BYTES)
    if kind == "text":
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        return _parse_text(text, given)
    if kind == "pdf":
        pdf = data.encode("utf-8") if isinstance(data, str) else data
        return _parse_text(_pdf_text(pdf), given, sha256=_sha(pdf))
    msg = f"unknown kind {kind!r}: expected 'html', 'text' or 'pdf'"
    raise ParseError(msg)
