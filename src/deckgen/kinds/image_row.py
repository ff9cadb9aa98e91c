"""A row of pictures (several written in one paragraph): side by side, a gap apart, centred.

Each is sized as alone (``layout/pictures.py``), then the whole row is shrunk by one scale to
fit the width and the height it is given; the pictures stand on one baseline, as pandoc's
inline images do. A row is never split across slides.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box
from deckgen.kinds.image import fallback, room_of
from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pictures import aligned_left, fit_scale, wanted_size
from deckgen.layout.pieces import ImagePiece, Piece, Stacked
from deckgen.model import ImageRow, Inline, Run
from deckgen.units import Emu


def _lay(block: ImageRow, width: int, height: int, ctx: FlowContext) -> Stacked:
    room = room_of(width, ctx)
    sizes = [wanted_size(image, ctx.image_size(image), room) for image in block.images]
    gap = ctx.gap
    scale = fit_scale([w for w, _ in sizes], [h for _, h in sizes], gap, room, height)
    scaled = [(max(round(w * scale), 1), max(round(h * scale), 1)) for w, h in sizes]
    total = sum(w for w, _ in scaled) + gap * (len(scaled) - 1)
    row_height = max(h for _, h in scaled)
    x = int(aligned_left("center", total, width))
    pieces: list[Piece] = []
    for image, (w, h) in zip(block.images, scaled, strict=True):
        box = Box(Emu(x), Emu(row_height - h), Emu(w), Emu(h))
        pieces.append(ImagePiece(box, image, fallback(image, ctx)))
        x += w + gap
    return Stacked(tuple(pieces), Emu(row_height))


def _text(block: ImageRow) -> Iterator[Inline]:
    for image in block.images:
        if image.alt:
            yield (Run(image.alt),)


def _notes(block: ImageRow, size: Emu) -> Iterator[ParagraphSpec]:
    for image in block.images:
        yield ParagraphSpec((Run(image.alt or "image", italic=True),), size, size)


IMAGE_ROW = register(
    Kind(
        model=ImageRow,
        read="several mistune images in one paragraph (markdown.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
        shares_height=True,
    )
)
