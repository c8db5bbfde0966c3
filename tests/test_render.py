"""Text rendering of a report's statistics, and the babel formatting under it."""

from __future__ import annotations

from decimal import Decimal

import pytest

import disclosure_model as dm
from disclosure_model.formatting import (
    NOT_STATED,
    InvalidLocaleError,
    format_amount,
    format_count,
    format_value,
    is_chinese,
)
from disclosure_model.render import render_text


class TestFormatting:
    def test_counts_grouped_per_locale(self) -> None:
        """Counts are grouped the locale's way (babel), never as floats."""
        assert "3,985,758" == format_count(3985758, locale="zh_CN")
        assert "3.985.758" == format_count(3985758, locale="de_DE")

    def test_amount_keeps_every_decimal(self) -> None:
        """An amount keeps each decimal it was stated with (no rounding to 3 places)."""
        amount = dm.Amount(value=Decimal("0.12345"), unit=dm.MoneyUnit.WAN_YUAN)
        assert "0.12345 万元" == format_amount(amount, locale="en")
        assert "96,171.60" == format_amount(dm.Amount(value=Decimal("96171.60")), locale="en")

    def test_none_is_not_stated(self) -> None:
        """None is shown as the not-stated mark, not as 0."""
        assert NOT_STATED == format_value(None, locale="zh_CN")

    def test_unknown_locale(self) -> None:
        """An unknown locale raises the library's error (also a ValueError)."""
        with pytest.raises(InvalidLocaleError):
            is_chinese("xx_YY")
        with pytest.raises(ValueError, match="unknown locale"):
            format_count(1, locale="not a locale")


class TestRenderText:
    @pytest.mark.parametrize("name", dm.examples.names())
    def test_every_stated_cell_is_shown(self, name: str) -> None:
        """Every table of the format appears, and each stated count is printed."""
        report = dm.examples.load(name)
        text = render_text(report, locale="zh_CN")
        catalogue = report.statistics.catalogue()
        for entry in catalogue:
            assert entry.table_label.zh in text
            value = report.statistics.cell(entry.path)
            if isinstance(value, int):
                assert format_count(value, locale="zh_CN") in text

    def test_rows_keep_form_order(self) -> None:
        """Rows come in the order of the official form."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_CN")
        labels = [
            "一、本年新收",
            "（一）予以公开",
            "1.属于国家秘密",
            "（七）总计",
            "四、结转下年度",
        ]
        positions = [text.index(label) for label in labels]
        assert sorted(positions) == positions

    def test_english_wraps_at_word_boundaries(self) -> None:
        """Long English labels wrap between words, not inside them."""
        text = render_text(dm.examples.load("huaian-2024"), locale="en")
        assert "handled by separation counts here only)" in text
        assert "informat\n" not in text
