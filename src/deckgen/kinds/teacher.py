"""Teacher-only content (``::: teacher``): the audience pass unwraps it for the teacher's copy
and drops it from the students', before layout; laid out in place should it ever remain."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, notes_of, register, text_of
from deckgen.layout.flow import FlowContext, lay_blocks
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked
from deckgen.model import Inline, TeacherOnly
from deckgen.units import Emu


def _lay(block: TeacherOnly, width: int, height: int, ctx: FlowContext) -> Stacked:
    return lay_blocks(block.blocks, Box(Emu(0), Emu(0), Emu(width), Emu(height)), ctx)


def _text(block: TeacherOnly) -> Iterator[Inline]:
    return text_of(block.blocks)


def _notes(block: TeacherOnly, size: Emu) -> Iterator[ParagraphSpec]:
    return notes_of(block.blocks, size)


TEACHER = register(
    Kind(
        model=TeacherOnly,
        read="deckgen's '::: teacher' div (slides.py)",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
