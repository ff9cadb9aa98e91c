"""Measure paragraphs with the real metrics of the theme's fonts, to size each box before writing.

Widths come from ``deckgen.fonts`` (the font files the HTML embeds, the ones the layout stage
measures with); the .pptx names their metric-compatible Office twins (Carlito ~ Calibri, Caladea
~ Cambria, Cousine ~ Courier New), so a width measured here is what PowerPoint lays out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from deckgen.fonts import FontMetrics, load_metrics
from deckgen.themes import Font
from deckgen.units import EMU_PER_PT, Emu

WIDTH_SAFETY = 1.04  # as the layout stage: kerning, hinting and rounding differ between renderers
_SPACES_OR_BREAKS = re.compile(r"(\n| +)")


@dataclass(frozen=True, slots=True)
class Face:
    """A font role in a weight and style."""

    role: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """Text set in one face and size, the unit a paragraph is measured in."""

    text: str
    face: Face
    size: Emu


@lru_cache(maxsize=65536)
def _width_pt(metrics: FontMetrics, text: str, size_pt: float) -> float:
    return metrics.width(text, size_pt)


class TextMeasure:
    """Widths and wrapped line counts of text in the fonts given for each role."""

    def __init__(self, fonts: Mapping[str, Font]) -> None:
        self._fonts = dict(fonts)

    def _metrics(self, face: Face) -> FontMetrics:
        font = self._fonts.get(face.role) or self._fonts["body"]
        return load_metrics(
            font.package, "700" if face.bold else "400", "italic" if face.italic else "normal"
        )

    def width(self, text: str, face: Face, size: int) -> Emu:
        """Return the advance width of ``text`` set in ``face`` at ``size``."""
        if not text:
            return Emu(0)
        return Emu(round(_width_pt(self._metrics(face), text, size / EMU_PER_PT) * EMU_PER_PT))

    def line_count(self, spans: Iterable[Span], width: int) -> int:
        """Return how many lines ``spans`` wrap to in ``width``, breaking at spaces and newlines.

        Leading spaces count (code indentation); a word wider than a line breaks inside itself.
        """
        limit = max(width / WIDTH_SAFETY, 1.0)
        lines, line, space, word = 1, 0.0, 0.0, 0.0
        fresh = True  # at the start of a paragraph or after a newline, leading spaces count

        def place(word_width: float) -> None:
            nonlocal lines, line, space, fresh
            if line and line + space + word_width > limit:
                lines, line, space = lines + 1, 0.0, 0.0
            line += (space if line or fresh else 0.0) + word_width
            while line > limit:
                lines, line = lines + 1, line - limit
            space, fresh = 0.0, False

        for span in spans:
            for part in _SPACES_OR_BREAKS.split(span.text):
                if not part:
                    continue
                if part == "\n":
                    if word:
                        place(word)
                    lines, line, space, word, fresh = lines + 1, 0.0, 0.0, 0.0, True
                elif part[0] == " ":
                    if word:
                        place(word)
                        word = 0.0
                    space += self.width(part, span.face, span.size)
                else:
                    word += self.width(part, span.face, span.size)
        if word:
            place(word)
        return lines

    def longest_line(self, spans: Iterable[Span], safety: bool = True) -> Emu:
        """Return the width of the widest line of ``spans``, unwrapped (``safety``: plus margin)."""
        widest, line = 0, 0
        for span in spans:
            for index, part in enumerate(span.text.split("\n")):
                if index:
                    widest, line = max(widest, line), 0
                line += self.width(part, span.face, span.size)
        return Emu(round(max(widest, line) * (WIDTH_SAFETY if safety else 1.0)))
