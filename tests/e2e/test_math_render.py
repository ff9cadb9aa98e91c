"""The math fixture deck as a person sees it: Chromium draws every formula from the file alone,
each equation within the height the layout stage planned; LibreOffice shows the .pptx's
readable fallback, nothing clipped or overlapping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clirun import deckgen
from deckgen.build import load
from deckgen.layout.pieces import TextPiece
from deckgen.units import EMU_PER_PT
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide
from e2e.office import convert_to_pdf, render_problems

FIXTURE = Path(__file__).parents[1] / "fixtures" / "math" / "math.md"
FORMULAS = 24
PT_PER_PX = 0.75

EQUATION_HEIGHTS = """() => [...Reveal.getCurrentSlide().querySelectorAll('.frame .equation')]
  .map(e => e.offsetHeight)"""
MATH_ELEMENTS = """() => [...document.querySelectorAll('.frame math')].map(m => [
  m.getAttribute('alttext'), m.querySelector('annotation')?.textContent ?? null])"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("math")
    shutil.copy(FIXTURE, folder / "math.md")
    result = deckgen("build", "math.md", "-o", "out", "-f", "html,pptx", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def is_equation(piece: TextPiece) -> bool:
    """Return whether ``piece`` sets one display formula (an equation)."""
    [*_, last] = piece.paragraphs
    runs = last.runs
    return (
        len(piece.paragraphs) == 1
        and len(runs) == 1
        and bool(runs[0].math and runs[0].math.display)
    )


def planned_equation_heights() -> list[list[float]]:
    """Return, slide by slide, the height in points the layout stage gave each equation."""
    _, laid_out, _ = load(FIXTURE)
    return [
        [
            piece.box.h / EMU_PER_PT
            for piece in placed.plan.pieces
            if isinstance(piece, TextPiece) and is_equation(piece)
        ]
        for placed in laid_out.slides
    ]


@pytest.mark.browser
def test_chromium_draws_every_formula_offline_within_the_plan(built: Path) -> None:
    planned = planned_equation_heights()
    with open_deck(built / "math.html") as (page, log):
        maths = page.evaluate(MATH_ELEMENTS)
        assert len(maths) == FORMULAS
        assert all(alttext and tex for alttext, tex in maths)  # what a screen reader reads
        assert slide_count(page) == len(planned)
        for index, heights in enumerate(planned):
            show_slide(page, index)
            assert text_outside_slide(page) == [], index
            drawn = [px * PT_PER_PX for px in page.evaluate(EQUATION_HEIGHTS)]
            assert len(drawn) == len(heights), index
            for drawn_pt, planned_pt in zip(drawn, heights, strict=True):
                assert drawn_pt <= planned_pt + 0.5, (index, drawn_pt, planned_pt)
        assert log.requests == [] and log.errors == []


@pytest.mark.office
def test_libreoffice_shows_the_readable_fallback_cleanly(
    built: Path, tmp_path: Path, office_profile: Path
) -> None:
    pptx = built / "math.pptx"
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []
