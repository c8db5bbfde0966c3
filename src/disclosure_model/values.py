"""Scalar values of the model: units, kinds of cells and money amounts.

A count is a plain ``int`` (``None`` when the report does not state it); money is an
:class:`Amount`, a :class:`~decimal.Decimal` with its unit. A float never enters the model.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from disclosure_model.errors import ValidationError

__all__ = ["Amount", "CellKind", "MoneyUnit", "Unit"]


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
