"""The ``Kind`` record and the registry the kind modules add themselves to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from deckgen.layout.flow import Flowable, FlowContext
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.layout.pieces import Stacked
from deckgen.model import Block, Inline
from deckgen.units import Emu

NOTES_LIST_INDENT = 1.3  # em of the notes text: where a list item's text starts on a notes page

Lay = Callable[[Any, int, int, FlowContext], Stacked]
Paragraphs = Callable[[Any, FlowContext], list[Flowable]]
Cut = Callable[[Any], list[Any]]
Join = Callable[[Any, Any], Any]
Tidy = Callable[[Any], Any]
Text = Callable[[Any], Iterator[Inline]]
Notes = Callable[[Any, Emu], Iterator[ParagraphSpec]]


def whole(block: Block) -> list[Block]:
    """Return ``block`` as one piece: a slide is never split inside it."""
    return [block]


def unchanged(block: Block) -> Block:
    """Return ``block`` as it is."""
    return block


@dataclass(frozen=True, slots=True)
class Kind:
    """Everything deckgen does with one kind of block.

    ``paragraphs`` (text kinds) returns the paragraphs it adds to a text frame, with any block
    nested in it; otherwise ``lay`` places its pieces in a box (width, height) from (0, 0).
    ``chunks`` cuts it where a page may break, ``finer`` cuts one chunk further when it is too
    big alone, ``join`` puts two neighbouring chunks together again and ``tidy`` finishes
    the part of a block one page shows (code drops blank lines at its ends).
    ``shares_height`` kinds (pictures) are laid out last, in the height the others leave.
    """

    model: type[Any]
    read: str
    text: Text
    notes: Notes
    lay: Lay | None = None
    paragraphs: Paragraphs | None = None
    chunks: Cut = whole
    finer: Cut = whole
    join: Join | None = None
    tidy: Tidy = unchanged
    keep_with_next: bool = False
    shares_height: bool = False

    @property
    def name(self) -> str:
        """Return the kind's name: the model type's ``kind``, and its HTML macro's name."""
        return str(self.model.kind)


KINDS: dict[type, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add ``kind`` to the registry and return it."""
    if (kind.lay is None) == (kind.paragraphs is None):
        raise TypeError(f"kind {kind.name}: give exactly one of lay and paragraphs")
    KINDS[kind.model] = kind
    return kind


def kind_of(block: Block) -> Kind:
    """Return the record of ``block``'s kind; a block without one is a bug, never skipped."""
    try:
        return KINDS[type(block)]
    except KeyError:
        raise TypeError(f"no kind record for {type(block).__name__}") from None


def text_of(blocks: Iterable[Block]) -> Iterator[Inline]:
    """Return the lines of text ``blocks`` show, in reading order."""
    for block in blocks:
        yield from kind_of(block).text(block)


def lines_as_notes(text: Text) -> Notes:
    """Return a notes view showing each line of the ``text`` view as a paragraph."""

    def notes(block: Any, size: Emu) -> Iterator[ParagraphSpec]:
        for runs in text(block):
            yield ParagraphSpec(runs, size, size)

    return notes


def notes_of(blocks: Iterable[Block], size: Emu) -> Iterator[ParagraphSpec]:
    """Return the paragraphs a .pptx notes page shows for ``blocks`` (``size`` sets indents)."""
    for block in blocks:
        yield from kind_of(block).notes(block, size)


# -- containers: kinds that hold blocks and show them as they are (a fragment, aligned blocks) ----


def container_parts(block: Any) -> list[Any]:
    """Return one copy of the container ``block`` per chunk of each block it holds."""
    parts = [
        replace(block, blocks=(part,))
        for inner in block.blocks
        for part in kind_of(inner).chunks(inner)
    ]
    return parts or [block]


def container_finer(block: Any) -> list[Any]:
    """Return the container ``block`` cut finer: its one block cut, or its chunks."""
    if len(block.blocks) != 1:
        return container_parts(block)
    (inner,) = block.blocks
    parts = kind_of(inner).finer(inner)
    return [replace(block, blocks=(part,)) for part in parts] if len(parts) > 1 else [block]


def _same_block(first: Block, second: Block) -> bool:
    """Return True when ``first`` and ``second`` are two parts of one block (its origin)."""
    return type(first) is type(second) and first.origin == second.origin


def container_join(first: Any, second: Any) -> Any:
    """Return two neighbouring parts of a container as one, the block cut between them whole."""
    blocks = list(first.blocks)
    rest = list(second.blocks)
    if blocks and rest and _same_block(blocks[-1], rest[0]):
        join = kind_of(rest[0]).join
        if join is not None:
            blocks[-1] = join(blocks[-1], rest.pop(0))
    return replace(first, blocks=tuple(blocks + rest))


def container_tidy(block: Any) -> Any:
    """Return the container ``block`` with each block it holds tidied."""
    return replace(block, blocks=tuple(kind_of(inner).tidy(inner) for inner in block.blocks))


def container(model: type, read: str, lay: Lay) -> Kind:
    """Return (registered) the kind of a container ``model`` that ``lay`` draws: its text and
    notes are its blocks', and it splits, joins and tidies as its blocks do."""
    return register(
        Kind(
            model=model,
            read=read,
            text=lambda block: text_of(block.blocks),
            notes=lambda block, size: notes_of(block.blocks, size),
            lay=lay,
            chunks=container_parts,
            finer=container_finer,
            join=container_join,
            tidy=container_tidy,
        )
    )
