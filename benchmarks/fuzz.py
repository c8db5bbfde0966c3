"""Mutation fuzzing: hostile and careless documents and pages through the whole library.

Run by hand (the CI runs a small bounded slice through ``tests/test_fuzz.py``)::

    python benchmarks/fuzz.py [--documents 100000] [--pages 20000] [--seed 12] [--jobs 2]

Each document is a bundled example written as JSON and then mutated: characters flipped,
inserted or deleted; a value replaced by a hostile one (huge and negative numbers, NaN,
lone surrogates, deep nesting, wrong types, long strings); a key dropped, duplicated or
added. Each is read with :func:`disclosure_model.loads`; each that reads is checked (strict
and lenient, in Chinese and English), its ratios computed (and made floats), its records
exported (long and wide), rendered (text, HTML, Markdown), compared with the original,
written and read back. Each page is the text or the HTML rendering of an example, mutated
the same way, and read by the prose readers and the table parsers (``parse_text`` /
``parse_html``). The only exceptions allowed are the library's own
(``DisclosureModelError``); anything else is a failure, printed with its input. The script
prints how many inputs went through each stage and how many failures there were.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import disclosure_model as dm
from disclosure_model.errors import DisclosureModelError
from disclosure_model.export import to_records
from disclosure_model.parsing._prose import read_legacy, read_narrative
from disclosure_model.render import render_html, render_markdown, render_text

HOSTILE: tuple[Any, ...] = (
    -1,
    0,
    10**17,
    10**17 + 1,
    10**25,
    "1" * 50,
    2**63,
    1.5,
    1e308,
    True,
    None,
    "",
    " ",
    "\ud800",
    "淮安\udfff",
    "x" * 10_000,
    "1E+3",
    "0." + "0" * 20 + "1",
    "9" * 30,
    "-0",
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    {"type": "share"},
    "gov-2099",
    "2024-02-30",
)
RAW_NUMBERS = ("NaN", "Infinity", "-Infinity", "1" * 5000, "-" + "9" * 400, "1e400")


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        out = [path] if path else []
        return out + [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        out = [path] if path else []
        return out + [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _mutate_structure(rng: random.Random, data: dict[str, Any]) -> str:
    """One to three structural mutations, written as JSON (with a raw token sometimes)."""
    for _ in range(rng.randint(1, 3)):
        paths = _leaves(data)
        path = rng.choice(paths)
        parent = _parent(data, path)
        what = rng.random()
        if what < 0.6:
            parent[path[-1]] = rng.choice(HOSTILE)
        elif what < 0.75 and isinstance(parent, dict):
            del parent[path[-1]]
        elif what < 0.9 and isinstance(parent, dict):
            parent[rng.choice(["extra", "Year", "", "\u3000", "year"])] = rng.choice(HOSTILE)
        elif isinstance(parent, list) and parent:
            parent.append(parent[0])
    text = json.dumps(data, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 1]))
    if rng.random() < 0.2:
        text = text.replace(": 0", ": " + rng.choice(RAW_NUMBERS), 1)
    if rng.random() < 0.05:
        text = text.replace('"year": ', '"year": 1, "year": ', 1)
    if rng.random() < 0.02:
        depth = rng.choice([31, 33, 985, 5000])
        text = text.replace('"title": ', '"title": ' + "[" * depth + "]" * depth + ', "t": ', 1)
    return text


def _mutate_values(rng: random.Random, data: dict[str, Any]) -> str:
    """Careless but valid values: counts anywhere from 0 to the limit, blanks, amounts and
    stated figures of any digits within the limits (most such documents read)."""
    stats = data["statistics"]
    leaves = [p for p in _leaves(stats) if p and p[0] != "combined"]
    for _ in range(rng.randint(1, 8)):
        path = rng.choice(leaves)
        parent = _parent(stats, path)
        old = parent[path[-1]]
        if path[-1] == "value":
            digits = rng.randint(1, 18)
            decimals = rng.randint(0, 6)
            number = str(rng.randrange(10**digits))
            parent[path[-1]] = number + ("." + "7" * decimals if decimals else "")
        elif path[-1] == "unit":
            parent[path[-1]] = rng.choice(["元", "万元", None])
        elif old is None or isinstance(old, int):
            parent[path[-1]] = rng.choice(
                [None, 0, rng.randint(0, 50), rng.randint(0, 10**6), rng.randint(0, 10**17)]
            )
    for claim in data["claims"]:
        if rng.random() < 0.3:
            claim["value"] = rng.choice(["0", "12.5", "99.99", "1" * 18, "0.000001", "100"])
    return json.dumps(data, ensure_ascii=False)


def _mutate_text(rng: random.Random, text: str) -> str:
    """Characters flipped, inserted, deleted or a slice duplicated."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        what = rng.random()
        if what < 0.3:
            chars[i] = rng.choice('{}[]",:0123456789-.eE \\u\n一件%万元')
        elif what < 0.55:
            del chars[i]
        elif what < 0.8:
            chars.insert(i, rng.choice('{}[]",:09-.\\ud800\u3000〇'))
        else:
            j = min(len(chars), i + rng.randint(1, 200))
            chars[i:i] = chars[i:j]
    return "".join(chars)


def _through(report: dm.Report, original: dm.Report, seen: Counter[str]) -> None:
    for lenient in (False, True):
        for locale in ("zh_CN", "en"):
            result = dm.check(report, lenient=lenient, locale=locale)
            for f in result.findings:
                _ = f.message
    seen["checked"] += 1
    for ratio in dm.ratios(report).values():
        float(ratio)
        ratio.percent(locale="zh_CN")
    seen["ratios"] += 1
    to_records([report], kind="long")
    to_records([report], kind="wide")
    seen["records"] += 1
    render_text(report, locale="zh_CN")
    render_text(report, locale="en")
    render_html(report, locale="zh_Hans_CN")
    render_markdown(report, locale="en")
    seen["rendered"] += 1
    dm.compare(report, original)
    dm.check(report, previous=original)
    assert report == dm.loads(dm.dumps(report))
    seen["round-tripped"] += 1


def _guarded(
    what: str, text: str, run: Callable[[], None], seen: Counter[str], failures: list[str]
) -> None:
    try:
        run()
    except DisclosureModelError:
        seen[f"{what} refused"] += 1
    except Exception:  # any other exception is what the fuzzer looks for
        failures.append(f"{what}: {traceback.format_exc(limit=4)}\ninput: {text[:300]!r}")


def _work(args: tuple[int, int, int]) -> tuple[Counter[str], list[str]]:
    seed, documents, pages = args
    rng = random.Random(seed)
    originals = {name: dm.examples.load(name) for name in dm.examples.names()}
    dicts = {name: dm.to_dict(r) for name, r in originals.items()}
    texts = {name: dm.dumps(r) for name, r in originals.items()}
    rendered = {name: render_text(r, locale="zh_CN") for name, r in originals.items()}
    html = {name: render_html(r, locale="zh_Hans_CN") for name, r in originals.items()}
    seen: Counter[str] = Counter()
    failures: list[str] = []
    names = sorted(originals)
    for _ in range(documents):
        name = rng.choice(names)
        roll = rng.random()
        if roll < 0.4:
            text = _mutate_values(rng, json.loads(json.dumps(dicts[name])))
        elif roll < 0.7:
            text = _mutate_structure(rng, json.loads(json.dumps(dicts[name])))
        else:
            text = _mutate_text(rng, texts[name])
        seen["documents"] += 1

        def run(text: str = text, name: str = name) -> None:
            report = dm.loads(text)
            seen["read"] += 1
            _through(report, originals[name], seen)

        _guarded("document", text, run, seen, failures)
    for _ in range(pages):
        name = rng.choice(names)
        as_html = rng.random() < 0.5
        page = _mutate_text(rng, html[name] if as_html else rendered[name])
        seen["pages"] += 1

        def parse(page: str = page, as_html: bool = as_html) -> None:
            read_narrative(page)
            read_legacy(page)
            # The table parsers: a page as published (HTML) or as its text; an organ is given,
            # since a mutation may well remove the title that names it.
            if as_html:
                dm.parse_html(page, organ="某县人民政府", year=2021)
            else:
                dm.parse_text(page, organ="某县人民政府", year=2021)
            seen["pages parsed"] += 1

        _guarded("page", page, parse, seen, failures)
    return seen, failures


def fuzz(documents: int, pages: int, seed: int, jobs: int) -> tuple[Counter[str], list[str]]:
    """Run the fuzzer in ``jobs`` processes; return what went through and the failures."""
    slices = [
        (seed * 1000 + j, documents // jobs + (j < documents % jobs), pages // jobs)
        for j in range(jobs)
    ]
    total: Counter[str] = Counter()
    failures: list[str] = []
    if jobs == 1:
        results = [_work(slices[0])]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_work, slices))
    for seen, failed in results:
        total.update(seen)
        failures.extend(failed)
    return total, failures


def main() -> int:
    """Run from the command line; exit 1 when anything but the library's errors escaped."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    start = time.perf_counter()
    seen, failures = fuzz(args.documents, args.pages, args.seed, args.jobs)
    elapsed = time.perf_counter() - start
    for key in sorted(seen):
        print(f"{key:>20}: {seen[key]:,}")
    print(f"{'failures':>20}: {len(failures):,}   ({elapsed:.0f} s)")
    for failure in failures[:20]:
        print("-" * 72)
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
