"""Deck sources -> ``Deck``: split each file into slides, build them, and run the deck passes."""

from __future__ import annotations

from deckgen import passes
from deckgen.diagnostics import Diagnostic
from deckgen.markdown import parse_blocks
from deckgen.model import Deck, DeckMeta, Slide
from deckgen.read import DeckSource
from deckgen.slides import build_slide, title_slide
from deckgen.split import split_slides


def parse_deck(source: DeckSource) -> tuple[Deck, list[Diagnostic]]:
    """Return the deck in ``source`` and the warnings and errors found while reading it."""
    diagnostics = list(source.diagnostics)
    settings = source.settings
    slide_level = settings["slide-level"].value if "slide-level" in settings else 2
    notes = ()
    if "notes" in settings:
        origin = settings["notes"].origin
        notes_lines = tuple(str(settings["notes"].value).split("\n"))
        notes = tuple(parse_blocks(notes_lines, origin, diagnostics))
    text_settings = {
        key: (str(setting.value), setting.origin)
        for key, setting in settings.items()
        if key in ("title", "subtitle", "author", "date")
    }
    slides: list[Slide] = []
    first = title_slide(text_settings, notes, diagnostics)
    if first is not None:
        slides.append(first)
    for file in source.files:
        for slide_source in split_slides(file, slide_level, diagnostics):
            slide = build_slide(slide_source, slide_level, diagnostics)
            slide = slide.with_changes(
                body=passes.resolve_images(slide.body, file.path.parent),
                takeaways=slide.takeaways,
            )
            if not passes.is_empty(slide):
                slides.append(slide)
    slides = passes.assign_ids(slides)
    slides = passes.assign_sections(slides)
    slides = passes.check_links(slides, diagnostics)
    passes.check_images(slides, source.root, diagnostics)
    meta = DeckMeta(
        title=text_settings.get("title", ("", None))[0],
        subtitle=text_settings.get("subtitle", ("", None))[0],
        author=text_settings.get("author", ("", None))[0],
        date=text_settings.get("date", ("", None))[0],
        lang=str(settings["lang"].value) if "lang" in settings else "en",
        theme=str(settings["theme"].value) if "theme" in settings else None,
        slide_level=slide_level,
        notes=notes,
    )
    deck = Deck(source.name, meta, tuple(slides), source.root, tuple(f.path for f in source.files))
    return deck, diagnostics
