"""Where a page may break inside a kind that holds blocks (a column, a callout, an aside):
its blocks cut by their own kinds' rules, and the parts joined back.

Two parts of one block (two sentences of a paragraph, items of one list) have the same type
and origin: ``join`` puts them back together when they meet on a page.
"""

from __future__ import annotations

from deckgen.kinds.record import kind_of
from deckgen.model import Block


def chunks(blocks: tuple[Block, ...]) -> list[Block]:
    """Return ``blocks`` cut where a page may break (each block by its kind's ``chunks``)."""
    return [part for block in blocks for part in kind_of(block).chunks(block)]


def finer(blocks: tuple[Block, ...]) -> list[Block]:
    """Return ``blocks`` cut as small as their kinds allow: its chunks, or a lone chunk's
    finer parts."""
    parts = chunks(blocks)
    if len(parts) == 1:
        parts = kind_of(parts[0]).finer(parts[0])
    return parts


def continues(first: Block, second: Block) -> bool:
    """Return True when ``second`` is the next part of the block ``first`` is a part of."""
    return (
        type(first) is type(second)
        and kind_of(first).join is not None
        and getattr(first, "origin", None) == getattr(second, "origin", None)
    )


def join(first: tuple[Block, ...], second: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return two runs of parts as one, the parts of one block where they meet joined."""
    if first and second and continues(first[-1], second[0]):
        joiner = kind_of(first[-1]).join
        assert joiner is not None
        return (*first[:-1], joiner(first[-1], second[0]), *second[1:])
    return first + second


def tidy(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return ``blocks`` each tidied by its kind (as one page shows them)."""
    return tuple(kind_of(block).tidy(block) for block in blocks)
