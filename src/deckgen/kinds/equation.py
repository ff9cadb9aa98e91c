"""Display equations: one formula, centred, as tall as it is measured; never split.

Its height is the formula's measured extent (``layout.formulas``: the embedded math font, with a
margin for PowerPoint's Cambria Math); a formula wider than its column marks the slide squeezed,
so fitting sets it smaller. The HTML draws the MathML, the .pptx an Office Math paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.formulas import formula_extent
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked, TextPiece
from deckgen.model import Equation, Inline
from deckgen.units import Emu


def _lay(block: Equation, width: int, height: int, ctx: FlowContext) -> Stacked:
    role = ctx.body_role()
    spec = role.paragraph(block.runs, align="ctr")
    extent = formula_extent(block.runs[0], role.size) if len(block.runs) == 1 else None
    if extent is None:  # not typeset (the math pass turns failures into code): set as text
        total, squeezed = ctx.typesetter.set([spec], width)
    else:
        formula_width, above, below = extent
        total, squeezed = Emu(max(above + below, spec.line)), formula_width > width
        spec = ParagraphSpec(spec.runs, spec.size, total, colour=spec.colour, align="ctr")
    piece = TextPiece(Box(Emu(0), Emu(0), Emu(width), total), (spec,))
    return Stacked((piece,), total, squeezed)


def _text(block: Equation) -> Iterator[Inline]:
    yield block.runs


def _notes(block: Equation, size: Emu) -> Iterator[ParagraphSpec]:
    yield ParagraphSpec(block.runs, size, size)  # the formula's linear form (its run's text)


EQUATION = register(
    Kind(
        model=Equation,
        read="deckgen.tex.syntax: $$…$$, \\[…\\] or a math environment standing alone "
        "(display math inside a paragraph is set apart as one, markdown.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
