"""Display width of text in a terminal: CJK characters take two columns."""

from __future__ import annotations

import unicodedata

__all__ = ["pad", "width", "wrap"]


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def width(text: str) -> int:
    """Terminal columns ``text`` takes: two for a wide (CJK) character, else one."""
    return sum(2 if _wide(ch) else 1 for ch in text)


def _tokens(text: str) -> list[str]:
    """Break points for wrapping: each wide (CJK) character, or a word with its space."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if _wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (a longer token stands alone)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if line and width(line + token.rstrip()) > columns:
            lines.append(line.rstrip())
            line = ""
        line += token
    lines.append(line.rstrip())
    return lines


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (on the left if ``right``)."""
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap
