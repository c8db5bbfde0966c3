"""`disclosure-model ratios`: every ratio of a report's format, as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

import disclosure_model as dm
from disclosure_model.cli import main
from disclosure_model.ratio_catalogue import ratio_specs


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestRatiosCommand:
    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Text output names each ratio in the locale, with its value and its parts."""
        status, out, _ = run(capsys, "ratios", "--example", "huaian-2024")
        assert 0 == status
        assert "公开率（含部分公开）" in out
        assert "59.5%  (1816 / 3050)" in out
        assert "12.73" in out  # disputes per 100 applications, not a percentage

    def test_unstated_parts_are_named(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A ratio without a value says which cells are not stated, never shows 0."""
        status, out, _ = run(capsys, "ratios", "--example", "baoshan-2018", "--locale", "en")
        assert 0 == status
        line = next(x for x in out.splitlines() if x.startswith("on-time rate"))
        assert "—" in line
        assert "not stated: completed_on_time, applications_completed" in line

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON lists every ratio of the format with exact parts and a float value."""
        status, out, _ = run(capsys, "ratios", "--example", "huaian-2024", "--output", "json")
        assert 0 == status
        rows = json.loads(out)["ratios"]
        assert [s.code for s in ratio_specs("gov-2021")] == [r["code"] for r in rows]
        first = rows[0]
        assert (1816, 3050, "908/1525") == (
            first["numerator"],
            first["denominator"],
            first["exact"],
        )
        assert pytest.approx(1816 / 3050) == first["value"]

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV has a header and one row per ratio; undefined values are empty, not 0."""
        status, out, _ = run(capsys, "ratios", "--example", "baoshan-2018", "--output", "csv")
        assert 0 == status
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(ratio_specs("legacy-2014")) == len(rows)
        on_time = next(r for r in rows if r["code"] == "on_time_rate")
        assert "" == on_time["value"]

    def test_unusable(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown example exits 2 with a message."""
        status, _, err = run(capsys, "ratios", "--example", "nowhere")
        assert 2 == status
        assert "no bundled example" in err

    def test_same_as_python(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command shows what dm.ratios computes."""
        _, out, _ = run(capsys, "ratios", "--example", "huaian-2024", "--output", "json")
        rows = {r["code"]: r for r in json.loads(out)["ratios"]}
        for code, ratio in dm.ratios(dm.examples.load("huaian-2024")).items():
            assert ratio.numerator == rows[code]["numerator"]


class TestConvertCommand:
    def test_long_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`convert --to csv` writes one row per stated cell with the contract columns."""
        status, out, _ = run(capsys, "convert", "--example", "huaian-2024", "--to", "csv")
        assert 0 == status
        rows = list(csv.DictReader(io.StringIO(out)))
        assert 200 == len(rows)  # every cell of the 2021 report is stated
        first = rows[0]
        for column in ("report_id", "year", "format", "table", "row", "column",
                       "row_label_zh", "column_label_zh", "value", "unit"):  # fmt: skip
            assert column in first
        assert ("active", "regulations", "issued", "1") == (
            first["table"], first["row"], first["column"], first["value"]
        )  # fmt: skip

    def test_wide_csv_same_columns_missing_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Wide CSV: one row per report, the same columns whatever the format, and what a
        report does not state is an empty field, not 0."""
        status, out, _ = run(
            capsys, "convert", "--example", "huaian-2024", "--example", "baoshan-2018",
            "--to", "csv", "--kind", "wide",
        )  # fmt: skip
        assert 0 == status
        rows = list(csv.DictReader(io.StringIO(out)))
        assert 2 == len(rows)
        assert "3119" == rows[0]["received"]
        assert "" == rows[1]["carried_over"]  # the legacy table has no carry-over

    def test_json_one_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--to json` writes the report as strict JSON that reads back equal."""
        status, out, _ = run(capsys, "convert", "--example", "baoshan-2018", "--to", "json")
        assert 0 == status
        assert dm.examples.load("baoshan-2018") == dm.loads(out)

    def test_json_needs_one_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--to json` with two reports is unusable input (status 2)."""
        status, _, err = run(
            capsys, "convert", "--example", "huaian-2024", "--example", "baoshan-2018",
            "--to", "json",
        )  # fmt: skip
        assert 2 == status
        assert "one report" in err
