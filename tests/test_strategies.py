"""Properties of ``disclosure_model.strategies``: each strategy gives what it promises.

* reports round-trip through JSON, in every format, with and without blanks and claims;
* a consistent report fails no rule; with blanks no rule fails either, some are not assessable;
  two consecutive reports fail no rule across the years;
* a broken report fails exactly its rule at its path (and the rules that rule implies, which
  :attr:`BrokenReport.also` names), and every rule of the catalogue has a corruption;
* a stated percentage gives the finding predicted for it;
* ``dm.loads`` and ``dm.from_dict`` raise nothing but ``ValidationError`` on arbitrary JSON and
  on serialised reports with one part changed; ``dm.check`` never raises;
* the hypothesis entry point makes ``st.from_type(Report)`` work.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from tests._consistent import fixed_report, report_around

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import data_richness  # benchmarks/ is put on the path just above

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.checks import Finding, Outcome
from disclosure_model.checks._identities import Instance, instances
from disclosure_model.formats import STATISTICS_CLASSES, statistics_class
from disclosure_model.strategies._broken import _break_identity

FORMATS = list(dm.ReportFormat)
#: For ``find``: the simplest example, which hypothesis tries first and every failure
#: shrinks towards. (Shrinking a whole report to check that it is minimal takes seconds.)
SIMPLEST = settings(database=None, max_examples=1, phases=[Phase.generate])
#: For ``find``: search without shrinking what is found, the same way every run.
SEARCH = settings(database=None, phases=[Phase.generate], max_examples=1000, derandomize=True)
NEW_FORMATS = [dm.ReportFormat.GOV_2019, dm.ReportFormat.GOV_2021]


def at_most(n: int) -> settings:
    """At most ``n`` examples (fewer if the profile asks for fewer), for the properties that
    draw more than one report per example."""
    return settings(max_examples=min(settings.default.max_examples, n))


def _failed(result: dm.CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.outcome is Outcome.FAIL]


def _cells(stats: Any) -> list[Any]:
    return [v for _, v in stats.cells()]


def _first_path(inst: Instance) -> str:
    return (inst.left or inst.right)[0].path


def assert_broken(broken: dms.BrokenReport) -> None:
    """The broken report fails its rule at its path, and no rule but those it implies."""
    failed = _failed(dm.check(broken.report, previous=broken.previous))
    assert (broken.code, broken.path) in {(f.code, f.path) for f in failed}
    assert {broken.code} | broken.also == {f.code for f in failed}


class TestReports:
    @pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
    @at_most(70)  # the three formats share one property's budget
    @given(data=st.data())
    def test_json_round_trip(self, fmt: dm.ReportFormat, data: st.DataObject) -> None:
        """Every report the strategy draws, consistent or not, with blanks or claims, reads
        back from its JSON (text and dict) as an equal report."""
        report = data.draw(
            dms.reports(
                format=fmt,
                consistent=data.draw(st.booleans(), label="consistent"),
                with_blanks=data.draw(st.booleans(), label="with_blanks"),
                with_claims=data.draw(st.booleans(), label="with_claims"),
            ),
            label="report",
        )
        assert report == dm.from_dict(json.loads(json.dumps(dm.to_dict(report))))
        assert report == dm.loads(dm.dumps(report, indent=None))

    @given(dms.reports(with_claims=True))
    def test_consistent_fails_nothing(self, report: dm.Report) -> None:
        """A consistent report with true claims has no error and no failed rule at all."""
        result = dm.check(report)
        assert () == result.errors
        assert [] == _failed(result)

    @given(dms.reports(with_blanks=True, with_claims=True))
    def test_consistent_where_stated(self, report: dm.Report) -> None:
        """With blanks, a consistent report still fails no rule; what a blank hides is not
        assessable, never failed."""
        assert [] == _failed(dm.check(report))

    @at_most(100)  # two reports per example
    @given(dms.consecutive_reports())
    def test_consecutive_reports_follow_on(self, pair: tuple[dm.Report, dm.Report]) -> None:
        """Two consecutive reports fail no rule, within each year or across the two."""
        previous, report = pair
        assert (previous.organ, previous.year) == (report.organ, report.year - 1)
        assert [] == _failed(dm.check(report, previous=previous))
        assert [] == _failed(dm.check(previous))

    @pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
    def test_shrinks_to_zeros(self, fmt: dm.ReportFormat) -> None:
        """The smallest report is one of zeros, without claims, with the shortest texts."""
        smallest = find(dms.reports(format=fmt), lambda _: True, settings=SIMPLEST)
        counts = [v for v in _cells(smallest.statistics) if not isinstance(v, dm.Amount)]
        amounts = [v for v in _cells(smallest.statistics) if isinstance(v, dm.Amount)]
        assert {0} == set(counts)
        assert all(a.value == 0 for a in amounts)
        assert () == smallest.claims
        shortest = ("", "信息处理费按《政府信息公开信息处理费管理办法》执行。")
        assert all(s.text in shortest for s in smallest.sections)

    @pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
    def test_some_counts_are_large(self, fmt: dm.ReportFormat) -> None:
        """Aggregate figures in the tens of thousands come up, as in a city's report."""

        def large(report: dm.Report) -> bool:
            return any(isinstance(v, int) and v >= 10_000 for v in _cells(report.statistics))

        assert large(find(dms.reports(format=fmt), large, settings=SEARCH))


class TestTables:
    @at_most(100)  # three tables and three checks per example
    @given(data=st.data())
    def test_each_table_is_consistent(self, data: st.DataObject) -> None:
        """Each table strategy gives its class, and a report stating only that table fails
        no rule (the other tables are blank, so their rules are not assessable)."""
        fmt = data.draw(st.sampled_from(NEW_FORMATS), label="format")
        tables = {
            "applications": dms.applications_tables(format=fmt),
            "active": dms.active_disclosure_tables(format=fmt),
            "reviews": dms.reviews_tables(),
        }
        cls = statistics_class(fmt)
        for name, strategy in tables.items():
            table = data.draw(strategy, label=name)
            stats = cls(**{name: table})
            assert isinstance(table, type(getattr(stats, name)))
            assert [] == _failed(dm.check(report_around(stats)))

    @given(dms.legacy_statistics(with_blanks=True))
    def test_legacy_with_combined_figures(self, stats: dm.LegacyStatistics) -> None:
        """Legacy statistics with blanks and figures stated for several cells together fail
        no rule: a combined figure is the sum of the cells it stands for."""
        assert [] == _failed(dm.check(report_around(stats)))

    @given(dms.statistics(consistent=False, with_blanks=True))
    def test_arbitrary_statistics_are_valid(self, stats: Any) -> None:
        """Statistics drawn with ``consistent=False`` are what a report may hold: each cell
        blank, a count (an int, not a bool; below 0 only for a signed change), or a sum of
        money (a Decimal, not below 0); and the loader reads them back as they were."""
        for entry, value in stats.cells():
            if value is None:
                continue
            if entry.kind is dm.CellKind.MONEY:
                assert isinstance(value, dm.Amount), entry.path
                assert isinstance(value.value, Decimal), entry.path
                assert value.value >= 0, entry.path
            else:
                assert type(value) is int, entry.path
                assert value >= 0 or entry.kind is dm.CellKind.CHANGE, entry.path
        report = report_around(stats)
        assert report == dm.from_dict(json.loads(json.dumps(dm.to_dict(report))))

    def test_arbitrary_statistics_vary(self) -> None:
        """On a fixed-seed sample, ``consistent=False`` gives what the docstring promises:
        blanks, counts beyond a float's precision (2**53), negative changes, and tables
        whose totals do not add up (some identity fails)."""
        found = data_richness.sample(
            dms.statistics(format="gov-2019", consistent=False, with_blanks=True), 60, 12
        )
        values = [(e, v) for stats in found for e, v in stats.cells()]
        assert any(v is None for _, v in values)
        assert any(isinstance(v, int) and v > 2**53 for _, v in values)
        assert any(e.kind is dm.CellKind.CHANGE and isinstance(v, int) and v < 0 for e, v in values)
        assert any(_failed(dm.check(report_around(stats))) for stats in found)


class TestClaims:
    @given(data=st.data())
    def test_true_claims_are_true(self, data: st.DataObject) -> None:
        """A claim drawn for a report's statistics gives no failed finding."""
        report = data.draw(dms.reports(with_blanks=data.draw(st.booleans())), label="report")
        claim = data.draw(
            dms.claims(statistics=report.statistics, sections=len(report.sections)), label="claim"
        )
        assert [] == _failed(dm.check(attrs.evolve(report, claims=(claim,))))

    @pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
    def test_any_claim_is_about_real_cells(self, fmt: dm.ReportFormat) -> None:
        """Claims drawn without statistics name only cells of their format's catalogue and
        no other claim; on a fixed-seed sample they have every kind, every approximation,
        values of up to 3 decimals, some beyond a million, some about nothing."""
        paths = {e.path for e in dm.catalogue(fmt)}
        found = data_richness.sample(dms.claims(format=fmt), 150, 12)

        def operands(about: Any) -> list[Any]:
            if isinstance(about, dm.Share):
                return [about.numerator, about.denominator]
            return [about]

        for claim in found:
            for operand in operands(claim.about):
                assert not isinstance(operand, dm.ClaimSum), claim
                if isinstance(operand, dm.CellSum):
                    assert set(operand.paths) <= paths, claim
            assert 0 <= claim.value, claim
            assert claim.decimals <= 3, claim
        assert set(dm.ClaimKind) == {c.kind for c in found}
        assert set(dm.Approximation) == {c.approximation for c in found}
        assert any(c.value > 10**6 for c in found)
        assert any(c.about is None for c in found)

    @given(dms.stated_percentages())
    def test_stated_percentage_gives_its_finding(self, stated: dms.StatedPercentage) -> None:
        """Rounded half up: nothing; truncated: C-02 (or nothing where truncating changes
        nothing); wrong: R-08 against the cells, C-01 against the stated figures."""
        failed = _failed(dm.check(stated.report))
        expected = set() if stated.code is None else {(stated.code, stated.path)}
        assert expected == {(f.code, f.path) for f in failed}
        assert stated.claim.text == stated.text
        assert stated.text.endswith(f"占{stated.claim.value}%")

    @pytest.mark.parametrize(
        ("about", "rounding", "code"),
        [
            ("cells", "half-up", None),
            ("cells", "truncated", "C-02"),
            ("cells", "wrong", "R-08"),
            ("claims", "wrong", "C-01"),
        ],
    )
    def test_each_outcome_comes_up(self, about: Any, rounding: Any, code: str | None) -> None:
        """Each knob setting gives the finding it is for."""
        stated = find(
            dms.stated_percentages(about=about, rounding=rounding),
            lambda s: s.code == code,
            settings=SEARCH,
        )
        assert code == stated.code


class TestBrokenReports:
    @given(dms.broken_reports())
    def test_breaks_exactly_its_rule(self, broken: dms.BrokenReport) -> None:
        """Any broken report fails its rule at its path and no rule it does not imply.

        Only rules that follow from others break with company: a "其中" part above its whole
        (P-06) breaks the sum of the whole, refusal reasons above the refusals (P-04) break
        their sum (P-05), carried forward above the workload (R-07) breaks the balance
        (R-01), and unpaid fees before 2021 (R-21-06) are in a report of the wrong format.
        """
        assert_broken(broken)
        implied = {"P-04": {"P-05"}, "R-07": {"R-01"}, "R-21-06": {"R-09"}}
        if broken.code == "P-06":
            assert broken.also <= {"P-01", "P-02", "P-03", "P-04", "P-05", "P-07", "P-08"}
        else:
            assert implied.get(broken.code, set()) == broken.also

    @pytest.mark.parametrize(
        ("code", "fmt"),
        [
            pytest.param(r.code, fmt, id=f"{r.code}:{fmt.value}")
            for r in dm.rules()
            for fmt in FORMATS
            if fmt in r.formats
        ],
    )
    # Every rule in every format it applies to: 65 parameters, so a few examples each (the
    # property above draws any rule, with the profile's examples).
    @at_most(3)
    @given(data=st.data())
    def test_every_rule_has_a_corruption(
        self, code: str, fmt: dm.ReportFormat, data: st.DataObject
    ) -> None:
        """Every rule of the catalogue can be broken in every format it applies to, alone or
        with the rules it implies."""
        broken = data.draw(dms.broken_reports(rule=code, format=fmt))
        assert (code, fmt) == (broken.code, broken.report.format)
        assert_broken(broken)

    @pytest.mark.parametrize(
        ("fmt", "index"),
        [
            pytest.param(fmt, i, id=f"{fmt.value}:{inst.rule.code}:{_first_path(inst)}")
            for fmt in FORMATS
            for i, inst in enumerate(instances(STATISTICS_CLASSES[fmt]))
        ],
    )
    def test_every_place_of_every_identity(self, fmt: dm.ReportFormat, index: int) -> None:
        """Each identity at each place it applies breaks alone (up and down, by 1 and by 2),
        in fixed consistent reports."""
        inst: Instance = instances(STATISTICS_CLASSES[fmt])[index]
        for seed in range(2):
            report = fixed_report(fmt, seed)
            for up in (True, False):
                for size in (1, 2):
                    broken = _break_identity(report, inst.place, up=up, size=size)
                    assert f"$.statistics.{_first_path(inst)}" == broken.path
                    assert_broken(broken)

    def test_unknown_rule(self) -> None:
        """A code that is not in the catalogue, or a format the rule does not apply to, is
        refused when the strategy is made."""
        with pytest.raises(InvalidArgument, match="R-99"):
            dms.broken_reports(rule="R-99")
        with pytest.raises(InvalidArgument, match="gov-2021"):
            dms.broken_reports(rule="P-01", format="gov-2021")
        with pytest.raises(InvalidArgument, match="gov-2099"):
            dms.broken_reports(format="gov-2099")


class TestParsersNeverRaise:
    """Whatever JSON they are given, the readers return a report or raise ValidationError."""

    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=20,
    )

    @staticmethod
    def _read(data: Any) -> None:
        """Read ``data`` both ways; whatever reads as a report writes back as itself."""
        for read in (dm.from_dict, lambda d: dm.loads(json.dumps(d))):
            with contextlib.suppress(dm.ValidationError):
                report = read(data)
                assert report == dm.loads(dm.dumps(report))

    @given(json_values)
    def test_arbitrary_json(self, data: Any) -> None:
        """Any JSON value: nothing but ValidationError."""
        self._read(data)

    @given(st.text() | st.binary())
    def test_arbitrary_text(self, text: str | bytes) -> None:
        """Any text or bytes: nothing but ValidationError."""
        with contextlib.suppress(dm.ValidationError):
            assert isinstance(dm.loads(text), dm.Report)

    @at_most(100)  # a report, and its JSON read twice
    @given(data=st.data())
    def test_mutated_reports(self, data: st.DataObject) -> None:
        """A serialised report with one value replaced, one key removed or one key added:
        nothing but ValidationError (or a report, where the change is still valid)."""
        report = data.draw(
            dms.reports(with_blanks=True, with_claims=True)
            | dms.reports(consistent=False, with_blanks=True, with_claims=True),
            label="report",
        )
        doc = dm.to_dict(report)
        places = list(_places(doc))
        where = data.draw(st.sampled_from(places), label="where")
        parent, key = where
        how = data.draw(st.sampled_from(["replace", "remove", "add"]), label="how")
        if how == "remove" and isinstance(parent, dict):
            del parent[key]
        elif how == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8), label="key")] = data.draw(self.json_values)
        else:
            parent[key] = data.draw(self.json_values, label="value")
        self._read(doc)


def _places(node: Any) -> Any:
    """Every (container, key) pair of a JSON document, the top one included."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        yield node, key
        if isinstance(value, dict | list) and value:
            yield from _places(value)


class TestCheckNeverRaises:
    # A report and a previous one with text and claims: twice the cost of one report.
    @settings(max_examples=min(settings.default.max_examples, 100))
    @given(
        dms.reports(with_blanks=True, with_claims=True)
        | dms.reports(consistent=False, with_blanks=True, with_claims=True),
        st.none() | dms.reports(with_blanks=True),
        st.booleans(),
    )
    def test_check(self, report: dm.Report, previous: dm.Report | None, lenient: bool) -> None:
        """``check`` returns findings for reports with blanks and claims, consistent or not,
        with or without a previous report, strict or lenient."""
        result = dm.check(report, previous=previous, lenient=lenient)
        assert {f.code for f in result.findings} <= {r.code for r in dm.rules()}


class TestEntryPoint:
    # The point is that the types are registered; what the strategies give is tested above.
    @at_most(50)
    @given(st.from_type(dm.Report), st.from_type(dm.Statistics2019), st.from_type(dm.Organ))
    def test_from_type(self, report: dm.Report, stats: Any, organ: dm.Organ) -> None:
        """Hypothesis ran the entry point when pytest imported it: the model's types have
        strategies, and a report from ``st.from_type`` is consistent."""
        assert isinstance(stats, dm.Statistics2019)
        assert isinstance(organ, dm.Organ)
        assert [] == _failed(dm.check(report))

    @pytest.mark.parametrize(
        "cls",
        [
            dm.Report,
            dm.LegacyStatistics,
            dm.Statistics2019,
            dm.Statistics2021,
            dm.formats.Applications2019,
            dm.formats.Applications2021,
            dm.formats.ActiveDisclosure2019,
            dm.formats.ActiveDisclosure2021,
            dm.formats.ReviewsLitigation,
            dm.Organ,
            dm.Claim,
            dm.Amount,
        ],
        ids=lambda c: c.__name__,
    )
    def test_every_type_is_registered(self, cls: type) -> None:
        """Each model type a user would ask for has a strategy."""
        assert isinstance(find(st.from_type(cls), lambda _: True, settings=SIMPLEST), cls)

    @pytest.mark.parametrize(
        "first",
        ["import hypothesis", "import disclosure_model.strategies"],
        ids=["hypothesis", "ours"],
    )
    def test_in_a_fresh_interpreter(self, first: str, tmp_path: Path) -> None:
        """In a user's project, importing hypothesis is enough for ``st.from_type(Report)``;
        importing the strategies first works as well (they import hypothesis, which imports
        them through the entry point while they are half-imported). Nothing warns: no
        strategy is drawn while hypothesis starts."""
        code = textwrap.dedent(
            f"""
            import sys
            {first}
            from hypothesis import Phase, find, settings, strategies as st
            assert "disclosure_model.strategies" in sys.modules
            import disclosure_model as dm
            once = settings(database=None, max_examples=1, phases=[Phase.generate])
            report = find(st.from_type(dm.Report), lambda r: True, settings=once)
            print(type(report).__name__, report.format.value)
            """
        )
        out = subprocess.run(
            [sys.executable, "-W", "error", "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        assert out.stdout.startswith("Report ")

    def test_package_does_not_import_hypothesis(self) -> None:
        """``import disclosure_model`` imports neither the strategies nor hypothesis."""
        code = (
            "import sys, disclosure_model\n"
            "print(sorted(m for m in sys.modules if m.startswith(('hypothesis', "
            "'disclosure_model.strategies'))))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\n" == out.stdout


class TestPublicSurface:
    @pytest.mark.parametrize("name", dms.__all__)
    def test_documented(self, name: str) -> None:
        """Every public name has a docstring; every factory says what it shrinks towards."""
        obj = getattr(dms, name)
        assert obj.__doc__
        if not isinstance(obj, type):
            assert "Shrinks towards" in " ".join(obj.__doc__.split())

    def test_bad_knobs(self) -> None:
        """Knobs are checked when the strategy is made, with hypothesis' own error."""
        with pytest.raises(InvalidArgument):
            dms.applications_tables(format="legacy-2014")
        with pytest.raises(InvalidArgument):
            dms.amounts(units=[])
        with pytest.raises(InvalidArgument):
            dms.organs(levels=[])
        with pytest.raises(InvalidArgument):
            dms.stated_percentages(rounding="banker's")  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument):
            dms.claims(format="gov-2021", statistics=dm.LegacyStatistics())

    @given(dms.amounts(units=[dm.MoneyUnit.WAN_YUAN], max_decimals=2))
    def test_amounts(self, amount: dm.Amount) -> None:
        """Amounts are in the units asked for, with at most the decimals asked for."""
        assert dm.MoneyUnit.WAN_YUAN == amount.unit
        assert amount.value >= 0
        assert amount.value == amount.value.quantize(Decimal("0.01"))

    @given(dms.organs(levels=[dm.OrganLevel.CITY, dm.OrganLevel.TOWNSHIP]))
    def test_organs(self, organ: dm.Organ) -> None:
        """Organs are of the levels asked for."""
        assert organ.level in (dm.OrganLevel.CITY, dm.OrganLevel.TOWNSHIP)
