"""Laid-out deck -> editable PowerPoint (the only python-pptx import), in explicit passes.

1. open the file to build on: a teacher's template, or the default dressed in the theme
   (template.py);
2. plan every slide: each piece placed from theme tokens and measured font metrics, no XML
   (arrange.py, flow.py); then find the layouts the plans need, by name;
3. append one slide per plan, all before any is written, so internal links can point forwards
   (package.py);
4. write each plan's shapes, then its notes page (slides.py, notes.py);
5. group the slides into PowerPoint sections (sections.py), set document properties, save.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx.opc.package import Part
from pptx.presentation import Presentation

from deckgen.backends.pptx.arrange import Arranger
from deckgen.backends.pptx.media import ImageSizes
from deckgen.backends.pptx.notes import NotesPages
from deckgen.backends.pptx.package import SlideAppender
from deckgen.backends.pptx.pieces import SlidePlan
from deckgen.backends.pptx.sections import Section, group_sections, write_sections
from deckgen.backends.pptx.slides import SlideWriter
from deckgen.backends.pptx.template import find_layouts, open_template, template_page
from deckgen.backends.pptx.text import TextWriter
from deckgen.diagnostics import Diagnostic, Level
from deckgen.layout import LaidOutDeck
from deckgen.measure import TextMeasure
from deckgen.model import Deck, SlideKind, plain_text

__all__ = ["PptxOptions", "render_pptx", "template_page"]


@dataclass(frozen=True, slots=True)
class PptxOptions:
    """How to write the .pptx: ``template`` None builds on the default file in the deck's theme."""

    template: Path | None = None


def _overflow_warning(plan: SlidePlan) -> Diagnostic:
    return Diagnostic(
        plan.placed.slide.origin,
        Level.WARNING,
        f"slide {plan.placed.number} runs {plan.overflow.pt:.0f}pt off the bottom of the .pptx "
        "slide (the layout stage measured it as fitting: please report)",
    )


def _sections(plans: Sequence[SlidePlan], slide_ids: Sequence[int], deck: Deck) -> list[Section]:
    slides = [
        (plan.placed.slide.kind is SlideKind.SECTION, plain_text(plan.placed.slide.title), slide_id)
        for plan, slide_id in zip(plans, slide_ids, strict=True)
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
    """Return the deck as a .pptx file; warnings (overflow, pictures left out) are appended."""
    theme, deck = laid_out.theme, laid_out.deck
    lang = deck.meta.lang or "en"
    template = open_template(options.template, theme)
    measure = TextMeasure(template.look.metrics)
    arranger = Arranger(
        theme, measure, ImageSizes(diagnostics), template.page_width, template.page_height
    )
    plans = [arranger.plan(placed) for placed in laid_out.slides]
    layouts = find_layouts(template.prs, {plan.role for plan in plans}, template.origin)

    appender = SlideAppender(template.prs)
    slides = [appender.add(layouts[plan.role]) for plan in plans]
    parts: dict[str, Part] = {
        plan.placed.slide.id: slide.part for plan, slide in zip(plans, slides, strict=True)
    }

    writer = SlideWriter(template.look, theme, lang, parts.get)
    notes = NotesPages(appender.notes_master)
    for plan, slide in zip(plans, slides, strict=True):
        writer.write(slide, layouts[plan.role], plan)
        if plan.overflow:
            diagnostics.append(_overflow_warning(plan))
        if plan.placed.slide.notes:
            page = appender.add_notes(slide, notes.skeleton())
            notes_writer = TextWriter(template.look, lang, page.part, parts.get, plain=True)
            notes.fill(page, plan.placed.slide.notes, notes_writer)

    write_sections(template.prs, _sections(plans, appender.slide_ids, deck), deck.name)
    _set_properties(template.prs, deck, lang)
    buffer = io.BytesIO()
    template.prs.save(buffer)
    return buffer.getvalue()
