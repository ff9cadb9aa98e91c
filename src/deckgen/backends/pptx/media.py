"""Pictures and tables: images as pictures with their alt text, tables as native tables."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from pptx.shapes.picture import Picture
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu as PptxEmu

from deckgen.backends.pptx import drawingml
from deckgen.backends.pptx.pieces import ImagePiece
from deckgen.diagnostics import Diagnostic, Level
from deckgen.model import Image
from deckgen.passes import REMOTE

EMBEDDABLE = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WMF"})


class ImageSizes:
    """Return an image's size in pixels, or None (with a warning) when the .pptx cannot embed it."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        self._sizes: dict[str, tuple[int, int] | None] = {}

    def __call__(self, image: Image) -> tuple[int, int] | None:
        if image.src not in self._sizes:
            self._sizes[image.src] = self._measure(image)
        return self._sizes[image.src]

    def _measure(self, image: Image) -> tuple[int, int] | None:
        if REMOTE.match(image.src):
            return self._skip(image, "remote image is not embedded in the .pptx")
        try:
            with PillowImage.open(Path(image.src)) as opened:
                if opened.format not in EMBEDDABLE:
                    return self._skip(image, f"{opened.format} images cannot go into a .pptx")
                return opened.size
        except (OSError, UnidentifiedImageError):
            return self._skip(image, "image cannot be read for the .pptx")

    def _skip(self, image: Image, reason: str) -> tuple[int, int] | None:
        """Record why ``image`` is left out (its alt text is shown instead); return None."""
        message = f"{reason} (its alt text is shown instead)"
        self.diagnostics.append(Diagnostic(image.origin, Level.WARNING, message))
        return None


def add_picture(shapes: SlideShapes, piece: ImagePiece, name: str) -> Picture:
    """Return a new picture of ``piece``'s image, its alt text the markdown's alt text."""
    box = piece.box
    picture = shapes.add_picture(
        piece.image.src, PptxEmu(box.x), PptxEmu(box.y), PptxEmu(box.w), PptxEmu(box.h)
    )
    picture.name = name
    drawingml.set_alt_text(picture, piece.image.alt)
    return picture
