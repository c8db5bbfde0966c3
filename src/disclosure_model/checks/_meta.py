"""Rules about the report as a whole: format and year, deadline, sections, units, power."""

from __future__ import annotations

import functools
from datetime import date

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import Finding, Involved, Outcome, finding, shown
from disclosure_model.formats import Label, ReportFormat, Statistics2021, form, format_for_year
from disclosure_model.formats._rules import rule_making_places, unit_places
from disclosure_model.formatting import Argument
from disclosure_model.report import OrganLevel, Report, Section
from disclosure_model.values import Amount, Unit

__all__ = ["check_meta", "expected_format"]


@functools.lru_cache(maxsize=256)
def expected_format(year: int) -> ReportFormat | None:
    """The statistics format a report for ``year`` should follow (``None`` before 2014)."""
    return format_for_year(year)


def _fail(
    code: str,
    path: str,
    *,
    locale: str,
    cells: tuple[Involved, ...] = (),
    value: int | None = None,
    **arguments: Argument,
) -> Finding:
    """A failed rule; ``value`` is the number found, where the message shows it."""
    if value is not None:
        arguments["actual"] = value
    return finding(
        rule(code),
        path,
        arguments=arguments,
        expected=_plain(arguments.get("expected")),
        actual=value if value is not None else _plain(arguments.get("actual")),
        cells=cells,
        locale=locale,
    )


def _plain(value: object) -> str | int | None:
    """A value as a finding's ``expected`` or ``actual`` holds it: words in English."""
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Label):
        return value.en
    return str(value)


_FORMAT_WORDS = {
    ReportFormat.LEGACY: Label("2014—2018年统计表", "2014-2018 statistics table"),
    ReportFormat.GOV_2019: Label("2019年试行格式", "2019 trial format"),
    ReportFormat.GOV_2021: Label("2021年格式", "2021 format"),
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
                year=str(report.year),
                expected=Label(
                    "地方自定的统计表（2014年以前无全国统一表格）", "a local table of its own"
                ),
                actual=_FORMAT_WORDS[report.format],
                locale=locale,
            )
        )
    elif wanted is not None and wanted is not report.format:
        out.append(
            _fail(
                "R-09",
                "$.format",
                year=str(report.year),
                expected=_FORMAT_WORDS[wanted],
                actual=_FORMAT_WORDS[report.format],
                locale=locale,
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
                    year=str(report.year),
                    value=unpaid,
                    locale=locale,
                )
            )
    return out


def deadline(report: Report) -> date | None:
    """The last day the report could lawfully be published, where the law says."""
    # The law in force decides: a report in the legacy table, or for 2018 or before, falls
    # under the 2007 条例 whatever format it is in.
    legacy = report.format is ReportFormat.LEGACY or report.year <= 2018
    return _due(legacy, report.year, report.organ.level)


@functools.lru_cache(maxsize=1024)
def _due(legacy: bool, year: int, level: OrganLevel) -> date | None:
    rule = form(ReportFormat.LEGACY if legacy else ReportFormat.GOV_2021).deadline
    return rule.due(year, department=level.is_department, government=level.is_government)


#: The message of R-10 for a report whose publication date is not known.
_NO_DATE = Label(
    "报告未记录发布日期，无法核对发布期限。",
    "the report's publication date is not known, so its deadline is not checked.",
)


def _deadline(report: Report, locale: str) -> list[Finding]:
    due = deadline(report)
    if due is None:
        return []
    if report.published is None:
        return [
            finding(
                rule("R-10"),
                "$.published",
                outcome=Outcome.NOT_ASSESSABLE,
                template=_NO_DATE,
                locale=locale,
            )
        ]
    if report.published <= due:
        return []
    organ = (
        Label("政府工作部门", "a department")
        if report.organ.level.is_department
        else Label("人民政府", "a government")
    )
    return [
        _fail(
            "R-10",
            "$.published",
            actual=report.published.isoformat(),
            expected=due.isoformat(),
            organ=organ,
            locale=locale,
        )
    ]


#: The message of R-11 for a heading a source that stops early does not reach.
_NOT_REACHED = Label(
    "报告来源不完整，未见“{heading}”，无法核对。",
    "the source is incomplete: {heading} is not in it, so not checked.",
)


def _sections(report: Report, locale: str) -> list[Finding]:
    if report.format is ReportFormat.LEGACY:
        return []
    found: set[str] = set()
    for s in report.sections:
        if s.title is not None:
            found |= _headed(report.format, s.title)
    out = []
    for spec in form(report.format).sections:
        if spec.key in found:
            continue
        if report.coverage is not None:
            # The source stops before the end of the form: a later heading cannot be looked for.
            out.append(
                finding(
                    rule("R-11"),
                    "$.sections",
                    outcome=Outcome.NOT_ASSESSABLE,
                    template=_NOT_REACHED,
                    arguments={"heading": spec.label.zh},
                    locale=locale,
                )
            )
        else:
            out.append(_fail("R-11", "$.sections", expected=spec.label.zh, locale=locale))
    return out


def _wrong_unit(amount: Amount, unit: Unit | None) -> bool:
    """Whether an amount is not in the unit the form fixes, or, where the form fixes none,
    does not state its own. A 0 is 0 in any unit: it needs none, and 0 元 is 0 万元."""
    if amount.value == 0:
        return False
    if unit is not None:
        return amount.unit is None or amount.unit.value != unit.value
    return amount.unit is None


def _units(report: Report, locale: str) -> list[Finding]:
    """R-21-03, R-19-04, P-13: money in the unit the form asks for."""
    stats = report.statistics
    out = []
    for place in unit_places(report.format):
        amount = stats.cell(place.path)
        if isinstance(amount, Amount) and _wrong_unit(amount, place.unit):
            out.append(
                finding(
                    rule(place.code),
                    f"$.statistics.{place.path}",
                    arguments={"where": place.where, "actual": amount},
                    actual=shown(amount, locale),
                    locale=locale,
                )
            )
    return out


def _fee_narrative(report: Report, locale: str) -> list[Finding]:
    """R-21-04: unpaid-fee outcomes come with a word on the information-processing fee."""
    stats = report.statistics
    if not isinstance(stats, Statistics2021):
        return []
    unpaid = stats.applications.other_unpaid_fee.total
    other = _section(report, "other_matters")
    if unpaid and (other is None or "信息处理费" not in other.text):
        path = "$.statistics.applications.other_unpaid_fee.total"
        return [_fail("R-21-04", path, value=unpaid, locale=locale)]
    return []


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
    """R-21-05: an organ without rule-making power states no 规章."""
    if report.organ.level not in NO_RULE_MAKING:
        return []
    out = []
    organ = Label(report.organ.name, report.organ.name)
    for place in rule_making_places(report.format):
        value = report.statistics.cell(place.path)
        if isinstance(value, int) and value > 0:
            path = f"$.statistics.{place.path}"
            out.append(
                _fail(
                    place.code,
                    path,
                    where=place.where,
                    value=value,
                    organ=organ,
                    cells=(Involved(path, value, place.cell_code),),
                    locale=locale,
                )
            )
    return out


@functools.lru_cache(maxsize=4096)
def _headed(fmt: ReportFormat, title: str) -> frozenset[str]:
    """The keys of the sections of ``fmt`` whose heading ``title`` is (reports repeat the
    form's headings, so each is matched once)."""
    return frozenset(spec.key for spec in form(fmt).sections if spec.matches(title))


def _section(report: Report, key: str) -> Section | None:
    """The report's section the format calls ``key``: its heading, or one numbered as it is."""
    spec = next(s for s in form(report.format).sections if s.key == key)
    return next(
        (
            s
            for s in report.sections
            if s.title is not None
            and (
                key in _headed(report.format, s.title)
                or s.title.lstrip().startswith(spec.numbering + "、")
            )
        ),
        None,
    )


def check_meta(report: Report, *, locale: str) -> list[Finding]:
    """The rules about the report as a whole."""
    return [
        *_format_year(report, locale),
        *_deadline(report, locale),
        *_sections(report, locale),
        *_units(report, locale),
        *_fee_narrative(report, locale),
        *_rule_making(report, locale),
    ]
