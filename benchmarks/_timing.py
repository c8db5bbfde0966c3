"""Timing shared by the benchmarks: best time per call, rounds interleaved."""

from __future__ import annotations

import timeit
from collections.abc import Callable
from typing import Any


def best_times(
    contenders: dict[str, Callable[[], Any]], *, repeat: int, number: int
) -> dict[str, float]:
    """Best seconds per call of each contender, rounds interleaved.

    Each round times every contender once, so a machine whose speed drifts during the run
    (shared hosts do) slows all of them alike and the ratios stay fair.
    """
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(repeat):
        for name, fn in contenders.items():
            best[name] = min(best[name], timeit.timeit(fn, number=number) / number)
    return best
