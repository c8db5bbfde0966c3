"""The full rule suite on a 2021-format report, against loading the same report.

Run::

    python benchmarks/bench_check.py [--example huaian-2024] [--repeat 20] [--number 100]

Prints the best time per call of ``disclosure_model.loads`` and of ``disclosure_model.check``
(strict, and lenient, and with the previous year's report), measured in one run with their
rounds interleaved, and the ratio the target is stated in: check / load ≤ 1.0.
"""

from __future__ import annotations

import argparse

import attrs
from _timing import best_times  # benchmarks/ is on sys.path when run as a script

import disclosure_model as dm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", default="huaian-2024")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--number", type=int, default=100)
    args = parser.parse_args()

    report = dm.examples.load(args.example)
    if report.format is not dm.ReportFormat.GOV_2021:
        parser.error(f"{args.example} is not a 2021-format report")
    data = dm.dumps(report, indent=None).encode("utf-8")
    # Last year's report as it would be if this year's carry-over matched it.
    stats = report.statistics
    assert isinstance(stats, dm.Statistics2021)
    last_apps = attrs.evolve(stats.applications, carried_forward=stats.applications.carried_over)
    previous = attrs.evolve(
        report, year=report.year - 1, statistics=attrs.evolve(stats, applications=last_apps)
    )
    result = dm.check(report)
    contenders = {
        "disclosure_model.loads": lambda: dm.loads(data),
        "check (strict)": lambda: dm.check(report),
        "check (lenient)": lambda: dm.check(report, lenient=True),
        "check (with previous year)": lambda: dm.check(report, previous=previous),
    }
    best = best_times(contenders, repeat=args.repeat, number=args.number)
    print(
        f"input: example {args.example}, {len(data):,} bytes; "
        f"{len(result.findings)} findings ({len(result.not_assessable)} not assessable)"
    )
    for name, seconds in best.items():
        print(f"  {name:<28} {seconds * 1e6:9.1f} µs/report")
    load = best["disclosure_model.loads"]
    for name in ("check (strict)", "check (with previous year)"):
        print(f"ratio {name} / load = {best[name] / load:.2f}  (target <= 1.00)")


if __name__ == "__main__":
    main()
