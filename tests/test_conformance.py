"""The conformance suite: small report files, each with the exact findings it must produce.

``tests/conformance/cases.json`` lists the cases (as Arelle's conformance suites do): the
report file, the previous year's report where the case needs one, strict or lenient, the
exact set of codes of the rules that fail, the exact set of (code, path) of the failed
findings and, where given, the exact set of (code, path) of the findings not assessable.
Every rule of the catalogue fails in at least one case, so a rule added without a case
fails here; clean cases (one or more per format) must produce no failed finding at all.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests._domain import CATALOGUE

import disclosure_model as dm

HERE = Path(__file__).parent / "conformance"
CASES: list[dict[str, Any]] = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]
BY_ID = {c["id"]: c for c in CASES}


@cache
def _load(name: str) -> dm.Report:
    return dm.load(HERE / name)


@cache
def _run(case_id: str) -> tuple[dm.Report, dm.CheckResult]:
    case = BY_ID[case_id]
    report = _load(case["file"])
    previous = _load(case["previous"]) if case["previous"] else None
    return report, dm.check(report, previous=previous, lenient=case["lenient"])


def _pairs(result: dm.CheckResult, outcome: dm.Outcome) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in result.findings if f.outcome is outcome}


cases = pytest.mark.parametrize("case_id", [c["id"] for c in CASES])


def _allowed(code: str) -> set[tuple[str, str]]:
    severity, formats = CATALOGUE[code]
    return {(severity, fmt) for fmt in formats}


class TestCases:
    @cases
    def test_failed_codes(self, case_id: str) -> None:
        """The rules that fail are exactly the ones the case lists."""
        _, result = _run(case_id)
        assert frozenset(BY_ID[case_id]["codes"]) == result.codes

    @cases
    def test_failed_paths(self, case_id: str) -> None:
        """Each failed rule points at exactly the places the case lists."""
        _, result = _run(case_id)
        expected = {(code, path) for code, path in BY_ID[case_id]["failed"]}
        assert expected == _pairs(result, dm.Outcome.FAIL)

    @pytest.mark.parametrize("case_id", [c["id"] for c in CASES if "not_assessable" in c])
    def test_not_assessable(self, case_id: str) -> None:
        """Where a case lists what cannot be judged, that is exactly what is not assessable
        (an empty list: a fully stated report leaves nothing unjudged)."""
        _, result = _run(case_id)
        expected = {(code, path) for code, path in BY_ID[case_id]["not_assessable"]}
        assert expected == _pairs(result, dm.Outcome.NOT_ASSESSABLE)


class TestSuite:
    def test_every_rule_fails_somewhere(self) -> None:
        """The cases together make every rule of the catalogue fail, no more, no fewer."""
        covered = {code for case in CASES for code in case["codes"]}
        assert {r.code for r in dm.rules()} == covered

    def test_codes_agree_with_paths(self) -> None:
        """A case's codes are the codes of its failed (code, path) pairs."""
        for case in CASES:
            assert sorted({code for code, _ in case["failed"]}) == sorted(case["codes"]), case["id"]

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_a_clean_case_per_format(self, fmt: dm.ReportFormat) -> None:
        """Each format has a fully stated case with no finding at all, failed or not."""
        clean = [
            c["id"]
            for c in CASES
            if not c["codes"]
            and c.get("not_assessable") == []
            and not c["lenient"]
            and _load(c["file"]).format is fmt
        ]
        assert clean

    def test_cases_that_must_produce_nothing(self) -> None:
        """At least three cases, of all three formats, must produce no failed finding."""
        nothing = [c for c in CASES if not c["codes"]]
        assert len(nothing) >= 3
        assert set(dm.ReportFormat) == {_load(c["file"]).format for c in nothing}

    def test_ids_are_unique(self) -> None:
        """Each case has its own id."""
        ids = [c["id"] for c in CASES]
        assert len(ids) == len(set(ids))

    def test_every_file_is_used(self) -> None:
        """Every report file belongs to a case, and every file a case names exists."""
        named = {c["file"] for c in CASES} | {c["previous"] for c in CASES if c["previous"]}
        present = {p.name for p in HERE.glob("*.json")} - {"cases.json"}
        assert present == named

    def test_previous_year_files(self) -> None:
        """A previous-year file is named after its report, ``<name>.previous.json``, unless it
        is another case's report (the clean reports follow on from each other)."""
        reports = {c["file"] for c in CASES}
        for c in CASES:
            previous = c["previous"]
            if previous is not None and previous not in reports:
                assert re.fullmatch(rf"{re.escape(c['id'])}\.previous\.json", previous)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    cls = jsonschema.Draft202012Validator
    return cls(dm.json_schema(), format_checker=cls.FORMAT_CHECKER)


FILES = sorted(p.name for p in HERE.glob("*.json") if p.name != "cases.json")


class TestFiles:
    @pytest.mark.parametrize("name", FILES)
    def test_valid_against_the_schema(self, name: str) -> None:
        """Each file is a report as the published JSON Schema describes it."""
        document = json.loads((HERE / name).read_text(encoding="utf-8"))
        assert [] == [e.message for e in _validator().iter_errors(document)]

    @pytest.mark.parametrize("name", FILES)
    def test_is_what_the_library_writes(self, name: str) -> None:
        """Each file holds exactly what ``dm.dumps`` writes for the report it loads to (only
        the layout differs: a row of a table is kept on one line)."""
        document = json.loads((HERE / name).read_text(encoding="utf-8"))
        assert document == json.loads(dm.dumps(_load(name)))


class TestEveryFinding:
    """What holds for every finding of every case."""

    @cases
    def test_rule_applies_to_the_format(self, case_id: str) -> None:
        """A finding's rule applies to the report's format, and the finding has the rule's
        severity, both as reviewed against DOMAIN.md (tests/_domain.py), not as the
        catalogue under test says."""
        report, result = _run(case_id)
        assert [] == [
            (f.code, f.severity.value)
            for f in result.findings
            if f.code not in CATALOGUE
            or (f.severity.value, report.format.value) not in _allowed(f.code)
        ]

    @cases
    def test_messages_are_filled_in(self, case_id: str) -> None:
        """Every finding has a Chinese and an English message with no placeholder left."""
        _, result = _run(case_id)
        for f in result.findings:
            assert f.message_zh
            assert f.message_en
            assert re.search(r"[\u4e00-\u9fff]", f.message_zh), f.message_zh
            assert not re.search(r"[{}]", f.message_zh + f.message_en), f
            assert f.message("zh_CN") == f.message_zh
            assert f.message("en") == f.message_en

    @cases
    def test_paths_point_into_the_report(self, case_id: str) -> None:
        """Every path is a JSON path into the report: a stated cell, a claim, or a field."""
        report, result = _run(case_id)
        cells = {f"$.statistics.{e.path}" for e in report.statistics.catalogue()}
        claims = {f"$.claims[{i}]" for i in range(len(report.claims))}
        fields = {"$.format", "$.published", "$.sections", "$.year", "$.organ.name"}
        assert set() == {f.path for f in result.findings} - cells - claims - fields

    @cases
    def test_lenient_only_in_lenient_mode(self, case_id: str) -> None:
        """Only a lenient run reads blanks as 0 and says so."""
        _, result = _run(case_id)
        if not BY_ID[case_id]["lenient"]:
            assert [] == [f for f in result.findings if f.lenient]
        assert BY_ID[case_id]["lenient"] == result.lenient
