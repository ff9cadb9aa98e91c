"""The .pptx as a teacher opens it: read back with python-pptx, its pages rendered by LibreOffice.

The render check compares, page by page, the text in the file with the words ``pdftotext
-bbox-layout`` finds on the rendered page, and fails on a word off the page, a word outside every
text box (text that overflowed its box), or two words drawn over each other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches, Pt

from deckgen.build import load
from deckgen.cli import main
from deckgen.model import plain_text
from e2e.office import FIXTURES, HTML_SECTION, convert_to_pdf, render_problems, slide_lines
from textnorm import golden_lines


@pytest.fixture(scope="module")
def study_guide_build(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    result = CliRunner().invoke(
        main, ["build", str(study_guide), "-o", str(outdir), "--format", "html,pptx"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in outdir.iterdir()) == [
        "generative-production.html",
        "generative-production.pptx",
    ]
    return outdir


@pytest.fixture(scope="module")
def study_guide_pptx(study_guide_build: Path) -> Path:
    return study_guide_build / "generative-production.pptx"


# -- the study guide, read back -----------------------------------------------------------------


def test_one_pptx_slide_per_html_slide(study_guide_build: Path, study_guide_pptx: Path) -> None:
    html = (study_guide_build / "generative-production.html").read_text(encoding="utf-8")
    prs = Presentation(str(study_guide_pptx))
    assert len(prs.slides) == len(HTML_SECTION.findall(html)) == 55
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))


def test_slide_text_in_order_is_the_presented_deck(study_guide_pptx: Path) -> None:
    shown = [
        line for slide in Presentation(str(study_guide_pptx)).slides for line in slide_lines(slide)
    ]
    assert shown == golden_lines("generative-production.txt")


def test_every_title_is_in_a_title_placeholder(study_guide_pptx: Path) -> None:
    untitled = [
        number
        for number, slide in enumerate(Presentation(str(study_guide_pptx)).slides, start=1)
        if slide.shapes.title is None or not slide.shapes.title.text_frame.text.strip()
    ]
    assert untitled == []


def test_speaker_notes_are_on_the_notes_pages(study_guide: Path, study_guide_pptx: Path) -> None:
    _, laid_out, _ = load(study_guide)
    slides = list(Presentation(str(study_guide_pptx)).slides)
    assert len(slides) == len(laid_out.slides)
    missing = []
    for number, (placed, slide) in enumerate(zip(laid_out.slides, slides, strict=True), start=1):
        if not placed.slide.notes:
            assert not slide.has_notes_slide, number
            continue
        first = next(b for b in placed.slide.notes if hasattr(b, "runs"))
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if plain_text(first.runs)[:40] not in notes:
            missing.append(number)
    assert missing == []


@pytest.mark.office
def test_libreoffice_renders_every_slide_cleanly(
    study_guide_pptx: Path, tmp_path: Path, office_profile: Path
) -> None:
    pdf = convert_to_pdf(study_guide_pptx, tmp_path, office_profile)
    assert render_problems(study_guide_pptx, pdf) == []


# -- other decks and templates, rendered --------------------------------------------------------


@pytest.mark.office
def test_feature_tour_renders_cleanly(tmp_path: Path, office_profile: Path) -> None:
    source = FIXTURES / "features.md"
    result = CliRunner().invoke(
        main, ["build", str(source), "-o", str(tmp_path / "out"), "-f", "pptx"]
    )
    assert result.exit_code == 0, result.output
    pptx = tmp_path / "out" / "features.pptx"
    pdf = convert_to_pdf(pptx, tmp_path, office_profile)
    assert render_problems(pptx, pdf) == []


@pytest.mark.office
def test_a_four_by_three_template_renders_cleanly(
    study_guide: Path, tmp_path: Path, office_profile: Path
) -> None:
    template = Presentation()  # python-pptx's default file is 4:3
    template.save(str(tmp_path / "school.pptx"))
    out = tmp_path / "out"
    args = [
        "build",
        str(study_guide),
        "-o",
        str(out),
        "-f",
        "pptx",
        "--template",
        str(tmp_path / "school.pptx"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    pptx = out / "generative-production.pptx"
    assert (Presentation(str(pptx)).slide_width, Presentation(str(pptx)).slide_height) == (
        Inches(10),
        Inches(7.5),
    )
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []


def _broken_deck(path: Path) -> None:
    """Write a deck with text running off the slide and two text boxes on top of each other."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    off = slide.shapes.add_textbox(Inches(8.5), Inches(1), Inches(3), Inches(1))
    off.text_frame.text = "Clipped words run far past the right edge"
    off.text_frame.word_wrap = False
    for top, text in ((Inches(3), "Colliding text here"), (Inches(3.1), "Another line on top")):
        box = slide.shapes.add_textbox(Inches(1), top, Inches(5), Inches(1))
        box.text_frame.text = text
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    prs.save(str(path))


@pytest.mark.office
def test_the_render_check_catches_clipped_and_colliding_text(
    tmp_path: Path, office_profile: Path
) -> None:
    pptx = tmp_path / "broken.pptx"
    _broken_deck(pptx)
    problems = render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile))
    assert any("off the slide" in p for p in problems)
    assert any("collides with" in p for p in problems)
