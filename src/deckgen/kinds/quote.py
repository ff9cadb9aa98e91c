"""Block quotes: their blocks in italics beside an accent bar."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import BarPiece, Stacked
from deckgen.model import Inline, Quote
from deckgen.units import Emu


def _lay(block: Quote, width: int, height: int, ctx: FlowContext) -> Stacked:
    box = ctx.box
    inset = Emu(box.quote_bar + round(ctx.sizes.body * box.quote_padding))
    inner = lay_blocks(
        block.blocks,
        Box(inset, Emu(0), Emu(width - inset), Emu(height)),
        replace(ctx, italic=True),
    )
    bar = BarPiece(Box(Emu(0), Emu(0), box.quote_bar, inner.height), "accent")
    return Stacked((bar, *inner.pieces), inner.height, inner.squeezed)


def _text(block: Quote) -> Iterator[Inline]:
    return text_of(block.blocks)


def _notes(block: Quote, size: Emu) -> Iterator[ParagraphSpec]:
    return notes_of(block.blocks, size)


QUOTE = register(
    Kind(
        model=Quote,
        read="mistune block quote ('> ')",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
