"""Callouts (Quarto's ``::: callout-note``, GitHub's ``> [!NOTE]``): a box on the surface
colour with a bar and a bold title in the colour of its style (``callout_note``...), its blocks
below the title. A slide may split inside one: each part repeats the title."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds import parts
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import BarPiece, Stacked, TextPiece
from deckgen.model import Callout, Inline
from deckgen.units import Emu


def colour_of(block: Callout) -> str:
    """Return the colour role of a callout's bar and title."""
    return f"callout_{block.style}"


def _lay(block: Callout, width: int, height: int, ctx: FlowContext) -> Stacked:
    box, size = ctx.box, ctx.sizes.body
    pad_x, pad_y = round(size * box.callout_padding_x), round(size * box.callout_padding_y)
    inset = box.callout_bar + pad_x
    inner_width = Emu(width - inset - pad_x)
    title = ctx.body_role().paragraph(block.title, bold=True, colour=colour_of(block))
    title_height, squeezed = ctx.typesetter.set([title], inner_width)
    pieces = [TextPiece(Box(Emu(inset), Emu(pad_y), inner_width, title_height), (title,))]
    top = pad_y + title_height + (ctx.gap if block.blocks else 0)
    inner = lay_blocks(
        block.blocks, Box(Emu(inset), Emu(top), inner_width, Emu(max(height - top, 0))), ctx
    )
    total = Emu(top + inner.height + pad_y)
    background = BarPiece(Box(Emu(0), Emu(0), Emu(width), total), "surface")
    bar = BarPiece(Box(Emu(0), Emu(0), box.callout_bar, total), colour_of(block))
    return Stacked((background, bar, *pieces, *inner.pieces), total, squeezed or inner.squeezed)


def _finer(block: Callout) -> list[Callout]:
    return [replace(block, blocks=(part,)) for part in parts.finer(block.blocks)] or [block]


def _join(first: Callout, second: Callout) -> Callout:
    return replace(first, blocks=parts.join(first.blocks, second.blocks))


def _tidy(block: Callout) -> Callout:
    return replace(block, blocks=parts.tidy(block.blocks))


def _text(block: Callout) -> Iterator[Inline]:
    yield block.title
    yield from text_of(block.blocks)


def _notes(block: Callout, size: Emu) -> Iterator[ParagraphSpec]:
    yield ParagraphSpec(block.title, size, size, bold=True)
    yield from notes_of(block.blocks, size)


CALLOUT = register(
    Kind(
        model=Callout,
        read="Quarto's '::: callout-note' div (slides.py) or GitHub's '> [!NOTE]' (markdown.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
        finer=_finer,
        join=_join,
        tidy=_tidy,
    )
)
