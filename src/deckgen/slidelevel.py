"""The slide level pandoc picks when none is set: the highest heading level that is followed
directly by content (not by another heading or a ``---`` rule) somewhere in the document.

The document's outline (headings, rules, other blocks, and fenced divs, which pandoc looks
into) comes from the slide scanner run with every heading starting a slide, so both agree on
what a heading is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from deckgen.read import SourceFile
from deckgen.split import THEMATIC_BREAK, Div, Quoted, Text, split_slides

DEEPEST = 6  # pandoc's answer when no heading is followed by content


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading that starts a slide when the slide level is ``level`` or deeper."""

    level: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A ``---`` slide break."""


@dataclass(frozen=True, slots=True)
class Content:
    """Any block that is neither a heading nor a rule."""


@dataclass(frozen=True, slots=True)
class Section:
    """A fenced div and the outline of what it holds."""

    items: tuple[Item, ...]


Item = Heading | Rule | Content | Section


def _outline(file: SourceFile) -> list[Item]:
    """Return the outline of ``file``'s top-level blocks."""
    items: list[Item] = []
    for source in split_slides(file, DEEPEST, []):
        if source.level is not None:
            items.append(Heading(source.level))
        elif THEMATIC_BREAK.match(file.lines[source.origin.line - file.first_line]):
            items.append(Rule())
        for segment in source.segments:
            items.append(_section(segment, file) if isinstance(segment, Div) else Content())
    return items


def _section(div: Div, file: SourceFile) -> Section:
    """Return the outline of what ``div`` holds (its text is scanned again for headings)."""
    items: list[Item] = []
    for segment in div.segments:
        if isinstance(segment, Div):
            items.append(_section(segment, file))
        elif isinstance(segment, Quoted):  # a block quote: content, its headings are not slides
            items.append(Content())
        elif isinstance(segment, Text):  # (HTML elements are read later, in slides.py)
            text = SourceFile(file.path, file.display, segment.lines, segment.origin.line)
            items += _outline(text)
    return Section(tuple(items))


def _least(items: tuple[Item, ...] | list[Item], least: int) -> int:
    """Return the slide level of ``items``, as pandoc's ``getSlideLevel`` walks them.

    A div is looked into with the level known before it, and the blocks after it go on from
    that same level; the answer is the lower of the two (pandoc: ``min (go bs) (go xs)``).
    """
    found = []
    index = 0
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if (
            isinstance(item, Heading)
            and following is not None
            and item.level < least
            and not isinstance(following, Heading | Rule)
        ):
            least = item.level
            index += 2  # the block after the heading is not looked into
            continue
        if isinstance(item, Section):
            found.append(_least(item.items, least))
        index += 1
    return min([least, *found])


def detect_slide_level(files: Iterable[SourceFile]) -> int:
    """Return the slide level pandoc would pick for ``files`` read as one document."""
    items: list[Item] = []
    for file in files:
        items += _outline(file)
    return _least(items, DEEPEST)
