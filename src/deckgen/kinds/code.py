"""Code blocks: highlighted lines in a padded box; a slide may split between statements.

Lines are shown as written: tabs expanded to the next stop, numbered when the source asks
(``{.numberLines}``), the same in both formats (``shown_lines``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from deckgen.geometry import Box
from deckgen.kinds.record import Kind, lines_as_notes, register
from deckgen.layout.flow import FlowContext
from deckgen.layout.paragraphs import code_spans, line_pitch
from deckgen.layout.pieces import CodePiece, Stacked
from deckgen.model import CodeBlock, CodeLine, CodeSpan, Inline, Run
from deckgen.units import Emu

TAB_WIDTH = 8  # columns, as browsers show a tab in <pre> (and the .pptx writes it)
LINE_NUMBER_TOKEN = "c"  # line numbers take the comment colour


def expand_tabs(line: CodeLine) -> CodeLine:
    """Return ``line`` with tabs turned into spaces up to the next tab stop."""
    if not any("\t" in span.text for span in line):
        return line
    column, spans = 0, []
    for span in line:
        text = ""
        for char in span.text:
            if char == "\t":
                pad = TAB_WIDTH - column % TAB_WIDTH
                text, column = text + " " * pad, column + pad
            else:
                text, column = text + char, column + 1
        spans.append(CodeSpan(text, span.token))
    return tuple(spans)


def line_number(block: CodeBlock, index: int) -> str:
    """Return the number shown before line ``index`` of ``block``: "" unless it is numbered."""
    if not block.number_lines:
        return ""
    digits = len(str(block.first_line_number + len(block.lines) - 1))
    return str(block.first_line_number + index).rjust(digits) + " "


def shown_lines(block: CodeBlock) -> tuple[CodeLine, ...]:
    """Return each line of ``block`` as both formats show it: numbered, tabs expanded."""
    lines = []
    for index, line in enumerate(block.lines):
        spans = expand_tabs(line)
        number = line_number(block, index)
        lines.append((CodeSpan(number, LINE_NUMBER_TOKEN), *spans) if number else spans)
    return tuple(lines)


def _lay(block: CodeBlock, width: int, height: int, ctx: FlowContext) -> Stacked:
    box, size = ctx.box, ctx.sizes.code
    pad_x, pad_y = Emu(round(size * box.code_padding_x)), Emu(round(size * box.code_padding_y))
    line = line_pitch(size, ctx.line_height("code"))
    tokens, inner = ctx.theme.code_tokens, width - 2 * pad_x
    lines = shown_lines(block)
    rows, squeezed = 0, False
    for shown in lines:
        count, broke = ctx.typesetter.measure.wrap(code_spans(shown, size, tokens), inner)
        rows += count
        squeezed = squeezed or broke or count > 1
    total = Emu(max(rows, 1) * line + 2 * pad_y)
    piece = CodePiece(Box(Emu(0), Emu(0), Emu(width), total), lines, size, line, pad_x, pad_y)
    return Stacked((piece,), total, squeezed)


def code_lines(block: CodeBlock, start: int, end: int) -> CodeBlock:
    """Return lines ``start`` to ``end`` of ``block`` as a code block of their own."""
    return replace(
        block,
        text="\n".join(block.text.split("\n")[start:end]),
        lines=block.lines[start:end],
        first_line_number=block.first_line_number + start,
    )


def _trimmed(block: CodeBlock) -> CodeBlock:
    """Return ``block`` without blank lines at its ends (they only separated statements)."""
    texts = block.text.split("\n")
    start, end = 0, len(texts)
    while start < end - 1 and not texts[start].strip():
        start += 1
    while end > start + 1 and not texts[end - 1].strip():
        end -= 1
    return code_lines(block, start, end) if (start, end) != (0, len(texts)) else block


def _statements(block: CodeBlock) -> list[CodeBlock]:
    """Return ``block`` cut before blank-line gaps and statement starts (never inside a line)."""
    texts = block.text.split("\n")
    starts = [0]
    for index in range(1, len(texts)):
        previous, line = texts[index - 1], texts[index]
        statement_start = bool(line) and not line[0].isspace() and line[0] not in ")]}"
        if line.strip() and (not previous.strip() or statement_start):
            starts.append(index)
    starts.append(len(texts))
    return [code_lines(block, a, b) for a, b in zip(starts, starts[1:], strict=False) if a < b]


def _by_line(block: CodeBlock) -> list[CodeBlock]:
    return [code_lines(block, i, i + 1) for i in range(len(block.lines))] or [block]


def _join(first: CodeBlock, second: CodeBlock) -> CodeBlock:
    return replace(first, text=f"{first.text}\n{second.text}", lines=first.lines + second.lines)


def _text(block: CodeBlock) -> Iterator[Inline]:
    for line in block.text.split("\n"):
        yield (Run(line, code=True),)



CODE = register(
    Kind(
        model=CodeBlock,
        read="mistune fenced or indented code, with pandoc's {.lang .numberLines startFrom=N}",
        text=_text,
        notes=lines_as_notes(_text),
        lay=_lay,
        chunks=_statements,
        finer=_by_line,
        join=_join,
        tidy=_trimmed,
    )
)
