"""The locales the renderers support, and the words and numbers of a rendering in one.

Three locales are supported: ``zh_Hans_CN`` (also written ``zh``, ``zh_CN``, ``zh_Hans``),
``zh_Hant_TW`` (``zh_TW``, ``zh_Hant``) and ``en`` (``en_US``). The official labels of the
forms are printed exactly as the forms print them in both Chinese locales (the forms are
issued in simplified script, and a label is a fact, not a translation); the renderers' own
words (机关, 年度, severity words, …) are given in each script. Numbers, percentages and
dates go through babel for the locale.

>>> supported_locale("zh_CN").name, supported_locale("zh-TW").name
('zh_Hans_CN', 'zh_Hant_TW')
>>> supported_locale("fr")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
disclosure_model...UnsupportedLocaleError: unsupported locale 'fr': the renderers support ...
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from attrs import frozen
from babel.dates import format_date
from babel.numbers import format_decimal

from disclosure_model.formats import Label
from disclosure_model.formatting import InvalidLocaleError, format_decimal_exactly, parse_locale
from disclosure_model.report import OrganLevel, Report
from disclosure_model.values import Amount, Ratio

__all__ = ["SUPPORTED_LOCALES", "Lang", "UnsupportedLocaleError", "supported_locale"]

#: The locales the renderers support (others raise :class:`UnsupportedLocaleError`).
SUPPORTED_LOCALES: tuple[str, ...] = ("zh_Hans_CN", "zh_Hant_TW", "en")

_ALIASES = {
    "zh": "zh_Hans_CN",
    "zh_cn": "zh_Hans_CN",
    "zh_hans": "zh_Hans_CN",
    "zh_hans_cn": "zh_Hans_CN",
    "zh_tw": "zh_Hant_TW",
    "zh_hant": "zh_Hant_TW",
    "zh_hant_tw": "zh_Hant_TW",
    "en": "en",
    "en_us": "en",
}


class UnsupportedLocaleError(InvalidLocaleError):
    """Raised when a renderer is given a locale other than zh_Hans_CN, zh_Hant_TW or en."""


@frozen
class Lang:
    """One supported locale: which words to use and how to write numbers and dates."""

    name: str

    @property
    def zh(self) -> bool:
        """Whether the labels are the Chinese ones."""
        return self.name != "en"

    @property
    def hant(self) -> bool:
        """Whether the renderer's own words are in traditional script."""
        return self.name == "zh_Hant_TW"

    @property
    def html_lang(self) -> str:
        """The value of an HTML ``lang`` attribute (BCP 47)."""
        return {"zh_Hans_CN": "zh-Hans-CN", "zh_Hant_TW": "zh-Hant-TW"}.get(self.name, "en")

    def label(self, label: Label) -> str:
        """An official label as the form prints it (zh), or its English name."""
        return label.zh if self.zh else label.en

    def word(self, hans: str, hant: str, en: str) -> str:
        """One of the renderer's own words, in the locale's language and script."""
        if not self.zh:
            return en
        return hant if self.hant else hans

    def count(self, value: int, *, grouped: bool = True) -> str:
        """A count (babel); ``grouped=False`` leaves out the thousands separators."""
        return format_decimal(value, locale=self.name, group_separator=grouped)

    def decimal(self, value: Decimal, *, grouped: bool = True) -> str:
        """A decimal with every decimal it was stated with."""
        if grouped:
            return format_decimal_exactly(value, locale=self.name)
        loc = parse_locale(self.name)
        pattern = copy.copy(loc.decimal_formats[None])
        exponent = value.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        pattern.frac_prec = (decimals, decimals)
        text: str = pattern.apply(value, loc, group_separator=False)
        return text

    def amount(self, amount: Amount, *, unit: bool = True, grouped: bool = True) -> str:
        """An amount; its unit after a no-break space when ``unit`` and it has one."""
        number = self.decimal(amount.value, grouped=grouped)
        if not unit or amount.unit is None:
            return number
        return f"{number}\xa0{amount.unit.value if self.zh else _MONEY_EN[amount.unit.value]}"

    def percent(self, ratio: Ratio, *, decimals: int = 1) -> str | None:
        """A ratio as a percentage (babel), ``None`` when it is not defined."""
        if ratio.value is None:
            return None
        return ratio.percent(locale=self.name, decimals=decimals)

    def level(self, level: OrganLevel) -> str:
        """The kind of organ, in words."""
        return self.word(level.label.zh, _LEVELS_HANT[level], level.label.en)

    def date(self, day: date) -> str:
        """A date in the locale's long form (``2024年1月20日``, ``January 20, 2024``)."""
        return format_date(day, format="long", locale=self.name)


#: The kinds of organ in traditional script (:attr:`OrganLevel.label` gives the others).
_LEVELS_HANT = {
    OrganLevel.STATE_COUNCIL_DEPARTMENT: "國務院部門",
    OrganLevel.PROVINCE: "省級人民政府",
    OrganLevel.CITY: "設區的市級人民政府",
    OrganLevel.COUNTY: "縣級人民政府",
    OrganLevel.TOWNSHIP: "鄉鎮人民政府",
    OrganLevel.PROVINCIAL_DEPARTMENT: "省級政府部門",
    OrganLevel.CITY_DEPARTMENT: "市級政府部門",
    OrganLevel.COUNTY_DEPARTMENT: "縣級政府部門",
    OrganLevel.OTHER: "其他",
}

_MONEY_EN = {"元": "yuan", "万元": "× 10,000 yuan"}


def supported_locale(locale: str) -> Lang:
    """The supported locale ``locale`` names; :class:`UnsupportedLocaleError` naming the
    supported ones for any other (``fr``, ``de_DE``, ``zh_HK``)."""
    if not isinstance(locale, str):
        msg = f"locale must be a string such as 'zh_Hans_CN', got {locale!r}"
        raise UnsupportedLocaleError(msg)
    name = _ALIASES.get(locale.replace("-", "_").lower())
    if name is None:
        supported = ", ".join(SUPPORTED_LOCALES[:-1]) + f" and {SUPPORTED_LOCALES[-1]}"
        msg = f"unsupported locale {locale!r}: the renderers support {supported}"
        raise UnsupportedLocaleError(msg)
    return Lang(name)


def report_facts(report: Report, lang: Lang) -> list[tuple[str, str]]:
    """The facts a rendering heads a report with, as (name, value) in ``lang`` (the source
    URL last, where there is one, as written)."""
    w = lang.word
    facts = [
        (w("机关", "機關", "organ"), report.organ.name),
        (w("层级", "層級", "level"), lang.level(report.organ.level)),
        (w("年度", "年度", "year"), str(report.year)),
        (w("格式", "格式", "format"), lang.label(report.format.label)),
    ]
    if report.dated is not None:
        facts.append((w("落款日期", "落款日期", "dated"), lang.date(report.dated)))
    if report.published is not None:
        facts.append((w("发布日期", "發布日期", "published"), lang.date(report.published)))
    if report.source is not None and report.source.url is not None:
        facts.append((w("来源", "來源", "source"), report.source.url))
    return facts
