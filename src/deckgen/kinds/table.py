"""Tables: column widths measured once, here, for both formats; a slide may split between rows
(the header row repeats).

Columns get their natural width (their longest cell unwrapped) when the table fits; otherwise
each keeps at least its longest word and the rest of the width goes where text is longest, as a
browser's automatic table layout does. Relative widths from the source (multiline and grid
tables, long pipe tables, Quarto's ``tbl-colwidths``) share the table's width instead, each
column still at least as wide as its longest word. A table whose longest words alone are wider
than its box is squeezed: fitting shrinks the text before words would break. A caption stands
above the table, as wide as it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, lines_as_notes, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec, Typesetter, line_pitch
from deckgen.layout.pieces import Stacked, TablePiece, TextPiece
from deckgen.model import Inline, Run, Table
from deckgen.units import Emu

Cells = tuple[tuple[ParagraphSpec, ...], ...]


def _shared(shares: Sequence[float], least: list[int], width: int, min_share: float) -> list[Emu]:
    """Return columns sharing the table's width as ``shares`` say, none below its ``least``."""
    target = min(max(sum(shares), min_share), 1.0) * width
    total = sum(shares) or 1.0
    widths = [max(target * share / total, low) for share, low in zip(shares, least, strict=True)]
    over = sum(widths) - target
    flexible = [w - low for w, low in zip(widths, least, strict=True)]
    if over > 0 and sum(flexible) > 0:
        scale = min(over / sum(flexible), 1.0)
        widths = [w - f * scale for w, f in zip(widths, flexible, strict=True)]
    return [Emu(round(w)) for w in widths]


def column_widths(
    rows: Sequence[Cells],
    width: int,
    pad_x: int,
    typesetter: Typesetter,
    min_share: float,
    shares: Sequence[float] = (),
) -> tuple[list[Emu], bool]:
    """Return each column's width (cell padding included) and whether the table is squeezed.

    ``shares`` are relative widths from the source (``()``: columns sized by their text).
    """
    count = len(rows[0]) if rows else 0
    padding = 2 * pad_x + 1
    natural = [max(typesetter.width(row[i]) for row in rows) + padding for i in range(count)]
    least = [
        min(max(typesetter.narrowest(row[i]) for row in rows) + padding, natural[i])
        for i in range(count)
    ]
    if len(shares) == count and count and sum(least) <= width:
        return _shared(shares, least, width, min_share), False
    if sum(natural) <= width:
        target = min(max(sum(natural), round(width * min_share)), width)
        spare, total = target - sum(natural), sum(natural) or 1
        return [Emu(w + spare * w // total) for w in natural], False
    if sum(least) <= width:
        flexible = [high - low for low, high in zip(least, natural, strict=True)]
        spare, total = width - sum(least), sum(flexible) or 1
        grown = [Emu(low + spare * f // total) for low, f in zip(least, flexible, strict=True)]
        return grown, False
    total = sum(least) or 1
    return [Emu(low * width // total) for low in least], True


def _cells(runs: Inline, ctx: FlowContext, header: bool) -> tuple[ParagraphSpec, ...]:
    size = ctx.sizes.table
    colour = "title" if header else "text"
    line = line_pitch(size, ctx.line_height())
    return (ParagraphSpec(runs, size, line, colour=colour, bold=header),)


def _lay(block: Table, width: int, height: int, ctx: FlowContext) -> Stacked:
    size, box = ctx.sizes.table, ctx.box
    pad_x, pad_y = Emu(round(size * box.cell_padding_x)), Emu(round(size * box.cell_padding_y))
    rows = [tuple(_cells(cell, ctx, True) for cell in block.header)] if block.header else []
    rows += [tuple(_cells(cell, ctx, False) for cell in row) for row in block.rows]
    count = max(len(row) for row in rows)
    rows = [row + ((),) * (count - len(row)) for row in rows]
    widths, squeezed = column_widths(
        rows, width, pad_x, ctx.typesetter, box.table_min_width, block.widths
    )
    heights = []
    for row in rows:
        cell_heights = []
        for column, cell in enumerate(row):
            cell_height, broke = ctx.typesetter.set(cell, widths[column] - 2 * pad_x)
            cell_heights.append(cell_height)
            squeezed = squeezed or broke
        heights.append(Emu(max(cell_heights) + 2 * pad_y + box.cell_rule))
    caption: tuple[TextPiece, ...] = ()
    top = Emu(0)
    if block.caption:
        spec = replace(_cells(block.caption, ctx, False)[0], colour="subtitle")
        caption_height, broke = ctx.typesetter.set([spec], sum(widths))
        caption = (TextPiece(Box(Emu(0), Emu(0), Emu(sum(widths)), caption_height), (spec,)),)
        top, squeezed = Emu(caption_height + pad_y), squeezed or broke
    frame = Box(Emu(0), top, Emu(sum(widths)), Emu(sum(heights)))
    piece = TablePiece(frame, block, tuple(widths), tuple(heights), tuple(rows), pad_x, pad_y)
    return Stacked((*caption, piece), Emu(top + frame.h), squeezed)


def _rows(block: Table) -> list[Table]:
    return [replace(block, rows=(row,)) for row in block.rows] or [block]


def _join(first: Table, second: Table) -> Table:
    return replace(first, rows=first.rows + second.rows)


def _text(block: Table) -> Iterator[Inline]:
    if block.caption:
        yield block.caption
    for row in (block.header, *block.rows) if block.header else block.rows:
        yield tuple(run for cell in row for run in (*cell, Run(" | ")))[:-1]



TABLE = register(
    Kind(
        model=Table,
        read="mistune pipe table; pandoc's grid, simple and multiline tables (syntax/tables.py)",
        text=_text,
        notes=lines_as_notes(_text),
        lay=_lay,
        chunks=_rows,
        join=_join,
    )
)
