"""Columns (pandoc's ``:::: columns`` / ``::: column``): side by side, each as wide as its
``width`` share (``geometry.column_weights``), the row as tall as its tallest column.

A slide may break inside columns: all advance together, row by row, each row holding an equal
share of every column's parts (a column of thirty code lines moves on two lines for each item
of a fifteen-item list beside it), so a continuation slide goes on with every column where the
page before stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from deckgen.geometry import Box, column_weights, side_by_side
from deckgen.kinds import parts
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked
from deckgen.model import Block, Column, Columns, Inline
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


def _rows(block: Columns, cut: Callable[[tuple[Block, ...]], list[Block]]) -> list[Columns]:
    """Return ``block`` as rows, each with an equal share of every column's parts (``cut``)."""
    cuts = [cut(column.blocks) for column in block.columns]
    count = max((len(c) for c in cuts), default=0)
    if count < 2:
        return [block]
    rows: list[list[tuple[Block, ...]]] = [[() for _ in cuts] for _ in range(count)]
    for index, column_parts in enumerate(cuts):
        for number, part in enumerate(column_parts):
            row = rows[number * count // len(column_parts)]
            row[index] = parts.join(row[index], (part,))
    return [
        replace(
            block,
            columns=tuple(
                Column(blocks, column.width)
                for column, blocks in zip(block.columns, row, strict=True)
            ),
        )
        for row in rows
    ]


def _chunks(block: Columns) -> list[Columns]:
    return _rows(block, parts.chunks)


def _finer(block: Columns) -> list[Columns]:
    return _rows(block, parts.finer)


def _join(first: Columns, second: Columns) -> Columns:
    return replace(
        first,
        columns=tuple(
            Column(parts.join(a.blocks, b.blocks), a.width)
            for a, b in zip(first.columns, second.columns, strict=True)
        ),
    )


def _tidy(block: Columns) -> Columns:
    return replace(
        block, columns=tuple(replace(c, blocks=parts.tidy(c.blocks)) for c in block.columns)
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
        chunks=_chunks,
        finer=_finer,
        join=_join,
        tidy=_tidy,
    )
)
