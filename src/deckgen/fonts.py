"""Font metrics from font files (the only fontTools import).

The layout stage measures text with the advance widths of the font files the HTML deck embeds,
so what it wraps and fits is what the browser shows; the .pptx names metric-compatible fonts
(Carlito ~ Calibri, Caladea ~ Cambria, Cousine ~ Courier New), so PowerPoint and LibreOffice wrap
the same way. A .pptx template's own fonts are found on the machine (fontconfig's ``fc-match``)
and measured too.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from deckgen.npm import font_file

FALLBACK_EM = 0.62  # width of a glyph the font lacks (the browser borrows it from another font)
FC_MATCH_TIMEOUT = 10  # seconds


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


def _read(path: Path) -> FontMetrics:
    font = TTFont(str(path), lazy=True, fontNumber=0)
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"]
    advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    units_per_em = int(font["head"].unitsPerEm)
    font.close()
    return FontMetrics(units_per_em, advances)


@lru_cache(maxsize=32)
def load_metrics(package: str, weight: str = "400", style: str = "normal") -> FontMetrics:
    """Return the metrics of a fontsource face (falls back to the regular face if it is missing)."""
    path = font_file(package, weight, style, "woff")
    if not path.is_file():
        path = font_file(package, "400", "normal", "woff")
    return _read(path)


@lru_cache(maxsize=32)
def load_file_metrics(path: Path) -> FontMetrics:
    """Return the metrics of the font file at ``path`` (TrueType, OpenType or a collection)."""
    return _read(path)


@lru_cache(maxsize=64)
def widest(first: FontMetrics, second: FontMetrics) -> FontMetrics:
    """Return metrics where every character is as wide as in the wider of the two fonts."""
    scale = first.units_per_em / second.units_per_em
    fallback_first = round(FALLBACK_EM * first.units_per_em)
    advances = dict(first.advances)
    for code, advance in second.advances.items():
        advances[code] = max(advances.get(code, fallback_first), round(advance * scale))
    return FontMetrics(first.units_per_em, advances)


@dataclass(frozen=True, slots=True)
class SystemFont:
    """A font file installed on this machine, and the family fontconfig says it is."""

    path: Path
    family: str


@lru_cache(maxsize=64)
def find_system_font(family: str, bold: bool = False, italic: bool = False) -> SystemFont | None:
    """Return the installed font fontconfig draws ``family`` with, or None without fontconfig.

    fontconfig substitutes a metric-compatible font for a missing one where it knows one
    (Arial -> Liberation Sans), else its default font: compare ``family`` to tell.
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = f"{family}:weight={200 if bold else 80}:slant={100 if italic else 0}"
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}\n%{family[0]}", pattern],
            capture_output=True,
            text=True,
            timeout=FC_MATCH_TIMEOUT,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) < 2 or not Path(found[0]).is_file():
        return None
    return SystemFont(Path(found[0]), found[1].strip())
