"""Pictures, media and backgrounds in the .pptx, read back as PowerPoint would: parts, links, XML.

The fixture deck (``fixtures/pictures``) shows each construct once; the file must validate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide

from deckgen.build import BuildOptions, Format, build, load
from deckgen.geometry import content_frame
from ooxml import pptx_problems

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "pictures" / "pictures.md"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
}
R_EMBED = f"{{{NS['r']}}}embed"
R_LINK = f"{{{NS['r']}}}link"
R_ID = f"{{{NS['r']}}}id"


@pytest.fixture(scope="module")
def pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("pictures")
    result = build(FIXTURE, outdir, BuildOptions(formats=(Format.PPTX,)))
    assert result.diagnostics == ()
    return outdir / "pictures.pptx"


@pytest.fixture(scope="module")
def prs(pptx: Path) -> PresentationType:
    return Presentation(str(pptx))


def slide_titled(prs: PresentationType, title: str) -> Slide:
    for slide in prs.slides:
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text == title:
            return slide
    raise AssertionError(f"no slide titled {title!r}")


def xpath(node: Any, path: str) -> list[Any]:
    return list(etree.ElementBase.xpath(node, path, namespaces=NS))


def target(slide: Slide, rId: str) -> Any:
    return slide.part.rels[rId]


def test_the_file_is_valid_ooxml(pptx: Path) -> None:
    assert pptx_problems(pptx) == []


def test_a_width_of_thirty_percent_is_thirty_percent_of_the_content(prs: PresentationType) -> None:
    _, laid_out, _ = load(FIXTURE)
    theme = laid_out.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    slide = slide_titled(prs, "Thirty percent of the content width")
    [picture] = [shape for shape in slide.shapes if shape.shape_type == 13]  # PICTURE
    assert picture.width / frame.w == pytest.approx(0.30, abs=0.02)
    assert picture._element.nvPicPr.cNvPr.get("descr") == "A wide blue picture"


def test_an_svg_is_embedded_as_powerpoint_writes_it_with_a_png_beside(
    prs: PresentationType,
) -> None:
    slide = slide_titled(prs, "A linked SVG diagram")
    [blip] = xpath(slide.element, ".//p:pic/p:blipFill/a:blip")
    png = target(slide, blip.get(R_EMBED)).target_part
    [svg_blip] = xpath(blip, "./a:extLst/a:ext/asvg:svgBlip")
    svg = target(slide, svg_blip.get(R_EMBED)).target_part
    assert png.content_type == "image/png" and png.blob.startswith(b"\x89PNG")
    assert svg.content_type == "image/svg+xml" and b"<svg" in svg.blob
    ext = xpath(blip, "./a:extLst/a:ext")[0]
    assert ext.get("uri") == "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"


def test_a_link_around_a_picture_is_its_click_action(prs: PresentationType) -> None:
    slide = slide_titled(prs, "A linked SVG diagram")
    [link] = xpath(slide.element, ".//p:pic/p:nvPicPr/p:cNvPr/a:hlinkClick")
    relationship = target(slide, link.get(R_ID))
    assert (relationship.reltype, relationship.target_ref) == (
        RT.HYPERLINK,
        "https://example.org/diagram",
    )


def test_a_picture_powerpoint_cannot_read_is_converted_to_png(prs: PresentationType) -> None:
    slide = slide_titled(prs, "A row of pictures")
    blips = xpath(slide.element, ".//p:pic/p:blipFill/a:blip")
    types = [target(slide, blip.get(R_EMBED)).target_part.content_type for blip in blips]
    assert types == ["image/png", "image/png", "image/png"]  # the third was WebP


def media_pic(slide: Slide, kind: str) -> Any:
    [pic] = xpath(slide.element, f".//p:pic[p:nvPicPr/p:nvPr/a:{kind}File]")
    return pic


@pytest.mark.parametrize(
    ("kind", "reltype", "content_type"),
    [("video", RT.VIDEO, "video/mp4"), ("audio", RT.AUDIO, "audio/mpeg")],
)
def test_media_are_native_parts_with_a_poster_and_play_controls(
    prs: PresentationType, kind: str, reltype: str, content_type: str
) -> None:
    slide = slide_titled(prs, "A video and a sound")
    pic = media_pic(slide, kind)
    [file] = xpath(pic, f"./p:nvPicPr/p:nvPr/a:{kind}File")
    [media] = xpath(pic, "./p:nvPicPr/p:nvPr/p:extLst/p:ext/p14:media")
    linked, embedded = target(slide, file.get(R_LINK)), target(slide, media.get(R_EMBED))
    assert linked.reltype == reltype
    assert embedded.reltype == RT.MEDIA
    assert linked.target_part is embedded.target_part
    assert embedded.target_part.content_type == content_type
    [poster] = xpath(pic, "./p:blipFill/a:blip")
    assert target(slide, poster.get(R_EMBED)).target_part.content_type == "image/png"
    [action] = xpath(pic, "./p:nvPicPr/p:cNvPr/a:hlinkClick")
    assert action.get("action") == "ppaction://media"
    [shape_id] = xpath(pic, "./p:nvPicPr/p:cNvPr/@id")
    node = xpath(slide.element, f"./p:timing//p:{kind}/p:cMediaNode/p:tgtEl/p:spTgt")
    assert [n.get("spid") for n in node] == [shape_id]


def test_the_poster_written_is_the_poster_frame(prs: PresentationType) -> None:
    slide = slide_titled(prs, "A video and a sound")
    [poster] = xpath(media_pic(slide, "video"), "./p:blipFill/a:blip")
    expected = (FIXTURE.parent / "media" / "poster.png").read_bytes()
    assert target(slide, poster.get(R_EMBED)).target_part.blob == expected


def background_fill(slide: Slide) -> Any:
    [fill] = xpath(slide.element, "./p:cSld/p:bg/p:bgPr/*[1]")
    return fill


def test_a_background_picture_is_the_slides_picture_fill(prs: PresentationType) -> None:
    slide = slide_titled(prs, "Light text on a dark photo")
    fill = background_fill(slide)
    assert etree.QName(fill).localname == "blipFill"
    [blip] = xpath(fill, "./a:blip")
    part = target(slide, blip.get(R_EMBED)).target_part
    assert part.content_type == "image/jpeg"  # a photo stays a photo


def test_a_background_colour_is_the_slides_solid_fill(prs: PresentationType) -> None:
    fill = background_fill(slide_titled(prs, "A coloured slide"))
    assert etree.QName(fill).localname == "solidFill"
    assert xpath(fill, "./a:srgbClr/@val") == ["1D3557"]


def test_a_slide_that_only_sets_a_background_has_one(prs: PresentationType) -> None:
    bare = [slide for slide in prs.slides if slide.shapes.title is None]
    assert len(bare) == 1
    assert etree.QName(background_fill(bare[0])).localname == "blipFill"


def test_remote_media_is_a_link_with_a_warning(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("## Remote\n\n![A talk](https://example.org/talk.mp4)\n", encoding="utf-8")
    result = build(deck, tmp_path, BuildOptions(formats=(Format.PPTX,)))
    assert [d.group for d in result.diagnostics] == ["media-remote"]
    slide = Presentation(str(tmp_path / "deck.pptx")).slides[0]
    runs = [
        run
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
    ]
    linked = [run for run in runs if run.hyperlink.address]
    assert [(run.text, run.hyperlink.address) for run in linked] == [
        ("A talk", "https://example.org/talk.mp4")
    ]
    assert xpath(slide.element, ".//p:pic") == []
