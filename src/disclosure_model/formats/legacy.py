"""The 2014–2018 national statistics table 《政府信息公开情况统计表》 (国办发〔2014〕32号).

Only the first rows of this table and its nine-part structure are verified against
published copies; the remaining rows follow reports of those years. Every field is optional
(``None`` = not stated), since many reports give the figures only in prose and some attach
the table as an image. Figures a report gives only for several cells together are kept as
:class:`CombinedFigure` instead of being split.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import field, frozen

from disclosure_model.errors import Problem, ProblemKind, ValidationError, shown
from disclosure_model.formats._declare import (
    SPEC,
    CellSpec,
    Group,
    Identity,
    Label,
    ProseWords,
    Relation,
    ReportFormat,
    StatisticsBase,
    TableSpec,
    cell,
    group,
    sums,
    words,
)
from disclosure_model.formats._form import DEADLINE_2007, Deadline, SectionSpec
from disclosure_model.formats._shared import SECTIONS as NEW_SECTIONS
from disclosure_model.values import MAX_COUNT, Amount, CellKind, Unit, count_problem

__all__ = ["CombinedFigure", "LegacyStatistics"]

_G1 = group("proactive", "一、主动公开情况", "I. proactive disclosure")
_G1_2 = group(
    "proactive_channels", "（二）通过不同渠道和方式公开政府信息的情况", "(2) by channel", parent=_G1
)
_G2 = group("responses", "二、回应解读情况", "II. responses and interpretation")
_G2_2 = group(
    "response_channels", "（二）通过不同渠道和方式回应解读的情况", "(2) by channel", parent=_G2
)
_G3 = group("applications", "三、依申请公开情况", "III. disclosure on application")
_G8 = group("bodies", "八、机构建设和保障经费情况", "VIII. bodies, staff and funding")
_G9 = group("meetings", "九、政府信息公开会议和培训情况", "IX. meetings and training")

#: The parts of a report under the 2007 条例 art. 32, as most 2008–2018 reports title them.
SECTIONS = (
    SectionSpec("overview", Label("一、概述", "I. overview"), ("概述", "总体", "基本情况")),
    NEW_SECTIONS[1],  # 二、主动公开政府信息情况: the same heading as in the new formats
    SectionSpec(
        "applications",
        Label("三、依申请公开政府信息情况", "III. disclosure on application"),
        ("依申请", "依申請"),
    ),
    SectionSpec(
        "fees",
        Label("四、政府信息公开的收费及减免情况", "IV. fees and waivers"),
        ("收费", "收費"),
    ),
    SectionSpec(
        "review_litigation",
        Label(
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "V. reconsideration and litigation",
        ),
        ("行政复议", "行政诉讼", "行政復議"),
    ),
    SectionSpec(
        "problems",
        Label("六、存在的主要问题和改进措施", "VI. main problems and improvements"),
        ("问题", "問題"),
    ),
)

_P = Unit.PIECE
_E = Unit.ENTRY
_T = Unit.TIMES
_A = Unit.ARTICLE
_B = Unit.BODY
_M = Unit.PERSON
_MT = Unit.PERSON_TIME
_W = Unit.WAN_YUAN
_REFUSED_REASONS = (
    "refused_state_secret",
    "refused_commercial_secret",
    "refused_privacy",
    "refused_security_stability",
    "refused_not_gov_info",
    "refused_other_legal",
)


def _indicator(
    grp: Group | None, unit: Unit, parent: str | None, zh: str, en: str, *, code: str | None = None
) -> Any:
    """Declare an indicator, always in this order (so that the declarations read as a table):
    the group it prints under, its unit, for a part (``其中`` or a numbered item under a
    total) the indicator it is part of, its label and English label, and its official code
    where the numbering does not give one.

    Every indicator is a count but the two amounts in 万元, which are money.
    """
    kind = CellKind.MONEY if unit is Unit.WAN_YUAN else CellKind.COUNT
    return cell(zh, en, code=code, kind=kind, unit=unit, group=grp, parent=parent)


#: The words of a legacy report's prose that name its indicators. Order matters: the first
#: that matches wins, so narrower words come first.
_PROSE_WORDS = (
    words("reply_already_public", r"属于已主动公开|已主动公开(?:范围)?"),
    words("reply_partially_granted", r"同意部分公开|部分公开"),
    words("reply_refused", r"不予公开|不同意公开"),
    words("reply_granted", r"同意公开|予以公开"),
    words("reply_not_exist", r"信息不存在|不存在"),
    words("reply_not_this_organ", r"非本(?:行政)?机关|不属于本(?:行政)?机关"),
    words("reply_ask_amend", r"内容不明确|更改补充|补正"),
    words("reply_other_channel", r"其他途径"),
    words("applications_replied", r"答复", r"申请"),
    words("applications_replied", r"申请答复|答复(?:信息公开|政府信息公开)?申请"),
    words("received_in_person", r"当面申请|现场申请"),
    words("received_online", r"网上申请|网络申请|在线申请|电子邮件申请"),
    words("received_letter", r"信函申请|邮寄申请"),
    words("received_fax", r"传真申请"),
    words("completed_on_time", r"按时办结"),
    words("completed_extended", r"延期办结"),
    words(
        "applications_completed", r"申请[^,，]{0,10}办结|办结[^,，]{0,6}申请|\A(?:已|共|均)?办结\Z"
    ),
    words("applications_received", r"(?:受理|收到|接到|接收)[^,，]{0,12}?申请"),
    words("review_upheld", r"维持", subject="review"),
    words("review_corrected", r"纠错|纠正", subject="review"),
    words("review_other", r"其他情形|其他结果", subject="review"),
    words("litigation_upheld", r"维持|驳回", subject="litigation"),
    words("litigation_corrected", r"纠错|纠正", subject="litigation"),
    words("litigation_other", r"其他情形|其他结果", subject="litigation"),
    words("complaints_upheld", r"维持", subject="complaints"),
    words("complaints_corrected", r"纠错|纠正", subject="complaints"),
    words("complaints_other", r"其他情形|其他结果", subject="complaints"),
    words("review_total", r"行政复议(?:案件?|申请)?(?:共|数量|总数|数)?(?:为|有|达)?\Z"),
    words("litigation_total", r"行政诉讼(?:案件?)?(?:共|数量|总数|数)?(?:为|有|达)?\Z"),
    words(
        "complaints_total", r"(?:举报投诉|投诉举报|举报|投诉)(?:件|案件)?(?:共|数量)?(?:为|有)?\Z"
    ),
    words("weibo_weixin_responses", r"微博微信回应|微博、微信回应"),
    words("other_responses", r"其他方式回应"),
    words("responses_total", r"回应(?:公众)?关注热点|回应[^,，]{0,8}舆情"),
    words("press_conferences_principal", r"主要负责(?:同志|人)[^,，]{0,6}新闻发布会"),
    words("press_conferences", r"新闻发布会"),
    words("online_interviews_principal", r"主要负责(?:同志|人)[^,，]{0,8}在线访谈"),
    words("online_interviews", r"在线访谈"),
    words("policy_interpretations", r"政策解读(?:稿件?|材料|文章)?"),
    words("proactive_normative_docs", r"主动公开(?:的)?规范性文件"),
    words("normative_docs_issued_total", r"制发(?:的)?规范性文件|规范性文件[^,，]{0,4}制发"),
    words("channel_weibo channel_weixin", r"微博(?:和|及|、|与)?微信公开"),
    words("channel_weibo", r"微博公开"),
    words("channel_weixin", r"微信公开"),
    words("channel_gazette", r"(?:政府)?公报公开|公报刊登|公报刊发"),
    words("channel_website", r"(?:政府)?网站公开|网站发布"),
    words("channel_other", r"其他方式公开"),
    words("proactive_total", r"主动公开(?:各类)?(?:政府)?信息"),
    words("meetings training_sessions", r"会议(?:及|和|与|、)(?:业务)?培训"),
    words("training_sessions", r"培训班|举办[^,，]{0,8}培训"),
    words("meetings", r"(?:政府信息公开|政务公开)(?:工作)?(?:会议|专题会)"),
    words("trainees", r"(?:接受|参加)培训(?:人员|的人员)?|培训(?:人员|人数)|参训"),
    words("dedicated_bodies", r"(?:工作|专门)机构"),
    words("reading_points", r"查阅点|查阅场所|查阅室"),
    words("staff_full_time", r"专职(?:工作)?人员"),
    words("staff_part_time", r"兼职(?:工作)?人员"),
    words("staff_total", r"从事[^,，]{0,16}工作(?:的)?(?:人员)?"),
    words("special_budget", r"专项经费"),
    words("fees_collected", r"收取[^,，]{0,12}费"),
)

#: Statements in words that there were none ("没有收到…举报投诉"): indicator and pattern.
_NONE_WORDS = (
    ("complaints_total", r"(?:没有|未|无)(?:收到|发生|接到)[^。；;，,]{0,30}(?:举报|投诉)"),
    ("review_total", r"(?:没有|未|无)(?:收到|发生)[^。；;，,]{0,30}行政复议"),
    ("litigation_total", r"(?:没有|未|无)(?:收到|发生)[^。；;，,]{0,30}行政诉讼"),
    ("fees_collected", r"(?:没有|未)[^。；;]{0,30}收取[^。；;]{0,30}费"),
)


@frozen(kw_only=True)
class CombinedFigure:
    """A figure a report states for several cells together, without the split.

    The 保山 2018 report, for example, gives 政务微博 and 政务微信 together
    ("微博微信公开信息32132条"): ``CombinedFigure(cells=("channel_weibo", "channel_weixin"),
    value=32132)``. The cells themselves stay ``None`` unless the report states them too.
    """

    cells: tuple[str, ...]
    value: int


def _check_combined(combined: object) -> list[Problem]:
    """The combined figures are well formed and name counts of one unit."""
    if not isinstance(combined, tuple):
        return [Problem("$.combined", f"expected a tuple, got {type(combined).__name__}")]
    specs = LegacyStatistics.cell_specs()
    problems: list[Problem] = []
    for i, c in enumerate(combined):
        at = f"$.combined[{i}]"
        if not isinstance(c, CombinedFigure):
            problems.append(
                Problem(at, f"expected a CombinedFigure, got {shown(c)}", ProblemKind.CLASS_TYPE)
            )
            continue
        cells: object = c.cells
        if type(c.value) is not int or c.value < 0 or count_problem(c.value) is not None:
            problems.append(
                Problem(
                    f"{at}.value",
                    f"expected a non-negative integer up to {MAX_COUNT:,}, got {shown(c.value)}",
                    ProblemKind.INT_TYPE if type(c.value) is not int else ProblemKind.OUT_OF_RANGE,
                    f"应为不超过 {MAX_COUNT:,} 的非负整数，实际为 {shown(c.value)}",
                )
            )
        if not isinstance(cells, tuple):
            problems.append(
                Problem(
                    f"{at}.cells", f"expected a tuple, got {shown(cells)}", ProblemKind.CLASS_TYPE
                )
            )
            continue
        if len(cells) < 2 or len(set(cells)) != len(cells):
            problems.append(Problem(f"{at}.cells", "needs two or more distinct cells"))
        units = set()
        for j, key in enumerate(cells):
            spec = specs.get(key) if isinstance(key, str) else None
            if spec is None:
                problems.append(
                    Problem(
                        f"{at}.cells[{j}]",
                        f"unknown legacy cell {shown(key)}",
                        ProblemKind.REFERENCE,
                    )
                )
            elif spec.kind is not CellKind.COUNT:
                problems.append(
                    Problem(
                        f"{at}.cells[{j}]", f"{shown(key)} is not a count", ProblemKind.INCONSISTENT
                    )
                )
            else:
                units.add(spec.unit)
        if len(units) > 1:
            problems.append(Problem(f"{at}.cells", "cells counted in different units"))
    return problems


@frozen(kw_only=True)
class LegacyStatistics(StatisticsBase):
    """The legacy statistics table: one value (统计数) per indicator (统计指标)."""

    FORMAT: ClassVar[ReportFormat] = ReportFormat.LEGACY
    YEARS: ClassVar[tuple[int, int | None]] = (2014, 2018)
    SECTIONS: ClassVar[tuple[SectionSpec, ...]] = SECTIONS
    DEADLINE: ClassVar[Deadline] = DEADLINE_2007
    TABLE: ClassVar[TableSpec] = TableSpec(
        "统计表",
        Label("政府信息公开情况统计表", "statistics table of government information disclosure"),
    )
    TABLE_KEY: ClassVar[str] = "indicators"
    PROSE_WORDS: ClassVar[tuple[ProseWords, ...]] = _PROSE_WORDS
    #: Statements in words that there were none: indicator and pattern.
    NONE_WORDS: ClassVar[tuple[tuple[str, str], ...]] = _NONE_WORDS

    # The indicators in form order, each written out in the order of _indicator's arguments.
    proactive_total: int | None = _indicator(
        _G1,
        _E,
        None,
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "(1) information disclosed proactively (counted once across channels)",
    )
    proactive_normative_docs: int | None = _indicator(
        _G1,
        _E,
        "proactive_total",
        "其中：主动公开规范性文件数",
        "of which: normative documents disclosed proactively",
    )
    normative_docs_issued_total: int | None = _indicator(
        _G1,
        _P,
        None,
        "制发规范性文件总数",
        "normative documents issued",
        code="一(一)制发",
    )
    channel_gazette: int | None = _indicator(
        _G1_2,
        _E,
        None,
        "1.政府公报公开政府信息数",
        "1. via the government gazette",
    )
    channel_website: int | None = _indicator(
        _G1_2,
        _E,
        None,
        "2.政府网站公开政府信息数",
        "2. via government websites",
    )
    channel_weibo: int | None = _indicator(
        _G1_2,
        _E,
        None,
        "3.政务微博公开政府信息数",
        "3. via government Weibo",
    )
    channel_weixin: int | None = _indicator(
        _G1_2,
        _E,
        None,
        "4.政务微信公开政府信息数",
        "4. via government WeChat",
    )
    channel_other: int | None = _indicator(
        _G1_2,
        _E,
        None,
        "5.其他方式公开政府信息数",
        "5. by other means",
    )
    responses_total: int | None = _indicator(
        _G2,
        _T,
        None,
        "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "(1) public concerns responded to (counted once across channels)",
    )
    press_conferences: int | None = _indicator(
        _G2_2,
        _T,
        None,
        "1.参加或举办新闻发布会总次数",
        "1. press conferences",
    )
    press_conferences_principal: int | None = _indicator(
        _G2_2,
        _T,
        "press_conferences",
        "其中：主要负责同志参加新闻发布会次数",
        "of which: attended by the principal leader",
    )
    online_interviews: int | None = _indicator(
        _G2_2,
        _T,
        None,
        "2.政府网站在线访谈次数",
        "2. online interviews",
    )
    online_interviews_principal: int | None = _indicator(
        _G2_2,
        _T,
        "online_interviews",
        "其中：主要负责同志参加政府网站在线访谈次数",
        "of which: with the principal leader",
    )
    policy_interpretations: int | None = _indicator(
        _G2_2,
        _A,
        None,
        "3.政策解读稿件发布数",
        "3. policy interpretations published",
    )
    weibo_weixin_responses: int | None = _indicator(
        _G2_2,
        _T,
        None,
        "4.微博微信回应事件数",
        "4. responses via Weibo and WeChat",
    )
    other_responses: int | None = _indicator(
        _G2_2,
        _T,
        None,
        "5.其他方式回应事件数",
        "5. responses by other means",
    )
    applications_received: int | None = _indicator(
        _G3,
        _P,
        None,
        "（一）收到申请数",
        "(1) applications received",
    )
    received_in_person: int | None = _indicator(
        _G3,
        _P,
        "applications_received",
        "1.当面申请数",
        "1. in person",
    )
    received_fax: int | None = _indicator(
        _G3,
        _P,
        "applications_received",
        "2.传真申请数",
        "2. by fax",
    )
    received_online: int | None = _indicator(
        _G3,
        _P,
        "applications_received",
        "3.网络申请数",
        "3. online",
    )
    received_letter: int | None = _indicator(
        _G3,
        _P,
        "applications_received",
        "4.信函申请数",
        "4. by letter",
    )
    applications_completed: int | None = _indicator(
        _G3,
        _P,
        None,
        "（二）申请办结数",
        "(2) applications completed",
    )
    completed_on_time: int | None = _indicator(
        _G3,
        _P,
        "applications_completed",
        "1.按时办结数",
        "1. on time",
    )
    completed_extended: int | None = _indicator(
        _G3,
        _P,
        "applications_completed",
        "2.延期办结数",
        "2. after an extension",
    )
    applications_replied: int | None = _indicator(
        _G3,
        _P,
        None,
        "（三）申请答复数",
        "(3) applications answered",
    )
    reply_already_public: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "1.属于已主动公开范围数",
        "1. already disclosed proactively",
    )
    reply_granted: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "2.同意公开答复数",
        "2. disclosure granted",
    )
    reply_partially_granted: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "3.同意部分公开答复数",
        "3. disclosure partly granted",
    )
    reply_refused: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "4.不同意公开答复数",
        "4. disclosure refused",
    )
    refused_state_secret: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "其中：涉及国家秘密",
        "of which: state secret",
        code="三(三)4其中1",
    )
    refused_commercial_secret: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "涉及商业秘密",
        "commercial secret",
        code="三(三)4其中2",
    )
    refused_privacy: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "涉及个人隐私",
        "personal privacy",
        code="三(三)4其中3",
    )
    refused_security_stability: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "endangers national, public or economic security or social stability",
        code="三(三)4其中4",
    )
    refused_not_gov_info: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "不是《条例》所指政府信息",
        "not government information under the Regulations",
        code="三(三)4其中5",
    )
    refused_other_legal: int | None = _indicator(
        _G3,
        _P,
        "reply_refused",
        "法律法规规定的其他情形",
        "other cases under laws and regulations",
        code="三(三)4其中6",
    )
    reply_not_this_organ: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "5.不属于本行政机关公开数",
        "5. not this organ's to disclose",
    )
    reply_not_exist: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "6.申请信息不存在数",
        "6. information does not exist",
    )
    reply_ask_amend: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "7.告知作出更改补充数",
        "7. applicant told to amend or supplement",
    )
    reply_other_channel: int | None = _indicator(
        _G3,
        _P,
        "applications_replied",
        "8.告知通过其他途径办理数",
        "8. applicant told to use another channel",
    )
    review_total: int | None = _indicator(
        None,
        _P,
        None,
        "四、行政复议数量",
        "IV. administrative reconsiderations",
    )
    review_upheld: int | None = _indicator(
        None,
        _P,
        "review_total",
        "（一）维持具体行政行为数",
        "(1) upheld",
    )
    review_corrected: int | None = _indicator(
        None,
        _P,
        "review_total",
        "（二）被依法纠错数",
        "(2) corrected",
    )
    review_other: int | None = _indicator(
        None,
        _P,
        "review_total",
        "（三）其他情形数",
        "(3) other",
    )
    litigation_total: int | None = _indicator(
        None,
        _P,
        None,
        "五、行政诉讼数量",
        "V. administrative lawsuits",
    )
    litigation_upheld: int | None = _indicator(
        None,
        _P,
        "litigation_total",
        "（一）维持具体行政行为或者驳回原告诉讼请求数",
        "(1) upheld or claim dismissed",
    )
    litigation_corrected: int | None = _indicator(
        None,
        _P,
        "litigation_total",
        "（二）被依法纠错数",
        "(2) corrected",
    )
    litigation_other: int | None = _indicator(
        None,
        _P,
        "litigation_total",
        "（三）其他情形数",
        "(3) other",
    )
    complaints_total: int | None = _indicator(
        None,
        _P,
        None,
        "六、举报投诉数量",
        "VI. reports and complaints",
    )
    complaints_upheld: int | None = _indicator(
        None,
        _P,
        "complaints_total",
        "（一）维持具体行政行为数",
        "(1) upheld",
    )
    complaints_corrected: int | None = _indicator(
        None,
        _P,
        "complaints_total",
        "（二）被纠错数",
        "(2) corrected",
    )
    complaints_other: int | None = _indicator(
        None,
        _P,
        "complaints_total",
        "（三）其他情形数",
        "(3) other",
    )
    fees_collected: Amount | None = _indicator(
        None,
        _W,
        None,
        "七、依申请公开信息收取的费用",
        "VII. fees collected for disclosure on application",
    )
    dedicated_bodies: int | None = _indicator(
        _G8,
        _B,
        None,
        "（一）政府信息公开工作专门机构数",
        "(1) dedicated disclosure bodies",
    )
    reading_points: int | None = _indicator(
        _G8,
        _B,
        None,
        "（二）设置政府信息公开查阅点数",
        "(2) public reading points",
    )
    staff_total: int | None = _indicator(
        _G8,
        _M,
        None,
        "（三）从事政府信息公开工作人员数",
        "(3) staff working on disclosure",
    )
    staff_full_time: int | None = _indicator(
        _G8,
        _M,
        "staff_total",
        "1.专职人员数（不包括政府公报及政府网站工作人员数）",
        "1. full-time (excluding gazette and website staff)",
    )
    staff_part_time: int | None = _indicator(
        _G8,
        _M,
        "staff_total",
        "2.兼职人员数",
        "2. part-time",
    )
    special_budget: Amount | None = _indicator(
        _G8,
        _W,
        None,
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "(4) dedicated disclosure budget (excluding gazette and website costs)",
    )
    meetings: int | None = _indicator(
        _G9,
        _T,
        None,
        "（一）召开政府信息公开工作会议或专题会议数",
        "(1) disclosure work meetings held",
    )
    training_sessions: int | None = _indicator(
        _G9,
        _T,
        None,
        "（二）举办各类培训班数",
        "(2) training courses held",
    )
    trainees: int | None = _indicator(
        _G9,
        _MT,
        None,
        "（三）接受培训人员数",
        "(3) trainees",
    )
    combined: tuple[CombinedFigure, ...] = field(default=())

    IDENTITIES: ClassVar[tuple[Identity, ...]] = (
        sums(
            "P-01",
            "applications_received",
            ("received_in_person", "received_fax", "received_online", "received_letter"),
        ),
        sums("P-02", "applications_completed", ("completed_on_time", "completed_extended")),
        sums(
            "P-03",
            "applications_replied",
            (
                "reply_already_public",
                "reply_granted",
                "reply_partially_granted",
                "reply_refused",
                "reply_not_this_organ",
                "reply_not_exist",
                "reply_ask_amend",
                "reply_other_channel",
            ),
        ),
        Identity("P-04", _REFUSED_REASONS, Relation.AT_MOST, ("reply_refused",)),
        sums("P-05", "reply_refused", _REFUSED_REASONS),
        sums("P-07", "staff_total", ("staff_full_time", "staff_part_time")),
        sums("P-08", "review_total", ("review_upheld", "review_corrected", "review_other")),
        sums(
            "P-08",
            "litigation_total",
            ("litigation_upheld", "litigation_corrected", "litigation_other"),
        ),
        sums(
            "P-08",
            "complaints_total",
            ("complaints_upheld", "complaints_corrected", "complaints_other"),
        ),
        # Each item is counted once in the total however many channels carried it.
        Identity(
            "P-09",
            (
                "channel_gazette",
                "channel_website",
                "channel_weibo",
                "channel_weixin",
                "channel_other",
            ),
            Relation.AT_LEAST,
            ("proactive_total",),
        ),
        Identity(
            "P-10",
            ("proactive_normative_docs",),
            Relation.AT_MOST,
            ("normative_docs_issued_total",),
        ),
        Identity("P-11", ("applications_replied",), Relation.EQUAL, ("applications_completed",)),
        Identity("P-12", ("applications_completed",), Relation.AT_MOST, ("applications_received",)),
        Identity("P-14", ("trainees",), Relation.AT_LEAST, ("training_sessions",)),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        try:
            super().__attrs_post_init__()
        except ValidationError as e:
            problems.extend(e.problems)
        problems.extend(self.whole_problems({"combined": self.combined}))
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def whole_problems(values: Mapping[str, Any]) -> list[Problem]:
        """Checks across fields, on whichever fields are given (the JSON reader passes those
        it could read, so a bad cell does not hide a bad combined figure)."""
        return _check_combined(values["combined"]) if "combined" in values else []

    @classmethod
    def cell_specs(cls) -> dict[str, CellSpec]:
        """The declared cells of the table by key."""
        return _CELL_SPECS

    def combined_value(self, cells: tuple[str, ...]) -> int | None:
        """The figure stated for exactly these cells together, if the report gives one."""
        wanted = set(cells)
        for c in self.combined:
            if set(c.cells) == wanted:
                return c.value
        return None


_CELL_SPECS: dict[str, CellSpec] = {
    a.name: a.metadata[SPEC]
    for a in LegacyStatistics.__attrs_attrs__
    if isinstance(a.metadata.get(SPEC), CellSpec)
}
