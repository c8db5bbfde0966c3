"""The statistics formats, each declared once, and their catalogues.

>>> from disclosure_model.formats import ReportFormat, catalogue
>>> cat = catalogue(ReportFormat.GOV_2021)
>>> len([e for e in cat if e.table == "applications"])
175
>>> cat["applications.denied_state_secret.natural_person"].code
'3/三(三)1/自然人'
"""

from __future__ import annotations

from disclosure_model.formats._declare import (
    Catalogue,
    CellSpec,
    CellValue,
    Entry,
    Label,
    ReportFormat,
    RowSpec,
    StatisticsBase,
    TableSpec,
)
from disclosure_model.formats._shared import (
    ApplicantCounts,
    ApplicationsBase,
    CaseOutcomes,
    ReviewsLitigation,
)
from disclosure_model.formats.gov2019 import (
    ActiveDisclosure2019,
    Applications2019,
    DocumentCounts2019,
    FeeItems,
    ItemCounts,
    Procurement,
    Statistics2019,
)
from disclosure_model.formats.gov2021 import (
    ActiveDisclosure2021,
    Applications2021,
    Decisions,
    DocumentCounts2021,
    FeeAmount,
    Statistics2021,
)
from disclosure_model.formats.legacy import CombinedFigure, LegacyStatistics

__all__ = [
    "STATISTICS_CLASSES",
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantCounts",
    "Applications2019",
    "Applications2021",
    "ApplicationsBase",
    "CaseOutcomes",
    "Catalogue",
    "CellSpec",
    "CellValue",
    "CombinedFigure",
    "Decisions",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Entry",
    "FeeAmount",
    "FeeItems",
    "ItemCounts",
    "Label",
    "LegacyStatistics",
    "Procurement",
    "ReportFormat",
    "ReviewsLitigation",
    "RowSpec",
    "Statistics",
    "Statistics2019",
    "Statistics2021",
    "StatisticsBase",
    "TableSpec",
    "catalogue",
    "statistics_class",
]

#: The statistics of a report, in whichever format it follows.
Statistics = LegacyStatistics | Statistics2019 | Statistics2021

#: The statistics class of each format.
STATISTICS_CLASSES: dict[ReportFormat, type[Statistics]] = {
    ReportFormat.LEGACY: LegacyStatistics,
    ReportFormat.GOV_2019: Statistics2019,
    ReportFormat.GOV_2021: Statistics2021,
}


def statistics_class(fmt: ReportFormat | str) -> type[Statistics]:
    """The statistics class of a format (given as the enum or its value, e.g. ``"gov-2021"``)."""
    return STATISTICS_CLASSES[ReportFormat(fmt)]


def catalogue(fmt: ReportFormat | str) -> Catalogue:
    """Every cell of a format with its official code, labels, unit and kind, in form order."""
    return statistics_class(fmt).catalogue()
