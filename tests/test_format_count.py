"""Counts formatted without babel's pattern machinery read exactly as babel writes them."""

from __future__ import annotations

from babel import Locale, localedata
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from disclosure_model.formatting import InvalidLocaleError, format_count, parse_locale
from disclosure_model.values import MAX_COUNT

VALUES = (0, 1, 7, 999, 1000, 1234, 12345, 123456, 3985758, 10**20 + 7, -1, -1000, -1234567)


def _locales() -> list[str]:
    known = []
    for name in localedata.locale_identifiers():
        try:
            parse_locale(name)
        except InvalidLocaleError:
            continue
        known.append(name)
    return known


def test_every_locale_as_babel_formats_it() -> None:
    locales = _locales()
    assert len(locales) > 500
    for name in locales:
        babel_locale = Locale.parse(name)
        for value in VALUES:
            assert format_count(value, locale=name) == format_decimal(value, locale=babel_locale)


def test_hand_typed() -> None:
    assert format_count(3985758, locale="zh_CN") == "3,985,758"
    assert format_count(3985758, locale="de") == "3.985.758"
    assert format_count(-1234, locale="en") == "-1,234"
    assert format_count(1234567, locale="hi") == "12,34,567"  # grouped by twos past a thousand
    assert format_count(3985758, locale="en_CH") == "3985758"  # as babel writes it


@given(
    st.integers(-MAX_COUNT, MAX_COUNT),
    st.sampled_from(["zh_CN", "en", "de", "fr", "ru", "sv", "ar", "fa", "hi"]),
)
def test_any_integer(value: int, locale: str) -> None:
    assert format_count(value, locale=locale) == format_decimal(value, locale=Locale.parse(locale))
