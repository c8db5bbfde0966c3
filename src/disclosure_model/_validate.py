"""Small predicates shared by the constructors' checks.

They take ``object`` on purpose: the checks guard against values of the wrong type passed
by callers who do not run a type checker, so the static type of the field says nothing.
"""

from __future__ import annotations

import re

__all__ = ["is_text", "matches"]


def is_text(value: object) -> bool:
    """Whether ``value`` is a string with something other than white space."""
    return isinstance(value, str) and bool(value.strip())


def matches(pattern: re.Pattern[str], value: object) -> bool:
    """Whether ``value`` is a string matching ``pattern`` from its start."""
    return isinstance(value, str) and pattern.match(value) is not None
