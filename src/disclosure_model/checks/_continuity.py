"""Rules across two reports of one organ: this year's against last year's."""

from __future__ import annotations

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import Finding, Involved, Outcome, lenient_note
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
    zeroed: tuple[str, ...] = (),
    locale: str,
    counts: bool = True,
    **more: int,
) -> Finding:
    r = rule(code)

    def shown(v: int | str) -> str:
        # Counts are grouped for the locale; years are shown as written ("2024").
        return format_count(v, locale=locale) if counts and isinstance(v, int) else str(v)

    fields = {"expected": shown(expected), "actual": shown(actual)}
    fields.update({k: shown(v) for k, v in more.items()})
    zh = r.template.zh.format(where=where.zh if where else "", **fields)
    en = r.template.en.format(where=where.en if where else "", **fields)
    if zeroed:
        note_zh, note_en = lenient_note(len(zeroed))
        zh, en = zh + note_zh, en + note_en
    return Finding(
        code=code,
        severity=r.severity,
        outcome=Outcome.FAIL,
        path=path,
        expected=expected,
        actual=actual,
        cells=cells,
        lenient=zeroed,
        message_zh=zh,
        message_en=en,
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


class _Reader:
    """Reads the cells a cross-year rule needs from both reports, in strict or lenient mode.

    Each value is given with a label for what it is (``this`` or ``previous`` and the path);
    :meth:`values` returns ``None`` when a value is blank in strict mode, and in lenient
    mode reads it as 0 and remembers it.
    """

    def __init__(self, lenient: bool) -> None:
        self.lenient = lenient

    def values(self, named: dict[str, int | None]) -> tuple[list[int], tuple[str, ...]] | None:
        blank = tuple(name for name, v in named.items() if v is None)
        if blank and not self.lenient:
            return None
        return [v if v is not None else 0 for v in named.values()], blank


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
            _finding(
                "X-02",
                "$.year",
                expected=previous.year,
                actual=report.year,
                locale=locale,
                counts=False,
            )
        )
    return out


def _carry_over(
    this: Applications2019 | Applications2021,
    last: Applications2019 | Applications2021,
    reader: _Reader,
    locale: str,
) -> list[Finding]:
    out = []
    catalogue = Statistics2021.catalogue()
    for column in (s.name for s in slots(ApplicantCounts)):
        entry = catalogue[f"applications.carried_over.{column}"]
        where = Label(f"表3 {entry.column_label.zh}列", f"table 3, {entry.column_label.en}")
        path = f"$.statistics.applications.carried_over.{column}"
        before_path = f"previous $.statistics.applications.carried_forward.{column}"
        read = reader.values(
            {
                path: getattr(this.carried_over, column),
                before_path: getattr(last.carried_forward, column),
            }
        )
        if read is None:
            out.append(_not_assessable("R-06", path, where))
            continue
        (now, before), zeroed = read
        if now != before:
            cells = (Involved(path, now, entry.code), Involved(before_path, before))
            out.append(
                _finding(
                    "R-06",
                    path,
                    expected=before,
                    actual=now,
                    cells=cells,
                    where=where,
                    zeroed=zeroed,
                    locale=locale,
                )
            )
    return out


def _lawsuits_after_review(
    this: Statistics2019 | Statistics2021,
    last: Statistics2019 | Statistics2021,
    reader: _Reader,
    locale: str,
) -> list[Finding]:
    path = "$.statistics.reviews.litigation_after_review.total"
    read = reader.values(
        {
            path: this.reviews.litigation_after_review.total,
            "$.statistics.reviews.review.total": this.reviews.review.total,
            "previous $.statistics.reviews.review.total": last.reviews.review.total,
        }
    )
    if read is None:
        return [_not_assessable("R-12", path, Label("表4", "table 4"))]
    (after, reviews, reviews_before), zeroed = read
    if after <= reviews + reviews_before:
        return []
    bound = reviews + reviews_before
    return [_finding("R-12", path, expected=bound, actual=after, zeroed=zeroed, locale=locale)]


def _stock_flow(
    this: Statistics2021, last: Statistics2021, reader: _Reader, locale: str
) -> list[Finding]:
    out = []
    for row, label in (
        ("regulations", Label("规章", "government rules")),
        ("normative_documents", Label("行政规范性文件", "normative documents")),
    ):
        now, before = getattr(this.active, row), getattr(last.active, row)
        path = f"$.statistics.active.{row}.in_force"
        read = reader.values(
            {
                path: now.in_force,
                f"previous {path}": before.in_force,
                f"$.statistics.active.{row}.issued": now.issued,
                f"$.statistics.active.{row}.repealed": now.repealed,
            }
        )
        if read is None:
            out.append(_not_assessable("R-21-01", path, label))
            continue
        (in_force, previous, issued, repealed), zeroed = read
        expected = previous + issued - repealed
        if in_force != expected:
            out.append(
                _finding(
                    "R-21-01",
                    path,
                    expected=expected,
                    actual=in_force,
                    where=label,
                    zeroed=zeroed,
                    previous=previous,
                    locale=locale,
                )
            )
    return out


def _item_counts(
    this: Statistics2019, last: Statistics2019, reader: _Reader, locale: str
) -> list[Finding]:
    out = []
    catalogue = Statistics2019.catalogue()
    for row in ("licensing", "other_services", "penalties", "coercion", "administrative_fees"):
        now, before = getattr(this.active, row), getattr(last.active, row)
        label = catalogue[f"active.{row}.items_prev_year"].row_label
        path = f"$.statistics.active.{row}.items_prev_year"
        read = reader.values(
            {
                path: now.items_prev_year,
                f"previous {path}": before.items_prev_year,
                f"previous $.statistics.active.{row}.items_change": before.items_change,
            }
        )
        if read is None:
            out.append(_not_assessable("R-19-03", path, label))
            continue
        (items, items_before, change_before), zeroed = read
        expected = items_before + change_before
        if items != expected:
            out.append(
                _finding(
                    "R-19-03",
                    path,
                    expected=expected,
                    actual=items,
                    where=label,
                    zeroed=zeroed,
                    locale=locale,
                )
            )
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
    reader = _Reader(lenient)
    out: list[Finding] = []
    if isinstance(this, Statistics2019 | Statistics2021) and isinstance(
        last, Statistics2019 | Statistics2021
    ):
        out.extend(_carry_over(this.applications, last.applications, reader, locale))
        out.extend(_lawsuits_after_review(this, last, reader, locale))
    if isinstance(this, Statistics2021) and isinstance(last, Statistics2021):
        out.extend(_stock_flow(this, last, reader, locale))
    if isinstance(this, Statistics2019) and isinstance(last, Statistics2019):
        out.extend(_item_counts(this, last, reader, locale))
    return out
