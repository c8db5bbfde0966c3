"""The public surface: modules are modules, every exception is exported, types narrow."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import disclosure_model as dm
from disclosure_model import errors


class TestModules:
    """A module of the package is never hidden behind a function of the same name."""

    @pytest.mark.parametrize(
        "name",
        [
            "disclosure_model.ratio_catalogue",
            "disclosure_model.comparison",
            "disclosure_model.indicators",
            "disclosure_model.checks",
            "disclosure_model.formats",
            "disclosure_model.render",
        ],
    )
    def test_import_as_gives_the_module(self, name: str) -> None:
        """``import disclosure_model.X as m`` gives the module ``X``."""
        module = importlib.import_module(name)
        assert inspect.ismodule(module)
        parent, _, child = name.rpartition(".")
        assert inspect.ismodule(getattr(importlib.import_module(parent), child))

    def test_no_public_name_shadows_a_module(self) -> None:
        """No name in ``dm.__all__`` is the name of a submodule of the package."""
        root = Path(dm.__file__).parent
        modules = {p.stem for p in root.glob("*.py")} | {
            p.name for p in root.iterdir() if p.is_dir()
        }
        assert set() == {
            n for n in dm.__all__ if n in modules and not inspect.ismodule(getattr(dm, n))
        }

    def test_dir_lists_the_public_names(self) -> None:
        """``dir(dm)`` is the public names and ``__version__``."""
        assert sorted({*dm.__all__, "__version__"}) == dir(dm)


class TestErrors:
    """Every exception of errors.py is exported, under the root, with a docstring."""

    def test_every_exception_exported(self) -> None:
        """Each exception class defined in errors.py is a public name of the package."""
        defined = {
            name
            for name, obj in vars(errors).items()
            if inspect.isclass(obj)
            and issubclass(obj, Exception)
            and obj.__module__ == errors.__name__
        }
        assert defined
        assert set() == defined - set(dm.__all__)
        for name in defined:
            cls = getattr(dm, name)
            assert issubclass(cls, dm.DisclosureModelError)
            assert cls.__doc__

    def test_format_mismatch(self) -> None:
        """Asking a 2021 report for its legacy statistics is the project's error, a TypeError."""
        with pytest.raises(dm.FormatMismatchError, match="gov-2021"):
            dm.examples.load("huaian-2024").statistics_as(dm.LegacyStatistics)
        assert issubclass(dm.FormatMismatchError, TypeError)


NOTEBOOK = """
import disclosure_model as dm

r = dm.examples.load("huaian-2024")
stats = r.statistics_as(dm.Statistics2021)
received: int | None = stats.applications.new_received.total
fees = stats.active.administrative_fees.amount
legacy = dm.examples.load("baoshan-2018").statistics_as(dm.LegacyStatistics)
held: int | None = legacy.applications_received
"""

UNNARROWED = """
import disclosure_model as dm

r = dm.examples.load("huaian-2024")
received = r.statistics.applications.new_received.total
"""


class TestTypes:
    """mypy --strict follows the typed accessor of a notebook-style snippet."""

    def _mypy(self, tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
        pytest.importorskip("mypy", reason="mypy comes with the [lint] extra")
        snippet = tmp_path / "notebook.py"
        snippet.write_text(textwrap.dedent(code), encoding="utf-8")
        return subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )

    def test_typed_accessor_passes(self, tmp_path: Path) -> None:
        """Reading ``…applications.new_received.total`` through ``statistics_as`` type-checks."""
        done = self._mypy(tmp_path, NOTEBOOK)
        assert 0 == done.returncode, done.stdout

    def test_union_does_not(self, tmp_path: Path) -> None:
        """Without it the union of the three formats does not (so the test above can fail)."""
        done = self._mypy(tmp_path, UNNARROWED)
        assert 0 != done.returncode
        assert "LegacyStatistics" in done.stdout
