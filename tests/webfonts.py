"""Read the fonts an HTML deck embeds (its ``@font-face`` data URIs) back with fontTools."""

from __future__ import annotations

import base64
import io
import re

from fontTools.ttLib import TTFont

FONT_FACE = re.compile(r"@font-face\{font-family:'([^']+)';[^}]*?base64,([A-Za-z0-9+/=]+)")


def embedded_characters(html: str) -> dict[str, set[int]]:
    """Return the code points each embedded font family of ``html`` has glyphs for."""
    found: dict[str, set[int]] = {}
    for family, data in FONT_FACE.findall(html):
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        found.setdefault(family, set()).update(font.getBestCmap() or {})
    return found
