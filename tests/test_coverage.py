"""Coverage: which part of the form a report's source reached.

The truncated excerpts of ../shared/corpus stop inside table 三; their cells are typed by
hand in tests/parsing/expected/. A cell the source never reached is not a cell printed
blank: lenient checks read the second as 0 and leave the first not assessable.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import disclosure_model as dm
from disclosure_model.report import Coverage

EXPECTED = Path(__file__).parent / "parsing" / "expected"

#: Excerpts that stop inside the tables, with the row where each one stops.
TRUNCATED = (
    "shenzhen-longgang-dept-2024-excerpt",
    "xixian-taiping-town-2022-excerpt",
    "nilka-town-2023-excerpt",
    "huichang-zhongcun-2020-excerpt",
    "yuanling-eryou-2020-excerpt",
)


def _value(v: Any) -> Any:
    if isinstance(v, dict):
        unit = dm.MoneyUnit(v["unit"]) if v["unit"] is not None else None
        return dm.Amount(value=Decimal(v["amount"]), unit=unit)
    return v


def report_from_expected(name: str) -> dm.Report:
    """The report a hand transcription describes (cells as typed; the rest not stated)."""
    data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    fmt = dm.ReportFormat(data["format"])
    stats = dm.formats.statistics_class(fmt)()
    for path, value in data["cells"].items():
        stats = _set(stats, path.split("."), _value(value))
    coverage = Coverage(last_row=data["last_row"]) if data["last_row"] else None
    return dm.Report(
        organ=dm.Organ(name=data["organ"] or "某机关", level=dm.OrganLevel.OTHER),
        year=data["year"],
        format=fmt,
        statistics=stats,
        sections=tuple(dm.Section(title=t, text="") for t in data["sections"]),
        coverage=coverage,
    )


def _set(obj: Any, parts: list[str], value: Any) -> Any:
    if len(parts) == 1:
        return attrs.evolve(obj, **{parts[0]: value})
    return attrs.evolve(obj, **{parts[0]: _set(getattr(obj, parts[0]), parts[1:], value)})


def _reached(report: dm.Report, finding: dm.Finding) -> bool:
    """Whether every cell the finding reads lies in the part of the form the source reached."""
    prefix = "$.statistics."
    paths = [c.path[len(prefix) :] for c in finding.cells if c.path.startswith(prefix)]
    return all(report.covers(p) for p in paths)


class TestCovers:
    """Report.covers follows the order of the form."""

    def test_rows_up_to_the_last(self) -> None:
        """Cells of the last row reached and before are covered; the next row is not."""
        r = attrs.evolve(
            dm.examples.load("huaian-2024"), coverage=Coverage(last_row="applications.granted")
        )
        assert r.covers("active.regulations.issued")
        assert r.covers("applications.granted.total")
        assert not r.covers("applications.partially_granted.natural_person")
        assert not r.covers("reviews.review.total")

    def test_no_coverage_covers_all(self) -> None:
        """Without a coverage the source is taken to have covered the whole form."""
        assert dm.examples.load("huaian-2024").covers("reviews.litigation_direct.total")

    def test_unknown_row_refused(self) -> None:
        """A last row the format does not have is refused at its path."""
        with pytest.raises(dm.ValidationError) as info:
            attrs.evolve(
                dm.examples.load("huaian-2024"), coverage=Coverage(last_row="applications.nope")
            )
        assert ["$.coverage.last_row"] == [p.path for p in info.value.problems]

    def test_malformed_key_refused(self) -> None:
        """A last row must be a 'table.row' key."""
        with pytest.raises(dm.ValidationError):
            Coverage(last_row="applications")


class TestJson:
    """Coverage round-trips, and documents of schema version 1 still load."""

    def test_round_trip(self) -> None:
        """A report with a coverage comes back equal from its JSON."""
        r = report_from_expected("xixian-taiping-town-2022-excerpt")
        text = dm.dumps(r)
        assert '"last_row": "applications.denied_security_stability"' in text
        assert r == dm.loads(text)

    def test_version_1_loads(self) -> None:
        """A version-1 document (no coverage key) loads, covering the whole form."""
        data = json.loads(dm.dumps(dm.examples.load("huaian-2024")))
        data["schema_version"] = 1
        del data["coverage"]
        loaded = dm.from_dict(data)
        assert loaded.coverage is None
        assert dm.examples.load("huaian-2024") == loaded

    def test_version_2_requires_coverage(self) -> None:
        """In version 2 the key is required like every other (null states absence)."""
        data = json.loads(dm.dumps(dm.examples.load("huaian-2024")))
        del data["coverage"]
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert ["$.coverage"] == [p.path for p in info.value.problems]


class TestSectionsOfExcerpts:
    """Headings after the cut cannot be looked for: R-11 is not assessable there."""

    def test_missing_headings_not_failed(self) -> None:
        """An excerpt that stops in table 三 has no sections 四–六; R-11 does not fail, and
        says it could not judge them."""
        r = report_from_expected("shenzhen-longgang-dept-2024-excerpt")
        r11 = [f for f in dm.check(r).findings if f.code == "R-11"]
        assert 3 == len(r11)
        assert {dm.Outcome.NOT_ASSESSABLE} == {f.outcome for f in r11}

    def test_complete_report_still_fails(self) -> None:
        """Without a coverage, the same missing headings fail R-11."""
        r = attrs.evolve(report_from_expected("shenzhen-longgang-dept-2024-excerpt"), coverage=None)
        r11 = [f for f in dm.check(r).findings if f.code == "R-11"]
        assert {dm.Outcome.FAIL} == {f.outcome for f in r11}


class TestLenientOnExcerpts:
    """Lenient checks on the truncated excerpts: nothing comes from cells the text never
    reached (measured before coverage: such findings came only from cells after the cut)."""

    @pytest.mark.parametrize("name", TRUNCATED)
    def test_no_finding_from_cells_not_reached(self, name: str) -> None:
        """Every failed finding of a lenient check reads only cells the excerpt reached."""
        r = report_from_expected(name)
        failed = [f for f in dm.check(r, lenient=True).findings if f.outcome is dm.Outcome.FAIL]
        assert [] == [f.code for f in failed if not _reached(r, f)]

    def test_without_coverage_the_cut_shows(self) -> None:
        """The same excerpt without its coverage fails R-01/R-03 on the unreached cells read
        as 0: the test above would catch a coverage that did nothing."""
        r = attrs.evolve(report_from_expected("shenzhen-longgang-dept-2024-excerpt"), coverage=None)
        failed = [f for f in dm.check(r, lenient=True).findings if f.outcome is dm.Outcome.FAIL]
        assert {"R-01", "R-03"} <= {f.code for f in failed}

    def test_unreached_rules_are_not_assessable(self) -> None:
        """With the coverage, R-01 (which needs rows after the cut) is not assessable."""
        r = report_from_expected("shenzhen-longgang-dept-2024-excerpt")
        findings = dm.check(r, lenient=True).findings
        r01 = [f for f in findings if f.code == "R-01"]
        assert r01
        assert {dm.Outcome.NOT_ASSESSABLE} == {f.outcome for f in r01}
