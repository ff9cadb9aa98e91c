"""Paragraph specs -> DrawingML paragraphs and runs: real, editable text with explicit sizes.

Every paragraph gets its alignment, exact line pitch, spacing, indent and bullet written out, so
nothing is inherited by accident from a placeholder or master; every run gets its size, typeface
and colour. Links become clickable: URLs as hyperlinks, ``#id`` as jumps to that slide.

Formulas are Office Math (``mathxml.py``): inline among the runs, a display equation as its own
paragraph. A writer with ``office_math`` off writes each formula as its linear text instead: the
readable fallback of a shape with math, and the text of notes pages.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import replace

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part

from deckgen.backends.pptx.look import Look
from deckgen.backends.pptx.mathxml import (
    display_math_paragraph_xml,
    fallback_display_paragraph_xml,
    fallback_run_xml,
    inline_math_xml,
)
from deckgen.backends.pptx.xmltext import (
    LINE_BREAK,
    Bullet,
    ParagraphFormat,
    RunStyle,
    hyperlink_xml,
    paragraph_xml,
    run_xml,
)
from deckgen.fontstack import RunFonts
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.model import Inline, Run
from deckgen.tex.formula import Formula

SlideParts = Callable[[str], Part | None]
SUPERSCRIPT, SUBSCRIPT = 30000, -25000  # run baselines, as PowerPoint's buttons set them
MIRRORED = {"l": "r", "r": "l"}  # a right-to-left paragraph's alignment
# a list's numbering (CSS list-style-type) and delimiter -> DrawingML's autonumber scheme
NUMBERING = {
    "decimal": "arabic",
    "lower-alpha": "alphaLc",
    "upper-alpha": "alphaUc",
    "lower-roman": "romanLc",
    "upper-roman": "romanUc",
}
DELIMITERS = {".": "Period", ")": "ParenR", "()": "ParenBoth"}


def autonumber_scheme(numbering: str, delimiter: str) -> str:
    """Return the DrawingML autonumber scheme for a list's numbering and delimiter."""
    return NUMBERING.get(numbering, "arabic") + DELIMITERS.get(delimiter, "Period")


def display_formula(runs: Inline) -> Formula | None:
    """Return the formula of a paragraph that is one display formula, else None."""
    if len(runs) == 1 and isinstance(runs[0].math, Formula) and runs[0].math.display:
        return runs[0].math
    return None


def has_formula(paras: Sequence[ParagraphSpec]) -> bool:
    """Return whether any of ``paras`` holds a typeset formula."""
    return any(isinstance(run.math, Formula) for para in paras for run in para.runs)


def internal_target(link: str) -> str | None:
    """Return the slide id an internal link (``#id`` or ``#/id``) points to, or None for a URL."""
    if not link.startswith("#"):
        return None
    return link[1:].removeprefix("/")


class TextWriter:
    """Writes paragraph specs into text frames of one slide (or notes page) part.

    ``plain`` writes only what the text is (emphasis, code font, links, list bullets) and lets
    sizes and colours come from the placeholder, as notes pages expect.

    ``fonts`` cuts runs where the font drawing them changes (a character the role's font lacks
    is drawn in the theme's fallback font for its script): each piece names its font as its
    Latin, East Asian and complex-script typeface alike, so PowerPoint and LibreOffice draw
    every character in the font the layout stage measured, whichever script they class it
    in. ``rtl`` writes right-to-left paragraphs.
    """

    def __init__(
        self,
        look: Look,
        lang: str,
        part: Part,
        slide_parts: SlideParts,
        plain: bool = False,
        inline_code_scale: float = 1.0,
        office_math: bool = True,
        small_scale: float = 1.0,
        fonts: RunFonts | None = None,
        rtl: bool = False,
    ) -> None:
        self.look = look
        self.office_math = office_math and not plain
        self.code_scale = inline_code_scale
        self.small_scale = small_scale
        self.lang = lang
        self.part = part
        self.slide_parts = slide_parts
        self.plain = plain
        self.fonts = fonts
        self.rtl = rtl

    def fallback(self) -> TextWriter:
        """Return a writer like this one that writes formulas as their linear text."""
        writer = copy.copy(self)
        writer.office_math = False
        return writer

    def xml(self, paras: Sequence[ParagraphSpec]) -> list[str]:
        """Return ``paras`` as ``a:p`` elements."""
        return [self.spec_xml(para) for para in paras]

    def spec_xml(self, para: ParagraphSpec) -> str:
        """Return ``para`` as an ``a:p`` element."""
        bullet = None
        if para.bullet is not None:
            # as the HTML: bullets in the accent colour, list numbers in the text's
            marker = self.look.colour("accent" if para.bullet.char else para.colour)
            bullet = Bullet(
                marker,
                self.look.typeface(para.font),
                para.bullet.char,
                para.bullet.start or 1,
                autonumber_scheme(para.bullet.numbering, para.bullet.delimiter),
            )
        hang = -para.bullet.hang if para.bullet is not None else 0
        if self.plain:
            fmt = ParagraphFormat(
                level=min(para.level, 8),
                align=None,
                bullet=bullet,
                margin=para.margin if bullet else None,
                indent=hang if bullet else None,
                rtl=self.rtl,
            )
            end = RunStyle()
        else:
            level, pitch = min(para.level, 8), para.pitch
            align = MIRRORED.get(para.align, para.align) if self.rtl else para.align
            fmt = ParagraphFormat(
                level, align, pitch, para.before, 0, para.margin, hang, bullet, self.rtl
            )
            end = RunStyle(size=para.size, typeface=self.look.typeface(para.font))
            equation = display_formula(para.runs)
            if equation is not None:  # its own paragraph, as tall as the formula draws
                style = self._style(para.runs[0], para, linked=False)
                fmt = replace(fmt, line=None)
                if self.office_math:
                    return display_math_paragraph_xml(equation, fmt, style)
                return fallback_display_paragraph_xml(equation, fmt, style)
        pieces = [self._segments(run, para) for run in para.runs]
        mixed = any(family for segments in pieces for _, family in segments)
        if mixed:
            fmt = replace(fmt, unhung=True)
        content = "".join(
            self.run(run, para, segments, mixed)
            for run, segments in zip(para.runs, pieces, strict=True)
        )
        return paragraph_xml(fmt, content, end)

    def _segments(self, run: Run, para: ParagraphSpec) -> list[tuple[str, str | None]]:
        """Return ``run``'s text cut where the font drawing it changes (None: the role's own)."""
        if self.fonts is None or run.math is not None:
            return [(run.text, None)]
        role = "code" if run.code else para.font
        return self.fonts.segments(run.text, role, run.bold or para.bold, run.italic or para.italic)

    def run(
        self,
        run: Run,
        para: ParagraphSpec,
        segments: list[tuple[str, str | None]] | None = None,
        mixed: bool = False,
    ) -> str:
        """Return ``run`` as runs, its line breaks as DrawingML breaks: a run per font drawing
        it; in a paragraph ``mixed`` with other fonts, each names its font for every script
        (raw HTML, which ``--allow-html`` keeps for the HTML deck, as nothing)."""
        if run.raw:
            return ""
        link = self._link(run.link) if run.link else ""
        style = self._style(run, para, linked=bool(link))
        if isinstance(run.math, Formula) and not self.plain:
            if self.office_math:
                return inline_math_xml(run.math, style)
            return fallback_run_xml(run.math, style)
        parts = []
        for text, family in segments if segments is not None else [(run.text, None)]:
            typeface = family or style.typeface
            own = replace(style, typeface=typeface)
            if mixed:
                own = replace(own, east_asian=typeface, complex_script=typeface)
            parts.append(
                LINE_BREAK.join(
                    run_xml(line, own, link) if line else "" for line in text.split("\n")
                )
            )
        return "".join(parts)

    def _style(self, run: Run, para: ParagraphSpec, linked: bool) -> RunStyle:
        code_font = self.look.typeface("code") if run.code else None
        baseline = SUPERSCRIPT if run.sup else SUBSCRIPT if run.sub else 0
        if self.plain:
            return RunStyle(
                typeface=code_font,
                bold=run.bold or para.bold,
                italic=run.italic or para.italic,
                strike=run.strike,
                underline=linked or run.underline,
                lang=self.lang,
                smallcaps=run.smallcaps,
                baseline=baseline,
            )
        size = (
            para.size
            * (self.code_scale if run.code else 1)
            * (self.small_scale if run.small else 1)
        )
        return RunStyle(
            size=round(size),
            typeface=code_font or self.look.typeface(para.font),
            colour=self.look.colour("link" if linked else para.colour),
            bold=run.bold or para.bold,
            italic=run.italic or para.italic,
            strike=run.strike,
            underline=linked or run.underline,
            caps_off=True,
            lang=self.lang,
            smallcaps=run.smallcaps,
            baseline=baseline,
            highlight=self.look.colour("mark") if run.mark else None,
        )

    def _link(self, link: str) -> str:
        """Return the ``a:hlinkClick`` for ``link``, related from this part ("": goes nowhere)."""
        slide_id = internal_target(link)
        if slide_id is None:
            rId = self.part.relate_to(link, RT.HYPERLINK, is_external=True)
            return hyperlink_xml(rId, run_colour=not self.plain)
        target = self.slide_parts(slide_id)
        if target is None:
            return ""
        return hyperlink_xml(
            self.part.relate_to(target, RT.SLIDE), slide_jump=True, run_colour=not self.plain
        )
