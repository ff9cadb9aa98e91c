"""Code blocks -> a rounded box of monospace text.

One paragraph per source line, no bullets, indentation kept, each highlighted token an editable
run in the theme's code colours.
"""

from __future__ import annotations

from deckgen.backends.pptx.look import Colour, Look
from deckgen.backends.pptx.xmlshapes import filled_box_xml
from deckgen.backends.pptx.xmltext import (
    ParagraphFormat,
    RunStyle,
    paragraph_xml,
    run_xml,
)
from deckgen.layout.pieces import CodePiece
from deckgen.themes import Theme


class CodeWriter:
    """Writes code pieces in the theme's code font and token colours."""

    def __init__(self, look: Look, theme: Theme, lang: str) -> None:
        self.look = look
        self.theme = theme
        self.lang = lang
        self._styles: dict[tuple[str, int], RunStyle] = {}

    def shape_xml(self, shape_id: int, name: str, piece: CodePiece) -> str:
        """Return the code box for ``piece``: a rounded box in the code background colour."""
        fmt = ParagraphFormat(line=piece.line, before=0, after=0, margin=0, indent=0)
        end = RunStyle(size=piece.size, typeface=self.look.typeface("code"))
        paragraphs = []
        for spans in piece.lines:
            runs = "".join(
                run_xml(s.text, self._style(s.token, piece.size)) for s in spans if s.text
            )
            paragraphs.append(paragraph_xml(fmt, runs, end))
        insets = (piece.pad_x, piece.pad_y, piece.pad_x, piece.pad_y)
        fill = self.look.colour("code_background")
        return filled_box_xml(
            shape_id, name, piece.box, fill, self.theme.box.corner_radius, paragraphs, insets
        )

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
