"""Fragments: blocks that appear at one step of their slide (``::: fragment``, or what follows a
pause ``. . .``). They flow as their blocks do (``layout.flow.unwrap`` opens them); a slide may
split between or inside their blocks, and each part keeps the fragment's step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, kind_of, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked, revealed
from deckgen.model import Block, Fragment, Inline
from deckgen.units import Emu


def _lay(block: Fragment, width: int, height: int, ctx: FlowContext) -> Stacked:
    inner = lay_blocks(block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), ctx)
    pieces = tuple(revealed(piece, (block.step,)) for piece in inner.pieces)
    return Stacked(pieces, inner.height, inner.squeezed)


def _parts(block: Fragment) -> list[Fragment]:
    """Return one fragment per chunk of each of ``block``'s blocks (the same step on each)."""
    parts = [
        replace(block, blocks=(part,))
        for inner in block.blocks
        for part in kind_of(inner).chunks(inner)
    ]
    return parts or [block]


def _finer(block: Fragment) -> list[Fragment]:
    if len(block.blocks) != 1:
        return _parts(block)
    (inner,) = block.blocks
    parts = kind_of(inner).finer(inner)
    return [replace(block, blocks=(part,)) for part in parts] if len(parts) > 1 else [block]


def _same_block(first: Block, second: Block) -> bool:
    """Return True when ``first`` and ``second`` are two parts of one block (its origin)."""
    return type(first) is type(second) and first.origin == second.origin


def _join(first: Fragment, second: Fragment) -> Fragment:
    blocks = list(first.blocks)
    rest = list(second.blocks)
    if blocks and rest and _same_block(blocks[-1], rest[0]):
        join = kind_of(rest[0]).join
        if join is not None:
            blocks[-1] = join(blocks[-1], rest.pop(0))
    return replace(first, blocks=tuple(blocks + rest))


def _tidy(block: Fragment) -> Fragment:
    return replace(block, blocks=tuple(kind_of(inner).tidy(inner) for inner in block.blocks))


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
        chunks=_parts,
        finer=_finer,
        join=_join,
        tidy=_tidy,
    )
)
