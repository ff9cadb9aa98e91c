"""Break a slide body into pages: cut where each kind allows, fill pages in order, join back.

Pure functions over the kind records (``chunks``, ``finer``, ``join``, ``tidy``,
``keep_with_next``); ``deck.py`` decides the sizes and calls ``paginate`` only when shrinking
within the theme's bounds is not enough.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from deckgen.kinds import kind_of
from deckgen.model import Block


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the body that is never split: a whole block or a part of one.

    Chunks with the same ``group`` come from the same block and join back when on one page.
    """

    block: Block
    group: int
    keep_with_next: bool = False


def chunks_of(blocks: tuple[Block, ...]) -> list[Chunk]:
    """Return the body as chunks, cut where a page break is allowed."""
    chunks: list[Chunk] = []
    for group, block in enumerate(blocks):
        kind = kind_of(block)
        chunks += [Chunk(part, group, kind.keep_with_next) for part in kind.chunks(block)]
    return chunks


def finer(chunk: Chunk) -> list[Chunk]:
    """Return ``chunk`` in smaller pieces (code by line, text by sentence), or ``[chunk]``."""
    parts = kind_of(chunk.block).finer(chunk.block)
    if len(parts) < 2:
        return [chunk]
    return [Chunk(part, chunk.group, chunk.keep_with_next) for part in parts]


def merge(chunks: list[Chunk]) -> tuple[Block, ...]:
    """Return the blocks of one page: neighbouring chunks of the same group joined back."""
    blocks: list[Block] = []
    groups: list[int] = []
    for chunk in chunks:
        if groups and groups[-1] == chunk.group:
            join = kind_of(chunk.block).join
            if join is None:
                raise TypeError(f"cannot join two parts of a {chunk.block.kind} block")
            blocks[-1] = join(blocks[-1], chunk.block)
        else:
            blocks.append(chunk.block)
            groups.append(chunk.group)
    return tuple(kind_of(block).tidy(block) for block in blocks)


def paginate(
    chunks: list[Chunk], fits: Callable[[tuple[Block, ...]], bool]
) -> tuple[list[tuple[Block, ...]], list[Chunk]]:
    """Return pages of blocks, each accepted by ``fits``, and the chunks too big for any page.

    Chunks are taken in order; one that does not fit on an empty page is cut finer, and one
    that cannot be cut is placed alone on its page (the caller reports it). A chunk that keeps
    with the next (a heading) never ends a page: it moves on with what follows it.
    """
    pages: list[tuple[Block, ...]] = []
    oversized: list[Chunk] = []
    current: list[Chunk] = []
    queue = list(chunks)
    while queue:
        chunk = queue.pop(0)
        candidate = [*current, chunk]
        if fits(merge(candidate)):
            current = candidate
            continue
        if current:
            carried: list[Chunk] = []
            while current and current[-1].keep_with_next:
                carried.insert(0, current.pop())
            if current:
                pages.append(merge(current))
                current = []
                queue[:0] = [*carried, chunk]
                continue
            current = carried
        parts = finer(chunk)
        if len(parts) > 1:
            queue[:0] = parts
            continue
        oversized.append(chunk)
        pages.append(merge([*current, chunk]))
        current = []
    if current:
        pages.append(merge(current))
    return pages, oversized
