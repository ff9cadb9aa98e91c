"""Raw HTML blocks the build keeps (``--allow-html``): passed through to the HTML deck as
written, unmeasured; the raw-HTML pass drops them otherwise, and warns either way."""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.kinds.record import Kind, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import EMPTY, Stacked
from deckgen.model import Inline, RawHtml
from deckgen.units import Emu


def _lay(block: RawHtml, width: int, height: int, ctx: FlowContext) -> Stacked:
    return EMPTY


def _nothing(block: RawHtml) -> Iterator[Inline]:
    return iter(())


def _notes(block: RawHtml, size: Emu) -> Iterator[ParagraphSpec]:
    return iter(())


RAW_HTML = register(
    Kind(
        model=RawHtml,
        read="mistune HTML block",
        text=_nothing,
        notes=_notes,
        lay=_lay,
    )
)
