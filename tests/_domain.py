"""Labels of the official forms and the rule catalogue, typed by hand from DOMAIN.md (the
domain reference of the project), shared by the tests (never read from the declarations
under test)."""

from __future__ import annotations

# Table 三 row labels, DOMAIN.md §1.3, in form order (2021).
#: Table 三's row labels, exactly as the 2021 form prints them.
TABLE3_ROWS_2021 = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


ERROR, WARNING, INFO = "error", "warning", "info"
NEW = ("gov-2019", "gov-2021")
LEGACY = ("legacy-2014",)
ALL = ("gov-2019", "gov-2021", "legacy-2014")

#: The catalogue as reviewed against DOMAIN.md §4: code → (severity, formats).
#: Where the project departs from DOMAIN.md it says so:
#: * R-04 (non-negative integers) is not a rule: the model refuses a negative count;
#: * R-08 is an error, not a warning: a stated figure the tables contradict is wrong
#:   (docs/explanation/checks.md); C-01 is the warning for figures against figures;
#: * R-21-05 applies to the 2019 format too: its table 二 has the same 规章 rows;
#: * P-13's sign part is the model's (no amount is negative); the rule is the unit;
#: * C-01..C-04 and X-01..X-02 are the project's own rules about claims and report pairs.
CATALOGUE = {
    "R-01": (ERROR, NEW),
    "R-02": (ERROR, NEW),
    "R-03": (ERROR, NEW),
    "R-05": (ERROR, NEW),
    "R-06": (WARNING, NEW),
    "R-07": (ERROR, NEW),
    "R-08": (ERROR, ALL),
    "R-09": (WARNING, ALL),
    "R-10": (WARNING, ALL),
    "R-11": (WARNING, NEW),
    "R-12": (WARNING, NEW),
    "R-21-01": (WARNING, ("gov-2021",)),
    "R-21-02": (WARNING, ("gov-2021",)),
    "R-21-03": (WARNING, ("gov-2021",)),
    "R-21-04": (WARNING, ("gov-2021",)),
    "R-21-05": (WARNING, NEW),
    "R-21-06": (ERROR, ("gov-2021",)),
    "R-19-01": (WARNING, ("gov-2019",)),
    "R-19-02": (ERROR, ("gov-2019",)),
    "R-19-03": (WARNING, ("gov-2019",)),
    "R-19-04": (WARNING, ("gov-2019",)),
    "P-01": (ERROR, LEGACY),
    "P-02": (ERROR, LEGACY),
    "P-03": (ERROR, LEGACY),
    "P-04": (ERROR, LEGACY),
    "P-05": (WARNING, LEGACY),
    "P-06": (ERROR, LEGACY),
    "P-07": (ERROR, LEGACY),
    "P-08": (ERROR, LEGACY),
    "P-09": (WARNING, LEGACY),
    "P-10": (WARNING, LEGACY),
    "P-11": (WARNING, LEGACY),
    "P-12": (WARNING, LEGACY),
    "P-13": (WARNING, LEGACY),
    "P-14": (WARNING, LEGACY),
    "C-01": (WARNING, ALL),
    "C-02": (INFO, ALL),
    "C-03": (WARNING, ALL),
    "C-04": (WARNING, ALL),
    "X-01": (WARNING, ALL),
    "X-02": (WARNING, ALL),
}

#: The refusal reasons of the legacy table (DOMAIN.md §3, rows 不予公开 (1)–(6)).
REFUSAL_REASONS = (
    "refused_state_secret",
    "refused_commercial_secret",
    "refused_privacy",
    "refused_security_stability",
    "refused_not_gov_info",
    "refused_other_legal",
)
