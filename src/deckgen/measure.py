"""Measure slide content with the real metrics of the theme's fonts, for every stage that needs it.

``TextMeasure`` wraps text (the one line-breaking rule deckgen has); ``Measurer`` gives block
heights for the layout stage. The box model (list indents, code and card padding...) comes from
``geometry.BOX_MODEL``, which mirrors ``themes/base/style.css``, so the layout stage, the .pptx
backend and the browser agree; the end-to-end tests fail when they drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from deckgen.fonts import FontMetrics, load_metrics
from deckgen.geometry import BOX_MODEL, column_weights
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    CodeLine,
    CodeSpan,
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
from deckgen.themes import Font, Theme
from deckgen.units import EMU_PER_PT, Emu, pt

IMAGE_MIN_HEIGHT_PT = 120.0  # a picture shrinks to fit, down to this
TAB_WIDTH = 8  # columns, as browsers show a tab in <pre> (and the .pptx writes it)

WIDTH_SAFETY = 1.04  # kerning, hinting and rounding differ between renderers
_SPACES_OR_BREAKS = re.compile(r"(\n| +)")


@dataclass(frozen=True, slots=True)
class Face:
    """A font role in a weight and style."""

    role: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """Text set in one face and size, the unit a paragraph is measured in."""

    text: str
    face: Face
    size: Emu


@lru_cache(maxsize=65536)
def _width_pt(metrics: FontMetrics, text: str, size_pt: float) -> float:
    return metrics.width(text, size_pt)


class TextMeasure:
    """Widths and wrapped line counts of text in the fonts given for each role."""

    def __init__(self, fonts: Mapping[str, Font]) -> None:
        self._fonts = dict(fonts)

    def _metrics(self, face: Face) -> FontMetrics:
        font = self._fonts.get(face.role) or self._fonts["body"]
        return load_metrics(
            font.package, "700" if face.bold else "400", "italic" if face.italic else "normal"
        )

    def width(self, text: str, face: Face, size: int) -> Emu:
        """Return the advance width of ``text`` set in ``face`` at ``size``."""
        if not text:
            return Emu(0)
        return Emu(round(_width_pt(self._metrics(face), text, size / EMU_PER_PT) * EMU_PER_PT))

    def line_count(self, spans: Iterable[Span], width: int) -> int:
        """Return how many lines ``spans`` wrap to in ``width``, breaking at spaces and newlines.

        Leading spaces count (code indentation); a word wider than a line breaks inside itself.
        """
        limit = max(width / WIDTH_SAFETY, 1.0)
        lines, line, space, word = 1, 0.0, 0.0, 0.0
        fresh = True  # at the start of a paragraph or after a newline, leading spaces count

        def place(word_width: float) -> None:
            nonlocal lines, line, space, fresh
            if line and line + space + word_width > limit:
                lines, line, space = lines + 1, 0.0, 0.0
            line += (space if line or fresh else 0.0) + word_width
            while line > limit:
                lines, line = lines + 1, line - limit
            space, fresh = 0.0, False

        for span in spans:
            for part in _SPACES_OR_BREAKS.split(span.text):
                if not part:
                    continue
                if part == "\n":
                    if word:
                        place(word)
                    lines, line, space, word, fresh = lines + 1, 0.0, 0.0, 0.0, True
                elif part[0] == " ":
                    if word:
                        place(word)
                        word = 0.0
                    space += self.width(part, span.face, span.size)
                else:
                    word += self.width(part, span.face, span.size)
        if word:
            place(word)
        return lines

    def longest_line(self, spans: Iterable[Span], safety: bool = True) -> Emu:
        """Return the width of the widest line of ``spans``, unwrapped (``safety``: plus margin)."""
        widest, line = 0, 0
        for span in spans:
            for index, part in enumerate(span.text.split("\n")):
                if index:
                    widest, line = max(widest, line), 0
                line += self.width(part, span.face, span.size)
        return Emu(round(max(widest, line) * (WIDTH_SAFETY if safety else 1.0)))


def expand_tabs(line: CodeLine) -> CodeLine:
    """Return ``line`` with tabs turned into spaces up to the next tab stop."""
    if not any("\t" in span.text for span in line):
        return line
    column, spans = 0, []
    for span in line:
        text = ""
        for char in span.text:
            if char == "\t":
                pad = TAB_WIDTH - column % TAB_WIDTH
                text, column = text + " " * pad, column + pad
            else:
                text, column = text + char, column + 1
        spans.append(CodeSpan(text, span.token))
    return tuple(spans)


def line_number(block: CodeBlock, index: int) -> str:
    """Return the number shown before line ``index`` of ``block``: "" unless it is numbered."""
    if not block.number_lines:
        return ""
    digits = len(str(block.first_line_number + len(block.lines) - 1))
    return str(block.first_line_number + index).rjust(digits) + " "


def shown_code_text(block: CodeBlock) -> list[str]:
    """Return each line of ``block`` as both backends show it (number, tabs expanded)."""
    return [
        line_number(block, index) + "".join(span.text for span in expand_tabs(line))
        for index, line in enumerate(block.lines)
    ]


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
        self.text = TextMeasure(theme.fonts)
        self.gap = theme.gap.pt
        self.line_height = theme.line_height["text"]
        self.code_line_height = theme.line_height["code"]

    # -- text --

    def lines(
        self, runs: Inline, size: float, width: float, bold: bool = False, heading: bool = False
    ) -> int:
        """Return how many lines ``runs`` take at ``size`` points in a box ``width`` points wide."""
        role = "heading" if heading else "body"
        bold = bold or heading
        spans = (
            Span(run.text, Face("code"), pt(size * BOX_MODEL.inline_code_scale))
            if run.code
            else Span(run.text, Face(role, bold=bold or run.bold, italic=run.italic), pt(size))
            for run in runs
        )
        return self.text.line_count(spans, pt(width))

    def text_height(self, runs: Inline, size: float, width: float, bold: bool = False) -> float:
        return self.lines(runs, size, width, bold) * size * self.line_height

    def title_height(self, runs: Inline, size: float, width: float) -> float:
        return self.lines(runs, size, width, heading=True) * size * BOX_MODEL.heading_line_height

    def code_width(self, block: CodeBlock, size: float) -> float:
        """Return the width of the longest line of ``block`` plus its padding, in points."""
        spans = (Span("\n".join(shown_code_text(block)), Face("code"), pt(size)),)
        return self.text.longest_line(spans).pt + 2 * BOX_MODEL.code_padding_x * size

    # -- blocks --

    def block_height(self, block: Block, sizes: Sizes, width: float) -> float:
        """Return the height of ``block`` in points when set ``width`` points wide."""
        if isinstance(block, Paragraph):
            return self.text_height(block.runs, sizes.body, width)
        if isinstance(block, Heading):
            size = sizes.body * BOX_MODEL.body_heading_scale
            lines = self.lines(block.runs, size, width, heading=True)
            return lines * size * BOX_MODEL.heading_line_height
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
                self.text_height(block.caption, sizes.body * BOX_MODEL.caption_scale, width)
                if block.caption
                else 0.0
            )
            return IMAGE_MIN_HEIGHT_PT + caption
        if isinstance(block, Quote):
            inner = width - BOX_MODEL.quote_padding * sizes.body - BOX_MODEL.quote_bar.pt
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
        inner = width - BOX_MODEL.list_indent * size
        height = self.text_height(item.runs, size, inner)
        if item.sublist is not None:
            height += self.gap / 2 + self.list_height(
                item.sublist.items, size * BOX_MODEL.nested_list_scale, inner
            )
        return height

    def list_height(self, items: tuple[ListItem, ...], size: float, width: float) -> float:
        if not items:
            return 0.0
        return sum(self.item_height(i, size, width) for i in items) + self.gap / 2 * (
            len(items) - 1
        )

    def code_height(self, block: CodeBlock, size: float, width: float) -> float:
        inner = pt(width - 2 * BOX_MODEL.code_padding_x * size)
        face, emu_size = Face("code"), pt(size)
        rows = sum(
            self.text.line_count((Span(line, face, emu_size),), inner)
            for line in shown_code_text(block)
        )
        return rows * size * self.code_line_height + 2 * BOX_MODEL.code_padding_y * size

    def table_height(self, table: Table, size: float, width: float) -> float:
        columns = max(len(table.header), max((len(r) for r in table.rows), default=0), 1)
        cell_width = width / columns - 2 * BOX_MODEL.cell_padding_x * size
        height = 0.0
        for row in (table.header, *table.rows):
            lines = max((self.lines(cell, size, cell_width) for cell in row), default=1)
            padding = 2 * BOX_MODEL.cell_padding_y * size + BOX_MODEL.cell_rule.pt
            height += max(lines, 1) * size * self.line_height + padding
        return height

    def cards_height(self, cards: tuple[Inline, ...], size: float, width: float) -> float:
        if not cards:
            return 0.0
        columns = BOX_MODEL.card_columns
        card_width = (width - self.gap * (columns - 1)) / columns
        inner = card_width - 2 * BOX_MODEL.card_padding_x * size - BOX_MODEL.card_bar.pt
        rows = [cards[i : i + columns] for i in range(0, len(cards), columns)]
        height = 0.0
        for row in rows:
            lines = max(self.lines(card, size, inner, bold=True) for card in row)
            height += lines * size * self.line_height + 2 * BOX_MODEL.card_padding_y * size
        return height + self.gap * (len(rows) - 1)

    def columns_height(self, block: Columns, sizes: Sizes, width: float) -> float:
        weights = column_weights([c.width for c in block.columns])
        usable = width - self.gap * BOX_MODEL.column_gap_scale * (len(weights) - 1)
        return max(
            (
                self.stack_height(c.blocks, sizes, usable * weight / sum(weights))
                for c, weight in zip(block.columns, weights, strict=True)
            ),
            default=0.0,
        )
