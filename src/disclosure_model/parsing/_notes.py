"""Parse notes: what a parser wants its user to know about a parse (frozen records).

Each note has a stable :attr:`Note.code` from :data:`NOTE_CODES` and a message in Chinese
and English; where it concerns one cell or one row it names the catalogue path, and where it
concerns a place in the source it names the :class:`~disclosure_model.parsing.Location`.
"""

from __future__ import annotations

from attrs import frozen

from disclosure_model.parsing._grid import Location

__all__ = ["NOTE_CODES", "Note"]

#: Every note code, with what it means (the codes are stable).
NOTE_CODES: dict[str, str] = {
    "blank-cell": "a cell is printed blank (empty, -, —, /, 无): not stated, not 0",
    "annotated-cell": "a cell holds a number with an annotation or a unit; the number is kept",
    "unreadable-cell": "a cell holds text that is not a value of its kind; the cell is None",
    "split-run": "digits run together were split into cells: exactly one split fits the row",
    "split-by-column-totals": "digits run together were split using the table's column totals",
    "ambiguous-split": "digits run together split several ways; the cells are None",
    "ambiguous-cells": "a row prints fewer cells than the form has; which are blank is unknown",
    "extra-cells": "a row prints more cells than the form has; the row is None",
    "row-not-printed": "a row of the form is not printed (the source uses another layout)",
    "row-not-found": "a row of the form was not found before the source moved on",
    "duplicate-row": "a row's label is printed a second time; the first reading is kept",
    "extra-column": "a cell in a column that is not a column of the form (a local 小计); not read",
    "extra-row": "a row with values whose label is not a row of the form (a local extra row)",
    "placed-by-order": "a run of values without its label was placed by the form's row order",
    "orphan-values": "values that no row label could be found for",
    "unrecognised-label": "a label in the tables that is not a label of the form",
    "source-ends": "the source ends inside the statistics tables; later cells were not reached",
    "format-from-year": "the tables carry no marker of their format; it was taken from the year",
    "table-not-found": "a table of the form was not found in the source",
    "organ-level-unknown": "the organ's level is not clear from its name; recorded as other",
    "narrative": "what the prose reader noted (the title, organ, year or dates it could not read)",
}


@frozen(kw_only=True)
class Note:
    """One parse note.

    >>> n = Note(code="blank-cell", zh="空白单元格", en="blank cell", path="reviews.review.total")
    >>> n.code, n.path
    ('blank-cell', 'reviews.review.total')
    """

    code: str
    zh: str
    en: str
    path: str | None = None
    location: Location | None = None
    #: For ``ambiguous-split``: the splits that fit, each as the row's cell values.
    candidates: tuple[tuple[int, ...], ...] = ()

    def message(self, locale: str) -> str:
        """The message for ``locale`` (``zh*`` → Chinese, else English)."""
        return self.zh if locale.lower().startswith("zh") else self.en

    def as_dict(self) -> dict[str, object]:
        """The note as a JSON-able dict."""
        out: dict[str, object] = {"code": self.code, "zh": self.zh, "en": self.en}
        if self.path is not None:
            out["path"] = self.path
        if self.location is not None:
            out["location"] = self.location.as_dict()
        if self.candidates:
            out["candidates"] = [list(c) for c in self.candidates]
        return out
