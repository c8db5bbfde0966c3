"""The Excel template, opened with openpyxl: laid out as the official form, and read back.

Spans and labels are written from DOMAIN.md §1.2–1.4 and §2: 申请人情况 over the 7 applicant
columns, 法人或其他组织 over its 5, 三、本年度办理结果 over 22 rows in 2021 (20 in 2019, whose
（六）其他处理 is one row), （三）不予公开 over 8, the 勾稽关系 note in the top-left cell of
table 三, table 四 as one row of 15 cells under 行政复议 (5) and 行政诉讼 (10), and in the 2021
table 二 the (五)(六)(八) value cells over 3 columns of a 4-column grid.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import office
from disclosure_model.office._xlsx import write_xlsx

openpyxl = pytest.importorskip("openpyxl")
from openpyxl.cell.cell import MergedCell  # noqa: E402 - only once openpyxl is known to be there

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def sheet(tmp_path: Path, fmt: str) -> Any:
    path = tmp_path / f"{fmt}.xlsx"
    office.write_template(fmt, path)
    return openpyxl.load_workbook(path).active


def spans(ws: Any) -> dict[str, list[tuple[int, int, int, int]]]:
    """Each text of a merged cell → its ranges as (first row, first column, rows, columns)."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    for rng in ws.merged_cells.ranges:
        text = ws.cell(rng.min_row, rng.min_col).value
        if isinstance(text, str):
            out.setdefault(text, []).append(
                (
                    rng.min_row,
                    rng.min_col,
                    rng.max_row - rng.min_row + 1,
                    rng.max_col - rng.min_col + 1,
                )
            )
    return out


def merged_width(ws: Any, row: int, col: int) -> int:
    """How many columns the merged range starting at (row, col) spans (1 if none)."""
    for rng in ws.merged_cells.ranges:
        if (rng.min_row, rng.min_col) == (row, col):
            return int(rng.max_col - rng.min_col + 1)
    return 1


def find(ws: Any, text: str) -> list[tuple[int, int]]:
    return [(c.row, c.column) for row in ws.iter_rows() for c in row if c.value == text]


class TestLayout2021:
    def test_applicant_header(self, tmp_path: Path) -> None:
        """申请人情况 spans the 7 applicant columns; 法人或其他组织 spans 5 below it; 自然人 and
        总计 span the two header rows below 申请人情况."""
        ws = sheet(tmp_path, "gov-2021")
        s = spans(ws)
        (top,) = s["申请人情况"]
        assert (1, 7) == top[2:]
        (legal,) = s["法人或其他组织"]
        assert (top[0] + 1, top[1] + 1, 1, 5) == legal
        assert [(top[0] + 1, top[1], 2, 1)] == s["自然人"]
        assert (top[0] + 1, top[1] + 6, 2, 1) in s["总计"]
        leaves = [ws.cell(top[0] + 2, top[1] + 1 + i).value for i in range(5)]
        assert ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] == leaves

    def test_note_in_the_corner(self, tmp_path: Path) -> None:
        """The 勾稽关系 note fills the top-left cell of table 三, over the label columns and
        the three header rows."""
        ws = sheet(tmp_path, "gov-2021")
        s = spans(ws)
        (top,) = s["申请人情况"]
        (note,) = s[NOTE]
        assert (top[0], 1, 3, top[1] - 1) == note

    def test_row_groups(self, tmp_path: Path) -> None:
        """三、本年度办理结果 spans 22 rows, （三）不予公开 8, （四）无法提供 3, （五）不予处理 5,
        （六）其他处理 3; rows outside a group span every label column."""
        ws = sheet(tmp_path, "gov-2021")
        s = spans(ws)
        assert 22 == s["三、本年度办理结果"][0][2]
        assert 8 == s["（三）不予公开"][0][2]
        assert 3 == s["（四）无法提供"][0][2]
        assert 5 == s["（五）不予处理"][0][2]
        assert 3 == s["（六）其他处理"][0][2]
        (results,) = s["三、本年度办理结果"]
        (secret,) = find(ws, "1.属于国家秘密")
        assert results[0] + 2 == secret[0]  # after （一）予以公开 and （二）部分公开
        (first,) = s["一、本年新收政府信息公开申请数量"]
        assert (1, 3) == first[2:]
        (carried,) = s["四、结转下年度继续办理"]
        assert results[0] + 22 == carried[0]

    def test_reviews_in_one_row(self, tmp_path: Path) -> None:
        """Table 四: 行政复议 over 5 columns, 行政诉讼 over 10, each litigation block over 5,
        and one row of 15 value cells."""
        ws = sheet(tmp_path, "gov-2021")
        s = spans(ws)
        (review,) = s["行政复议"]
        (lit,) = s["行政诉讼"]
        assert (1, 5) == review[2:]
        assert (review[0], review[1] + 5, 1, 10) == lit
        assert (1, 5) == s["未经复议直接起诉"][0][2:]
        assert (1, 5) == s["复议后起诉"][0][2:]
        value_row = review[0] + 3
        unlocked = [
            c.column
            for c in ws[value_row]
            if c.protection.locked is False and c.number_format == "0"
        ]
        assert list(range(review[1], review[1] + 15)) == unlocked

    def test_active_disclosure_grid(self, tmp_path: Path) -> None:
        """Table 二 is 4 columns wide; the (五)(六)(八) value cells span 3 columns, and each
        caption spans the whole grid."""
        ws = sheet(tmp_path, "gov-2021")
        s = spans(ws)
        for caption in (
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
        ):
            assert 4 == s[caption][0][3]
        assert 3 == s["本年收费金额（单位：万元）"][0][3]
        (penalties,) = find(ws, "行政处罚")
        assert 3 == merged_width(ws, penalties[0], 2)
        (coercion,) = find(ws, "行政强制")
        assert 3 == merged_width(ws, coercion[0], 2)
        assert ["本年制发件数", "本年废止件数", "现行有效件数"] == [
            ws.cell(find(ws, "信息内容")[0][0], c).value for c in (2, 3, 4)
        ]

    def test_fields_at_the_top(self, tmp_path: Path) -> None:
        """The organ, level and year fields come first, unlocked; the level is a drop-down;
        the format is written and locked."""
        ws = sheet(tmp_path, "gov-2021")
        labels = [ws.cell(r, 1).value for r in range(3, 8)]
        assert [
            "机关名称 organ name",
            "机关层级 organ level",
            "行政区划代码 division code",
            "报告年度 report year",
            "报告格式 format",
        ] == labels
        assert all(ws.cell(r, 2).protection.locked is False for r in range(3, 7))
        assert "gov-2021" == ws.cell(7, 2).value
        assert ws.cell(7, 2).protection.locked is True
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        assert ["B4"] == [str(r) for dv in lists for r in dv.sqref.ranges]
        assert "县级政府部门" in lists[0].formula1

    def test_protection_and_types(self, tmp_path: Path) -> None:
        """The sheet is protected; labels stay locked; each value cell takes its kind: counts a
        whole number ≥ 0, the fee a decimal ≥ 0."""
        ws = sheet(tmp_path, "gov-2021")
        assert ws.protection.sheet
        (label,) = find(ws, "1.属于国家秘密")
        assert ws.cell(*label).protection.locked is not False
        value = ws.cell(label[0], label[1] + 1)
        assert value.protection.locked is False
        kinds = {
            str(r): dv.type for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges
        }
        assert "whole" == kinds[value.coordinate]
        assert 200 == sum(
            1
            for row in ws.iter_rows()
            for c in row
            if c.protection.locked is False and c.row > 8 and not isinstance(c, MergedCell)
        )
        assert ["decimal"] == [
            dv.type for dv in ws.data_validations.dataValidation if dv.type == "decimal"
        ]


class TestLayoutOtherFormats:
    def test_2019_results_and_single_other_row(self, tmp_path: Path) -> None:
        """2019: 三、本年度办理结果 spans 20 rows; （六）其他处理 is one row of its own."""
        ws = sheet(tmp_path, "gov-2019")
        s = spans(ws)
        assert 20 == s["三、本年度办理结果"][0][2]
        assert "（六）其他处理" not in s or s["（六）其他处理"][0][2] == 1
        assert [] != find(ws, "第二十条第（九）项")
        (procurement,) = find(ws, "政府集中采购")
        amount = ws.cell(procurement[0], 3)  # after 采购项目数量; its unit is not fixed
        assert amount.protection.locked is False
        assert "251000元" in amount.comment.text

    def test_2019_amount_with_its_unit(self, tmp_path: Path) -> None:
        """The 2019 procurement amount is read with the unit written after it."""
        path = tmp_path / "t.xlsx"
        write_xlsx("gov-2019", path, organ="某乡人民政府", level=dm.OrganLevel.TOWNSHIP, year=2020)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        (procurement,) = find(ws, "政府集中采购")
        ws.cell(procurement[0], 3).value = "25.1万元"
        wb.save(path)
        r = office.from_table(path)
        assert dm.Amount(value=Decimal("25.1"), unit=dm.MoneyUnit.WAN_YUAN) == (
            r.statistics.cell("active.procurement.amount")
        )

    def test_legacy_columns(self, tmp_path: Path) -> None:
        """The legacy 统计表 prints 统计指标 | 单位 | 统计数, with the unit of each row."""
        ws = sheet(tmp_path, "legacy-2014")
        (head,) = find(ws, "统计指标")
        assert ["统计指标", "单位", "统计数"] == [ws.cell(head[0], c).value for c in (1, 2, 3)]
        (received,) = find(ws, "（一）收到申请数")
        assert "件" == ws.cell(received[0], 2).value
        assert ws.cell(received[0], 3).protection.locked is False


class TestReadBack:
    @pytest.mark.parametrize("name", dm.examples.names())
    def test_round_trip(self, name: str, tmp_path: Path) -> None:
        """Template filled from the example's cells (with openpyxl, as a clerk would in
        Excel) → build: the same statistics and organ."""
        ex = dm.examples.load(name)
        path = tmp_path / "t.xlsx"
        office.write_template(ex.format, path)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        from disclosure_model.office._xlsx import grid

        g = grid(ex.format)
        for c in g.values():
            v = ex.statistics.cell(c.path or "")
            if isinstance(v, dm.Amount):
                ws.cell(c.row, c.col).value = (
                    float(v.value)
                    if v.unit is not None and c.path != "active.procurement.amount"
                    else str(v)
                )
            elif v is not None:
                ws.cell(c.row, c.col).value = v
        ws["B3"] = ex.organ.name
        ws["B4"] = office.LEVEL_ZH[ex.organ.level]
        ws["B5"] = ex.organ.division_code
        ws["B6"] = ex.year
        wb.save(path)
        built = office.from_table(path)
        expected = ex.statistics
        if hasattr(expected, "combined"):
            expected = attrs.evolve(expected, combined=())
        assert expected == built.statistics
        assert ex.organ == built.organ
        assert ex.year == built.year

    def test_bad_cells_and_a_moved_label(self, tmp_path: Path) -> None:
        """Bad values are each reported with their sheet cell and in words; an edited label
        stops the reading (positions can no longer be trusted)."""
        path = tmp_path / "t.xlsx"
        write_xlsx(
            "gov-2021",
            path,
            values={},
            organ="某县财政局",
            level=dm.OrganLevel.COUNTY_DEPARTMENT,
            year=2024,
        )
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        (secret,) = find(ws, "1.属于国家秘密")
        ws.cell(secret[0], secret[1] + 1).value = "30O1"
        ws.cell(secret[0] + 1, secret[1] + 1).value = 2.5
        wb.save(path)
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(path)
        first, second = caught.value.entries
        coordinate = ws.cell(secret[0], secret[1] + 1).coordinate
        assert (
            f"年度报告!{coordinate}：表三 三、（三）1.属于国家秘密 / 自然人：'30O1' 不是整数"
            == (first.zh)
        )
        assert "'2.5' 不是整数" in second.zh
        ws.cell(*secret).value = "1.国家秘密"
        wb.save(path)
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(path)
        (moved,) = caught.value.entries
        assert "不要插入或删除行列" in moved.zh

    def test_uncomputed_formula_is_not_a_blank(self, tmp_path: Path) -> None:
        """A formula saved without its value (by a program, not Excel) is reported, not read
        as a blank cell."""
        path = tmp_path / "t.xlsx"
        write_xlsx("gov-2021", path, organ="某局", level=dm.OrganLevel.OTHER, year=2024)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        (row,) = find(ws, "一、本年新收政府信息公开申请数量")
        ws.cell(row[0], 10).value = "=SUM(D31:I31)"
        wb.save(path)
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(path)
        (bad,) = caught.value.entries
        assert "'=SUM(D31:I31)' 是未计算的公式" in bad.zh
        assert "年度报告!J31" in bad.zh

    def test_fee_amount_decimal(self, tmp_path: Path) -> None:
        """The fee typed as a number comes back as the Decimal typed, in 万元."""
        path = tmp_path / "t.xlsx"
        write_xlsx("gov-2021", path, organ="某局", level=dm.OrganLevel.OTHER, year=2024)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        (fee,) = find(ws, "行政事业性收费")
        ws.cell(fee[0], 2).value = 213.15
        wb.save(path)
        r = office.from_table(path)
        assert dm.Amount(value=Decimal("213.15"), unit=dm.MoneyUnit.WAN_YUAN) == (
            r.statistics.cell("active.administrative_fees.amount")
        )
