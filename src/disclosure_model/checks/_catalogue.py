"""The rule catalogue: every rule's code, severity, formats, source, title and message.

This is data. The docs page listing the rules is generated from it, and the evaluators
look up a rule's texts here by code, so a rule's wording lives in one place.
"""

from __future__ import annotations

import enum

from attrs import frozen

from disclosure_model.checks._findings import Severity
from disclosure_model.formats import Label, ReportFormat
from disclosure_model.formats._rules import paths_read

__all__ = ["RULES", "Rule", "RuleKind", "RuleSource", "rule", "rules"]


class RuleKind(enum.Enum):
    """What a rule compares."""

    SUM = "sum"  # a total equals its parts
    BALANCE = "balance"  # new + carried over = results + carried forward
    BOUND = "bound"  # one sum is at most (or at least) another
    PART = "part"  # a "其中" cell is at most its parent
    CLAIM = "claim"  # a figure or percentage stated in the text against what it is about
    CONTINUITY = "continuity"  # this year against last year
    FORMAT = "format"  # the format against the year
    DEADLINE = "deadline"  # the publication date against the legal deadline
    SECTIONS = "sections"  # the six sections of the format are there
    PLAUSIBILITY = "plausibility"  # what the forms do not forbid but is most likely wrong


class RuleSource(enum.Enum):
    """Where a rule comes from."""

    #: The form itself (its 勾稽关系 note, its units) or the law (条例 art. 49).
    FORM = "form"
    #: Follows from the definitions of the form's rows and columns.
    DERIVED = "derived"
    #: Not required by anything, but what a correct report looks like.
    PLAUSIBILITY = "plausibility"


_ALL = frozenset(ReportFormat)
_NEW = frozenset({ReportFormat.GOV_2019, ReportFormat.GOV_2021})
_2019 = frozenset({ReportFormat.GOV_2019})
_2021 = frozenset({ReportFormat.GOV_2021})
_LEGACY = frozenset({ReportFormat.LEGACY})

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@frozen(kw_only=True)
class Rule:
    """One rule of the catalogue.

    ``template`` holds the message with ``{placeholders}`` the evaluator fills in;
    ``reads`` names the cells the rule reads (catalogue paths, ``*`` for every row or column),
    derived from the rule's places where the formats declare them.
    """

    code: str
    severity: Severity
    kind: RuleKind
    source: RuleSource
    formats: frozenset[ReportFormat]
    title: Label
    template: Label
    reads: tuple[str, ...] = ()
    needs_previous: bool = False


def _r(  # noqa: PLR0917 - the catalogue below reads as a table of positional rows
    code: str,
    severity: Severity,
    kind: RuleKind,
    source: RuleSource,
    formats: frozenset[ReportFormat],
    title: tuple[str, str],
    template: tuple[str, str],
    reads: tuple[str, ...] = (),
    *,
    needs_previous: bool = False,
) -> Rule:
    # A rule with places in formats/ reads what they read; the others say what they read.
    derived = paths_read(code)
    return Rule(
        code=code,
        severity=severity,
        kind=kind,
        source=source,
        formats=formats,
        title=Label(*title),
        template=Label(*template),
        reads=derived if derived is not None else reads,
        needs_previous=needs_previous,
    )


_SUM_MSG = (
    "{where}：{left_label}为 {left}，{right_label}之和为 {right}，二者应相等。",
    "{where}: {left_label} is {left}, but {right_label} add up to {right}; they should be equal.",
)
_AT_MOST_MSG = (
    "{where}：{left_label}为 {left}，不应超过{right_label}（{right}）。",
    "{where}: {left_label} is {left}, more than {right_label} ({right}).",
)
_AT_LEAST_MSG = (
    "{where}：{left_label}为 {left}，不应少于{right_label}（{right}）。",
    "{where}: {left_label} is {left}, less than {right_label} ({right}).",
)

RULES: tuple[Rule, ...] = (
    # --- table 三 and 四 of the 2019 and 2021 formats ------------------------------------
    _r(
        "R-01",
        ERR,
        RuleKind.BALANCE,
        RuleSource.FORM,
        _NEW,
        ("新收加结转等于办理结果加结转下年度", "column balance of the applications table"),
        (
            "{where}：第一项加第二项（本年新收、上年结转）之和为 {left}，"
            "第三项加第四项（（七）总计、结转下年度继续办理）之和为 {right}，"
            "不符合表格的勾稽关系。",
            "{where}: new plus carried-over applications make {left}, but results plus "
            "carried-forward make {right}; the form says the two are equal.",
        ),
    ),
    _r(
        "R-02",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _NEW,
        ("总计列等于各类申请人之和", "the total column is the sum of the applicant columns"),
        _SUM_MSG,
    ),
    _r(
        "R-03",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _NEW,
        ("（七）总计等于各项办理结果之和", "(7) total is the sum of the outcome rows"),
        _SUM_MSG,
    ),
    _r(
        "R-05",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _NEW,
        ("行政复议、行政诉讼各栏总计等于其结果之和", "each review and lawsuit block adds up"),
        _SUM_MSG,
    ),
    _r(
        "R-06",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _NEW,
        ("上年结转等于上一年度报告的结转下年度", "carried over equals last year's carried forward"),
        (
            "{where}：上年结转为 {actual}，上一年度报告的结转下年度继续办理为 {expected}。",
            "{where}: {actual} carried over, but last year's report carried {expected} forward.",
        ),
        needs_previous=True,
    ),
    _r(
        "R-07",
        ERR,
        RuleKind.BOUND,
        RuleSource.DERIVED,
        _NEW,
        ("结转下年度不超过本年工作量", "carried forward does not exceed the year's workload"),
        _AT_MOST_MSG,
    ),
    _r(
        "R-08",
        ERR,
        RuleKind.CLAIM,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("正文陈述的数字与表格一致", "figures stated in the text agree with the tables"),
        (
            "“{text}”：正文陈述为 {stated}，按表格计算为 {computed}。",
            "“{text}”: the text states {stated}, the tables give {computed}.",
        ),
    ),
    _r(
        "R-09",
        WARN,
        RuleKind.FORMAT,
        RuleSource.FORM,
        _ALL,
        ("统计表格式与报告年度相符", "the statistics format fits the report year"),
        (
            "{year}年度报告应使用{expected}，实际为{actual}。",
            "a report for {year} should use the {expected}, not the {actual}.",
        ),
    ),
    _r(
        "R-10",
        WARN,
        RuleKind.DEADLINE,
        RuleSource.FORM,
        _ALL,
        ("按时发布年度报告", "the report was published by its deadline"),
        (
            "报告发布于 {actual}，晚于{organ}的法定期限 {expected}。",
            "published on {actual}, after the deadline for {organ} of {expected}.",
        ),
    ),
    _r(
        "R-11",
        WARN,
        RuleKind.SECTIONS,
        RuleSource.FORM,
        _NEW,
        ("报告包含格式规定的六个部分", "the report has the six sections of the format"),
        ("报告缺少“{expected}”部分。", "the report lacks the section “{expected}”."),
    ),
    _r(
        "R-12",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _NEW,
        ("复议后起诉不超过两年复议总数", "lawsuits after review do not exceed two years' reviews"),
        (
            "复议后起诉 {actual} 件，多于本年与上年行政复议之和 {expected} 件。",
            "{actual} lawsuits after review, more than this and last year's {expected} reviews.",
        ),
        needs_previous=True,
    ),
    # --- 2021 only -------------------------------------------------------------------------
    _r(
        "R-21-01",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _2021,
        ("现行有效件数与上年及本年制发、废止相衔接", "documents in force follow from last year's"),
        (
            "{where}：现行有效 {actual} 件，按上年 {previous} 件加本年制发减本年废止应为 "
            "{expected} 件。",
            "{where}: {actual} in force, but last year's {previous} plus issued minus repealed "
            "gives {expected}.",
        ),
        needs_previous=True,
    ),
    _r(
        "R-21-02",
        WARN,
        RuleKind.BOUND,
        RuleSource.DERIVED,
        _2021,
        ("本年制发件数不超过现行有效与废止之和", "issued this year are in force or repealed"),
        _AT_MOST_MSG,
    ),
    _r(
        "R-21-03",
        WARN,
        RuleKind.PLAUSIBILITY,
        RuleSource.FORM,
        _2021,
        ("行政事业性收费金额以万元填报", "administrative fees are stated in 万元"),
        (
            "行政事业性收费金额为 {actual}，表格要求以万元填报。",
            "the administrative fee amount is {actual}; the form asks for 万元.",
        ),
    ),
    _r(
        "R-21-04",
        WARN,
        RuleKind.PLAUSIBILITY,
        RuleSource.PLAUSIBILITY,
        _2021,
        ("逾期未缴费时说明信息处理费", "unpaid-fee outcomes come with a word on fees"),
        (
            "有 {actual} 件申请因逾期未缴纳信息处理费而不再处理，"
            "但“其他需要报告的事项”未提及信息处理费。",
            "{actual} applications ended for unpaid processing fees, but section 六 does not "
            "mention the information-processing fee (信息处理费).",
        ),
        ("applications.other_unpaid_fee.total",),
    ),
    _r(
        "R-21-05",
        WARN,
        RuleKind.PLAUSIBILITY,
        RuleSource.PLAUSIBILITY,
        _NEW,
        ("无规章制定权的机关不填报规章", "organs without rule-making power report no 规章"),
        (
            "{where}为 {actual}，但{organ}没有规章制定权。",
            "{where} is {actual}, but {organ} has no power to make government rules (规章).",
        ),
    ),
    _r(
        "R-21-06",
        ERR,
        RuleKind.FORMAT,
        RuleSource.FORM,
        _2021,
        ("2021年以前无逾期未缴费办理结果", "no unpaid-fee outcome before the fee regime"),
        (
            "{year}年度报告填报了逾期未缴费 {actual} 件，而信息处理费自2021年起收取。",
            "a report for {year} gives {actual} unpaid-fee outcomes; processing fees exist "
            "only from 2021.",
        ),
        ("applications.other_unpaid_fee.total",),
    ),
    # --- 2019 only -------------------------------------------------------------------------
    _r(
        "R-19-01",
        WARN,
        RuleKind.BOUND,
        RuleSource.DERIVED,
        _2019,
        ("本年新公开数量不超过对外公开总数量", "newly published are part of all published"),
        _AT_MOST_MSG,
    ),
    _r(
        "R-19-02",
        ERR,
        RuleKind.BOUND,
        RuleSource.DERIVED,
        _2019,
        ("项目数量增减后不为负数", "item counts stay non-negative after the change"),
        _AT_LEAST_MSG,
    ),
    _r(
        "R-19-03",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _2019,
        ("上一年项目数量与上年报告相衔接", "last year's item count follows last year's report"),
        (
            "{where}：上一年项目数量为 {actual}，按上年报告应为 {expected}。",
            "{where}: {actual} item types last year, but last year's report gives {expected}.",
        ),
        needs_previous=True,
    ),
    _r(
        "R-19-04",
        WARN,
        RuleKind.PLAUSIBILITY,
        RuleSource.PLAUSIBILITY,
        _2019,
        ("采购总金额注明单位", "the procurement amount states its unit"),
        (
            "采购总金额 {actual} 未注明是元还是万元。",
            "the procurement amount {actual} does not say whether it is yuan or 万元.",
        ),
    ),
    # --- legacy table ----------------------------------------------------------------------
    _r(
        "P-01",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _LEGACY,
        ("收到申请数等于各渠道申请数之和", "applications received add up by channel"),
        _SUM_MSG,
    ),
    _r(
        "P-02",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _LEGACY,
        ("申请办结数等于按时与延期办结之和", "completions are on time or extended"),
        _SUM_MSG,
    ),
    _r(
        "P-03",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _LEGACY,
        ("申请答复数等于各类答复之和", "answers add up by kind"),
        _SUM_MSG,
    ),
    _r(
        "P-04",
        ERR,
        RuleKind.BOUND,
        RuleSource.DERIVED,
        _LEGACY,
        ("不同意公开的理由不超过不同意公开答复数", "refusal reasons within refusals"),
        _AT_MOST_MSG,
    ),
    _r(
        "P-05",
        WARN,
        RuleKind.SUM,
        RuleSource.PLAUSIBILITY,
        _LEGACY,
        ("不同意公开答复数等于各项理由之和", "refusals add up by reason"),
        _SUM_MSG,
    ),
    _r(
        "P-06",
        ERR,
        RuleKind.PART,
        RuleSource.DERIVED,
        _LEGACY,
        ("“其中”项不超过其所属项", "a part (其中) is at most its whole"),
        _AT_MOST_MSG,
    ),
    _r(
        "P-07",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _LEGACY,
        ("工作人员数等于专职与兼职之和", "staff are full-time or part-time"),
        _SUM_MSG,
    ),
    _r(
        "P-08",
        ERR,
        RuleKind.SUM,
        RuleSource.DERIVED,
        _LEGACY,
        ("复议、诉讼、举报投诉数等于各情形之和", "reviews, lawsuits and complaints add up"),
        _SUM_MSG,
    ),
    _r(
        "P-09",
        WARN,
        RuleKind.BOUND,
        RuleSource.FORM,
        _LEGACY,
        ("各渠道公开数之和不少于主动公开总数", "channels together carry every item"),
        _AT_LEAST_MSG,
    ),
    _r(
        "P-10",
        WARN,
        RuleKind.BOUND,
        RuleSource.PLAUSIBILITY,
        _LEGACY,
        ("主动公开规范性文件数不超过制发数", "normative documents disclosed were issued"),
        _AT_MOST_MSG,
    ),
    _r(
        "P-11",
        WARN,
        RuleKind.SUM,
        RuleSource.PLAUSIBILITY,
        _LEGACY,
        ("申请答复数等于申请办结数", "answers equal completions"),
        _SUM_MSG,
    ),
    _r(
        "P-12",
        WARN,
        RuleKind.BOUND,
        RuleSource.PLAUSIBILITY,
        _LEGACY,
        ("申请办结数不超过收到申请数", "completions do not exceed receipts"),
        _AT_MOST_MSG,
    ),
    _r(
        "P-13",
        WARN,
        RuleKind.PLAUSIBILITY,
        RuleSource.FORM,
        _LEGACY,
        ("费用与经费以万元填报", "fees and budgets are stated in 万元"),
        (
            "{where}为 {actual}，表格要求以万元填报。",
            "{where} is {actual}; the form asks for 万元.",
        ),
    ),
    _r(
        "P-14",
        WARN,
        RuleKind.BOUND,
        RuleSource.PLAUSIBILITY,
        _LEGACY,
        ("接受培训人次不少于培训班数", "trainees are at least the courses held"),
        _AT_LEAST_MSG,
    ),
    # --- stated figures --------------------------------------------------------------------
    _r(
        "C-01",
        WARN,
        RuleKind.CLAIM,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("正文陈述的数字彼此一致", "figures stated in the text agree with each other"),
        (
            "“{text}”：正文陈述为 {stated}，按正文其他数字计算为 {computed}。",
            "“{text}”: the text states {stated}, its other figures give {computed}.",
        ),
    ),
    _r(
        "C-02",
        INFO,
        RuleKind.CLAIM,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("百分比为截断而非四舍五入", "a percentage truncated, not rounded"),
        (
            "“{text}”：{stated} 是 {computed} 截断所得，四舍五入应为 {rounded}。",
            "“{text}”: {stated} is {computed} truncated; rounded it would be {rounded}.",
        ),
    ),
    _r(
        "C-03",
        WARN,
        RuleKind.CLAIM,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("百分比可由整数件数得出", "a percentage fits some whole number of cases"),
        (
            "“{text}”：{denominator} 的任何整数部分都不等于 {stated}%。",
            "“{text}”: no whole number out of {denominator} is {stated}%.",
        ),
    ),
    _r(
        "C-04",
        WARN,
        RuleKind.CLAIM,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("正文陈述的各部分之和不超过整体", "stated parts of one whole do not exceed it"),
        (
            "“{texts}”：正文所述各部分合计至少为 {parts}，超过其整体 {whole}。",
            "“{texts}”: the parts the text states add up to at least {parts}, "
            "more than their whole, {whole}.",
        ),
    ),
    # --- two reports -----------------------------------------------------------------------
    _r(
        "X-01",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("上年报告为同一机关", "last year's report is the same organ's"),
        (
            "上年报告的机关为“{expected}”，本报告为“{actual}”，未作跨年核对。",
            "last year's report is by “{expected}”, this one by “{actual}”; years not compared.",
        ),
        needs_previous=True,
    ),
    _r(
        "X-02",
        WARN,
        RuleKind.CONTINUITY,
        RuleSource.PLAUSIBILITY,
        _ALL,
        ("上年报告为上一年度", "last year's report is for the year before"),
        (
            "上年报告为 {expected} 年度，本报告为 {actual} 年度，未作跨年核对。",
            "the earlier report is for {expected}, this one for {actual}; years not compared.",
        ),
        needs_previous=True,
    ),
)

_BY_CODE = {r.code: r for r in RULES}


def rule(code: str) -> Rule:
    """The rule with this code."""
    return _BY_CODE[code]


def rules(fmt: ReportFormat | str | None = None) -> tuple[Rule, ...]:
    """The rule catalogue, or the rules that apply to one format."""
    if fmt is None:
        return RULES
    wanted = ReportFormat(fmt)
    return tuple(r for r in RULES if wanted in r.formats)
