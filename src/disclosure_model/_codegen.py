"""Generated fast paths for structuring JSON objects into the model's classes.

For each class, straight-line Python is generated that reads every key, checks every value
inline and builds the object. It only ever *accepts* input: whenever anything is off (a
missing or unknown key, a value of the wrong type, a nested error) it hands the object to a
slow path that collects every problem with its path. Both paths apply the same rules; the
fast one exists because loading thousands of reports is the library's everyday job.
"""

from __future__ import annotations

import enum
import linecache
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from attrs import frozen

from disclosure_model.errors import ValidationError
from disclosure_model.values import MAX_COUNT

__all__ = ["DECIMAL_TEXT", "Check", "Plan", "compile_structurer"]

#: A decimal as the wire writes it: ASCII digits, an optional minus and fraction, no exponent.
DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")

Hook = Callable[[Any, Any], Any]


class Check(enum.Enum):
    """How the fast path checks (and converts) one value."""

    COUNT = "count"  # 0 <= int <= MAX_COUNT, or None
    CHANGE = "change"  # -MAX_COUNT <= int <= MAX_COUNT, or None
    INT_OR_NONE = "int?"  # int or None
    INT = "int"
    STR = "str"
    STR_OR_NONE = "str?"
    ENUM = "enum"  # a str that is the value of a member; converted to the member
    ENUM_OR_NONE = "enum?"
    DECIMAL = "decimal"  # a decimal string or an int, converted to Decimal
    MONEY = "money"  # hook, then Amount.value >= 0 (or None)
    HOOK = "hook"  # anything else: a structure hook that raises ValidationError


@frozen
class Plan:
    """One field: its JSON key, its constructor keyword, the check, and what the check needs."""

    key: str
    kwarg: str
    check: Check
    hook: Hook | None = None
    type: Any = None
    enum_type: type[enum.Enum] | None = None
    #: For a hook: ``None`` is read as ``None`` without calling it (an ``Optional`` field).
    optional: bool = False


_CONDITIONS = {
    Check.COUNT: f"({{v}} is None or ({{v}}.__class__ is int and 0 <= {{v}} <= {MAX_COUNT}))",
    Check.CHANGE: (
        f"({{v}} is None or ({{v}}.__class__ is int and -{MAX_COUNT} <= {{v}} <= {MAX_COUNT}))"
    ),
    Check.INT_OR_NONE: "({v} is None or {v}.__class__ is int)",
    Check.INT: "{v}.__class__ is int",
    Check.STR: "{v}.__class__ is str",
    Check.STR_OR_NONE: "({v} is None or {v}.__class__ is str)",
    Check.ENUM: "{v} is not None",
    Check.ENUM_OR_NONE: "({v} is not None or r{i} is None)",
    Check.DECIMAL: "{v} is not None",
    Check.MONEY: "({v} is None or not {v}.value.is_signed())",
}

_counter = [0]


def _read(i: int, p: Plan, env: dict[str, Any]) -> list[str]:
    """The lines that read field ``i`` into ``v{i}`` (converted, or None if it cannot be)."""
    v, key, pad = f"v{i}", repr(p.key), " " * 12
    if p.check in (Check.HOOK, Check.MONEY):
        env[f"h{i}"] = p.hook
        env[f"t{i}"] = p.type
        if p.optional:
            return [
                f"{pad}r{i} = obj[{key}]",
                f"{pad}{v} = None if r{i} is None else h{i}(r{i}, t{i})",
            ]
        return [f"{pad}{v} = h{i}(obj[{key}], t{i})"]
    if p.check is Check.DECIMAL:
        env["Decimal"] = Decimal
        env["decimal_text"] = DECIMAL_TEXT.match
        return [
            f"{pad}r{i} = obj[{key}]",
            f"{pad}{v} = Decimal(r{i}) if (r{i}.__class__ is str and decimal_text(r{i}))"
            f" or r{i}.__class__ is int else None",
        ]
    if p.check in (Check.ENUM, Check.ENUM_OR_NONE):
        assert p.enum_type is not None
        env[f"by{i}"] = {m.value: m for m in p.enum_type}
        return [
            f"{pad}r{i} = obj[{key}]",
            f"{pad}{v} = by{i}.get(r{i}) if r{i}.__class__ is str else None",
        ]
    return [f"{pad}{v} = obj[{key}]"]


def _build_directly(
    cls: type, plans: list[Plan], env: dict[str, Any], indent: str, *, post_init: bool
) -> list[str]:
    """The lines that build the object from ``v0``, ``v1``, ... without ``__init__``."""
    lines = [f"{indent}inst = new(cls)"]
    for i, p in enumerate(plans):
        env[f"set{i}"] = getattr(cls, p.kwarg).__set__  # the slot descriptor
        lines.append(f"{indent}set{i}(inst, v{i})")
    if post_init:
        lines.append(f"{indent}inst.__attrs_post_init__()")
    lines.append(f"{indent}return inst")
    return lines


def compile_structurer(
    cls: type,
    plans: list[Plan],
    slow: Callable[[Any], ValidationError],
    *,
    direct: bool,
    post_init: bool = False,
    tag: tuple[str, str] | None = None,
    quick: Callable[..., bool] | None = None,
) -> Hook:
    """Generate the fast structurer of ``cls``.

    With ``direct`` the object is built without calling ``__init__``: for classes whose
    fields have no validators of their own, so that what ``__init__`` would check is what
    the fast path has checked, plus ``__attrs_post_init__``, which ``post_init`` calls.
    Otherwise the object is built through the constructor. ``tag`` is a key and the
    constant it must hold (a union member's ``"type"``), read besides the fields.
    ``quick`` tests the converted values (in the order of ``plans``) for what the class's
    own checks demand; when it holds, the object is built directly, running neither the
    validators nor ``__attrs_post_init__`` (see :mod:`disclosure_model._accept`).
    """
    env: dict[str, Any] = {
        "cls": cls,
        "slow": slow,
        "ValidationError": ValidationError,
        "new": object.__new__,
    }
    lines = ["def structure(obj, _t=None):"]
    size = len(plans) + (tag is not None)
    lines.append(f"    if obj.__class__ is dict and len(obj) == {size}:")
    lines.append("        try:")
    conditions = []
    if tag is not None:
        lines.append(f"            tag = obj[{tag[0]!r}]")
        conditions.append(f"tag == {tag[1]!r}")
    for i, p in enumerate(plans):
        lines.extend(_read(i, p, env))
        if p.check is not Check.HOOK:
            conditions.append(_CONDITIONS[p.check].format(v=f"v{i}", i=i))
    lines.append("        except (KeyError, ValidationError):")
    lines.append("            raise slow(obj) from None")
    if conditions:
        lines.append(f"        if {' and '.join(conditions)}:")
        indent = "            "
    else:
        indent = "        "
    if quick is not None:
        env["quick"] = quick
        lines.append(f"{indent}if quick({', '.join(f'v{i}' for i in range(len(plans)))}):")
        lines.extend(_build_directly(cls, plans, env, indent + "    ", post_init=False))
    if direct:
        lines.extend(_build_directly(cls, plans, env, indent, post_init=post_init))
    else:
        args = ", ".join(f"{p.kwarg}=v{i}" for i, p in enumerate(plans))
        lines.append(f"{indent}return cls({args})")
    lines.append("    raise slow(obj)")
    source = "\n".join(lines) + "\n"
    _counter[0] += 1
    filename = f"<disclosure_model structure {cls.__name__} {_counter[0]}>"
    # Registered so that tracebacks through generated code show its lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), env)
    structure: Hook = env["structure"]
    return structure
