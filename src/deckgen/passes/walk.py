"""One generic walker over the slide model: every block and run, at any depth.

The model's dataclasses say themselves where content nests: any field annotated with a block,
an inline, a list item or a column holds more of the tree. So a new block kind is walked with no
change here, and no pass can forget a place where text hides (list items, quotes, columns,
tables, captions, teacher-only parts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar, cast

from deckgen.model import Block, Run

NESTING = ("Block", "Inline", "Run", "ListItem", "Column", "Paragraph", "BulletList")
Node = TypeVar("Node")


_TREE_FIELDS: dict[type, tuple[str, ...]] = {}


def _tree_fields(cls: type) -> tuple[str, ...]:
    """Return the names of ``cls``'s fields that can hold blocks or runs (worked out once)."""
    found = _TREE_FIELDS.get(cls)
    if found is None:
        hints: dict[str, object] = {}
        for klass in reversed(cls.__mro__):
            hints.update(getattr(klass, "__annotations__", {}))
        found = _TREE_FIELDS[cls] = tuple(
            spec.name
            for spec in fields(cls)
            if any(word in str(hints[spec.name]) for word in NESTING)
        )
    return found


def _is_block(value: object) -> bool:
    return isinstance(value, Block)


Splice = Callable[[Any], tuple[Any, ...] | None]


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

    def items(value: tuple[Any, ...]) -> Iterator[Any]:
        for item in value:
            item = visit(item)
            spliced = splice(item) if splice is not None else None
            if spliced is None:
                yield item
            else:
                yield from spliced

    def visit(value: Any) -> Any:
        if isinstance(value, Run):
            return run(value) if run is not None else value
        if isinstance(value, tuple):
            new = tuple(items(value))
            if sequence is not None:
                new = sequence(new)
            same = len(new) == len(value) and all(a is b for a, b in zip(new, value, strict=True))
            return value if same else new
        if value is None or not is_dataclass(value) or isinstance(value, type):
            return value
        if enter is not None:
            value = enter(value)
        changes: dict[str, Any] = {}
        for name in _tree_fields(type(value)):
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


def walk(node: object) -> Iterator[object]:
    """Yield ``node`` and every block, list item, column and run inside it, depth first."""
    if isinstance(node, tuple):
        for item in node:
            yield from walk(item)
        return
    if node is None or not is_dataclass(node) or isinstance(node, type):
        return
    yield node
    if isinstance(node, Run):
        return
    for name in _tree_fields(type(node)):
        yield from walk(getattr(node, name))


def walk_blocks(node: object) -> Iterator[Block]:
    """Yield every block in ``node`` (a slide, a block, a tuple of them), outermost first."""
    for item in walk(node):
        if _is_block(item):
            yield cast(Block, item)


def runs_in(node: object) -> Iterator[Run]:
    """Yield every run in ``node``, at any depth, in reading order."""
    return (item for item in walk(node) if isinstance(item, Run))


def own_runs(block: Block) -> Iterator[Run]:
    """Yield the runs of ``block`` outside any block nested in it (list items' text included)."""
    for item in walk_shallow(block):
        if isinstance(item, Run):
            yield item


def walk_shallow(node: Any) -> Iterator[object]:
    """Yield what ``node`` holds down to, not into, the blocks nested in it."""
    for name in _tree_fields(type(node)):
        yield from _shallow(getattr(node, name))


def _shallow(value: object) -> Iterator[object]:
    if isinstance(value, tuple):
        for item in value:
            yield from _shallow(item)
    elif isinstance(value, Run):
        yield value
    elif is_dataclass(value) and not isinstance(value, type) and not _is_block(value):
        yield value
        yield from walk_shallow(value)
