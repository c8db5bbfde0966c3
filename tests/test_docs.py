"""Every code block of the documentation runs, so no page can drift from the library.

The Python examples are Sphinx doctest blocks (``python -m sphinx -b doctest docs …`` runs
them in CI); this module checks that no page holds a code block of another kind, and runs
the shell examples (``console`` blocks) itself: each ``disclosure-model`` command must work
(exit status 0, or 1 where it reports error findings, never a traceback), and output shown
after a ``$`` prompt must be what the command prints (``...`` elides lines). Install
commands cannot run here; the extras they name must exist. A docs helper script
(``python docs/…``) needs tools CI lacks; it must compile.
"""

from __future__ import annotations

import csv
import doctest
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import office

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: Blocks Sphinx executes (sphinx.ext.doctest) or this module runs.
EXECUTED = (
    "{doctest}",
    "{testcode}",
    "{testsetup}",
    "{testcleanup}",
    "{testoutput}",
    "{code-cell}",  # a notebook page's cell, executed by myst-nb at every build
    "console",
)
#: Directives that are not code: structure, included files, glossaries, a diagram.
NOT_CODE = ("{eval-rst}", "{toctree}", "{include}", "{glossary}", "{container}", "text")

_FENCE = re.compile(r"^(```+|:::+)(.*)$")


def pages() -> list[Path]:
    return sorted(
        p for p in DOCS.rglob("*.md") if "_build" not in p.parts and "_generated" not in p.parts
    )


def blocks(page: Path) -> list[tuple[int, str, list[str]]]:
    """(line, info string, lines) of each fenced block of a page, outermost fences only."""
    out: list[tuple[int, str, list[str]]] = []
    fence: str | None = None
    info, start, body = "", 0, []
    for i, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        m = _FENCE.match(line)
        if fence is None:
            if m:
                fence, info, start, body = m.group(1), m.group(2).strip(), i, []
        elif m and m.group(1) == fence and not m.group(2).strip():
            out.append((start, info, body))
            fence = None
        else:
            body.append(line)
    return out


def console_blocks() -> list[tuple[Path, int, list[str]]]:
    return [(p, n, body) for p in pages() for n, info, body in blocks(p) if info == "console"]


def extras() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["optional-dependencies"])


@pytest.fixture(scope="module")
def workdirs(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """A directory per page (its blocks run in order, so a later command finds the files an
    earlier one wrote), holding the files the pages' commands name."""
    return {}


def workdir_for(page: Path, dirs: dict[Path, Path], factory: pytest.TempPathFactory) -> Path:
    """The page's directory, with the reports the pages name and a ``disclosure-model`` on
    the PATH that runs this checkout."""
    if page in dirs:
        return dirs[page]
    here = factory.mktemp(page.stem)
    report = dm.examples.load("huaian-2024")
    dm.dump(report, here / "report.json")
    for year in (2022, 2023, 2024):
        dm.dump(attrs.evolve(report, year=year), here / f"{year}.json")
    # The 2024 report as an office's filled CSV template.
    rows = [r.as_dict() for r in office.template(report.format)]
    for r in rows:
        v = report.statistics.cell(r["path"])
        r["value"] = "" if v is None else str(v.value if isinstance(v, dm.Amount) else v)
    with (here / "2024.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    # The pages the parsing guide names: an HTML page (rendered from the example, so it has
    # its organ and year), a PDF and an excerpt of the corpus of real reports.
    (here / "page.html").write_text(dm.render_html(report, locale="zh_CN"), encoding="utf-8")
    corpus = ROOT / "tests" / "parsing" / "corpus"
    (here / "report.pdf").write_bytes((corpus / "pdf" / "hongze-district-2024.pdf").read_bytes())
    excerpt = corpus / "huichang-zhongcun-2020-excerpt.txt"
    (here / "excerpt.txt").write_bytes(excerpt.read_bytes())
    bindir = here / "bin"
    bindir.mkdir()
    shim = bindir / "disclosure-model"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m disclosure_model "$@"\n')
    shim.chmod(0o755)
    dirs[page] = here
    return here


def _commands(body: list[str]) -> list[tuple[str, list[str]]]:
    """Each command of a block with the output shown after it (prompted blocks only)."""
    if not any(line.startswith("$ ") for line in body):
        return [(line, []) for line in body if line.strip() and not line.startswith("#")]
    out: list[tuple[str, list[str]]] = []
    for line in body:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
    return out


def _install_extras(command: str) -> list[str] | None:
    """The extras an install command names (``None``: not an install command)."""
    words = shlex.split(command.split("#", 1)[0])
    if "install" not in words:
        return None
    named: list[str] = []
    for w in words:
        m = re.fullmatch(r"(?:\.|disclosure-model)\[([a-z,]+)\]", w)
        if m:
            named.extend(m.group(1).split(","))
    return named


class TestEveryBlockRuns:
    def test_no_unexecuted_code_blocks(self) -> None:
        """Every fenced block of every page is executed (doctest, or a console block run
        below) or is not code at all."""
        stray = [
            f"{p.relative_to(ROOT)}:{n} {info!r}"
            for p in pages()
            for n, info, _ in blocks(p)
            if not info.startswith(EXECUTED + NOT_CODE)
        ]
        assert [] == stray

    def test_the_pages_have_console_blocks(self) -> None:
        """The run below is not empty: the guides do show shell commands."""
        assert len(console_blocks()) >= 5


@pytest.mark.parametrize(
    ("page", "line", "body"),
    console_blocks(),
    ids=[f"{p.relative_to(DOCS)}:{n}" for p, n, _ in console_blocks()],
)
def test_console_block(
    page: Path,
    line: int,
    body: list[str],
    workdirs: dict[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Each command of the block works as the page says it does."""
    workdir = workdir_for(page, workdirs, tmp_path_factory)
    env = {**os.environ, "PATH": f"{workdir / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env.pop("NO_COLOR", None)
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for command, shown in _commands(body):
        named = _install_extras(command)
        if named is not None:
            assert set(named) <= extras(), f"{command!r} names an extra pyproject lacks"
            continue
        if command.split()[0] in ("cd", "git"):
            continue
        if command.startswith("python docs/"):
            # A helper script of the docs (screenshots in headless Chromium, which CI lacks):
            # it must exist and compile.
            script = ROOT / shlex.split(command)[1]
            compile(script.read_text(encoding="utf-8"), str(script), "exec")
            continue
        assert command.startswith("disclosure-model"), f"unexpected command {command!r}"
        done = subprocess.run(
            ["/bin/sh", "-c", command],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 1), f"{command!r}: {done.returncode}\n{done.stderr}"
        if shown:
            expected = "\n".join(shown) + "\n"
            assert checker.check_output(expected, done.stdout, flags), (
                f"{command!r} printed:\n{done.stdout[:2000]}"
            )
