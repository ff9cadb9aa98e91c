"""Block-level HTML in a Markdown segment: its elements as segments, the Markdown between them.

As pandoc reads it: a block-level tag (``elements.is_block``) that starts a line starts or ends
an element, and so do more such tags on that line and the end tag of an open element anywhere;
what lies between them is Markdown. Outside any element a tag must stand in the first column
(an indented one belongs to a list item, read where the list is). An element becomes:

- a ``Div`` segment (``div``, ``section``, ``aside``, ``center``, ``p``, ``details``...): its
  classes and attributes are read as a fenced div's (``<aside class="notes">`` is notes), an
  ``align`` attribute or ``<center>`` as its ``text-align`` style;
- a ``Quoted`` segment (``blockquote``);
- an ``HtmlElement`` segment (tables, lists, headings, ``<pre>``, players, what is dropped),
  which ``convert.py`` turns into blocks.

Comments are hidden (reported); an ``on*`` attribute is dropped (reported). Code fences and code
spans are never read as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckgen import constructs
from deckgen.constructs import Scope
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.elements import Role, element, is_block
from deckgen.htmlsource.scan import Comment, Found, Tag, line_of, scan
from deckgen.split import Attributes, Div, HtmlElement, Quoted, Segment, Text

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
BACKTICKS = re.compile(r"`+")
LINE_STARTS_WITH_TAG = re.compile(r"^\s*<[A-Za-z!/]", re.MULTILINE)
ONE_LINE_SCRIPTS = frozenset({"script", "style"})  # their content never holds their own tag


def script_attribute(name: str) -> bool:
    """Return True for an event handler attribute (``onclick``...), which runs script."""
    return name.startswith("on")


def report_script(name: str, tag: str, origin: Origin, diagnostics: list[Diagnostic]) -> None:
    """Report the event handler attribute ``name`` of a ``tag`` element, dropped."""
    message = f"HTML attribute '{name}' on <{tag}> dropped (deckgen runs no script)"
    diagnostics.append(Diagnostic(origin, Level.WARNING, message, "html-script"))


def report_comment(comment: str, origin: Origin, diagnostics: list[Diagnostic]) -> None:
    """Report an HTML comment, hidden as pandoc hides it, as the table of constructs names it
    (a Marp directive, or notes another tool would show)."""
    construct = constructs.warned(Scope.HTML, comment) or constructs.by_name("comment notes")
    diagnostics.append(construct.warning(origin))


def _masked(source: str) -> str:
    """Return ``source`` with code fences and code spans blanked (same length, same lines)."""
    lines = source.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is not None:
            if (
                match is not None
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
            ):
                fence = None
            lines[index] = " " * len(line)
        elif match is not None and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            fence = match.group(1)
            lines[index] = " " * len(line)
    text = "\n".join(lines)
    if "`" not in text:
        return text
    chars = list(text)
    runs = list(BACKTICKS.finditer(text))
    taken = -1
    for number, opening in enumerate(runs):
        if opening.start() <= taken:
            continue
        for closing in runs[number + 1 :]:
            if "\n\n" in text[opening.end() : closing.start()]:
                break  # a code span ends with its paragraph
            if len(closing.group()) == len(opening.group()):
                chars[opening.start() : closing.end()] = " " * (closing.end() - opening.start())
                taken = closing.end()
                break
    return "".join(chars)


def div_attributes(
    tag: Tag, align: str, origin: Origin, diagnostics: list[Diagnostic]
) -> Attributes:
    """Return an HTML element's attributes as a fenced div's: ``id``, classes, ``data-x`` as
    ``x``, ``align`` (or ``align``, as ``<center>`` has) as a ``text-align`` style."""
    values: list[tuple[str, str]] = []
    style = tag.get("style").strip().rstrip(";")
    align = tag.get("align").strip().lower() or align
    for name, value in tag.attributes:
        if name in ("id", "class", "style", "align"):
            continue
        if script_attribute(name):
            report_script(name, tag.name, origin, diagnostics)
        else:
            values.append((name.removeprefix("data-"), value))
    if align:
        style = f"{style}; text-align: {align}" if style else f"text-align: {align}"
    if style:
        values.append(("style", style))
    return Attributes(tag.get("id"), tuple(tag.get("class").split()), tuple(values))


@dataclass
class _Open:
    tag: Tag
    origin: Origin
    children: list[Segment] = field(default_factory=list)


class _Reader:
    """Reads one segment's lines into segments, keeping each piece's first line."""

    def __init__(self, text: Text, diagnostics: list[Diagnostic]) -> None:
        self.text = text
        self.source = "\n".join(text.lines)
        self.masked = _masked(self.source)
        self.starts = [0]
        for line in text.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.diagnostics = diagnostics
        self.stack: list[_Open] = []
        self.top: list[Segment] = []
        self.cursor = 0
        self.tag_line = -1  # the line of the last tag read as structure
        self.structural = False

    def origin(self, offset: int) -> Origin:
        return Origin(self.text.origin.path, self.text.origin.line + line_of(self.starts, offset))

    def children(self) -> list[Segment]:
        return self.stack[-1].children if self.stack else self.top

    def add_text(self, end: int) -> None:
        """Add the Markdown from the cursor to ``end`` (nothing when it is blank)."""
        start, self.cursor = self.cursor, max(self.cursor, end)
        piece = self.source[start:end]
        if not piece.strip():
            return
        lines = piece.split("\n")
        skipped = 0
        while not lines[0].strip():
            lines.pop(0)
            skipped += 1
        first = self.origin(start)
        origin = Origin(first.path, first.line + skipped)
        while not lines[-1].strip():
            lines.pop()
        self.children().append(Text(tuple(lines), origin))

    def is_structure(self, found: Found) -> bool:
        """Return True when ``found`` is read as block structure (see the module's rules)."""
        if isinstance(found, Tag) and not is_block(found.name):
            return False
        line = line_of(self.starts, found.start)
        before = self.masked[self.starts[line] : found.start]
        if line == self.tag_line or (not before.strip() and (self.stack or not before)):
            return True
        return (
            isinstance(found, Tag)
            and found.closing
            and any(item.tag.name == found.name for item in self.stack)
        )

    def read(self) -> tuple[Segment, ...] | None:
        """Return the segments read, or None when there is no block-level HTML."""
        events = scan(self.masked)
        index = 0
        while index < len(events):
            found = events[index]
            index += 1
            if found.start < self.cursor or not self.is_structure(found):
                continue
            self.structural = True
            self.add_text(found.start)
            self.tag_line = line_of(self.starts, max(found.start, found.end - 1))
            if isinstance(found, Comment):
                comment = self.source[found.start : found.end]
                report_comment(comment, self.origin(found.start), self.diagnostics)
                self.cursor = found.end
            elif found.closing and not found.self_closing:
                self.end_tag(found)
            else:
                self.start_tag(found, events[index:])
        if not self.structural:
            return None
        self.add_text(len(self.source))
        while self.stack:
            self.close()
        return tuple(self.top)

    def start_tag(self, tag: Tag, after: list[Found]) -> None:
        record = element(tag.name)
        assert record is not None
        origin = self.origin(tag.start)
        self.cursor = tag.end
        if record.void or tag.self_closing or record.raw:
            end = self.raw_end(tag, after) if record.raw and not tag.self_closing else tag.end
            self.cursor = end
            self.children().append(
                HtmlElement(tag.name, tag.attributes, (), origin, self.source[tag.start : end])
            )
            return
        while self.stack and (
            self.stack[-1].tag.name in record.closes or self.stack[-1].tag.name == "p"
        ):
            self.close()  # <li> ends an open <li>; a block ends an open <p>, as in HTML
        self.stack.append(_Open(tag, origin))

    def raw_end(self, tag: Tag, after: list[Found]) -> int:
        """Return where an element read whole ends: after its end tag (nested ones of its name
        counted), or after its start tag when it is never closed."""
        depth = 1
        for found in after:
            if not isinstance(found, Tag) or found.name != tag.name:
                continue
            if found.closing and not found.self_closing:
                depth -= 1
                if depth == 0:
                    return found.end
            elif not found.self_closing and tag.name not in ONE_LINE_SCRIPTS:
                depth += 1
        return tag.end

    def end_tag(self, tag: Tag) -> None:
        self.cursor = tag.end
        if not any(item.tag.name == tag.name for item in self.stack):
            return  # an end tag with nothing to end: the browser ignores it too
        while self.stack:
            closed = self.close()
            if closed == tag.name:
                return

    def close(self) -> str:
        """Close the innermost open element into its parent; return its name."""
        opened = self.stack.pop()
        tag = opened.tag
        record = element(tag.name)
        assert record is not None
        children = tuple(opened.children)
        segment: Segment
        if record.role is Role.DIV:
            attributes = div_attributes(tag, record.align, opened.origin, self.diagnostics)
            segment = Div(attributes, children, opened.origin)
        elif record.role is Role.QUOTE:
            segment = Quoted(children, opened.origin)
        else:
            segment = HtmlElement(tag.name, tag.attributes, children, opened.origin)
        self.children().append(segment)
        return tag.name


def html_segments(text: Text, diagnostics: list[Diagnostic]) -> tuple[Segment, ...] | None:
    """Return ``text`` as segments: its block-level HTML elements and the Markdown between them;
    None when it holds no block-level HTML (it is all Markdown)."""
    source = "\n".join(text.lines)
    if "<" not in source or LINE_STARTS_WITH_TAG.search(source) is None:
        return None
    return _Reader(text, diagnostics).read()
