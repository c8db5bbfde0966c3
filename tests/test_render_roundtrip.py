"""Render, then parse: the zh HTML page reads back as the statistics it was rendered from."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import disclosure_model as dm
from disclosure_model.parsing import parse_html
from disclosure_model.render import render_html
from disclosure_model.strategies import reports


def read_back(report: dm.Report, locale: str) -> dm.Report:
    page = render_html(report, locale=locale)
    return parse_html(page, year=report.year, organ=report.organ)


class TestRoundTrip:
    @pytest.mark.parametrize("name", dm.examples.names())
    @pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh_Hant_TW"])
    def test_examples(self, name: str, locale: str) -> None:
        """Each bundled example's page gives back its format and every cell, blanks blank."""
        report = dm.examples.load(name)
        parsed = read_back(report, locale)
        assert report.format == parsed.format
        assert report.statistics == parsed.statistics

    def test_combined_figures(self) -> None:
        """The seed's figures stated together (微博 + 微信, 会议 + 培训班) read back too."""
        report = dm.examples.load("baoshan-2018")
        stats = read_back(report, "zh_Hans_CN").statistics
        assert isinstance(stats, dm.LegacyStatistics)
        assert report.statistics_as(dm.LegacyStatistics).combined == stats.combined

    @settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(reports())
    def test_generated(self, report: dm.Report) -> None:
        """Every generated report's page gives back its statistics."""
        parsed = read_back(report, "zh_Hans_CN")
        assert report.format == parsed.format
        assert report.statistics == parsed.statistics
