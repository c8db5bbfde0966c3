"""Quick tests that a class's own checks would pass, for the JSON reader's fast path.

Each test takes the values the generated structurer has read (converted, in the order of
the class's fields) and answers whether the object can be built without running its
validators and ``__attrs_post_init__``. A test is a *sufficient* condition only: it may say
no to a valid object (a string subclass, a value written in an unusual way), and then the
object is built through its constructor, whose checks decide and name every problem. It
must never say yes to an object the constructor would refuse; the reader's tests compare
both ways of building on generated and mutated documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from disclosure_model import claims as claim_module
from disclosure_model.claims import _ID, _SCALES, Approximation, CellSum, ClaimKind, Share
from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat
from disclosure_model.report import (
    _DIVISION,
    _SHA256,
    Coverage,
    Organ,
    OrganLevel,
    Report,
    Section,
    Source,
    _row_order,
)
from disclosure_model.values import MAX_DECIMALS, MAX_INTEGER_DIGITS, Amount, MoneyUnit

__all__ = ["enabled", "quick_for"]

_OPERANDS = (CellSum, claim_module.ClaimSum)


def _unicode(value: str) -> bool:
    """Whether a str holds no lone surrogate (ASCII is tested without encoding)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: object) -> bool:
    """A str with something other than white space and no lone surrogate."""
    return type(value) is str and bool(value.strip()) and (value.isascii() or _unicode(value))


_JUST_STR = {str}


def _texts(value: object) -> bool:
    """A non-empty tuple of such strings (the operands' paths and ids)."""
    return (
        type(value) is tuple
        and {*map(type, value)} == _JUST_STR
        and all(map(str.strip, value))
        and _unicode("".join(value))
    )


#: ``str`` of a Decimal within the limits: plain notation (an exponent is written only for
#: values outside them, or for an exponent above zero, which is left to the constructor).
_STATED = re.compile(rf"[0-9]{{1,{MAX_INTEGER_DIGITS}}}(?:\.[0-9]{{1,{MAX_DECIMALS}}})?\Z")


def _stated(value: object) -> bool:
    """A finite, non-negative Decimal of at most 18 digits before the point and 6 after."""
    return type(value) is Decimal and _STATED.match(str(value)) is not None


def _operand(value: object) -> bool:
    return value.__class__ in _OPERANDS


def _share(numerator: object, denominator: object) -> bool:
    return (numerator is None or _operand(numerator)) and _operand(denominator)


def _claim(  # noqa: PLR0917  # generated code passes the fields in their order
    id_: object,
    text: object,
    kind: object,
    value: object,
    unit: object,
    scale: object,
    approximation: object,
    section: object,
    about: object,
) -> bool:
    if (
        type(id_) is not str
        or _ID.match(id_) is None
        or type(text) is not str
        or not text.strip()
        or not (text.isascii() or _unicode(text))
        or (unit is not None and not _text(unit))
        or (section is not None and (type(section) is not int or section < 0))
        or type(value) is not Decimal
        or _STATED.match(str(value)) is None
        or type(scale) is not int
        or scale not in _SCALES
        or approximation.__class__ is not Approximation
    ):
        return False
    if kind is ClaimKind.PERCENT:
        return scale == 1 and (about is None or about.__class__ is Share)
    return kind is ClaimKind.FIGURE and (about is None or _operand(about))


def _amount(value: object, unit: object) -> bool:
    return _stated(value) and (unit is None or unit.__class__ is MoneyUnit)


def _section(title: object, text: object) -> bool:
    return (title is None or _text(title)) and type(text) is str and _unicode(text)


def _organ(name: object, level: object, division_code: object) -> bool:
    return (
        _text(name)
        and level.__class__ is OrganLevel
        and (
            division_code is None
            or (type(division_code) is str and _DIVISION.match(division_code) is not None)
        )
    )


def _source(url: object, sha256: object) -> bool:
    return (url is None or _text(url)) and (
        sha256 is None or (type(sha256) is str and _SHA256.match(sha256) is not None)
    )


def _all(items: object, cls: type) -> bool:
    return type(items) is tuple and {*map(type, items)} <= {cls}


def _links(
    claims: Sequence[claim_module.Claim], paths: Mapping[str, object], sections: int
) -> bool:
    """What :func:`~disclosure_model.report.check_claim_links` finds nothing wrong with:
    unique ids, sections that exist, operands naming cells and other claims that exist."""
    ids = {c.id for c in claims}
    if len(ids) != len(claims):
        return False
    for c in claims:
        if c.section is not None and c.section >= sections:
            return False
        about: Any = c.about
        if about is None:
            continue
        operand: Any
        for operand in (about.numerator, about.denominator) if type(about) is Share else (about,):
            if operand is None:
                continue
            if type(operand) is CellSum:
                if not all(map(paths.__contains__, operand.paths)):
                    return False
            elif c.id in operand.ids or not ids.issuperset(operand.ids):
                return False
    return True


def _report(values: Mapping[str, Any]) -> bool:
    """Whether a report with these fields passes its constructor's checks (a quick test, as
    the others, but taking the fields by name: ``values`` has every field)."""
    fmt = values["format"]
    title = values["title"]
    source = values["source"]
    coverage = values["coverage"]
    sections = values["sections"]
    claims = values["claims"]
    if not (
        fmt.__class__ is ReportFormat
        and values["organ"].__class__ is Organ
        and type(values["year"]) is int
        and 2000 <= values["year"] <= 2100
        and type(values["statistics"]) is STATISTICS_CLASSES[fmt]
        and (title is None or _text(title))
        and all(d is None or type(d) is date for d in (values["dated"], values["published"]))
        and (source is None or source.__class__ is Source)
        and _all(sections, Section)
        and _all(claims, claim_module.Claim)
    ):
        return False
    if coverage is not None:
        row = coverage.last_row if coverage.__class__ is Coverage else None
        if type(row) is not str or row.count(".") != 1 or row not in _row_order(fmt):
            return False
    return _links(claims, STATISTICS_CLASSES[fmt].catalogue().paths, len(sections))


_QUICK: dict[type, Callable[..., bool]] = {
    Amount: _amount,
    CellSum: _texts,
    claim_module.ClaimSum: _texts,
    Share: _share,
    claim_module.Claim: _claim,
    Section: _section,
    Organ: _organ,
    Source: _source,
    Report: _report,
}


#: Whether converters configured from now on use the quick tests (the tests turn them off
#: to compare with structurers that always run the constructors).
enabled = [True]


def quick_for(cls: type) -> Callable[..., bool] | None:
    """The quick test of ``cls``, or ``None`` when it is always built through its constructor."""
    return _QUICK.get(cls)
