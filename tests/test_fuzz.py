"""A small bounded slice of benchmarks/fuzz.py: mutated documents and pages raise nothing
but the library's own errors (the full run is by hand, see the script)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import fuzz  # benchmarks/ is put on the path just above


class TestFuzzSlice:
    def test_a_slice(self) -> None:
        """300 mutated documents and 50 mutated pages: no failure, and some of each stage."""
        seen, failures = fuzz.fuzz(300, 50, seed=3, jobs=1)
        assert [] == failures
        assert 300 == seen["documents"]
        assert seen["round-tripped"] > 0
        assert 50 == seen["pages parsed"]
