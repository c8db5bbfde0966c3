"""`disclosure-model corpus`: its outputs, its exit status, and a progress bar on a terminal
only."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import _corpus_cli
from disclosure_model.cli import main

ROOT = Path(__file__).resolve().parents[1]
HUAIAN = dm.examples.load("huaian-2024")
Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def years(tmp_path: Path) -> Path:
    """Three years of one organ, each clean on its own."""
    d = tmp_path / "years"
    d.mkdir()
    for year in (2022, 2023, 2024):
        dm.dump(attrs.evolve(HUAIAN, year=year), d / f"{year}.json")
    return d


class TestExitStatus:
    def test_clean_reports_exit_0(self, capsys: Capsys, years: Path) -> None:
        """Records on standard output, the summary on standard error."""
        status, out, err = run(capsys, "corpus", str(years), "--locale", "en")
        assert 0 == status
        assert 3 == len(out.splitlines())
        assert err.startswith("3 reports (3 without errors), 0 inputs unusable;")

    def test_an_error_finding_exits_1(self, capsys: Capsys, tmp_path: Path) -> None:
        data = dm.to_dict(HUAIAN)
        data["statistics"]["applications"]["new_received"]["total"] += 1
        (tmp_path / "r.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        status, out, _ = run(capsys, "corpus", str(tmp_path))
        assert 1 == status
        record = json.loads(out)
        assert (False, record["errors"] > 0) == (record["ok"], True)

    def test_an_unusable_input_exits_2_after_the_run(self, capsys: Capsys, years: Path) -> None:
        """A broken file does not stop the others: they are all written, then exit 2."""
        (years / "zz.json").write_text("{", encoding="utf-8")
        status, out, err = run(capsys, "corpus", str(years), "--locale", "en")
        assert 2 == status
        assert 3 == len(out.splitlines())
        assert "1 inputs unusable" in err
        assert "zz.json: invalid_json: " in err

    def test_no_report_exits_2(self, capsys: Capsys, tmp_path: Path) -> None:
        status, _, err = run(capsys, "corpus", str(tmp_path))
        assert 2 == status
        assert "no report found" in err

    def test_parquet_without_a_file_exits_2(self, capsys: Capsys, years: Path) -> None:
        status, _, err = run(capsys, "corpus", str(years), "--output", "parquet")
        assert 2 == status
        assert "--out FILE" in err

    def test_an_unwritable_output_exits_3(self, capsys: Capsys, years: Path) -> None:
        status, _, err = run(capsys, "corpus", str(years), "--out", str(years / "no" / "x.csv"))
        assert 3 == status
        assert "cannot write the output" in err

    def test_bad_jobs_is_a_usage_error(self, capsys: Capsys, years: Path) -> None:
        with pytest.raises(SystemExit) as done:
            main(["corpus", str(years), "--jobs", "0"])
        assert 2 == done.value.code


class TestOutputs:
    def test_csv_findings_and_summary_files(
        self, capsys: Capsys, years: Path, tmp_path: Path
    ) -> None:
        """--out, --findings, --summary; with --out the summary goes to standard output."""
        status, out, err = run(
            capsys,
            "corpus",
            str(years),
            "--pair",
            "--output",
            "csv",
            "--out",
            str(tmp_path / "r.csv"),
            "--findings",
            str(tmp_path / "f.csv"),
            "--summary",
            str(tmp_path / "s.json"),
        )
        assert 0 == status
        assert "" == err
        assert out.startswith("报告 3 份")
        with (tmp_path / "r.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert ["", str(years / "2022.json"), str(years / "2023.json")] == [
            r["previous"] for r in rows
        ]
        summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
        with (tmp_path / "f.csv").open(encoding="utf-8") as f:
            failed = [r for r in csv.DictReader(f) if r["outcome"] == "fail"]
        assert len(failed) == sum(summary["findings_by_code"].values())

    def test_previous_dir(self, capsys: Capsys, years: Path, tmp_path: Path) -> None:
        status, out, _ = run(
            capsys, "corpus", str(years / "2024.json"), "--previous-dir", str(years)
        )
        assert 0 == status
        assert str(years / "2023.json") == json.loads(out)["previous"]

    def test_parquet(self, capsys: Capsys, years: Path, tmp_path: Path) -> None:
        pq = pytest.importorskip("pyarrow.parquet")
        status, _, _ = run(
            capsys, "corpus", str(years), "--output", "parquet", "--out", str(tmp_path / "r.pq")
        )
        assert 0 == status
        assert 3 == pq.read_table(tmp_path / "r.pq").num_rows


class _Terminal(io.StringIO):
    """Standard error as a terminal."""

    def isatty(self) -> bool:
        return True


def corpus_args(paths: list[str], *, quiet: bool = False) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    _corpus_cli.add_corpus(parser)
    parser.add_argument("--locale", default="en")
    return parser.parse_args([*paths, *(["--quiet"] if quiet else [])])


class TestProgress:
    def test_a_bar_on_a_terminal(self, years: Path) -> None:
        """tqdm's bar (the progress extra) on standard error when it is a terminal."""
        pytest.importorskip("tqdm")
        err = _Terminal()
        assert 0 == _corpus_cli.run_corpus(corpus_args([str(years)]), io.StringIO(), err)
        assert "corpus: " in err.getvalue()
        assert "3/? [" in err.getvalue() or "3 reports" in err.getvalue()

    def test_nothing_when_not_a_terminal(self, years: Path) -> None:
        err = io.StringIO()
        _corpus_cli.run_corpus(corpus_args([str(years)]), io.StringIO(), err)
        assert err.getvalue().startswith("3 reports (3 without errors)")
        assert "\r" not in err.getvalue()

    def test_nothing_with_quiet(self, years: Path) -> None:
        err = _Terminal()
        _corpus_cli.run_corpus(corpus_args([str(years)], quiet=True), io.StringIO(), err)
        assert err.getvalue().startswith("3 reports (3 without errors)")

    def test_a_counter_without_tqdm(self, years: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the progress extra, a plain counter of the inputs read."""
        real = _corpus_cli.importlib.import_module

        def no_tqdm(name: str) -> object:
            if name == "tqdm":
                raise ImportError(name)
            return real(name)

        monkeypatch.setattr(_corpus_cli.importlib, "import_module", no_tqdm)
        err = _Terminal()
        _corpus_cli.run_corpus(corpus_args([str(years)]), io.StringIO(), err)
        assert err.getvalue().startswith("\r3 inputs read\n")

    def test_a_real_terminal(self, years: Path) -> None:
        """Through a pseudo-terminal the bar is drawn; through a pipe it is not."""
        pty = pytest.importorskip("pty")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        command = [sys.executable, "-m", "disclosure_model", "corpus", str(years), "--locale", "en"]
        import fcntl
        import struct
        import termios

        leader, follower = pty.openpty()
        # 24 rows of 80 columns: a new pseudo-terminal has no size, and a bar fits in none
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=follower, env=env, timeout=120, check=False
        )
        os.close(follower)
        seen = b""
        try:
            while chunk := os.read(leader, 65536):
                seen += chunk
        except OSError:  # the follower is closed: all is read
            pass
        os.close(leader)
        assert 0 == done.returncode
        assert b"corpus: " in seen
        piped = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
        assert b"corpus: " not in piped.stderr
