"""Properties of the renderings on generated reports: every report renders in every locale,
and a broken report's failing cell is marked where its rule fails."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings

import disclosure_model as dm
from disclosure_model.render import (
    SUPPORTED_LOCALES,
    findings_text,
    render_html,
    render_markdown,
    render_text,
)
from disclosure_model.strategies import BrokenReport, broken_reports, reports

_STATISTICS = "$.statistics."


class _Classes(HTMLParser):
    """The classes of each value cell, by its data-path."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, set[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        path = a.get("data-path")
        if tag == "td" and path:
            self.cells[path] = set((a.get("class") or "").split())


class TestProperties:
    @settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(reports())
    def test_every_report_renders(self, report: dm.Report) -> None:
        """Every generated report renders in every supported locale, as HTML, Markdown and
        text, and its repr stays one short line."""
        for locale in SUPPORTED_LOCALES:
            assert render_html(report, locale=locale).startswith("<!DOCTYPE html>")
            assert render_markdown(report, locale=locale)
            assert render_text(report, locale=locale)
        assert len(repr(report)) <= 200

    @settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(broken_reports())
    def test_the_failing_cell_is_marked(self, broken: BrokenReport) -> None:
        """Where the broken rule fails at a cell, that cell carries its severity's class;
        the findings text names the rule; the result's repr stays short."""
        result = dm.check(broken.report, previous=broken.previous)
        page = render_html(broken.report, locale="zh_Hans_CN", findings=result)
        reader = _Classes()
        reader.feed(page)
        (finding, *_) = [
            f for f in result.findings if f.code == broken.code and f.path == broken.path
        ]
        if broken.path.startswith(_STATISTICS):
            classes = reader.cells[broken.path[len(_STATISTICS) :]]
            assert f"dm-{finding.severity.value}" in classes or any(
                f"dm-{s.value}" in classes for s in dm.Severity if s.rank > finding.severity.rank
            )
        assert broken.code in findings_text(result, locale="en")
        assert len(repr(result)) <= 200
