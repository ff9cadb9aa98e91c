"""Measure text with the real metrics of the fonts that will draw it: the one line-breaking rule.

``TextMeasure`` gives advance widths and wrapped line counts. Each font role (heading, body,
code) is measured with the theme's font, widened where a .pptx template's font is wider
(``fonts.widest``), so what is measured fits in the HTML deck and in the .pptx alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from deckgen.fonts import FontMetrics, load_metrics, widest
from deckgen.themes import Font
from deckgen.units import EMU_PER_PT, Emu

WIDTH_SAFETY = 1.04  # kerning, hinting and rounding differ between renderers
_SPACES_OR_BREAKS = re.compile(r"(\n| +)")


@dataclass(frozen=True, slots=True)
class Face:
    """A font role in a weight and style."""

    role: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """Text set in one face and size, the unit a paragraph is measured in. A span with a
    ``width`` (a formula) is one unbreakable box of that width, whatever its text."""

    text: str
    face: Face
    size: Emu
    width: Emu | None = None


@lru_cache(maxsize=65536)
def _width_pt(metrics: FontMetrics, text: str, size_pt: float) -> float:
    return metrics.width(text, size_pt)


# Metrics of another font a role is also drawn in (a template's), by (role, bold, italic).
ExtraMetrics = Callable[[str, bool, bool], FontMetrics | None]


class TextMeasure:
    """Widths and wrapped line counts of text in the fonts given for each role.

    ``extra`` returns, for a face, the metrics of a second font the same text is drawn in (a
    .pptx template's theme font), or None; each character then counts at the wider of the two.
    """

    def __init__(self, fonts: Mapping[str, Font], extra: ExtraMetrics | None = None) -> None:
        self._fonts = dict(fonts)
        self._extra = extra
        self._faces: dict[Face, FontMetrics] = {}

    def _metrics(self, face: Face) -> FontMetrics:
        found = self._faces.get(face)
        if found is None:
            font = self._fonts.get(face.role) or self._fonts["body"]
            found = load_metrics(
                font.package, "700" if face.bold else "400", "italic" if face.italic else "normal"
            )
            other = self._extra(face.role, face.bold, face.italic) if self._extra else None
            if other is not None:
                found = widest(found, other)
            self._faces[face] = found
        return found

    def width(self, text: str, face: Face, size: int) -> Emu:
        """Return the advance width of ``text`` set in ``face`` at ``size``."""
        if not text:
            return Emu(0)
        return Emu(round(_width_pt(self._metrics(face), text, size / EMU_PER_PT) * EMU_PER_PT))

    def line_count(self, spans: Iterable[Span], width: int) -> int:
        """Return how many lines ``spans`` wrap to in ``width``, breaking at spaces and newlines.

        Leading spaces count (code indentation); a word wider than a line breaks inside itself.
        """
        return self.wrap(spans, width)[0]

    def wrap(self, spans: Iterable[Span], width: int) -> tuple[int, bool]:
        """Return (lines, whether a word had to break inside itself) for ``spans`` in ``width``."""
        limit = max(width / WIDTH_SAFETY, 1.0)
        lines, line, space, word = 1, 0.0, 0.0, 0.0
        fresh = True  # at the start of a paragraph or after a newline, leading spaces count
        broke = False

        def place(word_width: float) -> None:
            nonlocal lines, line, space, fresh, broke
            if line and line + space + word_width > limit:
                lines, line, space = lines + 1, 0.0, 0.0
            line += (space if line or fresh else 0.0) + word_width
            while line > limit:
                lines, line, broke = lines + 1, line - limit, True
            space, fresh = 0.0, False

        for span in spans:
            if span.width is not None:  # a formula: part of the word it stands in
                word += span.width
                continue
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
        return lines, broke

    def longest_line(self, spans: Iterable[Span], safety: bool = True) -> Emu:
        """Return the width of the widest line of ``spans``, unwrapped (``safety``: plus margin)."""
        widest_line, line = 0, 0
        for span in spans:
            if span.width is not None:
                line += span.width
                continue
            for index, part in enumerate(span.text.split("\n")):
                if index:
                    widest_line, line = max(widest_line, line), 0
                line += self.width(part, span.face, span.size)
        return Emu(round(max(widest_line, line) * (WIDTH_SAFETY if safety else 1.0)))

    def longest_word(self, spans: Iterable[Span]) -> Emu:
        """Return the width of the widest word of ``spans`` (with the wrap margin): the
        narrowest box the text fits without a word breaking inside itself."""
        widest_word = 0
        for span in spans:
            if span.width is not None:
                widest_word = max(widest_word, span.width)
                continue
            for word in span.text.split():
                widest_word = max(widest_word, self.width(word, span.face, span.size))
        return Emu(round(widest_word * WIDTH_SAFETY))
