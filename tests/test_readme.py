"""The README's promises hold: its Python examples run and give the values they show."""

from __future__ import annotations

import ast
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def _shown_value(comment: str) -> tuple[bool, object]:
    """The value a `# comment` shows (text before ': '), if it is a Python literal."""
    text = comment.strip().split(": ")[0]
    try:
        return True, ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return False, None


def test_python_examples_run_with_the_values_they_show() -> None:
    """Each `# value` comment in the README's Python blocks is what that line evaluates to."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    namespace: dict[str, object] = {}
    checked = 0
    for block in blocks:
        for line in block.splitlines():
            code, _, comment = line.partition("#")
            code = code.strip()
            shows, expected = _shown_value(comment) if comment else (False, None)
            if code and shows and "=" not in code.replace("==", ""):
                assert expected == eval(code, namespace), code
                checked += 1
            elif code:
                exec(code, namespace)
    assert checked >= 5


def test_two_commands() -> None:
    """The README gives the install-and-show command and the test command."""
    text = README.read_text(encoding="utf-8")
    assert "pip install . && disclosure-model show --example baoshan-2018" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
