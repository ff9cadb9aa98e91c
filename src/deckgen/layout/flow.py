"""Body blocks -> positioned pieces, stacked top to bottom the way the HTML body column flows.

Each block kind says how it is set (its record in ``deckgen.kinds``): text kinds give paragraphs,
and consecutive paragraphs share one text frame; every other kind places its own pieces in the
box it is given. Pictures take the height the other blocks leave, as the HTML's ``flex: 1``
figure does, but never less than the theme's minimum (the slide then overflows, and fitting
shrinks or splits it).

A fragment's blocks flow as if it were not there (the HTML's fragment div flows its children
the same way), so nothing moves when a step appears; each paragraph and piece they make keeps
the steps it waits for (``reveals``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from deckgen.boxmodel import BoxModel
from deckgen.geometry import Box
from deckgen.layout.paragraphs import ParagraphSpec, TextRole, Typesetter
from deckgen.layout.pieces import Piece, Stacked, TextPiece, TextSizes, revealed, shifted
from deckgen.model import Block, Fragment, Image, Step
from deckgen.themes import Theme
from deckgen.units import Emu

if TYPE_CHECKING:
    from deckgen.kinds import Kind

ImageSize = Callable[[Image], tuple[int, int] | None]


@dataclass(frozen=True, slots=True)
class Nested:
    """A block that is not text standing inside text (a code block in a list item), ``indent``
    from the left and ``before`` below the line above, waiting for the steps ``reveals``."""

    block: Block
    indent: Emu
    before: Emu
    reveals: tuple[Step, ...] = ()


def unwrap(
    blocks: Sequence[Block], reveals: tuple[Step, ...] = ()
) -> Iterator[tuple[Block, tuple[Step, ...]]]:
    """Yield ``blocks`` with fragments opened, each block with the steps it waits for."""
    for block in blocks:
        if isinstance(block, Fragment):
            yield from unwrap(block.blocks, (*reveals, block.step))
        else:
            yield block, reveals


Flowable = ParagraphSpec | Nested


@dataclass(frozen=True, slots=True)
class FlowContext:
    """What setting body blocks needs: theme, sizes, metrics, image pixel sizes, kind records."""

    theme: Theme
    sizes: TextSizes
    typesetter: Typesetter
    image_size: ImageSize
    kind_of: Callable[[Block], Kind]
    italic: bool = False
    colour: str = "text"

    @property
    def gap(self) -> Emu:
        return self.theme.gap

    @property
    def box(self) -> BoxModel:
        return self.theme.box

    def body_role(self) -> TextRole:
        """Return how body text is set here."""
        return TextRole(self.sizes.body, self.theme.line_height["text"], self.colour, self.italic)

    def line_height(self, role: str = "text") -> float:
        """Return the theme's line-height ratio for ``role`` (text or code)."""
        return self.theme.line_height[role]


@dataclass(frozen=True, slots=True)
class _Group:
    """One item of the column: a text frame's paragraphs or one block, ``before`` below the last."""

    before: Emu
    paragraphs: tuple[ParagraphSpec, ...] = ()
    block: Block | None = None
    indent: Emu = Emu(0)
    reveals: tuple[Step, ...] = ()


def _flowables(block: Block, ctx: FlowContext) -> list[Flowable]:
    """Return what a text kind adds to a frame; a text kind nested in it (a heading in a list
    item) gives its own paragraphs, indented where it stands."""
    kind = ctx.kind_of(block)
    assert kind.paragraphs is not None
    flow: list[Flowable] = []
    for item in kind.paragraphs(block, ctx):
        if isinstance(item, Nested) and ctx.kind_of(item.block).paragraphs is not None:
            inner = _flowables(item.block, ctx)
            for index, spec in enumerate(inner):
                spec = replace(spec, before=item.before) if index == 0 else spec
                if isinstance(spec, Nested):
                    flow.append(replace(spec, indent=Emu(spec.indent + item.indent)))
                else:
                    flow.append(replace(spec, margin=Emu(spec.margin + item.indent)))
        else:
            flow.append(item)
    return flow


def _groups(blocks: Sequence[Block], ctx: FlowContext) -> list[_Group]:
    """Return ``blocks`` as text frames (consecutive paragraphs) and single blocks, in order."""
    groups: list[_Group] = []
    paragraphs: list[ParagraphSpec] = []
    frame_before = Emu(0)

    def close() -> None:
        nonlocal paragraphs
        if paragraphs:
            groups.append(_Group(frame_before, tuple(paragraphs)))
            paragraphs = []

    for number, (block, reveals) in enumerate(unwrap(blocks)):
        before = Emu(ctx.gap if number else 0)
        kind = ctx.kind_of(block)
        if kind.paragraphs is None:
            close()
            groups.append(_Group(before, block=block, reveals=reveals))
            continue
        for index, item in enumerate(_flowables(block, ctx)):
            item_before = before if index == 0 else item.before
            if isinstance(item, Nested):
                close()
                waits = reveals + item.reveals
                groups.append(_Group(item_before, (), item.block, item.indent, waits))
                continue
            if reveals:
                item = replace(item, reveals=reveals + item.reveals)
            if paragraphs:
                paragraphs.append(replace(item, before=item_before))
            else:
                frame_before = item_before if groups or number else Emu(0)
                paragraphs.append(replace(item, before=Emu(0)))
    close()
    return groups


def _text(
    paragraphs: tuple[ParagraphSpec, ...], width: int, ctx: FlowContext, outline: bool
) -> Stacked:
    height, broke = ctx.typesetter.set(paragraphs, width)
    piece = TextPiece(Box(Emu(0), Emu(0), Emu(width), height), paragraphs, outline)
    return Stacked((piece,), height, broke)


def _lay(block: Block, width: int, height: int, ctx: FlowContext) -> Stacked:
    kind = ctx.kind_of(block)
    if kind.lay is None:  # a text kind nested where text is not (a heading in a list item)
        assert kind.paragraphs is not None
        specs = [item for item in kind.paragraphs(block, ctx) if isinstance(item, ParagraphSpec)]
        return _text(tuple(specs), width, ctx, outline=False)
    return kind.lay(block, width, height, ctx)


def lay_blocks(
    blocks: Sequence[Block], box: Box, ctx: FlowContext, outline: bool = False
) -> Stacked:
    """Return ``blocks`` placed top-down in ``box``; pictures share the height left over.

    ``outline`` marks the text frames as body text (the top level of a slide's body).
    """
    groups = _groups(blocks, ctx)
    laid: list[Stacked | None] = []
    for group in groups:
        if group.block is None:
            laid.append(_text(group.paragraphs, box.w, ctx, outline))
        elif ctx.kind_of(group.block).shares_height:
            laid.append(None)  # placed below, once the others' height is known
        else:
            laid.append(_lay(group.block, box.w - group.indent, box.h, ctx))
    images = sum(1 for item in laid if item is None)
    if images:
        fixed = sum(item.height for item in laid if item is not None) + sum(
            group.before for group in groups
        )
        share = max((box.h - fixed) // images, ctx.box.image_min_height)
        laid = [
            _lay(group.block, box.w - group.indent, share, ctx)
            if item is None and group.block is not None
            else item
            for group, item in zip(groups, laid, strict=True)
        ]
    pieces: list[Piece] = []
    y, squeezed = int(box.y), False
    for group, item in zip(groups, laid, strict=True):
        assert item is not None
        y += group.before
        pieces.extend(
            shifted(revealed(piece, group.reveals), box.x + group.indent, y)
            for piece in item.pieces
        )
        y += item.height
        squeezed = squeezed or item.squeezed
    return Stacked(tuple(pieces), Emu(y - box.y), squeezed)
