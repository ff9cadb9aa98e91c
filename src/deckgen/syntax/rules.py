"""Block and inline rules for pandoc syntax mistune lacks: plain functions mistune calls as
``rule(parser, match, state)``, each returning where the text it read ends (None: not this).

Block tokens: ``footnote_def`` (a ``[^label]:`` definition and its blocks), ``line_block``
(``| `` lines), ``text_table`` (a grid, simple or multiline table, cells still Markdown).
Inline tokens: ``span`` (``[text]{attributes}``), ``footnote_ref`` (``[^label]``),
``inline_footnote`` (``^[text]``), ``construct`` (text a warned construct of the table in
``constructs.py`` matched).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from deckgen.constructs import Construct
from deckgen.syntax import tables

Rule = Callable[[Any, re.Match[str], Any], int | None]

# -- block rules ----------------------------------------------------------------------------------

FOOTNOTE_DEF = r"^ {0,3}\[\^(?P<def_label>[^\]\s]+)\]:[ \t]*(?P<def_first>[^\n]*)$"
LINE_BLOCK = r"^ {0,3}\|(?:[ \t]+[^\n]*[^|\s\n]|[ \t]*)[ \t]*$"
INDENT = "\ue003"  # a line block's indentation, kept from mistune (it trims white space)
_CONTINUED = re.compile(r"^(?: {4}|\t)")
_LINE = re.compile(r"^ {0,3}\|(?:[ \t]|$)")


def _lines_from(state: Any, pos: int) -> list[tuple[int, str]]:
    """Return (start offset, line without its newline) of each line of ``state`` from ``pos``."""
    lines = []
    while pos < state.cursor_max:
        line = state.get_line(pos)
        lines.append((pos, line.rstrip("\n")))
        pos += len(line)
    return lines


def parse_footnote_def(block: Any, m: re.Match[str], state: Any) -> int:
    """Read ``[^label]: text`` and the lines that continue it (indented, or lazily)."""
    label, parts = m.group("def_label"), [m.group("def_first")]
    end = m.end() + 1
    blank = False
    for pos, line in _lines_from(state, end):
        if not line.strip():
            blank = True
            parts.append("")
        elif _CONTINUED.match(line):
            parts.append(line[4:] if line.startswith("    ") else line[1:])
            blank = False
        elif not blank and not re.match(r"^ {0,3}\[\^[^\]\s]+\]:", line):
            parts.append(line)  # a lazy continuation of the paragraph
        else:
            break
        end = pos + len(line) + 1
    while parts and not parts[-1].strip():
        parts.pop()
    child = state.child_state("\n".join(parts) + "\n")
    block.parse(child, block.list_rules)
    state.append_token(
        {"type": "footnote_def", "attrs": {"label": label}, "children": child.tokens}
    )
    return min(end, state.cursor_max)


def parse_line_block(block: Any, m: re.Match[str], state: Any) -> int:
    """Read a line block: ``| `` lines, their line breaks and indentation kept."""
    lines: list[str] = []
    end = m.start()
    for pos, line in _lines_from(state, m.start()):
        if _LINE.match(line):
            text = re.sub(r"^ {0,3}\|[ \t]?", "", line)
            indent = len(text) - len(text.lstrip(" "))
            lines.append(INDENT * indent + text.lstrip(" "))
        elif lines and line.strip() and line.startswith(" "):
            lines[-1] += " " + line.strip()  # a continuation line
        else:
            break
        end = pos + len(line) + 1
    text = "\\\n".join(lines)  # a backslash at a line's end is a hard line break
    state.append_token({"type": "line_block", "text": text})
    return min(end, state.cursor_max)


def _table_rule(read: Callable[[str], tables.TableText | None]) -> Rule:
    def rule(block: Any, m: re.Match[str], state: Any) -> int | None:
        found = read(m.group(0))
        if found is None:
            return None
        state.append_token({"type": "text_table", "attrs": {"table": found}})
        return m.end()

    return rule


parse_grid_table = _table_rule(tables.grid_table)
parse_multiline_table = _table_rule(tables.multiline_table)
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$")


def parse_simple_table(block: Any, m: re.Match[str], state: Any) -> int | None:
    """Read a simple table from its line of dashes: its header is the one-line paragraph just
    before it. Without one, the line is what CommonMark says (a rule of dashes, or text)."""
    previous = state.tokens[-1] if state.tokens else None
    header = previous.get("text", "").strip("\n") if previous else ""
    if previous is not None and previous["type"] == "paragraph" and header and "\n" not in header:
        found = tables.simple_table(f"{header}\n{m.group(0)}")
        if found is not None:
            state.tokens.pop()
            state.append_token({"type": "text_table", "attrs": {"table": found}})
            return m.end()
    line = state.get_line(m.start())
    if _THEMATIC_BREAK.match(line.rstrip("\n")):
        state.append_token({"type": "thematic_break"})
        return m.start() + len(line)
    return None


# One rule for the blocks that start with "-", "+" or "|": mistune tries every rule at every
# line, so one alternative behind a quick look at the first character costs least.
_STARTS = (
    ("pandoc_grid", tables.GRID_PATTERN, parse_grid_table),
    ("pandoc_multiline", tables.MULTILINE_PATTERN, parse_multiline_table),
    ("pandoc_headerless", tables.HEADERLESS_PATTERN, parse_multiline_table),
    ("pandoc_simple", tables.SIMPLE_PATTERN, parse_simple_table),
    ("pandoc_lines", LINE_BLOCK, parse_line_block),
)
TABLES_AND_LINES = (
    r"^(?= {0,3}[-+|])(?:"
    + "|".join(f"(?P<{name}>{pattern.removeprefix('^')})" for name, pattern, _ in _STARTS)
    + ")"
)


def parse_tables_and_lines(block: Any, m: re.Match[str], state: Any) -> int | None:
    """Read a grid, multiline, headerless or simple table, or a line block."""
    for name, _, rule in _STARTS:
        if m.group(name) is not None:
            return rule(block, m, state)
    return None


# -- inline rules ---------------------------------------------------------------------------------

_BRACKETED = r"(?:[^\[\]\n]|\n(?!\n)|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*"
SPAN = rf"\[(?P<span_text>{_BRACKETED})\]\{{(?P<span_attributes>[^{{}}\n]*)\}}"
FOOTNOTE_REF = r"\[\^(?P<ref_label>[^\]\s]+)\](?!:)"
INLINE_FOOTNOTE = rf"\^\[(?P<note_text>{_BRACKETED})\]"


def _inner(inline: Any, state: Any, text: str) -> list[dict[str, Any]] | None:
    """Return the inline tokens of ``text`` read as nested in ``state`` (None: too deep)."""
    if state.depth >= inline.max_nested_level:
        return None
    nested = state.copy()
    nested.src = text
    return list(inline.render(nested))


def parse_span(inline: Any, m: re.Match[str], state: Any) -> int | None:
    children = _inner(inline, state, m.group("span_text"))
    if children is None:
        return None
    attributes = m.group("span_attributes")
    state.append_token({"type": "span", "attrs": {"attributes": attributes}, "children": children})
    return m.end()


def parse_footnote_ref(inline: Any, m: re.Match[str], state: Any) -> int:
    state.append_token({"type": "footnote_ref", "raw": m.group("ref_label")})
    return m.end()


def parse_inline_footnote(inline: Any, m: re.Match[str], state: Any) -> int | None:
    children = _inner(inline, state, m.group("note_text"))
    if children is None:
        return None
    state.append_token({"type": "inline_footnote", "children": children})
    return m.end()


def construct_rule(construct: Construct) -> Rule:
    """Return the inline rule that reads text ``construct`` (a warned construct) matches."""

    def rule(inline: Any, m: re.Match[str], state: Any) -> int:
        state.append_token(
            {"type": "construct", "raw": m.group(0), "attrs": {"name": construct.name}}
        )
        return m.end()

    return rule
