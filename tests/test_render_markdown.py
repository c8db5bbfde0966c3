"""The Markdown rendering: pipe tables laid out from the form's grid, spans written flat."""

from __future__ import annotations

import attrs

import disclosure_model as dm
from disclosure_model.render import render_markdown
from disclosure_model.render._markdown import escape_markdown


def pipe_table(text: str, heading: str) -> list[list[str]]:
    """The rows of the first pipe table after ``heading``, cells stripped (the rule row
    left out)."""
    lines = text.splitlines()
    start = lines.index(heading)
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split(" | ")])
        elif rows:
            break
    return [rows[0], *rows[2:]]


class TestTables:
    def test_table3_columns_and_groups(self) -> None:
        """10 columns: 3 label columns under the note, 7 value columns under their joined
        headers; a merged group label stands in its first row only."""
        text = render_markdown(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        rows = pipe_table(text, "## 三、收到和处理政府信息公开申请情况")
        header, body = rows[0], rows[1:]
        assert all(10 == len(r) for r in rows)
        assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" == header[0]
        assert [
            "申请人情况 › 自然人",
            "申请人情况 › 法人或其他组织 › 商业企业",
            "申请人情况 › 法人或其他组织 › 科研机构",
            "申请人情况 › 法人或其他组织 › 社会公益组织",
            "申请人情况 › 法人或其他组织 › 法律服务机构",
            "申请人情况 › 法人或其他组织 › 其他",
            "申请人情况 › 总计",
        ] == header[3:]
        assert 25 == len(body)
        assert ["三、本年度办理结果", "（一）予以公开", ""] == body[2][:3]
        assert ["", "（三）不予公开", "1.属于国家秘密"] == body[4][:3]
        assert ["", "", "2.其他法律行政法规禁止公开"] == body[5][:3]
        assert ["2932", "53", "0", "0", "61", "4", "3050"] == body[23][3:]

    def test_table4_one_row(self) -> None:
        """Table 四: 15 joined headers, one row of 15 cells."""
        text = render_markdown(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        header, row = pipe_table(text, "## 四、政府信息公开行政复议、行政诉讼情况")
        assert 15 == len(header) == len(row)
        assert "行政复议 › 结果维持" == header[0]
        assert "行政诉讼 › 复议后起诉 › 总计" == header[-1]
        assert ["72", "64", "178", "37", "351"] == row[:5]

    def test_blanks_blank(self) -> None:
        """The excerpt's unstated cells are empty cells."""
        text = render_markdown(dm.examples.load("huichang-zhongcun-2020"), locale="zh_Hans_CN")
        rows = pipe_table(text, "## 三、收到和处理政府信息公开申请情况")
        assert all(cell == "" for row in rows[1:] for cell in row[3:])

    def test_legacy_units(self) -> None:
        """The legacy table: indicator, unit, value."""
        text = render_markdown(dm.examples.load("baoshan-2018"), locale="en")
        rows = pipe_table(text, "## statistics table of government information disclosure")
        assert ["indicator", "unit", "value"] == rows[0]
        assert ["(1) applications received", "pieces", "129"] in rows


class TestEscaping:
    def test_markup_is_escaped(self) -> None:
        """Markdown and HTML in report text are escaped; a list marker at a line's start too."""
        assert "\\<b\\>x\\</b\\> a\\|b \\*c\\*" == escape_markdown("<b>x</b> a|b *c*")
        assert "1\\. first" == escape_markdown("1. first")
        assert "1.属于国家秘密" == escape_markdown("1.属于国家秘密")

    def test_narrative(self) -> None:
        """A section's text comes out as escaped paragraphs under its heading."""
        report = attrs.evolve(
            dm.examples.load("huaian-2024"),
            sections=(dm.Section(title="一、总体情况", text="第一段<img src=x>\n\n第二段"),),
            claims=(),
        )
        text = render_markdown(report, locale="zh_Hans_CN")
        assert "## 一、总体情况\n\n第一段\\<img src=x\\>\n\n第二段\n" in text
