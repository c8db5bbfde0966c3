"""The exceptions of the library.

Exceptions are for misuse and for input that cannot become a model at all.
Questionable *data* in a well-formed report (wrong totals, percentages that do not match)
is never raised: the checks return it as findings.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

__all__ = [
    "DisclosureModelError",
    "FormatMismatchError",
    "OptionalDependencyError",
    "ParseError",
    "Problem",
    "ProblemKind",
    "UnknownExampleError",
    "ValidationError",
    "shown",
]

#: How many characters of a bad value a message repeats (the rest is elided).
SHOWN_CHARS = 60


def shown(value: object, *, limit: int = SHOWN_CHARS) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters (a bad value may be huge).

    >>> shown("x" * 100, limit=12)
    "'xxxxxxx...'"
    """
    if isinstance(value, str) and len(value) > limit:
        return repr(value[: max(limit - 5, 1)])[:-1] + "...'"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's repr limit
        return "an integer of more than 4300 digits"
    return text if len(text) <= limit else text[: limit - 3] + "..."


class ProblemKind(enum.Enum):
    """The kind of a :class:`~disclosure_model.errors.Problem`, to branch on or translate.

    The values are stable identifiers (like pydantic's error ``type``); :attr:`zh` and
    :attr:`en` are short titles.
    """

    #: A required key is absent.
    MISSING = "missing"
    #: A key the object does not have.
    EXTRA_KEY = "extra_key"
    #: The same key twice in one JSON object.
    DUPLICATE_KEY = "duplicate_key"
    #: The text is not JSON at all (or not UTF-8).
    JSON_SYNTAX = "json_syntax"
    #: NaN or Infinity (JSON has no such numbers).
    NON_FINITE = "non_finite"
    #: Nested deeper than the reader allows.
    TOO_DEEP = "too_deep"
    #: A document larger than the reader allows.
    TOO_LARGE = "too_large"
    #: Expected an integer.
    INT_TYPE = "int_type"
    #: Expected a string.
    STR_TYPE = "str_type"
    #: Expected a decimal (a decimal string or an integer).
    DECIMAL_TYPE = "decimal_type"
    #: Expected a date.
    DATE_TYPE = "date_type"
    #: Expected one of a fixed set of values.
    ENUM = "enum"
    #: Expected an object.
    OBJECT_TYPE = "object_type"
    #: Expected an array.
    ARRAY_TYPE = "array_type"
    #: Expected an instance of another class (Python callers).
    CLASS_TYPE = "class_type"
    #: A count, an amount or a stated figure below 0.
    NEGATIVE = "negative"
    #: A number beyond the documented limits (digits or decimals).
    OUT_OF_RANGE = "out_of_range"
    #: A string with nothing in it, or not of the required pattern.
    TEXT = "text"
    #: A string holding a lone surrogate (not Unicode text).
    SURROGATE = "surrogate"
    #: A reference (to a cell, a claim or a section) that does not exist, or a duplicate id.
    REFERENCE = "reference"
    #: Each field is fine, but together they are not (a format and the wrong statistics).
    INCONSISTENT = "inconsistent"
    #: A schema version this library does not read.
    VERSION = "version"

    @property
    def zh(self) -> str:
        """The kind's title in Chinese."""
        return _KIND_TITLES[self][0]

    @property
    def en(self) -> str:
        """The kind's title in English."""
        return _KIND_TITLES[self][1]


_KIND_TITLES = {
    ProblemKind.MISSING: ("缺少键", "missing key"),
    ProblemKind.EXTRA_KEY: ("未知的键", "unknown key"),
    ProblemKind.DUPLICATE_KEY: ("重复的键", "duplicate key"),
    ProblemKind.JSON_SYNTAX: ("不是有效的 JSON", "not valid JSON"),
    ProblemKind.NON_FINITE: ("数值必须有限（不允许 NaN、Infinity）", "not a finite number"),
    ProblemKind.TOO_DEEP: ("嵌套层数过多", "nested too deeply"),
    ProblemKind.TOO_LARGE: ("文档过大", "document too large"),
    ProblemKind.INT_TYPE: ("应为整数", "expected an integer"),
    ProblemKind.STR_TYPE: ("应为字符串", "expected a string"),
    ProblemKind.DECIMAL_TYPE: ("应为十进制数（字符串或整数）", "expected a decimal"),
    ProblemKind.DATE_TYPE: ("应为日期（YYYY-MM-DD）", "expected a date"),
    ProblemKind.ENUM: ("不是允许的取值", "not an allowed value"),
    ProblemKind.OBJECT_TYPE: ("应为对象", "expected an object"),
    ProblemKind.ARRAY_TYPE: ("应为数组", "expected an array"),
    ProblemKind.CLASS_TYPE: ("类型不符", "wrong type"),
    ProblemKind.NEGATIVE: ("不能为负数", "cannot be negative"),
    ProblemKind.OUT_OF_RANGE: ("超出允许的范围", "out of range"),
    ProblemKind.TEXT: ("文本为空或格式不符", "empty text or wrong pattern"),
    ProblemKind.SURROGATE: ("字符串含有孤立的代理码位（不是 Unicode 文本）", "lone surrogate"),
    ProblemKind.REFERENCE: ("引用的对象不存在或重复", "dangling or duplicate reference"),
    ProblemKind.INCONSISTENT: ("各字段之间不一致", "fields inconsistent with each other"),
    ProblemKind.VERSION: ("不支持的 schema 版本", "unsupported schema version"),
}


class DisclosureModelError(Exception):
    """Root of every exception this library raises on purpose."""


@frozen
class Problem:
    """One thing wrong with an input, at a JSONPath-like location.

    ``path`` starts with ``$`` (the object being built or loaded) and names keys with
    ``.key`` and list positions with ``[i]``. ``message`` is in English, :attr:`message_zh`
    in Chinese; ``kind`` says what kind of problem it is, for a program.
    """

    path: str
    message: str
    kind: ProblemKind = ProblemKind.INCONSISTENT
    zh: str | None = field(default=None, eq=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    @property
    def message_zh(self) -> str:
        """The message in Chinese (the kind's title where no fuller text was given)."""
        return self.zh if self.zh is not None else self.kind.zh

    def in_locale(self, locale: str) -> str:
        """The ``$.path: message`` line in Chinese for ``zh*``, in English otherwise."""
        text = self.message_zh if locale.lower().startswith("zh") else self.message
        return f"{self.path}: {text}"

    def under(self, prefix: str) -> Problem:
        """Return the same problem with its path re-rooted below ``prefix``."""
        return Problem(prefix + self.path[1:], self.message, self.kind, self.zh)


class ValidationError(DisclosureModelError, ValueError):
    """Raised when a value, an object or a JSON document is not a valid model.

    Carries *every* problem found, each with its path; nothing half-built is returned.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems or not all(isinstance(p, Problem) for p in self.problems):
            msg = "ValidationError needs at least one problem (a Problem)"
            raise ValueError(msg)
        super().__init__(self._text())

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce would call ValidationError(message), and a message is
        # not a list of problems: rebuild from the problems (a copy or pickle keeps them).
        return (ValidationError, (self.problems,))

    @classmethod
    def at(
        cls,
        path: str,
        message: str,
        kind: ProblemKind = ProblemKind.INCONSISTENT,
        zh: str | None = None,
    ) -> ValidationError:
        """Build an error holding a single problem."""
        return cls([Problem(path, message, kind, zh)])

    def under(self, prefix: str) -> ValidationError:
        """Return the same error with every path re-rooted below ``prefix``."""
        return ValidationError(p.under(prefix) for p in self.problems)

    @property
    def messages(self) -> tuple[str, ...]:
        """Every problem as a ``$.path: message`` line."""
        return tuple(str(p) for p in self.problems)

    @property
    def messages_zh(self) -> tuple[str, ...]:
        """Every problem as a ``$.path: message`` line in Chinese."""
        return tuple(p.in_locale("zh") for p in self.problems)

    def _text(self) -> str:
        n = len(self.problems)
        head = "1 problem" if n == 1 else f"{n} problems"
        return f"{head}:\n" + "\n".join(f"  {p}" for p in self.problems)


class UnknownExampleError(DisclosureModelError, LookupError):
    """Raised when :func:`disclosure_model.examples.load` is given a name it does not ship."""


class FormatMismatchError(DisclosureModelError, TypeError):
    """Raised when a report's statistics are asked for in a format the report does not follow."""


class ParseError(DisclosureModelError, ValueError):
    """Raised when a page or text cannot be read as a report: says what could not be found."""


class OptionalDependencyError(DisclosureModelError, ImportError):
    """Raised when a function needs an optional dependency (an extra) that is not installed."""
