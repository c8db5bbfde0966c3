"""The strategies package: one concern per private module, the public names re-exported."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from disclosure_model import strategies as dms

MODULES = sorted(m.name for m in pkgutil.iter_modules(dms.__path__))


class TestPackage:
    def test_modules_are_private(self) -> None:
        """Every module of the package is private: users import the package."""
        assert MODULES
        assert all(name.startswith("_") for name in MODULES)

    @pytest.mark.parametrize("name", MODULES)
    def test_each_module_says_what_it_offers(self, name: str) -> None:
        """Each module has a docstring and an ``__all__`` of names it defines."""
        module = importlib.import_module(f"disclosure_model.strategies.{name}")
        assert module.__doc__
        assert all(hasattr(module, n) for n in module.__all__)

    def test_public_names_are_re_exported(self) -> None:
        """The package re-exports exactly the public functions and classes its modules
        offer (type aliases its modules share are not API)."""
        offered = set()
        for name in MODULES:
            module = importlib.import_module(f"disclosure_model.strategies.{name}")
            offered |= {
                n
                for n in module.__all__
                if not n.startswith("_")
                and (inspect.isfunction(obj := getattr(module, n)) or inspect.isclass(obj))
            }
        assert offered == set(dms.__all__)
        for n in dms.__all__:
            assert getattr(dms, n).__module__.startswith("disclosure_model.strategies._")
