"""Fragments: blocks that appear at one step of their slide (``::: fragment``, or what follows a
pause ``. . .``). They flow as their blocks do (``layout.flow.unwrap`` opens them); a slide may
split between or inside their blocks, and each part keeps the fragment's step."""

from __future__ import annotations

from deckgen.geometry import Box
from deckgen.kinds.record import container
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.pieces import Stacked, revealed
from deckgen.model import Fragment
from deckgen.units import Emu


def _lay(block: Fragment, width: int, height: int, ctx: FlowContext) -> Stacked:
    inner = lay_blocks(block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), ctx)
    pieces = tuple(revealed(piece, (block.step,)) for piece in inner.pieces)
    return Stacked(pieces, inner.height, inner.squeezed)


FRAGMENT = container(
    Fragment,
    "'::: fragment' div (slides.py); what follows a pause, grouped by the steps pass",
    _lay,
)
