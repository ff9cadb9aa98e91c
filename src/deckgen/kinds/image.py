"""Pictures, videos and sounds: drawn at the size ``layout/pictures.py`` gives them, caption below.

The pixel size comes from the file (``ctx.image_size``); a picture whose size cannot be read
(remote, unreadable) gets a 16:9 box, in which the HTML shows it and the .pptx its alt text
(a link to it, when it is remote). A picture takes the height the other blocks leave it
(``shares_height``): fitting shrinks it before it splits a slide.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec, line_pitch
from deckgen.layout.pictures import Room, aligned_left, fitted
from deckgen.layout.pieces import ImagePiece, Piece, Stacked, TextPiece
from deckgen.model import Image, Inline, Run
from deckgen.units import Emu

WEB = ("http://", "https://")  # a remote file the .pptx links to where it cannot show it


def room_of(width: int, ctx: FlowContext) -> Room:
    """Return what a picture ``width`` wide is measured against at ``ctx``'s sizes."""
    theme = ctx.theme
    return Room(
        width, theme.page_height - 2 * theme.margin_y, ctx.sizes.body, ctx.box.image_min_height
    )


def fallback(block: Image, ctx: FlowContext) -> tuple[ParagraphSpec, ...]:
    """Return the alt text that stands for ``block`` where a format cannot show it (a link to
    it when it is remote)."""
    link = block.link or (block.src if block.src.startswith(WEB) else None)
    text = block.alt or (block.src if link == block.src else "") or "image"
    role = ctx.body_role()
    return (role.paragraph((Run(text, italic=True, link=link),), align="ctr"),)


def _lay(block: Image, width: int, height: int, ctx: FlowContext) -> Stacked:
    caption: tuple[ParagraphSpec, ...] = ()
    caption_height = Emu(0)
    if block.caption:
        size = Emu(round(ctx.sizes.body * ctx.box.caption_scale))
        line = line_pitch(size, ctx.line_height())
        caption = (ParagraphSpec(block.caption, size, line, colour="subtitle", align="ctr"),)
        caption_height = ctx.typesetter.height(caption, width)
    room = room_of(width, ctx)
    w, h = fitted(block, ctx.image_size(block), room, max(height - caption_height, 0))
    picture = Box(aligned_left(block.align, w, width), Emu(0), w, h)
    pieces: list[Piece] = [ImagePiece(picture, block, fallback(block, ctx))]
    if caption:
        pieces.append(TextPiece(Box(Emu(0), picture.bottom, Emu(width), caption_height), caption))
    return Stacked(tuple(pieces), Emu(picture.h + caption_height))


def _text(block: Image) -> Iterator[Inline]:
    if block.caption:
        yield block.caption
    elif block.alt:
        yield (Run(block.alt),)


def _notes(block: Image, size: Emu) -> Iterator[ParagraphSpec]:
    yield ParagraphSpec((Run(block.alt or "image", italic=True),), size, size)


IMAGE = register(
    Kind(
        model=Image,
        read=(
            "mistune image with pandoc's {width=… height=… #id .class} after it; a video or a "
            "sound by file type; alone in a paragraph its description is the caption, beside "
            "text the text is"
        ),
        text=_text,
        notes=_notes,
        lay=_lay,
        shares_height=True,
    )
)
