"""Reports bundled with the library, transcribed by hand from real published reports.

>>> from disclosure_model import examples
>>> "baoshan-2018" in examples.names()
True
"""

from __future__ import annotations

import functools
from importlib import resources

from disclosure_model.errors import UnknownExampleError
from disclosure_model.report import Report

__all__ = ["load", "names"]

_DATA = "data"


def names() -> tuple[str, ...]:
    """Names of the bundled examples, sorted."""
    folder = resources.files(__name__).joinpath(_DATA)
    return tuple(
        sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))
    )


@functools.cache
def _text(name: str) -> bytes:
    if name not in names():
        known = ", ".join(names())
        msg = f"no bundled example {name!r}; the examples are: {known}"
        raise UnknownExampleError(msg)
    return resources.files(__name__).joinpath(_DATA, f"{name}.json").read_bytes()


def load(name: str) -> Report:
    """Load a bundled example report by name (see :func:`names`)."""
    from disclosure_model.serialization import loads

    return loads(_text(name))
