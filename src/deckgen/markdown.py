"""Markdown text -> model blocks and runs. The only module that imports mistune.

mistune's token dicts are turned into deckgen's frozen dataclasses here and never leave. mistune
keeps no source positions, so each block is placed on a line by finding its first words in the
segment's lines (in order, so repeated text lands on the right line).

Where pandoc's Markdown differs from mistune's, the rules in ``deckgen.syntax`` are registered
with mistune here; warned constructs (``constructs.py``) are found by the scope they live in.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import mistune
from mistune.helpers import unescape_char
from mistune.plugins.table import TABLE_PATTERN, parse_table
from mistune.util import escape_url

from deckgen import constructs
from deckgen.constructs import Scope
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.highlight import highlight
from deckgen.htmlsource.blocks import html_segments
from deckgen.htmlsource.convert import div_blocks, element_blocks
from deckgen.htmlsource.inline import Tags
from deckgen.htmlsource.styles import report_ignored, style_runs
from deckgen.images import media_of, read_length
from deckgen.inline import merge_runs, strip_runs
from deckgen.model import (
    Block,
    BulletList,
    Callout,
    CodeBlock,
    Definition,
    DefinitionList,
    Equation,
    Footnote,
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
    Step,
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
from deckgen.syntax import rules, tables
from deckgen.syntax.lines import MARK_OPEN, MARKED, Links, marker_style, rewrite_lines
from deckgen.tex.syntax import math as math_plugin
from deckgen.typography import smarten

Token = dict[str, Any]


def _pipe_table(block: Any, m: re.Match[str], state: Any) -> int | None:
    """mistune's pipe table, with pandoc's relative widths for tables with long lines."""
    end = parse_table(block, m, state)
    if end:
        widths = tables.pipe_widths(state.src[m.start() : end].rstrip("\n").split("\n"))
        state.tokens[-1].setdefault("attrs", {})["widths"] = widths
    return end


_PARSE = mistune.create_markdown(
    renderer=None,
    plugins=["table", "strikethrough", "def_list", "superscript", "subscript", math_plugin],
)
_BLOCK, _INLINE = _PARSE.block, _PARSE.inline
_BLOCK.register("table", TABLE_PATTERN, _pipe_table)
_BLOCK.register(
    "tables_and_lines", rules.TABLES_AND_LINES, rules.parse_tables_and_lines, before="setex_heading"
)
_BLOCK.register("footnote_def", rules.FOOTNOTE_DEF, rules.parse_footnote_def, before="ref_link")
# mistune's plugins add their block rules at the top level only; pandoc reads tables, line
# blocks and definition lists inside list items and block quotes too.
for _rules in (_BLOCK.list_rules, _BLOCK.block_quote_rules):
    if "tables_and_lines" not in _rules:
        _rules.insert(_rules.index("setex_heading"), "tables_and_lines")
    _rules += [rule for rule in ("table", "nptable", "def_list") if rule not in _rules]
_INLINE.register(
    "footnote_ref", rules.FOOTNOTE_REF, rules.parse_footnote_ref, before="link", start_chars="["
)


def _parse_escape(inline: Any, m: re.Match[str], state: Any) -> int:
    """Backslash escapes as their own token: pandoc never makes an escaped quote curly."""
    state.append_token({"type": "escaped", "raw": unescape_char(m.group(0))})
    return m.end()


_INLINE.register("escape", None, _parse_escape)  # mistune's own pattern, our token
_INLINE.register("span", rules.SPAN, rules.parse_span, before="link", start_chars="[")
_INLINE.register(
    "inline_footnote",
    rules.INLINE_FOOTNOTE,
    rules.parse_inline_footnote,
    before="superscript",
    start_chars="^",
)
for _number, (_warned, _) in enumerate(constructs.detectors(Scope.INLINE)):
    assert _warned.detect is not None
    _INLINE.register(
        f"construct_{_number}",
        _warned.detect.pattern,
        rules.construct_rule(_warned),
        before="link" if _warned.detect.bracketed else "linebreak",
        start_chars=_warned.detect.start,
    )
TRAILING_ATTRIBUTES = re.compile(r"^\{[^}]*\}")
HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?", re.IGNORECASE)
CAPTION = re.compile(r"^(?:Table)?:[ \t]*")
# attributes after a caption: {#tbl-id tbl-colwidths="[30,70]"}
CAPTION_ATTRIBUTES = re.compile(r"[ \t]*\{([^{}]*[#.=][^{}]*)\}[ \t]*$")
COLWIDTHS = re.compile(r"tbl-colwidths=\"?\[([\d.,\s]+)\]")
_INLINE_NOTES = itertools.count(1)
DROPPED = "\ue002"  # where a warned construct's text was dropped (markdown.py removes it)
RAW_INLINE = re.compile(r"\{=(\w+)\}")
SPAN_STYLES = {"underline": "underline", "smallcaps": "smallcaps", "mark": "mark"}
FRAGMENT_CLASS = "fragment"
FRAGMENT_INDEX = re.compile(r"-?\d{1,9}")
TASK = re.compile(r"^\[([ xX])\][ \t]+")  # a task list item's box, as GitHub writes it
PARAGRAPH_CONSTRUCTS = constructs.quick(Scope.PARAGRAPH)
ALIGNMENTS = frozenset({"left", "center", "right"})  # Quarto's fig-align
# Marp's image keywords, written as the alt text: ![bg right:40%](x.png), ![w:200](x.png)
MARP_IMAGE_KEYWORD = re.compile(
    r"bg|left|right|contain|cover|fit|auto|vertical|\d+%|(?:left|right):\d+%|"
    r"(?:w|h|width|height):\d+\w*|(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|"
    r"invert|opacity|saturate|sepia)(?::\S+)?"
)
MARP_BACKDROP = frozenset({"bg", "cover", "contain", "fit", "auto"})
CODE_ATTRIBUTES = frozenset({"startFrom"})  # a code block's key=value attributes deckgen reads
IGNORED_CODE_ATTRIBUTE = constructs.by_name("code block attribute")
MARP_IMAGE = constructs.by_name("Marp image keyword")
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
    footnotes: list[Footnote] = field(default_factory=list)
    dropped: bool = False  # a warned construct's text was dropped (its gap to close)
    previous: str = ""  # the last character of text read so far in this block
    tags: list[Tags] = field(default_factory=list)  # HTML elements open, per token sequence
    links: Links | None = None  # the file's reference link definitions

    def report(self, origin: Origin, message: str, group: str) -> None:
        """Add a warning of ``group`` at ``origin``."""
        self.diagnostics.append(Diagnostic(origin, Level.WARNING, message, group))

    def warn(self, construct: constructs.Construct, needle: str = "") -> None:
        """Report the warned ``construct``, found near ``needle``."""
        self.diagnostics.append(construct.warning(self.locator.find(needle)))

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


def _escaped(token: Token, context: _Context, style: Run) -> list[Run]:
    """A backslash-escaped character, kept literally (``\\"`` is a straight quote)."""
    context.previous = token["raw"][-1:]
    return [replace(style, text=token["raw"])]


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
    if image.alt and all(MARP_IMAGE_KEYWORD.fullmatch(word) for word in image.alt.split()):
        image = _marp_keywords(image, context)
    written = attrs.get("attributes")
    if written is not None:
        image = _image_attributes(image, parse_attributes(written), context)
    context.images.append(image)
    return []


def _marp_keywords(image: Image, context: _Context) -> Image:
    """Return ``image`` sized by Marp's ``w:``/``h:`` keywords in its alt text (which is then
    no description), or marked as the slide's backdrop by a plain ``bg``; its other keywords
    (a split ``bg left``, filters) are reported, and it stays in the body."""
    changes: dict[str, Any] = {"alt": "", "caption": ()}
    words = image.alt.split()
    if "bg" in words and set(words) <= MARP_BACKDROP:  # the slide's background, if it can be
        fit = "contain" if {"contain", "fit"} & set(words) else "cover"
        return replace(image, backdrop=fit, **changes)
    for word in words:
        key, _, value = word.partition(":")
        length = read_length(value if not value.isdigit() else f"{value}px")
        if key in ("w", "width", "h", "height") and length is not None:
            changes["width" if key.startswith("w") else "height"] = length
        else:
            context.report(image.origin, f"{MARP_IMAGE.message}: '{word}'", MARP_IMAGE.group)
    return replace(image, **changes)


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
    return (
        token["type"] == "link"
        and bool(children)
        and all(child["type"] == "image" for child in children)
    )


def _inline_html(token: Token, context: _Context, style: Run) -> list[Run]:
    """An HTML tag among the text: read by the open elements of its sequence of tokens."""
    return context.tags[-1].tag(token["raw"], style, context.images)


def _source(token: Token) -> str:
    """Return the text a token was written with, as near as its children tell it."""
    if "raw" in token:
        return str(token["raw"])
    return "".join(_source(child) for child in token.get("children", ()))


def _span(token: Token, context: _Context, style: Run) -> list[Run]:
    """``[text]{.class}``: pandoc's underline, small caps and mark, other classes kept (a
    ``fragment`` with its ``fragment-index`` for the steps pass); a ``style`` as an HTML
    span's."""
    attributes = parse_attributes(token["attrs"]["attributes"])
    changes: dict[str, object] = {}
    classes = list(style.classes)
    for name in attributes.classes:
        if name in SPAN_STYLES:
            changes[SPAN_STYLES[name]] = True
            continue
        construct = constructs.warned(Scope.SPAN, name)
        if construct is not None:
            context.warn(construct, name)
        elif name not in classes:
            classes.append(name)
    written = attributes.get("style")
    if written:  # what a run can show of it (bold, italic, smaller...); the rest is reported
        shown, ignored = style_runs(written)
        changes.update(shown)
        origin = context.locator.find(token["attrs"]["attributes"])
        report_ignored(
            [f"style '{name}'" for name, _ in ignored], "span", origin, context.diagnostics
        )
    index = attributes.get("fragment-index").strip()
    if FRAGMENT_CLASS in classes and FRAGMENT_INDEX.fullmatch(index):
        changes["step"] = Step(index=int(index))
    return _runs(token["children"], context, replace(style, classes=tuple(classes), **changes))  # type: ignore[arg-type]


def _footnote_ref(token: Token, context: _Context, style: Run) -> list[Run]:
    label = token["raw"]
    return [replace(style, text=f"[^{label}]", note=label)]


def _inline_footnote(token: Token, context: _Context, style: Run) -> list[Run]:
    label = f"^{next(_INLINE_NOTES)}"
    runs = strip_runs(_runs(token["children"], context))
    context.footnotes.append(Footnote(label, runs, context.locator.find(plain_text(runs))))
    return [replace(style, text=f"^[{plain_text(runs)}]", note=label)]


def _construct(token: Token, context: _Context, style: Run) -> list[Run]:
    """Text a warned construct matched: reported, and kept as written or dropped."""
    construct = constructs.by_name(token["attrs"]["name"])
    context.warn(construct, token["raw"])
    assert construct.detect is not None
    if construct.detect.keep:
        return [replace(style, text=token["raw"])]
    context.dropped = True
    return [replace(style, text=DROPPED)]


def _close_gaps(runs: list[Run]) -> list[Run]:
    """Return ``runs`` without the marks of dropped text, and without the double space a drop
    between two words would leave."""
    cleaned = []
    for run in runs:
        text = run.text
        if DROPPED in text:
            text = re.sub(f" ?{DROPPED}+( ?)", r"\1", text)
        if text:
            cleaned.append(replace(run, text=text) if text != run.text else run)
    return cleaned


def _raw_inline(runs: list[Run], token: Token, context: _Context) -> tuple[list[Run], Token]:
    """Read pandoc's raw inline ```code`{=html}``: HTML for the HTML deck, other formats
    dropped (reported); return the runs and what is left of ``token``."""
    match = RAW_INLINE.match(token["raw"])
    assert match is not None
    code = runs.pop()
    if match.group(1) == "html":
        runs.append(replace(code, code=False, raw=True))
    else:
        context.warn(constructs.by_name("raw LaTeX"), code.text)
    return runs, {**token, "raw": token["raw"][match.end() :]}


def _math(token: Token, context: _Context, style: Run) -> list[Run]:
    tex = token["raw"]
    return [replace(style, text=tex, math=Math(tex, bool(token["attrs"]["display"])))]


INLINE_RULES: dict[str, InlineRule] = {
    "text": _text,
    "escaped": _escaped,
    "codespan": _codespan,
    "strong": _styled(bold=True),
    "emphasis": _styled(italic=True),
    "strikethrough": _styled(strike=True),
    "link": _link,
    "softbreak": _softbreak,
    "linebreak": _linebreak,
    "image": _image,
    "inline_html": _inline_html,
    "superscript": _styled(sup=True),
    "subscript": _styled(sub=True),
    "span": _span,
    "footnote_ref": _footnote_ref,
    "inline_footnote": _inline_footnote,
    "construct": _construct,
    "raw_latex": lambda token, context, style: _construct(
        {**token, "attrs": {"name": "raw LaTeX"}}, context, style
    ),
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
            if token["type"] == "text" and runs and token["raw"][:1] == "{":
                if runs[-1].link:  # [text](url){target=_blank}: attributes, not text
                    token = {**token, "raw": TRAILING_ATTRIBUTES.sub("", token["raw"])}
                elif runs[-1].code and RAW_INLINE.match(token["raw"]):
                    runs, token = _raw_inline(runs, token, context)
            runs += rule(token, context, styled)
    runs += tags.finish(style) + tags.close_all(style)
    context.tags.pop()
    runs = merge_runs(_line_starts(runs))
    return _close_gaps(runs) if context.dropped else runs


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
    first = _first_text(token)
    origin = context.locator.find(first)
    if _is_pause(token):
        return [Pause(origin)]
    construct = None
    if PARAGRAPH_CONSTRUCTS.search(first) is not None:
        construct = constructs.warned(Scope.PARAGRAPH, first)
    if construct is not None and len(token.get("children", ())) <= 1:
        context.diagnostics.append(construct.warning(origin))
        return []
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
        line = str(token["raw"]).split("\n")[0]
        return MARKED.sub("", line) if MARK_OPEN in line else line
    for child in token.get("children", ()):
        found = _first_text(child)
        if found.strip():
            return found
    return ""


def _code_blocks(token: Token, context: _Context) -> list[Block]:
    """A code block; pandoc's raw blocks (```` ```{=html} ````) and diagrams as the table says."""
    info = (token.get("attrs") or {}).get("info", "").strip()
    raw_format = re.fullmatch(r"\{=(\w+)\}", info)
    if raw_format is not None:
        origin = context.locator.find(info)
        if raw_format.group(1) == "html":  # HTML written in Markdown
            return _html_blocks(token["raw"], origin, context)
        construct = constructs.warned(Scope.CODE, f"={raw_format.group(1)}")
        if construct is not None:
            context.diagnostics.append(construct.warning(origin))
        return []
    return [_code(token, context)]


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
    origin = context.locator.find(f"{token.get('marker', '')}{info}")
    construct = constructs.warned(Scope.CODE, language.lower())
    if construct is not None:  # a diagram: reported as one, its filter's attributes with it
        context.diagnostics.append(construct.warning(origin))
    ignored = IGNORED_CODE_ATTRIBUTE
    for key in () if construct else dict(attributes.values):
        if key not in CODE_ATTRIBUTES:  # Quarto's filename, code-line-numbers...
            context.report(origin, f"{ignored.message}: '{key}'", ignored.group)
    return CodeBlock(
        text=text,
        language=language or None,
        lines=highlight(text, language or None),
        origin=origin,
        number_lines=number_lines,
        first_line_number=int(start) if start.isdigit() else 1,
    )


def _take_marker(runs: Inline) -> tuple[str, Inline]:
    """Return the fancy list marker ``syntax/lines.py`` put in front of ``runs``, and the runs
    without it ("" when there is none)."""
    if not runs or runs[0].code:
        return "", runs
    match = MARKED.match(runs[0].text)
    if match is None:
        return "", runs
    rest = runs[0].text[match.end() :]
    first = (replace(runs[0], text=rest),) if rest else ()
    return match.group(1), strip_runs(first + runs[1:])


def _task(runs: Inline) -> tuple[Inline, bool | None]:
    """Return a list item's runs without a task box (``[ ]``, ``[x]``) and whether it is ticked
    (None: no box)."""
    box = TASK.match(runs[0].text) if runs and not runs[0].code else None
    if box is None:
        return runs, None
    return _drop_prefix(runs, box.end()), box.group(1) != " "


def _list(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    items = []
    first_marker = ""
    for index, item in enumerate(token["children"]):
        runs: Inline = ()
        inner: list[Block] = []
        for number, child in enumerate(c for c in item["children"] if c["type"] != "blank_line"):
            blocks = _blocks([child], context)
            if number == 0 and blocks and isinstance(blocks[0], Paragraph):
                runs, blocks = blocks[0].runs, blocks[1:]
            inner += blocks
        marker, runs = _take_marker(runs)
        first_marker = marker if index == 0 else first_marker
        runs, checked = _task(runs)
        items.append(ListItem(runs, tuple(inner), checked))
    attrs = token.get("attrs", {})
    ordered, start = bool(attrs.get("ordered")), int(attrs.get("start", 1))
    numbering, delimiter = "decimal", token.get("bullet", ".") if ordered else "."
    if first_marker:
        numbering, delimiter, start = marker_style(first_marker)
    return [BulletList(tuple(items), origin, ordered, start, numbering, delimiter)]


def _definitions(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    items: list[Definition] = []
    for child in token["children"]:
        if child["type"] == "def_list_head":
            items.append(Definition(strip_runs(_runs(child["children"], context))))
        elif items:
            blocks = tuple(_blocks(child["children"], context))
            items[-1] = replace(items[-1], blocks=items[-1].blocks + blocks)
    return [DefinitionList(tuple(items), origin)]


def _line_block(token: Token, context: _Context) -> list[Block]:
    """``| `` lines: one paragraph, its line breaks kept and its indents as no-break spaces."""
    origin = context.locator.find(_first_text(token).replace(rules.INDENT, ""))
    runs = strip_runs(_runs(token["children"], context))
    kept = tuple(replace(run, text=run.text.replace(rules.INDENT, "\u00a0")) for run in runs)
    return [Paragraph(kept, origin)]


def _footnote_def(token: Token, context: _Context) -> list[Block]:
    label = token["attrs"]["label"]
    origin = context.locator.find(f"[^{label}]")
    lines: list[Inline] = []
    for block in _blocks(token["children"], context):
        if isinstance(block, Paragraph | Heading):
            lines.append(block.runs)
        elif isinstance(block, BulletList):
            lines += [item.runs for item in block.items]
        elif isinstance(block, CodeBlock):
            lines.append((Run(block.text, code=True),))
    runs = tuple(
        run for number, line in enumerate(lines) for run in ((Run(" "),) if number else ()) + line
    )
    context.footnotes.append(Footnote(label, tuple(merge_runs(list(runs))), origin))
    return []


def _cell_runs(text: str, context: _Context) -> Inline:
    """Return a table cell's Markdown as runs (the lines of a grid cell's paragraphs joined)."""
    tokens = _PARSE(text)
    assert isinstance(tokens, list)
    lines: list[list[Run]] = []
    for token in tokens:
        if token["type"] in ("paragraph", "block_text"):
            lines.append(_runs(token["children"], context))
        elif token["type"] == "list":
            for item in token["children"]:
                for child in item["children"]:
                    if child["type"] in ("paragraph", "block_text"):
                        lines.append([Run("\u2022 "), *_runs(child["children"], context)])
    joined = [
        run for number, line in enumerate(lines) for run in ([Run("\n")] if number else []) + line
    ]
    return strip_runs(merge_runs(joined))


def _text_table(token: Token, context: _Context) -> list[Block]:
    found: tables.TableText = token["attrs"]["table"]
    origin = context.locator.find(next((cell for cell in found.header if cell), ""))
    header = tuple(_cell_runs(cell, context) for cell in found.header)
    rows = tuple(tuple(_cell_runs(cell, context) for cell in row) for row in found.rows)
    return [Table(header, rows, found.aligns, origin, widths=found.widths)]


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
    widths = tuple((token.get("attrs") or {}).get("widths", ()))
    return Table(tuple(header), tuple(rows), tuple(aligns), origin, widths=widths)


def _heading(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    runs = strip_runs(_runs(token["children"], context))
    if runs and not runs[-1].code and HEADING_ATTRIBUTES.search(runs[-1].text):
        last = HEADING_ATTRIBUTES.sub("", runs[-1].text)  # {#id .class}: pandoc's attributes
        runs = strip_runs(runs[:-1] + ((replace(runs[-1], text=last),) if last else ()))
    return [Heading(runs, token["attrs"]["level"], origin)]


def _drop_prefix(runs: Inline, length: int) -> Inline:
    """Return ``runs`` without their first ``length`` characters."""
    result: list[Run] = []
    for run in runs:
        if length >= len(run.text):
            length -= len(run.text)
            continue
        result.append(replace(run, text=run.text[length:]) if length else run)
        length = 0
    return strip_runs(result)


def quote_block(blocks: list[Block], origin: Origin) -> Quote | Callout:
    """Return a block quote of ``blocks``: a callout when it opens with GitHub's ``[!NOTE]``
    (``TIP``, ``IMPORTANT``, ``WARNING``, ``CAUTION``)."""
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph):
        alert = ALERT.match(plain_text(first.runs))
        if alert is not None:
            rest = _drop_prefix(first.runs, alert.end())
            blocks = ([replace(first, runs=rest)] if rest else []) + blocks[1:]
            style = alert.group(1).lower()
            return Callout(style, (), tuple(blocks), origin)  # titled by passes/words.py
    return Quote(tuple(blocks), origin)


def _quote(token: Token, context: _Context) -> list[Block]:
    origin = context.locator.find(_first_text(token))
    return [quote_block(_blocks(token["children"], context), origin)]


def _html_block(token: Token, context: _Context) -> list[Block]:
    """An HTML block: its elements read as ``htmlsource`` reads them, the Markdown between
    them as Markdown; one that opens with an inline tag (``<img>``, ``<font>``) is a paragraph,
    as pandoc reads it."""
    return _html_blocks(token["raw"], context.locator.find(_first_text(token)), context)


def _html_blocks(raw: str, origin: Origin, context: _Context) -> list[Block]:
    """Return the blocks of the HTML source ``raw`` (its Markdown read as Markdown)."""
    raw = raw.rstrip("\n")
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
            lines = segment.lines
            blocks += _blocks(
                _tokens("\n".join(rewrite_lines(lines) or lines), context.links), context
            )
        elif isinstance(segment, Div):
            inner = _segment_blocks(segment.segments, context)
            blocks += div_blocks(inner, segment.attributes, segment.origin, context.diagnostics)
        elif isinstance(segment, Quoted):
            blocks.append(quote_block(_segment_blocks(segment.segments, context), segment.origin))
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
    "block_code": _code_blocks,
    "table": lambda token, context: [_table(token, context)],
    "text_table": _text_table,
    "def_list": _definitions,
    "line_block": _line_block,
    "footnote_def": _footnote_def,
    "block_quote": _quote,
    "block_html": _html_block,
    "thematic_break": _rule,
    "blank_line": _nothing,
    "math": _equation,
    "math_macros": _math_macros,
}


def _caption(token: Token | None) -> str:
    """Return the text of ``token`` if it is a table caption paragraph (``: …``, ``Table: …``)."""
    if token is None or token["type"] != "paragraph":
        return ""
    children = token.get("children") or [{}]
    first = children[0].get("raw", "") if children[0].get("type") == "text" else ""
    return first if CAPTION.match(first) and first.strip() not in (":", "Table:") else ""


def _with_captions(tokens: list[Token]) -> list[Token]:
    """Return ``tokens`` with each table caption paragraph moved into its table's token."""
    solid = [t for t in tokens if t["type"] != "blank_line"]
    result = list(solid)
    for index, token in enumerate(solid):
        if token["type"] not in ("table", "text_table"):
            continue
        for neighbour in (index + 1, index - 1):
            near = solid[neighbour] if 0 <= neighbour < len(solid) else None
            if near is not None and near in result and _caption(near):
                token.setdefault("attrs", {})["caption"] = near
                result.remove(near)
                break
    return result


def _captioned(table: Table, token: Token, context: _Context) -> Table:
    """Return ``table`` with the caption its token carries (and Quarto's tbl-colwidths)."""
    caption_token = (token.get("attrs") or {}).get("caption")
    if caption_token is None:
        return table
    runs = list(_runs(caption_token["children"], context))
    runs[0] = replace(runs[0], text=CAPTION.sub("", runs[0].text, count=1))
    widths = table.widths
    last = runs[-1].text if runs and not runs[-1].code else ""
    attributes = CAPTION_ATTRIBUTES.search(last)
    if attributes is not None:  # pandoc's and Quarto's attributes after a caption
        runs[-1] = replace(runs[-1], text=last[: attributes.start()])
        colwidths = COLWIDTHS.search(attributes.group(1))
        if colwidths is not None:
            numbers = [float(n) for n in re.findall(r"[\d.]+", colwidths.group(1))]
            total = sum(numbers) or 1
            widths = tuple(n / total for n in numbers)
    return replace(table, caption=strip_runs(runs), widths=widths)


def _blocks(tokens: Iterable[Token], context: _Context) -> list[Block]:
    blocks: list[Block] = []
    tokens = list(tokens)
    if any(t["type"] in ("table", "text_table") for t in tokens):
        tokens = _with_captions(tokens)
    for token in tokens:
        context.previous = ""  # each block's text starts afresh (for smart quotes)
        rule = BLOCK_RULES.get(token["type"])
        if rule is None:  # never dropped without a word
            context.unknown(token["type"])
            continue
        made = rule(token, context)
        if made and isinstance(made[0], Table) and (token.get("attrs") or {}).get("caption"):
            made = [_captioned(made[0], token, context)]
        blocks += made
    return blocks


def _tokens(text: str, links: Links | None) -> list[Token]:
    """Return mistune's tokens for ``text``, reference links resolved from ``links`` too."""
    if not links:
        tokens = _PARSE(text)
    else:
        state = _BLOCK.state_cls()
        state.env["ref_links"] = {
            key: {"url": escape_url(url), "label": key, **({"title": title} if title else {})}
            for key, (url, title) in links.items()
        }
        tokens, _ = _PARSE.parse(text, state)
    assert isinstance(tokens, list)
    return tokens


def parse_blocks(
    lines: tuple[str, ...],
    origin: Origin,
    diagnostics: list[Diagnostic],
    footnotes: list[Footnote] | None = None,
    links: Links | None = None,
) -> list[Block]:
    """Return the blocks of Markdown ``lines``, whose first line is at ``origin``.

    Footnote definitions (and inline notes) go to ``footnotes``; without it, they are reported.
    ``links`` are the reference link definitions of the whole file.
    """
    context = _Context(_Locator(lines, origin), diagnostics, links=links)
    tokens = _tokens("\n".join(rewrite_lines(lines) or lines), links)
    blocks = _blocks(tokens, context)
    _hand_over(context, footnotes)
    return blocks


def _hand_over(context: _Context, footnotes: list[Footnote] | None) -> None:
    if footnotes is not None:
        footnotes += context.footnotes
    elif context.footnotes:
        origin = context.footnotes[0].origin
        message = "footnote here not shown (footnotes are read on slides only)"
        context.diagnostics.append(Diagnostic(origin, Level.WARNING, message, "footnote"))


def parse_inline(
    text: str,
    origin: Origin,
    diagnostics: list[Diagnostic],
    footnotes: list[Footnote] | None = None,
) -> Inline:
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
    _hand_over(context, footnotes)
    return strip_runs(runs)
