"""Figures a legacy report states only for several cells together."""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from disclosure_model.formats import (
    CombinedFigure,
    LegacyStatistics,
)
from disclosure_model.formats._declare import StatisticsBase
from disclosure_model.formats._rules import identity_places
from disclosure_model.strategies._draw import (
    _pick,
)
from disclosure_model.values import CellKind

__all__ = [
    "_combined",
]


@functools.cache
def _combinable(stats_cls: type[StatisticsBase]) -> list[tuple[str, ...]]:
    """Groups of legacy cells a report may state only together: the sides of its sums."""
    groups = []
    cat = stats_cls.catalogue()
    for place in identity_places(stats_cls.FORMAT):
        for side in (place.left, place.right):
            counts = [cat[t.path] for t in side if cat[t.path].kind is CellKind.COUNT]
            if len(counts) >= 2 and len({e.unit for e in counts}) == 1:
                groups.append(tuple(e.path for e in counts))
    return sorted(set(groups))


def _combined(
    draw: st.DrawFn, flat: dict[str, Any]
) -> tuple[dict[str, Any], tuple[CombinedFigure, ...]]:
    """Cells of a legacy table replaced by a figure the report states for them together."""
    figures: list[CombinedFigure] = []
    used: set[str] = set()
    for _ in range(draw(st.integers(0, 2))):
        group = _pick(draw, _combinable(LegacyStatistics))
        picked = [p for p in group if draw(st.booleans())]
        stated = [flat[p] for p in picked]
        if len(picked) < 2 or used & set(picked) or any(v is None for v in stated):
            continue
        used |= set(picked)
        figures.append(CombinedFigure(cells=tuple(picked), value=sum(stated)))
        flat = {**flat, **dict.fromkeys(picked)}
    return flat, tuple(figures)
