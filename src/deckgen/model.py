"""The slide model every stage after parsing reads: frozen dataclasses, no markup, no token dicts.

A ``Deck`` holds ``Slide``s; a slide holds a title, an optional subtitle, body ``Block``s,
takeaway lines and speaker notes. Text is a tuple of ``Run``s (a string with one set of styles),
so both backends can write it as real, editable text. Every block carries the ``Origin``
(file:line) it came from, so any later stage can point a diagnostic at the source.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from deckgen.diagnostics import Origin


@dataclass(frozen=True, slots=True)
class Math:
    """TeX math as written: ``tex`` without its delimiters; ``display`` for ``$$…$$``, ``\\[…\\]``
    and environments. The math pass (``passes/math.py``) replaces it by its typeset
    ``tex.formula.Formula`` (a subclass), or the run by code when the TeX cannot be typeset."""

    tex: str
    display: bool


@dataclass(frozen=True, slots=True)
class Step:
    """When a fragment plays: a reveal.js fragment, one click of its slide.

    ``effects`` are its reveal.js effect classes (none: it appears); ``index`` is the
    ``fragment-index`` written in the source (None: in source order); ``click`` is the click it
    plays at, from 1, numbered per slide by the steps pass (0 before it runs).
    """

    effects: tuple[str, ...] = ()
    index: int | None = None
    click: int = 0


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one style (the styles: ``inlines.INLINE_KINDS``).

    ``link`` is a URL, or ``#id`` for a slide in the deck; ``raw`` marks inline HTML from the
    source, shown as text unless the build allows HTML; ``classes`` are a span's classes that
    deckgen gives no meaning (the HTML keeps them for a theme to style). A run with ``math`` is
    one formula, whole: its ``text`` is the formula's readable linear form (the TeX before the
    math pass), so every plain-text view (notes, search, ids) reads it. ``step`` is set on a
    fragment span (``[text]{.fragment}``): when it appears (``passes/steps.py``). ``note`` is
    the label of the footnote this run refers to (``passes/footnotes.py`` numbers it).
    """

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    link: str | None = None
    raw: bool = False
    underline: bool = False
    smallcaps: bool = False
    mark: bool = False
    sub: bool = False
    sup: bool = False
    small: bool = False
    classes: tuple[str, ...] = ()
    note: str = ""
    math: Math | None = None
    step: Step | None = None


Inline = tuple[Run, ...]


def plain_text(runs: Inline) -> str:
    """Return the text of ``runs`` without styles."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: Inline
    origin: Origin
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading below the slide level, inside a slide's body."""

    runs: Inline
    level: int
    origin: Origin
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One list item: the text of its first paragraph, then what else it holds, in order

    (more paragraphs, nested lists, code, quotes, tables...).
    """

    runs: Inline
    blocks: tuple[Block, ...] = ()
    checked: bool | None = None  # a task list item: False ☐, True ☑
    step: Step | None = None  # an item of an incremental list: when it appears


@dataclass(frozen=True, slots=True)
class BulletList:
    """A list. ``incremental`` is what a ``::: incremental`` or ``::: nonincremental`` div
    around it says (None: the deck's setting); the steps pass gives the items their steps.
    ``numbering`` is a CSS list-style-type (``decimal``, ``lower-alpha``, ``upper-alpha``,
    ``lower-roman``, ``upper-roman``); ``delimiter`` is how a number is written: ``.`` (1.),
    ``)`` (1)) or ``()`` ((1))."""

    items: tuple[ListItem, ...]
    origin: Origin
    ordered: bool = False
    start: int = 1
    numbering: str = "decimal"
    delimiter: str = "."
    incremental: bool | None = None
    kind: ClassVar[str] = "list"


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """Highlighted code text; ``token`` is a short token class (``gp`` prompt, ``k`` keyword...)

    or ``""`` for plain text. The theme maps token classes to colours.
    """

    text: str
    token: str = ""


CodeLine = tuple[CodeSpan, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block. ``lines`` holds the highlighted text, one tuple of spans per line."""

    text: str
    language: str | None
    lines: tuple[CodeLine, ...]
    origin: Origin
    number_lines: bool = False
    first_line_number: int = 1
    kind: ClassVar[str] = "code"


@dataclass(frozen=True, slots=True)
class Length:
    """A size written in pandoc attributes (``width=30%``): a number and its unit, one of
    ``%`` (of the width or height the picture stands in), ``px``, ``in``, ``cm``, ``mm``,
    ``pt`` or ``em`` (of the body text)."""

    value: float
    unit: str


class Media(enum.Enum):
    """What a picture's file holds, by its type, as pandoc tells media apart."""

    PICTURE = "picture"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class Image:
    """A picture, a video or a sound (``media``, by file type): ``src`` is an absolute path or a
    URL; ``alt`` is what a screen reader says; ``caption`` is shown below it (pandoc's implicit
    figure). ``width`` and ``height`` are the sizes written (None: from the file's pixels);
    ``link`` is a link around it; ``align`` is ``left``, ``center`` or ``right``; ``poster`` a
    video's poster frame (a path, "" for none). ``fallback`` is what an HTML ``<video>`` or
    ``<audio>`` shows in its place when its file is not there (None: the file must be there);
    the images pass reads it and clears it. ``backdrop`` is Marp's ``![bg](x.png)``: how the
    picture asks to fill its slide (``cover``, ``contain``; "" for an ordinary picture), which
    the backgrounds pass makes the slide's background."""

    src: str
    alt: str
    origin: Origin
    title: str = ""
    caption: Inline = ()
    width: Length | None = None
    height: Length | None = None
    id: str = ""
    classes: tuple[str, ...] = ()
    link: str | None = None
    align: str = "center"
    media: Media = Media.PICTURE
    poster: str = ""
    fallback: tuple[Block, ...] | None = None
    backdrop: str = ""
    kind: ClassVar[str] = "image"


@dataclass(frozen=True, slots=True)
class ImageRow:
    """Several pictures written in one paragraph: shown side by side, in one row."""

    images: tuple[Image, ...]
    origin: Origin
    kind: ClassVar[str] = "image_row"


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header cells (``()`` for a table without a header row), rows, each column's
    alignment, a caption, and relative column ``widths`` (shares of the text width; ``()``:
    sized by their content)."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    aligns: tuple[str | None, ...]
    origin: Origin
    caption: Inline = ()
    widths: tuple[float, ...] = ()
    kind: ClassVar[str] = "table"


@dataclass(frozen=True, slots=True)
class Quote:
    blocks: tuple[Block, ...]
    origin: Origin
    kind: ClassVar[str] = "quote"


@dataclass(frozen=True, slots=True)
class Column:
    blocks: tuple[Block, ...]
    width: str | None = None


@dataclass(frozen=True, slots=True)
class Columns:
    """Side-by-side columns (pandoc's ``:::: columns`` / ``::: column``)."""

    columns: tuple[Column, ...]
    origin: Origin
    kind: ClassVar[str] = "columns"


@dataclass(frozen=True, slots=True)
class Cards:
    """A grid of short cards (``::: cards`` around a list); one card per list item."""

    cards: tuple[Inline, ...]
    origin: Origin
    kind: ClassVar[str] = "cards"


@dataclass(frozen=True, slots=True)
class Definition:
    """One term of a definition list and the blocks defining it (all its definitions, in order)."""

    term: Inline
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class DefinitionList:
    """Pandoc's definition list: terms, each with its definitions indented below it."""

    items: tuple[Definition, ...]
    origin: Origin
    kind: ClassVar[str] = "definitions"


@dataclass(frozen=True, slots=True)
class Callout:
    """A box coloured by its ``style`` (note, tip, warning, important, caution): Quarto's
    ``::: callout-note`` and GitHub's ``> [!NOTE]``; ``title`` is shown above its blocks (the
    reader leaves it empty when the source names none: ``passes/words.py`` fills it in)."""

    style: str
    title: Inline
    blocks: tuple[Block, ...]
    origin: Origin
    kind: ClassVar[str] = "callout"


@dataclass(frozen=True, slots=True)
class Aside:
    """Small print (``::: aside``): below the body of its slide, in the theme's small size."""

    blocks: tuple[Block, ...]
    origin: Origin
    kind: ClassVar[str] = "aside"


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its ``label`` (``[^label]``), its text, and the ``number`` it is shown with
    (0 until ``passes/footnotes.py`` numbers the notes in the order they are referred to)."""

    label: str
    runs: Inline
    origin: Origin
    number: int = 0


@dataclass(frozen=True, slots=True)
class RawHtml:
    """Raw HTML from the source; backends drop it unless the build allows HTML."""

    html: str
    origin: Origin
    kind: ClassVar[str] = "raw_html"


@dataclass(frozen=True, slots=True)
class Aligned:
    """Blocks set to one side or centred: ``align`` is ``left``, ``center`` or ``right`` (a div
    with a ``text-align`` style, HTML's ``<center>`` and ``<p align>``)."""

    blocks: tuple[Block, ...]
    align: str
    origin: Origin
    kind: ClassVar[str] = "aligned"


@dataclass(frozen=True, slots=True)
class Equation:
    """Display math standing as a block of its own; ``runs`` is its one math run. A slide is
    never split inside it."""

    runs: Inline
    origin: Origin
    kind: ClassVar[str] = "equation"


@dataclass(frozen=True, slots=True)
class MathMacros:
    """TeX macro definitions standing alone (``\\newcommand…`` lines). They show nothing: the
    math pass reads them for the whole deck and removes them before layout."""

    tex: str
    origin: Origin
    kind: ClassVar[str] = "math_macros"


@dataclass(frozen=True, slots=True)
class TeacherOnly:
    """Content written inside ``::: teacher``: shown in the teacher's copy, absent from students'.

    It lives only between parsing and the audience pass (``audience.py``), which unwraps or
    drops it before layout, so layout and the backends never see this kind.
    """

    blocks: tuple[Block, ...]
    origin: Origin
    kind: ClassVar[str] = "teacher"


@dataclass(frozen=True, slots=True)
class Fragment:
    """Blocks that appear together at one step of their slide: a ``::: fragment`` div, or what
    follows a pause (``. . .``) up to the next pause or the end of its slide, item or column."""

    blocks: tuple[Block, ...]
    origin: Origin
    step: Step = Step()
    kind: ClassVar[str] = "fragment"


@dataclass(frozen=True, slots=True)
class Pause:
    """A pause (a paragraph of ``. . .``) as read: it lives only until the steps pass, which
    puts what follows it into a ``Fragment``, so layout and the backends never see this kind."""

    origin: Origin
    kind: ClassVar[str] = "pause"


Block = (
    Paragraph
    | Heading
    | BulletList
    | CodeBlock
    | Image
    | ImageRow
    | Table
    | Quote
    | Columns
    | Cards
    | RawHtml
    | Aligned
    | Equation
    | MathMacros
    | TeacherOnly
    | DefinitionList
    | Callout
    | Aside
    | Fragment
    | Pause
)


@dataclass(frozen=True, slots=True)
class Background:
    """A slide's background as reveal.js's ``background-*`` attributes set it.

    ``color`` is ``#rrggbb`` ("" for the theme's); ``image`` an absolute path or a URL ("" for
    none); ``size`` is ``cover``, ``contain`` or a CSS size (``50%``, ``200px auto``);
    ``position`` a CSS position (``center``, ``top left``, ``20% 80%``); ``opacity`` that of the
    image.
    """

    color: str = ""
    image: str = ""
    size: str = "cover"
    position: str = "center"
    repeat: str = "no-repeat"
    opacity: float = 1.0


class SlideKind(enum.Enum):
    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide as written. ``id`` is its stable anchor (a slug of the title, made unique);

    ``classes`` and ``attributes`` (``key=value`` pairs) are those written on its heading;
    ``section`` is the title of the section divider it falls under ("" before the first);
    ``background`` is what it is painted with (None: the theme's).
    ``footnotes`` are the notes shown at its foot (before numbering: those defined on it).
    The first ``more_notes`` blocks of ``notes`` are the page's own text that explainer mode moved
    off the slide: every audience keeps them (the slide's "more" text); the rest are speaker notes.
    ``steps`` is how many clicks it plays before it is complete (0: shown whole at once).
    """

    kind: SlideKind
    title: Inline
    origin: Origin
    subtitle: Inline = ()
    body: tuple[Block, ...] = ()
    takeaways: tuple[Paragraph, ...] = ()
    notes: tuple[Block, ...] = ()
    id: str = ""
    classes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    section: str = ""
    footnotes: tuple[Footnote, ...] = ()
    more_notes: int = 0
    background: Background | None = None
    steps: int = 0

    def with_changes(self, **changes: object) -> Slide:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class DeckMeta:
    """Deck-wide settings from front matter or ``deck.yaml``; ``None`` means "use the default"."""

    title: str = ""
    subtitle: str = ""
    author: str = ""
    date: str = ""
    lang: str = "en"
    dir: str | None = None  # "rtl" or "ltr" as written (None: the language's own direction)
    theme: str | None = None
    slide_level: int = 2
    notes: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Deck:
    """A whole deck: its name (output file stem), settings, slides, and the folder it lives in."""

    name: str
    meta: DeckMeta
    slides: tuple[Slide, ...]
    root: Path
    sources: tuple[Path, ...] = field(default=())
