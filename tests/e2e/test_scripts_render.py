"""Decks in Japanese, Chinese, Greek, Russian, Arabic and Hebrew (and the shared Japanese beamer
talk), as a reader sees them: in Chromium no text leaves its slide, in LibreOffice's render of
the .pptx no text leaves its box or runs into other text, both show the same text, every
character has a glyph in the fonts the HTML embeds, and right-to-left decks mirror in both.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pptx import Presentation

from deckgen.build import BuildOptions, Format, build
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide, visible_text
from e2e.office import comparable, convert_to_pdf, drawn_shapes, render_problems, shape_text
from realworld import REALWORLD
from webfonts import embedded_characters

pytestmark = pytest.mark.browser

SCRIPTS = Path(__file__).parents[1] / "fixtures" / "scripts"
BEAMER_JA = REALWORLD / "markdown-beamer-ja" / "slides.md"
DECKS = [pytest.param(folder, id=folder.name) for folder in sorted(SCRIPTS.iterdir())]
DECKS.append(
    pytest.param(
        BEAMER_JA,
        id="markdown-beamer-ja",
        marks=pytest.mark.skipif(not BEAMER_JA.is_file(), reason=f"{BEAMER_JA} is missing"),
    )
)


@pytest.fixture(scope="module", params=DECKS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Return the deck's HTML and .pptx, built as a user builds them."""
    outdir = tmp_path_factory.mktemp("scripts")
    options = BuildOptions(formats=(Format.HTML, Format.PPTX))
    result = build(request.param, outdir, options)
    assert not [d for d in result.diagnostics if "font" in d.message], result.diagnostics
    return sorted(result.outputs)


def html_slides(html: Path) -> list[str | None]:
    """Return the text Chromium shows on each slide (None for a slide with a formula: MathML's
    text is not the .pptx's linear text); check no text leaves any slide."""
    texts: list[str | None] = []
    outside = {}
    with open_deck(html) as (page, log):
        for index in range(slide_count(page)):
            show_slide(page, index)
            if found := text_outside_slide(page):
                outside[index + 1] = found
            has_math = page.evaluate("() => !!Reveal.getCurrentSlide().querySelector('math')")
            texts.append(None if has_math else visible_text(page))
        assert log.errors == [] and log.requests == []
    assert outside == {}
    return texts


def pptx_slides(pptx: Path) -> list[str]:
    """Return the text of each slide of the .pptx (the slide number left out)."""
    return [
        "\n".join(shape_text(s) for s in drawn_shapes(slide) if s.name != "Slide Number")
        for slide in Presentation(str(pptx)).slides
    ]


def test_both_formats_show_the_same_text_and_none_leaves_a_slide(built: list[Path]) -> None:
    html, pptx = built
    shown = html_slides(html)
    written = pptx_slides(pptx)
    assert len(shown) == len(written)
    for number, (seen, drawn) in enumerate(zip(shown, written, strict=True), start=1):
        if seen is not None:
            assert Counter(comparable(seen)) == Counter(comparable(drawn)), f"slide {number}"


def test_libreoffice_draws_the_pptx_without_clipping_or_collisions(
    built: list[Path], tmp_path: Path
) -> None:
    _, pptx = built
    pdf = convert_to_pdf(pptx, tmp_path, tmp_path / "profile")
    assert render_problems(pptx, pdf) == []


def test_every_character_shown_has_an_embedded_glyph(built: list[Path]) -> None:
    text = built[0].read_text("utf-8")
    covered = set().union(*embedded_characters(text).values())
    slides = re.sub(r"<(script|style|aside)\b.*?</\1>", "", text, flags=re.DOTALL)
    shown = set(re.sub(r"<[^>]*>", "", slides))
    missing = sorted(c for c in shown if not c.isspace() and ord(c) not in covered)
    assert missing == []


RTL = [SCRIPTS / "ar", SCRIPTS / "he"]


@pytest.mark.parametrize("deck", RTL, ids=[d.name for d in RTL])
def test_right_to_left_decks_mirror_in_both_formats(deck: Path, tmp_path: Path) -> None:
    options = BuildOptions(formats=(Format.HTML, Format.PPTX))
    html, pptx = sorted(build(deck, tmp_path, options).outputs)
    assert re.search(r'<html lang="[^"]+" dir="rtl">', html.read_text("utf-8"))
    columns = _columns_slide(pptx)
    with open_deck(html) as (page, _):
        show_slide(page, columns)
        lefts = page.evaluate(
            "() => [...Reveal.getCurrentSlide().querySelectorAll('.column')]"
            ".map(c => c.getBoundingClientRect().left)"
        )
        bullet = page.evaluate(
            "() => { const li = document.querySelector('.reveal li');"
            " return [li.getBoundingClientRect().right,"
            " li.closest('.frame').getBoundingClientRect().right]; }"
        )
        callout = _slide_with(page, ".callout")
        show_slide(page, callout)
        sides = page.evaluate(
            "() => { const bar = getComputedStyle(document.querySelector('.reveal .callout'));"
            " const dd = getComputedStyle(document.querySelector('.reveal dd'));"
            " return [bar.borderLeftWidth, bar.borderRightWidth, dd.marginLeft, dd.marginRight]; }"
        )
    assert lefts[0] > lefts[1]  # the first column stands on the right
    assert sides[0] == "0px" and sides[1] != "0px"  # a callout's bar on the right
    assert sides[2] == "0px" and sides[3] != "0px"  # definitions indented from the right
    assert bullet[1] - bullet[0] < 80  # list items hang from the right edge
    slide = Presentation(str(pptx)).slides[columns]
    texts = [s for s in slide.shapes if s.has_text_frame and s.name.startswith("Text")]
    assert texts[0].left > texts[-1].left  # the first column's text: on the right here too
    xml = Presentation(str(pptx)).slides[1].shapes[0]._element.xml
    assert 'rtl="1"' in xml and 'algn="r"' in xml


def _slide_with(page: Page, selector: str) -> int:
    """Return the index of the first slide of the open deck that holds ``selector``."""
    index = page.evaluate(
        f"() => Reveal.getSlides().findIndex(s => s.querySelector({selector!r}))"
    )
    assert index >= 0, selector
    return int(index)


def _columns_slide(pptx: Path) -> int:
    """Return the index of the slide holding columns (two side-by-side text boxes)."""
    for index, slide in enumerate(Presentation(str(pptx)).slides):
        tops = [s.top for s in slide.shapes if s.has_text_frame and s.name.startswith("Text")]
        if len(tops) >= 2 and len(set(tops)) < len(tops):
            return index
    raise AssertionError("no slide with columns")
