"""Block-level HTML elements (``split.HtmlElement``) -> model blocks, by their role.

What an element holds is Markdown, read by the caller (``to_blocks``): a heading's, a list
item's, a table cell's. Elements read whole (``<pre>``, ``<video>``) are read from their source;
those deckgen does not show stay ``RawHtml`` for the raw-HTML pass.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.highlight import highlight
from deckgen.htmlsource.elements import Role, element
from deckgen.htmlsource.scan import Tag, scan, text_content
from deckgen.htmlsource.styles import alignment, report_ignored, sized, style_runs, text_align
from deckgen.images import media_of
from deckgen.model import (
    Aligned,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    Image,
    ImageRow,
    Inline,
    ListItem,
    Media,
    Paragraph,
    RawHtml,
    Run,
    Table,
)
from deckgen.passes.walk import map_blocks, map_runs, walk_blocks
from deckgen.split import Attributes, HtmlElement, Segment, Text

ToBlocks = Callable[[tuple[Segment, ...]], list[Block]]
LINE = Run("\n")
MEDIA = {"video": Media.VIDEO, "audio": Media.AUDIO}
RULE = "horizontal rule inside a slide (not drawn)"
MAX_SPAN = 50  # columns a cell may span (a larger colspan is a mistake)


def div_blocks(
    blocks: list[Block], attributes: Attributes, origin: Origin, diagnostics: list[Diagnostic]
) -> list[Block]:
    """Return the blocks of a div that shows its content in place, as its ``style`` sets them:
    aligned (``text-align``), smaller (``font-size`` below 1em); other properties reported."""
    style = attributes.get("style")
    if not style:
        return blocks
    changes, ignored = style_runs(style)
    report_ignored([f"style '{name}'" for name, _ in ignored], "div", origin, diagnostics)
    if changes.get("small"):
        blocks = list(map_runs(tuple(blocks), lambda run: replace(run, small=True)))
    align = text_align(style)
    if align not in ("center", "right"):
        return blocks

    def side(block: Block) -> Block:
        return replace(block, align=align) if isinstance(block, Image) else block

    return [Aligned(map_blocks(tuple(blocks), side), align, origin)]


def _runs_of(blocks: list[Block]) -> list[Inline]:
    """Return the lines of text ``blocks`` show, for an element that holds one line."""
    lines: list[Inline] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            lines.append(block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                lines.append(item.runs)
                lines += _runs_of(list(item.blocks))
        elif isinstance(block, CodeBlock):
            lines += [(Run(line, code=True),) for line in block.text.split("\n")]
        elif isinstance(block, Image):
            lines.append((Run(block.alt),) if block.alt else ())
        elif isinstance(block, Aligned):
            lines += _runs_of(list(block.blocks))
    return [line for line in lines if line]


def _one_line(blocks: list[Block]) -> Inline:
    """Return the text of ``blocks`` as one line, its paragraphs apart on lines of their own."""
    runs: list[Run] = []
    for line in _runs_of(blocks):
        runs += [LINE, *line] if runs else line
    return tuple(runs)


def _children(parent: HtmlElement, *roles: Role) -> list[HtmlElement]:
    found = []
    for child in parent.segments:
        record = element(child.name) if isinstance(child, HtmlElement) else None
        if isinstance(child, HtmlElement) and record is not None and record.role in roles:
            found.append(child)
    return found


def _attribute(item: HtmlElement, key: str) -> str:
    return next((value for name, value in item.attributes if name == key), "")


def _list(item: HtmlElement, to_blocks: ToBlocks) -> list[Block]:
    items = []
    for child in item.segments:
        inside = child.segments if isinstance(child, HtmlElement) and child.name == "li" else ()
        blocks = to_blocks(inside or (child,))
        runs: Inline = ()
        if blocks and isinstance(blocks[0], Paragraph):
            runs, blocks = blocks[0].runs, blocks[1:]
        if runs or blocks:
            items.append(ListItem(runs, tuple(blocks)))
    start = _attribute(item, "start")
    ordered = item.name == "ol"
    first = int(start) if ordered and start.isdigit() else 1
    return [BulletList(tuple(items), item.origin, ordered, first)] if items else []


def _cell_align(cell: HtmlElement) -> str | None:
    return alignment(_attribute(cell, "align")) or text_align(_attribute(cell, "style")) or None


def _row(
    row: HtmlElement, to_blocks: ToBlocks, diagnostics: list[Diagnostic]
) -> tuple[list[Inline], list[str | None]]:
    """Return a row's cells and their alignments; a cell spanning columns leaves the others
    of its span empty. A cell holds a line of text: a picture in it shows its description."""
    texts: list[Inline] = []
    aligns: list[str | None] = []
    for cell in _children(row, Role.CELL):
        written = _attribute(cell, "colspan")
        more = min(int(written), MAX_SPAN) - 1 if written.isdigit() and int(written) else 0
        blocks = to_blocks(cell.segments)
        if any(isinstance(block, Image | ImageRow) for block in walk_blocks(tuple(blocks))):
            message = "a picture in an HTML table cell is shown as its description"
            diagnostics.append(Diagnostic(cell.origin, Level.WARNING, message, "html-table"))
        texts += [_one_line(blocks), *[()] * more]
        aligns += [_cell_align(cell), *[None] * more]
    return texts, aligns


def _table(item: HtmlElement, to_blocks: ToBlocks, diagnostics: list[Diagnostic]) -> list[Block]:
    """A table: the rows of its head (or a first row of header cells) are its header; its
    caption is a line above it."""
    head: list[HtmlElement] = []
    rows: list[HtmlElement] = []
    before: list[Block] = []
    for child in _children(item, Role.TABLE_PART, Role.ROW, Role.CAPTION):
        if child.name == "caption":
            lines = _runs_of(to_blocks(child.segments))
            before += [Paragraph(line, child.origin) for line in lines]
        elif child.name == "tr":
            rows.append(child)
        else:
            (head if child.name == "thead" else rows).extend(_children(child, Role.ROW))
    if not head and rows and all(cell.name == "th" for cell in _children(rows[0], Role.CELL)):
        head, rows = rows[:1], rows[1:]
    read = [_row(row, to_blocks, diagnostics) for row in head + rows]
    read = [(texts, aligns) for texts, aligns in read if texts]
    if not read:
        return before
    width = max(len(texts) for texts, _ in read)
    cells = [tuple(texts) + ((),) * (width - len(texts)) for texts, _ in read]
    first = read[0][1]
    aligns = tuple(first) + (None,) * (width - len(first))
    header = cells[0] if head else ((),) * width
    body = cells[1:] if head else cells
    return [*before, Table(header, tuple(body), aligns, item.origin)]


def _code(item: HtmlElement) -> list[Block]:
    """A ``<pre>``: its text as written (tags left out, references decoded); the language from
    a ``language-x`` (or ``lang-x``) class of it or of the ``<code>`` inside."""
    tags = [found for found in scan(item.html) if isinstance(found, Tag)]
    classes = [name for tag in tags for name in tag.get("class").split()]
    language = next(
        (name.split("-", 1)[1] for name in classes if name.startswith(("language-", "lang-"))),
        None,
    )
    start = tags[0].end if tags else 0
    end = item.html.rfind("</")
    text = text_content(item.html[start : end if end > start else len(item.html)])
    text = text.removeprefix("\n").rstrip("\n")  # as HTML: a newline after <pre> is not shown
    return [CodeBlock(text, language, highlight(text, language), item.origin)]


def _media(item: HtmlElement, to_blocks: ToBlocks, diagnostics: list[Diagnostic]) -> list[Block]:
    """A ``<video>`` or ``<audio>``: from its ``src``, else its first ``<source>``; without
    either, its fallback content is shown."""
    tags = [found for found in scan(item.html) if isinstance(found, Tag) and not found.closing]
    if not tags:
        return []
    player = tags[0]
    sources = [tag.get("src") for tag in tags[1:] if tag.name == "source" and tag.get("src")]
    src = player.get("src") or (sources[0] if sources else "")
    end = item.html.rfind("</")
    inner = item.html[player.end : end] if end > player.end else ""
    for tag in reversed(tags[1:]):  # the fallback content: what is left besides its sources
        if tag.name in ("source", "track"):
            start, stop = tag.start - player.end, tag.end - player.end
            inner = inner[:start] + " " * (stop - start) + inner[stop:]
    lines = tuple(textwrap.dedent(inner.expandtabs(4)).split("\n"))  # not indented code
    fallback = to_blocks((Text(lines, item.origin),)) if inner.strip() else []
    if not src:
        return fallback
    media = media_of(src)
    if media is Media.PICTURE:
        media = MEDIA[item.name]
    alt = player.get("aria-label") or player.get("title")
    image = Image(src, alt, item.origin, player.get("title"), media=media, fallback=tuple(fallback))
    return [sized(image, player, diagnostics)]


def element_blocks(
    item: HtmlElement, to_blocks: ToBlocks, diagnostics: list[Diagnostic]
) -> list[Block]:
    """Return the blocks an HTML element shows; what deckgen cannot show stays raw HTML."""
    record = element(item.name)
    role = record.role if record is not None else Role.DIV
    if role is Role.HEADING:
        runs = _one_line(to_blocks(item.segments))
        return [Heading(runs, int(item.name[1]), item.origin)] if runs else []
    if role is Role.LIST:
        return _list(item, to_blocks)
    if role is Role.TERM:
        runs = _one_line(to_blocks(item.segments))
        bold = tuple(replace(run, bold=True) for run in runs)
        return [Paragraph(bold, item.origin)] if runs else []
    if role is Role.TABLE:
        return _table(item, to_blocks, diagnostics)
    if role is Role.CODE:
        return _code(item)
    if role is Role.MEDIA:
        return _media(item, to_blocks, diagnostics)
    if role is Role.RULE:
        diagnostics.append(Diagnostic(item.origin, Level.WARNING, RULE, "thematic-break"))
        return []
    if role is Role.IGNORED:
        return []
    if role is Role.DROPPED:
        return [RawHtml(item.html, item.origin)]
    return to_blocks(item.segments)  # an item, a row or a cell outside its list or table
