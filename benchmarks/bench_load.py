"""Bytes → Report for a 2021-format report, against pydantic v2 and a bare JSON parse.

Run with the ``bench`` extra installed::

    python benchmarks/bench_load.py [--example huaian-2024] [--repeat 7] [--number 300]

The pydantic model is built from the same declarations as the library's classes (so it has
the same shape: the same tables, rows and cells, non-negative counts, strict types, unknown
keys forbidden), and every contender reads the same bytes in the same run. The script prints
the best time per call of each and the ratios the library's target is stated in:
``disclosure_model / pydantic`` (target ≤ 1.0) and ``disclosure_model / orjson.loads``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import attrs
import orjson
from _timing import best_times  # benchmarks/ is on sys.path when run as a script
from pydantic import BaseModel, ConfigDict, Field, create_model

import disclosure_model as dm
from disclosure_model.formats import Statistics2021
from disclosure_model.formats._declare import Declared, SlotKind, slots

_CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True)


class _Strict(BaseModel):
    model_config = _CONFIG


class PydAmount(_Strict):
    value: Annotated[Decimal, Field(strict=False, ge=0)]
    unit: Literal["元", "万元"] | None


Count = Annotated[int | None, Field(ge=0)]


def _model_for(cls: type[Declared], cache: dict[type, type[BaseModel]]) -> type[BaseModel]:
    """A pydantic model with the fields of a declared class (recursively)."""
    if cls in cache:
        return cache[cls]
    fields: dict[str, Any] = {}
    for s in slots(cls):
        if s.kind is SlotKind.COUNT:
            fields[s.name] = (Count, ...)
        elif s.kind is SlotKind.CHANGE:
            fields[s.name] = (int | None, ...)
        elif s.kind is SlotKind.MONEY:
            fields[s.name] = (PydAmount | None, ...)
        else:
            fields[s.name] = (_model_for(s.type, cache), ...)
    model = create_model(f"Pyd{cls.__name__}", __base__=_Strict, **fields)
    cache[cls] = model
    return model


class PydOrgan(_Strict):
    name: str
    level: Literal[tuple(m.value for m in dm.OrganLevel)]  # type: ignore[misc]
    division_code: str | None


class PydSource(_Strict):
    url: str | None
    sha256: str | None


class PydSection(_Strict):
    title: str | None
    text: str


class PydCellSum(_Strict):
    type: Literal["cells"]
    paths: tuple[str, ...]


class PydClaimSum(_Strict):
    type: Literal["claims"]
    ids: tuple[str, ...]


Operand = Annotated[PydCellSum | PydClaimSum, Field(discriminator="type")]


class PydShare(_Strict):
    type: Literal["share"]
    numerator: Operand | None
    denominator: Operand


class PydClaim(_Strict):
    id: str
    text: str
    kind: Literal["figure", "percent"]
    value: Annotated[Decimal, Field(strict=False)]
    unit: str | None
    scale: int
    approximation: Literal[tuple(m.value for m in dm.Approximation)]  # type: ignore[misc]
    section: int | None
    about: Annotated[PydCellSum | PydClaimSum | PydShare, Field(discriminator="type")] | None


PydStatistics2021 = _model_for(Statistics2021, {})


class PydCoverage(_Strict):
    last_row: str


class PydReport2021(_Strict):
    schema_version: Literal[2]
    organ: PydOrgan
    year: int
    format: Literal["gov-2021"]
    statistics: PydStatistics2021  # type: ignore[valid-type]
    title: str | None
    dated: Annotated[date | None, Field(strict=False)]
    published: Annotated[date | None, Field(strict=False)]
    source: PydSource | None
    sections: tuple[PydSection, ...]
    claims: tuple[PydClaim, ...]
    coverage: PydCoverage | None


def _strict_parse(data: bytes) -> Any:
    from disclosure_model.serialization import MAX_DOCUMENT_SIZE, _parse

    return _parse(data, MAX_DOCUMENT_SIZE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", default="huaian-2024")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=300)
    args = parser.parse_args()

    report = dm.examples.load(args.example)
    if report.format is not dm.ReportFormat.GOV_2021:
        parser.error(f"{args.example} is not a 2021-format report")
    data = dm.dumps(report, indent=None).encode("utf-8")

    # Same input accepted by both, and the same content read back.
    assert dm.loads(data) == report
    pyd = PydReport2021.model_validate_json(data)
    assert json.loads(pyd.model_dump_json()) == json.loads(data)
    n_cells = sum(1 for _ in Statistics2021.catalogue())
    cells_per_class = {c.__name__: len(attrs.fields(c)) for c in (Statistics2021,)}

    parsed = json.loads(data)
    contenders = {
        "orjson.loads (parse only)": orjson.loads,
        "json.loads (parse only)": json.loads,
        # The two halves of disclosure_model.loads, to show where its time goes:
        "  strict parse (duplicate keys, NaN)": _strict_parse,
        "  from_dict of parsed data": lambda _data: dm.from_dict(parsed),
        "pydantic v2 model_validate_json": PydReport2021.model_validate_json,
        "disclosure_model.loads": dm.loads,
    }
    calls = {name: (lambda fn=fn: fn(data)) for name, fn in contenders.items()}
    best = best_times(calls, repeat=args.repeat, number=args.number)

    print(
        f"input: example {args.example}, {len(data):,} bytes, {n_cells} declared cells, "
        f"{len(report.claims)} claims, {len(report.sections)} sections {cells_per_class}"
    )
    for name, seconds in best.items():
        print(f"  {name:<36} {seconds * 1e6:9.1f} µs/report")
    ours = best["disclosure_model.loads"]
    pyd = best["pydantic v2 model_validate_json"]
    print(f"ratio disclosure_model / pydantic     = {ours / pyd:.2f}  (target <= 1.00)")
    for name in ("orjson.loads (parse only)", "json.loads (parse only)"):
        print(f"ratio disclosure_model / {name.split()[0]:<12} = {ours / best[name]:.2f}")


if __name__ == "__main__":
    main()
