"""Scalar values of the model: units, kinds of cells and money amounts.

A count is a plain ``int`` (``None`` when the report does not state it); money is an
:class:`Amount`, a :class:`~decimal.Decimal` with its unit. A float never enters the model.
"""

from __future__ import annotations

import enum
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from attrs import field, frozen

from disclosure_model.errors import ValidationError

__all__ = ["Amount", "CellKind", "MoneyUnit", "Ratio", "Unit"]


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


def _check_decimal(_inst: Any, _attr: Any, value: Decimal) -> None:
    if type(value) is not Decimal:
        raise ValidationError.at("$.value", f"expected a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValidationError.at("$.value", f"expected a finite amount, got {value}")


def _check_money_unit(_inst: Any, _attr: Any, value: object) -> None:
    if value is not None and not isinstance(value, MoneyUnit):
        raise ValidationError.at("$.unit", f"expected a MoneyUnit or None, got {value!r}")


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
        return self.value * self.unit.yuan

    def __str__(self) -> str:
        return f"{self.value}{self.unit.value if self.unit else ''}"


def _check_part(_inst: Any, attribute: Any, value: int | None) -> None:
    if value is not None and type(value) is not int:
        raise ValidationError.at(f"$.{attribute.name}", f"expected an int or None, got {value!r}")


def _check_scale(_inst: Any, _attr: Any, value: int) -> None:
    if type(value) is not int or value <= 0:
        raise ValidationError.at("$.scale", f"expected a positive int, got {value!r}")


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
        return math.nan if value is None else float(value)

    def decimal(self, decimals: int) -> Decimal | None:
        """The value rounded half up to ``decimals`` places (``None`` when not defined)."""
        value = self.value
        if value is None:
            return None
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)

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
