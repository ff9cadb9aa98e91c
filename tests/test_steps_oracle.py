"""The step fixtures, as pandoc and reveal.js play them: the oracle later tests hold deckgen to.

Each fixture's steps are written out below by hand, from the source and pandoc's manual (pauses,
incremental lists and divs, the block-quote rule, fragments with effects and indices), and must
be what ``pandocsteps`` reads from pandoc's own reveal.js output: the fixtures say what they mean
to, and the reader reads pandoc right. Slides are (title, [(text, effects, click, place)]).
"""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

import pytest

from pandocsteps import html_steps, pandoc_steps

FIXTURES = Path(__file__).parent / "fixtures" / "steps"
Expected = list[tuple[str, list[tuple[str, tuple[str, ...], int, str]]]]


def at(
    click: int, text: str, *effects: str, place: str = ""
) -> tuple[str, tuple[str, ...], int, str]:
    return text, effects, click, place


EXPECTED: dict[str, Expected] = {
    "pause.md": [
        (
            "Think first",
            [at(0, "It is forty-two."), at(1, "Because six sevens make forty-two.")],
        ),
        (
            "A pause before a list",
            [at(0, "students think first the answer means more the pace is the teacher’s")],
        ),
        ("A pause inside a list item", [at(0, "and its second paragraph, later")]),
        ("A pause before several blocks", [at(0, "The code: print(6 * 7) and what it prints")]),
    ],
    "incremental-front-matter.md": [
        (
            "Every list builds",
            [
                at(0, "first bullet"),
                at(1, "second bullet"),
                at(2, "first number"),
                at(3, "second number a nested bullet"),
                at(4, "a nested bullet"),
            ],
        ),
        ("Except a nonincremental div", []),
        ("And a list in a block quote", []),  # with -i, a quoted list is shown at once
    ],
    "incremental-divs.md": [
        (
            "An incremental div",
            [at(0, "alpha"), at(1, "beta beta’s own point"), at(2, "beta’s own point")],
        ),
        ("A nonincremental div", []),
    ],
    "quote-list.md": [
        ("A list in a block quote", [at(0, "builds"), at(1, "one by one")]),
        ("A quote that is not a list", []),
        ("A quoted list inside an incremental div", []),
    ],
    "fragment-divs.md": [
        (
            "Effects",
            [
                at(0, "Fades up", "fade-up"),
                at(1, "Turns red", "highlight-red"),
                at(2, "Comes and goes", "fade-in-then-out"),
                at(3, "Dims", "semi-fade-out"),
            ],
        ),
        (
            "Order by fragment-index",
            [at(0, "First"), at(1, "Second"), at(2, "Third"), at(3, "After every numbered one")],
        ),
        ("Same index, same step", [at(0, "Together, one"), at(0, "Together, two", "fade-in")]),
        (
            "Nested fragments",
            [
                at(0, "Outer comes first then the inner one is struck"),
                at(1, "then the inner one is struck", "strike"),
            ],
        ),
    ],
    "fragment-spans.md": [
        ("Spans in a sentence", [at(0, "forty-two"), at(1, "not forty-one", "strike")]),
        (
            "A span with an index",
            [at(0, "This comes first", "highlight-blue"), at(1, "this second", "grow")],
        ),
    ],
    "columns.md": [
        ("A column that comes later", [at(0, "The right column comes later.")]),
        (
            "Steps inside columns",
            [at(0, "Left later."), at(1, "right one"), at(2, "right two")],
        ),
    ],
    "unplaceable.md": [
        ("A fragment in a table cell", [at(0, "pause", place="table")]),
        ("A pause in the speaker notes", [at(0, "A pause inside the notes.", place="notes")]),
    ],
    "deck-yaml": [
        ("Lists build here too", [at(0, "first"), at(1, "second")]),
        ("Unless told not to", []),
    ],
}


def test_every_fixture_has_its_expected_steps() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pandoc_plays_each_fixture_as_written_out(name: str) -> None:
    slides = pandoc_steps(FIXTURES / name)
    assert [(s.title, [astuple(step) for step in s.steps]) for s in slides] == EXPECTED[name]


def test_reveal_js_numbers_indexed_fragments_first_and_closes_gaps() -> None:
    page = (
        '<section><h2>S</h2><p class="fragment">late</p>'
        '<p class="fragment fade-up" data-fragment-index="7">second</p>'
        '<p class="fragment custom" data-fragment-index="2">first</p>'
        '<p class="fragment grow" data-fragment-index="7">second too</p></section>'
    )
    (slide,) = html_steps(page)
    assert [astuple(step) for step in slide.steps] == [
        at(0, "first"),
        at(1, "second", "fade-up"),
        at(1, "second too", "grow"),
        at(2, "late"),
    ]


def test_a_stack_of_vertical_slides_is_read_slide_by_slide() -> None:
    page = (
        '<section><section><h2>A</h2><p class="fragment">a</p></section>'
        '<section><h2>B</h2><p class="fragment">b</p></section></section>'
    )
    assert [(s.title, [step.text for step in s.steps]) for s in html_steps(page)] == [
        ("A", ["a"]),
        ("B", ["b"]),
    ]
