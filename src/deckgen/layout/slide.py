"""One slide at given text sizes -> a ``SlidePlan``: every piece placed as the stylesheet places it.

Content slides stack a header (title, its rule, subtitle) and the body from the top of the frame
and pin takeaways to its bottom, above the footnotes the slide refers to (in the small size);
statement slides centre the header; title and section slides centre a headline (a section's
with the theme's section rule beside or above it). The plan says how far it overflows the
frame; fitting (``fitting.py``) chooses the sizes that avoid it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace

from deckgen.geometry import Box, centred_top, content_frame
from deckgen.layout.backdrop import backdrop_of
from deckgen.layout.flow import FlowContext, ImageSize, lay_blocks, unwrap
from deckgen.layout.paragraphs import ParagraphSpec, Typesetter, line_pitch
from deckgen.layout.pieces import (
    Backdrop,
    BarPiece,
    MasterLayout,
    Piece,
    SlidePlan,
    TextPiece,
    TextSizes,
)
from deckgen.layout.text import TextMeasure
from deckgen.model import Block, Cards, CodeBlock, Columns, Footnote, Inline, Slide, SlideKind
from deckgen.passes.footnotes import footnote_line
from deckgen.passes.walk import runs_in
from deckgen.themes import Theme
from deckgen.units import Emu


def shown_footnotes(slide: Slide) -> tuple[Footnote, ...]:
    """Return the footnotes ``slide`` (or a continuation's part of it) refers to."""
    if not slide.footnotes:
        return ()
    parts = (slide.title, slide.subtitle, slide.body, slide.takeaways)
    labels = {run.note for run in runs_in(parts) if run.note}
    return tuple(note for note in slide.footnotes if note.label in labels)


class Arrangement(enum.Enum):
    """How a slide's content is arranged (the HTML's ``data-layout``)."""

    TITLE = "title"
    SECTION = "section"
    STATEMENT = "statement"  # title and subtitle only
    CONTENT = "content"  # bullets, paragraphs, code, tables, images
    CODE = "code"  # code with at most a subtitle
    CARDS = "cards"
    COLUMNS = "columns"


def arrangement_of(slide: Slide) -> Arrangement:
    """Return the arrangement that fits what ``slide`` holds."""
    if slide.kind is SlideKind.TITLE:
        return Arrangement.TITLE
    if slide.kind is SlideKind.SECTION:
        return Arrangement.SECTION
    if not slide.body and not slide.takeaways:
        return Arrangement.STATEMENT
    body = [block for block, _ in unwrap(slide.body)]  # a fragment's blocks count as the body's
    if any(isinstance(block, Cards) for block in body):
        return Arrangement.CARDS
    if any(isinstance(block, Columns) for block in body):
        return Arrangement.COLUMNS
    if all(isinstance(block, CodeBlock) for block in body) and not slide.takeaways:
        return Arrangement.CODE
    return Arrangement.CONTENT


def is_headline(arrangement: Arrangement) -> bool:
    """Return True for the arrangements that centre a headline (title and section slides)."""
    return arrangement in (Arrangement.TITLE, Arrangement.SECTION)


class Arranger:
    """Places slides on a page of one size with one theme and one set of font metrics."""

    def __init__(
        self,
        theme: Theme,
        measure: TextMeasure,
        image_size: ImageSize,
        kind_of: Callable[[Block], object],
        page_width: int,
        page_height: int,
    ) -> None:
        self.theme = theme
        self.typesetter = Typesetter(measure, theme.box)
        self.image_size = image_size
        self.kind_of = kind_of
        self.page_width = page_width
        self.page_height = page_height
        self.frame = content_frame(theme, page_width, page_height)

    def context(self, sizes: TextSizes) -> FlowContext:
        """Return the context body blocks are set in at ``sizes``."""
        return FlowContext(
            self.theme,
            sizes,
            self.typesetter,
            self.image_size,
            self.kind_of,  # type: ignore[arg-type]
        )

    def plan(self, slide: Slide, arrangement: Arrangement, sizes: TextSizes) -> SlidePlan:
        """Return ``slide`` placed at ``sizes``; its ``overflow`` says whether it fits."""
        if slide.footnotes:
            slide = slide.with_changes(footnotes=shown_footnotes(slide))
        if is_headline(arrangement):
            plan = self._headline(slide, arrangement, sizes)
        else:
            plan = self._content(slide, arrangement, sizes)
        if slide.background is None:
            return plan
        page = (self.page_width, self.page_height)
        backdrop = backdrop_of(slide.background, self.image_size, *page)
        return replace(plan, background=backdrop)

    # -- pieces --

    def _text(self, runs: Inline, box: Box, spec: ParagraphSpec) -> TextPiece:
        paragraphs = (replace(spec, runs=runs),)
        return TextPiece(box.with_height(self.typesetter.height(paragraphs, box.w)), paragraphs)

    def title_spec(self, size: Emu, colour: str) -> ParagraphSpec:
        """Return how a title is set at ``size`` in the colour role ``colour``."""
        line = line_pitch(size, self.theme.box.heading_line_height)
        return ParagraphSpec((), size, line, font="heading", colour=colour, bold=True)

    def _plain_spec(self, size: Emu, colour: str, bold: bool = False) -> ParagraphSpec:
        line = line_pitch(size, self.theme.line_height["text"])
        return ParagraphSpec((), size, line, colour=colour, bold=bold)

    def number_box(self) -> Box:
        """Return where the slide number goes: the bottom-left corner, as the HTML shows it."""
        box = self.theme.box
        height = line_pitch(box.slide_number_size, self.theme.line_height["text"])
        top = Emu(self.page_height - box.slide_number_bottom - height)
        return Box(box.slide_number_left, top, Emu(box.slide_number_size * 4), height)

    # -- content slides --

    def _header(
        self, slide: Slide, sizes: TextSizes, top: int
    ) -> tuple[TextPiece | None, BarPiece | None, TextPiece | None, Emu]:
        """Return the title, its rule and the subtitle stacked from ``top``, and their bottom."""
        frame, box = self.frame, self.theme.box
        title = rule = subtitle = None
        y = Emu(top)
        if slide.title:
            spec = self.title_spec(sizes.title, "title")
            title = self._text(slide.title, Box(frame.x, y, frame.w, Emu(0)), spec)
            y = title.box.bottom
            if box.title_rule:
                one_line = self.typesetter.lines(title.paragraphs[0], frame.w) == 1
                width = (
                    min(self.typesetter.width(title.paragraphs, safety=False), frame.w)
                    if one_line
                    else frame.w
                )
                rule_top = Emu(title.box.bottom + round(sizes.title * box.title_rule_gap))
                rule = BarPiece(Box(frame.x, rule_top, Emu(width), box.title_rule), "accent")
                y = rule.box.bottom
        if slide.subtitle:
            y = Emu(y + self.theme.gap // 2) if title is not None else y
            spec = self._plain_spec(sizes.subtitle, "subtitle")
            subtitle = self._text(slide.subtitle, Box(frame.x, y, frame.w, Emu(0)), spec)
            y = subtitle.box.bottom
        return title, rule, subtitle, Emu(y)

    def _footnotes(
        self, slide: Slide, sizes: TextSizes, colour: str = "subtitle"
    ) -> TextPiece | None:
        """Return the slide's footnotes at the bottom of the frame, in the small size."""
        if not slide.footnotes:
            return None
        size = sizes.small or sizes.body
        spec = self._plain_spec(size, colour)
        paragraphs = tuple(replace(spec, runs=footnote_line(note)) for note in slide.footnotes)
        height = self.typesetter.height(paragraphs, self.frame.w)
        frame = self.frame
        return TextPiece(Box(frame.x, Emu(frame.bottom - height), frame.w, height), paragraphs)

    def _takeaways(self, slide: Slide, sizes: TextSizes, bottom: int) -> TextPiece | None:
        if not slide.takeaways:
            return None
        paragraphs = tuple(
            replace(
                self._plain_spec(sizes.takeaway, "takeaway", bold=True),
                runs=line.runs,
                before=Emu(self.theme.gap if index else 0),
            )
            for index, line in enumerate(slide.takeaways)
        )
        height = self.typesetter.height(paragraphs, self.frame.w)
        frame = self.frame
        return TextPiece(Box(frame.x, Emu(bottom - height), frame.w, height), paragraphs)

    def _content(self, slide: Slide, arrangement: Arrangement, sizes: TextSizes) -> SlidePlan:
        frame, gap = self.frame, self.theme.gap
        footnotes = self._footnotes(slide, sizes)
        foot = Emu(footnotes.box.y - gap) if footnotes else frame.bottom
        title, rule, subtitle, header_bottom = self._header(slide, sizes, frame.y)
        if arrangement is Arrangement.STATEMENT and not slide.body:
            above = frame.with_height(Emu(foot - frame.y))  # centred above the footnotes
            offset = centred_top(above, header_bottom - frame.y) - frame.y
            title, rule, subtitle, header_bottom = self._header(slide, sizes, frame.y + offset)
        takeaways = self._takeaways(slide, sizes, foot)
        limit = (takeaways.box.y - gap) if takeaways else foot
        top = Emu(header_bottom + gap) if header_bottom > frame.y else frame.y
        body = lay_blocks(
            slide.body,
            Box(frame.x, top, frame.w, Emu(max(limit - top, 0))),
            self.context(sizes),
            outline=True,
        )
        outline = next((p for p in body.pieces if isinstance(p, TextPiece) and p.outline), None)
        pieces: list[Piece] = [p for p in (rule,) if p is not None]
        pieces += [p for p in body.pieces if p is not outline]
        pieces += [p for p in (footnotes,) if p is not None]
        bottom = top + body.height if body.pieces else header_bottom
        if not slide.title:
            master = MasterLayout.BLANK
        else:
            master = MasterLayout.CONTENT if outline is not None else MasterLayout.TITLE_ONLY
        return SlidePlan(
            master,
            title,
            subtitle,
            outline,
            tuple(pieces),
            takeaways,
            self.number_box(),
            None,
            Emu(max(bottom - limit, 0)),
            body.squeezed,
        )

    # -- title and section slides --

    def _headline(self, slide: Slide, arrangement: Arrangement, sizes: TextSizes) -> SlidePlan:
        frame, gap, box = self.frame, self.theme.gap, self.theme.box
        section = arrangement is Arrangement.SECTION
        rule = box.section_rule if section else Emu(0)
        beside = rule and box.section_rule_side == "left"
        above = rule and box.section_rule_side == "top"
        inner = frame.inset_left(rule + box.section_rule_padding) if beside else frame
        colour = "section_subtitle" if section else "accent"
        heights: list[int] = []
        title = subtitle = None
        if slide.title:
            spec = self.title_spec(sizes.title, "section_text" if section else "title")
            title = self._text(slide.title, inner, spec)
            heights.append(title.box.h)
        if slide.subtitle:
            subtitle = self._text(slide.subtitle, inner, self._plain_spec(sizes.subtitle, colour))
            heights.append(subtitle.box.h)
        ctx = replace(self.context(sizes), colour=colour if section else "text")
        room = frame.h - sum(heights) - gap * len(heights)  # what the title and subtitle leave
        if above:
            room -= rule + box.section_rule_padding
        body = lay_blocks(slide.body, inner.with_height(Emu(max(room, 0))), ctx)
        if body.pieces:
            heights.append(body.height)
        content = sum(heights) + gap * max(len(heights) - 1, 0)
        total = content + ((rule + box.section_rule_padding) if above else 0)
        y = centred_top(frame, total)
        footnotes = self._footnotes(slide, sizes, "section_subtitle" if section else "subtitle")
        overlap = y + total + gap - footnotes.box.y if footnotes is not None else 0
        pieces: list[Piece] = []
        if beside:
            pieces.append(BarPiece(Box(frame.x, y, rule, Emu(total)), "section_rule"))
        if above:
            pieces.append(BarPiece(Box(frame.x, y, frame.w, rule), "section_rule"))
            y = Emu(y + rule + box.section_rule_padding)
        if title is not None:
            title = replace(title, box=title.box.moved(dy=y - title.box.y))
            y = Emu(title.box.bottom + gap)
        if subtitle is not None:
            subtitle = replace(subtitle, box=subtitle.box.moved(dy=y - subtitle.box.y))
            y = Emu(subtitle.box.bottom + gap)
        for piece in body.pieces:
            pieces.append(replace(piece, box=piece.box.moved(dy=y - inner.y)))
        pieces += [p for p in (footnotes,) if p is not None]
        return SlidePlan(
            MasterLayout.SECTION if section else MasterLayout.TITLE,
            title,
            subtitle,
            None,
            tuple(pieces),
            None,
            self.number_box(),
            Backdrop("section_background") if section else None,
            Emu(max(total - frame.h, overlap, 0)),
            body.squeezed,
        )
