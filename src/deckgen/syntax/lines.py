"""Line forms of pandoc's Markdown that CommonMark lacks, rewritten before mistune reads them.

Every rewrite keeps the number of lines (so ``file:line`` stays right) and the width of what
it replaces (so list items keep their indentation):

- pandoc's fancy list markers (``a)``, ``(iv)``, ``#.``, ``(@label)``) become CommonMark
  numbers, and the marker as written travels in front of the item's text between two private
  characters (``MARK_OPEN`` marker ``MARK_CLOSE``), for ``markdown.py`` to read the style from;
- a ``~`` definition marker becomes ``:`` (the only one mistune's def_list reads);
- example list items are numbered through the file, and ``@label`` references to them become
  their numbers (``number_examples``), as pandoc numbers examples through a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")

_INNER = r"#|@[\w-]*|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+"
FANCY = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<marker>\((?:{_INNER}|\d{{1,9}})\)|(?:{_INNER})[.)])"
    r"(?P<space>[ \t]+|$)"
)
STANDARD = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
TILDE_DEFINITION = re.compile(r"^( {0,3})~([ \t]+\S)")
ANY_LINE = re.compile(f"(?:{FANCY.pattern})|(?:{TILDE_DEFINITION.pattern})", re.MULTILINE)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
MAX_DIGITS = 9  # CommonMark's longest list number


def _number_for(marker: str, delimiter: str) -> str:
    """Return a CommonMark list number as wide as ``marker`` (when it can be)."""
    digits = min(len(marker) - 1, MAX_DIGITS)
    return "1".rjust(digits, "0") + delimiter


class _Lists:
    """The style of the list last seen at each indentation: a list whose style differs from
    the one before it is a new list (pandoc), so its number gets the other CommonMark
    delimiter, which mistune also reads as a new list."""

    def __init__(self) -> None:
        self.styles: dict[int, tuple[tuple[str, str], str]] = {}

    def delimiter(self, indent: int, marker: str) -> str:
        """Return the CommonMark delimiter for a fancy ``marker`` at ``indent``."""
        numbering, delimiter, _ = marker_style(marker)
        previous = self.styles.get(indent)
        letter = marker.strip("().")
        if previous is not None and len(letter) == 1:
            # "i." after "h." goes on with the letters, "v." after "iv." with the numerals
            before = previous[0][0]
            letters = before.endswith("-alpha") and numbering.endswith("-roman")
            numerals = before.endswith("-roman") and letter.lower() in "ivxlcdm"
            if letters or numerals:
                numbering = before
        key = (numbering, delimiter)
        if previous is None:
            chosen = ")" if delimiter == ")" else "."
        elif previous[0] == key:
            chosen = previous[1]
        else:
            chosen = "." if previous[1] == ")" else ")"
        self.styles[indent] = (key, chosen)
        return chosen

    def standard(self, indent: int, line: str) -> None:
        """Note a CommonMark list item at ``indent`` (a number or a bullet)."""
        marker = line.strip().split(None, 1)[0] if line.strip() else ""
        if marker[:1].isdigit():
            self.styles[indent] = (("decimal", marker[-1]), marker[-1])
        else:
            self.styles.pop(indent, None)

    def end(self) -> None:
        """Forget every list (a paragraph outside them ended them)."""
        self.styles.clear()


def _fancy(line: str, lists: _Lists) -> str | None:
    """Return ``line`` with its fancy list marker rewritten, or None if it has none."""
    match = FANCY.match(line)
    if match is None:
        return None
    marker, space = match.group("marker"), match.group("space")
    if re.fullmatch(r"[A-Z]\.", marker) and space.startswith(" ") and len(space) < 2:
        return None  # "B. Russell": pandoc needs two spaces after a capital letter and period
    number = _number_for(marker, lists.delimiter(len(match.group("indent")), marker))
    if not space or len(number) < len(marker):  # an empty item, or a marker too long to keep
        space = " "
    rest = line[match.end() :]
    return f"{match.group('indent')}{number}{space}{MARK_OPEN}{marker}{MARK_CLOSE}{rest}"


ORDERED = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{1,9}[.)])(?P<space>[ \t]+|$)")


def _renumbered(line: str, lists: _Lists) -> str | None:
    """Return a CommonMark numbered item rewritten with the other delimiter (and its own
    marker kept for ``markdown.py``) when it starts a new list after one of another style that
    mistune would join it to; None when it can stay as written."""
    match = ORDERED.match(line)
    if match is None:
        return None
    indent, marker = len(match.group("indent")), match.group("marker")
    previous = lists.styles.get(indent)
    chosen = lists.delimiter(indent, marker)
    if previous is None or chosen == marker[-1]:
        return None
    rest = line[match.end() :]
    space = match.group("space") or " "
    return (
        f"{match.group('indent')}{marker[:-1]}{chosen}{space}{MARK_OPEN}{marker}{MARK_CLOSE}{rest}"
    )


def rewrite_lines(lines: Iterable[str]) -> list[str] | None:
    """Return ``lines`` with pandoc's fancy list markers and ``~`` definitions rewritten, or
    None when there are none (the common case costs one search)."""
    lines = list(lines)
    if ANY_LINE.search("\n".join(lines)) is None:
        return None
    changed = False
    fence: str | None = None
    blank_before, in_list = True, False
    lists = _Lists()
    for index, line in enumerate(lines):
        stripped = line.strip()
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        if not stripped:
            blank_before = True
            continue
        indented = len(line) - len(line.lstrip(" ")) >= 4
        if indented and not in_list and blank_before:
            continue  # an indented code block
        if blank_before or in_list:
            rewritten = _fancy(line, lists)
            if rewritten is not None:
                lines[index], changed, in_list = rewritten, True, True
                blank_before = False
                continue
        definition = TILDE_DEFINITION.match(line)
        if definition is not None:
            lines[index] = f"{definition.group(1)}:{line[definition.end(1) + 1 :]}"
            changed = True
        if STANDARD.match(line):
            in_list = True
            renumbered = _renumbered(line, lists) if blank_before or in_list else None
            if renumbered is not None:  # "1." right after a list of another style
                lines[index], changed = renumbered, True
            else:
                lists.standard(len(line) - len(line.lstrip(" ")), line)
        elif blank_before and not line.startswith((" ", "\t")):
            in_list = False
            lists.end()
        blank_before = False
    return lines if changed else None


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def marker_style(marker: str) -> tuple[str, str, int]:
    """Return (numbering, delimiter, start) of a list marker as written (``a)``, ``(iv)``...)."""
    if marker.startswith("("):
        inner, delimiter = marker[1:-1], "()"
    else:
        inner, delimiter = marker[:-1], marker[-1]
    if inner == "#" or inner.startswith("@"):
        return "decimal", delimiter, 1
    if inner.isdigit():
        return "decimal", delimiter, int(inner)
    if len(inner) == 1 and inner not in "iI":
        case = "lower" if inner.islower() else "upper"
        return f"{case}-alpha", delimiter, ord(inner.lower()) - ord("a") + 1
    case = "lower" if inner.islower() else "upper"
    return f"{case}-roman", delimiter, _roman(inner)


# -- example lists ---------------------------------------------------------------------------------

EXAMPLE_ITEM = re.compile(r"^(?P<indent>[ \t]*)\(@(?P<label>[\w-]*)\)(?=[ \t]|$)")
EXAMPLE_REF = re.compile(r"(?<![\w@])(\()?@(?P<label>[\w-]+)(?(1)\))")


def number_examples(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Return ``lines`` with example list items ``(@)`` / ``(@label)`` numbered through the
    file (``(1)``, ``(2)``...) and references to a labelled one replaced by its number."""
    numbers: dict[str, int] = {}
    count = 0
    result = list(lines)
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and line.strip().startswith(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        match = EXAMPLE_ITEM.match(line)
        if match is not None:
            count += 1
            if match.group("label"):
                numbers[match.group("label")] = count
            result[index] = f"{match.group('indent')}({count}){line[match.end() :]}"
    if not numbers:
        return tuple(result)

    def reference(match: re.Match[str]) -> str:
        number = numbers.get(match.group("label"))
        if number is None:
            return match.group(0)
        return f"({number})" if match.group(1) else str(number)

    fence = None
    for index, line in enumerate(result):
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and line.strip().startswith(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        if "@" in line and not EXAMPLE_ITEM.match(lines[index]):
            result[index] = _outside_code(line, lambda text: EXAMPLE_REF.sub(reference, text))
    return tuple(result)


def _outside_code(line: str, change: object) -> str:
    """Return ``line`` with ``change`` applied to the text outside inline code spans."""
    assert callable(change)
    parts = re.split(r"(`+[^`]*`+)", line)
    return "".join(part if part.startswith("`") else change(part) for part in parts)


# -- link definitions -----------------------------------------------------------------------------

LINK_DEFINITION = re.compile(
    r"^ {0,3}\[(?!\^)([^\]]+)\]:[ \t]*<?([^\s>]+)>?"
    r"(?:[ \t]+(?:\"([^\"]*)\"|'([^']*)'|\(([^)]*)\)))?[ \t]*$"
)
Links = dict[str, tuple[str, str]]


def link_definitions(lines: tuple[str, ...]) -> Links:
    """Return the reference link definitions of a file (``[label]: url "title"``), by label
    folded as CommonMark compares them: pandoc resolves a reference link anywhere in the
    document, so a link on one slide may be defined on another."""
    found: Links = {}
    fence: str | None = None
    for line in lines:
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and line.strip().startswith(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        match = LINK_DEFINITION.match(line)
        if match is not None:
            key = " ".join(match.group(1).split()).lower().upper()
            title = next((group for group in match.groups()[2:] if group is not None), "")
            found.setdefault(key, (match.group(2), title))
    return found
