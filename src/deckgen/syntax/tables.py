"""Pandoc's grid, simple and multiline tables: source text -> cells, alignments and widths.

The rules are pandoc's (its manual, "Tables"): a simple table's columns start where its dashes
start, a column's alignment comes from where its header (or, without one, its first row) sits
against the dashes, and multiline and grid tables give each column a relative width: its
dashes (with the space or ``+`` after them) as a share of 72 characters or of the whole line,
whichever is longer (pandoc's ``--columns``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COLUMNS = 72  # pandoc's default --columns: relative widths are shares of this many characters

_ROW = r"[ \t]*\S[^\n]*\n"
_ROWS_WITH_BLANKS = r"(?:[ \t]*\S[^\n]*\n|[ \t]*\n(?=[ \t]*\S))"
_GROUPS = r" {0,3}-+(?:[ \t]+-+)+[ \t]*"
_RULE = r" {0,3}-{3,}[ \t]*"

GRID_PATTERN = r"^ {0,3}\+(?:[-:]+\+)+[ \t]*\n(?: {0,3}[+|][^\n]*(?:\n|$))+"
MULTILINE_PATTERN = rf"^{_RULE}\n(?:{_ROW})+?{_GROUPS}\n{_ROWS_WITH_BLANKS}*?{_RULE}(?:\n|$)"
HEADERLESS_PATTERN = rf"^{_GROUPS}\n{_ROWS_WITH_BLANKS}+?{_GROUPS}(?:\n|$)"
# a simple table is found at its line of dashes (its header is the one-line paragraph before),
# so no other line pays for looking for one
SIMPLE_PATTERN = rf"^{_GROUPS}\n(?:[ \t]*\S[^\n]*(?:\n|$))*"

_OPENS = re.compile(f"{MULTILINE_PATTERN}|{HEADERLESS_PATTERN}", re.MULTILINE)
_DASHES = re.compile(r"-+")
_GRID_RULE = re.compile(r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$")
LOOKAHEAD_LINES = 200  # how far a table's opening rule may be from its last one


@dataclass(frozen=True, slots=True)
class TableText:
    """A table's cells as Markdown text: ``header`` is ``()`` without a header row;
    ``widths`` are relative column widths (``()``: columns sized by their content)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    aligns: tuple[str | None, ...]
    widths: tuple[float, ...] = ()


def table_span(lines: tuple[str, ...] | list[str], index: int) -> int:
    """Return how many lines the multiline or headerless table whose first rule of dashes is
    ``lines[index]`` takes (0: it opens none), so that no rule of it starts a new slide."""
    text = "\n".join(lines[index : index + LOOKAHEAD_LINES]) + "\n"
    match = _OPENS.match(text)
    return match.group(0).rstrip("\n").count("\n") + 1 if match is not None else 0


def _groups(rule: str) -> list[tuple[int, int]]:
    """Return (start, end) of each run of dashes in a rule line."""
    return [(m.start(), m.end()) for m in _DASHES.finditer(rule)]


def _slices(line: str, starts: list[int]) -> list[str]:
    """Return ``line`` cut at the column ``starts`` (the first column starts at 0)."""
    bounds = [0, *starts[1:], max(len(line), starts[-1])]
    return [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _align(text_line: str, start: int, end: int) -> str | None:
    """Return a column's alignment from where its text sits against its dashes: flush with
    their left end only, left; with the right end only, right; with neither, centre."""
    segment = text_line[start:end].ljust(end - start)
    if not segment.strip():
        return None
    left_flush, right_flush = not segment[0].isspace(), not segment[-1].isspace()
    if left_flush == right_flush:
        return None if left_flush else "center"
    return "left" if left_flush else "right"


def _widths(lengths: list[int], last: int = 0) -> tuple[float, ...]:
    """Return relative widths of columns ``lengths`` characters wide (``last`` added to the
    last column, as pandoc does for multiline tables)."""
    lengths = [*lengths[:-1], lengths[-1] + last] if lengths else lengths
    total = max(COLUMNS, sum(lengths))
    return tuple(length / total for length in lengths)


def _column_lengths(groups: list[tuple[int, int]]) -> list[int]:
    """Return each column's width in characters: its dashes and the spaces up to the next."""
    ends = [start for start, _ in groups[1:]]
    return [(ends[i] if i < len(ends) else groups[i][1]) - groups[i][0] for i in range(len(groups))]


def _cells(lines: list[str], starts: list[int]) -> tuple[str, ...]:
    """Return the cells of a row written over ``lines``: each column's text, lines joined."""
    columns: list[list[str]] = [[] for _ in starts]
    for line in lines:
        for index, piece in enumerate(_slices(line, starts)[: len(starts)]):
            if piece.strip():
                columns[index].append(piece.strip())
    return tuple("\n".join(parts) for parts in columns)


def _blocks_of_lines(lines: list[str]) -> list[list[str]]:
    """Return ``lines`` in groups separated by blank lines."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def simple_table(text: str) -> TableText | None:
    """Return the simple table (a header line, a line of dashes, rows) in ``text``."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    header_line, rule = lines[0], lines[1]
    groups = _groups(rule)
    starts = [start for start, _ in groups]
    aligns = tuple(_align(header_line, a, b) for a, b in groups)
    header = _cells([header_line], starts)
    rows = tuple(_cells([line], starts) for line in lines[2:])
    return TableText(header, rows, aligns)


def multiline_table(text: str) -> TableText | None:
    """Return the multiline table (rules of dashes around a header and rows of several
    lines), or the headerless simple or multiline table, in ``text``."""
    lines = text.rstrip("\n").split("\n")
    full_top = re.fullmatch(_RULE, lines[0]) is not None
    separator = next((i for i, line in enumerate(lines) if i and re.fullmatch(_GROUPS, line)), None)
    if full_top:
        if separator is None:
            return None
        header_lines, rule = lines[1:separator], lines[separator]
        body = lines[separator + 1 : -1]
    else:
        header_lines, rule, body = [], lines[0], lines[1:-1]
    groups = _groups(rule)
    starts = [start for start, _ in groups]
    has_blanks = any(not line.strip() for line in body)
    if not full_top and not has_blanks:  # a headerless simple table: one line per row
        rows = tuple(_cells([line], starts) for line in body)
        first = body[0] if body else ""
        aligns = tuple(_align(first, a, b) for a, b in groups)
        return TableText((), rows, aligns)
    header = _cells(header_lines, starts) if header_lines else ()
    source = header_lines[0] if header_lines else (body[0] if body else "")
    aligns = tuple(_align(source, a, b) for a, b in groups)
    rows = tuple(_cells(group, starts) for group in _blocks_of_lines(body))
    return TableText(header, rows, aligns, _widths(_column_lengths(groups), 1))


def _grid_align(rule: str, bounds: list[int]) -> tuple[str | None, ...]:
    aligns: list[str | None] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        cell = rule[a + 1 : b]
        left, right = cell.startswith(":"), cell.endswith(":")
        aligns.append(
            "center" if left and right else "left" if left else "right" if right else None
        )
    return tuple(aligns)


def grid_table(text: str) -> TableText | None:
    """Return the grid table (``+---+`` rules around ``|`` cells) in ``text``."""
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
    first = lines[0].lstrip()
    indent = len(lines[0]) - len(first)
    bounds = [i for i, char in enumerate(first) if char == "+"]
    if len(bounds) < 2:
        return None
    header: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = []
    current: list[str] = []
    aligns = _grid_align(first, bounds)
    for raw in lines[1:]:
        line = raw[indent:]
        if _GRID_RULE.match(line):
            cells = _grid_cells(current, bounds)
            if "=" in line:
                header = cells
                aligns = _grid_align(line, bounds) if ":" in line else aligns
            elif current:
                rows.append(cells)
            current = []
        else:
            current.append(line)
    if current:
        rows.append(_grid_cells(current, bounds))
    widths = _widths([b - a for a, b in zip(bounds, bounds[1:], strict=False)])
    return TableText(header, tuple(rows), aligns, widths)


def _grid_cells(lines: list[str], bounds: list[int]) -> tuple[str, ...]:
    """Return a grid row's cells: each column's text between its ``|`` bounds, lines joined.

    A line whose ``|`` do not stand at the bounds is cut at its own ``|`` instead, so no text
    of a carelessly aligned row is lost.
    """
    columns: list[list[str]] = [[] for _ in bounds[1:]]
    for line in lines:
        pipes = [i for i, char in enumerate(line) if char == "|"]
        if pipes == bounds[: len(pipes)] and len(pipes) == len(bounds):
            pieces = [line[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]
        else:
            pieces = line.strip().strip("|").split("|")
        for index, piece in enumerate(pieces[: len(columns)]):
            if piece.strip():
                columns[index].append(piece.strip())
    return tuple("\n".join(parts) for parts in columns)


def pipe_widths(lines: list[str]) -> tuple[float, ...]:
    """Return a pipe table's relative widths: from its separator line's dashes when a line is
    longer than 72 characters, as pandoc does; ``()`` otherwise.

    Unlike pandoc, a separator whose columns all have the same dashes (``|---|---|``) gives no
    widths: it says nothing of them, and equal columns would squeeze a long one on a slide.
    """
    if len(lines) < 2 or max(len(line.rstrip()) for line in lines) <= COLUMNS:
        return ()
    cells = lines[1].strip().strip("|").split("|")
    dashes = [len(cell.strip()) for cell in cells]  # the dashes and colons of each column
    total = sum(dashes)
    return tuple(d / total for d in dashes) if total and len(set(dashes)) > 1 else ()
