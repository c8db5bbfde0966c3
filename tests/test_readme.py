"""The README's promises hold: its Python example runs and gives the values it shows."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_python_example_runs_with_the_values_it_shows() -> None:
    """Each `# value` comment in the README's Python block is what that line evaluates to."""
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    namespace: dict[str, object] = {}
    checked = 0
    for line in block.group(1).splitlines():
        code, _, comment = line.partition("#")
        code = code.strip()
        expected = comment.strip().split(" ")[0].rstrip(":") if comment else ""
        if code and re.fullmatch(r"-?\d+", expected) and "=" not in code:
            assert int(expected) == eval(code, namespace)
            checked += 1
        elif code:
            exec(code, namespace)
    assert checked >= 3


def test_two_commands() -> None:
    """The README gives the install-and-show command and the test command."""
    text = README.read_text(encoding="utf-8")
    assert "pip install . && disclosure-model show --example baoshan-2018" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
