"""A catalogue of malformed documents: each is refused with every problem at its ``$.path``.

Every case starts from a valid serialised report and breaks one thing (or a few, where the
point is that they are reported together). Reading never returns half a report: it raises
:class:`disclosure_model.ValidationError`, whose problems name where each fault is.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from tests._reports import legacy_report, report_2019, report_2021

import disclosure_model as dm

Document = dict[str, Any] | str | bytes
APPS = "$.statistics.applications"
FEE = "$.statistics.active.administrative_fees.amount"


@cache
def _base_dict(fmt: str) -> dict[str, Any]:
    make = {"gov-2021": report_2021, "gov-2019": report_2019, "legacy": legacy_report}[fmt]
    return dm.to_dict(make())


def _doc(fmt: str = "gov-2021") -> dict[str, Any]:
    return copy.deepcopy(_base_dict(fmt))


def _text(fmt: str = "gov-2021") -> str:
    return dm.dumps(dm.from_dict(_doc(fmt)))


def _at(doc: dict[str, Any], keys: tuple[Any, ...]) -> Any:
    for k in keys:
        doc = doc[k]
    return doc


def setting(*keys: Any, to: Any, fmt: str = "gov-2021") -> Callable[[], Document]:
    """The valid document of ``fmt`` with the value at ``keys`` replaced."""

    def build() -> Document:
        doc = _doc(fmt)
        _at(doc, keys[:-1])[keys[-1]] = to
        return doc

    return build


def dropping(*keys: Any, fmt: str = "gov-2021") -> Callable[[], Document]:
    """The valid document of ``fmt`` without the key at ``keys``."""

    def build() -> Document:
        doc = _doc(fmt)
        del _at(doc, keys[:-1])[keys[-1]]
        return doc

    return build


def replacing(old: str, new: str) -> Callable[[], Document]:
    """The valid text with the first ``old`` replaced by ``new``."""

    def build() -> Document:
        text = _text()
        assert old in text
        return text.replace(old, new, 1)

    return build


def retagged(tag: str, fmt: str) -> Callable[[], Document]:
    """The tables of a ``fmt`` report under another format tag (claims dropped)."""

    def build() -> Document:
        doc = _doc(fmt)
        doc["format"] = tag
        doc["claims"] = []
        return doc

    return build


def _read(document: Document) -> dm.Report:
    if isinstance(document, dict):
        return dm.from_dict(document)
    return dm.loads(document)


def _error(document: Document) -> dm.ValidationError:
    with pytest.raises(dm.ValidationError) as info:
        _read(document)
    return info.value


def case(
    id_: str,
    build: Callable[[], Document],
    *paths: str,
    phrase: str,
    exact: bool = True,
) -> Any:
    """One fault: every path in ``paths`` is reported with ``phrase`` in its message."""
    return pytest.param(build, dict.fromkeys(paths, phrase), exact, id=id_)


def multi(
    id_: str, build: Callable[[], Document], expected: dict[str, str], *, exact: bool = True
) -> Any:
    """Several faults: each path of ``expected`` is reported with its phrase."""
    return pytest.param(build, expected, exact, id=id_)


COUNT = f"{APPS}.granted.total"

CASES = [
    # --- counts -------------------------------------------------------------------------
    case(
        "count-float",
        setting("statistics", "applications", "granted", "total", to=3.0),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "count-float-text",
        replacing('"total": 73', '"total": 73.0'),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "count-bool",
        setting("statistics", "applications", "granted", "total", to=True),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "count-string-digit",
        setting("statistics", "applications", "granted", "total", to="3"),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "count-negative",
        setting("statistics", "applications", "granted", "total", to=-1),
        COUNT,
        phrase="cannot be negative",
    ),
    case(
        "count-exponent",
        replacing('"total": 73', '"total": 7.3e1'),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "count-object",
        setting("statistics", "applications", "granted", "total", to={}),
        COUNT,
        phrase="non-negative integer",
    ),
    case(
        "change-float",
        setting("statistics", "active", "licensing", "items_change", to=-7.0, fmt="gov-2019"),
        "$.statistics.active.licensing.items_change",
        phrase="integer",
    ),
    case(
        "legacy-count-float",
        setting("statistics", "proactive_total", to=1.5, fmt="legacy"),
        "$.statistics.proactive_total",
        phrase="non-negative integer",
    ),
    # --- non-finite numbers --------------------------------------------------------------
    case(
        "nan-token",
        replacing('"total": 73', '"total": NaN'),
        "$.statistics.applications.granted.total",
        phrase="NaN",
    ),
    case(
        "infinity-token",
        replacing('"total": 73', '"total": Infinity'),
        "$.statistics.applications.granted.total",
        phrase="Infinity",
    ),
    case(
        "minus-infinity-token",
        replacing('"total": 73', '"total": -Infinity'),
        "$.statistics.applications.granted.total",
        phrase="-Infinity",
    ),
    case(
        "overflowing-float",
        replacing('"total": 73', '"total": 1e400'),
        COUNT,
        phrase="non-negative integer",
    ),
    # --- money ---------------------------------------------------------------------------
    case(
        "money-float",
        setting("statistics", "active", "administrative_fees", "amount", "value", to=96171.6),
        f"{FEE}.value",
        phrase="a float could round the amount",
    ),
    case(
        "money-exponent",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="1e5"),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-thousands-separator",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="12,000"),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-nan-string",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="NaN"),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-with-unit-in-value",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="12万元"),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-bool",
        setting("statistics", "active", "administrative_fees", "amount", "value", to=True),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-arabic-indic-digits",
        setting(
            "statistics",
            "active",
            "administrative_fees",
            "amount",
            "value",
            to="\u0661\u0662\u0663",
        ),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-fullwidth-digits",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="１２３"),
        f"{FEE}.value",
        phrase="decimal string",
    ),
    case(
        "money-negative",
        setting("statistics", "active", "administrative_fees", "amount", "value", to="-5"),
        FEE,
        phrase="cannot be negative",
    ),
    case(
        "money-negative-legacy",
        setting("statistics", "fees_collected", to={"value": "-0.5", "unit": "元"}, fmt="legacy"),
        "$.statistics.fees_collected",
        phrase="cannot be negative",
    ),
    case(
        "money-unknown-unit",
        setting("statistics", "active", "administrative_fees", "amount", "unit", to="千元"),
        f"{FEE}.unit",
        phrase='expected one of "元", "万元"',
    ),
    case(
        "money-bare-string",
        setting("statistics", "active", "administrative_fees", "amount", to="96171.60"),
        FEE,
        phrase="expected an object",
    ),
    case(
        "money-missing-unit",
        dropping("statistics", "active", "administrative_fees", "amount", "unit"),
        f"{FEE}.unit",
        phrase="missing key",
    ),
    # --- unknown and missing keys --------------------------------------------------------
    case("unknown-key-top", setting("extra", to=1), "$.extra", phrase="unknown key"),
    case("unknown-key-odd-name", setting("a b", to=1), '$["a b"]', phrase="unknown key"),
    case(
        "unknown-key-organ", setting("organ", "extra", to=1), "$.organ.extra", phrase="unknown key"
    ),
    case(
        "unknown-key-row",
        setting("statistics", "applications", "granted", "totl", to=1),
        f"{APPS}.granted.totl",
        phrase="unknown key",
    ),
    case(
        "unknown-key-table",
        setting("statistics", "applications", "other_total", to={}),
        f"{APPS}.other_total",
        phrase="unknown key",
    ),
    case(
        "unknown-key-claim",
        setting("claims", 0, "extra", to=1),
        "$.claims[0].extra",
        phrase="unknown key",
    ),
    case(
        "unknown-key-subject",
        setting("claims", 0, "about", "extra", to=1),
        "$.claims[0].about.extra",
        phrase="unknown key",
    ),
    case(
        "unknown-key-amount",
        setting("statistics", "active", "administrative_fees", "amount", "currency", to="CNY"),
        f"{FEE}.currency",
        phrase="unknown key",
    ),
    case("missing-year", dropping("year"), "$.year", phrase="missing key"),
    case(
        "missing-cell",
        dropping("statistics", "applications", "granted", "total"),
        COUNT,
        phrase="missing key",
    ),
    case(
        "missing-row",
        dropping("statistics", "applications", "granted"),
        f"{APPS}.granted",
        phrase="missing key",
    ),
    case(
        "missing-table",
        dropping("statistics", "reviews"),
        "$.statistics.reviews",
        phrase="missing key",
    ),
    case(
        "missing-combined",
        dropping("statistics", "combined", fmt="legacy"),
        "$.statistics.combined",
        phrase="missing key",
    ),
    case("missing-claims", dropping("claims"), "$.claims", phrase="missing key"),
    multi(
        "renamed-cell",
        replacing('"total": 73', '"Total": 73'),
        {COUNT: "missing key", f"{APPS}.granted.Total": "unknown key"},
    ),
    # --- format and version --------------------------------------------------------------
    case(
        "format-unknown",
        setting("format", to="gov-2020"),
        "$.format",
        phrase='expected one of "legacy-2014", "gov-2019", "gov-2021", got string "gov-2020"',
    ),
    case("format-missing", dropping("format"), "$.format", phrase="missing key"),
    multi(
        "tables-2021-tagged-2019",
        retagged("gov-2019", "gov-2021"),
        {
            f"{APPS}.other_total": "missing key",
            f"{APPS}.other_no_correction": "unknown key",
            f"{APPS}.other_unpaid_fee": "unknown key",
            f"{APPS}.other_other": "unknown key",
            "$.statistics.active.procurement": "missing key",
            "$.statistics.active.other_services": "missing key",
            FEE: "unknown key",
            "$.statistics.active.administrative_fees.items_change": "missing key",
            "$.statistics.active.regulations.new_made": "missing key",
            "$.statistics.active.regulations.issued": "unknown key",
        },
        exact=False,
    ),
    multi(
        "tables-2019-tagged-2021",
        retagged("gov-2021", "gov-2019"),
        {
            f"{APPS}.other_total": "unknown key",
            f"{APPS}.other_no_correction": "missing key",
            f"{APPS}.other_unpaid_fee": "missing key",
            f"{APPS}.other_other": "missing key",
            "$.statistics.active.procurement": "unknown key",
            "$.statistics.active.other_services": "unknown key",
            FEE: "missing key",
            "$.statistics.active.administrative_fees.items_change": "unknown key",
            "$.statistics.active.licensing.items_prev_year": "unknown key",
            "$.statistics.active.regulations.issued": "missing key",
        },
        exact=False,
    ),
    multi(
        "tables-2021-tagged-legacy",
        retagged("legacy-2014", "gov-2021"),
        {
            "$.statistics.proactive_total": "missing key",
            "$.statistics.combined": "missing key",
            "$.statistics.applications": "unknown key",
        },
        exact=False,
    ),
    case(
        "schema-version-missing",
        dropping("schema_version"),
        "$.schema_version",
        phrase="missing key",
    ),
    case(
        "schema-version-3",
        setting("schema_version", to=3),
        "$.schema_version",
        phrase="reads schema versions 1 and 2, got integer 3",
    ),
    case(
        "schema-version-string",
        setting("schema_version", to="1"),
        "$.schema_version",
        phrase='got string "1"',
    ),
    case(
        "schema-version-float",
        setting("schema_version", to=1.0),
        "$.schema_version",
        phrase="got number 1.0",
    ),
    case(
        "schema-version-bool",
        setting("schema_version", to=True),
        "$.schema_version",
        phrase="got true",
    ),
    # --- not JSON, not UTF-8, not an object ----------------------------------------------
    case("truncated-text", lambda: _text()[:-40], "$", phrase="invalid JSON at line"),
    case("empty-text", lambda: "", "$", phrase="invalid JSON at line 1 column 1"),
    case("trailing-garbage", lambda: _text() + "x", "$", phrase="invalid JSON"),
    case(
        "non-utf8-bytes",
        lambda: _text().encode("utf-8").replace(b"{", b"{\xff", 1),
        "$",
        phrase="not UTF-8",
    ),
    case("gbk-bytes", lambda: _text().encode("gbk"), "$", phrase="not UTF-8"),
    case("utf16-bytes", lambda: _text().encode("utf-16"), "$", phrase="not UTF-8"),
    case(
        "duplicate-key",
        replacing('"total": 73', '"total": 73, "total": 74'),
        "$.statistics.applications.granted.total",
        phrase="duplicate key 'total'",
    ),
    case(
        "duplicate-top-key",
        replacing('"year": 2021', '"year": 2021, "year": 2022'),
        "$.year",
        phrase="duplicate key 'year'",
    ),
    case("top-level-list", lambda: "[]", "$", phrase="expected a JSON object"),
    case("top-level-null", lambda: "null", "$", phrase="expected a JSON object"),
    case("top-level-string", lambda: '"report"', "$", phrase="expected a JSON object"),
    case(
        "statistics-list",
        setting("statistics", to=[]),
        "$.statistics",
        phrase="expected an object, got array",
    ),
    case(
        "statistics-null",
        setting("statistics", to=None),
        "$.statistics",
        phrase="expected an object, got null",
    ),
    case(
        "table-number",
        setting("statistics", "applications", to=5),
        APPS,
        phrase="expected an object, got integer 5",
    ),
    case(
        "row-number",
        setting("statistics", "applications", "granted", to=5),
        f"{APPS}.granted",
        phrase="expected an object, got integer 5",
    ),
    case(
        "row-list",
        setting("statistics", "applications", "granted", to=[1, 2, 3, 4, 5, 6, 7]),
        f"{APPS}.granted",
        phrase="expected an object, got array",
    ),
    case(
        "organ-string",
        setting("organ", to="淮安市人民政府"),
        "$.organ",
        phrase="expected an object",
    ),
    # --- report fields -------------------------------------------------------------------
    case(
        "year-string",
        setting("year", to="2021"),
        "$.year",
        phrase='expected an integer, got string "2021"',
    ),
    case("year-float", setting("year", to=2021.0), "$.year", phrase="expected an integer"),
    case("year-1999", setting("year", to=1999), "$.year", phrase="from 2000 to 2100"),
    case("year-2101", setting("year", to=2101), "$.year", phrase="from 2000 to 2100"),
    case(
        "date-slashes",
        setting("dated", to="2019/02/13"),
        "$.dated",
        phrase='expected a date as "YYYY-MM-DD"',
    ),
    case(
        "date-not-in-calendar",
        setting("dated", to="2019-02-30"),
        "$.dated",
        phrase="not a calendar date",
    ),
    case(
        "date-with-time",
        setting("published", to="2022-01-28T10:00:00"),
        "$.published",
        phrase="YYYY-MM-DD",
    ),
    case("date-chinese", setting("dated", to="2022年1月20日"), "$.dated", phrase="YYYY-MM-DD"),
    case("title-blank", setting("title", to="  "), "$.title", phrase="expected a title"),
    case(
        "organ-name-empty", setting("organ", "name", to=""), "$.organ.name", phrase="organ's name"
    ),
    case(
        "organ-name-number",
        setting("organ", "name", to=3),
        "$.organ.name",
        phrase="expected a string",
    ),
    case(
        "organ-level-unknown",
        setting("organ", "level", to="City"),
        "$.organ.level",
        phrase="expected one of",
    ),
    case(
        "division-code-short",
        setting("organ", "division_code", to="32080"),
        "$.organ.division_code",
        phrase="6, 9 or 12 digits",
    ),
    case(
        "division-code-number",
        setting("organ", "division_code", to=320800),
        "$.organ.division_code",
        phrase="expected a string",
    ),
    case(
        "division-code-arabic-indic",
        setting("organ", "division_code", to="\u0663\u0662\u0660\u0668\u0660\u0660"),
        "$.organ.division_code",
        phrase="6, 9 or 12 digits",
    ),
    case(
        "sha256-short",
        setting("source", "sha256", to="abc"),
        "$.source.sha256",
        phrase="64 lower-case hex digits",
    ),
    case(
        "sha256-upper-case",
        setting("source", "sha256", to="AB" * 32),
        "$.source.sha256",
        phrase="64 lower-case hex digits",
    ),
    case(
        "sections-object",
        setting("sections", to={}),
        "$.sections",
        phrase="expected an array, got object",
    ),
    case(
        "section-text-null",
        setting("sections", 0, "text", to=None),
        "$.sections[0].text",
        phrase="expected a string",
    ),
    # --- claims --------------------------------------------------------------------------
    case(
        "claims-object",
        setting("claims", to={}),
        "$.claims",
        phrase="expected an array, got object",
    ),
    case("claims-null", setting("claims", to=None), "$.claims", phrase="expected an array"),
    case(
        "claim-not-object",
        setting("claims", 1, to="其中当面申请30件"),
        "$.claims[1]",
        phrase="expected an object",
    ),
    case(
        "subject-unknown-type",
        setting("claims", 0, "about", "type", to="cell"),
        "$.claims[0].about.type",
        phrase='expected one of "cells", "claims", "share"',
    ),
    case(
        "subject-without-type",
        dropping("claims", 0, "about", "type"),
        "$.claims[0].about.type",
        phrase="expected one of",
    ),
    case(
        "subject-array",
        setting("claims", 0, "about", to=["applications.granted.total"]),
        "$.claims[0].about",
        phrase="expected an object",
    ),
    case(
        "cellsum-unknown-path",
        setting("claims", 0, "about", "paths", to=["applications.granted.totl"]),
        "$.claims[0].about.paths[0]",
        phrase="gov-2021 has no cell 'applications.granted.totl'",
    ),
    case(
        "cellsum-2019-path-in-2021",
        setting("claims", 0, "about", "paths", to=["applications.other_total.total"]),
        "$.claims[0].about.paths[0]",
        phrase="has no cell",
    ),
    case(
        "cellsum-path-number",
        setting("claims", 0, "about", "paths", to=[3]),
        "$.claims[0].about.paths[0]",
        phrase="expected a string",
    ),
    case(
        "cellsum-empty",
        setting("claims", 0, "about", "paths", to=[]),
        "$.claims[0].about.paths",
        phrase="non-empty",
    ),
    case(
        "claimsum-unknown-id",
        setting("claims", 4, "about", "ids", to=["c1", "c9"]),
        "$.claims[4].about.ids[1]",
        phrase="no claim with id 'c9'",
    ),
    case(
        "claimsum-self",
        setting("claims", 4, "about", "ids", to=["c5"]),
        "$.claims[4].about.ids[0]",
        phrase="cannot refer to itself",
    ),
    case(
        "share-numerator-share",
        setting(
            "claims",
            2,
            "about",
            "numerator",
            to={
                "type": "share",
                "numerator": None,
                "denominator": {"type": "claims", "ids": ["c1"]},
            },
        ),
        "$.claims[2].about.numerator.type",
        phrase='expected one of "cells", "claims", got string "share"',
    ),
    case(
        "share-denominator-null",
        setting("claims", 2, "about", "denominator", to=None),
        "$.claims[2].about.denominator",
        phrase="expected an object",
    ),
    case(
        "claim-value-float",
        setting("claims", 0, "value", to=129.0),
        "$.claims[0].value",
        phrase="a float could round the amount",
    ),
    case(
        "claim-value-percent-sign",
        setting("claims", 2, "value", to="23.2%"),
        "$.claims[2].value",
        phrase="decimal string",
    ),
    case(
        "claim-value-negative",
        setting("claims", 0, "value", to="-129"),
        "$.claims[0].value",
        phrase="cannot be negative",
    ),
    case(
        "claim-value-arabic-indic",
        setting("claims", 0, "value", to="\u0661\u0662\u0669"),
        "$.claims[0].value",
        phrase="decimal string",
    ),
    case(
        "claim-duplicate-id",
        setting("claims", 5, "id", to="c1"),
        "$.claims[5].id",
        phrase="duplicate claim id 'c1'",
    ),
    case(
        "claim-bad-id",
        setting("claims", 5, "id", to="C 6"),
        "$.claims[5].id",
        phrase="lower-case letters",
    ),
    case(
        "claim-empty-text",
        setting("claims", 0, "text", to=""),
        "$.claims[0].text",
        phrase="non-empty text",
    ),
    case(
        "claim-unknown-kind",
        setting("claims", 0, "kind", to="number"),
        "$.claims[0].kind",
        phrase="expected one of",
    ),
    case(
        "claim-scale-1000",
        setting("claims", 5, "scale", to=1000),
        "$.claims[5].scale",
        phrase="expected 1, 10000",
    ),
    case(
        "percent-with-scale",
        setting("claims", 2, "scale", to=10000),
        "$.claims[2].scale",
        phrase="no 万/亿 scale",
    ),
    case(
        "percent-about-cells",
        setting(
            "claims", 2, "about", to={"type": "cells", "paths": ["applications.granted.total"]}
        ),
        "$.claims[2].about",
        phrase="a percentage is a claim about a Share",
    ),
    case(
        "claim-section-out-of-range",
        setting("claims", 0, "section", to=2),
        "$.claims[0].section",
        phrase="no section 2: the report has 2",
    ),
    case(
        "claim-section-negative",
        setting("claims", 0, "section", to=-1),
        "$.claims[0].section",
        phrase=">= 0",
    ),
    # --- legacy combined figures -----------------------------------------------------------
    case(
        "combined-unknown-cell",
        setting(
            "statistics",
            "combined",
            0,
            "cells",
            to=["channel_weibo", "channel_wechat"],
            fmt="legacy",
        ),
        "$.statistics.combined[0].cells[1]",
        phrase="unknown legacy cell 'channel_wechat'",
    ),
    case(
        "combined-one-cell",
        setting("statistics", "combined", 0, "cells", to=["channel_weibo"], fmt="legacy"),
        "$.statistics.combined[0].cells",
        phrase="two or more distinct cells",
    ),
    case(
        "combined-value-float",
        setting("statistics", "combined", 0, "value", to=32132.0, fmt="legacy"),
        "$.statistics.combined[0].value",
        phrase="expected an integer",
    ),
]


class TestCatalogue:
    def test_catalogue_is_large(self) -> None:
        """The catalogue covers at least thirty kinds of malformed input."""
        assert len(CASES) >= 30

    @pytest.mark.parametrize(("build", "expected", "exact"), CASES)
    def test_refused_with_path(
        self,
        build: Callable[[], Document],
        expected: dict[str, str],
        exact: bool,
    ) -> None:
        """A malformed document is refused with a ValidationError naming the exact path of each
        fault, with a message saying what is wrong (and, for a single fault, nothing else)."""
        error = _error(build())
        by_path: dict[str, list[str]] = {}
        for p in error.problems:
            by_path.setdefault(p.path, []).append(p.message)
        for path, phrase in expected.items():
            assert path in by_path, error.messages
            assert any(phrase in message for message in by_path[path]), error.messages
        if exact:
            assert sorted(expected) == sorted(p.path for p in error.problems)


class TestTogether:
    def test_three_independent_faults(self) -> None:
        """A document with three independent faults lists all three, each at its path."""
        doc = _doc()
        doc["statistics"]["applications"]["granted"]["total"] = 3.0
        doc["organ"]["extra"] = True
        doc["dated"] = "2019/02/13"
        error = _error(doc)
        expected = {COUNT, "$.organ.extra", "$.dated"}
        assert expected == {p.path for p in error.problems}

    def test_faults_in_many_rows(self) -> None:
        """Faults in different tables and rows are all listed."""
        doc = _doc()
        doc["statistics"]["applications"]["granted"]["total"] = -1
        doc["statistics"]["applications"]["carried_forward"]["natural_person"] = "1"
        doc["statistics"]["reviews"]["review"]["pending"] = 0.5
        doc["statistics"]["active"]["administrative_fees"]["amount"]["value"] = 1.5
        error = _error(doc)
        expected = {
            COUNT,
            f"{APPS}.carried_forward.natural_person",
            "$.statistics.reviews.review.pending",
            f"{FEE}.value",
        }
        assert expected == {p.path for p in error.problems}

    @pytest.mark.parametrize(
        ("mutate", "paths"),
        [
            pytest.param(
                lambda d: (
                    d.update(year=1999),
                    d["statistics"]["applications"]["granted"].update(total=3.0),
                ),
                {"$.year", COUNT},
                id="year-range-and-float-count",
            ),
            pytest.param(
                lambda d: (
                    d.update(year=1999),
                    d.update(format="gov-2020"),
                ),
                {"$.year", "$.format"},
                id="year-range-and-unknown-format",
            ),
            pytest.param(
                lambda d: (
                    d["claims"][0]["about"].update(paths=["nope"]),
                    d["statistics"]["applications"]["granted"].update(total=-1),
                ),
                {"$.claims[0].about.paths[0]", COUNT},
                id="claim-link-and-negative-count",
            ),
            pytest.param(
                lambda d: (
                    d["organ"].update(division_code="1"),
                    d.update(dated="2019/02/13"),
                ),
                {"$.organ.division_code", "$.dated"},
                id="division-code-and-date",
            ),
            pytest.param(
                lambda d: (
                    d["claims"][0].update(section=9),
                    d["claims"][1].update(value=1.5),
                ),
                {"$.claims[0].section", "$.claims[1].value"},
                id="section-range-and-float-value",
            ),
        ],
    )
    def test_faults_found_at_different_stages(
        self, mutate: Callable[[dict[str, Any]], Any], paths: set[str]
    ) -> None:
        """Faults found by the reader (types, keys) and faults found by the model's own checks
        (ranges, links, codes) are reported together, never one stage at a time."""
        doc = _doc()
        mutate(doc)
        assert paths == {p.path for p in _error(doc).problems}

    def test_legacy_combined_and_cell_faults(self) -> None:
        """A bad combined figure and a bad cell of a legacy table are reported together."""
        doc = _doc("legacy")
        doc["statistics"]["proactive_total"] = -1
        doc["statistics"]["combined"][0]["cells"] = ["nope", "channel_weibo"]
        expected = {"$.statistics.proactive_total", "$.statistics.combined[0].cells[0]"}
        assert expected == {p.path for p in _error(doc).problems}

    def test_nothing_is_returned(self) -> None:
        """Reading a bad document raises; no partial report is returned alongside the error."""
        doc = _doc()
        doc["statistics"]["applications"]["granted"]["total"] = -1
        result: list[dm.Report] = []
        with pytest.raises(dm.ValidationError):
            result.append(dm.from_dict(doc))
        assert [] == result


class TestOddInput:
    def test_huge_integer_literal(self) -> None:
        """An integer literal too long for Python to parse is a ValidationError, not a bare
        ValueError escaping from the JSON parser."""
        text = _text().replace('"total": 73', '"total": ' + "9" * 5000, 1)
        with pytest.raises(dm.ValidationError):
            dm.loads(text)

    def test_deeply_nested_input(self) -> None:
        """Absurdly nested JSON is refused with a ValidationError, not a RecursionError."""
        with pytest.raises(dm.ValidationError):
            dm.loads("[" * 100_000 + "]" * 100_000)

    def test_lone_surrogate_escape(self) -> None:
        """A ``\\ud800`` escape (half a UTF-16 pair, not a character) is refused: a report
        holding it could not be written back as UTF-8."""
        text = _text().replace('"淮安市人民政府"', '"\\ud800"', 1)
        with pytest.raises(dm.ValidationError):
            dm.loads(text)
