"""Nothing lost: what a deck's Markdown says (pandoc's reading, the oracle) and what its built
files show, slide by slide, so a test can check that every sentence of the source is on a slide
or in the notes.

A deck's *units* are the sentences of its paragraphs and list items (footnotes included), its
headings, its code lines, table cells and image descriptions, read from the raw Markdown by
pandoc (its JSON AST), not by deckgen's own parser. A formula, a footnote mark or raw HTML's tags
are no text: the text on either side of them is checked apart. Built files are read as a reader
gets them: the HTML deck (each ``<section>``'s text, its ``aside.notes`` and its ``aside.more``)
and the .pptx (each slide's shapes, and its notes page).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypandoc
from pptx import Presentation

from deckgen.read import SourceFile, read_deck
from e2e.office import drawn_shapes

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")  # finer than the explainer's: never merges
UNIT_BREAK = "\x00"  # where text stops: a formula, a footnote mark (checked on either side)
TEACHER_CLASSES = {"notes", "teacher"}  # divs whose text the students' copy leaves out
QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}
LINE_BREAK_TAG = re.compile(r"^<br\b", re.IGNORECASE)
QUARTO_CELL = re.compile(r"^(\s*`{3,})\{([A-Za-z][\w-]*)[^}\n]*\}[ \t]*$", re.MULTILINE)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# -- what a page says (pandoc's reading of the Markdown) -----------------------------------------


@dataclass
class Units:
    """A page's units: ``sentences`` may appear on slides once each; ``others`` only somewhere.

    ``withheld`` are the sentences of notes and teacher divs, which students must not get.
    """

    sentences: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)

    def add_text(self, text: str, withheld: bool) -> None:
        found = []
        for piece in text.split(UNIT_BREAK):
            piece = norm(piece)
            start = 0
            for match in SENTENCE_END.finditer(piece):
                found.append(piece[start : match.start() + len(match.group().rstrip())])
                start = match.end()
            if piece[start:].strip():
                found.append(piece[start:].strip())
        (self.withheld if withheld else self.sentences).extend(found)

    def add_other(self, text: str, withheld: bool) -> None:
        if not withheld:
            self.others += [norm(piece) for piece in text.split(UNIT_BREAK) if norm(piece)]


STYLES = {"Emph", "Strong", "Strikeout", "Underline", "SmallCaps", "Superscript", "Subscript"}


def inline_text(inlines: list[dict[str, Any]]) -> str:
    """Return the text a reader sees of pandoc inline elements."""
    parts = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind == "Code":
            parts.append(content[1])
        elif kind in ("Math", "Note"):
            parts.append(UNIT_BREAK)  # typeset, or a footnote's mark: not the text as written
        elif kind == "RawInline":  # a tag: no text (a line break is white space)
            parts.append(" " if LINE_BREAK_TAG.match(content[1]) else "")
        elif kind == "Quoted":
            opening, closing = QUOTES[content[0]["t"]]
            parts.append(opening + inline_text(content[1]) + closing)
        elif kind in ("Span", "Link", "Image", "Cite"):
            parts.append(inline_text(content[1]))
        elif kind in STYLES:
            parts.append(inline_text(content))
        else:
            raise AssertionError(f"an inline pandoc element this test does not know: {kind}")
    return "".join(parts)


def _notes(inlines: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Return the blocks of each footnote among ``inlines``, at any depth."""
    found = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Note":
            found.append(content)
        elif kind in ("Span", "Link", "Image", "Cite", "Quoted"):
            found += _notes(content[1])
        elif kind in STYLES:
            found += _notes(content)
    return found


def _without_label(inlines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return a paragraph's inlines without an opening bold label (``**Label:**``)."""
    if not inlines or inlines[0]["t"] != "Strong":
        return inlines
    label = inline_text(inlines[0]["c"]).strip()
    rest = inlines[1:]
    if label.endswith(":"):
        return rest
    if rest and rest[0]["t"] == "Str" and rest[0]["c"].startswith(":"):
        return [{"t": "Str", "c": rest[0]["c"][1:]}, *rest[1:]]
    return inlines


def _cells(table: list[Any]) -> list[list[dict[str, Any]]]:
    """Return the blocks of every cell of a pandoc table (head, bodies and foot)."""
    _, _, _, head, bodies, foot = table
    rows = list(head[1]) + list(foot[1])
    for body in bodies:
        rows += body[2] + body[3]
    return [cell[4] for row in rows for cell in row[1]]


def read_blocks(
    blocks: list[dict[str, Any]], units: Units, withheld: bool = False, labels: bool = False
) -> None:
    """Add the units of pandoc ``blocks`` to ``units`` (``labels``: a paragraph's opening bold
    label is structure, as explainer pages write it, not a unit)."""

    def inner(more: list[dict[str, Any]], hidden: bool = withheld) -> None:
        read_blocks(more, units, hidden, labels)

    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            text = _without_label(content) if labels and kind == "Para" else content
            units.add_text(inline_text(text), withheld)
            for note in _notes(content):
                inner(note)
        elif kind == "Header":
            units.add_other(inline_text(content[2]), withheld)
        elif kind == "CodeBlock":
            for line in content[1].split("\n"):
                units.add_other(line, withheld)
        elif kind == "BulletList":
            for item in content:
                inner(item)
        elif kind == "OrderedList":
            for item in content[1]:
                inner(item)
        elif kind == "BlockQuote":
            inner(content)
        elif kind == "Div":
            inner(content[1], withheld or bool(set(content[0][1]) & TEACHER_CLASSES))
        elif kind == "Table":
            for cell in _cells(content):
                for part in cell:
                    if part["t"] in ("Plain", "Para"):
                        units.add_other(inline_text(part["c"]), withheld)
                    else:
                        inner([part])
        elif kind == "Figure":
            inner(content[2])
        elif kind == "DefinitionList":
            for term, definitions in content:
                units.add_text(inline_text(term), withheld)
                for definition in definitions:
                    inner(definition)
        elif kind == "LineBlock":
            for line in content:
                units.add_text(inline_text(line), withheld)
        elif kind not in ("HorizontalRule", "RawBlock"):
            raise AssertionError(f"a pandoc block this test does not know: {kind}")


def _as_pandoc_reads(file: SourceFile) -> str:
    """Return a file's Markdown for pandoc: a Quarto document's code cells (```` ```{python} ````)
    written as the code blocks Quarto makes of them."""
    text = "\n".join(file.lines)
    return QUARTO_CELL.sub(r"\1\2", text) if file.path.suffix == ".qmd" else text


def deck_units(
    source: Path, pandoc_format: str = "markdown", labels: bool = False
) -> dict[str, Units]:
    """Return the units of each page of the deck at ``source``, by its display name, as pandoc
    reads ``pandoc_format`` (``labels``: explainer pages' bold labels are not units).

    All pages go to pandoc in one run, each wrapped in a div that names it (one page alone is
    not: an unclosed div of its own would swallow the wrapper's end).
    """
    files = read_deck(source).files
    if len(files) == 1:
        ast = json.loads(pypandoc.convert_text(_as_pandoc_reads(files[0]), "json", pandoc_format))
        units = Units()
        read_blocks(ast["blocks"], units, labels=labels)
        return {files[0].display: units}
    document = "".join(
        f"\n\n::::::::: {{#page-{number}}}\n\n" + _as_pandoc_reads(file) + "\n\n:::::::::\n\n"
        for number, file in enumerate(files)
    )
    ast = json.loads(pypandoc.convert_text(document, "json", format=pandoc_format))
    pages = {}
    for block in ast["blocks"]:
        assert block["t"] == "Div" and block["c"][0][0].startswith("page-"), block["t"]
        units = Units()
        read_blocks(block["c"][1], units, labels=labels)
        pages[files[int(block["c"][0][0].removeprefix("page-"))].display] = units
    assert len(pages) == len(files)
    return pages


# -- what the built files show ---------------------------------------------------------------


@dataclass
class Shown:
    """One output slide: its visible text, its speaker notes and its "more" text."""

    visible: str
    notes: str
    more: str = ""


BREAKS = {"p", "li", "div", "pre", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr"}
BREAKS |= {"figcaption", "blockquote", "ul", "ol", "header", "aside", "section"}
ASIDES = ("notes", "more")


class _SlideText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slides: list[Shown] = []
        self.depth = 0  # <section> nesting
        self.aside: str | None = None  # "notes" or "more" inside such an aside
        self.aside_depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "section":
            self.depth += 1
            self.slides.append(Shown("", ""))
        if tag == "aside" and self.aside:
            self.aside_depth += 1
        elif tag == "aside" and self.depth:
            kind = dict(attrs).get("class")
            if kind in ASIDES:
                self.aside, self.aside_depth = kind, 1
        if tag in BREAKS:
            self.handle_data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in BREAKS:
            self.handle_data("\n")
        if tag == "aside" and self.aside:
            self.aside_depth -= 1
            if not self.aside_depth:
                self.aside = None
        if tag == "section":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth or self.skip:
            return
        slide = self.slides[-1]
        if self.aside == "notes":
            slide.notes += data
        elif self.aside == "more":
            slide.more += data
        else:
            slide.visible += data


def html_slides(path: Path) -> list[Shown]:
    parser = _SlideText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.slides


def _shape_text(shapes) -> list[str]:  # type: ignore[no-untyped-def]
    texts = []
    for shape in shapes:
        if shape.shape_type is not None and hasattr(shape, "shapes"):  # a group
            texts += _shape_text(shape.shapes)
        if getattr(shape, "has_text_frame", False):
            texts += [p.text for p in shape.text_frame.paragraphs]
        if getattr(shape, "has_table", False):
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def pptx_slides(path: Path) -> list[Shown]:
    """Return each slide's text (a shape with math by its fallback, which python-pptx does not
    list) and its notes page (the students' copy: its "more" text)."""
    slides = []
    for slide in Presentation(str(path)).slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append(Shown("\n".join(_shape_text(drawn_shapes(slide))), notes))
    return slides
