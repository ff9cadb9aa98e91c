"""The .pptx backend, read back: placeholders, text, code, media, notes, sections."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Pt

from deckgen.build import BuildOptions, Format, build
from deckgen.cli import main
from deckgen.themes import load_theme

FEATURES = Path(__file__).resolve().parents[1] / "fixtures" / "pptx" / "features.md"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
HTML_SECTION = re.compile(r'<section id="[^"]*" data-layout=')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("features")
    result = build(FEATURES, outdir, BuildOptions(formats=(Format.HTML, Format.PPTX)))
    assert [d for d in result.diagnostics if "pptx" in d.message] == []
    return outdir


@pytest.fixture(scope="module")
def prs(built: Path) -> PresentationType:
    return Presentation(str(built / "features.pptx"))


def shapes_of(slide: Slide) -> list[Any]:
    """Return the slide's shapes, loosely typed (python-pptx types a shape by what it may be)."""
    return list(slide.shapes)


def title_of(slide: Slide) -> Any:
    return slide.shapes.title


def runs_of(slide: Slide) -> dict[str, Any]:
    """Return the slide's text runs by their text."""
    return {
        run.text: run
        for shape in shapes_of(slide)
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }


def slide_titled(prs: PresentationType, title: str) -> Slide:
    return next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title
    )


def shape_named(slide: Slide, prefix: str):  # type: ignore[no-untyped-def]
    return next(shape for shape in slide.shapes if shape.name.startswith(prefix))


def test_one_slide_per_html_slide_on_the_theme_page(built: Path, prs: PresentationType) -> None:
    html = (built / "features.html").read_text(encoding="utf-8")
    theme = load_theme("cinematic")
    assert len(prs.slides) == len(HTML_SECTION.findall(html)) == 9
    assert (prs.slide_width, prs.slide_height) == (theme.page_width, theme.page_height)


def test_titles_are_in_title_placeholders_on_layouts_found_by_name(prs: PresentationType) -> None:
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts == [
        "Title Slide",
        "Blank",
        "Section Header",
        "Title and Content",
        "Title Only",
        "Section Header",
        "Title Only",
        "Title Only",
        "Title Only",
    ]
    first = prs.slides[0].shapes.title
    assert first.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    assert first.text_frame.text == "Feature tour"
    section = prs.slides[2]
    assert section.shapes.title.text_frame.text == "Basics"
    subtitle = next(
        s for s in section.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.BODY
    )
    assert subtitle.text_frame.text == "The plain parts first."


def test_body_text_is_real_paragraphs_with_bullet_levels(prs: PresentationType) -> None:
    slide = slide_titled(prs, "Lists and links")
    body = next(s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    paragraphs = body.text_frame.paragraphs
    assert [(p.level, p.text) for p in paragraphs] == [
        (0, "Top level with bold, italic, code and struck text"),
        (1, "Second level under it"),
        (2, "Third level"),
        (0, "A link to the example site and one back to the tables"),
        (0, "First numbered"),
        (0, "Second numbered"),
    ]
    bullets = [p._p.find(f"{A}pPr/{A}buChar") for p in paragraphs]
    assert [b.get("char") if b is not None else None for b in bullets] == ["•"] * 4 + [None] * 2
    numbers = [p._p.find(f"{A}pPr/{A}buAutoNum") for p in paragraphs[4:]]
    assert [n.get("type") for n in numbers] == ["arabicPeriod"] * 2
    margins = [int(p._p.pPr.get("marL")) for p in paragraphs[:3]]
    assert margins[0] < margins[1] < margins[2]


def test_runs_keep_emphasis_code_and_strike(prs: PresentationType) -> None:
    theme = load_theme("cinematic")
    slide = slide_titled(prs, "Lists and links")
    runs = runs_of(slide)
    assert runs["bold"].font.bold and runs["italic"].font.italic
    assert runs["code"].font.name == theme.fonts["code"].office
    assert runs["struck"]._r.rPr.get("strike") == "sngStrike"
    assert runs["Top level with "].font.name == theme.fonts["body"].office
    assert (
        title_of(slide).text_frame.paragraphs[0].runs[0].font.name == theme.fonts["heading"].office
    )


def test_links_are_clickable_and_internal_links_jump_to_their_slide(prs: PresentationType) -> None:
    slide = slide_titled(prs, "Lists and links")
    runs = runs_of(slide)
    assert runs["the example site"].hyperlink.address == "https://example.org/docs"
    for text, target in (("back to the tables", "Tables and pictures"), ("basics", "Basics")):
        click = runs[text]._r.rPr.find(f"{A}hlinkClick")
        assert click.get("action") == "ppaction://hlinksldjump"
        rId = click.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        assert slide.part.rels[rId].reltype == RT.SLIDE
        assert slide.part.rels[rId].target_part is slide_titled(prs, target).part


def test_code_is_one_unbulleted_monospace_paragraph_per_line(prs: PresentationType) -> None:
    theme = load_theme("cinematic")
    slide = slide_titled(prs, "Code")
    console, program = (shape for shape in shapes_of(slide) if shape.name.startswith("Code"))
    lines = console.text_frame.paragraphs
    assert [p.text for p in lines] == ["$ ls -la", "total 0", '$ echo "done"', "done"]
    assert all(p._p.find(f"{A}pPr/{A}buNone") is not None for p in lines)
    prompt = lines[0].runs[0]
    assert prompt.text == "$ "
    assert str(prompt.font.color.rgb) == theme.code_tokens["gp"].color.lstrip("#").upper()
    assert str(lines[1].runs[0].font.color.rgb) != str(prompt.font.color.rgb)
    assert {run.font.name for p in lines for run in p.runs} == {theme.fonts["code"].office}
    texts = [p.text for p in program.text_frame.paragraphs]
    assert texts[1] == "    if name:"
    assert texts[2] == '        return f"Hello, {name}!"'
    assert texts[3] == "        return None"  # the tab, expanded to the next 8-column stop


def test_code_colours_come_from_the_theme_token_table(prs: PresentationType) -> None:
    theme = load_theme("cinematic")
    program = [s for s in shapes_of(slide_titled(prs, "Code")) if s.name.startswith("Code")][1]
    keyword = program.text_frame.paragraphs[0].runs[0]
    assert keyword.text == "def"
    assert str(keyword.font.color.rgb) == theme.code_tokens["k"].color.lstrip("#").upper()
    fill = program.fill.fore_color.rgb
    assert str(fill) == theme.colors["code_background"].lstrip("#").upper()


def test_tables_are_native_and_pictures_say_their_alt_text(prs: PresentationType) -> None:
    slide = slide_titled(prs, "Tables and pictures")
    table = shape_named(slide, "Table").table
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Tool", "Cost", "Notes"],
        ["Free", "$0", "limited"],
        ["Pro", "$20", "most people"],
    ]
    assert table.first_row
    assert table.cell(1, 1).text_frame.paragraphs[0].alignment == PP_ALIGN.RIGHT
    assert table.cell(0, 0).text_frame.paragraphs[0].runs[0].font.bold
    picture = shape_named(slide, "Picture")
    descr = picture._element.nvPicPr.cNvPr.get("descr")
    assert descr == "A bar chart of three bars"
    assert picture.image.content_type == "image/png"


def test_cards_columns_and_takeaways_are_editable_text(prs: PresentationType) -> None:
    cards = slide_titled(prs, "Cards")
    texts = [s.text_frame.text for s in shapes_of(cards) if s.name.startswith("Card")]
    assert texts == ["One card", "Two card", "Three card", "Four card"]
    tops = [s.top for s in cards.shapes if s.name.startswith("Card")]
    assert tops[0] == tops[1] == tops[2] < tops[3]
    assert shape_named(cards, "Takeaway").text_frame.text == "Cards end with a takeaway."
    columns = slide_titled(prs, "Columns and a quote")
    texts = [s.text_frame.text for s in shapes_of(columns) if s.name.startswith("Text")]
    assert texts == ["Left heading\nLeft side text.", "Right one\nRight two", "A quoted line."]


def test_speaker_notes_are_paragraphs_lists_and_code(prs: PresentationType) -> None:
    slide = slide_titled(prs, "Lists and links")
    frame = slide.notes_slide.notes_text_frame
    assert frame is not None
    assert [p.text for p in frame.paragraphs] == [
        "Speak to the list first.",
        "Point one",
        "Point one, deeper",
        "Point two",
        'print("in the notes")',
    ]
    assert [p.level for p in frame.paragraphs][1:4] == [0, 1, 0]
    assert not slide_titled(prs, "Code").has_notes_slide


def test_every_slide_has_a_slide_number_field_without_text(prs: PresentationType) -> None:
    for slide in prs.slides:
        number = shape_named(slide, "Slide Number")
        fields = number._element.findall(f".//{A}fld")
        assert [f.get("type") for f in fields] == ["slidenum"]
        assert number.text_frame.text == ""


def test_each_section_divider_starts_a_powerpoint_section(prs: PresentationType) -> None:
    sections = prs.part._element.findall(f".//{P14}section")
    slide_ids = [s.slide_id for s in prs.slides]
    grouped = [[int(i.get("id")) for i in s.iter(f"{P14}sldId")] for s in sections]
    assert [s.get("name") for s in sections] == ["Feature tour", "Basics", "Media"]
    assert grouped == [slide_ids[:2], slide_ids[2:5], slide_ids[5:]]


def test_text_sizes_are_explicit_and_never_below_the_minimum(prs: PresentationType) -> None:
    theme = load_theme("cinematic")
    sizes = []
    for slide in prs.slides:
        for run in slide.element.iter(f"{A}r"):
            size = run.find(f"{A}rPr").get("sz")
            assert size is not None, etree.tostring(run)
            sizes.append(Emu(int(size) * 127))
    nested = 0.9 * 0.9 * theme.min_sizes["body"]  # a third-level item, as the HTML nests them
    assert min(sizes) >= min(nested, theme.min_sizes["code"]) - Pt(0.5)


def test_no_autofit_is_left_to_the_viewer(prs: PresentationType) -> None:
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                body = shape.text_frame._txBody.bodyPr
                assert body.find(f"{A}noAutofit") is not None, shape.name


def test_the_office_theme_carries_the_deck_theme(prs: PresentationType) -> None:
    theme = load_theme("cinematic")
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    major = root.find(f".//{A}majorFont/{A}latin").get("typeface")
    minor = root.find(f".//{A}minorFont/{A}latin").get("typeface")
    assert (major, minor) == (theme.fonts["heading"].office, theme.fonts["body"].office)
    accent = root.find(f".//{A}clrScheme/{A}accent1/{A}srgbClr").get("val")
    assert accent == theme.colors["accent"].lstrip("#").upper()
    master_fill = prs.slide_masters[0].background.fill.fore_color.rgb
    assert str(master_fill) == theme.colors["background"].lstrip("#").upper()


def test_format_pptx_writes_only_the_pptx(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(FEATURES), "-o", str(tmp_path), "-f", "pptx"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["features.pptx"]
    assert (
        Presentation(str(tmp_path / "features.pptx")).slides[0].shapes.title.text == "Feature tour"
    )
