"""The exceptions of the library.

Exceptions are for misuse and for input that cannot become a model at all.
Questionable *data* in a well-formed report (wrong totals, percentages that do not match)
is never raised: the checks return it as findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "DisclosureModelError",
    "FormatMismatchError",
    "ParseError",
    "Problem",
    "UnknownExampleError",
    "ValidationError",
]


class DisclosureModelError(Exception):
    """Root of every exception this library raises on purpose."""


@frozen
class Problem:
    """One thing wrong with an input, at a JSONPath-like location.

    ``path`` starts with ``$`` (the object being built or loaded) and names keys with
    ``.key`` and list positions with ``[i]``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def under(self, prefix: str) -> Problem:
        """Return the same problem with its path re-rooted below ``prefix``."""
        return Problem(prefix + self.path[1:], self.message)


class ValidationError(DisclosureModelError, ValueError):
    """Raised when a value, an object or a JSON document is not a valid model.

    Carries *every* problem found, each with its path; nothing half-built is returned.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            msg = "ValidationError needs at least one problem"
            raise ValueError(msg)
        super().__init__(self._text())

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """Build an error holding a single problem."""
        return cls([Problem(path, message)])

    def under(self, prefix: str) -> ValidationError:
        """Return the same error with every path re-rooted below ``prefix``."""
        return ValidationError(p.under(prefix) for p in self.problems)

    @property
    def messages(self) -> tuple[str, ...]:
        """Every problem as a ``$.path: message`` line."""
        return tuple(str(p) for p in self.problems)

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
