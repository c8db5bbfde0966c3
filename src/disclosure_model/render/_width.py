"""Display width of text in a terminal: CJK characters take two columns.

Characters of East Asian width *ambiguous* (the curly quotes “ ” ‘ ’, ※, …) take one
column in a Western terminal and two in a CJK one: ``ambiguous`` says which (the
Chinese renderings pass 2). Line breaks follow the Chinese rule that a line never starts
with closing punctuation (``）``, ``，``, ``。``, ``”`` …) nor ends with opening
punctuation (``（``, ``“`` …): the character before moves down with it.

>>> width("总计"), width("“三安全一稳定”", ambiguous=2)
(4, 16)
>>> wrap("（二）部分公开（区分处理的）", 26)
['（二）部分公开（区分处理', '的）']
"""

from __future__ import annotations

import unicodedata

__all__ = ["CLOSING", "OPENING", "pad", "width", "wrap"]

#: Punctuation no line may start with.
CLOSING = frozenset("）】》〉」』〕〗〙〛”’，。、；：？！…·．％)]},.;:?!%")
#: Punctuation no line may end with.
OPENING = frozenset("（【《〈「『〔〖〘〚“‘([{")


def _columns(ch: str, ambiguous: int) -> int:
    kind = unicodedata.east_asian_width(ch)
    if kind in "WF":
        return 2
    if kind == "A":
        return ambiguous
    return 1


def width(text: str, *, ambiguous: int = 1) -> int:
    """Terminal columns ``text`` takes: two for a wide (CJK) character, else one
    (``ambiguous`` for the characters of ambiguous width)."""
    return sum(_columns(ch, ambiguous) for ch in text)


def _tokens(text: str) -> list[str]:
    """Break points for wrapping: each wide (CJK) character, or a word with its space."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WFA" and not ch.isascii():
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


def _glue(tokens: list[str]) -> list[str]:
    """Tokens that may not be split apart joined: opening punctuation with what follows,
    closing punctuation with what precedes."""
    out: list[str] = []
    carry = ""
    for token in tokens:
        if out and token[0] in CLOSING:
            out[-1] += carry + token
            carry = ""
            continue
        if token[-1] in OPENING and token.strip() == token:
            carry += token
            continue
        out.append(carry + token)
        carry = ""
    if carry:
        out.append(carry)
    return out


def wrap(text: str, columns: int, *, ambiguous: int = 1) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (a longer token stands
    alone), no line starting with closing or ending with opening punctuation."""
    lines: list[str] = []
    line = ""
    for token in _glue(_tokens(text)):
        if line and width(line + token.rstrip(), ambiguous=ambiguous) > columns:
            lines.append(line.rstrip())
            line = ""
        line += token
    lines.append(line.rstrip())
    return lines


def pad(text: str, columns: int, *, right: bool = False, ambiguous: int = 1) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (on the left if ``right``)."""
    gap = " " * max(0, columns - width(text, ambiguous=ambiguous))
    return gap + text if right else text + gap
