"""How the strategies draw: strategies made once, builders of ``draw``, the format knobs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.formats import (
    ReportFormat,
    form,
)

__all__ = [
    "_LAST_YEAR",
    "_NEW",
    "T",
    "_drawn",
    "_format",
    "_memo",
    "_pick",
    "_table_format",
    "_years",
]

T = TypeVar("T")
Format = ReportFormat | str


_STRATEGIES: dict[tuple[object, ...], st.SearchStrategy[Any]] = {}


def _memo(
    key: tuple[object, ...], make: Callable[[], st.SearchStrategy[T]]
) -> st.SearchStrategy[T]:
    """The strategy made for ``key`` the first time: a strategy made anew on every draw
    would be validated anew on every draw, which costs more than the draw."""
    known = _STRATEGIES.get(key)
    if known is None:
        known = _STRATEGIES[key] = make()
    return known


@st.composite
def _drawn(draw: st.DrawFn, build: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """A strategy of what ``build(draw, *args, **kwargs)`` gives.

    The builders are plain functions of ``draw`` rather than composite strategies: a
    strategy made anew for every draw is validated anew for every draw, which costs more
    than the draw itself. Each public factory makes one of these, once.
    """
    return build(draw, *args, **kwargs)


def _format(value: Format | None) -> ReportFormat | None:
    """The format a knob names (``None`` stays ``None``), checked when the strategy is made."""
    return None if value is None else _table_format(value, tuple(ReportFormat))


def _table_format(value: Format, allowed: tuple[ReportFormat, ...] = ()) -> ReportFormat:
    """The format a knob names, one of ``allowed`` (the formats that have the table)."""
    try:
        fmt = ReportFormat(value)
    except ValueError:
        msg = f"format={value!r} is not one of {[f.value for f in ReportFormat]}"
        raise InvalidArgument(msg) from None
    if fmt not in allowed:
        msg = f"format={fmt.value!r} has no such table; use one of {[f.value for f in allowed]}"
        raise InvalidArgument(msg)
    return fmt


_NEW = (ReportFormat.GOV_2021, ReportFormat.GOV_2019)


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``, shrinking towards the first (cheaper than a new ``sampled_from``
    for every draw from a list that changes with the report)."""
    return options[draw(st.integers(0, len(options) - 1))]


#: The last report year drawn for a format still in force (the 2021 format).
_LAST_YEAR = 2025


def _years(fmt: ReportFormat) -> tuple[int, int]:
    """The first and the last report year a format is right for, as the form spec says
    (up to :data:`_LAST_YEAR` for the format in force)."""
    first, last = form(fmt).years
    return first, last if last is not None else _LAST_YEAR
