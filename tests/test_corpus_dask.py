"""The Dask adapter (disclosure_model.batch.dask_bag) on a distributed.LocalCluster gives the
records of the single-process run."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import disclosure_model as dm
from disclosure_model import batch

HUAIAN = dm.examples.load("huaian-2024")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "b").mkdir(parents=True)
    for year in (2021, 2022, 2023):
        dm.dump(attrs.evolve(HUAIAN, year=year), d / f"{year}.json")
    lines = [dm.dumps(dm.examples.load(n), indent=None) for n in dm.examples.names()]
    (d / "b" / "all.jsonl").write_text("\n".join([*lines, "{"]) + "\n", encoding="utf-8")
    (d / "b" / "bad.json").write_text("[]", encoding="utf-8")
    return d


class TestDaskBag:
    def test_same_records_as_one_process(self, files: Path) -> None:
        """Two workers of a LocalCluster, one partition a file: the same results, in order."""
        pytest.importorskip("dask.bag")
        distributed = pytest.importorskip("distributed")
        expected = list(dm.corpus(files, pair=True))
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster),
        ):
            bag = batch.dask_bag(files, pair=True)
            assert len(batch.files(files)) == bag.npartitions
            got = bag.compute()
        assert expected == got
        assert [r.to_record() for r in expected if isinstance(r, batch.ReportResult)] == [
            r.to_record() for r in got if isinstance(r, batch.ReportResult)
        ]
        assert batch.summarise(expected) == batch.summarise(got)
        assert 2 == batch.summarise(got).failed

    def test_a_missing_dask_names_the_extra(
        self, files: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import importlib

        real = importlib.import_module

        def no_dask(name: str, *args: object) -> object:
            if name.startswith("dask"):
                raise ImportError(name)
            return real(name, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(importlib, "import_module", no_dask)
        with pytest.raises(dm.OptionalDependencyError, match="'dask' extra"):
            batch.dask_bag(files)
