"""A ``SlidePlan`` -> shapes on one slide, in reading order: title, subtitle, body, the rest.

The title goes into the layout's title placeholder (``ctrTitle`` on the title slide), the
subtitle into its subtitle or section-header text placeholder where it has one, and the first
body text into its content placeholder, so PowerPoint's outline, slide sorter and accessibility
checker see real titles and body text. Only placeholders the slide fills are put on it.

A shape with a formula is written twice in ``mc:AlternateContent`` (``mathxml.py``): with Office
Math, and as the fallback with each formula as its linear text; both under the same shape id.
The pieces' steps become the slide's click animations (``steps.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import assert_never

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import Slide, SlideLayout

from deckgen.backends.pptx.animation import insert_timing
from deckgen.backends.pptx.backgrounds import paint_background
from deckgen.backends.pptx.code import CodeWriter
from deckgen.backends.pptx.look import Look
from deckgen.backends.pptx.mathxml import alternate_content_xml
from deckgen.backends.pptx.media import media_pic_xml
from deckgen.backends.pptx.pictures import PictureParts, pic_xml
from deckgen.backends.pptx.steps import SlideSteps
from deckgen.backends.pptx.text import SlideParts, TextWriter, has_formula
from deckgen.backends.pptx.xmlshapes import (
    ShapeTree,
    filled_box_xml,
    placeholder_element,
    placeholder_xml,
    table_xml,
    text_box_xml,
)
from deckgen.backends.pptx.xmltext import RunStyle, slide_number_xml
from deckgen.fontstack import RunFonts
from deckgen.images import is_remote
from deckgen.layout.paragraphs import ParagraphSpec
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
from deckgen.model import Media
from deckgen.themes import Theme

TABLE_ALIGN = {"left": "l", "center": "ctr", "right": "r"}  # Markdown column alignment
TITLE_TYPES = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})
BODY_TYPES = frozenset({PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})
SUBTITLE_TYPES = {
    MasterLayout.TITLE: frozenset({PP_PLACEHOLDER.SUBTITLE}),
    MasterLayout.SECTION: BODY_TYPES,
}


def text_shape_xml(
    writer: TextWriter, paras: Sequence[ParagraphSpec], shape: Callable[[TextWriter], str]
) -> str:
    """Return the shape ``shape`` writes with ``writer``; with formulas in ``paras``, both forms
    of it in ``mc:AlternateContent`` (Office Math, and the linear fallback)."""
    if not has_formula(paras):
        return shape(writer)
    return alternate_content_xml(shape(writer), shape(writer.fallback()))


def _head(shape_id: int, name: str, ph: str | None, head: TextPiece) -> Callable[[TextWriter], str]:
    """Return what writes a title, subtitle or body: into its placeholder ``ph``, or a text box."""

    def xml(writer: TextWriter) -> str:
        paragraphs = writer.xml(head.paragraphs)
        if ph is None:
            return text_box_xml(shape_id, name, head.box, paragraphs)
        return placeholder_xml(shape_id, name, ph, head.box, paragraphs)

    return xml


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

    def __init__(
        self,
        look: Look,
        theme: Theme,
        lang: str,
        slide_parts: SlideParts,
        fonts: RunFonts | None = None,
        rtl: bool = False,
    ) -> None:
        self.look = look
        self.theme = theme
        self.lang = lang
        self.slide_parts = slide_parts
        self.fonts = fonts
        self.rtl = rtl  # right to left: paragraphs, tables and card insets mirror
        self.code = CodeWriter(look, theme, lang, fonts)
        self.pictures = PictureParts(slide_parts)
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
            small_scale=self.theme.box.small_scale,
            fonts=self.fonts,
            rtl=self.rtl,
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
            shape_id = tree.next_id()
            steps.text(shape_id, head.paragraphs)
            tree.add(text_shape_xml(writer, head.paragraphs, _head(shape_id, name, ph, head)))
        counts: dict[str, int] = {}
        media: list[tuple[int, bool]] = []
        for piece in plan.pieces:
            self._piece(slide, tree, piece, writer, counts, media, steps)
        if plan.takeaways is not None:
            shape_id, takeaways = tree.next_id(), plan.takeaways
            steps.text(shape_id, takeaways.paragraphs)
            tree.add(
                text_shape_xml(
                    writer,
                    takeaways.paragraphs,
                    lambda w: text_box_xml(
                        shape_id, "Takeaway", takeaways.box, w.xml(takeaways.paragraphs)
                    ),
                )
            )
        number = slide_number_xml(self.number_style)
        tree.add(text_box_xml(tree.next_id(), "Slide Number", plan.number, [number]))
        tree.flush()
        insert_timing(slide.element, steps.timing(media))
        if plan.background is not None:
            page = (self.theme.page_width, self.theme.page_height)
            base = self.theme.colors["background"]
            paint_background(slide, plan.background, self.look, base, page, self.pictures)

    def _piece(
        self,
        slide: Slide,
        tree: ShapeTree,
        piece: Piece,
        writer: TextWriter,
        counts: dict[str, int],
        media: list[tuple[int, bool]],
        steps: SlideSteps,
    ) -> None:
        def name(kind: str) -> str:
            counts[kind] = counts.get(kind, 0) + 1
            return f"{kind} {counts[kind]}"

        box = self.theme.box
        match piece:
            case TextPiece():
                shape_id, shape_name, text = tree.next_id(), name("Text"), piece
                steps.text(shape_id, text.paragraphs)
                tree.add(
                    text_shape_xml(
                        writer,
                        text.paragraphs,
                        lambda w: text_box_xml(
                            shape_id, shape_name, text.box, w.xml(text.paragraphs)
                        ),
                    )
                )
            case CodePiece():
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals)
                tree.add(self.code.shape_xml(shape_id, name("Code"), piece))
            case CardPiece():
                card, shape_id, shape_name = piece, tree.next_id(), name("Card")
                insets = (card.inset, card.pad_y, card.pad_x, card.pad_y)
                if self.rtl:  # the accent bar is on the right: the text stands off it there
                    insets = (card.pad_x, card.pad_y, card.inset, card.pad_y)
                fill = self.look.colour("surface")
                steps.shape(shape_id, piece.reveals + piece.paragraph.reveals)
                tree.add(
                    text_shape_xml(
                        writer,
                        (card.paragraph,),
                        lambda w: filled_box_xml(
                            shape_id,
                            shape_name,
                            card.box,
                            fill,
                            box.corner_radius,
                            w.xml((card.paragraph,)),
                            insets,
                        ),
                    )
                )
            case TablePiece():
                table, shape_id, shape_name = piece, tree.next_id(), name("Table")
                steps.shape(shape_id, piece.reveals, has_text=False)
                cells = [para for row in table.cells for cell in row for para in cell]
                tree.add(
                    text_shape_xml(
                        writer, cells, lambda w: self._table(shape_id, shape_name, table, w)
                    )
                )
            case BarPiece():
                colour = self.look.colour(piece.colour)
                shape_id = tree.next_id()
                steps.shape(shape_id, piece.reveals, has_text=False)
                tree.add(filled_box_xml(shape_id, name("Accent"), piece.box, colour))
            case ImagePiece():
                self._picture(slide, tree, piece, writer, name, media, steps)
            case _:
                assert_never(piece)

    def _picture(
        self,
        slide: Slide,
        tree: ShapeTree,
        piece: ImagePiece,
        writer: TextWriter,
        name: Callable[[str], str],
        media: list[tuple[int, bool]],
        steps: SlideSteps,
    ) -> None:
        """Add a picture, a video or a sound; where a .pptx cannot hold it, its alt text."""
        image = piece.image
        shape_id = tree.next_id()
        steps.shape(shape_id, piece.reveals, has_text=False)
        if image.media is not Media.PICTURE and not is_remote(image.src):
            label = "Video" if image.media is Media.VIDEO else "Audio"
            tree.add(media_pic_xml(shape_id, name(label), piece, self.pictures, slide.part))
            media.append((shape_id, image.media is Media.VIDEO))
            return
        blip = self.pictures.blip_xml(slide.part, image.src, piece.box)
        if blip is None:  # not embeddable: its alt text, in the picture's box
            paragraphs = writer.xml(piece.fallback)
            tree.add(text_box_xml(shape_id, name("Picture"), piece.box, paragraphs))
            return
        link = self.pictures.link_xml(slide.part, image.link)
        tree.add(pic_xml(shape_id, name("Picture"), image.alt, piece.box, blip, link))

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
        widths: Sequence[int] = piece.widths
        if self.rtl:  # the first column on the right, as the HTML's right-to-left table has it
            widths, cells = widths[::-1], [row[::-1] for row in cells]
        return table_xml(
            shape_id,
            name,
            piece.box,
            widths,
            piece.heights,
            cells,
            (piece.pad_x, piece.pad_y),
            rule,
        )
