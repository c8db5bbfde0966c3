"""HTML front end: a published page → its text lines and its tables as :class:`Grid`\\ s.

Parser choice, by measurement on ``tests/parsing/corpus/pages/*.html`` (two pages from two
CMSs with Word-paste markup, 65 kB and 100 kB; median of 20 parses, 2-core machine):

============================  ===========  ===========  =====================================
parser                        pingtan      shuyang-fgj  tables / rows / cells found
============================  ===========  ===========  =====================================
lxml 6.1 (``lxml.html``)      1.3 ms       3.4 ms       3 / 46 / 279 — all as printed
selectolax 1.0 (lexbor)       0.7 ms       1.1 ms       3 / 46 / 279 — all as printed
html5lib 1.1 (lxml tree)      50 ms        115 ms       3 / 46 / 279 — all as printed
============================  ===========  ===========  =====================================

All three build the same tables, rows and cells from both pages (the pages are well formed
enough for tables), so correctness did not decide; html5lib is 35–40× slower than lxml and
warns on Word's ``<o:p>`` tags. lxml is 2–3× slower than selectolax on the bare parse, but a
bare parse is a millisecond or two, small beside reading the cells, and lxml has the parser
switches this module relies on for hostile input (no network access, no entity expansion,
no huge trees) as documented options, plus ``itertext``/tail handling for the text walk.
lxml is therefore the parser of the optional extra ``[html]``. It is used through
``lxml.etree.HTMLParser`` rather than ``lxml.html``: the same libxml2 parser, without the
Python callback ``lxml.html`` makes to choose a class for every element touched, which cost
about a third of the time of reading the cells.

Safety: the input is capped at :data:`MAX_HTML_BYTES` (overridable per call; larger input
raises :class:`~disclosure_model.errors.ParseError`); lxml's HTML parser runs with
``no_network=True`` and ``huge_tree=False`` (it has no ``resolve_entities`` switch because it
loads no DTD and expands no external entity; the XML parser, which has one, is never used);
spans are capped (``rowspan`` ≤ 1000 and never past the table's last row, ``colspan`` ≤
100), so a page cannot make the grid explode.

Decoding: the charset the page declares (``<meta charset>``, ``http-equiv`` content type, or
an XML declaration) if Python knows it, else UTF-8 if the bytes are valid UTF-8, else gb18030
(the superset of GB2312/GBK that Chinese government CMSs use).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from attrs import frozen

from disclosure_model._extras import optional_module
from disclosure_model.errors import ParseError
from disclosure_model.parsing._cells import clean_text
from disclosure_model.parsing._grid import Cell, Grid, GridKind, Location

__all__ = ["MAX_HTML_BYTES", "HtmlDocument", "decode_html", "read_html"]

#: Largest page (in bytes, after encoding to UTF-8 for text input) the HTML reader accepts.
MAX_HTML_BYTES = 20_000_000
_MAX_ROWSPAN = 1000
_MAX_COLSPAN = 100

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""",
    re.IGNORECASE,
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "center",
    }
)
_BLOCK_OPEN = re.compile(
    r"<(?=/?(?:p|br|div|li|tr|td|th|h[1-6]|section|article|blockquote|pre|dd|dt|center)\b)",
    re.IGNORECASE,
)
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})


@frozen(kw_only=True)
class HtmlDocument:
    """A page as the mapper reads it: text blocks and tables, in document order.

    ``blocks`` holds each paragraph outside the tables as a ``str`` (spaces folded,
    characters as printed) and each table as a :class:`Grid` (cell texts cleaned), in the
    order the page prints them; ``title`` is the page's ``<title>``.
    """

    blocks: tuple[str | Grid, ...]
    title: str | None = None

    @property
    def grids(self) -> tuple[Grid, ...]:
        """The tables."""
        return tuple(b for b in self.blocks if isinstance(b, Grid))

    @property
    def text(self) -> str:
        """The page's text outside the tables, one block per line."""
        return "\n".join(b for b in self.blocks if isinstance(b, str))


def decode_html(data: bytes) -> str:
    """Decode a page by its declared charset, else UTF-8, else gb18030.

    >>> decode_html('<meta charset="gbk"><p>规章</p>'.encode("gbk"))[-9:]
    '<p>规章</p>'
    >>> decode_html("<p>规章</p>".encode("gb18030"))
    '<p>规章</p>'
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    m = _DECLARED.search(data[:4096])
    if m is not None:
        name = (m.group(1) or m.group(2)).decode("ascii", errors="replace").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            name = "gb18030"  # a superset: pages labelled GB2312 routinely use GBK characters
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _lxml() -> Any:
    return optional_module("lxml.etree", "html", "reading HTML")


def _span(value: str | None, cap: int) -> int:
    if not value:
        return 1
    m = re.match(r"\s*(\d+)", value)
    if m is None:
        return 1
    n = int(m.group(1))
    return 1 if n < 1 else min(n, cap)


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _text_of(el: Any) -> str:
    """An element's text with the markup removed (block boundaries are spaces: the page had
    a space put before each block tag before it was parsed, see :func:`read_html`)."""
    return clean_text("".join(el.itertext()))


def _own_rows(table: Any) -> list[Any]:
    """The ``<tr>`` of a table that belong to it, not to a table nested in it."""
    rows = []
    for tr in table.iter("tr"):
        parent = tr.getparent()
        while parent is not None and _tag(parent) != "table":
            parent = parent.getparent()
        if parent is table:
            rows.append(tr)
    return rows


def _grid(table: Any, index: int) -> Grid:
    cells: list[Cell] = []
    taken: dict[int, set[int]] = {}
    rows = _own_rows(table)
    n_rows = len(rows)
    for r, tr in enumerate(rows):
        occupied = taken.setdefault(r, set())
        col = 0
        for k, td in enumerate(c for c in tr if _tag(c) in ("td", "th")):
            while col in occupied:
                col += 1
            # A span never runs past the table's last row (nor its cap).
            rowspan = min(_span(td.get("rowspan"), _MAX_ROWSPAN), n_rows - r)
            colspan = _span(td.get("colspan"), _MAX_COLSPAN)
            cells.append(
                Cell(
                    text=_text_of(td),
                    row=r,
                    col=col,
                    rowspan=rowspan,
                    colspan=colspan,
                    location=Location(table=index, row=r, column=k),
                    header=_tag(td) == "th",
                )
            )
            for dr in range(rowspan):
                taken.setdefault(r + dr, set()).update(range(col, col + colspan))
            col += colspan
    return Grid.build(kind=GridKind.HTML, cells=cells, index=index)


def _holders(root: Any) -> set[Any]:
    """Every element that has a table below it (a table's ancestors, not the table)."""
    out: set[Any] = set()
    for t in root.iter("table"):
        parent = t.getparent()
        while parent is not None and parent not in out:
            out.add(parent)
            parent = parent.getparent()
    return out


def _walk(el: Any, counter: list[int], holders: set[Any]) -> Iterator[str | Grid]:
    """Text blocks and leaf tables below ``el``, in document order."""
    tag = _tag(el)
    if tag in _SKIP:
        return
    if el not in holders:
        if tag == "table":
            index = counter[0]
            counter[0] += 1
            yield _grid(el, index)
        else:
            # Keep line structure: split the block at its own block children.
            yield from (line for line in _lines(el) if line)
        return
    if el.text and el.text.strip():
        yield _light(el.text)
    for child in el:
        yield from _walk(child, counter, holders)
        if child.tail and child.tail.strip():
            yield _light(child.tail)


_LIGHT = re.compile(r"[\s\u00a0\u3000]+")


def _light(text: str) -> str:
    """Text outside the tables: spaces folded only (names stay as printed)."""
    return _LIGHT.sub(" ", text).strip()


def _lines(el: Any) -> list[str]:
    """An element without tables as lines: one per block element."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _light("".join(current))
        if text:
            out.append(text)
        current.clear()

    def walk(node: Any) -> None:
        tag = _tag(node)
        if tag in _SKIP:
            return
        block = tag in _BLOCK
        if block:
            flush()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(el)
    flush()
    return out


def read_html(html: str | bytes, *, max_bytes: int = MAX_HTML_BYTES) -> HtmlDocument:
    """Parse a page into text blocks and table grids.

    Raises :class:`~disclosure_model.errors.ParseError` when the page is larger than
    ``max_bytes`` or is not HTML at all.
    """
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8"))
    if size > max_bytes:
        msg = f"the page is {size} bytes, more than the limit of {max_bytes} (max_bytes=)"
        raise ParseError(msg)
    text = decode_html(html) if isinstance(html, bytes) else html
    # lxml refuses str input with an encoding declaration; drop the XML declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # A space before every block tag: text split over <p>s and <br>s stays apart when a
    # cell's text is joined (lxml's itertext, in C, instead of a walk in Python).
    text = _BLOCK_OPEN.sub(" <", text)
    if not text.strip():
        msg = "the page is empty: no text and no tables"
        raise ParseError(msg)
    etree = _lxml()
    # lxml.etree's HTML parser, not lxml.html's: the same libxml2 parser, without the
    # Python-level element-class lookup lxml.html runs for every element touched.
    parser = etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
    )
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        msg = f"the page could not be read as HTML ({exc})"
        raise ParseError(msg) from None
    if root is None:
        msg = "the page has no HTML elements: no text and no tables"
        raise ParseError(msg)
    title_el = root.find(".//title")
    title = clean_text("".join(title_el.itertext())) if title_el is not None else None
    blocks = tuple(_walk(root, [0], _holders(root)))
    return HtmlDocument(blocks=blocks, title=title or None)
