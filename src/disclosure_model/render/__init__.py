"""Reports as readable output: the statistics tables with their official labels.

One module per concern: ``_text`` lays the tables out as text for a terminal (behind
``disclosure-model show``), ``_width`` measures text in terminal columns (CJK characters
take two).
"""

from __future__ import annotations

from disclosure_model.render._text import render_text

__all__ = ["render_text"]
