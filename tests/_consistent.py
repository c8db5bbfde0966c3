"""Statistics consistent by construction, for the property tests of the checks.

Every builder draws the parts and computes the totals, so no example is ever filtered out:

* table 三: per applicant column, the outcome rows are drawn, （七）总计 is their sum,
  结转下年度 and 上年结转 are drawn (上年结转 at most what the year's results and backlog
  allow), and 本年新收 is what makes the form's 勾稽关系 hold; the 总计 column is the sum of
  the six applicant columns in every row;
* table 四: each block's 总计 is the sum of its four outcomes;
* table 二: 2021 issued ≤ in force + repealed, 2019 newly published ≤ published in total and
  item counts that stay non-negative after their change;
* legacy: every sum and "其中" holds, channels together carry at least the total, answers
  equal completions, completions do not exceed receipts, trainees are at least the courses.

The builders take ``ints(lo, hi)``, a source of integers between two bounds (inclusive): a
hypothesis ``draw`` for the strategies, a seeded :class:`random.Random` for fixed examples.
Money is in 万元 and every cell is stated, so a built report gives no finding at all.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model.formats import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications2019,
    Applications2021,
    CaseOutcomes,
    Decisions,
    DocumentCounts2019,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    LegacyStatistics,
    Procurement,
    ReviewsLitigation,
    Statistics2019,
    Statistics2021,
    StatisticsBase,
)
from disclosure_model.formats._declare import SlotKind, slots
from disclosure_model.formats._shared import OUTCOME_ROWS

__all__ = [
    "APPLICANTS",
    "Ints",
    "build",
    "consistent_report",
    "consistent_reports",
    "consistent_statistics",
    "fixed_ints",
    "legacy_statistics",
    "map_counts",
    "section_titles",
    "statistics_2019",
    "statistics_2021",
    "with_cell",
]

#: A source of integers: ``ints(lo, hi)`` returns one with ``lo <= n <= hi``.
Ints = Callable[[int, int], int]

#: The six applicant columns of table 三 (the 总计 column is their sum).
APPLICANTS = tuple(s.name for s in slots(ApplicantCounts) if s.name != "total")

OTHER_2019 = ("other_total",)
OTHER_2021 = ("other_no_correction", "other_unpaid_fee", "other_other")

#: Largest value drawn for one part; small, so the sums stay readable when a test fails.
HI = 9


def fixed_ints(seed: int) -> Ints:
    """A reproducible source of integers, for examples outside hypothesis."""
    rng = random.Random(seed)
    return rng.randint


def _split(ints: Ints, whole: int, n: int) -> list[int]:
    """``n`` non-negative parts adding up to ``whole``."""
    parts = []
    left = whole
    for _ in range(n - 1):
        part = ints(0, left)
        parts.append(part)
        left -= part
    parts.append(left)
    return parts


def _row(columns: Mapping[str, int]) -> ApplicantCounts:
    return ApplicantCounts(**columns, total=sum(columns.values()))


def _applications(
    ints: Ints, other_rows: tuple[str, ...], carried_over: Mapping[str, int] | None
) -> dict[str, ApplicantCounts]:
    """Every row of table 三; ``carried_over`` fixes 上年结转 per applicant column."""
    outcome_rows = (*OUTCOME_ROWS, *other_rows)
    cols: dict[str, dict[str, int]] = {r: {} for r in outcome_rows}
    for name in ("results_total", "carried_forward", "carried_over", "new_received"):
        cols[name] = {}
    for c in APPLICANTS:
        for r in outcome_rows:
            cols[r][c] = ints(0, HI)
        results = sum(cols[r][c] for r in outcome_rows)
        forward = ints(0, HI)
        if carried_over is None:
            over = ints(0, results + forward)
        else:
            over = carried_over[c]
            forward = max(forward, over - results)  # so that nothing new is negative
        cols["results_total"][c] = results
        cols["carried_forward"][c] = forward
        cols["carried_over"][c] = over
        cols["new_received"][c] = results + forward - over
    return {r: _row(columns) for r, columns in cols.items()}


def _block(ints: Ints) -> CaseOutcomes:
    upheld, corrected, other, pending = (ints(0, HI) for _ in range(4))
    return CaseOutcomes(
        upheld=upheld,
        corrected=corrected,
        other=other,
        pending=pending,
        total=upheld + corrected + other + pending,
    )


def _reviews(ints: Ints) -> ReviewsLitigation:
    return ReviewsLitigation(
        review=_block(ints), litigation_direct=_block(ints), litigation_after_review=_block(ints)
    )


def _wan_yuan(ints: Ints) -> dm.Amount:
    return dm.Amount(value=Decimal(ints(0, 10**6)).scaleb(-2), unit=dm.MoneyUnit.WAN_YUAN)


def _documents_2021(ints: Ints, in_force_before: int | None) -> DocumentCounts2021:
    if in_force_before is None:
        in_force, repealed = ints(0, HI), ints(0, HI)
        return DocumentCounts2021(
            issued=ints(0, in_force + repealed), repealed=repealed, in_force=in_force
        )
    issued = ints(0, HI)
    repealed = ints(0, in_force_before + issued)
    return DocumentCounts2021(
        issued=issued, repealed=repealed, in_force=in_force_before + issued - repealed
    )


def statistics_2021(
    ints: Ints,
    *,
    carried_over: Mapping[str, int] | None = None,
    in_force_before: Mapping[str, int] | None = None,
) -> Statistics2021:
    """2021-format statistics, every cell stated and every rule holding.

    ``carried_over`` (per applicant column) and ``in_force_before`` (per document row) make
    the statistics follow on from last year's.
    """
    before = in_force_before or {}
    return Statistics2021(
        active=ActiveDisclosure2021(
            regulations=_documents_2021(ints, before.get("regulations")),
            normative_documents=_documents_2021(ints, before.get("normative_documents")),
            licensing=Decisions(decisions=ints(0, 10**6)),
            penalties=Decisions(decisions=ints(0, 10**6)),
            coercion=Decisions(decisions=ints(0, 10**6)),
            administrative_fees=FeeAmount(amount=_wan_yuan(ints)),
        ),
        applications=Applications2021(**_applications(ints, OTHER_2021, carried_over)),
        reviews=_reviews(ints),
    )


def _documents_2019(ints: Ints) -> DocumentCounts2019:
    published_total = ints(0, HI)
    return DocumentCounts2019(
        new_made=ints(0, HI),
        new_published=ints(0, published_total),
        published_total=published_total,
    )


def _items(ints: Ints, before: int | None) -> tuple[int, int]:
    prev = ints(0, HI) if before is None else before
    return prev, ints(-prev, HI)


def statistics_2019(
    ints: Ints,
    *,
    carried_over: Mapping[str, int] | None = None,
    items_prev_year: Mapping[str, int] | None = None,
) -> Statistics2019:
    """2019-format statistics, every cell stated and every rule holding.

    ``items_prev_year`` (per item row) makes the item counts follow on from last year's.
    """
    prev = items_prev_year or {}

    def item_row(name: str) -> ItemCounts:
        before, change = _items(ints, prev.get(name))
        return ItemCounts(items_prev_year=before, items_change=change, decisions=ints(0, HI))

    fee_before, fee_change = _items(ints, prev.get("administrative_fees"))
    return Statistics2019(
        active=ActiveDisclosure2019(
            regulations=_documents_2019(ints),
            normative_documents=_documents_2019(ints),
            licensing=item_row("licensing"),
            other_services=item_row("other_services"),
            penalties=item_row("penalties"),
            coercion=item_row("coercion"),
            administrative_fees=FeeItems(items_prev_year=fee_before, items_change=fee_change),
            procurement=Procurement(projects=ints(0, HI), amount=_wan_yuan(ints)),
        ),
        applications=Applications2019(**_applications(ints, OTHER_2019, carried_over)),
        reviews=_reviews(ints),
    )


_REPLIES = (
    "reply_already_public",
    "reply_granted",
    "reply_partially_granted",
    "reply_refused",
    "reply_not_this_organ",
    "reply_not_exist",
    "reply_ask_amend",
    "reply_other_channel",
)
_REFUSALS = (
    "refused_state_secret",
    "refused_commercial_secret",
    "refused_privacy",
    "refused_security_stability",
    "refused_not_gov_info",
    "refused_other_legal",
)
_RECEIVED = ("received_in_person", "received_fax", "received_online", "received_letter")
_CHANNELS = ("channel_gazette", "channel_website", "channel_weibo", "channel_weixin")
_OUTCOMES = ("upheld", "corrected", "other")


def legacy_statistics(ints: Ints) -> LegacyStatistics:
    """Legacy statistics, every cell stated and every rule holding (no combined figures)."""
    v: dict[str, Any] = {}
    for name in (*_CHANNELS, "channel_other"):
        v[name] = ints(0, HI)
    v["proactive_total"] = ints(0, sum(v[c] for c in (*_CHANNELS, "channel_other")))
    v["proactive_normative_docs"] = ints(0, v["proactive_total"])
    v["normative_docs_issued_total"] = v["proactive_normative_docs"] + ints(0, HI)
    for name in (
        "responses_total",
        "policy_interpretations",
        "weibo_weixin_responses",
        "other_responses",
    ):
        v[name] = ints(0, HI)
    for whole in ("press_conferences", "online_interviews"):
        v[whole] = ints(0, HI)
        v[f"{whole}_principal"] = ints(0, v[whole])
    for name in _RECEIVED:
        v[name] = ints(0, HI)
    v["applications_received"] = sum(v[n] for n in _RECEIVED)
    completed = ints(0, v["applications_received"])
    v["applications_completed"] = v["applications_replied"] = completed
    v["completed_on_time"], v["completed_extended"] = _split(ints, completed, 2)
    v.update(zip(_REPLIES, _split(ints, completed, len(_REPLIES)), strict=True))
    v.update(zip(_REFUSALS, _split(ints, v["reply_refused"], len(_REFUSALS)), strict=True))
    for block in ("review", "litigation", "complaints"):
        parts = [ints(0, HI) for _ in _OUTCOMES]
        v.update({f"{block}_{o}": p for o, p in zip(_OUTCOMES, parts, strict=True)})
        v[f"{block}_total"] = sum(parts)
    v["fees_collected"] = _wan_yuan(ints)
    v["special_budget"] = _wan_yuan(ints)
    for name in ("dedicated_bodies", "reading_points", "meetings"):
        v[name] = ints(0, HI)
    v["staff_full_time"], v["staff_part_time"] = ints(0, HI), ints(0, HI)
    v["staff_total"] = v["staff_full_time"] + v["staff_part_time"]
    v["training_sessions"] = ints(0, HI)
    v["trainees"] = v["training_sessions"] + ints(0, HI)
    return LegacyStatistics(**v)


_BUILDERS: dict[dm.ReportFormat, Callable[[Ints], StatisticsBase]] = {
    dm.ReportFormat.LEGACY: legacy_statistics,
    dm.ReportFormat.GOV_2019: statistics_2019,
    dm.ReportFormat.GOV_2021: statistics_2021,
}

#: A year each format is right for, and the day by which a government publishes it.
_YEARS = {
    dm.ReportFormat.LEGACY: 2018,
    dm.ReportFormat.GOV_2019: 2020,
    dm.ReportFormat.GOV_2021: 2021,
}


def section_titles() -> tuple[dm.Section, ...]:
    """The six sections of the 2019 and 2021 formats; section 六 speaks of 信息处理费."""
    titles = (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    )
    texts = ("无。",) * 5 + ("逾期未缴纳信息处理费的申请见表三（六）2。",)
    return tuple(dm.Section(title=t, text=x) for t, x in zip(titles, texts, strict=True))


def consistent_report(stats: StatisticsBase) -> dm.Report:
    """A city government's report around ``stats``, right for its format, published in time."""
    fmt = stats.FORMAT
    year = _YEARS[fmt]
    return dm.Report(
        organ=dm.Organ(name="某市人民政府", level=dm.OrganLevel.CITY),
        year=year,
        format=fmt,
        statistics=stats,
        published=date(year + 1, 1, 20),
        sections=() if fmt is dm.ReportFormat.LEGACY else section_titles(),
    )


@st.composite
def consistent_statistics(draw: st.DrawFn, fmt: dm.ReportFormat) -> StatisticsBase:
    """Statistics of ``fmt`` consistent by construction; shrinks towards all zeros."""
    return _BUILDERS[fmt](lambda lo, hi: draw(st.integers(lo, hi)))


def consistent_reports(fmt: dm.ReportFormat | None = None) -> st.SearchStrategy[dm.Report]:
    """Reports (of ``fmt``, or of any format) around consistent statistics."""
    formats = st.just(fmt) if fmt is not None else st.sampled_from(dm.ReportFormat)
    return formats.flatmap(consistent_statistics).map(consistent_report)


def build(fmt: dm.ReportFormat, ints: Ints) -> StatisticsBase:
    """Consistent statistics of ``fmt`` from a given source of integers."""
    return _BUILDERS[fmt](ints)


def map_counts(obj: Any, fn: Callable[[int], int]) -> Any:
    """``obj`` (statistics, a table or a row) with ``fn`` applied to every stated count."""
    changes = {}
    for s in slots(type(obj)):
        value = getattr(obj, s.name)
        if s.kind is SlotKind.NESTED:
            changes[s.name] = map_counts(value, fn)
        elif s.kind in (SlotKind.COUNT, SlotKind.CHANGE) and value is not None:
            changes[s.name] = fn(value)
    return attrs.evolve(obj, **changes)


def with_cell(obj: Any, path: str, value: Any) -> Any:
    """``obj`` with the cell at catalogue ``path`` (``applications.granted.total``) replaced."""
    head, _, rest = path.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: with_cell(getattr(obj, head), rest, value)})
