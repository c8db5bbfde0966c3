"""The ``disclosure-model`` command line: what it prints and its exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import disclosure_model as dm
from disclosure_model.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestShow:
    def test_example_in_chinese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`show --example` prints the official Chinese labels and the stated figures."""
        status, out, err = run(capsys, "show", "--example", "huaian-2024")
        assert 0 == status
        assert "" == err
        assert "三、收到和处理政府信息公开申请情况" in out
        assert "1.本机关不掌握相关政府信息" in out
        assert "3,119" in out  # 本年新收 总计, grouped by babel for zh_CN
        assert "96,171.6" in out  # the fee amount with its one decimal

    def test_example_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--locale en` switches the labels to English."""
        status, out, _ = run(capsys, "show", "--example", "huaian-2024", "--locale", "en")
        assert 0 == status
        assert "III. applications received and handled" in out
        assert "natural persons" in out
        assert "三、收到和处理政府信息公开申请情况" not in out

    def test_not_stated_is_not_zero(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Cells a report does not state show as a dash; stated zeros show as 0."""
        status, out, _ = run(capsys, "show", "--example", "baoshan-2018")
        assert 0 == status
        lines = out.splitlines()
        weibo = next(line for line in lines if "3.政务微博公开政府信息数" in line)
        complaints = next(line for line in lines if "六、举报投诉数量" in line)
        assert weibo.rstrip().endswith("—")
        assert complaints.rstrip().endswith(" 0")
        assert "32,132" in out  # the combined 微博微信 figure, not split

    def test_path(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A report file given by path is shown like an example."""
        path = tmp_path / "r.json"
        dm.dump(dm.examples.load("huichang-zhongcun-2020"), path)
        status, out, _ = run(capsys, "show", str(path))
        assert 0 == status
        assert "其他对外管理服务事项" in out
        assert "8,040" in out  # procurement amount; the report states no unit

    def test_invalid_report_exits_2_with_paths(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An invalid report gives exit status 2 and every problem with its path."""
        data = dm.to_dict(dm.examples.load("huaian-2024"))
        data["statistics"]["applications"]["granted"]["total"] = 1.5
        data["year"] = "2024"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        status, out, err = run(capsys, "show", str(path))
        assert 2 == status
        assert "" == out
        assert "$.statistics.applications.granted.total" in err
        assert "$.year" in err
        assert "Traceback" not in err

    @pytest.mark.parametrize(
        ("argv", "phrase"),
        [
            (("show", "--example", "nowhere-1999"), "no bundled example 'nowhere-1999'"),
            (("show", "/nonexistent/report.json"), "cannot read /nonexistent/report.json"),
            (("show", "--example", "huaian-2024", "--locale", "xx_YY"), "unknown locale"),
        ],
    )
    def test_unusable_input_exits_2(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], phrase: str
    ) -> None:
        """Unusable input exits 2 with a one-line message, never a traceback."""
        status, _, err = run(capsys, *argv)
        assert 2 == status
        assert phrase in err
        assert "Traceback" not in err

    def test_not_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that is not JSON is named with the position of the fault."""
        path = tmp_path / "r.json"
        path.write_text('{"schema_version": 1,', encoding="utf-8")
        status, _, err = run(capsys, "show", str(path))
        assert 2 == status
        assert "invalid JSON at line 1" in err

    def test_path_and_example_are_exclusive(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Giving both a path and --example is a usage error (status 2)."""
        with pytest.raises(SystemExit) as exit_info:
            main(["show", "x.json", "--example", "baoshan-2018"])
        assert 2 == exit_info.value.code
        capsys.readouterr()


class TestOtherCommands:
    def test_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`examples` lists the bundled example names, one per line."""
        status, out, _ = run(capsys, "examples")
        assert 0 == status
        assert list(dm.examples.names()) == out.split()

    def test_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`schema` prints the JSON Schema as JSON."""
        status, out, _ = run(capsys, "schema")
        assert 0 == status
        assert dm.json_schema() == json.loads(out)

    def test_python_dash_m(self) -> None:
        """`python -m disclosure_model` runs the same command line."""
        done = subprocess.run(
            [sys.executable, "-m", "disclosure_model", "examples"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == done.returncode
        assert "baoshan-2018" in done.stdout.split()
