"""Hostile and careless input (issue 12): each failure found gets the project's error or a
correct answer, and no file is ever destroyed.

The limits tested here are the documented ones (docs/reference/limits.md): a count is at most
10**17, an amount of money or a stated figure has at most 18 digits before its decimal point
and 6 after it, a document is at most 16 MiB and nests at most 32 levels.
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model.cli import main
from disclosure_model.errors import ProblemKind
from disclosure_model.export import to_records
from disclosure_model.render import render_text
from disclosure_model.serialization import configure_converter, format_exception

LIMIT = 10**17  # the documented largest count
HUAIAN_TOTAL = '"total": 3119'  # 新收政府信息公开申请数量, 淮安 2024 (table 三, first row)
TOTAL_PATH = "$.statistics.applications.new_received.total"


def _huaian() -> dm.Report:
    return dm.examples.load("huaian-2024")


def _text() -> str:
    text = dm.dumps(_huaian())
    assert HUAIAN_TOTAL in text
    return text


def _problems(text: str | bytes) -> dict[str, dm.Problem]:
    with pytest.raises(dm.ValidationError) as info:
        dm.loads(text)
    return {p.path: p for p in info.value.problems}


def _every_count(report: dm.Report, value: int) -> dm.Report:
    """The report with every count of its tables set to ``value``."""
    data = dm.to_dict(report)

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if type(v) is int:
                    x[k] = value
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data["statistics"])
    return dm.from_dict(data)


def _at_the_limits(report: dm.Report) -> dm.Report:
    """Every count at 10**17, every amount and stated figure with 18 + 6 digits."""
    data = dm.to_dict(_every_count(report, LIMIT))
    widest = "9" * 18 + "." + "9" * 6

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if set(x) == {"value", "unit"}:
                x["value"] = widest
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data["statistics"])
    for claim in data["claims"]:
        claim["value"] = widest if claim["kind"] == "figure" else "99.999999"
        if claim["kind"] == "figure":
            claim["scale"] = 100_000_000
    return dm.from_dict(data)


class TestLargeNumbers:
    """Failure 1: counts, money and stated values beyond what a report can need."""

    @pytest.mark.parametrize("digits", [19, 26, 310, 4301, 5000])
    def test_a_huge_count_is_refused_at_its_path(self, digits: int) -> None:
        """A count of 19 or more digits (up to beyond Python's int conversion limit) is a
        ValidationError at the cell's path, not an InvalidOperation later."""
        problems = _problems(_text().replace(HUAIAN_TOTAL, '"total": ' + "1" * digits))
        assert [TOTAL_PATH] == list(problems)
        assert ProblemKind.OUT_OF_RANGE == problems[TOTAL_PATH].kind

    def test_the_largest_count_is_accepted(self) -> None:
        """10**17 itself is a valid count; one more is not."""
        assert (
            LIMIT
            == dm.loads(_text().replace(HUAIAN_TOTAL, f'"total": {LIMIT}'))
            .statistics_as(dm.Statistics2021)
            .applications.new_received.total
        )
        assert [TOTAL_PATH] == list(
            _problems(_text().replace(HUAIAN_TOTAL, f'"total": {LIMIT + 1}'))
        )

    def test_from_dict_with_a_huge_int(self) -> None:
        """An int of 5000 digits given to from_dict is a ValidationError, not a bare ValueError."""
        data = dm.to_dict(_huaian())
        data["statistics"]["applications"]["new_received"]["total"] = 10**5000
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert [TOTAL_PATH] == [p.path for p in info.value.problems]
        assert len(str(info.value)) < 300

    @pytest.mark.parametrize(
        "value",
        ["1" * 19, "1" * 29, "1." + "1" * 7, "0." + "0" * 300_000 + "1"],
        ids=["19-digits", "29-digits", "7-decimals", "300000-decimals"],
    )
    def test_a_stated_value_beyond_the_limits(self, value: str) -> None:
        """A claim's value of more than 18 digits or 6 decimals is refused where it stands."""
        data = dm.to_dict(_huaian())
        data["claims"][0]["value"] = value
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert ["$.claims[0].value"] == [p.path for p in info.value.problems]
        assert ProblemKind.OUT_OF_RANGE == info.value.problems[0].kind

    @pytest.mark.parametrize("value", ["1" * 19, "1" * 29, "0.0000001"])
    def test_money_beyond_the_limits(self, value: str) -> None:
        """An amount of more than 18 digits or 6 decimals is refused, in Python and in JSON."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Amount(value=Decimal(value), unit=dm.MoneyUnit.YUAN)
        assert ["$.value"] == [p.path for p in info.value.problems]

    @pytest.mark.parametrize("name", ["huaian-2024", "baoshan-2018", "yuanling-eryou-2020"])
    def test_everything_works_at_the_limits(self, name: str) -> None:
        """At the largest values the model holds, nothing raises: checks, rendering,
        ratios (as floats too), records, comparison and the JSON round trip."""
        report = _at_the_limits(dm.examples.load(name))
        for lenient in (False, True):
            for locale in ("zh_CN", "en"):
                dm.check(report, lenient=lenient, locale=locale)
        assert render_text(report, locale="zh_CN")
        for ratio in dm.ratios(report).values():
            float(ratio)
        wide = to_records([report], kind="wide")
        assert 1 == len(wide)
        assert to_records([report], kind="long")
        dm.compare(report, dm.examples.load(name))
        assert report == dm.loads(dm.dumps(report))

    def test_wide_frame_at_the_limits(self) -> None:
        """The wide frame holds counts at the limit as exact integers (int64 or object)."""
        pytest.importorskip("pandas")
        from disclosure_model.export import to_frame

        frame = to_frame([_every_count(_huaian(), LIMIT)], kind="wide")
        assert LIMIT == frame.loc[0, "received"]

    def test_ratio_rounds_ties_half_up(self) -> None:
        """A ratio on a tie rounds up (0.125 → 0.13, 12.5 → 13), never to even."""
        assert Decimal("0.13") == dm.Ratio(numerator=1, denominator=8).decimal(2)
        assert Decimal("13") == dm.Ratio(numerator=25, denominator=2).decimal(0)
        assert Decimal("12") == dm.Ratio(numerator=49, denominator=4).decimal(0)

    def test_float_of_a_hand_built_huge_ratio(self) -> None:
        """float() of a ratio beyond a float's range is infinite, not an OverflowError."""
        assert float("inf") == float(dm.Ratio(numerator=10**400, denominator=1))

    @pytest.mark.parametrize("command", [["show"], ["check"], ["ratios", "--output", "json"]])
    def test_cli_at_the_limits(
        self, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line shows, checks and computes ratios of a report at the limits."""
        target = tmp_path / "big.json"
        dm.dump(_at_the_limits(_huaian()), target)
        status = main([*command, str(target)])
        _, err = capsys.readouterr()
        assert status in (0, 1)
        assert "" == err

    def test_cli_convert_wide_at_the_limits(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`convert --kind wide` writes counts at the limit exactly."""
        target = tmp_path / "big.json"
        dm.dump(_every_count(_huaian(), LIMIT), target)
        assert 0 == main(["convert", str(target), "--to", "json", "--kind", "wide"])
        out, _ = capsys.readouterr()
        assert str(LIMIT) in out


class TestNoDataLoss:
    """Failure 2: lone surrogates are refused everywhere; files are written atomically."""

    @pytest.mark.parametrize(
        ("build", "path"),
        [
            (lambda s: dm.Organ(name=s, level=dm.OrganLevel.CITY), "$.name"),
            (lambda s: dm.Section(title=None, text=s), "$.text"),
            (lambda s: dm.Section(title=s, text=""), "$.title"),
            (lambda s: dm.Source(url=s), "$.url"),
            (
                lambda s: dm.Claim(id="a", text=s, kind=dm.ClaimKind.FIGURE, value=Decimal(1)),
                "$.text",
            ),
            (
                lambda s: dm.Claim(
                    id="a", text="t", kind=dm.ClaimKind.FIGURE, value=Decimal(1), unit=s
                ),
                "$.unit",
            ),
            (lambda s: dm.CellSum(paths=("ok", s)), "$.paths[1]"),
            (lambda s: attrs.evolve(_huaian(), title=s), "$.title"),
        ],
    )
    def test_constructors_refuse_lone_surrogates(self, build: Any, path: str) -> None:
        """Every string that enters the model through a constructor is Unicode text."""
        with pytest.raises(dm.ValidationError) as info:
            build("淮安\ud800")
        assert [(path, ProblemKind.SURROGATE)] == [(p.path, p.kind) for p in info.value.problems]

    def test_loads_and_from_dict_refuse_lone_surrogates(self) -> None:
        """A ``\\ud800`` escape in JSON, or a lone surrogate in plain data, is refused at
        its path, with every other problem of the document."""
        text = _text().replace("淮安", "淮安\\ud800", 1).replace('"year": 2024', '"year": 1999')
        assert {"$.organ.name", "$.year"} <= set(_problems(text))
        data = dm.to_dict(_huaian())
        data["sections"][0]["text"] = "\udfff"
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert ["$.sections[0].text"] == [p.path for p in info.value.problems]

    def test_a_failed_dump_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When writing fails midway, the target keeps its old content and no temporary
        file is left behind."""
        target = tmp_path / "report.json"
        target.write_text("old content", encoding="utf-8")

        def fail(_fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(OSError, match="No space"):
            dm.dump(_huaian(), target)
        assert "old content" == target.read_text(encoding="utf-8")
        assert ["report.json"] == sorted(p.name for p in tmp_path.iterdir())

    def test_dump_replaces_keeping_the_mode(self, tmp_path: Path) -> None:
        """A successful dump replaces the file, with the file's permissions kept."""
        target = tmp_path / "report.json"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        dm.dump(_huaian(), target)
        assert _huaian() == dm.load(target)
        assert 0o640 == target.stat().st_mode & 0o777

    def test_dump_through_a_symlink(self, tmp_path: Path) -> None:
        """Dumping to a symlink replaces the file it points to; the link stays a link."""
        real = tmp_path / "real.json"
        real.write_text("old", encoding="utf-8")
        link = tmp_path / "link.json"
        link.symlink_to(real)
        dm.dump(_huaian(), link)
        assert link.is_symlink()
        assert _huaian() == dm.load(real)


class TestDepth:
    """Failure 3: deep nesting is refused before parsing, at any stack depth."""

    def test_the_reported_document(self) -> None:
        """985 nested objects with a lone surrogate at the bottom: a ValidationError."""
        deep = '{"a":' * 985 + '"\\ud800"' + "}" * 985
        problems = _problems(deep)
        assert ProblemKind.TOO_DEEP == problems["$"].kind

    def test_unclosed_arrays(self) -> None:
        """100,000 opening brackets are refused without recursion."""
        assert ProblemKind.TOO_DEEP == _problems("[" * 100_000)["$"].kind

    def test_at_any_stack_depth(self) -> None:
        """Called from deep inside a program, the reader still refuses deep nesting cleanly
        (the window of a recursion limit does not move with the caller's stack)."""
        deep = "[" * 600 + "]" * 600

        def nested(n: int) -> dict[str, dm.Problem]:
            return nested(n - 1) if n else _problems(deep)

        assert ProblemKind.TOO_DEEP == nested(sys.getrecursionlimit() - 200)["$"].kind

    def test_thirty_two_levels_are_read(self) -> None:
        """32 levels are within the limit (the document is then judged as a report)."""
        problems = _problems("[" * 32 + "]" * 32)
        assert ProblemKind.OBJECT_TYPE == problems["$"].kind
        assert ProblemKind.TOO_DEEP == _problems("[" * 33 + "]" * 33)["$"].kind

    def test_brackets_in_strings_do_not_count(self) -> None:
        """A title made of brackets is text, not nesting."""
        report = attrs.evolve(_huaian(), title="[" * 1000 + "{" * 1000)
        assert report == dm.loads(dm.dumps(report))


class TestErrorPlaces:
    """Failure 4: duplicate keys, NaN and over-long integers are reported where they are."""

    def test_nested_duplicate_key(self) -> None:
        """A key twice in a nested object is reported at that key's path."""
        text = _text().replace(HUAIAN_TOTAL, HUAIAN_TOTAL + ', "total": 5')
        problem = _problems(text)[TOTAL_PATH]
        assert ProblemKind.DUPLICATE_KEY == problem.kind

    @pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_tokens(self, token: str) -> None:
        """NaN and Infinity are reported at the cell they stand in, once."""
        with pytest.raises(dm.ValidationError) as info:
            dm.loads(_text().replace(HUAIAN_TOTAL, f'"total": {token}'))
        assert [(TOTAL_PATH, ProblemKind.NON_FINITE)] == [
            (p.path, p.kind) for p in info.value.problems
        ]

    def test_no_error_inside_an_error(self) -> None:
        """The message is one list of problems, never "invalid JSON: 1 problem:" nested."""
        with pytest.raises(dm.ValidationError) as info:
            dm.loads(_text().replace(HUAIAN_TOTAL, '"total": NaN'))
        assert 1 == str(info.value).count("problem")
        assert "invalid JSON" not in str(info.value)

    def test_unknown_format_with_other_problems(self) -> None:
        """With an unknown format tag, the document's other problems are still reported,
        including a NaN in the tables that cannot be judged."""
        text = (
            _text()
            .replace('"format": "gov-2021"', '"format": "gov-2099"')
            .replace('"year": 2024', '"year": 1999')
            .replace(HUAIAN_TOTAL, '"total": NaN')
        )
        assert {"$.format", "$.year", TOTAL_PATH} == set(_problems(text))

    def test_syntax_errors_have_line_and_column(self) -> None:
        """A JSON syntax error names its line and column."""
        problems = _problems('{\n  "a": 1,\n  oops\n}')
        assert "line 3 column 3" in problems["$"].message
        assert ProblemKind.JSON_SYNTAX == problems["$"].kind


class TestCost:
    """Failure 5: messages and inputs are bounded."""

    def test_a_huge_bad_value_gives_a_short_message(self) -> None:
        """A 5 MB bad value (an unknown enum value, a bad id) gives a message of bounded size."""
        data = dm.to_dict(_huaian())
        data["organ"]["level"] = "x" * 5_000_000
        data["claims"][0]["id"] = "Y" * 5_000_000
        data["x" * 5_000_000] = 1
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert 3 == len(info.value.problems)
        assert len(str(info.value)) < 2_000

    def test_constructor_messages_are_bounded(self) -> None:
        """A constructor repeats at most a few dozen characters of a bad value."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Organ(name="x", level=dm.OrganLevel.CITY, division_code="1" * 1_000_000)
        assert len(str(info.value)) < 300

    def test_a_huge_value_of_another_type(self) -> None:
        """A bad value that is no string (a long tuple, a huge list) is cut short as well."""
        with pytest.raises(dm.ValidationError) as info:
            dm.Organ(name="x", level=("city",) * 100_000)  # type: ignore[arg-type]
        assert len(str(info.value)) < 300

    def test_input_size_is_capped(self) -> None:
        """A document over the size limit is refused before it is parsed; the limit can be
        raised or lifted."""
        text = _text()
        assert ProblemKind.TOO_LARGE == _problems(text + " " * (16 * 2**20))["$"].kind
        with pytest.raises(dm.ValidationError) as info:
            dm.loads(text, max_size=1000)
        assert ProblemKind.TOO_LARGE == info.value.problems[0].kind
        assert _huaian() == dm.loads(text + " " * (16 * 2**20), max_size=None)

    def test_an_endless_file(self) -> None:
        """/dev/zero is refused after reading just over the limit, not until memory runs out."""
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero")
        with pytest.raises(dm.ValidationError) as info:
            dm.load("/dev/zero", max_size=1 << 20)
        assert ProblemKind.TOO_LARGE == info.value.problems[0].kind


class TestPythonApi:
    """Failure 6: odd keys, pickled errors, comparisons, claims' stated precision."""

    def test_odd_keys(self) -> None:
        """Keys that are not strings (frozenset, bytes, int) are unknown keys, reported."""
        data: dict[Any, Any] = dict(dm.to_dict(_huaian()))
        data[frozenset({1})] = 1
        data[b"x"] = 2
        data[3] = 3
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert 3 == len(info.value.problems)
        assert {ProblemKind.EXTRA_KEY} == {p.kind for p in info.value.problems}

    def test_validation_error_pickles_and_copies(self) -> None:
        """A pickled or copied ValidationError keeps its problems and its message."""
        error = dm.ValidationError(
            [dm.Problem("$.a", "first", ProblemKind.MISSING, "缺少"), dm.Problem("$.b", "second")]
        )
        for other in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
            assert error.problems == other.problems
            assert str(error) == str(other)
            assert "缺少" == other.problems[0].message_zh

    def test_comparison_pickles(self) -> None:
        """A Comparison survives pickling (e.g. to a worker process) unchanged."""
        this, last = dm.examples.load("huichang-zhongcun-2020"), _huaian()
        comparison = dm.compare(this, last)
        assert comparison == pickle.loads(pickle.dumps(comparison))

    def test_stated_precision_is_part_of_a_claim(self) -> None:
        """ "23.2" and "23.20" are different statements: unequal, and two in a set."""
        one = dm.Claim(id="a", text="占23.2%", kind=dm.ClaimKind.PERCENT, value=Decimal("23.2"))
        two = attrs.evolve(one, value=Decimal("23.20"))
        assert one != two
        assert 2 == len({one, two})
        assert one == attrs.evolve(one, value=Decimal("23.2"))


class TestCommandLine:
    """Failure 7: output errors, exit statuses, standard input."""

    def _run(self, *argv: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        env.update(kwargs.pop("env", {}))
        kwargs.setdefault("stdout", subprocess.PIPE)
        return subprocess.run(
            [sys.executable, "-m", "disclosure_model", *argv],
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env=env,
            **kwargs,
        )

    def test_a_full_disk(self) -> None:
        """Writing to /dev/full is a one-line error and status 3, not a traceback."""
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full")
        with Path("/dev/full").open("w") as full:
            done = self._run("show", "--example", "huaian-2024", stdout=full)
        assert 3 == done.returncode
        assert "Traceback" not in done.stderr
        assert "cannot write the output" in done.stderr

    def test_a_stdout_that_cannot_hold_chinese(self) -> None:
        """An ASCII-only stdout is a clean error with status 3."""
        done = self._run("show", "--example", "huaian-2024", env={"PYTHONIOENCODING": "ascii"})
        assert 3 == done.returncode
        assert "Traceback" not in done.stderr
        assert "PYTHONIOENCODING" in done.stderr

    def test_dash_reads_standard_input(self) -> None:
        """`check -` reads the report from standard input."""
        done = self._run("check", "-", "--output", "json", input=_text())
        assert 0 == done.returncode, done.stderr
        assert 1 == json.loads(done.stdout)["summary"]["reports"]

    def test_an_unexpected_error_is_not_status_1(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bug is reported as one and exits 3, never 1 (which means error findings)."""
        from disclosure_model import cli

        def broken(*_args: Any) -> int:
            raise RuntimeError("boom")

        monkeypatch.setattr(cli, "_run", broken)
        assert 3 == main(["show", "--example", "huaian-2024"])
        assert "internal error" in capsys.readouterr().err


class TestProblemKinds:
    """Failure 8: each problem has a kind for programs and a message in Chinese."""

    @pytest.mark.parametrize(
        ("change", "path", "kind"),
        [
            (lambda d: d.pop("year"), "$.year", ProblemKind.MISSING),
            (lambda d: d.update(colour=1), "$.colour", ProblemKind.EXTRA_KEY),
            (lambda d: d.update(year=2024.0), "$.year", ProblemKind.INT_TYPE),
            (lambda d: d["organ"].update(name=5), "$.organ.name", ProblemKind.STR_TYPE),
            (lambda d: d["organ"].update(level="town"), "$.organ.level", ProblemKind.ENUM),
            (lambda d: d.update(dated="2024-13-01"), "$.dated", ProblemKind.DATE_TYPE),
            (lambda d: d.update(year=1999), "$.year", ProblemKind.OUT_OF_RANGE),
            (lambda d: d.update(schema_version=9), "$.schema_version", ProblemKind.VERSION),
            (
                lambda d: d["statistics"]["applications"]["new_received"].update(total=-1),
                TOTAL_PATH,
                ProblemKind.NEGATIVE,
            ),
            (
                lambda d: d["statistics"]["applications"]["new_received"].update(total="1"),
                TOTAL_PATH,
                ProblemKind.INT_TYPE,
            ),
            (lambda d: d.update(sections={}), "$.sections", ProblemKind.ARRAY_TYPE),
        ],
    )
    def test_kinds(self, change: Any, path: str, kind: ProblemKind) -> None:
        """Each kind of fault has its kind, and a Chinese message besides the English one."""
        data = dm.to_dict(_huaian())
        change(data)
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        problems = {p.path: p for p in info.value.problems}
        assert kind == problems[path].kind
        zh = problems[path].message_zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
        assert problems[path].in_locale("zh_CN") == f"{path}: {zh}"
        assert f"{path}: {zh}" in info.value.messages_zh

    def test_str_and_message_unchanged(self) -> None:
        """``str(problem)`` is still ``$.path: message`` in English."""
        problem = dm.Problem("$.a", "first", ProblemKind.MISSING, "缺少")
        assert "$.a: first" == str(problem)
        assert "first" == problem.message
        assert "missing" == problem.kind.value


class TestConverterScope:
    """Failure 10: a user's converter keeps its own behaviour for its own types."""

    def test_user_int_enum_still_loads(self) -> None:
        """After configure_converter, a user's int-valued Enum and plain ints load as cattrs
        loads them, while reports are read strictly."""
        import enum

        class Colour(enum.Enum):
            RED = 1

        conv = cattrs.Converter()
        configure_converter(conv)
        assert Colour.RED == conv.structure(1, Colour)
        assert 3 == conv.structure("3", int)
        data = dm.to_dict(_huaian())
        assert _huaian() == conv.structure(data, dm.Report)
        data["year"] = 2024.5
        with pytest.raises(dm.ValidationError):
            conv.structure(data, dm.Report)

    def test_format_exception_keeps_our_lines(self) -> None:
        """In a user's class holding a report, cattrs.transform_error with our
        format_exception gives our ``$.path: message`` lines under cattrs' path."""

        @attrs.define
        class Archive:
            name: str
            report: dm.Report

        conv = cattrs.Converter(detailed_validation=True)
        configure_converter(conv)
        data = dm.to_dict(_huaian())
        data["year"] = 1999
        with pytest.raises(cattrs.ClassValidationError) as info:
            conv.structure({"name": "a", "report": data}, Archive)
        lines = cattrs.transform_error(info.value, format_exception=format_exception)
        assert ["$.year: expected a year from 2000 to 2100, got 1999 @ $.report"] == lines


_POOL: tuple[Any, ...] = (
    -1,
    0,
    7,
    LIMIT,
    LIMIT + 1,
    10**19,
    None,
    "7",
    1.5,
    True,
    [],
    {},
)
_DECIMAL_POOL: tuple[Any, ...] = (
    "12.5",
    "-1",
    "1" * 18,
    "1" * 19,
    "0." + "1" * 6,
    "0." + "1" * 7,
    "00000000000000000000012",
    "1e3",
    "",
    10**18 - 1,
    10**18,
    -3,
    None,
    2.5,
)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


class TestSchemaAgreesWithTheReader:
    """The JSON Schema and the reader accept and refuse the same documents, for what the
    schema can say: types, ranges, digits, keys and enums of the tables, money and stated
    values (links between claims, and text the reader refuses as a lone surrogate, are the
    reader's alone)."""

    @staticmethod
    def _verdicts(data: dict[str, Any]) -> tuple[bool, bool]:
        import jsonschema

        try:
            dm.from_dict(data)
            reader = True
        except dm.ValidationError:
            reader = False
        validator = jsonschema.Draft202012Validator(dm.json_schema())
        return reader, validator.is_valid(data)

    @given(st.data())
    @settings(max_examples=60, deadline=None)
    def test_mutated_tables(self, data: st.DataObject) -> None:
        """A generated report with one value of its tables, money or claims replaced."""
        import jsonschema  # noqa: F401 - skip cleanly where it is missing

        from disclosure_model import strategies as dms

        report = data.draw(dms.reports(), label="report")
        doc = dm.to_dict(report)
        assert (True, True) == self._verdicts(doc)
        leaves = [p for p in _leaves(doc["statistics"]) if p and p[-1] != "combined"]
        money = [p for p in leaves if p[-1] == "value"]
        kind = data.draw(st.sampled_from(["count", "money", "claim", "key"]), label="kind")
        if kind == "money" and money:
            _set(
                doc["statistics"],
                data.draw(st.sampled_from(money)),
                data.draw(st.sampled_from(_DECIMAL_POOL)),
            )
        elif kind == "claim" and doc["claims"]:
            i = data.draw(st.integers(0, len(doc["claims"]) - 1))
            doc["claims"][i]["value"] = data.draw(st.sampled_from(_DECIMAL_POOL))
        elif kind == "key":
            doc["statistics"]["no_such_cell"] = 0
        else:
            counts = [p for p in leaves if p[-1] not in ("value", "unit")]
            _set(
                doc["statistics"],
                data.draw(st.sampled_from(counts)),
                data.draw(st.sampled_from(_POOL)),
            )
        reader, schema = self._verdicts(doc)
        assert reader == schema, doc
