"""Scalar values of the model: units, kinds of cells and money amounts.

A count is a plain ``int`` (``None`` when the report does not state it); money is an
:class:`Amount`, a :class:`~decimal.Decimal` with its unit. A float never enters the model.
"""

from __future__ import annotations

import enum
import math
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from attrs import field, frozen

from disclosure_model.errors import Problem, ProblemKind, ValidationError, shown

__all__ = [
    "MAX_COUNT",
    "MAX_DECIMALS",
    "MAX_INTEGER_DIGITS",
    "Amount",
    "CellKind",
    "MoneyUnit",
    "Ratio",
    "Unit",
    "count_problem",
    "decimal_problem",
    "round_half_up",
    "wrong_value",
]

#: The largest count a cell can hold (and the largest size of a signed change): 10**17.
#: The largest real counts are a province's items made public over a year (millions) and a
#: portal's page views (billions); 10**17 leaves a wide margin above any of them, and any
#: sum of up to 92 such counts (the form's totals have far fewer parts) is still an int64,
#: so frames and Arrow tables hold every count and total exactly.
MAX_COUNT = 10**17
#: The most digits before the decimal point of an amount of money or a stated figure: as
#: many as a count has (15 digits of 元 would already be a thousand trillion yuan; China's
#: GDP is about 1.3 × 10**14).
MAX_INTEGER_DIGITS = 18
#: The most decimals of an amount of money or a stated figure (0.000001 万元 is 0.01 元;
#: reports print percentages with at most 2 or 3). Within these bounds the arithmetic of
#: the library (sums as fractions, 万/亿 and 元 conversions in a wide Decimal context) is
#: exact.
MAX_DECIMALS = 6


def count_problem(value: int) -> str | None:
    """Why an int cannot be a count or a change (beyond :data:`MAX_COUNT`), or ``None``."""
    if -MAX_COUNT <= value <= MAX_COUNT:
        return None
    return f"a count cannot exceed {MAX_COUNT:,} (18 digits), got {shown(value)}"


def decimal_problem(value: Decimal) -> str | None:
    """Why a finite Decimal is beyond :data:`MAX_INTEGER_DIGITS` / :data:`MAX_DECIMALS`."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    decimals = max(0, -exponent)
    integer_digits = max(0, len(digits) + exponent) if digits != (0,) else 0
    if integer_digits > MAX_INTEGER_DIGITS:
        return f"at most {MAX_INTEGER_DIGITS} digits before the decimal point, got {integer_digits}"
    if decimals > MAX_DECIMALS:
        return f"at most {MAX_DECIMALS} decimals, got {decimals}"
    return None


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded exactly to ``places`` decimals, ties away from zero.

    Computed on the fraction itself, so no intermediate rounding to Decimal's precision
    can move a value onto (or off) a tie.

    >>> round_half_up(Fraction(25, 2), 0), round_half_up(Fraction(-1, 8), 2)
    (Decimal('13'), Decimal('-0.13'))
    """
    scaled = abs(value) * 10**places
    n = math.floor(scaled + Fraction(1, 2))
    sign = "-" if value < 0 else ""
    return Decimal(f"{sign}{n}E-{places}")


class Unit(enum.Enum):
    """The unit a cell counts in, as the forms (or the reports, where the form is silent) say."""

    PIECE = "件"
    ENTRY = "条"
    TIMES = "次"
    ARTICLE = "篇"
    BODY = "个"
    PERSON = "人"
    PERSON_TIME = "人次"
    ITEM = "项"
    WAN_YUAN = "万元"
    YUAN = "元"

    @property
    def en(self) -> str:
        """English name of the unit."""
        return _UNIT_EN[self]


_UNIT_EN = {
    Unit.PIECE: "pieces",
    Unit.ENTRY: "entries",
    Unit.TIMES: "times",
    Unit.ARTICLE: "articles",
    Unit.BODY: "bodies",
    Unit.PERSON: "persons",
    Unit.PERSON_TIME: "person-times",
    Unit.ITEM: "items",
    Unit.WAN_YUAN: "10,000 yuan",
    Unit.YUAN: "yuan",
}


class CellKind(enum.Enum):
    """How a cell adds up (its additivity)."""

    #: A flow counted over the year; parts add up to totals. Never negative.
    COUNT = "count"
    #: A stock at a point in time (documents in force, item types). Never negative.
    STOCK = "stock"
    #: A signed change of a stock over the year (the 2019 form's 本年增/减).
    CHANGE = "change"
    #: Money, an :class:`Amount`. Never negative.
    MONEY = "money"


class MoneyUnit(enum.Enum):
    """Unit of a money amount."""

    YUAN = "元"
    WAN_YUAN = "万元"

    @property
    def yuan(self) -> Decimal:
        """How many yuan one of this unit is."""
        return Decimal(1) if self is MoneyUnit.YUAN else Decimal(10000)


def wrong_value(
    path: str, kind: ProblemKind, value: object, expected_en: str, expected_zh: str
) -> Problem:
    """The problem of a value at ``path`` that is not what is expected there, in both
    languages: ``expected {expected_en}, got …`` and ``{expected_zh}，实际为 …``."""
    got = shown(value)
    return Problem(path, f"expected {expected_en}, got {got}", kind, f"{expected_zh}，实际为 {got}")


def _check_decimal(_inst: Any, _attr: Any, value: Decimal) -> None:
    if type(value) is not Decimal:
        raise ValidationError.at(
            "$.value",
            f"expected a Decimal, got {type(value).__name__}",
            ProblemKind.DECIMAL_TYPE,
            f"应为 Decimal，实际为 {type(value).__name__}",
        )
    if not value.is_finite():
        raise ValidationError.at(
            "$.value",
            f"expected a finite amount, got {value}",
            ProblemKind.NON_FINITE,
            f"金额必须是有限数，实际为 {value}",
        )
    why = decimal_problem(value)
    if why is not None:
        raise ValidationError.at(
            "$.value",
            f"an amount of money has {why}",
            ProblemKind.OUT_OF_RANGE,
            f"金额超出范围：{why}",
        )


def _check_money_unit(_inst: Any, _attr: Any, value: object) -> None:
    if value is not None and not isinstance(value, MoneyUnit):
        raise ValidationError(
            [
                wrong_value(
                    "$.unit", ProblemKind.ENUM, value, "a MoneyUnit or None", "单位应为 元 或 万元"
                )
            ]
        )


@frozen(kw_only=True)
class Amount:
    """A sum of money exactly as stated: a Decimal and its unit.

    ``unit`` is ``None`` when the source does not say whether it means 元 or 万元 (the 2019
    form fixes no unit for 采购总金额); the checks flag it instead of guessing.

    >>> Amount(value=Decimal("213.15"), unit=MoneyUnit.WAN_YUAN).in_yuan()
    Decimal('2131500.00')
    """

    value: Decimal = field(validator=_check_decimal)
    unit: MoneyUnit | None = field(default=None, validator=_check_money_unit)

    def in_yuan(self) -> Decimal | None:
        """The amount in yuan, or ``None`` when the unit is not stated."""
        if self.unit is None:
            return None
        with localcontext() as ctx:
            ctx.prec = 64  # 18 + 6 digits and the 万's 4 always fit: exact
            return self.value * self.unit.yuan

    def __str__(self) -> str:
        return f"{self.value}{self.unit.value if self.unit else ''}"


def _check_part(_inst: Any, attribute: Any, value: int | None) -> None:
    if value is not None and type(value) is not int:
        path = f"$.{attribute.name}"
        raise ValidationError(
            [wrong_value(path, ProblemKind.INT_TYPE, value, "an int or None", "应为整数或 None")]
        )


def _check_scale(_inst: Any, _attr: Any, value: int) -> None:
    if type(value) is not int or value <= 0:
        raise ValidationError(
            [wrong_value("$.scale", ProblemKind.INT_TYPE, value, "a positive int", "应为正整数")]
        )


@frozen(kw_only=True)
class Ratio:
    """An exact ratio of two counts, kept as they are: ``scale × numerator / denominator``.

    ``numerator`` or ``denominator`` is ``None`` when a cell it needs is not stated (and
    ``missing`` names those cells). :attr:`value` is then ``None``, as it is when the
    denominator is 0 (or, for inconsistent data, below 0): a ratio is never made up.

    >>> r = Ratio(numerator=57, denominator=129)
    >>> r.value
    Fraction(19, 43)
    >>> r.percent(locale="zh_CN", decimals=1)
    '44.2%'
    >>> Ratio(numerator=0, denominator=0).value is None
    True
    """

    numerator: int | None = field(validator=_check_part)
    denominator: int | None = field(validator=_check_part)
    scale: int = field(default=1, validator=_check_scale)
    missing: tuple[str, ...] = ()

    @property
    def value(self) -> Fraction | None:
        """The exact value, or ``None`` when it is not defined."""
        if self.numerator is None or self.denominator is None or self.denominator <= 0:
            return None
        return Fraction(self.numerator * self.scale, self.denominator)

    @property
    def defined(self) -> bool:
        """Whether the ratio has a value."""
        return self.value is not None

    def __float__(self) -> float:
        value = self.value
        if value is None:
            return math.nan
        try:
            return float(value)
        except OverflowError:  # only for a ratio built by hand from counts beyond the limits
            return math.inf if value > 0 else -math.inf

    def decimal(self, decimals: int) -> Decimal | None:
        """The value rounded half up to ``decimals`` places (``None`` when not defined)."""
        value = self.value
        if value is None:
            return None
        return round_half_up(value, decimals)

    def percent(self, *, locale: str, decimals: int = 1) -> str:
        """The value as a percentage for ``locale`` (babel), or ``—`` when not defined."""
        from disclosure_model.formatting import format_percent

        return format_percent(self, locale=locale, decimals=decimals)

    def __repr__(self) -> str:
        """One short line with the parts, the value and the percentage."""
        from disclosure_model.render._repr import ratio_repr

        return ratio_repr(self)

    def _repr_html_(self) -> str:
        """In Jupyter: value, percentage, numerator and denominator."""
        from disclosure_model.render._repr import ratio_repr_html

        return ratio_repr_html(self)
