"""The entry points: a page, a text or a PDF → a :class:`~disclosure_model.report.Report`.

:func:`parse` returns a :class:`Parsed`: the report, the provenance of every value (the source
table, row and cell, or the line span it was printed at) and the parse notes. ``parse_html``,
``parse_text`` and ``parse_pdf`` return the report only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType

from attrs import frozen

from disclosure_model.errors import ParseError, ValidationError
from disclosure_model.formats import ReportFormat, format_for_year
from disclosure_model.parsing._cells import clean_text, fold_characters
from disclosure_model.parsing._grid import Grid, Location
from disclosure_model.parsing._html import MAX_HTML_BYTES, read_html
from disclosure_model.parsing._mapper import Line, Mapped, detect_format, map_lines
from disclosure_model.parsing._notes import Note
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


# --- organ, year, date: REPLACE with disclosure_model.parsing._prose.read_narrative ----------
# A stop-gap until the prose helper's read_narrative(text, fmt=...) is on main: the organ and
# year from the report's title, the date from a 发布时间 line. Nothing else reads the prose.

_TITLE = re.compile(
    r"(?P<organ>[^\s,。;:、]{2,40}?)\s*(?P<year>20\d{2})\s*年(?:度)?\s*(?:政府信息公开|政务公开)"
    r"(?:工作)?(?:年度)?(?:报告|年报)"
)
_TITLE_YEAR_FIRST = re.compile(
    r"^(?P<year>20\d{2})年(?:度)?(?P<organ>[^\s,。;:、]{2,30}?)(?:政府信息公开|政务公开)"
    r"(?:工作)?(?:年度)?(?:报告|年报)"
)
_TITLE_ALONE = re.compile(r"(?P<year>20\d{2})\s*年(?:度)?\s*政府信息公开(?:工作)?(?:年度)?报告")
_PERIOD = re.compile(
    r"(?:统计期限|统计时限|统计期间|时限|期限)[^\d]{0,8}(?P<year>20\d{2})\s*年\s*1\s*月\s*1\s*日"
)
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发布于|时间)\s*[:：]?\s*(?P<y>20\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})"
)
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_ORGAN_END = (
    "政府",
    "局",
    "委员会",
    "委",
    "办公室",
    "办公厅",
    "厅",
    "办事处",
    "管委会",
    "中心",
    "院",
    "署",
)


def _display(text: str) -> str:
    """Text as printed, for names: NFKC, glosses and spaces removed, characters as printed."""
    return re.sub(r"\s+", "", _GLOSS.sub("", unicodedata.normalize("NFKC", text)))


def _read_title(text: str) -> tuple[str | None, int | None, str | None]:
    """Organ, year and the title line from the first lines (stop-gap, see above)."""
    # A title is short: long lines (paragraphs of prose) are not looked at.
    lines = [
        line.strip().lstrip("#").strip()
        for line in text.splitlines()[:40]
        if line.strip() and len(line) <= 120
    ]
    for i, raw in enumerate(lines):
        shown = _display(raw)
        folded = fold_characters(shown)
        m = _TITLE.search(folded)
        if m is not None and m.start() < 4:
            organ = (
                shown[m.start("organ") : m.end("organ")]
                if len(shown) == len(folded)
                else m.group("organ")
            )
            return organ, int(m.group("year")), shown
        shown_next = shown + (_display(lines[i + 1]) if i + 1 < len(lines) else "")
        m3 = _TITLE_YEAR_FIRST.match(fold_characters(shown_next))
        if m3 is not None:
            organ = shown_next[m3.start("organ") : m3.end("organ")]
            return organ, int(m3.group("year")), shown_next
        m2 = _TITLE_ALONE.match(folded)
        if m2 is not None and i > 0:
            prev = _display(lines[i - 1])
            if len(prev) <= 30 and fold_characters(prev).endswith(_ORGAN_END):
                return prev, int(m2.group("year")), prev + shown
    return None, None, None


_YEAR_OF_WORK = re.compile(r"(?P<year>20\d{2})年(?:度)?\S{0,4}?政府信息公开")


def _read_year(text: str) -> int | None:
    """The report year from the statistics period or the opening prose (stop-gap)."""
    flat = unicodedata.normalize("NFKC", fold_characters(text[:6000])).replace(" ", "")
    m = _PERIOD.search(flat) or _YEAR_OF_WORK.search(flat)
    return int(m.group("year")) if m is not None else None


def _read_published(text: str) -> date | None:
    m = _PUBLISHED.search(unicodedata.normalize("NFKC", fold_characters(text[:3000])))
    if m is None:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _level(name: str) -> OrganLevel:
    n = clean_text(name)
    if n.endswith("政府"):
        if re.search(r"[乡镇]人民政府$|街道", n):
            return OrganLevel.TOWNSHIP
        if re.search(r"(?:县|区|旗)人民政府$", n) or re.search(r"县级市", n):
            return OrganLevel.COUNTY
        if re.search(r"省人民政府$|自治区人民政府$|^(?:北京|天津|上海|重庆)市人民政府$", n):
            return OrganLevel.PROVINCE
        if n.endswith("市人民政府"):
            return OrganLevel.CITY
    if "街道办事处" in n:
        return OrganLevel.TOWNSHIP
    if re.search(r"[县区]\w*(?:局|委员会|办公室)$", n):
        return OrganLevel.COUNTY_DEPARTMENT
    if re.search(r"市\w*(?:局|委员会|办公室|办公厅)$", n):
        return OrganLevel.CITY_DEPARTMENT
    if re.search(r"省\w*(?:厅|局|委员会)$", n):
        return OrganLevel.PROVINCIAL_DEPARTMENT
    return OrganLevel.OTHER


# -------------------------------------------------------------------------------------------


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


def _assemble(
    *,
    text: str,
    lines: list[Line],
    table_text: str,
    url: str | None,
    year: int | None,
    organ: Organ | str | None,
    sha256: str | None,
    title_hint: str | None = None,
) -> Parsed:
    t_organ, t_year, title = _read_title(text)
    if title is None and title_hint:
        t_organ, t_year, title = _read_title(title_hint)
    the_year = year if year is not None else t_year if t_year is not None else _read_year(text)
    fmt, notes = _format(table_text, the_year)
    mapped: Mapped = map_lines(lines, fmt=fmt)
    if not mapped.tables and t_organ is None and title is None and organ is None:
        msg = (
            "no statistics table found (no row of tables 二, 三 or 四) and no report title "
            "naming the organ; pass organ= to read a text without tables"
        )
        raise ParseError(msg)
    if the_year is None:
        msg = "no report year found (no title with a year); pass year="
        raise ParseError(msg)
    if isinstance(organ, Organ):
        the_organ = organ
    else:
        name = organ if organ is not None else t_organ
        if name is None:
            msg = "no organ found (the text names no organ in a title); pass organ="
            raise ParseError(msg)
        the_organ = Organ(name=name, level=_level(name))
        if organ is None:
            notes.append(
                Note(
                    code="organ-from-title",
                    zh=f"机关“{name}”取自标题，级别由名称推断",
                    en=f"organ {name!r} taken from the title; its level guessed from the name",
                )
            )
    try:
        report = Report(
            organ=the_organ,
            year=the_year,
            format=fmt,
            statistics=mapped.statistics,
            title=title,
            published=_read_published(text),
            source=Source(url=url, sha256=sha256) if (url or sha256) else None,
            coverage=Coverage(last_row=mapped.last_row) if mapped.last_row else None,
        )
    except ValidationError as exc:
        msg = f"the parsed values do not make a report: {exc}"
        raise ParseError(msg) from None
    return Parsed(
        report=report,
        provenance=MappingProxyType(dict(mapped.provenance)),
        notes=(*notes, *mapped.notes),
        last_row=mapped.last_row,
        tables=mapped.tables,
        complete=mapped.complete,
    )


def _parse_html(
    html: str | bytes,
    *,
    url: str | None,
    year: int | None,
    organ: Organ | str | None,
    max_bytes: int,
) -> Parsed:
    doc = read_html(html, max_bytes=max_bytes)
    if not doc.grids:
        # No <table>: a page that prints the tables as text lines.
        return _parse_text(doc.text, url=url, year=year, organ=organ, sha256=_sha(html))
    table_text = "".join(c.text for g in doc.grids for c in g.cells)
    return _assemble(
        text=doc.text,
        lines=list(_lines_of_html(doc.blocks)),
        table_text=table_text,
        url=url,
        year=year,
        organ=organ,
        sha256=_sha(html),
        title_hint=doc.title,
    )


def _parse_text(
    text: str,
    *,
    url: str | None,
    year: int | None,
    organ: Organ | str | None,
    sha256: str | None = None,
) -> Parsed:
    doc = read_text(text)
    table_text = "".join(doc.lines)
    return _assemble(
        text=doc.raw,
        lines=list(_lines_of_grid(doc.grid)),
        table_text=table_text,
        url=url,
        year=year,
        organ=organ,
        sha256=sha256 if sha256 is not None else _sha(text),
    )


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
    return _parse_html(html, url=url, year=year, organ=organ, max_bytes=max_bytes).report


def parse_text(
    text: str,
    *,
    url: str | None = None,
    year: int | None = None,
    organ: Organ | str | None = None,
) -> Report:
    """The report a page's or a PDF's text holds (see :func:`parse_html` for the arguments)."""
    return _parse_text(text, url=url, year=year, organ=organ).report


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
    like markup, else text). ``kind`` (``"html"``, ``"text"``, ``"pdf"``) overrides the guess.
    """
    data: str | bytes
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
    if kind == "html":
        return _parse_html(data, url=url, year=year, organ=organ, max_bytes=MAX_HTML_BYTES)
    if kind == "text":
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        return _parse_text(text, url=url, year=year, organ=organ)
    if kind == "pdf":
        pdf = data.encode("utf-8") if isinstance(data, str) else data
        text = _pdf_text(pdf)
        return _parse_text(text, url=url, year=year, organ=organ, sha256=_sha(pdf))
    msg = f"unknown kind {kind!r}: expected 'html', 'text' or 'pdf'"
    raise ParseError(msg)
