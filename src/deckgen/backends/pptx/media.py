"""Pictures: embedded with their alt text, or their alt text where a .pptx cannot hold them."""

from __future__ import annotations

from pptx.shapes.picture import Picture
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu as PptxEmu

from deckgen.backends.pptx import drawingml
from deckgen.images import read_picture
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import ImagePiece
from deckgen.model import Image

EMBEDDABLE = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WMF"})


def embeddable(image: Image) -> bool:
    """Return True when a .pptx can hold ``image`` as a picture (a local raster file)."""
    picture = read_picture(image.src)
    return picture is not None and picture.format in EMBEDDABLE


def picture_fallback(piece: ImagePiece) -> tuple[ParagraphSpec, ...] | None:
    """Return the alt text to draw instead of ``piece``'s picture, or None to draw the picture."""
    return None if embeddable(piece.image) else piece.fallback


def add_picture(shapes: SlideShapes, piece: ImagePiece, name: str) -> Picture:
    """Return a new picture of ``piece``'s image, its alt text the markdown's alt text."""
    box = piece.box
    picture = shapes.add_picture(
        piece.image.src, PptxEmu(box.x), PptxEmu(box.y), PptxEmu(box.w), PptxEmu(box.h)
    )
    picture.name = name
    drawingml.set_alt_text(picture, piece.image.alt)
    return picture
