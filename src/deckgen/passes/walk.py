"""One generic walker over the slide model: every block and run, at any depth.

The model's dataclasses say themselves where content nests: any field annotated with a block,
an inline, a list item or a column holds more of the tree. So a new block kind is walked with no
change here, and no pass can forget a place where text hides (list items, quotes, columns,
tables, captions, teacher-only parts). What each type's fields hold is worked out once per type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar, cast

from deckgen.model import Block, Run

NESTING = (
    "Block",
    "Inline",
    "Run",
    "ListItem",
    "Column",
    "Paragraph",
    "BulletList",
    "Image",
    "Footnote",
    "Definition",
)
HOLDS_BLOCKS = ("Block", "ListItem", "Column", "Paragraph", "BulletList", "Image", "Definition")
Node = TypeVar("Node")
Splice = Callable[[Any], tuple[Any, ...] | None]

_TREE_FIELDS: dict[type, tuple[str, ...]] = {}  # fields that can hold blocks or runs
_BLOCK_FIELDS: dict[type, tuple[str, ...]] = {}  # fields that can hold blocks


def _fields_naming(cls: type, words: tuple[str, ...]) -> tuple[str, ...]:
    if not is_dataclass(cls):
        return ()
    hints: dict[str, object] = {}
    for klass in reversed(cls.__mro__):
        hints.update(getattr(klass, "__annotations__", {}))
    return tuple(
        spec.name for spec in fields(cls) if any(word in str(hints[spec.name]) for word in words)
    )


def _tree_fields(cls: type) -> tuple[str, ...]:
    """Return the names of ``cls``'s fields that can hold blocks or runs (() for a leaf)."""
    found = _TREE_FIELDS.get(cls)
    if found is None:
        found = _TREE_FIELDS[cls] = _fields_naming(cls, NESTING)
    return found


def _block_fields(cls: type) -> tuple[str, ...]:
    """Return the names of ``cls``'s fields that can hold blocks (() for a leaf)."""
    found = _BLOCK_FIELDS.get(cls)
    if found is None:
        found = _BLOCK_FIELDS[cls] = _fields_naming(cls, HOLDS_BLOCKS)
    return found


def _is_block(value: object) -> bool:
    return isinstance(value, Block)


def map_tree(
    node: Node,
    block: Callable[[Any], Any] | None = None,
    run: Callable[[Run], Run] | None = None,
    splice: Splice | None = None,
    sequence: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None,
    enter: Callable[[Any], Any] | None = None,
) -> Node:
    """Return ``node`` with ``block`` applied to every block (innermost first) and ``run`` to
    every run, at any depth; parts nothing changed are returned as they were.

    ``splice`` may replace any item of a sequence (a block among blocks) by a tuple of items:
    ``()`` drops it, its own contents unwrap it; None keeps it. ``sequence`` maps every whole
    sequence (of blocks, list items, runs...) once its items are done. ``enter`` maps every
    node that is not a run (a block, a list item, a column...) before its contents, so it and
    ``run`` see the tree in reading order, outermost first.
    """
    names_of = _tree_fields if run is not None else _block_fields

    def items(value: tuple[Any, ...]) -> Iterator[Any]:
        for item in value:
            item = visit(item)
            spliced = splice(item) if splice is not None else None
            if spliced is None:
                yield item
            else:
                yield from spliced

    def visit(value: Any) -> Any:
        kind = type(value)
        if kind is Run:
            return run(value) if run is not None else value
        if kind is tuple:
            new = tuple(items(value))
            if sequence is not None:
                new = sequence(new)
            same = len(new) == len(value) and all(a is b for a, b in zip(new, value, strict=True))
            return value if same else new
        if enter is not None and is_dataclass(value):
            value = enter(value)
        names = names_of(kind)
        changes: dict[str, Any] = {}
        for name in names:
            old = getattr(value, name)
            new = visit(old)
            if new is not old:
                changes[name] = new
        if changes:
            value = replace(value, **changes)
        if block is not None and _is_block(value):
            value = block(value)
        return value

    return cast(Node, visit(node))


def map_blocks(blocks: tuple[Block, ...], change: Callable[[Any], Any]) -> tuple[Block, ...]:
    """Return ``blocks`` with ``change`` applied to every block at any depth, innermost first."""
    return map_tree(blocks, block=change)


def map_runs(node: Node, change: Callable[[Run], Run]) -> Node:
    """Return ``node`` (a slide, a block, a tuple of them) with ``change`` applied to every run."""
    return map_tree(node, run=change)


def _walk(node: object, names_of: Callable[[type], tuple[str, ...]]) -> Iterator[object]:
    kind = type(node)
    if kind is tuple:
        for item in cast(tuple[object, ...], node):
            yield from _walk(item, names_of)
        return
    if kind is Run:
        yield node
        return
    names = names_of(kind)
    if not names and not is_dataclass(node):
        return
    yield node
    for name in names:
        yield from _walk(getattr(node, name), names_of)


def walk(node: object) -> Iterator[object]:
    """Yield ``node`` and every block, list item, column and run inside it, depth first."""
    return _walk(node, _tree_fields)


def walk_blocks(node: object) -> Iterator[Block]:
    """Yield every block in ``node`` (a slide, a block, a tuple of them), outermost first."""
    for item in _walk(node, _block_fields):
        if _is_block(item):
            yield cast(Block, item)


def runs_in(node: object) -> Iterator[Run]:
    """Yield every run in ``node``, at any depth, in reading order."""
    return (item for item in walk(node) if type(item) is Run)


def own_runs(block: Block) -> Iterator[Run]:
    """Yield the runs of ``block`` outside any block nested in it (list items' text included)."""
    for name in _tree_fields(type(block)):
        yield from _shallow_runs(getattr(block, name))


def _shallow_runs(value: object) -> Iterator[Run]:
    kind = type(value)
    if kind is Run:
        yield cast(Run, value)
    elif kind is tuple:
        for item in cast(tuple[object, ...], value):
            yield from _shallow_runs(item)
    elif not _is_block(value):
        for name in _tree_fields(kind):
            yield from _shallow_runs(getattr(value, name))
