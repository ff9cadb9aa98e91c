"""Headings below the slide level, inside a slide's body: never left alone at a page's foot."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import Flowable, FlowContext
from deckgen.layout.paragraphs import ParagraphSpec, line_pitch
from deckgen.model import Heading, Inline
from deckgen.units import Emu


def _paragraphs(block: Heading, ctx: FlowContext) -> list[Flowable]:
    size = Emu(round(ctx.sizes.body * ctx.box.body_heading_scale))
    return [
        ParagraphSpec(
            block.runs,
            size,
            line_pitch(size, ctx.box.heading_line_height),
            font="heading",
            colour="title",
            bold=True,
            italic=ctx.italic,
        )
    ]


def _text(block: Heading) -> Iterator[Inline]:
    yield block.runs


def _notes(block: Heading, size: Emu) -> Iterator[ParagraphSpec]:
    yield ParagraphSpec(block.runs, size, size, bold=True)


HEADING = register(
    Kind(
        model=Heading,
        read="mistune heading below the slide level (levels at or above it start slides: split.py)",
        text=_text,
        notes=_notes,
        paragraphs=_paragraphs,
        keep_with_next=True,
    )
)
