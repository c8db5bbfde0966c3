"""Numbers, amounts and labels for people, through babel; the locale is always explicit.

>>> format_count(3985758, locale="zh_CN")
'3,985,758'
>>> from disclosure_model.values import MoneyUnit
>>> format_amount(Amount(value=Decimal("96171.6"), unit=MoneyUnit.WAN_YUAN), locale="en")
'96,171.6 万元'
>>> format_value(None, locale="zh_CN")
'—'
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

from attrs import frozen
from babel import Locale, UnknownLocaleError
from babel.numbers import NumberPattern, format_decimal, parse_pattern

from disclosure_model.errors import DisclosureModelError
from disclosure_model.values import Amount, Ratio

__all__ = [
    "NOT_STATED",
    "Argument",
    "Bilingual",
    "InvalidLocaleError",
    "WithUnit",
    "format_amount",
    "format_argument",
    "format_count",
    "format_decimal_exactly",
    "format_message",
    "format_percent",
    "format_value",
    "is_chinese",
    "parse_locale",
]

#: What a cell the report does not state is shown as.
NOT_STATED = "—"


class InvalidLocaleError(DisclosureModelError, ValueError):
    """Raised when a locale name is not one babel knows."""


@functools.lru_cache(maxsize=64)
def parse_locale(locale: str) -> Locale:
    """The babel locale for ``locale`` (``"zh"``, ``"zh_CN"``, ``"en"``, ``"en-GB"``, …)."""
    name = locale.replace("-", "_")
    try:
        parsed = Locale.parse(name)
    except (UnknownLocaleError, ValueError) as e:
        msg = f"unknown locale {locale!r}"
        raise InvalidLocaleError(msg) from e
    # babel parses what it can and drops the rest ("no_such_locale" would be Norwegian):
    # every part of the name must be part of the locale it gave.
    language, *rest = name.split("_")
    known = {parsed.territory, parsed.script, parsed.variant}
    if language.lower() != parsed.language or any(part not in known for part in rest):
        msg = f"unknown locale {locale!r}"
        raise InvalidLocaleError(msg)
    return parsed


def is_chinese(locale: str) -> bool:
    """Whether labels for ``locale`` are the Chinese ones."""
    return parse_locale(locale).language == "zh"


@functools.lru_cache(maxsize=64)
def _grouping(locale: str) -> tuple[str, str] | None:
    """The group separator and minus sign of a locale whose counts are grouped by threes
    with nothing around them (most), so that a count is formatted as babel formats it
    without babel's pattern machinery; ``None`` for any other (Indian grouping, a prefix
    or suffix), which babel formats."""
    loc = parse_locale(locale)
    pattern = parse_pattern(loc.decimal_formats[None])
    if (
        pattern.grouping != (3, 3)
        or pattern.int_prec[0] != 1
        or pattern.exp_prec is not None
        or pattern.scale != 0
        or pattern.prefix != ("", "-")
        or pattern.suffix != ("", "")
    ):
        return None
    group = loc.number_symbols["latn"]["group"]
    if "'" in group:  # babel reads quotes in the text it formats as pattern quoting
        return None
    return group, pattern.prefix[1]  # babel writes the pattern's own minus


def format_count(value: int, *, locale: str) -> str:
    """A count with the locale's grouping."""
    simple = _grouping(locale)
    if simple is None or value.__class__ is not int:
        return format_decimal(value, locale=parse_locale(locale))
    group, minus = simple
    digits = f"{abs(value):,}"
    if group != ",":
        digits = digits.replace(",", group)
    return minus + digits if value < 0 else digits


@functools.lru_cache(maxsize=256)
def _pattern(locale: str, kind: str, decimals: int) -> NumberPattern:
    """The locale's decimal (or percent) pattern with exactly ``decimals`` decimals."""
    loc = parse_locale(locale)
    formats = loc.percent_formats if kind == "percent" else loc.decimal_formats
    pattern: NumberPattern = copy.copy(formats[None])
    pattern.frac_prec = (decimals, decimals)
    return pattern


def format_decimal_exactly(value: Decimal, *, locale: str) -> str:
    """A decimal with exactly the decimals it carries (``96171.60`` keeps its 0)."""
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    text: str = _pattern(locale, "decimal", decimals).apply(value, parse_locale(locale))
    return text


def format_amount(amount: Amount, *, locale: str) -> str:
    """An amount with every decimal it was stated with, and its unit (if stated)."""
    number = format_decimal_exactly(amount.value, locale=locale)
    if amount.unit is None:
        return number
    return f"{number} {amount.unit.value}"


def format_value(value: int | Amount | Decimal | None, *, locale: str) -> str:
    """Any cell value; :data:`NOT_STATED` for ``None``."""
    if value is None:
        return NOT_STATED
    if isinstance(value, Amount):
        return format_amount(value, locale=locale)
    if isinstance(value, Decimal):
        return format_decimal_exactly(value, locale=locale)
    return format_count(value, locale=locale)


def format_percent(ratio: Ratio, *, locale: str, decimals: int = 1) -> str:
    """A ratio as a percentage with ``decimals`` places, rounded half up; ``—`` if undefined.

    >>> format_percent(Ratio(numerator=30, denominator=129), locale="zh_CN")
    '23.3%'
    """
    hundredths = ratio.decimal(decimals + 2)
    if hundredths is None:
        return NOT_STATED
    text: str = _pattern(locale, "percent", decimals).apply(hundredths, parse_locale(locale))
    return text


class Bilingual(Protocol):
    """Words in both languages (a :class:`~disclosure_model.formats.Label`)."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...


@frozen
class WithUnit:
    """A number shown with a unit written straight after it (``23.3%``)."""

    value: int | Decimal
    unit: str


#: What a message template is filled in with: a count (grouped for the locale), a decimal
#: (with exactly its decimals), an amount of money (with its unit), words in both languages
#: (a label), a number with a unit, or text shown as it is (a year, a date, a quotation).
Argument = int | Decimal | Amount | WithUnit | Bilingual | str


def format_argument(value: Argument, *, language: str, locale: str) -> str:
    """One argument of a message, for ``language`` (``"zh"`` or ``"en"``) and ``locale``.

    >>> format_argument(3119, language="en", locale="zh_CN")
    '3,119'
    >>> format_argument(WithUnit(Decimal("23.30"), "%"), language="zh", locale="de")
    '23,30%'
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # not a count, though Python says it is an int
        return str(value)
    if isinstance(value, int):
        return format_count(value, locale=locale)
    if isinstance(value, Decimal):
        return format_decimal_exactly(value, locale=locale)
    if isinstance(value, Amount):
        return format_amount(value, locale=locale)
    if isinstance(value, WithUnit):
        number = format_argument(value.value, language=language, locale=locale)
        return number + value.unit
    return value.zh if language == "zh" else value.en


def format_message(
    template: str, arguments: Iterable[tuple[str, Argument]], *, language: str, locale: str
) -> str:
    """A message template (``{name}`` placeholders) filled in for ``language`` and ``locale``.

    >>> format_message("{where}: {n} cells", [("where", "table 3"), ("n", 1200)],
    ...                language="en", locale="en")
    'table 3: 1,200 cells'
    """
    fields = {k: format_argument(v, language=language, locale=locale) for k, v in arguments}
    return template.format(**fields)
