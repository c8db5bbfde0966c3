"""The PDF front end: text by pypdf, refusals as the project's error."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_model.errors import ParseError
from disclosure_model.parsing import parse, parse_pdf
from disclosure_model.parsing._pdf import pdf_text

PDF = Path(__file__).parent / "corpus" / "pdf" / "hongze-district-2023.pdf"


class TestPdf:
    def test_text_as_the_corpus_has_it(self) -> None:
        """pdf_text gives the text the corpus stores as pages/…-pypdf.txt (the same pypdf
        extraction, page after page)."""
        stored = (PDF.parent.parent / "pages" / "hongze-district-2023-pypdf.txt").read_text("utf-8")
        assert stored.strip() == pdf_text(PDF).strip()

    def test_path_as_str(self) -> None:
        """parse_pdf takes a path as a str too."""
        assert 2023 == parse_pdf(str(PDF)).year

    def test_path_given_to_parse_as_str(self) -> None:
        """parse takes a one-line str naming an existing file as that file."""
        assert 2023 == parse(str(PDF)).report.year

    def test_bytes(self) -> None:
        """parse takes a PDF's bytes (recognised by %PDF)."""
        assert 2023 == parse(PDF.read_bytes()).report.year

    @pytest.mark.parametrize("data", [b"not a pdf", b"%PDF-1.7\n garbage", b"%PDF"])
    def test_broken(self, data: bytes) -> None:
        """Bytes that are no readable PDF raise ParseError, never pypdf's own errors."""
        with pytest.raises(ParseError):
            parse(data, kind="pdf")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a ParseError naming it."""
        with pytest.raises(ParseError, match=r"missing\.pdf"):
            parse_pdf(tmp_path / "missing.pdf")
