"""Strict, lossless JSON for reports, through a project cattrs converter.

The wire format is the model's own shape: every key is always written (``null`` where the
report states nothing) and every key is required when reading, so a typo or a truncated
document can never pass as blank cells. Reading is strict:

* a count accepts only a JSON integer (not ``3.0``, ``"3"`` or ``true``);
* money and stated values accept a decimal string (``"213.15"``) or an integer, never a
  float, so no amount is rounded on the way in;
* enums are read by value; unknown and duplicate keys are rejected; NaN and Infinity are
  rejected; bytes must be UTF-8;
* every problem is reported at once, each with its ``$.path``, in one
  :class:`~disclosure_model.errors.ValidationError`. Nothing half-built is returned.

Use :func:`make_converter` for a converter of your own, or :func:`configure_converter` to add
these hooks to one you have; the module never touches cattrs' global converter.
"""

from __future__ import annotations

import enum
import json
import os
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs

from disclosure_model._codegen import DECIMAL_TEXT, Check, Plan, compile_structurer
from disclosure_model.claims import CellSum, ClaimSum, Share
from disclosure_model.errors import Problem, ValidationError
from disclosure_model.formats import STATISTICS_CLASSES, ReportFormat, Statistics
from disclosure_model.formats._declare import Declared, SlotKind, check_value, slots
from disclosure_model.report import Report, check_claim_links, report_problems
from disclosure_model.values import Amount

__all__ = [
    "SCHEMA_VERSION",
    "configure_converter",
    "dump",
    "dumps",
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
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_SUBJECT_TAGS: dict[str, type] = {"cells": CellSum, "claims": ClaimSum, "share": Share}
_SUBJECT_NAMES = {v: k for k, v in _SUBJECT_TAGS.items()}
_MISSING_KEY = "missing key (every key is required; null states absence)"


def _key_path(key: object) -> str:
    if isinstance(key, str) and _IDENT.match(key):
        return f"$.{key}"
    return f"$[{json.dumps(key, ensure_ascii=False)}]"


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    name = {dict: "object", list: "array", str: "string", int: "integer", float: "number"}.get(
        type(value), type(value).__name__
    )
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str | int | float) else ""
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{name} {text}".rstrip()


def _fail(message: str) -> ValidationError:
    return ValidationError.at("$", message)


# --- primitives -------------------------------------------------------------------------


def _structure_int(value: Any, _t: Any = None) -> int:
    if type(value) is int:
        return value
    raise _fail(f"expected an integer, got {_describe(value)}")


def _structure_str(value: Any, _t: Any = None) -> str:
    if type(value) is str:
        return value
    raise _fail(f"expected a string, got {_describe(value)}")


def _structure_decimal(value: Any, _t: Any = None) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if type(value) is str and DECIMAL_TEXT.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numerals
            pass
    if type(value) is float:
        raise _fail(
            f'expected a decimal string such as "213.15" or an integer, got {_describe(value)}'
            " (a float could round the amount)"
        )
    raise _fail(f'expected a decimal string such as "213.15" or an integer, got {_describe(value)}')


def _structure_date(value: Any, _t: Any = None) -> date:
    if type(value) is str and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _fail(f"not a calendar date: {value}") from None
    raise _fail(f'expected a date as "YYYY-MM-DD", got {_describe(value)}')


def _enum_hook(cls: type[enum.Enum]) -> Hook:
    by_value = {m.value: m for m in cls}
    allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in by_value)

    def structure(value: Any, _t: Any = None) -> enum.Enum:
        if type(value) is str:
            member = by_value.get(value)
            if member is not None:
                return member
        raise _fail(f"expected one of {allowed}, got {_describe(value)}")

    return structure


class _PartialError(ValidationError):
    """A list with bad items, carrying the items that could be read (with their positions),
    so that checks across a report can still judge them."""

    def __init__(self, problems: list[Problem], read: list[tuple[int, Any]]) -> None:
        super().__init__(problems)
        self.read = read


def _tuple_hook(item_hook: Hook, item_type: Any) -> Hook:
    def structure(value: Any, _t: Any = None) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _fail(f"expected an array, got {_describe(value)}")
        if item_type is str and all(type(v) is str for v in value):
            return tuple(value)
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
        return {}, [Problem("$", f"expected an object, got {_describe(obj)}")]
    problems: list[Problem] = []
    kwargs: dict[str, Any] = {}
    for name, alias, ftype in fields:
        if name not in obj:
            problems.append(Problem(f"$.{name}", _MISSING_KEY))
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
        problems.extend(Problem(_key_path(k), "unknown key") for k in obj if k not in names)
    return kwargs, problems


def _build(cls: type, kwargs: dict[str, Any]) -> Any:
    try:
        return cls(**kwargs)
    except ValidationError:
        raise
    except (TypeError, ValueError) as e:  # pragma: no cover - every field is checked above
        raise _fail(str(e)) from e


class _Hooks:
    """Per-class field hooks, resolved on first use (classes refer to each other)."""

    def __init__(self, conv: cattrs.Converter, cls: type) -> None:
        self.conv = conv
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
            self._hooks = {n: self.conv.get_structure_hook(t) for n, _, t in self.fields}
        return self._hooks


def _plan_for(conv: cattrs.Converter, name: str, alias: str, ftype: Any) -> Plan:
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
    return Plan(name, alias, Check.HOOK, hook=conv.get_structure_hook(ftype), type=ftype)


def _attrs_hook(conv: cattrs.Converter, cls: type, tag: tuple[str, str] | None = None) -> Hook:
    fields = _init_fields(cls)
    hooks = {n: conv.get_structure_hook(t) for n, _, t in fields}

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

    plans = [_plan_for(conv, n, a, t) for n, a, t in fields]
    # Without field validators, __init__ does nothing the fast path has not done but run
    # __attrs_post_init__ (the class's own checks), so the object is built directly.
    direct = all(a.validator is None and a.init for a in attrs.fields(cls))
    post_init = hasattr(cls, "__attrs_post_init__")
    return compile_structurer(cls, plans, slow, direct=direct, post_init=post_init, tag=tag)


class _DeclaredStructurer:
    """Structurer for a declared statistics class, with a fast path for valid input.

    Valid input (the common case) is checked inline and the object is built without running
    the constructor's checks a second time; anything else goes to the slow path, which
    collects every problem with its path.
    """

    def __init__(self, conv: cattrs.Converter, cls: type[Declared]) -> None:
        self.conv = conv
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
            hook = self._hooks[name] = self.conv.get_structure_hook(typ)
        return hook

    def _money(self, value: Any) -> Amount | None:
        if value is None:
            return None
        if self._amount is None:
            self._amount = self.conv.get_structure_hook(Amount)
        return typing.cast(Amount, self._amount(value, Amount))

    def _slow(self, obj: Any) -> ValidationError:
        if type(obj) is not dict:
            return _fail(f"expected an object, got {_describe(obj)}")
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        for s in self.slots:
            at = f"$.{s.name}"
            if s.name not in obj:
                problems.append(Problem(at, _MISSING_KEY))
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
            why = check_value(s.kind, v, describe=_describe)
            if why is not None:
                problems.append(Problem(at, why))
        problems.extend(Problem(_key_path(k), "unknown key") for k in obj if k not in self.names)
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
                plans.append(Plan(s.name, s.name, Check.INT_OR_NONE))
            elif s.kind is SlotKind.MONEY:
                hook = self.conv.get_structure_hook(Amount | None)
                plans.append(Plan(s.name, s.name, Check.MONEY, hook=hook, type=Amount | None))
            else:
                hook = self.conv.get_structure_hook(s.type)
                plans.append(Plan(s.name, s.name, Check.HOOK, hook=hook, type=s.type))
        return compile_structurer(self.cls, plans, self._slow, direct=self.plain)


def _subject_hook(conv: cattrs.Converter, union: Any) -> Hook:
    """Structurer of a union of claim subjects, told apart by their ``type`` tag."""
    members = {_SUBJECT_NAMES[cls]: cls for cls in typing.get_args(union)}
    allowed = ", ".join(json.dumps(t) for t in members)
    hooks: dict[str, Hook] = {}

    def structure(obj: Any, _t: Any = None) -> Any:
        if type(obj) is not dict:
            raise _fail(f"expected an object, got {_describe(obj)}")
        tag = obj.get("type")
        cls = members.get(tag) if type(tag) is str else None
        if cls is None or type(tag) is not str:
            raise ValidationError.at("$.type", f"expected one of {allowed}, got {_describe(tag)}")
        hook = hooks.get(tag)
        if hook is None:  # made on first use: Share itself refers to an operand union
            hook = hooks[tag] = _attrs_hook(conv, cls, tag=("type", tag))
        return hook(obj, cls)

    return structure


def _report_hook(conv: cattrs.Converter) -> Hook:
    resolved = _Hooks(conv, Report)
    format_hook = _enum_hook(ReportFormat)
    stats_hooks = {f: conv.get_structure_hook(c) for f, c in STATISTICS_CLASSES.items()}

    def structure(obj: Any, _t: Any = None) -> Report:
        if type(obj) is not dict:
            raise _fail(f"expected a JSON object (a report), got {_describe(obj)}")
        problems: list[Problem] = []
        version = obj.get("schema_version", _MISSING)
        if version is _MISSING:
            problems.append(Problem("$.schema_version", "missing key"))
        elif type(version) is not int or version not in READABLE_VERSIONS:
            problems.append(
                Problem(
                    "$.schema_version",
                    f"this library reads schema versions 1 and {SCHEMA_VERSION}, "
                    f"got {_describe(version)}",
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
    raise _fail("statistics are read as part of a report, whose format names their class")


# --- unstructuring ----------------------------------------------------------------------


def _unstructure_attrs(conv: cattrs.Converter, cls: type) -> Callable[[Any], Any]:
    names = [a.name for a in attrs.fields(cls) if a.init]

    def unstructure(obj: Any) -> dict[str, Any]:
        return {n: conv.unstructure(getattr(obj, n)) for n in names}

    return unstructure


def _unstructure_declared(conv: cattrs.Converter, cls: type) -> Callable[[Any], Any]:
    cls_slots = slots(cls)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for s in cls_slots:
            v = getattr(obj, s.name)
            if s.kind in (SlotKind.COUNT, SlotKind.CHANGE):
                out[s.name] = v
            else:
                out[s.name] = conv.unstructure(v)
        return out

    return unstructure


def _is_ours(t: Any) -> bool:
    return (
        isinstance(t, type)
        and attrs.has(t)
        and t.__module__.startswith("disclosure_model.")
        and not issubclass(t, Declared)
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


def configure_converter(conv: cattrs.Converter) -> None:
    """Register the strict hooks of this library on ``conv`` (a :class:`cattrs.Converter`)."""
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )

    def optional_factory(t: Any) -> Hook:
        inner = [a for a in typing.get_args(t) if a is not type(None)]
        inner_type = inner[0] if len(inner) == 1 else typing.Union[tuple(inner)]  # noqa: UP007
        return _optional_hook(conv.get_structure_hook(inner_type), inner_type)

    def tuple_factory(t: Any) -> Hook:
        item = typing.get_args(t)[0]
        return _tuple_hook(conv.get_structure_hook(item), item)

    conv.register_structure_hook_factory(lambda t: t == Statistics, lambda _t: _no_bare_statistics)
    conv.register_structure_hook_factory(_is_subject, lambda t: _subject_hook(conv, t))
    conv.register_structure_hook_factory(_is_optional, optional_factory)
    conv.register_structure_hook_factory(_is_var_tuple, tuple_factory)
    conv.register_structure_hook_factory(
        _is_declared, lambda t: _DeclaredStructurer(conv, t).compile()
    )
    conv.register_structure_hook_factory(_is_ours, lambda t: _attrs_hook(conv, t))
    conv.register_structure_hook(Report, _report_hook(conv))

    # Positional notation, never an exponent ("1E+3" would not read back); the exponent's
    # decimals survive ("1E-7" is written "0.0000001").
    conv.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _t: lambda e: e.value
    )
    conv.register_unstructure_hook_factory(_is_declared, lambda t: _unstructure_declared(conv, t))
    conv.register_unstructure_hook_factory(_is_ours, lambda t: _unstructure_attrs(conv, t))

    subject_bodies = {cls: _unstructure_attrs(conv, cls) for cls in _SUBJECT_NAMES}

    def unstructure_subject(_factory_type: Any) -> Callable[[Any], Any]:
        def unstructure(obj: Any) -> Any:
            return {"type": _SUBJECT_NAMES[type(obj)], **subject_bodies[type(obj)](obj)}

        return unstructure

    conv.register_unstructure_hook_factory(
        lambda t: t in _SUBJECT_NAMES or _is_subject(t), unstructure_subject
    )

    report_fields = _unstructure_attrs(conv, Report)
    conv.register_unstructure_hook(
        Report, lambda r: {"schema_version": SCHEMA_VERSION, **report_fields(r)}
    )


def make_converter() -> cattrs.Converter:
    """A new cattrs converter configured with this library's strict hooks."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
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
    """Write the report as JSON to a path or a text file."""
    text = dumps(report, indent=indent) + "\n"
    if isinstance(target, str | os.PathLike):
        Path(target).write_text(text, encoding="utf-8")
    else:
        target.write(text)


def _reject_constant(name: str) -> Any:
    raise _fail(f"{name} is not allowed in a report (numbers must be finite)")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _fail(f"duplicate key {dup!r} in a JSON object")
    return obj


def _parse(data: str | bytes | bytearray) -> Any:
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as e:
            raise _fail(f"not UTF-8: byte {e.start} cannot be decoded ({e.reason})") from None
    elif isinstance(data, str):
        text = data
    else:
        msg = f"loads() takes str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise _fail(f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise _fail("invalid JSON: nested too deeply") from None
    except ValueError as e:  # e.g. an integer of more digits than Python converts
        raise _fail(f"invalid JSON: {e}") from None
    if ("\\ud" in text or "\\uD" in text) and _SURROGATE_ESCAPE.search(text):
        _reject_lone_surrogates(data, "$")
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_lone_surrogates(value: Any, path: str) -> None:
    """A ``\\ud800`` escape without its pair is no character: it could never be written out."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError.at(
                path, "a string holds a lone surrogate (not Unicode text)"
            ) from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _reject_lone_surrogates(k, path)
            _reject_lone_surrogates(v, _key_path(k).replace("$", path, 1))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _reject_lone_surrogates(v, f"{path}[{i}]")


def loads(data: str | bytes | bytearray) -> Report:
    """Read a report from a JSON text or UTF-8 bytes, strictly."""
    return from_dict(_parse(data))


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Report:
    """Read a report from a JSON file (a path, or a file opened in text or binary mode)."""
    if isinstance(source, str | os.PathLike):
        return loads(Path(source).read_bytes())
    return loads(source.read())
