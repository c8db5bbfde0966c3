"""How the model's objects show themselves: a short one-line ``repr`` (at most 200
characters) and, in Jupyter, an HTML view.

The views print the official labels (``zh_Hans_CN``): a report shows its header and its
official tables, a check result its findings table (severity marked, findings that share
a cell grouped), a ratio its value, percentage, numerator and denominator, a comparison
its indicators year over year.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING

from disclosure_model.render._locale import supported_locale
from disclosure_model.values import Ratio

if TYPE_CHECKING:
    from disclosure_model.checks import CheckResult
    from disclosure_model.comparison import Comparison
    from disclosure_model.report import Report

__all__ = [
    "MAX_REPR",
    "comparison_repr",
    "comparison_repr_html",
    "ratio_repr",
    "ratio_repr_html",
    "report_repr",
    "report_repr_html",
    "result_repr",
    "result_repr_html",
]

#: The longest a ``repr`` gets.
MAX_REPR = 200
_LOCALE = "zh_Hans_CN"


def _fit(text: str, limit: int = MAX_REPR) -> str:
    return text if len(text) <= limit else text[: limit - 2] + "…>"


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def report_repr(report: Report) -> str:
    """``<Report 淮安市人民政府 2024 gov-2021: 184/190 cells stated, 7 sections, 24 claims>``"""
    cells = list(report.statistics.cells())
    stated = sum(1 for _, v in cells if v is not None)
    return _fit(
        f"<Report {_short(report.organ.name)} {report.year} {report.format.value}: "
        f"{stated}/{len(cells)} cells stated, {len(report.sections)} sections, "
        f"{len(report.claims)} claims>"
    )


def report_repr_html(report: Report) -> str:
    """The report's header and official tables (no narrative)."""
    from disclosure_model.render._html import report_fragment

    return report_fragment(report, locale=_LOCALE, narrative=False)


def result_repr(result: CheckResult) -> str:
    """``<CheckResult: 3 errors, 0 warnings, 0 infos, 1 not assessable; failed R-01 R-02>``"""
    head = (
        f"<CheckResult: {len(result.errors)} errors, {len(result.warnings)} warnings, "
        f"{len(result.infos)} infos, {len(result.not_assessable)} not assessable"
    )
    codes = sorted(result.codes)
    if not codes:
        return _fit(head + ">")
    listed = ""
    for i, code in enumerate(codes):
        more = f" {code}"
        rest = f" +{len(codes) - i} more"
        if len(head) + len("; failed") + len(listed) + len(more) + len(rest) + 1 > MAX_REPR:
            listed += rest
            break
        listed += more
    return _fit(f"{head}; failed{listed}>")


def result_repr_html(result: CheckResult) -> str:
    """The findings table, severity marked, findings that share a cell grouped."""
    from disclosure_model.render._html import check_result_html

    return check_result_html(result, locale=_LOCALE)


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.6g}"


def ratio_repr(ratio: Ratio) -> str:
    """``<Ratio 1816/3050 = 0.595410 (59.5%)>``; ``not defined`` and why where it has no
    value."""
    scale = f"{ratio.scale} × " if ratio.scale != 1 else ""
    parts = f"{scale}{ratio.numerator}/{ratio.denominator}"
    value = ratio.value
    if value is None:
        why = f"; missing {', '.join(ratio.missing)}" if ratio.missing else ""
        return _fit(f"<Ratio {parts}: not defined{why}>")
    shown = f"{_number(value)}"
    if ratio.scale == 1:
        shown += f" ({ratio.percent(locale='en', decimals=1)})"
    return _fit(f"<Ratio {parts} = {shown}>")


def ratio_repr_html(ratio: Ratio) -> str:
    """A small table: value, percentage, numerator and denominator (blank where not known)."""
    lang = supported_locale(_LOCALE)
    value = ratio.value

    def show(n: int | None) -> str:
        return "" if n is None else lang.count(n)

    rows = [
        ("值", "" if value is None else _number(value)),
        ("百分比", (lang.percent(ratio) or "") if ratio.scale == 1 else ""),
        ("分子", show(ratio.numerator)),
        ("分母", show(ratio.denominator)),
    ]
    if ratio.scale != 1:
        rows.append(("倍数", show(ratio.scale)))
    if ratio.missing:
        rows.append(("未填报", "、".join(ratio.missing)))
    body = "".join(f"<tr><th>{k}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="dm-ratio">{body}</table>'


def comparison_repr(comparison: Comparison) -> str:
    """``<Comparison comparable: 14 indicators, 19 ratios>`` or why not comparable."""
    state = "comparable"
    if not comparison.comparable:
        kinds = ", ".join(r.kind.value for r in comparison.reasons)
        state = f"not comparable ({kinds})"
    return _fit(
        f"<Comparison {state}: {len(comparison.indicators)} indicators, "
        f"{len(comparison.ratios)} ratios>"
    )


def comparison_repr_html(comparison: Comparison) -> str:
    """The indicators and ratios year over year, with the reasons the reports are not
    comparable (if any)."""
    from disclosure_model.indicators import INDICATORS
    from disclosure_model.ratio_catalogue import RatioKind, ratio_specs
    from disclosure_model.render._html import STYLESHEET

    lang = supported_locale(_LOCALE)
    names = {s.code: s.name.zh for s in INDICATORS}
    specs = {s.code: s for s in ratio_specs()}
    names.update({code: s.name.zh for code, s in specs.items()})

    def show(code: str, v: int | Fraction | None) -> str:
        if v is None:
            return ""
        if isinstance(v, int):
            return lang.count(v)
        spec = specs.get(code)
        if spec is not None and spec.kind is RatioKind.SHARE:
            return lang.percent(Ratio(numerator=v.numerator, denominator=v.denominator)) or ""
        if v.denominator == 1:
            return lang.count(v.numerator)
        return _number(v)

    rows = []
    for kind, changes in (("indicator", comparison.indicators), ("ratio", comparison.ratios)):
        for code, c in changes.items():
            cells = (
                names.get(code, code),
                show(code, c.last),
                show(code, c.this),
                show(code, c.delta) if kind == "indicator" else "",
                lang.percent(c.growth) or "",
                "" if c.exact else "≈",
            )
            rows.append("<tr>" + "".join(f"<td>{escape(x)}</td>" for x in cells) + "</tr>")
    heads = ("指标", "上年", "本年", "增减", "增长率", "近似")
    head = "".join(f"<th>{h}</th>" for h in heads)
    reasons = "".join(f"<li>{escape(r.message.zh)}</li>" for r in comparison.reasons)
    note = f"<ul>{reasons}</ul>" if reasons else "<p>可比。</p>"
    return (
        f'<div class="dm" lang="zh-Hans-CN"><style>{STYLESHEET}</style>{note}'
        f'<table class="dm-list"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table></div>"
    )
