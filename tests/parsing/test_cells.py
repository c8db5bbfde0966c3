"""Cell values: blanks are not 0, annotations keep the number, money keeps its unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_model import Amount, MoneyUnit
from disclosure_model.parsing._cells import (
    ReadingKind,
    clean_text,
    is_value_text,
    read_change,
    read_count,
    read_money,
)


class TestCleanText:
    def test_nbsp_and_spaces(self) -> None:
        """&nbsp;, ideographic spaces and line breaks fold to one space."""
        assert "商业 企业" == clean_text("商业\u00a0\u3000\n企业 ")

    def test_full_width_digits(self) -> None:
        """Full-width digits and brackets become ASCII (NFKC)."""
        assert "(三)123" == clean_text("（三）１２３")

    def test_radical_lookalike(self) -> None:
        """A CJK-radicals-supplement look-alike NFKC keeps (⺠) becomes the ideograph (民)."""
        assert "人民政府" == clean_text("人⺠政府")

    def test_traditional_label(self) -> None:
        """A mirror site's traditional label reads as the simplified one the form prints."""
        assert "规范性文件" == clean_text("規範性文件")

    def test_pinyin_gloss(self) -> None:
        """A pinyin gloss after a character (鄉(xiāng)) is dropped."""
        assert "乡人民政府" == clean_text("鄉(xiāng)人民政府")


class TestReadCount:
    @pytest.mark.parametrize("text", ["", " ", "-", "—", "——", "/", "无", "\u00a0"])
    def test_blank(self, text: str) -> None:
        """A cell printed blank (DOMAIN §4: "", -, —, /, 无) is not stated, never 0."""
        reading = read_count(text)
        assert (None, ReadingKind.BLANK) == (reading.value, reading.kind)

    def test_zero(self) -> None:
        """0 is a value."""
        assert (0, ReadingKind.NUMBER) == (read_count("0").value, read_count("0").kind)

    @pytest.mark.parametrize(
        ("text", "value"), [("1,234", 1234), ("１２３", 123), ("3,985,758", 3985758)]
    )
    def test_numbers(self, text: str, value: int) -> None:
        """Thousands separators and full-width digits."""
        assert value == read_count(text).value

    def test_annotated(self) -> None:
        """22（其中修订 16 件）: the number with its annotation (a note, not a guess)."""
        reading = read_count("22（其中修订 16 件）")
        assert (22, ReadingKind.ANNOTATED, "其中修订16件") == (
            reading.value,
            reading.kind,
            reading.annotation,
        )

    def test_unit(self) -> None:
        """A unit in a count cell (12件) keeps the number."""
        assert (12, ReadingKind.ANNOTATED) == (read_count("12件").value, read_count("12件").kind)

    @pytest.mark.parametrize("text", ["3.5", "约300", "-3", "1,23", "三"])
    def test_unreadable(self, text: str) -> None:
        """Text that is not a non-negative integer is None, not a truncation or a guess."""
        reading = read_count(text)
        assert (None, ReadingKind.UNREADABLE) == (reading.value, reading.kind)


class TestReadChange:
    def test_signed(self) -> None:
        """本年增/减 is signed: -3 and +2 are values; a lone - is blank."""
        assert [-3, 2, None] == [read_change(t).value for t in ("-3", "+2", "-")]


class TestReadMoney:
    def test_column_unit(self) -> None:
        """The unit the column states (万元) goes with a bare number, as a Decimal."""
        reading = read_money("96171.6", unit=MoneyUnit.WAN_YUAN)
        assert Amount(value=Decimal("96171.6"), unit=MoneyUnit.WAN_YUAN) == reading.value

    def test_cell_unit(self) -> None:
        """251000元 (DOMAIN §2.1): the unit written in the cell wins, with a note."""
        reading = read_money("251000元", unit=None)
        assert Amount(value=Decimal("251000"), unit=MoneyUnit.YUAN) == reading.value
        assert ReadingKind.ANNOTATED is reading.kind

    def test_no_unit(self) -> None:
        """No unit stated anywhere (2019 采购总金额): the amount with unit None."""
        assert (
            Amount(value=Decimal("15000000"), unit=None) == read_money("15000000", unit=None).value
        )

    def test_blank(self) -> None:
        """A blank money cell is None."""
        assert read_money("/", unit=MoneyUnit.WAN_YUAN).value is None


class TestIsValueText:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("12", True),
            ("", True),
            ("—", True),
            ("0元", True),
            ("1.属于国家秘密", False),
            ("2、重复申请", False),
            ("规章", False),
            ("总计", False),
        ],
    )
    def test_value_or_label(self, text: str, expected: bool) -> None:
        """Numbers and blanks are values; a numbered label (1.属于…) is a label."""
        assert expected == is_value_text(text)
