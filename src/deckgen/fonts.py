"""Font metrics from the font files the HTML deck embeds (the only fontTools import).

The layout stage measures text with these advance widths, so what it wraps and fits is what the
browser shows; the .pptx names metric-compatible fonts (Carlito ~ Calibri, Caladea ~ Cambria,
Cousine ~ Courier New), so PowerPoint and LibreOffice wrap the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTFont

from deckgen.npm import font_file

FALLBACK_EM = 0.62  # width of a glyph the font lacks (the browser borrows it from another font)


@dataclass(frozen=True, slots=True, eq=False)
class FontMetrics:
    """Advance widths of one font face, in font units (``units_per_em`` to the em).

    Compared and hashed by identity: ``load_metrics`` returns one object per face.
    """

    units_per_em: int
    advances: Mapping[int, int]

    def width(self, text: str, size: float) -> float:
        """Return the advance width of ``text`` set at ``size`` points, in points."""
        advances = self.advances
        fallback = FALLBACK_EM * self.units_per_em
        units = sum(advances.get(ord(char), fallback) for char in text)
        return units * size / self.units_per_em


@lru_cache(maxsize=32)
def load_metrics(package: str, weight: str = "400", style: str = "normal") -> FontMetrics:
    """Return the metrics of a fontsource face (falls back to the regular face if it is missing)."""
    path = font_file(package, weight, style, "woff")
    if not path.is_file():
        path = font_file(package, "400", "normal", "woff")
    font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    units_per_em = int(font["head"].unitsPerEm)
    font.close()
    return FontMetrics(units_per_em, advances)
