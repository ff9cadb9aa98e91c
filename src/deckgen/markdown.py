"""Markdown text -> model blocks and runs. The only module that imports mistune.

mistune's token dicts are turned into deckgen's frozen dataclasses here and never leave. mistune
keeps no source positions, so each block is placed on a line by finding its first words in the
segment's lines (in order, so repeated text lands on the right line).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import mistune

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.highlight import highlight
from deckgen.htmlsource.blocks import html_segments
from deckgen.htmlsource.convert import div_blocks, element_blocks
from deckgen.htmlsource.inline import Tags
from deckgen.images import media_of, read_length
from deckgen.inline import merge_runs, strip_runs
from deckgen.model import (
    Block,
    BulletList,
    CodeBlock,
    Equation,
    Heading,
    Image,
    ImageRow,
    Inline,
    ListItem,
    Math,
    MathMacros,
    Paragraph,
    Pause,
    Quote,
    Run,
    Table,
    plain_text,
)
from deckgen.split import (
    THEMATIC_BREAK,
    Attributes,
    Div,
    HtmlElement,
    Quoted,
    Segment,
    Text,
    parse_attributes,
)
from deckgen.tex.syntax import math as math_plugin
from deckgen.typography import smarten

Token = dict[str, Any]

_PARSE = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough", math_plugin])
# mistune's plugins add their block rules at the top level only; pandoc reads tables inside
# list items and block quotes too.
for _rules in (_PARSE.block.list_rules, _PARSE.block.block_quote_rules):
    _rules += [rule for rule in ("table", "nptable") if rule not in _rules]
TRAILING_ATTRIBUTES = re.compile(r"^\{[^}]*\}")
ALIGNMENTS = frozenset({"left", "center", "right"})  # Quarto's fig-align
PAUSE = re.compile(r"\.[ \t]+\.[ \t]+\.")  # a paragraph of only this is a pause, as in pandoc


@dataclass
class _Locator:
    """Finds the source line of each block, moving forward through a segment's lines."""

    lines: tuple[str, ...]
    origin: Origin
    cursor: int = 0

    def find_line(self, pattern: re.Pattern[str]) -> Origin:
        """Return the origin of the next line matching ``pattern`` (else the cursor's)."""
        for index in range(self.cursor, len(self.lines)):
            if pattern.match(self.lines[index]):
                self.cursor = index + 1
                return Origin(self.origin.path, self.origin.line + index)
        return Origin(self.origin.path, self.origin.line + self.cursor)

    def find(self, needle: str) -> Origin:
        needle = needle.strip()[:30]
        for index in range(self.cursor, len(self.lines)):
            if needle and needle in self.lines[index]:
                self.cursor = index
                return Origin(self.origin.path, self.origin.line + index)
        for index in range(self.cursor, len(self.lines)):
            if self.lines[index].strip():
                return Origin(self.origin.path, self.origin.line + index)
        return Origin(self.origin.path, self.origin.line + self.cursor)


@dataclass
class _Context:
    locator: _Locator
    diagnostics: list[Diagnostic]
    images: list[Image] = field(default_factory=list)
    previous: str = ""  # the last character of text read so far in this block
    tags: list[Tags] = field(default_factory=list)  # HTML elements open, per token sequence

    def report(self, origin: Origin, message: str, group: str) -> None:
        """Add a warning of ``group`` at ``origin``."""
        self.diagnostics.append(Diagnostic(origin, Level.WARNING, message, group))

    def unknown(self, token_type: str) -> None:
        """Report Markdown no rule here reads (its text is kept where it has any)."""
        message = f"Markdown construct '{token_type}' is not supported (its text is kept as text)"
        self.report(self.locator.find(""), message, f"unknown-{token_type}")


PLAIN = Run("")

# Inline rules: mistune token type -> the runs it becomes, given the style around it.
InlineRule = Callable[[Token, "_Context", Run], list[Run]]


def _text(token: Token, context: _Context, style: Run) -> list[Run]:
    """Return text with its character references decoded and pandoc's smart punctuation."""
    text = smarten(html.unescape(token["raw"]), context.previous)
    context.previous = text[-1:] or context.previous
    return [replace(style, text=text)]


def _codespan(token: Token, context: _Context, style: Run) -> list[Run]:
    context.previous = "x"  # a quote right after code closes
    return [replace(style, text=token["raw"], code=True)]


def _styled(**changes: object) -> InlineRule:
    def rule(token: Token, context: _Context, style: Run) -> list[Run]:
        return _runs(token.get("children", ()), context, replace(style, **changes))  # type: ignore[arg-type]

    return rule


def _link(token: Token, context: _Context, style: Run) -> list[Run]:
    return _runs(token["children"], context, replace(style, link=token["attrs"]["url"]))


def _softbreak(token: Token, context: _Context, style: Run) -> list[Run]:
    return [replace(style, text=" ")]


def _linebreak(token: Token, context: _Context, style: Run) -> list[Run]:
    return [replace(style, text="\n")]


def _image(token: Token, context: _Context, style: Run) -> list[Run]:
    """An image, a video or a sound (by file type), with pandoc's attributes ``{width=30%}``;
    its description is its alt text and, alone in a paragraph, its caption."""
    description = strip_runs(_runs(token.get("children", ()), context))
    attrs = token["attrs"]
    url = attrs["url"]
    origin = context.locator.find(url)
    image = Image(
        url,
        plain_text(description),
        origin,
        attrs.get("title") or "",
        caption=description,
        link=style.link,
        media=media_of(url),
    )
    written = attrs.get("attributes")
    if written is not None:
        image = _image_attributes(image, parse_attributes(written), context)
    context.images.append(image)
    return []


def _image_attributes(image: Image, attributes: Attributes, context: _Context) -> Image:
    """Return ``image`` with pandoc's attributes: sizes, id, classes, alt text (``alt`` or
    Quarto's ``fig-alt``), Quarto's ``fig-align`` and a video's ``poster``; others reported."""
    changes: dict[str, Any] = {"id": attributes.id, "classes": attributes.classes}
    for key, value in attributes.values:
        if key in ("width", "height"):
            length = read_length(value)
            if length is None:
                message = f"image {key} '{value[:30]}' is not a length such as 30% (ignored)"
                context.report(image.origin, message, "image-size")
            changes[key] = length
        elif key in ("alt", "fig-alt"):
            changes["alt"] = value
        elif key == "fig-align" and value in ALIGNMENTS:
            changes["align"] = value
        elif key == "poster":
            changes["poster"] = value
        else:
            message = f"image attribute '{key}' is not used by deckgen (ignored)"
            context.report(image.origin, message, "image-attribute")
    return replace(image, **changes)


def _attach_attributes(tokens: Iterable[Token]) -> list[Token]:
    """Return ``tokens`` with pandoc's ``{...}`` after an image moved into the image's
    ``attrs`` (as ``attributes``); after a link around pictures, it is the link's (dropped)."""
    result: list[Token] = []
    for token in tokens:
        previous = result[-1] if result else None
        if token["type"] == "text" and previous is not None and _takes_attributes(previous):
            match = TRAILING_ATTRIBUTES.match(token["raw"])
            if match is not None:
                if previous["type"] == "image":
                    attrs = {**previous["attrs"], "attributes": match.group(0)[1:-1]}
                    result[-1] = {**previous, "attrs": attrs}
                token = {**token, "raw": token["raw"][match.end() :]}
        result.append(token)
    return result


def _takes_attributes(token: Token) -> bool:
    """Return True for an image, or a link holding only pictures, without attributes yet."""
    if token["type"] == "image":
        return "attributes" not in token["attrs"]
    children = [
        child
        for child in _attach_attributes(token.get("children", ()))
        if child["type"] != "text" or child["raw"].strip()
    ]
    return token["type"] == "link" and bool(children) and all(
        child["type"] == "image" for child in children
    )


def _inline_html(token: Token, context: _Context, style: Run) -> list[Run]:
    """An HTML tag among the text: read by the open elements of its sequence of tokens."""
    return context.tags[-1].tag(token["raw"], style, context.images)


def _source(token: Token) -> str:
    """Return the text a token was written with, as near as its children tell it."""
    if "raw" in token:
        return str(token["raw"])
    return "".join(_source(child) for child in token.get("children", ()))


def _math(token: Token, context: _Context, style: Run) -> list[Run]:
    tex = token["raw"]
    return [replace(style, text=tex, math=Math(tex, bool(token["attrs"]["display"])))]


INLINE_RULES: dict[str, InlineRule] = {
    "text": _text,
    "codespan": _codespan,
    "strong": _styled(bold=True),
    "emphasis": _styled(italic=True),
    "strikethrough": _styled(strike=True),
    "link": _link,
    "softbreak": _softbreak,
    "linebreak": _linebreak,
    "image": _image,
    "inline_html": _inline_html,
    "math": _math,
}


def _runs(tokens: Iterable[Token], context: _Context, style: Run = PLAIN) -> list[Run]:
    """Return the runs of inline ``tokens``; images are collected in ``context.images``."""
    runs: list[Run] = []
    tags = Tags(context.locator.find, context.diagnostics)
    context.tags.append(tags)
    for token in _attach_attributes(tokens):
        if tags.reading_whole:  # inside an HTML element read whole (a <button>, a <script>)
            is_tag = token["type"] == "inline_html"
            runs += tags.swallow(_source(token), token["raw"] if is_tag else None, style)
            continue
        styled = tags.style(style)
        rule = INLINE_RULES.get(token["type"])
        if rule is None:  # a token no rule reads: keep its text, and say so
            context.unknown(token["type"])
            runs += _runs(token.get("children", ()), context, styled)
            if "raw" in token and not token.get("children"):
                runs.append(replace(styled, text=str(token["raw"])))
        else:
            runs += rule(token, context, styled)
    runs += tags.finish(style) + tags.close_all(style)
    context.tags.pop()
    return merge_runs(_line_starts(runs))


def _line_starts(runs: list[Run]) -> list[Run]:
    """Return ``runs`` without the white space that starts a line after a line break (the
    source's newline after a ``<br>``), which HTML does not show either."""
    for index in range(1, len(runs)):
        run = runs[index]
        if runs[index - 1].text.endswith("\n") and not run.code and run.text[:1] == " ":
            runs[index] = replace(run, text=run.text.lstrip(" "))
    return runs


def _paragraph_blocks(token: Token, context: _Context) -> list[Block]:
    """A paragraph; its pictures come first: one alone is pandoc's implicit figure (its
    description is the caption, unless it is a link), one beside text takes the text as its
    caption, several form a row (their descriptions stay alt text)."""
    origin = context.locator.find(_first_text(token))
    if _is_pause(token):
        return [Pause(origin)]
    before = len(context.images)
    runs = strip_runs(_runs(token["children"], context))
    images = context.images[before:]
    del context.images[before:]
    if plain_text(runs) == "\\":  # pandoc: a lone backslash is a line break, an empty line
        runs = (Run("\n"),)
    if len(images) == 1:
        image = images[0]
        caption = runs or (() if image.link else image.caption)
        return [replace(image, caption=caption)]
    blocks: list[Block] = []
    if images:
        row = tuple(replace(image, caption=()) for image in images)
        blocks.append(ImageRow(row, images[0].origin))
    if runs:
        blocks += _display_apart(runs, origin)
    return blocks


def _display_apart(runs: Inline, origin: Origin) -> list[Block]:
    """Return a paragraph's runs as paragraphs, with its display math as equations between."""
    if not any(run.math is not None and run.math.display for run in runs):
        return [Paragraph(runs, origin)]
    blocks: list[Block] = []
    text: list[Run] = []
    for run in runs:
        if run.math is not None and run.math.display:
            if strip_runs(text):
                blocks.append(Paragraph(strip_runs(text), origin))
            blocks.append(Equation((run,), origin))
            text = []
        else:
            text.append(run)
    if strip_runs(text):
        blocks.append(Paragraph(strip_runs(text), origin))
    return blocks


def _is_pause(token: Token) -> bool:
    """Return True for a paragraph of only ``. . .`` (plain text on one line)."""
    children = token.get("children", ())
    return (
        len(children) == 1
        and children[0]["type"] == "text"
        and PAUSE.fullmatch(children[0]["raw"].strip()) is not None
    )


def _first_text(token: Token) -> str:
    if "raw" in token:
        return str(token["raw"]).split("\n")[0]
    for child in token.get("children", ()):
        found = _first_text(child)
        if found.strip():
            return found
    return ""


def _code(token: Token, context: _Context) -> CodeBlock:
    info = (token.get("attrs") or {}).get("info", "").strip()
    language, attributes = info, parse_attributes("")
    if info.startswith("{"):
        attributes = parse_attributes(info.strip("{}"))
        language = attributes.classes[0] if attributes.classes else ""
    elif "{" in info:
        language, _, rest = info.partition("{")
        attributes = parse_attributes(rest.rstrip("}"))
    language = language.split()[0] if language.split() else ""
    text = token["raw"].removesuffix("\n")
    number_lines = any(c in ("numberLines", "number-lines") for c in attributes.classes)
    start = attributes.get("startFrom", "1")
    return CodeBlock(
        text=text,
        language=language or None,
        lines=highlight(text, language or None),
        origin=context.locator.find(f"{token.get('marker', '')}{info}"),
        number_lines=number_lines,
        first_line_number=int(start) if start.isdigit() else 1,
    )


def _list(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    items = []
    for item in token["children"]:
        runs: Inline = ()
        inner: list[Block] = []
        for number, child in enumerate(c for c in item["children"] if c["type"] != "blank_line"):
            blocks = _blocks([child], context)
            if number == 0 and blocks and isinstance(blocks[0], Paragraph):
                runs, blocks = blocks[0].runs, blocks[1:]
            inner += blocks
        items.append(ListItem(runs, tuple(inner)))
    attrs = token.get("attrs", {})
    ordered, start = bool(attrs.get("ordered")), int(attrs.get("start", 1))
    return [BulletList(tuple(items), origin, ordered, start)]


def _cell(cell: Token, context: _Context) -> Inline:
    context.previous = ""
    return strip_runs(_runs(cell["children"], context))


def _table(token: Token, context: _Context) -> Table:
    origin = context.locator.find(_first_text(token))
    header: list[Inline] = []
    aligns: list[str | None] = []
    rows: list[tuple[Inline, ...]] = []
    for part in token["children"]:
        if part["type"] == "table_head":
            for cell in part["children"]:
                header.append(_cell(cell, context))
                aligns.append(cell["attrs"].get("align"))
        else:
            for row in part["children"]:
                rows.append(tuple(_cell(cell, context) for cell in row["children"]))
    return Table(tuple(header), tuple(rows), tuple(aligns), origin)


def _heading(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    runs = strip_runs(_runs(token["children"], context))
    return [Heading(runs, token["attrs"]["level"], origin)]


def _quote(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    return [Quote(tuple(_blocks(token["children"], context)), origin)]


def _html_block(token: Token, context: _Context) -> list[Block]:
    """An HTML block: its elements read as ``htmlsource`` reads them, the Markdown between
    them as Markdown; one that opens with an inline tag (``<img>``, ``<font>``) is a paragraph,
    as pandoc reads it."""
    raw = token["raw"].rstrip("\n")
    origin = context.locator.find(_first_text(token))
    text = Text(tuple(raw.split("\n")), origin)
    segments = html_segments(text, context.diagnostics)
    if segments is None:
        paragraph = {"type": "paragraph", "children": _PARSE.inline(raw.strip(), {})}
        return _paragraph_blocks(paragraph, context)
    return _segment_blocks(segments, context)


def _segment_blocks(segments: tuple[Segment, ...], context: _Context) -> list[Block]:
    """Return the blocks of HTML segments read inside Markdown (a list item's HTML): divs show
    their content in place, as ``slides.py`` shows a div no rule reads."""
    blocks: list[Block] = []
    for segment in segments:
        if isinstance(segment, Text):
            tokens = _PARSE("\n".join(segment.lines))
            assert isinstance(tokens, list)
            blocks += _blocks(tokens, context)
        elif isinstance(segment, Div):
            inner = _segment_blocks(segment.segments, context)
            blocks += div_blocks(inner, segment.attributes, segment.origin, context.diagnostics)
        elif isinstance(segment, Quoted):
            blocks.append(Quote(tuple(_segment_blocks(segment.segments, context)), segment.origin))
        else:
            assert isinstance(segment, HtmlElement)
            blocks += element_blocks(
                segment, lambda inner: _segment_blocks(inner, context), context.diagnostics
            )
    return blocks


def _equation(token: Token, context: _Context) -> list[Block]:
    tex = token["raw"]
    run = Run(tex, math=Math(tex, bool(token["attrs"]["display"])))
    return [Equation((run,), context.locator.find(tex.strip().split("\n")[0]))]


def _math_macros(token: Token, context: _Context) -> list[Block]:
    return [MathMacros(token["raw"], context.locator.find(_first_text(token)))]


def _rule(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find_line(THEMATIC_BREAK)
    context.report(origin, "horizontal rule inside a slide (not drawn)", "thematic-break")
    return []


def _nothing(token: Token, context: _Context) -> list[Block]:
    return []


# Block rules: mistune token type -> the model blocks it becomes.
BlockRule = Callable[[Token, _Context], list[Block]]
BLOCK_RULES: dict[str, BlockRule] = {
    "paragraph": _paragraph_blocks,
    "block_text": _paragraph_blocks,
    "heading": _heading,
    "list": _list,
    "block_code": lambda token, context: [_code(token, context)],
    "table": lambda token, context: [_table(token, context)],
    "block_quote": _quote,
    "block_html": _html_block,
    "thematic_break": _rule,
    "blank_line": _nothing,
    "math": _equation,
    "math_macros": _math_macros,
}


def _blocks(tokens: Iterable[Token], context: _Context) -> list[Block]:
    blocks: list[Block] = []
    for token in tokens:
        context.previous = ""  # each block's text starts afresh (for smart quotes)
        rule = BLOCK_RULES.get(token["type"])
        if rule is None:  # never dropped without a word
            context.unknown(token["type"])
            continue
        blocks += rule(token, context)
    return blocks


def parse_blocks(
    lines: tuple[str, ...], origin: Origin, diagnostics: list[Diagnostic]
) -> list[Block]:
    """Return the blocks of Markdown ``lines``, whose first line is at ``origin``."""
    context = _Context(_Locator(lines, origin), diagnostics)
    tokens = _PARSE("\n".join(lines))
    assert isinstance(tokens, list)
    return _blocks(tokens, context)


def parse_inline(text: str, origin: Origin, diagnostics: list[Diagnostic]) -> Inline:
    """Return the runs of one line of Markdown (a heading or a setting such as the deck title)."""
    context = _Context(_Locator((text,), origin), diagnostics)
    tokens = _PARSE(text)
    assert isinstance(tokens, list)
    runs: list[Run] = []
    for token in tokens:
        if token["type"] in ("paragraph", "block_text"):
            runs += _runs(token["children"], context)
        elif token["type"] == "block_html":  # a line that opens with a tag is text with tags
            runs += _runs(_PARSE.inline(token["raw"].strip(), {}), context)
    if not runs and text.strip():
        runs = [Run(text.strip())]  # e.g. "1. Intro" would parse as a list; keep the words
    return strip_runs(runs)
