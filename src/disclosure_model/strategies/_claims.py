"""Claims: figures and percentages stated in the text."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.claims import Approximation, CellSum, Claim, ClaimKind, ClaimSum, Share
from disclosure_model.formats import (
    Entry,
    ReportFormat,
    Statistics,
    statistics_class,
)
from disclosure_model.formats._declare import Relation, StatisticsBase
from disclosure_model.formats._rules import identity_places
from disclosure_model.report import Report
from disclosure_model.strategies._draw import (
    _drawn,
    _format,
    _memo,
    _pick,
)
from disclosure_model.values import Amount, CellKind

__all__ = [
    "_arbitrary_claim",
    "_cell_words",
    "_exact",
    "_fact",
    "_fewest_telling_places",
    "_share_pairs",
    "_telling_places",
    "_true_claims",
    "_unit",
    "_words",
    "claims",
]

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+\.)+"
)


def _words(label: str) -> str:
    """A label as prose writes it: without its numbering ("（一）收到申请数" → "收到申请数")."""
    return _NUMBERING.sub("", label).split("（")[0] or label


def _cell_words(entry: Entry) -> str:
    row = _words(entry.row_label.zh)
    if entry.column in ("value", "total"):
        return row
    return f"{row}（{_words(entry.column_label.zh)}）"


def _unit(entries: Sequence[Entry]) -> str:
    unit = entries[0].unit
    return unit.value if unit is not None else ""


def _exact(x: Fraction, places: int, *, truncate: bool = False) -> Decimal:
    """``x`` written with ``places`` decimals, rounded half up (or truncated), exactly."""
    scaled = x * 10**places
    return Decimal(math.floor(scaled if truncate else scaled + Fraction(1, 2))).scaleb(-places)


def _fewest_telling_places(x: Fraction, most: int) -> int | None:
    """The fewest decimals, up to ``most``, at which truncating ``x`` gives another figure
    than rounding it half up (``None`` if there are none): a percentage stated with them
    tells a truncating writer from a rounding one (C-02)."""
    for places in range(most + 1):
        if _exact(x, places) != _exact(x, places, truncate=True):
            return places
    return None


def _telling_places(draw: st.DrawFn, x: Fraction, places: int) -> int:
    """``places``, or (one draw in two) the fewest decimals up to 2 that tell truncating
    ``x`` from rounding it, if there are such."""
    if not draw(st.booleans()):
        return places
    telling = _fewest_telling_places(x, 2)
    return places if telling is None else telling


_PAIRS: dict[type[StatisticsBase], tuple[tuple[Entry, Entry], ...]] = {}


def _share_pairs(stats_cls: type[StatisticsBase]) -> tuple[tuple[Entry, Entry], ...]:
    """(part, whole) pairs the declarations state: each summand of a declared sum, and it."""
    known = _PAIRS.get(stats_cls)
    if known is None:
        cat = stats_cls.catalogue()
        pairs = [
            (cat[part.path], cat[place.left[0].path])
            for place in identity_places(stats_cls.FORMAT)
            if place.relation is Relation.EQUAL and len(place.left) == 1
            for part in place.right
        ]
        known = _PAIRS[stats_cls] = tuple(dict.fromkeys(pairs))
    return known


def _stated_count(stats: Statistics, entries: Sequence[Entry]) -> int | None:
    values = [stats.cell(e.path) for e in entries]
    if any(not isinstance(v, int) for v in values):
        return None
    return sum(cast(list[int], values))


def _count_or_0(stats: Statistics, entry: Entry) -> int:
    """A stated count; 0 for a blank (only to rank cells, never as a value)."""
    value = stats.cell(entry.path)
    return value if isinstance(value, int) else 0


_COUNTED: dict[type[StatisticsBase], tuple[Entry, ...]] = {}


def _counted(stats_cls: type[StatisticsBase]) -> tuple[Entry, ...]:
    """The cells of a format that hold counts or stocks (what a stated figure can be)."""
    known = _COUNTED.get(stats_cls)
    if known is None:
        counted = (CellKind.COUNT, CellKind.STOCK)
        known = _COUNTED[stats_cls] = tuple(e for e in stats_cls.catalogue() if e.kind in counted)
    return known


#: How a figure about cells is written; ``sampled_from`` draws each about as often, where
#: ``integers`` would favour the first.
_STYLES = st.sampled_from((0, 1, 2))


def _figure_about_cells(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim:
    """A figure true of one cell or a sum of cells: exact, in 万, or "余"/"以上"."""
    counts = _counted(type(stats))
    if draw(st.booleans()):  # one draw in two, a cell with something in it (if any)
        counts = tuple(e for e in counts if _count_or_0(stats, e) > 0) or counts
    first = _pick(draw, counts)
    entries = [first]
    if draw(st.booleans()):  # the sum of two cells counted in the same unit
        second = _pick(draw, counts)
        if second.unit == first.unit and second != first:
            entries.append(second)
    unit = _unit(entries)
    words = "、".join(_cell_words(e) for e in entries)
    words = words if len(entries) == 1 else f"{words}合计"
    total = _stated_count(stats, entries)
    about = CellSum(paths=tuple(e.path for e in entries))
    scale, approximation = 1, Approximation.EXACT
    if total is None:  # a blank cell: whatever is stated, the claim is not assessable
        value = Decimal(draw(st.integers(0, 999)))
        text = f"{words}{value}{unit}"
    else:
        style = draw(_STYLES)  # exact, in 万, round with 余 or 以上 (about as often each)
        value, text = Decimal(total), f"{words}{total}{unit}"
        if style == 1 and total >= 10_000:
            value = _exact(Fraction(total, 10_000), draw(st.integers(0, 2)))
            scale, text = 10_000, f"{words}{value}万{unit}"
        elif style == 2 and total >= 10:
            magnitude = 10 ** (len(str(total)) - 1)
            value = Decimal(total // magnitude * magnitude)
            # "以上" (the value or more) is true of a round total and of any above it;
            # "余" (more than the value) only of those above it.
            if value < total and draw(st.booleans()):
                approximation, text = Approximation.MORE_THAN, f"{words}{value}余{unit}"
            else:
                approximation, text = Approximation.AT_LEAST, f"{words}{value}{unit}以上"
    return Claim(
        id=claim_id,
        text=text,
        kind=ClaimKind.FIGURE,
        value=value,
        unit=unit or None,
        scale=scale,
        approximation=approximation,
        section=section,
        about=about,
    )


def _money_figure(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim | None:
    """A sum of money as stated in the table (``None`` if none is stated)."""
    money = [(e, v) for e, v in stats.cells() if isinstance(v, Amount)]
    if not money:
        return None
    entry, amount = _pick(draw, money)
    unit = amount.unit.value if amount.unit is not None else None
    return Claim(
        id=claim_id,
        text=f"{_words(entry.row_label.zh)}{amount.value}{unit or ''}",
        kind=ClaimKind.FIGURE,
        value=amount.value,
        unit=unit,
        section=section,
        about=CellSum(paths=(entry.path,)),
    )


def _share_of_cells(
    draw: st.DrawFn, stats: Statistics, claim_id: str, section: int | None
) -> Claim:
    """A percentage of a part of a declared sum, rounded half up; or of a whole alone.

    One draw in two picks, where there is one, a part strictly between 0 and its whole: a
    share of 0% or 100% says nothing about how it was rounded.
    """
    pairs = _share_pairs(type(stats))
    part, whole = _pick(draw, pairs)
    if draw(st.booleans()):
        proper = [(p, w) for p, w in pairs if 0 < _count_or_0(stats, p) < _count_or_0(stats, w)]
        if proper:
            part, whole = _pick(draw, proper)
    places = draw(st.integers(0, 2))
    n, d = _stated_count(stats, [part]), _stated_count(stats, [whole])
    known_part = not draw(st.booleans())
    if not d or (known_part and n is None):
        value = Decimal(draw(st.integers(0, 100)))  # not assessable, whatever it says
    else:  # known: the part's share; else "x%属于…", some whole number of the whole
        x = Fraction(100 * (cast(int, n) if known_part else draw(st.integers(0, d))), d)
        value = _exact(x, places)
    if known_part:
        text = f"{_cell_words(whole)}中{_cell_words(part)}占{value}%"
        about = Share(
            numerator=CellSum(paths=(part.path,)), denominator=CellSum(paths=(whole.path,))
        )
    else:
        text = f"{_cell_words(whole)}中有{value}%属于此类"
        about = Share(numerator=None, denominator=CellSum(paths=(whole.path,)))
    return Claim(
        id=claim_id, text=text, kind=ClaimKind.PERCENT, value=value, section=section, about=about
    )


def _fact(claim_id: str, text: str, value: Decimal, unit: str | None, **more: Any) -> Claim:
    return Claim(id=claim_id, text=text, kind=ClaimKind.FIGURE, value=value, unit=unit, **more)


def _free_fact(draw: st.DrawFn, claim_id: str, section: int | None) -> Claim:
    """A figure the tables do not hold ("网站访问量达9.9万余次"): a fact, checked by nothing."""
    value = _exact(Fraction(draw(st.integers(1, 99_999)), 10), 1)
    return _fact(
        claim_id,
        f"网站访问量达{value}万余次",
        value,
        "次",
        scale=10_000,
        approximation=Approximation.MORE_THAN,
        section=section,
    )


def _true_claim(draw: st.DrawFn, stats: Statistics, claim_id: str, n_sections: int) -> Claim:
    """One claim true of ``stats``: a figure, a percentage, an amount of money or a fact."""
    section = None
    if n_sections and draw(st.booleans()):
        section = draw(st.integers(0, n_sections - 1))
    kind = draw(st.integers(0, 3))
    if kind == 1:
        return _share_of_cells(draw, stats, claim_id, section)
    if kind == 2:
        claim = _money_figure(draw, stats, claim_id, section)
        if claim is not None:
            return claim
    if kind == 3:
        return _free_fact(draw, claim_id, section)
    return _figure_about_cells(draw, stats, claim_id, section)


def _true_claims(draw: st.DrawFn, report: Report) -> tuple[Claim, ...]:
    """Up to five claims true of the report, some about the figures of others."""
    n = draw(st.integers(0, 4))
    drawn = [
        _true_claim(draw, report.statistics, f"c{i + 1}", len(report.sections)) for i in range(n)
    ]
    # Shares with no stated part are parts of their whole (C-04): one per whole, as two
    # arbitrary classes of one whole need not be disjoint.
    found, wholes = [], set()
    for c in drawn:
        if isinstance(c.about, Share) and c.about.numerator is None:
            if c.about.denominator in wholes:
                continue
            wholes.add(c.about.denominator)
        found.append(c)
    figures = [c for c in found if c.kind is ClaimKind.FIGURE and c.about is not None]
    if len(figures) >= 2 and draw(st.booleans()):
        a = _pick(draw, figures)
        b = _pick(draw, [c for c in figures if c is not a])
        if not draw(st.booleans()):
            total = a.magnitude + b.magnitude
            ids = ClaimSum(ids=(a.id, b.id))
            found.append(_fact(f"c{n + 1}", f"二者合计{total}", total, a.unit, about=ids))
        elif b.magnitude > 0:
            value = _exact(Fraction(a.magnitude) * 100 / Fraction(b.magnitude), 1)
            found.append(
                Claim(
                    id=f"c{n + 1}",
                    text=f"前者相当于后者的{value}%",
                    kind=ClaimKind.PERCENT,
                    value=value,
                    about=Share(numerator=ClaimSum(ids=(a.id,)), denominator=ClaimSum(ids=(b.id,))),
                )
            )
    return tuple(found)


def _claim_ids() -> st.SearchStrategy[str]:
    """Claim ids: a lower-case letter, then up to ten letters, digits or hyphens."""
    return _memo(
        ("claim ids",),
        lambda: st.builds(
            str.__add__,
            st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
            st.text("abcdefghijklmnopqrstuvwxyz0123456789-", max_size=10),
        ),
    )


def _arbitrary_claim(
    draw: st.DrawFn,
    fmt: ReportFormat | None,
    n_sections: int,
    earlier: Sequence[str],
    claim_id: str | None = None,
) -> Claim:
    """A claim with any value; its subject names real cells of ``fmt`` and ``earlier`` ids."""
    fmt = fmt if fmt is not None else _pick(draw, list(ReportFormat))
    paths = [e.path for e in statistics_class(fmt).catalogue()]

    def operand() -> CellSum | ClaimSum:
        if len(earlier) > 0 and draw(st.booleans()):
            return ClaimSum(ids=tuple(_pick(draw, earlier) for _ in range(draw(st.integers(1, 2)))))
        return CellSum(paths=tuple(_pick(draw, paths) for _ in range(draw(st.integers(1, 3)))))

    kind = _pick(draw, list(ClaimKind))
    about: CellSum | ClaimSum | Share | None = None
    scale = 1
    if kind is ClaimKind.PERCENT:
        if draw(st.booleans()):
            numerator = operand() if draw(st.booleans()) else None
            about = Share(numerator=numerator, denominator=operand())
    else:
        if draw(st.booleans()):
            about = operand()
        scale = _pick(draw, [1, 10_000, 100_000_000])
    digits = draw(st.integers(0, 10**6) if draw(st.booleans()) else st.integers(0, 10**15))
    if claim_id is None:
        claim_id = draw(_claim_ids())
    section = None
    if n_sections and draw(st.booleans()):
        section = draw(st.integers(0, n_sections - 1))
    return Claim(
        id=claim_id,
        text=_pick(draw, ["全年共受理申请129件", "其中当面申请30件", "占23.2%", "约"]),
        kind=kind,
        value=Decimal(digits).scaleb(-draw(st.integers(0, 3))),
        unit=_pick(draw, [None, "件", "条", "万元"]),
        scale=scale,
        approximation=_pick(draw, list(Approximation)),
        section=section,
        about=about,
    )


def claims(
    *,
    format: ReportFormat | str | None = None,
    statistics: Statistics | None = None,
    sections: int = 0,
) -> st.SearchStrategy[Claim]:
    """Figures and percentages as a report's text states them.

    Given ``statistics``, each claim is true of them, so it gives no finding: a figure about
    a cell or a sum of cells (exact, rounded half up in 万 as in "3.12万件", or a round
    figure with "余"/"以上"), a sum of money as stated, the percentage of a part of a
    declared sum rounded half up (with or without saying how many the part is), or a figure
    the tables do not hold. Otherwise, claims with any value about real cells of ``format``
    (any format when ``None``), or about nothing. ``sections`` is how many sections the
    report has: claims name one of them, or none. Each claim has one id; a report needs
    them unique (``st.lists(claims(...), unique_by=lambda c: c.id)``).

    Shrinks towards a figure about a single cell, or about nothing.
    """
    fmt = _format(format)
    if sections < 0:
        msg = f"sections={sections} must be 0 or more"
        raise InvalidArgument(msg)
    if statistics is not None:
        if fmt is not None and statistics.FORMAT is not fmt:
            msg = f"statistics are {statistics.FORMAT.value}, but format={fmt.value!r}"
            raise InvalidArgument(msg)
        ids = _claim_ids()
        return _drawn(lambda draw: _true_claim(draw, statistics, draw(ids), sections))
    return _drawn(_arbitrary_claim, fmt, sections, ())
