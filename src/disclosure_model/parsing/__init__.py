"""Parsers: published pages (HTML), page and PDF text, and PDFs → reports.

>>> from disclosure_model.parsing import parse_text
>>> text = "\\n".join([
...     "某县人民政府2021年政府信息公开工作年度报告",
...     "四、政府信息公开行政复议、行政诉讼情况",
...     "行政复议 行政诉讼",
...     "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
...     "五、存在的主要问题及改进情况",
... ])
>>> r = parse_text(text)
>>> (r.organ.name, r.year, r.format.value, r.statistics.reviews.review.total)
('某县人民政府', 2021, 'gov-2021', 1)
"""

from __future__ import annotations

from disclosure_model.parsing._grid import Cell, Grid, GridKind, Location
from disclosure_model.parsing._notes import NOTE_CODES as _NOTE_CODES
from disclosure_model.parsing._notes import Note
from disclosure_model.parsing._result import Parsed, parse, parse_html, parse_pdf, parse_text

__all__ = [
    "NOTE_CODES",
    "Cell",
    "Grid",
    "GridKind",
    "Location",
    "Note",
    "Parsed",
    "parse",
    "parse_html",
    "parse_pdf",
    "parse_text",
]

#: Every parse note code, with what it means (the codes are stable).
NOTE_CODES = _NOTE_CODES
