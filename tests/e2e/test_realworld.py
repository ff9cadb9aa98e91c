"""The shared real decks, end to end: slide decks teachers wrote for pandoc and Quarto build as
they are, and every slide shows what the source says, in both formats.

Each deck folder is copied into a temporary folder made a git repository (so the deck's project
is its repository copy, as at its author's) and built by the command line, ``-f html,pptx``. For
every deck:

- it builds, exit status 0, with no internal error ("please report");
- no text lies outside a slide: in Chromium (each slide shown, ``browser.text_outside_slide``) and
  in LibreOffice's render of the .pptx (``office.render_problems``: text off the page or out of
  its box, text over text, text missing from the render);
- no picture is drawn smaller than 8 px across or down, in either format;
- no source syntax reaches a slide (``. . .``, TeX, LaTeX commands, footnote marks, attributes,
  ``:::`` fences, character references, HTML tags, task boxes, Quarto shortcodes, title-block
  lines, lone backslashes): in the slides' text outside code, in either format;
- nothing is lost: every sentence pandoc reads in the source (``nothing_lost.deck_units``), its
  headings, code lines and table cells, are on a slide or in its notes, in either format.

One Chromium runs for all decks and one LibreOffice call converts all the .pptx files. Where the
shared decks are absent (``realworld.REALWORLD``), the tests report themselves skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from clirun import deckgen
from deckgen.read import read_deck
from deckgen.themes import builtin_themes_dir, load_theme
from e2e.browser import launch, open_in, show_slide, slide_count, text_outside_slide
from e2e.office import drawn_shapes, render_problems
from nothing_lost import deck_units, html_slides, norm, pptx_slides
from realworld import REALWORLD, deck_params, realworld_decks

DECKS = deck_params()
MIN_PICTURE_PX = 8
EMU_PER_PX = 9525
INTERNAL_ERROR = re.compile(r"please report|internal error|Traceback", re.IGNORECASE)
# Source syntax that must never show on a slide (outside code), by what it is.
SYNTAX = {
    "pause": r"^\. \. \.$",
    "TeX math": r"\$\$|\$[^$\s][^$]*[\\^_][^$]*\$",
    "LaTeX command": r"\\[a-zA-Z]+\{",
    "footnote mark": r"\[\^[^\]]+\]|\^\[",
    "attributes": r"\{(width|height)=|\{[.#][A-Za-z]|\{data-",
    "div fence": r"^:::",
    "character reference": r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);",
    "HTML tag": r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>",
    "task box": r"^\[[ xX]\] ",
    "shortcode": r"\{\{<",
    "title block": r"^% ",
    "lone backslash": r"^\\$",
}
# Quarto's shortcodes are instructions to Quarto, not text: no unit holds them.
SHORTCODE = re.compile(r"\{\{<.*?>\}\}")
PICTURES = """() => {
  const slide = Reveal.getCurrentSlide();
  const page = document.querySelector('.reveal .slides').getBoundingClientRect();
  const scale = page.width / Reveal.getConfig().width;
  return Array.from(slide.querySelectorAll('img, video, audio'))
    .filter((element) => !element.closest('aside'))
    .map((element) => {
      const box = element.getBoundingClientRect();
      const src = (element.getAttribute('src') || '').slice(0, 50);
      return [element.tagName.toLowerCase() + ' ' + src, box.width / scale, box.height / scale];
    });
}"""


@dataclass
class Built:
    """One real deck built by the command line from its copy."""

    deck: Path
    result: subprocess.CompletedProcess[str]
    html: Path
    pptx: Path


@dataclass
class Shown:
    """What Chromium found on a deck's slides: text outside them, pictures too small."""

    outside: list[str] = field(default_factory=list)
    small: list[str] = field(default_factory=list)


def _name(deck: Path) -> str:
    return deck.relative_to(REALWORLD).parts[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Return every real deck built from a copy of its folder (a git repository)."""
    found = {}
    for deck in realworld_decks():
        name = _name(deck)
        copy = tmp_path_factory.mktemp("decks") / name
        shutil.copytree(REALWORLD / name, copy)
        subprocess.run(["git", "init", "-q", str(copy)], check=True)
        source = copy / deck.relative_to(REALWORLD / name)
        out = copy.parent / "out"
        result = deckgen("build", str(source), "-f", "html,pptx", "-o", str(out))
        stem = read_deck(source).name
        found[name] = Built(source, result, out / f"{stem}.html", out / f"{stem}.pptx")
    return found


def _built(built: dict[str, Built], deck: Path) -> Built:
    """Return the deck's build, which must have written both files."""
    found = built[_name(deck)]
    assert found.html.is_file() and found.pptx.is_file(), found.result.stderr
    return found


@pytest.fixture(scope="module")
def rendered(
    built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory, office_profile: Path
) -> dict[str, list[str]]:
    """Return what is wrong with LibreOffice's render of each deck's .pptx (one call for all)."""
    folder = tmp_path_factory.mktemp("office")
    copies = {}
    for name, deck in built.items():
        if deck.pptx.is_file():
            copies[name] = folder / f"{name}.pptx"
            shutil.copy(deck.pptx, copies[name])
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={office_profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, copies.values()),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return {name: render_problems(pptx, pptx.with_suffix(".pdf")) for name, pptx in copies.items()}


@pytest.fixture(scope="module")
def shown(built: dict[str, Built]) -> dict[str, Shown]:
    """Return what Chromium shows wrong on each deck's slides (one browser for all)."""
    found = {}
    with launch() as browser:
        for name, deck in built.items():
            if not deck.html.is_file():
                continue
            findings = found[name] = Shown()
            with open_in(browser, deck.html) as (page, _):
                for index in range(slide_count(page)):
                    show_slide(page, index)
                    findings.outside += [
                        f"slide {index + 1}: {text!r}" for text in text_outside_slide(page)
                    ]
                    for what, width, height in page.evaluate(PICTURES):
                        if min(width, height) < MIN_PICTURE_PX:
                            findings.small.append(
                                f"slide {index + 1}: {what} {width:.0f}x{height:.0f} px"
                            )
    return found


@pytest.mark.parametrize("deck", DECKS)
def test_builds_in_both_formats(deck: Path, built: dict[str, Built]) -> None:
    result = built[_name(deck)].result
    assert result.returncode == 0, result.stderr
    assert not INTERNAL_ERROR.search(result.stderr), result.stderr


@pytest.mark.browser
@pytest.mark.parametrize("deck", DECKS)
def test_no_text_outside_a_slide_in_chromium(
    deck: Path, built: dict[str, Built], shown: dict[str, Shown]
) -> None:
    _built(built, deck)
    assert shown[_name(deck)].outside == []


@pytest.mark.office
@pytest.mark.parametrize("deck", DECKS)
def test_the_pptx_renders_with_no_text_outside_a_slide_in_libreoffice(
    deck: Path, built: dict[str, Built], rendered: dict[str, list[str]]
) -> None:
    _built(built, deck)
    assert rendered[_name(deck)] == []


def _small_pictures(pptx: Path) -> list[str]:
    """Return each picture (or player) of the .pptx drawn under 8 px across or down."""
    small = []
    namespaces = {
        "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    }
    for number, slide in enumerate(Presentation(str(pptx)).slides, start=1):
        for ext in etree.ElementBase.xpath(
            slide.element, ".//p:pic/p:spPr/a:xfrm/a:ext", namespaces=namespaces
        ):
            width, height = (int(ext.get(key)) / EMU_PER_PX for key in ("cx", "cy"))
            if min(width, height) < MIN_PICTURE_PX:
                small.append(f"slide {number}: picture {width:.0f}x{height:.0f} px")
    return small


@pytest.mark.browser
@pytest.mark.parametrize("deck", DECKS)
def test_no_picture_is_drawn_at_zero_size(
    deck: Path, built: dict[str, Built], shown: dict[str, Shown]
) -> None:
    found = _built(built, deck)
    assert shown[_name(deck)].small == []
    assert _small_pictures(found.pptx) == []


# -- source syntax on a slide ----------------------------------------------------------------------

LINE_ELEMENTS = {"p", "li", "div", "br", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
LINE_ELEMENTS |= {"section", "figcaption", "blockquote", "header", "ul", "ol", "table"}


class _SlideLines(HTMLParser):
    """The lines of text each slide of an HTML deck shows, code and notes left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slides: list[list[str]] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.slides.append([""])
        if tag in ("pre", "code", "script", "style", "aside", "math"):
            self.skip += 1
        elif tag in LINE_ELEMENTS and self.slides:
            self.slides[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("pre", "code", "script", "style", "aside", "math"):
            self.skip -= 1
        elif tag in LINE_ELEMENTS and self.slides:
            self.slides[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.slides and not self.skip:
            self.slides[-1][-1] += data


def html_lines(path: Path) -> list[list[str]]:
    """Return the lines of text on each slide of the HTML deck at ``path`` (not code)."""
    parser = _SlideLines()
    parser.feed(path.read_text(encoding="utf-8"))
    return [[" ".join(line.split()) for line in slide if line.strip()] for slide in parser.slides]


def _code_typefaces() -> set[str]:
    """Return the typefaces the built-in themes set code in (in a .pptx)."""
    return {
        load_theme(folder.name).fonts["code"].office
        for folder in builtin_themes_dir().iterdir()
        if (folder / "theme.toml").is_file()
    }


def pptx_lines(path: Path) -> list[list[str]]:
    """Return the lines of text on each slide of the .pptx at ``path``: its paragraphs, code
    shapes and runs in a code typeface left out."""
    code = _code_typefaces()
    slides = []
    for slide in Presentation(str(path)).slides:
        lines = []
        for shape in drawn_shapes(slide):
            if shape.name.startswith("Code "):
                continue
            frames = [shape.text_frame] if shape.has_text_frame else []
            if getattr(shape, "has_table", False) and shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    text = "".join(run.text for run in paragraph.runs if run.font.name not in code)
                    if text.strip():
                        lines.append(" ".join(text.split()))
        slides.append(lines)
    return slides


def syntax_on_slides(slides: list[list[str]]) -> list[str]:
    """Return each slide line that shows source syntax, with what it is."""
    found = []
    for number, lines in enumerate(slides, start=1):
        for line in lines:
            for what, pattern in SYNTAX.items():
                if re.search(pattern, line):
                    found.append(f"slide {number}: {what}: {line[:80]!r}")
    return found


@pytest.mark.parametrize("deck", DECKS)
def test_no_source_syntax_on_a_slide(deck: Path, built: dict[str, Built]) -> None:
    found = _built(built, deck)
    assert syntax_on_slides(html_lines(found.html)) == []
    assert syntax_on_slides(pptx_lines(found.pptx)) == []


# -- nothing lost --------------------------------------------------------------------------------


def lost(deck: Path, slides: list[tuple[str, str, str]]) -> list[str]:
    """Return the units of ``deck`` (pandoc's reading) that no slide or notes page shows."""
    shown = norm(" ".join(" ".join(parts) for parts in slides))
    missing = []
    for units in deck_units(deck).values():
        for unit in units.sentences + units.withheld + units.others:
            for piece in SHORTCODE.split(unit):
                piece = norm(piece)
                if piece and piece not in shown:
                    missing.append(piece)
    return missing


@pytest.mark.parametrize("deck", DECKS)
def test_no_text_is_lost(deck: Path, built: dict[str, Built]) -> None:
    found = _built(built, deck)
    html = [(s.visible, s.notes, s.more) for s in html_slides(found.html)]
    pptx = [(s.visible, s.notes, s.more) for s in pptx_slides(found.pptx)]
    assert lost(found.deck, html) == []
    assert lost(found.deck, pptx) == []
