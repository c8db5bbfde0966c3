"""The ratio catalogue: rates an analyst computes from a report, declared once per format.

Each ratio is a :class:`RatioSpec`: a code, a name in Chinese and English, what it measures
(a share of a whole, a rate over a workload, a count per 100 applications, or a net
change), and its definition as signed sums of cells. :func:`ratios` evaluates every ratio of
a report's format into exact :class:`~disclosure_model.values.Ratio` values.

Row sets are taken from the declarations (the rows grouped under （三）不予公开 on the form,
say), so a definition names groups, not the cells one by one.

>>> import disclosure_model as dm
>>> rs = dm.ratios(dm.examples.load("huaian-2024"))
>>> rs["disclosure_rate"].percent(locale="zh_CN")
'59.5%'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from attrs import frozen

from disclosure_model.formats import Label, ReportFormat, StatisticsBase, form
from disclosure_model.report import Report
from disclosure_model.values import Ratio

__all__ = ["RATIOS", "RatioKind", "RatioSpec", "Term", "ratio_specs", "ratios"]


class RatioKind(enum.Enum):
    """What a ratio measures, and so what values it can take."""

    #: A part over its whole: between 0 and 1 for a consistent report.
    SHARE = "share"
    #: Cases per 100 of something else (disputes per 100 applications): 0 or more.
    PER_100 = "per-100"
    #: A signed difference of counts (documents issued minus repealed); denominator 1.
    NET = "net"


@frozen
class Term:
    """A cell of the definition with its sign (+1 or −1)."""

    path: str
    sign: int = 1


@frozen(kw_only=True)
class RatioSpec:
    """One ratio of the catalogue."""

    code: str
    name: Label
    kind: RatioKind
    formats: frozenset[ReportFormat]
    numerator: tuple[Term, ...]
    #: Empty for a net change (the denominator is 1).
    denominator: tuple[Term, ...]
    description: Label

    @property
    def scale(self) -> int:
        """100 for a per-100 ratio, else 1."""
        return 100 if self.kind is RatioKind.PER_100 else 1


_NEW = frozenset({ReportFormat.GOV_2019, ReportFormat.GOV_2021})
_2021 = frozenset({ReportFormat.GOV_2021})
_LEGACY = frozenset({ReportFormat.LEGACY})


def _group(fmt: ReportFormat, key: str, column: str = "total") -> tuple[Term, ...]:
    """The cells of ``column`` in the rows of the form's group ``key`` of table 三."""
    t = form(fmt).table("applications")
    return tuple(Term(t.path(r, column)) for r in t.rows_under(key))


def _cells(*paths: str, sign: int = 1) -> tuple[Term, ...]:
    return tuple(Term(p, sign) for p in paths)


_LEGAL = tuple(
    f"applications.new_received.{c}"
    for c in (
        "legal_commercial",
        "legal_research",
        "legal_public_welfare",
        "legal_law_service",
        "legal_other",
    )
)
_DECIDED = _cells("applications.results_total.total")
_WORKLOAD = _cells("applications.new_received.total", "applications.carried_over.total")


def _concluded(block: str) -> tuple[Term, ...]:
    return (Term(f"reviews.{block}.total"), Term(f"reviews.{block}.pending", -1))


def _new_format_specs() -> list[RatioSpec]:
    """The 2019 and 2021 ratios; the group rows are read from the 2021 declaration, whose
    rows (but for （六）) the 2019 format shares, so （六） is given per format below."""
    fmt = ReportFormat.GOV_2021

    def share(  # noqa: PLR0917 - the catalogue below reads as a table of positional rows
        code: str,
        name: tuple[str, str],
        num: tuple[Term, ...],
        den: tuple[Term, ...],
        what: tuple[str, str],
        formats: frozenset[ReportFormat] = _NEW,
    ) -> RatioSpec:
        return RatioSpec(
            code=code,
            name=Label(*name),
            kind=RatioKind.SHARE,
            formats=formats,
            numerator=num,
            denominator=den,
            description=Label(*what),
        )

    specs = [
        share(
            "disclosure_rate",
            ("公开率（含部分公开）", "disclosure rate (including partial)"),
            _cells("applications.granted.total", "applications.partially_granted.total"),
            _DECIDED,
            ("予以公开与部分公开占办理结果总计", "disclosed or partly disclosed, of all decided"),
        ),
        share(
            "full_disclosure_rate",
            ("予以公开率", "full disclosure rate"),
            _cells("applications.granted.total"),
            _DECIDED,
            ("予以公开占办理结果总计", "fully disclosed, of all decided"),
        ),
        share(
            "denial_rate",
            ("不予公开率", "denial rate"),
            _group(fmt, "denied"),
            _DECIDED,
            ("不予公开各项占办理结果总计", "not disclosed (all reasons), of all decided"),
        ),
        share(
            "unable_rate",
            ("无法提供率", "unable-to-provide rate"),
            _group(fmt, "unable"),
            _DECIDED,
            ("无法提供各项占办理结果总计", "cannot be provided (all reasons), of all decided"),
        ),
        share(
            "not_held_share",
            ("本机关不掌握占比", "not-held share"),
            _cells("applications.unable_not_held.total"),
            _DECIDED,
            ("本机关不掌握相关政府信息占办理结果总计", "information not held, of all decided"),
        ),
        share(
            "not_processed_rate",
            ("不予处理率", "not-processed rate"),
            _group(fmt, "not_processed"),
            _DECIDED,
            ("不予处理各项占办理结果总计", "not processed (all reasons), of all decided"),
        ),
        share(
            "other_rate_2021",
            ("其他处理率", "handled-otherwise rate"),
            _group(fmt, "other"),
            _DECIDED,
            ("其他处理各项占办理结果总计", "handled otherwise, of all decided"),
            _2021,
        ),
        share(
            "other_rate_2019",
            ("其他处理率", "handled-otherwise rate"),
            _cells("applications.other_total.total"),
            _DECIDED,
            ("其他处理占办理结果总计", "handled otherwise, of all decided"),
            frozenset({ReportFormat.GOV_2019}),
        ),
        share(
            "completion_rate",
            ("办结率", "completion rate"),
            _DECIDED,
            _WORKLOAD,
            ("办理结果总计占本年新收与上年结转之和", "decided, of new plus carried over"),
        ),
        share(
            "backlog_rate",
            ("结转率", "backlog rate"),
            _cells("applications.carried_forward.total"),
            _WORKLOAD,
            ("结转下年度占本年新收与上年结转之和", "carried forward, of new plus carried over"),
        ),
        share(
            "natural_person_share",
            ("自然人申请占比", "natural-person share"),
            _cells("applications.new_received.natural_person"),
            _cells("applications.new_received.total"),
            ("自然人新收申请占新收总计", "new applications by natural persons, of all new"),
        ),
        share(
            "legal_person_share",
            ("法人或其他组织申请占比", "legal-person share"),
            _cells(*_LEGAL),
            _cells("applications.new_received.total"),
            ("法人或其他组织新收申请占新收总计", "new applications by organisations, of all new"),
        ),
        share(
            "review_correction_rate",
            ("行政复议纠错率", "review correction rate"),
            _cells("reviews.review.corrected"),
            _concluded("review"),
            ("结果纠正占已审结行政复议", "corrected, of concluded reconsiderations"),
        ),
        share(
            "litigation_correction_rate",
            ("行政诉讼纠错率", "litigation correction rate"),
            _cells(
                "reviews.litigation_direct.corrected", "reviews.litigation_after_review.corrected"
            ),
            _concluded("litigation_direct") + _concluded("litigation_after_review"),
            ("结果纠正占已审结行政诉讼", "corrected, of concluded lawsuits"),
        ),
        share(
            "litigation_direct_correction_rate",
            ("直接起诉纠错率", "correction rate of direct lawsuits"),
            _cells("reviews.litigation_direct.corrected"),
            _concluded("litigation_direct"),
            ("未经复议直接起诉中结果纠正占已审结", "corrected, of concluded direct lawsuits"),
        ),
        share(
            "litigation_after_review_correction_rate",
            ("复议后起诉纠错率", "correction rate of lawsuits after review"),
            _cells("reviews.litigation_after_review.corrected"),
            _concluded("litigation_after_review"),
            ("复议后起诉中结果纠正占已审结", "corrected, of concluded lawsuits after review"),
        ),
        RatioSpec(
            code="disputes_per_100_applications",
            name=Label("每百件申请引发的复议诉讼", "disputes per 100 applications"),
            kind=RatioKind.PER_100,
            formats=_NEW,
            numerator=_cells(
                "reviews.review.total",
                "reviews.litigation_direct.total",
                "reviews.litigation_after_review.total",
            ),
            denominator=_cells("applications.new_received.total"),
            description=Label(
                "行政复议与行政诉讼总数每百件新收申请",
                "reviews and lawsuits per 100 new applications",
            ),
        ),
    ]
    for row, name in (
        ("normative_documents", ("行政规范性文件净增", "net normative documents")),
        ("regulations", ("规章净增", "net government rules")),
    ):
        specs.append(
            RatioSpec(
                code=f"net_{row}",
                name=Label(*name),
                kind=RatioKind.NET,
                formats=_2021,
                numerator=(Term(f"active.{row}.issued"), Term(f"active.{row}.repealed", -1)),
                denominator=(),
                description=Label("本年制发减本年废止", "issued this year minus repealed"),
            )
        )
    return specs


def _legacy_specs() -> list[RatioSpec]:
    def share(  # noqa: PLR0917 - the catalogue below reads as a table of positional rows
        code: str,
        name: tuple[str, str],
        num: Sequence[str],
        den: Sequence[str],
        what: tuple[str, str],
        kind: RatioKind = RatioKind.SHARE,
    ) -> RatioSpec:
        return RatioSpec(
            code=code,
            name=Label(*name),
            kind=kind,
            formats=_LEGACY,
            numerator=_cells(*num),
            denominator=_cells(*den),
            description=Label(*what),
        )

    return [
        share(
            "legacy_disclosure_rate",
            ("公开率（含已主动公开与部分公开）", "disclosure rate (legacy)"),
            ("reply_already_public", "reply_granted", "reply_partially_granted"),
            ("applications_replied",),
            (
                "已主动公开、同意公开与同意部分公开占答复数",
                "already public, granted or partly granted, of answered",
            ),
        ),
        share(
            "legacy_denial_rate",
            ("不同意公开率", "refusal rate (legacy)"),
            ("reply_refused",),
            ("applications_replied",),
            ("不同意公开占答复数", "refused, of answered"),
        ),
        share(
            "on_time_rate",
            ("按时办结率", "on-time rate"),
            ("completed_on_time",),
            ("applications_completed",),
            ("按时办结占办结数", "completed on time, of completed"),
        ),
        share(
            "online_share",
            ("网络申请占比", "online-application share"),
            ("received_online",),
            ("applications_received",),
            ("网络申请占收到申请数", "received online, of received"),
        ),
        share(
            "proactive_normative_doc_share",
            ("规范性文件主动公开比例", "proactive normative-document share"),
            ("proactive_normative_docs",),
            ("normative_docs_issued_total",),
            (
                "主动公开规范性文件数（条）比制发规范性文件总数（件）",
                "normative documents disclosed (entries) per issued (pieces)",
            ),
        ),
        share(
            "full_time_staff_share",
            ("专职人员占比", "full-time staff share"),
            ("staff_full_time",),
            ("staff_total",),
            ("专职人员占工作人员数", "full-time, of all staff"),
        ),
        share(
            "legacy_review_correction_rate",
            ("行政复议纠错率", "review correction rate (legacy)"),
            ("review_corrected",),
            ("review_total",),
            ("被依法纠错占行政复议数", "corrected, of reconsiderations"),
        ),
        share(
            "legacy_litigation_correction_rate",
            ("行政诉讼纠错率", "litigation correction rate (legacy)"),
            ("litigation_corrected",),
            ("litigation_total",),
            ("被依法纠错占行政诉讼数", "corrected, of lawsuits"),
        ),
        share(
            "legacy_disputes_per_100_applications",
            ("每百件申请引发的复议诉讼", "disputes per 100 applications (legacy)"),
            ("review_total", "litigation_total"),
            ("applications_received",),
            (
                "行政复议与行政诉讼数每百件收到申请",
                "reviews and lawsuits per 100 applications received",
            ),
            RatioKind.PER_100,
        ),
    ]


#: Every ratio of every format.
RATIOS: tuple[RatioSpec, ...] = (*_new_format_specs(), *_legacy_specs())


def ratio_specs(fmt: ReportFormat | str | None = None) -> tuple[RatioSpec, ...]:
    """The ratio catalogue, or the ratios of one format."""
    if fmt is None:
        return RATIOS
    wanted = ReportFormat(fmt)
    return tuple(r for r in RATIOS if wanted in r.formats)


def _sum(stats: StatisticsBase, terms: tuple[Term, ...], missing: list[str]) -> int | None:
    """The signed sum of the cells, or ``None`` (noting which) when one is not stated."""
    total, blank = 0, False
    for t in terms:
        value = stats.cell(t.path)
        if isinstance(value, int):
            total += t.sign * value
        else:  # not stated (the definitions name counts only)
            missing.append(t.path)
            blank = True
    return None if blank else total


def evaluate(spec: RatioSpec, stats: StatisticsBase) -> Ratio:
    """One ratio of a report's statistics."""
    missing: list[str] = []
    numerator = _sum(stats, spec.numerator, missing)
    denominator = _sum(stats, spec.denominator, missing) if spec.denominator else 1
    return Ratio(
        numerator=numerator, denominator=denominator, scale=spec.scale, missing=tuple(missing)
    )


def ratios(report: Report) -> Mapping[str, Ratio]:
    """Every ratio of the report's format, by code, in catalogue order."""
    stats = report.statistics
    return {spec.code: evaluate(spec, stats) for spec in ratio_specs(report.format)}
