"""Break a slide body into pages: where lists, tables, code and text may be split, and how the

pieces on one page join back into blocks. Pure functions; ``layout.py`` decides sizes and calls
``paginate`` only when shrinking within the theme's bounds is not enough.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from deckgen import inline
from deckgen.geometry import BOX_MODEL
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    Heading,
    Paragraph,
    Table,
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of the body that is never split: a whole block or a fragment of one.

    Units with the same ``group`` come from the same block and merge back when on one page.
    """

    block: Block
    group: int
    keep_with_next: bool = False


def _code_fragments(block: CodeBlock) -> list[CodeBlock]:
    """Return ``block`` cut before blank-line gaps and statement starts (never inside a line)."""
    texts = block.text.split("\n")
    starts = [0]
    for index in range(1, len(texts)):
        previous, line = texts[index - 1], texts[index]
        statement_start = bool(line) and not line[0].isspace() and line[0] not in ")]}"
        if line.strip() and (not previous.strip() or statement_start):
            starts.append(index)
    starts.append(len(texts))
    return [code_lines(block, a, b) for a, b in zip(starts, starts[1:], strict=False) if a < b]


def code_lines(block: CodeBlock, start: int, end: int) -> CodeBlock:
    """Return lines ``start`` to ``end`` of ``block`` as a code block of their own."""
    return replace(
        block,
        text="\n".join(block.text.split("\n")[start:end]),
        lines=block.lines[start:end],
        first_line_number=block.first_line_number + start,
    )


def units_of(blocks: tuple[Block, ...]) -> list[Unit]:
    """Return the body as units, split where a page break is allowed."""
    units: list[Unit] = []
    for group, block in enumerate(blocks):
        if isinstance(block, BulletList):
            units += [
                Unit(replace(block, items=(item,), start=block.start + i), group)
                for i, item in enumerate(block.items)
            ]
        elif isinstance(block, Table):
            units += [Unit(replace(block, rows=(row,)), group) for row in block.rows]
        elif isinstance(block, CodeBlock):
            units += [Unit(fragment, group) for fragment in _code_fragments(block)]
        elif isinstance(block, Cards):
            units += [
                Unit(replace(block, cards=block.cards[i : i + BOX_MODEL.card_columns]), group)
                for i in range(0, len(block.cards), BOX_MODEL.card_columns)
            ]
        else:
            units.append(Unit(block, group, keep_with_next=isinstance(block, Heading)))
    return units


def finer_units(unit: Unit) -> list[Unit]:
    """Return ``unit`` in smaller pieces (code by line, text by sentence), or ``[unit]``."""
    block = unit.block
    if isinstance(block, CodeBlock) and len(block.lines) > 1:
        return [Unit(code_lines(block, i, i + 1), unit.group) for i in range(len(block.lines))]
    if isinstance(block, Paragraph):
        sentences = inline.sentences(block.runs)
        if len(sentences) > 1:
            return [Unit(Paragraph(s, block.origin), unit.group) for s in sentences]
    return [unit]


def _join(first: Block, second: Block) -> Block:
    if isinstance(first, BulletList) and isinstance(second, BulletList):
        return replace(first, items=first.items + second.items)
    if isinstance(first, Table) and isinstance(second, Table):
        return replace(first, rows=first.rows + second.rows)
    if isinstance(first, CodeBlock) and isinstance(second, CodeBlock):
        return replace(first, text=f"{first.text}\n{second.text}", lines=first.lines + second.lines)
    if isinstance(first, Cards) and isinstance(second, Cards):
        return replace(first, cards=first.cards + second.cards)
    if isinstance(first, Paragraph) and isinstance(second, Paragraph):
        return replace(first, runs=inline.join_sentences([first.runs, second.runs]))
    raise TypeError(f"cannot join {first.kind} and {second.kind}")


def _trim_code(block: Block) -> Block:
    """Drop blank lines at the ends of a code fragment (they only separated statements)."""
    if not isinstance(block, CodeBlock):
        return block
    texts = block.text.split("\n")
    start, end = 0, len(texts)
    while start < end - 1 and not texts[start].strip():
        start += 1
    while end > start + 1 and not texts[end - 1].strip():
        end -= 1
    return code_lines(block, start, end) if (start, end) != (0, len(texts)) else block


def merge(units: list[Unit]) -> tuple[Block, ...]:
    """Return the blocks of one page: neighbouring units of the same group joined back."""
    blocks: list[Block] = []
    groups: list[int] = []
    for unit in units:
        if groups and groups[-1] == unit.group:
            blocks[-1] = _join(blocks[-1], unit.block)
        else:
            blocks.append(unit.block)
            groups.append(unit.group)
    return tuple(_trim_code(block) for block in blocks)


def paginate(
    units: list[Unit], fits: Callable[[tuple[Block, ...]], bool]
) -> tuple[list[tuple[Block, ...]], list[Unit]]:
    """Return pages of blocks, each accepted by ``fits``, and the units too big for any page.

    Units are taken in order; a unit that does not fit on an empty page is cut finer, and one
    that cannot be cut is placed alone on its page (the caller shrinks it and reports it).
    """
    pages: list[tuple[Block, ...]] = []
    oversized: list[Unit] = []
    current: list[Unit] = []
    queue = list(units)
    while queue:
        unit = queue.pop(0)
        candidate = [*current, unit]
        if fits(merge(candidate)):
            current = candidate
            continue
        if current:
            carried: list[Unit] = []
            while current and current[-1].keep_with_next:
                carried.insert(0, current.pop())
            if current:
                pages.append(merge(current))
                current = []
                queue[:0] = [*carried, unit]
                continue
            current = carried
        finer = finer_units(unit)
        if len(finer) > 1:
            queue[:0] = finer
            continue
        oversized.append(unit)
        pages.append(merge([*current, unit]))
        current = []
    if current:
        pages.append(merge(current))
    return pages, oversized
