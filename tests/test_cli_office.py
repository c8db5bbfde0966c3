"""`disclosure-model template`, `build` and `check FILLED`: the office's commands."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from tests._reports import filled_rows

import disclosure_model as dm
from disclosure_model import office
from disclosure_model.cli import main

openpyxl = pytest.importorskip("openpyxl")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def filled_csv(report: dm.Report, path: Path, changes: dict[str, str] | None = None) -> None:
    """The report's template filled from its cells (and ``changes`` by path), as CSV."""
    rows = filled_rows(report)
    for row in rows:
        row["value"] = (changes or {}).get(row["path"], row["value"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))


def cells_of(stats: object) -> object:
    return attrs.evolve(stats, combined=()) if hasattr(stats, "combined") else stats


def organ_args(report: dm.Report) -> list[str]:
    return [
        "--organ",
        report.organ.name,
        "--level",
        report.organ.level.value,
        "--year",
        str(report.year),
    ]


class TestTemplate:
    @pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
    def test_writes_each_kind(
        self, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The suffix picks the kind of file; the exit status is 0 and nothing is printed."""
        target = tmp_path / f"t.{suffix}"
        status, out, err = run(capsys, "template", "--format", "gov-2021", "-o", str(target))
        assert (0, "", "") == (status, out, err)
        data = target.read_bytes()
        if suffix == "csv":
            assert data.startswith(b"\xef\xbb\xbf")
            assert 201 == len(data.decode("utf-8").splitlines())  # the header and 200 cells
        elif suffix == "xlsx":
            assert "年度报告" in openpyxl.load_workbook(target).sheetnames
        else:
            assert 200 == len(json.loads(data)["cells"])

    def test_stdout_and_no_bom(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`-o -` writes CSV to standard output; --no-bom leaves the mark out; --year picks the
        format reports for that year are due in (2020: the 2019 format)."""
        status, out, _ = run(capsys, "template", "--year", "2020", "-o", "-", "--no-bom")
        assert 0 == status
        assert out.startswith("format,table,code,path")
        assert "gov-2019,active," in out

    def test_unknown_suffix(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown suffix is unusable input: exit 2, a message, no file."""
        target = tmp_path / "t.txt"
        status, _, err = run(capsys, "template", "--format", "gov-2021", "-o", str(target))
        assert 2 == status
        assert ".csv, .xlsx or .json" in err
        assert not target.exists()


class TestBuild:
    @pytest.mark.parametrize("name", dm.examples.names())
    def test_csv_to_report(
        self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A template filled from an example's cells builds the example's statistics."""
        ex = dm.examples.load(name)
        source, target = tmp_path / "filled.csv", tmp_path / "report.json"
        filled_csv(ex, source)
        status, _, err = run(capsys, "build", str(source), *organ_args(ex), "-o", str(target))
        assert (0, "") == (status, err)
        built = dm.load(target)
        assert cells_of(ex.statistics) == built.statistics
        assert ex.organ.name == built.organ.name

    def test_xlsx_to_report(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A filled workbook carries its own organ, level and year."""
        from disclosure_model.office._xlsx import write_xlsx

        ex = dm.examples.load("huaian-2024")
        source = tmp_path / "filled.xlsx"
        write_xlsx(
            ex.format,
            source,
            values={e.path: v for e, v in ex.statistics.cells()},
            organ=ex.organ.name,
            level=ex.organ.level,
            year=ex.year,
            division_code=ex.organ.division_code,
        )
        status, out, err = run(capsys, "build", str(source))
        assert (0, "") == (status, err)
        built = dm.loads(out)
        assert ex.statistics == built.statistics
        assert ex.organ == built.organ

    def test_bad_cells(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Bad cells: exit 2, every one named in words with its value as written, no output
        file, no traceback — all in one run."""
        ex = dm.examples.load("huaian-2024")
        source, target = tmp_path / "filled.csv", tmp_path / "report.json"
        filled_csv(
            ex,
            source,
            {
                "applications.denied_state_secret.natural_person": "30O1",
                "applications.carried_forward.total": "-4",
                "reviews.litigation_direct.upheld": "2.5",
            },
        )
        status, out, err = run(capsys, "build", str(source), *organ_args(ex), "-o", str(target))
        assert 2 == status
        assert "" == out
        assert not target.exists()
        assert "Traceback" not in err
        assert "3 处错误 / 3 problems" in err
        assert "表三 三、（三）1.属于国家秘密 / 自然人：'30O1' 不是整数" in err
        assert "表三 四、结转下年度继续办理 / 总计：'-4' 不能为负数" in err
        assert "表四 行政诉讼 未经复议直接起诉 / 结果维持：'2.5' 不是整数" in err
        assert "natural persons: '30O1' is not a whole number" in err

    def test_bad_workbook_cell_in_a_subprocess(self, tmp_path: Path) -> None:
        """The same through the installed entry point: exit 2, the cell's sheet position and
        words, and no traceback on standard error."""
        from disclosure_model.office._xlsx import write_xlsx

        source, target = tmp_path / "filled.xlsx", tmp_path / "report.json"
        write_xlsx("gov-2021", source, organ="某局", level=dm.OrganLevel.OTHER, year=2024)
        wb = openpyxl.load_workbook(source)
        ws = wb.active
        ws["E35"] = "十二"
        wb.save(source)
        done = subprocess.run(
            [sys.executable, "-m", "disclosure_model", "build", str(source), "-o", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 2 == done.returncode
        assert (
            "年度报告!E35：表三 三、（三）1.属于国家秘密 / 法人或其他组织·商业企业：'十二' 不是整数"
            in (done.stderr)
        )
        assert "Traceback" not in done.stderr
        assert not target.exists()

    def test_standard_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`build -` reads the filled CSV from standard input."""
        ex = dm.examples.load("huichang-zhongcun-2020")
        source = tmp_path / "filled.csv"
        filled_csv(ex, source)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.read_bytes())))
        status, out, err = run(capsys, "build", "-", *organ_args(ex))
        assert (0, "") == (status, err)
        assert ex.statistics == dm.loads(out).statistics

    def test_missing_organ_for_csv(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A CSV template has no organ fields: without the options, each missing one is named."""
        source = tmp_path / "filled.csv"
        source.write_text(office.template_csv("gov-2021"), encoding="utf-8")
        status, _, err = run(capsys, "build", str(source))
        assert 2 == status
        assert "机关名称" in err
        assert "机关层级" in err
        assert "报告年度" in err


class TestCheckFilled:
    def test_check_a_filled_csv(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`check` reads a filled template directly; a 总计 one too high is an error (exit 1)."""
        ex = dm.examples.load("huaian-2024")
        source = tmp_path / "filled.csv"
        total = ex.statistics.cell("applications.granted.total")
        assert isinstance(total, int)
        filled_csv(ex, source, {"applications.granted.total": str(total + 1)})
        status, out, err = run(capsys, "check", str(source), *organ_args(ex), "--output", "json")
        assert 1 == status
        assert "" == err
        failed = {
            (f["code"], f["path"])
            for r in json.loads(out)["reports"]
            for f in r["findings"]
            if f["outcome"] == "fail"
        }
        # DOMAIN §4: R-02, a row's 总计 is the sum of its columns; R-03, the outcome rows add
        # up to （七）总计 in each column.
        assert ("R-02", "$.statistics.applications.granted.total") in failed
        assert ("R-03", "$.statistics.applications.results_total.total") in failed

    def test_check_with_previous(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`check FILLED --previous LAST_YEAR` runs the year-to-year rules too."""
        ex = dm.examples.load("huaian-2024")
        source, last = tmp_path / "filled.csv", tmp_path / "2023.json"
        filled_csv(ex, source)
        dm.dump(attrs.evolve(ex, year=2023), last)
        status, _, err = run(capsys, "check", str(source), *organ_args(ex), "--previous", str(last))
        assert status in (0, 1)
        assert "" == err

    def test_bad_cell_in_check(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A filled template that cannot be built is unusable input for `check` too."""
        ex = dm.examples.load("huaian-2024")
        source = tmp_path / "filled.csv"
        filled_csv(ex, source, {"reviews.review.upheld": "x"})
        status, _, err = run(capsys, "check", str(source), *organ_args(ex))
        assert 2 == status
        assert "表四 行政复议 / 结果维持：'x' 不是整数" in err
