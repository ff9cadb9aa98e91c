"""Normalization used to compare slide text with the golden copy of the presented deck."""

from __future__ import annotations

import re
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"
BULLETS = "\u2022\u25aa\u25cf\u2023\u2043\u2610\u2611"  # and task list boxes


def normalize_lines(text: str) -> list[str]:
    """Return the non-empty lines of ``text``: no bullets, white space collapsed, lower case."""
    lines = []
    for line in text.splitlines():
        for glyph in BULLETS:
            line = line.replace(glyph, " ")
        line = re.sub(r"\s+", " ", line).strip().lower()
        if line:
            lines.append(line)
    return lines


def golden_lines(name: str) -> list[str]:
    """Return the normalized lines of the golden file ``name``."""
    return normalize_lines((GOLDEN_DIR / name).read_text(encoding="utf-8"))
