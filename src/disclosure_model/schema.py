"""JSON Schema (draft 2020-12) of the serialised report, generated from the model's classes."""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from disclosure_model.claims import CellSum, Claim, ClaimSum, Share
from disclosure_model.formats import STATISTICS_CLASSES, CombinedFigure
from disclosure_model.formats._declare import SPEC, Declared, SlotKind, slots
from disclosure_model.report import Organ, Report, Section, Source
from disclosure_model.serialization import SCHEMA_VERSION
from disclosure_model.values import MAX_COUNT, MAX_DECIMALS, MAX_INTEGER_DIGITS

__all__ = ["json_schema"]

# The limits of the model (disclosure_model.values): a decimal has at most 18 digits before
# its point (leading zeros aside) and 6 after it; a count is at most MAX_COUNT.
_DIGITS = rf"0*[0-9]{{1,{MAX_INTEGER_DIGITS}}}(\.[0-9]{{1,{MAX_DECIMALS}}})?$"
_LARGEST = 10**MAX_INTEGER_DIGITS - 1
_DECIMAL = {
    "oneOf": [
        {"type": "string", "pattern": "^-?" + _DIGITS},
        {"type": "integer", "minimum": -_LARGEST, "maximum": _LARGEST},
    ]
}
_SUBJECTS = {CellSum: "cells", ClaimSum: "claims", Share: "share"}
_TEXT = {"type": "string", "pattern": r"\S"}
_NON_NEGATIVE_DECIMAL = {
    "oneOf": [
        {"type": "string", "pattern": "^" + _DIGITS},
        {"type": "integer", "minimum": 0, "maximum": _LARGEST},
    ]
}


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


#: What the constructors check beyond the type, where JSON Schema can say it too.
_CONSTRAINTS: dict[tuple[type, str], dict[str, Any]] = {
    (Report, "year"): {"type": "integer", "minimum": 2000, "maximum": 2100},
    (Report, "title"): _or_null(_TEXT),
    (Organ, "name"): _TEXT,
    (Organ, "division_code"): _or_null(
        {"type": "string", "pattern": r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$"}
    ),
    (Source, "url"): _or_null(_TEXT),
    (Source, "sha256"): _or_null({"type": "string", "pattern": r"^[0-9a-f]{64}$"}),
    (Section, "title"): _or_null(_TEXT),
    (Claim, "id"): {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_.-]*$"},
    (Claim, "text"): _TEXT,
    (Claim, "value"): _NON_NEGATIVE_DECIMAL,
    (Claim, "unit"): _or_null(_TEXT),
    (Claim, "scale"): {"enum": [1, 10_000, 100_000_000]},
    (Claim, "section"): _or_null({"type": "integer", "minimum": 0}),
    (CellSum, "paths"): {"type": "array", "items": _TEXT, "minItems": 1},
    (ClaimSum, "ids"): {"type": "array", "items": _TEXT, "minItems": 1},
    (CombinedFigure, "cells"): {
        "type": "array",
        "items": {"type": "string"},
        "minItems": 2,
        "uniqueItems": True,
    },
    (CombinedFigure, "value"): {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.declared(cls) if issubclass(cls, Declared) else self.plain(cls)
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, t: Any) -> dict[str, Any]:
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if origin in (typing.Union, types.UnionType):
            if set(args) <= set(_SUBJECTS) | {type(None)}:
                options = [self.ref(a) for a in args if a is not type(None)]
                if type(None) in args:
                    options.append({"type": "null"})
                return {"oneOf": options}
            return {"anyOf": [self.of_type(a) for a in args]}
        if origin is tuple:
            return {"type": "array", "items": self.of_type(args[0])}
        if t is type(None):
            return {"type": "null"}
        if t is int:
            return {"type": "integer"}
        if t is str:
            return {"type": "string"}
        if t is Decimal:
            return dict(_DECIMAL)
        if t is date:
            return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if isinstance(t, type) and attrs.has(t):
            return self.ref(t)
        msg = f"no schema for {t!r}"  # pragma: no cover - every model type is handled above
        raise TypeError(msg)  # pragma: no cover

    def plain(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = [a for a in attrs.fields(cls) if a.init]
        props = {
            a.name: _CONSTRAINTS.get((cls, a.name)) or self.of_type(hints[a.name]) for a in fields
        }
        if cls in _SUBJECTS:
            props = {"type": {"const": _SUBJECTS[cls]}, **props}
        return _closed_object(cls, props)

    def declared(self, cls: type) -> dict[str, Any]:
        fields = {a.name: a for a in attrs.fields(cls)}
        props: dict[str, Any] = {}
        for s in slots(cls):
            spec = fields[s.name].metadata.get(SPEC)
            if s.kind is SlotKind.COUNT:
                prop: dict[str, Any] = {
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "maximum": MAX_COUNT,
                }
            elif s.kind is SlotKind.CHANGE:
                prop = {"type": ["integer", "null"], "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
            elif s.kind is SlotKind.MONEY:
                prop = {"oneOf": [self.ref(_MoneyAmount), {"type": "null"}]}
            else:
                prop = self.of_type(s.type)
            label = getattr(spec, "label", None) or (
                spec[0].label if isinstance(spec, tuple) else None
            )
            if label is not None:
                prop["description"] = f"{label.zh} — {label.en}"
            props[s.name] = prop
        return _closed_object(cls, props)


class _MoneyAmount:
    """An amount of money: a non-negative decimal string or integer, and its unit."""


def _closed_object(cls: type, props: dict[str, Any]) -> dict[str, Any]:
    """An object schema with exactly ``props``, all required, described by the class."""
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n")[0],
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a serialised :class:`~disclosure_model.report.Report`."""
    b = _Builder()
    b.defs["_MoneyAmount"] = {
        "type": "object",
        "description": _MoneyAmount.__doc__,
        "properties": {
            "value": _NON_NEGATIVE_DECIMAL,
            "unit": {"enum": ["元", "万元", None]},
        },
        "required": ["value", "unit"],
        "additionalProperties": False,
    }
    report = b.plain(Report)
    report["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **report["properties"]}
    report["required"] = ["schema_version", *report["required"]]
    report["properties"]["statistics"] = {"type": "object"}
    report["allOf"] = [
        {
            "if": {"properties": {"format": {"const": fmt.value}}, "required": ["format"]},
            "then": {"properties": {"statistics": b.ref(cls)}},
        }
        for fmt, cls in STATISTICS_CLASSES.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:disclosure-model:schema:report:{SCHEMA_VERSION}",
        "title": "政府信息公开工作年度报告 (disclosure_model report)",
        **report,
        "$defs": dict(sorted(b.defs.items())),
    }
