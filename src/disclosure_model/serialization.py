"""Strict, lossless JSON for reports, through a project cattrs converter.

The wire format is the model's own shape: every key is always written (``null`` where the
report states nothing) and every key is required when reading, so a typo or a truncated
document can never pass as blank cells. Reading is strict:

* a count accepts only a JSON integer (not ``3.0``, ``"3"`` or ``true``);
* money and stated values accept a decimal string (``"213.15"``) or an integer, never a
  float, so no amount is rounded on the way in;
* enums are read by value; unknown and duplicate keys are rejected; NaN and Infinity are
  rejected; bytes must be UTF-8;
* every problem is reported at once, each with its ``$.path`` (duplicate keys, NaN and
  over-long integers too) and its :class:`~disclosure_model.errors.ProblemKind`, in one
  :class:`~disclosure_model.errors.ValidationError`. Nothing half-built is returned;
* documents over :data:`MAX_DOCUMENT_SIZE` (overridable) or nested deeper than
  :data:`MAX_DEPTH` are refused before they are parsed; counts, amounts and stated values
  beyond the limits of :mod:`disclosure_model.values` are refused where they stand.

Use :func:`make_converter` for a converter of your own, or :func:`configure_converter` to add
these hooks to one you have; the module never touches cattrs' global converter.
"""

from __future__ import annotations

import enum
import json
import os
import re
import tempfile
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs

from disclosure_model import _accept
from disclosure_model._codegen import DECIMAL_TEXT, Check, Plan, compile_structurer
from disclosure_model._fastjson import FastParse
from disclosure_model._validate import has_surrogate
from disclosure_model.claims import CellSum, ClaimSum, Share
from disclosure_model.errors import Problem, ProblemKind, ValidationError, shown
from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat, Statistics
from disclosure_model.formats._declare import Declared, SlotKind, slots, value_problem
from disclosure_model.report import Report, check_claim_links, report_problems
from disclosure_model.values import Amount

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_SIZE",
    "SCHEMA_VERSION",
    "configure_converter",
    "dump",
    "dumps",
    "format_exception",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "to_dict",
]

#: Version of the JSON layout, written as ``schema_version`` at the top of every document.
SCHEMA_VERSION = 2
#: Versions this library reads. Version 1 documents have no ``coverage`` (read as ``null``).
READABLE_VERSIONS = (1, 2)

Hook = Callable[[Any, Any], Any]
#: Gives the structure hook for a field's type (the converter's, or the library's own).
Resolve = Callable[[Any], Hook]
#: Gives the quick test of a class (see :mod:`disclosure_model._accept`), or ``None``.
Quick = Callable[[type], Callable[..., bool] | None]
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_SUBJECT_TAGS: dict[str, type] = {"cells": CellSum, "claims": ClaimSum, "share": Share}
_SUBJECT_NAMES = {v: k for k, v in _SUBJECT_TAGS.items()}
_MISSING_KEY = "missing key (every key is required; null states absence)"
_MISSING_KEY_ZH = "缺少键（每个键都必须给出，未填报写 null）"

#: The largest document :func:`loads` and :func:`load` read by default, in bytes (or
#: characters, for a str): 16 MiB. A report with its whole narrative is well under 1 MiB;
#: pass ``max_size=`` to read more (``None`` for no limit).
MAX_DOCUMENT_SIZE = 16 * 1024 * 1024
#: The deepest nesting of arrays and objects a document may have. A report needs 7 levels
#: (report, claims, a claim, its share, an operand, its ids); more is refused before parsing.
MAX_DEPTH = 32
#: Integers of more digits than this are not converted at all (no valid value has them).
_MAX_INT_TEXT = 40


class _Marker:
    """A JSON value the parser met that no model accepts (reported at its path)."""

    __slots__ = ("kind", "text", "zh")

    def __init__(self, text: str, kind: ProblemKind, zh: str) -> None:
        self.text = text
        self.kind = kind
        self.zh = zh


class _Duplicates(dict[str, Any]):
    """A JSON object that had a key more than once (the last value kept, as json does)."""

    duplicates: tuple[str, ...] = ()


def _json_text(value: str | int | float) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if isinstance(value, str) and has_surrogate(value) else text


def _key_path(key: object) -> str:
    if isinstance(key, str) and _IDENT.match(key) and len(key) <= 60:
        return f"$.{key}"
    if isinstance(key, str):
        return f"$[{_json_text(key[:60])}{'...' if len(key) > 60 else ''}]"
    return f"$[{shown(key)}]"


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Marker):
        return value.text
    name = {dict: "object", list: "array", str: "string", int: "integer", float: "number"}.get(
        type(value), type(value).__name__
    )
    if isinstance(value, str):
        text = _json_text(value[:40])
    elif isinstance(value, int) and value.bit_length() > 200:
        return shown(value)
    else:
        text = _json_text(value) if isinstance(value, int | float) else ""
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{name} {text}".rstrip()


def _fail(
    message: str, kind: ProblemKind = ProblemKind.INCONSISTENT, zh: str | None = None
) -> ValidationError:
    return ValidationError.at("$", message, kind, zh)


# --- primitives -------------------------------------------------------------------------


def _structure_int(value: Any, _t: Any = None) -> int:
    if type(value) is int:
        return value
    got = _describe(value)
    raise _fail(f"expected an integer, got {got}", ProblemKind.INT_TYPE, f"应为整数，实际为 {got}")


def _structure_str(value: Any, _t: Any = None) -> str:
    if type(value) is str:
        return value
    got = _describe(value)
    raise _fail(f"expected a string, got {got}", ProblemKind.STR_TYPE, f"应为字符串，实际为 {got}")


def _structure_decimal(value: Any, _t: Any = None) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if type(value) is str and DECIMAL_TEXT.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numerals
            pass
    got = _describe(value)
    zh = f'应为十进制数字符串（如 "213.15"）或整数，实际为 {got}'
    if type(value) is float:
        raise _fail(
            f'expected a decimal string such as "213.15" or an integer, got {got}'
            " (a float could round the amount)",
            ProblemKind.DECIMAL_TYPE,
            zh + "（浮点数可能改变金额）",
        )
    raise _fail(
        f'expected a decimal string such as "213.15" or an integer, got {got}',
        ProblemKind.DECIMAL_TYPE,
        zh,
    )


def _structure_date(value: Any, _t: Any = None) -> date:
    if type(value) is str and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _fail(
                f"not a calendar date: {value}", ProblemKind.DATE_TYPE, f"不是有效日期：{value}"
            ) from None
    got = _describe(value)
    raise _fail(
        f'expected a date as "YYYY-MM-DD", got {got}',
        ProblemKind.DATE_TYPE,
        f"应为“YYYY-MM-DD”形式的日期，实际为 {got}",
    )


def _enum_hook(cls: type[enum.Enum]) -> Hook:
    by_value = {m.value: m for m in cls}
    allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in by_value)

    def structure(value: Any, _t: Any = None) -> enum.Enum:
        if type(value) is str:
            member = by_value.get(value)
            if member is not None:
                return member
        got = _describe(value)
        raise _fail(
            f"expected one of {allowed}, got {got}",
            ProblemKind.ENUM,
            f"应为 {allowed} 之一，实际为 {got}",
        )

    return structure


_JUST_STR = {str}


class _PartialError(ValidationError):
    """A list with bad items, carrying the items that could be read (with their positions),
    so that checks across a report can still judge them."""

    def __init__(self, problems: list[Problem], read: list[tuple[int, Any]]) -> None:
        super().__init__(problems)
        self.read = read


def _tuple_hook(item_hook: Hook, item_type: Any) -> Hook:
    def structure(value: Any, _t: Any = None) -> tuple[Any, ...]:
        if type(value) is not list:
            got = _describe(value)
            raise _fail(
                f"expected an array, got {got}", ProblemKind.ARRAY_TYPE, f"应为数组，实际为 {got}"
            )
        if item_type is str and {*map(type, value)} <= _JUST_STR:
            return tuple(value)
        try:  # the common case: every item can be read
            return tuple([item_hook(item, item_type) for item in value])
        except ValidationError:
            pass
        out = []
        problems: list[Problem] = []
        for i, item in enumerate(value):
            try:
                out.append((i, item_hook(item, item_type)))
            except ValidationError as e:
                problems.extend(e.under(f"$[{i}]").problems)
        if problems:
            raise _PartialError(problems, out)
        return tuple(item for _, item in out)

    return structure


def _optional_hook(inner: Hook, inner_type: Any) -> Hook:
    def structure(value: Any, _t: Any = None) -> Any:
        if value is None:
            return None
        return inner(value, inner_type)

    return structure


# --- attrs classes ----------------------------------------------------------------------


def _init_fields(cls: type) -> list[tuple[str, str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(a.name, a.alias, hints[a.name]) for a in attrs.fields(cls) if a.init]


def _structure_fields(
    obj: Any,
    fields: list[tuple[str, str, Any]],
    hooks: Mapping[str, Hook | None],
    allowed_extra: frozenset[str] = frozenset(),
    partial: dict[str, list[tuple[int, Any]]] | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """Read every field of a JSON object, collecting each problem with its path."""
    if type(obj) is not dict:
        got = _describe(obj)
        return {}, [
            Problem(
                "$",
                f"expected an object, got {got}",
                ProblemKind.OBJECT_TYPE,
                f"应为对象，实际为 {got}",
            )
        ]
    problems: list[Problem] = []
    kwargs: dict[str, Any] = {}
    for name, alias, ftype in fields:
        if name not in obj:
            problems.append(
                Problem(f"$.{name}", _MISSING_KEY, ProblemKind.MISSING, _MISSING_KEY_ZH)
            )
            continue
        hook = hooks[name]
        if hook is None:  # the value cannot be judged (its format is unknown)
            continue
        try:
            kwargs[alias] = hook(obj[name], ftype)
        except _PartialError as e:
            problems.extend(e.under(f"$.{name}").problems)
            if partial is not None:
                partial[name] = e.read
        except ValidationError as e:
            problems.extend(e.under(f"$.{name}").problems)
    if len(obj) != len(kwargs) + len(allowed_extra & obj.keys()):
        names = {f[0] for f in fields} | allowed_extra
        problems.extend(_unknown_key(k) for k in obj if k not in names)
    return kwargs, problems


def _unknown_key(key: object) -> Problem:
    return Problem(_key_path(key), "unknown key", ProblemKind.EXTRA_KEY, "未知的键")


def _build(cls: type, kwargs: dict[str, Any]) -> Any:
    try:
        return cls(**kwargs)
    except ValidationError:
        raise
    except (TypeError, ValueError) as e:  # pragma: no cover - every field is checked above
        raise _fail(shown(str(e), limit=200)) from e


def _build_directly(cls: type, kwargs: dict[str, Any]) -> Any:
    """An object of ``cls`` whose constructor's checks are known to pass, built without them
    (the fields its constructor computes are computed as it does)."""
    inst: Any = object.__new__(cls)
    for a in attrs.fields(cls):
        if a.init:
            object.__setattr__(inst, a.name, kwargs[a.alias])
        else:
            default = a.default
            assert isinstance(default, attrs.Factory)  # type: ignore[arg-type]
            value = default.factory(inst) if default.takes_self else default.factory()
            object.__setattr__(inst, a.name, value)
    return inst


class _Hooks:
    """Per-class field hooks, resolved on first use (classes refer to each other)."""

    def __init__(self, resolve: Resolve, cls: type) -> None:
        self.resolve = resolve
        self.cls = cls
        self._fields: list[tuple[str, str, Any]] | None = None
        self._hooks: dict[str, Hook | None] | None = None

    @property
    def fields(self) -> list[tuple[str, str, Any]]:
        if self._fields is None:
            self._fields = _init_fields(self.cls)
        return self._fields

    @property
    def hooks(self) -> dict[str, Hook | None]:
        if self._hooks is None:
            self._hooks = {n: self.resolve(t) for n, _, t in self.fields}
        return self._hooks


def _plan_for(resolve: Resolve, name: str, alias: str, ftype: Any) -> Plan:
    """How the fast path reads one field of a plain attrs class."""
    simple = {
        int: Check.INT,
        str: Check.STR,
        int | None: Check.INT_OR_NONE,
        str | None: Check.STR_OR_NONE,
    }
    check = simple.get(ftype)
    if check is not None:
        return Plan(name, alias, check)
    if ftype is Decimal:
        return Plan(name, alias, Check.DECIMAL)
    if isinstance(ftype, type) and issubclass(ftype, enum.Enum):
        return Plan(name, alias, Check.ENUM, enum_type=ftype)
    if _is_optional(ftype):
        inner = [a for a in typing.get_args(ftype) if a is not type(None)]
        if len(inner) == 1 and isinstance(inner[0], type) and issubclass(inner[0], enum.Enum):
            return Plan(name, alias, Check.ENUM_OR_NONE, enum_type=inner[0])
        inner_type = _optional_inner(ftype)
        return Plan(
            name, alias, Check.HOOK, hook=resolve(inner_type), type=inner_type, optional=True
        )
    return Plan(name, alias, Check.HOOK, hook=resolve(ftype), type=ftype)


def _attrs_hook(
    resolve: Resolve, quick: Quick, cls: type, tag: tuple[str, str] | None = None
) -> Hook:
    fields = _init_fields(cls)
    hooks = {n: resolve(t) for n, _, t in fields}

    def slow(obj: Any) -> ValidationError:
        if tag is not None and type(obj) is dict:  # the tag was checked by the union's hook
            obj = {k: v for k, v in obj.items() if k != tag[0]}
        kwargs, problems = _structure_fields(obj, fields, hooks)
        if problems:
            return ValidationError(problems)
        try:  # every field is valid, so what is wrong is the object as a whole
            _build(cls, kwargs)
        except ValidationError as e:
            return e
        return _fail("invalid object")  # pragma: no cover - the fast path accepts this input

    plans = [_plan_for(resolve, n, a, t) for n, a, t in fields]
    # Without field validators, __init__ does nothing the fast path has not done but run
    # __attrs_post_init__ (the class's own checks), so the object is built directly.
    direct = all(a.validator is None and a.init for a in attrs.fields(cls))
    post_init = hasattr(cls, "__attrs_post_init__")
    return compile_structurer(
        cls, plans, slow, direct=direct, post_init=post_init, tag=tag, quick=quick(cls)
    )


class _DeclaredStructurer:
    """Structurer for a declared statistics class, with a fast path for valid input.

    Valid input (the common case) is checked inline and the object is built without running
    the constructor's checks a second time; anything else goes to the slow path, which
    collects every problem with its path.
    """

    def __init__(self, resolve: Resolve, cls: type[Declared]) -> None:
        self.resolve = resolve
        self.cls = cls
        self.slots = slots(cls)
        self.names = frozenset(s.name for s in self.slots)
        # A class with checks of its own beyond the cells' (LegacyStatistics) is built
        # through its constructor; the others are built directly.
        self.plain = cls.__attrs_post_init__ is Declared.__attrs_post_init__
        self._hooks: dict[str, Hook] = {}
        self._amount: Hook | None = None

    def _hook(self, name: str, typ: Any) -> Hook:
        hook = self._hooks.get(name)
        if hook is None:
            hook = self._hooks[name] = self.resolve(typ)
        return hook

    def _money(self, value: Any) -> Amount | None:
        if value is None:
            return None
        if self._amount is None:
            self._amount = self.resolve(Amount)
        return typing.cast(Amount, self._amount(value, Amount))

    def _slow(self, obj: Any) -> ValidationError:
        if type(obj) is not dict:
            got = _describe(obj)
            return _fail(
                f"expected an object, got {got}", ProblemKind.OBJECT_TYPE, f"应为对象，实际为 {got}"
            )
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        for s in self.slots:
            at = f"$.{s.name}"
            if s.name not in obj:
                problems.append(Problem(at, _MISSING_KEY, ProblemKind.MISSING, _MISSING_KEY_ZH))
                continue
            v = obj[s.name]
            try:
                if s.kind is SlotKind.MONEY:
                    v = self._money(v)
                elif s.kind in (SlotKind.NESTED, SlotKind.OTHER):
                    values[s.name] = self._hook(s.name, s.type)(v, s.type)
                    continue
            except ValidationError as e:
                problems.extend(e.under(at).problems)
                continue
            problem = value_problem(s.kind, v, at, describe=_describe)
            if problem is not None:
                problems.append(problem)
        problems.extend(_unknown_key(k) for k in obj if k not in self.names)
        whole = getattr(self.cls, "whole_problems", None)
        if whole is not None:
            problems.extend(whole(values))
        if not problems:  # pragma: no cover - the fast path accepts whatever passes here
            problems.append(Problem("$", "invalid object"))
        return ValidationError(problems)

    def compile(self) -> Hook:
        """The generated structurer of the class, using :meth:`_slow` for bad input."""
        plans = []
        for s in self.slots:
            if s.kind is SlotKind.COUNT:
                plans.append(Plan(s.name, s.name, Check.COUNT))
            elif s.kind is SlotKind.CHANGE:
                plans.append(Plan(s.name, s.name, Check.CHANGE))
            elif s.kind is SlotKind.MONEY:
                hook = self.resolve(Amount)
                plans.append(
                    Plan(s.name, s.name, Check.MONEY, hook=hook, type=Amount, optional=True)
                )
            else:
                hook = self.resolve(s.type)
                plans.append(Plan(s.name, s.name, Check.HOOK, hook=hook, type=s.type))
        return compile_structurer(self.cls, plans, self._slow, direct=self.plain)


def _subject_hook(resolve: Resolve, quick: Quick, union: Any) -> Hook:
    """Structurer of a union of claim subjects, told apart by their ``type`` tag."""
    members = {_SUBJECT_NAMES[cls]: cls for cls in typing.get_args(union)}
    allowed = ", ".join(json.dumps(t) for t in members)
    hooks: dict[str, Hook] = {}

    def structure(obj: Any, _t: Any = None) -> Any:
        if type(obj) is not dict:
            got = _describe(obj)
            raise _fail(
                f"expected an object, got {got}", ProblemKind.OBJECT_TYPE, f"应为对象，实际为 {got}"
            )
        tag = obj.get("type", _MISSING)
        cls = members.get(tag) if type(tag) is str else None
        if cls is None or type(tag) is not str:
            got = _describe(None if tag is _MISSING else tag)
            raise ValidationError.at(
                "$.type",
                f"expected one of {allowed}, got {got}",
                ProblemKind.MISSING if tag is _MISSING else ProblemKind.ENUM,
                f"应为 {allowed} 之一，实际为 {got}",
            )
        hook = hooks.get(tag)
        if hook is None:  # made on first use: Share itself refers to an operand union
            hook = hooks[tag] = _attrs_hook(resolve, quick, cls, tag=("type", tag))
        return hook(obj, cls)

    return structure


def _report_hook(resolve: Resolve, quick_for: Quick) -> Hook:
    resolved = _Hooks(resolve, Report)
    format_hook = _enum_hook(ReportFormat)
    stats_hooks = {f: resolve(c) for f, c in STATISTICS_CLASSES.items()}
    quick = quick_for(Report)

    def structure(obj: Any, _t: Any = None) -> Report:
        if type(obj) is not dict:
            got = _describe(obj)
            raise _fail(
                f"expected a JSON object (a report), got {got}",
                ProblemKind.OBJECT_TYPE,
                f"应为 JSON 对象（一份报告），实际为 {got}",
            )
        problems: list[Problem] = []
        version = obj.get("schema_version", _MISSING)
        if version is _MISSING:
            problems.append(
                Problem("$.schema_version", "missing key", ProblemKind.MISSING, _MISSING_KEY_ZH)
            )
        elif type(version) is not int or version not in READABLE_VERSIONS:
            got = _describe(version)
            problems.append(
                Problem(
                    "$.schema_version",
                    f"this library reads schema versions 1 and {SCHEMA_VERSION}, got {got}",
                    ProblemKind.VERSION,
                    f"本库读取 schema 版本 1 和 {SCHEMA_VERSION}，实际为 {got}",
                )
            )
        elif version == 1 and "coverage" not in obj:
            obj = {**obj, "coverage": None}  # version 1 had no coverage: the whole form
        hooks = dict(resolved.hooks)
        try:
            fmt = format_hook(obj.get("format"), ReportFormat)
        except ValidationError:
            hooks["statistics"] = None  # reported below as a bad format; cannot judge the tables
        else:
            hooks["statistics"] = stats_hooks[typing.cast(ReportFormat, fmt)]
        partial: dict[str, list[tuple[int, Any]]] = {}
        kwargs, more = _structure_fields(
            obj,
            resolved.fields,
            hooks,
            allowed_extra=frozenset({"schema_version"}),
            partial=partial,
        )
        problems.extend(more)
        if not problems and quick is not None and quick(kwargs):
            return typing.cast(Report, _build_directly(Report, kwargs))
        if problems:
            # Judge what could be read as a whole too, so every problem is told at once.
            problems.extend(report_problems(kwargs))
            if "claims" in partial:
                problems.extend(_partial_claim_links(obj, kwargs, partial["claims"]))
            raise ValidationError(problems)
        return typing.cast(Report, _build(Report, kwargs))

    return structure


_MISSING = object()


def _partial_claim_links(
    obj: dict[str, Any], kwargs: dict[str, Any], read: list[tuple[int, Any]]
) -> list[Problem]:
    """Links of the claims that could be read, when some of their neighbours could not."""
    raw = obj["claims"]  # a list: the claims' hook read some of its items
    done = {i for i, _ in read}
    unread = [item for i, item in enumerate(raw) if i not in done]
    ids = [item.get("id") if isinstance(item, dict) else None for item in unread]
    known = frozenset(i for i in ids if isinstance(i, str))
    fmt = kwargs.get("format")
    sections = kwargs.get("sections")
    return check_claim_links(
        read,
        fmt if isinstance(fmt, ReportFormat) else None,
        len(sections) if isinstance(sections, tuple) else None,
        known if len(known) == len(ids) else None,
    )


def _no_bare_statistics(_value: Any, _t: Any = None) -> Any:
    raise _fail(
        "statistics are read as part of a report, whose format names their class",
        ProblemKind.INCONSISTENT,
        "统计表只能作为报告的一部分读取（由报告的格式决定其类）",
    )


# --- unstructuring ----------------------------------------------------------------------

Unstructure = Callable[[Any], Any]


def _unstructure_attrs(value: Unstructure, cls: type) -> Callable[[Any], Any]:
    names = [a.name for a in attrs.fields(cls) if a.init]

    def unstructure(obj: Any) -> dict[str, Any]:
        return {n: value(getattr(obj, n)) for n in names}

    return unstructure


def _unstructure_declared(value: Unstructure, cls: type) -> Callable[[Any], Any]:
    cls_slots = slots(cls)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for s in cls_slots:
            v = getattr(obj, s.name)
            if s.kind in (SlotKind.COUNT, SlotKind.CHANGE):
                out[s.name] = v
            else:
                out[s.name] = value(v)
        return out

    return unstructure


def _decimal_text(d: Decimal) -> str:
    # Positional notation, never an exponent ("1E+3" would not read back); the exponent's
    # decimals survive ("1E-7" is written "0.0000001").
    return format(d, "f")


def _is_ours(t: Any) -> bool:
    return (
        isinstance(t, type)
        and attrs.has(t)
        and t.__module__.startswith("disclosure_model.")
        and not issubclass(t, Declared)
    )


def _is_our_enum(t: Any) -> bool:
    return (
        isinstance(t, type)
        and issubclass(t, enum.Enum)
        and t.__module__.startswith("disclosure_model.")
    )


def _is_declared(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Declared) and attrs.has(t)


def _is_subject(t: Any) -> bool:
    return bool(t == (CellSum | ClaimSum | Share) or t == (CellSum | ClaimSum))


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, types.UnionType)
        and type(None) in args
        and len(args) > 1
    )


def _is_var_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _optional_inner(t: Any) -> Any:
    inner = [a for a in typing.get_args(t) if a is not type(None)]
    return inner[0] if len(inner) == 1 else typing.Union[tuple(inner)]  # noqa: UP007


_PRIMITIVES: dict[Any, Hook] = {
    int: _structure_int,
    str: _structure_str,
    Decimal: _structure_decimal,
    date: _structure_date,
}


def _own_resolver(conv: cattrs.Converter) -> Resolve:
    """Hooks for the fields of the library's classes, without registering any on ``conv``
    for types that are not the library's own (a user's ints, enums and tuples stay theirs)."""
    cache: dict[Any, Hook] = {}

    def resolve(t: Any) -> Hook:
        hook = cache.get(t)
        if hook is not None:
            return hook
        if t in _PRIMITIVES:
            hook = _PRIMITIVES[t]
        elif isinstance(t, type) and issubclass(t, enum.Enum):
            hook = _enum_hook(t)
        elif _is_optional(t) and not _is_subject(_optional_inner(t)):
            inner = _optional_inner(t)
            hook = _optional_hook(resolve(inner), inner)
        elif _is_optional(t):
            inner = _optional_inner(t)
            hook = _optional_hook(conv.get_structure_hook(inner), inner)
        elif _is_var_tuple(t):
            item = typing.get_args(t)[0]
            hook = _tuple_hook(resolve(item), item)
        else:
            hook = conv.get_structure_hook(t)
        cache[t] = hook
        return hook

    return resolve


def _own_unstructure(conv: cattrs.Converter) -> Unstructure:
    """Unstructures the values in the library's classes, with no hook on ``conv`` for
    types that are not the library's own."""

    def value(v: Any) -> Any:
        t = type(v)
        if v is None or t is int or t is str or t is bool:
            return v
        if t is Decimal:
            return _decimal_text(v)
        if t is date:
            return v.isoformat()
        if isinstance(v, enum.Enum):
            return v.value
        if t is tuple:
            return [value(x) for x in v]
        return conv.unstructure(v)

    return value


def configure_converter(conv: cattrs.Converter, *, primitives: bool = False) -> None:
    """Register the strict hooks of this library on ``conv`` (a :class:`cattrs.Converter`).

    Hooks are registered only for the library's own types (its attrs classes, its enums,
    the claim subjects' union): a converter of yours keeps its own behaviour for ``int``,
    ``str``, your enums, ``Optional`` and tuples, while the library's classes read their
    fields strictly all the same. With ``primitives=True`` the strict hooks for ``int``,
    ``str``, ``Decimal``, ``date``, every enum, ``Optional`` and variable tuples are
    registered on ``conv`` too (as :func:`make_converter` does), and the library's classes
    then read their fields through ``conv`` (so a hook you register later applies to them).
    """
    if primitives:
        for t, hook in _PRIMITIVES.items():
            conv.register_structure_hook(t, hook)
        conv.register_structure_hook_factory(
            lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
        )

        def optional_factory(t: Any) -> Hook:
            inner_type = _optional_inner(t)
            return _optional_hook(conv.get_structure_hook(inner_type), inner_type)

        def tuple_factory(t: Any) -> Hook:
            item = typing.get_args(t)[0]
            return _tuple_hook(conv.get_structure_hook(item), item)

        conv.register_structure_hook_factory(_is_optional, optional_factory)
        conv.register_structure_hook_factory(_is_var_tuple, tuple_factory)
        resolve: Resolve = conv.get_structure_hook
        conv.register_unstructure_hook(Decimal, _decimal_text)
        conv.register_unstructure_hook(date, date.isoformat)
        conv.register_unstructure_hook_factory(
            lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
            lambda _t: lambda e: e.value,
        )
        value: Unstructure = conv.unstructure
    else:
        resolve = _own_resolver(conv)
        value = _own_unstructure(conv)
        conv.register_structure_hook_factory(_is_our_enum, _enum_hook)
        conv.register_unstructure_hook_factory(_is_our_enum, lambda _t: lambda e: e.value)

    quick = _accept.quick_for if _accept.enabled[0] else _no_quick_test
    conv.register_structure_hook_factory(lambda t: t == Statistics, lambda _t: _no_bare_statistics)
    conv.register_structure_hook_factory(_is_subject, lambda t: _subject_hook(resolve, quick, t))
    conv.register_structure_hook_factory(
        _is_declared, lambda t: _DeclaredStructurer(resolve, t).compile()
    )
    conv.register_structure_hook_factory(_is_ours, lambda t: _attrs_hook(resolve, quick, t))
    conv.register_structure_hook(Report, _report_hook(resolve, quick))

    conv.register_unstructure_hook_factory(_is_declared, lambda t: _unstructure_declared(value, t))
    conv.register_unstructure_hook_factory(_is_ours, lambda t: _unstructure_attrs(value, t))

    subject_bodies = {cls: _unstructure_attrs(value, cls) for cls in _SUBJECT_NAMES}

    def unstructure_subject(_factory_type: Any) -> Callable[[Any], Any]:
        def unstructure(obj: Any) -> Any:
            return {"type": _SUBJECT_NAMES[type(obj)], **subject_bodies[type(obj)](obj)}

        return unstructure

    conv.register_unstructure_hook_factory(
        lambda t: t in _SUBJECT_NAMES or _is_subject(t), unstructure_subject
    )

    report_fields = _unstructure_attrs(value, Report)
    conv.register_unstructure_hook(
        Report, lambda r: {"schema_version": SCHEMA_VERSION, **report_fields(r)}
    )


def _no_quick_test(_cls: type) -> None:
    return None


def format_exception(exc: BaseException, type_: type | None) -> str:
    """Describe ``exc`` for ``cattrs.transform_error`` (as its ``format_exception``).

    The library's :class:`~disclosure_model.errors.ValidationError` becomes its
    ``$.path: message`` lines (paths relative to the field cattrs names after ``@``), joined
    by semicolons; anything else is described as cattrs does.
    """
    if isinstance(exc, ValidationError):
        return "; ".join(p.message if p.path == "$" else str(p) for p in exc.problems)
    from cattrs.v import format_exception as cattrs_format

    return cattrs_format(exc, type_)


def make_converter() -> cattrs.Converter:
    """A new cattrs converter configured with this library's strict hooks."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv, primitives=True)
    return conv


_converter = make_converter()
_structure_report = _converter.get_structure_hook(Report)


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-able data (``schema_version`` first)."""
    if not isinstance(report, Report):
        msg = f"to_dict() takes a Report, got {type(report).__name__}"
        raise TypeError(msg)
    return typing.cast(dict[str, Any], _converter.unstructure(report, Report))


def from_dict(data: Any) -> Report:
    """Build a report from plain data, strictly (see the module documentation)."""
    return typing.cast(Report, _structure_report(data, Report))


def dumps(report: Report, *, indent: int | None = 2) -> str:
    """The report as a JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def dump(
    report: Report, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 2
) -> None:
    """Write the report as JSON to a path or a text file.

    A path is written atomically: the text goes to a temporary file beside it, which then
    replaces the target, so a failure (a full disk, an interrupted process) leaves the old
    file as it was. A target that is not a regular file (``/dev/stdout``, a pipe) is
    written directly.
    """
    text = dumps(report, indent=indent) + "\n"
    if not isinstance(target, str | os.PathLike):
        target.write(text)
        return
    path = Path(target)
    if path.exists() and not path.is_file():
        path.write_text(text, encoding="utf-8")
        return
    _write_atomically(path, text.encode("utf-8"))


def _write_atomically(path: Path, data: bytes) -> None:
    real = path.resolve()  # replace the file a symlink points to, not the link
    if real.exists():
        mode = real.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- reading JSON -----------------------------------------------------------------------

_STRING_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _too_deep(text: str) -> bool:
    """Whether arrays and objects nest deeper than :data:`MAX_DEPTH` (checked before
    parsing, so that no parser recurses that deep)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING_TOKEN.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH


class _Parser:
    """One parse: the hooks of :func:`json.loads`, noting what the model can never hold."""

    def __init__(self) -> None:
        self.marked = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        seen: set[str] = set()
        dups = []
        for k, _ in pairs:
            if k in seen and k not in dups:
                dups.append(k)
            seen.add(k)
        marked = _Duplicates(obj)
        marked.duplicates = tuple(dups)
        self.marked = True
        return marked

    def constant(self, name: str) -> _Marker:
        self.marked = True
        return _Marker(name, ProblemKind.NON_FINITE, name)

    def integer(self, text: str) -> int | _Marker:
        if len(text) <= _MAX_INT_TEXT:
            return int(text)
        self.marked = True
        digits = len(text.lstrip("-"))
        return _Marker(
            f"an integer of {digits} digits", ProblemKind.OUT_OF_RANGE, f"{digits} 位的整数"
        )


def _marked_problems(value: Any, path: str, out: list[Problem]) -> Any:
    """Problems of the values the parser marked, at their paths; the value made plain
    (duplicates resolved as json does, marked numbers replaced by a marker)."""
    if isinstance(value, _Marker):
        if value.kind is ProblemKind.NON_FINITE:
            out.append(
                Problem(
                    path,
                    f"{value.text} is not allowed in a report (numbers must be finite)",
                    value.kind,
                    f"报告中不允许 {value.text}（数值必须有限）",
                )
            )
        else:
            out.append(
                Problem(
                    path,
                    f"{value.text}: more than any value of a report can have",
                    value.kind,
                    f"{value.zh}：超出报告中任何数值的范围",
                )
            )
        return value
    if isinstance(value, dict):
        for k in getattr(value, "duplicates", ()):
            out.append(
                Problem(
                    _key_path(k).replace("$", path, 1),
                    f"duplicate key {shown(k)} in a JSON object (a key appears once)",
                    ProblemKind.DUPLICATE_KEY,
                    "JSON 对象中的键重复（每个键只能出现一次）",
                )
            )
        return {
            k: _marked_problems(v, _key_path(k).replace("$", path, 1), out)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_marked_problems(v, f"{path}[{i}]", out) for i, v in enumerate(value)]
    return value


def _size_problem(size: int, max_size: int | None) -> None:
    if max_size is not None and size > max_size:
        raise _fail(
            f"the document has more than {max_size:,} bytes (pass max_size= to read more)",
            ProblemKind.TOO_LARGE,
            f"文档超过 {max_size:,} 字节（可用 max_size= 放宽）",
        )


def _parse(data: str | bytes | bytearray, max_size: int | None) -> tuple[Any, list[Problem]]:
    """The JSON value, and the problems of values no model can hold (at their paths)."""
    if isinstance(data, bytes | bytearray):
        _size_problem(len(data), max_size)
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as e:
            raise _fail(
                f"not UTF-8: byte {e.start} cannot be decoded ({e.reason})",
                ProblemKind.JSON_SYNTAX,
                f"不是 UTF-8：第 {e.start} 字节无法解码",
            ) from None
    elif isinstance(data, str):
        _size_problem(len(data), max_size)
        text = data
    else:
        msg = f"loads() takes str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    text = text.removeprefix("\ufeff")
    if _too_deep(text):
        raise _fail(
            f"invalid JSON: nested more than {MAX_DEPTH} levels deep",
            ProblemKind.TOO_DEEP,
            f"JSON 嵌套超过 {MAX_DEPTH} 层",
        )
    parser = _Parser()
    try:
        value = json.loads(
            text,
            object_pairs_hook=parser.pairs,
            parse_constant=parser.constant,
            parse_int=parser.integer,
        )
    except json.JSONDecodeError as e:
        raise _fail(
            f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}",
            ProblemKind.JSON_SYNTAX,
            f"JSON 语法错误，第 {e.lineno} 行第 {e.colno} 列：{e.msg}",
        ) from None
    except RecursionError:  # pragma: no cover - the depth is checked before parsing
        raise _fail("invalid JSON: nested too deeply", ProblemKind.TOO_DEEP) from None
    problems: list[Problem] = []
    if parser.marked:
        value = _marked_problems(value, "$", problems)
    return value, problems


def _within(path: str, marked: frozenset[str]) -> bool:
    return any(path == m or path.startswith((m + ".", m + "[")) for m in marked)


def loads(data: str | bytes | bytearray, *, max_size: int | None = MAX_DOCUMENT_SIZE) -> Report:
    """Read a report from a JSON text or UTF-8 bytes, strictly.

    Documents over ``max_size`` bytes (default :data:`MAX_DOCUMENT_SIZE`; ``None`` for
    no limit) or nested deeper than :data:`MAX_DEPTH` are refused before parsing.
    With the ``fast`` extra (orjson) installed, a valid document is read faster; the
    result is the same report, and an invalid document the same problems, either way.
    """
    fast = FastParse.of(data, max_size)
    if fast is not None:
        try:
            report = from_dict(fast.value)
        except ValidationError:
            pass  # read again exactly, which names every problem at its path
        else:
            if fast.complete():
                return report
    return _exact_loads(data, max_size)


def _exact_loads(
    data: str | bytes | bytearray,
    max_size: int | None,
    structure: Callable[[Any], Report] = from_dict,
) -> Report:
    """:func:`loads` through the parser that marks every value no report can hold."""
    value, marked = _parse(data, max_size)
    if not marked:
        return structure(value)
    at = frozenset(p.path for p in marked)
    try:
        structure(value)
    except ValidationError as e:
        # What the parser marked is told once, as what it is (not also as a wrong type).
        rest = [p for p in e.problems if not _within(p.path, at)]
        raise ValidationError([*marked, *rest]) from None
    raise ValidationError(marked)  # pragma: no cover - a marked value is never valid


def load(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    max_size: int | None = MAX_DOCUMENT_SIZE,
) -> Report:
    """Read a report from a JSON file (a path, or a file opened in text or binary mode).

    At most ``max_size`` bytes (characters, for a text file) are read: a larger file, or
    an endless one such as ``/dev/zero``, is refused without being read to its end.
    """
    if isinstance(source, str | os.PathLike):
        with Path(source).open("rb") as f:
            return load(f, max_size=max_size)
    data = source.read() if max_size is None else source.read(max_size + 1)
    return loads(data, max_size=max_size)
