"""Laid-out deck -> editable PowerPoint (the only python-pptx import), in explicit passes.

The layout stage has placed every piece (``deckgen.layout``); this backend only draws them.

1. open the file to build on: a teacher's template, or the default dressed in the theme
   (template.py); find the master layouts the plans need, by name;
2. append one slide per plan, all before any is written, so internal links can point forwards
   (package.py);
3. write each plan's shapes, then its notes page (slides.py, notes.py);
4. group the slides into PowerPoint sections (sections.py), set document properties, save.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx.opc.package import Part
from pptx.presentation import Presentation

from deckgen.backends.pptx.notes import NotesPages
from deckgen.backends.pptx.package import SlideAppender
from deckgen.backends.pptx.sections import Section, group_sections, write_sections
from deckgen.backends.pptx.slides import SlideWriter
from deckgen.backends.pptx.template import find_layouts, open_template, template_facts
from deckgen.backends.pptx.text import TextWriter
from deckgen.diagnostics import Diagnostic
from deckgen.fontstack import RunFonts
from deckgen.language import direction
from deckgen.layout.deck import LaidOutDeck, PlacedSlide
from deckgen.model import Deck, SlideKind, plain_text

__all__ = ["PptxOptions", "render_pptx", "template_facts"]


@dataclass(frozen=True, slots=True)
class PptxOptions:
    """How to write the .pptx: ``template`` None builds on the default file in the deck's theme."""

    template: Path | None = None


def _sections(
    placed: Sequence[PlacedSlide], slide_ids: Sequence[int], deck: Deck
) -> list[Section]:
    slides = [
        (one.slide.kind is SlideKind.SECTION, plain_text(one.slide.title), slide_id)
        for one, slide_id in zip(placed, slide_ids, strict=True)
    ]
    return group_sections(slides, deck.meta.title or deck.name)


PROPERTY_MAX_CHARS = 255  # python-pptx's limit for a core document property


def property_text(text: str) -> str:
    """Return ``text`` as a document property: tags removed, spaces collapsed, cut to the limit.

    Front matter may hold inline HTML and any length; a property is plain text of at most
    ``PROPERTY_MAX_CHARS`` characters (a longer one ends with an ellipsis).
    """
    plain = " ".join(re.sub(r"<[^>]*>", "", text).split())
    if len(plain) <= PROPERTY_MAX_CHARS:
        return plain
    return plain[: PROPERTY_MAX_CHARS - 1].rstrip() + "\u2026"


def _set_properties(prs: Presentation, deck: Deck, lang: str) -> None:
    properties = prs.core_properties
    properties.title = property_text(deck.meta.title or deck.name)
    properties.subject = property_text(deck.meta.subtitle)
    properties.author = property_text(deck.meta.author)
    properties.last_modified_by = property_text(deck.meta.author)
    properties.language = property_text(lang)


def render_pptx(
    laid_out: LaidOutDeck, options: PptxOptions, diagnostics: list[Diagnostic]
) -> bytes:
    """Return the deck as a .pptx file, drawn from the layout stage's plans."""
    theme, deck = laid_out.theme, laid_out.deck
    lang = deck.meta.lang or "en"
    template = open_template(options.template, theme)
    masters = {placed.plan.master for placed in laid_out.slides}
    layouts = find_layouts(template.prs, masters, template.origin)

    appender = SlideAppender(template.prs)
    slides = [appender.add(layouts[placed.plan.master]) for placed in laid_out.slides]
    parts: dict[str, Part] = {
        placed.slide.id: slide.part for placed, slide in zip(laid_out.slides, slides, strict=True)
    }

    fonts, rtl = RunFonts(theme, lang), direction(deck.meta) == "rtl"
    writer = SlideWriter(template.look, theme, lang, parts.get, fonts, rtl)
    notes = NotesPages(appender.notes_master)
    for placed, slide in zip(laid_out.slides, slides, strict=True):
        writer.write(slide, layouts[placed.plan.master], placed.plan)
        if placed.slide.notes:
            page = appender.add_notes(slide, notes.skeleton())
            notes_writer = TextWriter(
                template.look, lang, page.part, parts.get, plain=True, fonts=fonts, rtl=rtl
            )
            notes.fill(page, placed.slide.notes, notes_writer)

    write_sections(template.prs, _sections(laid_out.slides, appender.slide_ids, deck), deck.name)
    _set_properties(template.prs, deck, lang)
    buffer = io.BytesIO()
    template.prs.save(buffer)
    return buffer.getvalue()
