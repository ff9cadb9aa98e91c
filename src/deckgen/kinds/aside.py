"""Asides (``::: aside``): small print below a slide's body, in the theme's ``small`` size and
the subtitle colour. A slide may split inside one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds import parts
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked
from deckgen.model import Aside, Inline
from deckgen.units import Emu


def small_context(ctx: FlowContext) -> FlowContext:
    """Return ``ctx`` with body, table, card and code text set at the small size."""
    sizes = ctx.sizes
    small = sizes.small or sizes.body
    ratio = small / sizes.body if sizes.body else 1.0
    return replace(
        ctx,
        sizes=replace(
            sizes,
            body=small,
            table=Emu(round(sizes.table * ratio)),
            card=Emu(round(sizes.card * ratio)),
            code=Emu(round(sizes.code * ratio)),
        ),
        colour="subtitle",
    )


def _lay(block: Aside, width: int, height: int, ctx: FlowContext) -> Stacked:
    return lay_blocks(
        block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), small_context(ctx)
    )


def _finer(block: Aside) -> list[Aside]:
    return [replace(block, blocks=(part,)) for part in parts.finer(block.blocks)] or [block]


def _join(first: Aside, second: Aside) -> Aside:
    return replace(first, blocks=parts.join(first.blocks, second.blocks))


def _tidy(block: Aside) -> Aside:
    return replace(block, blocks=parts.tidy(block.blocks))


def _text(block: Aside) -> Iterator[Inline]:
    return text_of(block.blocks)


def _notes(block: Aside, size: Emu) -> Iterator[ParagraphSpec]:
    return notes_of(block.blocks, size)


ASIDE = register(
    Kind(
        model=Aside,
        read="'::: aside' div (slides.py); moved below the body",
        text=_text,
        notes=_notes,
        lay=_lay,
        finer=_finer,
        join=_join,
        tidy=_tidy,
    )
)
