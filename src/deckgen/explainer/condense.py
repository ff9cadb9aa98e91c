"""The condensing rules every explainer slide is built with: pure functions, blocks in, slides out.

- A **statement** (a "why it matters" line, a divider's intro) shows its leading sentences up to
  ``STATEMENT_MAX_CHARS``; when anything is left over, the whole paragraph goes to the notes.
- **Prose** is cut into sentences: the first is the subtitle, later short ones are bullets, long
  ones stay in the notes, which then hold the whole prose.
- **Leads**: a list of "**Bold lead.** Explanation." items shows its leads; the notes hold it all.
- What the notes hold of the page's own text is the slide's "more" text (``Slide.more_notes``):
  the students' copy keeps it; a page's ``::: notes`` are speaker notes, after it.
- Lists, tables, images stay as written; a short first paragraph is the subtitle and paragraphs
  after the last list are takeaways, as in slide Markdown.
- **Code** blocks are lifted onto code slides of their own, right after the slide they were on.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.diagnostics import Origin
from deckgen.inline import join_sentences, sentences, strip_runs
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    Inline,
    ListItem,
    Paragraph,
    Slide,
    SlideKind,
    plain_text,
)
from deckgen.passes.ids import slugify
from deckgen.slides import is_subtitle, split_takeaways

STATEMENT_MAX_CHARS = 160
BULLET_MAX_CHARS = 160
MAX_SENTENCE_BULLETS = 4
CARDS_MIN_ITEMS = 4
CARD_MAX_CHARS = 60


def length(runs: Inline) -> int:
    return len(plain_text(runs))


def leading_sentences(runs: Inline, budget: int = STATEMENT_MAX_CHARS) -> tuple[Inline, bool]:
    """Return (the leading sentences of ``runs`` that fit in ``budget``, whether any are left).

    The first sentence is always taken, however long.
    """
    parts = sentences(runs)
    if not parts:
        return (), False
    taken, used = [parts[0]], length(parts[0])
    for part in parts[1:]:
        if used + 1 + length(part) > budget:
            break
        taken.append(part)
        used += 1 + length(part)
    return join_sentences(taken), len(taken) < len(parts)


def statement(paragraphs: list[Paragraph], texts: list[Inline]) -> tuple[Inline, tuple[Block, ...]]:
    """Return (subtitle, notes) for a statement made of ``texts`` (the paragraphs' shown text).

    The subtitle is the first text's leading sentences; the notes hold ``paragraphs`` whole when
    anything is left out of the subtitle.
    """
    if not texts:
        return (), ()
    subtitle, left_over = leading_sentences(texts[0])
    if left_over or len(texts) > 1:
        return subtitle, tuple(paragraphs)
    return subtitle, ()


def prose(paragraphs: list[Paragraph]) -> tuple[Inline, list[Inline], tuple[Block, ...]]:
    """Return (subtitle, bullets, notes) condensed from consecutive prose ``paragraphs``."""
    parts = [part for paragraph in paragraphs for part in sentences(paragraph.runs)]
    if not parts:
        return (), [], ()
    bullets = [part for part in parts[1:] if length(part) <= BULLET_MAX_CHARS]
    bullets = bullets[:MAX_SENTENCE_BULLETS]
    notes = tuple(paragraphs) if len(parts) > 1 else ()
    return parts[0], bullets, notes


def unbold(runs: Inline) -> Inline:
    return tuple(replace(run, bold=False) for run in runs)


def lead(runs: Inline) -> tuple[Inline, bool]:
    """Return (the lead of a list item, whether the item says more than its lead).

    The lead is the item's opening bold text, else its first sentence.
    """
    count = 0
    while count < len(runs) and (runs[count].bold or not runs[count].text.strip()):
        count += 1
    if count and any(run.bold for run in runs[:count]):
        head = strip_runs(runs[:count])
        return unbold(head), bool(strip_runs(runs[count:]))
    parts = sentences(runs)
    return (parts[0] if parts else ()), len(parts) > 1


def leads(block: BulletList) -> tuple[BulletList, bool]:
    """Return (the list of leads of ``block``'s items, whether any item was shortened)."""
    items, shortened = [], False
    for item in block.items:
        head, more = lead(item.runs)
        items.append(ListItem(head))
        shortened = shortened or more or bool(item.blocks)
    return replace(block, items=tuple(items)), shortened


def as_cards(block: BulletList) -> Cards | None:
    """Return a short, flat list as a card grid, or None when it reads better as a list."""
    if len(block.items) < CARDS_MIN_ITEMS:
        return None
    if any(item.blocks or length(item.runs) > CARD_MAX_CHARS for item in block.items):
        return None
    return Cards(tuple(item.runs for item in block.items), block.origin)


def arranged(
    title: Inline,
    origin: Origin,
    blocks: list[Block],
    notes: tuple[Block, ...] = (),
    slide_id: str = "",
    classes: tuple[str, ...] = (),
    subtitle: Inline = (),
    more: tuple[Block, ...] = (),
) -> Slide:
    """Return a content slide of ``blocks`` with slide Markdown's subtitle and takeaway rules.

    ``more`` is the page's text left off the slide; ``notes`` are the page's speaker notes.
    """
    body = list(blocks)
    first = body[0] if body else None
    if not subtitle and first is not None and is_subtitle(first):
        assert isinstance(first, Paragraph)
        subtitle = first.runs
        body.pop(0)
    body, takeaways = split_takeaways(body)
    return Slide(
        kind=SlideKind.CONTENT,
        title=title,
        origin=origin,
        subtitle=subtitle,
        body=tuple(body),
        takeaways=tuple(takeaways),
        notes=more + notes,
        id=slide_id,
        classes=classes,
        more_notes=len(more),
    )


def prose_slide(
    title: Inline,
    origin: Origin,
    blocks: tuple[Block, ...],
    notes: tuple[Block, ...] = (),
    slide_id: str = "",
    classes: tuple[str, ...] = (),
) -> Slide:
    """Return the condensed slide of a prose region: leading paragraphs, then anything else."""
    count = 0
    while count < len(blocks) and isinstance(blocks[count], Paragraph):
        count += 1
    paragraphs: list[Paragraph] = [b for b in blocks[:count] if isinstance(b, Paragraph)]
    subtitle, bullets, prose_notes = prose(paragraphs)
    body: list[Block] = []
    if bullets:
        body.append(BulletList(tuple(ListItem(b) for b in bullets), paragraphs[0].origin))
    body += blocks[count:]
    return arranged(title, origin, body, notes, slide_id, classes, subtitle, more=prose_notes)


def with_code_lifted(slide: Slide) -> list[Slide]:
    """Return ``slide`` followed by one code slide per code block in its body.

    A slide left with nothing but its title gives its place (and id) to its first code slide.
    """
    code = [block for block in slide.body if isinstance(block, CodeBlock)]
    if not code:
        return [slide]
    rest = slide.with_changes(body=tuple(b for b in slide.body if not isinstance(b, CodeBlock)))
    base = slide.id or slugify(plain_text(slide.title))
    code_slides = [
        Slide(
            kind=SlideKind.CONTENT,
            title=slide.title,
            origin=block.origin,
            body=(block,),
            id=f"{base}-code" if base else "",
            classes=slide.classes,
        )
        for block in code
    ]
    if not (rest.subtitle or rest.body or rest.takeaways or rest.notes):
        return [code_slides[0].with_changes(id=slide.id), *code_slides[1:]]
    return [rest, *code_slides]
