"""The 2021 format, 国办公开办函〔2021〕30号 (reports for 2021 onward)."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from disclosure_model.formats._declare import (
    Declared,
    Identity,
    ProseWords,
    Relation,
    ReportFormat,
    StatisticsBase,
    cell,
    group_total,
    table,
)
from disclosure_model.formats._form import DEADLINE_2019, Deadline, SectionSpec
from disclosure_model.formats._shared import (
    ACTIVE_TABLE,
    APPLICATIONS_TABLE,
    OTHER_GROUP,
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
    "ActiveDisclosure2021",
    "Applications2021",
    "Decisions",
    "DocumentCounts2021",
    "FeeAmount",
    "Statistics2021",
]


@frozen(kw_only=True)
class DocumentCounts2021(Declared):
    """第二十条第（一）项: 规章 or 行政规范性文件 issued, repealed and in force."""

    issued: int | None = cell(
        "本年制发件数", "issued this year", aliases=("本年发件数", "本年发件", "本年制发数")
    )
    repealed: int | None = cell("本年废止件数", "repealed this year")
    in_force: int | None = cell("现行有效件数", "currently in force", kind=CellKind.STOCK)

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        Identity("R-21-02", ("issued",), Relation.AT_MOST, ("in_force", "repealed")),
    )


@frozen(kw_only=True)
class Decisions(Declared):
    """第二十条第（五）（六）项: decisions made this year."""

    decisions: int | None = cell("本年处理决定数量", "decisions made this year")


@frozen(kw_only=True)
class FeeAmount(Declared):
    """第二十条第（八）项: administrative fees collected this year, in 万元."""

    amount: Amount | None = cell(
        "本年收费金额（单位：万元）",
        "amount collected this year (10,000 yuan)",
        kind=CellKind.MONEY,
        unit=Unit.WAN_YUAN,
    )


@frozen(kw_only=True)
class ActiveDisclosure2021(ActiveDisclosureBase):
    """Table 二、主动公开政府信息情况 of the 2021 format."""

    regulations: DocumentCounts2021 = art20_row(DocumentCounts2021, "regulations")
    normative_documents: DocumentCounts2021 = art20_row(
        DocumentCounts2021, "normative_documents_2021"
    )
    licensing: Decisions = art20_row(Decisions, "licensing")
    penalties: Decisions = art20_row(Decisions, "penalties")
    coercion: Decisions = art20_row(Decisions, "coercion")
    administrative_fees: FeeAmount = art20_row(FeeAmount, "administrative_fees")


@frozen(kw_only=True)
class Applications2021(ApplicationsBase):
    """Table 三、收到和处理政府信息公开申请情况 of the 2021 format (25 rows × 7 columns)."""

    other_no_correction: ApplicantCounts = table3_row("other_no_correction")
    other_unpaid_fee: ApplicantCounts = table3_row("other_unpaid_fee")
    other_other: ApplicantCounts = table3_row("other_other")
    results_total: ApplicantCounts = table3_row("results_total")
    carried_forward: ApplicantCounts = table3_row("carried_forward")

    IDENTITIES: ClassVar[tuple[Identity, ...]] = table3_identities(
        ("other_no_correction", "other_unpaid_fee", "other_other")
    )

    @property
    def other_total(self) -> ApplicantCounts:
        """（六）其他处理 in total, per column (the 2021 form prints only its three parts)."""
        return group_total(self, OTHER_GROUP, ApplicantCounts)


@frozen(kw_only=True)
class Statistics2021(StatisticsBase):
    """The statistics of a report in the 2021 format: tables 二, 三 and 四."""

    YEARS: ClassVar[tuple[int, int | None]] = (2021, None)
    SECTIONS: ClassVar[tuple[SectionSpec, ...]] = SECTIONS
    DEADLINE: ClassVar[Deadline] = DEADLINE_2019
    FORMAT: ClassVar[ReportFormat] = ReportFormat.GOV_2021
    PROSE_WORDS: ClassVar[tuple[ProseWords, ...]] = document_words(
        (
            ("repealed", r"废止"),
            ("in_force", r"现行有效"),
            ("issued", r"(?:制发|新增|出台|印发|发布|制定)"),
        )
    ) + prose_words(("other_no_correction", "other_unpaid_fee", "other_other"))

    active: ActiveDisclosure2021 = table(ActiveDisclosure2021, *ACTIVE_TABLE)
    applications: Applications2021 = table(Applications2021, *APPLICATIONS_TABLE)
    reviews: ReviewsLitigation = table(ReviewsLitigation, *REVIEWS_TABLE)
