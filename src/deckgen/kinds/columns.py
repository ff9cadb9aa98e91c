"""Columns (pandoc's ``:::: columns`` / ``::: column``): side by side, each as wide as its
``width`` share (``geometry.column_weights``), the row as tall as its tallest column."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box, column_weights, side_by_side
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked
from deckgen.model import Columns, Inline
from deckgen.units import Emu


def _lay(block: Columns, width: int, height: int, ctx: FlowContext) -> Stacked:
    gap = round(ctx.gap * ctx.box.column_gap_scale)
    boxes = side_by_side(
        Box(Emu(0), Emu(0), Emu(width), Emu(height)),
        gap,
        column_weights([c.width for c in block.columns]),
    )
    laid = [
        lay_blocks(column.blocks, box, ctx)
        for column, box in zip(block.columns, boxes, strict=True)
    ]
    return Stacked(
        tuple(piece for column in laid for piece in column.pieces),
        Emu(max((column.height for column in laid), default=0)),
        any(column.squeezed for column in laid),
    )


def _text(block: Columns) -> Iterator[Inline]:
    for column in block.columns:
        yield from text_of(column.blocks)


def _notes(block: Columns, size: Emu) -> Iterator[ParagraphSpec]:
    for column in block.columns:
        yield from notes_of(column.blocks, size)


COLUMNS = register(
    Kind(
        model=Columns,
        read="deckgen's reading of pandoc's ':::: columns' div with '::: column' divs (slides.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
