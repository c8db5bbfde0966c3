"""A fast, seeded generator of a corpus of varied reports, for the corpus benchmarks.

Run::

    python benchmarks/gen_corpus.py 10000 corpus.jsonl             # one JSON Lines file
    python benchmarks/gen_corpus.py 200000 corpus/ --per-file 5000  # a directory of them
    python benchmarks/gen_corpus.py 200 corpus/ --per-file 1         # one .json per report

Each report starts from one of the bundled examples, so every format is there (the 2014
legacy table, the 2019 and the 2021 forms): a new organ name, a level, a year the format
covers (its dates moved with it), every count multiplied by one factor (which keeps each
total the sum of its parts, the magnitudes tens to thousands and more) and then a few counts
nudged, so that most reports have a few findings (a total that is no longer its sum, a
figure of the text the table no longer gives). The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import disclosure_model as dm

#: The years each example's format may be moved to.
_YEARS = {"legacy-2014": (2014, 2018), "gov-2019": (2019, 2020), "gov-2021": (2021, 2025)}
_LEVELS = ("county", "township", "city", "county-department", "city-department", "other")
_PLACES = ("东城", "西湖", "南山", "北塘", "青云", "白沙", "长宁", "安平", "永和", "清河")
_KINDS = ("人民政府", "财政局", "教育局", "自然资源局", "卫生健康委员会", "市场监督管理局")
_DATE = re.compile(r"^(\d{4})(-\d\d-\d\d)$")


def _templates() -> list[dict[str, Any]]:
    return [dm.to_dict(dm.examples.load(name)) for name in dm.examples.names()]


def _counts(node: Any, out: list[tuple[Any, Any]]) -> None:
    """(container, key) of every count below ``node`` (money amounts are text: left alone)."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if type(value) is int:
            out.append((node, key))
        elif isinstance(value, dict | list):
            _counts(value, out)


def _move_date(value: Any, delta: int) -> Any:
    if not isinstance(value, str) or not (m := _DATE.match(value)):
        return value
    year = int(m.group(1)) + delta
    day = m.group(2)
    return f"{year}{'-02-28' if day == '-02-29' else day}"


def reports(n: int, *, seed: int = 2026) -> Iterator[str]:
    """``n`` reports as compact JSON texts, one after another."""
    rng = random.Random(seed)
    texts = [json.dumps(t, ensure_ascii=False) for t in _templates()]
    for i in range(n):
        data = json.loads(texts[i % len(texts)])
        low, high = _YEARS[data["format"]]
        year = rng.randint(low, high)
        delta = year - data["year"]
        data["year"] = year
        for key in ("published", "dated"):
            data[key] = _move_date(data[key], delta)
        data["title"] = data["title"].replace(str(year - delta), str(year))
        level = rng.choice(_LEVELS)
        name = f"{rng.choice(_PLACES)}{i:06d}{rng.choice(_KINDS)}"
        data["organ"] = {"name": name, "level": level, "division_code": None}
        cells: list[tuple[Any, Any]] = []
        _counts(data["statistics"], cells)
        factor = rng.choice((1, 1, 2, 3))
        for node, key in cells:
            node[key] *= factor
        for node, key in rng.sample(cells, k=rng.randint(0, 3)):
            node[key] += rng.randint(1, 9)
        yield json.dumps(data, ensure_ascii=False)


def write(n: int, target: Path, *, per_file: int, seed: int) -> list[Path]:
    """Write ``n`` reports to ``target``: a ``.jsonl`` file, or a directory of JSON Lines
    files of ``per_file`` reports (``per_file=1``: one ``.json`` file a report)."""
    if target.suffix == ".jsonl":
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as f:
            for text in reports(n, seed=seed):
                f.write(text + "\n")
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    handle = None
    for i, text in enumerate(reports(n, seed=seed)):
        if per_file == 1:
            path = target / f"{i // 1000:04d}" / f"{i:07d}.json"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
            continue
        if i % per_file == 0:
            if handle is not None:
                handle.close()
            path = target / f"part-{i // per_file:05d}.jsonl"
            handle = path.open("w", encoding="utf-8")
            written.append(path)
        assert handle is not None
        handle.write(text + "\n")
    if handle is not None:
        handle.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="how many reports")
    parser.add_argument("target", type=Path, help="a .jsonl file, or a directory")
    parser.add_argument("--per-file", type=int, default=1000, help="reports per file of a dir")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    files = write(args.n, args.target, per_file=args.per_file, seed=args.seed)
    print(f"{args.n} reports in {len(files)} files under {args.target}")


if __name__ == "__main__":
    main()
