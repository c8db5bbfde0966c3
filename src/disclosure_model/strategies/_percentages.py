"""Reports that state a percentage, with the finding checking it must give."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal, cast

import attrs
from attrs import frozen
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.claims import CellSum, Claim, ClaimKind, ClaimSum, Share
from disclosure_model.formats import (
    ReportFormat,
    statistics_class,
)
from disclosure_model.formats._declare import Relation
from disclosure_model.report import Report
from disclosure_model.strategies._claims import (
    _cell_words,
    _exact,
    _fact,
    _share_pairs,
    _telling_places,
    _unit,
    _words,
)
from disclosure_model.strategies._draw import (
    _drawn,
    _format,
    _pick,
)
from disclosure_model.strategies._model import (
    _Relation,
    _Wants,
)
from disclosure_model.strategies._reports import (
    _consistent_report,
)

__all__ = [
    "About",
    "StatedPercentage",
    "_stated_percentage",
    "stated_percentages",
]

Rounding = Literal["half-up", "truncated", "wrong"]


About = Literal["cells", "claims"]


@frozen(kw_only=True)
class StatedPercentage:
    """A report whose last claim states a percentage, and what checking it must give.

    ``code`` is the finding :func:`dm.check <disclosure_model.checks.check>` must report for
    that claim (``None``: no finding at all); ``text`` is the sentence the report would carry.
    """

    report: Report
    code: str | None
    text: str

    @property
    def claim(self) -> Claim:
        """The claim stating the percentage."""
        return self.report.claims[-1]

    @property
    def path(self) -> str:
        """Where a finding about the percentage points (``$.claims[i]``)."""
        return f"$.claims[{len(self.report.claims) - 1}]"


def _stated(x: Fraction, places: int, rounding: Rounding, wrong_by: int) -> tuple[Decimal, str]:
    """The percentage ``x`` stated with ``places`` decimals, and how checking it ends."""
    step = Decimal(1).scaleb(-places)
    rounded = _exact(x, places)
    if rounding == "half-up":
        return rounded, "none"
    if rounding == "truncated":
        truncated = _exact(x, places, truncate=True)
        return truncated, ("none" if truncated == rounded else "truncated")
    # One step up leaves both intervals; downwards one step may still be a truncation.
    if wrong_by < 0 and rounded + (wrong_by - 1) * step >= 0:
        return rounded + (wrong_by - 1) * step, "wrong"
    return rounded + abs(wrong_by) * step, "wrong"


def _stated_percentage(
    draw: st.DrawFn, fmt: ReportFormat, about: About, rounding: Rounding
) -> StatedPercentage:
    part, whole = _pick(draw, _share_pairs(statistics_class(fmt)))
    wants = _Wants(relations=(_Relation((whole.path,), Relation.AT_LEAST, (), offset=-1),))
    report = _consistent_report(draw, fmt, wants=wants)
    n = cast(int, report.statistics.cell(part.path))
    d = cast(int, report.statistics.cell(whole.path))
    x = Fraction(100 * n, d)
    places = _telling_places(draw, x, draw(st.integers(0, 2), label="decimals"))
    wrong_by = draw(st.integers(1, 20), label="wrong by") * (-1 if draw(st.booleans()) else 1)
    value, outcome = _stated(x, places, rounding, wrong_by)
    unit = _unit([whole])
    whole_words, part_words = _cell_words(whole), _cell_words(part)
    if part.row == whole.row and part.column != whole.column:
        part_words = _words(part.column_label.zh)
    section = 0 if report.sections else None
    text = f"{whole_words}{d}{unit}，其中{part_words}{n}{unit}，占{value}%"
    figures = tuple(
        _fact(key, text, Decimal(value), unit, section=section, about=CellSum(paths=(e.path,)))
        for key, text, value, e in (
            ("whole", f"{whole_words}{d}{unit}", d, whole),
            ("part", f"其中{part_words}{n}{unit}", n, part),
        )
    )
    if about == "cells":
        share = Share(
            numerator=CellSum(paths=(part.path,)), denominator=CellSum(paths=(whole.path,))
        )
        wrong = "R-08"
    else:
        share = Share(numerator=ClaimSum(ids=("part",)), denominator=ClaimSum(ids=("whole",)))
        wrong = "C-01"
    claim = Claim(
        id="share", text=text, kind=ClaimKind.PERCENT, value=value, section=section, about=share
    )
    code = {"none": None, "truncated": "C-02", "wrong": wrong}[outcome]
    return StatedPercentage(
        report=attrs.evolve(report, claims=(*figures, claim)), code=code, text=text
    )


def stated_percentages(
    *,
    format: ReportFormat | str | None = None,
    about: Literal["cells", "claims"] | None = None,
    rounding: Literal["half-up", "truncated", "wrong"] | None = None,
) -> st.SearchStrategy[StatedPercentage]:
    """A consistent report whose text states a part of a declared sum and its percentage,
    as in "本年新收政府信息公开申请129件，其中自然人30件，占23.3%", with the finding the
    percentage must give.

    The figures are claims true of the cells; the percentage is a claim about the cells
    (``about="cells"``) or about the two stated figures (``about="claims"``), stated with
    0 to 2 decimals ``rounding="half-up"`` (no finding), ``"truncated"`` (C-02 where that
    differs from rounding half up, else none) or ``"wrong"`` (R-08 against the cells, C-01
    against the figures). Any of each when ``None``. Shrinks towards a share in the first
    declared sum, rounded half up to a whole percent, about the cells.
    """
    fmt = _format(format)
    formats = [fmt] if fmt is not None else list(ReportFormat)
    if about not in (None, "cells", "claims"):
        msg = f"about={about!r} must be 'cells', 'claims' or None"
        raise InvalidArgument(msg)
    if rounding not in (None, "half-up", "truncated", "wrong"):
        msg = f"rounding={rounding!r} must be 'half-up', 'truncated', 'wrong' or None"
        raise InvalidArgument(msg)
    abouts: list[About] = [about] if about is not None else ["cells", "claims"]
    roundings: list[Rounding] = (
        [rounding] if rounding is not None else ["half-up", "truncated", "wrong"]
    )
    return _drawn(
        lambda draw: _stated_percentage(
            draw, _pick(draw, formats), _pick(draw, abouts), _pick(draw, roundings)
        )
    )
