"""Card grids (``::: cards`` around a list): rows of short bold cards; a slide may split
between cards (the next page starts a new row)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box, split_widths
from deckgen.kinds.record import NOTES_LIST_INDENT, Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import Bullet, ParagraphSpec, line_pitch
from deckgen.layout.pieces import BarPiece, CardPiece, Piece, Stacked
from deckgen.model import Cards, Inline
from deckgen.units import Emu


def _lay(block: Cards, width: int, height: int, ctx: FlowContext) -> Stacked:
    box, size, gap = ctx.box, ctx.sizes.card, ctx.gap
    columns = box.card_columns
    card_width = split_widths(width, gap, [1.0] * columns)[0]
    pad_x, pad_y = Emu(round(size * box.card_padding_x)), Emu(round(size * box.card_padding_y))
    inset = Emu(box.card_bar + pad_x)
    line = line_pitch(size, ctx.line_height())
    paragraphs = [ParagraphSpec(runs, size, line, bold=True) for runs in block.cards]
    pieces: list[Piece] = []
    y, squeezed = 0, False
    text_width = card_width - inset - pad_x
    for start in range(0, len(paragraphs), columns):
        row = paragraphs[start : start + columns]
        heights = []
        for paragraph in row:
            text_height, broke = ctx.typesetter.set([paragraph], text_width)
            heights.append(text_height)
            squeezed = squeezed or broke
        row_height = max(heights) + 2 * pad_y
        for column, paragraph in enumerate(row):
            frame = Box(Emu(column * (card_width + gap)), Emu(y), card_width, Emu(row_height))
            pieces.append(CardPiece(frame, paragraph, inset, pad_x, pad_y))
            pieces.append(BarPiece(Box(frame.x, frame.y, box.card_bar, frame.h), "accent"))
        y += row_height + gap
    return Stacked(tuple(pieces), Emu(max(y - gap, 0)), squeezed)


def _cards(block: Cards) -> list[Cards]:
    return [replace(block, cards=(card,)) for card in block.cards] or [block]


def _join(first: Cards, second: Cards) -> Cards:
    return replace(first, cards=first.cards + second.cards)


def _text(block: Cards) -> Iterator[Inline]:
    yield from block.cards


def _notes(block: Cards, size: Emu) -> Iterator[ParagraphSpec]:
    indent = Emu(round(size * NOTES_LIST_INDENT))
    for runs in block.cards:
        yield ParagraphSpec(runs, size, size, margin=indent, bullet=Bullet(indent))


CARDS = register(
    Kind(
        model=Cards,
        read="deckgen's '::: cards' div around a list: one card per item (slides.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
        chunks=_cards,
        join=_join,
    )
)
