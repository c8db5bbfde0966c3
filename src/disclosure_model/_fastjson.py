"""The JSON reader's fast path: a plain parse that is trusted only when nothing is off.

:func:`disclosure_model.loads` first parses the document without the hooks that mark
duplicate keys, NaN and over-long integers at their paths, and structures the result. The
fast path only ever *accepts*: whenever the parser fails, or the document might hold
something the plain parse hides (a duplicate key, whose first value the parser drops), the
reader starts again on the exact path, which names every problem as it always has. So both
paths give the same report for every document the fast one accepts, and the fast one
accepts nothing the exact one refuses:

* with orjson (the ``fast`` extra), NaN, Infinity, lone surrogates, invalid UTF-8, a BOM and
  nesting past orjson's limit are parse errors, and an integer beyond 64 bits becomes a
  float, which no field accepts;
* a duplicate key is found by counting: every ``:`` byte of the document is either a key's
  separator or inside a string, so when the parsed value has as many keys and ``:`` in its
  strings (counted in its orjson serialization, which escapes no ``:``) as the document has
  ``:`` bytes, no key was dropped. A ``:`` written as ``\\u003a`` would break the count, so
  a document with that escape takes the exact path;
* without orjson, the standard library's parser runs with a duplicate-key hook (the
  integer hook, the costly one, is left out: an over-long integer parses to an int that no
  field accepts, and one past Python's digit limit is a parse error);
* depth needs no test of its own: an accepted document has the report's own shape, at most
  7 levels deep, and a deeper one is refused by the structurer and read again exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["FastParse", "parser", "set_parser"]

#: What parses a document on the fast path: ``"orjson"``, ``"json"`` or ``None`` (the
#: exact path only). Chosen once by what is installed; the tests switch it.
_chosen: list[str | None] = []


def _default() -> str | None:
    try:
        import orjson  # noqa: F401  # the fast extra: used when installed
    except ImportError:
        return "json"
    return "orjson"


def parser() -> str | None:
    """The parser the fast path uses (``None``: every document takes the exact path)."""
    if not _chosen:
        _chosen.append(_default())
    return _chosen[0]


def set_parser(name: str | None) -> str | None:
    """Use ``name`` for the fast path from now on (for tests); returns the previous one."""
    if name not in ("orjson", "json", None):
        msg = f"unknown parser {name!r}"
        raise ValueError(msg)
    previous = parser()
    _chosen[0] = name
    return previous


class _NotPlainError(Exception):
    """An object had a key twice: the document takes the exact path."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _NotPlainError
    return obj


def _constant(_name: str) -> Any:
    raise _NotPlainError  # NaN or Infinity: the exact path reports them at their paths


def _escaped_colon(data: bytes | str) -> bool:
    """Whether the document has ``\\u003a`` (a ``:`` the byte count cannot see)."""
    needle: Any = b"\\u003" if isinstance(data, bytes) else "\\u003"
    pos = data.find(needle)
    while pos >= 0:
        if data[pos + 5 : pos + 6] in ((b"a", b"A") if isinstance(data, bytes) else ("a", "A")):
            return True
        pos = data.find(needle, pos + 1)
    return False


class FastParse:
    """A document parsed on the fast path; :meth:`complete` says whether to trust it."""

    __slots__ = ("_check", "value")

    def __init__(self, value: Any, check: Callable[[], bool]) -> None:
        self.value = value
        self._check = check

    def complete(self) -> bool:
        """Whether the parsed value holds every key the document wrote (none was dropped)."""
        return self._check()

    @classmethod
    def of(cls, data: object, max_size: int | None) -> FastParse | None:
        """Parse ``data`` on the fast path, or ``None`` if only the exact path can read it
        (or refuse it: over ``max_size``, or not a str or bytes at all)."""
        name = parser()
        if name is None or not isinstance(data, str | bytes | bytearray):
            return None
        if max_size is not None and len(data) > max_size:
            return None
        if isinstance(data, bytearray):
            data = bytes(data)
        if name == "orjson":
            return cls._orjson(data)
        return cls._json(data)

    @classmethod
    def _orjson(cls, data: str | bytes) -> FastParse | None:
        import orjson  # the fast extra; parser() chose it because it is installed

        try:
            value = orjson.loads(data)
        except ValueError:  # orjson.JSONDecodeError, and a str it cannot encode
            return None
        colon: Any = b":" if isinstance(data, bytes) else ":"

        def check() -> bool:
            if _escaped_colon(data):
                return False
            try:
                written = orjson.dumps(value)
            except TypeError:  # pragma: no cover - a parsed value is always serializable
                return False
            return bool(data.count(colon) == written.count(b":"))

        return cls(value, check)

    @classmethod
    def _json(cls, data: str | bytes) -> FastParse | None:
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
        except (_NotPlainError, ValueError, RecursionError):
            return None  # a duplicate, NaN, a syntax error, an integer past Python's limit
        return cls(value, lambda: True)
