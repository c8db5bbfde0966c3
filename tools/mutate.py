"""Hand-written mutation testing: small realistic bugs, one at a time, against the suite.

Run by hand, not in CI (each mutant runs the test suite, stopping at the first failure)::

    python tools/mutate.py [--only CODE ...] [--tests tests] [--timeout 600]
                           [--first FILE ...] [--jobs N]

Each mutation replaces one exact piece of source text (which must occur exactly once) in a
copy of ``src/`` and runs ``pytest -x`` with that copy first on the path. A mutant is
*killed* when a test fails, *survives* when the suite passes. The script prints each
result and the share killed; it exits 1 below 90 %. The mutations are the bugs issue 12
listed as surviving, and others of the same kinds in the checks, the reader and the ratios,
and the strategies' data growing thin again (``tests/test_data_richness.py`` is there to
kill those).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from attrs import frozen

ROOT = Path(__file__).resolve().parent.parent


@frozen
class Mutation:
    """One bug: in ``path`` (below src/disclosure_model), ``old`` becomes ``new``."""

    name: str
    path: str
    old: str
    new: str


M = Mutation
MUTATIONS = (
    # --- the survivors listed in issue 12 ------------------------------------------------
    M("R-07 a warning", "checks/_catalogue.py", '"R-07",\n        ERR,', '"R-07",\n        WARN,'),
    M(
        "pre-2019 deadline by the wrong year",
        "checks/_meta.py",
        "report.year <= 2018",
        "report.year < 2018",
    ),
    M(
        "R-19-04 without the zero exemption",
        "checks/_meta.py",
        "    if amount.value == 0:\n        return False\n",
        "",
    ),
    M(
        "R-11 without the numeral",
        "formats/_form.py",
        "return key.startswith(self.numbering) and any(w in key for w in self.words)",
        "return any(w in key for w in self.words)",
    ),
    M(
        "ties half to even in messages",
        "values.py",
        "n = math.floor(scaled + Fraction(1, 2))",
        "n = round(scaled)",
    ),
    M(
        "full-time staff share swapped",
        "ratio_catalogue.py",
        '("staff_full_time",),\n            ("staff_total",),',
        '("staff_total",),\n            ("staff_full_time",),',
    ),
    M(
        "undefined ratios 0.0 in the wide frame",
        "export.py",
        '[float("nan") if v is None else v for v in values]',
        "[0.0 if v is None else v for v in values]",
    ),
    M(
        "a refusal reason dropped from P-04/P-05",
        "formats/legacy.py",
        '    "refused_other_legal",\n)',
        ")",
    ),
    M(
        "schema accepts a negative combined figure",
        "schema.py",
        '(CombinedFigure, "value"): {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}',
        '(CombinedFigure, "value"): {"type": "integer", "maximum": MAX_COUNT}',
    ),
    M(
        "strategies truncate true percentages",
        "strategies/_claims.py",
        "scaled if truncate else scaled + Fraction(1, 2)",
        "scaled",
    ),
    # --- the failures of issue 12 come back ----------------------------------------------
    M("no count limit", "values.py", "if -MAX_COUNT <= value <= MAX_COUNT:", "if True:"),
    M(
        "no decimals limit",
        "values.py",
        "    if decimals > MAX_DECIMALS:",
        "    if decimals > 10**9:",
    ),
    M("no depth check", "serialization.py", "    if _too_deep(text):", "    if False:"),
    M(
        "no size check",
        "serialization.py",
        "if max_size is not None and size > max_size:",
        "if False:",
    ),
    M(
        "surrogates accepted",
        "_validate.py",
        "            if isinstance(item, str) and has_surrogate(item):",
        "            if False:",
    ),
    M(
        "dump not atomic",
        "serialization.py",
        '    _write_atomically(path, text.encode("utf-8"))',
        '    path.write_text(text, encoding="utf-8")',
    ),
    M(
        "duplicate keys not reported",
        "serialization.py",
        "        if len(obj) == len(pairs):\n            return obj",
        "        if True:\n            return obj",
    ),
    M(
        "ValidationError unpicklable",
        "errors.py",
        "        return (ValidationError, (self.problems,))",
        "        return super().__reduce__()",
    ),
    M(
        "claims equal whatever their decimals",
        "claims.py",
        "value: Decimal = field(eq=_as_written)",
        "value: Decimal = field()",
    ),
    M(
        "the CLI exits 1 on a bug",
        "cli.py",
        '{str(e)[:500]}\\n"\n        )\n        return EXIT_FAILED',
        '{str(e)[:500]}\\n"\n        )\n        return EXIT_FINDINGS',
    ),
    M(
        "messages not capped",
        "errors.py",
        '    return text if len(text) <= limit else text[: limit - 3] + "..."',
        "    return text",
    ),
    M(
        "P-13 false positive back",
        "checks/_meta.py",
        "    if amount.value == 0:\n        return False\n    if unit is not None:",
        "    if unit is not None:",
    ),
    M(
        "cross-year not-assessable message without last year",
        "checks/_continuity.py",
        '"{where}: not stated this year or last, so not checked."',
        '"{where}: not stated this year, so not checked."',
    ),
    M("P-05 an error", "checks/_catalogue.py", '"P-05",\n        WARN,', '"P-05",\n        ERR,'),
    M("R-06 an error", "checks/_catalogue.py", '"R-06",\n        WARN,', '"R-06",\n        ERR,'),
    # --- the strategies' data thin again (issue 12) --------------------------------------
    M(
        "strategies: every table quiet",
        "strategies/_tables.py",
        "return quiet | some | st.lists(event, min_size=most // 2, max_size=most)",
        "return quiet",
    ),
    M(
        "strategies: 以上 only for a round total",
        "strategies/_claims.py",
        "if value < total and draw(st.booleans()):",
        "if value < total:",
    ),
    M(
        "strategies: 以上 figures said 余",
        "strategies/_claims.py",
        'approximation, text = Approximation.AT_LEAST, f"{words}{value}{unit}以上"',
        'approximation, text = Approximation.MORE_THAN, f"{words}{value}{unit}以上"',
    ),
    M(
        "strategies: shares never chosen to tell truncation",
        "strategies/_claims.py",
        "    if not draw(st.booleans()):\n        return places\n    telling",
        "    if True:\n        return places\n    telling",
    ),
    M(
        "strategies: shares of any part",
        "strategies/_claims.py",
        "        if proper:\n            part, whole = _pick(draw, proper)",
        "        if False:\n            part, whole = _pick(draw, proper)",
    ),
    M(
        "strategies: figures about any cell",
        "strategies/_claims.py",
        "counts = tuple(e for e in counts if _count_or_0(stats, e) > 0) or counts",
        "counts = counts",
    ),
    # --- other small bugs of the same kinds ----------------------------------------------
    M(
        "C-04 counts a part twice",
        "checks/_claims.py",
        "            elif numerator in seen:",
        "            elif False:",
    ),
    M(
        "C-04 with >= instead of >",
        "checks/_claims.py",
        "if len(parts) >= 2 and total > whole:",
        "if len(parts) >= 2 and total >= whole:",
    ),
    M(
        "C-02 truncation one place too few",
        "checks/_claims.py",
        "places = claim.decimals + 1 if truncated",
        "places = claim.decimals if truncated",
    ),
    M("a negative count accepted", "formats/_declare.py", "value < 0:", "value < -1:"),
    M(
        "a negative amount accepted",
        "formats/_declare.py",
        "if value.value.is_signed():",
        "if value.value < -1:",
    ),
    M(
        "the fast path lets a huge count through",
        "_codegen.py",
        "0 <= {{v}} <= {MAX_COUNT}",
        "0 <= {{v}}",
    ),
    M(
        "unknown keys accepted",
        "serialization.py",
        "        problems.extend(_unknown_key(k) for k in obj if k not in names)",
        "        pass",
    ),
    # (was "scaled = abs(value) * 10 ** (places + 1) / 10": equivalent on fractions)
    M(
        "ratios truncated, not rounded",
        "values.py",
        "n = math.floor(scaled + Fraction(1, 2))",
        "n = math.floor(scaled)",
    ),
)


def _apply(tree: Path, m: Mutation) -> None:
    target = tree / "disclosure_model" / m.path
    text = target.read_text(encoding="utf-8")
    if text.count(m.old) != 1:
        msg = f"{m.name}: the text to mutate occurs {text.count(m.old)} times in {m.path}"
        raise SystemExit(msg)
    target.write_text(text.replace(m.old, m.new), encoding="utf-8")


def run(m: Mutation, tests: str, timeout: int, first: tuple[str, ...] = ()) -> bool:
    """Whether the suite kills ``m``.

    ``first`` names test files run before the whole suite: a mutant they kill is killed by
    the suite too (they are part of it), so only the mutants they miss cost a full run.
    """
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", tree, ignore=shutil.ignore_patterns("__pycache__"))
        _apply(tree, m)
        env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
        base = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        for selection in ([*first], [tests]) if first else ([tests],):
            try:
                done = subprocess.run(
                    [*base, *selection],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                return True  # a mutant that hangs the suite is caught too
            if done.returncode != 0:
                return True
        return False


def main() -> int:
    """Run every mutation (or those named); print the results; exit 1 below 90 % killed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="names (substrings) to run")
    parser.add_argument("--tests", default="tests")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument(
        "--first",
        nargs="*",
        default=(),
        help="test files to run before the whole suite (a quicker kill, the same verdict)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at the same time")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if args.only is None or any(o in m.name for o in args.only)]
    for m in chosen:  # every mutation must apply before any is run
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "src", Path(tmp) / "src")
            _apply(Path(tmp) / "src", m)
    survivors = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        verdicts = pool.map(lambda m: run(m, args.tests, args.timeout, tuple(args.first)), chosen)
        for m, killed in zip(chosen, verdicts, strict=True):
            print(f"{'killed  ' if killed else 'SURVIVED'} {m.name}", flush=True)
            if not killed:
                survivors.append(m.name)
    share = 1 - len(survivors) / len(chosen) if chosen else 1.0
    print(f"{len(chosen) - len(survivors)} of {len(chosen)} killed ({share:.0%})")
    return 0 if share >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
