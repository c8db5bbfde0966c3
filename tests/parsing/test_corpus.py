"""Every text of the corpus, parsed and compared cell by cell with its hand-typed parse.

The expected parses (``tests/parsing/expected/*.json``, format in its README) were typed by
people reading the sources; nothing in them comes from the parser. For each source: the format,
the organ and year, whether the text reaches the end of the tables and where it stops; every
expected cell (a blank stays ``None`` and carries a note; a cell the reader could not determine
is ``None`` with an ambiguity note); and every cell after the last row reached is ``None``.

``KNOWN_GAPS`` lists, per source, what the parser is known to get wrong and why; the test
asserts that the differences are exactly those, so a fix (or a new fault) shows.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import disclosure_model as dm
from disclosure_model.errors import ParseError
from disclosure_model.parsing import Parsed, parse

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected"

#: Note codes that mark a cell the parser could not determine.
AMBIGUOUS = frozenset({"ambiguous-split", "ambiguous-cells", "row-not-printed", "blank-cell"})

#: What the parser is known to miss, by source: a catalogue path (or "organ") and why.
KNOWN_GAPS: dict[str, dict[str, str]] = {
    "huichang-zhongcun-2020-excerpt.txt": {
        "organ": "the title prints 中村乡; the prose reader completes it to 中村乡人民政府",
    },
    "yuanling-eryou-2020-excerpt.txt": {
        "organ": "the expected parse keeps the traditional characters as printed "
        "(沅陵縣二酉苗族鄉人民政府); the prose reader gives the name in simplified characters",
    },
    "baoshan-city-2024-excerpt.txt": {
        "organ": "the excerpt has no title; the organ is named only in the prose (prose helper)",
    },
    "baoshan-office-2024-excerpt.txt": {
        "organ": "the excerpt has no title; the organ is named only in the prose (prose helper)",
    },
    "pages/shuyang-county-2025-ocr.txt": {
        "organ": "the OCR prints 沐阳县人民政府 everywhere; the expected parse gives the real name "
        "沭阳县人民政府, which the text does not contain",
    },
    "pages/shuyang-fgj-2023.html": {
        "organ": "the page fragment has no title; the organ is named in the prose and the "
        "signature (prose helper)",
    },
    "pages/shanghai-office-2025-markdown.txt": {
        "active.regulations.issued": "the row prints 2 of 3 cells; 22 and 55 stand as loose "
        "annotated lines before the Markdown table, which the parser does not join to the row",
        "active.regulations.repealed": "as active.regulations.issued",
        "active.regulations.in_force": "as active.regulations.issued",
        "active.normative_documents.issued": "the row prints 2 of 3 cells (34 | 189); the "
        "expected parse takes the first as 本年制发件数, the parser does not place cells by "
        "position in a short row",
    },
}


def _sources() -> list[Any]:
    params = []
    for f in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(f.read_text(encoding="utf-8"))
        for source in expected["sources"]:
            params.append(pytest.param(source, expected, id=source))
    return params


def _parse(source: str, expected: dict[str, Any]) -> tuple[Parsed, dict[str, str]]:
    """Parse a source; where the parser cannot find the organ, parse again with it given."""
    gaps: dict[str, str] = {}
    path = CORPUS / source
    if expected["organ"] is None:
        with pytest.raises(ParseError, match="organ"):
            parse(path)
        return parse(path, organ="(机关名称未印出)"), gaps
    try:
        parsed = parse(path)
    except ParseError as exc:
        if "organ" not in str(exc):
            raise
        gaps["organ"] = str(exc)
        parsed = parse(path, organ=expected["organ"])
    if parsed.report.organ.name != expected["organ"]:
        gaps["organ"] = parsed.report.organ.name
    return parsed, gaps


def _value(cell: object) -> object:
    if isinstance(cell, dm.Amount):
        return {"amount": str(cell.value), "unit": cell.unit.value if cell.unit else None}
    return cell


def _noted(parsed: Parsed, path: str, codes: frozenset[str]) -> bool:
    return any(n.code in codes for n in parsed.notes_for(path))


class TestCorpus:
    @pytest.mark.parametrize(("source", "expected"), _sources())
    def test_source(self, source: str, expected: dict[str, Any]) -> None:
        """The parse of each corpus text agrees with its hand-typed parse, except the
        listed known gaps."""
        parsed, gaps = _parse(source, expected)
        report = parsed.report
        assert expected["format"] == report.format.value
        assert expected["year"] == report.year
        assert expected["complete"] == parsed.complete
        assert expected["last_row"] == parsed.last_row
        per_source = expected.get("per_source", {}).get(source, {})
        cells = {**expected["cells"], **per_source.get("cells", {})}
        ambiguous = set(expected["ambiguous"]) | set(per_source.get("ambiguous", ()))
        for path, want in cells.items():
            got = _value(report.statistics.cell(path))
            if want != got:
                gaps[path] = f"expected {want!r}, parsed {got!r}"
            elif want is None and not _noted(parsed, path, AMBIGUOUS):
                gaps[path] = "None without a note saying why"
        for path in ambiguous:
            if report.statistics.cell(path) is not None or not _noted(parsed, path, AMBIGUOUS):
                gaps[path] = "ambiguous cell not None with an ambiguity note"
        for entry in report.statistics.catalogue():
            if entry.path not in cells and report.statistics.cell(entry.path) is not None:
                gaps[entry.path] = "a cell after the last row reached has a value"
        assert set(KNOWN_GAPS.get(source, {})) == set(gaps), gaps

    def test_every_source_has_an_expected_parse(self) -> None:
        """Every text of the corpus (excerpts, pages/, the PDFs' texts) is compared."""
        covered = {s for p in _sources() for s in [p.values[0]]}
        texts = {
            str(p.relative_to(CORPUS))
            for p in CORPUS.rglob("*")
            if p.suffix in (".txt", ".html") and p.name != "baoshan-2018.txt"
        }
        assert texts == covered

    def test_legacy_report_without_table(self) -> None:
        """保山 2018 attaches its legacy table as an image: the text prints the table's
        caption (政府信息公开情况统计表, a legacy marker) but no row, so no table cell is read
        and the table is not complete; the cells come from the prose instead, as the hand
        transcription has them."""
        parsed = parse(CORPUS / "baoshan-2018.txt")
        assert (dm.ReportFormat.LEGACY, 2018) == (parsed.report.format, parsed.report.year)
        assert ({}, False) == (dict(parsed.provenance), parsed.complete)
        assert dm.examples.load("baoshan-2018").statistics == parsed.report.statistics

    @pytest.mark.parametrize("year", [2023, 2024])
    def test_pdf(self, year: int) -> None:
        """parse_pdf on a published PDF gives the cells typed from its text."""
        expected = json.loads((EXPECTED / f"hongze-district-{year}.json").read_text("utf-8"))
        report = dm.parsing.parse_pdf(CORPUS / "pdf" / f"hongze-district-{year}.pdf")
        got = {p: _value(report.statistics.cell(p)) for p in expected["cells"]}
        assert expected["cells"] == got
        assert (expected["organ"], expected["year"]) == (report.organ.name, report.year)


def test_amount_in_expected_is_decimal_text() -> None:
    """The money cells of the expected parses are decimal strings (not floats)."""
    for f in EXPECTED.glob("*.json"):
        for value in json.loads(f.read_text("utf-8"))["cells"].values():
            if isinstance(value, dict):
                Decimal(value["amount"])
