"""Layout: decide once, for both backends, how each slide is shown and where everything goes.

For each slide: its arrangement, the text sizes, every piece's place (``slide.py``), and, when
the body cannot fit, continuation slides. Text is measured with the real metrics of the fonts
that will draw it (``text.py``). The policy, the same for every kind of slide:

1. keep the theme's sizes when everything fits;
2. else shrink the text (body, code, tables, cards; a headline's title and subtitle) step by
   step down to the theme's minimum sizes;
3. else split the body over continuation slides that repeat the title with "(2/3)": wherever
   each kind allows (``fitting.py``); each plays its own steps, numbered from 1;
4. a single piece too large even alone is set at the minimum size and reported.

The .pptx draws the resulting plans as they are; the HTML deck takes the sizes, table column
widths and picture sizes from them and leaves only the flow of text to the browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from deckgen.diagnostics import Diagnostic, Level
from deckgen.kinds import kind_of
from deckgen.language import direction
from deckgen.layout.fitting import Chunk, chunks_of, paginate
from deckgen.layout.flow import ImageSize
from deckgen.layout.mirror import mirrored
from deckgen.layout.pieces import Piece, SlidePlan, TextSizes
from deckgen.layout.slide import (
    Arrangement,
    Arranger,
    arrangement_of,
    is_headline,
    shown_footnotes,
)
from deckgen.layout.text import TextMeasure
from deckgen.model import Block, Deck, Run, Slide, plain_text
from deckgen.passes.steps import renumber
from deckgen.themes import Theme
from deckgen.units import Emu, pt

SIZE_STEP = pt(1)  # between the sizes tried when shrinking
TITLE_MAX_LINES = 2
HEADLINE_MAX_LINES = 3
WIDEST_MARKER = " (99/99)"  # a continuation title is measured with room for its marker


@dataclass(frozen=True, slots=True)
class PlacedSlide:
    """A slide as shown: its arrangement, 1-based number, text sizes and placed pieces.

    ``slide`` is what to draw (for a continuation, a part of the body and the title with its
    marker); ``source`` is the slide as written.
    """

    slide: Slide
    arrangement: Arrangement
    number: int
    sizes: TextSizes
    plan: SlidePlan
    source: Slide | None = None
    part: int = 1
    parts: int = 1

    def piece_of(self, block: Block) -> Piece | None:
        """Return the piece the layout stage made for ``block`` (tables, pictures), or None."""
        return self.plan.piece_of(block)


@dataclass(frozen=True, slots=True)
class LaidOutDeck:
    """The deck laid out on a page of ``page_width`` x ``page_height`` in ``theme``."""

    deck: Deck
    theme: Theme
    slides: tuple[PlacedSlide, ...]
    page_width: Emu
    page_height: Emu


@dataclass(frozen=True, slots=True)
class _Page:
    """One page a slide is shown on, before it is numbered."""

    slide: Slide
    arrangement: Arrangement
    sizes: TextSizes
    plan: SlidePlan
    part: int = 1
    parts: int = 1


def _fits(plan: SlidePlan, at_minimum: bool) -> bool:
    return not plan.overflow and (at_minimum or not plan.squeezed)


def _squeezed(slide: Slide) -> Diagnostic:
    name = plain_text(slide.title) or "untitled slide"
    message = (
        f"'{name}': a word, a code line or a table is wider than its box even at the minimum "
        "text size, so it breaks or wraps"
    )
    return Diagnostic(slide.origin, Level.WARNING, message, "squeezed")


def _unfit(slide: Slide) -> Diagnostic:
    name = plain_text(slide.title) or "untitled slide"
    message = f"'{name}' does not fit on its slide even at the minimum text size"
    return Diagnostic(slide.origin, Level.WARNING, message)


class _SlideFitter:
    """Chooses sizes and continuation pages for the slides of one theme and page."""

    def __init__(self, theme: Theme, arranger: Arranger) -> None:
        self.theme = theme
        self.arranger = arranger
        self.size = dict(theme.sizes)
        self.minimum = dict(theme.min_sizes)
        self.size.setdefault("small", self.size["body"])  # a theme of its own may not say
        self.minimum.setdefault("small", min(self.minimum["body"], self.size["small"]))
        self.minimum.setdefault("table", self.minimum["body"])

    # -- sizes --

    def _shrunk(self, role: str, steps: int, floor: str) -> Emu:
        size = self.size[role]
        return Emu(max(size - steps * SIZE_STEP, min(self.minimum[floor], size)))

    def _title_size(self, title: tuple[Run, ...], role: str, max_lines: int) -> Emu:
        """Return the largest title size (down to the minimum) that keeps it to ``max_lines``."""
        size = self.size[role]
        floor = min(self.minimum.get("title", size), size)
        width, lines = self.arranger.frame.w, self.arranger.typesetter.lines
        while size > floor:
            spec = replace(self.arranger.title_spec(size, "title"), runs=title)
            if lines(spec, width) <= max_lines:
                break
            size = Emu(size - SIZE_STEP)
        return Emu(max(size, floor))

    def _body_steps(self) -> int:
        """Return how many steps the body text can shrink before reaching its minimum."""
        return max(0, int((self.size["body"] - self.minimum["body"]) // SIZE_STEP))

    def _sizes(self, title: Emu, subtitle: Emu, steps: int) -> TextSizes:
        """Return the sizes with the body ``steps`` steps below the theme's."""
        body = self._shrunk("body", steps, "body")
        ratio = body / self.size["body"]

        def scaled(role: str, floor: str) -> Emu:
            least = min(self.minimum[floor], self.size[role])
            return Emu(max(round(self.size[role] * ratio), least))

        # Table and card text shrinks with the body, never below its minimum (a table's own).
        return TextSizes(
            title=title,
            subtitle=subtitle,
            body=body,
            takeaway=self.size["takeaway"],
            code=scaled("code", "code"),
            card=scaled("card", "body"),
            table=scaled("table", "table"),
            small=scaled("small", "small"),
        )

    # -- placing --

    def place(self, slide: Slide, diagnostics: list[Diagnostic]) -> list[_Page]:
        """Return the pages ``slide`` is shown on: one, or its continuation slides."""
        arrangement = arrangement_of(slide)
        if is_headline(arrangement):
            return self._place_headline(slide, arrangement, diagnostics)
        title = self._title_size(slide.title, "title", TITLE_MAX_LINES)
        last = self._body_steps()
        for steps in range(last + 1):
            sizes = self._sizes(title, self.size["subtitle"], steps)
            plan = self.arranger.plan(slide, arrangement, sizes)
            if _fits(plan, steps == last):
                return [_Page(slide, arrangement, sizes, plan)]
        if not slide.body:
            diagnostics.append(_unfit(slide))
            return [_Page(slide, arrangement, sizes, plan)]
        return self._continue(slide, diagnostics)

    def _pages(
        self, slide: Slide, chunks: list[Chunk], sizes: TextSizes
    ) -> tuple[list[tuple[Block, ...]], list[Chunk]]:
        """Return ``chunks`` in pages of ``slide`` at ``sizes``; only the last has takeaways.

        Pages are measured with the widest "(n/N)" marker in the title, as they are shown (an
        untitled slide's continuations get a title line of their own).
        """
        arranger, at_minimum = self.arranger, sizes.body <= self.minimum["body"]
        slide = slide.with_changes(title=slide.title + (Run(WIDEST_MARKER),))
        middle = slide.with_changes(takeaways=())

        def fits(blocks: tuple[Block, ...], page: Slide = middle) -> bool:
            page = page.with_changes(body=blocks)
            return _fits(arranger.plan(page, arrangement_of(page), sizes), at_minimum)

        pages, oversized = paginate(chunks, fits)
        if pages and slide.takeaways and not fits(pages[-1], slide):
            tail, tail_oversized = paginate(chunks_of(pages[-1]), lambda b: fits(b, slide))
            pages = [*pages[:-1], *tail]
            oversized += [c for c in tail_oversized if c not in oversized]
        return pages, oversized

    def _continue(self, slide: Slide, diagnostics: list[Diagnostic]) -> list[_Page]:
        marked = slide.title + (Run(WIDEST_MARKER),)
        title = self._title_size(marked, "title", TITLE_MAX_LINES)
        chunks = chunks_of(slide.body)
        last = self._body_steps()
        smallest = self._sizes(title, self.size["subtitle"], last)
        pages, oversized = self._pages(slide, chunks, smallest)
        sizes = smallest
        if not oversized:  # the largest size that needs no more slides than the smallest does
            for steps in range(last):
                candidate = self._sizes(title, self.size["subtitle"], steps)
                trial, trial_oversized = self._pages(slide, chunks, candidate)
                if not trial_oversized and len(trial) <= len(pages):
                    sizes, pages = candidate, trial
                    break
        name = plain_text(slide.title) or "untitled slide"
        if len(pages) > 1:
            diagnostics.append(
                Diagnostic(
                    slide.origin,
                    Level.WARNING,
                    f"'{name}' does not fit on one slide: split into {len(pages)} slides",
                )
            )
        self._report_oversized(slide, oversized, diagnostics)
        return list(self._continuations(slide, pages, sizes))

    def _continuations(
        self, slide: Slide, pages: list[tuple[Block, ...]], sizes: TextSizes
    ) -> Iterator[_Page]:
        total = len(pages)
        for part, blocks in enumerate(pages, start=1):
            page = slide.with_changes(
                title=slide.title + ((Run(f" ({part}/{total})"),) if total > 1 else ()),
                body=blocks,
                takeaways=slide.takeaways if part == total else (),
                notes=slide.notes if part == 1 else (),
                id=slide.id if part == 1 else f"{slide.id}-part-{part}",
            )
            page = renumber(page) if total > 1 else page
            page = page.with_changes(footnotes=shown_footnotes(page))
            arrangement = arrangement_of(page)
            plan = self.arranger.plan(page, arrangement, sizes)
            yield _Page(page, arrangement, sizes, plan, part, total)

    def _report_oversized(
        self, slide: Slide, oversized: list[Chunk], diagnostics: list[Diagnostic]
    ) -> None:
        name = plain_text(slide.title) or "untitled slide"
        for chunk in oversized:
            origin = getattr(chunk.block, "origin", slide.origin)
            diagnostics.append(
                Diagnostic(
                    origin,
                    Level.WARNING,
                    f"a {chunk.block.kind} block on '{name}' is too large for one slide "
                    "even at the minimum size",
                )
            )

    def _place_headline(
        self, slide: Slide, arrangement: Arrangement, diagnostics: list[Diagnostic]
    ) -> list[_Page]:
        """Fit a title or section slide: its title keeps to three lines; then everything
        shrinks together, down to the minimum sizes."""
        prefix = "title_slide_" if arrangement is Arrangement.TITLE else "section_"
        title = self._title_size(slide.title, f"{prefix}title", HEADLINE_MAX_LINES)
        last = self._body_steps()
        for steps in range(last + 1):
            sizes = self._sizes(
                Emu(max(title - steps * SIZE_STEP, min(self.minimum["title"], title))),
                self._shrunk(f"{prefix}subtitle", steps, "body"),
                steps,
            )
            plan = self.arranger.plan(slide, arrangement, sizes)
            if _fits(plan, steps == last):
                return [_Page(slide, arrangement, sizes, plan)]
        diagnostics.append(_unfit(slide))
        return [_Page(slide, arrangement, sizes, plan)]


def lay_out(
    deck: Deck,
    theme: Theme,
    measure: TextMeasure,
    image_size: ImageSize,
    diagnostics: list[Diagnostic],
) -> LaidOutDeck:
    """Return ``deck`` laid out in ``theme`` (on its page), measured with ``measure``.

    Fitting decisions (splits, what cannot fit) are reported in ``diagnostics``.
    """
    width, height = theme.page_width, theme.page_height
    kinds: Callable[[Block], object] = kind_of
    fitter = _SlideFitter(theme, Arranger(theme, measure, image_size, kinds, width, height))
    rtl = direction(deck.meta) == "rtl"  # right to left: plans mirror (layout/mirror.py)
    placed: list[PlacedSlide] = []
    for slide in deck.slides:
        pages = fitter.place(slide, diagnostics)
        if any(page.plan.squeezed for page in pages):
            diagnostics.append(_squeezed(slide))
        for page_of in pages:
            plan = mirrored(page_of.plan, width) if rtl else page_of.plan
            placed.append(
                PlacedSlide(
                    slide=page_of.slide,
                    arrangement=page_of.arrangement,
                    number=len(placed) + 1,
                    sizes=page_of.sizes,
                    plan=plan.with_spans() if page_of.slide.steps else plan,
                    source=slide,
                    part=page_of.part,
                    parts=page_of.parts,
                )
            )
    return LaidOutDeck(deck, theme, tuple(placed), Emu(width), Emu(height))
