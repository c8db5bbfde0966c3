"""Tables that the 2019 and the 2021 format share.

Table 三 (applications) is identical in the two formats except for row （六）其他处理, so
its first twenty rows are declared once here; table 四 (reviews and lawsuits) is the same.
"""

from __future__ import annotations

from typing import Any, ClassVar

from attrs import frozen

from disclosure_model.formats._declare import (
    Declared,
    Group,
    Identity,
    Label,
    ProseWords,
    Relation,
    cell,
    group,
    group_total,
    row,
    rows_in_group,
    sums,
    words,
)
from disclosure_model.formats._form import Layout, SectionSpec

__all__ = [
    "ACTIVE_ALIASES",
    "ACTIVE_TABLE",
    "APPLICANTS",
    "APPLICATIONS_ALIASES",
    "APPLICATIONS_NOTE",
    "APPLICATIONS_TABLE",
    "ART20_1",
    "ART20_5",
    "ART20_6",
    "ART20_8",
    "ART20_9",
    "INFORMATION_CONTENT",
    "OTHER_GROUP",
    "OUTCOME_ROWS",
    "RESULTS_GROUP",
    "REVIEWS_ALIASES",
    "REVIEWS_TABLE",
    "SECTIONS",
    "ApplicantCounts",
    "ApplicationsBase",
    "CaseOutcomes",
    "ReviewsLitigation",
    "applications_row",
    "art20_row",
    "document_words",
    "prose_words",
    "table3_identities",
    "table3_row",
]

# Tables both formats print, as (code, zh, en).
ACTIVE_TABLE = ("2", "二、主动公开政府信息情况", "II. proactive disclosure")
APPLICATIONS_TABLE = (
    "3",
    "三、收到和处理政府信息公开申请情况",
    "III. applications received and handled",
)
REVIEWS_TABLE = (
    "4",
    "四、政府信息公开行政复议、行政诉讼情况",
    "IV. administrative reconsideration and litigation",
)

# The captions of table 二: each heads a block of rows with columns of its own.
ART20_1 = group("art20_1", "第二十条第（一）项", "article 20 item (1)", code="二十(一)")
ART20_5 = group("art20_5", "第二十条第（五）项", "article 20 item (5)", code="二十(五)")
ART20_6 = group("art20_6", "第二十条第（六）项", "article 20 item (6)", code="二十(六)")
ART20_8 = group("art20_8", "第二十条第（八）项", "article 20 item (8)", code="二十(八)")
ART20_9 = group("art20_9", "第二十条第（九）项", "article 20 item (9)", code="二十(九)")

#: The rows of table 二: label, English label and caption by key.
_ART20_ROWS = {
    "regulations": ("规章", "government rules", ART20_1),
    # 2019 prints 规范性文件, 2021 行政规范性文件: each is a variant of the other.
    "normative_documents_2019": ("规范性文件", "normative documents", ART20_1),
    "normative_documents_2021": (
        "行政规范性文件",
        "administrative normative documents",
        ART20_1,
    ),
    "licensing": ("行政许可", "administrative licensing", ART20_5),
    # Only the 2019 format prints this row.
    "other_services": (
        "其他对外管理服务事项",
        "other external management and service matters",
        ART20_5,
    ),
    "penalties": ("行政处罚", "administrative penalties", ART20_6),
    "coercion": ("行政强制", "administrative coercion", ART20_6),
    "administrative_fees": ("行政事业性收费", "administrative fees", ART20_8),
    # Only the 2019 format prints this row.
    "procurement": ("政府集中采购", "centralised government procurement", ART20_9),
}


_ART20_ALIASES = {
    "normative_documents_2019": ("行政规范性文件",),
    "normative_documents_2021": ("规范性文件",),
}


def art20_row(cls: type, key: str) -> Any:
    """Declare the row ``key`` of table 二 (see ``_ART20_ROWS``), holding ``cls``."""
    zh, en, caption = _ART20_ROWS[key]
    return row(cls, zh, en, group=caption, aliases=_ART20_ALIASES.get(key, ()))


#: The header over every applicant column of table 三.
APPLICANTS = Label("申请人情况", "applicants")

#: The note table 三 prints in its top-left cell: the form's own 勾稽关系 (rule R-01).
APPLICATIONS_NOTE = Label(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "(in each column: item one plus item two equals item three plus item four)",
)

#: The header of the label column of table 二's blocks.
INFORMATION_CONTENT = (Label("信息内容", "information"),)

#: Heading variants of the tables, seen on published pages.
ACTIVE_ALIASES = ("二、主动公开信息情况", "二、主动公开政府信息")
APPLICATIONS_ALIASES = ("三、收到和处理政府信息公开申请",)
REVIEWS_ALIASES = (
    "四、政府信息公开行政法复议、行政诉讼情况",
    "四、因政府信息公开申请行政复议、行政诉讼情况",
    "四、政府信息公开行政复议和行政诉讼情况",
)

#: The six narrative sections of the 2019 and 2021 formats.
SECTIONS = (
    SectionSpec(
        "overview",
        Label("一、总体情况", "I. overview"),
        ("总体情况", "總體情況"),
    ),
    SectionSpec(
        "active_disclosure",
        Label("二、主动公开政府信息情况", "II. proactive disclosure"),
        ("主动公开", "主動公開"),
    ),
    SectionSpec(
        "applications",
        Label("三、收到和处理政府信息公开申请情况", "III. applications received and handled"),
        ("申请", "申請"),
    ),
    SectionSpec(
        "review_litigation",
        Label(
            "四、政府信息公开行政复议、行政诉讼情况",
            "IV. administrative reconsideration and litigation",
        ),
        ("行政复议", "行政復議"),
        ("四、政府信息公开行政法复议、行政诉讼情况",),
    ),
    SectionSpec(
        "problems",
        Label("五、存在的主要问题及改进情况", "V. main problems and improvements"),
        ("问题", "問題"),
        (
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、存在的主要问题及整改措施",
            "五、存在的主要问题及改进措施",
        ),
    ),
    SectionSpec(
        "other_matters",
        Label("六、其他需要报告的事项", "VI. other matters to report"),
        ("其他需要报告", "其他需要報告"),
    ),
)
_LEGAL = group(
    "legal",
    "法人或其他组织",
    "legal persons or other organisations",
    aliases=("法人或者其他组织", "法人和其他组织"),
)


class ActiveDisclosureBase(Declared):
    """What table 二 prints the same in both formats: the label header and its headings."""

    __slots__ = ()

    LABEL_HEADERS: ClassVar[tuple[Label, ...]] = INFORMATION_CONTENT
    ALIASES: ClassVar[tuple[str, ...]] = ACTIVE_ALIASES


@frozen(kw_only=True)
class ApplicantCounts(Declared):
    """One row of table 三: counts per kind of applicant (申请人情况)."""

    HEADER: ClassVar[Label] = APPLICANTS

    natural_person: int | None = cell("自然人", "natural persons")
    legal_commercial: int | None = cell("商业企业", "commercial enterprises", group=_LEGAL)
    legal_research: int | None = cell("科研机构", "research institutions", group=_LEGAL)
    legal_public_welfare: int | None = cell(
        "社会公益组织", "public-welfare organisations", group=_LEGAL
    )
    legal_law_service: int | None = cell("法律服务机构", "legal-service institutions", group=_LEGAL)
    legal_other: int | None = cell("其他", "other organisations", group=_LEGAL)
    total: int | None = cell("总计", "total")

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        # the 总计 column is the sum of the six applicant columns.
        sums(
            "R-02",
            "total",
            (
                "natural_person",
                "legal_commercial",
                "legal_research",
                "legal_public_welfare",
                "legal_law_service",
                "legal_other",
            ),
        ),
    )

    @property
    def legal_subtotal(self) -> int | None:
        """法人或其他组织 together (the form prints no such column); ``None`` if a part is."""
        parts = (
            self.legal_commercial,
            self.legal_research,
            self.legal_public_welfare,
            self.legal_law_service,
            self.legal_other,
        )
        if any(p is None for p in parts):
            return None
        return sum(p for p in parts if p is not None)

    @property
    def applicants_sum(self) -> int | None:
        """Sum of the six applicant columns (what 总计 should equal); ``None`` if one is."""
        legal = self.legal_subtotal
        if legal is None or self.natural_person is None:
            return None
        return self.natural_person + legal


def applications_row(grp: Group | None, zh: str, en: str) -> Any:
    """Declare a row of table 三 (a row of :class:`ApplicantCounts`), always with these three
    arguments (so that the rows read as a table): its group, its label and English label."""
    return row(ApplicantCounts, zh, en, group=grp)


RESULTS_GROUP = group(
    "results",
    "三、本年度办理结果",
    "III. results of this year's handling",
    aliases=("三、本年度办理结果情况",),
)
_DENIED = group("denied", "（三）不予公开", "(3) not disclosed", parent=RESULTS_GROUP)
_UNABLE = group("unable", "（四）无法提供", "(4) cannot be provided", parent=RESULTS_GROUP)
_NOT_PROCESSED = group("not_processed", "（五）不予处理", "(5) not processed", parent=RESULTS_GROUP)
OTHER_GROUP = group("other", "（六）其他处理", "(6) handled otherwise", parent=RESULTS_GROUP)

#: The rows of table 三 after （五）不予处理 (each format's （六）其他处理, then （七）总计 and
#: 四、结转下年度继续办理): group, label and English label by key.
_LATER_ROWS = {
    # 2019 prints （六）其他处理 as one row.
    "other_total": (RESULTS_GROUP, "（六）其他处理", "(6) handled otherwise"),
    # 2021 prints it as three rows.
    "other_no_correction": (
        OTHER_GROUP,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. applicant did not correct in time without good reason; no longer processed",
    ),
    "other_unpaid_fee": (
        OTHER_GROUP,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. applicant did not pay the fee notified in time; no longer processed",
    ),
    "other_other": (OTHER_GROUP, "3.其他", "3. other"),
    "results_total": (RESULTS_GROUP, "（七）总计", "(7) total"),
    "carried_forward": (None, "四、结转下年度继续办理", "IV. carried forward to next year"),
}


def table3_row(key: str) -> Any:
    """Declare the row ``key`` of table 三 after （五）不予处理 (see ``_LATER_ROWS``)."""
    return applications_row(*_LATER_ROWS[key])


@frozen(kw_only=True)
class ApplicationsBase(Declared):
    """Rows 一 to 三(五) of table 三, common to the 2019 and 2021 formats."""

    NOTE: ClassVar[Label] = APPLICATIONS_NOTE
    ALIASES: ClassVar[tuple[str, ...]] = APPLICATIONS_ALIASES

    new_received: ApplicantCounts = applications_row(
        None,
        "一、本年新收政府信息公开申请数量",
        "I. new applications received this year",
    )
    carried_over: ApplicantCounts = applications_row(
        None,
        "二、上年结转政府信息公开申请数量",
        "II. applications carried over from last year",
    )
    granted: ApplicantCounts = applications_row(
        RESULTS_GROUP,
        "（一）予以公开",
        "(1) disclosed",
    )
    partially_granted: ApplicantCounts = applications_row(
        RESULTS_GROUP,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(2) partly disclosed (an application handled by separation counts here only)",
    )
    denied_state_secret: ApplicantCounts = applications_row(
        _DENIED,
        "1.属于国家秘密",
        "1. state secret",
    )
    denied_law_prohibited: ApplicantCounts = applications_row(
        _DENIED,
        "2.其他法律行政法规禁止公开",
        "2. disclosure forbidden by other laws or administrative regulations",
    )
    denied_security_stability: ApplicantCounts = applications_row(
        _DENIED,
        "3.危及“三安全一稳定”",
        "3. endangers the three securities and social stability",
    )
    denied_third_party: ApplicantCounts = applications_row(
        _DENIED,
        "4.保护第三方合法权益",
        "4. protects lawful rights of third parties",
    )
    denied_internal_affairs: ApplicantCounts = applications_row(
        _DENIED,
        "5.属于三类内部事务信息",
        "5. internal-affairs information (three kinds)",
    )
    denied_process_info: ApplicantCounts = applications_row(
        _DENIED,
        "6.属于四类过程性信息",
        "6. process information (four kinds)",
    )
    denied_enforcement_file: ApplicantCounts = applications_row(
        _DENIED,
        "7.属于行政执法案卷",
        "7. administrative enforcement case file",
    )
    denied_admin_query: ApplicantCounts = applications_row(
        _DENIED,
        "8.属于行政查询事项",
        "8. matter of administrative inquiry",
    )
    unable_not_held: ApplicantCounts = applications_row(
        _UNABLE,
        "1.本机关不掌握相关政府信息",
        "1. this organ does not hold the information",
    )
    unable_needs_creation: ApplicantCounts = applications_row(
        _UNABLE,
        "2.没有现成信息需要另行制作",
        "2. no ready information; would have to be produced",
    )
    unable_unclear: ApplicantCounts = applications_row(
        _UNABLE,
        "3.补正后申请内容仍不明确",
        "3. request still unclear after correction",
    )
    not_processed_petition: ApplicantCounts = applications_row(
        _NOT_PROCESSED,
        "1.信访举报投诉类申请",
        "1. petition, report or complaint",
    )
    not_processed_duplicate: ApplicantCounts = applications_row(
        _NOT_PROCESSED,
        "2.重复申请",
        "2. repeated application",
    )
    not_processed_publication: ApplicantCounts = applications_row(
        _NOT_PROCESSED,
        "3.要求提供公开出版物",
        "3. request for a published publication",
    )
    not_processed_excessive: ApplicantCounts = applications_row(
        _NOT_PROCESSED,
        "4.无正当理由大量反复申请",
        "4. many repeated applications without good reason",
    )
    not_processed_confirm_reissue: ApplicantCounts = applications_row(
        _NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
        "5. request to confirm or re-issue information already obtained",
    )

    @property
    def denied_total(self) -> ApplicantCounts:
        """（三）不予公开 in total, per column (the form prints no such row)."""
        return group_total(self, _DENIED, ApplicantCounts)

    @property
    def unable_total(self) -> ApplicantCounts:
        """（四）无法提供 in total, per column (the form prints no such row)."""
        return group_total(self, _UNABLE, ApplicantCounts)

    @property
    def not_processed_total(self) -> ApplicantCounts:
        """（五）不予处理 in total, per column (the form prints no such row)."""
        return group_total(self, _NOT_PROCESSED, ApplicantCounts)


@frozen(kw_only=True)
class CaseOutcomes(Declared):
    """One block of table 四: outcomes of administrative reconsiderations or lawsuits."""

    upheld: int | None = cell("结果维持", "upheld")
    corrected: int | None = cell("结果纠正", "corrected")
    other: int | None = cell("其他结果", "other outcome")
    pending: int | None = cell("尚未审结", "pending")
    total: int | None = cell("总计", "total")

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        sums("R-05", "total", ("upheld", "corrected", "other", "pending")),
    )


_LITIGATION = group("litigation", "行政诉讼", "administrative litigation", code="行政诉讼·")


@frozen(kw_only=True)
class ReviewsLitigation(Declared):
    """Table 四、政府信息公开行政复议、行政诉讼情况 (the same in 2019 and 2021).

    The form prints it as one row of 15 cells: 行政复议 | 行政诉讼 › 未经复议直接起诉 /
    复议后起诉, each block 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计.
    """

    LAYOUT: ClassVar[Layout] = Layout.ONE_ROW
    ALIASES: ClassVar[tuple[str, ...]] = REVIEWS_ALIASES

    review: CaseOutcomes = row(CaseOutcomes, "行政复议", "administrative reconsideration")
    litigation_direct: CaseOutcomes = row(
        CaseOutcomes,
        "未经复议直接起诉",
        "lawsuits filed directly, without reconsideration",
        group=_LITIGATION,
    )
    litigation_after_review: CaseOutcomes = row(
        CaseOutcomes,
        "复议后起诉",
        "lawsuits filed after reconsideration",
        group=_LITIGATION,
    )

    @property
    def litigation(self) -> CaseOutcomes:
        """All lawsuits (both blocks), per column; the form prints no such block."""
        return group_total(self, _LITIGATION, CaseOutcomes)


#: Outcome rows （一） to （五） of table 三, common to both formats, in form order.
OUTCOME_ROWS = (
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_law_prohibited",
    "denied_security_stability",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_file",
    "denied_admin_query",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirm_reissue",
)


def table3_identities(other_rows: tuple[str, ...]) -> tuple[Identity, ...]:
    """The identities of table 三, given the format's rows of （六）其他处理."""
    return (
        # the form's own 勾稽关系 note, 第一项加第二项之和，等于第三项加第四项之和.
        Identity(
            "R-01",
            ("new_received", "carried_over"),
            Relation.EQUAL,
            ("results_total", "carried_forward"),
        ),
        # （七）总计 is the sum of the outcome rows (one outcome per application).
        sums("R-03", "results_total", OUTCOME_ROWS + other_rows),
        # what is carried forward cannot exceed this year's workload.
        Identity("R-07", ("carried_forward",), Relation.AT_MOST, ("new_received", "carried_over")),
    )


_LIT = "reviews.litigation_direct.{0} reviews.litigation_after_review.{0}"


def _rows_sum(rows: tuple[str, ...]) -> str:
    """The totals of table 三's ``rows``, as the cells of one figure."""
    return " ".join(f"applications.{key}.total" for key in rows)


def prose_words(other_rows: tuple[str, ...]) -> tuple[ProseWords, ...]:
    """The words that name cells of table 三 and 四 in the prose of a 2019/2021 report, given
    the format's rows of （六）其他处理. Order matters: the first that matches wins."""
    forward = r"(?:结转|顺延|转入|转)(?:到|至)?下(?:一)?年"
    return (
        words("applications.carried_over.total", r"上年(?:度)?结转|结转上(?:一)?年"),
        words("applications.carried_forward.total", forward),
        words("applications.carried_forward.total", r"\A(?:另有|尚有)?\Z", forward),
        words(
            "applications.granted.total applications.partially_granted.total",
            r"予以公开(?:及|和|与|、|或)部分公开",
        ),
        words(_rows_sum(rows_in_group(ApplicationsBase, _DENIED)), r"不予公开"),
        words(_rows_sum(rows_in_group(ApplicationsBase, _UNABLE)), r"无法提供"),
        words(_rows_sum(rows_in_group(ApplicationsBase, _NOT_PROCESSED)), r"不予处理"),
        words(_rows_sum(other_rows), r"\A(?:其他处理|其他情形处理)\Z"),
        words("applications.partially_granted.total", r"部分公开"),
        words("applications.granted.total", r"予以公开|同意公开"),
        words(
            "applications.new_received.total",
            r"(?:受理|收到|新收|接到|接收)[^,，]{0,14}?申请(?!投诉|举报)",
        ),
        words(
            "applications.results_total.total",
            r"\A(?:已|共|均|全部|依法)?(?:答复|办结)(?:申请)?\Z",
        ),
        words("reviews.review.upheld", r"维持", subject="review"),
        words("reviews.review.corrected", r"纠正|纠错", subject="review"),
        words("reviews.review.other", r"其他(?:结果|情形)", subject="review"),
        words("reviews.review.pending", r"尚未审结|未审结", subject="review"),
        words(_LIT.format("upheld"), r"维持|驳回", subject="litigation"),
        words(_LIT.format("corrected"), r"纠正|纠错", subject="litigation"),
        words(_LIT.format("other"), r"其他(?:结果|情形)", subject="litigation"),
        words(_LIT.format("pending"), r"尚未审结|未审结", subject="litigation"),
        words("reviews.review.total", rf"行政复议(?:案件?|申请)?{_COUNT_WORDS}\Z"),
        words(_LIT.format("total"), rf"行政诉讼(?:案件?)?{_COUNT_WORDS}\Z"),
    )


_COUNT_WORDS = r"(?:共|数量|总数|数)?(?:为|有|达)?"


def document_words(columns: tuple[tuple[str, str], ...]) -> tuple[ProseWords, ...]:
    """The words that name the columns of table 二's rows 规章 and 规范性文件: for each column,
    the words (a pattern) that come before 规章 or 规范性文件, at most ten characters apart."""
    return tuple(
        words(f"active.{key}.{column}", rf"{before}[^,，]{{0,10}}{noun}")
        for key, noun in (("regulations", "规章"), ("normative_documents", "规范性文件"))
        for column, before in columns
    )
