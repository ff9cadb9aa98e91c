"""Slide sources -> ``Slide`` model: where subtitles, takeaways, notes, columns and cards come from.

The rules, on top of pandoc's:
- a heading above the slide level is a section divider; the paragraphs under it are its subtitle
  and extra lines;
- on a slide, a short first paragraph before the body is the subtitle;
- paragraphs after the slide's last list (or card grid) are takeaway lines;
- ``::: notes`` holds speaker notes, ``:::: columns`` / ``::: column`` side-by-side columns,
  ``::: cards`` a list shown as a grid of cards, ``::: teacher`` teacher-only content (kept or
  dropped by the audience pass). Other divs keep their content in place.
- steps, as pandoc reads them: a div (or a column) of class ``fragment`` is one fragment, with
  its other classes as effects and ``fragment-index``; ``::: incremental`` /
  ``::: nonincremental`` set the lists inside it (the steps pass gives them their steps).
"""

from __future__ import annotations

import re
from dataclasses import replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.blocks import html_segments
from deckgen.htmlsource.convert import div_blocks, element_blocks
from deckgen.markdown import parse_blocks, parse_inline
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    Column,
    Columns,
    Fragment,
    Inline,
    Paragraph,
    Quote,
    Slide,
    SlideKind,
    Step,
    TeacherOnly,
    plain_text,
)
from deckgen.passes.steps import grouped
from deckgen.passes.walk import map_blocks
from deckgen.split import Attributes, Div, HtmlElement, Quoted, Segment, SlideSource, Text

SUBTITLE_MAX_CHARS = 140
NOTES_CLASSES = frozenset({"notes"})
# A column width is a CSS length (pandoc writes it into a style): anything else could inject CSS.
COLUMN_WIDTH = re.compile(r"\d{1,4}(\.\d+)?(%|px|em|rem|pt|cm|mm|in)?")
TEACHER_CLASS = "teacher"  # ::: teacher, and {.teacher} on a slide heading
FRAGMENT_CLASS = "fragment"
INCREMENTAL_CLASSES = {"incremental": True, "nonincremental": False}  # the first found decides
# Classes a div's rule reads: the rest of a fragment's classes are its effects.
RULE_CLASSES = frozenset(
    {*NOTES_CLASSES, "columns", "column", "cards", TEACHER_CLASS, FRAGMENT_CLASS}
    | set(INCREMENTAL_CLASSES)
)
FRAGMENT_INDEX = re.compile(r"-?\d{1,9}")


def segment_blocks(
    segments: tuple[Segment, ...], notes: list[Block], diagnostics: list[Diagnostic]
) -> list[Block]:
    """Return the body blocks of ``segments``; speaker notes are appended to ``notes``."""

    def inside(found: tuple[Segment, ...]) -> list[Block]:
        return segment_blocks(found, notes, diagnostics)

    blocks: list[Block] = []
    for segment in segments:
        if isinstance(segment, Text):
            html = html_segments(segment, diagnostics)  # block-level HTML, read as pandoc reads it
            if html is None:
                blocks += parse_blocks(segment.lines, segment.origin, diagnostics)
            else:
                blocks += segment_blocks(html, notes, diagnostics)
            continue
        if isinstance(segment, HtmlElement):
            blocks += element_blocks(segment, inside, diagnostics)
            continue
        if isinstance(segment, Quoted):
            inner = segment_blocks(segment.segments, notes, diagnostics)
            blocks.append(Quote(tuple(inner), segment.origin))
            continue
        classes = set(segment.attributes.classes)
        made: list[Block]
        if classes & NOTES_CLASSES:
            notes += segment_blocks(segment.segments, notes, diagnostics)
            continue
        if "columns" in classes:
            made = [_columns(segment, notes, diagnostics)]
        elif "cards" in classes:
            made = [_cards(segment, notes, diagnostics)]
        elif TEACHER_CLASS in classes:
            inner = segment_blocks(segment.segments, notes, diagnostics)
            made = [TeacherOnly(tuple(inner), segment.origin)]
        else:  # its blocks stand in its place; a pause in it reaches its end, as in pandoc
            made = list(grouped(tuple(segment_blocks(segment.segments, notes, diagnostics))))
            made = div_blocks(made, segment.attributes, segment.origin, diagnostics)
        blocks += with_steps(made, segment.attributes, segment.origin, diagnostics)
    return blocks


def with_steps(
    blocks: list[Block], attributes: Attributes, origin: Origin, diagnostics: list[Diagnostic]
) -> list[Block]:
    """Return a div's ``blocks`` as its step classes ask: the lists inside it made incremental
    or not (where no inner div said), and all of them one fragment."""
    classes = attributes.classes
    setting = next((INCREMENTAL_CLASSES[c] for c in classes if c in INCREMENTAL_CLASSES), None)
    if setting is not None:

        def incremental(block: Block) -> Block:
            if isinstance(block, BulletList) and block.incremental is None:
                return replace(block, incremental=setting)
            return block

        blocks = list(map_blocks(tuple(blocks), incremental))
    if FRAGMENT_CLASS not in classes:
        return blocks
    effects = tuple(name for name in classes if name not in RULE_CLASSES)
    return [
        Fragment(
            tuple(blocks), origin, Step(effects, _fragment_index(attributes, origin, diagnostics))
        )
    ]


def _fragment_index(
    attributes: Attributes, origin: Origin, diagnostics: list[Diagnostic]
) -> int | None:
    """Return the ``fragment-index`` written on a fragment (None: none, or not a number)."""
    written = attributes.get("fragment-index", "").strip()
    if not written:
        return None
    if FRAGMENT_INDEX.fullmatch(written):
        return int(written)
    message = f"fragment-index '{written[:20]}' is not a whole number (the fragment plays in order)"
    diagnostics.append(Diagnostic(origin, Level.WARNING, message, "fragment-index"))
    return None


def _columns(div: Div, notes: list[Block], diagnostics: list[Diagnostic]) -> Columns:
    columns = []
    loose: list[Segment] = []
    for segment in div.segments:
        if isinstance(segment, Div) and "column" in segment.attributes.classes:
            width = segment.attributes.get("width").strip() or None
            if width is not None and not COLUMN_WIDTH.fullmatch(width):
                diagnostics.append(
                    Diagnostic(
                        segment.origin,
                        Level.WARNING,
                        f"column width '{width[:40]}' is not a length such as 40% (ignored)",
                    )
                )
                width = None
            blocks = segment_blocks(segment.segments, notes, diagnostics)
            blocks = with_steps(blocks, segment.attributes, segment.origin, diagnostics)
            columns.append(Column(tuple(blocks), width))
        else:
            loose.append(segment)
    if loose:
        diagnostics.append(
            Diagnostic(
                loose[0].origin,
                Level.WARNING,
                "text in ':::: columns' outside any '::: column' is shown as its own column",
            )
        )
        columns.append(Column(tuple(segment_blocks(tuple(loose), notes, diagnostics))))
    return Columns(tuple(columns), div.origin)


def _cards(div: Div, notes: list[Block], diagnostics: list[Diagnostic]) -> Cards:
    cards = []
    for block in segment_blocks(div.segments, notes, diagnostics):
        if isinstance(block, BulletList):
            cards += [item.runs for item in block.items]
        elif isinstance(block, Paragraph):
            cards.append(block.runs)
        else:
            diagnostics.append(
                Diagnostic(
                    div.origin, Level.WARNING, f"a {block.kind} block cannot be a card (dropped)"
                )
            )
    return Cards(tuple(cards), div.origin)


def is_subtitle(block: Block) -> bool:
    """Return True for a paragraph short enough to be a slide's subtitle."""
    return isinstance(block, Paragraph) and len(plain_text(block.runs)) <= SUBTITLE_MAX_CHARS


def split_takeaways(body: list[Block]) -> tuple[list[Block], list[Paragraph]]:
    """Return (body, takeaways): the paragraphs that follow the slide's last list or card grid."""
    end = len(body)
    while end and isinstance(body[end - 1], Paragraph):
        end -= 1
    if end == len(body) or not end or not isinstance(body[end - 1], BulletList | Cards):
        return body, []
    takeaways = [block for block in body[end:] if isinstance(block, Paragraph)]
    return body[:end], takeaways


def build_slide(source: SlideSource, slide_level: int, diagnostics: list[Diagnostic]) -> Slide:
    """Return the slide written in ``source``."""
    notes: list[Block] = []
    body = segment_blocks(source.segments, notes, diagnostics)
    title = parse_inline(source.title, source.origin, diagnostics)
    is_section = source.level is not None and source.level < slide_level
    subtitle: Inline = ()
    if body and is_subtitle(body[0]):
        first = body.pop(0)
        assert isinstance(first, Paragraph)
        subtitle = first.runs
    takeaways: list[Paragraph] = []
    if not is_section:
        body, takeaways = split_takeaways(body)
    return Slide(
        kind=SlideKind.SECTION if is_section else SlideKind.CONTENT,
        title=title,
        origin=source.origin,
        subtitle=subtitle,
        body=tuple(body),
        takeaways=tuple(takeaways),
        notes=tuple(notes),
        id=source.attributes.id,
        classes=source.attributes.classes,
        attributes=source.attributes.values,
    )


def title_slide(
    settings: dict[str, tuple[str, Origin]], notes: tuple[Block, ...], diagnostics: list[Diagnostic]
) -> Slide | None:
    """Return the title slide made from the deck's title settings, or None without a title."""
    if "title" not in settings:
        return None
    title, origin = settings["title"]
    lines = []
    for key in ("author", "date"):
        if key in settings:
            text, where = settings[key]
            lines.append(Paragraph(parse_inline(text, where, diagnostics), where))
    subtitle: Inline = ()
    if "subtitle" in settings:
        text, where = settings["subtitle"]
        subtitle = parse_inline(text, where, diagnostics)
    return Slide(
        kind=SlideKind.TITLE,
        title=parse_inline(title, origin, diagnostics),
        origin=origin,
        subtitle=subtitle,
        body=tuple(lines),
        notes=notes,
        id="title",
    )
