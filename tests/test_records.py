"""Records read through the compiled cell reader, streamed (iter_records), in Arrow batches
and Parquet/Arrow files written by batch; the stable report id.

Expectations are typed from the bundled examples' JSON files, or computed another way (the
catalogue walked with ``statistics.cells()``, hashlib over the example file's JSON).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.export import (
    LONG_COLUMNS,
    iter_batches,
    iter_records,
    report_id,
    to_arrow,
    to_records,
    write_parquet,
)
from disclosure_model.report import Source
from disclosure_model.values import Amount

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _example_json(name: str) -> dict[str, Any]:
    text = (files("disclosure_model.examples") / "data" / f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _stated_leaves(name: str) -> int:
    """How many cells the example's JSON file states (non-null leaves of its tables)."""
    stats = _example_json(name)["statistics"]
    if _example_json(name)["format"] == dm.ReportFormat.LEGACY.value:
        return sum(v is not None for k, v in stats.items() if k != "combined")
    return sum(
        v is not None for table in stats.values() for row in table.values() for v in row.values()
    )


def _documented_content(report: dm.Report) -> list[Any]:
    """The array content_digest's documentation describes, built another way: cells by
    walking the catalogue, every field read by name."""

    def subject(about: Any) -> Any:
        if about is None:
            return None
        if hasattr(about, "paths"):
            return ["cells", list(about.paths)]
        if hasattr(about, "ids"):
            return ["claims", list(about.ids)]
        return ["share", subject(about.numerator), subject(about.denominator)]

    def cell(value: Any) -> Any:
        if isinstance(value, Amount):
            return [str(value.value), None if value.unit is None else value.unit.value]
        return value

    def claim_rest(c: dm.Claim) -> list[Any]:
        return [c.approximation.value, c.section, subject(c.about)]

    src, cov = report.source, report.coverage
    stats = report.statistics
    return [
        report.organ.name,
        report.organ.level.value,
        report.organ.division_code,
        report.year,
        report.format.value,
        report.title,
        None if report.dated is None else report.dated.isoformat(),
        None if report.published is None else report.published.isoformat(),
        None if src is None else src.url,
        None if src is None else src.sha256,
        None if cov is None else cov.last_row,
        [cell(v) for _, v in stats.cells()],
        [[list(c.cells), c.value] for c in getattr(stats, "combined", ())],
        [[s.title, s.text] for s in report.sections],
        [
            [c.id, c.text, c.kind.value, str(c.value), c.unit, c.scale, *claim_rest(c)]
            for c in report.claims
        ],
    ]


def _expected_id(report: dm.Report) -> str:
    text = json.dumps(_documented_content(report), ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{report.organ.name}/{report.year}/{digest[:12]}"


class TestReportId:
    def test_the_examples_as_documented(self) -> None:
        for name in dm.examples.names():
            report = dm.examples.load(name)
            assert report_id(report) == _expected_id(report)
        assert report_id(dm.examples.load("huaian-2024")).startswith("淮安市人民政府/2024/")

    @given(dms.reports(with_blanks=True, with_claims=True))
    def test_generated_reports_as_documented(self, report: dm.Report) -> None:
        assert report_id(report) == _expected_id(report)

    def test_every_field_is_in_the_digest(self) -> None:
        # A field added to the model must be added to the digest (and to this list).
        from disclosure_model.formats.legacy import CombinedFigure
        from disclosure_model.report import Coverage, Organ, Section

        names = {
            dm.Report: {"organ", "year", "format", "statistics", "title", "dated"}
            | {"published", "source", "sections", "claims", "coverage"},
            Organ: {"name", "level", "division_code"},
            Source: {"url", "sha256"},
            Section: {"title", "text"},
            Coverage: {"last_row"},
            CombinedFigure: {"cells", "value"},
            dm.Claim: {
                "id",
                "text",
                "kind",
                "value",
                "unit",
                "scale",
                "approximation",
                "section",
                "about",
            },
        }
        for cls, known in names.items():
            assert {a.name for a in attrs.fields(cls) if a.init} == known, cls

    def test_the_json_it_came_from_does_not_matter(self) -> None:
        report = dm.examples.load("yuanling-eryou-2020")
        again = dm.loads(dm.dumps(report, indent=None))
        assert report_id(again) == report_id(report)

    def test_the_documents_hash_where_stated(self) -> None:
        report = dm.examples.load("huaian-2024")
        sourced = attrs.evolve(report, source=Source(sha256="0123456789ab" + "f" * 52))
        assert report_id(sourced) == "淮安市人民政府/2024/0123456789ab"

    def test_two_reports_of_one_organ_and_year_differ(self) -> None:
        report = dm.examples.load("huaian-2024")
        first = report.claims[0]
        variants = [
            report.with_cells({"reviews.review.upheld": 7}),
            attrs.evolve(report, published=datetime.date(2025, 1, 20)),
            attrs.evolve(
                report,
                sections=(
                    *report.sections[:-1],
                    attrs.evolve(report.sections[-1], text=report.sections[-1].text + "。"),
                ),
            ),
            attrs.evolve(  # the same number written with one more decimal
                report,
                claims=(
                    attrs.evolve(first, value=first.value.quantize(Decimal("0.1"))),
                    *report.claims[1:],
                ),
            ),
        ]
        ids = {report_id(r) for r in [report, *variants]}
        assert len(ids) == 1 + len(variants)
        assert {i.rsplit("/", 1)[0] for i in ids} == {"淮安市人民政府/2024"}

    def test_the_same_in_another_process(self) -> None:
        code = (
            "import disclosure_model as dm; from disclosure_model.export import report_id; "
            "print(report_id(dm.examples.load('baoshan-2018')))"
        )
        env = {**os.environ, "PYTHONHASHSEED": "12345"}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        assert out.stdout.strip() == report_id(dm.examples.load("baoshan-2018"))


class TestLongThroughTheReader:
    def test_hand_typed_cells_of_the_2021_example(self) -> None:
        rows = {r["path"]: r for r in iter_records([dm.examples.load("huaian-2024")])}
        assert len(rows) == _stated_leaves("huaian-2024")
        assert (
            rows["applications.new_received.total"]["value"],
            rows["applications.new_received.total"]["unit"],
        ) == (3119, "件")
        assert rows["active.penalties.decisions"]["value"] == 3985758
        fees = rows["active.administrative_fees.amount"]
        assert (fees["value"], fees["unit"], fees["kind"]) == (Decimal("96171.6"), "万元", "money")
        assert rows["active.regulations.in_force"]["value"] == 11
        assert rows["active.normative_documents.repealed"]["value"] == 26

    def test_hand_typed_cells_of_the_legacy_example(self) -> None:
        rows = {r["path"]: r for r in iter_records([dm.examples.load("baoshan-2018")])}
        assert len(rows) == _stated_leaves("baoshan-2018")
        assert rows["proactive_total"]["value"] == 134062
        assert rows["channel_website"]["value"] == 87654
        assert "channel_weibo" not in rows  # blank: no record, never 0
        assert rows["special_budget"]["value"] == Decimal("213.15")

    @given(dms.reports(with_blanks=True))
    def test_the_catalogue_walk_gives_the_same_records(self, report: dm.Report) -> None:
        rid = report_id(report)
        expected = []
        for entry, value in report.statistics.cells():
            if value is None:
                continue
            own = value.unit if isinstance(value, Amount) else None
            unit = own.value if own else (entry.unit.value if entry.unit else None)
            number = value.value if isinstance(value, Amount) else value
            expected.append((rid, entry.path, entry.code, number, unit))
        got = [
            (r["report_id"], r["path"], r["code"], r["value"], r["unit"])
            for r in iter_records([report])
        ]
        assert got == expected


class TestIterRecords:
    def test_is_lazy(self) -> None:
        def reports() -> Iterator[dm.Report]:
            yield dm.examples.load("huaian-2024")
            raise RuntimeError("the second report is never read")

        for kind in ("long", "wide", "typed"):
            first = next(iter_records(reports(), kind=kind))  # type: ignore[arg-type]
            assert first["organ"] == "淮安市人民政府"

    def test_a_bad_kind_is_refused_at_once(self) -> None:
        with pytest.raises(ValueError, match="kind"):
            iter_records([], kind="tall")  # type: ignore[arg-type]

    def test_public_and_the_same_as_to_records(self) -> None:
        examples = [dm.examples.load(n) for n in dm.examples.names()]
        assert dm.iter_records is iter_records
        for kind in ("long", "wide", "typed"):
            records = list(dm.iter_records(examples, kind=kind))  # type: ignore[arg-type]
            assert records == to_records(examples, kind=kind)  # type: ignore[arg-type]
        wide = list(dm.iter_records(examples, kind="wide", harmonised=True))
        assert wide[1]["received"] == 3119  # huaian: the harmonised count of applications


@pytest.fixture(scope="module")
def examples() -> list[dm.Report]:
    return [dm.examples.load(n) for n in dm.examples.names()]


class TestBatches:
    def test_batches_add_up_to_the_table(self, examples: list[dm.Report]) -> None:
        n = sum(_stated_leaves(name) for name in dm.examples.names())
        batches = list(iter_batches(examples, kind="long", batch_size=100))
        assert [b.num_rows for b in batches] == [100] * (n // 100) + [n % 100]
        table = pa.Table.from_batches(batches)
        assert table.equals(to_arrow(examples, kind="long"))
        assert table.schema.names == list(LONG_COLUMNS)

    def test_batch_size_must_be_positive(self, examples: list[dm.Report]) -> None:
        for bad in (0, -1, 1.5, True):
            with pytest.raises(ValueError, match="batch_size"):
                iter_batches(examples, batch_size=bad)  # type: ignore[arg-type]

    def test_parquet_by_row_group(self, examples: list[dm.Report], tmp_path: Path) -> None:
        path = tmp_path / "cells.parquet"
        write_parquet(iter(examples), path, kind="long", batch_size=200)
        n = sum(_stated_leaves(name) for name in dm.examples.names())
        meta = pq.ParquetFile(path).metadata
        assert (meta.num_rows, meta.num_row_groups) == (n, math.ceil(n / 200))
        assert pq.read_table(path).equals(to_arrow(examples, kind="long"))
        assert [p.name for p in tmp_path.iterdir()] == ["cells.parquet"]

    def test_wide_batches_to_an_arrow_file(self, examples: list[dm.Report], tmp_path: Path) -> None:
        path = tmp_path / "reports.arrow"
        batches = iter_batches(iter(examples), kind="wide", batch_size=3)
        first = next(batches)
        with pa.ipc.new_file(path, first.schema) as out:
            for batch in (first, *batches):
                out.write_batch(batch)
        with pa.ipc.open_file(path) as reader:
            assert reader.num_record_batches == 2  # 4 reports, 3 a batch
            table = reader.read_all()
        assert table.column("received").to_pylist()[1] == 3119
        assert table.equals(to_arrow(examples, kind="wide"))

    def test_a_failure_leaves_the_old_file(self, examples: list[dm.Report], tmp_path: Path) -> None:
        path = tmp_path / "cells.parquet"
        path.write_bytes(b"old contents")

        def broken() -> Iterator[dm.Report]:
            yield from examples
            raise RuntimeError("the source failed")

        with pytest.raises(RuntimeError, match="source failed"):
            write_parquet(broken(), path, batch_size=10)
        assert path.read_bytes() == b"old contents"
        assert [p.name for p in tmp_path.iterdir()] == ["cells.parquet"]
