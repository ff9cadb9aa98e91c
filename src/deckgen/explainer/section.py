"""A section page -> its slides: a divider, then one condensed slide per ``##`` subsection.

    # Platforms                 -> section divider: the intro's leading sentences under the title
    Where you actually ...
    ## In-browser environments  -> condensed prose: first sentence as subtitle, short sentences
    Tools like Lovable ...         as bullets, the whole text in the notes
    ## Planned topics           -> a compact list (a card grid when the items are short)
    - ...

A page without subsections is one condensed slide. An *index* page, whose subsections are all
lists (a glossary's A, B, C...; learning sources by kind), is one slide: one compact list of the
entries (a card grid when they are short) under letters, else a list nested under each heading.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.explainer.condense import (
    arranged,
    as_cards,
    prose_slide,
    statement,
    with_code_lifted,
)
from deckgen.explainer.page import Page, Region
from deckgen.model import (
    Block,
    BulletList,
    Heading,
    ListItem,
    Paragraph,
    Slide,
    SlideKind,
    plain_text,
)
from deckgen.passes.ids import slugify

INDEX_MIN_SUBSECTIONS = 2


def divider(region: Region, slide_id: str = "") -> Slide:
    """Return the section divider of a title and its intro paragraphs."""
    paragraphs = [b for b in region.blocks if isinstance(b, Paragraph)]
    subtitle, notes = statement(paragraphs, [p.runs for p in paragraphs])
    return Slide(
        kind=SlideKind.SECTION,
        title=region.title,
        origin=region.origin,
        subtitle=subtitle,
        body=tuple(b for b in region.blocks if not isinstance(b, Paragraph)),
        notes=notes + region.notes,
        id=slide_id,
        classes=region.attributes.classes,
        more_notes=len(notes),
    )


def _the_list(region: Region) -> BulletList | None:
    """Return the region's one list when it holds nothing else but paragraphs, else None."""
    lists = [b for b in region.blocks if isinstance(b, BulletList)]
    others = [b for b in region.blocks if not isinstance(b, BulletList | Paragraph)]
    return lists[0] if len(lists) == 1 and not others else None


def _is_index(page: Page) -> bool:
    if len(page.subsections) < INDEX_MIN_SUBSECTIONS:
        return False
    for region in page.subsections:
        if region.notes or any(not isinstance(b, BulletList) for b in region.blocks):
            return False
        if len(region.blocks) > 1:
            return False
        if region.blocks and any(item.blocks for item in region.blocks[0].items):  # type: ignore[union-attr]
            return False
    return True


def _is_letter(region: Region) -> bool:
    text = plain_text(region.title).strip()
    return len(text) == 1 and text.isalpha()


def _index_slide(page: Page, slide_id: str) -> Slide:
    """Return the one slide of an index page: its entries as one compact list (or card grid).

    Under letter headings (an A-Z glossary) the entries are one list, the letters left to the
    notes; under other headings, each heading is a bold item with its entries below it.
    """
    head, regions = page.head, page.subsections
    intro = [b for b in head.blocks if isinstance(b, Paragraph)]
    subtitle, intro_notes = statement(intro, [p.runs for p in intro])
    lists = [b for r in regions for b in r.blocks if isinstance(b, BulletList)]
    origin = lists[0].origin if lists else regions[0].origin
    notes: tuple[Block, ...] = intro_notes
    if all(_is_letter(r) for r in regions):
        entries = BulletList(tuple(item for block in lists for item in block.items), origin)
        body: Block = as_cards(entries) or entries
        source: list[Block] = list(intro)
        for region in regions:
            source += [Heading(region.title, 2, region.origin), *region.blocks]
        notes = tuple(source)
    else:
        body = BulletList(
            tuple(
                ListItem(tuple(replace(run, bold=True) for run in r.title), r.blocks[:1])
                for r in regions
            ),
            origin,
        )
    return Slide(
        kind=SlideKind.CONTENT,
        title=head.title,
        origin=head.origin,
        subtitle=subtitle,
        body=(body,),
        notes=notes + head.notes,
        id=slide_id,
        classes=head.attributes.classes,
        more_notes=len(notes),
    )


def _subsection(region: Region, base: str) -> list[Slide]:
    the_list = _the_list(region)
    classes = region.attributes.classes
    if the_list is None:
        slide = prose_slide(
            region.title, region.origin, region.blocks, region.notes, region.attributes.id, classes
        )
        return with_code_lifted(slide)
    cards = as_cards(the_list)
    blocks = [cards if (cards and b is the_list) else b for b in region.blocks]
    slide_id = region.attributes.id or f"{base}-{slugify(plain_text(region.title))}"
    return [arranged(region.title, region.origin, blocks, region.notes, slide_id, classes)]


def section_slides(page: Page) -> list[Slide]:
    """Return the slides of a section page, in reading order."""
    head = page.head
    base = head.attributes.id or slugify(plain_text(head.title))
    if not page.subsections:
        return with_code_lifted(
            prose_slide(
                head.title, head.origin, head.blocks, head.notes, base, head.attributes.classes
            )
        )
    if _is_index(page):
        return [_index_slide(page, base)]
    slides = [divider(head, base)]
    for region in page.subsections:
        slides += _subsection(region, base)
    return slides
