"""A topic page -> its slides: title, why it matters, key ideas, mistakes, try this, related.

    # Seeds                                   -> title slide: the title, the summary under it
    **In one sentence:** A seed is ...        ->   (the subtitle)
    **Why it matters for filmmakers:** ...    -> statement slide (other labels: the same)
    ## Key ideas                              -> bullets of the bold leads; items in the notes
    ## Common mistakes                        -> bullet slide, as written
    ## Try this                               -> call-out slide (the text in a quote)
    ## Related pages                          -> bullet slide; page links jump to those slides
    ## anything else                          -> condensed prose slide

Code blocks anywhere become code slides after the slide they were on.
"""

from __future__ import annotations

from deckgen.explainer.condense import (
    arranged,
    leads,
    prose_slide,
    statement,
    with_code_lifted,
)
from deckgen.explainer.page import Page, Region, split_label
from deckgen.model import (
    Block,
    BulletList,
    CodeBlock,
    Paragraph,
    Quote,
    Run,
    Slide,
    SlideKind,
    plain_text,
)
from deckgen.passes.ids import slugify

KEY_IDEAS = "key ideas"
MISTAKES = "common mistakes"
TRY_THIS = "try this"
RELATED = ("related pages", "related", "see also")
CALLOUT_CLASS = "callout"


def _heading_name(region: Region) -> str:
    return plain_text(region.title).strip().rstrip(":").strip().lower()


def _sub_id(base: str, region: Region) -> str:
    return region.attributes.id or f"{base}-{slugify(plain_text(region.title))}"


def _key_ideas(region: Region, slide_id: str) -> Slide:
    body: list[Block] = []
    shortened = False
    for block in region.blocks:
        if isinstance(block, BulletList):
            short, cut = leads(block)
            body.append(short)
            shortened = shortened or cut
        else:
            body.append(block)
    lists = tuple(b for b in region.blocks if isinstance(b, BulletList))
    more = lists if shortened else ()
    classes = region.attributes.classes
    return arranged(region.title, region.origin, body, region.notes, slide_id, classes, more=more)


def _callout(region: Region, slide_id: str) -> Slide:
    shown = [b for b in region.blocks if not isinstance(b, CodeBlock)]
    code = [b for b in region.blocks if isinstance(b, CodeBlock)]
    body: list[Block] = [Quote(tuple(shown), shown[0].origin)] if shown else []
    return Slide(
        kind=SlideKind.CONTENT,
        title=region.title,
        origin=region.origin,
        body=(*body, *code),
        notes=region.notes,
        id=slide_id,
        classes=(CALLOUT_CLASS, *region.attributes.classes),
    )


def _subsection(region: Region, slide_id: str) -> Slide:
    name = _heading_name(region)
    if name == KEY_IDEAS:
        return _key_ideas(region, slide_id)
    if name == TRY_THIS:
        return _callout(region, slide_id)
    if name == MISTAKES or name in RELATED:
        classes = region.attributes.classes
        return arranged(
            region.title, region.origin, list(region.blocks), region.notes, slide_id, classes
        )
    return prose_slide(
        region.title,
        region.origin,
        region.blocks,
        region.notes,
        slide_id,
        region.attributes.classes,
    )


def _head_slides(page: Page, base: str) -> list[Slide]:
    """Return the slides of the title region: title, then one per labelled paragraph."""
    head = page.head
    first = head.blocks[0]
    assert isinstance(first, Paragraph)
    found = split_label(first)
    summary = found[1] if found else first.runs
    slides = [
        Slide(
            kind=SlideKind.TITLE,
            title=head.title,
            origin=head.origin,
            subtitle=summary,
            notes=head.notes,
            id=base,
            classes=head.attributes.classes,
        )
    ]
    loose: list[Block] = []

    def flush() -> None:
        if loose:
            overview = prose_slide(
                head.title, loose[0].origin, tuple(loose), slide_id=f"{base}-overview"
            )
            slides.extend(with_code_lifted(overview))
            loose.clear()

    for block in head.blocks[1:]:
        labelled = split_label(block) if isinstance(block, Paragraph) else None
        if not isinstance(block, Paragraph) or labelled is None:
            loose.append(block)
            continue
        flush()
        label, text = labelled
        subtitle, notes = statement([block], [text])
        slides.append(
            Slide(
                kind=SlideKind.CONTENT,
                title=(Run(label),),
                origin=block.origin,
                subtitle=subtitle,
                notes=notes,
                id=f"{base}-{slugify(label)}",
                more_notes=len(notes),
            )
        )
    flush()
    return slides


def topic_slides(page: Page) -> list[Slide]:
    """Return the slides of a topic page, in reading order."""
    base = page.head.attributes.id or slugify(plain_text(page.head.title))
    slides = _head_slides(page, base)
    for region in page.subsections:
        slides += with_code_lifted(_subsection(region, _sub_id(base, region)))
    return slides
