"""Properties of the parsers: any input gives a report or the project's error, quickly; and a
report rendered as text parses back to the same statistics."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.errors import ParseError
from disclosure_model.parsing import Parsed, parse
from disclosure_model.render import render_text

CORPUS = Path(__file__).parent / "corpus"
PAGES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html"))

#: Seconds one parse of one (mutated) page may take on a slow CI machine.
BOUND = 5.0

# Pieces real tables are made of, so that random input reaches deep into the mapper.
_PIECES = st.sampled_from(
    [
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "一、本年新收政府信息公开申请数量",
        "（三）不予公开",
        "1.属于国家秘密",
        "3.其他",
        "（七）总计",
        "规章",
        "本年制发件数",
        "上一年项目数量",
        "总计",
        "|",
        "- 4 -",
        "（其中修订 16 件）",
        "元",
        "-",
        "/",
        "\n",
        " ",
        "\u00a0",
        "五、存在的主要问题及改进情况",
    ]
)
_NUMBERS = st.integers(0, 10**7).map(str)
_TEXTS = st.lists(st.one_of(_PIECES, _NUMBERS, st.text(max_size=5)), max_size=80).map(" ".join)


def _outcome(source: str | bytes, kind: str) -> Parsed | None:
    start = time.perf_counter()
    try:
        parsed = parse(source, kind=kind)
    except ParseError:
        parsed = None
    assert time.perf_counter() - start < BOUND
    if parsed is not None:
        assert isinstance(parsed.report, dm.Report)
    return parsed


def _mutate(data: st.DataObject, text: str) -> str:
    """Cut, repeat, swap or garble parts of a real page."""
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        n = len(text)
        if n == 0:
            break
        a = data.draw(st.integers(0, n - 1), label="start")
        b = data.draw(st.integers(a, min(n, a + 400)), label="end")
        how = data.draw(st.sampled_from(["cut", "repeat", "garble", "truncate", "swap"]))
        if how == "cut":
            text = text[:a] + text[b:]
        elif how == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif how == "garble":
            text = text[:a] + data.draw(st.text(max_size=20), label="junk") + text[b:]
        elif how == "truncate":
            text = text[:a]
        else:
            lines = text.splitlines()
            if len(lines) > 2:
                i = data.draw(st.integers(0, len(lines) - 2))
                lines[i], lines[i + 1] = lines[i + 1], lines[i]
                text = "\n".join(lines)
    return text


class TestAnyInput:
    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_TEXTS)
    def test_text(self, text: str) -> None:
        """Any text gives a Report or a ParseError, within the time bound."""
        _outcome(text, "text")

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(
            st.one_of(
                _PIECES,
                _NUMBERS,
                st.sampled_from(
                    [
                        "<table>",
                        "</table>",
                        "<tr>",
                        "</tr>",
                        "<td>",
                        "</td>",
                        '<td rowspan="22">',
                        '<td colspan="7">',
                        '<td rowspan="0" colspan="-1">',
                        "<p>",
                        "</p>",
                        "<br>",
                        "&nbsp;",
                        "<span>",
                        "<!--",
                        "<script>",
                        '<meta charset="gbk">',
                    ]
                ),
            ),
            max_size=120,
        ).map("".join),
        st.booleans(),
    )
    def test_html(self, html: str, as_bytes: bool) -> None:
        """Any HTML (as text or as bytes) gives a Report or a ParseError, within the bound."""
        _outcome(html.encode("utf-8") if as_bytes else html, "html")

    @settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(PAGES), st.data())
    def test_mutated_pages(self, page: Path, data: st.DataObject) -> None:
        """A corpus page cut, repeated, swapped or garbled still gives a Report or a
        ParseError, within the bound."""
        text = _mutate(data, page.read_text(encoding="utf-8"))
        _outcome(text, "html" if page.suffix == ".html" else "text")


class TestRoundTrip:
    @settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(list(dm.ReportFormat)).flatmap(lambda f: dms.reports(format=f)))
    def test_render_text(self, report: dm.Report) -> None:
        """parse_text(render_text(r)) gives back r's format and every cell of its statistics
        (blanks, rendered —, stay None; amounts keep their unit)."""
        text = render_text(report, locale="zh_CN")
        parsed = parse(text, kind="text", organ=report.organ, year=report.year)
        assert report.format is parsed.report.format
        assert report.statistics == parsed.report.statistics
        assert parsed.complete
