"""One laid-out slide -> a ``SlidePlan``: every piece placed as the HTML theme places it.

Content slides stack a header (title, accent rule, subtitle) and the body from the top of the
frame and pin takeaways to its bottom; statement slides centre the header; title and section
slides centre a headline (section dividers with an accent bar beside it). When the body does not
fit, body sizes step down towards the theme's minimums before the plan reports an overflow.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.backends.pptx.flow import Flow, ImageSize, lay_blocks
from deckgen.backends.pptx.paragraphs import Para, line_pitch, para_lines, paras_height, paras_width
from deckgen.backends.pptx.pieces import BarPiece, LayoutRole, Piece, SlidePlan, TextPiece
from deckgen.geometry import BOX_MODEL, Box, centred_top, content_frame, em
from deckgen.layout import Layout, PlacedSlide, TextSizes
from deckgen.measure import TextMeasure
from deckgen.model import Inline
from deckgen.themes import Theme
from deckgen.units import Emu


def _text_piece(runs: Inline, box: Box, para: Para, measure: TextMeasure) -> TextPiece:
    paras = (replace(para, runs=runs),)
    return TextPiece(box.with_height(paras_height(paras, box.w, measure)), paras)


def _title_para(size: Emu, colour: str) -> Para:
    return Para(
        (),
        size,
        line_pitch(size, BOX_MODEL.heading_line_height),
        font="heading",
        colour=colour,
        bold=True,
    )


def _plain_para(size: Emu, line_height: float, colour: str, bold: bool = False) -> Para:
    return Para((), size, line_pitch(size, line_height), colour=colour, bold=bold)


def slide_number_box(page_height: int, line_height: float) -> Box:
    """Return where the slide number goes: the bottom-left corner, as the HTML deck shows it."""
    size = BOX_MODEL.slide_number_size
    height = line_pitch(size, line_height)
    return Box(
        BOX_MODEL.slide_number_left,
        Emu(page_height - BOX_MODEL.slide_number_bottom - height),
        em(size, 4),
        height,
    )


class Arranger:
    """Plans slides on a page of one size with one theme and one set of font metrics."""

    def __init__(
        self,
        theme: Theme,
        measure: TextMeasure,
        image_size: ImageSize,
        page_width: int,
        page_height: int,
    ) -> None:
        self.theme = theme
        self.measure = measure
        self.image_size = image_size
        self.page_height = page_height
        self.frame = content_frame(theme, page_width, page_height)

    def _flow(self, sizes: TextSizes) -> Flow:
        return Flow(self.theme, sizes, self.measure, self.image_size)

    def plan(self, placed: PlacedSlide) -> SlidePlan:
        """Return the plan of ``placed`` at the sizes the layout stage chose.

        The layout stage has already shrunk or split the slide to fit; a plan that still
        overflows means the two measurements disagree, and the caller reports it.
        """
        if placed.layout in (Layout.TITLE, Layout.SECTION):
            return self._headline(placed)
        return self._content(placed)

    def _header(
        self, placed: PlacedSlide, top: int
    ) -> tuple[TextPiece | None, BarPiece | None, TextPiece | None, Emu]:
        """Return the title, its rule and the subtitle stacked from ``top``, and their bottom."""
        slide, sizes, frame = placed.slide, placed.sizes, self.frame
        title = rule = subtitle = None
        y = Emu(top)
        if slide.title:
            title = _text_piece(
                slide.title,
                Box(frame.x, y, frame.w, Emu(0)),
                _title_para(sizes.title, "title"),
                self.measure,
            )
            one_line = para_lines(title.paras[0], frame.w, self.measure) == 1
            width = (
                min(paras_width(title.paras, self.measure, safety=False), frame.w)
                if one_line
                else frame.w
            )
            rule_top = Emu(title.box.bottom + em(sizes.title, BOX_MODEL.title_rule_gap))
            rule = BarPiece(Box(frame.x, rule_top, Emu(width), BOX_MODEL.title_rule), "accent")
            y = Emu(rule.box.bottom + self.theme.gap // 2)
        if slide.subtitle:
            para = _plain_para(sizes.subtitle, self.theme.line_height["text"], "subtitle")
            subtitle = _text_piece(
                slide.subtitle, Box(frame.x, y, frame.w, Emu(0)), para, self.measure
            )
            y = subtitle.box.bottom
        elif rule is not None:
            y = rule.box.bottom
        return title, rule, subtitle, Emu(y)

    def _takeaways(self, placed: PlacedSlide) -> TextPiece | None:
        if not placed.slide.takeaways:
            return None
        size = placed.sizes.takeaway
        paras = tuple(
            replace(
                _plain_para(size, self.theme.line_height["text"], "takeaway", bold=True),
                runs=line.runs,
                before=Emu(self.theme.gap if index else 0),
            )
            for index, line in enumerate(placed.slide.takeaways)
        )
        height = paras_height(paras, self.frame.w, self.measure)
        return TextPiece(
            Box(self.frame.x, Emu(self.frame.bottom - height), self.frame.w, height), paras
        )

    def _content(self, placed: PlacedSlide) -> SlidePlan:
        frame, gap = self.frame, self.theme.gap
        title, rule, subtitle, header_bottom = self._header(placed, frame.y)
        if placed.layout is Layout.STATEMENT and not placed.slide.body:
            offset = centred_top(frame, header_bottom - frame.y) - frame.y
            title, rule, subtitle, header_bottom = self._header(placed, frame.y + offset)
        takeaways = self._takeaways(placed)
        limit = (takeaways.box.y - gap) if takeaways else frame.bottom
        top = Emu(header_bottom + gap) if header_bottom > frame.y else frame.y
        flow = self._flow(placed.sizes)
        body = lay_blocks(
            placed.slide.body,
            Box(frame.x, top, frame.w, Emu(max(limit - top, 0))),
            flow,
            outline=True,
        )
        outline = next((p for p in body.pieces if isinstance(p, TextPiece) and p.outline), None)
        pieces: list[Piece] = [p for p in (rule,) if p is not None]
        pieces += [p for p in body.pieces if p is not outline]
        bottom = top + body.height if body.pieces else header_bottom
        if not placed.slide.title:
            role = LayoutRole.BLANK
        else:
            role = LayoutRole.CONTENT if outline is not None else LayoutRole.TITLE_ONLY
        return SlidePlan(
            placed,
            role,
            title,
            subtitle,
            outline,
            tuple(pieces),
            takeaways,
            slide_number_box(self.page_height, self.theme.line_height["text"]),
            None,
            Emu(max(bottom - limit, 0)),
        )

    def _headline(self, placed: PlacedSlide) -> SlidePlan:
        slide, sizes, frame, gap = placed.slide, placed.sizes, self.frame, self.theme.gap
        section = placed.layout is Layout.SECTION
        indent = BOX_MODEL.section_bar + BOX_MODEL.section_bar_padding if section else 0
        inner = frame.inset_left(indent)
        title = subtitle = None
        colour = (
            "section_subtitle" if section and "section_subtitle" in self.theme.colors else "accent"
        )
        heights: list[int] = []
        if slide.title:
            title = _text_piece(
                slide.title,
                inner,
                _title_para(sizes.title, "section_text" if section else "title"),
                self.measure,
            )
            heights.append(title.box.h)
        if slide.subtitle:
            para = _plain_para(sizes.subtitle, self.theme.line_height["text"], colour)
            subtitle = _text_piece(slide.subtitle, inner, para, self.measure)
            heights.append(subtitle.box.h)
        flow = replace(self._flow(sizes), colour=colour if section else "text")
        body = lay_blocks(slide.body, inner.with_height(frame.h), flow)
        if body.pieces:
            heights.append(body.height)
        total = sum(heights) + gap * max(len(heights) - 1, 0)
        y = centred_top(frame, total)
        pieces: list[Piece] = []
        if section:
            pieces.append(BarPiece(Box(frame.x, y, BOX_MODEL.section_bar, Emu(total)), "accent"))
        if title is not None:
            title = replace(title, box=title.box.moved(dy=y - title.box.y))
            y = Emu(title.box.bottom + gap)
        if subtitle is not None:
            subtitle = replace(subtitle, box=subtitle.box.moved(dy=y - subtitle.box.y))
            y = Emu(subtitle.box.bottom + gap)
        for piece in body.pieces:
            pieces.append(replace(piece, box=piece.box.moved(dy=y - inner.y)))
        return SlidePlan(
            placed,
            LayoutRole.SECTION if section else LayoutRole.TITLE,
            title,
            subtitle,
            None,
            tuple(pieces),
            None,
            slide_number_box(self.page_height, self.theme.line_height["text"]),
            "section_background" if section else None,
            Emu(max(total - frame.h, 0)),
        )
