"""Explainer mode: long-form pages (a course site's topic and section pages) become slides.

A page is recognized by its structure, never its file name (``page.py``), before slide Markdown's
splitting: its ``#`` title and ``##`` subsections are the page's own outline, not slide breaks.
Each kind of page has one pure function from its parsed regions to model ``Slide``s
(``topic.py``, ``section.py``), built with shared condensing rules (``condense.py``) that keep
every sentence either on a slide or in that slide's speaker notes. Layout then fits and continues
these slides like any others; links to other pages are resolved by a deck pass
(``passes.links.link_pages``).
"""

from __future__ import annotations

from deckgen.diagnostics import Diagnostic, Origin
from deckgen.explainer.page import PageKind, Region, read_page
from deckgen.explainer.section import divider, section_slides
from deckgen.explainer.topic import topic_slides
from deckgen.markdown import parse_blocks, parse_inline
from deckgen.model import Slide
from deckgen.read import SourceFile
from deckgen.split import Attributes

__all__ = ["page_slides", "part_divider"]


def page_slides(file: SourceFile, diagnostics: list[Diagnostic]) -> list[Slide] | None:
    """Return the slides of ``file`` when it is an explainer page, else None (slide Markdown)."""
    page = read_page(file, diagnostics)
    if page is None:
        return None
    if page.kind is PageKind.TOPIC:
        return topic_slides(page)
    return section_slides(page)


def part_divider(title: str, intro: str, origin: Origin, diagnostics: list[Diagnostic]) -> Slide:
    """Return the section divider of a deck part (``parts:`` in deck.yaml): title, then intro."""
    blocks = tuple(parse_blocks(tuple(intro.split("\n")), origin, diagnostics)) if intro else ()
    runs = parse_inline(title, origin, diagnostics)
    return divider(Region(runs, Attributes(), origin, blocks))
