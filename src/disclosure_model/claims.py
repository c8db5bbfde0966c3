"""Figures and percentages stated in a report's narrative, and what each is a claim about.

A report repeats its numbers in prose ("全市共受理信息公开申请129件，其中当面申请30件，占23.2%").
Each such statement is a :class:`Claim`: the value exactly as written (its decimals give the
precision it stands for), the words it came from, and its subject:

* :class:`CellSum` — the figure should equal a cell, or the sum of several cells;
* :class:`ClaimSum` — the figure should equal another stated figure, or a sum of them;
* :class:`Share` — the percentage should be numerator / denominator, each a sum of cells or
  of stated figures (the numerator may be unknown: "21.7%属扶贫类信息" of 129 applications).

A claim with no subject is kept as a fact of the report that nothing else states.
Checking claims is the job of the checks; this module only models them.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, localcontext
from typing import Any

from attrs import field, frozen

from disclosure_model._validate import is_text, matches, surrogate_problems
from disclosure_model.errors import Problem, ProblemKind, ValidationError, shown
from disclosure_model.values import decimal_problem

__all__ = [
    "Approximation",
    "CellSum",
    "Claim",
    "ClaimKind",
    "ClaimSum",
    "Operand",
    "Share",
    "Subject",
]


class ClaimKind(enum.Enum):
    """Whether a claim states a figure or a percentage."""

    FIGURE = "figure"
    PERCENT = "percent"


class Approximation(enum.Enum):
    """How exactly the narrative states the value."""

    #: Stated as a plain number; it stands for the interval its decimals imply.
    EXACT = "exact"
    #: "余", "多", "超" — more than the value.
    MORE_THAN = "more-than"
    #: "以上" — the value or more.
    AT_LEAST = "at-least"
    #: "不到", "不足" — less than the value.
    LESS_THAN = "less-than"
    #: "以下" — the value or less.
    AT_MOST = "at-most"
    #: "约", "近", "左右" — roughly the value.
    ABOUT = "about"


def _nonempty_strs(name: str) -> Any:
    def check(_inst: Any, _attr: Any, value: object) -> None:
        if not isinstance(value, tuple) or not value:
            raise ValidationError.at(
                f"$.{name}",
                "expected a non-empty tuple of strings",
                ProblemKind.ARRAY_TYPE,
                "应为非空的字符串元组",
            )
        problems = [
            Problem(
                f"$.{name}[{i}]",
                f"expected a non-empty string, got {shown(v)}",
                ProblemKind.TEXT,
                f"应为非空字符串，实际为 {shown(v)}",
            )
            for i, v in enumerate(value)
            if not is_text(v)
        ]
        problems.extend(surrogate_problems(**{name: value}))
        if problems:
            raise ValidationError(problems)

    return check


@frozen(kw_only=True)
class CellSum:
    """A cell of the report's statistics, or the sum of several (catalogue paths)."""

    paths: tuple[str, ...] = field(validator=_nonempty_strs("paths"))


@frozen(kw_only=True)
class ClaimSum:
    """Another stated figure, or the sum of several (claim ids)."""

    ids: tuple[str, ...] = field(validator=_nonempty_strs("ids"))


Operand = CellSum | ClaimSum


def _check_operand(name: str, *, optional: bool) -> Any:
    def check(_inst: Any, _attr: Any, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, CellSum | ClaimSum):
            raise ValidationError.at(
                f"$.{name}",
                f"expected CellSum or ClaimSum, got {shown(value)}",
                ProblemKind.CLASS_TYPE,
                f"应为 CellSum 或 ClaimSum，实际为 {shown(value)}",
            )

    return check


@frozen(kw_only=True)
class Share:
    """A percentage's meaning: ``numerator / denominator``.

    ``numerator`` is ``None`` when the report does not say how many the percentage counts.
    """

    numerator: Operand | None = field(validator=_check_operand("numerator", optional=True))
    denominator: Operand = field(validator=_check_operand("denominator", optional=False))


Subject = CellSum | ClaimSum | Share

_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
_SCALES = frozenset({1, 10_000, 100_000_000})


def _check_claim(claim: Claim) -> list[Problem]:
    problems = []
    if not matches(_ID, claim.id):
        problems.append(
            Problem(
                "$.id",
                f"expected lower-case letters, digits, '.', '_' or '-', got {shown(claim.id)}",
                ProblemKind.TEXT,
                f"标识应由小写字母、数字、“.”“_”“-”组成，实际为 {shown(claim.id)}",
            )
        )
    if not is_text(claim.text):
        problems.append(
            Problem(
                "$.text",
                "expected the non-empty text the claim was read from",
                ProblemKind.TEXT,
                "应为该数字所在的原文（非空）",
            )
        )
    if claim.section is not None and (type(claim.section) is not int or claim.section < 0):
        problems.append(
            Problem(
                "$.section",
                f"expected a section index >= 0, got {shown(claim.section)}",
                ProblemKind.INT_TYPE,
                f"应为不小于 0 的章节序号，实际为 {shown(claim.section)}",
            )
        )
    if not isinstance(claim.kind, ClaimKind):
        problems.append(
            Problem(
                "$.kind",
                f"expected a ClaimKind, got {shown(claim.kind)}",
                ProblemKind.ENUM,
                f"应为 ClaimKind，实际为 {shown(claim.kind)}",
            )
        )
    if type(claim.value) is not Decimal or not claim.value.is_finite():
        problems.append(
            Problem(
                "$.value",
                f"expected a finite Decimal, got {shown(claim.value)}",
                ProblemKind.DECIMAL_TYPE,
                f"应为有限的 Decimal，实际为 {shown(claim.value)}",
            )
        )
    elif claim.value.is_signed():
        problems.append(
            Problem(
                "$.value",
                f"a stated figure cannot be negative, got {claim.value}",
                ProblemKind.NEGATIVE,
                f"陈述的数字不能为负数，实际为 {claim.value}",
            )
        )
    elif (why := decimal_problem(claim.value)) is not None:
        problems.append(
            Problem(
                "$.value",
                f"a stated figure has {why}",
                ProblemKind.OUT_OF_RANGE,
                f"陈述的数字超出范围：{why}",
            )
        )
    if claim.scale not in _SCALES or type(claim.scale) is not int:
        problems.append(
            Problem(
                "$.scale",
                f"expected 1, 10000 (万) or 100000000 (亿), got {shown(claim.scale)}",
                ProblemKind.ENUM,
                f"应为 1、10000（万）或 100000000（亿），实际为 {shown(claim.scale)}",
            )
        )
    if claim.unit is not None and not is_text(claim.unit):
        problems.append(
            Problem(
                "$.unit",
                f"expected a non-empty string or None, got {shown(claim.unit)}",
                ProblemKind.TEXT,
                f"应为非空字符串或 None，实际为 {shown(claim.unit)}",
            )
        )
    problems.extend(surrogate_problems(text=claim.text, unit=claim.unit))
    if not isinstance(claim.approximation, Approximation):
        problems.append(
            Problem(
                "$.approximation",
                f"expected an Approximation, got {shown(claim.approximation)}",
                ProblemKind.ENUM,
                f"应为 Approximation，实际为 {shown(claim.approximation)}",
            )
        )
    about: object = claim.about
    kind: object = claim.kind
    if kind is ClaimKind.PERCENT:
        if about is not None and not isinstance(about, Share):
            problems.append(
                Problem(
                    "$.about",
                    "a percentage is a claim about a Share",
                    ProblemKind.INCONSISTENT,
                    "百分比只能是关于比例（Share）的陈述",
                )
            )
        if claim.scale != 1:
            problems.append(
                Problem(
                    "$.scale",
                    "a percentage has no 万/亿 scale",
                    ProblemKind.INCONSISTENT,
                    "百分比没有万/亿单位",
                )
            )
    elif (
        kind is ClaimKind.FIGURE and about is not None and not isinstance(about, CellSum | ClaimSum)
    ):
        problems.append(
            Problem(
                "$.about",
                "a figure is a claim about a CellSum or a ClaimSum",
                ProblemKind.INCONSISTENT,
                "数字只能是关于单元格之和（CellSum）或其他陈述之和（ClaimSum）的陈述",
            )
        )
    return problems


def _as_written(value: object) -> object:
    """The key claims compare their values by: the number and the decimals it is written with.

    "23.2" and "23.20" are the same number but not the same statement: the second stands
    for a narrower interval, and the checks judge them differently.
    """
    if type(value) is not Decimal:
        return value
    exponent = value.as_tuple().exponent
    return (value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


@frozen(kw_only=True)
class Claim:
    """A figure or percentage stated in the narrative.

    ``value`` is the number exactly as written, without its unit and without 万/亿 (those go
    in ``scale``): "9.9万条" is ``value=Decimal("9.9"), scale=10000, unit="条"``;
    "占总事项的87.74%" is ``value=Decimal("87.74")`` with ``kind=PERCENT``.
    """

    id: str
    text: str
    kind: ClaimKind
    value: Decimal = field(eq=_as_written)
    unit: str | None = None
    scale: int = 1
    approximation: Approximation = Approximation.EXACT
    section: int | None = None
    about: Subject | None = None

    def __attrs_post_init__(self) -> None:
        problems = _check_claim(self)
        if problems:
            raise ValidationError(problems)

    @property
    def decimals(self) -> int:
        """How many decimals the value was written with (``87.74`` → 2, ``14`` → 0)."""
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    @property
    def magnitude(self) -> Decimal:
        """The value with its 万/亿 scale applied (``9.9万`` → 99000), exactly."""
        with localcontext() as ctx:
            ctx.prec = 64  # the stated value's 21 digits and the 亿's 8 fit without rounding
            return self.value * self.scale
