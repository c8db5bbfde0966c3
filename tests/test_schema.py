"""The JSON Schema of a serialised report: valid itself, accepting what the library writes,
refusing what the library refuses (where JSON Schema can say so)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from tests._reports import legacy_report, report_2019, report_2021, reports

import disclosure_model as dm

Validator = jsonschema.Draft202012Validator


@cache
def _validator() -> Validator:
    return Validator(dm.json_schema(), format_checker=Validator.FORMAT_CHECKER)


def _errors(document: Any) -> list[str]:
    return [e.message for e in _validator().iter_errors(document)]


def _error_paths(document: Any) -> list[str]:
    return ["/".join(str(p) for p in e.absolute_path) for e in _validator().iter_errors(document)]


class TestSchema:
    def test_is_valid_draft_2020_12(self) -> None:
        """The schema is itself a valid Draft 2020-12 schema."""
        schema = dm.json_schema()
        Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]

    def test_requires_every_top_level_key(self) -> None:
        """Like the reader, the schema requires every key, ``schema_version`` first."""
        schema = dm.json_schema()
        assert "schema_version" == schema["required"][0]
        assert {"organ", "year", "format", "statistics", "claims"} <= set(schema["required"])
        assert schema["additionalProperties"] is False

    def test_is_fresh_each_time(self) -> None:
        """Each call returns a new dict, so a caller editing it cannot change the next one."""
        first = dm.json_schema()
        first["$defs"].clear()
        assert dm.json_schema()["$defs"]

    def test_describes_cells_with_their_labels(self) -> None:
        """Each cell's property carries the form's label in Chinese and English."""
        text = str(dm.json_schema())
        assert "本年收费金额（单位：万元）" in text
        assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in text


class TestAccepts:
    @pytest.mark.parametrize("make", [report_2021, report_2019, legacy_report])
    def test_hand_built_reports(self, make: Callable[[], dm.Report]) -> None:
        """Reports of every format, with claims of every kind, validate."""
        assert [] == _errors(dm.to_dict(make()))

    @pytest.mark.parametrize("name", dm.examples.names())
    def test_bundled_examples(self, name: str) -> None:
        """Every bundled example validates against the schema."""
        assert [] == _errors(dm.to_dict(dm.examples.load(name)))

    @given(reports())
    def test_generated_reports(self, report: dm.Report) -> None:
        """Every report the library can write validates against its schema."""
        assert [] == _errors(dm.to_dict(report))


def _mutated(mutate: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    doc = copy.deepcopy(dm.to_dict(report_2021()))
    mutate(doc)
    return doc


def _granted(value: Any) -> Callable[[dict[str, Any]], Any]:
    return lambda d: d["statistics"]["applications"]["granted"].update(total=value)


def _fee(**changes: Any) -> Callable[[dict[str, Any]], Any]:
    return lambda d: d["statistics"]["active"]["administrative_fees"]["amount"].update(changes)


GRANTED = "statistics/applications/granted/total"
FEE = "statistics/active/administrative_fees/amount"


class TestRefuses:
    @pytest.mark.parametrize(
        ("mutate", "path"),
        [
            pytest.param(_granted(3.5), GRANTED, id="float-count"),
            pytest.param(_granted(-1), GRANTED, id="negative-count"),
            pytest.param(_granted(True), GRANTED, id="bool-count"),
            pytest.param(_granted("3"), GRANTED, id="string-count"),
            pytest.param(lambda d: d.update(extra=1), "", id="unknown-key-top"),
            pytest.param(lambda d: d["organ"].update(extra=1), "organ", id="unknown-key-organ"),
            pytest.param(
                lambda d: d["statistics"]["applications"]["granted"].update(totl=1),
                "statistics/applications/granted",
                id="unknown-key-row",
            ),
            pytest.param(
                lambda d: d["statistics"]["applications"].pop("granted"),
                "statistics/applications",
                id="missing-row",
            ),
            pytest.param(_fee(value=96171.6), FEE, id="money-float"),
            pytest.param(_fee(value="-5"), FEE, id="money-negative"),
            pytest.param(_fee(value="1e5"), FEE, id="money-exponent"),
            pytest.param(_fee(unit="千元"), FEE, id="money-unknown-unit"),
            pytest.param(lambda d: d.update(format="gov-2020"), "format", id="unknown-format"),
            pytest.param(lambda d: d.update(schema_version=3), "schema_version", id="version-3"),
            pytest.param(lambda d: d.pop("schema_version"), "", id="version-missing"),
            pytest.param(lambda d: d.update(year="2021"), "year", id="year-string"),
            pytest.param(lambda d: d.update(dated="2019/02/13"), "dated", id="date-slashes"),
            pytest.param(lambda d: d.update(claims={}), "claims", id="claims-object"),
            pytest.param(
                lambda d: d["claims"][0]["about"].update(type="cell"),
                "claims/0/about",
                id="subject-unknown-type",
            ),
            pytest.param(
                lambda d: d["claims"][0].update(value=129.5), "claims/0/value", id="claim-float"
            ),
        ],
    )
    def test_malformed(self, mutate: Callable[[dict[str, Any]], Any], path: str) -> None:
        """Malformed documents that JSON Schema can describe are refused at the right place,
        as the reader refuses them."""
        doc = _mutated(mutate)
        assert path in _error_paths(doc)
        with pytest.raises(dm.ValidationError):
            dm.from_dict(doc)

    def test_tables_under_the_wrong_tag(self) -> None:
        """2021 tables under a ``gov-2019`` tag are refused: the tag selects the tables' shape."""
        doc = _mutated(lambda d: d.update(format="gov-2019", claims=[]))
        assert any(p.startswith("statistics/") for p in _error_paths(doc))

    @pytest.mark.parametrize(
        "value",
        [
            "0",
            "96171.60",
            "007",
            "-0",
            "-0.00",
            "-1",
            "1e5",
            "1E+3",
            ".5",
            "5.",
            " 5",
            "+5",
            pytest.param("\u0661\u0662\u0663", id="arabic-indic-digits"),
            pytest.param("１２３", id="fullwidth-digits"),
            "12,000",
        ],
    )
    def test_reader_and_schema_agree_on_money(self, value: str) -> None:
        """A money value is accepted by the reader exactly when the schema accepts it, so a
        document checked with the schema elsewhere loads here, and the other way round."""
        doc = _mutated(_fee(value=value))
        try:
            dm.from_dict(doc)
        except dm.ValidationError:
            reader = "refuses"
        else:
            reader = "accepts"
        schema = "refuses" if FEE in _error_paths(doc) else "accepts"
        assert reader == schema, f"the reader {reader} {value!r}, the schema {schema} it"

    def test_written_amounts_validate(self) -> None:
        """An amount of zero written with a sign (``Decimal("-0")``, which the model accepts
        as not negative) is written in a form the schema accepts."""
        try:
            amount = dm.Amount(value=Decimal("-0"), unit=dm.MoneyUnit.YUAN)
            report = dm.Report(
                organ=dm.Organ(name="x", level=dm.OrganLevel.CITY),
                year=2018,
                format=dm.ReportFormat.LEGACY,
                statistics=dm.LegacyStatistics(fees_collected=amount),
            )
        except dm.ValidationError:
            return  # refusing a negative zero is also correct
        assert [] == _errors(dm.to_dict(report))
