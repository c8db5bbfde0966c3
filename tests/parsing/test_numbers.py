"""Reading numbers as reports write them (disclosure_model.parsing._numbers).

Expected values are the numbers as a reader of Chinese reads them, written out by hand.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_model.claims import Approximation, ClaimKind
from disclosure_model.errors import DisclosureModelError, ValidationError
from disclosure_model.parsing._numbers import (
    find_numbers,
    fold,
    parse_chinese_integer,
    parse_number,
)


class TestChineseIntegers:
    """Chinese numerals, including the colloquial and digit-by-digit forms."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("一百二十九", 129),
            ("两千零五", 2005),
            ("十二", 12),
            ("十", 10),
            ("两", 2),
            ("〇", 0),
            ("零", 0),
            ("廿三", 23),
            ("卅", 30),
            ("三百零五", 305),
            ("三百五", 350),
            ("两千五", 2500),
            ("一千零十", 1010),
            ("一万二", 12000),
            ("十万", 100000),
            ("三亿", 300000000),
            ("一亿二千万", 120000000),
            ("三亿五", 350000000),
            ("九千九百九十九万九千九百九十九", 99999999),
            ("二〇一八", 2018),
            ("贰佰叁拾", 230),
        ],
    )
    def test_values(self, text: str, expected: int) -> None:
        """Each numeral reads as the integer it names, as an int."""
        actual = parse_chinese_integer(text)
        assert expected == actual
        assert int is type(actual)

    @pytest.mark.parametrize("text", ["", "百二", "十百", "万", "二二万万", "一亿亿", "abc", "千"])
    def test_not_numerals(self, text: str) -> None:
        """What is not a well-formed numeral raises the project's ValidationError."""
        with pytest.raises(ValidationError):
            parse_chinese_integer(text)


class TestParseNumber:
    """One number with its unit, scale, decimals and approximation."""

    @pytest.mark.parametrize(
        ("text", "value", "value_type", "decimals"),
        [
            ("129", 129, int, 0),
            ("１２９", 129, int, 0),
            ("1,234", 1234, int, 0),
            ("２，０３４", 2034, int, 0),
            ("87.74", Decimal("87.74"), Decimal, 2),
            ("0.70", Decimal("0.70"), Decimal, 2),
            ("一百二十九", 129, int, 0),
            ("两千零五", 2005, int, 0),
            ("1.2万", 12000, int, 1),
            ("1.23456万", Decimal("12345.6"), Decimal, 5),
            ("3亿", 300000000, int, 0),
            ("十二万", 120000, int, 0),
            ("二十三点二", Decimal("23.2"), Decimal, 1),
        ],
    )
    def test_values(self, text: str, value: object, value_type: type, decimals: int) -> None:
        """The value is exact (int or Decimal, never float), with the decimals written."""
        m = parse_number(text)
        assert value == m.value
        assert value_type is type(m.value)
        assert decimals == m.decimals

    def test_scale_kept_apart(self) -> None:
        """1.2万 is written 1.2 with the scale 10000 (a claim stores it so)."""
        m = parse_number("1.2万")
        assert (Decimal("1.2"), 10000) == (m.written, m.scale)

    @pytest.mark.parametrize(
        ("text", "value", "decimals"),
        [
            ("23.2%", Decimal("23.2"), 1),
            ("23.2％", Decimal("23.2"), 1),
            ("百分之二十三点二", Decimal("23.2"), 1),
            ("百分之百", 100, 0),
            ("百分之10", 10, 0),
            ("100%", 100, 0),
        ],
    )
    def test_percentages(self, text: str, value: object, decimals: int) -> None:
        """Percentages in all their spellings are PERCENT with the decimals written."""
        m = parse_number(text)
        assert (ClaimKind.PERCENT, value, decimals, None) == (m.kind, m.value, m.decimals, m.unit)

    @pytest.mark.parametrize(
        ("text", "unit", "value"),
        [
            ("129件", "件", 129),
            ("3708人次", "人次", 3708),
            ("22条", "条", 22),
            ("469篇", "篇", 469),
            ("61个", "个", 61),
            ("545人", "人", 545),
            ("213.15万元", "万元", Decimal("213.15")),
            ("3940 元", "元", 3940),
            ("94项", "项", 94),
            ("6 期", "期", 6),
            ("12 场", "场", 12),
            ("3家", "家", 3),
            ("两件", "件", 2),
            ("十二万元", "万元", 12),
        ],
    )
    def test_units(self, text: str, unit: str, value: object) -> None:
        """The unit is read off (人次 before 人, 万元 as a money unit, not a scale)."""
        m = parse_number(text)
        assert (unit, value, 1) == (m.unit, m.value, m.scale)

    @pytest.mark.parametrize(
        ("text", "approximation", "value"),
        [
            ("12万余", Approximation.MORE_THAN, 120000),
            ("5500 余条", Approximation.MORE_THAN, 5500),
            ("260余", Approximation.MORE_THAN, 260),
            ("30多个", Approximation.MORE_THAN, 30),
            ("超1995万次", Approximation.MORE_THAN, 19950000),
            ("80%以上", Approximation.AT_LEAST, 80),
            ("不到10件", Approximation.LESS_THAN, 10),
            ("不足5人", Approximation.LESS_THAN, 5),
            ("约3万人次", Approximation.ABOUT, 30000),
            ("近百分之九十", Approximation.ABOUT, 90),
            ("10件以下", Approximation.AT_MOST, 10),
            ("100件左右", Approximation.ABOUT, 100),
        ],
    )
    def test_approximations(self, text: str, approximation: Approximation, value: int) -> None:
        """余, 多, 超, 以上, 不到, 约, 以下, 左右 are kept as the approximation."""
        m = parse_number(text)
        assert (approximation, value) == (m.approximation, m.value)

    def test_recent_is_not_about(self) -> None:
        """最近3次 is "the latest 3", not "about 3"."""
        (m,) = find_numbers("最近3次会议")
        assert (Approximation.EXACT, "3次") == (m.approximation, m.text)

    def test_span_of_padded_text(self) -> None:
        """The span is into the string as given, surrounding space excluded."""
        m = parse_number("  129件 ")
        assert ((2, 6), "129件") == (m.span, m.text)

    @pytest.mark.parametrize("text", ["", "件", "abc", "129件130件", "3个工作日", "百二", "5-"])
    def test_rejects(self, text: str) -> None:
        """Anything but one number raises ValidationError."""
        with pytest.raises(ValidationError):
            parse_number(text)


class TestFindNumbers:
    """Every quantity in a text, with its span; no years, dates, ordinals or identifiers."""

    def test_sentence_of_the_seed(self) -> None:
        """The 保山 2018 sentence on applications, figure by figure."""
        text = "全市2018年共受理信息公开申请129件，其中当面申请30件，占23.2%；网上申请46件"
        found = [(m.text, m.value, m.unit, m.kind) for m in find_numbers(text)]
        expected = [
            ("129件", 129, "件", ClaimKind.FIGURE),
            ("30件", 30, "件", ClaimKind.FIGURE),
            ("23.2%", Decimal("23.2"), None, ClaimKind.PERCENT),
            ("46件", 46, "件", ClaimKind.FIGURE),
        ]
        assert expected == found

    def test_spans_index_the_original(self) -> None:
        """Spans point into the original text, full-width characters and all."""
        text = "收到申请１２９件，占２３．２％。"
        for m in find_numbers(text):
            assert m.text == text[m.start : m.end]
        assert ["１２９件", "２３．２％"] == [m.text for m in find_numbers(text)]

    @pytest.mark.parametrize(
        "text",
        [
            "2018年1月1日—12月31日",
            "(云政办发〔2018〕36号)",
            "电话:0875—2196721,邮编:678000",
            "国令第 711 号",
            "第二十条第(一)项",
            "3个工作日内发布",
            "网站支持IPv6",
            "一是加强领导,二是完善制度",
            "党的十九大精神",
        ],
    )
    def test_not_quantities(self, text: str) -> None:
        """Dates, document numbers, telephone numbers, ordinals, durations are not figures."""
        assert () == find_numbers(text)

    def test_pdf_line_break_between_number_and_unit(self) -> None:
        """pypdf text breaks lines between a number and its unit (行政复议 351\\n件)."""
        (m,) = find_numbers("政府信息公开行政复议 351\n件，")
        assert (351, "件") == (m.value, m.unit)

    def test_chinese_numerals_with_units(self) -> None:
        """Chinese numerals count when they carry a unit (marked as Chinese)."""
        found = [
            (m.value, m.unit, m.chinese) for m in find_numbers("收到申请一百二十九件，答复两件")
        ]
        assert [(129, "件", True), (2, "件", True)] == found

    def test_traditional_characters(self) -> None:
        """Traditional 萬/條/個 read as 万/条/个."""
        found = [(m.value, m.unit) for m in find_numbers("公開信息9.9萬條，設置3個")]
        assert [(99000, "条"), (3, "个")] == found


class TestFold:
    """Folding keeps positions: one character for one."""

    @given(st.text(max_size=200))
    def test_length_kept(self, text: str) -> None:
        """fold never changes the length of a text."""
        assert len(text) == len(fold(text))


class TestRobustness:
    """Arbitrary text never raises anything but the project's errors, and is quick."""

    alphabet = st.sampled_from(
        list(
            "0123456789０１２３４５６７８９.,，%％一二三四五六七八九十百千万亿两零〇点余多约超以上下"
        )
        + list("件条次人个元项篇第年月日号、；。：:()（）“”")
        + [" ", "\n", "a", "Z"]
    )

    @given(st.text(alphabet=alphabet, max_size=300) | st.text(max_size=300))
    def test_find_numbers_never_raises(self, text: str) -> None:
        """find_numbers returns mentions whose spans hold their text, in bounded time."""
        started = time.perf_counter()
        for m in find_numbers(text):
            assert m.text == text[m.start : m.end]
            assert float is not type(m.value)
        assert time.perf_counter() - started < 1.0

    @given(st.text(alphabet=alphabet, max_size=40) | st.text(max_size=40))
    def test_parse_number_raises_only_project_errors(self, text: str) -> None:
        """parse_number either reads a number or raises a DisclosureModelError."""
        try:
            m = parse_number(text)
        except DisclosureModelError:
            return
        assert isinstance(m.value, int | Decimal)

    def test_not_a_string(self) -> None:
        """A non-string is the caller's error, reported as ValidationError."""
        with pytest.raises(ValidationError):
            find_numbers(129)  # type: ignore[arg-type]
