"""The printed form of each format, against the official forms as DOMAIN.md describes them.

Every expectation here is typed from ../shared/docs/DOMAIN.md (§0 years and detection, §1
the 2021 format, §2 the 2019 format, §3 the legacy table, §6 the deadlines), not read back
from the spec.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import disclosure_model as dm
from disclosure_model.formats import (
    GroupStyle,
    Layout,
    detect_format_markers,
    form,
    format_for_year,
    normalise_label,
)

HERE = Path(__file__).parent
F2019, F2021, LEGACY = "gov-2019", "gov-2021", "legacy-2014"

APPLICANT_COLUMNS = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
]
CASE_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


class TestRowSpans:
    """The merged row labels of table 三 span the rows DOMAIN.md §1.3 and §2 give."""

    @pytest.mark.parametrize(
        ("group", "span"),
        [("results", 22), ("denied", 8), ("unable", 3), ("not_processed", 5), ("other", 3)],
    )
    def test_2021(self, group: str, span: int) -> None:
        """2021: 三、本年度办理结果 spans 22 rows, （三） 8, （四） 3, （五） 5, （六） 3."""
        assert span == form(F2021).table("applications").group(group).span

    @pytest.mark.parametrize(
        ("group", "span"), [("results", 20), ("denied", 8), ("unable", 3), ("not_processed", 5)]
    )
    def test_2019(self, group: str, span: int) -> None:
        """2019: （六）其他处理 is one row, so 三、本年度办理结果 spans 20 rows."""
        assert span == form(F2019).table("applications").group(group).span

    def test_2019_other_is_a_row(self) -> None:
        """The 2019 form prints （六）其他处理 as a single data row, not a group."""
        node = form(F2019).table("applications").node("other_total")
        assert (False, "（六）其他处理", 1) == (node.is_group, node.label.zh, node.span)

    @pytest.mark.parametrize(("fmt", "rows"), [(F2021, 25), (F2019, 23)])
    def test_row_count(self, fmt: str, rows: int) -> None:
        """Table 三 has 25 data rows in 2021 and 23 in 2019 (§1.3 'Size')."""
        assert rows == len(form(fmt).table("applications").leaf_rows)

    def test_rows_under_groups(self) -> None:
        """The rows of each group are the ones §1.3 numbers 5–12, 13–15, 16–20, 21–23."""
        t = form(F2021).table("applications")
        assert [
            "denied_state_secret",
            "denied_law_prohibited",
            "denied_security_stability",
            "denied_third_party",
            "denied_internal_affairs",
            "denied_process_info",
            "denied_enforcement_file",
            "denied_admin_query",
        ] == list(t.rows_under("denied"))
        assert ["other_no_correction", "other_unpaid_fee", "other_other"] == list(
            t.rows_under("other")
        )
        results = t.rows_under("results")
        assert ("granted", "results_total") == (results[0], results[-1])

    def test_printed_label_cells(self) -> None:
        """As printed, 三、本年度办理结果 opens on （一）予以公开 with rowspan 22 in the first of
        three label columns; （三）不予公开 opens on its 1. row with rowspan 8; the rows 一 and
        二 span all three label columns."""
        block = form(F2021).table("applications").blocks[0]
        assert 3 == block.label_columns
        rows = block.printed_rows()
        assert 25 == len(rows)
        first = [(n.label.zh, rs, cs) for n, rs, cs in rows[0].labels]
        assert [("一、本年新收政府信息公开申请数量", 1, 3)] == first
        granted = [(n.label.zh, rs, cs) for n, rs, cs in rows[2].labels]
        assert [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)] == granted
        secret = [(n.label.zh, rs, cs) for n, rs, cs in rows[4].labels]
        assert [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1)] == secret
        second_denied = [(n.label.zh, rs, cs) for n, rs, cs in rows[5].labels]
        assert [("2.其他法律行政法规禁止公开", 1, 1)] == second_denied
        assert "applications.denied_state_secret.natural_person" == rows[4].paths[0]
        assert "applications.carried_forward.total" == rows[-1].paths[-1]


class TestColumns:
    """The column headers of table 三 and table 四 (§1.3, §1.4)."""

    def test_applicant_header_tree(self) -> None:
        """申请人情况 spans all 7 columns; 法人或其他组织 spans its 5; the leaves in order."""
        block = form(F2021).table("applications").blocks[0]
        (root,) = block.columns
        assert ("申请人情况", 7) == (root.label.zh, root.span)
        legal = root.children[1]
        assert ("法人或其他组织", 5) == (legal.label.zh, legal.span)
        assert APPLICANT_COLUMNS == [c.label.zh for c in block.leaf_columns]

    def test_applicant_header_rows(self) -> None:
        """Three header rows: 申请人情况; 自然人 (rowspan 2), 法人或其他组织 (colspan 5),
        总计 (rowspan 2); the five kinds of organisation."""
        rows = form(F2019).table("applications").blocks[0].header_rows()
        got = [[(h.label.zh, h.rowspan, h.colspan) for h in r] for r in rows]
        assert [
            [("申请人情况", 1, 7)],
            [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
            [(c, 1, 1) for c in APPLICANT_COLUMNS[1:6]],
        ] == got

    def test_note(self) -> None:
        """The top-left cell of table 三 prints the 勾稽关系 note, exactly."""
        note = form(F2021).table("applications").note
        assert note is not None
        assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" == note.zh

    @pytest.mark.parametrize("fmt", [F2019, F2021])
    def test_table_four_printed_as_one_row(self, fmt: str) -> None:
        """Table 四 is one printed row of 15 cells: 行政复议 (5) | 行政诉讼 (10) ›
        未经复议直接起诉 (5) / 复议后起诉 (5), each block 结果维持 … 总计."""
        t = form(fmt).table("reviews")
        assert Layout.ONE_ROW is t.layout
        (block,) = t.blocks
        assert () == block.rows
        rows = block.header_rows()
        top = [(h.label.zh, h.colspan) for h in rows[0]]
        assert [("行政复议", 5), ("行政诉讼", 10)] == top
        middle = [(h.label.zh, h.rowspan, h.colspan) for h in rows[1]]
        assert [(c, 2, 1) for c in CASE_COLUMNS] + [
            ("未经复议直接起诉", 1, 5),
            ("复议后起诉", 1, 5),
        ] == middle
        assert CASE_COLUMNS * 3 == [c.label.zh for c in block.leaf_columns]
        blocks = ["review", "litigation_direct", "litigation_after_review"]
        columns = ["upheld", "corrected", "other", "pending", "total"]
        assert [(b, c) for b in blocks for c in columns] == list(t.printed_cells())


class TestActiveDisclosure:
    """Table 二: one block per 第二十条 caption, each under 信息内容 (§1.2, §2.1)."""

    def test_2021_blocks(self) -> None:
        """2021: (一) 规章/行政规范性文件 × 本年制发件数/本年废止件数/现行有效件数; (五) 行政许可,
        (六) 行政处罚/行政强制 × 本年处理决定数量; (八) 行政事业性收费 × 本年收费金额."""
        blocks = form(F2021).table("active").blocks
        got = [
            (
                b.caption.zh if b.caption else None,
                [r.label.zh for r in b.leaf_rows],
                [c.label.zh for c in b.leaf_columns],
                [h.zh for h in b.label_headers],
            )
            for b in blocks
        ]
        assert [
            (
                "第二十条第（一）项",
                ["规章", "行政规范性文件"],
                ["本年制发件数", "本年废止件数", "现行有效件数"],
                ["信息内容"],
            ),
            ("第二十条第（五）项", ["行政许可"], ["本年处理决定数量"], ["信息内容"]),
            ("第二十条第（六）项", ["行政处罚", "行政强制"], ["本年处理决定数量"], ["信息内容"]),
            (
                "第二十条第（八）项",
                ["行政事业性收费"],
                ["本年收费金额（单位：万元）"],
                ["信息内容"],
            ),
        ] == got

    def test_2019_blocks(self) -> None:
        """2019: five captions, (九) 政府集中采购 among them; 规范性文件 without 行政."""
        blocks = form(F2019).table("active").blocks
        captions = [b.caption.zh if b.caption else None for b in blocks]
        assert [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
            "第二十条第（九）项",
        ] == captions
        assert ["规章", "规范性文件"] == [r.label.zh for r in blocks[0].leaf_rows]
        assert ["行政许可", "其他对外管理服务事项"] == [r.label.zh for r in blocks[1].leaf_rows]
        assert ["上一年项目数量", "本年增/减", "处理决定数量"] == [
            c.label.zh for c in blocks[1].leaf_columns
        ]
        assert ["采购项目数量", "采购总金额"] == [c.label.zh for c in blocks[4].leaf_columns]


class TestLegacy:
    """The legacy 统计表: 统计指标 | 单位 | 统计数, groups as heading rows (§3)."""

    def test_headers(self) -> None:
        """The label headers are 统计指标 and 单位; the one value column is 统计数."""
        (block,) = form(LEGACY).table("indicators").blocks
        assert ["统计指标", "单位"] == [h.zh for h in block.label_headers]
        assert ["统计数"] == [c.label.zh for c in block.leaf_columns]
        assert GroupStyle.HEADING is block.group_style

    def test_parts_nest_under_their_cell(self) -> None:
        """1.当面申请数 … 4.信函申请数 are parts of （一）收到申请数."""
        t = form(LEGACY).table("indicators")
        assert [
            "received_in_person",
            "received_fax",
            "received_online",
            "received_letter",
        ] == list(t.rows_under("applications_received"))

    def test_bare_labels_collide_without_context(self) -> None:
        """（一）维持具体行政行为数 is printed under 四、行政复议数量 and under 六、举报投诉数量:
        alone it names no row; within its parent it names one."""
        fs = form(LEGACY)
        assert fs.match_row("indicators", "（一）维持具体行政行为数") is None
        review = fs.match_row("indicators", "（一）维持具体行政行为数", within="review_total")
        complaint = fs.match_row(
            "indicators", "（一）维持具体行政行为数", within="complaints_total"
        )
        assert ("review_upheld", "complaints_upheld") == (
            review.key if review else None,
            complaint.key if complaint else None,
        )


class TestSections:
    """The narrative sections per format (§1.1, §2)."""

    SIX = (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    )

    @pytest.mark.parametrize("fmt", [F2019, F2021])
    def test_six_titles(self, fmt: str) -> None:
        """Both new formats have the same six fixed titles."""
        assert self.SIX == tuple(s.label.zh for s in form(fmt).sections)

    @pytest.mark.parametrize(
        ("heading", "key"),
        [
            ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
            ("五、存在的主要问题及整改措施", "problems"),
            ("四、政府信息公开行政法复议、行政诉讼情况", "review_litigation"),
            ("一、總體情況", "overview"),
            ("六、其他需要報告的事項", "other_matters"),
        ],
    )
    def test_variants(self, heading: str, key: str) -> None:
        """Headings real reports print instead of the fixed titles are recognised."""
        found = form(F2021).match_section(heading)
        assert key == (found.key if found else None)

    def test_numbering_matters(self) -> None:
        """A heading with the words of section 五 under another numeral is not section 五."""
        assert form(F2021).match_section("三、存在的主要问题及改进情况") is None


class TestYears:
    """Which format a report year is due in (§0), and the deadlines (§6)."""

    @pytest.mark.parametrize(
        ("year", "fmt"),
        [
            (2013, None),
            (2014, dm.ReportFormat.LEGACY),
            (2018, dm.ReportFormat.LEGACY),
            (2019, dm.ReportFormat.GOV_2019),
            (2020, dm.ReportFormat.GOV_2019),
            (2021, dm.ReportFormat.GOV_2021),
            (2035, dm.ReportFormat.GOV_2021),
        ],
    )
    def test_format_for_year(self, year: int, fmt: dm.ReportFormat | None) -> None:
        """2014–2018 the national table, 2019–2020 the trial format, 2021 on the new one."""
        assert fmt == format_for_year(year)

    def test_deadlines(self) -> None:
        """2007 条例: everyone by 31 March; 2019 条例: departments by 31 January."""
        legacy, new = form(LEGACY).deadline, form(F2021).deadline
        assert date(2019, 3, 31) == legacy.due(2018, department=True, government=False)
        assert date(2019, 3, 31) == legacy.due(2018, department=False, government=False)
        assert date(2022, 1, 31) == new.due(2021, department=True, government=False)
        assert date(2022, 3, 31) == new.due(2021, department=False, government=True)
        assert new.due(2021, department=False, government=False) is None


class TestDetection:
    """The format comes from the table's own markers, not the year (§0)."""

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ("信息内容 本年新制作数量 本年新公开数量 对外公开总数量", dm.ReportFormat.GOV_2019),
            ("第二十条第（九）项 政府集中采购 采购项目数量", dm.ReportFormat.GOV_2019),
            ("信息内容 本年制发件数 本年废止件数 现行有效件数", dm.ReportFormat.GOV_2021),
            ("行政事业性收费 本年收费金额（单位：万元）", dm.ReportFormat.GOV_2021),
            ("统计指标 单位 统计数 （一）收到申请数", dm.ReportFormat.LEGACY),
            ("一、总体情况", None),
        ],
    )
    def test_markers(self, text: str, fmt: dm.ReportFormat | None) -> None:
        """Each format's own column and row labels tell it apart."""
        assert fmt == detect_format_markers(text)


class TestLabelVariants:
    """Every variant the issue lists, seen on real pages, names its row or column."""

    @pytest.mark.parametrize(
        ("fmt", "table", "text", "key"),
        [
            (F2019, "active", "本年新 制作数量", "new_made"),
            (F2021, "applications", "商业 企业", "legal_commercial"),
            (F2021, "applications", "商业\n企业", "legal_commercial"),
            (F2019, "active", "本年增/", "items_change"),
            (F2021, "active", "现行有效件", "in_force"),
            (F2021, "active", "本年发件", "issued"),
            (F2021, "active", "现行有效件数（历史累计）", "in_force"),
            (F2021, "active", "現行有效件數", "in_force"),
            (F2021, "applications", "總計", "total"),
        ],
    )
    def test_columns(self, fmt: str, table: str, text: str, key: str) -> None:
        """Spaces and breaks inside, truncation, rewording, traditional script."""
        found = form(fmt).match_column(table, text)
        assert key == (found.key if found else None)

    @pytest.mark.parametrize(
        ("fmt", "text", "within", "key"),
        [
            (F2021, "(三)不予公开", None, "denied"),
            (F2021, "（一） 予以公开", None, "granted"),
            (F2021, '3、危及"三安全一稳定"', None, "denied_security_stability"),
            (F2021, "3，危及‘三安全一稳定’", None, "denied_security_stability"),
            (F2021, "（二）部分公开", None, "partially_granted"),
            (F2021, "5.要求行政机关确认或重新出具", None, "not_processed_confirm_reissue"),
            (
                F2021,
                "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
                None,
                "other_no_correction",
            ),
            (F2021, "3.其他", "other", "other_other"),
            (F2021, "1.本机关不掌握相关政府信息", None, "unable_not_held"),
            (F2021, "一、本年新收政府信息公开申请数量", None, "new_received"),
            (F2021, "⼀、本年新收政府信息公开申请数量", None, "new_received"),
        ],
    )
    def test_rows(self, fmt: str, text: str, within: str | None, key: str) -> None:
        """Brackets and quotes of either width, 、/，/. after numbers, truncated labels,
        Kangxi look-alikes."""
        found = form(fmt).match_row("applications", text, within=within)
        assert key == (found.key if found else None)

    @pytest.mark.parametrize(
        ("fmt", "text", "key"),
        [
            (F2021, "规范性文件", "normative_documents"),
            (F2019, "行政规范性文件", "normative_documents"),
        ],
    )
    def test_normative_documents(self, fmt: str, text: str, key: str) -> None:
        """规范性文件 (2019) and 行政规范性文件 (2021) name the same row in either format."""
        found = form(fmt).match_row("active", text)
        assert key == (found.key if found else None)

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("二、主动公开信息情况", "active"),
            ("四、政府信息公开行政法复议、行政诉讼情况", "reviews"),
            ("三、收到和处理政府信息公开申请情况", "applications"),
            ("收到和处理政府信息公开申请情况", "applications"),
        ],
    )
    def test_tables(self, text: str, key: str) -> None:
        """Reworded and misspelt table headings."""
        found = form(F2021).match_table(text)
        assert key == (found.key if found else None)

    def test_header_words(self) -> None:
        """信息内容, 申请人情况 and the 勾稽关系 note are header words of the form, not data."""
        words = form(F2021).table("applications").header_words()
        assert normalise_label("申请人情况") in words
        assert normalise_label(
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
        ) in (words)
        assert normalise_label("信息内容") in form(F2021).table("active").header_words()

    def test_ambiguous_is_none(self) -> None:
        """A label printed under several parents names no row by itself: the legacy
        table's （三）其他情形数 stands under 行政复议, 行政诉讼 and 举报投诉."""
        fs = form(LEGACY)
        assert fs.match_row("indicators", "（三）其他情形数") is None
        found = fs.match_row("indicators", "(三)其他情形数", within="litigation_total")
        assert "litigation_other" == (found.key if found else None)

    def test_numbering_must_agree(self) -> None:
        """A label that lost characters in the PDF (2.其他法律行政止公开) is not the row
        3.其他 whose short label it starts with: printed numbering must agree."""
        found = form(F2021).match_row("applications", "2.其他法律行政止公开")
        assert found is None or "denied_law_prohibited" == found.key

    def test_unique_bare_label(self) -> None:
        """A bare label that only one row of table 三 carries names that row."""
        found = form(F2021).match_row("applications", "重复申请")
        assert "not_processed_duplicate" == (found.key if found else None)


class TestCodes:
    """The official codes are derived from numbering and group, and stay what they were
    (they are part of the long-records contract)."""

    @pytest.mark.parametrize("fmt", [LEGACY, F2019, F2021])
    def test_pinned(self, fmt: str) -> None:
        """Every cell's code equals the one pinned in tests/data/official-codes.json."""
        pinned = json.loads((HERE / "data" / "official-codes.json").read_text(encoding="utf-8"))
        assert pinned[fmt] == {e.path: e.code for e in dm.catalogue(fmt)}

    def test_group_codes(self) -> None:
        """A group's code is the prefix of its rows' codes: 三 › 三(三) › 三(三)1."""
        t = form(F2021).table("applications")
        assert ("三", "三(三)", "三(三)1") == (
            t.group("results").code,
            t.group("denied").code,
            t.node("denied_state_secret").code,
        )
