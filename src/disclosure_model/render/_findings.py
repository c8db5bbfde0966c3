"""The findings of a check as readable text (what ``disclosure-model check`` prints).

One line per finding, the most serious first (here cut in two)::

      error    R-03     $.statistics.applications.results_total.natural_person
      错误｜表三 （七）总计 / 自然人｜表3 自然人列：…〔组1〕

The first three columns are stable tokens for scripts (the severity's value, the rule's
code, the JSON path); then, in the locale, the severity word (错误 / 警告 / 提示; a rule
that could not be judged is marked 无法核对), the cell in words as the form labels it,
and the message. Failed findings that share a cell are marked with their group, and a
line under the list names the cell they share: one wrong figure that breaks three sums
reads as one problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from disclosure_model.checks import CheckResult, Finding, Outcome, Severity
from disclosure_model.checks._present import group_findings, location, severity_word
from disclosure_model.render._locale import Lang, supported_locale

__all__ = ["findings_text"]


def _not_assessable_line(findings: Sequence[Finding], lang: Lang) -> str | None:
    if not findings:
        return None
    by_code = Counter(f.code for f in findings)
    codes = [code if n == 1 else f"{code} ×{n}" for code, n in sorted(by_code.items())]
    total = lang.count(len(findings))
    return lang.word(
        f"无法核对 {total} 项：" + "、".join(codes) + "（--include-not-assessable 逐条列出）",
        f"無法核對 {total} 項：" + "、".join(codes) + "（--include-not-assessable 逐條列出）",
        f"not assessable: {total} (" + ", ".join(codes) + "; --include-not-assessable lists them)",
    )


def findings_text(
    result: CheckResult | Sequence[Finding],
    *,
    locale: str,
    min_severity: Severity = Severity.INFO,
    include_not_assessable: bool = False,
) -> str:
    """The findings as indented lines of text, the most serious first.

    Findings below ``min_severity`` are left out. Rules that could not be judged are
    summarised in one line by code, or listed one by one after the failed ones with
    ``include_not_assessable``. ``locale`` is ``zh_Hans_CN``, ``zh_Hant_TW`` or ``en``.

    >>> import disclosure_model as dm
    >>> print(findings_text(dm.check(dm.examples.load("huaian-2024")), locale="zh_CN"), end="")
      未发现问题。
      无法核对 1 项：R-10（--include-not-assessable 逐条列出）
    """
    lang = supported_locale(locale)
    findings = result.findings if isinstance(result, CheckResult) else tuple(result)
    shown = sorted(
        (f for f in findings if f.severity.rank >= min_severity.rank),
        key=lambda f: (f.outcome is not Outcome.FAIL, -f.severity.rank),
    )
    failed = [f for f in shown if f.outcome is Outcome.FAIL]
    shared = [g for g in group_findings(failed) if g.shared]
    group_of = {id(f): n for n, g in enumerate(shared, start=1) for f in g.findings}
    listed = shown if include_not_assessable else failed
    lines = [_line(f, lang, group_of.get(id(f))) for f in listed]
    for n, g in enumerate(shared, start=1):
        where = location(g.cell, locale=lang.name) if g.cell is not None else None
        codes = [f.code for f in g.findings]
        lines.append(
            "  "
            + lang.word(
                f"〔组{n}〕{'、'.join(codes)} 涉及同一单元格 {where}，可能是同一处填报错误。",
                f"〔組{n}〕{'、'.join(codes)} 涉及同一儲存格 {where}，可能是同一處填報錯誤。",
                f"[group {n}] {', '.join(codes)} share the cell {where}: "
                "probably one wrong figure.",
            )
        )
    if not listed:
        lines.append("  " + lang.word("未发现问题。", "未發現問題。", "no findings."))
    if not include_not_assessable:
        summary = _not_assessable_line(
            [f for f in shown if f.outcome is Outcome.NOT_ASSESSABLE], lang
        )
        if summary is not None:
            lines.append(f"  {summary}")
    return "\n".join(lines) + "\n"


def _line(f: Finding, lang: Lang, group: int | None) -> str:
    where = location(f.path, locale=lang.name)
    words: list[str] = []
    if f.outcome is Outcome.FAIL:
        if lang.zh:
            words.append(severity_word(f.severity, locale=lang.name))
    else:
        words.append(lang.word("(无法核对)", "(無法核對)", "(not assessable)"))
    if where is not None:
        words.append(where)
    words.append(f.message(lang.name))
    mark = ""
    if group is not None:
        mark = lang.word(f"〔组{group}〕", f"〔組{group}〕", f" [group {group}]")
    sep = "｜" if lang.zh else " | "
    return f"  {f.severity.value:<7}  {f.code:<7}  {f.path}  {sep.join(words)}{mark}"
