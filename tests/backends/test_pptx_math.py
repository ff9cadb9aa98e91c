"""Office Math in a .pptx: valid OOXML, reopened by python-pptx, and readable in LibreOffice.

The first deck is built here from python-pptx and mathxml's XML only, one slide per case: inline
math among runs, and display equations. The second is the math fixture deck, built by deckgen.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Pt

from deckgen.backends.pptx.mathxml import (
    OTHER_PREFIX,
    alternate_content_xml,
    display_math_paragraph_xml,
    fallback_display_paragraph_xml,
    fallback_run_xml,
    inline_math_xml,
)
from deckgen.backends.pptx.xmlshapes import text_box_xml
from deckgen.backends.pptx.xmltext import ParagraphFormat, RunStyle, paragraph_xml, run_xml
from deckgen.build import BuildOptions, Format
from deckgen.build import build as build_deck
from deckgen.geometry import Box
from deckgen.tex.formula import convert
from ooxml import pptx_problems

FIXTURE = Path(__file__).parents[1] / "fixtures" / "math" / "math.md"
FIXTURE_FORMULAS = 24  # 14 inline and 10 display in the fixture's slides; 2 more in its notes
NS = {
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}

STYLE = RunStyle(size=Pt(24), lang="en-US")
DISPLAY = [
    r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}",
    r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}",
    r"M = \begin{bmatrix} 1 & 0 & t_x \\ 0 & 1 & t_y \\ 0 & 0 & 1 \end{bmatrix}",
    r"|x| = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}",
    r"\begin{aligned} f(x) &= x^2 + 2x \\ &= x(x+2) \end{aligned}",
]
INLINE = [r"\alpha^2 + \hat{v}", r"\int_0^1 x\,dx = \tfrac{1}{2}"]


def build(path: Path) -> None:
    """Write the test deck: slide 1 mixes text and math; slide 2 holds one equation per shape."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(960), Pt(540)
    blank = deck.slide_layouts[6]
    fmt = ParagraphFormat()
    formulas = [convert(tex, False) for tex in INLINE]
    equation = convert(DISPLAY[0], True)
    box = Box(Pt(40), Pt(40), Pt(880), Pt(400))

    def mixed(math: bool) -> list[str]:
        pieces = [
            run_xml("Inline ", STYLE),
            inline_math_xml(formulas[0], STYLE) if math else fallback_run_xml(formulas[0], STYLE),
            run_xml(" and ", STYLE),
            inline_math_xml(formulas[1], STYLE) if math else fallback_run_xml(formulas[1], STYLE),
            run_xml(" in a sentence.", STYLE),
        ]
        display = (
            display_math_paragraph_xml(equation, fmt, STYLE)
            if math
            else fallback_display_paragraph_xml(equation, fmt, STYLE)
        )
        return [paragraph_xml(fmt, "".join(pieces), STYLE), display]

    slide = deck.slides.add_slide(blank)
    alternate = alternate_content_xml(
        text_box_xml(2, "Text and math", box, mixed(True)),
        text_box_xml(2, "Text and math", box, mixed(False)),
    )
    slide.shapes._spTree.append(parse_xml(_declared(alternate)))

    slide = deck.slides.add_slide(blank)
    for index, tex in enumerate(DISPLAY):
        formula = convert(tex, True)
        shape_box = Box(Pt(40), Pt(20 + 100 * index), Pt(880), Pt(90))
        alternate = alternate_content_xml(
            text_box_xml(index + 2, "Equation", shape_box, [
                display_math_paragraph_xml(formula, fmt, STYLE)
            ]),
            text_box_xml(index + 2, "Equation", shape_box, [
                fallback_display_paragraph_xml(formula, fmt, STYLE)
            ]),
        )  # fmt: skip
        slide.shapes._spTree.append(parse_xml(_declared(alternate)))
    deck.save(str(path))


def _declared(xml: str) -> str:
    """Return ``xml`` with the a/p/r namespaces declared on its root (a fragment to parse)."""
    return xml.replace(
        "<mc:AlternateContent ", f"<mc:AlternateContent {nsdecls('a', 'p', 'r')} ", 1
    )


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("math") / "math.pptx"
    build(path)
    return path


def test_every_formula_is_office_math(deck: Path) -> None:
    reopened = Presentation(str(deck))
    slides = [etree.fromstring(etree.tostring(slide.element)) for slide in reopened.slides]
    ns = {"m": "http://schemas.openxmlformats.org/officeDocument/2006/math"}
    counts = [len(slide.xpath(".//m:oMath", namespaces=ns)) for slide in slides]
    assert counts == [len(INLINE) + 1, len(DISPLAY)]
    paras = [len(slide.xpath(".//m:oMathPara", namespaces=ns)) for slide in slides]
    assert paras == [1, len(DISPLAY)]


def test_the_deck_is_valid_ooxml(deck: Path) -> None:
    assert pptx_problems(deck) == []



@pytest.mark.office
def test_libreoffice_shows_every_formula_readably(
    deck: Path, tmp_path: Path, office_profile: Path
) -> None:
    from e2e.office import convert_to_pdf

    pdf = convert_to_pdf(deck, tmp_path, office_profile)
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    first = " ".join(pages[0].split())
    for tex in INLINE:  # inline math: LibreOffice shows the linear fallback, not nothing
        assert convert(tex, False).linear in first
    assert "Inline" in first and "in a sentence." in first
    assert "2a" in first
    second = " ".join(pages[1].split())
    for tex in DISPLAY:
        assert convert(tex, True).linear in second


@pytest.fixture(scope="module")
def fixture_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("fixture")
    build_deck(FIXTURE, outdir, BuildOptions(formats=(Format.PPTX,)))
    return outdir / "math.pptx"


def _parts(path: Path, prefix: str) -> list[etree._Element]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith(prefix) and n.endswith(".xml"))
        return [etree.fromstring(archive.read(name)) for name in names]


def test_the_fixture_deck_holds_office_math_for_every_formula(fixture_pptx: Path) -> None:
    slides = _parts(fixture_pptx, "ppt/slides/slide")
    formulas = sum(len(slide.xpath(".//m:oMath", namespaces=NS)) for slide in slides)
    assert formulas == FIXTURE_FORMULAS


def test_each_shape_with_math_has_its_linear_fallback_under_the_same_id(fixture_pptx: Path) -> None:
    for slide in _parts(fixture_pptx, "ppt/slides/slide"):
        for alternate in slide.xpath("./p:cSld/p:spTree/mc:AlternateContent", namespaces=NS):
            [choice] = alternate.xpath("mc:Choice", namespaces=NS)
            assert choice.get("Requires") == OTHER_PREFIX
            [fallback] = alternate.xpath("mc:Fallback", namespaces=NS)
            ids = [
                branch.xpath("./*/*/p:cNvPr/@id", namespaces=NS) for branch in (choice, fallback)
            ]
            assert ids[0] == ids[1] and len(ids[0]) == 1
            assert choice.xpath(".//m:oMath", namespaces=NS)
            assert not fallback.xpath(".//m:oMath", namespaces=NS)
        outside = slide.xpath(".//m:oMath[not(ancestor::mc:Choice)]", namespaces=NS)
        assert outside == []


def test_the_fixture_deck_is_valid_ooxml(fixture_pptx: Path) -> None:
    assert pptx_problems(fixture_pptx) == []


def test_notes_pages_keep_math_as_linear_text(fixture_pptx: Path) -> None:
    notes = _parts(fixture_pptx, "ppt/notesSlides/notesSlide")
    text = "".join(t for page in notes for t in page.xpath(".//a:t/text()", namespaces=NS))
    assert "E = mc²" in text and "∫₀¹ xdx" in text
    assert not any(page.xpath(".//m:oMath", namespaces=NS) for page in notes)
