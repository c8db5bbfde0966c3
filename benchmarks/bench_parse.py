"""Parsing a published page, against the HTML parser's bare parse and pandas.read_html.

Run::

    python benchmarks/bench_parse.py [--repeat 15] [--number 10]

For each HTML page of ``tests/parsing/corpus/pages``, prints the best time per call of
``disclosure_model.parsing.parse_html`` (the page to a checked Report: decoding, tables,
cells, labels, values, provenance and notes), of lxml's bare parse of the same bytes (the
parser ``parse_html`` uses, ``lxml.etree.HTMLParser`` with the same settings), and of
``pandas.read_html`` (which finds the tables but reads no labels), measured in one run with
their rounds interleaved, and the ratios; the target is parse_html / bare lxml parse ≤ 3.
"""

from __future__ import annotations

import argparse
import io
import warnings
from pathlib import Path

from _timing import best_times  # benchmarks/ is on sys.path when run as a script
from lxml import etree

from disclosure_model.parsing import parse_html

PAGES = Path(__file__).resolve().parent.parent / "tests" / "parsing" / "corpus" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=10)
    args = parser.parse_args()

    import pandas as pd

    for page in sorted(PAGES.glob("*.html")):
        data = page.read_bytes()
        text = data.decode("utf-8")

        def bare(data: bytes = data) -> object:
            p = etree.HTMLParser(
                no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
            )
            return etree.fromstring(data, parser=p)

        def pandas(text: str = text) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return pd.read_html(io.StringIO(text))

        def ours(data: bytes = data) -> object:
            return parse_html(data, organ="(benchmark)")

        best = best_times(
            {"parse_html": ours, "lxml bare parse": bare, "pandas.read_html": pandas},
            repeat=args.repeat,
            number=args.number,
        )
        print(f"{page.name}: {len(data):,} bytes")
        for name, seconds in best.items():
            print(f"  {name:<18} {seconds * 1e3:8.2f} ms/page")
        ratio = best["parse_html"] / best["lxml bare parse"]
        print(f"  ratio parse_html / lxml bare parse = {ratio:.2f}  (target <= 3.00)")
        vs_pandas = best["parse_html"] / best["pandas.read_html"]
        print(f"  ratio parse_html / pandas.read_html = {vs_pandas:.2f}")


if __name__ == "__main__":
    main()
