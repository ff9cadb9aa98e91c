"""Measure slide content: wrap text with real font metrics and return block heights in points.

Pure functions over the model and the theme. The box model mirrors ``themes/base/style.css``
(list indents, code padding, card padding, table cell padding): keep the two in step; the
end-to-end tests fail when they drift apart and text leaves the slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deckgen.fonts import FontMetrics, load_metrics
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    Columns,
    Heading,
    Image,
    Inline,
    ListItem,
    Paragraph,
    Quote,
    RawHtml,
    Table,
)
from deckgen.themes import Theme

WIDTH_SAFETY = 1.04  # kerning, hinting and rounding differ between renderers
TITLE_LINE_HEIGHT = 1.1
LIST_INDENT_EM = 1.3  # ul padding-left 1.1em + li padding-left 0.2em
NESTED_LIST_SCALE = 0.9
CODE_PADDING_EM = (0.6, 0.9)  # vertical, horizontal
INLINE_CODE_SCALE = 0.9
CARD_PADDING_EM = (0.7, 0.8)
CARD_COLUMNS = 3
CARD_BORDER_PT = 3.0
TABLE_PADDING_EM = (0.2, 0.6)
QUOTE_INDENT_EM = 1.0
BODY_HEADING_SCALE = 1.1
CAPTION_SCALE = 0.8
IMAGE_MIN_HEIGHT_PT = 120.0
COLUMN_GAP_FACTOR = 3
WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Sizes:
    """Point sizes used to measure one slide's body."""

    body: float
    code: float
    table: float
    card: float


class Measurer:
    """Measures text and blocks in one theme's fonts."""

    def __init__(self, theme: Theme) -> None:
        fonts = theme.fonts
        self.body = load_metrics(fonts["body"].package, "400")
        self.body_bold = load_metrics(fonts["body"].package, "700")
        self.heading = load_metrics(fonts["heading"].package, "700")
        self.code = load_metrics(fonts["code"].package, "400")
        self.gap = theme.gap.pt
        self.line_height = theme.line_height["text"]
        self.code_line_height = theme.line_height["code"]

    # -- text --

    def _font(self, bold: bool, code: bool, heading: bool) -> FontMetrics:
        if code:
            return self.code
        if heading:
            return self.heading
        return self.body_bold if bold else self.body

    def lines(
        self, runs: Inline, size: float, width: float, bold: bool = False, heading: bool = False
    ) -> int:
        """Return how many lines ``runs`` take at ``size`` points in a box ``width`` points wide."""
        return _count_lines(
            tuple(
                (
                    run.text,
                    self._font(bold or run.bold, run.code, heading),
                    size * (INLINE_CODE_SCALE if run.code else 1),
                )
                for run in runs
            ),
            width / WIDTH_SAFETY,
        )

    def text_height(self, runs: Inline, size: float, width: float, bold: bool = False) -> float:
        return self.lines(runs, size, width, bold) * size * self.line_height

    def title_height(self, runs: Inline, size: float, width: float) -> float:
        return self.lines(runs, size, width, heading=True) * size * TITLE_LINE_HEIGHT

    def code_width(self, block: CodeBlock, size: float) -> float:
        """Return the width of the longest line of ``block`` plus its padding, in points."""
        longest = max((len(line.expandtabs(4)) for line in block.text.split("\n")), default=0)
        return self.code.width("M" * longest, size) * WIDTH_SAFETY + 2 * CODE_PADDING_EM[1] * size

    # -- blocks --

    def block_height(self, block: Block, sizes: Sizes, width: float) -> float:
        """Return the height of ``block`` in points when set ``width`` points wide."""
        if isinstance(block, Paragraph):
            return self.text_height(block.runs, sizes.body, width)
        if isinstance(block, Heading):
            return self.lines(block.runs, sizes.body * BODY_HEADING_SCALE, width, heading=True) * (
                sizes.body * BODY_HEADING_SCALE * TITLE_LINE_HEIGHT
            )
        if isinstance(block, BulletList):
            return self.list_height(block.items, sizes.body, width)
        if isinstance(block, CodeBlock):
            return self.code_height(block, sizes.code, width)
        if isinstance(block, Table):
            return self.table_height(block, sizes.table, width)
        if isinstance(block, Cards):
            return self.cards_height(block.cards, sizes.card, width)
        if isinstance(block, Image):
            caption = (
                self.text_height(block.caption, sizes.body * CAPTION_SCALE, width)
                if block.caption
                else 0.0
            )
            return IMAGE_MIN_HEIGHT_PT + caption
        if isinstance(block, Quote):
            inner = width - QUOTE_INDENT_EM * sizes.body
            return self.stack_height(block.blocks, sizes, inner)
        if isinstance(block, Columns):
            return self.columns_height(block, sizes, width)
        if isinstance(block, RawHtml):
            return 0.0
        raise TypeError(f"cannot measure {block!r}")

    def stack_height(self, blocks: tuple[Block, ...], sizes: Sizes, width: float) -> float:
        """Return the height of ``blocks`` stacked with the theme's gap between them."""
        if not blocks:
            return 0.0
        return sum(self.block_height(b, sizes, width) for b in blocks) + self.gap * (
            len(blocks) - 1
        )

    def item_height(self, item: ListItem, size: float, width: float) -> float:
        inner = width - LIST_INDENT_EM * size
        height = self.text_height(item.runs, size, inner)
        if item.sublist is not None:
            height += self.gap / 2 + self.list_height(
                item.sublist.items, size * NESTED_LIST_SCALE, inner
            )
        return height

    def list_height(self, items: tuple[ListItem, ...], size: float, width: float) -> float:
        if not items:
            return 0.0
        return sum(self.item_height(i, size, width) for i in items) + self.gap / 2 * (
            len(items) - 1
        )

    def code_height(self, block: CodeBlock, size: float, width: float) -> float:
        inner = width - 2 * CODE_PADDING_EM[1] * size
        rows = 0
        for line in block.text.split("\n"):
            line_width = self.code.width(line.expandtabs(4), size) * WIDTH_SAFETY
            rows += max(1, -(-int(line_width) // max(int(inner), 1)))
        return rows * size * self.code_line_height + 2 * CODE_PADDING_EM[0] * size

    def table_height(self, table: Table, size: float, width: float) -> float:
        columns = max(len(table.header), max((len(r) for r in table.rows), default=0), 1)
        cell_width = width / columns - 2 * TABLE_PADDING_EM[1] * size
        height = 0.0
        for row in (table.header, *table.rows):
            lines = max((self.lines(cell, size, cell_width) for cell in row), default=1)
            height += max(lines, 1) * size * self.line_height + 2 * TABLE_PADDING_EM[0] * size + 1
        return height

    def cards_height(self, cards: tuple[Inline, ...], size: float, width: float) -> float:
        if not cards:
            return 0.0
        card_width = (width - self.gap * (CARD_COLUMNS - 1)) / CARD_COLUMNS
        inner = card_width - 2 * CARD_PADDING_EM[1] * size - CARD_BORDER_PT
        rows = [cards[i : i + CARD_COLUMNS] for i in range(0, len(cards), CARD_COLUMNS)]
        height = 0.0
        for row in rows:
            lines = max(self.lines(card, size, inner, bold=True) for card in row)
            height += lines * size * self.line_height + 2 * CARD_PADDING_EM[0] * size
        return height + self.gap * (len(rows) - 1)

    def columns_height(self, block: Columns, sizes: Sizes, width: float) -> float:
        count = max(len(block.columns), 1)
        column_width = (width - self.gap * COLUMN_GAP_FACTOR * (count - 1)) / count
        return max(
            (self.stack_height(c.blocks, sizes, column_width) for c in block.columns), default=0.0
        )


@lru_cache(maxsize=65536)
def _word_width(word: str, font: FontMetrics, size: float) -> float:
    return font.width(word, size)


def _count_lines(pieces: tuple[tuple[str, FontMetrics, float], ...], width: float) -> int:
    """Return how many lines greedy word wrap gives ``pieces`` (text, font, size) in ``width``."""
    lines, current = 1, 0.0
    for text, font, size in pieces:
        chunks = text.split("\n")
        for index, chunk in enumerate(chunks):
            if index:
                lines, current = lines + 1, 0.0
            for match in WORD.finditer(chunk):
                token = match.group(0)
                word = token.rstrip()
                word_width = _word_width(word, font, size) if word else 0.0
                space_width = (
                    _word_width(token[len(word) :], font, size) if len(token) > len(word) else 0.0
                )
                if current and current + word_width > width:
                    lines, current = lines + 1, 0.0
                    if not word:
                        continue
                if word_width > width:  # a word longer than the line breaks anywhere (CSS anywhere)
                    extra = int(word_width // width)
                    lines += extra
                    current = word_width - extra * width
                else:
                    current += word_width
                current += space_width
    return lines
