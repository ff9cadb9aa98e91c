"""Aligned blocks (a div with a ``text-align`` style, ``<center>``, ``<p align>``): their blocks
flow as they would anyway, and their paragraphs are set left, centred or right. Lists keep their
bullets on the left (both formats), and pictures took the alignment when they were read
(``htmlsource.convert.aligned``). A slide may split inside them, each part keeping the side."""

from __future__ import annotations

from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds.record import container
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.pieces import Piece, Stacked, TextPiece
from deckgen.model import Aligned
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


ALIGNED = container(
    Aligned, "a div with a text-align style; HTML's <center> and <p align> (htmlsource)", _lay
)
