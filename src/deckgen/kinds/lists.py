"""Bullet and numbered lists: one paragraph per item, nested lists a level down, and whatever
else an item holds (code, quotes, tables...) kept inside the item, indented with its text.
An item of an incremental list and everything it holds wait for the item's step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.kinds.record import NOTES_LIST_INDENT, Kind, notes_of, register, text_of
from deckgen.layout.flow import Flowable, FlowContext, Nested, unwrap
from deckgen.layout.paragraphs import TASK_CHARS, Bullet, ParagraphSpec, line_pitch
from deckgen.model import BulletList, Inline, ListItem, Paragraph, Step
from deckgen.units import Emu

MARKER_EM = 0.5  # the width of a list number's character, roughly, in em


def marker_indent(block: BulletList, list_indent: float) -> float:
    """Return where a list's text starts, in em: the theme's ``list_indent``, or further for
    numbers written wider than "1." (``(iv)``, ``b)``...), so the number fits before the text.
    """
    if not block.ordered or (block.numbering == "decimal" and block.delimiter == "."):
        return list_indent
    widest = max(
        len(marker_text(block, number))
        for number in range(block.start, block.start + len(block.items))
    )
    return list_indent + MARKER_EM * max(0, widest - 2)


def marker_text(block: BulletList, number: int) -> str:
    """Return the marker of item ``number`` as the list writes it (``iv.``, ``(b)``, ``3)``)."""
    if block.numbering.endswith("alpha"):
        text = _letters(number)
    elif block.numbering.endswith("roman"):
        text = _roman(number)
    else:
        text = str(number)
    text = text.upper() if block.numbering.startswith("upper") else text
    return f"({text})" if block.delimiter == "()" else f"{text}{block.delimiter}"


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _roman(number: int) -> str:
    text = ""
    for value, symbol in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        text += symbol * count
    return text


def bullet(block: BulletList, item: ListItem, hang: Emu, start: int | None = None) -> Bullet:
    """Return the marker of ``item``: a number in the list's style (counting from ``start``,
    None: the list's), a task box or a bullet."""
    if block.ordered:
        first = block.start if start is None else start
        return Bullet(hang, None, first, block.numbering, block.delimiter)
    if item.checked is not None:
        return Bullet(hang, TASK_CHARS[item.checked])
    return Bullet(hang)


def _items(
    block: BulletList, ctx: FlowContext, margin: int, level: int, reveals: tuple[Step, ...] = ()
) -> Iterator[Flowable]:
    box, role, gap = ctx.box, ctx.body_role(), ctx.gap
    size = Emu(round(role.size * box.nested_list_scale**level))
    indent = Emu(round(size * marker_indent(block, box.list_indent)))
    hang = Emu(indent - round(size * box.bullet_offset))
    line = line_pitch(size, role.line_height)
    text_margin = Emu(margin + indent)
    first = block.start  # the number a text frame's first item shows (.pptx numbers on from it)
    for number, item in enumerate(block.items):
        waits = (*reveals, item.step) if item.step is not None else reveals
        yield ParagraphSpec(
            item.runs,
            size,
            line,
            colour=role.colour,
            italic=role.italic,
            before=Emu(gap // 2) if number or level else Emu(0),
            margin=text_margin,
            level=level,
            bullet=bullet(block, item, hang, first),
            reveals=waits,
        )
        for inner, inner_waits in unwrap(item.blocks, waits):
            if isinstance(inner, BulletList):
                yield from _items(inner, ctx, text_margin, level + 1, inner_waits)
            elif isinstance(inner, Paragraph):
                yield ParagraphSpec(
                    inner.runs,
                    size,
                    line,
                    colour=role.colour,
                    italic=role.italic,
                    before=Emu(gap // 2),
                    margin=text_margin,
                    level=level,
                    reveals=inner_waits,
                )
            elif (paragraphs := ctx.kind_of(inner).paragraphs) is not None:
                for spec in paragraphs(inner, ctx):  # other text (a heading), indented
                    waiting = inner_waits + spec.reveals
                    if isinstance(spec, ParagraphSpec):
                        spec = replace(spec, margin=Emu(spec.margin + text_margin), level=level)
                        yield replace(spec, before=Emu(gap // 2), reveals=waiting)
                    else:
                        yield replace(spec, indent=Emu(spec.indent + text_margin), reveals=waiting)
            else:
                yield Nested(inner, text_margin, Emu(gap // 2), inner_waits)
                first = block.start + number + 1  # the next item opens a new text frame


def _paragraphs(block: BulletList, ctx: FlowContext) -> list[Flowable]:
    return list(_items(block, ctx, 0, 0))


def _chunks(block: BulletList) -> list[BulletList]:
    return [
        replace(block, items=(item,), start=block.start + number)
        for number, item in enumerate(block.items)
    ]


def _join(first: BulletList, second: BulletList) -> BulletList:
    return replace(first, items=first.items + second.items)


def _text(block: BulletList) -> Iterator[Inline]:
    for item in block.items:
        yield item.runs
        yield from text_of(item.blocks)


def _notes_items(block: BulletList, size: Emu, level: int) -> Iterator[ParagraphSpec]:
    indent = Emu(round(size * NOTES_LIST_INDENT))
    margin = Emu(indent * (level + 1))
    for item in block.items:
        marker = bullet(block, item, indent)
        yield ParagraphSpec(item.runs, size, size, margin=margin, level=level, bullet=marker)
        for inner in item.blocks:
            if isinstance(inner, BulletList):
                yield from _notes_items(inner, size, level + 1)
            else:
                for spec in notes_of((inner,), size):
                    yield replace(spec, margin=margin, level=level)


def _notes(block: BulletList, size: Emu) -> Iterator[ParagraphSpec]:
    return _notes_items(block, size, 0)


LIST = register(
    Kind(
        model=BulletList,
        read="mistune list (bullet or ordered, with its start number)",
        text=_text,
        notes=_notes,
        paragraphs=_paragraphs,
        chunks=_chunks,
        join=_join,
    )
)
