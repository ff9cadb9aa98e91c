"""Body blocks -> positioned pieces, stacked top to bottom the way the HTML body column flows.

Consecutive text blocks share one text frame; code, cards, tables, images, quotes and columns
each get their own pieces. Pictures take the height the other blocks leave, as the HTML's
``flex: 1`` figure does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from deckgen.backends.pptx.code import shown_spans
from deckgen.backends.pptx.paragraphs import (
    Para,
    TextRole,
    block_paras,
    code_spans,
    is_text_block,
    line_pitch,
    paras_height,
    paras_width,
)
from deckgen.backends.pptx.pieces import (
    BarPiece,
    CardPiece,
    CodePiece,
    ImagePiece,
    Piece,
    TablePiece,
    TextPiece,
    shifted,
)
from deckgen.geometry import (
    BOX_MODEL,
    Box,
    column_weights,
    em,
    fit_inside,
    side_by_side,
    split_widths,
    stack,
    stack_height,
)
from deckgen.layout import TextSizes
from deckgen.measure import TextMeasure
from deckgen.model import (
    Block,
    Cards,
    CodeBlock,
    Columns,
    Image,
    Inline,
    Paragraph,
    Quote,
    RawHtml,
    Run,
    Table,
)
from deckgen.themes import Theme
from deckgen.units import Emu

ImageSize = Callable[[Image], tuple[int, int] | None]


@dataclass(frozen=True, slots=True)
class Flow:
    """What laying out body blocks needs: theme, sizes, metrics, and image pixel sizes."""

    theme: Theme
    sizes: TextSizes
    measure: TextMeasure
    image_size: ImageSize
    italic: bool = False
    colour: str = "text"

    @property
    def gap(self) -> Emu:
        return self.theme.gap

    def body_role(self) -> TextRole:
        """Return how body text is set here."""
        return TextRole(self.sizes.body, self.theme.line_height["text"], self.colour, self.italic)


@dataclass(frozen=True, slots=True)
class Laid:
    """Pieces placed relative to (0, 0), and the height they take."""

    pieces: tuple[Piece, ...]
    height: Emu


def _groups(blocks: Sequence[Block]) -> list[list[Block] | Block]:
    """Return ``blocks`` with runs of consecutive text blocks gathered into lists."""
    groups: list[list[Block] | Block] = []
    for block in blocks:
        if is_text_block(block):
            if groups and isinstance(groups[-1], list):
                groups[-1].append(block)
            else:
                groups.append([block])
        else:
            groups.append(block)
    return groups


def _text(blocks: Sequence[Block], width: int, flow: Flow, outline: bool) -> Laid:
    paras = tuple(block_paras(blocks, flow.body_role(), flow.gap))
    height = paras_height(paras, width, flow.measure)
    return Laid((TextPiece(Box(Emu(0), Emu(0), Emu(width), height), paras, outline),), height)


def _code(block: CodeBlock, width: int, flow: Flow) -> Laid:
    size = flow.sizes.code  # the layout stage's size: the backend never re-fits
    pad_x, pad_y = em(size, BOX_MODEL.code_padding_x), em(size, BOX_MODEL.code_padding_y)
    line = line_pitch(size, flow.theme.line_height["code"])
    tokens = flow.theme.code_tokens
    inner = width - 2 * pad_x
    lines = sum(
        flow.measure.line_count(code_spans(shown_spans(block, index), size, tokens), inner)
        for index in range(len(block.lines))
    )
    height = Emu(max(lines, 1) * line + 2 * pad_y)
    return Laid(
        (CodePiece(Box(Emu(0), Emu(0), Emu(width), height), block, size, line, pad_x, pad_y),),
        height,
    )


def _cards(block: Cards, width: int, flow: Flow) -> Laid:
    size = flow.sizes.card
    columns = BOX_MODEL.card_columns
    card_width = split_widths(width, flow.gap, [1.0] * columns)[0]
    pad_x, pad_y = em(size, BOX_MODEL.card_padding_x), em(size, BOX_MODEL.card_padding_y)
    inset = Emu(BOX_MODEL.card_bar + pad_x)
    paras = [
        Para(runs, size, line_pitch(size, flow.theme.line_height["text"]), bold=True)
        for runs in block.cards
    ]
    pieces: list[Piece] = []
    y = 0
    for start in range(0, len(paras), columns):
        row = paras[start : start + columns]
        text_width = card_width - inset - pad_x
        height = max(paras_height([para], text_width, flow.measure) for para in row) + 2 * pad_y
        for column, para in enumerate(row):
            box = Box(Emu(column * (card_width + flow.gap)), Emu(y), card_width, Emu(height))
            pieces.append(CardPiece(box, para, inset, pad_x, pad_y))
            pieces.append(BarPiece(Box(box.x, box.y, BOX_MODEL.card_bar, box.h), "accent"))
        y += height + flow.gap
    return Laid(tuple(pieces), Emu(max(y - flow.gap, 0)))


def _cell_paras(runs: Inline, flow: Flow, header: bool) -> tuple[Para, ...]:
    size = flow.sizes.table
    colour = "title" if header else "text"
    return (
        Para(
            runs, size, line_pitch(size, flow.theme.line_height["text"]), colour=colour, bold=header
        ),
    )


def _table(block: Table, width: int, flow: Flow) -> Laid:
    size = flow.sizes.table
    pad_x, pad_y = em(size, BOX_MODEL.cell_padding_x), em(size, BOX_MODEL.cell_padding_y)
    rows = [tuple(_cell_paras(cell, flow, True) for cell in block.header)]
    rows += [tuple(_cell_paras(cell, flow, False) for cell in row) for row in block.rows]
    count = max(len(row) for row in rows)
    rows = [row + ((),) * (count - len(row)) for row in rows]
    natural = [
        max(paras_width(row[i], flow.measure) for row in rows) + 2 * pad_x + 1 for i in range(count)
    ]
    target = min(max(sum(natural), round(width * BOX_MODEL.table_min_width)), width)
    widths = natural if sum(natural) == target else split_widths(target, 0, natural)
    heights = [
        max(paras_height(cell, widths[i] - 2 * pad_x, flow.measure) for i, cell in enumerate(row))
        + 2 * pad_y
        for row in rows
    ]
    box = Box(Emu(0), Emu(0), Emu(sum(widths)), Emu(sum(heights)))
    piece = TablePiece(
        box,
        block,
        tuple(Emu(w) for w in widths),
        tuple(Emu(h) for h in heights),
        tuple(rows),
        pad_x,
        pad_y,
    )
    return Laid((piece,), box.h)


def _quote(block: Quote, width: int, height: int, flow: Flow) -> Laid:
    inset = BOX_MODEL.quote_bar + em(flow.sizes.body, BOX_MODEL.quote_padding)
    inner = lay_blocks(
        block.blocks,
        Box(Emu(inset), Emu(0), Emu(width - inset), Emu(height)),
        replace(flow, italic=True),
    )
    bar = BarPiece(Box(Emu(0), Emu(0), BOX_MODEL.quote_bar, inner.height), "accent")
    return Laid((bar, *inner.pieces), inner.height)


def _columns(block: Columns, width: int, height: int, flow: Flow) -> Laid:
    gap = round(flow.gap * BOX_MODEL.column_gap_scale)
    boxes = side_by_side(
        Box(Emu(0), Emu(0), Emu(width), Emu(height)),
        gap,
        column_weights([c.width for c in block.columns]),
    )
    laid = [
        lay_blocks(column.blocks, box, flow)
        for column, box in zip(block.columns, boxes, strict=True)
    ]
    return Laid(
        tuple(p for column in laid for p in column.pieces),
        Emu(max((c.height for c in laid), default=0)),
    )


def _image(block: Image, width: int, height: int, flow: Flow) -> Laid:
    pixels = flow.image_size(block)
    caption: tuple[Para, ...] = ()
    if block.caption:
        size = em(flow.sizes.body, BOX_MODEL.caption_scale)
        caption = (
            Para(
                block.caption,
                size,
                line_pitch(size, flow.theme.line_height["text"]),
                colour="subtitle",
            ),
        )
    if pixels is None:  # not embeddable: say what it shows instead
        runs = (Run(block.alt or "image", italic=True), *block.caption)
        return _text([Paragraph(runs, block.origin)], width, flow, False)
    caption_height = paras_height(caption, width, flow.measure) if caption else Emu(0)
    picture = fit_inside(
        Box(Emu(0), Emu(0), Emu(width), Emu(max(height - caption_height, 0))), *pixels
    )
    pieces: list[Piece] = [ImagePiece(picture, block)]
    if caption:
        pieces.append(TextPiece(Box(Emu(0), picture.bottom, Emu(width), caption_height), caption))
    return Laid(tuple(pieces), Emu(picture.h + caption_height))


def _fixed(group: list[Block] | Block, box: Box, flow: Flow, outline: bool) -> Laid:
    if isinstance(group, list):
        return _text(group, box.w, flow, outline)
    if isinstance(group, CodeBlock):
        return _code(group, box.w, flow)
    if isinstance(group, Cards):
        return _cards(group, box.w, flow)
    if isinstance(group, Table):
        return _table(group, box.w, flow)
    if isinstance(group, Quote):
        return _quote(group, box.w, box.h, flow)
    if isinstance(group, Columns):
        return _columns(group, box.w, box.h, flow)
    raise TypeError(f"not a body block: {group!r}")


def lay_blocks(blocks: Sequence[Block], box: Box, flow: Flow, outline: bool = False) -> Laid:
    """Return ``blocks`` placed top-down in ``box``, ``gap`` apart; pictures share the height left.

    ``outline`` marks the text frames as body text (the top level of a slide's body).
    """
    groups = [g for g in _groups(blocks) if not isinstance(g, RawHtml)]
    laid = [None if isinstance(g, Image) else _fixed(g, box, flow, outline) for g in groups]
    images = sum(1 for item in laid if item is None)
    if images:
        fixed = sum(item.height for item in laid if item is not None) + flow.gap * (len(laid) - 1)
        share = max((box.h - fixed) // images, 0)
        laid = [
            _image(group, box.w, share, flow) if isinstance(group, Image) else item
            for group, item in zip(groups, laid, strict=True)
        ]
    placed = [item for item in laid if item is not None]
    pieces: list[Piece] = []
    for item, top in zip(
        placed, stack(box.y, [item.height for item in placed], flow.gap), strict=True
    ):
        pieces.extend(shifted(piece, box.x, top) for piece in item.pieces)
    return Laid(tuple(pieces), stack_height([item.height for item in placed], flow.gap))
