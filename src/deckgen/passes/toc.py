"""The contents slide (``toc: true``): after the title slide, a list linking to each section
and, to ``toc-depth``, each slide under it, as pandoc's table of contents does."""

from __future__ import annotations

from dataclasses import replace

from deckgen.diagnostics import Origin
from deckgen.model import BulletList, ListItem, Run, Slide, SlideKind

DEFAULT_DEPTH = 3  # pandoc's --toc-depth


def _item(slide: Slide) -> ListItem:
    return ListItem(tuple(replace(run, link=f"#{slide.id}", note="") for run in slide.title))


def contents_slide(
    slides: list[Slide], title: str, depth: int, slide_level: int, origin: Origin
) -> Slide | None:
    """Return the contents slide for ``slides`` (which have their ids), or None if empty.

    Sections (headings above the slide level) are listed; slides too when ``depth`` reaches
    the slide level, nested under their section.
    """
    top: list[ListItem] = []
    for slide in slides:
        if not slide.title or slide.kind is SlideKind.TITLE:
            continue
        if slide.kind is SlideKind.SECTION:
            top.append(_item(slide))
        elif depth >= slide_level:
            if top and slide.section:
                last = top[-1]
                nested = last.blocks[0] if last.blocks else BulletList((), slide.origin)
                assert isinstance(nested, BulletList)
                nested = BulletList((*nested.items, _item(slide)), nested.origin)
                top[-1] = ListItem(last.runs, (nested,))
            else:
                top.append(_item(slide))
    if not top:
        return None
    taken = {slide.id for slide in slides}
    ident, number = "toc", 1
    while ident in taken:
        number += 1
        ident = f"toc-{number}"
    return Slide(
        kind=SlideKind.CONTENT,
        title=(Run(title),),
        origin=origin,
        body=(BulletList(tuple(top), origin),),
        id=ident,
    )


def insert_contents(slides: list[Slide], contents: Slide | None) -> list[Slide]:
    """Return ``slides`` with ``contents`` after the title slide (or first, without one)."""
    if contents is None:
        return slides
    at = 1 if slides and slides[0].kind is SlideKind.TITLE else 0
    return [*slides[:at], contents, *slides[at:]]


def is_hidden(slide: Slide) -> bool:
    """Return True for a slide written with ``visibility="hidden"`` (left out of the deck)."""
    return any(
        key in ("visibility", "data-visibility") and value == "hidden"
        for key, value in slide.attributes
    )
