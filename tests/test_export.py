"""Flat records, DataFrames and Parquet: long (one row per stated cell) and wide (per report)."""

from __future__ import annotations

import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.export import (
    LONG_COLUMNS,
    WIDE_COLUMNS,
    OptionalDependencyError,
    report_id,
    to_arrow,
    to_frame,
    to_records,
    write_parquet,
)
from disclosure_model.indicators import INDICATORS
from disclosure_model.ratio_catalogue import RATIOS

CONTRACT = {
    "report_id",
    "year",
    "format",
    "table",
    "row",
    "column",
    "row_label_zh",
    "column_label_zh",
    "value",
    "unit",
}
INDICATOR_CODES = [s.code for s in INDICATORS]
RATIO_CODES = [s.code for s in RATIOS]


@pytest.fixture(scope="module")
def examples() -> list[dm.Report]:
    return [dm.examples.load(name) for name in dm.examples.names()]


def stated(report: dm.Report) -> int:
    return sum(1 for _, value in report.statistics.cells() if value is not None)


class TestLong:
    def test_one_record_per_stated_cell(self, examples: list[dm.Report]) -> None:
        """As many records as stated cells; a blank cell is no record."""
        records = to_records(examples, kind="long")
        assert sum(stated(r) for r in examples) == len(records)
        assert all(r["value"] is not None for r in records)

    def test_contract_columns(self, examples: list[dm.Report]) -> None:
        """Every record has the contract columns (DESIGN §6), in the documented order."""
        for record in to_records(examples, kind="long"):
            assert list(LONG_COLUMNS) == list(record)
        assert set(LONG_COLUMNS) >= CONTRACT

    def test_a_count(self) -> None:
        """A count of table 三 of the 2021 report, with its code and labels."""
        records = to_records([dm.examples.load("huaian-2024")])
        (record,) = [r for r in records if r["path"] == "applications.denied_state_secret.total"]
        assert {
            "report_id": "淮安市人民政府/2024/22a7dd88880d",
            "organ": "淮安市人民政府",
            "year": 2024,
            "format": "gov-2021",
            "table": "applications",
            "row": "denied_state_secret",
            "column": "total",
            "path": "applications.denied_state_secret.total",
            "code": "3/三(三)1/总计",
            "row_label_zh": "1.属于国家秘密",
            "column_label_zh": "总计",
            "row_label_en": "1. state secret",
            "column_label_en": "total",
            "kind": "count",
            "value": 2,
            "unit": "件",
        } == record

    def test_money_keeps_decimal_and_own_unit(self, examples: list[dm.Report]) -> None:
        """Money is the exact Decimal with the amount's unit; no unit stated gives None."""
        money = [
            (r["report_id"], r["row"], r["value"], r["unit"])
            for r in to_records(examples)
            if r["kind"] == "money"
        ]
        assert [
            ("保山市人民政府/2018/2fb612d84869", "fees_collected", Decimal("0"), "万元"),
            ("保山市人民政府/2018/2fb612d84869", "special_budget", Decimal("213.15"), "万元"),
            ("淮安市人民政府/2024/22a7dd88880d", "administrative_fees", Decimal("96171.6"), "万元"),
            ("会昌县中村乡人民政府/2020/d774f88e1968", "procurement", Decimal("8040"), None),
            ("沅陵县二酉苗族乡人民政府/2020/04da87d4e167", "procurement", Decimal(15000000), None),
        ] == money

    def test_legacy_cell(self) -> None:
        """A legacy indicator is a row of the one statistics table, column 统计数."""
        (record,) = [
            r
            for r in to_records([dm.examples.load("baoshan-2018")])
            if r["row"] == "reply_already_public"
        ]
        assert ("indicators", "value", "统计数", 57, "件") == (
            record["table"],
            record["column"],
            record["column_label_zh"],
            record["value"],
            record["unit"],
        )

    def test_excerpt_blank_tables_are_absent(self) -> None:
        """The 2020 excerpts state table 二 only: no record of tables 三 or 四."""
        records = to_records([dm.examples.load("yuanling-eryou-2020")])
        assert {"active"} == {r["table"] for r in records}
        assert 22 == len(records)

    @given(dms.reports(consistent=False, with_blanks=True))
    def test_stated_cells_of_any_report(self, report: dm.Report) -> None:
        """For any report, one record per stated cell, its value exactly the cell's."""
        records = to_records([report], kind="long")
        assert stated(report) == len(records)
        for record in records:
            cell = report.statistics.cell(record["path"])
            expected = cell.value if isinstance(cell, dm.Amount) else cell
            assert expected == record["value"]

    def test_generator_input(self, examples: list[dm.Report]) -> None:
        """Any iterable of reports will do, read once."""
        assert to_records(examples) == to_records(r for r in examples)

    def test_unknown_kind(self, examples: list[dm.Report]) -> None:
        """Only 'long' and 'wide' are kinds."""
        with pytest.raises(ValueError, match="kind must be 'long' or 'wide'"):
            to_records(examples, kind="tall")  # type: ignore[arg-type]


class TestWide:
    def test_bundled_examples(self, examples: list[dm.Report]) -> None:
        """One row per example, the same keys whatever the format."""
        rows = to_records(examples, kind="wide")
        assert [report_id(r) for r in examples] == [row["report_id"] for row in rows]
        assert all(list(WIDE_COLUMNS) == list(row) for row in rows)

    def test_columns(self) -> None:
        """Metadata, then every indicator, then the ratios of every format; no clash."""
        meta = ["report_id", "organ", "level", "year", "format", "published"]
        assert meta + INDICATOR_CODES + RATIO_CODES == list(WIDE_COLUMNS)
        assert len(WIDE_COLUMNS) == len(set(WIDE_COLUMNS))

    def test_values(self, examples: list[dm.Report]) -> None:
        """Indicators as ints, ratios as floats; another format's ratio is None."""
        rows = {row["report_id"]: row for row in to_records(examples, kind="wide")}
        huaian = rows["淮安市人民政府/2024/22a7dd88880d"]
        assert ("city", 2024, "gov-2021", None) == (
            huaian["level"],
            huaian["year"],
            huaian["format"],
            huaian["published"],
        )
        assert (3119, 1362) == (huaian["received"], huaian["granted"])
        assert math.isclose((1362 + 454) / 3050, huaian["disclosure_rate"])
        assert huaian["legacy_disclosure_rate"] is None
        baoshan = rows["保山市人民政府/2018/2fb612d84869"]
        assert (86, None) == (baoshan["granted"], baoshan["carried_over"])
        assert math.isclose(92 / 129, baoshan["legacy_disclosure_rate"])
        assert baoshan["disclosure_rate"] is None
        assert baoshan["on_time_rate"] is None  # not stated

    def test_missing_is_none_never_zero(self, examples: list[dm.Report]) -> None:
        """The 2020 excerpts state no application: every indicator and ratio is None."""
        rows = to_records(examples, kind="wide")
        for row in rows[2:]:
            assert row["format"] == "gov-2019"
            assert all(row[c] is None for c in INDICATOR_CODES + RATIO_CODES)

    @given(dms.reports(consistent=False, with_blanks=True))
    def test_same_columns_for_any_report(self, report: dm.Report) -> None:
        """Any report gives one row with every column; values are None, int or float."""
        (row,) = to_records([report], kind="wide")
        assert list(WIDE_COLUMNS) == list(row)
        assert all(type(row[c]) in (int, type(None)) for c in INDICATOR_CODES)
        assert all(type(row[c]) in (float, type(None)) for c in RATIO_CODES)


class TestFrame:
    def test_wide_frame_of_the_examples(self, examples: list[dm.Report]) -> None:
        """One row per example, the same indicator columns, missing as NA/NaN, never 0."""
        pd = pytest.importorskip("pandas")
        frame = to_frame(examples, kind="wide")
        assert (len(examples), len(WIDE_COLUMNS)) == frame.shape
        assert list(WIDE_COLUMNS) == list(frame.columns)
        assert all(str(frame[c].dtype) == "Int64" for c in INDICATOR_CODES)
        assert all(str(frame[c].dtype) == "float64" for c in RATIO_CODES)
        assert frame.loc[2:, INDICATOR_CODES].isna().all().all()
        assert pd.isna(frame.loc[0, "carried_over"])
        assert 3119 == frame.loc[1, "received"]

    def test_long_frame(self, examples: list[dm.Report]) -> None:
        """One row per stated cell; values exact (ints and Decimals, object dtype)."""
        pytest.importorskip("pandas")
        frame = to_frame(examples, kind="long")
        assert list(LONG_COLUMNS) == list(frame.columns)
        assert sum(stated(r) for r in examples) == len(frame)
        assert object == frame["value"].dtype
        assert Decimal("96171.6") in set(frame["value"])

    def test_empty(self) -> None:
        """No report: an empty frame that still has the columns."""
        pytest.importorskip("pandas")
        assert list(WIDE_COLUMNS) == list(to_frame([], kind="wide").columns)
        assert 0 == len(to_frame([], kind="long"))

    def test_huge_counts_stay_exact(self) -> None:
        """The largest count the model holds (beyond a float's precision) stays exact."""
        pytest.importorskip("pandas")
        report = dm.examples.load("baoshan-2018")
        count = dm.values.MAX_COUNT - 1
        big = attrs.evolve(report, statistics=attrs.evolve(report.statistics, review_total=count))
        frame = to_frame([big], kind="wide")
        assert count == frame.loc[0, "reviews"]

    def test_without_pandas(
        self, monkeypatch: pytest.MonkeyPatch, examples: list[dm.Report]
    ) -> None:
        """Without pandas the error names the extra to install, and is an ImportError."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(OptionalDependencyError, match=r"disclosure-model\[pandas\]") as e:
            to_frame(examples)
        assert isinstance(e.value, ImportError)
        assert isinstance(e.value, dm.DisclosureModelError)


class TestArrow:
    def test_parquet_round_trip(self, tmp_path: Path, examples: list[dm.Report]) -> None:
        """A Parquet file of each kind reads back the same rows, missing values as nulls."""
        pq = pytest.importorskip("pyarrow.parquet")
        for kind in ("long", "wide"):
            path = tmp_path / f"{kind}.parquet"
            write_parquet(examples, path, kind=kind)
            table = pq.read_table(path)
            records = to_records(examples, kind=kind)
            assert len(records) == table.num_rows
            rows = table.to_pylist()
            if kind == "wide":
                assert records == rows
            else:
                assert [r["value"] for r in records] == [Decimal(r["value"]) for r in rows]

    def test_fixed_schema(self) -> None:
        """The schema does not depend on the data: 'value' is decimal128(38, 6)."""
        pa = pytest.importorskip("pyarrow")
        assert pa.decimal128(38, 6) == to_arrow([], kind="long").schema.field("value").type
        wide = to_arrow([], kind="wide").schema
        assert pa.int64() == wide.field("received").type
        assert pa.float64() == wide.field("disclosure_rate").type

    def test_without_pyarrow(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, examples: list[dm.Report]
    ) -> None:
        """Without pyarrow the error names the 'arrow' extra."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        with pytest.raises(OptionalDependencyError, match=r"disclosure-model\[arrow\]"):
            write_parquet(examples, tmp_path / "x.parquet")


class TestNoOptionalImports:
    def test_import_needs_no_extra(self) -> None:
        """Importing the export module imports neither pandas nor pyarrow."""
        code = (
            "import sys, disclosure_model.export, disclosure_model.comparison; "
            "print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False False" == out.stdout.strip()
