"""Cell text and cell values: what a printed cell says, read without guessing.

Two jobs:

* :func:`clean_text` makes a cell's (or a line's) text comparable: the form spec's character
  folding (:func:`disclosure_model.formats._labels.fold_characters`: NFKC, the CJK look-alikes
  NFKC leaves alone such as ``⺠`` for ``民``, traditional forms of the forms' characters),
  pinyin glosses some mirror sites insert after a character (``鄉(xiāng)``) dropped,
  ``&nbsp;`` and every other space folded to one ASCII space.
* :func:`read_count`, :func:`read_change` and :func:`read_money` turn a cell's text into a
  :class:`Reading`: the value (``None`` when the cell states nothing or cannot be read), how it
  was read, and the note that goes with it. A blank is never 0; a number that comes with an
  annotation (``22（其中修订 16 件）``) or a unit (``251000元``) keeps the number and says so.
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal, InvalidOperation

from attrs import frozen

from disclosure_model.formats._labels import fold_characters
from disclosure_model.values import Amount, MoneyUnit

__all__ = [
    "BLANK_MARKS",
    "Reading",
    "ReadingKind",
    "clean_text",
    "is_value_text",
    "read_change",
    "read_count",
    "read_money",
]


# A pinyin gloss right after a character: 鄉(xiāng), 統(tǒng).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def clean_text(text: str) -> str:
    """A cell's text, comparable: NFKC, look-alikes and traditional forms folded, spaces folded.

    >>> clean_text("规范性\u00a0文件")
    '规范性 文件'
    >>> clean_text("人⺠政府")
    '人民政府'
    >>> clean_text("鄉(xiāng)人民政府")
    '乡人民政府'
    >>> clean_text("１２３")
    '123'
    """
    # Cells repeat ("0", "—", the labels of the form) across rows and pages: short texts
    # are cleaned once.
    if len(text) <= 64:
        return _clean_short(text)
    return _clean(text)


@functools.lru_cache(maxsize=8192)
def _clean_short(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    # The spec's one folding: NFKC, then the look-alikes and traditional forms NFKC keeps.
    text = _PINYIN.sub("", fold_characters(text))
    return _SPACES.sub(" ", text).strip()


#: Texts that mean "nothing written here" in a cell.
BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "×", "*"})


class ReadingKind(enum.Enum):
    """How a cell's text was read."""

    #: A plain number.
    NUMBER = "number"
    #: Nothing stated: empty, ``-``, ``—``, ``/``, ``无``.
    BLANK = "blank"
    #: A number that comes with an annotation or a unit; the number is kept.
    ANNOTATED = "annotated"
    #: Text that is not a value of this kind of cell; the value is ``None``.
    UNREADABLE = "unreadable"


@frozen(kw_only=True)
class Reading:
    """What a cell says: its value (``None`` if nothing can be read), and how it was read."""

    raw: str
    value: int | Amount | None
    kind: ReadingKind
    #: The annotation or unit that came with the number (``其中修订 16 件``, ``元``).
    annotation: str | None = None


_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_LEADING = re.compile(rf"({_NUMBER})\s*(.*)", re.DOTALL)
_INTEGER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)")
_COUNT_UNITS = ("件", "条", "个", "项", "次", "篇", "人次", "人", "宗", "起", "家")
_BRACKETED = re.compile(r"\((.*)\)|\[(.*)\]")


def _compact(text: str) -> str:
    return clean_text(text).replace(" ", "") if text else ""


@functools.lru_cache(maxsize=8192)
def is_value_text(text: str) -> bool:
    """Whether a cell's text reads as a value or a blank (not as a label).

    >>> [is_value_text(t) for t in ("", "12", "-", "22(其中修订16件)", "规章", "1.属于国家秘密")]
    [True, True, True, True, False, False]
    """
    t = _compact(text)
    if t in BLANK_MARKS:
        return True
    m = _LEADING.fullmatch(t)
    if m is None:
        return False
    rest = m.group(2)
    if not rest:
        return True
    # "1.属于…", "2、重复申请": a numbering, not a value.
    if rest[0] in ".、," and not m.group(1).count("."):
        return False
    if m.group(1).endswith(".") or ("." in m.group(1) and not rest):
        return True
    return _annotation(rest) is not None or rest in ("元", "万元")


def _annotation(rest: str) -> str | None:
    """The annotation after a number, if it is one a value cell can carry."""
    if rest in _COUNT_UNITS:
        return rest
    m = _BRACKETED.fullmatch(rest)
    if m is not None:
        return m.group(1) if m.group(1) is not None else m.group(2)
    for unit in _COUNT_UNITS:
        if rest.startswith(unit) and _BRACKETED.fullmatch(rest[len(unit) :]):
            return rest
    return None


def _read_integer(text: str, *, signed: bool) -> Reading:
    raw = text
    t = _compact(text)
    if t in BLANK_MARKS:
        return Reading(raw=raw, value=None, kind=ReadingKind.BLANK)
    m = _LEADING.fullmatch(t)
    if m is None or not _INTEGER.fullmatch(m.group(1)):
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    number = m.group(1)
    if number[0] in "+-" and not signed:
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    digits = number.replace(",", "")
    value = int(digits)
    rest = m.group(2)
    if not rest:
        return Reading(raw=raw, value=value, kind=ReadingKind.NUMBER)
    annotation = _annotation(rest)
    if annotation is None:
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    return Reading(raw=raw, value=value, kind=ReadingKind.ANNOTATED, annotation=annotation)


@functools.lru_cache(maxsize=8192)
def read_count(text: str) -> Reading:
    """Read a count cell (a non-negative integer).

    >>> read_count("1,234").value
    1234
    >>> read_count("—").kind
    <ReadingKind.BLANK: 'blank'>
    >>> r = read_count("22（其中修订 16 件）")
    >>> (r.value, r.kind.value, r.annotation)
    (22, 'annotated', '其中修订16件')
    >>> read_count("3.5").value is None
    True
    """
    return _read_integer(text, signed=False)


@functools.lru_cache(maxsize=4096)
def read_change(text: str) -> Reading:
    """Read a signed change (the 2019 form's 本年增/减): ``-3``, ``+2`` and ``0`` are values.

    A lone ``-`` is a blank, as in any other cell.

    >>> [read_change(t).value for t in ("-3", "+2", "0", "-")]
    [-3, 2, 0, None]
    """
    return _read_integer(text, signed=True)


def read_money(text: str, *, unit: MoneyUnit | None) -> Reading:
    """Read a money cell: a Decimal exactly as printed, with the unit the cell or column states.

    ``unit`` is the unit the column header states (``None`` when it states none); a unit
    written in the cell itself wins and is reported as an annotation.

    >>> read_money("96171.6", unit=MoneyUnit.WAN_YUAN).value
    Amount(value=Decimal('96171.6'), unit=<MoneyUnit.WAN_YUAN: '万元'>)
    >>> r = read_money("251000元", unit=None)
    >>> (str(r.value), r.annotation)
    ('251000元', '元')
    """
    raw = text
    t = _compact(text)
    if t in BLANK_MARKS:
        return Reading(raw=raw, value=None, kind=ReadingKind.BLANK)
    m = _LEADING.fullmatch(t)
    if m is None or m.group(1)[0] in "+-":
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    try:
        amount = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    rest = m.group(2)
    if not rest:
        return Reading(raw=raw, value=Amount(value=amount, unit=unit), kind=ReadingKind.NUMBER)
    stated = {"元": MoneyUnit.YUAN, "万元": MoneyUnit.WAN_YUAN}.get(rest)
    if stated is None:
        return Reading(raw=raw, value=None, kind=ReadingKind.UNREADABLE)
    return Reading(
        raw=raw,
        value=Amount(value=amount, unit=stated),
        kind=ReadingKind.ANNOTATED,
        annotation=rest,
    )
