"""How rich the data of ``disclosure_model.strategies`` is, on a fixed-seed sample.

Thin data lets bugs through: a test of the full-time staff share cannot see numerator and
denominator swapped if the share is never strictly between 0 and 1, and a check of truncated
percentages is idle if no generated share tells truncation from rounding. This script draws
the same sample every run (a fixed seed, no database, no shrinking) and prints::

    python benchmarks/data_richness.py [--reports 200] [--seed 12]

* ``zero counts``: the share of the count cells of consistent reports that are 0;
* ``counts >= 10`` and ``counts >= 1000``: the share of count cells at least that large;
* ``undefined ratios``: the share of the ratios of those reports without a value;
* ``ratios strictly in (0, 1)``: the share of the defined shares (not net changes, not
  per-100 figures) strictly between 0 and 1;
* over reports with claims: how many percentage claims are of a stated part strictly
  between 0 and its whole, how many percentage claims about a stated part ``tell
  truncation from rounding`` (their exact value, truncated to the stated decimals, is not
  what rounding half up gives), how many figures say ``以上`` (at least) and how many ``余``.

The same figures, computed here without the strategies' own helpers, are what
``tests/test_data_richness.py`` holds the strategies to.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model import strategies as dms
from disclosure_model.ratio_catalogue import RatioKind, ratio_specs

T = TypeVar("T")


def sample(strategy: st.SearchStrategy[T], n: int, at: int) -> list[T]:
    """``n`` examples of ``strategy``, the same ones for the same seed ``at``."""
    found: list[T] = []

    @settings(
        database=None,
        max_examples=n,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @seed(at)
    @given(strategy)
    def collect(example: T) -> None:
        found.append(example)

    collect()
    return found


def _counts(report: dm.Report) -> list[int]:
    return [v for _, v in report.statistics.cells() if isinstance(v, int)]


#: The ratios that are shares of a whole (one in [0, 1] when the report is consistent).
SHARES = frozenset(s.code for s in ratio_specs() if s.kind is RatioKind.SHARE)


def _operand(report: dm.Report, about: Any) -> Fraction | None:
    """The value a claim's operand stands for: stated cells added up, or claims' values."""
    if isinstance(about, dm.CellSum):
        values = [report.statistics.cell(p) for p in about.paths]
        if not all(isinstance(v, int) for v in values):
            return None
        return Fraction(sum(values))
    if isinstance(about, dm.ClaimSum):
        by_id = {c.id: c for c in report.claims}
        return sum((Fraction(by_id[i].value) * by_id[i].scale for i in about.ids), Fraction(0))
    return None


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tells_truncation_from_rounding(report: dm.Report, claim: dm.Claim) -> bool:
    """Whether ``claim`` is a percentage of a stated part whose exact value truncated to the
    claim's decimals differs from it rounded half up (its fraction digit past them is 5+)."""
    about = claim.about
    if claim.kind is not dm.ClaimKind.PERCENT or not isinstance(about, dm.Share):
        return False
    part = _operand(report, about.numerator)
    whole = _operand(report, about.denominator)
    if part is None or not whole:
        return False
    scaled = 100 * part / whole * 10 ** _decimals(claim.value)
    return scaled - math.floor(scaled) >= Fraction(1, 2)


def is_proper_share(report: dm.Report, claim: dm.Claim) -> bool:
    """Whether ``claim`` is a percentage of a stated part strictly between 0 and its whole."""
    about = claim.about
    if claim.kind is not dm.ClaimKind.PERCENT or not isinstance(about, dm.Share):
        return False
    part = _operand(report, about.numerator)
    whole = _operand(report, about.denominator)
    return part is not None and whole is not None and 0 < part < whole


def measure(n_reports: int, at: int) -> dict[str, float]:
    """The figures of the module docstring, on ``n_reports`` reports of each kind."""
    reports = sample(dms.reports(), n_reports, at)
    counts = [v for r in reports for v in _counts(r)]
    ratios = [(code, r) for report in reports for code, r in dm.ratios(report).items()]
    shares = [r.value for code, r in ratios if code in SHARES and r.value is not None]
    with_claims = sample(dms.reports(with_claims=True), n_reports, at)
    claims = [(r, c) for r in with_claims for c in r.claims]
    approximations = Counter(c.approximation for _, c in claims)

    def share(items: list[Any], keep: Callable[[Any], bool]) -> float:
        return sum(1 for x in items if keep(x)) / len(items) if items else 0.0

    return {
        "reports": len(reports),
        "count cells": len(counts),
        "zero counts": share(counts, lambda v: v == 0),
        "counts >= 10": share(counts, lambda v: v >= 10),
        "counts >= 1000": share(counts, lambda v: v >= 1000),
        "undefined ratios": share(ratios, lambda cr: cr[1].value is None),
        "ratios strictly in (0, 1)": share(shares, lambda v: 0 < v < 1),
        "reports with claims": len(with_claims),
        "claims": len(claims),
        "shares of a part strictly inside its whole": sum(is_proper_share(r, c) for r, c in claims),
        "shares telling truncation from rounding": sum(
            tells_truncation_from_rounding(r, c) for r, c in claims
        ),
        "以上 (at least) figures": approximations[dm.Approximation.AT_LEAST],
        "余 (more than) figures": approximations[dm.Approximation.MORE_THAN],
    }


def main() -> None:
    """Print the figures for one fixed-seed sample."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    for name, value in measure(args.reports, args.seed).items():
        shown = f"{value:.1%}" if isinstance(value, float) else str(value)
        print(f"{name:42} {shown}")


if __name__ == "__main__":
    main()
