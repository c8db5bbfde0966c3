"""Hand-built reports and small hypothesis strategies, for the tests only.

The public, consistent-by-construction strategies belong in ``disclosure_model.strategies``;
these are deliberately simple: random cells (``None`` or any value the model accepts), random
amounts, a few sections and claims whose links are valid. Totals need not add up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

import disclosure_model as dm
from disclosure_model import office
from disclosure_model.formats import STATISTICS_CLASSES, CombinedFigure, LegacyStatistics
from disclosure_model.formats._declare import SlotKind, slots
from disclosure_model.formats._shared import ApplicantCounts, CaseOutcomes
from disclosure_model.formats.gov2019 import (
    ActiveDisclosure2019,
    Applications2019,
    DocumentCounts2019,
    FeeItems,
    ItemCounts,
    Procurement,
)
from disclosure_model.formats.gov2021 import (
    ActiveDisclosure2021,
    Applications2021,
    Decisions,
    DocumentCounts2021,
    FeeAmount,
)

__all__ = [
    "amounts",
    "applicants",
    "claims_for",
    "legacy_report",
    "organs",
    "report_2019",
    "report_2021",
    "reports",
    "statistics",
]

SHA = "0123456789abcdef" * 4

# --- hand-built reports ------------------------------------------------------------------


def applicants(*values: int | None) -> ApplicantCounts:
    """A row of table 三 from its seven columns in form order."""
    names = [s.name for s in slots(ApplicantCounts)]
    return ApplicantCounts(**dict(zip(names, values, strict=True)))


def _every_subject_claims(path_a: str, path_b: str) -> tuple[dm.Claim, ...]:
    """Claims with every kind of subject: none, CellSum, ClaimSum, Share (both operand kinds)."""
    return (
        dm.Claim(
            id="c1",
            text="全年共受理申请129件",
            kind=dm.ClaimKind.FIGURE,
            value=Decimal(129),
            unit="件",
            section=1,
            about=dm.CellSum(paths=(path_a,)),
        ),
        dm.Claim(
            id="c2",
            text="其中当面申请30件",
            kind=dm.ClaimKind.FIGURE,
            value=Decimal(30),
            unit="件",
            section=1,
            about=dm.CellSum(paths=(path_a, path_b)),
        ),
        dm.Claim(
            id="c3",
            text="占23.2%",
            kind=dm.ClaimKind.PERCENT,
            value=Decimal("23.2"),
            section=1,
            about=dm.Share(
                numerator=dm.ClaimSum(ids=("c2",)), denominator=dm.ClaimSum(ids=("c1",))
            ),
        ),
        dm.Claim(
            id="c4",
            text="21.7%属扶贫类信息",
            kind=dm.ClaimKind.PERCENT,
            value=Decimal("21.7"),
            approximation=dm.Approximation.ABOUT,
            about=dm.Share(numerator=None, denominator=dm.CellSum(paths=(path_a,))),
        ),
        dm.Claim(
            id="c5",
            text="合计159件",
            kind=dm.ClaimKind.FIGURE,
            value=Decimal(159),
            unit="件",
            about=dm.ClaimSum(ids=("c1", "c2")),
        ),
        dm.Claim(
            id="c6.page-views",
            text="网站访问量达9.9万余次",
            kind=dm.ClaimKind.FIGURE,
            value=Decimal("9.9"),
            scale=10_000,
            unit="次",
            approximation=dm.Approximation.MORE_THAN,
            section=0,
        ),
        dm.Claim(
            id="c7",
            text="占比87.74%",
            kind=dm.ClaimKind.PERCENT,
            value=Decimal("87.74"),
            about=dm.Share(
                numerator=dm.CellSum(paths=(path_b,)),
                denominator=dm.CellSum(paths=(path_a, path_b)),
            ),
        ),
    )


_SECTIONS = (
    dm.Section(title=None, text="本报告根据《中华人民共和国政府信息公开条例》编制。"),
    dm.Section(title="一、总体情况", text="全年共受理申请129件，其中当面申请30件，占23.2%。"),
)


def report_2021() -> dm.Report:
    """A 2021-format report with some cells stated, money in 万元 and every claim subject."""
    stats = dm.Statistics2021(
        active=ActiveDisclosure2021(
            regulations=DocumentCounts2021(issued=2, repealed=0, in_force=35),
            normative_documents=DocumentCounts2021(issued=12, repealed=3, in_force=None),
            licensing=Decisions(decisions=96171),
            administrative_fees=FeeAmount(
                amount=dm.Amount(value=Decimal("96171.60"), unit=dm.MoneyUnit.WAN_YUAN)
            ),
        ),
        applications=Applications2021(
            new_received=applicants(100, 10, 5, 4, 3, 7, 129),
            carried_over=applicants(1, 0, 0, 0, 0, 0, 1),
            granted=applicants(60, 5, 2, 2, 1, 3, 73),
            other_unpaid_fee=applicants(0, 0, 0, 0, 0, 0, 0),
            results_total=applicants(99, 10, 5, 4, 3, 7, 128),
        ),
        reviews=dm.formats.ReviewsLitigation(
            review=CaseOutcomes(upheld=2, corrected=1, other=0, pending=0, total=3),
        ),
    )
    return dm.Report(
        organ=dm.Organ(name="淮安市人民政府", level=dm.OrganLevel.CITY, division_code="320800"),
        year=2021,
        format=dm.ReportFormat.GOV_2021,
        statistics=stats,
        title="淮安市人民政府2021年政府信息公开工作年度报告",
        dated=date(2022, 1, 20),
        published=date(2022, 1, 28),
        source=dm.Source(url="https://example.gov.cn/2021.html", sha256=SHA),
        sections=_SECTIONS,
        claims=_every_subject_claims(
            "applications.new_received.total", "applications.carried_over.total"
        ),
    )


def report_2019() -> dm.Report:
    """A 2019-format report: a signed change, procurement money without a unit."""
    stats = dm.Statistics2019(
        active=ActiveDisclosure2019(
            regulations=DocumentCounts2019(new_made=1, new_published=1, published_total=20),
            licensing=ItemCounts(items_prev_year=120, items_change=-7, decisions=5321),
            administrative_fees=FeeItems(items_prev_year=12, items_change=0),
            procurement=Procurement(projects=14, amount=dm.Amount(value=Decimal("213.15"))),
        ),
        applications=Applications2019(
            new_received=applicants(50, 1, 0, 0, 0, 2, 53),
            other_total=applicants(1, 0, 0, 0, 0, 0, 1),
        ),
    )
    return dm.Report(
        organ=dm.Organ(name="某省交通运输厅", level=dm.OrganLevel.PROVINCIAL_DEPARTMENT),
        year=2019,
        format=dm.ReportFormat.GOV_2019,
        statistics=stats,
        dated=date(2020, 1, 31),
        sections=_SECTIONS,
        claims=_every_subject_claims(
            "applications.new_received.total", "applications.other_total.natural_person"
        ),
    )


def legacy_report() -> dm.Report:
    """A legacy report with a combined figure, money in 元 and in 万元."""
    stats = LegacyStatistics(
        proactive_total=32132,
        channel_website=20000,
        applications_received=129,
        received_in_person=30,
        fees_collected=dm.Amount(value=Decimal("0"), unit=dm.MoneyUnit.YUAN),
        special_budget=dm.Amount(value=Decimal("12.5"), unit=dm.MoneyUnit.WAN_YUAN),
        combined=(CombinedFigure(cells=("channel_weibo", "channel_weixin"), value=32132),),
    )
    return dm.Report(
        organ=dm.Organ(name="保山市人民政府", level=dm.OrganLevel.CITY, division_code="530500"),
        year=2018,
        format=dm.ReportFormat.LEGACY,
        statistics=stats,
        title="保山市2018年政府信息公开工作年度报告",
        published=date(2019, 3, 29),
        source=dm.Source(url="http://example.gov.cn/2018.html"),
        sections=_SECTIONS,
        claims=_every_subject_claims("applications_received", "received_in_person"),
    )


# --- strategies --------------------------------------------------------------------------

_BIG = 10**15


def amounts() -> st.SearchStrategy[dm.Amount]:
    """Non-negative amounts with 0 to 4 decimals, in 元, 万元 or no stated unit."""
    return st.builds(
        lambda n, d, unit: dm.Amount(value=Decimal(n).scaleb(-d), unit=unit),
        st.integers(0, _BIG),
        st.integers(0, 4),
        st.sampled_from([None, *dm.MoneyUnit]),
    )


def _build(cls: type, values: dict[str, Any], prefix: str = "") -> Any:
    """Construct a declared class from cell values keyed by catalogue path."""
    kwargs = {
        s.name: _build(s.type, values, f"{prefix}{s.name}.")
        if s.kind is SlotKind.NESTED
        else values[prefix + s.name]
        for s in slots(cls)
        if s.kind is not SlotKind.OTHER
    }
    return cls(**kwargs)


def _cell(kind: dm.CellKind, byte: int) -> int | None:
    # One byte per cell keeps generation fast (200 cells) and shrinks towards "not stated".
    if byte < 40:
        return None
    return byte - 148 if kind is dm.CellKind.CHANGE else byte - 40


@st.composite
def _cells(draw: st.DrawFn, fmt: dm.ReportFormat) -> Any:
    entries = dm.catalogue(fmt).entries
    raw = draw(st.binary(min_size=len(entries), max_size=len(entries)))
    values: dict[str, Any] = {}
    for e, byte in zip(entries, raw, strict=True):
        if e.kind is dm.CellKind.MONEY:
            values[e.path] = draw(st.none() | amounts())
        else:
            values[e.path] = _cell(e.kind, byte)
    # A few very large values, where a float would lose digits.
    counts = [e for e in entries if e.kind is not dm.CellKind.MONEY]
    for e, big in draw(
        st.lists(
            st.tuples(st.sampled_from(counts), st.sampled_from([_BIG, 2**53 + 1, 10**16 + 1])),
            max_size=3,
        )
    ):
        values[e.path] = -big if e.kind is dm.CellKind.CHANGE and big % 2 else big
    return _build(STATISTICS_CLASSES[fmt], values)


_COMBINABLE = (
    ("channel_weibo", "channel_weixin"),
    ("press_conferences", "online_interviews"),
    ("received_fax", "received_online", "received_letter"),
)


def statistics(fmt: dm.ReportFormat) -> st.SearchStrategy[Any]:
    """Statistics of ``fmt`` with every cell ``None`` or a random valid value."""
    base = _cells(fmt)
    if fmt is not dm.ReportFormat.LEGACY:
        return base
    combined = st.lists(
        st.builds(
            lambda cells, value: CombinedFigure(cells=cells, value=value),
            st.sampled_from(_COMBINABLE),
            st.integers(0, _BIG),
        ),
        max_size=2,
    ).map(tuple)
    return st.tuples(base, combined).map(
        lambda pair: pair[0] if not pair[1] else _with_combined(pair[0], pair[1])
    )


def _with_combined(stats: LegacyStatistics, combined: tuple[CombinedFigure, ...]) -> Any:
    return attrs.evolve(stats, combined=combined)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
_NONBLANK = _TEXT.filter(lambda t: t.strip() != "")


def organs() -> st.SearchStrategy[dm.Organ]:
    """Organs with any non-blank name, any level, maybe a 6-, 9- or 12-digit division code."""
    return st.builds(
        dm.Organ,
        name=_NONBLANK,
        level=st.sampled_from(dm.OrganLevel),
        division_code=st.none() | st.from_regex(r"\A([0-9]{6}|[0-9]{9}|[0-9]{12})\Z"),
    )


_IDS = st.from_regex(r"\A[a-z0-9][a-z0-9_.-]{0,6}\Z")


@st.composite
def claims_for(draw: st.DrawFn, fmt: dm.ReportFormat, n_sections: int) -> tuple[dm.Claim, ...]:
    """Up to four claims whose subjects name real cells, earlier claims and real sections."""
    paths = [e.path for e in dm.catalogue(fmt)]
    ids = draw(st.lists(_IDS, max_size=4, unique=True))
    claims: list[dm.Claim] = []
    for i, cid in enumerate(ids):
        earlier = ids[:i]
        cells = st.lists(st.sampled_from(paths), min_size=1, max_size=3).map(
            lambda ps: dm.CellSum(paths=tuple(ps))
        )
        operand = cells
        if earlier:
            operand = cells | st.lists(st.sampled_from(earlier), min_size=1, max_size=2).map(
                lambda xs: dm.ClaimSum(ids=tuple(xs))
            )
        kind = draw(st.sampled_from(dm.ClaimKind))
        if kind is dm.ClaimKind.PERCENT:
            about = draw(
                st.none() | st.builds(dm.Share, numerator=st.none() | operand, denominator=operand)
            )
            scale = 1
        else:
            about = draw(st.none() | operand)
            scale = draw(st.sampled_from([1, 10_000, 100_000_000]))
        claims.append(
            dm.Claim(
                id=cid,
                text=draw(_NONBLANK),
                kind=kind,
                value=draw(
                    st.builds(
                        lambda n, d: Decimal(n).scaleb(-d), st.integers(0, _BIG), st.integers(0, 3)
                    )
                ),
                unit=draw(st.sampled_from([None, "件", "条", "万元"])),
                scale=scale,
                approximation=draw(st.sampled_from(dm.Approximation)),
                section=draw(st.none() | st.integers(0, n_sections - 1)) if n_sections else None,
                about=about,
            )
        )
    return tuple(claims)


@st.composite
def reports(draw: st.DrawFn, *, fmt: dm.ReportFormat | None = None) -> dm.Report:
    """Structurally valid reports of any format (totals need not add up)."""
    fmt = fmt if fmt is not None else draw(st.sampled_from(dm.ReportFormat))
    sections = draw(
        st.lists(
            st.builds(dm.Section, title=st.none() | _NONBLANK, text=st.text(max_size=20)),
            max_size=3,
        )
    )
    dates = st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31))
    return dm.Report(
        organ=draw(organs()),
        year=draw(st.integers(2000, 2100)),
        format=fmt,
        statistics=draw(statistics(fmt)),
        title=draw(st.none() | _NONBLANK),
        dated=draw(dates),
        published=draw(dates),
        source=draw(
            st.none()
            | st.builds(dm.Source, url=st.none() | _NONBLANK, sha256=st.none() | st.just(SHA))
        ),
        sections=tuple(sections),
        claims=draw(claims_for(fmt, len(sections))),
    )


def filled_rows(report: dm.Report) -> list[dict[str, str]]:
    """The CSV rows of the report's template, filled from the report's cells as a clerk would
    type them (an amount as its digits, its unit where the form fixes none)."""
    rows = [r.as_dict() for r in office.template(report.format)]
    for row in rows:
        value = report.statistics.cell(row["path"])
        if isinstance(value, dm.Amount):
            row["value"] = str(value.value)
            if not row["unit"] and value.unit is not None:
                row["unit"] = value.unit.value
        elif value is not None:
            row["value"] = str(value)
    return rows
