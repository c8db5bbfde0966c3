"""Sphinx configuration of the disclosure_model documentation.

Build with ``python -m sphinx -n -W --keep-going -b html docs docs/_build/html``;
run the examples with ``python -m sphinx -b doctest docs docs/_build/doctest``.
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

import disclosure_model

# The local extension that writes the generated reference pages lives next to this file.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "disclosure_model"
author = "disclosure_model developers"
copyright = "disclosure_model developers"
release = disclosure_model.__version__
version = release

extensions = [
    # myst_nb parses every Markdown page as myst_parser does, and executes the pages that
    # are notebooks (a `file_format: mystnb` header): the tutorial runs at every build.
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "catalogue_pages",
]

source_suffix = {".md": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
# {{ version }} in a page is the version being documented (the front page shows it).
myst_substitutions = {"version": release}
myst_heading_anchors = 3

# -- notebooks (myst-nb) ---------------------------------------------------------------------
# Executed at every build, with the build's own Python (ipykernel); an exception in a cell
# fails the build, as a broken example should.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 180
nb_execution_show_tb = True

# -- autodoc -------------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
# Long attrs signatures (a row class has seven cells, a table up to 25 rows) read better
# one parameter per line.
python_maximum_signature_line_length = 90
python_use_unqualified_type_names = True

# -- nitpicky (-n) ---------------------------------------------------------------------------
# No intersphinx (the build has no network), so references into the standard library and
# into cattrs and babel cannot resolve. Each entry below names a type from outside this project
# that appears in a signature or a list of bases; anything of our own must resolve, so it is
# never listed here (one temporary exception is marked below).
nitpick_ignore = [
    # standard library
    ("py:class", "decimal.Decimal"),
    ("py:class", "fractions.Fraction"),
    ("py:class", "datetime.date"),
    ("py:class", "os.PathLike"),
    ("py:class", "pathlib.Path"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "enum.Enum"),
    # babel, whose Locale disclosure_model.formatting.parse_locale returns
    ("py:class", "babel.core.Locale"),
    # cattrs, whose converter our factory builds and configures
    ("py:class", "cattrs.Converter"),
    ("py:class", "cattrs.converters.Converter"),
]

# -- doctest -------------------------------------------------------------------------------
# Only the {doctest}/{testcode} directives of these pages run here. The ``>>>`` examples in
# docstrings run under pytest (--doctest-modules) with their module's names in scope; here
# they would run without them.
doctest_test_doctest_blocks = ""
# Sphinx's default flags include IGNORE_EXCEPTION_DETAIL, under which an example may show an
# error message the library does not print and still pass. The messages are part of what the
# pages teach, so they are compared like any other output.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1 | doctest.NORMALIZE_WHITESPACE
)
_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "parsing" / "corpus"
doctest_global_setup = f"""
import pathlib

import disclosure_model as dm

#: The real published reports the parser tests use (tests/parsing/corpus).
CORPUS = pathlib.Path({str(_CORPUS)!r})

try:  # optional: the JSON Schema example is skipped without it (see how-to/read-and-write-json)
    import jsonschema
except ImportError:
    jsonschema = None
"""

# -- HTML ----------------------------------------------------------------------------------
html_theme = "furo"
html_title = "disclosure_model"
html_static_path = ["_static"]
html_css_files = ["tables.css"]


# -- hooks -----------------------------------------------------------------------------------
# Private bases of public classes. Every row and table class derives from the mixin
# ``Declared``, which checks types and signs on construction (see explanation/design.md);
# the package does not export it, so the reference shows the nearest public base instead.
_PRIVATE_BASES = frozenset({"Declared", "ActiveDisclosureBase"})


def _hide_private_bases(
    app: Sphinx, name: str, obj: object, options: Any, bases: list[type]
) -> None:
    public = [
        b
        for b in bases
        if not (
            b.__module__.startswith("disclosure_model")
            and (b.__name__ in _PRIVATE_BASES or b.__name__.startswith("_"))
        )
    ]
    bases[:] = public or [object]


# Every row and table class carries ``IDENTITIES``, the arithmetic rules between its fields,
# typed with the private ``Identity``. The checks expand them, and the rule catalogue page
# (reference/rules.md) lists every rule with the places it is checked, so the reference leaves
# the attribute out instead of repeating it on each class.
_SKIPPED_MEMBERS = frozenset({"IDENTITIES"})


def _skip_declaration_internals(  # noqa: PLR0917 - Sphinx passes these six positionally
    app: Sphinx, what: str, name: str, obj: object, skip: bool, options: Any
) -> bool | None:
    if what == "class" and name in _SKIPPED_MEMBERS:
        return True
    return None


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-bases", _hide_private_bases)
    app.connect("autodoc-skip-member", _skip_declaration_internals)
