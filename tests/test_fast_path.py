"""The JSON reader's fast path agrees with the exact one on every input.

:func:`disclosure_model.loads` parses with orjson (or the standard library's parser without
its costly hooks) and builds valid objects without re-running their constructors' checks;
whenever anything is off it reads the document again exactly. The reference here is the
reader as it was before the fast path: the exact parser, and a converter whose structurers
always run the constructors. For every document, each way of reading must give the same
report (compared as values and as written back) or the same problems in the same order
(paths, kinds and both messages).
"""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests import test_hardening, test_malformed

import disclosure_model as dm
from disclosure_model import _accept, _fastjson, serialization
from disclosure_model.strategies import reports
from disclosure_model.values import decimal_problem

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import fuzz  # benchmarks/ is put on the path just above

PARSERS = ("orjson", "json")
Outcome = tuple[str, Any]


@cache
def _reference() -> Callable[[Any], dm.Report]:
    """Structuring as the constructors decide it, with no quick test anywhere."""
    _accept.enabled[0] = False
    try:
        conv = serialization.make_converter()
    finally:
        _accept.enabled[0] = True
    hook = conv.get_structure_hook(dm.Report)
    return lambda value: hook(value, dm.Report)  # type: ignore[no-any-return]


@contextmanager
def _parser(name: str | None) -> Iterator[None]:
    previous = _fastjson.set_parser(name)
    try:
        yield
    finally:
        _fastjson.set_parser(previous)


def _outcome(read: Callable[[], dm.Report]) -> Outcome:
    try:
        report = read()
    except dm.ValidationError as e:
        return "refused", [(p.path, p.kind, p.message, p.zh) for p in e.problems]
    return "read", (report, dm.dumps(report))


def _exactly(document: str | bytes) -> Outcome:
    with _parser(None):
        return _outcome(
            lambda: serialization._exact_loads(
                document, serialization.MAX_DOCUMENT_SIZE, _reference()
            )
        )


def _fast(document: str | bytes, parser: str) -> Outcome:
    with _parser(parser):
        return _outcome(lambda: dm.loads(document))


def assert_agree(document: str | bytes) -> Outcome:
    """Every way of reading ``document`` (and, for a str, its UTF-8 bytes) gives the
    reference's outcome; returns the outcome for ``document`` itself."""
    forms = [document]
    if isinstance(document, str):
        forms.append(document.encode("utf-8", "surrogatepass"))
    outcomes = []
    for form in forms:
        expected = _exactly(form)
        for parser in PARSERS:
            assert expected == _fast(form, parser), (parser, type(form).__name__)
        outcomes.append(expected)
    return outcomes[0]


def _text_of(document: Any) -> str | bytes:
    if isinstance(document, str | bytes):
        return document
    return json.dumps(document, ensure_ascii=False)


class TestSwitch:
    def test_orjson_is_used_when_installed(self) -> None:
        """With the fast extra installed (as in the test environment), orjson parses."""
        assert "orjson" == _fastjson.parser()

    def test_unknown_parser(self) -> None:
        """Only the two parsers and the exact path can be chosen."""
        with pytest.raises(ValueError, match="unknown parser"):
            _fastjson.set_parser("simdjson")

    def test_exact_only(self) -> None:
        """With no fast parser, loads still reads (the exact path alone)."""
        report = dm.examples.load("huaian-2024")
        with _parser(None):
            assert report == dm.loads(dm.dumps(report))


class TestFastPathIsTaken:
    @pytest.mark.parametrize("parser", PARSERS)
    def test_a_valid_document_is_not_parsed_exactly(
        self, parser: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A valid document is read without the exact parser (which is made to fail here)."""
        report = dm.examples.load("huaian-2024")
        text = dm.dumps(report)

        def no_exact_parse(*_args: object) -> None:
            raise AssertionError

        monkeypatch.setattr(serialization, "_parse", no_exact_parse)
        with _parser(parser):
            assert report == dm.loads(text)
            with pytest.raises(AssertionError):
                dm.loads(text.replace('"year": ', '"year": 1, "year": ', 1))


class TestQuickTests:
    @given(
        value=st.one_of(
            st.decimals(allow_nan=True, allow_infinity=True),
            st.decimals(places=6, min_value=0, max_value=10**19),
            st.from_regex(r"-?[0-9]{1,22}(\.[0-9]{1,9})?", fullmatch=True).map(Decimal),
        )
    )
    def test_a_stated_value_passes_only_within_the_limits(self, value: Decimal) -> None:
        """The quick test of amounts and stated figures passes only a finite, non-negative
        Decimal within the digit limits (as values.decimal_problem judges them)."""
        within = value.is_finite() and not value.is_signed() and decimal_problem(value) is None
        if _accept._stated(value):
            assert within

    def test_stated_values_at_the_edges(self) -> None:
        """Hand-picked values at the limits: 18 digits and 6 decimals pass, one more fails."""
        passes = ["0", "0.000001", "1" * 18, "9" * 18 + ".999999", "12.50"]
        fails = ["0.0000001", "1" * 19, "1.1234567", "-0", "-1", "NaN", "Infinity", "1E+3"]
        assert [True] * len(passes) == [_accept._stated(Decimal(v)) for v in passes]
        assert [False] * len(fails) == [_accept._stated(Decimal(v)) for v in fails]
        assert not _accept._stated(1)


class TestGeneratedReports:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(
        report=st.one_of(
            reports(with_claims=True),
            reports(consistent=False, with_blanks=True, with_claims=True),
        )
    )
    def test_reports_of_every_format(self, report: dm.Report) -> None:
        """A generated report of any format is read back as itself by every path."""
        for indent in (None, 2):
            kind, (read, _) = assert_agree(dm.dumps(report, indent=indent))
            assert "read" == kind
            assert report == read

    def test_examples(self) -> None:
        """Every bundled example is read as itself by every path."""
        for name in dm.examples.names():
            report = dm.examples.load(name)
            assert ("read", (report, dm.dumps(report))) == assert_agree(dm.dumps(report))


class TestMutated:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(seed=st.integers(0, 2**32 - 1), how=st.sampled_from(["values", "structure", "text"]))
    def test_mutated_documents(self, seed: int, how: str) -> None:
        """A bundled example, mutated as the fuzzer does (careless values, hostile values and
        keys, flipped, inserted and deleted characters): the same outcome on every path."""
        rng = random.Random(seed)
        name = rng.choice(sorted(dm.examples.names()))
        data = dm.to_dict(dm.examples.load(name))
        if how == "values":
            text = fuzz._mutate_values(rng, copy.deepcopy(data))
        elif how == "structure":
            text = fuzz._mutate_structure(rng, copy.deepcopy(data))
        else:
            text = fuzz._mutate_text(rng, dm.dumps(dm.examples.load(name)))
        assert_agree(text)

    @pytest.mark.parametrize("hostile", fuzz.HOSTILE, ids=repr)
    def test_hostile_values_everywhere(self, hostile: Any) -> None:
        """Each of the fuzzer's hostile values in each leaf of a claim, an organ and a table row:
        refused alike (or read alike, where it is valid there)."""
        base = dm.to_dict(dm.examples.load("huaian-2024"))
        granted = ("statistics", "applications", "granted")
        leaves = [p for p in fuzz._leaves(base) if p[0] in ("organ", "source", "coverage")]
        leaves += [p for p in fuzz._leaves(base) if p[:2] in (("claims", 0), ("claims", 1))]
        leaves += [(*granted, *p) for p in fuzz._leaves(fuzz._parent(base, (*granted, None)))]
        assert len(leaves) > 20
        for path in leaves:
            doc = copy.deepcopy(base)
            fuzz._parent(doc, path)[path[-1]] = hostile
            assert_agree(json.dumps(doc, ensure_ascii=False))


def _hand_cases() -> list[Any]:
    """Documents aimed at the fast path's own tests, each from the valid 2021 text."""
    text = dm.dumps(dm.examples.load("huaian-2024"))
    compact = dm.dumps(dm.examples.load("huaian-2024"), indent=None)
    total = '"total": 3119'
    assert total in text
    cases = {
        "duplicate": text.replace('"year": ', '"year": 2024, "year": ', 1),
        "duplicate-spaced": text.replace('"year": ', '"year" :2024, "year" : ', 1),
        "duplicate-nested": text.replace(total, total + ', "total": 3119', 1),
        "duplicate-dropped-colons": text.replace('"title": ', '"title": "a:b:c", "title": ', 1),
        "escaped-colon-key": text.replace('"year": ', '"y\\u003aear": 1, "year": ', 1),
        "escaped-colon-hides-duplicate": text.replace(
            '"year": ', '"year": 2024, "year": ', 1
        ).replace('"title": "', '"title": "\\u003A', 1),
        "escaped-colon-valid": text.replace('"title": "', '"title": "\\u003a', 1),
        "nan": text.replace(total, '"total": NaN', 1),
        "infinity": text.replace(total, '"total": -Infinity', 1),
        "int-64-bits": text.replace(total, '"total": 18446744073709551616', 1),
        "int-41-digits": text.replace(total, '"total": ' + "1" * 41, 1),
        "int-5000-digits": text.replace(total, '"total": ' + "1" * 5000, 1),
        "section-41-digits": text.replace('"section": 1', '"section": ' + "1" * 41, 1),
        "exponent": text.replace(total, '"total": 3.119e3', 1),
        "minus-zero": text.replace(total, '"total": -0', 1),
        "lone-surrogate-escape": text.replace('"淮安市人民政府"', '"\\ud800"', 1),
        "surrogate-pair-escape": text.replace('"淮安市人民政府"', '"\\ud83d\\ude00"', 1),
        "bom": "\ufeff" + text,
        "depth-33": text.replace('"title": ', '"title": ' + "[" * 33 + "]" * 33 + ', "t": ', 1),
        "depth-1000": "[" * 1000 + "]" * 1000,
        "brackets-in-strings": text.replace('"title": "', '"title": "' + "[" * 40, 1),
        "trailing-comma": compact[:-1] + ",}",
        "trailing-garbage": compact + "x",
        "whitespace": "\n\t " + compact + "\r\n",
        "control-character": text.replace('"title": "', '"title": "\x01', 1),
        "empty": "",
        "not-an-object": "[]",
        "version-1": text.replace('"schema_version": 2', '"schema_version": 1', 1).replace(
            ',\n  "coverage": null', "", 1
        ),
        "version-true": text.replace('"schema_version": 2', '"schema_version": true', 1),
    }
    return [pytest.param(doc, id=name) for name, doc in cases.items()]


def _problem_kind_cases() -> list[Any]:
    """The cases of the problem-kind table in tests/test_hardening.py (its parameters)."""
    marks = test_hardening.TestProblemKinds.test_kinds.pytestmark
    return list(next(m for m in marks if m.name == "parametrize").args[1])


class TestStrictness:
    @pytest.mark.parametrize("document", _hand_cases())
    def test_hand_cases(self, document: str) -> None:
        """Duplicates however spaced, escaped colons, NaN, long integers, surrogates, a BOM,
        depth, syntax errors and old versions: the same outcome on every path."""
        assert_agree(document)

    def test_duplicates_are_refused_at_their_path(self) -> None:
        """A duplicate key that a plain parse would hide is refused, at its path."""
        text = dm.dumps(dm.examples.load("huaian-2024"))
        kind, problems = assert_agree(text.replace('"year": ', '"year" :2024, "year": ', 1))
        assert "refused" == kind
        assert [("$.year", dm.ProblemKind.DUPLICATE_KEY)] == [(p[0], p[1]) for p in problems]

    def test_bytes_that_are_not_utf8(self) -> None:
        """Latin-1 and UTF-16 bytes are refused alike (the standard parser would guess UTF-16)."""
        text = dm.dumps(dm.examples.load("huaian-2024"))
        for document in (text.encode("utf-16"), text.encode("gb18030"), b"\xff" + b"{}"):
            assert "refused" == assert_agree(document)[0]

    def test_raw_surrogate_in_a_str(self) -> None:
        """A str holding a lone surrogate code point (not an escape) is refused alike."""
        text = dm.dumps(dm.examples.load("huaian-2024"))
        document = text.replace("淮安市人民政府", "淮安\udfff", 1)
        expected = _exactly(document)
        assert "refused" == expected[0]
        for parser in PARSERS:
            assert expected == _fast(document, parser)

    def test_over_the_size_limit(self) -> None:
        """A document over max_size is refused before any parse, on every path."""
        text = dm.dumps(dm.examples.load("huaian-2024"))
        for parser in (*PARSERS, None):
            with _parser(parser), pytest.raises(dm.ValidationError) as info:
                dm.loads(text, max_size=100)
            assert [dm.ProblemKind.TOO_LARGE] == [p.kind for p in info.value.problems]

    def test_not_text(self) -> None:
        """Something that is not a str or bytes is a TypeError on every path."""
        for parser in (*PARSERS, None):
            with _parser(parser), pytest.raises(TypeError, match="str or bytes"):
                dm.loads(12)  # type: ignore[arg-type]

    def test_bytearray(self) -> None:
        """A bytearray is read as its bytes."""
        report = dm.examples.load("huaian-2024")
        data = bytearray(dm.dumps(report).encode("utf-8"))
        for parser in PARSERS:
            with _parser(parser):
                assert report == dm.loads(data)

    @pytest.mark.parametrize(("build", "expected", "exact"), test_malformed.CASES)
    def test_the_malformed_catalogue(self, build: Any, expected: Any, exact: bool) -> None:
        """Every case of the malformed-input catalogue is refused alike by every path."""
        assert "refused" == assert_agree(_text_of(build()))[0]

    @pytest.mark.parametrize(("change", "path", "kind"), _problem_kind_cases())
    def test_problem_kinds(self, change: Any, path: str, kind: Any) -> None:
        """Every case of the problem-kind table is refused alike by every path."""
        doc = dm.to_dict(dm.examples.load("huaian-2024"))
        change(doc)
        assert "refused" == assert_agree(json.dumps(doc, ensure_ascii=False))[0]
