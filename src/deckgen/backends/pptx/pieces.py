"""The positioned pieces a slide is made of: the presentation model between layout and XML.

Every piece has one box on the page and holds what to write there; nothing here touches
python-pptx, so a slide's arrangement can be built and tested as plain data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from deckgen.backends.pptx.paragraphs import Para
from deckgen.geometry import Box
from deckgen.layout import PlacedSlide
from deckgen.model import CodeBlock, Image, Table
from deckgen.units import Emu


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Paragraphs in one text frame. ``outline`` marks body text fit for the body placeholder."""

    box: Box
    paras: tuple[Para, ...]
    outline: bool = False


@dataclass(frozen=True, slots=True)
class CodePiece:
    """A code block in a rounded box, set at ``size`` with ``pad_x``/``pad_y`` inside."""

    box: Box
    block: CodeBlock
    size: Emu
    line: Emu
    pad_x: Emu
    pad_y: Emu


@dataclass(frozen=True, slots=True)
class CardPiece:
    """One card of a grid: a filled rounded box holding ``para``, text ``inset`` from the left."""

    box: Box
    para: Para
    inset: Emu
    pad_x: Emu
    pad_y: Emu


@dataclass(frozen=True, slots=True)
class TablePiece:
    """A native table: column widths, row heights, and each cell's paragraphs (header row first)."""

    box: Box
    block: Table
    widths: tuple[Emu, ...]
    heights: tuple[Emu, ...]
    cells: tuple[tuple[tuple[Para, ...], ...], ...]
    pad_x: Emu
    pad_y: Emu


@dataclass(frozen=True, slots=True)
class ImagePiece:
    """A picture filling ``box``."""

    box: Box
    image: Image


@dataclass(frozen=True, slots=True)
class BarPiece:
    """A filled rectangle without text (rules and accent bars) in the colour of ``colour``."""

    box: Box
    colour: str


Piece = TextPiece | CodePiece | CardPiece | TablePiece | ImagePiece | BarPiece


def shifted(piece: Piece, dx: int, dy: int) -> Piece:
    """Return ``piece`` moved by ``dx`` and ``dy``."""
    return replace(piece, box=piece.box.moved(dx, dy))


class LayoutRole(enum.Enum):
    """The slide layouts deckgen builds on, looked up in the template by name (see template.py)."""

    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"
    TITLE_ONLY = "title_only"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class SlidePlan:
    """Everything one slide shows, placed.

    ``title`` and ``subtitle`` go into the layout's title and subtitle placeholders where it has
    them, ``body`` into its body placeholder; ``pieces`` become shapes in reading order.
    ``background`` is a colour role to paint the slide with (None: the master's).
    ``overflow`` is how far the content runs past the bottom of the frame (0 when it fits).
    """

    placed: PlacedSlide
    role: LayoutRole
    title: TextPiece | None
    subtitle: TextPiece | None
    body: TextPiece | None
    pieces: tuple[Piece, ...]
    takeaways: TextPiece | None
    number: Box
    background: str | None
    overflow: Emu
