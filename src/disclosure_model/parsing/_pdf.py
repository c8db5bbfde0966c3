"""PDF front end: a published PDF → its text, for the text front end (extra ``[pdf]``).

Extractor choice, by measurement on ``tests/parsing/corpus/pdf/*.pdf`` (the two 5-page 洪泽区
reports; mean of 3 runs, 2-core machine; cells compared with the hand-typed expected parses):

=================  ===========  ===========  ==============================================
extractor          2023 PDF     2024 PDF     cells read correctly by the text front end
=================  ===========  ===========  ==============================================
pypdf 7.1          235 ms       219 ms       200 / 200 and 200 / 200
pdfplumber 0.11    620 ms       508 ms       200 / 200 and 200 / 200
=================  ===========  ===========  ==============================================

Both texts read correctly (each has its own disorder: pypdf keeps a label's numbers after
its last line and prints vertical labels one character per line; pdfplumber orders lines by
position, so numbers often come before their label), so speed decides: pypdf is 2.3–2.6×
faster and is pure Python. pypdf is therefore the extractor of the optional extra ``[pdf]``.

A PDF larger than :data:`MAX_PDF_BYTES` or with more than :data:`MAX_PDF_PAGES` pages is
refused with :class:`~disclosure_model.errors.ParseError`, as is one pypdf cannot read.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from disclosure_model._extras import optional_module
from disclosure_model.errors import ParseError

__all__ = ["MAX_PDF_BYTES", "MAX_PDF_PAGES", "pdf_text"]

#: Largest PDF (bytes) the PDF reader accepts.
MAX_PDF_BYTES = 50_000_000
#: Most pages the PDF reader extracts.
MAX_PDF_PAGES = 200


def _pypdf() -> Any:
    return optional_module("pypdf", "pdf", "reading PDF")


def pdf_text(source: str | Path | bytes) -> str:
    """The text of a PDF (a path or its bytes), page after page, as pypdf extracts it."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            msg = f"{source}: cannot be read ({exc.strerror})"
            raise ParseError(msg) from None
    if len(data) > MAX_PDF_BYTES:
        msg = f"the PDF is {len(data)} bytes, more than the limit of {MAX_PDF_BYTES}"
        raise ParseError(msg)
    if not data.startswith(b"%PDF"):
        msg = "not a PDF (the file does not start with %PDF)"
        raise ParseError(msg)
    pypdf = _pypdf()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            msg = f"the PDF has {len(reader.pages)} pages, more than {MAX_PDF_PAGES}"
            raise ParseError(msg)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        msg = f"the PDF could not be read ({type(exc).__name__}: {exc})"
        raise ParseError(msg) from None
    text = "\n".join(pages)
    if not text.strip():
        msg = "the PDF has no text layer (a scan?): no text could be extracted"
        raise ParseError(msg)
    return text
