"""Small predicates shared by the constructors' checks.

They take ``object`` on purpose: the checks guard against values of the wrong type passed
by callers who do not run a type checker, so the static type of the field says nothing.
"""

from __future__ import annotations

import re

from disclosure_model.errors import Problem, ProblemKind

__all__ = ["has_surrogate", "is_text", "matches", "surrogate_problems"]


def is_text(value: object) -> bool:
    """Whether ``value`` is a string with something other than white space."""
    return isinstance(value, str) and bool(value.strip())


def matches(pattern: re.Pattern[str], value: object) -> bool:
    """Whether ``value`` is a string matching ``pattern`` from its start."""
    return isinstance(value, str) and pattern.match(value) is not None


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate (``"\\ud800"``): no character, not writable."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def surrogate_problems(**fields: object) -> list[Problem]:
    """A problem for each string field (or string in a tuple field) with a lone surrogate."""
    problems = []
    for name, value in fields.items():
        items = enumerate(value) if isinstance(value, tuple) else ((None, value),)
        for i, item in items:
            if isinstance(item, str) and has_surrogate(item):
                at = f"$.{name}" if i is None else f"$.{name}[{i}]"
                problems.append(
                    Problem(
                        at,
                        "a string holds a lone surrogate (not Unicode text)",
                        ProblemKind.SURROGATE,
                        "字符串含有孤立的代理码位（不是 Unicode 文本）",
                    )
                )
    return problems
