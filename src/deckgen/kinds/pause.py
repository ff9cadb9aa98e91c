"""Pauses (a paragraph of ``. . .``): read by ``markdown.py`` and replaced by the steps pass,
which puts what follows each into a fragment; should one ever remain, it shows nothing."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import EMPTY, Stacked
from deckgen.model import Inline, Pause
from deckgen.units import Emu


def _lay(block: Pause, width: int, height: int, ctx: FlowContext) -> Stacked:
    return EMPTY


def _text(block: Pause) -> Iterator[Inline]:
    return iter(())


def _notes(block: Pause, size: Emu) -> Iterator[ParagraphSpec]:
    return iter(())


PAUSE = register(
    Kind(
        model=Pause,
        read="a paragraph of '. . .' (markdown.py), as pandoc reads a pause",
        text=_text,
        notes=_notes,
        lay=_lay,
    )
)
