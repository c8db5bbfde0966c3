"""The prose of a report: section headings and texts, arbitrary text."""

from __future__ import annotations

from hypothesis import strategies as st

from disclosure_model.formats import ReportFormat, form
from disclosure_model.report import Section
from disclosure_model.strategies._draw import (
    _memo,
)

__all__ = [
    "_OFF_TITLES",
    "_arbitrary_text",
    "_nonblank",
    "_sections",
]

#: Texts of the six sections, shortest first. Section 六 always says a word on the
#: information-processing fee, so unpaid-fee outcomes never leave R-21-04 to fire.
_SECTION_TEXTS = (
    ("", "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。"),
    ("", "全年主动公开政府信息，政策文件均在政府网站公开。"),
    ("", "全年收到和处理政府信息公开申请情况见下表。"),
    ("", "全年政府信息公开行政复议、行政诉讼情况见下表。"),
    ("", "政务公开工作与群众期待还有差距，下一步将加强培训。"),
    (
        "信息处理费按《政府信息公开信息处理费管理办法》执行。",
        "本年度未收取信息处理费。本机关无其他需要报告的事项。",
    ),
)


def _sections(draw: st.DrawFn, fmt: ReportFormat) -> tuple[Section, ...]:
    """The six sections of the 2019 and 2021 formats, headed as the form spec heads them;
    up to six of a legacy report."""
    headings = [s.label.zh for s in form(fmt).sections]
    if fmt is ReportFormat.LEGACY:
        n = draw(st.integers(0, len(headings)))
        return tuple(Section(title=t, text="") for t in headings[:n])
    longer = draw(st.integers(0, 2 ** len(headings) - 1))  # which sections say more
    return tuple(
        Section(title=heading, text=texts[longer >> i & 1])
        for i, (heading, texts) in enumerate(zip(headings, _SECTION_TEXTS, strict=True))
    )


def _arbitrary_text() -> st.SearchStrategy[str]:
    return _memo(("text",), lambda: st.text(st.characters(codec="utf-8"), max_size=12))


def _nonblank() -> st.SearchStrategy[str]:
    return _memo(("nonblank",), lambda: _arbitrary_text().filter(lambda t: t.strip() != ""))


#: Headings with the numeral of each section but not the words the check looks for.
_OFF_TITLES = (
    "一、工作概述",
    "二、政务信息发布",
    "三、受理和答复情况",
    "四、复议诉讼",
    "五、不足与改进",
    "六、需说明的情况",
)
