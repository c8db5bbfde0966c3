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
    Group,
    Label,
    ProseWords,
    ReportFormat,
    RowSpec,
    StatisticsBase,
    TableSpec,
)
from disclosure_model.formats._form import (
    BlockForm,
    ColumnNode,
    Deadline,
    FormSpec,
    GroupStyle,
    HeaderCell,
    Layout,
    PrintedRow,
    RowNode,
    SectionSpec,
    TableForm,
    build_form,
)
from disclosure_model.formats._labels import normalise_label
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
    "BlockForm",
    "CaseOutcomes",
    "Catalogue",
    "CellSpec",
    "CellValue",
    "ColumnNode",
    "CombinedFigure",
    "Deadline",
    "Decisions",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Entry",
    "FeeAmount",
    "FeeItems",
    "FormSpec",
    "Group",
    "GroupStyle",
    "HeaderCell",
    "ItemCounts",
    "Label",
    "Layout",
    "LegacyStatistics",
    "PrintedRow",
    "Procurement",
    "ProseWords",
    "ReportFormat",
    "ReviewsLitigation",
    "RowNode",
    "RowSpec",
    "SectionSpec",
    "Statistics",
    "Statistics2019",
    "Statistics2021",
    "StatisticsBase",
    "TableForm",
    "TableSpec",
    "catalogue",
    "detect_format_markers",
    "form",
    "format_for_year",
    "normalise_label",
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


def form(fmt: ReportFormat | str) -> FormSpec:
    """The printed form of a format: tables, blocks, header and row trees, sections, years."""
    key = ReportFormat(fmt)
    known = _FORMS.get(key)
    if known is None:
        known = _FORMS[key] = build_form(STATISTICS_CLASSES[key])
    return known


_FORMS: dict[ReportFormat, FormSpec] = {}


def format_for_year(year: int) -> ReportFormat | None:
    """The format reports for ``year`` are due in (``None`` before the 2014 national table).

    >>> format_for_year(2020)
    <ReportFormat.GOV_2019: 'gov-2019'>
    """
    return next((f for f in ReportFormat if form(f).applies_to(year)), None)


# The markers of each new format in its own tables: column and row labels no other format
# prints (DOMAIN.md §0 and §2.2). The year is no marker: 2020 reports use the 2019 format.
_MARKERS = {
    ReportFormat.GOV_2019: (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "第二十条第(九)项",
        "政府集中采购",
        "其他对外管理服务事项",
    ),
    ReportFormat.GOV_2021: (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "本年处理决定数量",
        "逾期未按收费通知要求缴纳费用",
    ),
    ReportFormat.LEGACY: (
        "统计指标",
        "收到申请数",
        "按时办结数",
        "申请答复数",
        "主动公开政府信息数",
    ),
}


def detect_format_markers(text: str) -> ReportFormat | None:
    """The format whose own table markers ``text`` carries most, or ``None`` (none, or a tie).

    >>> detect_format_markers("信息内容 本年制发件数 本年废止件数 现行有效件数")
    <ReportFormat.GOV_2021: 'gov-2021'>
    """
    key = normalise_label(text)
    counts = {f: sum(normalise_label(m) in key for m in ms) for f, ms in _MARKERS.items()}
    best = max(counts.values())
    winners = [f for f, n in counts.items() if n == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def catalogue(fmt: ReportFormat | str) -> Catalogue:
    """Every cell of a format with its official code, labels, unit and kind, in form order."""
    return statistics_class(fmt).catalogue()
