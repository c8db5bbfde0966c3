"""Findings for people: the readable text, cells in words, findings sharing a cell grouped,
one record or DataFrame row per finding; short reprs and the Jupyter views; typed frames."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import attrs
import pytest

import disclosure_model as dm
from disclosure_model.checks._present import (
    FINDING_COLUMNS,
    finding_records,
    findings_frame,
    group_findings,
    location,
    severity_word,
)
from disclosure_model.export import UNIT_COLUMNS, to_frame, to_records
from disclosure_model.render import findings_text


def with_typo(report: dm.Report, row: str, column: str, delta: int) -> dm.Report:
    stats = report.statistics
    table = stats.applications
    cells = getattr(table, row)
    cells = attrs.evolve(cells, **{column: getattr(cells, column) + delta})
    return attrs.evolve(
        report, statistics=attrs.evolve(stats, applications=attrs.evolve(table, **{row: cells}))
    )


@pytest.fixture(scope="module")
def typo() -> dm.CheckResult:
    """（七）总计 × 自然人 off by 10: R-01, R-02 and R-03 fail through that one cell."""
    report = with_typo(dm.examples.load("huaian-2024"), "results_total", "natural_person", 10)
    return dm.check(report)


class TestGroups:
    def test_one_typo_is_one_group(self, typo: dm.CheckResult) -> None:
        """The three failed identities share （七）总计 × 自然人 and form one group under it."""
        groups = group_findings(typo.findings)
        shared = [g for g in groups if g.shared]
        assert 1 == len(shared)
        assert "$.statistics.applications.results_total.natural_person" == shared[0].cell
        assert {"R-01", "R-02", "R-03"} == {f.code for f in shared[0].findings}
        assert len(typo.findings) == sum(len(g.findings) for g in groups)

    def test_a_typo_in_a_row_and_a_column(self) -> None:
        """（一）予以公开 × 自然人 off: the row's 总计 (R-02) and the column's （七）总计 (R-03)
        fail, and meet only in that cell."""
        report = with_typo(dm.examples.load("huaian-2024"), "granted", "natural_person", 10)
        groups = [g for g in group_findings(dm.check(report).findings) if g.shared]
        assert [("$.statistics.applications.granted.natural_person", {"R-02", "R-03"})] == [
            (g.cell, {f.code for f in g.findings}) for g in groups
        ]

    def test_two_typos_two_groups(self) -> None:
        """Typos in two different rows and columns are two problems."""
        report = with_typo(dm.examples.load("huaian-2024"), "granted", "natural_person", 10)
        report = with_typo(report, "carried_forward", "legal_commercial", 3)
        groups = [g for g in group_findings(dm.check(report).findings) if g.shared]
        assert {
            "$.statistics.applications.granted.natural_person",
            "$.statistics.applications.carried_forward.legal_commercial",
        } == {g.cell for g in groups}

    def test_not_assessable_never_grouped(self) -> None:
        """Rules not judged stand alone: a blank shared by them is not a typo."""
        groups = group_findings(dm.check(dm.examples.load("baoshan-2018")).not_assessable)
        assert not any(g.shared for g in groups)


class TestWords:
    def test_severity_words(self) -> None:
        """错误 / 警告 / 提示; traditional script for zh_Hant_TW; English otherwise."""
        words = [severity_word(s, locale="zh_Hans_CN") for s in dm.Severity]
        assert ["错误", "警告", "提示"] == words
        assert "錯誤" == severity_word(dm.Severity.ERROR, locale="zh_Hant_TW")
        assert "warning" == severity_word(dm.Severity.WARNING, locale="en")

    def test_location_names_row_and_column(self) -> None:
        """A cell in words, as the form labels its table, row and column (DOMAIN.md)."""
        path = "$.statistics.applications.results_total.natural_person"
        assert "表三 （七）总计 / 自然人" == location(path, locale="zh_Hans_CN")
        assert "table 3 (7) total / natural persons" == location(path, locale="en")
        four = "$.statistics.reviews.litigation_after_review.pending"
        assert "表四 行政诉讼 › 复议后起诉 / 尚未审结" == location(four, locale="zh_Hans_CN")
        legacy = "$.statistics.applications_received"
        assert "政府信息公开情况统计表 （一）收到申请数" == location(legacy, locale="zh_Hans_CN")
        assert location("$.claims[3]", locale="zh_Hans_CN") is None


class TestMessages:
    def test_r01_names_its_rows(self, typo: dm.CheckResult) -> None:
        """R-01's zh message says which rows 第一项 … 第四项 are (the form's note only
        numbers them)."""
        (r01,) = [f for f in typo.findings if f.code == "R-01"]
        assert "第一项加第二项（本年新收、上年结转）之和为 3,035" in r01.message_zh
        assert "第三项加第四项（（七）总计、结转下年度继续办理）之和为 3,045" in r01.message_zh


class TestFindingsText:
    def test_zh_words_cells_and_group(self, typo: dm.CheckResult) -> None:
        """zh: each failed finding with 错误, its cell in words, its message and its group;
        a line naming the shared cell."""
        text = findings_text(typo, locale="zh_Hans_CN")
        lines = text.splitlines()
        errors = [ln for ln in lines if ln.startswith("  error")]
        assert 3 == len(errors)
        assert all("错误｜表三 " in ln and ln.endswith("〔组1〕") for ln in errors)
        group = "〔组1〕R-01、R-03、R-02 涉及同一单元格 表三 （七）总计 / 自然人"
        assert f"  {group}，可能是同一处填报错误。" in lines
        assert "  无法核对 1 项：R-10（--include-not-assessable 逐条列出）" == lines[-1]

    def test_english(self, typo: dm.CheckResult) -> None:
        """en: the same lines with English cells and messages."""
        text = findings_text(typo, locale="en")
        assert (
            "[group 1] R-01, R-03, R-02 share the cell table 3 (7) total / natural persons" in text
        )

    def test_min_severity_and_not_assessable(self) -> None:
        """Below min_severity nothing; not assessable listed one by one when asked."""
        result = dm.check(dm.examples.load("baoshan-2018"))
        text = findings_text(result, locale="zh_Hans_CN", include_not_assessable=True)
        marked = [ln for ln in text.splitlines() if "(无法核对)" in ln]
        assert len(result.not_assessable) == len(marked)
        only = findings_text(result, locale="zh_Hans_CN", min_severity=dm.Severity.ERROR)
        assert "  未发现问题。" == only.splitlines()[0]

    def test_cli_prints_it(
        self, typo: dm.CheckResult, tmp_path: object, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`disclosure-model check` prints the findings text."""
        from pathlib import Path

        from disclosure_model.cli import main

        report = with_typo(dm.examples.load("huaian-2024"), "results_total", "natural_person", 10)
        path = Path(str(tmp_path)) / "typo.json"
        dm.dump(report, path)
        assert 1 == main(["check", str(path)])
        out = capsys.readouterr().out
        assert findings_text(typo, locale="zh_CN") in out


class TestRecords:
    def test_one_row_per_finding(self, typo: dm.CheckResult) -> None:
        """The frame has one row per finding, the groups numbered, the words in the locale."""
        pytest.importorskip("pandas")
        frame = findings_frame(typo, locale="zh_Hans_CN")
        assert len(typo.findings) == len(frame)
        assert list(FINDING_COLUMNS) == list(frame.columns)
        assert [f.code for f in typo.findings] == list(frame["code"])
        shared = frame[frame["group_cell"].notna()]
        assert {"R-01", "R-02", "R-03"} == set(shared["code"])
        assert 1 == shared["group"].nunique()
        assert {"错误", "无法核对"} == set(frame["label"])

    def test_check_result_to_frame(self, typo: dm.CheckResult) -> None:
        """CheckResult.to_frame() and to_records(): one row per finding, in the locale the
        check ran with unless told."""
        pytest.importorskip("pandas")
        frame = typo.to_frame()
        assert len(typo.findings) == len(frame)
        assert "错误" == frame.loc[0, "label"]
        assert "error" == typo.to_frame(locale="en").loc[0, "label"]
        assert len(typo.findings) == len(typo.to_records())

    def test_records_are_plain(self, typo: dm.CheckResult) -> None:
        """Records are JSON-able: decimals as text, paths and words as strings."""
        records = finding_records(typo, locale="en")
        assert len(typo.findings) == len(records)
        assert all(type(r["expected"]) in (int, str, type(None)) for r in records)
        assert "table 3 (7) total / natural persons" == records[1]["location"]


class TestReprs:
    def test_short_one_line(self) -> None:
        """Reports, results, ratios and comparisons repr in one line of at most 200."""
        objects: list[object] = []
        for name in dm.examples.names():
            report = dm.examples.load(name)
            objects.extend([report, dm.check(report), *dm.ratios(report).values()])
            objects.append(dm.compare(report, attrs.evolve(report, year=report.year - 1)))
        for obj in objects:
            text = repr(obj)
            assert len(text) <= 200, text
            assert "\n" not in text

    def test_ratio_shows_value_and_percent(self) -> None:
        """A ratio's repr shows its parts, its value and its percentage."""
        assert "<Ratio 57/129 = 0.44186 (44.2%)>" == repr(dm.Ratio(numerator=57, denominator=129))
        assert "<Ratio 3/0: not defined>" == repr(dm.Ratio(numerator=3, denominator=0))

    def test_check_result_repr(self, typo: dm.CheckResult) -> None:
        """A check result's repr counts its findings and names the failed codes."""
        assert (
            "<CheckResult: 3 errors, 0 warnings, 0 infos, 1 not assessable; failed R-01 R-02 R-03>"
            == repr(typo)
        )

    def test_check_result_view(self, typo: dm.CheckResult) -> None:
        """A check result's view is a table of its findings, the shared cell named."""
        view = typo._repr_html_()
        assert "<table" in view
        assert 3 == view.count('<td class="dm-sev dm-sev-error">')
        assert "以下 3 项涉及同一单元格：表三 （七）总计 / 自然人" in view

    def test_report_repr(self) -> None:
        """The report's repr names it, without its narrative."""
        text = repr(dm.examples.load("huaian-2024"))
        assert text.startswith("<Report 淮安市人民政府 2024 gov-2021: ")

    def test_html_views_contain_the_tables(self) -> None:
        """A report's view has its official tables; a ratio's its numerator and denominator;
        a comparison's its indicators."""
        report = dm.examples.load("huaian-2024")
        view = report._repr_html_()
        for key in ("active", "applications", "reviews"):
            assert f'data-table="{key}"' in view
        assert 'rowspan="22"' in view
        assert "<script" not in view
        ratio = dm.ratios(report)["disclosure_rate"]._repr_html_()
        assert "<td>1,816</td>" in ratio
        assert "<td>3,050</td>" in ratio
        assert "<td>59.5%</td>" in ratio
        comparison = dm.compare(report, attrs.evolve(report, year=2023))._repr_html_()
        assert "<td>59.5%</td>" in comparison  # a share, (1362 + 454) / 3050
        assert "<td>12.7284</td>" in comparison  # per 100 applications, not a percentage


class TestTypedFrame:
    def test_a_sum_never_mixes_units(self) -> None:
        """Grouped by report, each value column sums the cells of one unit only: the sums
        are those of the long records of that unit."""
        pytest.importorskip("pandas")
        reports = [dm.examples.load(n) for n in dm.examples.names()]
        frame = to_frame(reports, kind="typed")
        sums = frame.groupby("report_id")[list(UNIT_COLUMNS.values())].sum()
        expected: dict[tuple[str, str], object] = defaultdict(int)
        for r in to_records(reports, kind="long"):
            unit = dm.Unit(r["unit"]) if r["unit"] is not None else None
            expected[(r["report_id"], UNIT_COLUMNS[unit])] += r["value"]
        for (report_id, column), total in expected.items():
            assert total == sums.loc[report_id, column]
        for column in UNIT_COLUMNS.values():
            rows = frame[frame[column].notna()]
            units = set(rows["unit"])
            assert len(units) <= 1

    def test_typed_columns(self) -> None:
        """Counts are nullable integers, money exact Decimals; the fee in 万元 as stated."""
        pytest.importorskip("pandas")
        frame = to_frame([dm.examples.load("huaian-2024")], kind="typed")
        assert "Int64" == str(frame["value_piece"].dtype)
        assert object == frame["value_wan_yuan"].dtype
        assert [Decimal("96171.6")] == list(frame["value_wan_yuan"].dropna())
        assert "value" not in frame.columns

    def test_harmonised_rates_for_every_format(self) -> None:
        """With harmonised=True the legacy seed has a disclosure rate too, marked approximate;
        the 2021 report's equals its own (1362 + 454) / 3050."""
        pytest.importorskip("pandas")
        reports = [dm.examples.load("baoshan-2018"), dm.examples.load("huaian-2024")]
        frame = to_frame(reports, kind="wide", harmonised=True)
        assert [False, True] == list(frame["harmonised_disclosure_rate_exact"])
        assert pytest.approx((1362 + 454) / 3050) == frame.loc[1, "harmonised_disclosure_rate"]
        assert frame.loc[0, "harmonised_disclosure_rate"] > 0
