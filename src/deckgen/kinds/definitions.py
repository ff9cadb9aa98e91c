"""Definition lists (pandoc's ``Term`` / ``:   definition``): each term in bold, its
definitions indented below it as a list item's text is; a slide may split between terms."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.kinds.record import NOTES_LIST_INDENT, Kind, notes_of, register, text_of
from deckgen.layout.flow import Flowable, FlowContext, Nested
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.model import DefinitionList, Inline, Paragraph
from deckgen.units import Emu


def _paragraphs(block: DefinitionList, ctx: FlowContext) -> list[Flowable]:
    role, half = ctx.body_role(), Emu(ctx.gap // 2)
    indent = Emu(round(role.size * ctx.box.list_indent))
    flow: list[Flowable] = []
    for number, item in enumerate(block.items):
        flow.append(role.paragraph(item.term, bold=True, before=half if number else Emu(0)))
        for inner in item.blocks:
            if isinstance(inner, Paragraph):
                flow.append(role.paragraph(inner.runs, margin=indent, before=half))
            else:
                flow.append(Nested(inner, indent, half))
    return flow


def _chunks(block: DefinitionList) -> list[DefinitionList]:
    return [replace(block, items=(item,)) for item in block.items] or [block]


def _join(first: DefinitionList, second: DefinitionList) -> DefinitionList:
    return replace(first, items=first.items + second.items)


def _text(block: DefinitionList) -> Iterator[Inline]:
    for item in block.items:
        yield item.term
        yield from text_of(item.blocks)


def _notes(block: DefinitionList, size: Emu) -> Iterator[ParagraphSpec]:
    indent = Emu(round(size * NOTES_LIST_INDENT))
    for item in block.items:
        yield ParagraphSpec(item.term, size, size, bold=True)
        for spec in notes_of(item.blocks, size):
            yield replace(spec, margin=Emu(spec.margin + indent))


DEFINITIONS = register(
    Kind(
        model=DefinitionList,
        read="mistune def_list (a term, then ':' definitions); '~' markers too (syntax/lines.py)",
        text=_text,
        notes=_notes,
        paragraphs=_paragraphs,
        chunks=_chunks,
        join=_join,
    )
)
