"""Optional dependencies: imported where they are used, with an error naming the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from disclosure_model.errors import OptionalDependencyError

__all__ = ["optional_module"]


def optional_module(module: str, extra: str, needed_by: str) -> ModuleType:
    """Import ``module`` of the optional ``extra``, or raise
    :class:`~disclosure_model.errors.OptionalDependencyError` saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        msg = (
            f"{needed_by} needs {module}, an optional dependency: install the {extra!r} extra "
            f"(from a clone of the repository: pip install '.[{extra}]'; "
            f"from a registry, once published: pip install 'disclosure-model[{extra}]')"
        )
        raise OptionalDependencyError(msg) from e
