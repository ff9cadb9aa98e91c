"""HTML written in Markdown shows in both formats (``fixtures/html/html.md``): its styles, a
picture from an ``<img>``, a table, centred words and ``<aside class="notes">`` notes, seen as a
person sees them: in Chromium, and in the .pptx as python-pptx reads it and LibreOffice draws it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from deckgen.build import BuildOptions, Format, build, load
from deckgen.geometry import content_frame
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide
from e2e.office import comparable, convert_to_pdf, drawn_shapes, render_problems
from nothing_lost import html_slides, pptx_slides

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "html.md"


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html-source")
    result = build(FIXTURE, out, BuildOptions(formats=(Format.HTML, Format.PPTX)))
    assert result.diagnostics == ()
    return out


def test_both_formats_show_the_same_words_and_notes(outdir: Path) -> None:
    html = html_slides(outdir / "html.html")
    pptx = pptx_slides(outdir / "html.pptx")
    assert [comparable(s.visible) for s in html] == [comparable(s.visible) for s in pptx]
    assert comparable("H2O and E = mc2") in comparable(html[1].visible)
    assert "<" not in "".join(s.visible for s in html + pptx)
    assert [comparable(s.notes) for s in html] == [comparable(s.notes) for s in pptx]
    assert comparable(html[3].notes) == comparable("What to say here.")


def _runs(path: Path, slide: int) -> dict[str, tuple[object, object]]:
    """Return each run of a .pptx slide by its text (the first of that text): the run and its
    paragraph."""
    found: dict[str, tuple[object, object]] = {}
    for shape in drawn_shapes(Presentation(str(path)).slides[slide]):
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    found.setdefault(run.text, (run, paragraph))
    return found


def test_the_pptx_sets_the_styles_the_tags_ask_for(outdir: Path) -> None:
    _, laid_out, _ = load(FIXTURE)
    scale = laid_out.theme.box.small_scale
    runs = _runs(outdir / "html.pptx", 1)
    sub, _ = runs["2"]
    assert sub.font._rPr.get("baseline") == "-25000"  # type: ignore[attr-defined]
    water, _ = runs["Water is H"]
    small, _ = runs["Small print, read closer."]
    assert small.font.size == Emu(round(water.font.size * scale))  # type: ignore[attr-defined]
    assert runs["underlined"][0].font.underline  # type: ignore[attr-defined]
    assert (
        runs["marked"][0].font._rPr.find(  # type: ignore[attr-defined]
            "{http://schemas.openxmlformats.org/drawingml/2006/main}highlight"
        )
        is not None
    )
    assert runs["Ctrl"][0].font.name == laid_out.theme.fonts["code"].office  # type: ignore[attr-defined]
    centred = _runs(outdir / "html.pptx", 3)
    assert centred["words"][1].alignment == PP_ALIGN.CENTER  # type: ignore[attr-defined]


def test_the_img_is_a_picture_in_the_pptx_forty_percent_of_the_body(outdir: Path) -> None:
    _, laid_out, _ = load(FIXTURE)
    theme = laid_out.theme
    body = content_frame(theme, theme.page_width, theme.page_height)
    slide = Presentation(str(outdir / "html.pptx")).slides[2]
    [picture] = [shape for shape in drawn_shapes(slide) if shape.shape_type == 13]
    assert picture.width / body.w == pytest.approx(0.40, abs=0.01)
    centre = picture.left + picture.width / 2
    assert centre == pytest.approx(body.x + body.w / 2, abs=Emu(12700 * 2))


MEASURED = """() => {
  const slide = Reveal.getCurrentSlide();
  const style = (element) => getComputedStyle(element);
  const size = (element) => parseFloat(getComputedStyle(element).fontSize);
  const small = slide.querySelector('small');
  const sub = slide.querySelector('sub');
  const img = slide.querySelector('img');
  const centred = slide.querySelector('.aligned p');
  const body = slide.querySelector('.body');
  return {
    small: small ? size(small) / size(small.closest('p')) : null,
    sub: sub ? style(sub).verticalAlign : null,
    img: img ? img.getBoundingClientRect().width / body.getBoundingClientRect().width : null,
    centred: centred ? style(centred).textAlign : null,
  };
}"""


@pytest.mark.browser
def test_chromium_shows_the_styles_the_picture_and_the_alignment(outdir: Path) -> None:
    _, laid_out, _ = load(FIXTURE)
    with open_deck(outdir / "html.html") as (page, log):
        found = []
        for index in range(slide_count(page)):
            show_slide(page, index)
            assert text_outside_slide(page) == [], index
            found.append(page.evaluate(MEASURED))
        assert log.errors == [] and log.requests == []
    inline, picture, table = found[1:]
    assert inline["small"] == pytest.approx(laid_out.theme.box.small_scale, abs=0.01)
    assert inline["sub"] == "sub"
    assert picture["img"] == pytest.approx(0.40, abs=0.01)
    assert table["centred"] == "center"


@pytest.mark.office
def test_libreoffice_draws_the_pptx_as_the_file_says(outdir: Path, office_profile: Path) -> None:
    pdf = convert_to_pdf(outdir / "html.pptx", outdir, office_profile)
    assert render_problems(outdir / "html.pptx", pdf) == []
