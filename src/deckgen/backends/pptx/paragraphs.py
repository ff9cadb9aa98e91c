"""Slide text as paragraph specs: what each paragraph says and how it is set, before any XML.

A ``Para`` carries model runs plus the size, colour role, spacing, indent and bullet the HTML
stylesheet would give them; the same spec is measured (to size boxes) and then written (text.py),
so what is measured is what is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from deckgen.geometry import BOX_MODEL, em
from deckgen.highlight import TokenStyle
from deckgen.measure import Face, Span, TextMeasure
from deckgen.model import Block, BulletList, CodeLine, Heading, Inline, Paragraph
from deckgen.units import Emu

BULLET_CHAR = "\u2022"


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list marker hanging ``hang`` left of its paragraph's text: a glyph, or a start number."""

    hang: Emu
    char: str | None = BULLET_CHAR
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph: runs, font role, size, colour role, exact line pitch and spacing above.

    ``margin`` is where the text lines start (bullets hang left of it); ``level`` is the outline
    level (0 = top) a list item sits at.
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


@dataclass(frozen=True, slots=True)
class TextRole:
    """How body text of one kind is set: size, colour role, line-height ratio, italics."""

    size: Emu
    line_height: float
    colour: str = "text"
    italic: bool = False


TEXT_BLOCKS = (Paragraph, Heading, BulletList)


def is_text_block(block: Block) -> bool:
    """Return True for blocks written as paragraphs in a text frame."""
    return isinstance(block, TEXT_BLOCKS)


def line_pitch(size: int, ratio: float) -> Emu:
    """Return the exact line pitch for ``size`` at line-height ``ratio``."""
    return Emu(round(size * ratio))


def _list_paras(
    block: BulletList, role: TextRole, margin: int, level: int, gap: int
) -> Iterator[Para]:
    size = role.size if level == 0 else em(role.size, BOX_MODEL.nested_list_scale**level)
    indent = em(size, BOX_MODEL.list_indent)
    hang = Emu(indent - em(size, BOX_MODEL.bullet_offset))
    for number, item in enumerate(block.items):
        bullet = Bullet(hang, None, block.start) if block.ordered else Bullet(hang)
        yield Para(
            item.runs,
            size=size,
            line=line_pitch(size, role.line_height),
            colour=role.colour,
            italic=role.italic,
            before=Emu(gap // 2) if number or level else Emu(0),
            margin=Emu(margin + indent),
            level=level,
            bullet=bullet,
        )
        if item.sublist is not None:
            yield from _list_paras(item.sublist, role, margin + indent, level + 1, gap)


def block_paras(blocks: Sequence[Block], role: TextRole, gap: int) -> list[Para]:
    """Return the paragraphs of consecutive text blocks, ``gap`` apart as in the HTML body."""
    paras: list[Para] = []
    for block in blocks:
        first = len(paras)
        if isinstance(block, Paragraph):
            paras.append(
                Para(
                    block.runs,
                    role.size,
                    line_pitch(role.size, role.line_height),
                    colour=role.colour,
                    italic=role.italic,
                )
            )
        elif isinstance(block, Heading):
            size = em(role.size, BOX_MODEL.body_heading_scale)
            paras.append(
                Para(
                    block.runs,
                    size,
                    line_pitch(size, BOX_MODEL.heading_line_height),
                    font="heading",
                    colour="title",
                    bold=True,
                    italic=role.italic,
                )
            )
        elif isinstance(block, BulletList):
            paras.extend(_list_paras(block, role, 0, 0, gap))
        if first and len(paras) > first:
            paras[first] = replace(paras[first], before=Emu(gap))
    return paras


def para_spans(para: Para) -> Iterator[Span]:
    """Return the measurable spans of ``para``: inline code in the code font, a little smaller."""
    for run in para.runs:
        face = Face(
            "code" if run.code else para.font, para.bold or run.bold, para.italic or run.italic
        )
        size = em(para.size, BOX_MODEL.inline_code_scale) if run.code else para.size
        yield Span(run.text, face, size)


def para_lines(para: Para, width: int, measure: TextMeasure) -> int:
    """Return how many lines ``para`` takes in a box ``width`` wide."""
    return measure.line_count(para_spans(para), width - para.margin)


def paras_height(paras: Sequence[Para], width: int, measure: TextMeasure) -> Emu:
    """Return the height of ``paras`` set in a box ``width`` wide."""
    return Emu(sum(para.before + para_lines(para, width, measure) * para.line for para in paras))


def paras_width(paras: Sequence[Para], measure: TextMeasure, safety: bool = True) -> Emu:
    """Return the width ``paras`` need to stand unwrapped (``safety``: with the wrap margin)."""
    return Emu(
        max(
            (para.margin + measure.longest_line(para_spans(para), safety) for para in paras),
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
