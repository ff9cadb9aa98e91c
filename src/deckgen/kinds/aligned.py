"""Aligned blocks (a div with a ``text-align`` style, ``<center>``, ``<p align>``): their blocks
flow as they would anyway, and their paragraphs are set left, centred or right. Lists keep their
bullets on the left (both formats), and pictures took the alignment when they were read
(``htmlsource.convert.aligned``). A slide may split inside them, each part keeping the side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

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
from deckgen.layout.pieces import Piece, Stacked, TextPiece
from deckgen.model import Aligned, Inline
from deckgen.units import Emu

DRAWINGML = {"left": "l", "center": "ctr", "right": "r"}  # a paragraph's algn


def _aligned(piece: Piece, align: str) -> Piece:
    if not isinstance(piece, TextPiece):
        return piece
    paragraphs = tuple(
        para if para.bullet is not None else replace(para, align=align) for para in piece.paragraphs
    )
    return replace(piece, paragraphs=paragraphs)


def _lay(block: Aligned, width: int, height: int, ctx: FlowContext) -> Stacked:
    inner = lay_blocks(block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), ctx)
    align = DRAWINGML.get(block.align, "l")
    pieces = tuple(_aligned(piece, align) for piece in inner.pieces)
    return Stacked(pieces, inner.height, inner.squeezed)


def _text(block: Aligned) -> Iterator[Inline]:
    return text_of(block.blocks)


def _notes(block: Aligned, size: Emu) -> Iterator[ParagraphSpec]:
    return notes_of(block.blocks, size)


ALIGNED = register(
    Kind(
        model=Aligned,
        read="a div with a text-align style; HTML's <center> and <p align> (htmlsource)",
        text=_text,
        notes=_notes,
        lay=_lay,
        chunks=container_parts,
        finer=container_finer,
        join=container_join,
        tidy=container_tidy,
    )
)
