"""Pictures: scaled to fit the width and the height the slide leaves them, caption below.

The pixel size comes from the file (``ctx.image_size``); a picture whose size cannot be read
(remote, unreadable) gets a 16:9 box, in which the HTML shows it and the .pptx its alt text.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box, fit_inside
from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec, line_pitch
from deckgen.layout.pieces import ImagePiece, Piece, Stacked, TextPiece
from deckgen.model import Image, Inline, Run
from deckgen.units import Emu

UNKNOWN_SIZE = (1600, 900)  # the box of a picture whose pixel size cannot be read


def _lay(block: Image, width: int, height: int, ctx: FlowContext) -> Stacked:
    pixels = ctx.image_size(block) or UNKNOWN_SIZE
    caption: tuple[ParagraphSpec, ...] = ()
    caption_height = Emu(0)
    if block.caption:
        size = Emu(round(ctx.sizes.body * ctx.box.caption_scale))
        line = line_pitch(size, ctx.line_height())
        caption = (ParagraphSpec(block.caption, size, line, colour="subtitle", align="ctr"),)
        caption_height = ctx.typesetter.height(caption, width)
    room = max(height - caption_height, ctx.box.image_min_height)
    picture = fit_inside(Box(Emu(0), Emu(0), Emu(width), Emu(room)), *pixels)
    role = ctx.body_role()
    fallback = (role.paragraph((Run(block.alt or "image", italic=True),), align="ctr"),)
    pieces: list[Piece] = [ImagePiece(picture, block, fallback)]
    if caption:
        pieces.append(TextPiece(Box(Emu(0), picture.bottom, Emu(width), caption_height), caption))
    return Stacked(tuple(pieces), Emu(picture.h + caption_height))


def _text(block: Image) -> Iterator[Inline]:
    if block.alt:
        yield (Run(block.alt),)
    if block.caption:
        yield block.caption


def _notes(block: Image, size: Emu) -> Iterator[ParagraphSpec]:
    yield ParagraphSpec((Run(block.alt or "image", italic=True),), size, size)


IMAGE = register(
    Kind(
        model=Image,
        read="mistune image; an image alone in a paragraph with other text takes it as caption",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
