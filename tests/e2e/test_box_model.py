"""One box model for both formats: what the layout stage measures is what Chromium and
LibreOffice draw, for tables, section dividers and a template's own fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from clirun import deckgen
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide
from e2e.office import convert_to_pdf, render_problems

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LONG_NOTE = "the camera drifts slowly across the empty set while the light fades to evening"
SIX_ROWS = "## Shot list\n\n| # | Cam | Lens | Note |\n|---|---|---|---|\n" + "".join(
    f"| {n} | A | 35 | {LONG_NOTE} |\n" for n in range(1, 7)
)
NEXT = "## Next\n\n- a point\n\n::: notes\nSay hello.\n:::\n"  # slide syntax: not an explainer page
SUBTITLE = (
    "This subtitle goes on well past what a divider usually holds, so the layout stage has to "
    "shrink it to keep every word of it on the slide. "
)


def build(tmp_path: Path, markdown: str, *args: str) -> tuple[Path, str]:
    (tmp_path / "deck.md").write_text(markdown, encoding="utf-8")
    result = deckgen("build", "deck.md", "-o", "out", "-f", "all", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out", result.stderr


def check_both_formats(out: Path, tmp_path: Path, office_profile: Path, slides: int) -> None:
    """Assert ``slides`` slides in both formats, no text off a slide in Chromium, and a clean
    LibreOffice render (no clipped, colliding or broken words)."""
    pptx = out / "deck.pptx"
    assert len(Presentation(str(pptx)).slides) == slides
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []
    with open_deck(out / "deck.html") as (page, _):
        assert slide_count(page) == slides
        for index in range(slides):
            show_slide(page, index)
            assert text_outside_slide(page) == [], index


@pytest.mark.browser
@pytest.mark.office
def test_a_table_of_short_columns_and_one_long_one_stays_on_one_slide(
    tmp_path: Path, office_profile: Path
) -> None:
    """Measured with the column widths both formats draw, not equal columns (which made the
    long column wrap line after line and split the table over three slides)."""
    out, stderr = build(tmp_path, SIX_ROWS)
    assert "split" not in stderr
    check_both_formats(out, tmp_path, office_profile, 1)
    table = Presentation(str(out / "deck.pptx")).slides[0].shapes[-2].table
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["#", "Cam", "Lens", "Note"]


@pytest.mark.browser
@pytest.mark.office
def test_a_long_section_subtitle_is_fitted_like_any_slide(
    tmp_path: Path, office_profile: Path
) -> None:
    markdown = f"---\ntitle: T\nslide-level: 2\n---\n\n# Part one\n\n{SUBTITLE * 3}\n\n{NEXT}"
    out, _ = build(tmp_path, markdown)
    check_both_formats(out, tmp_path, office_profile, 3)
    divider = Presentation(str(out / "deck.pptx")).slides[1]
    text = " ".join(shape.text_frame.text for shape in divider.shapes if shape.has_text_frame)
    assert (SUBTITLE * 3).strip() in text


def test_a_section_subtitle_too_long_for_any_size_is_reported(tmp_path: Path) -> None:
    markdown = f"---\ntitle: T\nslide-level: 2\n---\n\n# Part one\n\n{SUBTITLE * 40}\n\n{NEXT}"
    (tmp_path / "deck.md").write_text(markdown, encoding="utf-8")
    result = deckgen("check", "--strict", "deck.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "deck.md:6: warning: 'Part one' does not fit on its slide" in result.stdout


def arial_template(path: Path) -> None:
    prs = Presentation()
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    for kind in ("majorFont", "minorFont"):
        root.find(f".//{A}{kind}/{A}latin").set("typeface", "Arial")
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    prs.slide_width, prs.slide_height = 12192000, 6858000
    prs.save(str(path))


@pytest.mark.office
def test_the_study_guide_on_an_arial_template_renders_cleanly(
    study_guide: Path, tmp_path: Path, office_profile: Path
) -> None:
    """The template's fonts are measured (with fontconfig's metric-compatible stand-in)."""
    arial_template(tmp_path / "school.pptx")
    args = ["-f", "pptx", "--template", str(tmp_path / "school.pptx")]
    result = deckgen("build", str(study_guide), "-o", str(tmp_path / "out"), *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("the template's font 'Arial' is not installed: measured with") == 1
    pptx = tmp_path / "out" / "generative-production.pptx"
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []


@pytest.mark.browser
def test_an_untitled_slide_starts_its_body_at_the_top_of_the_frame(tmp_path: Path) -> None:
    """No empty header: it would take the frame's gap and push the body below the plan."""
    out, _ = build(tmp_path, "---\nslide-level: 2\n---\n\n## A\n\ntext\n\n---\n\n- One\n- Two\n")
    with open_deck(out / "deck.html") as (page, _):
        show_slide(page, 1)
        offset = page.evaluate(
            """() => {
              const slide = Reveal.getCurrentSlide(), scale = Reveal.getScale();
              const frame = slide.querySelector('.frame');
              const body = slide.querySelector('.body').getBoundingClientRect();
              const padding = parseFloat(getComputedStyle(frame).paddingTop);
              return (body.top - frame.getBoundingClientRect().top) / scale - padding;
            }"""
        )
    assert abs(offset) < 1


@pytest.mark.office
def test_a_long_link_that_libreoffice_will_not_break_still_fits(
    tmp_path: Path, office_profile: Path
) -> None:
    """LibreOffice draws a hyperlink as a field it never breaks across lines: measured so."""
    link = "[Term 2 (2025/26) Seminar Group for Applied Numerical Methods](https://example.org)"
    items = "".join(f"- Point {n} about the course and its weekly rhythm\n" for n in range(5))
    markdown = (
        f"---\nslide-level: 2\n---\n\n## Contact\n\n- Write to me through the group {link} "
        f"for the quickest answer of all\n{items}\n## Hours\n\nTwo hours a week, here.\n"
    )
    out, _ = build(tmp_path, markdown)
    pptx = out / "deck.pptx"
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []
