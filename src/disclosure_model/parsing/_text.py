"""Text front end: the text of a page or a PDF → a :class:`Grid` of its lines.

Each kept line becomes one grid row whose cells are the line's label text and its values:

* Markdown and pipe-separated lines (``| 规章 | 0 | 0 | 0 |``, ``规章 | 0 |``) are split at
  the pipes; an empty cell between pipes is a blank value, empty cells at the ends are not
  cells; Markdown rule rows (``|---|---|``) and lines of bare pipes are dropped.
* Other lines are split into text and number tokens: ``行政许可 447228`` is a label and one
  value; ``1.属于国家秘密`` is a label (``1.`` is its numbering, not a value); a number with a
  bracketed annotation (``22（其中修订 16 件）``) is one value cell, and so is a number whose
  annotation stands alone on the next line, as PDF text prints it.
* Page numbers (``- 4 -``, ``— 5 —``, ``第 3 页``) are dropped wherever they stand, including
  inside tables.

What the lines *mean* (which label a run of numbers belongs to, labels printed one character
per line, numbers printed before their label, digits run together) is decided by the mapper,
which knows the form; this module only keeps every line's text and where it was.
"""

from __future__ import annotations

import re

from attrs import frozen

from disclosure_model.parsing._cells import clean_text
from disclosure_model.parsing._grid import Cell, Grid, GridKind, Location

__all__ = ["TextDocument", "read_text"]

_PAGE_NUMBER = re.compile(
    r"[-—–_－\s]*(?:第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})"
    r"[-—–_－\s]*|[-—–_－]+\s*\d{1,3}\s*[-—–_－]+"
)
_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_ANNOTATED = r"\d[\d,]*(?:\.\d+)?\s*\((?=[^()]*(?:\d|其中|含))[^()]{1,40}\)"
_NUMBER = r"(?:(?<=\s)[-+]|(?<![\d.]))\d[\d,]*(?:\.\d+)?(?![\d])"
_MONEY = r"(?<![\d.])\d[\d,]*(?:\.\d+)?\s*万?元(?![\u4e00-\u9fff])"
_TOKEN = re.compile(rf"(?P<annotated>{_ANNOTATED})|(?P<money>{_MONEY})|(?P<number>{_NUMBER})")
_NOT_VALUE_AFTER = re.compile(r"\s*(?:[.、,](?!\d)|[年月日号%个项条件次场篇余万亿]|\))")
_LONE_ANNOTATION = re.compile(r"\((?=[^()]*(?:\d|其中|含))[^()]{1,40}\)")


@frozen(kw_only=True)
class TextDocument:
    """A text as the mapper reads it: its lines (cleaned) and the grid of the kept lines."""

    lines: tuple[str, ...]
    grid: Grid
    #: The text as given (for the narrative: names are kept as printed).
    raw: str = ""

    @property
    def text(self) -> str:
        """The cleaned text, one line per source line."""
        return "\n".join(self.lines)


_UNIT_AFTER_LABEL = re.compile(r"(.*\S)\s+(条|件|次|篇|个|人次|人|项|万元|元)")


def _label(out: list[str], text: str) -> None:
    """Add a label token; a unit column printed after it (统计指标 | 单位) is its own token."""
    m = _UNIT_AFTER_LABEL.fullmatch(text)
    if m is None:
        out.append(text)
    else:
        out.extend((m.group(1), m.group(2)))


def _split_plain(text: str) -> list[str]:
    """A plain line as label and value tokens, in order."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if m.group("number") is not None:
            before = text[start - 1] if start > 0 else " "
            if before in "第" or _NOT_VALUE_AFTER.match(text, end):
                continue  # a numbering (1.), a date, a count in prose (2024年), 第711号
        label = text[pos:start].strip()
        if label:
            _label(out, label)
        out.append(text[start:end].strip())
        pos = end
    rest = text[pos:].strip()
    if rest:
        _label(out, rest)
    return out


def _split_pipes(text: str) -> list[str]:
    """Cells between pipes. In a Markdown row (``| a | 1 |  |``) every cell between the
    outer pipes counts, empty ones too; elsewhere (``规章 | 0 |``) empty ends are no cells."""
    parts = [p.strip() for p in text.split("|")]
    if text.startswith("|"):
        return parts[1:-1] if text.endswith("|") and len(parts) > 1 else parts[1:]
    while parts and not parts[-1]:
        parts.pop()
    while parts and not parts[0]:
        parts.pop(0)
    return parts


def read_text(text: str) -> TextDocument:
    """Split a text into lines and cells (see the module docstring)."""
    lines = tuple(clean_text(line) for line in text.splitlines())
    cells: list[Cell] = []
    row = 0
    last_lone_value: Cell | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER.fullmatch(stripped) or _RULE.fullmatch(stripped):
            continue
        if set(stripped) <= {"|", " "}:
            continue
        if last_lone_value is not None and _LONE_ANNOTATION.fullmatch(stripped.replace(" ", "")):
            # "22" then "（其中修订 16 件）": one annotated value over two lines.
            merged = Cell(
                text=f"{last_lone_value.text}{stripped}",
                row=last_lone_value.row,
                col=0,
                location=Location(line=last_lone_value.location.line, end_line=number, column=0),
            )
            cells[cells.index(last_lone_value)] = merged
            last_lone_value = None
            continue
        body = stripped.lstrip("#").strip()
        header = body != stripped
        tokens = _split_pipes(body) if "|" in body else _split_plain(body)
        if not tokens:
            continue
        new = [
            Cell(
                text=token,
                row=row,
                col=k,
                location=Location(line=number, column=k),
                header=header,
                boxed=body.startswith("|"),
            )
            for k, token in enumerate(tokens)
        ]
        cells.extend(new)
        last_lone_value = new[0] if len(new) == 1 and re.fullmatch(_NUMBER, new[0].text) else None
        row += 1
    return TextDocument(lines=lines, grid=Grid.build(kind=GridKind.TEXT, cells=cells), raw=text)
