"""The parsers' optional dependencies stay optional: a missing one is named, with its extra."""

from __future__ import annotations

import sys

import pytest

import disclosure_model as dm

HTML = (
    "<html><title>某县人民政府2021年政府信息公开工作年度报告</title>"
    "<table><tr><td>1</td></tr></table>"
)


class TestMissingExtras:
    """Without lxml or pypdf the parse says which extra to install, as the project's error."""

    def test_html_needs_lxml(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """parse_html without lxml raises OptionalDependencyError naming the html extra."""
        monkeypatch.setitem(sys.modules, "lxml.etree", None)
        with pytest.raises(dm.OptionalDependencyError, match=r"'html' extra"):
            dm.parse_html(HTML)

    def test_pdf_needs_pypdf(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """parse_pdf without pypdf raises OptionalDependencyError naming the pdf extra."""
        monkeypatch.setitem(sys.modules, "pypdf", None)
        with pytest.raises(dm.OptionalDependencyError, match=r"'pdf' extra"):
            dm.parse_pdf(b"%PDF-1.4\n%%EOF\n")

    def test_text_needs_neither(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """parse_text uses the core only."""
        monkeypatch.setitem(sys.modules, "lxml.etree", None)
        monkeypatch.setitem(sys.modules, "pypdf", None)
        r = dm.parse_text("某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n收到申请5件。")
        assert ("某县人民政府", 2021) == (r.organ.name, r.year)
