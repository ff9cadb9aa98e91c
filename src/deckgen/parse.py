"""Deck sources -> ``Deck``: split each file into slides, build them, and run the deck passes."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from deckgen import explainer
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.language import slide_words
from deckgen.markdown import parse_blocks, parse_inline
from deckgen.model import Block, Deck, DeckMeta, Paragraph, Slide
from deckgen.passes.backgrounds import apply_backgrounds, marp_backdrops
from deckgen.passes.footnotes import number_footnotes
from deckgen.passes.ids import assign_ids, assign_sections, is_empty
from deckgen.passes.images import (
    check_image_links,
    check_images,
    play_or_fall_back,
    resolve_images,
)
from deckgen.passes.languages import check_code_languages
from deckgen.passes.links import check_links, drop_unsafe_links, link_pages
from deckgen.passes.math import typeset_math
from deckgen.passes.steps import assign_steps
from deckgen.passes.toc import DEFAULT_DEPTH, contents_slide, insert_contents, is_hidden
from deckgen.passes.words import title_callouts
from deckgen.read import DeckSource, Part, SourceFile
from deckgen.slidelevel import detect_slide_level
from deckgen.slides import build_slide, title_slide
from deckgen.split import split_slides
from deckgen.syntax.lines import link_definitions, number_examples

FILE_CACHE_SIZE = 256  # parsed files kept for rebuilds
QUARTO_SLIDE_LEVEL = 2  # Quarto's reveal.js format sets it; pandoc alone would detect it
TITLE_KEYS = ("title", "subtitle", "author", "date")


def slide_level(source: DeckSource) -> int:
    """Return the deck's slide level: ``slide-level`` when set, else 2 for a Quarto document,
    else the level pandoc detects in the deck's slide Markdown (explainer pages set their own).
    """
    if "slide-level" in source.settings:
        level: int = source.settings["slide-level"].value
        return level
    if source.quarto:
        return QUARTO_SLIDE_LEVEL
    return detect_slide_level(file for file in source.files if _page(file)[0] is None)


def parse_deck(source: DeckSource, allow_outside: bool = False) -> tuple[Deck, list[Diagnostic]]:
    """Return the deck in ``source`` and the warnings and errors found while reading it.

    ``allow_outside`` lets images come from outside the deck's project (``read.project_root``).
    """
    diagnostics = list(source.diagnostics)
    settings = source.settings
    level = slide_level(source)
    notes: tuple[Block, ...] = ()
    if "notes" in settings:
        origin = settings["notes"].origin
        notes_lines = tuple(str(settings["notes"].value).split("\n"))
        notes = resolve_images(tuple(parse_blocks(notes_lines, origin, diagnostics)), source.root)
    text_settings = {
        key: (str(setting.value), setting.origin)
        for key, setting in settings.items()
        if key in TITLE_KEYS and str(setting.value)
    }
    slides: list[Slide] = []
    first = title_slide(text_settings, notes, diagnostics)
    if first is not None:
        slides.append(_with_institute(first, source, diagnostics))
    part_starts = _part_starts(source)
    folders = [source.root] * len(slides)  # the folder each slide's relative links start from
    first_slides: dict[Path, int] = {}  # each file -> the index of its first slide
    for file in source.files:
        part = part_starts.get(file.path)
        if part is not None and part.title:
            origin = settings["parts"].origin
            slides.append(explainer.part_divider(part.title, part.intro, origin, diagnostics))
            folders.append(source.root)
        file_slides, file_diagnostics = parse_file(file, level)
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
    incremental = bool(settings["incremental"].value) if "incremental" in settings else False
    slides = assign_steps(slides, incremental, diagnostics)
    lang = str(settings["lang"].value) if "lang" in settings else "en"
    words = slide_words(lang)
    slides = title_callouts(slides, words)
    slides = marp_backdrops(slides, diagnostics)
    slides = assign_ids(slides)
    slides = assign_sections(slides)
    if any(s.footnotes for s in slides) or any(_mentions_footnotes(f) for f in source.files):
        slides = number_footnotes(slides, diagnostics)
    pages = {path: slides[index].id for path, index in first_slides.items()}
    slides = link_pages(slides, folders, pages, diagnostics)
    slides = check_links(slides, diagnostics)
    slides = drop_unsafe_links(slides, diagnostics)
    slides = play_or_fall_back(slides, diagnostics)
    slides = check_image_links(slides, diagnostics)
    check_images(slides, source.project, diagnostics, allow_outside)
    default = [
        (key, str(setting.value), setting.origin)
        for key, setting in settings.items()
        if key.startswith("background-")
    ]
    slides = apply_backgrounds(
        slides,
        folders,
        default,
        source.root,
        source.project,
        allow_outside,
        diagnostics,
    )
    check_code_languages(slides, diagnostics)
    macros = settings["math"].value if "math" in settings else {}
    slides, notes = typeset_math(slides, notes, macros, diagnostics)
    if "toc" in settings and settings["toc"].value:
        depth = settings["toc-depth"].value if "toc-depth" in settings else DEFAULT_DEPTH
        title = str(settings["toc-title"].value) if "toc-title" in settings else words["contents"]
        contents = contents_slide(slides, title, depth, level, settings["toc"].origin)
        slides = insert_contents(slides, contents)
    meta = DeckMeta(
        title=text_settings.get("title", ("", None))[0],
        subtitle=text_settings.get("subtitle", ("", None))[0],
        author=text_settings.get("author", ("", None))[0],
        date=text_settings.get("date", ("", None))[0],
        lang=lang,
        dir=str(settings["dir"].value) if "dir" in settings else None,
        theme=str(settings["theme"].value) if "theme" in settings else None,
        slide_level=level,
        notes=notes,
    )
    deck = Deck(source.name, meta, tuple(slides), source.root, tuple(f.path for f in source.files))
    return deck, diagnostics


@lru_cache(maxsize=FILE_CACHE_SIZE)
def _page(file: SourceFile) -> tuple[tuple[Slide, ...] | None, tuple[Diagnostic, ...]]:
    """Return the slides of ``file`` when it is an explainer page (else None), and diagnostics."""
    diagnostics: list[Diagnostic] = []
    slides = explainer.page_slides(file, diagnostics)
    return (None if slides is None else tuple(slides)), tuple(diagnostics)


@lru_cache(maxsize=FILE_CACHE_SIZE)
def parse_file(
    file: SourceFile, slide_level: int
) -> tuple[tuple[Slide, ...], tuple[Diagnostic, ...]]:
    """Return the slides written in ``file`` and the diagnostics found in it.

    Memoized on the file's text (``SourceFile`` is frozen): when a deck is rebuilt after a save
    (``deckgen serve``, ``build --watch``), only the files that changed are parsed again.
    """
    page, found = _page(file)
    text = "\n".join(file.lines)
    diagnostics = list(found)
    if page is not None:
        return page, tuple(diagnostics)
    if "(@" in text:  # example lists, numbered through the file
        file = replace(file, lines=number_examples(file.lines))
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


def _with_institute(title: Slide, source: DeckSource, diagnostics: list[Diagnostic]) -> Slide:
    """Return the title slide with the ``institute`` line after the author's, when there is one."""
    setting = source.settings.get("institute")
    if setting is None or not str(setting.value):
        return title
    line = Paragraph(parse_inline(str(setting.value), setting.origin, diagnostics), setting.origin)
    after = 1 if "author" in source.settings and str(source.settings["author"].value) else 0
    return title.with_changes(body=(*title.body[:after], line, *title.body[after:]))


def _part_starts(source: DeckSource) -> dict[Path, Part]:
    """Return each part of ``parts:`` in deck.yaml by the path of its first file."""
    if "parts" not in source.settings:
        return {}
    parts: tuple[Part, ...] = source.settings["parts"].value
    return {(source.root / part.files[0]).resolve(): part for part in parts}
