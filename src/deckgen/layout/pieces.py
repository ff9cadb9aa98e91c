"""The positioned pieces a slide is made of: the presentation model between layout and backends.

Every piece has one box on the page and holds what to draw there. The layout stage makes them
(measuring and placing in one step); the .pptx draws them as shapes, and the HTML deck takes the
decisions it cannot leave to the browser from them (table column widths, picture sizes). A
closed set: each backend draws each piece type, nothing more.

A piece's ``reveals`` are the steps (fragments) it waits for, outermost first: the .pptx animates
it whole; a text frame's paragraphs carry their own (``ParagraphSpec.reveals``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from deckgen.geometry import Box
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.model import Background, Block, CodeLine, Image, Step, Table
from deckgen.units import Emu


@dataclass(frozen=True, slots=True)
class TextSizes:
    """Font sizes for each text role of one slide, as the layout stage chose them."""

    title: Emu
    subtitle: Emu
    body: Emu
    takeaway: Emu
    code: Emu
    card: Emu
    table: Emu
    small: Emu = Emu(0)  # footnotes and asides (0: the body size)


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Paragraphs in one text frame. ``outline`` marks body text fit for the body placeholder."""

    box: Box
    paragraphs: tuple[ParagraphSpec, ...]
    outline: bool = False


@dataclass(frozen=True, slots=True)
class CodePiece:
    """Code lines as shown (numbered, tabs expanded) in a rounded box, ``pad_x``/``pad_y`` in."""

    box: Box
    lines: tuple[CodeLine, ...]
    size: Emu
    line: Emu
    pad_x: Emu
    pad_y: Emu
    reveals: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class CardPiece:
    """One card of a grid: a filled rounded box holding ``paragraph``, text ``inset`` from the
    left."""

    box: Box
    paragraph: ParagraphSpec
    inset: Emu
    pad_x: Emu
    pad_y: Emu
    reveals: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class TablePiece:
    """A table: column widths, row heights, and each cell's paragraphs (header row first)."""

    box: Box
    table: Table
    widths: tuple[Emu, ...]
    heights: tuple[Emu, ...]
    cells: tuple[tuple[tuple[ParagraphSpec, ...], ...], ...]
    pad_x: Emu
    pad_y: Emu
    reveals: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class ImagePiece:
    """A picture filling ``box``; ``fallback`` is its alt text, set to stand in its place where
    a format cannot show the picture itself."""

    box: Box
    image: Image
    fallback: tuple[ParagraphSpec, ...] = ()
    reveals: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class BarPiece:
    """A filled rectangle without text (rules and accent bars) in the colour of ``colour``."""

    box: Box
    colour: str
    reveals: tuple[Step, ...] = ()


Piece = TextPiece | CodePiece | CardPiece | TablePiece | ImagePiece | BarPiece


def shifted(piece: Piece, dx: int, dy: int) -> Piece:
    """Return ``piece`` moved by ``dx`` and ``dy``."""
    return replace(piece, box=piece.box.moved(dx, dy))


@dataclass(frozen=True, slots=True)
class Backdrop:
    """What a slide is painted with, under everything else.

    ``colour`` is a colour role of the theme (a section slide's ``section_background``) or an
    ``#rrggbb`` the slide sets (None: the master's); ``written`` is the slide's own background
    as written (its picture, and how reveal.js places it: the HTML's attributes), its picture
    drawn in ``box`` on the page (it may reach past the page's edges, as ``cover`` does; None
    when its size cannot be read).
    """

    colour: str | None = None
    written: Background | None = None
    box: Box | None = None

    @property
    def picture(self) -> str:
        """Return the background picture's path or URL ("" for none)."""
        return self.written.image if self.written is not None else ""
def revealed(piece: Piece, reveals: tuple[Step, ...]) -> Piece:
    """Return ``piece`` waiting also for the steps ``reveals`` (which enclose its own): a text
    frame's paragraphs each, any other piece whole."""
    if not reveals:
        return piece
    if isinstance(piece, TextPiece):
        paragraphs = tuple(replace(p, reveals=reveals + p.reveals) for p in piece.paragraphs)
        return replace(piece, paragraphs=paragraphs)
    return replace(piece, reveals=reveals + piece.reveals)


def _with_spans(spec: ParagraphSpec) -> ParagraphSpec:
    spans = tuple(dict.fromkeys(run.step for run in spec.runs if run.step is not None))
    return replace(spec, reveals=spec.reveals + spans) if spans else spec


def spans_revealed(piece: Piece) -> Piece:
    """Return ``piece`` with each paragraph also waiting for the fragment spans it holds (the
    .pptx cannot animate a span alone: its paragraph plays the span's step)."""
    if isinstance(piece, TextPiece):
        return replace(piece, paragraphs=tuple(map(_with_spans, piece.paragraphs)))
    if isinstance(piece, CardPiece):
        return replace(piece, paragraph=_with_spans(piece.paragraph))
    return piece


class MasterLayout(enum.Enum):
    """Which slide layout of a .pptx master a slide is built on (found by name, template.py)."""

    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"
    TITLE_ONLY = "title_only"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class Stacked:
    """Pieces placed relative to a box's top left, and the height they take.

    ``squeezed`` is True when something had less width than it needs (a code line or a word
    wider than its box, which then wraps or breaks): fitting shrinks the text first.
    """

    pieces: tuple[Piece, ...]
    height: Emu
    squeezed: bool = False


EMPTY = Stacked((), Emu(0))


@dataclass(frozen=True, slots=True)
class SlidePlan:
    """Everything one slide shows, placed.

    ``title`` and ``subtitle`` go into the master layout's title and subtitle placeholders where
    it has them, ``body`` into its body placeholder; ``pieces`` become shapes in reading order.
    ``background`` is what to paint the slide with (None: the master's background).
    ``overflow`` is how far the content runs past the bottom of the frame (0 when it fits);
    ``squeezed`` is True when a code line or a word is wider than its box (it wraps or breaks).
    """

    master: MasterLayout
    title: TextPiece | None
    subtitle: TextPiece | None
    body: TextPiece | None
    pieces: tuple[Piece, ...]
    takeaways: TextPiece | None
    number: Box
    background: Backdrop | None
    overflow: Emu
    squeezed: bool = False

    def with_spans(self) -> SlidePlan:
        """Return the plan with every paragraph waiting for its fragment spans too."""

        def text(piece: TextPiece | None) -> TextPiece | None:
            return (
                None
                if piece is None
                else replace(piece, paragraphs=tuple(map(_with_spans, piece.paragraphs)))
            )

        return replace(
            self,
            title=text(self.title),
            subtitle=text(self.subtitle),
            body=text(self.body),
            takeaways=text(self.takeaways),
            pieces=tuple(map(spans_revealed, self.pieces)),
        )

    def piece_of(self, block: Block) -> Piece | None:
        """Return the piece drawing ``block`` (a table or a picture), or None."""
        for piece in self.pieces:
            if isinstance(piece, TablePiece) and piece.table is block:
                return piece
            if isinstance(piece, ImagePiece) and piece.image is block:
                return piece
        return None
