"""The tags and comments in a piece of source text, with where each starts and ends.

The standard library's HTML parser finds them (``convert_charrefs`` off, so text is never
rewritten and offsets stay those of the source). Text between them is left to the caller: in
Markdown it is Markdown. ``style="..."`` declarations are read here too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True, slots=True)
class Tag:
    """A start tag (``closing`` False) or an end tag, ``text[start:end]`` of the source."""

    name: str
    attributes: tuple[tuple[str, str], ...]
    start: int
    end: int
    closing: bool = False
    self_closing: bool = False

    def get(self, key: str, default: str = "") -> str:
        """Return the value of attribute ``key`` ("" for one written without a value)."""
        return next((value for name, value in self.attributes if name == key), default)

    def has(self, key: str) -> bool:
        """Return True when attribute ``key`` is written."""
        return any(name == key for name, _ in self.attributes)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment, ``<!-- ... -->`` (or a declaration such as ``<!DOCTYPE html>``)."""

    start: int
    end: int


Found = Tag | Comment


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)
        self.found: list[Found] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _tag(self, name: str, attrs: list[tuple[str, str | None]], closing: bool) -> None:
        start = self._offset()
        written = self.get_starttag_text() or ""
        attributes = tuple((key, value or "") for key, value in attrs)
        self.found.append(Tag(name, attributes, start, start + len(written), self_closing=closing))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closing=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.text.find(">", start)
        self.found.append(Tag(tag, (), start, end + 1 if end >= 0 else len(self.text), True))

    def _hidden(self, closer: str) -> None:
        start = self._offset()
        end = self.text.find(closer, start + 2)
        self.found.append(Comment(start, end + len(closer) if end >= 0 else len(self.text)))

    def handle_comment(self, data: str) -> None:
        self._hidden("-->")

    def handle_decl(self, decl: str) -> None:
        self._hidden(">")

    def handle_pi(self, data: str) -> None:
        self._hidden(">")

    def unknown_decl(self, data: str) -> None:
        self._hidden(">")


def scan(text: str) -> list[Found]:
    """Return the tags and comments in ``text``, in order (text that only looks like the start
    of a tag, as in ``a < b``, is text)."""
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def line_of(starts: list[int], offset: int) -> int:
    """Return the index of the line holding ``offset``, given each line's start offset."""
    return bisect.bisect_right(starts, offset) - 1


def declarations(style: str) -> list[tuple[str, str]]:
    """Return the ``property: value`` declarations of a style attribute, property names in
    lower case (a declaration without a colon is left out)."""
    found = []
    for part in style.split(";"):
        name, colon, value = part.partition(":")
        if colon and name.strip():
            found.append((name.strip().lower(), value.strip()))
    return found


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_content(html: str) -> str:
    """Return the text of ``html``: its tags left out, its character references decoded."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
