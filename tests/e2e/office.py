"""Read a .pptx as LibreOffice renders it: convert to PDF, then compare words with shapes.

Shared by the end-to-end tests of the .pptx backend (as ``browser.py`` is for the HTML deck).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide

from textnorm import BULLETS, normalize_lines

XHTML = "{http://www.w3.org/1999/xhtml}"
EMU_PER_PT = 12_700
BOX_TOLERANCE = 2.0  # points a word's centre may stray outside its shape's box
HTML_SECTION = re.compile(r'<section id="[^"]*" data-layout=')
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pptx"


# -- LibreOffice and pdftotext ------------------------------------------------------------------


def convert_to_pdf(pptx: Path, outdir: Path, profile: Path) -> Path:
    """Return the PDF LibreOffice renders of ``pptx`` (a private profile, so runs never clash)."""
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = outdir / f"{pptx.stem}.pdf"
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {pptx.name}"
    return pdf


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def core(self) -> tuple[float, float, float, float]:
        """Return the glyphs' core: pdftotext boxes span the font's whole ascent and descent."""
        height = self.y1 - self.y0
        return self.x0 + 0.5, self.y0 + 0.3 * height, self.x1 - 0.5, self.y1 - 0.3 * height


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


def rendered_pages(pdf: Path) -> list[Page]:
    """Return each page's size and words, in points from the top-left corner."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in ET.fromstring(xml).iter(f"{XHTML}page"):
        words = tuple(
            Word(w.text or "", *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter(f"{XHTML}word")
        )
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# -- what the file says ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TextShape:
    name: str
    text: str
    box: tuple[float, float, float, float]

    def holds(self, word: Word) -> bool:
        x, y = word.centre
        x0, y0, x1, y1 = self.box
        slack = BOX_TOLERANCE
        return x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack


def shape_text(shape) -> str:  # type: ignore[no-untyped-def]
    """Return the text a shape shows: its text frame's, or its table cells' (row by row)."""
    if shape.has_text_frame:
        return shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        return "\n".join(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
    return ""


def drawn_shapes(slide: Slide) -> list[BaseShape]:
    """Return the shapes of ``slide``, with each shape in ``mc:AlternateContent`` (a shape with
    math) by its Fallback, which LibreOffice draws; python-pptx lists neither form."""
    fallbacks = etree.ElementBase.xpath(
        slide.shapes._spTree, "./mc:AlternateContent/mc:Fallback/*", namespaces={"mc": MC}
    )
    return [*slide.shapes, *(SlideShapeFactory(element, slide.shapes) for element in fallbacks)]


def text_shapes(slide: Slide, number: int) -> list[TextShape]:
    """Return the shapes of ``slide`` that show text (the slide number shows ``number``)."""
    shapes = []
    for shape in drawn_shapes(slide):
        text = str(number) if shape.name == "Slide Number" else shape_text(shape)
        if text.strip():
            box = tuple(
                v / EMU_PER_PT
                for v in (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
            )
            shapes.append(TextShape(shape.name, text, box))  # type: ignore[arg-type]
    return shapes


def slide_lines(slide: Slide) -> list[str]:
    """Return the slide's text as the golden test reads it: shapes by (top, left), normalized."""
    lines: list[str] = []
    for shape in sorted(drawn_shapes(slide), key=lambda s: (s.top, s.left)):
        lines += normalize_lines(shape_text(shape))
    return lines


def comparable(text: str) -> str:
    """Return ``text`` folded (NFKC, case: small capitals are drawn as capitals), without white
    space, bullets and variation selectors."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(
        c for c in folded if not c.isspace() and c not in BULLETS and not 0xFE00 <= ord(c) <= 0xFE0F
    )


def _overlap(a: Word, b: Word) -> bool:
    ax0, ay0, ax1, ay1 = a.core()
    bx0, by0, bx1, by1 = b.core()
    return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1


def _marks_only(text: str) -> bool:
    """Return whether ``text`` is combining marks alone (no base character of its own)."""
    return bool(text) and all(unicodedata.category(c) in ("Mn", "Me") for c in text)


def _owner(word: Word, shapes: list[TextShape]) -> TextShape | None:
    holders = [s for s in shapes if s.holds(word)]
    if len(holders) > 1:
        holders = [s for s in holders if comparable(word.text) in comparable(s.text)] or holders
    return holders[0] if holders else None


def render_problems(pptx: Path, pdf: Path) -> list[str]:
    """Return what is wrong with the rendered pages: count, text, clipping and collisions."""
    slides = list(Presentation(str(pptx)).slides)
    pages = rendered_pages(pdf)
    problems = []
    if len(pages) != len(slides):
        problems.append(f"{len(pages)} pages rendered for {len(slides)} slides")
    # a list number: 1. a) (iv), or as a right-to-left line shows it (pdftotext: ")a")
    numbered = re.compile(r"^\(?(\d+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]\)?$")
    for number, (slide, page) in enumerate(zip(slides, pages, strict=False), start=1):
        shapes = text_shapes(slide, number)
        autonumbered = slide.element.xpath(".//a:buAutoNum")
        words = [
            w
            for w in page.words
            if comparable(w.text)
            and not (autonumbered and (numbered.match(w.text) or numbered.match(w.text[::-1])))
        ]
        expected = Counter(comparable("".join(s.text for s in shapes)))
        shown = Counter(comparable("".join(w.text for w in words)))
        if expected != shown:
            problems.append(
                f"slide {number}: text differs from the file: missing "
                f"{''.join(sorted((expected - shown).elements()))!r}, "
                f"extra {''.join(sorted((shown - expected).elements()))!r}"
            )
        for word in words:
            if (
                word.x0 < -1
                or word.y0 < -1
                or word.x1 > page.width + 1
                or word.y1 > page.height + 1
            ):
                problems.append(f"slide {number}: {word.text!r} is off the slide")
            if _owner(word, shapes) is None:
                problems.append(f"slide {number}: {word.text!r} lies outside every text box")
        # Words never overlap on a good page (cores are well inside the line pitch), whichever
        # shapes they belong to: any overlap is text drawn over text. A "word" of combining
        # marks alone (pdftotext's reading of an Arabic shadda) sits on its letter by design.
        ordered = sorted((w for w in words if not _marks_only(w.text)), key=lambda w: w.y0)
        for i, word in enumerate(ordered):
            for other in ordered[i + 1 :]:
                if other.y0 > word.y1:
                    break
                if _overlap(word, other):
                    problems.append(f"slide {number}: {word.text!r} collides with {other.text!r}")
    return problems


# -- fixtures -------------------------------------------------------------------------------------
