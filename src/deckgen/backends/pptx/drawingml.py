"""The one shape detail python-pptx has no API for, on the pictures it adds: alt text.

(Text, plain shapes and tables are written whole, in ``xmltext.py`` and ``xmlshapes.py``.)
"""

from __future__ import annotations

from pptx.shapes.base import BaseShape


def set_alt_text(shape: BaseShape, text: str) -> None:
    """Set the shape's alternative text (what a screen reader says)."""
    shape.element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)
