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

import contextlib
import functools
import hashlib
import itertools
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from disclosure_model._extras import optional_module
from disclosure_model.claims import CellSum, ClaimSum, Share
from disclosure_model.errors import OptionalDependencyError
from disclosure_model.formats import ReportFormat, catalogue
from disclosure_model.formats._rules import cell_reader
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
    "content_digest",
    "iter_batches",
    "iter_records",
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
    """The id of a report in flat records: ``organ/year/digest``.

    ``digest`` is the first 12 hex digits of the SHA-256 of the document the report was
    read from, where its :class:`~disclosure_model.report.Source` states one; otherwise of
    the report's content (:func:`content_digest`). The id is the same in every process
    and Python version, and two reports of one organ and year differ in it unless they
    come from the same document or state the same. A division code is no key: an area's
    government and its departments share one.

    >>> import disclosure_model as dm
    >>> report_id(dm.examples.load("huaian-2024"))
    '淮安市人民政府/2024/22a7dd88880d'
    """
    source = report.source
    digest = source.sha256 if source is not None and source.sha256 else content_digest(report)
    return f"{report.organ.name}/{report.year}/{digest[:12]}"


def content_digest(report: Report) -> str:
    """The SHA-256 (hex) of everything a report states, whatever JSON it was read from.

    What is hashed is the UTF-8 JSON text (no spaces, characters as they are) of one array:
    the organ's name, level and division code, the year, the format, the title, the dates
    (ISO), the source's URL and hash, the coverage's last row; every cell of the statistics
    in catalogue order (a count, ``null``, or an amount as ``[value, unit]``, the value as
    written); the legacy table's combined figures as ``[cells, value]``; each section as
    ``[title, text]``; each claim as ``[id, text, kind, value, unit, scale, approximation,
    section, about]``, ``about`` being ``["cells", paths]``, ``["claims", ids]`` or
    ``["share", numerator, denominator]``. Enums are their values.
    """
    stats = report.statistics
    organ, source, coverage = report.organ, report.source, report.coverage
    cells = [
        [str(v.value), v.unit.value if v.unit is not None else None] if isinstance(v, Amount) else v
        for v in cell_reader(stats.FORMAT)(stats)
    ]
    combined = getattr(stats, "combined", ())
    content = [
        organ.name,
        organ.level.value,
        organ.division_code,
        report.year,
        report.format.value,
        report.title,
        *(d.isoformat() if d is not None else None for d in (report.dated, report.published)),
        source.url if source is not None else None,
        source.sha256 if source is not None else None,
        coverage.last_row if coverage is not None else None,
        cells,
        [[list(c.cells), c.value] for c in combined],
        [[s.title, s.text] for s in report.sections],
        [
            [
                c.id,
                c.text,
                c.kind.value,
                str(c.value),
                c.unit,
                c.scale,
                c.approximation.value,
                c.section,
                _subject(c.about),
            ]
            for c in report.claims
        ],
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _subject(about: object) -> Any:
    if isinstance(about, CellSum):
        return ["cells", list(about.paths)]
    if isinstance(about, ClaimSum):
        return ["claims", list(about.ids)]
    if isinstance(about, Share):
        return ["share", _subject(about.numerator), _subject(about.denominator)]
    return None


_CELL_KEYS = LONG_COLUMNS[4:-2]  # table … kind: what a long record says of its cell


@functools.cache
def _cell_parts(fmt: ReportFormat) -> tuple[tuple[dict[str, Any], str | None], ...]:
    """For each cell of a format, in catalogue order: the part of its long record that is
    the same in every report, and the unit the form fixes."""
    parts = []
    for e in catalogue(fmt):
        part = dict(
            zip(
                _CELL_KEYS,
                (
                    e.table,
                    e.row,
                    e.column,
                    e.path,
                    e.code,
                    e.row_label.zh,
                    e.column_label.zh,
                    e.row_label.en,
                    e.column_label.en,
                    e.kind.value,
                ),
                strict=True,
            )
        )
        parts.append((part, e.unit.value if e.unit is not None else None))
    return tuple(parts)


def _long(report: Report) -> Iterator[dict[str, Any]]:
    stats = report.statistics
    head = {
        "report_id": report_id(report),
        "organ": report.organ.name,
        "year": report.year,
        "format": report.format.value,
    }
    cells = cell_reader(stats.FORMAT)(stats)
    for (part, unit), value in zip(_cell_parts(stats.FORMAT), cells, strict=True):
        if value is None:
            continue
        if isinstance(value, Amount):
            own = value.unit
            yield {**head, **part, "value": value.value, "unit": own.value if own else unit}
        else:
            yield {**head, **part, "value": value, "unit": unit}


def _typed(report: Report) -> Iterator[dict[str, Any]]:
    for record in _long(report):
        value = record.pop("value")
        unit = Unit(record["unit"]) if record["unit"] is not None else None
        typed = dict.fromkeys(UNIT_COLUMNS.values())
        typed[UNIT_COLUMNS[unit]] = value
        yield {**record, **typed}


def _wide(report: Report, *, harmonised: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "report_id": report_id(report),
        "organ": report.organ.name,
        "level": report.organ.level.value,
        "year": report.year,
        "format": report.format.value,
        "published": report.published,
    }
    indicators = harmonise(report)
    record.update({code: ind.value for code, ind in indicators.items()})
    found = ratios(report)
    for code in _RATIO_CODES:
        ratio = found.get(code)
        value = ratio.value if ratio is not None else None
        record[code] = float(value) if value is not None else None
    if not harmonised:
        return record
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


def iter_records(
    reports: Iterable[Report], *, kind: Kind = "long", harmonised: bool = False
) -> Iterator[dict[str, Any]]:
    """The records of :func:`~disclosure_model.export.to_records`, one at a time.

    A generator that reads ``reports`` as it goes: for a stream of reports too many to hold
    at once (the memory is that of one report).

    >>> import disclosure_model as dm
    >>> records = iter_records([dm.examples.load("huaian-2024")], kind="wide")
    >>> next(records)["received"]
    3119
    """
    _check_kind(kind)
    return _records(reports, kind, harmonised=harmonised)


def _records(
    reports: Iterable[Report], kind: Kind, *, harmonised: bool
) -> Iterator[dict[str, Any]]:
    for report in reports:
        if kind == "long":
            yield from _long(report)
        elif kind == "typed":
            yield from _typed(report)
        else:
            yield _wide(report, harmonised=harmonised)


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
    Every record starts with the report's :func:`report_id`.
    """
    return list(iter_records(reports, kind=kind, harmonised=harmonised))


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
        elif column in _HARMONISED or column in _RATIO_CODES:
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


def _batch(pa: ModuleType, schema: Any, records: list[dict[str, Any]], kind: Kind) -> Any:
    exact = {"value"} | (_MONEY_COLUMNS if kind == "typed" else set())
    columns = [
        [Decimal(r[name]) if r[name] is not None else None for r in records]
        if name in exact
        else [r[name] for r in records]
        for name in schema.names
    ]
    return pa.RecordBatch.from_arrays(
        [pa.array(c, type=t) for c, t in zip(columns, schema.types, strict=True)],
        schema=schema,
    )


def iter_batches(
    reports: Iterable[Report], *, kind: Kind = "long", batch_size: int = 65536
) -> Iterator[Any]:
    """The records of ``reports`` as pyarrow RecordBatches of up to ``batch_size`` records
    each, in the schema of :func:`to_arrow`, reading the reports as they come (extra
    ``arrow``)."""
    _check_kind(kind)
    if type(batch_size) is not int or batch_size < 1:
        msg = f"batch_size must be a positive int, got {batch_size!r}"
        raise ValueError(msg)
    pa = _optional("pyarrow", "arrow", "iter_batches")
    return _batches(pa, reports, kind, batch_size)


def _batches(pa: ModuleType, reports: Iterable[Report], kind: Kind, size: int) -> Iterator[Any]:
    schema = _arrow_schema(pa, kind)
    records = _records(reports, kind, harmonised=False)
    while chunk := list(itertools.islice(records, size)):
        yield _batch(pa, schema, chunk, kind)


def to_arrow(reports: Iterable[Report], *, kind: Kind = "long") -> Any:
    """:func:`~disclosure_model.export.to_records` as a pyarrow Table (extra ``arrow``).

    The schema is fixed, whatever the data: in the long table ``value`` is
    ``decimal128(38, 6)`` (counts and money in one exact column; an amount with more than
    6 decimals is refused rather than rounded), in the wide table indicators are ``int64``
    and ratios ``float64``; missing values are nulls.
    """
    _check_kind(kind)
    pa = _optional("pyarrow", "arrow", "to_arrow")
    schema = _arrow_schema(pa, kind)
    return pa.Table.from_batches(list(_batches(pa, reports, kind, 65536)), schema=schema)


@contextlib.contextmanager
def _replacing(target: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside ``target`` to write to; it replaces ``target`` when the
    block ends without an error, and is removed when it does not, leaving ``target`` as
    it was."""
    real = Path(target).resolve()  # replace the file a symlink points to, not the link
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb") as written:
            os.fsync(written.fileno())
        if real.exists():
            os.chmod(tmp, real.stat().st_mode & 0o7777)
        else:  # what a new file would get: mkstemp makes it private
            umask = os.umask(0o022)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, real)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_parquet(
    reports: Iterable[Report],
    path: str | os.PathLike[str],
    *,
    kind: Kind = "long",
    batch_size: int = 65536,
) -> None:
    """Write the records of ``reports`` to a Parquet file (extra ``arrow``), a row group of
    up to ``batch_size`` records at a time, reading the reports as they come.

    The table is that of :func:`to_arrow`. The file is written atomically: to a temporary
    file beside ``path`` that replaces it at the end, so a failure (a bad report, a full
    disk) leaves whatever was at ``path`` as it was.
    """
    batches = iter_batches(reports, kind=kind, batch_size=batch_size)
    pa = _optional("pyarrow", "arrow", "write_parquet")
    parquet = _optional("pyarrow.parquet", "arrow", "write_parquet")
    with _replacing(path) as tmp, parquet.ParquetWriter(tmp, _arrow_schema(pa, kind)) as out:
        for batch in batches:
            out.write_batch(batch)
