"""The size of a formula at a font size: width, height above and depth below the baseline, in pt.

A small box model over the MathML tree with the metrics of the math font the HTML deck embeds
(Noto Sans Math: advance widths, glyph bounds, the OpenType MATH constants). It errs on the large
side (generous operator spacing, whole-line glyph heights for stretched fences) so the layout
stage never plans less room than Chromium draws; ``tests/tex/test_box.py`` checks it there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from deckgen.npm import font_file
from deckgen.tex.mathml import (
    fence_parts,
    is_large_operator,
    is_spacer_cell,
    kids,
    parse,
    tag,
    text,
)

MATH_FONT_PACKAGE = "@fontsource/noto-sans-math"
MATH_FONT_FAMILY = "Noto Sans Math"
SAFETY = 1.06  # widths are scaled up by this much: Chromium's kerning and rounding vary
RELATIONS = set("=<>≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔↦∈∉⊂⊃⊆⊇:")
BINARY = set("+−-±∓×÷⋅·∘∗∪∩∧∨⊕⊗")


@dataclass(frozen=True, slots=True)
class MathBox:
    """A formula's extent in points: ``width``, ``height`` above the baseline, ``depth`` below."""

    width: float
    height: float
    depth: float

    @property
    def total(self) -> float:
        """Return the height plus the depth."""
        return self.height + self.depth


class _Font:
    """The math font's metrics: advances from ``hmtx``, glyph bounds read only for the characters
    a deck's formulas use (reading all 3,000 glyphs took longer than typesetting a deck)."""

    def __init__(self, font: Any) -> None:
        self.upm = int(font["head"].unitsPerEm)
        self._cmap: dict[int, str] = font.getBestCmap()
        hmtx = font["hmtx"]
        self.advances = {code: hmtx[name][0] for code, name in self._cmap.items()}
        self._glyf = font["glyf"]
        self._bounds: dict[int, tuple[int, int] | None] = {}
        math_constants = font["MATH"].table.MathConstants
        self.constants: dict[str, int] = {}
        for name in dir(math_constants):
            value: Any = getattr(math_constants, name)
            value = getattr(value, "Value", value)
            if isinstance(value, int) and not name.startswith("_"):
                self.constants[name] = value

    def em(self, units: float) -> float:
        return units / self.upm

    def bounds(self, code: int) -> tuple[int, int] | None:
        """Return (top, bottom) of the glyph for ``code`` in font units, None if it has none."""
        if code not in self._bounds:
            name = self._cmap.get(code)
            glyph = self._glyf[name] if name is not None else None
            self._bounds[code] = (
                None if glyph is None else (getattr(glyph, "yMax", 0), getattr(glyph, "yMin", 0))
            )
        return self._bounds[code]


@lru_cache(maxsize=1)
def _font() -> _Font:
    from fontTools.ttLib import TTFont

    return _Font(TTFont(str(font_file(MATH_FONT_PACKAGE, "400", "normal", "woff"))))


def _italic(char: str) -> str:
    """Return the mathematical italic letter a browser draws for a single-letter ``mi``."""
    if "a" <= char <= "z":
        return "\u210e" if char == "h" else chr(0x1D44E + ord(char) - ord("a"))
    if "A" <= char <= "Z":
        return chr(0x1D434 + ord(char) - ord("A"))
    return char


def _glyphs(chars: str, size: float) -> MathBox:
    font = _font()
    width = height = depth = 0.0
    for char in chars:
        code = ord(char)
        width += font.em(font.advances.get(code, 0.6 * font.upm))
        top, bottom = font.bounds(code) or (0.75 * font.upm, -0.25 * font.upm)
        height = max(height, font.em(top))
        depth = max(depth, -font.em(bottom))
    return MathBox(width * size, height * size, depth * size)


def _row(boxes: list[MathBox]) -> MathBox:
    if not boxes:
        return MathBox(0.0, 0.0, 0.0)
    return MathBox(
        sum(b.width for b in boxes), max(b.height for b in boxes), max(b.depth for b in boxes)
    )


def measure(mathml: str, size: float, display: bool | None = None) -> MathBox:
    """Return the extent of the ``<math>`` element ``mathml`` set at ``size`` points."""
    root = parse(mathml)
    block = root.get("display") == "block" if display is None else display
    box = _row([_node(child, size, block) for child in kids(root)])
    return MathBox(box.width * SAFETY, box.height, box.depth)


def _constant(name: str, size: float) -> float:
    font = _font()
    return font.em(font.constants.get(name, 0)) * size


def _node(node: ET.Element, size: float, display: bool) -> MathBox:  # noqa: C901
    name = tag(node)
    args = kids(node)
    script = size * (_font().constants.get("ScriptPercentScaleDown") or 70) / 100  # a percentage
    if name in ("mi", "mn", "mtext", "ms"):
        chars = text(node)
        if name == "mi" and len(chars) == 1 and node.get("mathvariant") != "normal":
            chars = _italic(chars)
        box = _glyphs(chars, size)
        slant = 0.1 * size if name == "mi" and len(text(node)) == 1 else 0.0
        # Chromium gives a token at least the text's own ascent and descent
        return MathBox(box.width + slant, max(box.height, 0.62 * size), max(box.depth, 0.24 * size))
    if name == "mo":
        chars = text(node).strip()
        box = _glyphs(chars, size)
        if is_large_operator(node):
            scale = 1.9 if display else 1.3
            total = (
                max(
                    _constant("DisplayOperatorMinHeight", size) if display else 0.0,
                    box.total * scale,
                )
                + 0.1 * size
            )
            axis = _constant("AxisHeight", size)
            return MathBox(box.width * scale, total / 2 + axis, total / 2 - axis)
        space = 0.2778 if chars in RELATIONS else 0.2222 if chars in BINARY else 0.06
        return MathBox(box.width + 2 * space * size, box.height, box.depth)
    if name == "mspace":
        from deckgen.tex.mathml import em

        return MathBox(max(em(node.get("width")), 0.0) * size, 0.0, 0.0)
    if name == "mfrac" and len(args) == 2:
        inner = size if display else script
        top, bottom = _node(args[0], inner, False), _node(args[1], inner, False)
        axis = _constant("AxisHeight", size)
        up = _constant(
            "FractionNumeratorDisplayStyleShiftUp" if display else "FractionNumeratorShiftUp", size
        )
        down = _constant(
            "FractionDenominatorDisplayStyleShiftDown"
            if display
            else "FractionDenominatorShiftDown",
            size,
        )
        height = max(up + top.height, axis + 0.3 * size + top.depth + top.height)
        depth = max(down + bottom.depth, bottom.height + bottom.depth + 0.3 * size - axis)
        return MathBox(max(top.width, bottom.width) + 0.2 * size, height, depth)
    if name in ("msqrt", "mroot"):
        content = _row([_node(a, size, display) for a in (args if name == "msqrt" else args[:1])])
        index = _node(args[1], size * 0.5, False).width if name == "mroot" and len(args) > 1 else 0
        gap = 0.25 * size
        return MathBox(
            content.width + 0.9 * size + index, content.height + gap, content.depth + 0.1 * size
        )
    if name in ("msub", "msup", "msubsup") and args:
        base = _node(args[0], size, display)
        scripts = [_node(a, script, False) for a in args[1:]]
        width = base.width + max((s.width for s in scripts), default=0) + 0.1 * size
        height, depth = base.height, base.depth
        if name in ("msup", "msubsup"):
            height = max(
                height,
                _constant("SuperscriptShiftUp", size) + scripts[-1].height,
                base.height * 0.6 + scripts[-1].total,
            )
        if is_large_operator(args[0]):  # limits beside a tall operator reach past its ends
            height = max(height, base.height + scripts[-1].total)
            depth = max(depth, base.depth + scripts[0].total)
        if name in ("msub", "msubsup"):
            depth = max(
                depth, _constant("SubscriptShiftDown", size) + scripts[0].depth + 0.1 * size
            )
        return MathBox(width, height, depth)
    if name in ("munder", "mover", "munderover") and args:
        base = _node(args[0], size, display)
        limits = [_node(a, script, False) for a in args[1:]]
        over = limits[-1] if name in ("mover", "munderover") else None
        under = limits[0] if name in ("munder", "munderover") else None
        width = max([base.width] + [b.width for b in limits]) + 0.1 * size
        height = base.height + (over.total + 0.15 * size if over else 0)
        depth = base.depth + (under.total + 0.15 * size if under else 0)
        return MathBox(width, height, depth)
    if name == "mtable":
        return _table(node, size, display)
    fenced = fence_parts(node) if name == "mrow" else None
    if fenced is not None:
        opening, inside, closing = fenced
        content = _row([_node(a, size, display) for a in inside])
        fence_width = sum(0.45 * size for edge in (opening, closing) if edge)
        height = max(content.height, 0.8 * size) + 0.1 * size
        depth = max(content.depth, 0.3 * size) + 0.1 * size
        return MathBox(content.width + fence_width, height, depth)
    if name in ("mphantom",):
        box = _row([_node(a, size, display) for a in args])
        return MathBox(box.width, box.height, box.depth)
    return _row([_node(a, size, display) for a in args])


def _table(node: ET.Element, size: float, display: bool) -> MathBox:
    cell_size_display = node.get("displaystyle") == "true"
    rows = [
        [
            _row([_node(a, size, cell_size_display) for a in kids(cell)])
            for cell in kids(row)
            if not is_spacer_cell(cell)
        ]
        for row in kids(node)
    ]
    if not rows:
        return MathBox(0.0, 0.0, 0.0)
    columns = max(len(r) for r in rows)
    widths = [max((r[i].width for r in rows if i < len(r)), default=0.0) for i in range(columns)]
    spacing = 0.8 * size
    total_width = sum(widths) + spacing * (columns + 1)
    row_height = sum(max(c.height for c in r) + max(c.depth for c in r) for r in rows if r)
    total = row_height + 0.5 * size * len(rows)
    axis = _constant("AxisHeight", size)
    return MathBox(total_width, total / 2 + axis, total / 2 - axis)
