"""What an HTML ``style`` attribute, a ``<font>`` or a size attribute says that a slide can show.

Text styles a run has (bold, italic, underline, struck out, small caps, sub- and superscript, and
smaller text), a block's alignment, a picture's size. The rest (colours, fonts, margins, larger
text) is the theme's to decide: reported, once per property and file, and ignored.
"""

from __future__ import annotations

import re
from dataclasses import replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.scan import Tag, declarations
from deckgen.images import read_length
from deckgen.model import Image, Length

# HTML's rules for a dimension (width="50%", width=300): a number, then % or nothing (pixels);
# anything after it is ignored, as browsers do (width=65%; is 65%).
DIMENSION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)")
PICTURE_LAYOUT = ("margin", "padding", "display")  # space and centring: the layout stage's
SMALLER = frozenset({"smaller", "small", "x-small", "xx-small", "xxx-small"})
CSS_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|em|rem)\s*$")
ALIGNMENTS = {
    "left": "left",
    "start": "left",
    "center": "center",
    "-webkit-center": "center",
    "middle": "center",
    "right": "right",
    "end": "right",
}
# property: value -> the Run field it sets
RUN_STYLES: dict[tuple[str, str], str] = {
    ("font-weight", "bold"): "bold",
    ("font-weight", "bolder"): "bold",
    ("font-style", "italic"): "italic",
    ("font-style", "oblique"): "italic",
    ("text-decoration", "underline"): "underline",
    ("text-decoration-line", "underline"): "underline",
    ("text-decoration", "line-through"): "strike",
    ("text-decoration-line", "line-through"): "strike",
    ("font-variant", "small-caps"): "smallcaps",
    ("font-variant-caps", "small-caps"): "smallcaps",
    ("vertical-align", "sub"): "sub",
    ("vertical-align", "super"): "sup",
}
# declarations that ask for what text has anyway
NEUTRAL = frozenset(
    {("font-weight", "normal"), ("font-style", "normal"), ("text-decoration", "none")}
)


def html_length(value: str) -> Length | None:
    """Return a size written in a ``width`` or ``height`` attribute, or None when it is none."""
    match = DIMENSION.match(value)
    if match is None:
        return read_length(value)
    return Length(float(match.group(1)), match.group(2) or "px")


def is_smaller(size: str) -> bool:
    """Return True for a CSS font size smaller than the text around it."""
    size = size.strip().lower()
    if size in SMALLER:
        return True
    match = CSS_SIZE.match(size)
    if match is None:
        return False
    number = float(match.group(1))
    return number < (100 if match.group(2) == "%" else 1)


def alignment(value: str) -> str:
    """Return ``left``, ``center`` or ``right`` for an ``align`` or ``text-align`` value, or
    "" for any other (``justify``)."""
    return ALIGNMENTS.get(value.strip().lower(), "")


def style_runs(style: str) -> tuple[dict[str, bool], list[tuple[str, str]]]:
    """Return the Run fields a style attribute sets, and the declarations it makes that no run
    can show (``text-align`` is a block's, and not among them)."""
    changes: dict[str, bool] = {}
    ignored = []
    for name, written in declarations(style):
        value = written.lower().replace("!important", "").strip()
        weight = name == "font-weight" and value.isdigit() and int(value) >= 600
        field = "bold" if weight else RUN_STYLES.get((name, value))
        if field is not None:
            changes[field] = True
        elif name == "font-size" and is_smaller(value):
            changes["small"] = True
        elif name != "text-align" and (name, value) not in NEUTRAL:
            ignored.append((name, written))
    return changes, ignored


def text_align(style: str) -> str:
    """Return the alignment a style attribute's ``text-align`` sets ("" for none)."""
    found = [value for name, value in declarations(style) if name == "text-align"]
    return alignment(found[-1]) if found else ""


def font_runs(size: str) -> tuple[dict[str, bool], list[tuple[str, str]]]:
    """Return the Run fields ``<font size>`` sets, and the CSS for a size no run can show:
    sizes below 7 (``-1``...) are smaller than reveal.js's text, 7 and ``+n`` larger."""
    size = size.strip()
    if not size:
        return {}, []
    if size.startswith("-") or (size.isdigit() and int(size) < 7):
        return {"small": True}, []
    return {}, [("font-size", "larger" if size.startswith("+") else "xxx-large")]


def report_ignored(
    names: list[str],
    tag: str,
    origin: Origin,
    diagnostics: list[Diagnostic],
    html_keeps: bool = False,
) -> None:
    """Report the style properties (or attributes) ``names`` of a ``tag`` element, not shown
    (``html_keeps``: the HTML deck shows them when the build allows HTML)."""
    kept = "; --allow-html keeps it in the HTML deck" if html_keeps else ""
    for name in dict.fromkeys(names):
        message = (
            f"HTML {name} on <{tag}> not shown (the theme sets colours, fonts and sizes{kept})"
        )
        diagnostics.append(Diagnostic(origin, Level.WARNING, message, "html-style"))


def sized(image: Image, tag: Tag, diagnostics: list[Diagnostic]) -> Image:
    """Return ``image`` with what its tag (``<img>``, ``<video>``) writes: sizes (attributes or
    style), ``align``, ``poster``, classes and id."""
    changes: dict[str, object] = {}
    for key in ("width", "height"):
        if tag.get(key):
            changes[key] = html_length(tag.get(key))
    ignored = []
    for name, value in declarations(tag.get("style")):
        if name in ("width", "height"):
            changes[name] = html_length(value)
        elif not name.startswith(PICTURE_LAYOUT):
            ignored.append(f"style '{name}'")
    report_ignored(ignored, tag.name, image.origin, diagnostics)
    align = alignment(tag.get("align"))
    if align:
        changes["align"] = align
    if tag.get("poster"):
        changes["poster"] = tag.get("poster")
    changes["classes"] = tuple(tag.get("class").split())
    changes["id"] = tag.get("id")
    return replace(image, **changes)  # type: ignore[arg-type]
