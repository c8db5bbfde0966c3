"""`disclosure-model check`: its options, its three outputs and its exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import disclosure_model as dm
from disclosure_model.cli import main

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def huaian(change: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """The bundled 2024 淮安市 report as a dict, changed by ``change``."""
    data = dm.to_dict(dm.examples.load("huaian-2024"))
    if change is not None:
        change(data)
    dm.from_dict(data)  # still a valid report: only its figures are questionable
    return data


def _wrong_total(data: dict[str, Any]) -> None:
    data["statistics"]["applications"]["new_received"]["total"] += 1


def _blank_carry_over(data: dict[str, Any]) -> None:
    data["statistics"]["applications"]["carried_over"]["total"] = None


@pytest.fixture
def wrong_total(tmp_path: Path) -> str:
    """A report whose 本年新收 total is one more than its columns: R-01, R-02 and R-08 fail."""
    return write(tmp_path, "wrong-total.json", huaian(_wrong_total))


@pytest.fixture
def blank_carry_over(tmp_path: Path) -> str:
    """A report that leaves 上年结转 总计 blank: fine when strict, an error when lenient."""
    return write(tmp_path, "blank.json", huaian(_blank_carry_over))


def parse_json(out: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(out)
    return document


def parse_csv(out: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(out))
    rows = list(reader)
    return list(reader.fieldnames or ()), rows


class TestExitStatus:
    def test_no_error_exits_0(self, capsys: Capsys) -> None:
        """A report with warnings and infos but no error-severity finding exits 0."""
        status, out, err = run(capsys, "check", "--example", "baoshan-2018")
        assert 0 == status
        assert "" == err
        assert "C-01" in out

    def test_error_exits_1(self, capsys: Capsys, wrong_total: str) -> None:
        """A wrong total is an error-severity finding: exit 1, and the findings are printed."""
        status, out, err = run(capsys, "check", wrong_total)
        assert 1 == status
        assert "" == err
        assert "R-02" in out
        assert "$.statistics.applications.new_received.total" in out

    def test_one_failing_report_of_several_exits_1(self, capsys: Capsys, wrong_total: str) -> None:
        """Status 1 when any of several reports has an error, even if the others are fine."""
        status, _, _ = run(capsys, "check", "--example", "huaian-2024", wrong_total)
        assert 1 == status

    def test_not_assessable_errors_do_not_fail(self, capsys: Capsys) -> None:
        """Error rules that could not be assessed (blank cells) do not make the status 1."""
        result = dm.check(dm.examples.load("huichang-zhongcun-2020"))
        assert any(f.severity is dm.Severity.ERROR for f in result.not_assessable)
        status, _, _ = run(capsys, "check", "--example", "huichang-zhongcun-2020")
        assert 0 == status

    @pytest.mark.parametrize(
        ("argv", "phrase"),
        [
            (("--example", "nowhere-1999"), "no bundled example 'nowhere-1999'"),
            (("/nonexistent/report.json",), "cannot read /nonexistent/report.json"),
            (("--example", "huaian-2024", "--locale", "xx_YY"), "unknown locale"),
            ((), "check needs a report"),
        ],
    )
    def test_unusable_input_exits_2(
        self, capsys: Capsys, argv: tuple[str, ...], phrase: str
    ) -> None:
        """Unusable input exits 2 with a message, nothing on stdout, never a traceback."""
        status, out, err = run(capsys, "check", *argv)
        assert 2 == status
        assert "" == out
        assert phrase in err
        assert "Traceback" not in err

    def test_not_json_exits_2(self, capsys: Capsys, tmp_path: Path) -> None:
        """A file that is not JSON is named with the position of the fault."""
        path = tmp_path / "r.json"
        path.write_text('{"schema_version": 1,', encoding="utf-8")
        status, _, err = run(capsys, "check", str(path))
        assert 2 == status
        assert f"{path} is not a valid report" in err
        assert "invalid JSON at line 1" in err

    def test_invalid_report_exits_2_with_paths(self, capsys: Capsys, tmp_path: Path) -> None:
        """A document that is not a valid report lists its problems with their paths."""
        data = huaian()
        data["year"] = "2024"
        status, _, err = run(capsys, "check", write(tmp_path, "bad.json", data))
        assert 2 == status
        assert "$.year" in err

    def test_several_unusable_are_all_named(
        self, capsys: Capsys, tmp_path: Path, wrong_total: str
    ) -> None:
        """With several inputs, every unusable one is named; nothing is checked (status 2)."""
        broken = tmp_path / "broken.json"
        broken.write_text("[]", encoding="utf-8")
        status, out, err = run(
            capsys, "check", wrong_total, str(broken), "/nonexistent/r.json", "--example", "x"
        )
        assert 2 == status
        assert "" == out
        assert "3 of 4 reports unusable" in err
        assert f"{broken} is not a valid report" in err
        assert "cannot read /nonexistent/r.json" in err
        assert "no bundled example 'x'" in err
        assert str(wrong_total) not in err

    def test_unknown_option_is_a_usage_error(self, capsys: Capsys) -> None:
        """An option `check` does not know is a usage error (status 2)."""
        with pytest.raises(SystemExit) as exit_info:
            main(["check", "--example", "huaian-2024", "--bogus"])
        assert 2 == exit_info.value.code
        assert "unrecognized arguments: --bogus" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("option", "value"),
        [("--output", "xml"), ("--min-severity", "fatal")],
    )
    def test_bad_choice_is_a_usage_error(self, capsys: Capsys, option: str, value: str) -> None:
        """--output and --min-severity accept only their listed values."""
        with pytest.raises(SystemExit) as exit_info:
            main(["check", "--example", "huaian-2024", option, value])
        assert 2 == exit_info.value.code
        assert "invalid choice" in capsys.readouterr().err

    def test_python_dash_m(self) -> None:
        """`python -m disclosure_model check --example huaian-2024` exits 0."""
        done = subprocess.run(
            [sys.executable, "-m", "disclosure_model", "check", "--example", "huaian-2024"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == done.returncode
        assert "example:huaian-2024" in done.stdout
        assert "" == done.stderr


class TestSources:
    def test_several_paths_and_examples(self, capsys: Capsys, wrong_total: str) -> None:
        """Files come first in the order given, then examples in the order given."""
        status, out, _ = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            wrong_total,
            "--example",
            "baoshan-2018",
            "--output",
            "json",
        )
        assert 1 == status
        sources = [r["source"] for r in parse_json(out)["reports"]]
        assert [wrong_total, "example:huaian-2024", "example:baoshan-2018"] == sources

    def test_paths_after_options(self, capsys: Capsys, tmp_path: Path, wrong_total: str) -> None:
        """Paths may come before and after options: all of them are checked."""
        fine = write(tmp_path, "fine.json", huaian())
        status, out, _ = run(capsys, "check", fine, "--output", "json", wrong_total)
        assert 1 == status
        assert [fine, wrong_total] == [r["source"] for r in parse_json(out)["reports"]]

    def test_same_example_twice(self, capsys: Capsys) -> None:
        """An example given twice is checked twice."""
        status, out, _ = run(
            capsys, "check", "--example", "huaian-2024", "--example", "huaian-2024"
        )
        assert 0 == status
        assert 2 == out.count("example:huaian-2024\n")
        assert out.endswith("2 份报告，0 个错误，0 个警告，0 条提示\n")


class TestPrevious:
    @pytest.fixture
    def other_organ(self, tmp_path: Path) -> str:
        """Last year's report, but by another organ."""

        def change(data: dict[str, Any]) -> None:
            data["year"] = 2023
            data["organ"]["name"] = "宿迁市人民政府"

        return write(tmp_path, "other-2023.json", huaian(change))

    @pytest.fixture
    def same_organ(self, tmp_path: Path) -> str:
        """Last year's report of the same organ, carrying forward what 2024 carried over."""
        return write(tmp_path, "huaian-2023.json", huaian(lambda d: d.update(year=2023)))

    def test_mismatching_organ_gives_x01(self, capsys: Capsys, other_organ: str) -> None:
        """A previous report by another organ gives X-01 (a warning) and nothing else."""
        status, out, _ = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            "--previous",
            other_organ,
            "--output",
            "json",
            "--locale",
            "en",
        )
        assert 0 == status
        report = parse_json(out)["reports"][0]
        assert other_organ == report["previous"]
        [x01] = [f for f in report["findings"] if f["outcome"] == "fail"]
        assert "X-01" == x01["code"]
        assert "warning" == x01["severity"]
        assert "$.organ.name" == x01["path"]
        assert "宿迁市人民政府" == x01["expected"]
        assert "淮安市人民政府" == x01["actual"]
        assert "last year's report is by “宿迁市人民政府”" in x01["message"]

    def test_mismatching_organ_in_text(self, capsys: Capsys, other_organ: str) -> None:
        """The text output names the previous report and shows X-01."""
        status, out, _ = run(capsys, "check", "--example", "huaian-2024", "--previous", other_organ)
        assert 0 == status
        assert f"  上年报告：{other_organ}\n" in out
        assert "X-01" in out

    def test_same_organ_runs_cross_year_rules(self, capsys: Capsys, same_organ: str) -> None:
        """With last year's report of the same organ the continuity rules run (R-06 here)."""
        status, out, _ = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            "--previous",
            same_organ,
            "--output",
            "json",
        )
        assert 0 == status
        codes = {f["code"] for f in parse_json(out)["reports"][0]["findings"]}
        assert "R-06" in codes  # 2024 carried over 34, "2023" (a copy) carried 103 forward
        assert "X-01" not in codes

    def test_previous_example(self, capsys: Capsys) -> None:
        """--previous-example takes a bundled example as last year's report."""
        status, out, _ = run(
            capsys, "check", "--example", "huaian-2024", "--previous-example", "baoshan-2018"
        )
        assert 0 == status
        assert "  上年报告：example:baoshan-2018\n" in out
        assert "X-01" in out
        assert "X-02" in out

    @pytest.mark.parametrize("option", ["--previous", "--previous-example"])
    def test_previous_needs_a_single_report(self, capsys: Capsys, option: str) -> None:
        """--previous with two reports is refused (status 2), saying why and naming them."""
        status, out, err = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            "--example",
            "baoshan-2018",
            option,
            "baoshan-2018",
        )
        assert 2 == status
        assert "" == out
        assert f"{option} compares one report with the year before" in err
        assert "2 reports were given (example:huaian-2024, example:baoshan-2018)" in err

    def test_unusable_previous_exits_2(self, capsys: Capsys) -> None:
        """An unreadable previous report is unusable input, named as the previous one."""
        status, _, err = run(
            capsys, "check", "--example", "huaian-2024", "--previous", "/nonexistent/p.json"
        )
        assert 2 == status
        assert "the previous year's report: cannot read /nonexistent/p.json" in err

    def test_previous_and_previous_example_are_exclusive(self, capsys: Capsys) -> None:
        """Only one previous report can be given."""
        with pytest.raises(SystemExit) as exit_info:
            main(["check", "x.json", "--previous", "p.json", "--previous-example", "huaian-2024"])
        assert 2 == exit_info.value.code
        capsys.readouterr()

    def test_x02_years_are_not_grouped(self, capsys: Capsys) -> None:
        """X-02 shows years as years, without a thousands separator."""
        _, out, _ = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            "--previous-example",
            "baoshan-2018",
            "--locale",
            "en",
        )
        assert "the earlier report is for 2018, this one for 2024" in out


class TestText:
    def test_block_per_report(self, capsys: Capsys) -> None:
        """Each report gets its name, organ, year and format, then its findings."""
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018")
        lines = out.splitlines()
        assert [
            "example:baoshan-2018",
            "  机关：保山市人民政府",
            "  年度：2018",
            "  格式：legacy-2014（政府信息公开情况统计表（2014—2018年））",
        ] == lines[:4]
        c01 = next(line for line in lines if "$.claims[28]" in line)
        assert c01.split()[:3] == ["warning", "C-01", "$.claims[28]"]
        assert "正文陈述为 87.74%" in c01
        assert "1 份报告，0 个错误，3 个警告，2 条提示" == lines[-1]

    def test_english(self, capsys: Capsys) -> None:
        """--locale en switches the headings, the messages and the summary to English."""
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", "--locale", "en")
        lines = out.splitlines()
        assert "  organ: 保山市人民政府" == lines[1]
        assert "  format: legacy-2014 (national statistics table, 2014-2018 reports)" == lines[3]
        assert "the text states 87.74%, its other figures give 27.63%" in out
        assert "正文陈述" not in out
        assert "1 report, 0 errors, 3 warnings, 2 infos" == lines[-1]

    def test_most_serious_first(self, capsys: Capsys, wrong_total: str) -> None:
        """Errors are listed before warnings, warnings before infos."""
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", wrong_total)
        severities = [
            line.split()[0] for line in out.splitlines() if line.startswith("  ") and "$." in line
        ]
        ranks = [dm.Severity(s).rank for s in severities]
        assert sorted(ranks, reverse=True) == ranks
        assert "error" == severities[0]

    def test_not_assessable_summarised(self, capsys: Capsys) -> None:
        """By default the rules not assessed are one line per report, counted by code."""
        result = dm.check(dm.examples.load("baoshan-2018"))
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", "--locale", "en")
        [line] = [line for line in out.splitlines() if "not assessable" in line]
        assert line.startswith(f"  not assessable: {len(result.not_assessable)} (P-02, P-04")
        assert "P-06 ×18" in line
        assert "P-02" not in [ln.split()[1] for ln in out.splitlines() if ln.startswith("  error")]

    def test_include_not_assessable(self, capsys: Capsys) -> None:
        """--include-not-assessable lists each rule not assessed, after the failed ones."""
        result = dm.check(dm.examples.load("baoshan-2018"))
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", "--include-not-assessable")
        marked = [line for line in out.splitlines() if "(无法核对)" in line]
        assert len(result.not_assessable) == len(marked)
        assert "无法核对 " not in out  # no summary line then
        lines = out.splitlines()
        assert lines.index(marked[0]) > max(
            i for i, line in enumerate(lines) if "$.claims[" in line
        )

    def test_no_findings(self, capsys: Capsys) -> None:
        """A report without findings to show says so."""
        _, out, _ = run(
            capsys, "check", "--example", "huaian-2024", "--min-severity", "error", "--locale", "en"
        )
        assert "  no findings.\n" in out
        assert "not assessable" not in out  # R-10, a warning rule, is below the threshold

    def test_min_severity_hides_but_keeps_status_and_counts(
        self, capsys: Capsys, wrong_total: str
    ) -> None:
        """--min-severity error prints only errors; the status and the summary count all."""
        status, out, _ = run(
            capsys, "check", wrong_total, "--example", "baoshan-2018", "--min-severity", "error"
        )
        assert 1 == status
        listed = {
            line.split()[0] for line in out.splitlines() if line.startswith("  ") and "$." in line
        }
        assert {"error"} == listed
        assert out.endswith("2 份报告，3 个错误，3 个警告，2 条提示\n")

    def test_min_severity_does_not_change_status_1(self, capsys: Capsys, wrong_total: str) -> None:
        """Hiding nothing or everything, the exit status stays 1 for an error."""
        for level in ("info", "warning", "error"):
            status, _, _ = run(capsys, "check", wrong_total, "--min-severity", level)
            assert 1 == status

    def test_lenient(self, capsys: Capsys, blank_carry_over: str) -> None:
        """--lenient reads a blank cell as 0: a rule not assessable becomes an error."""
        status, out, _ = run(capsys, "check", blank_carry_over, "--locale", "en")
        assert 0 == status
        assert "  not assessable: 5 (R-01, R-02, R-07, R-08, R-10;" in out
        assert not [ln for ln in out.splitlines() if ln.startswith("  error")]
        status, out, _ = run(capsys, "check", blank_carry_over, "--locale", "en", "--lenient")
        assert 1 == status
        assert "  mode: lenient (blank cells read as 0)" in out
        assert "(lenient: 1 blank cell read as 0)" in out


class TestJson:
    def test_document(self, capsys: Capsys) -> None:
        """One object: a list of reports, each with its findings, and a summary."""
        status, out, _ = run(
            capsys, "check", "--example", "baoshan-2018", "--output", "json", "--locale", "en"
        )
        assert 0 == status
        document = parse_json(out)
        assert ["reports", "summary"] == list(document)
        [report] = document["reports"]
        assert {
            "source": "example:baoshan-2018",
            "organ": "保山市人民政府",
            "year": 2018,
            "format": "legacy-2014",
            "previous": None,
            "lenient": False,
            "ok": True,
        } == {k: v for k, v in report.items() if k != "findings"}
        result = dm.check(dm.examples.load("baoshan-2018"), locale="en")
        expected = [{**f.to_record(), "message": f.message_en} for f in result.findings]
        assert expected == report["findings"]
        assert {
            "reports": 1,
            "errors": 0,
            "warnings": 3,
            "infos": 2,
            "not_assessable": len(result.not_assessable),
            "ok": True,
        } == document["summary"]

    def test_finding_fields(self, capsys: Capsys) -> None:
        """A finding has at least code, severity, outcome, path, message, expected, actual."""
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", "--output", "json")
        findings = parse_json(out)["reports"][0]["findings"]
        c01 = next(f for f in findings if f["path"] == "$.claims[28]")
        assert {
            "code": "C-01",
            "severity": "warning",
            "outcome": "fail",
            "expected": "27.63",
            "actual": "87.74",
            "message": c01["message_zh"],
        } == {k: c01[k] for k in ("code", "severity", "outcome", "expected", "actual", "message")}
        assert "正文陈述为 87.74%" in c01["message"]
        assert c01["message_en"].startswith("“占总事项的87.74%”: the text states")

    def test_error_report_not_ok(self, capsys: Capsys, wrong_total: str) -> None:
        """A report with an error finding has ok false; so has the summary."""
        status, out, _ = run(
            capsys, "check", wrong_total, "--example", "huaian-2024", "--output", "json"
        )
        assert 1 == status
        document = parse_json(out)
        assert [False, True] == [r["ok"] for r in document["reports"]]
        assert False is document["summary"]["ok"]
        assert 3 == document["summary"]["errors"]
        r02 = next(f for f in document["reports"][0]["findings"] if f["code"] == "R-02")
        assert (3119, 3120) == (r02["expected"], r02["actual"])
        assert "3/一/总计" == r02["cell_code"]

    def test_min_severity_filters_findings_not_summary(self, capsys: Capsys) -> None:
        """--min-severity filters the findings listed; the summary still counts them all."""
        _, out, _ = run(
            capsys,
            "check",
            "--example",
            "baoshan-2018",
            "--output",
            "json",
            "--min-severity",
            "warning",
        )
        document = parse_json(out)
        severities = {f["severity"] for f in document["reports"][0]["findings"]}
        assert {"error", "warning"} == severities  # errors that are not assessable, warnings
        assert 2 == document["summary"]["infos"]

    def test_not_assessable_always_listed(self, capsys: Capsys) -> None:
        """JSON lists the rules not assessed whether or not --include-not-assessable is given."""
        outs = [
            run(capsys, "check", "--example", "baoshan-2018", "--output", "json", *extra)[1]
            for extra in ((), ("--include-not-assessable",))
        ]
        assert outs[0] == outs[1]
        outcomes = {f["outcome"] for f in parse_json(outs[0])["reports"][0]["findings"]}
        assert {"fail", "not-assessable"} == outcomes

    def test_lenient_flag(self, capsys: Capsys, blank_carry_over: str) -> None:
        """Each report says whether it was checked leniently; lenient findings name the cells."""
        status, out, _ = run(capsys, "check", blank_carry_over, "--lenient", "--output", "json")
        assert 1 == status
        [report] = parse_json(out)["reports"]
        assert True is report["lenient"]
        r01 = next(f for f in report["findings"] if f["code"] == "R-01")
        assert "$.statistics.applications.carried_over.total" == r01["lenient"]


class TestCsv:
    def test_rows(self, capsys: Capsys, wrong_total: str) -> None:
        """One row per finding: a report column, the record's keys and the message."""
        status, out, _ = run(
            capsys,
            "check",
            wrong_total,
            "--example",
            "baoshan-2018",
            "--output",
            "csv",
            "--locale",
            "en",
        )
        assert 1 == status
        header, rows = parse_csv(out)
        some = dm.check(dm.examples.load("huaian-2024")).findings[0]
        assert ["report", *some.to_record(), "message"] == header
        first = dm.check(dm.load(wrong_total)).findings
        second = dm.check(dm.examples.load("baoshan-2018")).findings
        assert len(first) + len(second) == len(rows)
        assert {wrong_total, "example:baoshan-2018"} == {r["report"] for r in rows}
        r02 = next(r for r in rows if r["code"] == "R-02")
        columns = ("severity", "outcome", "path", "expected", "actual", "claim_text")
        assert {
            "report": wrong_total,
            "severity": "error",
            "outcome": "fail",
            "path": "$.statistics.applications.new_received.total",
            "expected": "3119",
            "actual": "3120",
            "claim_text": "",
        } == {k: r02[k] for k in ("report", *columns)}
        assert r02["message"] == r02["message_en"]
        assert r02["message"].startswith("table 3, I. new applications received this year")

    def test_header_without_rows(self, capsys: Capsys) -> None:
        """The header row is there even when no finding is listed."""
        status, out, _ = run(
            capsys,
            "check",
            "--example",
            "huaian-2024",
            "--output",
            "csv",
            "--min-severity",
            "error",
        )
        assert 0 == status
        header, rows = parse_csv(out)
        assert "report" == header[0]
        assert "code" in header
        assert [] == rows

    def test_not_assessable_always_listed(self, capsys: Capsys) -> None:
        """CSV has a row for every rule not assessed, with its outcome."""
        _, out, _ = run(capsys, "check", "--example", "huaian-2024", "--output", "csv")
        _, rows = parse_csv(out)
        assert [("R-10", "not-assessable")] == [(r["code"], r["outcome"]) for r in rows]

    def test_chinese_message(self, capsys: Capsys) -> None:
        """The message column follows --locale (Chinese by default)."""
        _, out, _ = run(capsys, "check", "--example", "baoshan-2018", "--output", "csv")
        _, rows = parse_csv(out)
        c02 = next(r for r in rows if r["code"] == "C-02")
        assert c02["message"] == c02["message_zh"]
        assert "截断所得" in c02["message"]
