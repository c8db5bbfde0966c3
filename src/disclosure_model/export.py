"""Flat records of many reports, for tables: plain dicts, pandas DataFrames, Parquet.

Three shapes:

``long``
    One record per *stated* cell (a cell the report leaves blank has no record), with the
    cell's stable keys, official code, labels, value and unit: the long-records contract.
``wide``
    One record per report: its metadata, every harmonised indicator
    (:mod:`disclosure_model.indicators`) and every ratio of the catalogue, of every format.
    The columns are the same whatever a report's format; what a report does not have or
    does not state is ``None``, never 0. With ``harmonised=True`` the records also have
    the ratios of :data:`HARMONISED_RATIOS`, computed from the harmonised indicators, so
    every format has them (the legacy table's disclosure rate among them);
    ``harmonised_*_exact`` says whether every indicator they read maps exactly (false for
    most legacy mappings: the value is then approximate).
``typed``
    The long records with the value in a column of its unit (``value_piece`` for 件,
    ``value_entry`` for 条, …, ``value_wan_yuan`` for 万元, ``value_yuan`` for 元, and
    ``value_unknown_unit`` for an amount whose unit the report does not state), so that
    a sum over any grouping never adds different units (:data:`UNIT_COLUMNS`).

:func:`to_records` needs nothing beyond the library. :func:`to_frame` needs pandas and
:func:`write_parquet` pyarrow, optional extras (``pandas`` and ``arrow``: in a clone of the
repository, ``pip install '.[pandas]'``), imported only when called.

Counts stay ``int`` and money stays :class:`~decimal.Decimal` in the long records, so
nothing is rounded; ratios in the wide records are floats, for analysis (the exact values
are in :func:`disclosure_model.ratio_catalogue`).

>>> import disclosure_model as dm
>>> rows = to_records([dm.examples.load("huaian-2024")], kind="long")
>>> rows[0]["code"], rows[0]["value"], rows[0]["unit"]
('2/二十(一)规章/本年制发件数', 1, '件')
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any, Literal

from disclosure_model._extras import optional_module
from disclosure_model.errors import OptionalDependencyError
from disclosure_model.formats import Entry
from disclosure_model.indicators import INDICATORS, harmonise
from disclosure_model.ratio_catalogue import RATIOS, ratios
from disclosure_model.report import Report
from disclosure_model.values import Amount, Unit

__all__ = [
    "HARMONISED_COLUMNS",
    "HARMONISED_RATIOS",
    "LONG_COLUMNS",
    "TYPED_COLUMNS",
    "UNIT_COLUMNS",
    "WIDE_COLUMNS",
    "Kind",
    "OptionalDependencyError",
    "report_id",
    "to_arrow",
    "to_frame",
    "to_records",
    "write_parquet",
]

#: The shapes of records.
Kind = Literal["long", "wide", "typed"]

#: The keys of a long record, in order.
LONG_COLUMNS: tuple[str, ...] = (
    "report_id",
    "organ",
    "year",
    "format",
    "table",
    "row",
    "column",
    "path",
    "code",
    "row_label_zh",
    "column_label_zh",
    "row_label_en",
    "column_label_en",
    "kind",
    "value",
    "unit",
)

_META: tuple[str, ...] = ("report_id", "organ", "level", "year", "format", "published")
_INDICATOR_CODES = tuple(s.code for s in INDICATORS)
_RATIO_CODES = tuple(s.code for s in RATIOS)

#: Ratios of the harmonised indicators, for every format: code, the indicators added up
#: in the numerator, the indicator in the denominator.
HARMONISED_RATIOS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("harmonised_disclosure_rate", ("granted", "partially_granted"), "decided"),
    ("harmonised_denial_rate", ("denied",), "decided"),
    ("harmonised_review_correction_rate", ("reviews_corrected",), "reviews"),
    ("harmonised_lawsuit_correction_rate", ("lawsuits_corrected",), "lawsuits"),
)
#: The keys a wide record gains with ``harmonised=True``: each harmonised ratio and
#: whether it is exact.
HARMONISED_COLUMNS: tuple[str, ...] = tuple(
    name for code, _, _ in HARMONISED_RATIOS for name in (code, f"{code}_exact")
)
_HARMONISED = frozenset(HARMONISED_COLUMNS)

#: The keys of a wide record, in order: metadata, indicators, then the ratios of every format.
WIDE_COLUMNS: tuple[str, ...] = _META + _INDICATOR_CODES + _RATIO_CODES

#: The value column of each unit in the typed records (an amount without a stated unit
#: goes to ``value_unknown_unit``).
UNIT_COLUMNS: dict[Unit | None, str] = {u: f"value_{u.name.lower()}" for u in Unit}
UNIT_COLUMNS[None] = "value_unknown_unit"
_MONEY_COLUMNS = frozenset(
    {UNIT_COLUMNS[Unit.WAN_YUAN], UNIT_COLUMNS[Unit.YUAN], UNIT_COLUMNS[None]}
)

#: The keys of a typed record, in order: the long record's without ``value``, then one
#: value column per unit.
TYPED_COLUMNS: tuple[str, ...] = tuple(c for c in LONG_COLUMNS if c != "value") + tuple(
    UNIT_COLUMNS.values()
)


def report_id(report: Report) -> str:
    """The id of a report in flat records: its organ's name and its year, ``name/year``."""
    return f"{report.organ.name}/{report.year}"


def _long(report: Report) -> Iterable[dict[str, Any]]:
    rid, organ, fmt = report_id(report), report.organ.name, report.format.value
    for entry, value in report.statistics.cells():
        if value is None:
            continue
        yield {
            "report_id": rid,
            "organ": organ,
            "year": report.year,
            "format": fmt,
            "table": entry.table,
            "row": entry.row,
            "column": entry.column,
            "path": entry.path,
            "code": entry.code,
            "row_label_zh": entry.row_label.zh,
            "column_label_zh": entry.column_label.zh,
            "row_label_en": entry.row_label.en,
            "column_label_en": entry.column_label.en,
            "kind": entry.kind.value,
            "value": value.value if isinstance(value, Amount) else value,
            "unit": _unit(entry, value),
        }


def _typed(report: Report) -> Iterable[dict[str, Any]]:
    for record in _long(report):
        value = record.pop("value")
        unit = Unit(record["unit"]) if record["unit"] is not None else None
        typed = dict.fromkeys(UNIT_COLUMNS.values())
        typed[UNIT_COLUMNS[unit]] = value
        yield {**record, **typed}


def _unit(entry: Entry, value: int | Amount) -> str | None:
    """The unit of a stated value: an amount's own, else the form's (``None`` if neither)."""
    if isinstance(value, Amount) and value.unit is not None:
        return value.unit.value
    return entry.unit.value if entry.unit is not None else None


def _wide(report: Report, *, harmonised: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "report_id": report_id(report),
        "organ": report.organ.name,
        "level": report.organ.level.value,
        "year": report.year,
        "format": report.format.value,
        "published": report.published,
    }
    record.update({code: ind.value for code, ind in harmonise(report).items()})
    found = ratios(report)
    for code in _RATIO_CODES:
        ratio = found.get(code)
        value = ratio.value if ratio is not None else None
        record[code] = float(value) if value is not None else None
    if not harmonised:
        return record
    indicators = harmonise(report)
    for code, parts, base in HARMONISED_RATIOS:
        used = [indicators[p] for p in (*parts, base)]
        values = [i.value for i in used if i.value is not None]
        rate = None
        if len(values) == len(used) and values[-1] > 0:
            rate = float(Fraction(sum(values[:-1]), values[-1]))
        record[code] = rate
        record[f"{code}_exact"] = all(i.exact for i in used) if rate is not None else None
    return record


def _check_kind(kind: str) -> None:
    if kind not in ("long", "wide", "typed"):
        msg = (
            f"kind must be 'long' or 'wide' (or 'typed', long with a column per unit), got {kind!r}"
        )
        raise ValueError(msg)


def to_records(
    reports: Iterable[Report], *, kind: Kind = "long", harmonised: bool = False
) -> list[dict[str, Any]]:
    """Flat records of ``reports``: one per stated cell (``long``) or one per report (``wide``).

    Long records have the keys :data:`LONG_COLUMNS`: ``value`` is an ``int``, or a
    :class:`~decimal.Decimal` for money, whose ``unit`` is the amount's own (``None`` when
    the report does not say 元 or 万元 and the form fixes no unit). Wide records have the
    keys :data:`WIDE_COLUMNS`: indicators are ``int`` or ``None``, ratios ``float`` or
    ``None`` (not defined, or not a ratio of the report's format), ``published`` a date or
    ``None``; with ``harmonised`` also :data:`HARMONISED_COLUMNS`. Typed records have the
    keys :data:`TYPED_COLUMNS`: each value in the column of its unit, ``None`` in the others.
    """
    _check_kind(kind)
    if kind == "long":
        return [record for r in reports for record in _long(r)]
    if kind == "typed":
        return [record for r in reports for record in _typed(r)]
    return [_wide(r, harmonised=harmonised) for r in reports]


_optional = optional_module


def to_frame(reports: Iterable[Report], *, kind: Kind = "long", harmonised: bool = False) -> Any:
    """:func:`~disclosure_model.export.to_records` as a pandas DataFrame (extra ``pandas``).

    Missing values stay missing: in the wide frame the indicators are nullable integers
    (``pd.NA``) and the ratios floats (``NaN``). The long frame's ``value`` column holds the
    exact ints and Decimals (object dtype), so nothing is rounded, but mixes units: for sums
    use ``kind="typed"``, whose value columns are one per unit (counts ``Int64``, money
    exact Decimals), so ``frame.groupby(...).sum()`` never adds 条, 件 and 万元 together.
    """
    _check_kind(kind)
    pd = _optional("pandas", "pandas", "to_frame")
    records = to_records(reports, kind=kind, harmonised=harmonised)
    columns = {"long": LONG_COLUMNS, "wide": WIDE_COLUMNS, "typed": TYPED_COLUMNS}[kind]
    if kind == "wide" and harmonised:
        columns = columns + HARMONISED_COLUMNS
    data: dict[str, Any] = {}
    for column in columns:
        values = [r[column] for r in records]
        if kind == "typed" and column in _MONEY_COLUMNS:
            data[column] = pd.array(values, dtype=object)
        elif kind == "typed" and column.startswith("value_"):
            try:
                data[column] = pd.array(values, dtype="Int64")
            except OverflowError:  # beyond 64 bits: keep the Python ints
                data[column] = pd.array(values, dtype=object)
        elif column in _HARMONISED and column.endswith("_exact"):
            data[column] = pd.array(values, dtype="boolean")
        elif column in _HARMONISED:
            data[column] = pd.array(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
        elif column == "year":
            data[column] = pd.array(values, dtype="int64")
        elif column in ("value", "published"):
            data[column] = pd.array(values, dtype=object)
        elif column in _INDICATOR_CODES:
            try:
                data[column] = pd.array(values, dtype="Int64")
            except OverflowError:  # beyond 64 bits: keep the Python ints
                data[column] = pd.array(values, dtype=object)
        elif column in _RATIO_CODES:
            data[column] = pd.array(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
        else:
            data[column] = values
    return pd.DataFrame(data, columns=list(columns))


def _arrow_schema(pa: ModuleType, kind: Kind) -> Any:
    if kind == "typed":
        types = dict.fromkeys(TYPED_COLUMNS, pa.string())
        types["year"] = pa.int64()
        for column in UNIT_COLUMNS.values():
            types[column] = pa.decimal128(38, 6) if column in _MONEY_COLUMNS else pa.int64()
        return pa.schema(list(types.items()))
    if kind == "long":
        types = dict.fromkeys(LONG_COLUMNS, pa.string())
        types["year"] = pa.int64()
        # Counts and money share one exact column: 38 digits, 6 of them decimals.
        types["value"] = pa.decimal128(38, 6)
        return pa.schema(list(types.items()))
    types = dict.fromkeys(WIDE_COLUMNS, pa.string())
    types["year"] = pa.int64()
    types["published"] = pa.date32()
    types.update(dict.fromkeys(_INDICATOR_CODES, pa.int64()))
    types.update(dict.fromkeys(_RATIO_CODES, pa.float64()))
    return pa.schema(list(types.items()))


def to_arrow(reports: Iterable[Report], *, kind: Kind = "long") -> Any:
    """:func:`~disclosure_model.export.to_records` as a pyarrow Table (extra ``arrow``).

    The schema is fixed, whatever the data: in the long table ``value`` is
    ``decimal128(38, 6)`` (counts and money in one exact column; an amount with more than
    6 decimals is refused rather than rounded), in the wide table indicators are ``int64``
    and ratios ``float64``; missing values are nulls.
    """
    _check_kind(kind)
    pa = _optional("pyarrow", "arrow", "to_arrow")
    records = to_records(reports, kind=kind)
    schema = _arrow_schema(pa, kind)
    exact = {"value"} | (_MONEY_COLUMNS if kind == "typed" else set())
    columns = {
        name: [
            Decimal(r[name]) if name in exact and r[name] is not None else r[name] for r in records
        ]
        for name in schema.names
    }
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet(
    reports: Iterable[Report], path: str | os.PathLike[str], *, kind: Kind = "long"
) -> None:
    """Write :func:`~disclosure_model.export.to_records` to a Parquet file (extra ``arrow``).

    The table is that of :func:`to_arrow`.
    """
    _check_kind(kind)
    _optional("pyarrow", "arrow", "write_parquet")
    parquet = _optional("pyarrow.parquet", "arrow", "write_parquet")
    parquet.write_table(to_arrow(reports, kind=kind), path)
