"""The terminal rendering: aligned in display columns as a CJK terminal prints them, no line
starting with closing punctuation, the supported locales only."""

from __future__ import annotations

import unicodedata

import pytest

import disclosure_model as dm
from disclosure_model.render import UnsupportedLocaleError, render_text
from disclosure_model.render._width import wrap

# Closing punctuation a Chinese line may not start with (GB/T 15834 line-breaking rules).
CLOSING = "）】》〉」』〕”’，。、；：？！)]},.;:?!"


def columns(text: str, *, cjk: bool) -> int:
    """Display columns as a terminal shows them; in a CJK terminal the ambiguous-width
    characters (the curly quotes “ ”) are wide too. Written here from Unicode's East Asian
    Width property, independently of the renderer."""
    wide = "WFA" if cjk else "WF"
    return sum(2 if unicodedata.east_asian_width(ch) in wide else 1 for ch in text)


def table_lines(text: str, start: str, end: str) -> list[str]:
    lines = text.splitlines()
    first = lines.index(start)
    last = lines.index(end) if end in lines else len(lines)
    return lines[first:last]


class TestAlignment:
    def test_table3_right_edges_align_in_a_cjk_terminal(self) -> None:
        """Every value row of table 三 ends in the same display column, the row with
        “三安全一稳定” (ambiguous-width quotes) included."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        lines = table_lines(
            text, "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"
        )
        rows = [ln for ln in lines if ln.rstrip().endswith(tuple("0123456789"))]
        assert 25 == len(rows)
        quoted = [ln for ln in rows if "“三安全一稳定”" in ln]
        assert 1 == len(quoted)
        assert 1 == len({columns(ln, cjk=True) for ln in rows})

    def test_every_value_column_aligns(self) -> None:
        """Each value column of table 三 ends in the same display column on every row."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        lines = table_lines(
            text, "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"
        )
        rows = [ln for ln in lines if ln.rstrip().endswith(tuple("0123456789"))]
        ends = []
        for ln in rows:
            right, out = [], 0
            for i, ch in enumerate(ln):
                out += columns(ch, cjk=True)
                nxt = ln[i + 1] if i + 1 < len(ln) else " "
                if ch.isdigit() and nxt == " ":
                    right.append(out)
            right.append(columns(ln, cjk=True))
            ends.append(tuple(right[-7:]))
        assert 1 == len(set(ends))

    def test_english_aligns_in_a_western_terminal(self) -> None:
        """In English the same rows end in one column, counting one column a character."""
        text = render_text(dm.examples.load("huaian-2024"), locale="en")
        lines = table_lines(
            text,
            "III. applications received and handled",
            "IV. administrative reconsideration and litigation",
        )
        rows = [ln for ln in lines if ln.rstrip().endswith(tuple("0123456789"))]
        assert 25 == len(rows)
        assert 1 == len({columns(ln, cjk=False) for ln in rows})

    def test_table4_as_three_blocks(self) -> None:
        """Table 四 prints one line per block of its header: 行政复议, 行政诉讼 › 未经复议直接
        起诉, 行政诉讼 › 复议后起诉, under the five leaf headers."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        lines = table_lines(
            text, "四、政府信息公开行政复议、行政诉讼情况", "叙述中陈述的数字：24 项"
        )
        assert lines[1].split() == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        assert lines[2].split()[0] == "行政复议"
        assert lines[3].split()[:3] == ["行政诉讼", "›", "未经复议直接起诉"]
        assert lines[4].split()[:3] == ["行政诉讼", "›", "复议后起诉"]


class TestLineBreaks:
    @pytest.mark.parametrize("name", dm.examples.names())
    @pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh_Hant_TW", "en"])
    def test_no_line_starts_with_closing_punctuation(self, name: str, locale: str) -> None:
        """No printed line starts (after its indent) with closing punctuation."""
        text = render_text(dm.examples.load(name), locale=locale)
        starts = [ln.lstrip()[:1] for ln in text.splitlines() if ln.strip()]
        assert [] == [s for s in starts if s in CLOSING]

    def test_wrap_moves_the_character_before_down(self) -> None:
        """A break that would leave 。 or ） at a line's start takes the character before."""
        assert ["（二）部分公开（区分处", "理的）"] == wrap("（二）部分公开（区分处理的）", 22)
        assert ["一二三四", "五。"] == wrap("一二三四五。", 9)

    def test_wrap_keeps_opening_punctuation_with_what_follows(self) -> None:
        """A line never ends with （ or “."""
        lines = wrap("一二三四（五）", 10)
        assert ["一二三四", "（五）"] == lines


class TestLocale:
    def test_unsupported_locale(self) -> None:
        """fr is not silently English: the project's error, naming the supported locales."""
        with pytest.raises(UnsupportedLocaleError, match="zh_Hans_CN, zh_Hant_TW and en"):
            render_text(dm.examples.load("huaian-2024"), locale="fr")

    def test_traditional_words(self) -> None:
        """zh_Hant_TW prints the renderer's words in traditional script, labels as printed."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_Hant_TW")
        assert text.splitlines()[2].startswith("機關")
        assert "（一）予以公开" in text

    def test_level_in_words(self) -> None:
        """The organ's level is given in words, not as its code."""
        text = render_text(dm.examples.load("huaian-2024"), locale="zh_Hans_CN")
        assert "层级  设区的市级人民政府" in text


class TestWidth:
    def test_english_headers_wrap(self) -> None:
        """Long English column headers wrap between words, so table 三 fits 150 columns."""
        text = render_text(dm.examples.load("huaian-2024"), locale="en")
        lines = table_lines(
            text,
            "III. applications received and handled",
            "IV. administrative reconsideration and litigation",
        )
        assert max(columns(ln, cjk=False) for ln in lines) <= 150
        heads = [ln.split("  ") for ln in lines[4:6]]
        assert "commercial" in [h.strip() for h in heads[0]]
        assert "enterprises" in [h.strip() for h in heads[1]]


class TestCommandLine:
    def test_show_unsupported_locale_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`show --locale fr` is unusable input (exit 2), naming the supported locales."""
        from disclosure_model.cli import main

        assert 2 == main(["show", "--example", "huaian-2024", "--locale", "fr"])
        err = capsys.readouterr().err
        assert "unsupported locale 'fr'" in err
        assert "zh_Hans_CN, zh_Hant_TW and en" in err
