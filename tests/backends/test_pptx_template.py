"""--template: building on a teacher's file, with templates the tests make themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.util import Inches

from deckgen.backends.pptx import PptxOptions
from deckgen.backends.pptx.template import LAYOUT_NAMES
from deckgen.build import BuildOptions, Format, build
from deckgen.cli import main
from deckgen.diagnostics import DeckError
from deckgen.themes import load_theme

FEATURES = Path(__file__).resolve().parents[1] / "fixtures" / "pptx" / "features.md"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def build_on(template: Path, outdir: Path) -> PresentationType:
    options = BuildOptions(formats=(Format.PPTX,), pptx=PptxOptions(template=template))
    build(FEATURES, outdir, options)
    return Presentation(str(outdir / "features.pptx"))


def reorder_and_rename(prs: PresentationType) -> None:
    """Reverse the layouts' order; rename those deckgen does not use, and vary the case of one."""
    master = prs.slide_masters[0]
    id_list = master.element.find(f"{P}sldLayoutIdLst")
    for entry in reversed(list(id_list)):
        id_list.append(entry)
    used = {name.casefold() for name in LAYOUT_NAMES.values()}
    for number, layout in enumerate(master.slide_layouts):
        if layout.name.casefold() not in used:
            layout.name = f"Eigenes Layout {number}"
        elif layout.name == "Title Only":
            layout.name = "title  only"


def set_theme_fonts(prs: PresentationType, heading: str, body: str) -> None:
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.find(f".//{A}majorFont/{A}latin").set("typeface", heading)
    root.find(f".//{A}minorFont/{A}latin").set("typeface", body)
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_layouts_are_found_by_name_whatever_their_order(tmp_path: Path) -> None:
    template = Presentation()
    reorder_and_rename(template)
    template.save(str(tmp_path / "reordered.pptx"))
    prs = build_on(tmp_path / "reordered.pptx", tmp_path / "out")
    assert [slide.slide_layout.name for slide in prs.slides] == [
        "Title Slide",
        "Blank",
        "Section Header",
        "Title and Content",
        "title  only",
        "Section Header",
        "title  only",
        "title  only",
        "title  only",
    ]
    assert prs.slides[0].shapes.title.text == "Feature tour"


def test_a_four_by_three_template_keeps_its_page_and_everything_stays_on_it(tmp_path: Path) -> None:
    Presentation().save(str(tmp_path / "four-three.pptx"))
    prs = build_on(tmp_path / "four-three.pptx", tmp_path / "out")
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (number, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (number, shape.name)


def test_a_missing_layout_is_named_in_one_clear_error(tmp_path: Path) -> None:
    template = Presentation()
    layouts = template.slide_masters[0].slide_layouts
    section_header = layouts.get_by_name("Section Header")
    assert section_header is not None
    layouts.remove(section_header)
    template.save(str(tmp_path / "no-sections.pptx"))
    with pytest.raises(DeckError, match="no slide layout named 'Section Header'"):
        build_on(tmp_path / "no-sections.pptx", tmp_path / "out")
    assert not (tmp_path / "out" / "features.pptx").exists()
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(FEATURES),
            "-o",
            str(tmp_path / "out"),
            "-f",
            "pptx",
            "--template",
            str(tmp_path / "no-sections.pptx"),
        ],
    )
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.endswith(
        "error: template has no slide layout named 'Section Header' (deckgen finds layouts by name)"
    )


def test_the_template_theme_fonts_and_colours_are_used(tmp_path: Path) -> None:
    template = Presentation()
    set_theme_fonts(template, "Georgia", "Arial")
    template.save(str(tmp_path / "school.pptx"))
    prs = build_on(tmp_path / "school.pptx", tmp_path / "out")
    slide = next(
        s
        for s in prs.slides
        if s.shapes.title is not None and s.shapes.title.text == "Lists and links"
    )
    title_run = slide.shapes.title.text_frame.paragraphs[0].runs[0]
    assert title_run.font.name == "Georgia"
    assert title_run.font.color.theme_color == MSO_THEME_COLOR.TEXT_1
    body_runs = [
        r
        for s in slide.placeholders
        if s.placeholder_format.idx == 1
        for p in s.text_frame.paragraphs
        for r in p.runs
    ]
    assert {r.font.name for r in body_runs if r.text == "bold"} == {"Arial"}
    code = next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Code"
    )
    code_run = (
        next(s for s in code.shapes if s.name.startswith("Code")).text_frame.paragraphs[0].runs[0]
    )
    assert code_run.font.name == load_theme("cinematic").fonts["code"].office
    # the template's own theme and backgrounds are left alone
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    assert etree.fromstring(part.blob).get("name") == "Office Theme"
    assert all(slide.element.find(f"{P}cSld/{P}bg") is None for slide in prs.slides)


def test_the_template_slides_are_replaced_by_the_deck(tmp_path: Path) -> None:
    template = Presentation()
    for _ in range(2):
        sample = template.slides.add_slide(template.slide_layouts[1])
        sample.shapes.title.text = "Institution sample slide"
    template.save(str(tmp_path / "with-slides.pptx"))
    prs = build_on(tmp_path / "with-slides.pptx", tmp_path / "out")
    assert len(prs.slides) == 9
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert "Institution sample slide" not in titles


@pytest.mark.unvalidated_pptx("a template that is not a .pptx at all")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "template file not found"),
        (b"not a zip", "cannot use as a template: not a .pptx file"),
    ],
)
def test_an_unusable_template_is_a_one_line_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "template.pptx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DeckError, match=message):
        build_on(path, tmp_path / "out")
