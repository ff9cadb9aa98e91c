"""Fragments: blocks that appear at one step of their slide (``::: fragment``, or what follows a
pause ``. . .``). They flow as their blocks do (``layout.flow.unwrap`` opens them); a slide may
split between or inside their blocks, and each part keeps the fragment's step."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box
from deckgen.kinds.record import (
    Kind,
    container_finer,
    container_join,
    container_parts,
    container_tidy,
    notes_of,
    register,
    text_of,
)
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked, revealed
from deckgen.model import Fragment, Inline
from deckgen.units import Emu


def _lay(block: Fragment, width: int, height: int, ctx: FlowContext) -> Stacked:
    inner = lay_blocks(block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), ctx)
    pieces = tuple(revealed(piece, (block.step,)) for piece in inner.pieces)
    return Stacked(pieces, inner.height, inner.squeezed)


def _text(block: Fragment) -> Iterator[Inline]:
    return text_of(block.blocks)


def _notes(block: Fragment, size: Emu) -> Iterator[ParagraphSpec]:
    return notes_of(block.blocks, size)


FRAGMENT = register(
    Kind(
        model=Fragment,
        read="'::: fragment' div (slides.py); what follows a pause, grouped by the steps pass",
        text=_text,
        notes=_notes,
        lay=_lay,
        chunks=container_parts,
        finer=container_finer,
        join=container_join,
        tidy=container_tidy,
    )
)
