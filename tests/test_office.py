"""The office's workflow: the template to fill, a report built from it, cells set by path.

Expected labels, codes and sizes are written from DOMAIN.md (the official forms): the 2021
format prints 10 cells in table 二, 25 rows × 7 columns in table 三 and 15 cells in table 四;
the 2019 format 22, 23 × 7 and 15.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests._domain import TABLE3_ROWS_2021
from tests._reports import filled_rows

import disclosure_model as dm
from disclosure_model import office
from disclosure_model.export import OptionalDependencyError

EXAMPLES = dm.examples.names()


def comparable(stats: Any) -> Any:
    """Statistics as the form holds them: a combined figure (保山's 微博+微信 together) is
    read from prose, it is no cell of the form."""
    return attrs.evolve(stats, combined=()) if hasattr(stats, "combined") else stats


def write_csv(path: Path, rows: list[dict[str, str]], *, bom: bool = True) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes((("\ufeff" if bom else "") + out.getvalue()).encode("utf-8"))


class TestTemplate:
    def test_sizes_of_the_forms(self) -> None:
        """One row per cell of the official tables: 10 + 175 + 15 in 2021, 22 + 161 + 15 in
        2019 (DOMAIN §1.2–1.4, §2.1)."""
        assert 200 == len(office.template("gov-2021"))
        assert 198 == len(office.template("gov-2019"))

    def test_rows_in_form_order_with_official_codes(self) -> None:
        """The rows follow the printed form: table 二 first, table 四 last, and the 1.属于国家秘密
        row of （三）不予公开 under its code."""
        rows = office.template("gov-2021")
        assert "active" == rows[0].table
        assert "reviews" == rows[-1].table
        secret = [r for r in rows if r.code == "3/三(三)1/自然人"]
        assert 1 == len(secret)
        assert "1.属于国家秘密" == secret[0].row_label_zh
        assert "三、本年度办理结果 › （三）不予公开" == secret[0].row_groups_zh
        assert "自然人" == secret[0].column_label_zh
        assert "件" == secret[0].unit
        assert secret[0].value is None

    def test_applications_rows_in_form_order(self) -> None:
        """Table 三's 25 rows in the order of the 2021 form (DOMAIN §1.3), each with its 7
        applicant columns."""
        rows = [r for r in office.template("gov-2021") if r.table == "applications"]
        labels = list(dict.fromkeys(r.row_label_zh for r in rows if r.path.endswith(".total")))
        assert TABLE3_ROWS_2021 == labels
        first = [r.column_label_zh for r in rows[:7]]
        assert [
            "自然人",
            "法人或其他组织·商业企业",
            "法人或其他组织·科研机构",
            "法人或其他组织·社会公益组织",
            "法人或其他组织·法律服务机构",
            "法人或其他组织·其他",
            "总计",
        ] == first

    def test_fee_amount_in_wan_yuan(self) -> None:
        """The only money cell of the 2021 form is in 万元 (DOMAIN §1.2)."""
        fee = [r for r in office.template("gov-2021") if r.kind == "money"]
        assert ["万元"] == [r.unit for r in fee]
        assert ["行政事业性收费"] == [r.row_label_zh for r in fee]

    def test_csv_has_a_bom_and_the_columns(self) -> None:
        """The CSV starts with a byte-order mark (Excel reads it as UTF-8) and has the columns
        the issue asks for, with every value empty."""
        text = office.template_csv("gov-2021")
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text[1:])))
        for column in ("code", "table", "row_label_zh", "column_label_zh", "unit", "value"):
            assert column in rows[0]
        assert {""} == {r["value"] for r in rows}
        assert not office.template_csv("gov-2021", bom=False).startswith("\ufeff")

    def test_write_template_by_suffix(self, tmp_path: Path) -> None:
        """write_template picks CSV or JSON by the suffix; an unknown suffix is refused."""
        office.write_template("gov-2019", tmp_path / "t.csv")
        assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        office.write_template("gov-2019", tmp_path / "t.json")
        doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
        assert 198 == len(doc["cells"])
        assert {None} == set(doc["cells"].values())
        with pytest.raises(dm.ValidationError):
            office.write_template("gov-2019", tmp_path / "t.txt")


class TestFromTable:
    @pytest.mark.parametrize("name", EXAMPLES)
    def test_csv_round_trip(self, name: str, tmp_path: Path) -> None:
        """Template → filled from the example's cells → CSV file → build: the same statistics."""
        example = dm.examples.load(name)
        path = tmp_path / "filled.csv"
        write_csv(path, filled_rows(example))
        built = office.from_table(
            path, organ=example.organ.name, level=example.organ.level, year=example.year
        )
        assert comparable(example.statistics) == built.statistics
        assert example.format == built.format
        assert example.organ.name == built.organ.name

    @pytest.mark.parametrize("name", EXAMPLES)
    def test_rows_round_trip(self, name: str) -> None:
        """The same from rows in memory (no file)."""
        example = dm.examples.load(name)
        built = office.from_table(
            filled_rows(example),
            organ=example.organ.name,
            level=example.organ.level.value,
            year=example.year,
        )
        assert comparable(example.statistics) == built.statistics

    def test_blank_is_not_stated_and_zero_is_zero(self) -> None:
        """A blank cell stays not stated (None), "0" is 0, and they differ."""
        rows = [r.as_dict() for r in office.template("gov-2021")]
        by_path = {r["path"]: r for r in rows}
        by_path["applications.new_received.natural_person"]["value"] = "0"
        by_path["applications.new_received.legal_commercial"]["value"] = "  "
        r = office.from_table(rows, organ="某县财政局", level="county-department", year=2024)
        assert 0 == r.statistics.cell("applications.new_received.natural_person")
        assert r.statistics.cell("applications.new_received.legal_commercial") is None

    def test_written_forms_of_numbers(self) -> None:
        """Full-width digits and thousands separators are read as written; a 2019 change takes
        a sign; an amount keeps its decimals and takes its unit from the unit column."""
        rows = [r.as_dict() for r in office.template("gov-2019")]
        by_path = {r["path"]: r for r in rows}
        by_path["applications.granted.total"]["value"] = "１２３"
        by_path["applications.new_received.total"]["value"] = "1,234"
        by_path["active.licensing.items_change"]["value"] = "-3"
        by_path["active.procurement.amount"]["value"] = "251000.50"
        by_path["active.procurement.amount"]["unit"] = "元"
        r = office.from_table(rows, organ="某乡人民政府", level="township", year=2020)
        assert 123 == r.statistics.cell("applications.granted.total")
        assert 1234 == r.statistics.cell("applications.new_received.total")
        assert -3 == r.statistics.cell("active.licensing.items_change")
        assert dm.Amount(value=Decimal("251000.50"), unit=dm.MoneyUnit.YUAN) == (
            r.statistics.cell("active.procurement.amount")
        )

    def test_every_bad_cell_at_once(self, tmp_path: Path) -> None:
        """Three bad cells and a missing organ: one error with all four, each cell named in
        words (zh and en) with its value as written and its CSV line."""
        rows = [r.as_dict() for r in office.template("gov-2021")]
        lines = {r["path"]: i + 2 for i, r in enumerate(rows)}
        by_path = {r["path"]: r for r in rows}
        by_path["applications.denied_state_secret.natural_person"]["value"] = "30O1"
        by_path["applications.granted.total"]["value"] = "-5"
        by_path["reviews.review.upheld"]["value"] = "1.5"
        path = tmp_path / "filled.csv"
        write_csv(path, rows)
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(path, level="county", year=2024)
        err = caught.value
        assert 4 == len(err.entries)
        assert isinstance(err, dm.ValidationError)
        assert isinstance(err, ValueError)
        granted, secret, upheld, organ = err.entries  # in the order of the file
        line = lines["applications.denied_state_secret.natural_person"]
        assert f"line {line}：表三 三、（三）1.属于国家秘密 / 自然人：'30O1' 不是整数" == secret.zh
        assert (
            f"line {line}: table 3, III. results of this year's handling › (3) not disclosed › "
            "1. state secret / natural persons: '30O1' is not a whole number"
        ) == secret.en
        assert "'-5' 不能为负数" in granted.zh
        assert "表三 三、（一）予以公开 / 总计：" in granted.zh
        assert "表四 行政复议 / 结果维持：'1.5' 不是整数" in upheld.zh
        assert "机关名称" == organ.subject_zh
        assert "'30O1'" in str(err)

    def test_no_partial_report_for_a_moved_row(self) -> None:
        """A row whose code no longer matches its path (a row moved) is an error, not a value
        in the wrong cell."""
        rows = [r.as_dict() for r in office.template("gov-2021")]
        rows[0]["code"], rows[1]["code"] = rows[1]["code"], rows[0]["code"]
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(rows, organ="某局", level="other", year=2024)
        assert 2 == len(caught.value.entries)
        assert "代码与路径不符" in caught.value.entries[0].zh

    def test_placeholders_are_not_guessed(self) -> None:
        """ "-" or "无" in a count is neither 0 nor blank: the office is asked to say which."""
        rows = [r.as_dict() for r in office.template("gov-2021")]
        rows[20]["value"] = "无"
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(rows, organ="某局", level="other", year=2024)
        assert "没有请填 0" in caught.value.entries[0].zh

    def test_fixed_unit_cannot_change(self) -> None:
        """The 2021 fee is in 万元: an amount written in 元 is refused, not converted."""
        rows = [r.as_dict() for r in office.template("gov-2021")]
        fee = next(r for r in rows if r["kind"] == "money")
        fee["value"] = "2130元"
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(rows, organ="某局", level="other", year=2024)
        assert "表格规定的单位是万元" in caught.value.entries[0].zh

    def test_unknown_format_in_rows(self) -> None:
        """Rows that name no known format cannot be read."""
        rows = [r.as_dict() | {"format": "gov-2030"} for r in office.template("gov-2021")]
        with pytest.raises(office.TemplateError) as caught:
            office.from_table(rows, organ="某局", level="other", year=2024)
        assert "format" == caught.value.entries[0].subject_en


class TestWithCells:
    def test_sets_cells(self) -> None:
        """Cells set by catalogue path; the others keep their values."""
        ex = dm.examples.load("huaian-2024")
        r = ex.with_cells(
            {
                "applications.new_received.natural_person": 12,
                "active.administrative_fees.amount": Decimal("1.5"),
            }
        )
        assert 12 == r.statistics.cell("applications.new_received.natural_person")
        assert dm.Amount(value=Decimal("1.5"), unit=dm.MoneyUnit.WAN_YUAN) == r.statistics.cell(
            "active.administrative_fees.amount"
        )
        assert ex.statistics.cell("applications.granted.total") == r.statistics.cell(
            "applications.granted.total"
        )

    def test_wrong_path_float_and_negative_in_one_error(self) -> None:
        """A wrong path, a float count and a negative count: one error listing all three."""
        r = office.new_report(organ="某县财政局", level="county-department", year=2024)
        with pytest.raises(dm.ValidationError) as caught:
            r.with_cells(
                {
                    "applications.new_recieved.natural_person": 1,
                    "applications.granted.total": 3.0,
                    "applications.carried_over.total": -2,
                }
            )
        assert (
            "$['applications.new_recieved.natural_person']: gov-2021 has no cell "
            "'applications.new_recieved.natural_person' "
            "(did you mean 'applications.new_received.natural_person'?)",
            "$['applications.granted.total']: expected a non-negative integer or null, "
            "got float 3.0",
            "$['applications.carried_over.total']: a count cannot be negative, got -2",
        ) == caught.value.messages

    def test_none_unsets_and_legacy_paths(self) -> None:
        """None makes a cell not stated again; legacy cells have bare paths."""
        ex = dm.examples.load("baoshan-2018")
        r = ex.with_cells({"applications_received": None})
        assert r.statistics.cell("applications_received") is None
        assert ex.statistics.combined == r.statistics.combined


class TestNewReport:
    def test_every_cell_not_stated(self) -> None:
        """A new report states no cell; the format follows the year."""
        r = office.new_report(organ="某市人民政府", level=dm.OrganLevel.CITY, year=2020)
        assert dm.ReportFormat.GOV_2019 == r.format
        assert {None} == {v for _, v in r.statistics.cells()}

    def test_level_by_chinese_name(self) -> None:
        """The level can be given as the drop-down list names it."""
        r = office.new_report(organ="某县人民政府", level="县级人民政府", year=2024)
        assert dm.OrganLevel.COUNTY == r.organ.level

    def test_every_problem_at_once(self) -> None:
        """An empty name, an unknown level and a bad year: one error with the three."""
        with pytest.raises(dm.ValidationError) as caught:
            office.new_report(organ="", level="ministry", year=1999)
        paths = [p.path for p in caught.value.problems]
        assert ["$.organ.level", "$.year", "$.organ.name"] == paths


class TestSparse:
    @pytest.mark.parametrize("name", EXAMPLES)
    def test_round_trip(self, name: str) -> None:
        """to_sparse → from_sparse gives the report back (the legacy combined figures too)."""
        ex = dm.examples.load(name)
        assert ex == office.from_sparse(office.to_sparse(ex))
        assert ex == office.from_sparse(json.dumps(office.to_sparse(ex), ensure_ascii=False))

    def test_only_stated_cells(self) -> None:
        """A sparse document lists only stated cells; the full one lists every cell."""
        ex = dm.examples.load("huichang-zhongcun-2020")
        sparse = office.to_sparse(ex)
        stated = sum(1 for _, v in ex.statistics.cells() if v is not None)
        assert stated == len(sparse["cells"])
        assert "statistics" not in sparse

    def test_strict_values_and_paths(self) -> None:
        """A float count and an unknown path are reported together, at the cells' paths."""
        doc = {
            "format": "gov-2021",
            "year": 2024,
            "organ": {"name": "某局", "level": "other", "division_code": None},
            "cells": {"applications.granted.total": 3.0, "applications.nope.total": 1},
        }
        with pytest.raises(dm.ValidationError) as caught:
            office.from_sparse(doc)
        assert [
            "$.cells['applications.nope.total']: gov-2021 has no cell 'applications.nope.total'",
            "$.cells['applications.granted.total']: expected a non-negative integer or null, "
            "got number 3.0",
        ] == list(caught.value.messages)

    def test_statistics_key_refused(self) -> None:
        """A sparse document gives cells, not statistics (no mixing of the two forms)."""
        with pytest.raises(dm.ValidationError) as caught:
            office.from_sparse({"format": "gov-2021", "year": 2024, "organ": {}, "statistics": {}})
        assert any("gives cells, not statistics" in m for m in caught.value.messages)


class TestOptionalExcel:
    def test_missing_openpyxl_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Without openpyxl, writing an XLSX template says which extra to install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(OptionalDependencyError, match=r"'excel' extra"):
            office.write_template("gov-2021", tmp_path / "t.xlsx")
