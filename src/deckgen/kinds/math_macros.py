"""TeX macro definitions standing alone: read by the math pass (``passes/math.py``), which
removes them before layout; they show nothing, as in pandoc, should one ever remain."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import EMPTY, Stacked
from deckgen.model import Inline, MathMacros
from deckgen.units import Emu


def _lay(block: MathMacros, width: int, height: int, ctx: FlowContext) -> Stacked:
    return EMPTY


def _nothing(block: MathMacros) -> Iterator[Inline]:
    return iter(())


def _notes(block: MathMacros, size: Emu) -> Iterator[ParagraphSpec]:
    return iter(())


MATH_MACROS = register(
    Kind(
        model=MathMacros,
        read="deckgen.tex.syntax: lines of \\newcommand, \\def… standing alone",
        text=_nothing,
        notes=_notes,
        lay=_lay,
    )
)
