"""Paragraphs: Markdown text blocks; a slide may split between their sentences."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen import inline
from deckgen.kinds.record import Kind, lines_as_notes, register
from deckgen.layout.flow import Flowable, FlowContext
from deckgen.model import Inline, Paragraph


def _paragraphs(block: Paragraph, ctx: FlowContext) -> list[Flowable]:
    return [ctx.body_role().paragraph(block.runs)]


def _sentences(block: Paragraph) -> list[Paragraph]:
    return [Paragraph(part, block.origin) for part in inline.sentences(block.runs)] or [block]


def _join(first: Paragraph, second: Paragraph) -> Paragraph:
    return Paragraph(inline.join_sentences([first.runs, second.runs]), first.origin)


def _text(block: Paragraph) -> Iterator[Inline]:
    yield block.runs



PARAGRAPH = register(
    Kind(
        model=Paragraph,
        read="mistune paragraph (and the text of a list item's later paragraphs)",
        text=_text,
        notes=lines_as_notes(_text),
        paragraphs=_paragraphs,
        finer=_sentences,
        join=_join,
    )
)
