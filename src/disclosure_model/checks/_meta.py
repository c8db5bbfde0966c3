"""Rules about the report as a whole: format and year, deadline, sections, units, power."""

from __future__ import annotations

from datetime import date
from typing import Any

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import Finding, Involved, Outcome
from disclosure_model.formats import (
    LegacyStatistics,
    ReportFormat,
    Statistics2019,
    Statistics2021,
    form,
    format_for_year,
)
from disclosure_model.formatting import format_amount, format_count
from disclosure_model.report import OrganLevel, Report
from disclosure_model.values import Amount, MoneyUnit

__all__ = ["check_meta", "expected_format"]


def expected_format(year: int) -> ReportFormat | None:
    """The statistics format a report for ``year`` should follow (``None`` before 2014)."""
    return format_for_year(year)


def _fail(
    code: str,
    path: str,
    *,
    cells: tuple[Involved, ...] = (),
    value: int | None = None,
    **fields: Any,
) -> Finding:
    """A failed rule; ``value`` is the number found, where the message shows it formatted."""
    r = rule(code)
    zh_fields = {k: (v.zh if hasattr(v, "zh") else v) for k, v in fields.items()}
    en_fields = {k: (v.en if hasattr(v, "en") else v) for k, v in fields.items()}
    return Finding(
        code=code,
        severity=r.severity,
        outcome=Outcome.FAIL,
        path=path,
        expected=_plain(fields.get("expected")),
        actual=value if value is not None else _plain(fields.get("actual")),
        cells=cells,
        message_zh=r.template.zh.format(**zh_fields),
        message_en=r.template.en.format(**en_fields),
    )


def _plain(value: object) -> str | int | None:
    if value is None or isinstance(value, int | str):
        return value
    return getattr(value, "en", str(value))


def _not_assessable(code: str, path: str, zh: str, en: str) -> Finding:
    r = rule(code)
    return Finding(
        code=code,
        severity=r.severity,
        outcome=Outcome.NOT_ASSESSABLE,
        path=path,
        message_zh=zh,
        message_en=en,
    )


class _Words:
    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en


_FORMAT_WORDS = {
    ReportFormat.LEGACY: _Words("2014—2018年统计表", "2014-2018 statistics table"),
    ReportFormat.GOV_2019: _Words("2019年试行格式", "2019 trial format"),
    ReportFormat.GOV_2021: _Words("2021年格式", "2021 format"),
}


def _format_year(report: Report, locale: str) -> list[Finding]:
    out = []
    wanted = expected_format(report.year)
    if wanted is None and report.format is not ReportFormat.LEGACY:
        # Before 2014 there was no national table, let alone the 2019 or 2021 format.
        out.append(
            _fail(
                "R-09",
                "$.format",
                year=report.year,
                expected=_Words(
                    "地方自定的统计表（2014年以前无全国统一表格）", "a local table of its own"
                ),
                actual=_FORMAT_WORDS[report.format],
            )
        )
    elif wanted is not None and wanted is not report.format:
        out.append(
            _fail(
                "R-09",
                "$.format",
                year=report.year,
                expected=_FORMAT_WORDS[wanted],
                actual=_FORMAT_WORDS[report.format],
            )
        )
    stats = report.statistics
    if isinstance(stats, Statistics2021) and report.year < 2021:
        unpaid = stats.applications.other_unpaid_fee.total
        if unpaid:
            out.append(
                _fail(
                    "R-21-06",
                    "$.statistics.applications.other_unpaid_fee.total",
                    year=report.year,
                    actual=format_count(unpaid, locale=locale),
                    value=unpaid,
                )
            )
    return out


def deadline(report: Report) -> date | None:
    """The last day the report could lawfully be published, where the law says."""
    # The law in force decides: a report in the legacy table, or for 2018 or before, falls
    # under the 2007 条例 whatever format it is in.
    legacy = report.format is ReportFormat.LEGACY or report.year <= 2018
    rule = form(ReportFormat.LEGACY if legacy else ReportFormat.GOV_2021).deadline
    level = report.organ.level
    return rule.due(report.year, department=level.is_department, government=level.is_government)


def _deadline(report: Report) -> list[Finding]:
    due = deadline(report)
    if due is None:
        return []
    if report.published is None:
        return [
            _not_assessable(
                "R-10",
                "$.published",
                "报告未记录发布日期，无法核对发布期限。",
                "the report's publication date is not known, so its deadline is not checked.",
            )
        ]
    if report.published <= due:
        return []
    organ = (
        _Words("政府工作部门", "a department")
        if report.organ.level.is_department
        else (_Words("人民政府", "a government"))
    )
    return [
        _fail(
            "R-10",
            "$.published",
            actual=report.published.isoformat(),
            expected=due.isoformat(),
            organ=organ,
        )
    ]


#: The six sections of the 2019 and 2021 formats, with words their headings always carry
#: (for the strategies' reports; the checks read the spec).
SECTIONS = tuple((s.label.zh, s.words) for s in form(ReportFormat.GOV_2021).sections)


def _sections(report: Report) -> list[Finding]:
    if report.format is ReportFormat.LEGACY:
        return []
    titles = [s.title for s in report.sections if s.title is not None]
    out = []
    for spec in form(report.format).sections:
        if any(spec.matches(t) for t in titles):
            continue
        if report.coverage is not None:
            # The source stops before the end of the form: a later heading cannot be looked for.
            out.append(
                _not_assessable(
                    "R-11",
                    "$.sections",
                    f"报告来源不完整，未见“{spec.label.zh}”，无法核对。",
                    f"the source is incomplete: {spec.label.zh} is not in it, so not checked.",
                )
            )
        else:
            out.append(_fail("R-11", "$.sections", expected=spec.label.zh))
    return out


def _fees(report: Report, locale: str) -> list[Finding]:
    stats = report.statistics
    out = []
    if isinstance(stats, Statistics2021):
        amount = stats.active.administrative_fees.amount
        if amount is not None and amount.unit is not MoneyUnit.WAN_YUAN:
            path = "$.statistics.active.administrative_fees.amount"
            out.append(_fail("R-21-03", path, actual=format_amount(amount, locale=locale)))
        unpaid = stats.applications.other_unpaid_fee.total
        other = report.section("六、")
        if unpaid and (other is None or "信息处理费" not in other.text):
            path = "$.statistics.applications.other_unpaid_fee.total"
            out.append(
                _fail("R-21-04", path, actual=format_count(unpaid, locale=locale), value=unpaid)
            )
    if isinstance(stats, Statistics2019):
        amount = stats.active.procurement.amount
        if amount is not None and amount.unit is None and amount.value != 0:
            path = "$.statistics.active.procurement.amount"
            out.append(_fail("R-19-04", path, actual=format_amount(amount, locale=locale)))
    if isinstance(stats, LegacyStatistics):
        catalogue = stats.catalogue()
        for key in ("fees_collected", "special_budget"):
            value = getattr(stats, key)
            if isinstance(value, Amount) and value.unit is not MoneyUnit.WAN_YUAN:
                where = catalogue[key].row_label
                out.append(
                    _fail(
                        "P-13",
                        f"$.statistics.{key}",
                        where=where,
                        actual=format_amount(value, locale=locale),
                    )
                )
    return out


#: Organs that cannot make 规章 (立法法 art. 93: only provincial and districted-city
#: governments and State Council departments can).
NO_RULE_MAKING = frozenset(
    {
        OrganLevel.COUNTY,
        OrganLevel.TOWNSHIP,
        OrganLevel.PROVINCIAL_DEPARTMENT,
        OrganLevel.CITY_DEPARTMENT,
        OrganLevel.COUNTY_DEPARTMENT,
    }
)


def _rule_making(report: Report, locale: str) -> list[Finding]:
    stats = report.statistics
    if isinstance(stats, LegacyStatistics) or report.organ.level not in NO_RULE_MAKING:
        return []
    out = []
    catalogue = stats.catalogue()
    for entry in catalogue:
        if not entry.path.startswith("active.regulations."):
            continue
        value = stats.cell(entry.path)
        if isinstance(value, int) and value > 0:
            where = _Words(
                f"规章{entry.column_label.zh}", f"government rules, {entry.column_label.en}"
            )
            organ = _Words(report.organ.name, report.organ.name)
            out.append(
                _fail(
                    "R-21-05",
                    f"$.statistics.{entry.path}",
                    where=where,
                    actual=format_count(value, locale=locale),
                    value=value,
                    organ=organ,
                    cells=(Involved(f"$.statistics.{entry.path}", value, entry.code),),
                )
            )
    return out


def check_meta(report: Report, *, locale: str) -> list[Finding]:
    """The rules about the report as a whole."""
    return [
        *_format_year(report, locale),
        *_deadline(report),
        *_sections(report),
        *_fees(report, locale),
        *_rule_making(report, locale),
    ]
