"""Render the bundled 2021 example and the seed to HTML and screenshot them in headless
Chromium, to look at the pages next to the official forms.

    python docs/screenshots.py [OUTPUT_DIR]        # default: docs/_build/screenshots

Needs the Debian package ``chromium`` (and a CJK font, ``fonts-noto-cjk``). Writes, per
report, the standalone page (``NAME.html``), a screenshot of the whole page
(``NAME.png``) and one of the tables alone (``NAME-tables.png``); for the 2021 example also
a page with a typo marked by the findings overlay (``huaian-2024-findings.png``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

import disclosure_model as dm
from disclosure_model.render import render_html
from disclosure_model.render._html import report_fragment

_WIDTH = 1280


def _page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-Hans-CN"><head><meta charset="utf-8"></head>'
        f"<body>{body}</body></html>"
    )


def _shoot(browser: str, html: Path, png: Path, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size={_WIDTH},{height}",
                f"--screenshot={png}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def _typo(report: dm.Report) -> dm.Report:
    stats = report.statistics_as(dm.Statistics2021)
    table = stats.applications
    row = attrs.evolve(table.results_total, natural_person=table.results_total.natural_person + 10)
    applications = attrs.evolve(table, results_total=row)
    return attrs.evolve(report, statistics=attrs.evolve(stats, applications=applications))


def main(argv: list[str]) -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.stderr.write("needs chromium: apt-get install chromium fonts-noto-cjk\n")
        return 2
    out = Path(argv[0]) if argv else Path(__file__).parent / "_build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name, full, tables in (("huaian-2024", 9000, 3200), ("baoshan-2018", 12000, 2600)):
        report = dm.examples.load(name)
        page = out / f"{name}.html"
        page.write_text(render_html(report, locale="zh_Hans_CN"), "utf-8")
        _shoot(browser, page, out / f"{name}.png", full)
        only = out / f"{name}-tables.html"
        only.write_text(_page(report_fragment(report, locale="zh_Hans_CN", narrative=False)))
        _shoot(browser, only, out / f"{name}-tables.png", tables)
    wrong = _typo(dm.examples.load("huaian-2024"))
    marked = out / "huaian-2024-findings.html"
    marked.write_text(
        _page(
            report_fragment(wrong, locale="zh_Hans_CN", findings=dm.check(wrong), narrative=False)
        ),
        "utf-8",
    )
    _shoot(browser, marked, out / "huaian-2024-findings.png", 3600)
    sys.stdout.write(f"screenshots in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
