"""The ``disclosure-model`` command line.

Exit status: 0 success; 2 unusable input or usage (the message says where and what, never a
traceback). Status 1 is kept for error-severity findings of the checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from disclosure_model import examples
from disclosure_model._version import __version__
from disclosure_model.errors import DisclosureModelError, ValidationError
from disclosure_model.formatting import parse_locale
from disclosure_model.render import render_text
from disclosure_model.report import Report
from disclosure_model.schema import json_schema
from disclosure_model.serialization import load

__all__ = ["main"]

EXIT_OK = 0
EXIT_UNUSABLE = 2


class _UnusableInputError(Exception):
    """The input cannot be used; the message is for the user."""


def _add_source(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("path", nargs="?", help="a report as JSON")
    group.add_argument(
        "--example", metavar="NAME", help="a bundled example (see `disclosure-model examples`)"
    )


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        default="zh_CN",
        help="labels and number format: zh / zh_CN (official Chinese labels) or en (default zh_CN)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure-model",
        description="Read, show and export 政府信息公开工作年度报告 (annual disclosure reports).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = sub.add_parser("show", help="print a report's statistics as tables")
    _add_source(show)
    _add_locale(show)

    sub.add_parser("examples", help="list the bundled example reports")
    sub.add_parser("schema", help="print the JSON Schema of the report format")
    return parser


def _read(args: argparse.Namespace) -> Report:
    try:
        if args.example is not None:
            return examples.load(args.example)
        return load(args.path)
    except ValidationError as e:
        where = args.path if args.example is None else f"example {args.example}"
        msg = f"{where} is not a valid report:\n" + "\n".join(f"  {m}" for m in e.messages)
        raise _UnusableInputError(msg) from e
    except DisclosureModelError as e:
        raise _UnusableInputError(str(e)) from e
    except OSError as e:
        msg = f"cannot read {args.path}: {e.strerror or e}"
        raise _UnusableInputError(msg) from e


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "examples":
        out.write("\n".join(examples.names()) + "\n")
    elif args.command == "schema":
        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    elif args.command == "show":
        try:
            parse_locale(args.locale)
        except DisclosureModelError as e:
            raise _UnusableInputError(str(e)) from e
        out.write(render_text(_read(args), locale=args.locale))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args, sys.stdout)
    except _UnusableInputError as e:
        sys.stderr.write(f"disclosure-model: error: {e}\n")
        return EXIT_UNUSABLE
    except BrokenPipeError:  # pragma: no cover - output piped into e.g. `head`
        return EXIT_OK
