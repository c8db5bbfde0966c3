"""The organ levels as a disclosure office names them (the template's drop-down list)."""

from __future__ import annotations

from disclosure_model.report import OrganLevel

__all__ = ["LEVEL_ZH", "level_from_text"]

#: The Chinese name of each level, as the template's drop-down list offers it.
LEVEL_ZH: dict[OrganLevel, str] = {
    **{level: level.label.zh for level in OrganLevel},
    # The list names the subdistrict offices, which report as townships do.
    OrganLevel.TOWNSHIP: "乡镇人民政府、街道办事处",
}

_BY_TEXT = {**{v.value: v for v in OrganLevel}, **{zh: v for v, zh in LEVEL_ZH.items()}}


def level_from_text(text: str) -> OrganLevel | None:
    """The level a text names: its value (``county``) or its Chinese name; ``None`` if none."""
    return _BY_TEXT.get(text.strip())
