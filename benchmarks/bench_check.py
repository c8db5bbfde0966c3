"""The rule suite and the flat records of a 2021-format report, against loading it.

Run::

    python benchmarks/bench_check.py [--example huaian-2024] [--repeat 20] [--number 100]

Every figure is the best time per call, measured in one run with the rounds interleaved, next
to its baseline of the same run:

* ``check`` of the report (made clean: published in time, so no rule fails) against
  ``disclosure_model.loads`` of it (target: check / load <= 0.5), and against the exact
  evaluation of every rule (``screened=False``, what ``check`` did before the compiled
  screen);
* ``check`` of the report broken at many places (every total of table 三 set to 7): the cost
  of each finding, (broken - clean) / (findings - 0) (target <= 10 µs), screened and exact;
* long and wide records of the report through :func:`disclosure_model.iter_records`, against
  the long records built by walking ``statistics.cells()`` (how they were built before the
  compiled cell reader) and against loading.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Iterator
from typing import Any

import attrs
from _timing import best_times  # benchmarks/ is on sys.path when run as a script

import disclosure_model as dm
from disclosure_model.checks import _check
from disclosure_model.export import report_id
from disclosure_model.values import Amount


def _walked(report: dm.Report) -> Iterator[dict[str, Any]]:
    """Long records as they were built before the cell reader: the catalogue walked."""
    rid, organ, fmt = report_id(report), report.organ.name, report.format.value
    for entry, value in report.statistics.cells():
        if value is None:
            continue
        unit = entry.unit.value if entry.unit is not None else None
        if isinstance(value, Amount) and value.unit is not None:
            unit = value.unit.value
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
            "unit": unit,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", default="huaian-2024")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--number", type=int, default=100)
    args = parser.parse_args()

    report = dm.examples.load(args.example)
    if report.format is not dm.ReportFormat.GOV_2021:
        parser.error(f"{args.example} is not a 2021-format report")
    report = attrs.evolve(report, published=datetime.date(report.year + 1, 1, 20))
    data = dm.dumps(report, indent=None).encode("utf-8")
    stats = report.statistics_as(dm.Statistics2021)
    # Last year's report as it would be if this year's carry-over matched it.
    last_apps = attrs.evolve(stats.applications, carried_forward=stats.applications.carried_over)
    previous = attrs.evolve(
        report, year=report.year - 1, statistics=attrs.evolve(stats, applications=last_apps)
    )
    totals = {
        e.path: 7
        for e in dm.catalogue(report.format)
        if e.table == "applications" and e.column == "total"
    }
    broken = report.with_cells(totals)
    clean, bad = dm.check(report), dm.check(broken)
    if clean.findings:
        parser.error(f"{args.example} is not clean once published: {sorted(clean.codes)}")

    def exact(r: dm.Report) -> dm.CheckResult:
        return _check(r, previous=None, lenient=False, locale="zh_CN", screened=False)

    contenders = {
        "disclosure_model.loads": lambda: dm.loads(data),
        "check (strict)": lambda: dm.check(report),
        "check (lenient)": lambda: dm.check(report, lenient=True),
        "check (with previous year)": lambda: dm.check(report, previous=previous),
        "check, exact evaluation": lambda: exact(report),
        "check (broken)": lambda: dm.check(broken),
        "check (broken), exact": lambda: exact(broken),
        "records long": lambda: list(dm.iter_records([report], kind="long")),
        "records long, catalogue walked": lambda: list(_walked(report)),
        "records wide": lambda: list(dm.iter_records([report], kind="wide")),
    }
    best = best_times(contenders, repeat=args.repeat, number=args.number)
    n = len(bad.findings)
    print(
        f"input: example {args.example} (published in time), {len(data):,} bytes, "
        f"{len(report.claims)} claims; broken: {n} findings"
    )
    for name, seconds in best.items():
        print(f"  {name:<32} {seconds * 1e6:9.1f} µs/report")
    load = best["disclosure_model.loads"]
    print(
        f"ratio check (strict) / load            = {best['check (strict)'] / load:.2f}"
        "  (target <= 0.50)"
    )
    print(
        f"ratio check (with previous year) / load = {best['check (with previous year)'] / load:.2f}"
    )
    print(
        f"ratio check / exact evaluation          = "
        f"{best['check (strict)'] / best['check, exact evaluation']:.2f}"
    )
    per = (best["check (broken)"] - best["check (strict)"]) / n
    per_exact = (best["check (broken), exact"] - best["check, exact evaluation"]) / n
    print(
        f"per finding: {per * 1e6:.1f} µs (target <= 10), exact evaluation {per_exact * 1e6:.1f} µs"
    )
    long, walked = best["records long"], best["records long, catalogue walked"]
    print(f"ratio records long / catalogue walked   = {long / walked:.2f}")
    print(f"ratio records long / load               = {long / load:.2f}")
    print(f"ratio records wide / load               = {best['records wide'] / load:.2f}")


if __name__ == "__main__":
    main()
