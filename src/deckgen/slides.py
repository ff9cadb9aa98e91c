"""Slide sources -> ``Slide`` model: where subtitles, takeaways, notes, columns and cards come from.

The rules, on top of pandoc's:
- a heading above the slide level is a section divider; the paragraphs under it are its subtitle
  and extra lines;
- on a slide, a short first paragraph before the body is the subtitle;
- paragraphs after the slide's last list (or card grid) are takeaway lines;
- ``::: notes`` holds speaker notes, ``:::: columns`` / ``::: column`` side-by-side columns,
  ``::: cards`` a list shown as a grid of cards, ``::: teacher`` teacher-only content (kept or
  dropped by the audience pass), ``::: callout-note`` (tip, warning...) a coloured box, and
  ``::: aside`` small print below the body. Other divs keep their content in place, and a class
  no rule reads is reported (the table in ``constructs.py``).
- steps, as pandoc reads them: a div (or a column) of class ``fragment`` is one fragment, with
  its other classes as effects and ``fragment-index``; ``::: incremental`` /
  ``::: nonincremental`` set the lists inside it (the steps pass gives them their steps).
"""

from __future__ import annotations

import re
from dataclasses import replace

from deckgen import constructs
from deckgen.constructs import CALLOUT_STYLES, Scope
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.blocks import html_segments
from deckgen.htmlsource.convert import div_blocks, element_blocks
from deckgen.markdown import parse_blocks, parse_inline, quote_block
from deckgen.model import (
    Aside,
    Block,
    BulletList,
    Callout,
    Cards,
    Column,
    Columns,
    Footnote,
    Fragment,
    Heading,
    Inline,
    Paragraph,
    Slide,
    SlideKind,
    Step,
    TeacherOnly,
    plain_text,
)
from deckgen.passes.steps import grouped
from deckgen.passes.walk import map_blocks
from deckgen.split import Attributes, Div, HtmlElement, Quoted, Segment, SlideSource, Text
from deckgen.syntax.lines import Links

SUBTITLE_MAX_CHARS = 140
NOTES_CLASSES = frozenset({"notes"})
# A column width is a CSS length (pandoc writes it into a style): anything else could inject CSS.
COLUMN_WIDTH = re.compile(r"\d{1,4}(\.\d+)?(%|px|em|rem|pt|cm|mm|in)?")
TEACHER_CLASS = "teacher"  # ::: teacher, and {.teacher} on a slide heading
ASIDE_CLASS = "aside"
FRAGMENT_CLASS = "fragment"
INCREMENTAL_CLASSES = {"incremental": True, "nonincremental": False}  # the first found decides
# Classes a div's rule reads: the rest of a fragment's classes are its effects.
RULE_CLASSES = frozenset(
    {*NOTES_CLASSES, "columns", "column", "cards", TEACHER_CLASS, FRAGMENT_CLASS}
    | set(INCREMENTAL_CLASSES)
)
FRAGMENT_INDEX = re.compile(r"-?\d{1,9}")


def segment_blocks(
    segments: tuple[Segment, ...],
    notes: list[Block],
    diagnostics: list[Diagnostic],
    footnotes: list[Footnote] | None = None,
    links: Links | None = None,
) -> list[Block]:
    """Return the body blocks of ``segments``; speaker notes are appended to ``notes`` and
    footnote definitions to ``footnotes`` (None: reported, not kept); ``links`` are the file's
    reference link definitions."""

    def inside(found: tuple[Segment, ...]) -> list[Block]:
        return segment_blocks(found, notes, diagnostics, footnotes, links)

    blocks: list[Block] = []
    for segment in segments:
        if isinstance(segment, Text):
            html = html_segments(segment, diagnostics)  # block-level HTML, read as pandoc reads it
            if html is None:
                blocks += parse_blocks(segment.lines, segment.origin, diagnostics, footnotes, links)
            else:
                blocks += inside(html)
            continue
        if isinstance(segment, HtmlElement):
            blocks += element_blocks(segment, inside, diagnostics)
            continue
        if isinstance(segment, Quoted):
            inner = segment_blocks(segment.segments, notes, diagnostics, footnotes, links)
            blocks.append(quote_block(inner, segment.origin))
            continue
        classes = set(segment.attributes.classes)
        made: list[Block]
        if classes & NOTES_CLASSES:
            notes += segment_blocks(segment.segments, notes, diagnostics, footnotes, links)
            continue
        if "columns" in classes:
            made = [_columns(segment, notes, diagnostics, footnotes, links)]
        elif "cards" in classes:
            made = [_cards(segment, notes, diagnostics, links)]
        else:
            made = _div(segment, notes, diagnostics, footnotes, links)
        blocks += with_steps(made, segment.attributes, segment.origin, diagnostics)
    return blocks


def _div(
    div: Div,
    notes: list[Block],
    diagnostics: list[Diagnostic],
    footnotes: list[Footnote] | None,
    links: Links | None,
) -> list[Block]:
    """Return the blocks of a div that holds blocks: teacher-only content, a callout, an aside,
    or (any other class, reported when no rule reads it) its content in place, where a pause
    reaches only the end of the div, as in pandoc."""
    inner = segment_blocks(div.segments, notes, diagnostics, footnotes, links)
    classes = div.attributes.classes
    if TEACHER_CLASS in classes:
        return [TeacherOnly(tuple(inner), div.origin)]
    if style := _callout_style(classes):
        return [_callout(style, div, inner)]
    if ASIDE_CLASS in classes:
        return [Aside(tuple(inner), div.origin)]
    if FRAGMENT_CLASS not in classes:  # a fragment's other classes are its effects
        for name in classes:
            construct = constructs.warned(Scope.DIV, name)
            if construct is not None:
                diagnostics.append(construct.warning(div.origin))
    return div_blocks(list(grouped(tuple(inner))), div.attributes, div.origin, diagnostics)


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


def _callout_style(classes: tuple[str, ...]) -> str:
    """Return the style of a Quarto callout div's classes ("note" for a bare ``callout``)."""
    for name in classes:
        if name.startswith("callout-") and name[8:] in CALLOUT_STYLES:
            return name[8:]
        if name == "callout":
            return "note"
    return ""


def _callout(style: str, div: Div, blocks: list[Block]) -> Callout:
    """Return a callout: its title from ``title=``, else from a first heading, else none yet
    (``passes/words.py`` names its style in the deck's language)."""
    title: Inline = ()
    written = div.attributes.get("title")
    if written:
        title = parse_inline(written, div.origin, [])
    elif blocks and isinstance(blocks[0], Heading):
        title, blocks = blocks[0].runs, blocks[1:]
    return Callout(style, title, tuple(blocks), div.origin)


def _columns(
    div: Div,
    notes: list[Block],
    diagnostics: list[Diagnostic],
    footnotes: list[Footnote] | None = None,
    links: Links | None = None,
) -> Columns:
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
            blocks = segment_blocks(segment.segments, notes, diagnostics, footnotes, links)
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
        columns.append(Column(tuple(segment_blocks(tuple(loose), notes, diagnostics, footnotes))))
    return Columns(tuple(columns), div.origin)


def _cards(
    div: Div, notes: list[Block], diagnostics: list[Diagnostic], links: Links | None = None
) -> Cards:
    cards = []
    for block in segment_blocks(div.segments, notes, diagnostics, links=links):
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


def build_slide(
    source: SlideSource,
    slide_level: int,
    diagnostics: list[Diagnostic],
    links: Links | None = None,
) -> Slide:
    """Return the slide written in ``source`` (``links``: its file's link definitions)."""
    notes: list[Block] = []
    footnotes: list[Footnote] = []
    body = segment_blocks(source.segments, notes, diagnostics, footnotes, links)
    title = parse_inline(source.title, source.origin, diagnostics, footnotes)
    for key, value in source.attributes.values:
        construct = constructs.warned(Scope.SLIDE, f"{key}={value}")
        if construct is not None:
            diagnostics.append(construct.warning(source.origin))
    asides = [block for block in body if isinstance(block, Aside)]
    body = [block for block in body if not isinstance(block, Aside)]
    is_section = source.level is not None and source.level < slide_level
    subtitle: Inline = ()
    if body and is_subtitle(body[0]):
        first = body.pop(0)
        assert isinstance(first, Paragraph)
        subtitle = first.runs
    takeaways: list[Paragraph] = []
    if not is_section:
        body, takeaways = split_takeaways(body)
    body += asides  # small print, below the body (and above the takeaways)
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
        footnotes=tuple(footnotes),
    )


def title_slide(
    settings: dict[str, tuple[str, Origin]], notes: tuple[Block, ...], diagnostics: list[Diagnostic]
) -> Slide | None:
    """Return the title slide made from the deck's title settings, or None without a title."""
    if "title" not in settings:
        return None
    title, origin = settings["title"]
    footnotes: list[Footnote] = []
    lines = []
    for key in ("author", "date"):
        if key in settings:
            text, where = settings[key]
            lines.append(Paragraph(parse_inline(text, where, diagnostics, footnotes), where))
    subtitle: Inline = ()
    if "subtitle" in settings:
        text, where = settings["subtitle"]
        subtitle = parse_inline(text, where, diagnostics, footnotes)
    return Slide(
        kind=SlideKind.TITLE,
        title=parse_inline(title, origin, diagnostics, footnotes),
        origin=origin,
        subtitle=subtitle,
        body=tuple(lines),
        notes=notes,
        id="title",
        footnotes=tuple(footnotes),
    )
