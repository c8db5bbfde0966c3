"""For the disclosure office: the form to fill, and a report built from it.

An office (政务公开办) compiling its annual report works from the official tables:

* :func:`template` gives the tables of a format as rows to fill, one per cell in form
  order; :func:`write_template` writes them as CSV (UTF-8 with a byte-order mark, so Excel
  opens it), as an Excel workbook laid out as the official form (the ``excel`` extra), or
  as a sparse JSON document;
* :func:`from_table` reads a filled template back into a
  :class:`~disclosure_model.report.Report`: a blank stays *not stated*, ``0`` is 0, and every
  bad cell is reported at once, in zh and en, named by its table, row and column in words;
* :func:`new_report` starts a report with every cell not stated, and
  :meth:`Report.with_cells <disclosure_model.report.Report.with_cells>` (or
  :func:`with_cells`) sets cells by catalogue path, checking every path and value;
* :func:`from_sparse` reads a document that gives only the stated cells; the strict full
  JSON document stays the format for exchange, and :func:`to_sparse` goes the other way.

>>> from disclosure_model import office
>>> r = office.new_report(organ="某县财政局", level="county-department", year=2024)
>>> r = r.with_cells({"applications.new_received.natural_person": 12})
>>> r.statistics.cell("applications.new_received.natural_person")
12
"""

from __future__ import annotations

from disclosure_model.office._build import from_sparse, from_table, to_sparse, write_template
from disclosure_model.office._cells import new_report, with_cells
from disclosure_model.office._levels import LEVEL_ZH
from disclosure_model.office._template import (
    CSV_COLUMNS,
    BadEntry,
    TemplateError,
    TemplateRow,
    cell_words,
    template,
    template_csv,
)

__all__ = [
    "CSV_COLUMNS",
    "LEVEL_ZH",
    "BadEntry",
    "TemplateError",
    "TemplateRow",
    "cell_words",
    "from_sparse",
    "from_table",
    "new_report",
    "template",
    "template_csv",
    "to_sparse",
    "with_cells",
    "write_template",
]
