"""Paragraph specs: what each paragraph of a text frame says and how it is set, before any XML.

A ``ParagraphSpec`` carries model runs plus the size, colour role, spacing, indent and bullet the
stylesheet gives them; the layout stage measures the same spec the .pptx then writes, so what is
measured is what is drawn.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from deckgen.boxmodel import BoxModel
from deckgen.highlight import TokenStyle
from deckgen.layout.formulas import formula_width, pitch_with_math
from deckgen.layout.text import Face, Span, TextMeasure
from deckgen.model import CodeLine, Inline, Step
from deckgen.units import Emu

BULLET_CHAR = "\u2022"
NO_BREAK_SPACE = "\u00a0"


TASK_CHARS = {False: "\u2610", True: "\u2611"}  # a task list item: to do, done


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list marker hanging ``hang`` left of its paragraph's text: a glyph, or a start number
    counted in ``numbering`` (a CSS list-style-type) and written with ``delimiter`` (``.``,
    ``)`` or ``()``)."""

    hang: Emu
    char: str | None = BULLET_CHAR
    start: int | None = None
    numbering: str = "decimal"
    delimiter: str = "."


@dataclass(frozen=True, slots=True)
class ParagraphSpec:
    """One paragraph: runs, font role, size, colour role, exact line pitch and spacing above.

    ``margin`` is where the text lines start (bullets hang left of it); ``level`` is the outline
    level (0 = top) a list item sits at. ``reveals`` are the steps it waits for, outermost first
    (none: shown from the start).
    """

    runs: Inline
    size: Emu
    line: Emu
    font: str = "body"
    colour: str = "text"
    before: Emu = Emu(0)
    bold: bool = False
    italic: bool = False
    margin: Emu = Emu(0)
    level: int = 0
    bullet: Bullet | None = None
    align: str = "l"
    reveals: tuple[Step, ...] = ()

    @property
    def pitch(self) -> Emu:
        """Return the pitch its lines are set at: ``line``, or more for tall inline math."""
        if not any(run.math for run in self.runs):
            return self.line
        return pitch_with_math(self.runs, self.size, self.line)


@dataclass(frozen=True, slots=True)
class TextRole:
    """How body text of one kind is set: size, colour role, line-height ratio, italics."""

    size: Emu
    line_height: float
    colour: str = "text"
    italic: bool = False

    def paragraph(self, runs: Inline, **changes: object) -> ParagraphSpec:
        """Return ``runs`` as a paragraph set in this role (``changes`` override fields)."""
        spec = ParagraphSpec(
            runs,
            self.size,
            line_pitch(self.size, self.line_height),
            colour=self.colour,
            italic=self.italic,
        )
        return replace(spec, **changes) if changes else spec  # type: ignore[arg-type]


def line_pitch(size: int, ratio: float) -> Emu:
    """Return the exact line pitch for ``size`` at line-height ``ratio``."""
    return Emu(round(size * ratio))


def paragraph_spans(spec: ParagraphSpec, box: BoxModel) -> Iterator[Span]:
    """Return the measurable spans of ``spec``: inline code in the code font, a little smaller.

    A link is measured as one unbreakable word: LibreOffice draws a .pptx hyperlink as a field
    it never breaks across lines (browsers and PowerPoint may; measuring so, all three fit).
    """
    for run in spec.runs:
        if run.raw:  # HTML source for the HTML deck (--allow-html): not text on the slide
            continue
        face = Face(
            "code" if run.code else spec.font, spec.bold or run.bold, spec.italic or run.italic
        )
        size = Emu(round(spec.size * box.inline_code_scale)) if run.code else spec.size
        if run.small:
            size = Emu(round(size * box.small_scale))
        width = formula_width(run, size) if run.math is not None else None
        text = run.text.upper() if run.smallcaps else run.text
        if run.link:
            text = text.replace(" ", NO_BREAK_SPACE)
        yield Span(text, face, size, width, whole=bool(run.link))


class Typesetter:
    """Measures paragraph specs with one text measure and box model."""

    def __init__(self, measure: TextMeasure, box: BoxModel) -> None:
        self.measure = measure
        self.box = box

    def lines(self, spec: ParagraphSpec, width: int) -> int:
        """Return how many lines ``spec`` takes in a box ``width`` wide."""
        return self.measure.line_count(paragraph_spans(spec, self.box), width - spec.margin)

    def height(self, specs: Sequence[ParagraphSpec], width: int) -> Emu:
        """Return the height of ``specs`` set in a box ``width`` wide."""
        return self.set(specs, width)[0]

    def set(self, specs: Sequence[ParagraphSpec], width: int) -> tuple[Emu, bool]:
        """Return the height of ``specs`` in a box ``width`` wide, and whether a word broke."""
        height, broke = 0, False
        for spec in specs:
            lines, split = self.measure.wrap(paragraph_spans(spec, self.box), width - spec.margin)
            height += spec.before + lines * spec.pitch
            broke = broke or split
        return Emu(height), broke

    def width(self, specs: Sequence[ParagraphSpec], safety: bool = True) -> Emu:
        """Return the width ``specs`` need to stand unwrapped (``safety``: with the wrap margin)."""
        return Emu(
            max(
                (
                    spec.margin + self.measure.longest_line(paragraph_spans(spec, self.box), safety)
                    for spec in specs
                ),
                default=0,
            )
        )

    def narrowest(self, specs: Sequence[ParagraphSpec]) -> Emu:
        """Return the narrowest width ``specs`` fit in without a word breaking inside itself."""
        return Emu(
            max(
                (
                    spec.margin + self.measure.longest_word(paragraph_spans(spec, self.box))
                    for spec in specs
                ),
                default=0,
            )
        )


def code_spans(
    line: CodeLine, size: Emu, tokens: Mapping[str, TokenStyle] | None = None
) -> list[Span]:
    """Return the measurable spans of one code line (token styles decide bold and italic)."""
    spans = []
    for span in line:
        style = (tokens or {}).get(span.token) or TokenStyle()
        spans.append(Span(span.text, Face("code", style.bold, style.italic), size))
    return spans
