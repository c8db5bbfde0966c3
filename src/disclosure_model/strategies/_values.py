"""Scalars: sums of money, administrative organs."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.report import Organ, OrganLevel
from disclosure_model.strategies._draw import (
    _memo,
)
from disclosure_model.values import Amount, MoneyUnit

__all__ = [
    "_amounts",
    "_organ",
    "amounts",
    "organs",
]


def amounts(
    *, units: Iterable[MoneyUnit | None] | None = None, max_decimals: int = 4
) -> st.SearchStrategy[Amount]:
    """Sums of money as a report states them: a non-negative Decimal with up to
    ``max_decimals`` decimals, in one of ``units`` (元, 万元 or not stated, by default).

    Mostly small, now and then tens of millions. Shrinks towards ``0`` in the first unit.
    """
    unit_list = tuple(units) if units is not None else (MoneyUnit.WAN_YUAN, MoneyUnit.YUAN, None)
    if not unit_list:
        msg = "units must name at least one unit (or None for 'not stated')"
        raise InvalidArgument(msg)
    if max_decimals < 0:
        msg = f"max_decimals={max_decimals} must be 0 or more"
        raise InvalidArgument(msg)
    return _amounts(unit_list, max_decimals)


def _amounts(units: tuple[MoneyUnit | None, ...], max_decimals: int) -> st.SearchStrategy[Amount]:
    def make() -> st.SearchStrategy[Amount]:
        return st.builds(
            lambda n, d, unit: Amount(value=Decimal(n).scaleb(-d), unit=unit),
            st.one_of(st.integers(0, 9_999), st.integers(0, 10**12)),
            st.integers(0, max_decimals),
            st.sampled_from(units),
        )

    return _memo(("amounts", units, max_decimals), make)


_ORGAN_NAMES: dict[OrganLevel, tuple[str, ...]] = {
    OrganLevel.STATE_COUNCIL_DEPARTMENT: ("某部", "交通运输部", "国家统计局"),
    OrganLevel.PROVINCE: ("某省人民政府", "云南省人民政府", "江苏省人民政府"),
    OrganLevel.CITY: ("某市人民政府", "保山市人民政府", "淮安市人民政府"),
    OrganLevel.COUNTY: ("某县人民政府", "会昌县人民政府", "上海市宝山区人民政府"),
    OrganLevel.TOWNSHIP: ("某镇人民政府", "会昌县中村乡人民政府", "沅陵县二酉苗族乡人民政府"),
    OrganLevel.PROVINCIAL_DEPARTMENT: ("某省某厅", "江苏省交通运输厅", "云南省生态环境厅"),
    OrganLevel.CITY_DEPARTMENT: ("某市某局", "淮安市教育局", "保山市人民政府办公室"),
    OrganLevel.COUNTY_DEPARTMENT: ("某县某局", "会昌县卫生健康委员会", "沅陵县财政局"),
    OrganLevel.OTHER: ("某开发区管理委员会", "淮安经济技术开发区管理委员会"),
}


#: How many digits of a division code the level fixes (province 2, city 4, county 6,
#: township 9); the rest are zeros. Other organs take their city's or county's code.
_DIVISION_DIGITS = {
    OrganLevel.PROVINCE: 2,
    OrganLevel.CITY: 4,
    OrganLevel.PROVINCIAL_DEPARTMENT: 2,
    OrganLevel.CITY_DEPARTMENT: 4,
    OrganLevel.TOWNSHIP: 9,
}


def _division_code(province: int, rest: int, digits: int) -> str:
    code = f"{province}{rest:07d}"[:digits]
    return code.ljust(6, "0") if digits < 9 else code


def _organ(level: OrganLevel, name: str, division_code: str | None) -> Organ:
    return Organ(name=name, level=level, division_code=division_code)


def organs(*, levels: Iterable[OrganLevel] | None = None) -> st.SearchStrategy[Organ]:
    """Administrative organs of the given ``levels`` (every level by default), with a
    plausible Chinese name for the level and, sometimes, a division code of the right length.

    Shrinks towards "某部" (a State Council department) without a division code.
    """
    level_list = tuple(levels) if levels is not None else tuple(OrganLevel)
    if not level_list:
        msg = "levels must name at least one OrganLevel"
        raise InvalidArgument(msg)
    return _memo(("organs", level_list), lambda: st.sampled_from(level_list).flatmap(_of_level))


def _of_level(level: OrganLevel) -> st.SearchStrategy[Organ]:
    def make() -> st.SearchStrategy[Organ]:
        digits = _DIVISION_DIGITS.get(level, 6)
        codes = st.builds(
            _division_code, st.integers(11, 65), st.integers(0, 10**7 - 1), st.just(digits)
        )
        return st.builds(
            _organ, st.just(level), st.sampled_from(_ORGAN_NAMES[level]), st.none() | codes
        )

    return _memo(("organ", level), make)
