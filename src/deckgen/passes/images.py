"""Pictures: paths made absolute, files confined to the deck's project, and what a format will
not show reported once here (a remote picture needs the network; a .pptx holds raster files)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deckgen.diagnostics import Diagnostic, Level
from deckgen.images import is_remote, read_picture
from deckgen.model import Block, Image, Slide
from deckgen.passes.walk import map_blocks, walk_blocks
from deckgen.read import display_path, is_within

PPTX_PICTURES = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WMF"})


def resolve_images(blocks: tuple[Block, ...], folder: Path) -> tuple[Block, ...]:
    """Return ``blocks`` with local image paths made absolute against ``folder``."""

    def resolve(block: Block) -> Block:
        if isinstance(block, Image) and not is_remote(block.src):
            return replace(block, src=str((folder / block.src).resolve()))
        return block

    return map_blocks(blocks, resolve)


def _problems(image: Image, root: Path, allow_outside: bool) -> list[tuple[Level, str, str]]:
    """Return (level, message, group) for each problem with ``image``."""
    found = []
    if not image.alt.strip():
        found.append((Level.WARNING, "image has no alt text", "image-alt"))
    if is_remote(image.src):
        found.append(
            (
                Level.WARNING,
                "remote image: linked, not embedded, in the HTML deck (needs the network) "
                "and shown as its alt text in the .pptx",
                "image-remote",
            )
        )
        return found
    path = Path(image.src)
    if not allow_outside and not is_within(path, root):
        message = (
            f"image {display_path(path)} is outside the deck folder "
            "(build with --allow-outside to embed it)"
        )
        found.append((Level.ERROR, message, ""))
    elif not path.is_file():
        found.append((Level.ERROR, f"image file not found: {path.name}", ""))
    else:
        picture = read_picture(image.src)
        if picture is None:
            found.append((Level.ERROR, f"image cannot be read: {path.name}", ""))
        elif picture.format not in PPTX_PICTURES:
            message = f"{picture.format} image: shown as its alt text in the .pptx"
            found.append((Level.WARNING, message, "image-pptx"))
    return found


def check_images(
    slides: list[Slide], root: Path, diagnostics: list[Diagnostic], allow_outside: bool = False
) -> None:
    """Report images without alt text, missing or unreadable files, files outside ``root``,
    and images a format will not show.

    An image outside ``root`` (after following links) is an error unless ``allow_outside``:
    building someone else's deck must not embed, say, ``~/.ssh/id_rsa`` into the output.
    """
    for slide in slides:
        for block in walk_blocks(slide.body + slide.takeaways + slide.notes):
            if isinstance(block, Image):
                for level, message, group in _problems(block, root, allow_outside):
                    diagnostics.append(Diagnostic(block.origin, level, message, group))
