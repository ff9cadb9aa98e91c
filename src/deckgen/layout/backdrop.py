"""Where a slide's background picture lands on the page, as CSS (and so reveal.js) places it.

``background-size``: ``cover`` fills the page (cropping), ``contain`` shows all of it, ``auto``
its pixel size, lengths and percentages of the page as CSS reads them (one value: the width,
the height in proportion). ``background-position``: keywords, percentages (of the room left,
as CSS does) or lengths, horizontal first. The .pptx draws the picture in the box found here;
the HTML hands the same values to reveal.js.
"""

from __future__ import annotations

from collections.abc import Callable

from deckgen.diagnostics import Origin
from deckgen.geometry import Box
from deckgen.layout.pieces import Backdrop
from deckgen.model import Background, Image
from deckgen.units import EMU_PER_INCH, EMU_PER_PT, EMU_PER_PX, Emu, px

KEYWORD_SHARE = {"left": 0.0, "top": 0.0, "center": 0.5, "right": 1.0, "bottom": 1.0}
UNIT_EMU = {
    "px": EMU_PER_PX,
    "pt": EMU_PER_PT,
    "in": EMU_PER_INCH,
    "cm": EMU_PER_INCH / 2.54,
    "mm": EMU_PER_INCH / 25.4,
    "em": 16 * EMU_PER_PX,  # of the browser's default font size
    "rem": 16 * EMU_PER_PX,
}
PixelSize = Callable[[Image], tuple[int, int] | None]


def _length(text: str, whole: int) -> float | None:
    """Return a CSS length in EMU (``%`` of ``whole``), or None for ``auto``."""
    if text == "auto":
        return None
    if text.endswith("%"):
        return whole * float(text[:-1]) / 100
    for unit in ("vw", "vh"):
        if text.endswith(unit):
            return whole * float(text[: -len(unit)]) / 100
    for unit, emu in UNIT_EMU.items():
        if text.endswith(unit):
            return float(text[: -len(unit)]) * emu
    return float(text)  # a bare 0


def _size(size: str, natural: tuple[int, int], page: tuple[int, int]) -> tuple[float, float]:
    """Return the picture's drawn width and height for ``background-size``."""
    width, height = natural
    if size in ("cover", "contain"):
        pick = max if size == "cover" else min
        scale = pick(page[0] / width, page[1] / height)
        return width * scale, height * scale
    values = size.split()
    across = _length(values[0], page[0])
    down = _length(values[1], page[1]) if len(values) > 1 else None
    if across is None and down is None:
        return width, height
    if across is None:
        assert down is not None
        return width * down / height, down
    if down is None:
        return across, height * across / width
    return across, down


def _offset(value: str, room: float, whole: int) -> float:
    """Return how far from the start a picture stands for one position value."""
    if value in KEYWORD_SHARE:
        return room * KEYWORD_SHARE[value]
    if value.endswith("%"):
        return room * float(value[:-1]) / 100
    return _length(value, whole) or 0.0


def _position(position: str) -> tuple[str, str]:
    """Return the (horizontal, vertical) values of ``background-position``."""
    values = position.split()[:2]
    if len(values) == 1:
        value = values[0]
        return (value, "center") if value not in ("top", "bottom") else ("center", value)
    first, second = values
    if first in ("top", "bottom") or second in ("left", "right"):
        first, second = second, first
    return first, second


def picture_box(
    background: Background, natural: tuple[int, int], page_width: int, page_height: int
) -> Box:
    """Return where the background picture of ``natural`` EMU size lies on the page."""
    width, height = _size(background.size, natural, (page_width, page_height))
    across, down = _position(background.position)
    x = _offset(across, page_width - width, page_width)
    y = _offset(down, page_height - height, page_height)
    return Box(Emu(round(x)), Emu(round(y)), Emu(max(round(width), 1)), Emu(max(round(height), 1)))


def backdrop_of(
    background: Background, pixel_size: PixelSize, page_width: int, page_height: int
) -> Backdrop:
    """Return the backdrop that paints ``background`` on a page of the size given."""
    box = None
    if background.image:
        pixels = pixel_size(Image(background.image, "", Origin("")))
        if pixels is not None and min(pixels) > 0:
            natural = (px(pixels[0]), px(pixels[1]))
            box = picture_box(background, natural, page_width, page_height)
    return Backdrop(background.color or None, background, box)
