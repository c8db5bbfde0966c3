"""Reports as readable output: the official tables in HTML, Markdown and the terminal.

Every rendering is laid out from the form spec (:func:`disclosure_model.formats.form`):
the grid, spans, notes and headers are the form's, the same code for every format.

* :func:`render_html`: a standalone page a disclosure office could publish (one
  stylesheet, no script, every report string escaped), optionally with the findings of a
  check marked on the cells;
* :func:`render_markdown`: the same tables as Markdown;
* :func:`render_text`: the tables for a terminal (behind ``disclosure-model show``),
  aligned in display columns;
* :func:`findings_text`: the readable findings of a check (behind ``disclosure-model
  check``).

``locale`` is always explicit: ``zh_Hans_CN``, ``zh_Hant_TW`` or ``en``
(``SUPPORTED_LOCALES``); any other raises :class:`UnsupportedLocaleError`.
"""

from __future__ import annotations

from disclosure_model.render._findings import findings_text
from disclosure_model.render._html import (
    STYLESHEET,
    check_result_html,
    render_html,
    report_fragment,
)
from disclosure_model.render._locale import SUPPORTED_LOCALES, UnsupportedLocaleError
from disclosure_model.render._markdown import render_markdown
from disclosure_model.render._text import render_text

__all__ = [
    "STYLESHEET",
    "SUPPORTED_LOCALES",
    "UnsupportedLocaleError",
    "check_result_html",
    "findings_text",
    "render_html",
    "render_markdown",
    "render_text",
    "report_fragment",
]
