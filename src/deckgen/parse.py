"""Deck sources -> ``Deck``: split each file into slides, build them, and run the deck passes."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from deckgen import constructs, explainer
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.markdown import parse_blocks
from deckgen.model import Block, Deck, DeckMeta, Slide
from deckgen.passes.footnotes import number_footnotes
from deckgen.passes.ids import assign_ids, assign_sections, is_empty
from deckgen.passes.images import check_images, resolve_images
from deckgen.passes.languages import check_code_languages
from deckgen.passes.links import check_links, drop_unsafe_links, link_pages
from deckgen.passes.toc import DEFAULT_DEPTH, contents_slide, insert_contents, is_hidden
from deckgen.read import DeckSource, Part, SourceFile
from deckgen.slides import build_slide, title_slide
from deckgen.split import split_slides
from deckgen.syntax.lines import link_definitions, number_examples

FILE_CACHE_SIZE = 256  # parsed files kept for rebuilds


def parse_deck(source: DeckSource, allow_outside: bool = False) -> tuple[Deck, list[Diagnostic]]:
    """Return the deck in ``source`` and the warnings and errors found while reading it.

    ``allow_outside`` lets images come from outside the deck folder.
    """
    diagnostics = list(source.diagnostics)
    settings = source.settings
    slide_level = settings["slide-level"].value if "slide-level" in settings else 2
    notes: tuple[Block, ...] = ()
    if "notes" in settings:
        origin = settings["notes"].origin
        notes_lines = tuple(str(settings["notes"].value).split("\n"))
        notes = resolve_images(
            tuple(parse_blocks(notes_lines, origin, diagnostics)), source.root
        )
    text_settings = {
        key: (str(setting.value), setting.origin)
        for key, setting in settings.items()
        if key in ("title", "subtitle", "author", "date")
    }
    slides: list[Slide] = []
    first = title_slide(text_settings, notes, diagnostics)
    if first is not None:
        slides.append(first)
    part_starts = _part_starts(source)
    folders = [source.root] * len(slides)  # the folder each slide's relative links start from
    first_slides: dict[Path, int] = {}  # each file -> the index of its first slide
    for file in source.files:
        part = part_starts.get(file.path)
        if part is not None and part.title:
            origin = settings["parts"].origin
            slides.append(explainer.part_divider(part.title, part.intro, origin, diagnostics))
            folders.append(source.root)
        file_slides, file_diagnostics = parse_file(file, slide_level)
        diagnostics += file_diagnostics
        start = len(slides)
        for slide in file_slides:
            slide = slide.with_changes(
                body=resolve_images(slide.body, file.path.parent),
                notes=resolve_images(slide.notes, file.path.parent),
            )
            if is_hidden(slide):
                continue  # visibility="hidden": in neither format, as reveal.js hides it
            if is_empty(slide):
                diagnostics.append(Diagnostic(slide.origin, Level.WARNING, "empty slide (dropped)"))
            else:
                slides.append(slide)
                folders.append(file.path.parent)
        if len(slides) > start:
            first_slides[file.path] = start
    if not slides:
        where = Origin(source.files[0].display, 1) if source.files else Origin(source.name)
        diagnostics.append(Diagnostic(where, Level.ERROR, "the deck has no slides (empty source)"))
    slides = assign_ids(slides)
    slides = assign_sections(slides)
    if any(s.footnotes for s in slides) or any(_mentions_footnotes(f) for f in source.files):
        slides = number_footnotes(slides, diagnostics)
    pages = {path: slides[index].id for path, index in first_slides.items()}
    slides = link_pages(slides, folders, pages, diagnostics)
    slides = check_links(slides, diagnostics)
    slides = drop_unsafe_links(slides, diagnostics)
    if "toc" in settings and settings["toc"].value:
        depth = settings["toc-depth"].value if "toc-depth" in settings else DEFAULT_DEPTH
        title = str(settings["toc-title"].value) if "toc-title" in settings else ""
        contents = contents_slide(slides, title, depth, slide_level, settings["toc"].origin)
        slides = insert_contents(slides, contents)
    check_images(slides, source.root, diagnostics, allow_outside)
    check_code_languages(slides, diagnostics)
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


@lru_cache(maxsize=FILE_CACHE_SIZE)
def parse_file(
    file: SourceFile, slide_level: int
) -> tuple[tuple[Slide, ...], tuple[Diagnostic, ...]]:
    """Return the slides written in ``file`` and the diagnostics found in it.

    Memoized on the file's text (``SourceFile`` is frozen): when a deck is rebuilt after a save
    (``deckgen serve``, ``build --watch``), only the files that changed are parsed again.
    """
    diagnostics: list[Diagnostic] = []
    text = "\n".join(file.lines)
    if "(@" in text:  # example lists, numbered through the file
        file = replace(file, lines=number_examples(file.lines))
    diagnostics += constructs.scan_file(text, file.origin(0))
    slides = explainer.page_slides(file, diagnostics)
    if slides is None:
        links = link_definitions(file.lines) if "]:" in text else None
        slides = [
            build_slide(slide_source, slide_level, diagnostics, links)
            for slide_source in split_slides(file, slide_level, diagnostics)
        ]
    return tuple(slides), tuple(diagnostics)


def _mentions_footnotes(file: SourceFile) -> bool:
    """Return True when ``file`` may hold a footnote (``[^label]`` or ``^[text]``), so a deck
    without any pays nothing for them."""
    text = "\n".join(file.lines)
    return "[^" in text or "^[" in text


def _part_starts(source: DeckSource) -> dict[Path, Part]:
    """Return each part of ``parts:`` in deck.yaml by the path of its first file."""
    if "parts" not in source.settings:
        return {}
    parts: tuple[Part, ...] = source.settings["parts"].value
    return {(source.root / part.files[0]).resolve(): part for part in parts}
