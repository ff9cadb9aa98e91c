"""Code blocks -> a rounded box of monospace text.

One paragraph per source line, no bullets, indentation kept, each highlighted token an editable
run in the theme's code colours.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.backends.pptx.look import Colour, Look
from deckgen.backends.pptx.xmlshapes import filled_box_xml
from deckgen.backends.pptx.xmltext import (
    ParagraphFormat,
    RunStyle,
    paragraph_xml,
    run_xml,
)
from deckgen.fontstack import RunFonts
from deckgen.layout.pieces import CodePiece
from deckgen.themes import Theme


class CodeWriter:
    """Writes code pieces in the theme's code font and token colours."""

    def __init__(self, look: Look, theme: Theme, lang: str, fonts: RunFonts | None = None) -> None:
        self.look = look
        self.theme = theme
        self.lang = lang
        self.fonts = fonts  # a line's characters the code font lacks: in their fallback font
        self._styles: dict[tuple[str, int], RunStyle] = {}

    def shape_xml(self, shape_id: int, name: str, piece: CodePiece) -> str:
        """Return the code box for ``piece``: a rounded box in the code background colour."""
        fmt = ParagraphFormat(line=piece.line, before=0, after=0, margin=0, indent=0)
        end = RunStyle(size=piece.size, typeface=self.look.typeface("code"))
        paragraphs = []
        for spans in piece.lines:
            runs = "".join(self._runs(s.text, s.token, piece.size) for s in spans if s.text)
            wide = not all(s.text.isascii() for s in spans)  # may hold CJK stops: keep them in
            paragraphs.append(paragraph_xml(replace(fmt, unhung=True) if wide else fmt, runs, end))
        insets = (piece.pad_x, piece.pad_y, piece.pad_x, piece.pad_y)
        fill = self.look.colour("code_background")
        return filled_box_xml(
            shape_id, name, piece.box, fill, self.theme.box.corner_radius, paragraphs, insets
        )

    def _runs(self, text: str, token: str, size: int) -> str:
        """Return a token's text as runs, one per font drawing it (see ``TextWriter.run``)."""
        style = self._style(token, size)
        if self.fonts is None or text.isascii():
            return run_xml(text, style)
        segments = self.fonts.segments(text, "code", style.bold, style.italic)
        if len(segments) == 1 and segments[0][1] is None:
            return run_xml(text, style)
        parts = []
        for part, family in segments:
            typeface = family or style.typeface
            parts.append(
                run_xml(
                    part,
                    replace(style, typeface=typeface, east_asian=typeface, complex_script=typeface),
                )
            )
        return "".join(parts)

    def _style(self, token: str, size: int) -> RunStyle:
        """Return the run style of a token class (cached: a deck repeats a few dozen)."""
        key = (token, size)
        if key not in self._styles:
            style = self.theme.code_tokens.get(token)
            colour = (
                Colour(rgb=style.color) if style and style.color else self.look.colour("code_text")
            )
            self._styles[key] = RunStyle(
                size=size,
                typeface=self.look.typeface("code"),
                colour=colour,
                bold=bool(style and style.bold),
                italic=bool(style and style.italic),
                lang=self.lang,
            )
        return self._styles[key]
