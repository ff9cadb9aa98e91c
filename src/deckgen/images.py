"""Picture files: their pixel size (what the layout stage scales) and their format.

Raster formats are read with Pillow; SVG from its root element's ``width``/``height`` or
``viewBox``. Remote pictures have no size here (the layout stage gives them a default box).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture file's format (Pillow's name, or "SVG") and size in pixels."""

    format: str
    width: int
    height: int


def is_remote(src: str) -> bool:
    """Return True for a URL (``https:``, ``data:``...) rather than a file path."""
    return bool(REMOTE.match(src))


def _svg(path: Path) -> Picture | None:
    try:
        for _, element in ElementTree.iterparse(path, events=("start",)):
            width, height = element.get("width", ""), element.get("height", "")
            sized = SVG_LENGTH.match(width), SVG_LENGTH.match(height)
            if sized[0] and sized[1]:
                return Picture("SVG", round(float(sized[0][1])), round(float(sized[1][1])))
            box = element.get("viewBox", "").replace(",", " ").split()
            if len(box) == 4:
                return Picture("SVG", round(float(box[2])), round(float(box[3])))
            return None
    except (OSError, ElementTree.ParseError, ValueError):
        return None
    return None


@lru_cache(maxsize=1024)
def read_picture(src: str) -> Picture | None:
    """Return the format and pixel size of the picture file ``src``, or None if unreadable."""
    if is_remote(src):
        return None
    path = Path(src)
    if path.suffix.lower() == ".svg":
        return _svg(path)
    from PIL import Image, UnidentifiedImageError  # only decks with pictures pay for Pillow

    try:
        with Image.open(path) as opened:
            return Picture(str(opened.format), *opened.size)
    except (OSError, UnidentifiedImageError, ValueError):
        return None
