"""The seed end to end: the 保山市2018年 report's text through the public entry points.

The bundled example ``baoshan-2018`` is the hand transcription of the same text
(tests/parsing/corpus/baoshan-2018.txt, a copy of ../shared/seed/baoshan-2018.txt).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import disclosure_model as dm

SEED = Path(__file__).parent / "corpus" / "baoshan-2018.txt"


def _findings(r: dm.Report) -> Counter[tuple[object, ...]]:
    return Counter(
        (f.code, f.severity, f.outcome, f.expected, f.actual) for f in dm.check(r).findings
    )


class TestSeed:
    """dm.parse_text on the seed gives what the hand transcription gives."""

    def test_statistics_equal_the_transcription(self) -> None:
        """Every legacy cell and both combined figures as transcribed (no exception)."""
        parsed = dm.parse_text(SEED.read_text(encoding="utf-8"))
        assert dm.examples.load("baoshan-2018").statistics == parsed.statistics

    def test_same_findings(self) -> None:
        """The same findings: C-01 for 87.74 % (is 27.63 %) and 81.46 % (is 77.95 %), C-02 for
        the truncations 23.2 % and 0.7 %, R-10 for the late page; the right percentages and
        the same cells not assessable."""
        parsed = dm.parse_text(SEED.read_text(encoding="utf-8"))
        example = dm.examples.load("baoshan-2018")
        assert _findings(example) == _findings(parsed)
        failed = sorted(
            (f.code, str(f.claim.stated) if f.claim else None)
            for f in dm.check(parsed).findings
            if f.outcome is dm.Outcome.FAIL
        )
        assert [
            ("C-01", "81.46"),
            ("C-01", "87.74"),
            ("C-02", "0.7"),
            ("C-02", "23.2"),
            ("R-10", None),
        ] == failed

    def test_metadata(self) -> None:
        """Organ, level, year and the page's dates as transcribed."""
        parsed = dm.parse_text(SEED.read_text(encoding="utf-8"))
        example = dm.examples.load("baoshan-2018")
        got = (parsed.organ, parsed.year, parsed.format, parsed.published, parsed.dated)
        assert (
            example.organ.name,
            example.organ.level,
            example.year,
            example.format,
            example.published,
            example.dated,
        ) == (got[0].name, got[0].level, *got[1:])

    def test_cli_check(self) -> None:
        """``disclosure-model check baoshan-2018.txt --output json`` reports the same codes as
        the bundled example and exits 0 (no error-severity finding)."""

        def codes(*args: str) -> list[str]:
            done = subprocess.run(
                [sys.executable, "-m", "disclosure_model", "check", *args, "--output", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            assert 0 == done.returncode, done.stderr
            (report,) = json.loads(done.stdout)["reports"]
            return sorted(f["code"] for f in report["findings"] if f["outcome"] == "fail")

        assert codes("--example", "baoshan-2018") == codes(str(SEED))
