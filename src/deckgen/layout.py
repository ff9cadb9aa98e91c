"""Layout: decide once, for both backends, how each slide is shown.

Each slide gets a layout (which arrangement of title, subtitle, body and takeaways) and the text
sizes to use, taken from the theme. Backends apply these decisions and decide nothing themselves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from deckgen.model import Cards, CodeBlock, Columns, Deck, Slide, SlideKind
from deckgen.themes import Theme
from deckgen.units import Emu


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
    """A slide with its layout, its 1-based number and the sizes its text is set in."""

    slide: Slide
    layout: Layout
    number: int
    sizes: TextSizes


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


def theme_sizes(theme: Theme, layout: Layout) -> TextSizes:
    """Return the theme's text sizes for ``layout``."""
    sizes = theme.sizes
    title, subtitle = sizes["title"], sizes["subtitle"]
    if layout is Layout.TITLE:
        title, subtitle = sizes["title_slide_title"], sizes["title_slide_subtitle"]
    elif layout is Layout.SECTION:
        title, subtitle = sizes["section_title"], sizes["section_subtitle"]
    return TextSizes(
        title=title,
        subtitle=subtitle,
        body=sizes["body"],
        takeaway=sizes["takeaway"],
        code=sizes["code"],
        card=sizes["card"],
        table=sizes["table"],
    )


def lay_out(deck: Deck, theme: Theme) -> LaidOutDeck:
    """Return ``deck`` with a layout and text sizes for every slide."""
    placed = []
    for number, slide in enumerate(deck.slides, start=1):
        layout = choose_layout(slide)
        placed.append(PlacedSlide(slide, layout, number, theme_sizes(theme, layout)))
    return LaidOutDeck(deck, theme, tuple(placed))
