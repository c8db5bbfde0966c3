"""disclosure_model: the Chinese government information-disclosure annual report as a typed,
checkable, analysable object.

>>> import disclosure_model as dm
>>> r = dm.examples.load("huaian-2024")
>>> r.statistics.applications.new_received.total
3119
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from disclosure_model import examples
from disclosure_model.checks import CheckResult, Finding, Outcome, Rule, Severity, check, rules
from disclosure_model.claims import Approximation, CellSum, Claim, ClaimKind, ClaimSum, Share
from disclosure_model.comparison import Change, Comparison, compare
from disclosure_model.errors import (
    DisclosureModelError,
    FormatMismatchError,
    OptionalDependencyError,
    ParseError,
    Problem,
    ProblemKind,
    UnknownExampleError,
    ValidationError,
)
from disclosure_model.export import iter_records, to_frame, to_records, write_parquet
from disclosure_model.formats import (
    Catalogue,
    Entry,
    LegacyStatistics,
    ReportFormat,
    Statistics2019,
    Statistics2021,
    catalogue,
    form,
    format_for_year,
)
from disclosure_model.indicators import Indicator, harmonise
from disclosure_model.ratio_catalogue import RatioSpec, ratios
from disclosure_model.report import Coverage, Organ, OrganLevel, Report, Section, Source
from disclosure_model.schema import json_schema
from disclosure_model.serialization import (
    SCHEMA_VERSION,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    to_dict,
)
from disclosure_model.values import Amount, CellKind, MoneyUnit, Ratio, Unit

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Approximation",
    "Catalogue",
    "CellKind",
    "CellSum",
    "Change",
    "CheckResult",
    "Claim",
    "ClaimKind",
    "ClaimSum",
    "Comparison",
    "Coverage",
    "DisclosureModelError",
    "Entry",
    "Finding",
    "FormatMismatchError",
    "Indicator",
    "LegacyStatistics",
    "MoneyUnit",
    "OptionalDependencyError",
    "Organ",
    "OrganLevel",
    "Outcome",
    "ParseError",
    "Parsed",
    "Problem",
    "ProblemKind",
    "Ratio",
    "RatioSpec",
    "Report",
    "ReportFormat",
    "Rule",
    "Section",
    "Severity",
    "Share",
    "Source",
    "Statistics2019",
    "Statistics2021",
    "TemplateError",
    "Unit",
    "UnknownExampleError",
    "ValidationError",
    "catalogue",
    "check",
    "compare",
    "corpus",
    "dump",
    "dumps",
    "examples",
    "findings_text",
    "form",
    "format_for_year",
    "from_dict",
    "from_sparse",
    "from_table",
    "harmonise",
    "iter_records",
    "json_schema",
    "load",
    "loads",
    "new_report",
    "parse",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "ratios",
    "render_html",
    "render_markdown",
    "render_text",
    "rules",
    "template",
    "to_dict",
    "to_frame",
    "to_records",
    "to_sparse",
    "write_parquet",
    "write_template",
]


if TYPE_CHECKING:  # imported on first use (below): parsing costs a little to import
    from disclosure_model.batch import corpus
    from disclosure_model.office import (
        TemplateError,
        from_sparse,
        from_table,
        new_report,
        template,
        to_sparse,
        write_template,
    )
    from disclosure_model.parsing import Parsed, parse, parse_html, parse_pdf, parse_text
    from disclosure_model.render import (
        findings_text,
        render_html,
        render_markdown,
        render_text,
    )

#: Names given by a submodule imported on first use.
_LAZY = {
    # The function, from a module not named `corpus`: importing a submodule
    # `disclosure_model.corpus` would replace this attribute by the module.
    "corpus": "disclosure_model.batch",
    "Parsed": "disclosure_model.parsing",
    "parse": "disclosure_model.parsing",
    "parse_html": "disclosure_model.parsing",
    "parse_pdf": "disclosure_model.parsing",
    "parse_text": "disclosure_model.parsing",
    "TemplateError": "disclosure_model.office",
    "from_sparse": "disclosure_model.office",
    "from_table": "disclosure_model.office",
    "new_report": "disclosure_model.office",
    "template": "disclosure_model.office",
    "to_sparse": "disclosure_model.office",
    "write_template": "disclosure_model.office",
    "findings_text": "disclosure_model.render",
    "render_html": "disclosure_model.render",
    "render_markdown": "disclosure_model.render",
    "render_text": "disclosure_model.render",
}


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("disclosure-model")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            from disclosure_model._version import __version__

            return __version__
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
