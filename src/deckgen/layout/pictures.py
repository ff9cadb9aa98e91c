"""How large a picture is drawn: from its pixels and the sizes written on it, fitted to its box.

Pure functions, the same for a figure, a picture in a row and one in a column; both formats draw
the sizes they return (the HTML as inline styles, the .pptx as shapes).

- A picture with no size written is drawn at its pixel size (one CSS pixel each, as a browser
  shows it); reveal.js's ``r-stretch`` class makes it fill the height it is given instead.
- ``width`` and ``height`` take ``%`` (of the width the picture stands in, as pandoc's reveal.js
  output shows it; a height of the slide's content height), ``px``, ``in``, ``cm``, ``mm``,
  ``pt`` and ``em`` (of the body text). One of them keeps the picture's proportions.
- A picture larger than its box is shrunk, proportions kept, to the box's width and height,
  but never below the theme's ``image_min_height`` (nor its own height, if smaller) for lack
  of height: the slide then overflows, and fitting makes room or splits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deckgen.model import Image, Length, Media
from deckgen.units import EMU_PER_INCH, EMU_PER_PT, EMU_PER_PX, Emu, px

UNKNOWN_RATIO = (16, 9)  # the proportions of a picture whose size cannot be read
AUDIO_SIZE = (px(400), px(54))  # a sound's player: the bar of controls a browser draws
STRETCH_CLASS = "r-stretch"  # reveal.js: fill the height the slide leaves
UNITS = {"px": EMU_PER_PX, "in": EMU_PER_INCH, "cm": EMU_PER_INCH / 2.54, "mm": EMU_PER_INCH / 25.4}


@dataclass(frozen=True, slots=True)
class Room:
    """What a picture's size is measured against: the width it stands in, the slide's content
    height (for ``height=50%``), the body text size (for ``em``) and the theme's minimum height."""

    width: int
    frame_height: int
    em: int
    min_height: int


def to_emu(length: Length, whole: int, em: int) -> Emu:
    """Return ``length`` in EMU; ``%`` is of ``whole``, ``em`` of ``em``."""
    if length.unit == "%":
        return Emu(round(whole * length.value / 100))
    if length.unit == "em":
        return Emu(round(em * length.value))
    if length.unit == "pt":
        return Emu(round(length.value * EMU_PER_PT))
    return Emu(round(length.value * UNITS[length.unit]))


def _natural(image: Image, pixels: tuple[int, int] | None, room: Room) -> tuple[Emu, Emu]:
    """Return a picture's own size: its pixels; a sound's player; else a 16:9 box as wide as
    the room (a remote picture, a video whose size cannot be read)."""
    if image.media is Media.AUDIO:
        return AUDIO_SIZE
    if pixels is None or min(pixels) <= 0:
        ratio_w, ratio_h = UNKNOWN_RATIO
        return Emu(max(room.width, 1)), Emu(max(room.width * ratio_h // ratio_w, 1))
    return px(pixels[0]), px(pixels[1])


def wanted_size(image: Image, pixels: tuple[int, int] | None, room: Room) -> tuple[Emu, Emu]:
    """Return the size ``image`` asks for before fitting: written sizes, else its pixels."""
    natural_w, natural_h = _natural(image, pixels, room)
    width = to_emu(image.width, room.width, room.em) if image.width else None
    height = to_emu(image.height, room.frame_height, room.em) if image.height else None
    if width is not None and height is not None:
        return Emu(max(width, 1)), Emu(max(height, 1))
    if width is not None:
        return Emu(max(width, 1)), Emu(max(round(width * natural_h / natural_w), 1))
    if height is not None:
        return Emu(max(round(height * natural_w / natural_h), 1)), Emu(max(height, 1))
    if STRETCH_CLASS in image.classes:  # as large as the box allows: fitting shrinks it
        scale = room.width / natural_w
        return Emu(room.width), Emu(round(natural_h * scale))
    return natural_w, natural_h


def fit_scale(
    widths: Sequence[int], heights: Sequence[int], gap: int, room: Room, height: int
) -> float:
    """Return the scale (at most 1) that fits pictures side by side, ``gap`` apart, in
    ``room.width`` and ``height``, never shrinking them below the minimum height for height."""
    if not widths:
        return 1.0
    across = max(room.width - gap * (len(widths) - 1), 1)
    scale = min(1.0, across / max(sum(widths), 1))
    tallest = max(heights) * scale
    if tallest > height:
        floor = min(room.min_height, tallest) / tallest
        scale *= max(height / tallest, floor)
    return scale


def fitted(
    image: Image, pixels: tuple[int, int] | None, room: Room, height: int
) -> tuple[Emu, Emu]:
    """Return the size ``image`` is drawn at in ``room`` with ``height`` to spare."""
    width, tall = wanted_size(image, pixels, room)
    scale = fit_scale([width], [tall], 0, room, height)
    return Emu(max(round(width * scale), 1)), Emu(max(round(tall * scale), 1))


def aligned_left(align: str, width: int, box_width: int) -> Emu:
    """Return the left of a picture ``width`` wide aligned ``align`` in a box ``box_width``."""
    if align == "left":
        return Emu(0)
    if align == "right":
        return Emu(max(box_width - width, 0))
    return Emu(max(box_width - width, 0) // 2)
