"""The steps pass and its reading: each block, list item and span gets the click it appears at.

The fixtures' steps are pandoc's (``test_steps_oracle.py`` checks the oracle); here the model
deckgen reads is held to them, slide by slide, and the rules pandoc and reveal.js follow are
checked one by one on small decks: where a pause reaches, which lists build, how clicks are
numbered, what cannot be placed, and what a continuation slide or a students' copy keeps.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deckgen.audience import Audience, for_audience
from deckgen.diagnostics import DeckError, Diagnostic, Origin
from deckgen.kinds import text_of
from deckgen.model import (
    BulletList,
    Deck,
    Fragment,
    ListItem,
    Paragraph,
    Pause,
    Quote,
    Run,
    Slide,
    SlideKind,
    Step,
    Table,
    plain_text,
)
from deckgen.parse import parse_deck
from deckgen.passes.steps import assign_steps, renumber, without_steps
from deckgen.passes.walk import walk
from deckgen.read import read_deck
from pandocsteps import pandoc_steps
from test_steps_oracle import EXPECTED, FIXTURES

HERE = Origin("deck.md", 1)
Played = tuple[str, tuple[str, ...], int]  # text, effects, click (from 0, as the oracle)


def _text(node: object) -> str:
    if isinstance(node, Run):
        return node.text
    if isinstance(node, ListItem):
        lines = [node.runs, *text_of(node.blocks)]
    else:
        assert isinstance(node, Fragment)
        lines = list(text_of(node.blocks))
    return " ".join(plain_text(line) for line in lines)


def played(slide: Slide) -> list[Played]:
    """Return the slide's steps as the oracle lists them: by click, then in reading order."""
    found = []
    last: Step | None = None
    for node in walk((slide.title, slide.subtitle, slide.body, slide.takeaways)):
        step = getattr(node, "step", None)
        if isinstance(node, Run) and step is not None and step == last:
            text, effects, click = found.pop()
            found.append((text + node.text, effects, click))
            continue
        last = step if isinstance(node, Run) else None
        if isinstance(node, Run | Fragment | ListItem) and step is not None:
            found.append((_text(node), step.effects, step.click - 1))
    return sorted(found, key=lambda entry: entry[2])


def normalized(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def deck_of(path: Path) -> tuple[Deck, list[Diagnostic]]:
    return parse_deck(read_deck(path))


def source(tmp_path: Path, markdown: str, name: str = "deck.md") -> Path:
    path = tmp_path / name
    path.write_text(markdown, encoding="utf-8")
    return path


def slides_of(tmp_path: Path, markdown: str) -> list[Slide]:
    deck, _ = deck_of(source(tmp_path, markdown))
    return list(deck.slides)


# -- the fixtures, against pandoc -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_reads_as_pandoc_plays_it(name: str) -> None:
    deck, _ = deck_of(FIXTURES / name)
    ours = {plain_text(slide.title): played(slide) for slide in deck.slides}
    for slide in pandoc_steps(FIXTURES / name):
        expected = [
            (normalized(step.text), step.effects, step.index)
            for step in slide.steps
            if not step.place  # a step deckgen shows from the start (reported)
        ]
        got = [(normalized(text), effects, click) for text, effects, click in ours[slide.title]]
        assert got == expected, slide.title


def test_the_fixture_steps_deckgen_cannot_place_are_reported_at_their_lines() -> None:
    deck, diagnostics = deck_of(FIXTURES / "unplaceable.md")
    assert [slide.steps for slide in deck.slides] == [0, 0]
    assert [(d.origin.line, d.message) for d in diagnostics] == [
        (3, "a fragment in a table cell is shown from the start (a table is animated whole)"),
        (15, "a step in speaker notes is ignored (notes are shown whole)"),
    ]


# -- reading the source ---------------------------------------------------------------------------


def test_a_pause_is_a_paragraph_of_three_dots_however_spaced(tmp_path: Path) -> None:
    slides = slides_of(
        tmp_path,
        "## A\n\nOne.\n\n. . .\n\nTwo.\n\n.  .\t.  \n\nThree.\n\n"
        "## B\n\nStill one.\n. . .\n\n...\n\n. . . and text\n",
    )
    assert played(slides[0]) == [("Two.", (), 0), ("Three.", (), 1)]
    assert slides[1].steps == 0
    shown = [plain_text(slides[1].subtitle)] + [plain_text(p.runs) for p in slides[1].takeaways]
    shown += [plain_text(line) for line in text_of(slides[1].body)]
    assert shown == ["Still one. . . .", "\u2026", ". . . and text"]  # pandoc: "..." is …


def test_a_pause_reaches_the_end_of_its_item_quote_or_column(tmp_path: Path) -> None:
    [slide] = slides_of(
        tmp_path,
        "## A\n\n- one\n\n    . . .\n\n    later in one\n- two\n\n> quoted\n>\n> . . .\n>\n"
        "> quoted later\n\nAfter the quote.\n",
    )
    assert played(slide) == [("later in one", (), 0), ("quoted later", (), 1)]
    assert plain_text(slide.body[-1].runs) == "After the quote."  # type: ignore[union-attr]
    assert not isinstance(slide.body[-1], Fragment)


def test_a_pause_in_a_div_reaches_the_end_of_the_div(tmp_path: Path) -> None:
    [slide] = slides_of(
        tmp_path,
        "## A\n\n::: {.box}\nIn the div.\n\n. . .\n\nLater in the div.\n:::\n\nAfter the div.\n",
    )
    assert played(slide) == [("Later in the div.", (), 0)]


def test_a_pause_with_nothing_after_it_makes_no_step(tmp_path: Path) -> None:
    [first, second] = slides_of(
        tmp_path, "---\nslide-level: 2\n---\n\n# Part\n\n. . .\n\n## A\n\n- item\n\n    . . .\n"
    )
    assert (first.steps, second.steps) == (0, 0)
    assert not any(isinstance(node, Pause | Fragment) for node in walk(first.body + second.body))


def test_a_pause_goes_over_the_divs_after_it_to_the_end_of_the_slide(tmp_path: Path) -> None:
    [slide] = slides_of(
        tmp_path, "## A\n\nFirst.\n\n. . .\n\n::: {.fragment .grow}\nInner.\n:::\n\nLast.\n"
    )
    assert played(slide) == [("Inner. Last.", (), 0), ("Inner.", ("grow",), 1)]


def test_divs_set_their_lists_and_an_inner_div_wins(tmp_path: Path) -> None:
    [slide] = slides_of(
        tmp_path,
        "## A\n\n::: incremental\n- a\n    - a nested\n\n::: nonincremental\n- plain\n:::\n\n"
        "> - quoted, so not\n:::\n",
    )
    assert [text for text, _, _ in played(slide)] == ["a a nested", "a nested"]


def test_incremental_in_front_matter_or_deck_yaml_builds_every_list(tmp_path: Path) -> None:
    markdown = "## A\n\n- a\n- b\n\n> - quoted\n> - at once\n"
    on = slides_of(tmp_path, "---\nincremental: true\n---\n\n" + markdown)
    assert [text for text, _, _ in played(on[0])] == ["a", "b"]
    off = slides_of(tmp_path, "---\nincremental: false\n---\n\n" + markdown)
    assert [text for text, _, _ in played(off[0])] == ["quoted", "at once"]


def test_a_bad_incremental_value_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = source(tmp_path, "---\ntitle: T\nincremental: sometimes\n---\n\n## A\n")
    with pytest.raises(DeckError) as caught:
        read_deck(path)
    assert caught.value.format_message().endswith(
        ":3: error: front-matter key 'incremental': expected true or false"
    )


def test_a_fragment_index_that_is_no_number_plays_in_order_and_is_reported(
    tmp_path: Path,
) -> None:
    path = source(
        tmp_path,
        "## A\n\n::: {.fragment fragment-index=two}\nLate.\n:::\n\n"
        "::: {.fragment fragment-index=1}\nFirst.\n:::\n",
    )
    deck, diagnostics = deck_of(path)
    assert played(deck.slides[0]) == [("First.", (), 0), ("Late.", (), 1)]
    assert [(d.origin.line, d.group) for d in diagnostics] == [(3, "fragment-index")]


def test_a_column_of_class_fragment_is_one_step(tmp_path: Path) -> None:
    [slide] = slides_of(
        tmp_path,
        ":::: columns\n::: {.column .fragment .fade-left width=40%}\nRight.\n:::\n::::\n",
    )
    assert played(slide) == [("Right.", ("fade-left",), 0)]


# -- numbering, as reveal.js orders fragments -----------------------------------------------------


def span(text: str, *classes: str, index: int | None = None) -> Run:
    """Return a run as the span reader gives ``[text]{.fragment ...}``."""
    return Run(
        text, classes=("fragment", *classes), step=None if index is None else Step((), index)
    )


def slide_with(*blocks: object, title: tuple[Run, ...] = (Run("S"),)) -> Slide:
    return Slide(SlideKind.CONTENT, title, HERE, body=blocks)  # type: ignore[arg-type]


def numbered(*blocks: object, incremental: bool = False) -> Slide:
    diagnostics: list[Diagnostic] = []
    [slide] = assign_steps([slide_with(*blocks)], incremental, diagnostics)
    assert diagnostics == []
    return slide


def test_indexed_steps_come_first_by_index_then_the_rest_in_reading_order() -> None:
    slide = numbered(
        Fragment((Paragraph((Run("late"),), HERE),), HERE),
        Paragraph(
            (Run("x "), span("seven", index=7), Run(" "), span("two", "grow", index=2)), HERE
        ),
        Fragment((Paragraph((Run("also two"),), HERE),), HERE, Step((), 2)),
    )
    assert played(slide) == [
        ("two", ("grow",), 0),
        ("also two", (), 0),
        ("seven", (), 1),
        ("late", (), 2),
    ]
    assert slide.steps == 3


def test_a_span_of_several_runs_is_one_step_and_keeps_its_other_classes() -> None:
    runs = (Run("It is "), span("forty", "strike", "mine"), span("-two", "strike", "mine"))
    slide = numbered(Paragraph(runs, HERE))
    assert played(slide) == [("forty-two", ("strike", "mine"), 0)]
    assert slide.steps == 1
    stepped = [run for run in slide.body[0].runs if run.step]  # type: ignore[union-attr]
    assert {run.classes for run in stepped} == {()}


def test_an_outer_step_comes_before_the_steps_inside_it() -> None:
    inner = BulletList(
        (ListItem((span("deep"),)), ListItem((Run("plain"),))), HERE, incremental=True
    )
    slide = numbered(Fragment((Paragraph((Run("outer"),), HERE), inner), HERE))
    assert played(slide) == [
        ("outer deep plain", (), 0),
        ("deep", (), 1),
        ("deep", (), 2),
        ("plain", (), 3),
    ]


def test_a_quoted_list_turns_the_setting_over_nested_lists_included() -> None:
    nested = BulletList((ListItem((Run("nested"),)),), HERE)
    quoted = BulletList((ListItem((Run("quoted"),), (nested,)),), HERE)
    building = numbered(Quote((quoted,), HERE))
    assert [text for text, _, _ in played(building)] == ["quoted nested", "nested"]
    assert isinstance(building.body[0], BulletList)  # the quote is gone, as in pandoc
    at_once = numbered(Quote((quoted,), HERE), incremental=True)
    assert at_once.steps == 0


def test_a_span_in_a_table_cell_is_shown_from_the_start_and_reported() -> None:
    table = Table(((Run("Term"),),), (((span("pause"),),),), (None,), Origin("deck.md", 9))
    diagnostics: list[Diagnostic] = []
    [slide] = assign_steps([slide_with(table, table)], False, diagnostics)
    assert slide.steps == 0
    cell = slide.body[0].rows[0][0][0]  # type: ignore[union-attr]
    assert cell.step is None and "fragment" not in cell.classes
    assert [str(d) for d in diagnostics] == [
        "deck.md:9: warning: a fragment in a table cell is shown from the start (a table is "
        "animated whole)"
    ] * 2
    assert {d.group for d in diagnostics} == {"unplaced-step"}


def test_steps_in_notes_are_dropped_and_reported() -> None:
    notes = (
        Paragraph((Run("say "), span("this")), Origin("deck.md", 4)),
        Pause(Origin("deck.md", 5)),
        Fragment((Paragraph((Run("then"),), HERE),), Origin("deck.md", 6)),
    )
    diagnostics: list[Diagnostic] = []
    slide = Slide(SlideKind.CONTENT, (Run("S"),), HERE, notes=notes)
    [slide] = assign_steps([slide], False, diagnostics)
    assert [plain_text(line) for line in text_of(slide.notes)] == ["say this", "then"]
    assert not any(getattr(node, "step", None) for node in walk(slide.notes))
    assert "fragment" not in slide.notes[0].runs[1].classes  # type: ignore[union-attr]
    assert [d.origin.line for d in diagnostics] == [4, 5, 6]


def test_a_slide_without_steps_is_returned_as_it_was() -> None:
    slide = slide_with(BulletList((ListItem((Run("a"),)),), HERE), Paragraph((Run("b"),), HERE))
    assert assign_steps([slide], False, []) == [slide]
    assert assign_steps([slide], False, [])[0] is slide


# -- continuation slides and the students' copy ---------------------------------------------------


def test_a_part_of_a_slide_numbers_its_own_steps_from_one() -> None:
    items = tuple(ListItem((Run(word),)) for word in "abcd")
    slide = numbered(BulletList(items, HERE, incremental=True))
    [whole] = slide.body
    assert isinstance(whole, BulletList)
    part = renumber(slide.with_changes(body=(replace(whole, items=whole.items[2:]),)))
    assert played(part) == [("c", (), 0), ("d", (), 1)]
    assert part.steps == 2


def test_the_students_copy_shows_every_slide_whole(tmp_path: Path) -> None:
    deck, diagnostics = deck_of(FIXTURES / "fragment-divs.md")
    students = for_audience(deck, Audience.STUDENT, diagnostics)
    assert [slide.steps for slide in students.slides] == [0] * len(students.slides)
    assert not any(
        isinstance(node, Fragment) or getattr(node, "step", None)
        for slide in students.slides
        for node in walk(slide.body)
    )
    shown = [plain_text(line) for slide in students.slides for line in text_of(slide.body)]
    assert shown == [plain_text(line) for slide in deck.slides for line in text_of(slide.body)]
    assert without_steps(students.slides[0]) is students.slides[0]
