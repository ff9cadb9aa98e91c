"""The table of constructs: every example builds, shows no source syntax unless a warning names
it, keeps every word pandoc keeps, fails ``check --strict`` exactly when it is warned, and the
docs list the table as it is."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypandoc
import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen import constructs
from deckgen.build import BuildOptions, Format, render
from deckgen.cli import main
from deckgen.constructs import CONSTRUCTS, Construct, Scope, Status

REPO = Path(__file__).resolve().parents[1]
PICTURE = REPO / "src" / "deckgen" / "starter_deck" / "images"
WORD = re.compile(r"[^\W\d_]{2,}")
LIST_MARKER = re.compile(r"(?m)^\s*\(?[\w#@]{1,6}[.)]\)?\s")  # pandoc's plain text writes them
ABSENT = {"hidden slide": "Not shown"}  # what a construct must keep off every slide
IDS = [construct.name for construct in CONSTRUCTS]
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


class _SlideText(HTMLParser):
    """The text of each ``<section>`` (and its speaker notes), as a reader sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.slides: list[str] = []
        self.notes: list[str] = []
        self._skip = 0
        self._in_notes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section":
            self.slides.append("")
            self.notes.append("")
        elif tag in ("script", "style", "annotation"):
            self._skip += 1
        elif tag == "aside" and "notes" in classes:
            self._in_notes += 1
        elif tag == "img" and self.slides:
            self.slides[-1] += " " + (dict(attrs).get("alt") or "") + " "
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "br", "caption", "div", "h2"):
            self._data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "annotation"):
            self._skip -= 1
        elif tag == "aside" and self._in_notes:
            self._in_notes -= 1

    def _data(self, data: str) -> None:
        if self.slides and not self._skip:
            if self._in_notes:
                self.notes[-1] += data
            else:
                self.slides[-1] += data

    def handle_data(self, data: str) -> None:
        self._data(data)


@dataclass(frozen=True)
class Built:
    html: str  # the slides' text
    html_notes: str
    pptx: str
    pptx_notes: str
    groups: frozenset[str]
    warnings: tuple[str, ...]


TEXT_TAGS = (f"{{{A_NS}}}t", f"{{{M_NS}}}t", f"{{{A_NS}}}br")


def _part_text(element: Any) -> str:
    """Return the text a slide or notes part shows: its runs and math, paragraph by paragraph
    (a shape python-pptx does not list, such as one holding math, included)."""
    lines = []
    for paragraph in element.iter(f"{{{A_NS}}}p"):
        lines.append("".join(t.text or "\n" for t in paragraph.iter(*TEXT_TAGS)))
    descriptions = element.xpath(".//p:pic/p:nvPicPr/p:cNvPr/@descr")
    return "\n".join([*lines, *descriptions])


def _pptx_text(data: bytes) -> tuple[str, str]:
    slides, notes = [], []
    for slide in Presentation(io.BytesIO(data)).slides:
        slides.append(_part_text(slide._element))
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(slides), "\n".join(notes)


@cache
def built(name: str, folder: Path) -> Built:
    construct = constructs.by_name(name)
    deck = folder / name.replace(" ", "-")
    deck.mkdir()
    shutil.copy(next(PICTURE.iterdir()), deck / "picture.png")
    source = deck / "deck.md"
    source.write_text(construct.example, encoding="utf-8")
    rendered = render(source, BuildOptions(formats=(Format.HTML, Format.PPTX)))
    parser = _SlideText()
    parser.feed(rendered.outputs[Format.HTML].decode("utf-8"))
    pptx, pptx_notes = _pptx_text(rendered.outputs[Format.PPTX])
    return Built(
        "\n".join(parser.slides),
        "\n".join(parser.notes),
        pptx,
        pptx_notes,
        frozenset(d.group for d in rendered.diagnostics),
        tuple(str(d) for d in rendered.diagnostics),
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("constructs")


def _syntax() -> list[re.Pattern[str]]:
    return [re.compile(p) for c in CONSTRUCTS for p in c.syntax]


@pytest.mark.parametrize("construct", CONSTRUCTS, ids=IDS)
def test_no_source_syntax_reaches_a_slide_unless_a_warning_names_it(
    construct: Construct, folder: Path
) -> None:
    result = built(construct.name, folder)
    if construct.status is Status.WARNED:
        assert construct.group in result.groups, result.warnings
        return
    assert result.warnings == ()
    for text in (result.html, result.pptx):
        leaks = [pattern.pattern for pattern in _syntax() if pattern.search(text)]
        assert leaks == [], text


@pytest.mark.parametrize(
    "construct", [c for c in CONSTRUCTS if c.status is Status.RENDERED], ids=lambda c: c.name
)
def test_every_word_pandoc_shows_reaches_a_slide_or_the_notes(
    construct: Construct, folder: Path
) -> None:
    result = built(construct.name, folder)
    if construct.name in ABSENT:
        assert ABSENT[construct.name] not in result.html + result.pptx
        return
    plain = pypandoc.convert_text(construct.example, "plain", format="markdown")
    plain = LIST_MARKER.sub("", unicodedata.normalize("NFKC", plain))
    expected = {word.lower() for word in WORD.findall(plain)}
    for shown in (result.html + result.html_notes, result.pptx + result.pptx_notes):
        assert expected - {word.lower() for word in WORD.findall(shown)} == set()


@pytest.mark.parametrize("construct", CONSTRUCTS, ids=IDS)
def test_check_strict_fails_exactly_on_warned_constructs(
    construct: Construct, tmp_path: Path
) -> None:
    shutil.copy(next(PICTURE.iterdir()), tmp_path / "picture.png")
    (tmp_path / "deck.md").write_text(construct.example, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--strict", str(tmp_path / "deck.md")])
    assert result.exit_code == (1 if construct.status is Status.WARNED else 0), result.output


def test_every_warned_construct_has_a_group_and_a_message() -> None:
    for construct in CONSTRUCTS:
        if construct.status is Status.WARNED:
            assert construct.group, construct.name
        if construct.detect is not None and construct.status is Status.WARNED:
            assert construct.message, construct.name


def test_detectors_prefer_a_named_construct_over_a_catch_all() -> None:
    assert constructs.find(Scope.DIV, "columns") is constructs.by_name("columns")
    assert constructs.find(Scope.DIV, "box") is constructs.by_name("unknown div class")
    assert constructs.find(Scope.SPAN, "fragment") is constructs.by_name("fragment span")
    assert constructs.find(Scope.SPAN, "keyword") is constructs.by_name("span with classes")
    assert constructs.warned(Scope.SPAN, "keyword") is None
    assert constructs.warned(Scope.SLIDE, "visibility=hidden") is None
    assert constructs.warned(Scope.SLIDE, "transition=fade") is not None


def test_the_docs_list_the_table_as_it_is() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert constructs.document(text) == text, "run: python -m deckgen.constructs docs/format.md"
