"""The command line as people expect it: help with examples that work, the same exit codes,
standard input, CSV for Excel, colour only on a terminal."""

from __future__ import annotations

import argparse
import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import cli
from disclosure_model.cli import main

ROOT = Path(__file__).resolve().parents[1]


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def summaries() -> dict[str, str | None]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {a.dest: a.help for a in sub._choices_actions}


def epilog_commands() -> list[tuple[str, str]]:
    """(subcommand, command line) of every example in the subcommands' epilogs."""
    return [
        (name, line.strip().removesuffix("\\").strip())
        for name, p in subcommands().items()
        for line in (p.epilog or "").splitlines()
        # A line that runs the command, possibly at the end of a pipe (`cat x | disclosure-model`).
        if line.split("|")[-1].strip().startswith("disclosure-model ") and "COMMAND" not in line
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples name: reports, a filled template of each kind, two pages."""
    from disclosure_model import office
    from disclosure_model.office._xlsx import write_xlsx

    here = tmp_path_factory.mktemp("examples")
    report = dm.examples.load("huaian-2024")
    dm.dump(report, here / "report.json")
    for year in (2022, 2023, 2024):
        dm.dump(attrs.evolve(report, year=year), here / f"{year}.json")
    values = {e.path: v for e, v in report.statistics.cells()}
    write_xlsx(
        report.format,
        here / "filled.xlsx",
        values=values,
        organ="某县财政局",
        level=dm.OrganLevel.COUNTY_DEPARTMENT,
        year=2024,
    )
    rows = [r.as_dict() for r in office.template(report.format)]
    for r in rows:
        v = values[r["path"]]
        r["value"] = "" if v is None else str(v.value if isinstance(v, dm.Amount) else v)
    import csv

    with (here / "filled.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (here / "2024.csv").write_bytes((here / "filled.csv").read_bytes())
    pages = ROOT / "tests" / "parsing" / "corpus" / "pages"
    (here / "page.txt").write_bytes((pages / "hongze-district-2023-pypdf.txt").read_bytes())
    (here / "page.html").write_bytes((pages / "pingtan-2024.html").read_bytes())
    (here / "2024.xlsx").write_bytes((here / "filled.xlsx").read_bytes())
    return here


class TestHelp:
    def test_every_subcommand_has_a_one_line_summary(self) -> None:
        """`disclosure-model --help` lists each subcommand with one line saying what it does."""
        for name, text in summaries().items():
            assert text, name
            assert "\n" not in text, name

    def test_every_subcommand_has_examples(self) -> None:
        """Each subcommand's --help ends with examples of itself."""
        for name, p in subcommands().items():
            assert p.epilog is not None, name
            assert f"disclosure-model {name}" in p.epilog, name
        assert {"template", "build", "check", "show"} <= set(subcommands())

    def test_help_prints_the_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help keeps the epilog's lines as written (not reflowed)."""
        with pytest.raises(SystemExit) as done:
            main(["build", "--help"])
        out, _ = capsys.readouterr()
        assert 0 == done.value.code
        assert "\n  disclosure-model build 2024.xlsx -o report.json\n" in out

    @pytest.mark.parametrize(("name", "command"), epilog_commands())
    def test_the_examples_work(
        self, name: str, command: str, workdir: Path, tmp_path: Path
    ) -> None:
        """Every example in the help runs: exit status 0, or 1 where check finds errors."""
        import shutil

        here = tmp_path / "here"
        shutil.copytree(workdir, here)  # each example on its own copy of the files
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        words = shlex.split(command.split(">", 1)[0].rsplit("|", maxsplit=1)[-1], comments=True)
        assert "disclosure-model" == words[0]
        stdin = None
        if "|" in command:  # `cat report.json | disclosure-model show -`
            stdin = (here / shlex.split(command.split("|", maxsplit=1)[0])[1]).read_bytes()
        done = subprocess.run(
            [sys.executable, "-m", "disclosure_model", *words[1:]],
            cwd=here,
            env=env,
            input=stdin,
            capture_output=True,
            check=False,
            timeout=120,
        )
        stderr = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr
        assert done.returncode in (0, 1), f"{command}: {done.returncode}\n{stderr}"


class TestExitCodes:
    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "missing.json"],
            ["check", "missing.json"],
            ["ratios", "missing.json"],
            ["convert", "missing.json", "--to", "csv"],
            ["build", "missing.csv", "--organ", "某局", "--level", "other", "--year", "2024"],
            ["check", "missing.xlsx"],
        ],
    )
    def test_unusable_input_is_2(
        self,
        argv: list[str],
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A file that is not there: exit 2 from every command, a message, no traceback."""
        monkeypatch.chdir(tmp_path)
        status, out, err = run(capsys, *argv)
        assert 2 == status
        assert "" == out
        assert err.startswith("disclosure-model: error:")
        assert "Traceback" not in err

    def test_usage_error_is_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A wrong option is a usage error: exit 2 (argparse's own)."""
        with pytest.raises(SystemExit) as done:
            main(["template", "--format", "gov-2030", "-o", "x.csv"])
        assert 2 == done.value.code

    def test_unsupported_locale(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --locale is refused with exit 2, naming the locales there are."""
        status, _, err = run(capsys, "show", "--example", "huaian-2024", "--locale", "xx_YY")
        assert 2 == status
        assert "en" in err
        assert "zh" in err


class TestCsvForExcel:
    @pytest.mark.parametrize(
        "argv",
        [
            ["convert", "--example", "huaian-2024", "--to", "csv"],
            ["check", "--example", "baoshan-2018", "--output", "csv"],
            ["ratios", "--example", "huaian-2024", "--output", "csv"],
        ],
    )
    def test_bom_option(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """--bom starts the CSV with a byte-order mark; without it there is none."""
        _, plain, _ = run(capsys, *argv)
        _, marked, _ = run(capsys, *argv, "--bom")
        assert not plain.startswith("\ufeff")
        assert marked.startswith("\ufeff")
        assert plain == marked[1:]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestColour:
    def report(self) -> list[cli._Checked]:
        source = cli._Source(example="baoshan-2018")
        report = source.read()
        broken = report.with_cells({"applications_received": 1})
        return [cli._Checked(source=source, report=broken, result=dm.check(broken), previous=None)]

    def text(self, out: io.StringIO) -> str:
        cli._write_text(
            self.report(),
            out,
            locale="en",
            min_severity=dm.Severity.INFO,
            include_not_assessable=False,
        )
        return out.getvalue()

    def test_colour_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a terminal, the errors count is red and the report's name bold."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm")
        text = self.text(_Terminal())
        assert "\033[1mexample:baoshan-2018\033[0m" in text
        assert "\033[31m" in text

    def test_no_colour_when_piped(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Not a terminal: no escape codes at all."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        assert "\033[" not in self.text(io.StringIO())

    def test_no_colour_with_no_color(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """NO_COLOR set: no escape codes even on a terminal."""
        monkeypatch.setenv("NO_COLOR", "1")
        assert "\033[" not in self.text(_Terminal())
