"""`disclosure-model parse`, and the commands that read a report taking pages directly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import disclosure_model as dm
from disclosure_model.cli import main

CORPUS = Path(__file__).parent / "corpus"
HONGZE = str(CORPUS / "pages" / "hongze-district-2023-pypdf.txt")
PINGTAN = str(CORPUS / "pages" / "pingtan-2024.html")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestParse:
    def test_one_file_to_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One page → its report as strict JSON, loadable again."""
        status, out, err = run(capsys, "parse", HONGZE)
        assert (0, "") == (status, err)
        report = dm.loads(out)
        assert ("洪泽区人民政府", 2023) == (report.organ.name, report.year)
        assert 21 == report.statistics_as(dm.Statistics2021).applications.new_received.total

    def test_organ_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A page that names no organ parses with --organ."""
        status, out, _ = run(capsys, "parse", PINGTAN, "--organ", "平潭综合实验区管委会")
        assert 0 == status
        assert "平潭综合实验区管委会" == dm.loads(out).organ.name

    def test_details(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--details adds where each value was printed and the parse notes."""
        status, out, _ = run(capsys, "parse", HONGZE, "--details")
        doc = json.loads(out)
        assert 0 == status
        # 一、本年新收… 21 0 0 0 0 0 21 is line 74 of the text; 总计 is its 8th cell (index 7).
        assert {"line": 74, "column": 7} == doc["provenance"]["applications.new_received.total"]
        assert "row-not-printed" in {n["code"] for n in doc["notes"]}

    def test_several_files_to_a_directory(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Several FILEs with -o DIR: one DIR/<name>.json each."""
        pdf = str(CORPUS / "pdf" / "hongze-district-2024.pdf")
        status, _, _ = run(capsys, "parse", HONGZE, pdf, "-o", str(tmp_path))
        assert 0 == status
        names = sorted(p.name for p in tmp_path.iterdir())
        assert ["hongze-district-2023-pypdf.json", "hongze-district-2024.json"] == names
        assert 2024 == dm.load(tmp_path / "hongze-district-2024.json").year

    def test_unwritable_output(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An -o that cannot be written exits 3 (never 2, which blames the input, nor 1),
        naming the target; a file standing where a directory should be is left as it was."""
        blocker = tmp_path / "reports"
        blocker.write_text("kept", encoding="utf-8")
        status, out, err = run(capsys, "parse", HONGZE, "-o", str(blocker / "one.json"))
        assert (3, "") == (status, out)
        assert "cannot write" in err
        assert str(blocker / "one.json") in err
        status, out, err = run(capsys, "parse", HONGZE, HONGZE, "-o", str(blocker / "many"))
        assert (3, "") == (status, out)
        assert "cannot write to" in err
        assert blocker.read_text(encoding="utf-8") == "kept"

    def test_unparseable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that is no report exits 2 naming the file and what could not be found."""
        bad = tmp_path / "notes.txt"
        bad.write_text("会议纪要", encoding="utf-8")
        status, out, err = run(capsys, "parse", str(bad))
        assert (2, "") == (status, out)
        assert str(bad) in err
        assert "no statistics table" in err

    def test_no_organ(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A page without an organ exits 2 saying so."""
        status, _, err = run(capsys, "parse", PINGTAN)
        assert 2 == status
        assert "organ" in err

    def test_wrong_suffix(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """parse reads pages only."""
        status, _, err = run(capsys, "parse", str(tmp_path / "report.json"))
        assert 2 == status
        assert ".json" in err


class TestCommandsReadPages:
    def test_check(self, capsys: pytest.CaptureFixture[str]) -> None:
        """check parses a page first: the 洪泽 2023 table 四 totals (0 beside 10 and 1) fail
        R-05, as printed."""
        status, out, _ = run(capsys, "check", HONGZE, "--output", "json")
        findings = json.loads(out)["reports"][0]["findings"]
        assert 1 == status
        assert "$.statistics.reviews.review.total" in {
            f["path"] for f in findings if f["code"] == "R-05"
        }

    def test_show_pdf(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show reads a PDF."""
        status, out, _ = run(capsys, "show", str(CORPUS / "pdf" / "hongze-district-2024.pdf"))
        assert 0 == status
        assert "淮安市洪泽区人民政府" in out

    def test_ratios_and_convert(self, capsys: pytest.CaptureFixture[str]) -> None:
        """ratios and convert read a page too."""
        assert 0 == run(capsys, "ratios", HONGZE, "--output", "json")[0]
        status, out, _ = run(capsys, "convert", HONGZE, "--to", "csv")
        assert 0 == status
        row = next(line for line in out.splitlines() if ",applications.new_received.total," in line)
        rid, rest = row.split(",", 1)
        assert re.fullmatch("洪泽区人民政府/2023/[0-9a-f]{12}", rid)  # organ/year/digest
        assert rest.startswith("洪泽区人民政府,2023,gov-2021,")
        assert ",21,件" in row
