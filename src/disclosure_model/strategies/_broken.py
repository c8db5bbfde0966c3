"""Reports broken at one place, with the rule that must fail and where."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from typing import cast

import attrs
from attrs import frozen
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_model.checks import rule as _rule
from disclosure_model.checks import rules as _rules
from disclosure_model.checks._meta import NO_RULE_MAKING, deadline
from disclosure_model.claims import Claim, ClaimKind, ClaimSum, Share
from disclosure_model.formats import (
    ReportFormat,
    Statistics,
    Statistics2021,
    format_for_year,
)
from disclosure_model.formats._declare import Relation
from disclosure_model.formats._rules import (
    CROSS_YEAR_RULES,
    Place,
    cross_year_places,
    identity_places,
    rule_making_places,
    unit_places,
)
from disclosure_model.report import Organ, OrganLevel, Report
from disclosure_model.strategies._claims import (
    _exact,
    _fact,
    _fewest_telling_places,
)
from disclosure_model.strategies._consecutive import (
    _links,
    _pair,
)
from disclosure_model.strategies._draw import (
    _LAST_YEAR,
    _drawn,
    _format,
    _pick,
    _years,
)
from disclosure_model.strategies._model import (
    _NO_WANTS,
    _first,
    _Model,
    _model,
    _Relation,
    _relation,
    _System,
    _violated,
    _Wants,
)
from disclosure_model.strategies._percentages import (
    About,
    _stated_percentage,
)
from disclosure_model.strategies._reports import (
    _consistent_report,
    _no_rule_making,
    _row_cells,
)
from disclosure_model.strategies._tables import (
    _replace_cells,
)
from disclosure_model.strategies._text import (
    _OFF_TITLES,
)
from disclosure_model.values import Amount, MoneyUnit

__all__ = [
    "BrokenReport",
    "_break_identity",
    "broken_reports",
]


@frozen(kw_only=True)
class BrokenReport:
    """A report broken so that one rule fails, with the rule and where it must fail.

    ``code`` is the rule :func:`dm.check <disclosure_model.checks.check>` must find failed and
    ``path`` where, as :attr:`Finding.path <disclosure_model.checks.Finding.path>` gives it
    (``$.statistics...``, ``$.claims[2]``, ``$.published``); the rule may fail at more
    places of the same table too. ``previous`` is the report to pass as
    ``check(report, previous=previous)`` for the rules across two years, else ``None``.
    ``also`` names the rules that cannot hold once this one fails, because they imply it
    (a "其中" cell above its whole breaks the sum that defines the whole as well); it is
    empty for most rules.
    """

    report: Report
    code: str
    path: str
    previous: Report | None = None
    also: frozenset[str] = frozenset()


def _with_counts(report: Report, model: _Model, values: Mapping[str, int]) -> Report:
    """``report`` with the count cells of one table set from the model's free cells."""
    stats = report.statistics
    changes = {p: v for p, v in model.complete(values).items() if stats.cell(p) != v}
    return attrs.evolve(report, statistics=_replace_cells(stats, changes))


def _may_make_rules(report: Report) -> Report:
    """A report stating 规章 made by an organ that can make them (else R-21-05 would fire)."""
    if report.organ.level not in NO_RULE_MAKING:
        return report
    stated = [report.statistics.cell(p.path) for p in rule_making_places(report.format)]
    if not any(isinstance(v, int) and v > 0 for v in stated):
        return report
    return attrs.evolve(report, organ=Organ(name="某市人民政府", level=OrganLevel.CITY))


def _break_identity(
    report: Report, place: Place, *, up: bool, size: int, previous: Report | None = None
) -> BrokenReport:
    """Break one rule at one place by ``size`` (up or down, for an equality), then settle
    every other rule again; deterministic.

    Where an identity follows from others (a part above its whole needs the whole's sum
    broken too), those are let go one at a time, and named in ``also``. A rule across two
    years is broken in this year's report, against ``previous``.
    """
    broken = _break_place(report, place, up=up, size=size, previous=previous)
    if broken is None:
        msg = f"cannot break {place.code} at {place.checked.path} in {report.format.value}"
        raise RuntimeError(msg)
    return broken


def _break_place(
    report: Report, place: Place, *, up: bool, size: int, previous: Report | None
) -> BrokenReport | None:
    """:func:`_break_identity`, or ``None`` where a rule across years cannot break there
    without breaking another rule."""
    stats = report.statistics
    code = place.code
    path = f"$.statistics.{place.checked.path}"
    wants = _NO_WANTS
    if previous is not None:  # the other rules across years, and R-21-05, keep holding
        links = _links(previous.statistics, report.format, without=code)
        wants = (links + _no_rule_making(report.organ, report.format)).on(place.table)
    relation = _relation(place, previous.statistics if previous is not None else None)
    frozen_cells = frozenset(wants.fixed)
    signs = (1,) if place.relation is not Relation.EQUAL else ((1, -1) if up else (-1, 1))
    relaxed = {code}
    while True:
        model = _model(type(stats), place.table, frozenset(relaxed))
        extra = [model.linear(r) for r in wants.relations]
        start = {p: cast(int, stats.cell(p)) for p in model.free}
        mended: Counter[str] = Counter()
        possible = False
        for sign in signs:
            target = model.linear(_violated(relation, sign * size))
            system = _System(model, [*extra, target])
            if not system.moves(target, start, frozen_cells):
                continue
            possible = True
            values = dict(start)
            ok, counts = system.settle(
                values, [len(system.constraints) - 1], frozen=frozen_cells, choose=_first
            )
            if ok:
                broken = _with_counts(report, model, values)
                return BrokenReport(
                    report=broken if previous is not None else _may_make_rules(broken),
                    code=code,
                    path=path,
                    previous=previous,
                    also=frozenset(relaxed - {code}),
                )
            mended += counts
        if previous is not None:  # across years nothing else may break: another place
            return None
        if not possible:  # the sums that define its cells imply it: one breaks with it
            cells = relation.left + relation.right
            more = [model.defined_by[p] for p in cells if p in model.defined_by]
            enough = [
                c
                for c in more
                if _breakable(
                    relation,
                    stats,
                    table=place.table,
                    relaxed=relaxed | {c},
                    signs=signs,
                    size=size,
                )
            ]
            more = enough or more
        else:  # it implies a rule that the settling kept mending: that one breaks with it
            more = [c for c, _ in mended.most_common() if c and c not in relaxed]
        if not more:
            return None
        relaxed.add(more[0])


def _breakable(
    relation: _Relation,
    stats: Statistics,
    *,
    table: str,
    relaxed: set[str],
    signs: Sequence[int],
    size: int,
) -> bool:
    """Whether some free cell of ``table`` can move towards breaking ``relation`` once
    ``relaxed`` may fail."""
    model = _model(type(stats), table, frozenset(relaxed))
    start = {p: cast(int, stats.cell(p)) for p in model.free}
    for sign in signs:
        target = model.linear(_violated(relation, sign * size))
        if _System(model, [target]).moves(target, start, frozenset()):
            return True
    return False


def _identity_codes(fmt: ReportFormat) -> frozenset[str]:
    return frozenset(p.code for p in identity_places(fmt))


def _broken_identity(draw: st.DrawFn, fmt: ReportFormat, code: str) -> BrokenReport:
    place = _pick(draw, [p for p in identity_places(fmt) if p.code == code])
    report = _consistent_report(draw, fmt)
    down = draw(st.booleans(), label="down")
    size = draw(st.integers(1, 3), label="by")
    return _break_identity(report, place, up=not down, size=size)


def _broken_across_years(draw: st.DrawFn, fmt: ReportFormat, code: str) -> BrokenReport:
    """A rule across two years broken in this year's report at one of its places (the
    first, from a drawn one on, where the other rules can keep holding)."""
    (across,) = (r for r in CROSS_YEAR_RULES if r.code == code)
    first, last = _years(fmt)
    years = [y for y in range(first, last + 1) if format_for_year(y - 1) in across.previous]
    previous, report = _pair(draw, fmt, (years[0], years[-1]))
    places = [p for p in cross_year_places(fmt, previous.format) if p.code == code]
    start = draw(st.integers(0, len(places) - 1), label="place")
    down = draw(st.booleans(), label="down")
    size = draw(st.integers(1, 3), label="by")
    for place in places[start:] + places[:start]:
        broken = _break_place(report, place, up=not down, size=size, previous=previous)
        if broken is not None:
            return broken
    msg = f"cannot break {code} in {fmt.value}"
    raise RuntimeError(msg)


def _at_least_one(path: str) -> _Wants:
    return _Wants(relations=(_Relation((path,), Relation.AT_LEAST, (), offset=-1),))


_UNPAID = "applications.other_unpaid_fee"


def _no_unpaid_fees() -> _Wants:
    model = _model(Statistics2021, "applications")
    return _Wants(fixed=dict.fromkeys(_row_cells(model, _UNPAID), 0))


def _wrong_format_for_year(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-09: a year the format is not for (a 2021-format report before 2021 states no
    unpaid-fee outcome, which R-21-06 would flag as well)."""
    years = [
        y
        for y in range(_years(ReportFormat.LEGACY)[0], _LAST_YEAR + 1)
        if format_for_year(y) is not fmt
    ]
    wants = _no_unpaid_fees() if fmt is ReportFormat.GOV_2021 else _NO_WANTS
    year = draw(st.sampled_from(years), label="year")
    report = _consistent_report(draw, fmt, year=year, wants=wants)
    return BrokenReport(report=report, code="R-09", path="$.format")


def _unpaid_fees_before_2021(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-06: unpaid-fee outcomes in a 2021-format report for a year before fees; such a
    report is in the wrong format for its year as well (R-09)."""
    year = draw(st.integers(2014, 2020), label="year")
    report = _consistent_report(draw, fmt, year=year, wants=_at_least_one(f"{_UNPAID}.total"))
    return BrokenReport(
        report=report,
        code="R-21-06",
        path=f"$.statistics.{_UNPAID}.total",
        also=frozenset({"R-09"}),
    )


def _published_late(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-10: published after the deadline of its organ."""
    levels = [level for level in OrganLevel if level is not OrganLevel.OTHER]
    report = _consistent_report(draw, fmt, levels=levels)
    due = deadline(report)
    assert due is not None  # every level but OTHER has one
    late = due + timedelta(days=draw(st.integers(1, 400), label="days late"))
    return BrokenReport(
        report=attrs.evolve(report, published=late, dated=None), code="R-10", path="$.published"
    )


def _section_missing(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-11: one of the six sections retitled so that it is not recognisable."""
    report = _consistent_report(draw, fmt)
    i = draw(st.integers(0, len(_OFF_TITLES) - 1), label="section")
    sections = list(report.sections)
    sections[i] = attrs.evolve(sections[i], title=_OFF_TITLES[i])
    return BrokenReport(
        report=attrs.evolve(report, sections=tuple(sections)), code="R-11", path="$.sections"
    )


def _unit_broken(draw: st.DrawFn, fmt: ReportFormat, code: str) -> BrokenReport:
    """R-21-03, P-13: a sum of money (not 0) not in the unit the form fixes (in 元, or
    without a unit); R-19-04: an amount (not 0) without the unit the form leaves to the
    report. A 0 is 0 in any unit, so no rule fails for it."""
    place = _pick(draw, [p for p in unit_places(fmt) if p.code == code])
    report = _consistent_report(draw, fmt)
    value = Decimal(draw(st.integers(1, 10**9), label="amount"))
    value = value.scaleb(-draw(st.integers(0, 2)))
    if place.unit is not None:
        others = [u for u in MoneyUnit if u.value != place.unit.value]
        amount = Amount(value=value, unit=_pick(draw, [*others, None]))
    else:
        amount = Amount(value=value)
    stats = _replace_cells(report.statistics, {place.path: amount})
    return BrokenReport(
        report=attrs.evolve(report, statistics=stats),
        code=code,
        path=f"$.statistics.{place.path}",
    )


def _unpaid_fees_unexplained(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-04: unpaid-fee outcomes, and section 六 says nothing of the fee."""
    report = _consistent_report(draw, fmt, wants=_at_least_one(f"{_UNPAID}.total"))
    sections = tuple(
        attrs.evolve(s, text="无。") if s.title and s.title.startswith("六") else s
        for s in report.sections
    )
    return BrokenReport(
        report=attrs.evolve(report, sections=sections),
        code="R-21-04",
        path=f"$.statistics.{_UNPAID}.total",
    )


def _rules_without_power(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """R-21-05: 规章 stated by an organ that cannot make them."""
    first = rule_making_places(fmt)[0].path
    report = _consistent_report(
        draw,
        fmt,
        levels=sorted(NO_RULE_MAKING, key=lambda level: level.value),
        wants=_at_least_one(first),
        rule_making_guard=False,
    )
    return BrokenReport(report=report, code="R-21-05", path=f"$.statistics.{first}")


def _appended(report: Report, *more: Claim) -> tuple[Report, str]:
    """``report`` with claims added at the end, and the path of the last one."""
    claims = (*report.claims, *more)
    return attrs.evolve(report, claims=claims), f"$.claims[{len(claims) - 1}]"


def _share_of_whole(
    claim_id: str, text: str, value: Decimal, section: int | None, part: str | None = None
) -> Claim:
    """A percentage of the stated figure ``whole``: of the stated figure ``part``, or of a
    part not stated (``None``)."""
    numerator = ClaimSum(ids=(part,)) if part is not None else None
    return Claim(
        id=claim_id,
        text=text,
        kind=ClaimKind.PERCENT,
        value=value,
        section=section,
        about=Share(numerator=numerator, denominator=ClaimSum(ids=("whole",))),
    )


def _percentage_wrong(draw: st.DrawFn, fmt: ReportFormat, about: About) -> BrokenReport:
    """R-08 (about cells) or C-01 (about stated figures): a percentage that is neither."""
    stated = _stated_percentage(draw, fmt, about, "wrong")
    assert stated.code is not None
    return BrokenReport(report=stated.report, code=stated.code, path=stated.path)


def _percentage_truncated(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """C-02: the share of two stated figures truncated where rounding half up differs."""
    report = _consistent_report(draw, fmt)
    whole = draw(st.integers(3, 10_000), label="whole")
    part = draw(st.integers(1, whole - 1), label="part")
    x = Fraction(100 * part, whole)
    telling = _fewest_telling_places(x, 3)
    if telling is None:  # a share that truncation never changes (25%): take two thirds
        part, whole, x = 2, 3, Fraction(200, 3)
        telling = 1
    places = telling
    value = _exact(x, places, truncate=True)
    section = 0 if report.sections else None
    text = f"收到申请{whole}件，其中网络申请{part}件，占{value}%"
    broken, path = _appended(
        report,
        _fact("whole", f"收到申请{whole}件", Decimal(whole), "件", section=section),
        _fact("part", f"其中网络申请{part}件", Decimal(part), "件", section=section),
        _share_of_whole("share", text, value, section, part="part"),
    )
    return BrokenReport(report=broken, code="C-02", path=path)


def _percentage_of_no_whole_number(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """C-03: a percentage of a stated whole (up to 1000) half-way between two whole
    numbers of it, to two decimals: neither rounding nor truncation reaches one."""
    report = _consistent_report(draw, fmt)
    whole = draw(st.integers(1, 1000), label="whole")
    k = draw(st.integers(0, whole - 1), label="below")
    value = _exact(Fraction((2 * k + 1) * 50, whole), 2)
    section = 0 if report.sections else None
    broken, path = _appended(
        report,
        _fact("whole", f"收到申请{whole}件", Decimal(whole), "件", section=section),
        _share_of_whole("share", f"收到申请{whole}件，其中{value}%为网络申请", value, section),
    )
    return BrokenReport(report=broken, code="C-03", path=path)


def _parts_exceed_whole(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """C-04: two stated parts of a stated whole that together exceed it (as a 2017 report
    said that citizens filed 90% of its 10 applications and organisations 2 of them).

    The whole is at most 100 and the first share a whole percentage, so that share stands
    for exactly one number of cases; the second part is a stated figure, with its share.
    """
    report = _consistent_report(draw, fmt)
    whole = draw(st.integers(2, 100), label="whole")
    first = draw(st.integers(1, whole - 1), label="first part")
    second = draw(st.integers(whole - first + 1, whole), label="second part")
    share = _exact(Fraction(100 * first, whole), 0)
    other = _exact(Fraction(100 * second, whole), 0)
    section = 0 if report.sections else None
    broken, path = _appended(
        report,
        _fact("whole", f"共收到申请{whole}件", Decimal(whole), "件", section=section),
        _share_of_whole("citizens", f"其中公民申请占{share}%", share, section),
        _fact(
            "organisations", f"法人和其他组织申请{second}件", Decimal(second), "件", section=section
        ),
        _share_of_whole("organisations-share", f"占{other}%", other, section, "organisations"),
    )
    return BrokenReport(report=broken, code="C-04", path=path)


def _other_organ(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """X-01: last year's report is another organ's."""
    previous, report = _pair(draw, fmt)
    organ = attrs.evolve(previous.organ, name=previous.organ.name + "办公室")
    return BrokenReport(
        report=report,
        code="X-01",
        path="$.organ.name",
        previous=attrs.evolve(previous, organ=organ),
    )


def _other_year(draw: st.DrawFn, fmt: ReportFormat) -> BrokenReport:
    """X-02: the earlier report is not for the year before."""
    previous, report = _pair(draw, fmt)
    gap = draw(st.integers(2, 6) | st.integers(-3, 0), label="years apart")
    return BrokenReport(
        report=report,
        code="X-02",
        path="$.year",
        previous=attrs.evolve(previous, year=report.year - gap),
    )


_Corruption = Callable[[st.DrawFn, ReportFormat], BrokenReport]


#: A corruption for every rule that is not an identity of the formats.
_CORRUPTIONS: dict[str, _Corruption] = {
    "R-08": functools.partial(_percentage_wrong, about="cells"),
    "R-09": _wrong_format_for_year,
    "R-10": _published_late,
    "R-11": _section_missing,
    "R-21-04": _unpaid_fees_unexplained,
    "R-21-05": _rules_without_power,
    "R-21-06": _unpaid_fees_before_2021,
    "C-01": functools.partial(_percentage_wrong, about="claims"),
    "C-02": _percentage_truncated,
    "C-03": _percentage_of_no_whole_number,
    "C-04": _parts_exceed_whole,
    "X-01": _other_organ,
    "X-02": _other_year,
    # The rules across two years and the unit rules: one corruption each, from their places.
    **{r.code: functools.partial(_broken_across_years, code=r.code) for r in CROSS_YEAR_RULES},
    **{
        p.code: functools.partial(_unit_broken, code=p.code)
        for fmt in ReportFormat
        for p in unit_places(fmt)
    },
}


def _corruptible(code: str) -> list[ReportFormat]:
    """The formats in which ``code`` can be broken."""
    return [
        f
        for f in ReportFormat
        if f in _rule(code).formats and (code in _identity_codes(f) or code in _CORRUPTIONS)
    ]


def _corruption(draw: st.DrawFn, options: Sequence[tuple[str, ReportFormat]]) -> BrokenReport:
    code, fmt = _pick(draw, options)
    if code in _identity_codes(fmt):
        return _broken_identity(draw, fmt, code)
    return _CORRUPTIONS[code](draw, fmt)


def broken_reports(
    *, rule: str | None = None, format: ReportFormat | str | None = None
) -> st.SearchStrategy[BrokenReport]:
    """Reports broken so that one rule fails, each with the rule's code and the path of a
    failure (:class:`BrokenReport`).

    ``rule`` is a code of :func:`dm.rules() <disclosure_model.checks.rules>` (any when
    ``None``), ``format`` the report's format (any the rule applies to, when ``None``).
    Every rule has a corruption: an identity is broken at one of its places, by a small
    amount, and every other identity settled again (a total raised gets a part raised too,
    so only the sum's own rule fails); the other rules get a report built to break them,
    such as a late publication, a percentage stated wrong, or last year's report with a
    different carry-over (then ``previous`` is set). Apart from :attr:`BrokenReport.also`,
    no other rule fails.

    Shrinks towards the first rule of the catalogue broken by 1 in a report of zeros.
    """
    fmt = _format(format)
    codes = [r.code for r in _rules()]
    if rule is not None:
        if rule not in codes:
            msg = f"rule={rule!r} is not a rule code of disclosure_model.rules()"
            raise InvalidArgument(msg)
        codes = [rule]
    options = [(c, f) for c in codes for f in _corruptible(c) if fmt in (None, f)]
    if not options:
        msg = f"rule {rule!r} does not apply to format {fmt.value!r}" if fmt else f"{rule!r}"
        raise InvalidArgument(msg)
    return _drawn(_corruption, options)
