"""A plain-text dump of the slide model, for fixture files a person can read and check.

Generic: it walks each model object's dataclass fields, so a new block kind or a new field shows
up without a change here, and it raises on a value of a type it does not know. A field left at its
default is not printed (the fixture would show it the moment it changed). The format:

    [content] #first-slide  @12                    a slide: kind, id, other scalar fields, line
      title: First slide                           text: Markdown-like (**bold**, `code`, links)
      body:                                        blocks: kind, scalars, its text, line;
        paragraph: A line of text.  @14              then its other fields
        list  @16
          items:
            - One                                  a list item: its text, then its blocks
            - **Two** — with a lead
              blocks:
                list  @18 ...

Scalars (text, numbers, flags, enums, tuples of text) are ``name=value`` on the header line;
an origin is ``@line`` (``@file:line`` outside the deck's one source file).
"""

from __future__ import annotations

import enum
import json
import os
from dataclasses import MISSING, Field, fields, is_dataclass
from pathlib import Path
from typing import Any

from deckgen.diagnostics import Origin
from deckgen.model import CodeSpan, Deck, ListItem, Run, Step

RUN_FIELDS = (
    "text",
    "bold",
    "italic",
    "code",
    "strike",
    "link",
    "raw",
    "underline",
    "smallcaps",
    "mark",
    "sub",
    "sup",
    "classes",
    "note",
    "math",
    "step",
)
SPAN_FIELDS = ("text", "token")
ITEM_FIELDS = ("runs", "blocks", "checked", "step")
STEP_FIELDS = ("effects", "index", "click")


def _check_fields(cls: type, known: tuple[str, ...]) -> None:
    names = tuple(f.name for f in fields(cls))
    if names != known:
        raise TypeError(f"modeldump does not know {cls.__name__} fields {names} (knows {known})")


def _run(run: Run) -> str:
    if run.math is not None:
        fence = "$$" if run.math.display else "$"
        return f"{fence}{run.math.tex}{fence}"
    text = run.text.replace("\n", "\\n")
    if run.raw:
        text = f"<raw>{text}</raw>"
    if run.code:
        text = f"`{text}`"
    if run.italic:
        text = f"*{text}*"
    if run.bold:
        text = f"**{text}**"
    if run.strike:
        text = f"~~{text}~~"
    if run.sub:
        text = f"~{text}~"
    if run.sup:
        text = f"^{text}^"
    classes = [name for name in ("underline", "smallcaps", "mark") if getattr(run, name)]
    classes += run.classes
    if run.step is not None:
        classes += ["fragment", *run.step.effects]
        text = f"{text}{_step(run.step)}"
    if classes:
        text = f"[{text}]{{{' '.join('.' + name for name in classes)}}}"
    if run.link:
        text = f"[{text}]({run.link})"
    if run.note:
        text = f"{text}{{note={run.note}}}"
    return text


def _step(step: Step) -> str:
    """Return a step as ``⟨click 2, index 1⟩`` (what the steps pass gave it)."""
    _check_fields(Step, STEP_FIELDS)
    index = "" if step.index is None else f", index {step.index}"
    return f"⟨click {step.click}{index}⟩"


def inline(runs: tuple[Run, ...]) -> str:
    """Return ``runs`` as Markdown-like text."""
    _check_fields(Run, RUN_FIELDS)
    return "".join(_run(run) for run in runs)


def _code_line(spans: tuple[CodeSpan, ...]) -> str:
    """Return a highlighted line: each token-classed span as ``‹token›text‹/›``."""
    _check_fields(CodeSpan, SPAN_FIELDS)
    return "".join(f"‹{s.token}›{s.text}‹/›" if s.token else s.text for s in spans)


def _default(field: Field[Any]) -> Any:
    if field.default is not MISSING:
        return field.default
    if field.default_factory is not MISSING:
        return field.default_factory()
    return MISSING


def _is_inline(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, Run) for item in value)


def _kind(value: Any) -> str:
    return str(getattr(type(value), "kind", type(value).__name__.lower()))


class Dumper:
    """Dumps model objects; ``source`` is the deck's one source file (origins show only lines),

    ``root`` its folder (absolute paths, such as a picture's, are shown relative to it).
    """

    def __init__(self, source: str | None, root: Path) -> None:
        self.source = source
        self.root = root

    def origin(self, origin: Origin) -> str:
        if origin.path == self.source:
            return f"@{origin.line}"
        return f"@{Path(origin.path).name}:{origin.line}"

    def scalar(self, value: Any) -> str | None:
        """Return a scalar's text, or None when ``value`` is not a scalar."""
        if value is None or isinstance(value, bool | int | float):
            return str(value)
        if isinstance(value, str) and Path(value).is_absolute():
            return json.dumps(os.path.relpath(value, self.root), ensure_ascii=False)
        if isinstance(value, str) and "\n" not in value:
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, enum.Enum):
            return str(value.value)
        if isinstance(value, tuple) and all(isinstance(item, str | None) for item in value):
            return "[" + ", ".join("None" if v is None else v for v in value) + "]"
        if isinstance(value, tuple) and all(
            isinstance(item, int | float) and not isinstance(item, bool) for item in value
        ):
            return "[" + ", ".join(f"{v:g}" for v in value) + "]"
        return None

    def item(self, item: ListItem, indent: str) -> list[str]:
        _check_fields(ListItem, ITEM_FIELDS)
        box = {None: "", False: "[ ] ", True: "[x] "}[item.checked]
        step = "" if item.step is None else f"{_step(item.step)} "
        lines = [f"{indent}- {step}{box}{inline(item.runs)}"]
        if item.blocks:
            lines += self.field("blocks", item.blocks, indent + "  ")
        return lines

    def obj(self, value: Any, indent: str, prefix: str = "") -> list[str]:
        """Return the lines of a model object: a header line, then its other fields."""
        if isinstance(value, ListItem):
            return self.item(value, indent)
        if not is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"modeldump does not know {type(value).__name__}: {value!r}")
        head = [f"{prefix}{_kind(value)}" if prefix else _kind(value)]
        where = text = ""
        rest: list[tuple[str, Any]] = []
        for field in fields(value):
            current = getattr(value, field.name)
            if field.name == "kind" and isinstance(current, enum.Enum):
                head[0] = f"[{current.value}]"
                continue
            if _default(field) is not MISSING and current == _default(field):
                continue
            if isinstance(current, Origin):
                where = f"  {self.origin(current)}"
            elif field.name == "runs" and _is_inline(current):  # a block's own text
                text = f": {inline(current)}"
            elif field.name == "id" and isinstance(current, str):
                head.append(f"#{current}")
            elif (shown := self.scalar(current)) is not None and not _is_inline(current):
                head.append(f"{field.name}={shown}")
            else:
                rest.append((field.name, current))
        lines = [indent + " ".join(head) + text + where]
        for name, current in rest:
            lines += self.field(name, current, indent + "  ")
        return lines

    def field(self, name: str, value: Any, indent: str) -> list[str]:
        """Return the lines of a field that is not a scalar."""
        if _is_inline(value):
            return [f"{indent}{name}: {inline(value)}".rstrip()]
        if isinstance(value, str):  # text of several lines
            return [
                f"{indent}{name}:",
                *(f"{indent}  | {line}".rstrip() for line in value.split("\n")),
            ]
        if name == "lines" and isinstance(value, tuple):  # a code block's highlighted lines
            spans = (f"{indent}  | {_code_line(line)}".rstrip() for line in value)
            return [f"{indent}{name}:", *spans]
        if isinstance(value, tuple) and all(_is_inline(item) for item in value):
            return [f"{indent}{name}:", *(f"{indent}  - {inline(item)}" for item in value)]
        if isinstance(value, tuple) and all(
            isinstance(row, tuple) and all(_is_inline(cell) for cell in row) for row in value
        ):
            rows = [" | ".join(inline(cell) for cell in row) for row in value]
            return [f"{indent}{name}:", *(f"{indent}  | {row} |" for row in rows)]
        if isinstance(value, tuple):
            lines = [f"{indent}{name}:"]
            for item in value:
                lines += self.obj(item, indent + "  ")
            return lines
        return self.obj(value, indent, prefix=f"{name}: ")


def dump_deck(deck: Deck) -> str:
    """Return the deck's settings and every slide, each field of each object, as text."""
    sources = {str(path) for path in deck.sources}
    first = deck.slides[0].origin.path if deck.slides else None
    dumper = Dumper(first if len(sources) <= 1 else None, deck.root)
    lines = dumper.obj(deck.meta, "")
    for slide in deck.slides:
        lines += dumper.obj(slide, "")
    return "\n".join(lines) + "\n"
