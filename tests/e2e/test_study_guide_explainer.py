"""The study guide's explainer pages as a student and a teacher get them: HTML in Chromium, .pptx
rendered by LibreOffice. No slide overflows, links between pages jump, notes stay off the slides.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.build import load
from deckgen.cli import main
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide, visible_text
from e2e.office import convert_to_pdf, render_problems

STUDY_GUIDE = Path(__file__).resolve().parents[2] / "decks" / "study-guide"


@pytest.fixture(scope="module")
def built_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder the study guide was built into, in both formats, from the command line."""
    outdir = tmp_path_factory.mktemp("dist")
    args = ["build", str(STUDY_GUIDE), "-o", str(outdir), "--format", "html,pptx"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in outdir.iterdir()) == ["study-guide.html", "study-guide.pptx"]
    return outdir


@pytest.mark.browser
def test_no_slide_overflows_and_the_deck_stays_offline(built_guide: Path) -> None:
    _, laid_out, _ = load(STUDY_GUIDE)
    with open_deck(built_guide / "study-guide.html") as (page, log):
        total = slide_count(page)
        overflowing = {}
        for index in range(total):
            show_slide(page, index)
            outside = text_outside_slide(page)
            if outside:
                overflowing[index] = outside
        assert total == len(laid_out.slides)
        assert overflowing == {}
        assert log.requests == []
        assert log.errors == []


@pytest.mark.browser
def test_a_related_page_link_jumps_to_that_topic(built_guide: Path) -> None:
    fragment = "#/prompting-principles-related-pages"
    with open_deck(built_guide / "study-guide.html", fragment=fragment) as (page, _):
        assert "Related pages" in visible_text(page)
        page.click("section.present a[href='#/iteration-and-selection']")
        page.wait_for_function("() => Reveal.getCurrentSlide().id === 'iteration-and-selection'")
        text = visible_text(page)
        assert text.startswith("Iteration and Selection")
        assert "Generative tools produce candidates" in text


@pytest.mark.browser
def test_key_ideas_show_the_leads_and_keep_the_explanations_in_the_notes(built_guide: Path) -> None:
    with open_deck(built_guide / "study-guide.html", fragment="#/seeds-key-ideas") as (page, _):
        shown = visible_text(page)
        notes = page.evaluate("() => Reveal.getSlideNotes()")
        assert "The seed is a starting point for the noise." in shown
        assert "Diffusion models start from random noise" not in shown
        assert "Diffusion models start from random noise" in notes


@pytest.mark.office
def test_libreoffice_renders_every_study_guide_slide_cleanly(
    built_guide: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pptx = built_guide / "study-guide.pptx"
    pdf = convert_to_pdf(pptx, tmp_path, tmp_path_factory.mktemp("office-profile"))
    assert render_problems(pptx, pdf) == []
