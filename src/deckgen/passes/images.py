"""Pictures, videos and sounds: paths made absolute, files confined to the deck's project, links
around them made safe, and what a format will not show reported once here (a remote file needs
the network; PowerPoint plays only some media types)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deckgen.diagnostics import Diagnostic, Level
from deckgen.images import is_remote, read_picture
from deckgen.model import Block, Image, Media, Slide
from deckgen.passes.links import is_unsafe_link, slide_target
from deckgen.passes.walk import map_blocks, map_tree, walk_blocks
from deckgen.read import display_path, is_within

# Media types PowerPoint plays (its "Insert Video/Audio" list); others are embedded all the same
# (LibreOffice plays them) with a warning.
PPTX_PLAYS = frozenset(
    {".mp4", ".m4v", ".mov", ".avi", ".wmv", ".mpg", ".mpeg", ".mp3", ".m4a", ".wav", ".wma"}
)


def _absolute(src: str, folder: Path) -> str:
    return src if not src or is_remote(src) else str((folder / src).resolve())


def resolve_images(blocks: tuple[Block, ...], folder: Path) -> tuple[Block, ...]:
    """Return ``blocks`` with local image (and poster) paths made absolute against ``folder``."""

    def resolve(block: Block) -> Block:
        if isinstance(block, Image):
            return replace(
                block, src=_absolute(block.src, folder), poster=_absolute(block.poster, folder)
            )
        return block

    return map_blocks(blocks, resolve)


def _played(item: object, diagnostics: list[Diagnostic]) -> tuple[object, ...] | None:
    """Return an HTML player whose file is there (its fallback cleared), or else its fallback
    content (reported); None for anything else."""
    if not isinstance(item, Image) or item.fallback is None:
        return None
    if is_remote(item.src) or Path(item.src).is_file():
        return (replace(item, fallback=None),)
    shown = "its fallback content is shown instead" if item.fallback else "left out"
    message = f"{item.media.value} file not found: {Path(item.src).name} ({shown})"
    diagnostics.append(Diagnostic(item.origin, Level.WARNING, message, "media-missing"))
    return item.fallback


def play_or_fall_back(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Return ``slides`` with each HTML ``<video>`` or ``<audio>`` whose file is not there
    replaced by its fallback content, as a browser that cannot play it shows it (a missing
    ``<source>`` is one a browser skips; a Markdown picture's missing file is an error)."""

    def has_player(slide: Slide) -> bool:
        blocks = walk_blocks(slide.body + slide.notes)
        return any(isinstance(block, Image) and block.fallback is not None for block in blocks)

    return [
        map_tree(slide, splice=lambda item: _played(item, diagnostics))
        if has_player(slide)
        else slide
        for slide in slides
    ]


def file_problems(
    src: str, what: str, root: Path, allow_outside: bool
) -> list[tuple[Level, str, str]]:
    """Return (level, message, group) for a local file ``src`` that cannot be embedded."""
    path = Path(src)
    if not allow_outside and not is_within(path, root):
        message = (
            f"{what} {display_path(path)} is outside the deck folder "
            "(build with --allow-outside to embed it)"
        )
        return [(Level.ERROR, message, "")]
    if not path.is_file():
        return [(Level.ERROR, f"{what} file not found: {path.name}", "")]
    return []


def _problems(image: Image, root: Path, allow_outside: bool) -> list[tuple[Level, str, str]]:
    """Return (level, message, group) for each problem with ``image``."""
    found = []
    what = "image" if image.media is Media.PICTURE else image.media.value
    if not image.alt.strip() and image.media is Media.PICTURE:
        found.append((Level.WARNING, "image has no alt text", "image-alt"))
    if is_remote(image.src):
        if image.media is Media.PICTURE:
            message = (
                "remote image: linked, not embedded, in the HTML deck (needs the network) "
                "and shown as a link in the .pptx"
            )
            found.append((Level.WARNING, message, "image-remote"))
        else:
            message = (
                f"remote {what}: it will not play offline (a player in the HTML deck, "
                "a link in the .pptx)"
            )
            found.append((Level.WARNING, message, "media-remote"))
        return found
    found += file_problems(image.src, what, root, allow_outside)
    if image.poster and not is_remote(image.poster):
        found += file_problems(image.poster, "poster", root, allow_outside)
    if found and found[-1][0] is Level.ERROR:
        return found
    if image.media is Media.PICTURE and read_picture(image.src) is None:
        found.append((Level.ERROR, f"image cannot be read: {Path(image.src).name}", ""))
    elif image.media is not Media.PICTURE and Path(image.src).suffix.lower() not in PPTX_PLAYS:
        message = (
            f"{Path(image.src).suffix} {what}: PowerPoint does not play this type "
            "(embedded in the .pptx all the same; LibreOffice plays it)"
        )
        found.append((Level.WARNING, message, "media-pptx"))
    return found


def check_images(
    slides: list[Slide], root: Path, diagnostics: list[Diagnostic], allow_outside: bool = False
) -> None:
    """Report images without alt text, missing or unreadable files, files outside ``root``,
    and images or media a format will not show.

    An image outside ``root`` (after following links) is an error unless ``allow_outside``:
    building someone else's deck must not embed, say, ``~/.ssh/id_rsa`` into the output.
    """
    for slide in slides:
        for block in walk_blocks(slide.body + slide.takeaways + slide.notes):
            if isinstance(block, Image):
                for level, message, group in _problems(block, root, allow_outside):
                    diagnostics.append(Diagnostic(block.origin, level, message, group))


def check_image_links(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Return ``slides`` without links around pictures that would run code (``javascript:``)
    or jump to no slide; each is reported at its line, and the picture kept without it."""
    ids = {slide.id for slide in slides}

    def problem(link: str) -> str | None:
        if is_unsafe_link(link):
            return f"unsafe link '{link[:40]}' around a picture removed"
        target = slide_target(link)
        if target is not None and target not in ids:
            return f"internal link '{link}' around a picture matches no slide id (removed)"
        return None

    def unlink(block: Block) -> Block:
        if isinstance(block, Image) and block.link:
            message = problem(block.link)
            if message is not None:
                diagnostics.append(Diagnostic(block.origin, Level.WARNING, message, "link"))
                return replace(block, link=None)
        return block

    def linked(slide: Slide) -> bool:
        blocks = walk_blocks(slide.body + slide.takeaways + slide.notes)
        return any(isinstance(block, Image) and block.link for block in blocks)

    return [map_tree(slide, block=unlink) if linked(slide) else slide for slide in slides]
