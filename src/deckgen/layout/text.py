"""Measure text with the real metrics of the fonts that will draw it: the one line-breaking rule.

``TextMeasure`` gives advance widths and wrapped line counts. Each character of a font role
(heading, body, code) is measured in the font that draws it (``fontstack.py``): the theme's
font, else the fallback font for its script; the theme's font is widened where a .pptx
template's font is wider (``fonts.widest``), so what is measured fits in the HTML deck and in
the .pptx alike. Lines break at spaces, and between Chinese or Japanese characters where the
rules of kinsoku allow (``scripts.break_points``), as the browser, LibreOffice and PowerPoint do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from deckgen.fonts import FontMetrics
from deckgen.fontstack import Chain, FontStack, font_stack
from deckgen.scripts import break_points, has_unspaced, is_unspaced, script_gaps
from deckgen.themes import Font
from deckgen.units import EMU_PER_PT, Emu

WIDTH_SAFETY = 1.04  # kerning, hinting and rounding differ between renderers
# LibreOffice's gap between Chinese or Japanese and other characters (in em of the text): a
# fifth of the font's height. The browser and PowerPoint set none, so they have room to spare.
SCRIPT_GAP_EM = 0.25
_SPACES_OR_BREAKS = re.compile(r"(\n| +)")
_WORD_BREAKS = re.compile(r"[^\S\u00a0]+")  # white space but the no-break space


@dataclass(frozen=True, slots=True)
class Face:
    """A font role in a weight and style."""

    role: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """Text set in one face and size, the unit a paragraph is measured in. A span with a
    ``width`` (a formula) is one unbreakable box of that width, whatever its text; a ``whole``
    span (a link) breaks nowhere inside, not even between Chinese or Japanese characters."""

    text: str
    face: Face
    size: Emu
    width: Emu | None = None
    whole: bool = False


@lru_cache(maxsize=65536)
def _width_pt(metrics: FontMetrics, text: str, size_pt: float) -> float:
    return metrics.width(text, size_pt)


# Metrics of another font a role is also drawn in (a template's), by (role, bold, italic).
ExtraMetrics = Callable[[str, bool, bool], FontMetrics | None]


class TextMeasure:
    """Widths and wrapped line counts of text in the fonts given for each role.

    ``chains`` gives each role's fallback fonts by script (``fontstack.chains``; none: only the
    role's own font). ``extra`` returns, for a face, the metrics of a second font the same text
    is drawn in (a .pptx template's theme font), or None; each character of the role's own font
    then counts at the wider of the two.
    """

    def __init__(
        self,
        fonts: Mapping[str, Font],
        extra: ExtraMetrics | None = None,
        chains: Mapping[str, Chain] | None = None,
    ) -> None:
        self._fonts = dict(fonts)
        self._extra = extra
        self._chains = dict(chains or {})
        self._faces: dict[Face, FontMetrics] = {}
        self._stacks: dict[Face, FontStack] = {}
        self._seen: dict[Face, set[str]] = {}  # the characters beyond ASCII measured, by face

    def _metrics(self, face: Face) -> FontMetrics:
        found = self._faces.get(face)
        if found is None:
            role = face.role if face.role in self._fonts else "body"
            font, chain = self._fonts[role], self._chains.get(role, ())
            other = self._extra(face.role, face.bold, face.italic) if self._extra else None
            if other is None:
                stack = font_stack(font, chain, face.bold, face.italic)
            else:
                stack = FontStack(font, chain, face.bold, face.italic, other)
            self._stacks[face], self._seen[face] = stack, set()
            found = self._faces[face] = stack.metrics
        return found

    def missing_fonts(self) -> set[tuple[str, str]]:
        """Return the (script, family) fallback fonts the text measured needed that are not
        installed."""
        return {
            pair for face, stack in self._stacks.items() for pair in stack.missing(self._seen[face])
        }

    def unknown_letters(self) -> str:
        """Return the letters measured that no font of the theme has (by an estimate)."""
        letters = set()
        for face, stack in self._stacks.items():
            letters |= stack.unknown(self._seen[face])
        return "".join(sorted(letters))

    def width(self, text: str, face: Face, size: int) -> Emu:
        """Return the advance width of ``text`` set in ``face`` at ``size``."""
        if not text:
            return Emu(0)
        metrics = self._metrics(face)
        if not text.isascii():
            self._seen[face].update(text)
        return Emu(round(_width_pt(metrics, text, size / EMU_PER_PT) * EMU_PER_PT))

    def _unspaced(self, text: str, span: Span, before: str) -> float:
        """Return the width of ``text`` (no spaces, right after ``before``) with the gaps
        LibreOffice sets between Chinese or Japanese characters and others."""
        gaps = script_gaps(text, before)
        return self.width(text, span.face, span.size) + gaps * SCRIPT_GAP_EM * span.size

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

        before = ""  # the character before the current one, for breaks without a space
        for span in spans:
            if span.width is not None:  # a formula: part of the word it stands in
                word += span.width
                before = "x"
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
                elif not (has_unspaced(part) or (word and is_unspaced(before))):
                    word += self.width(part, span.face, span.size)  # words split by spaces
                else:
                    joined = before if word else ""  # the character this part follows at once
                    start, cuts = 0, break_points(part, joined)
                    if span.whole:  # a link: a line may break before it, never inside
                        cuts = [0] if cuts[:1] == [0] else []
                    for cut in cuts:
                        word += self._unspaced(part[start:cut], span, joined)
                        if word:
                            place(word)  # a break between characters, with no space
                            word = 0.0
                        joined, start = part[cut - 1], cut
                    word += self._unspaced(part[start:], span, joined)
                before = part[-1]
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
                if has_unspaced(part):
                    line += round(script_gaps(part) * SCRIPT_GAP_EM * span.size)
        return Emu(round(max(widest_line, line) * (WIDTH_SAFETY if safety else 1.0)))

    def longest_word(self, spans: Iterable[Span]) -> Emu:
        """Return the width of the widest word of ``spans`` (with the wrap margin): the
        narrowest box the text fits without a word breaking inside itself."""
        widest_word = 0.0
        for span in spans:
            if span.width is not None:
                widest_word = max(widest_word, span.width)
                continue
            for word in _WORD_BREAKS.split(span.text):
                for unit in [word] if span.whole else _unbreakable(word):
                    gaps = script_gaps(unit) * SCRIPT_GAP_EM * span.size
                    widest_word = max(widest_word, self.width(unit, span.face, span.size) + gaps)
        return Emu(round(widest_word * WIDTH_SAFETY))


def _unbreakable(word: str) -> list[str]:
    """Return ``word`` (no spaces) cut where a line may break inside it (Chinese, Japanese)."""
    if not has_unspaced(word):
        return [word]
    cuts = [0, *break_points(word), len(word)]
    return [word[start:end] for start, end in zip(cuts, cuts[1:], strict=False) if end > start]
