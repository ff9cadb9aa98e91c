"""Right-to-left slides: every piece mirrored across the page, as the HTML deck flows them.

Under ``<html dir="rtl">`` the browser starts each line, list, column row and card grid on the
right; the layout stage mirrors its plans the same way so the .pptx agrees: columns and cards
run from the right, accent bars and section rules stand on the right, the slide number sits
bottom right. Text inside each box is the writer's to set right to left.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.geometry import Box
from deckgen.layout.pieces import Piece, SlidePlan, TextPiece
from deckgen.units import Emu


def mirrored_box(box: Box, page_width: int) -> Box:
    """Return ``box`` mirrored across the vertical middle of a page ``page_width`` wide."""
    return replace(box, x=Emu(page_width - box.x - box.w))


def _piece(piece: Piece, page_width: int) -> Piece:
    return replace(piece, box=mirrored_box(piece.box, page_width))


def _text(piece: TextPiece | None, page_width: int) -> TextPiece | None:
    return None if piece is None else replace(piece, box=mirrored_box(piece.box, page_width))


def mirrored(plan: SlidePlan, page_width: int) -> SlidePlan:
    """Return ``plan`` with every piece mirrored across the page (a right-to-left slide)."""
    return replace(
        plan,
        title=_text(plan.title, page_width),
        subtitle=_text(plan.subtitle, page_width),
        body=_text(plan.body, page_width),
        takeaways=_text(plan.takeaways, page_width),
        pieces=tuple(_piece(piece, page_width) for piece in plan.pieces),
        number=mirrored_box(plan.number, page_width),
    )
