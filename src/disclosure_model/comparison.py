"""Year over year: this year's report against last year's, indicator by indicator.

:func:`compare` gives, for every harmonised indicator and for every ratio both reports have,
this year's and last year's value, the change and the growth (the change over last year's
value, an exact :class:`~disclosure_model.values.Ratio`). It says when the two reports are
not comparable: a different organ, years that do not follow each other, or a change of
format across which an indicator maps only approximately. It still computes every change
then, and never raises for the data: whether to use the figures is the reader's call.

>>> import attrs
>>> import disclosure_model as dm
>>> this_year = dm.examples.load("huaian-2024")
>>> last_year = attrs.evolve(this_year, year=2023)
>>> c = compare(this_year, last_year)
>>> c.comparable, c.indicators["received"].delta
(True, 0)
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from disclosure_model.formats import Label
from disclosure_model.indicators import INDICATORS, Indicator, harmonise
from disclosure_model.ratio_catalogue import ratio_specs, ratios
from disclosure_model.report import Report
from disclosure_model.values import Ratio

__all__ = ["Change", "Comparison", "Incomparability", "Reason", "compare"]


class Incomparability(enum.Enum):
    """Why two reports are not comparable year over year."""

    #: The reports are by different organs.
    ORGAN = "organ"
    #: Last year's report is not for the year before this year's.
    YEARS = "years"
    #: The formats differ, and some indicator maps only approximately on one side.
    FORMAT = "format"


@frozen(kw_only=True)
class Reason:
    """One reason two reports are not comparable, with a message in Chinese and English."""

    kind: Incomparability
    message: Label


@frozen(kw_only=True)
class Change:
    """One indicator or ratio, this year against last year.

    ``this`` and ``last`` are counts for an indicator and exact fractions for a ratio (its
    :attr:`~disclosure_model.values.Ratio.value`); ``None`` when not known. ``delta`` is
    ``this − last``, ``None`` when either is. ``growth`` is ``delta / last``, undefined when
    either is missing or last year's value is 0 or below. ``exact`` says whether both values
    mean exactly the same thing (both mappings exact, or the same ratio definition).
    """

    code: str
    this: int | Fraction | None
    last: int | Fraction | None
    delta: int | Fraction | None
    growth: Ratio
    exact: bool


def _read_only(changes: Mapping[str, Change]) -> Mapping[str, Change]:
    return MappingProxyType(dict(changes))


@frozen(kw_only=True)
class Comparison:
    """This year's report against last year's.

    ``indicators`` has every harmonised indicator, in catalogue order; ``ratios`` every
    ratio of the catalogue that both reports' formats have.
    """

    comparable: bool
    reasons: tuple[Reason, ...]
    indicators: Mapping[str, Change] = field(converter=_read_only, hash=False)
    ratios: Mapping[str, Change] = field(converter=_read_only, hash=False)

    def __repr__(self) -> str:
        """One short line: comparable or why not, and how many changes."""
        from disclosure_model.render._repr import comparison_repr

        return comparison_repr(self)

    def _repr_html_(self) -> str:
        """In Jupyter: the indicators and ratios year over year."""
        from disclosure_model.render._repr import comparison_repr_html

        return comparison_repr_html(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # A read-only mapping cannot be pickled; the comparison is rebuilt from plain dicts.
        return (
            _rebuild,
            (self.comparable, self.reasons, dict(self.indicators), dict(self.ratios)),
        )


def _rebuild(
    comparable: bool,
    reasons: tuple[Reason, ...],
    indicators: dict[str, Change],
    ratios: dict[str, Change],
) -> Comparison:
    """A :class:`Comparison` from its pickled parts."""
    return Comparison(comparable=comparable, reasons=reasons, indicators=indicators, ratios=ratios)


def _indicator_change(this: Indicator, last: Indicator) -> Change:
    missing = tuple(f"this year {p}" for p in this.missing) + tuple(
        f"last year {p}" for p in last.missing
    )
    if this.value is None or last.value is None:
        delta = None
        growth = Ratio(numerator=None, denominator=None, missing=missing)
    else:
        delta = this.value - last.value
        growth = Ratio(numerator=delta, denominator=last.value)
    return Change(
        code=this.code,
        this=this.value,
        last=last.value,
        delta=delta,
        growth=growth,
        exact=this.exact and last.exact,
    )


def _ratio_change(code: str, this: Ratio, last: Ratio) -> Change:
    now, before = this.value, last.value
    if now is None or before is None:
        missing = tuple(f"this year {p}" for p in this.missing) + tuple(
            f"last year {p}" for p in last.missing
        )
        return Change(
            code=code,
            this=now,
            last=before,
            delta=None,
            growth=Ratio(numerator=None, denominator=None, missing=missing),
            exact=True,
        )
    delta = now - before
    # delta / before as integers: (a/b) / (c/d) = a·d / (b·c); a base of 0 or below gives
    # a denominator of 0 or below, which a Ratio reports as undefined.
    numerator = delta.numerator * before.denominator
    denominator = delta.denominator * before.numerator
    common = math.gcd(numerator, denominator) or 1
    growth = Ratio(numerator=numerator // common, denominator=denominator // common)
    return Change(code=code, this=now, last=before, delta=delta, growth=growth, exact=True)


def _reasons(this_year: Report, last_year: Report) -> list[Reason]:
    reasons = []
    this_organ, last_organ = this_year.organ.name, last_year.organ.name
    if this_organ != last_organ:
        reasons.append(
            Reason(
                kind=Incomparability.ORGAN,
                message=Label(
                    f"机关不同：本年为{this_organ}，上年为{last_organ}。",
                    f"different organs: {this_organ} this year, {last_organ} last year.",
                ),
            )
        )
    if last_year.year != this_year.year - 1:
        reasons.append(
            Reason(
                kind=Incomparability.YEARS,
                message=Label(
                    f"年度不相接：{last_year.year}年与{this_year.year}年。",
                    f"not consecutive years: {last_year.year} and {this_year.year}.",
                ),
            )
        )
    return reasons


def compare(this_year: Report, last_year: Report) -> Comparison:
    """Compare ``this_year``'s report with ``last_year``'s, indicator by indicator.

    Never raises for the data: reports by different organs, for years that do not follow
    each other, or across a format break are compared all the same, and
    :attr:`Comparison.comparable` and :attr:`Comparison.reasons` say why the changes may
    not mean what they seem.
    """
    reasons = _reasons(this_year, last_year)
    now, before = harmonise(this_year), harmonise(last_year)
    indicators = {s.code: _indicator_change(now[s.code], before[s.code]) for s in INDICATORS}
    if this_year.format is not last_year.format:
        approximate = [code for code, change in indicators.items() if not change.exact]
        if approximate:
            fmt_from, fmt_to = last_year.format.value, this_year.format.value
            listed = ", ".join(approximate)
            reasons.append(
                Reason(
                    kind=Incomparability.FORMAT,
                    message=Label(
                        f"格式由{fmt_from}改为{fmt_to}，以下指标只能近似对应或无对应数据：{listed}。",
                        f"the format changed from {fmt_from} to {fmt_to}, and these indicators "
                        f"map only approximately, or not at all: {listed}.",
                    ),
                )
            )
    this_ratios, last_ratios = ratios(this_year), ratios(last_year)
    shared = [s.code for s in ratio_specs() if s.code in this_ratios and s.code in last_ratios]
    return Comparison(
        comparable=not reasons,
        reasons=tuple(reasons),
        indicators=indicators,
        ratios={c: _ratio_change(c, this_ratios[c], last_ratios[c]) for c in shared},
    )
