"""Corpus runs (disclosure_model.batch, ``dm.corpus``): every input gives a result or a
recorded failure, the summary adds up, several processes give the same stream."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import batch, export
from disclosure_model.batch import Failure, FailureKind, ReportResult

HUAIAN = dm.examples.load("huaian-2024")
BAOSHAN = dm.examples.load("baoshan-2018")


def huaian_in(year: int) -> dm.Report:
    return attrs.evolve(HUAIAN, year=year)


def broken_total() -> str:
    """The 淮安 2024 report with a total one more than its parts: an error-severity finding."""
    data = dm.to_dict(HUAIAN)
    data["statistics"]["applications"]["new_received"]["total"] += 1
    return json.dumps(data, ensure_ascii=False)


#: The failures the mixed corpus must record, typed by hand: (file, line, kind).
EXPECTED_FAILURES = [
    ("lines.jsonl", 3, "invalid_json"),
    ("lines.jsonl", 5, "invalid_report"),
    ("sub/bad.json", None, "invalid_json"),
    ("sub/dangling.json", None, "unreadable"),
    ("sub/empty.txt", None, "parse_error"),
    ("sub/invalid.json", None, "invalid_report"),
    ("sub/latin.json", None, "not_utf8"),
]
#: The reports it holds, in input order (directories sorted, lines in order): organ and
#: year, file, line.
EXPECTED_REPORTS = [
    ("淮安市人民政府", 2022, "2022.json", None),
    ("淮安市人民政府", 2023, "2023.json", None),
    ("保山市人民政府", 2018, "lines.jsonl", 1),
    ("淮安市人民政府", 2024, "lines.jsonl", 2),
    ("淮安市人民政府", 2024, "page.html", None),
]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A directory of good, broken and unreadable inputs, and a file the corpus ignores."""
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    dm.dump(huaian_in(2022), d / "2022.json")
    dm.dump(huaian_in(2023), d / "2023.json")
    lines = [
        dm.dumps(BAOSHAN, indent=None),
        dm.dumps(HUAIAN, indent=None),
        "{garbage",
        "   ",
        '{"schema_version": 2}',
    ]
    (d / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "page.html").write_text(dm.render_html(HUAIAN, locale="zh_CN"), encoding="utf-8")
    (d / "notes.rst").write_text("not an input", encoding="utf-8")
    (d / "sub" / "bad.json").write_text("{not json", encoding="utf-8")
    (d / "sub" / "latin.json").write_bytes('{"organ": "淮安"}'.encode("gb18030"))
    (d / "sub" / "invalid.json").write_text('{"schema_version": 2, "year": 2024}')
    (d / "sub" / "empty.txt").write_text("本页没有统计表。", encoding="utf-8")
    (d / "sub" / "dangling.json").symlink_to(d / "sub" / "gone.json")
    return d


def relative(results: list[Any], root: Path) -> list[tuple[str | None, int | None]]:
    return [
        (None if r.file is None else Path(r.file).relative_to(root).as_posix(), r.line)
        for r in results
    ]


class TestMixedCorpus:
    def test_runs_to_the_end_with_each_failure_recorded(self, mixed: Path) -> None:
        """Every good input gives a result and every bad one a failure of its kind; none stops
        the run, and a file of another suffix is not read."""
        results = list(dm.corpus(mixed))
        failures = [r for r in results if isinstance(r, Failure)]
        reports = [r for r in results if isinstance(r, ReportResult)]
        assert EXPECTED_FAILURES == [
            (f, line, r.kind.value)
            for (f, line), r in zip(relative(failures, mixed), failures, strict=True)
        ]
        assert EXPECTED_REPORTS == [
            (r.organ, r.year, f, line)
            for (f, line), r in zip(relative(reports, mixed), reports, strict=True)
        ]
        assert all(f.message for f in failures)

    def test_results_come_in_input_order(self, mixed: Path) -> None:
        """Files sorted within each directory, subdirectories in turn, lines in order."""
        order = relative(list(dm.corpus(mixed)), mixed)
        assert [
            ("2022.json", None),
            ("2023.json", None),
            ("lines.jsonl", 1),
            ("lines.jsonl", 2),
            ("lines.jsonl", 3),
            ("lines.jsonl", 5),
            ("page.html", None),
            ("sub/bad.json", None),
            ("sub/dangling.json", None),
            ("sub/empty.txt", None),
            ("sub/invalid.json", None),
            ("sub/latin.json", None),
        ] == order

    def test_summary_counts_match_the_results(self, mixed: Path) -> None:
        """Every count of the summary is the count recomputed from the per-report results."""
        run = dm.corpus(mixed, pair=True)
        results = list(run)
        s = run.summary
        reports = [r for r in results if isinstance(r, ReportResult)]
        failed = [
            (r, f) for r in reports for f in r.findings if f["outcome"] == "fail"
        ]  # (report, finding) of every failed rule
        assert len(reports) == s.reports
        assert sum(1 for r in reports if r.errors == 0) == s.ok
        assert len(EXPECTED_FAILURES) == s.failed
        assert Counter(k for _, _, k in EXPECTED_FAILURES) == Counter(s.failures_by_kind)
        assert Counter(f["code"] for _, f in failed) == Counter(s.findings_by_code)
        assert Counter(f["severity"] for _, f in failed) == Counter(s.findings_by_severity)
        assert Counter(r.format for r, _ in failed) == Counter(s.findings_by_format)
        assert Counter(r.year for r, _ in failed) == Counter(s.findings_by_year)
        assert Counter(r.level for r, _ in failed) == Counter(s.findings_by_level)
        assert Counter(r.format for r in reports) == Counter(s.reports_by_format)
        assert sum(1 for r in reports for f in r.findings if f["outcome"] == "not-assessable") == (
            s.not_assessable
        )
        for r in reports:
            assert (
                sum(1 for f in r.findings if f["severity"] == "error" and f["outcome"] == "fail")
                == r.errors
            )

    def test_ratio_distributions_match_the_results(self, mixed: Path) -> None:
        """Count, min, quartiles and max of each ratio, recomputed from the results (the
        quartiles by linear interpolation between the order statistics)."""
        run = dm.corpus(mixed)
        values: dict[str, list[float]] = {}
        for r in run.reports():
            for code, v in r.ratios:
                if v is not None:
                    values.setdefault(code, []).append(v)
        assert set(values) == set(run.summary.ratios)
        for code, vs in values.items():
            d = run.summary.ratios[code]
            xs = sorted(vs)

            def q(p: float, xs: list[float] = xs) -> float:
                pos = p * (len(xs) - 1)
                lo = int(pos)
                hi = min(lo + 1, len(xs) - 1)
                return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)

            assert (len(xs), xs[0], xs[-1], True) == (d.count, d.min, d.max, d.exact), code
            assert d.q1 == pytest.approx(q(0.25)), code
            assert d.median == pytest.approx(q(0.5)), code
            assert d.q3 == pytest.approx(q(0.75)), code

    def test_a_result_is_what_check_and_ratios_say(self, mixed: Path) -> None:
        """The 2023 report's record: its organ, level, year and format as built, its counts
        and codes those of dm.check, its ratios those of dm.ratios."""
        [result] = [r for r in dm.corpus(mixed) if r.file and r.file.endswith("2023.json")]
        assert isinstance(result, ReportResult)
        report = huaian_in(2023)
        checked = dm.check(report)
        assert ("淮安市人民政府", "city", 2023, "gov-2021") == (
            result.organ,
            result.level,
            result.year,
            result.format,
        )
        assert (len(checked.errors), len(checked.warnings), len(checked.infos)) == (
            result.errors,
            result.warnings,
            result.infos,
        )
        assert len(checked.not_assessable) == result.not_assessable
        assert tuple(sorted(checked.codes)) == result.codes
        assert [f.to_record() for f in checked.findings] == [
            {k: v for k, v in f.items() if k not in ("report_id", "file", "line")}
            for f in result.findings
        ]
        expected = {
            c: (None if r.value is None else float(r.value)) for c, r in dm.ratios(report).items()
        }
        assert expected == dict(result.ratios)
        assert export.report_id(report) == result.report_id  # the id of flat records
        record = result.to_record()
        assert list(batch.RECORD_COLUMNS) == list(record)
        assert record["legacy_disclosure_rate"] is None  # a ratio of another format


class TestCrossYear:
    def test_pairing_within_the_corpus(self, mixed: Path) -> None:
        """With pair=True a report is checked against its organ's report of the year before
        found in the corpus; the first report of an organ and year is the one used."""
        by_where = {
            (r.file and Path(r.file).name, r.line): r
            for r in dm.corpus(mixed, pair=True)
            if isinstance(r, ReportResult)
        }
        assert by_where[("2022.json", None)].previous is None
        assert by_where[("2023.json", None)].previous == str(mixed / "2022.json")
        assert by_where[("lines.jsonl", 2)].previous == str(mixed / "2023.json")
        assert by_where[("page.html", None)].previous == str(mixed / "2023.json")
        assert by_where[("lines.jsonl", 1)].previous is None  # no 保山 2017

    def test_pairing_gives_the_rules_across_years(self, mixed: Path) -> None:
        """The 2023 report paired with 2022 has exactly dm.check(.., previous=...)'s findings."""
        [r] = [r for r in dm.corpus(mixed, pair=True) if r.file and r.file.endswith("2023.json")]
        assert isinstance(r, ReportResult)
        expected = dm.check(huaian_in(2023), previous=huaian_in(2022))
        assert tuple(sorted(expected.codes)) == r.codes
        assert tuple(sorted(expected.codes)) != tuple(sorted(dm.check(huaian_in(2023)).codes))

    def test_a_line_of_a_json_lines_file_is_a_previous_report(self, tmp_path: Path) -> None:
        """The index keeps where a line starts: its report is read again from there."""
        lines = tmp_path / "years.jsonl"
        lines.write_text(
            dm.dumps(huaian_in(2022), indent=None)
            + "\n"
            + dm.dumps(huaian_in(2023), indent=None)
            + "\n",
            encoding="utf-8",
        )
        results = list(dm.corpus(lines, pair=True))
        assert [None, f"{lines}:1"] == [r.previous for r in results]

    def test_previous_dir(self, tmp_path: Path) -> None:
        """--previous-dir: the reports of the year before come from another directory."""
        (tmp_path / "old").mkdir()
        (tmp_path / "new").mkdir()
        dm.dump(huaian_in(2023), tmp_path / "old" / "a.json")
        dm.dump(HUAIAN, tmp_path / "new" / "b.json")
        dm.dump(BAOSHAN, tmp_path / "new" / "c.json")
        results = list(dm.corpus(tmp_path / "new", previous_dir=tmp_path / "old"))
        assert [str(tmp_path / "old" / "a.json"), None] == [r.previous for r in results]

    def test_pairing_refuses_an_iterator(self) -> None:
        """An iterator cannot be read twice, so it cannot be paired within itself."""
        with pytest.raises(ValueError, match="twice"):
            dm.corpus(iter([HUAIAN]), pair=True)

    def test_previous_dir_must_be_a_directory(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="not a directory"):
            dm.corpus([HUAIAN], previous_dir=tmp_path / "none")


class TestInputs:
    def test_an_iterable_of_reports_texts_and_paths(self, tmp_path: Path) -> None:
        """Reports, JSON texts (str or bytes) and paths mix; an item of another type is a
        failure, its position the line."""
        path = tmp_path / "r.json"
        dm.dump(BAOSHAN, path)
        items: list[Any] = [HUAIAN, dm.dumps(BAOSHAN), dm.dumps(HUAIAN).encode(), path, 42]
        results = list(dm.corpus(items))
        assert ["ReportResult"] * 4 + ["Failure"] == [type(r).__name__ for r in results]
        assert [1, 2, 3, None, 5] == [r.line for r in results]
        assert [None, None, None, str(path), None] == [r.file for r in results]
        last = results[-1]
        assert isinstance(last, Failure)
        assert FailureKind.UNSUPPORTED is last.kind

    def test_a_single_path_or_report(self, tmp_path: Path) -> None:
        dm.dump(HUAIAN, tmp_path / "r.json")
        assert 1 == len(list(dm.corpus(str(tmp_path / "r.json"))))
        assert 1 == len(list(dm.corpus(HUAIAN)))

    def test_a_missing_or_unsupported_file_is_a_failure(self, tmp_path: Path) -> None:
        (tmp_path / "r.xlsx").write_bytes(b"PK")
        results = list(dm.corpus([tmp_path / "missing.json", tmp_path / "r.xlsx"]))
        assert [FailureKind.UNREADABLE, FailureKind.UNSUPPORTED] == [
            r.kind for r in results if isinstance(r, Failure)
        ]

    def test_a_long_message_is_cut(self) -> None:
        """A failure keeps at most MESSAGE_CHARS characters of its message."""
        [r] = list(dm.corpus([b"{" + b'"k": 1, ' * 2000 + b"}"]))
        assert isinstance(r, Failure)
        assert len(r.message) <= batch.MESSAGE_CHARS

    def test_a_run_is_iterated_once(self) -> None:
        run = dm.corpus([HUAIAN])
        list(run)
        with pytest.raises(ValueError, match="once"):
            iter(run)

    def test_the_summary_runs_what_is_left(self) -> None:
        run = dm.corpus([HUAIAN, BAOSHAN, b"x"])
        next(iter(run))
        assert (2, 1) == (run.summary.reports, run.summary.failed)

    def test_jobs_must_be_a_positive_whole_number(self) -> None:
        with pytest.raises(ValueError, match="jobs"):
            dm.corpus([HUAIAN], jobs=0)

    def test_dm_corpus_is_the_function(self) -> None:
        """Importing the module behind dm.corpus does not replace the function."""
        import disclosure_model.batch  # noqa: F401

        assert callable(dm.corpus)
        assert dm.corpus is batch.corpus


class TestBounds:
    def test_the_summary_lists_a_bounded_number_of_failures(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(batch, "LISTED_FAILURES", 2)
        run = dm.corpus([b"x", b"y", b"z"])
        assert (3, 2, {"invalid_json": 3}) == (
            run.summary.failed,
            len(run.summary.failures),
            dict(run.summary.failures_by_kind),
        )

    def test_quartiles_from_a_sample_beyond_its_size(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Beyond SAMPLE_SIZE values the count, min and max stay exact; the quartiles are
        marked as a sample's."""
        monkeypatch.setattr(batch, "SAMPLE_SIZE", 2)
        reports = [HUAIAN, BAOSHAN, HUAIAN, HUAIAN]  # the 2021 ratio thrice
        run = dm.corpus(reports)
        list(run)
        d = run.summary.ratios["natural_person_share"]
        values = [
            float(r.value)
            for rep in reports
            for c, r in dm.ratios(rep).items()
            if c == "natural_person_share" and r.value is not None
        ]
        assert (len(values), min(values), max(values), False) == (d.count, d.min, d.max, d.exact)

    def test_several_processes_read_a_bounded_way_ahead(self) -> None:
        """jobs=2 takes inputs from the stream only some chunks ahead of what it yields."""
        taken = 0

        def inputs() -> Iterator[dm.Report]:
            nonlocal taken
            for _ in range(2000):
                taken += 1
                yield HUAIAN

        stream = iter(dm.corpus(inputs(), jobs=2))
        next(stream)
        ahead = 2 * batch._IN_FLIGHT * batch._CHUNK + batch._CHUNK
        assert taken <= ahead
        assert 2000 > ahead
        stream.close()


class TestJobs:
    def test_two_processes_give_the_same_results_in_the_same_order(self, mixed: Path) -> None:
        one = list(dm.corpus(mixed, pair=True))
        two = list(dm.corpus(mixed, pair=True, jobs=2))
        assert one == two
        assert len(EXPECTED_FAILURES) + len(EXPECTED_REPORTS) == len(two)


class TestOutputs:
    def test_csv_and_json_lines(self, mixed: Path, tmp_path: Path) -> None:
        """One row per report (failures are in the summary), the findings in a second file."""
        import csv

        summary = dm.corpus(mixed).write(
            tmp_path / "r.csv", output="csv", findings=tmp_path / "f.csv"
        )
        with (tmp_path / "r.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert len(EXPECTED_REPORTS) == len(rows) == summary.reports
        assert list(batch.RECORD_COLUMNS) == list(rows[0])
        assert "" == rows[0]["line"]  # missing is empty, never 0
        with (tmp_path / "f.csv").open(encoding="utf-8") as f:
            findings = list(csv.DictReader(f))
        results = [r for r in dm.corpus(mixed) if isinstance(r, ReportResult)]
        assert sum(len(r.findings) for r in results) == len(findings)

        out = io.StringIO()
        dm.corpus(mixed).write(out, output="jsonl")
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [r.to_record() for r in results] == lines

    def test_parquet(self, mixed: Path, tmp_path: Path) -> None:
        pq = pytest.importorskip("pyarrow.parquet")
        dm.corpus(mixed).write(tmp_path / "r.parquet", output="parquet")
        table = pq.read_table(tmp_path / "r.parquet")
        assert len(EXPECTED_REPORTS) == table.num_rows
        assert "int64" == str(table.schema.field("year").type)
        assert "double" == str(table.schema.field("disclosure_rate").type)
        assert [r[0] for r in EXPECTED_REPORTS] == table.column("organ").to_pylist()
        results = [r for r in dm.corpus(mixed) if isinstance(r, ReportResult)]
        assert [r.report_id for r in results] == table.column("report_id").to_pylist()

    def test_parquet_needs_a_path(self) -> None:
        with pytest.raises(ValueError, match="path"):
            dm.corpus([HUAIAN]).write(io.StringIO(), output="parquet")

    def test_an_unknown_output(self) -> None:
        with pytest.raises(ValueError, match="output"):
            dm.corpus([HUAIAN]).write(io.StringIO(), output="xml")  # type: ignore[arg-type]

    def test_data_frame(self, mixed: Path) -> None:
        pytest.importorskip("pandas")
        frame = dm.corpus(mixed).to_frame()
        assert len(EXPECTED_REPORTS) == len(frame)
        assert "Int64" == str(frame["year"].dtype)
        assert frame["legacy_disclosure_rate"].isna().sum() == 4  # the four 2021-format reports

    def test_summary_as_a_dict_is_json(self, mixed: Path) -> None:
        run = dm.corpus(mixed)
        text = json.dumps(run.summary.to_dict(), ensure_ascii=False)
        assert json.loads(text)["failed"] == len(EXPECTED_FAILURES)

    def test_run_file_is_the_per_file_function(self, mixed: Path) -> None:
        """run_file over the files of the corpus gives the corpus' results."""
        from_files = [r for f in batch.files(mixed) for r in batch.run_file(f)]
        assert list(dm.corpus(mixed)) == from_files

    def test_summarise_gives_the_run_summary(self, mixed: Path) -> None:
        run = dm.corpus(mixed)
        assert batch.summarise(list(run)) == run.summary


class TestWithoutMessages:
    def test_the_same_rules_and_summary_without_messages(self, mixed: Path) -> None:
        """messages=False keeps which rule failed how and where; the summary is the same."""
        keep = ("report_id", "file", "line", "code", "severity", "outcome", "path", "cell_code")
        full = dm.corpus(mixed, pair=True)
        bare = dm.corpus(mixed, pair=True, messages=False)
        full_findings = [{k: f[k] for k in keep} for f in full.findings()]
        bare_findings = list(bare.findings())
        assert full_findings == [{k: f[k] for k in keep} for f in bare_findings]
        assert all(f["message_zh"] is None for f in bare_findings)
        assert full_findings  # the corpus has findings to compare
        assert full.summary == bare.summary


class TestPages:
    def test_an_unreadable_page(self, tmp_path: Path) -> None:
        """A page that cannot be opened is unreadable, not unparseable."""
        (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
        [r] = list(dm.corpus(tmp_path))
        assert isinstance(r, Failure)
        assert (FailureKind.UNREADABLE, str(tmp_path / "gone.html")) == (r.kind, r.file)

    def test_a_page_without_its_extra(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A page whose parser needs a missing extra is recorded, and the run goes on."""
        import disclosure_model.parsing

        def missing(*_args: object, **_kwargs: object) -> object:
            raise dm.OptionalDependencyError("parse needs pypdf: install the 'pdf' extra")

        monkeypatch.setattr(disclosure_model.parsing, "parse", missing)
        (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
        dm.dump(HUAIAN, tmp_path / "b.json")
        results = list(dm.corpus(tmp_path))
        assert ["Failure", "ReportResult"] == [type(r).__name__ for r in results]
        assert FailureKind.UNSUPPORTED is results[0].kind  # type: ignore[union-attr]
        assert "'pdf' extra" in results[0].message  # type: ignore[union-attr]
