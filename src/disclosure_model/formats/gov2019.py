"""The 2019 trial format, 国办公开办函〔2019〕60号 (reports for 2019 and 2020)."""

from __future__ import annotations

from typing import Any, ClassVar

from attrs import frozen

from disclosure_model.formats._declare import (
    Declared,
    Identity,
    ProseWords,
    Relation,
    ReportFormat,
    StatisticsBase,
    cell,
    table,
)
from disclosure_model.formats._form import DEADLINE_2019, Deadline, SectionSpec
from disclosure_model.formats._shared import (
    ACTIVE_TABLE,
    APPLICATIONS_TABLE,
    REVIEWS_TABLE,
    SECTIONS,
    ActiveDisclosureBase,
    ApplicantCounts,
    ApplicationsBase,
    ReviewsLitigation,
    art20_row,
    document_words,
    prose_words,
    table3_identities,
    table3_row,
)
from disclosure_model.values import Amount, CellKind, Unit

__all__ = [
    "ActiveDisclosure2019",
    "Applications2019",
    "DocumentCounts2019",
    "FeeItems",
    "ItemCounts",
    "Procurement",
    "Statistics2019",
]


@frozen(kw_only=True)
class DocumentCounts2019(Declared):
    """第二十条第（一）项: 规章 or 规范性文件 made, published and published in total."""

    new_made: int | None = cell("本年新制作数量", "newly made this year")
    new_published: int | None = cell("本年新公开数量", "newly published this year")
    published_total: int | None = cell("对外公开总数量", "published in total", kind=CellKind.STOCK)

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        Identity("R-19-01", ("new_published",), Relation.AT_MOST, ("published_total",)),
    )


def _items_prev_year() -> Any:
    return cell("上一年项目数量", "item types last year", kind=CellKind.STOCK, unit=Unit.ITEM)


def _items_change() -> Any:
    return cell("本年增/减", "change this year", kind=CellKind.CHANGE, unit=Unit.ITEM)


@frozen(kw_only=True)
class ItemCounts(Declared):
    """第二十条第（五）（六）项: item types last year, their change, and decisions made."""

    items_prev_year: int | None = _items_prev_year()
    items_change: int | None = _items_change()
    decisions: int | None = cell("处理决定数量", "decisions made")

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        Identity("R-19-02", ("items_prev_year", "items_change"), Relation.AT_LEAST, ()),
    )


@frozen(kw_only=True)
class FeeItems(Declared):
    """第二十条第（八）项: administrative fee item types last year and their change."""

    items_prev_year: int | None = _items_prev_year()
    items_change: int | None = _items_change()

    IDENTITIES: ClassVar[tuple[Identity, ...]] = ItemCounts.IDENTITIES


@frozen(kw_only=True)
class Procurement(Declared):
    """第二十条第（九）项: centralised government procurement (the form fixes no money unit)."""

    projects: int | None = cell("采购项目数量", "projects", unit=Unit.ITEM)
    amount: Amount | None = cell("采购总金额", "total amount", kind=CellKind.MONEY, unit=None)


@frozen(kw_only=True)
class ActiveDisclosure2019(ActiveDisclosureBase):
    """Table 二、主动公开政府信息情况 of the 2019 format."""

    regulations: DocumentCounts2019 = art20_row(DocumentCounts2019, "regulations")
    normative_documents: DocumentCounts2019 = art20_row(
        DocumentCounts2019, "normative_documents_2019"
    )
    licensing: ItemCounts = art20_row(ItemCounts, "licensing")
    other_services: ItemCounts = art20_row(ItemCounts, "other_services")
    penalties: ItemCounts = art20_row(ItemCounts, "penalties")
    coercion: ItemCounts = art20_row(ItemCounts, "coercion")
    administrative_fees: FeeItems = art20_row(FeeItems, "administrative_fees")
    procurement: Procurement = art20_row(Procurement, "procurement")


@frozen(kw_only=True)
class Applications2019(ApplicationsBase):
    """Table 三 of the 2019 format (23 rows × 7 columns; （六）其他处理 is a single row)."""

    IDENTITIES: ClassVar[tuple[Identity, ...]] = table3_identities(("other_total",))

    other_total: ApplicantCounts = table3_row("other_total")
    results_total: ApplicantCounts = table3_row("results_total")
    carried_forward: ApplicantCounts = table3_row("carried_forward")


@frozen(kw_only=True)
class Statistics2019(StatisticsBase):
    """The statistics of a report in the 2019 trial format: tables 二, 三 and 四."""

    YEARS: ClassVar[tuple[int, int | None]] = (2019, 2020)
    SECTIONS: ClassVar[tuple[SectionSpec, ...]] = SECTIONS
    DEADLINE: ClassVar[Deadline] = DEADLINE_2019
    FORMAT: ClassVar[ReportFormat] = ReportFormat.GOV_2019
    PROSE_WORDS: ClassVar[tuple[ProseWords, ...]] = document_words(
        (
            ("new_published", r"新(?:增)?公开"),
            ("new_made", r"(?:新制作|制发|制定|出台|印发)"),
        )
    ) + prose_words(("other_total",))

    active: ActiveDisclosure2019 = table(ActiveDisclosure2019, *ACTIVE_TABLE)
    applications: Applications2019 = table(Applications2019, *APPLICATIONS_TABLE)
    reviews: ReviewsLitigation = table(ReviewsLitigation, *REVIEWS_TABLE)
