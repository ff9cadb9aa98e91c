"""Pictures drawn as pixels: SVG rendered to PNG (CairoSVG), other formats converted to PNG,
a slide's background composed as reveal.js paints it, and a poster frame for a video or a sound.

Pillow and CairoSVG are imported where used: only decks with such pictures pay for them.
CairoSVG needs the cairo library of the system; where it is missing, ``svg_png`` returns None
and the caller says what it does instead.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.images import read_picture
from deckgen.units import EMU_PER_PX

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

    from deckgen.layout.pieces import Backdrop

MAX_SIDE = 4096  # px: the largest side of a picture drawn here
POSTER_BACKGROUND = (32, 32, 36)
POSTER_MARK = (240, 240, 240)


@lru_cache(maxsize=64)
def svg_png(path: str, width: int) -> bytes | None:
    """Return the SVG file ``path`` rendered as a PNG ``width`` pixels wide, or None when it
    cannot be (a bad file, or no cairo library on the system)."""
    try:
        import cairosvg
    except (ImportError, OSError):  # cairocffi raises OSError when libcairo is missing
        return None
    try:
        data = cairosvg.svg2png(url=path, output_width=min(max(width, 1), MAX_SIDE), unsafe=False)
    except Exception:  # CairoSVG raises many kinds for a bad file
        return None
    return bytes(data) if data else None


def picture_png(path: str) -> bytes | None:
    """Return a raster picture Pillow reads (WebP, ICO...) converted to PNG, or None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            buffer = io.BytesIO()
            frame = opened.convert("RGBA") if opened.mode not in ("RGB", "RGBA") else opened
            frame.save(buffer, "PNG")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return buffer.getvalue()


def open_picture(path: str, width: int) -> PilImage | None:
    """Return the picture at ``path`` as an RGBA Pillow image (SVG rendered ``width`` px wide)."""
    from PIL import Image, UnidentifiedImageError

    picture = read_picture(path)
    if picture is None:
        return None
    if picture.format == "SVG":
        data = svg_png(path, width)
        if data is None:
            return None
        return Image.open(io.BytesIO(data)).convert("RGBA")
    try:
        with Image.open(path) as opened:
            return opened.convert("RGBA")
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def _rgb(colour: str) -> tuple[int, int, int]:
    raw = colour.lstrip("#")
    return int(raw[0:2], 16), int(raw[2:4], 16), int(raw[4:6], 16)


def compose_backdrop(
    backdrop: Backdrop, base: str, page: tuple[int, int], scale: float
) -> PilImage | None:
    """Return the slide background as reveal.js paints it: ``base`` (``#rrggbb``, under
    everything), the picture in its box at its opacity, tiled when it repeats; the page is
    ``page`` EMU drawn ``scale`` pixels per CSS pixel. None when the picture cannot be read."""
    from PIL import Image

    box = backdrop.box
    written = backdrop.written
    if box is None or written is None or not written.image:
        return None
    emu_per_pixel = EMU_PER_PX / scale
    size = (max(round(page[0] / emu_per_pixel), 1), max(round(page[1] / emu_per_pixel), 1))
    canvas = Image.new("RGB", size, _rgb(backdrop.colour or base))
    width = max(round(box.w / emu_per_pixel), 1)
    height = max(round(box.h / emu_per_pixel), 1)
    picture = open_picture(written.image, width)
    if picture is None:
        return None
    picture = picture.resize((width, height), Image.Resampling.LANCZOS)
    if written.opacity < 1.0:
        alpha = picture.getchannel("A").point(lambda value: round(value * written.opacity))
        picture.putalpha(alpha)
    left, top = round(box.x / emu_per_pixel), round(box.y / emu_per_pixel)
    across = range(left, left + 1) if written.repeat in ("no-repeat", "repeat-y") else None
    down = range(top, top + 1) if written.repeat in ("no-repeat", "repeat-x") else None
    xs = across or range(left - ((left + width - 1) // width) * width, size[0], width)
    ys = down or range(top - ((top + height - 1) // height) * height, size[1], height)
    for y in ys:
        for x in xs:
            canvas.paste(picture, (x, y), picture)
    return canvas


def backdrop_scale(backdrop: Backdrop) -> float:
    """Return how many pixels per CSS pixel keep the background picture sharp (1 to 2)."""
    picture = read_picture(backdrop.picture) if backdrop.picture else None
    if picture is None or backdrop.box is None or picture.format == "SVG":
        return 2.0
    return min(max(picture.width / max(backdrop.box.w.px, 1), 1.0), 2.0)


def encode(image: PilImage, photo: bool) -> tuple[bytes, str]:
    """Return ``image`` as JPEG (a photo) or PNG, and the file extension."""
    buffer = io.BytesIO()
    if photo:
        image.convert("RGB").save(buffer, "JPEG", quality=90)
        return buffer.getvalue(), "jpg"
    image.save(buffer, "PNG", optimize=False)
    return buffer.getvalue(), "png"


def is_photo(path: str) -> bool:
    """Return True for a JPEG file (its composed background is kept a JPEG)."""
    picture = read_picture(path)
    return picture is not None and picture.format == "JPEG"


def poster_png(audio: bool, size: tuple[int, int]) -> bytes:
    """Return a poster frame ``size`` pixels large: a play mark for a video, a speaker for a
    sound, light on a dark ground (what a .pptx shows before the media plays)."""
    from PIL import Image, ImageDraw

    width, height = max(size[0], 16), max(size[1], 16)
    image = Image.new("RGB", (width, height), POSTER_BACKGROUND)
    draw = ImageDraw.Draw(image)
    unit = min(width, height) * 0.3
    cx, cy = width / 2, height / 2
    if audio:
        body = [
            (cx - unit, cy - unit / 3),
            (cx - unit / 3, cy - unit / 3),
            (cx + unit / 3, cy - unit),
        ]
        body += [
            (cx + unit / 3, cy + unit),
            (cx - unit / 3, cy + unit / 3),
            (cx - unit, cy + unit / 3),
        ]
        draw.polygon(body, fill=POSTER_MARK)
    else:
        draw.polygon(
            [(cx - unit * 0.6, cy - unit), (cx + unit, cy), (cx - unit * 0.6, cy + unit)],
            fill=POSTER_MARK,
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def suffix_of(path: str) -> str:
    """Return a file's extension without the dot, in lower case."""
    return Path(path).suffix.lower().lstrip(".")
