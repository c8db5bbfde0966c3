"""Rules across two reports of one organ: this year's against last year's."""

from __future__ import annotations

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import Finding, Involved, Outcome
from disclosure_model.formats import (
    ApplicantCounts,
    Applications2019,
    Applications2021,
    Statistics2019,
    Statistics2021,
)
from disclosure_model.formats._declare import Label, slots
from disclosure_model.formatting import format_count
from disclosure_model.report import Report

__all__ = ["check_continuity"]


def _finding(
    code: str,
    path: str,
    *,
    expected: int | str,
    actual: int | str,
    cells: tuple[Involved, ...] = (),
    where: Label | None = None,
    locale: str,
    **more: int,
) -> Finding:
    r = rule(code)

    def shown(v: int | str) -> str:
        return format_count(v, locale=locale) if isinstance(v, int) else v

    fields = {"expected": shown(expected), "actual": shown(actual)}
    fields.update({k: shown(v) for k, v in more.items()})
    return Finding(
        code=code,
        severity=r.severity,
        outcome=Outcome.FAIL,
        path=path,
        expected=expected,
        actual=actual,
        cells=cells,
        message_zh=r.template.zh.format(where=where.zh if where else "", **fields),
        message_en=r.template.en.format(where=where.en if where else "", **fields),
    )


def _not_assessable(code: str, path: str, where: Label) -> Finding:
    r = rule(code)
    return Finding(
        code=code,
        severity=r.severity,
        outcome=Outcome.NOT_ASSESSABLE,
        path=path,
        message_zh=f"{where.zh}：本年或上年未填报，无法核对。",
        message_en=f"{where.en}: not stated this year or last, so not checked.",
    )


def _comparable(report: Report, previous: Report, locale: str) -> list[Finding]:
    out = []
    if previous.organ.name != report.organ.name:
        out.append(
            _finding(
                "X-01",
                "$.organ.name",
                expected=previous.organ.name,
                actual=report.organ.name,
                locale=locale,
            )
        )
    if previous.year != report.year - 1:
        out.append(
            _finding("X-02", "$.year", expected=previous.year, actual=report.year, locale=locale)
        )
    return out


def _carry_over(
    this: Applications2019 | Applications2021,
    last: Applications2019 | Applications2021,
    locale: str,
    lenient: bool,
) -> list[Finding]:
    out = []
    catalogue = Statistics2021.catalogue()
    for column in (s.name for s in slots(ApplicantCounts)):
        entry = catalogue[f"applications.carried_over.{column}"]
        where = Label(f"表3 {entry.column_label.zh}列", f"table 3, {entry.column_label.en}")
        now = getattr(this.carried_over, column)
        before = getattr(last.carried_forward, column)
        path = f"$.statistics.applications.carried_over.{column}"
        if now is None or before is None:
            if not lenient:
                out.append(_not_assessable("R-06", path, where))
                continue
            now, before = now or 0, before or 0
        if now != before:
            cells = (
                Involved(path, now, entry.code),
                Involved(f"previous $.statistics.applications.carried_forward.{column}", before),
            )
            out.append(
                _finding(
                    "R-06", path, expected=before, actual=now, cells=cells, where=where,
                    locale=locale,
                )
            )  # fmt: skip
    return out


def _lawsuits_after_review(report: Report, previous: Report, locale: str) -> list[Finding]:
    this, last = report.statistics, previous.statistics
    if not isinstance(this, Statistics2019 | Statistics2021) or not isinstance(
        last, Statistics2019 | Statistics2021
    ):
        return []
    after = this.reviews.litigation_after_review.total
    reviews = (this.reviews.review.total, last.reviews.review.total)
    path = "$.statistics.reviews.litigation_after_review.total"
    if after is None or None in reviews:
        return [_not_assessable("R-12", path, Label("表4", "table 4"))]
    bound = sum(r for r in reviews if r is not None)
    if after <= bound:
        return []
    return [_finding("R-12", path, expected=bound, actual=after, locale=locale)]


def _stock_flow(this: Statistics2021, last: Statistics2021, locale: str) -> list[Finding]:
    out = []
    for row, label in (
        ("regulations", Label("规章", "government rules")),
        ("normative_documents", Label("行政规范性文件", "normative documents")),
    ):
        now, before = getattr(this.active, row), getattr(last.active, row)
        path = f"$.statistics.active.{row}.in_force"
        values = (now.in_force, before.in_force, now.issued, now.repealed)
        if None in values:
            out.append(_not_assessable("R-21-01", path, label))
            continue
        in_force, previous, issued, repealed = (v or 0 for v in values)
        expected = previous + issued - repealed
        if in_force != expected:
            out.append(
                _finding(
                    "R-21-01", path, expected=expected, actual=in_force, where=label,
                    previous=previous, locale=locale,
                )
            )  # fmt: skip
    return out


def _item_counts(this: Statistics2019, last: Statistics2019, locale: str) -> list[Finding]:
    out = []
    catalogue = Statistics2019.catalogue()
    for row in ("licensing", "other_services", "penalties", "coercion", "administrative_fees"):
        now, before = getattr(this.active, row), getattr(last.active, row)
        label = catalogue[f"active.{row}.items_prev_year"].row_label
        path = f"$.statistics.active.{row}.items_prev_year"
        if None in (now.items_prev_year, before.items_prev_year, before.items_change):
            out.append(_not_assessable("R-19-03", path, label))
            continue
        expected = before.items_prev_year + before.items_change
        if now.items_prev_year != expected:
            out.append(
                _finding(
                    "R-19-03", path, expected=expected, actual=now.items_prev_year, where=label,
                    locale=locale,
                )
            )  # fmt: skip
    return out


def check_continuity(
    report: Report, previous: Report, *, lenient: bool, locale: str
) -> list[Finding]:
    """Compare a report with the same organ's report for the year before.

    When the two are not the same organ or not consecutive years, say so and compare
    nothing else: the figures would not be comparable.
    """
    mismatch = _comparable(report, previous, locale)
    if mismatch:
        return mismatch
    this, last = report.statistics, previous.statistics
    out: list[Finding] = []
    if isinstance(this, Statistics2019 | Statistics2021) and isinstance(
        last, Statistics2019 | Statistics2021
    ):
        out.extend(_carry_over(this.applications, last.applications, locale, lenient))
        out.extend(_lawsuits_after_review(report, previous, locale))
    if isinstance(this, Statistics2021) and isinstance(last, Statistics2021):
        out.extend(_stock_flow(this, last, locale))
    if isinstance(this, Statistics2019) and isinstance(last, Statistics2019):
        out.extend(_item_counts(this, last, locale))
    return out
