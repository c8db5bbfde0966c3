"""Strict, lossless JSON: round trips, inputs and outputs, and the cattrs converters."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from tests._reports import legacy_report, report_2019, report_2021, reports

import disclosure_model as dm
from disclosure_model.formats import FeeAmount, Statistics2021
from disclosure_model.serialization import configure_converter, make_converter

BUILDERS: list[Callable[[], dm.Report]] = [report_2021, report_2019, legacy_report]
BUILDER_IDS = ["gov-2021", "gov-2019", "legacy"]


def _with_fee(value: Decimal, unit: dm.MoneyUnit | None = dm.MoneyUnit.WAN_YUAN) -> dm.Report:
    report = report_2021()
    stats = report.statistics
    active = attrs.evolve(
        stats.active, administrative_fees=FeeAmount(amount=dm.Amount(value=value, unit=unit))
    )
    return attrs.evolve(report, statistics=attrs.evolve(stats, active=active))


class TestRoundTrip:
    @pytest.mark.parametrize("make", BUILDERS, ids=BUILDER_IDS)
    def test_report_round_trips(self, make: Callable[[], dm.Report]) -> None:
        """Writing a report and reading it back gives an equal report."""
        report = make()
        assert report == dm.loads(dm.dumps(report))
        assert report == dm.from_dict(dm.to_dict(report))

    @pytest.mark.parametrize("make", BUILDERS, ids=BUILDER_IDS)
    def test_text_round_trips(self, make: Callable[[], dm.Report]) -> None:
        """Reading a written text and writing it again gives the same text, byte for byte."""
        text = dm.dumps(make())
        assert text == dm.dumps(dm.loads(text))

    @pytest.mark.parametrize("fmt", list(dm.ReportFormat))
    def test_empty_statistics_round_trip(self, fmt: dm.ReportFormat) -> None:
        """A report that states no statistics at all round-trips (every cell null)."""
        report = dm.Report(
            organ=dm.Organ(name="某乡人民政府", level=dm.OrganLevel.TOWNSHIP),
            year=2020,
            format=fmt,
            statistics=dm.formats.statistics_class(fmt)(),
        )
        assert report == dm.loads(dm.dumps(report))

    def test_amounts_are_lossless(self) -> None:
        """A money value keeps its written decimals: "96171.60" stays "96171.60"."""
        report = report_2021()
        text = dm.dumps(report)
        assert '"value": "96171.60"' in text
        amount = dm.loads(text).statistics.active.administrative_fees.amount
        assert amount is not None
        assert "96171.60" == str(amount.value)
        assert dm.MoneyUnit.WAN_YUAN is amount.unit

    def test_amount_without_unit(self) -> None:
        """An amount whose unit the report does not state is written with ``"unit": null``."""
        data = dm.to_dict(report_2019())
        assert {"value": "213.15", "unit": None} == data["statistics"]["active"]["procurement"][
            "amount"
        ]

    @pytest.mark.parametrize(
        "value",
        ["0", "0.00", "0.0001", "213.15", "96171.60", "123456789012345678.567891", "1000"],
    )
    def test_amount_values(self, value: str) -> None:
        """Decimals of any size and precision are written as their exact digits."""
        report = _with_fee(Decimal(value))
        text = dm.dumps(report)
        assert f'"value": "{value}"' in text
        assert report == dm.loads(text)

    @pytest.mark.parametrize("where", ["amount", "claim"])
    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(Decimal("1E+3"), id="1E+3"),
            pytest.param(Decimal("1.5E+2"), id="1.5E+2"),
            pytest.param(Decimal("1E-7"), id="1E-7"),
            pytest.param(Decimal("0E-10"), id="0E-10"),
            pytest.param(Decimal("-0"), id="minus-zero"),
        ],
    )
    def test_whatever_constructs_round_trips(self, value: Decimal, where: str) -> None:
        """A Decimal the model accepts in an amount or a claim is written in a form that reads
        back: the model may refuse such a value, but never writes what it cannot read."""
        try:
            if where == "amount":
                report = _with_fee(value)
            else:
                claim = dm.Claim(id="x", text="t", kind=dm.ClaimKind.FIGURE, value=value)
                report = attrs.evolve(report_2021(), claims=(claim,))
        except dm.ValidationError:
            return  # refusing the value at construction is also correct
        assert report == dm.loads(dm.dumps(report))

    @pytest.mark.parametrize("value", [10**15, 2**53 + 1, dm.values.MAX_COUNT])
    def test_large_counts_are_exact(self, value: int) -> None:
        """Counts beyond a float's precision are written and read as exact integers."""
        stats = Statistics2021(
            applications=attrs.evolve(
                Statistics2021().applications,
                granted=dm.formats.ApplicantCounts(total=value),
            )
        )
        report = attrs.evolve(report_2021(), statistics=stats, claims=())
        text = dm.dumps(report)
        assert f'"total": {value}' in text
        assert value == dm.loads(text).statistics.applications.granted.total

    def test_claims_and_dates_on_the_wire(self) -> None:
        """Claim values are decimal strings, subjects carry a type tag, dates are ISO strings."""
        data = dm.to_dict(report_2021())
        assert "2022-01-20" == data["dated"]
        claims = {c["id"]: c for c in data["claims"]}
        assert "9.9" == claims["c6.page-views"]["value"]
        assert 10000 == claims["c6.page-views"]["scale"]
        assert "more-than" == claims["c6.page-views"]["approximation"]
        assert {"type": "cells", "paths": ["applications.new_received.total"]} == claims["c1"][
            "about"
        ]
        assert {
            "type": "share",
            "numerator": {"type": "claims", "ids": ["c2"]},
            "denominator": {"type": "claims", "ids": ["c1"]},
        } == claims["c3"]["about"]
        assert claims["c4"]["about"]["numerator"] is None
        assert claims["c6.page-views"]["about"] is None

    def test_every_key_is_written(self) -> None:
        """Every cell is written, null when unstated, and ``schema_version`` comes first."""
        data = dm.to_dict(report_2021())
        assert ["schema_version", "organ", "year", "format", "statistics"] == list(data)[:5]
        assert dm.SCHEMA_VERSION == data["schema_version"] == 2
        written = 0
        for entry in dm.catalogue(dm.ReportFormat.GOV_2021):
            table, row, column = entry.path.split(".")
            assert column in data["statistics"][table][row]
            written += 1
        assert 200 == written
        assert data["statistics"]["applications"]["denied_admin_query"]["total"] is None

    def test_chinese_is_written_as_is(self) -> None:
        """The text keeps Chinese characters (no \\u escapes), so it reads like the report."""
        text = dm.dumps(report_2021())
        assert "淮安市人民政府" in text
        assert "\\u" not in text

    def test_compact(self) -> None:
        """``indent=None`` writes one line that reads back the same."""
        report = report_2021()
        text = dm.dumps(report, indent=None)
        assert "\n" not in text
        assert report == dm.loads(text)

    @given(reports())
    def test_generated_reports_round_trip(self, report: dm.Report) -> None:
        """Any valid report, of any format, round-trips exactly through its text."""
        text = dm.dumps(report)
        again = dm.loads(text)
        assert report == again
        assert text == dm.dumps(again)


@pytest.mark.parametrize("name", dm.examples.names())
class TestBundledExamples:
    def test_round_trip(self, name: str) -> None:
        """Every bundled example loads, and round-trips through its text."""
        report = dm.examples.load(name)
        text = dm.dumps(report)
        assert report == dm.loads(text)
        assert text == dm.dumps(dm.loads(text))


class TestInputs:
    def test_bytes(self) -> None:
        """`loads` takes UTF-8 bytes and bytearrays as well as str."""
        report = report_2021()
        data = dm.dumps(report).encode("utf-8")
        assert report == dm.loads(data)
        assert report == dm.loads(bytearray(data))

    @pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
    def test_byte_order_mark(self, as_bytes: bool) -> None:
        """A leading byte-order mark (as Windows editors write) is ignored."""
        report = report_2021()
        text = "\ufeff" + dm.dumps(report)
        assert report == dm.loads(text.encode("utf-8") if as_bytes else text)

    def test_other_types_are_a_type_error(self) -> None:
        """Passing something that is not JSON text is misuse: a TypeError, not a ValidationError."""
        with pytest.raises(TypeError, match="takes str or bytes"):
            dm.loads(3)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="takes a Report"):
            dm.to_dict({})  # type: ignore[arg-type]

    def test_from_dict_leaves_its_input_alone(self) -> None:
        """Reading a dict does not modify it."""
        data = dm.to_dict(report_2021())
        before = json.dumps(data, ensure_ascii=False)
        dm.from_dict(data)
        assert before == json.dumps(data, ensure_ascii=False)

    def test_integer_values_read_as_decimals(self) -> None:
        """A money or claim value may be a JSON integer; it reads as that Decimal."""
        data = dm.to_dict(report_2021())
        data["statistics"]["active"]["administrative_fees"]["amount"]["value"] = 12
        data["claims"][0]["value"] = 129
        report = dm.from_dict(data)
        amount = report.statistics.active.administrative_fees.amount
        assert amount is not None
        assert Decimal(12) == amount.value
        assert Decimal(129) == report.claims[0].value


class TestFiles:
    @pytest.mark.parametrize("kind", ["str", "path"])
    def test_dump_and_load_a_path(self, tmp_path: Path, kind: str) -> None:
        """`dump` writes UTF-8 JSON with a final newline to a path; `load` reads it back."""
        report = report_2021()
        target = tmp_path / "report.json"
        dm.dump(report, str(target) if kind == "str" else target)
        assert dm.dumps(report) + "\n" == target.read_text(encoding="utf-8")
        assert report == dm.load(str(target) if kind == "str" else target)

    def test_dump_to_a_text_file(self) -> None:
        """`dump` writes to an open text file."""
        report = legacy_report()
        out = io.StringIO()
        dm.dump(report, out, indent=None)
        assert dm.dumps(report, indent=None) + "\n" == out.getvalue()

    def test_load_from_file_objects(self, tmp_path: Path) -> None:
        """`load` reads open files in text and in binary mode."""
        report = report_2019()
        target = tmp_path / "r.json"
        dm.dump(report, target)
        with target.open(encoding="utf-8") as text_file:
            assert report == dm.load(text_file)
        with target.open("rb") as binary_file:
            assert report == dm.load(binary_file)
        assert report == dm.load(io.BytesIO(target.read_bytes()))

    def test_load_rejects_a_bad_file(self, tmp_path: Path) -> None:
        """A file that is not a report is a ValidationError like any other bad input."""
        target = tmp_path / "bad.json"
        target.write_bytes(b"\xff\xfe{}")
        with pytest.raises(dm.ValidationError, match="not UTF-8"):
            dm.load(target)


class TestConverters:
    def test_make_converter_structures_a_report(self) -> None:
        """`make_converter()` gives a converter that reads and writes reports like the module."""
        report = report_2021()
        conv = make_converter()
        assert report == conv.structure(dm.to_dict(report), dm.Report)
        assert dm.to_dict(report) == conv.unstructure(report)

    def test_make_converter_is_strict(self) -> None:
        """The converter from `make_converter()` refuses a float where an int belongs."""
        conv = make_converter()
        with pytest.raises(dm.ValidationError) as info:
            conv.structure(3.0, int)
        assert ("$: expected an integer, got number 3.0",) == info.value.messages

    def test_converters_are_independent(self) -> None:
        """Hooks registered on a converter of one's own do not change the module functions."""
        report = report_2021()
        conv = make_converter()
        assert conv is not make_converter()
        conv.register_structure_hook(date, lambda _v, _t: date(2000, 1, 1))
        conv.register_unstructure_hook(Decimal, lambda _d: "0")
        assert date(2000, 1, 1) == conv.structure(dm.to_dict(report), dm.Report).dated
        assert report == dm.from_dict(dm.to_dict(report))
        assert '"value": "96171.60"' in dm.dumps(report)

    def test_configure_a_plain_converter(self) -> None:
        """`configure_converter` makes a plain `cattrs.Converter()` read reports strictly."""
        report = report_2019()
        conv = cattrs.Converter()
        configure_converter(conv)
        data = dm.to_dict(report)
        assert report == conv.structure(data, dm.Report)
        assert data == conv.unstructure(report)
        data["year"] = 2019.9
        with pytest.raises(dm.ValidationError) as info:
            conv.structure(data, dm.Report)
        assert ["$.year"] == [p.path for p in info.value.problems]

    def test_global_converter_is_untouched(self) -> None:
        """The library never registers on cattrs' global converter: it still truncates floats
        to ints and turns anything into a string, as cattrs does by default."""
        make_converter()
        configure_converter(cattrs.Converter())
        assert 2021 == cattrs.global_converter.structure(2021.9, int)
        organ: Any = cattrs.global_converter.structure(
            {"name": 3, "level": "city", "division_code": None}, dm.Organ
        )
        assert "3" == organ.name
        data = dm.to_dict(report_2021())
        data["organ"]["name"] = 3
        with pytest.raises(dm.ValidationError) as info:
            dm.from_dict(data)
        assert ["$.organ.name"] == [p.path for p in info.value.problems]
