"""Hypothesis strategies: consistent reports, reports broken at one place, stated figures.

This module is for testing code that uses disclosure_model (and disclosure_model itself).
It imports `hypothesis <https://hypothesis.readthedocs.io>`_, which the package does not
otherwise need: install the ``strategies`` extra, ``pip install "disclosure-model[strategies]"``.
``import disclosure_model`` never imports it.

>>> from hypothesis import given, settings
>>> import disclosure_model as dm
>>> from disclosure_model import strategies as dms
>>> @settings(max_examples=10)
... @given(dms.reports(format="gov-2021"))
... def test_consistent(report):
...     assert dm.check(report).ok
>>> test_consistent()

**Consistent by construction.** The identities a format declares (the ``IDENTITIES`` of its row
and table classes, expanded to every row and column they apply to, the same places the checks
evaluate) are linear relations between counts. A table is built from *events*: an event adds an
amount to one cell that no sum defines ("30 more applications from natural persons granted"),
then settles every relation it disturbed by raising other such cells (those 30 were received
this year or carried over from the last). A cell an identity defines as a sum of others is
never drawn but computed from its parts, and the carry-over balance of table 三 follows from the
events. Nothing is filtered out: every event leaves the table consistent, so hypothesis shrinks
a table by dropping events and lowering amounts, down to a table of zeros. Two reports of
consecutive years take over last year's figures at the places of the rules across years, in the
same way.

**Broken at one place.** :func:`broken_reports` draws a consistent report and breaks it so
that exactly one rule fails, and says which rule and where (a :class:`BrokenReport`). For an
identity or a rule across years it breaks the rule at one of its places and settles every
other rule again, so a sum that is wrong does not drag the balance of its column along with
it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from disclosure_model.claims import Claim
from disclosure_model.formats import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Applications2019,
    Applications2021,
    LegacyStatistics,
    ReportFormat,
    ReviewsLitigation,
    Statistics2019,
    Statistics2021,
)
from disclosure_model.report import Organ, Report
from disclosure_model.strategies._broken import BrokenReport, broken_reports
from disclosure_model.strategies._claims import claims
from disclosure_model.strategies._consecutive import consecutive_reports
from disclosure_model.strategies._percentages import StatedPercentage, stated_percentages
from disclosure_model.strategies._reports import reports
from disclosure_model.strategies._tables import (
    active_disclosure_tables,
    applications_tables,
    legacy_statistics,
    reviews_tables,
    statistics,
)
from disclosure_model.strategies._values import amounts, organs
from disclosure_model.values import Amount

__all__ = [
    "BrokenReport",
    "StatedPercentage",
    "active_disclosure_tables",
    "amounts",
    "applications_tables",
    "broken_reports",
    "claims",
    "consecutive_reports",
    "legacy_statistics",
    "organs",
    "reports",
    "reviews_tables",
    "stated_percentages",
    "statistics",
]


def _register_type_strategies() -> None:
    """Register a strategy for each model type, so that ``st.from_type(Report)`` works.

    This runs when the module is imported, and Hypothesis imports it when it starts,
    through the ``hypothesis`` entry point this package declares. The entry point names the
    module, not this function: when a test imports this module first, the module imports
    Hypothesis, which would call a function the half-imported module does not have yet.
    Registering makes strategies but draws nothing, as Hypothesis asks of its plugins.
    """
    registered: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
        (Report, reports()),
        (LegacyStatistics, legacy_statistics()),
        (Statistics2019, statistics(format=ReportFormat.GOV_2019)),
        (Statistics2021, statistics(format=ReportFormat.GOV_2021)),
        (Applications2019, applications_tables(format=ReportFormat.GOV_2019)),
        (Applications2021, applications_tables(format=ReportFormat.GOV_2021)),
        (ActiveDisclosure2019, active_disclosure_tables(format=ReportFormat.GOV_2019)),
        (ActiveDisclosure2021, active_disclosure_tables(format=ReportFormat.GOV_2021)),
        (ReviewsLitigation, reviews_tables()),
        (Organ, organs()),
        (Claim, claims()),
        (Amount, amounts()),
    ]
    for cls, strategy in registered:
        st.register_type_strategy(cls, strategy)


_register_type_strategies()
