"""A ``SlidePlan`` -> shapes on one slide, in reading order: title, subtitle, body, the rest.

The title goes into the layout's title placeholder (``ctrTitle`` on the title slide), the
subtitle into its subtitle or section-header text placeholder where it has one, and the first
body text into its content placeholder, so PowerPoint's outline, slide sorter and accessibility
checker see real titles and body text. Only placeholders the slide fills are put on it. The
pieces' steps become the slide's click animations (``steps.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import Slide, SlideLayout

from deckgen.backends.pptx.animation import insert_timing
from deckgen.backends.pptx.code import CodeWriter
from deckgen.backends.pptx.look import Look
from deckgen.backends.pptx.media import add_picture, picture_fallback
from deckgen.backends.pptx.steps import SlideSteps
from deckgen.backends.pptx.text import SlideParts, TextWriter
from deckgen.backends.pptx.xmlshapes import (
    ShapeTree,
    filled_box_xml,
    placeholder_element,
    placeholder_xml,
    table_xml,
    text_box_xml,
)
from deckgen.backends.pptx.xmltext import RunStyle, slide_number_xml
from deckgen.layout.pieces import (
    BarPiece,
    CardPiece,
    CodePiece,
    ImagePiece,
    MasterLayout,
    Piece,
    SlidePlan,
    TablePiece,
    TextPiece,
)
from deckgen.themes import Theme

TABLE_ALIGN = {"left": "l", "center": "ctr", "right": "r"}  # Markdown column alignment
TITLE_TYPES = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})
BODY_TYPES = frozenset({PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})
SUBTITLE_TYPES = {
    MasterLayout.TITLE: frozenset({PP_PLACEHOLDER.SUBTITLE}),
    MasterLayout.SECTION: BODY_TYPES,
}


@dataclass(frozen=True, slots=True)
class Slots:
    """The ``p:ph`` elements a slide on one layout uses for its title, subtitle and body."""

    title: str | None
    subtitle: str | None
    body: str | None


def layout_slots(layout: SlideLayout, master: MasterLayout) -> Slots:
    """Return which of the layout's placeholders take the title, subtitle and body."""
    found = [(s.placeholder_format.type, s.element) for s in layout.shapes if s.is_placeholder]

    def first(types: frozenset[PP_PLACEHOLDER]) -> str | None:
        return next((placeholder_element(e) for kind, e in found if kind in types), None)

    subtitle = first(SUBTITLE_TYPES[master]) if master in SUBTITLE_TYPES else None
    body = first(BODY_TYPES) if master is MasterLayout.CONTENT else None
    return Slots(first(TITLE_TYPES), subtitle, body)


class SlideWriter:
    """Writes slide plans in one look and theme."""

    def __init__(self, look: Look, theme: Theme, lang: str, slide_parts: SlideParts) -> None:
        self.look = look
        self.theme = theme
        self.lang = lang
        self.slide_parts = slide_parts
        self.code = CodeWriter(look, theme, lang)
        self._slots: dict[tuple[str, MasterLayout], Slots] = {}
        self.number_style = RunStyle(
            size=theme.box.slide_number_size,
            typeface=look.typeface("body"),
            colour=look.colour("subtitle"),
            lang=lang,
        )

    def slots(self, layout: SlideLayout, master: MasterLayout) -> Slots:
        """Return the layout's slots (looked up once per layout)."""
        key = (str(layout.part.partname), master)
        if key not in self._slots:
            self._slots[key] = layout_slots(layout, master)
        return self._slots[key]

    def write(self, slide: Slide, layout: SlideLayout, plan: SlidePlan) -> None:
        """Fill ``slide`` (new, on ``layout``, without shapes) with ``plan``."""
        writer = TextWriter(
            self.look,
            self.lang,
            slide.part,
            self.slide_parts,
            inline_code_scale=self.theme.box.inline_code_scale,
        )
        tree = ShapeTree(slide.shapes.element)
        steps = SlideSteps()
        slots = self.slots(layout, plan.master)
        heads = (
            (plan.title, slots.title, "Title"),
            (plan.subtitle, slots.subtitle, "Subtitle"),
            (plan.body, slots.body, "Body"),
        )
        for head, ph, name in heads:
            if head is None:
                continue
            paragraphs = writer.xml(head.paragraphs)
            shape_id = tree.next_id()
            steps.text(shape_id, head.paragraphs)
            if ph is None:
                tree.add(text_box_xml(shape_id, name, head.box, paragraphs))
            else:
                tree.add(placeholder_xml(shape_id, name, ph, head.box, paragraphs))
        counts: dict[str, int] = {}
        for piece in plan.pieces:
            self._piece(slide, tree, piece, writer, counts, steps)
        if plan.takeaways is not None:
            paragraphs = writer.xml(plan.takeaways.paragraphs)
            shape_id = tree.next_id()
            steps.text(shape_id, plan.takeaways.paragraphs)
            tree.add(text_box_xml(shape_id, "Takeaway", plan.takeaways.box, paragraphs))
        number = slide_number_xml(self.number_style)
        tree.add(text_box_xml(tree.next_id(), "Slide Number", plan.number, [number]))
        tree.flush()
        insert_timing(slide.element, steps.timing())
        if plan.background is not None and self.look.paint_backgrounds:
            slide.background.fill.solid()
            self.look.colour(plan.background).apply(slide.background.fill.fore_color)

    def _piece(
        self,
        slide: Slide,
        tree: ShapeTree,
        piece: Piece,
        writer: TextWriter,
        counts: dict[str, int],
        steps: SlideSteps,
    ) -> None:
        def name(kind: str) -> str:
            counts[kind] = counts.get(kind, 0) + 1
            return f"{kind} {counts[kind]}"

        box = self.theme.box
        match piece:
            case TextPiece():
                paragraphs = writer.xml(piece.paragraphs)
                shape_id = tree.next_id()
                steps.text(shape_id, piece.paragraphs)
                tree.add(text_box_xml(shape_id, name("Text"), piece.box, paragraphs))
            case CodePiece():
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals)
                tree.add(self.code.shape_xml(shape_id, name("Code"), piece))
            case CardPiece():
                insets = (piece.inset, piece.pad_y, piece.pad_x, piece.pad_y)
                paragraphs = writer.xml((piece.paragraph,))
                fill = self.look.colour("surface")
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals + piece.paragraph.reveals)
                tree.add(
                    filled_box_xml(
                        shape_id,
                        name("Card"),
                        piece.box,
                        fill,
                        box.corner_radius,
                        paragraphs,
                        insets,
                    )
                )
            case TablePiece():
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals, has_text=False)
                tree.add(self._table(shape_id, name("Table"), piece, writer))
            case BarPiece():
                colour = self.look.colour(piece.colour)
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals, has_text=False)
                tree.add(filled_box_xml(shape_id, name("Accent"), piece.box, colour))
            case ImagePiece():
                fallback = picture_fallback(piece)
                if fallback is not None:  # not embeddable: its alt text, in the picture's box
                    paragraphs = writer.xml(fallback)
                    shape_id = tree.next_id()
                    steps.shape(shape_id, piece.reveals)
                    tree.add(text_box_xml(shape_id, name("Picture"), piece.box, paragraphs))
                else:  # a picture needs an image part and a relationship: python-pptx adds them
                    tree.flush()
                    picture = add_picture(slide.shapes, piece, name("Picture"))
                    tree.adopt(picture.element)
                    steps.shape(picture.shape_id, piece.reveals, has_text=False)
            case _:
                assert_never(piece)

    def _table(self, shape_id: int, name: str, piece: TablePiece, writer: TextWriter) -> str:
        """Return ``piece`` as a native table, each column aligned as the Markdown asks."""
        aligns = [TABLE_ALIGN.get(a or "", "l") for a in piece.table.aligns]
        cells = [
            [
                writer.xml(
                    [replace(p, align=aligns[c] if c < len(aligns) else "l") for p in paragraphs]
                )
                for c, paragraphs in enumerate(row)
            ]
            for row in piece.cells
        ]
        rule = (self.look.colour("subtitle"), self.theme.box.cell_rule)
        return table_xml(
            shape_id,
            name,
            piece.box,
            piece.widths,
            piece.heights,
            cells,
            (piece.pad_x, piece.pad_y),
            rule,
        )
