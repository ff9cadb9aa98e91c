"""Box arithmetic for placing slide content: rectangles, rows, stacks. Pure functions, no I/O.

(The proportions they are used with, paddings, indents and rules, are the theme's box model:
``boxmodel.py``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckgen.themes import Theme
from deckgen.units import Emu


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page: left, top, width and height."""

    x: Emu
    y: Emu
    w: Emu
    h: Emu

    @property
    def right(self) -> Emu:
        """Return the x of the right edge."""
        return Emu(self.x + self.w)

    @property
    def bottom(self) -> Emu:
        """Return the y of the bottom edge."""
        return Emu(self.y + self.h)

    def moved(self, dx: int = 0, dy: int = 0) -> Box:
        """Return the box shifted by ``dx`` and ``dy``."""
        return replace(self, x=Emu(self.x + dx), y=Emu(self.y + dy))

    def with_height(self, h: int) -> Box:
        """Return the box with height ``h``, same top."""
        return replace(self, h=Emu(max(h, 0)))

    def inset_left(self, amount: int) -> Box:
        """Return the box with ``amount`` taken off its left side."""
        return replace(self, x=Emu(self.x + amount), w=Emu(max(self.w - amount, 0)))

    def contains(self, other: Box) -> bool:
        """Return True when ``other`` lies wholly inside this box."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def intersects(self, other: Box) -> bool:
        """Return True when the two boxes share some area."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


def content_frame(theme: Theme, page_width: int, page_height: int) -> Box:
    """Return the area inside the page margins, where slide content goes."""
    return Box(
        theme.margin_x,
        theme.margin_y,
        Emu(page_width - 2 * theme.margin_x),
        Emu(page_height - 2 * theme.margin_y),
    )


def split_widths(total: int, gap: int, weights: Sequence[float]) -> list[Emu]:
    """Return widths for side-by-side boxes sharing ``total`` in proportion to ``weights``."""
    usable = max(total - gap * (len(weights) - 1), 0)
    whole = sum(weights) or 1.0
    return [Emu(round(usable * weight / whole)) for weight in weights]


def side_by_side(box: Box, gap: int, weights: Sequence[float]) -> list[Box]:
    """Return boxes laid left to right across ``box``, ``gap`` apart, full height."""
    boxes, x = [], int(box.x)
    for width in split_widths(box.w, gap, weights):
        boxes.append(Box(Emu(x), box.y, width, box.h))
        x += width + gap
    return boxes


def centred_top(frame: Box, height: int) -> Emu:
    """Return the top that centres content of ``height`` vertically in ``frame``."""
    return Emu(frame.y + max(frame.h - height, 0) // 2)


def fit_inside(box: Box, width: int, height: int) -> Box:
    """Return the largest box of ``width``:``height`` proportions inside ``box``, centred across."""
    if width <= 0 or height <= 0:
        return box.with_height(0)
    scale = min(box.w / width, box.h / height)
    w, h = Emu(round(width * scale)), Emu(round(height * scale))
    return Box(Emu(box.x + (box.w - w) // 2), box.y, w, h)


PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*$")


def column_weights(widths: Sequence[str | None]) -> list[float]:
    """Return each column's share of a row: its ``width="40%"``, the rest split evenly.

    The HTML deck (flex-grow), the .pptx and the layout stage all divide columns this way.
    """
    given = [float(m.group(1)) if (m := PERCENT.match(w or "")) else None for w in widths]
    known = [w for w in given if w is not None]
    spare = max(100.0 - sum(known), 1.0) / max(len(given) - len(known), 1)
    return [w if w is not None else spare for w in given]
