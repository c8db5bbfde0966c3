"""Bytes → Report for a 2021-format report, against a strict pydantic v2 mirror.

Run with the ``bench`` extra installed::

    python benchmarks/bench_load.py [--example huaian-2024] [--repeat 7] [--number 300]
    python benchmarks/bench_load.py --profile     # where the time of each path goes

The pydantic model is built from the same declarations as the library's classes and holds
the same rules: the same tables, rows and cells; counts non-negative and within the count
limit; money and stated figures as Decimal from a decimal string or an integer (never a
float, an exponent or ``-0``), within the digit limits; strict types; unknown keys
forbidden; the organ's name, claim ids, division codes and hashes as the model spells them;
years in range; and the claims' links (unique ids, cells, sections and claims that exist)
checked after the fields, as the library checks them. ``assert_mirror_is_strict`` shows on
each run that it refuses what the library refuses.

Every contender reads the same bytes in the same run, rounds interleaved. The script prints
the best time per call of each and the ratios the targets are stated in:
``loads`` with orjson (the ``fast`` extra) ≤ 0.9 × pydantic, and with the standard library's
parser ≤ 1.3 × pydantic; the exact path (what an invalid document costs) is shown beside them.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import attrs
import orjson
from _timing import best_times  # benchmarks/ is on sys.path when run as a script
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

import disclosure_model as dm
from disclosure_model import _fastjson, serialization
from disclosure_model.formats import Statistics2021
from disclosure_model.formats._declare import Declared, SlotKind, slots
from disclosure_model.values import MAX_COUNT, MAX_DECIMALS, MAX_INTEGER_DIGITS

_CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True)


class _Strict(BaseModel):
    model_config = _CONFIG


_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")


def _non_negative_decimal(value: Any) -> Decimal:
    """A decimal string or an int, as the library reads money and stated figures."""
    if type(value) is int or (type(value) is str and _DECIMAL.match(value)):
        return Decimal(value)
    msg = "expected a non-negative decimal string or an integer"
    raise ValueError(msg)


Stated = Annotated[
    Decimal,
    BeforeValidator(_non_negative_decimal),
    Field(max_digits=MAX_INTEGER_DIGITS + MAX_DECIMALS, decimal_places=MAX_DECIMALS),
]
Text = Annotated[str, StringConstraints(pattern=r"\S")]


class PydAmount(_Strict):
    value: Stated
    unit: Literal["元", "万元"] | None


Count = Annotated[int | None, Field(ge=0, le=MAX_COUNT)]
Change = Annotated[int | None, Field(ge=-MAX_COUNT, le=MAX_COUNT)]


def _model_for(cls: type[Declared], cache: dict[type, type[BaseModel]]) -> type[BaseModel]:
    """A pydantic model with the fields of a declared class (recursively)."""
    if cls in cache:
        return cache[cls]
    fields: dict[str, Any] = {}
    for s in slots(cls):
        if s.kind is SlotKind.COUNT:
            fields[s.name] = (Count, ...)
        elif s.kind is SlotKind.CHANGE:
            fields[s.name] = (Change, ...)
        elif s.kind is SlotKind.MONEY:
            fields[s.name] = (PydAmount | None, ...)
        else:
            fields[s.name] = (_model_for(s.type, cache), ...)
    model = create_model(f"Pyd{cls.__name__}", __base__=_Strict, **fields)
    cache[cls] = model
    return model


class PydOrgan(_Strict):
    name: Text
    level: Literal[tuple(m.value for m in dm.OrganLevel)]  # type: ignore[misc]
    division_code: (
        Annotated[str, StringConstraints(pattern=r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$")] | None
    )


class PydSource(_Strict):
    url: Text | None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None


class PydSection(_Strict):
    title: Text | None
    text: str


class PydCellSum(_Strict):
    type: Literal["cells"]
    paths: Annotated[tuple[Text, ...], Field(min_length=1)]


class PydClaimSum(_Strict):
    type: Literal["claims"]
    ids: Annotated[tuple[Text, ...], Field(min_length=1)]


Operand = Annotated[PydCellSum | PydClaimSum, Field(discriminator="type")]


class PydShare(_Strict):
    type: Literal["share"]
    numerator: Operand | None
    denominator: Operand


class PydClaim(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    text: Text
    kind: Literal["figure", "percent"]
    value: Stated
    unit: Text | None
    scale: Literal[1, 10_000, 100_000_000]
    approximation: Literal[tuple(m.value for m in dm.Approximation)]  # type: ignore[misc]
    section: Annotated[int, Field(ge=0)] | None
    about: Annotated[PydCellSum | PydClaimSum | PydShare, Field(discriminator="type")] | None

    @model_validator(mode="after")
    def _kind_and_subject(self) -> PydClaim:
        if self.kind == "percent" and (
            self.scale != 1 or not isinstance(self.about, PydShare | None)
        ):
            msg = "a percentage is about a share and has no scale"
            raise ValueError(msg)
        if self.kind == "figure" and isinstance(self.about, PydShare):
            msg = "a figure is about cells or claims"
            raise ValueError(msg)
        return self


PydStatistics2021 = _model_for(Statistics2021, {})


class PydCoverage(_Strict):
    last_row: str


_CELLS = Statistics2021.catalogue().paths


class PydReport2021(_Strict):
    schema_version: Literal[2]
    organ: PydOrgan
    year: Annotated[int, Field(ge=2000, le=2100)]
    format: Literal["gov-2021"]
    statistics: PydStatistics2021  # type: ignore[valid-type]
    title: Text | None
    dated: Annotated[date | None, Field(strict=False)]
    published: Annotated[date | None, Field(strict=False)]
    source: PydSource | None
    sections: tuple[PydSection, ...]
    claims: tuple[PydClaim, ...]
    coverage: PydCoverage | None

    @model_validator(mode="after")
    def _links(self) -> PydReport2021:
        ids = {c.id for c in self.claims}
        if len(ids) != len(self.claims):
            msg = "duplicate claim id"
            raise ValueError(msg)
        for c in self.claims:
            if c.section is not None and c.section >= len(self.sections):
                msg = f"no section {c.section}"
                raise ValueError(msg)
            about = c.about
            operands = (
                (about.numerator, about.denominator) if isinstance(about, PydShare) else (about,)
            )
            for operand in operands:
                if isinstance(operand, PydCellSum) and not all(p in _CELLS for p in operand.paths):
                    msg = "no such cell"
                    raise ValueError(msg)
                if isinstance(operand, PydClaimSum) and (
                    c.id in operand.ids or not ids.issuperset(operand.ids)
                ):
                    msg = "no such claim"
                    raise ValueError(msg)
        if self.coverage is not None and self.coverage.last_row.count(".") != 1:
            msg = "coverage is a table.row key"
            raise ValueError(msg)
        return self


def _strict_parse(data: bytes) -> Any:
    return serialization._parse(data, serialization.MAX_DOCUMENT_SIZE)


def _with_parser(name: str | None) -> Callable[[bytes], dm.Report]:
    """``dm.loads`` with the fast path's parser switched to ``name`` for the call."""

    def read(data: bytes) -> dm.Report:
        previous = _fastjson.set_parser(name)
        try:
            return dm.loads(data)
        finally:
            _fastjson.set_parser(previous)

    return read


#: Faults the library refuses; the mirror must refuse each as well (else it is not as strict).
_FAULTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "float money": lambda d: _fee(d).update(value=1.5),
    "exponent money": lambda d: _fee(d).update(value="1e3"),
    "minus-zero money": lambda d: _fee(d).update(value="-0"),
    "7 decimals": lambda d: _fee(d).update(value="1.1234567"),
    "19 digits": lambda d: _fee(d).update(value="1" * 19),
    "negative count": lambda d: _granted(d).update(total=-1),
    "huge count": lambda d: _granted(d).update(total=MAX_COUNT + 1),
    "float count": lambda d: _granted(d).update(total=3.0),
    "str count": lambda d: _granted(d).update(total="3"),
    "bool count": lambda d: _granted(d).update(total=True),
    "extra key": lambda d: d["organ"].update(extra=1),
    "missing key": lambda d: d["organ"].pop("division_code"),
    "year 1999": lambda d: d.update(year=1999),
    "blank organ": lambda d: d["organ"].update(name=" "),
    "negative claim": lambda d: d["claims"][0].update(value="-1"),
    "float claim": lambda d: d["claims"][0].update(value=1.5),
    "bad claim id": lambda d: d["claims"][0].update(id="A B"),
    "scale 7": lambda d: d["claims"][0].update(scale=7),
    "unknown cell": lambda d: next(c for c in d["claims"] if c["about"])["about"].update(
        paths=["nope"]
    ),
    "section out of range": lambda d: d["claims"][0].update(section=99),
    "duplicate claim id": lambda d: d["claims"][1].update(id=d["claims"][0]["id"]),
}


def _fee(d: dict[str, Any]) -> dict[str, Any]:
    return d["statistics"]["active"]["administrative_fees"]["amount"]  # type: ignore[no-any-return]


def _granted(d: dict[str, Any]) -> dict[str, Any]:
    return d["statistics"]["applications"]["granted"]  # type: ignore[no-any-return]


def assert_mirror_is_strict(report: dm.Report) -> None:
    """Each fault of :data:`_FAULTS` is refused by the library and by the mirror."""
    for name, fault in _FAULTS.items():
        doc = dm.to_dict(report)
        fault(doc)
        data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        for read in (dm.loads, PydReport2021.model_validate_json):
            try:
                read(data)
            except (dm.ValidationError, ValueError):
                continue
            msg = f"{read.__qualname__} accepts a document with {name}"
            raise AssertionError(msg)


def _profile(name: str, fn: Callable[[], Any], number: int) -> None:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(number):
        fn()
    profile.disable()
    print(f"\n--- profile of {name} ({number} calls) ---")
    pstats.Stats(profile).sort_stats("tottime").print_stats(12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", default="huaian-2024")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="profile each path afterwards")
    args = parser.parse_args()

    report = dm.examples.load(args.example)
    if report.format is not dm.ReportFormat.GOV_2021:
        parser.error(f"{args.example} is not a 2021-format report")
    data = dm.dumps(report, indent=None).encode("utf-8")

    # Same input accepted by all, the same content read back, the same faults refused.
    paths = {
        "disclosure_model.loads (orjson)": _with_parser("orjson"),
        "disclosure_model.loads (json)": _with_parser("json"),
        "disclosure_model.loads (exact path)": _with_parser(None),
    }
    for read in paths.values():
        assert read(data) == report
    pyd = PydReport2021.model_validate_json(data)
    assert json.loads(pyd.model_dump_json()) == json.loads(data)
    assert_mirror_is_strict(report)
    n_cells = sum(1 for _ in Statistics2021.catalogue())
    cells_per_class = {c.__name__: len(attrs.fields(c)) for c in (Statistics2021,)}

    parsed = orjson.loads(data)
    contenders: dict[str, Callable[[bytes], Any]] = {
        "orjson.loads (parse only)": orjson.loads,
        "json.loads (parse only)": json.loads,
        # Parts of the exact path, to show where an invalid document's time goes:
        "  exact parse (duplicates, NaN, depth)": _strict_parse,
        "  from_dict of parsed data": lambda _data: dm.from_dict(parsed),
        "pydantic v2 model_validate_json": PydReport2021.model_validate_json,
        **paths,
    }
    calls = {name: (lambda fn=fn: fn(data)) for name, fn in contenders.items()}
    best = best_times(calls, repeat=args.repeat, number=args.number)

    print(
        f"input: example {args.example}, {len(data):,} bytes, {n_cells} declared cells, "
        f"{len(report.claims)} claims, {len(report.sections)} sections {cells_per_class}"
    )
    for name, seconds in best.items():
        print(f"  {name:<40} {seconds * 1e6:9.1f} µs/report")
    pyd_time = best["pydantic v2 model_validate_json"]
    targets = {"orjson": 0.9, "json": 1.3, "exact path": None}
    for name, target in targets.items():
        ratio = best[f"disclosure_model.loads ({name})"] / pyd_time
        goal = f"  (target <= {target:.2f})" if target is not None else ""
        print(f"ratio loads ({name}) / pydantic{'':<{12 - len(name)}} = {ratio:.2f}{goal}")
    ours = best["disclosure_model.loads (orjson)"] / best["orjson.loads (parse only)"]
    print(f"ratio loads (orjson) / orjson.loads       = {ours:.2f}")

    if args.profile:
        number = max(50, args.number // 3)
        for name, read in paths.items():
            _profile(name, lambda read=read: read(data), number)
        _profile("pydantic", lambda: PydReport2021.model_validate_json(data), number)


if __name__ == "__main__":
    main()
