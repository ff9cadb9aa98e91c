"""Split a source file into slide sources with a line scanner, as pandoc's slide rules do.

Headings at or above the slide level start a slide, a thematic break (``---`` after a blank line)
starts an untitled one, and pandoc fenced divs (``::: notes``, ``:::: columns``) become nested
``Div`` segments. A block quote that holds a fenced div (``> ::: teacher``) becomes a ``Quoted``
segment, its lines scanned again without their ``>``. Code fences are skipped, so nothing inside
them splits a slide. mistune gives no line numbers, so this scanner is where every ``file:line``
comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin
from deckgen.read import SourceFile
from deckgen.syntax.tables import table_span

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
DIV_OPEN = re.compile(r"^ {0,3}(:{3,})[ \t]*(\{[^}]*\}|[A-Za-z][\w-]*)[ \t]*:*[ \t]*$")
DIV_CLOSE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
COMMENT_OPEN = re.compile(r"^ {0,3}<!--")
QUOTE_MARKER = re.compile(r"^ {0,3}> ?")
ATTRIBUTES = re.compile(r"[ \t]*\{([^}]*)\}[ \t]*$")
MAX_DIV_DEPTH = 32  # deeper nesting is a mistake, and would exhaust recursion later


@dataclass(frozen=True, slots=True)
class Attributes:
    """Pandoc attributes ``{#id .class key=value}``."""

    id: str = ""
    classes: tuple[str, ...] = ()
    values: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        """Return the value of ``key``, or ``default`` when it is not set."""
        return dict(self.values).get(key, default)


# one attribute: key="value", key='value' (both as pandoc reads them), key=value, #id or .class
ATTRIBUTE = re.compile(r"""[^\s"'=]+="[^"]*"|[^\s"'=]+='[^']*'|[^\s"'=]+=\S+|\S+""")


def parse_attributes(text: str) -> Attributes:
    """Return the attributes written inside ``{...}`` (without the braces), or a bare class name."""
    ident, classes, values = "", [], []
    for part in ATTRIBUTE.findall(text):
        if part.startswith("#"):
            ident = part[1:]
        elif part.startswith("."):
            classes.append(part[1:])
        elif "=" in part:
            key, _, value = part.partition("=")
            quoted = len(value) > 1 and value[0] == value[-1] and value[0] in "\"'"
            values.append((key, value[1:-1] if quoted else value))
        else:
            classes.append(part)
    return Attributes(ident, tuple(classes), tuple(values))


@dataclass(frozen=True, slots=True)
class Text:
    """Markdown lines; ``lines[i]`` is at line ``origin.line + i``."""

    lines: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Div:
    """A pandoc fenced div and what it holds."""

    attributes: Attributes
    segments: tuple[Segment, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Quoted:
    """A block quote holding a fenced div: what it holds, scanned like any other lines."""

    segments: tuple[Segment, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class HtmlElement:
    """A block-level HTML element written in the Markdown (``htmlsource.blocks``): its tag
    ``name``, ``attributes`` as written, and what it holds: segments, or for an element read
    whole (``<pre>``, ``<video>``, ``<script>``) its source ``html``."""

    name: str
    attributes: tuple[tuple[str, str], ...]
    segments: tuple[Segment, ...]
    origin: Origin
    html: str = ""


Segment = Text | Div | Quoted | HtmlElement


@dataclass(frozen=True, slots=True)
class SlideSource:
    """The source of one slide: heading level (None: no heading), title text and its body.

    ``rule`` is where a ``---`` stood right before the heading (it starts no slide of its own).
    """

    level: int | None
    title: str
    attributes: Attributes
    origin: Origin
    segments: tuple[Segment, ...] = field(default=())
    rule: Origin | None = None


@dataclass
class _OpenDiv:
    attributes: Attributes
    origin: Origin
    segments: list[Segment] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    first: int = 0


def _flush(open_div: _OpenDiv, file: SourceFile, next_index: int) -> None:
    """Move the collected text lines of ``open_div`` into a Text segment."""
    if any(line.strip() for line in open_div.lines):
        open_div.segments.append(Text(tuple(open_div.lines), file.origin(open_div.first)))
    open_div.lines = []
    open_div.first = next_index


def _heading(line: str) -> tuple[int, str, Attributes] | None:
    match = ATX_HEADING.match(line)
    if not match:
        return None
    title = match.group(2) or ""
    attributes = Attributes()
    attr_match = ATTRIBUTES.search(title)
    if attr_match:
        attributes = parse_attributes(attr_match.group(1))
        title = title[: attr_match.start()]
    return len(match.group(1)), title.strip(), attributes


def _quote_run_end(lines: tuple[str, ...], start: int) -> int:
    """Return the index after the run of quoted lines (``>``) starting at ``start``."""
    end = start
    while end < len(lines) and QUOTE_MARKER.match(lines[end]):
        end += 1
    return end


def _quote_end(lines: tuple[str, ...], start: int) -> int:
    """Return the index after the block quote starting at ``start`` when it holds a fenced div,

    else ``start`` (the quote is left to the Markdown parser).
    """
    end = _quote_run_end(lines, start)
    inner = [QUOTE_MARKER.sub("", line, count=1) for line in lines[start:end]]
    return end if any(DIV_OPEN.match(line) for line in inner) else start


def _quoted(file: SourceFile, start: int, end: int, diagnostics: list[Diagnostic]) -> Quoted:
    """Return the block quote of lines ``start`` to ``end``, scanned without its ``>`` markers."""
    lines = tuple(QUOTE_MARKER.sub("", line, count=1) for line in file.lines[start:end])
    inner = replace(file, lines=lines, first_line=file.first_line + start)
    sources = split_slides(inner, 0, diagnostics, in_quote=True)
    return Quoted(tuple(s for source in sources for s in source.segments), file.origin(start))


def split_slides(
    file: SourceFile, slide_level: int, diagnostics: list[Diagnostic], in_quote: bool = False
) -> list[SlideSource]:
    """Return the slide sources of ``file``; raise DeckError for an unclosed fence or div.

    ``in_quote``: the lines of a block quote, where no heading or rule starts a slide.
    """
    slides: list[SlideSource] = []
    stack: list[_OpenDiv] = []
    top = _OpenDiv(Attributes(), file.origin(0))
    heading: tuple[int | None, str, Attributes, Origin] | None = None
    fence: tuple[str, int, int] | None = None  # (char, length, index of opening line)
    rule: Origin | None = None
    skip_to = 0  # lines before this index were read as part of a quoted div
    plain_quote_to = 0  # lines before this index are in a block quote that holds no div

    def close_slide(index: int, before_heading: bool = False) -> Origin | None:
        """Close the slide so far; return where it started when it was only a '---' before a
        heading (None otherwise)."""
        _flush(top, file, index)
        if heading is not None:
            level, title, attributes, origin = heading
            if level is None and not top.segments and before_heading:
                return origin  # '---' right before a slide's heading starts no slide of its own
            slides.append(SlideSource(level, title, attributes, origin, tuple(top.segments), rule))
        elif top.segments:
            slides.append(
                SlideSource(None, "", Attributes(), top.segments[0].origin, tuple(top.segments))
            )
        top.segments = []
        return None

    ended = True  # the line before ended a block, so a heading or a rule may start here
    in_comment = False  # inside an HTML comment block, which holds no slide structure
    table_end = 0  # lines before this one belong to a table (its rules split nothing)
    for index, line in enumerate(file.lines):
        if index < skip_to:
            continue
        current = stack[-1] if stack else top
        at_block_start, ended = ended, False
        if fence is not None:
            current.lines.append(line)
            char, length, _ = fence
            stripped = line.strip()
            if stripped.startswith(char * length) and not stripped.strip(char):
                fence = None
                ended = True
            continue
        if in_comment:
            current.lines.append(line)
            in_comment = "-->" not in line
            ended = not in_comment
            continue
        fence_match = CODE_FENCE.match(line)
        if fence_match and not (fence_match.group(1)[0] == "`" and "`" in fence_match.group(2)):
            fence = (fence_match.group(1)[0], len(fence_match.group(1)), index)
            current.lines.append(line)
            continue
        if index < table_end:
            current.lines.append(line)
            ended = index + 1 >= table_end
            continue
        if line.lstrip(" ").startswith("-") and THEMATIC_BREAK.match(line):
            span = table_span(file.lines, index)  # a multiline table's first rule
            if span:
                table_end = index + span
                current.lines.append(line)
                ended = span == 1
                continue
        if at_block_start and COMMENT_OPEN.match(line):
            current.lines.append(line)
            in_comment = "-->" not in line.split("<!--", 1)[1]
            ended = not in_comment
            continue
        ended = True  # div markers, headings and rules are blocks of their own
        if index >= plain_quote_to and QUOTE_MARKER.match(line):
            end = _quote_end(file.lines, index)
            if end > index:
                _flush(current, file, index)
                current.segments.append(_quoted(file, index, end, diagnostics))
                current.first = skip_to = end
                continue
            plain_quote_to = _quote_run_end(file.lines, index)
        if DIV_CLOSE.match(line) and stack:
            closing = stack.pop()
            _flush(closing, file, index + 1)
            parent = stack[-1] if stack else top
            _flush(parent, file, index + 1)
            parent.segments.append(Div(closing.attributes, tuple(closing.segments), closing.origin))
            continue
        div_match = DIV_OPEN.match(line)
        if div_match:
            raw = div_match.group(2)
            attributes = parse_attributes(raw[1:-1] if raw.startswith("{") else raw)
            _flush(current, file, index)
            if len(stack) >= MAX_DIV_DEPTH:
                raise DeckError(
                    file.origin(index), f"fenced divs ':::' nested more than {MAX_DIV_DEPTH} deep"
                )
            stack.append(_OpenDiv(attributes, file.origin(index), first=index + 1))
            continue
        if DIV_CLOSE.match(line):
            diagnostics.append(
                Diagnostic(file.origin(index), Level.WARNING, "closing ':::' without an open div")
            )
            current.lines.append(line)
            continue
        ended = not line.strip()
        if not stack:
            # as pandoc: a '#' heading starts in the first column, after a blank line or a block
            found = _heading(line) if at_block_start and line.startswith("#") else None
            if found is None and SETEXT_UNDERLINE.match(line) and _setext_candidate(top.lines):
                title = top.lines.pop().strip()
                level = 1 if line.strip().startswith("=") else 2
                found = (level, title, Attributes())
                if level <= slide_level:
                    index_of_title = index - 1
                    rule = close_slide(index_of_title, before_heading=True)
                    heading = (level, title, Attributes(), file.origin(index_of_title))
                    top.first = index + 1
                    ended = True
                    continue
                top.lines.append(f"{'#' * level} {title}")
                top.lines.append("")
                ended = True
                continue
            if found is not None and found[0] <= slide_level:
                rule = close_slide(index, before_heading=True)
                level, title, attributes = found
                heading = (level, title, attributes, file.origin(index))
                top.first = index + 1
                ended = True
                continue
            if not in_quote and at_block_start and THEMATIC_BREAK.match(line):
                rule = close_slide(index)
                heading = (None, "", Attributes(), file.origin(index))
                top.first = index + 1
                ended = True
                continue
            ended = ended or found is not None
        current.lines.append(line)
    if fence is not None:
        raise DeckError(file.origin(fence[2]), "code fence is never closed")
    if stack:
        raise DeckError(stack[-1].origin, "fenced div ':::' is never closed")
    close_slide(len(file.lines))
    return slides


def _setext_candidate(lines: list[str]) -> bool:
    """Return True when the last line collected is a one-line paragraph (a setext title)."""
    if not lines or not lines[-1].strip():
        return False
    previous = lines[-2] if len(lines) > 1 else ""
    last = lines[-1]
    return not previous.strip() and not re.match(r"^\s*([-*+]|\d+[.)])\s", last)
