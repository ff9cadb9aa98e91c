"""Stress decks in every theme, as LibreOffice renders the .pptx: nothing clipped or colliding,

as many slides as the HTML, and no text below the theme's minimum sizes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.backends.pptx import PptxOptions
from deckgen.build import BuildOptions, Format, build
from deckgen.themes import list_themes, load_theme
from e2e.office import convert_to_pdf, render_problems, rendered_pages

pytestmark = pytest.mark.office

STRESS = Path(__file__).parents[1] / "fixtures" / "stress" / "stress.md"
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def run_sizes(pptx: Path, code_typeface: str) -> dict[str, float]:
    """Return the smallest size (pt) of body text and of code text on the slides.

    The slide number is left out (a page furniture, not slide text), and so is inline code in
    body text, which is set a notch smaller than the text around it, as in the HTML deck.
    """
    smallest = {"body": float("inf"), "code": float("inf")}
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.name.startswith("Slide Number"):
                continue
            role = "code" if shape.name.startswith("Code") else "body"
            for rpr in shape.element.iter(f"{A_NS}rPr"):
                latin = rpr.find(f"{A_NS}latin")
                typeface = latin.get("typeface") if latin is not None else ""
                if rpr.get("sz") is None or (role == "body" and typeface == code_typeface):
                    continue
                smallest[role] = min(smallest[role], int(rpr.get("sz")) / 100)
    return smallest


@pytest.mark.parametrize("theme", list_themes())
def test_stress_deck_renders_cleanly_in_every_theme(
    theme: str, tmp_path: Path, office_profile: Path
) -> None:
    result = build(STRESS, tmp_path, BuildOptions(formats=(Format.HTML, Format.PPTX), theme=theme))
    html, pptx = result.outputs
    assert not [d for d in result.diagnostics if "runs" in d.message and ".pptx" in d.message]
    slides = html.read_text(encoding="utf-8").count('<section id="')
    assert len(Presentation(str(pptx)).slides) == slides
    pdf = convert_to_pdf(pptx, tmp_path, office_profile)
    assert len(rendered_pages(pdf)) == slides
    assert render_problems(pptx, pdf) == []
    minimum = load_theme(theme).min_sizes
    smallest = run_sizes(pptx, load_theme(theme).fonts["code"].office)
    assert smallest["body"] < 40 and smallest["code"] < 40, "the sizes were read"
    assert smallest["body"] >= minimum["body"].pt
    assert smallest["code"] >= minimum["code"].pt


def test_stress_deck_is_laid_out_on_a_four_by_three_templates_page(
    tmp_path: Path, office_profile: Path
) -> None:
    template = tmp_path / "four-by-three.pptx"
    Presentation().save(str(template))  # python-pptx's default: 4:3, the standard layout names
    options = BuildOptions(formats=(Format.PPTX,), pptx=PptxOptions(template=template))
    result = build(STRESS, tmp_path / "out", options)
    [pptx] = result.outputs
    assert [d for d in result.diagnostics if ".pptx" in d.message] == []
    prs = Presentation(str(pptx))
    assert prs.slide_width * 3 == prs.slide_height * 4
    pdf = convert_to_pdf(pptx, tmp_path, office_profile)
    assert len(rendered_pages(pdf)) == len(prs.slides)
    assert render_problems(pptx, pdf) == []
