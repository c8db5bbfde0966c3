"""Figures and percentages stated in the text, checked against what they are about.

A stated value with ``d`` decimals stands for an interval: written by rounding half up, it
covers ``[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ)``; written by truncating, ``[v, v + 10⁻ᵈ)``. A value that
fits the first interval gets no finding; one that fits only the second gets an information
finding (C-02); one that fits neither is wrong: an error when it contradicts the tables
(R-08), a warning when it contradicts the text's other figures (C-01). Integers are exact.
Arithmetic is exact (fractions), so no rounding of our own enters the verdict; a value shown
in a message is rounded half up, exactly.

Shares of one whole whose parts the text states (a share with no stated part, or of stated
figures) are parts of that whole, as the "其中" of a report are: together they cannot exceed
it (C-04). A share stands for the least whole number of cases its percentage allows.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from disclosure_model.checks._catalogue import rule
from disclosure_model.checks._findings import ClaimDetail, Finding, Involved, Outcome, finding
from disclosure_model.claims import Approximation, CellSum, Claim, ClaimKind, ClaimSum, Share
from disclosure_model.formats import Label
from disclosure_model.formats._rules import cell_index
from disclosure_model.formatting import Argument, WithUnit
from disclosure_model.report import Report
from disclosure_model.values import Amount, round_half_up

__all__ = ["check_claims"]

Operand = CellSum | ClaimSum

#: The message of a stated figure that could not be checked, and why.
_NOT_CHECKED = Label("“{text}”：{why}，无法核对。", "“{text}”: {why}, so not checked.")


class _BlankCellsError(Exception):
    """An operand needs a cell the report does not state."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(paths)
        self.paths = paths


def _value(
    report: Report,
    operand: Operand,
    *,
    lenient: bool,
    zeroed: list[str],
    cells: list[Involved],
    positions: Mapping[str, int],
) -> Fraction:
    """The exact value of an operand: a sum of cells or of stated figures."""
    if isinstance(operand, ClaimSum):
        total = Fraction(0)
        for claim_id in operand.ids:
            other = report.claim(claim_id)
            cells.append(Involved(f"$.claims[{positions[claim_id]}]", other.magnitude))
            total += Fraction(other.magnitude)
        return total
    blank = []
    count = 0  # counts add up as ints; an amount of money makes the sum a Fraction
    money = Fraction(0)
    for path in operand.paths:
        value = report.statistics.cell(path)
        amount = value.value if isinstance(value, Amount) else value
        cells.append(Involved(f"$.statistics.{path}", amount))
        if amount is None:
            blank.append(path)
        elif isinstance(amount, int):
            count += amount
        else:
            money += Fraction(amount)
    total = money + count
    if blank:
        if not lenient or not all(report.covers(p) for p in blank):
            raise _BlankCellsError(blank)
        zeroed.extend(f"$.statistics.{p}" for p in blank)
    return total


class _Positions(dict[str, int]):
    """Each claim's position by its id (the first, were an id repeated), worked out when
    first asked for: only claims about other claims need them."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self._claims = report.claims

    def __missing__(self, claim_id: str) -> int:
        if not self:
            for i, c in enumerate(self._claims):
                self.setdefault(c.id, i)
            if claim_id in self:
                return self[claim_id]
        raise KeyError(claim_id)


def _positions(report: Report) -> Mapping[str, int]:
    return _Positions(report)


def _step(claim: Claim) -> Fraction:
    """One unit in the last written decimal place."""
    return Fraction(1, 10**claim.decimals)


_STRICT_BOUNDS = {
    Approximation.MORE_THAN: operator.gt,
    Approximation.AT_LEAST: operator.ge,
    Approximation.LESS_THAN: operator.lt,
    Approximation.AT_MOST: operator.le,
}


def _fits_rounded(x: Fraction, claim: Claim, scale: int) -> bool:
    if (
        claim.approximation is Approximation.EXACT
        and x.denominator == 1
        and claim.decimals == 0
        and scale == 1
    ):
        return x.numerator == claim.value  # an integer stated for an integer: exact
    v = Fraction(claim.value) * scale
    approx = claim.approximation
    if claim.decimals == 0 and scale == 1 and approx in _STRICT_BOUNDS:
        # A whole number with a bound ("超过100件", "不到10件", "80%以上") is exact too.
        return bool(_STRICT_BOUNDS[approx](x, v))
    half = _step(claim) / 2 * scale
    if approx is Approximation.EXACT:
        return v - half <= x < v + half
    if approx is Approximation.MORE_THAN:
        return x > v - half
    if approx is Approximation.AT_LEAST:
        return x >= v - half
    if approx in (Approximation.LESS_THAN, Approximation.AT_MOST):
        return x < v + half
    # ABOUT: the stated value is a round figure; accept anything within a tenth of it.
    return abs(x - v) <= max(abs(v) / 10, half)


def _fits_truncated(x: Fraction, claim: Claim, scale: int) -> bool:
    v = Fraction(claim.value) * scale
    return claim.approximation is Approximation.EXACT and v <= x < v + _step(claim) * scale


def _decimal(x: Fraction, places: int) -> Decimal:
    return round_half_up(x, places)


def _operands(claim: Claim) -> list[Operand]:
    about = claim.about
    if isinstance(about, Share):
        return [o for o in (about.numerator, about.denominator) if o is not None]
    return [about] if about is not None else []


def _against_tables(claim: Claim) -> bool:
    return any(isinstance(o, CellSum) for o in _operands(claim))


def check_claims(
    report: Report, *, lenient: bool, locale: str, cells: tuple[Any, ...] | None = None
) -> list[Finding]:
    """Check every claim that says what it is about.

    With ``cells`` (the report's cells as
    :func:`~disclosure_model.formats._rules.cell_reader` reads them), a claim about counts,
    stated as a plain number, is first screened with integer arithmetic; one that passes
    has no finding, as the exact check would find, and every other claim is checked
    exactly.
    """
    out = []
    positions = _positions(report)
    index = cell_index(report.statistics.FORMAT) if cells is not None else None
    for i, claim in enumerate(report.claims):
        if claim.about is None:
            continue
        if cells is not None and index is not None and _passes(claim, cells, index):
            continue
        check = _ClaimCheck(report, i, claim, lenient=lenient, locale=locale, positions=positions)
        finding = check.run()
        if finding is not None:
            out.append(finding)
    out.extend(_parts_of_wholes(report, lenient=lenient, locale=locale, positions=positions))
    return out


def _count_sum(
    operand: Operand | None, cells: tuple[Any, ...], index: Mapping[str, int]
) -> int | None:
    """The sum of an operand's cells where every one is a stated count."""
    if not isinstance(operand, CellSum):
        return None
    total = 0
    for path in operand.paths:
        at = index.get(path)
        value = cells[at] if at is not None else None
        if value.__class__ is not int:  # blank, money, or not a cell of this format
            return None
        total += value
    return total


def _passes(claim: Claim, cells: tuple[Any, ...], index: Mapping[str, int]) -> bool:
    """Whether a claim surely fits what it is about: a plain number (no bound, no
    "about") over stated counts, within the interval its decimals stand for.

    The stated value ``p/q`` written with ``d`` decimals covers
    ``[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ)`` (times the claim's scale); both ends are multiplied out so
    that the comparison is between integers. ``False`` only means "check exactly".
    """
    if claim.approximation is not Approximation.EXACT:
        return False
    about = claim.about
    value = claim.value
    p, q = value.as_integer_ratio()
    exponent = value.as_tuple().exponent  # a finite value: an int
    ten = 2 * 10**-exponent if isinstance(exponent, int) and exponent < 0 else 2
    if isinstance(about, Share):
        part, whole = (
            _count_sum(about.numerator, cells, index),
            _count_sum(about.denominator, cells, index),
        )
        if part is None or whole is None or whole <= 0:
            return False
        # v − h <= 100·part/whole < v + h, times 2·q·10ᵈ·whole
        stated, computed = p * ten * whole, q * ten * 100 * part
        return stated - q * whole <= computed < stated + q * whole
    total = _count_sum(about, cells, index)
    if total is None:
        return False
    scale = claim.scale
    stated, computed = p * ten * scale, q * ten * total
    return stated - q * scale <= computed < stated + q * scale


def _least_part(claim: Claim, whole: int) -> int | None:
    """The least whole number of cases out of ``whole`` that the claim's percentage allows
    (``None`` when none does: C-03 says so)."""
    v = Fraction(claim.value)
    nearest = v * whole / 100
    candidates = {0, whole, math.floor(nearest), math.ceil(nearest)}
    candidates |= {math.ceil((v - _step(claim) / 2) * whole / 100)}
    candidates |= {math.ceil((v - abs(v) / 10) * whole / 100)}  # "about" reaches this far
    fits = [k for k in sorted(candidates) if 0 <= k <= whole]
    return next((k for k in fits if _fits_rounded(Fraction(k * 100, whole), claim, 1)), None)


def _parts_of_wholes(
    report: Report, *, lenient: bool, locale: str, positions: Mapping[str, int]
) -> list[Finding]:
    """C-04: the parts the text states of one whole do not together exceed it."""
    groups: dict[Operand, list[int]] = {}
    for i, claim in enumerate(report.claims):
        about = claim.about
        if isinstance(about, Share) and not isinstance(about.numerator, CellSum):
            groups.setdefault(about.denominator, []).append(i)
    out = []
    for denominator, members in groups.items():
        if len(members) < 2:
            continue
        cells: list[Involved] = []
        zeroed: list[str] = []
        try:
            whole = _value(
                report,
                denominator,
                lenient=lenient,
                zeroed=zeroed,
                cells=cells,
                positions=positions,
            )
        except _BlankCellsError:
            continue  # the whole is not stated: nothing to hold the parts to
        if whole <= 0:
            continue  # no share of nothing (the share's own check says it is not assessable)
        total = Fraction(0)
        seen: set[Operand] = set()
        parts: list[int] = []
        for i in members:
            claim = report.claims[i]
            numerator = claim.about.numerator  # type: ignore[union-attr]  # a Share
            if numerator is None:
                if whole.denominator != 1:
                    continue  # a share of money: no whole number of cases to count
                least = _least_part(claim, whole.numerator)
                if least is None:
                    continue
                part = Fraction(least)
            elif numerator in seen:
                continue  # two percentages of the same stated part count it once
            else:
                seen.add(numerator)
                part = _value(
                    report,
                    numerator,
                    lenient=lenient,
                    zeroed=zeroed,
                    cells=[],
                    positions=positions,
                )
            total += part
            parts.append(i)
            cells.append(Involved(f"$.claims[{i}]", claim.value))
        if len(parts) >= 2 and total > whole:
            texts = "”“".join(_short(report.claims[i].text) for i in parts)
            out.append(
                finding(
                    rule("C-04"),
                    f"$.claims[{parts[-1]}]",
                    arguments={
                        "texts": texts,
                        "parts": _number(total),
                        "whole": _number(whole),
                    },
                    expected=_number(whole),
                    actual=_number(total),
                    cells=tuple(cells),
                    lenient=tuple(zeroed),
                    locale=locale,
                )
            )
    return out


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _number(x: Fraction) -> int | Decimal:
    """An exact value for a message: an int, or a decimal with the places it needs (at most 6)."""
    if x.denominator == 1:
        return x.numerator
    return round_half_up(x, 6).normalize()


class _ClaimCheck:
    """One claim being checked, with the values read along the way."""

    def __init__(
        self,
        report: Report,
        index: int,
        claim: Claim,
        *,
        lenient: bool,
        locale: str,
        positions: Mapping[str, int],
    ) -> None:
        self.positions = positions
        self.report = report
        self.index = index
        self.claim = claim
        self.lenient = lenient
        self.locale = locale
        self.cells: list[Involved] = []
        self.zeroed: list[str] = []

    def value(self, operand: Operand) -> Fraction:
        return _value(
            self.report,
            operand,
            lenient=self.lenient,
            zeroed=self.zeroed,
            cells=self.cells,
            positions=self.positions,
        )

    def run(self) -> Finding | None:
        claim, about = self.claim, self.claim.about
        try:
            if isinstance(about, Share):
                denominator = self.value(about.denominator)
                if about.numerator is None:
                    return self.unknown_numerator(denominator)
                numerator = self.value(about.numerator)
                if denominator == 0:
                    return self.not_assessable("分母为 0", "the denominator is 0")
                computed = numerator * 100 / denominator
                scale = 1
            else:
                assert about is not None
                computed = self.value(about)
                scale = claim.scale
        except _BlankCellsError as blank:
            return self.not_assessable(
                f"{len(blank.paths)} 个单元格未填报", "cells it needs are blank"
            )
        if _fits_rounded(computed, claim, scale):
            return None
        return self.mismatch(computed, scale)

    def unknown_numerator(self, denominator: Fraction) -> Finding | None:
        """A share of a known whole with no stated part: some whole number must give it."""
        claim = self.claim
        if denominator == 0:
            return self.not_assessable("分母为 0", "the denominator is 0")
        if denominator.denominator != 1:
            return None  # a share of an amount of money: no whole number of cases to find
        whole = denominator.numerator
        v = Fraction(claim.value)
        # The whole numbers nearest the stated share, and the two ends, are the only
        # candidates an interval or a one-sided bound can hold.
        nearest = v * whole / 100
        candidates = {0, whole, math.floor(nearest), math.ceil(nearest)}
        candidates |= {math.ceil((v - _step(claim) / 2) * whole / 100)}
        fits = [k for k in sorted(candidates) if 0 <= k <= whole]
        if any(_fits_rounded(Fraction(k * 100, whole), claim, 1) for k in fits):
            return None
        truncated = [k for k in fits if _fits_truncated(Fraction(k * 100, whole), claim, 1)]
        if truncated:
            return self.mismatch(Fraction(truncated[0] * 100, whole), 1)
        arguments: dict[str, Argument] = {
            "text": claim.text,
            "stated": claim.value,
            "denominator": whole,
        }
        return self.finding("C-03", None, arguments)

    def not_assessable(self, why_zh: str, why_en: str) -> Finding:
        claim = self.claim
        code = "R-08" if _against_tables(claim) else "C-01"
        return self.finding(
            code,
            None,
            {"text": claim.text, "why": Label(why_zh, why_en)},
            template=_NOT_CHECKED,
            outcome=Outcome.NOT_ASSESSABLE,
        )

    def mismatch(self, computed: Fraction, scale: int) -> Finding:
        claim = self.claim
        percent = claim.kind is ClaimKind.PERCENT
        unit = "%" if percent else ""
        truncated = _fits_truncated(computed, claim, scale)
        # Enough decimals to see the difference: one more than stated for a truncation.
        places = claim.decimals + 1 if truncated else max(claim.decimals, 2 if percent else 0)
        shown = _decimal(computed / scale, places)
        code = "C-02" if truncated else ("R-08" if _against_tables(claim) else "C-01")
        arguments: dict[str, Argument] = {
            "text": claim.text,
            "stated": WithUnit(claim.value, unit),
            "computed": WithUnit(shown, unit),
            "rounded": WithUnit(_decimal(computed / scale, claim.decimals), unit),
        }
        return self.finding(code, shown, arguments)

    def finding(
        self,
        code: str,
        computed: Decimal | None,
        arguments: dict[str, Argument],
        *,
        template: Label | None = None,
        outcome: Outcome = Outcome.FAIL,
    ) -> Finding:
        claim = self.claim
        return finding(
            rule(code),
            f"$.claims[{self.index}]",
            arguments=arguments,
            template=template,
            outcome=outcome,
            expected=computed,
            actual=claim.value,
            cells=tuple(self.cells),
            lenient=tuple(self.zeroed),
            claim=ClaimDetail(claim.text, claim.value, computed),
            locale=self.locale,
        )
