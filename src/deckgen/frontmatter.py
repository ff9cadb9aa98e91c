"""Find a Markdown file's metadata where pandoc does: YAML blocks and the ``%`` title block.

A YAML block is a ``---`` line at the start of the file or after a blank line (or after an HTML
comment), not followed by a blank line, closed by ``---`` or ``...``; it may appear anywhere
outside code, and several blocks merge (a later key wins). A block that is not a YAML mapping is
not metadata (the ``---`` stays a slide break), as in pandoc. Pandoc's title block
(``% title`` / ``% author; author`` / ``% date``) may open the file.

Values come back as YAML wrote them, every scalar a string (no YAML 1.1 guessing that would
turn ``3.10`` into 3.1 or a date into an object); the lines holding metadata are blanked in the
body, so every later line keeps its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin

CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
YAML_OPEN = "---"
YAML_CLOSE = ("---", "...")
LOOKS_LIKE_KEY = re.compile(r"^[A-Za-z][\w-]*:(\s|$)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One metadata key, its value (strings, lists and dicts of them) and its line."""

    key: str
    value: Any
    line: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """A file's metadata entries in reading order, and its body with their lines blanked."""

    entries: tuple[Entry, ...]
    body: tuple[str, ...]


class _Loader(yaml.BaseLoader):
    """YAML with every scalar kept as the text written, and tags (``!expr``) read as plain."""


def _untagged(loader: _Loader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node, deep=True)


_Loader.add_multi_constructor("", _untagged)


def load_yaml(text: str, display: str, first_line: int) -> list[Entry] | None:
    """Return the entries of the YAML mapping ``text`` (line ``first_line`` of ``display``).

    Returns [] for an empty block and None when ``text`` is YAML but not a mapping; raises
    DeckError for text that is not YAML.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            return None
        entries = []
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            value = loader.construct_object(value_node, deep=True)
            entries.append(Entry(str(key), value, first_line + key_node.start_mark.line))
        return entries
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise DeckError(Origin(display, line), f"invalid YAML: {problem}") from None
    except TypeError:  # a mapping or list used as a key
        raise DeckError(Origin(display, first_line), "invalid YAML: unhashable key") from None
    finally:
        loader.dispose()


def _title_block(lines: list[str]) -> tuple[list[Entry], int]:
    """Return the entries of pandoc's ``%`` title block at the top of ``lines`` and its length."""
    fields: list[tuple[list[str], int]] = []
    index = 0
    while index < len(lines) and len(fields) < 3 and lines[index].startswith("%"):
        parts, line = [lines[index][1:].strip()], index + 1
        index += 1
        while index < len(lines) and lines[index][:1] in (" ", "\t") and lines[index].strip():
            parts.append(lines[index].strip())
            index += 1
        fields.append(([part for part in parts if part], line))
    entries = []
    for key, (parts, line) in zip(("title", "author", "date"), fields, strict=False):
        if not parts:
            continue
        if key == "author":
            names = [name.strip() for part in parts for name in part.split(";")]
            entries.append(Entry(key, [name for name in names if name], line))
        else:
            entries.append(Entry(key, "\n".join(parts), line))
    return entries, index


def _closing_line(lines: list[str], start: int) -> int | None:
    """Return the index of the line closing the YAML block opened at ``start``, or None."""
    for index in range(start + 1, len(lines)):
        if lines[index].rstrip() in YAML_CLOSE:
            return index
    return None


def read_metadata(text: str, display: str, diagnostics: list[Diagnostic]) -> Metadata:
    """Return the metadata of the Markdown ``text`` of file ``display`` and its blanked body."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    entries: list[Entry] = []
    if lines and lines[0].startswith("%"):
        title_entries, end = _title_block(lines)
        entries += title_entries
        lines[:end] = [""] * end
    fence: str | None = None
    in_comment = False
    at_block_start = True  # the previous line ended a block (or this is the first line)
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        if in_comment:
            in_comment = "-->" not in line
            at_block_start = not in_comment
            index += 1
            continue
        opened = CODE_FENCE.match(line)
        if opened:
            fence = opened.group(1)
            index += 1
            continue
        if (
            at_block_start
            and line.rstrip() == YAML_OPEN
            and index + 1 < len(lines)
            and lines[index + 1].strip()
        ):
            closing = _closing_line(lines, index)
            if closing is not None:
                found = load_yaml("\n".join(lines[index + 1 : closing]), display, index + 2)
                if found is not None:
                    entries += found
                    lines[index : closing + 1] = [""] * (closing + 1 - index)
                    index = closing + 1
                    continue
            elif not any(earlier.strip() for earlier in lines[:index]) and LOOKS_LIKE_KEY.match(
                lines[index + 1]
            ):
                diagnostics.append(
                    Diagnostic(
                        Origin(display, index + 1),
                        Level.WARNING,
                        "front matter '---' is never closed (no '---' or '...' line): "
                        "read as a slide break and text, as pandoc does",
                    )
                )
        stripped = line.strip()
        if at_block_start and stripped.startswith("<!--"):
            in_comment = "-->" not in stripped[4:]
            at_block_start = not in_comment
        else:
            at_block_start = not stripped
        index += 1
    return Metadata(tuple(entries), tuple(lines))
