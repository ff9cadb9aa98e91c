"""Layout: decide once, for both backends, how each slide is shown.

For each slide: a layout (which arrangement of title, subtitle, body and takeaways), the text
sizes, and, when the body cannot fit, continuation slides. Where each shape goes is the
backends' job (the HTML flows, the .pptx positions shapes with the same box model). Text is
measured with the real metrics of the theme's fonts (``measure.py``). The policy:

1. keep the theme's sizes when everything fits;
2. else shrink the body (and code, tables, cards with it) down to the theme's minimum sizes;
3. else split the body over continuation slides that repeat the title with "(2/3)": lists
   between items, tables between rows (header repeated), code between statements or at blank
   lines, text between paragraphs (or sentences);
4. a single piece too large even alone is set at the minimum size and reported.

Backends apply these decisions and decide nothing themselves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from deckgen.diagnostics import Diagnostic, Level
from deckgen.fitting import Unit, paginate, units_of
from deckgen.geometry import BOX_MODEL
from deckgen.measure import Measurer, Sizes
from deckgen.model import (
    Block,
    Cards,
    CodeBlock,
    Columns,
    Deck,
    Run,
    Slide,
    SlideKind,
    plain_text,
)
from deckgen.themes import Theme
from deckgen.units import Emu, pt

SIZE_STEP = 1.0  # points between the sizes tried when shrinking
TITLE_MAX_LINES = 2
HEADLINE_MAX_LINES = 3


class Layout(enum.Enum):
    TITLE = "title"
    SECTION = "section"
    STATEMENT = "statement"  # title and subtitle only
    CONTENT = "content"  # bullets, paragraphs, code, tables, images
    CODE = "code"  # code with at most a subtitle
    CARDS = "cards"
    COLUMNS = "columns"


@dataclass(frozen=True, slots=True)
class TextSizes:
    """Font sizes for each text role of one slide."""

    title: Emu
    subtitle: Emu
    body: Emu
    takeaway: Emu
    code: Emu
    card: Emu
    table: Emu


@dataclass(frozen=True, slots=True)
class PlacedSlide:
    """A slide as shown: its layout, 1-based number and the text sizes both backends use.

    ``slide`` is what to draw (for a continuation, a part of the body and the title with its
    marker); ``source`` is the slide as written.
    """

    slide: Slide
    layout: Layout
    number: int
    sizes: TextSizes
    source: Slide | None = None
    part: int = 1
    parts: int = 1


@dataclass(frozen=True, slots=True)
class LaidOutDeck:
    deck: Deck
    theme: Theme
    slides: tuple[PlacedSlide, ...]


def choose_layout(slide: Slide) -> Layout:
    """Return the layout that fits what ``slide`` holds."""
    if slide.kind is SlideKind.TITLE:
        return Layout.TITLE
    if slide.kind is SlideKind.SECTION:
        return Layout.SECTION
    if not slide.body and not slide.takeaways:
        return Layout.STATEMENT
    if any(isinstance(block, Cards) for block in slide.body):
        return Layout.CARDS
    if any(isinstance(block, Columns) for block in slide.body):
        return Layout.COLUMNS
    if all(isinstance(block, CodeBlock) for block in slide.body) and not slide.takeaways:
        return Layout.CODE
    return Layout.CONTENT


@dataclass(frozen=True, slots=True)
class _Page:
    """One page a slide is shown on, before it is numbered."""

    slide: Slide
    layout: Layout
    sizes: TextSizes
    part: int = 1
    parts: int = 1


@dataclass(frozen=True, slots=True)
class _Frame:
    """The size of the usable area of the page (inside the margins), in points."""

    width: float
    height: float


class _SlideFitter:
    """Fits slides of one theme: sizes and continuation pages."""

    def __init__(self, theme: Theme) -> None:
        self.measure = Measurer(theme)
        self.frame = _Frame(
            theme.page_width.pt - 2 * theme.margin_x.pt,
            theme.page_height.pt - 2 * theme.margin_y.pt,
        )
        self.size = {name: value.pt for name, value in theme.sizes.items()}
        self.minimum = {name: value.pt for name, value in theme.min_sizes.items()}
        self.gap = theme.gap.pt
        self.candidates = self._candidates()  # body sizes to try, largest first

    # -- sizes --

    def _title_size(self, slide: Slide, role: str, max_lines: int) -> float:
        """Return the largest title size (down to the minimum) that keeps it to ``max_lines``."""
        size = self.size[role]
        floor = min(self.minimum.get("title", size), size)
        while (
            size > floor
            and self.measure.lines(slide.title, size, self.frame.width, heading=True) > max_lines
        ):
            size -= SIZE_STEP
        return max(size, floor)

    def _body_sizes(self, body: float) -> Sizes:
        """Return the sizes of all body roles when body text is set at ``body`` points."""
        ratio = body / self.size["body"]

        def scaled(role: str, floor: float) -> float:
            return max(self.size[role] * ratio, min(floor, self.size[role]))

        # Table and card text is body text: it shrinks with the body, never below its minimum.
        return Sizes(
            body=body,
            code=scaled("code", self.minimum["code"]),
            table=scaled("table", self.minimum["body"]),
            card=scaled("card", self.minimum["body"]),
        )

    def _candidates(self) -> list[Sizes]:
        """Return body sizes from the theme's down to its minimum."""
        sizes, body = [], self.size["body"]
        while body >= self.minimum["body"] - 1e-6:
            sizes.append(self._body_sizes(body))
            body -= SIZE_STEP
        return sizes

    # -- measuring --

    def _header_height(self, slide: Slide, title_size: float) -> float:
        height = 0.0
        if slide.title:
            height += self.measure.title_height(slide.title, title_size, self.frame.width)
            height += BOX_MODEL.title_rule_gap * title_size + BOX_MODEL.title_rule.pt
        if slide.subtitle:
            height += (self.gap / 2 if height else 0.0) + self.measure.text_height(
                slide.subtitle, self.size["subtitle"], self.frame.width
            )
        return height

    def _takeaways_height(self, slide: Slide) -> float:
        heights = [
            self.measure.text_height(line.runs, self.size["takeaway"], self.frame.width, bold=True)
            for line in slide.takeaways
        ]
        return sum(heights) + self.gap * max(len(heights) - 1, 0)

    def _fits(self, blocks: tuple[Block, ...], sizes: Sizes, height: float) -> bool:
        width = self.frame.width
        if any(
            isinstance(b, CodeBlock)
            and self.measure.code_width(b, sizes.code) > width
            and sizes.code > self.minimum["code"] + 1e-6
            for b in blocks
        ):
            return False
        return self.measure.stack_height(blocks, sizes, width) <= height + 1e-6

    # -- placing --

    def place(self, slide: Slide, diagnostics: list[Diagnostic]) -> list[_Page]:
        """Return the pages ``slide`` is shown on: one, or its continuation slides."""
        layout = choose_layout(slide)
        if layout in (Layout.TITLE, Layout.SECTION):
            return [self._place_headline(slide, layout)]
        title_size = self._title_size(slide, "title", TITLE_MAX_LINES)
        header = self._header_height(slide, title_size)
        takeaways = self._takeaways_height(slide)
        body_height = self.frame.height - header - (self.gap if slide.body else 0.0)
        body_height -= (takeaways + self.gap) if slide.takeaways else 0.0
        candidates = self.candidates
        chosen = next((s for s in candidates if self._fits(slide.body, s, body_height)), None)
        if chosen is not None or not slide.body:
            sizes = chosen or candidates[0]
            return [self._page(slide, layout, title_size, sizes)]
        return self._continue(slide, title_size, takeaways, body_height, diagnostics)

    def _paginate(
        self, units: list[Unit], sizes: Sizes, height: float, last_height: float
    ) -> tuple[list[tuple[Block, ...]], list[Unit]]:
        """Return pages of ``height`` points whose last page also fits ``last_height``."""
        pages, oversized = paginate(units, lambda b: self._fits(b, sizes, height))
        if pages and last_height < height and not self._fits(pages[-1], sizes, last_height):
            tail, tail_oversized = paginate(
                units_of(pages[-1]), lambda b: self._fits(b, sizes, last_height)
            )
            pages = [*pages[:-1], *tail]
            oversized += [u for u in tail_oversized if u not in oversized]
        return pages, oversized

    def _continue(
        self,
        slide: Slide,
        title_size: float,
        takeaways: float,
        body_height: float,
        diagnostics: list[Diagnostic],
    ) -> list[_Page]:
        candidates = self.candidates
        units = units_of(slide.body)
        # Only the last page carries the takeaways, so the others have their room for the body.
        full_height = body_height + ((takeaways + self.gap) if slide.takeaways else 0.0)
        smallest = candidates[-1]
        fewest, oversized = self._paginate(units, smallest, full_height, body_height)
        sizes, pages = smallest, fewest
        if not oversized:  # the largest size that needs no more slides than the smallest does
            for candidate in candidates:
                trial, trial_oversized = self._paginate(units, candidate, full_height, body_height)
                if not trial_oversized and len(trial) <= len(fewest):
                    sizes, pages = candidate, trial
                    break
        title = plain_text(slide.title) or "untitled slide"
        if len(pages) > 1:
            diagnostics.append(
                Diagnostic(
                    slide.origin,
                    Level.WARNING,
                    f"'{title}' does not fit on one slide: split into {len(pages)} slides",
                )
            )
        for unit in oversized:
            origin = getattr(unit.block, "origin", slide.origin)
            diagnostics.append(
                Diagnostic(
                    origin,
                    Level.WARNING,
                    f"a {unit.block.kind} block on '{title}' is too large for one slide "
                    "even at the minimum size",
                )
            )
        total = len(pages)
        placed = []
        for part, blocks in enumerate(pages, start=1):
            last = part == total
            page = slide.with_changes(
                title=slide.title + ((Run(f" ({part}/{total})"),) if total > 1 else ()),
                body=blocks,
                takeaways=slide.takeaways if last else (),
                notes=slide.notes if part == 1 else (),
                id=slide.id if part == 1 else f"{slide.id}-part-{part}",
            )
            placed.append(
                replace(
                    self._page(page, choose_layout(page), title_size, sizes), part=part, parts=total
                )
            )
        return placed

    def _text_sizes(self, title: float, subtitle: float, sizes: Sizes) -> TextSizes:
        return TextSizes(
            title=pt(title),
            subtitle=pt(subtitle),
            body=pt(sizes.body),
            takeaway=pt(self.size["takeaway"]),
            code=pt(sizes.code),
            card=pt(sizes.card),
            table=pt(sizes.table),
        )

    def _page(self, slide: Slide, layout: Layout, title_size: float, sizes: Sizes) -> _Page:
        return _Page(slide, layout, self._text_sizes(title_size, self.size["subtitle"], sizes))

    def _place_headline(self, slide: Slide, layout: Layout) -> _Page:
        """Size a title or section slide: the title keeps to three lines, down to its minimum."""
        prefix = "title_slide_" if layout is Layout.TITLE else "section_"
        title_size = self._title_size(slide, f"{prefix}title", HEADLINE_MAX_LINES)
        sizes = self._text_sizes(title_size, self.size[f"{prefix}subtitle"], self.candidates[0])
        return _Page(slide, layout, sizes)


def lay_out(deck: Deck, theme: Theme, diagnostics: list[Diagnostic] | None = None) -> LaidOutDeck:
    """Return ``deck`` laid out in ``theme``; fitting decisions are reported in ``diagnostics``."""
    found: list[Diagnostic] = diagnostics if diagnostics is not None else []
    fitter = _SlideFitter(theme)
    placed: list[PlacedSlide] = []
    for slide in deck.slides:
        for page in fitter.place(slide, found):
            placed.append(
                PlacedSlide(
                    slide=page.slide,
                    layout=page.layout,
                    number=len(placed) + 1,
                    sizes=page.sizes,
                    source=slide,
                    part=page.part,
                    parts=page.parts,
                )
            )
    return LaidOutDeck(deck, theme, tuple(placed))
