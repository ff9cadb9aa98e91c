"""Slide structure as pandoc decides it: where slides start, and the slide level.

Every fixture in ``fixtures/slide-structure`` splits into pandoc's reveal.js slides, same levels
and titles, with the slide level pandoc detects and with ``--slide-level`` 0 to 3; so do the
shared real decks, when present, detected and at 0 to 2. (At 3, two real decks differ: pandoc
makes a fenced div that opens with a slide-level heading, a beamer ``::: block`` with a ``###``
title, into a slide of its own; deckgen keeps headings inside divs in their slide.) Quarto
documents (``.qmd``) are compared with pandoc at level 2, which Quarto's reveal.js format sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagnostics import Diagnostic, Level
from deckgen.parse import parse_deck, slide_level
from deckgen.read import SourceFile, read_deck
from deckgen.split import Text, split_slides
from pandoc_oracle import deckgen_slides, pandoc_slides
from realworld import deck_params

FIXTURES = Path(__file__).parent / "fixtures" / "slide-structure"
CASES = sorted([*FIXTURES.glob("*.md"), *FIXTURES.glob("*.qmd")])
LEVELS = [None, 0, 1, 2, 3]


def pandoc_level(source: Path, level: int | None) -> int | None:
    """Return the --slide-level pandoc is run with for ``source`` (Quarto sets 2)."""
    return 2 if level is None and source.suffix == ".qmd" else level


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: f"level-{level}")
@pytest.mark.parametrize("source", CASES, ids=[p.name for p in CASES])
def test_slides_are_pandocs_slides(source: Path, level: int | None) -> None:
    _, ours = deckgen_slides(source, level)
    text = source.read_text(encoding="utf-8")
    assert ours == pandoc_slides(text, pandoc_level(source, level))


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("level-3-workshop.md", 3),  # only '###' headings have content
        ("level-1-lecture.md", 1),  # '# Administration' has text under it
        ("sections-and-slides.md", 2),  # '#' is always followed by '##'
        ("headings-in-divs.md", 1),  # pandoc looks into divs: '# A note heading' has text
        ("rule-before-heading.md", 2),  # '---' after '# Document Conversion' is no content
        ("quarto-sections.qmd", 2),  # Quarto's level, though '# Firstly' has text
    ],
)
def test_detected_slide_level(name: str, level: int) -> None:
    assert slide_level(read_deck(FIXTURES / name)) == level


def test_slide_level_setting_wins(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("---\nslide-level: 2\n---\n\n# Part\n\nText.\n\n## A\n\nB.\n", "utf-8")
    assert slide_level(read_deck(source)) == 2
    source.write_text("# Part\n\nText.\n\n## A\n\nB.\n", "utf-8")
    assert slide_level(read_deck(source)) == 1


def test_quarto_format_key_sets_level_two(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("---\nformat: revealjs\n---\n\n# Part\n\nText.\n\n## A\n\nB.\n", "utf-8")
    assert slide_level(read_deck(source)) == 2


def test_explainer_pages_do_not_set_the_level(tmp_path: Path) -> None:
    (tmp_path / "a-page.md").write_text(
        "# About this course\n\nThis page is prose. It has two sentences, and more.\n", "utf-8"
    )
    (tmp_path / "b-slides.md").write_text("# Part\n\n## Slide\n\n- One\n", "utf-8")
    assert slide_level(read_deck(tmp_path)) == 2


def test_rule_before_a_heading_starts_no_slide_and_says_nothing() -> None:
    deck, diagnostics = parse_deck(read_deck(FIXTURES / "rule-before-heading.md"))
    assert diagnostics == []
    assert [slide.id for slide in deck.slides] == [
        "document-conversion",
        "learning-goals",
        "demo-default-templates",
        "custom-templates",
        "slide-5",
        "next-part",
        "last",
    ]


def test_a_heading_with_only_attributes_is_a_slide_of_its_own() -> None:
    [file] = read_deck(FIXTURES / "background-only.md").files
    sources = split_slides(file, 2, [])
    assert [(s.level, s.title) for s in sources] == [(2, "Intro"), (2, ""), (2, "Outro")]
    background = sources[1]
    assert background.attributes.get("background-image") == "photo.jpg"
    assert background.segments == () and background.origin.line == 5
    assert sources[2].attributes.get("data-state") == "calm"


def test_heading_forms() -> None:
    [file] = read_deck(FIXTURES / "heading-forms.md").files
    sources = split_slides(file, 2, [])
    assert [(s.level, s.title, s.origin.line) for s in sources] == [
        (1, "Setext Section", 1),
        (2, "Setext Slide", 4),
        (2, "Closed ATX heading", 9),
        (2, "With attributes", 13),
    ]
    attributes = sources[3].attributes
    assert (attributes.id, attributes.classes, attributes.get("key")) == (
        "custom",
        ("wide",),
        "value",
    )
    [text] = sources[3].segments
    assert isinstance(text, Text)
    body = "\n".join(text.lines)
    assert "#Not a heading" in body and "### A body heading" in body
    assert "## not a heading: no blank line before it (pandoc)" in body


DECK_PARAMS = deck_params()


@pytest.mark.parametrize("level", [None, 0, 1, 2], ids=lambda level: f"level-{level}")
@pytest.mark.parametrize("deck", DECK_PARAMS)
def test_real_deck_slides_are_pandocs_slides(deck: Path, level: int | None) -> None:
    _, ours = deckgen_slides(deck, level)
    assert ours == pandoc_slides(deck.read_text(encoding="utf-8"), pandoc_level(deck, level))


@pytest.mark.parametrize("deck", DECK_PARAMS)
def test_real_deck_reads_and_splits_without_an_error(deck: Path) -> None:
    source = read_deck(deck)
    level = slide_level(source)
    found: list[Diagnostic] = list(source.diagnostics)
    slides = [s for file in source.files for s in split_slides(file, level, found)]
    assert slides
    assert [str(d) for d in found if d.level is Level.ERROR] == []


def test_untitled_slide_before_the_first_heading_and_rules_keep_lines() -> None:
    text = "Intro text.\n\n---\n\n## A\n\n***\n\nMore.\n\n---\n"
    file = SourceFile(Path("d.md"), "d.md", tuple(text.split("\n")), 1)
    sources = split_slides(file, 2, [])
    assert [(s.level, s.title, s.origin.line) for s in sources] == [
        (None, "", 1),
        (2, "A", 5),
        (None, "", 7),
        (None, "", 11),
    ]
    assert sources[1].rule is not None and sources[1].rule.line == 3
