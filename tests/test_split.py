"""The line scanner: slide boundaries, fenced divs and code fences, with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagnostics import DeckError, Diagnostic
from deckgen.read import SourceFile
from deckgen.split import Div, Text, parse_attributes, split_slides


def source(text: str, first_line: int = 1) -> SourceFile:
    return SourceFile(Path("deck.md"), "deck.md", tuple(text.split("\n")), first_line)


def titles(text: str, slide_level: int = 2) -> list[tuple[int | None, str, int]]:
    slides = split_slides(source(text), slide_level, [])
    return [(s.level, s.title, s.origin.line) for s in slides]


def test_headings_at_or_above_slide_level_split() -> None:
    text = "# Part\n\n## One\n\ntext\n\n### Not a slide\n\n## Two"
    assert titles(text) == [(1, "Part", 1), (2, "One", 3), (2, "Two", 9)]


def test_slide_level_one_makes_every_h1_a_slide_and_h2_content() -> None:
    assert titles("# A\n\n## inside A\n\n# B", slide_level=1) == [(1, "A", 1), (1, "B", 5)]


def test_nothing_inside_a_code_fence_splits() -> None:
    text = "## Code\n\n```md\n# heading in code\n---\n::: notes\n```\n\n## Next"
    assert titles(text) == [(2, "Code", 1), (2, "Next", 9)]


def test_rule_after_blank_line_starts_untitled_slide_but_setext_does_not() -> None:
    text = "## A\n\npara\n\n---\n\nmore\n\nSetext Title\n------------\n"
    assert titles(text) == [(2, "A", 1), (None, "", 5), (2, "Setext Title", 9)]


def test_divs_nest_and_keep_line_numbers() -> None:
    text = "## S\n\n:::: columns\n::: column\nleft\n:::\n::::\n\n::: notes\nsay\n:::"
    [slide] = split_slides(source(text, first_line=10), 2, [])
    columns, notes = slide.segments
    assert isinstance(columns, Div) and columns.attributes.classes == ("columns",)
    assert columns.origin.line == 12
    [column] = columns.segments
    assert isinstance(column, Div)
    [left] = column.segments
    assert isinstance(left, Text) and left.lines == ("left",) and left.origin.line == 14
    assert isinstance(notes, Div) and notes.attributes.classes == ("notes",)


def test_heading_attributes() -> None:
    [slide] = split_slides(source("## Title {#my-id .wide}"), 2, [])
    assert slide.title == "Title"
    assert slide.attributes.id == "my-id" and slide.attributes.classes == ("wide",)


def test_parse_attributes() -> None:
    attrs = parse_attributes('#x .a .b width="40%" k=v')
    assert (attrs.id, attrs.classes, attrs.get("width"), attrs.get("k")) == (
        "x",
        ("a", "b"),
        "40%",
        "v",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## A\n\n```python\nx = 1\n", "deck.md:3: error: code fence is never closed"),
        ("## A\n\n::: notes\nsay\n", "deck.md:3: error: fenced div ':::' is never closed"),
    ],
)
def test_unclosed_fences_are_errors_at_the_opening_line(text: str, message: str) -> None:
    with pytest.raises(DeckError) as caught:
        split_slides(source(text), 2, [])
    assert caught.value.format_message() == message


def test_stray_div_close_is_a_warning() -> None:
    diagnostics: list[Diagnostic] = []
    split_slides(source("## A\n\n:::\n"), 2, diagnostics)
    assert [str(d) for d in diagnostics] == [
        "deck.md:3: warning: closing ':::' without an open div"
    ]
