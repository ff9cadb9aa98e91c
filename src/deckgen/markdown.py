"""Markdown text -> model blocks and runs. The only module that imports mistune.

mistune's token dicts are turned into deckgen's frozen dataclasses here and never leave. mistune
keeps no source positions, so each block is placed on a line by finding its first words in the
segment's lines (in order, so repeated text lands on the right line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import mistune

from deckgen.diagnostics import Diagnostic, Origin
from deckgen.highlight import highlight
from deckgen.inline import merge_runs, strip_runs
from deckgen.model import (
    Block,
    BulletList,
    CodeBlock,
    Heading,
    Image,
    Inline,
    ListItem,
    Paragraph,
    Quote,
    RawHtml,
    Run,
    Table,
    plain_text,
)
from deckgen.split import parse_attributes

Token = dict[str, Any]

_PARSE = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
TRAILING_ATTRIBUTES = re.compile(r"^\{[^}]*\}")


@dataclass
class _Locator:
    """Finds the source line of each block, moving forward through a segment's lines."""

    lines: tuple[str, ...]
    origin: Origin
    cursor: int = 0

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


PLAIN = Run("")


def _runs(tokens: Iterable[Token], context: _Context, style: Run = PLAIN) -> list[Run]:
    """Return the runs of inline ``tokens``; images are collected in ``context.images``."""
    runs: list[Run] = []
    for token in tokens:
        kind = token["type"]
        children = token.get("children", ())
        if kind == "text":
            runs.append(replace(style, text=token["raw"]))
        elif kind == "codespan":
            runs.append(replace(style, text=token["raw"], code=True))
        elif kind == "strong":
            runs += _runs(children, context, replace(style, bold=True))
        elif kind == "emphasis":
            runs += _runs(children, context, replace(style, italic=True))
        elif kind == "strikethrough":
            runs += _runs(children, context, replace(style, strike=True))
        elif kind == "link":
            runs += _runs(children, context, replace(style, link=token["attrs"]["url"]))
        elif kind == "softbreak":
            runs.append(replace(style, text=" "))
        elif kind == "linebreak":
            runs.append(replace(style, text="\n"))
        elif kind == "image":
            alt = plain_text(tuple(_runs(children, context)))
            attrs = token["attrs"]
            context.images.append(
                Image(
                    attrs["url"], alt, context.locator.find(attrs["url"]), attrs.get("title") or ""
                )
            )
        elif kind == "inline_html":
            runs.append(replace(style, text=token["raw"], raw=True))
        else:
            runs += _runs(children, context, style)
    return merge_runs(runs)


def _strip_image_attributes(runs: list[Run], had_images: bool) -> list[Run]:
    """Drop pandoc's ``{width=50%}`` left behind as text after an image."""
    if not had_images:
        return runs
    cleaned = []
    for run in runs:
        text = TRAILING_ATTRIBUTES.sub("", run.text) if not run.code else run.text
        if text:
            cleaned.append(replace(run, text=text))
    return cleaned


def _paragraph_blocks(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    before = len(context.images)
    raw_runs = _runs(token["children"], context)
    images = context.images[before:]
    runs = strip_runs(_strip_image_attributes(raw_runs, bool(images)))
    del context.images[before:]
    blocks: list[Block] = list(images)
    if runs:
        if len(images) == 1:
            blocks = [replace(images[0], caption=runs)]
        else:
            blocks.append(Paragraph(runs, origin))
    return blocks


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


def _list(token: Token, context: _Context, hoisted: list[Block]) -> BulletList:
    origin = context.locator.find(_first_text(token))
    items = []
    for item in token["children"]:
        runs: list[Run] = []
        sublist = None
        for child in item["children"]:
            if child["type"] in ("paragraph", "block_text"):
                if runs:
                    runs.append(Run(" "))
                runs += _runs(child["children"], context)
            elif child["type"] == "list" and sublist is None:
                sublist = _list(child, context, hoisted)
            elif child["type"] != "blank_line":
                hoisted += _blocks([child], context)
        hoisted += context.images
        context.images.clear()
        items.append(ListItem(strip_runs(runs), sublist))
    attrs = token.get("attrs", {})
    return BulletList(tuple(items), origin, bool(attrs.get("ordered")), int(attrs.get("start", 1)))


def _table(token: Token, context: _Context) -> Table:
    origin = context.locator.find(_first_text(token))
    header: list[Inline] = []
    aligns: list[str | None] = []
    rows: list[tuple[Inline, ...]] = []
    for part in token["children"]:
        if part["type"] == "table_head":
            for cell in part["children"]:
                header.append(strip_runs(_runs(cell["children"], context)))
                aligns.append(cell["attrs"].get("align"))
        else:
            for row in part["children"]:
                rows.append(
                    tuple(strip_runs(_runs(cell["children"], context)) for cell in row["children"])
                )
    return Table(tuple(header), tuple(rows), tuple(aligns), origin)


def _blocks(tokens: Iterable[Token], context: _Context) -> list[Block]:
    blocks: list[Block] = []
    for token in tokens:
        kind = token["type"]
        if kind == "paragraph" or kind == "block_text":
            blocks += _paragraph_blocks(token, context)
        elif kind == "heading":
            origin = context.locator.find(_first_text(token))
            runs = strip_runs(_runs(token["children"], context))
            blocks.append(Heading(runs, token["attrs"]["level"], origin))
        elif kind == "list":
            hoisted: list[Block] = []
            blocks.append(_list(token, context, hoisted))
            blocks += hoisted
        elif kind == "block_code":
            blocks.append(_code(token, context))
        elif kind == "table":
            blocks.append(_table(token, context))
        elif kind == "block_quote":
            origin = context.locator.find(_first_text(token))
            blocks.append(Quote(tuple(_blocks(token["children"], context)), origin))
        elif kind == "block_html":
            origin = context.locator.find(_first_text(token))
            blocks.append(RawHtml(token["raw"], origin))
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
    if not runs and text.strip():
        runs = [Run(text.strip())]  # e.g. "1. Intro" would parse as a list; keep the words
    return strip_runs(runs)
