"""One record per HTML element deckgen reads in Markdown: what it becomes, as data.

``block`` elements are those pandoc reads as block-level at the start of a line (its HTML
reader's ``blockHtmlTags`` and the elements that may be either); the Markdown between their tags
is read as Markdown. An element missing from the table is unknown: its text is shown, its tag
reported. ``python -m deckgen.htmlsource.elements docs/format.md`` writes the table into the docs.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass
from pathlib import Path


class Role(enum.Enum):
    STYLE = "style"  # inline: styles the text inside (its Run fields)
    BREAK = "break"  # a line break (``<br>``; ``<wbr>`` breaks nothing)
    PICTURE = "picture"  # ``<img>``: a picture
    MEDIA = "media"  # ``<video>``, ``<audio>``: a player, from its ``src`` or first ``<source>``
    DIV = "div"  # a block container: a div, its classes read as a fenced div's
    QUOTE = "quote"
    HEADING = "heading"
    LIST = "list"
    ITEM = "item"
    TERM = "term"  # a bold line: a definition term, a ``<details>`` summary
    TABLE = "table"
    TABLE_PART = "table part"  # thead, tbody, tfoot: rows
    ROW = "row"
    CELL = "cell"
    CAPTION = "caption"
    CODE = "code"  # ``<pre>``: a code block
    RULE = "rule"  # ``<hr>``: a horizontal rule, not drawn inside a slide (as ``***``)
    IGNORED = "ignored"  # nothing to show: column groups, a ``<source>`` outside a player
    DROPPED = "dropped"  # scripts, frames, forms...: raw HTML, never shown in a .pptx


@dataclass(frozen=True, slots=True)
class Element:
    """An HTML element: its ``role``; the ``Run`` fields a styling element sets (``style``),
    with ``classes`` kept on its text; ``block`` (read as a block at the start of a line);
    ``raw`` (read whole to its end tag: its content is not Markdown); ``void`` (no end tag);
    the open elements its start tag ends (``closes``: ``<li>`` ends an open ``<li>``); and
    ``align`` (``<center>``)."""

    name: str
    role: Role
    read: str = ""
    style: tuple[tuple[str, bool], ...] = ()
    classes: tuple[str, ...] = ()
    block: bool = False
    raw: bool = False
    void: bool = False
    closes: frozenset[str] = frozenset()
    align: str = ""


def _style(names: str, read: str, **style: bool) -> list[Element]:
    return [Element(name, Role.STYLE, read, tuple(style.items())) for name in names.split()]


def _roles(names: str, role: Role, read: str, **options: object) -> list[Element]:
    return [Element(name, role, read, **options) for name in names.split()]  # type: ignore[arg-type]


CELLS = frozenset({"td", "th"})
ROWS = CELLS | {"tr"}
PARTS = ROWS | {"thead", "tbody", "tfoot"}

_TABLE: list[Element] = [
    *_style("b strong", "bold text (Run.bold)", bold=True),
    *_style("i em cite dfn var", "italic text (Run.italic)", italic=True),
    *_style("u ins", "underlined text (Run.underline)", underline=True),
    *_style("s strike del", "struck-out text (Run.strike)", strike=True),
    *_style("sub", "subscript (Run.sub)", sub=True),
    *_style("sup", "superscript (Run.sup)", sup=True),
    *_style("mark", "highlighted text (Run.mark)", mark=True),
    *_style("small", "smaller text (Run.small)", small=True),
    *_style("code tt samp", "inline code (Run.code)", code=True),
    Element(
        "kbd", Role.STYLE, "a key: inline code with the class kbd", (("code", True),), ("kbd",)
    ),
    *_style("span", "its classes (Run.classes) and the styles its style attribute sets"),
    Element(
        "font",
        Role.STYLE,
        "a size below 7 is smaller text (Run.small); colour and face are the theme's",
    ),
    Element("a", Role.STYLE, "a link (Run.link) around its text or picture"),
    *_style("abbr acronym bdi bdo data time label nobr", "its text"),
    *_style("q", "its text in quotation marks"),
    Element("br", Role.BREAK, "a line break", void=True, block=False),
    Element("wbr", Role.BREAK, "nothing (a place a line may break)", void=True),
    Element(
        "img",
        Role.PICTURE,
        "a picture (model.Image): src, alt, title, width, height, class, id, align",
        void=True,
    ),
    *_roles(
        "video audio",
        Role.MEDIA,
        "a video or a sound (model.Image) from its src or first `<source>`; its fallback "
        "content shows (warned) when that file is missing",
        block=True,
        raw=True,
    ),
    *_roles(
        "div section article aside header footer main nav figure figcaption hgroup address "
        "details dl dd html body",
        Role.DIV,
        "a div: its classes read as a fenced div's "
        "(notes, columns, fragment...), its content in place",
        block=True,
    ),
    Element("center", Role.DIV, "a div set centred (model.Aligned)", block=True, align="center"),
    Element(
        "p",
        Role.DIV,
        "a paragraph; align sets it left, centred or right (model.Aligned)",
        block=True,
    ),
    Element("blockquote", Role.QUOTE, "a block quote (model.Quote)", block=True),
    *_roles(
        "h1 h2 h3 h4 h5 h6", Role.HEADING, "a heading inside the slide (model.Heading)", block=True
    ),
    *_roles("ul ol menu dir", Role.LIST, "a list (model.BulletList); ol's start", block=True),
    Element("li", Role.ITEM, "a list item", block=True, closes=frozenset({"li"})),
    Element("dt", Role.TERM, "a bold line", block=True, closes=frozenset({"dt", "dd"})),
    Element(
        "summary", Role.TERM, "a bold line above the details, which are shown open", block=True
    ),
    Element(
        "table",
        Role.TABLE,
        "a table (model.Table): its head, or a first row of th cells, is its header; a "
        "colspan leaves the cells it spans empty",
        block=True,
    ),
    *_roles("thead tbody tfoot", Role.TABLE_PART, "its rows", block=True, closes=PARTS),
    Element("tr", Role.ROW, "a table row", block=True, closes=ROWS),
    *_roles(
        "td th", Role.CELL, "a table cell (its Markdown, on one line)", block=True, closes=CELLS
    ),
    Element("caption", Role.CAPTION, "a line above the table", block=True),
    Element(
        "pre",
        Role.CODE,
        "a code block (model.CodeBlock); a language-* class is its language",
        block=True,
        raw=True,
    ),
    Element(
        "hr",
        Role.RULE,
        "a horizontal rule: not drawn inside a slide (warned)",
        block=True,
        void=True,
    ),
    *_roles("col", Role.IGNORED, "nothing (the layout stage sizes columns)", block=True, void=True),
    *_roles("colgroup", Role.IGNORED, "nothing (the layout stage sizes columns)", block=True),
    *_roles("source track", Role.IGNORED, "read by its `<video>` or `<audio>`", void=True),
    *_roles(
        "script style textarea noscript template iframe object applet canvas svg math "
        "form select button frameset noframes head title",
        Role.DROPPED,
        "left out, with a warning (with --allow-html: in the HTML deck only)",
        block=True,
        raw=True,
    ),
    *_roles(
        "embed input meta link base param area keygen",
        Role.DROPPED,
        "left out, with a warning (with --allow-html: in the HTML deck only)",
        block=True,
        void=True,
    ),
    *_roles(
        "option optgroup datalist output progress meter dialog map frame portal slot",
        Role.DROPPED,
        "left out, with a warning (with --allow-html: in the HTML deck only)",
        raw=True,
    ),
]
# "dd" also ends an open definition (as "dt" does)
ELEMENTS: dict[str, Element] = {element.name: element for element in _TABLE}
ELEMENTS["dd"] = Element(
    "dd", Role.DIV, ELEMENTS["dd"].read, block=True, closes=frozenset({"dt", "dd"})
)
# Attributes that change nothing a slide shows: read by nobody, reported never.
QUIET_ATTRIBUTES = frozenset(
    {
        "title",
        "lang",
        "dir",
        "role",
        "tabindex",
        "translate",
        "spellcheck",
        "target",
        "rel",
        "type",
        "name",
        "frameborder",
        "allow",
        "allowfullscreen",
        "loading",
        "decoding",
        "referrerpolicy",
        "crossorigin",
        "border",
        "cellpadding",
        "cellspacing",
        "valign",
        "scope",
        "headers",
        "summary",
        "controls",
        "autoplay",
        "muted",
        "loop",
        "playsinline",
        "preload",
        "nowrap",
        "hreflang",
        "download",
        "datetime",
        "cite",
        "open",
        "rules",
        "frame",
        "charset",
        "xmlns",
        "value",
        "reversed",
    }
)


def element(name: str) -> Element | None:
    """Return the record of the element called ``name`` (lower case), or None if unknown."""
    return ELEMENTS.get(name)


def is_block(name: str) -> bool:
    """Return True when a tag ``name`` at the start of a line starts a block, as in pandoc."""
    found = ELEMENTS.get(name)
    return found is not None and found.block


WRITER = "python -m deckgen.htmlsource.elements docs/format.md"
DOC_START = f"<!-- html elements: generated by `{WRITER}` -->"
DOC_END = "<!-- end of html elements -->"


def markdown_table() -> str:
    """Return the table of elements as Markdown, for ``docs/format.md``."""
    rows = ["| element | becomes |", "|---|---|"]
    seen: dict[str, list[str]] = {}
    for record in ELEMENTS.values():
        seen.setdefault(record.read, []).append(f"`<{record.name}>`")
    rows += [f"| {' '.join(names)} | {read} |" for read, names in seen.items()]
    return "\n".join(rows)


def document(text: str) -> str:
    """Return ``text`` (docs/format.md) with its generated table of elements brought up to date."""
    start, end = text.index(DOC_START), text.index(DOC_END)
    return text[: start + len(DOC_START)] + "\n\n" + markdown_table() + "\n\n" + text[end:]


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(document(path.read_text(encoding="utf-8")), encoding="utf-8")
