"""Recognize an explainer page by its structure and read it into regions of model blocks.

A page is read at the file level, with the page's own heading levels (``#`` title, ``##``
subsections) whatever the deck's slide level, using the same line scanner as slides
(``split.py``), so code fences never cut a region and every block keeps its ``file:line``.

- **Topic page**: a ``#`` title whose first paragraph starts with a bold ``In one sentence:``.
- **Section page**: a ``#`` title, then prose, then optional ``##`` subsections, with no slide
  syntax (no fenced divs, no ``---`` slide breaks), and prose somewhere: a paragraph or list item
  of two sentences or more, or longer than a slide subtitle.

Anything else is slide Markdown and is left to the slide rules.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.inline import sentences, strip_runs
from deckgen.markdown import parse_inline
from deckgen.model import Block, BulletList, Inline, ListItem, Paragraph, Run, plain_text
from deckgen.read import SourceFile
from deckgen.slides import NOTES_CLASSES, SUBTITLE_MAX_CHARS, segment_blocks
from deckgen.split import Attributes, Div, Quoted, Segment, SlideSource, split_slides

PAGE_LEVEL = 2  # '#' is the page title, '##' starts a subsection
SUMMARY_LABEL = "in one sentence"


class PageKind(enum.Enum):
    TOPIC = "topic"
    SECTION = "section"


@dataclass(frozen=True, slots=True)
class Region:
    """A heading and what follows it up to the next: its body blocks and ``::: notes`` blocks."""

    title: Inline
    attributes: Attributes
    origin: Origin
    blocks: tuple[Block, ...]
    notes: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """An explainer page: its kind, its ``#`` title region and its ``##`` subsections."""

    kind: PageKind
    head: Region
    subsections: tuple[Region, ...]


def split_label(paragraph: Paragraph) -> tuple[str, Inline] | None:
    """Return (label, rest) for a paragraph opening with a bold label ``**Label:**``, else None.

    The colon may sit inside or just after the bold text.
    """
    runs = paragraph.runs
    if not runs or not runs[0].bold:
        return None
    label = runs[0].text.strip()
    rest = runs[1:]
    if not label.endswith(":"):
        if not rest or not rest[0].text.startswith(":") or rest[0].bold:
            return None
        rest = (Run(rest[0].text[1:]), *rest[1:]) if rest[0].text[1:] else rest[1:]
    return label.rstrip(":").strip(), strip_runs(tuple(rest))


def _region(source: SlideSource, diagnostics: list[Diagnostic]) -> Region:
    notes: list[Block] = []
    blocks = segment_blocks(source.segments, notes, diagnostics)
    title = parse_inline(source.title, source.origin, diagnostics)
    return Region(title, source.attributes, source.origin, tuple(blocks), tuple(notes))


def _divs(segments: tuple[Segment, ...]) -> Iterator[Div]:
    for segment in segments:
        if isinstance(segment, Div):
            yield segment
        if isinstance(segment, Div | Quoted):
            yield from _divs(segment.segments)


def _item_texts(items: tuple[ListItem, ...]) -> Iterator[Inline]:
    for item in items:
        yield item.runs
        for inner in item.blocks:
            if isinstance(inner, BulletList):
                yield from _item_texts(inner.items)
            elif isinstance(inner, Paragraph):
                yield inner.runs


def _is_prose(regions: list[Region]) -> bool:
    """Return True when some paragraph or list item reads as prose rather than a slide line."""
    for region in regions:
        for block in region.blocks:
            texts = [block.runs] if isinstance(block, Paragraph) else []
            if isinstance(block, BulletList):
                texts = list(_item_texts(block.items))
            for runs in texts:
                if len(plain_text(runs)) > SUBTITLE_MAX_CHARS or len(sentences(runs)) > 1:
                    return True
    return False


def _opens_with_summary(region: Region) -> bool:
    first = region.blocks[0] if region.blocks else None
    if not isinstance(first, Paragraph):
        return False
    found = split_label(first)
    return found is not None and found[0].lower() == SUMMARY_LABEL


def read_page(file: SourceFile, diagnostics: list[Diagnostic]) -> Page | None:
    """Return ``file`` read as an explainer page, or None when it is slide Markdown.

    A file that opens like a topic page but uses slide syntax is reported and left as slides.
    """
    found: list[Diagnostic] = []
    sources = split_slides(file, PAGE_LEVEL, found)
    if not sources or sources[0].level != 1:
        return None
    head = _region(sources[0], found)
    looks_like_topic = _opens_with_summary(head)
    problem = _slide_syntax(sources, allow_notes=looks_like_topic)
    if problem is not None:
        if looks_like_topic:
            diagnostics.append(
                Diagnostic(
                    problem[0],
                    Level.WARNING,
                    f"page looks like an explainer topic page but {problem[1]}; "
                    "it is read as slide Markdown",
                )
            )
        return None
    subsections = [_region(source, found) for source in sources[1:]]
    if looks_like_topic:
        kind = PageKind.TOPIC
    elif (
        head.blocks
        and all(isinstance(block, Paragraph) for block in head.blocks)
        and _is_prose([head, *subsections])
    ):
        kind = PageKind.SECTION
    else:
        return None
    diagnostics += found
    return Page(kind, head, tuple(subsections))


def _slide_syntax(sources: list[SlideSource], allow_notes: bool) -> tuple[Origin, str] | None:
    """Return (where, what) of the first slide-only construct in the page, or None."""
    for source in sources[1:]:
        if source.rule is not None:
            return source.rule, "has a '---' slide break"
        if source.level != PAGE_LEVEL:
            what = "has a second '#' title" if source.level == 1 else "has a '---' slide break"
            return source.origin, what
    for source in sources:
        for div in _divs(source.segments):
            if not (allow_notes and NOTES_CLASSES & set(div.attributes.classes)):
                name = " ".join(div.attributes.classes) or "div"
                return div.origin, f"has a fenced div '::: {name}'"
    return None
