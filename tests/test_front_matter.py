"""Front matter as pandoc reads it: each rule has a fixture in ``fixtures/front-matter``.

pandoc is the oracle: for every fixture, deckgen's title, subtitle, authors, institute and date
read as pandoc reads them, and its slides are pandoc's slides (so the metadata lines were taken
out of the body and nothing else was).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from deckgen.diagnostics import DeckError, Level
from deckgen.model import Paragraph
from deckgen.parse import parse_deck
from deckgen.read import read_deck
from pandoc_oracle import deckgen_slides, pandoc_metadata, pandoc_slides

FIXTURES = Path(__file__).parent / "fixtures" / "front-matter"
CASES = sorted(FIXTURES.glob("*.md"))
SHOWN = ("title", "subtitle", "author", "institute", "date")


def warnings_of(source: Path) -> list[str]:
    return [d.message for d in read_deck(source).diagnostics if d.level is Level.WARNING]


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_metadata_reads_as_pandoc_reads_it(source: Path, tmp_path: Path) -> None:
    settings = read_deck(source).settings
    ours = "".join(
        f"{key}: {json.dumps(str(settings[key].value))}\n" for key in SHOWN if key in settings
    )
    text = source.read_text(encoding="utf-8")
    theirs = pandoc_metadata(text, tmp_path / "template.txt")
    if "affiliation" in text:  # deckgen shows authors' affiliations with the institute
        theirs.pop("institute")
        ours = "\n".join(line for line in ours.split("\n") if not line.startswith("institute"))
    mine = pandoc_metadata(f"---\n{ours}---\n", tmp_path / "template.txt")
    assert {k: v for k, v in mine.items() if k in theirs} == theirs


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_slides_are_pandocs_slides(source: Path) -> None:
    _, ours = deckgen_slides(source)
    assert ours == pandoc_slides(source.read_text(encoding="utf-8"), None)
    assert ours, "a fixture with no slides tests nothing"


def test_author_list_and_institute() -> None:
    settings = read_deck(FIXTURES / "author-list.md").settings
    assert settings["author"].value == "Kevin Ernst, Ada Lovelace"
    assert settings["institute"].value == "Weirauch Lab"
    assert warnings_of(FIXTURES / "author-list.md") == []


def test_author_maps_give_names_and_affiliations() -> None:
    source = FIXTURES / "author-maps.md"
    settings = read_deck(source).settings
    assert settings["author"].value == "Dr David Wilby, Ada Lovelace"
    assert settings["institute"].value == (
        "RSE Team, University of Sheffield, Analytical Engine Society, University of London"
    )
    assert warnings_of(source) == ["front matter deckgen does not use (ignored): author email"]


def test_institute_is_on_the_title_slide() -> None:
    deck, _ = parse_deck(read_deck(FIXTURES / "author-maps.md"))
    title = deck.slides[0]
    assert all(isinstance(block, Paragraph) for block in title.body)
    lines = ["".join(run.text for run in block.runs) for block in title.body]
    assert lines == [
        "Dr David Wilby, Ada Lovelace",
        "RSE Team, University of Sheffield, Analytical Engine Society, University of London",
    ]


def test_pandoc_title_block() -> None:
    source = FIXTURES / "title-block.md"
    deck = read_deck(source)
    assert deck.settings["title"].value == "A *pandoc* title\nthat goes on"
    assert deck.settings["author"].value == "Ada Lovelace, Charles Babbage, Mary Somerville"
    assert deck.settings["date"].value == "10 December 1843"
    assert str(deck.settings["author"].origin) == f"{deck.files[0].display}:3"
    assert deck.files[0].lines[0] == "## First" and deck.files[0].first_line == 7


def test_comment_before_the_yaml_block() -> None:
    source = FIXTURES / "comment-before.md"
    deck = read_deck(source)
    assert deck.settings["title"].value == "Eine Einführung"
    body = deck.files[0]
    assert body.lines[0] == "<!--" and body.first_line == 1
    assert body.lines[4:6] == ("-->", "")  # the YAML block, blanked: lines keep their number
    assert body.lines[5:10] == ("",) * 5
    assert body.lines[11] == "# Struktur" and body.origin(11).line == 12


def test_yaml_block_ended_by_dots() -> None:
    deck = read_deck(FIXTURES / "yaml-dots.md")
    assert deck.settings["title"].value == "Haskell Workshop"
    assert deck.files[0].lines[0] == "### Agenda" and deck.files[0].first_line == 7


def test_several_yaml_blocks_merge_and_the_later_wins() -> None:
    deck = read_deck(FIXTURES / "several-blocks.md")
    values = {key: setting.value for key, setting in deck.settings.items()}
    assert values == {"title": "Second title", "author": "A. Teacher", "date": "2024-05-06"}
    assert str(deck.settings["title"].origin).endswith("several-blocks.md:11")
    assert "title: not metadata, inside code" in deck.files[0].lines


def test_values_for_other_tools_are_one_warning_and_the_default_theme() -> None:
    source = FIXTURES / "other-tools.md"
    deck = read_deck(source)
    assert "theme" not in deck.settings
    assert [str(d) for d in deck.diagnostics] == [
        f"{deck.files[0].display}:3: warning: theme 'white' is not a deckgen theme (ignored; "
        "deckgen themes: base, cinematic, classroom, handout)",
        f"{deck.files[0].display}:4: warning: front matter deckgen does not use (ignored): "
        "revealjs-url, css, format, footer",
    ]


def test_a_theme_for_another_tool_keeps_the_decks_own(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text("theme: classroom\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntheme: default\n---\n\n## A\n\nText.\n", "utf-8")
    assert read_deck(tmp_path).settings["theme"].value == "classroom"


def test_markdown_values_keep_their_text() -> None:
    settings = read_deck(FIXTURES / "markdown-values.md").settings
    assert settings["title"].value == "Good practice:<br>How to suck less at *research* software"
    assert settings["subtitle"].value == "*and why should I care?*"


def test_a_block_that_is_not_a_mapping_is_no_metadata() -> None:
    deck = read_deck(FIXTURES / "not-metadata.md")
    assert deck.settings == {} and deck.diagnostics == ()
    assert deck.files[0].lines[4:6] == ("---", "## Rules")


def test_date_today_is_the_build_date(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("---\ntitle: T\ndate: today\n---\n\n## A\n\nText.\n", encoding="utf-8")
    assert read_deck(source).settings["date"].value == datetime.date.today().isoformat()


def test_metadata_of_any_length_and_content_reads(tmp_path: Path) -> None:
    abstract = "A long abstract. " * 5000
    authors = "".join(f"  - name: Author {n}\n    affiliation: Lab {n % 7}\n" for n in range(300))
    source = tmp_path / "talk.md"
    source.write_text(
        f"---\ntitle: '{'Long title ' * 400}'\nabstract: {abstract}\nauthor:\n{authors}"
        "keywords: [a, b, c]\nheader-includes: |\n  \\usepackage{{x}}\n---\n\n## A\n\nText.\n",
        encoding="utf-8",
    )
    settings = read_deck(source).settings
    assert settings["author"].value.count("Author ") == 300
    assert settings["institute"].value.count("Lab ") == 7
    assert len(settings["title"].value) > 4000


def test_yaml_scalars_keep_the_text_written(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text(
        "---\ntitle: 3.10\nsubtitle: yes\ndate: 2021-08-22 10:00\nlang: !expr de\n---\n", "utf-8"
    )
    values = {key: setting.value for key, setting in read_deck(source).settings.items()}
    assert values == {"title": "3.10", "subtitle": "yes", "date": "2021-08-22 10:00", "lang": "de"}


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "slide-level: seven",
            "front-matter key 'slide-level': expected a whole number from 0 to 6",
        ),
        (
            "author:\n  - email: a@b.c",
            "front-matter key 'author': expected a name, a list of names, or entries with 'name:'",
        ),
        ("title:\n  text: x", "front-matter key 'title': expected text"),
    ],
)
def test_only_a_bad_value_of_deckgens_own_keys_is_an_error(
    front: str, message: str, tmp_path: Path
) -> None:
    source = tmp_path / "talk.md"
    source.write_text(f"---\n{front}\n---\n\n## A\n", encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        read_deck(source)
    assert caught.value.format_message() == f"{source}:2: error: {message}"


def test_an_unclosed_block_is_a_rule_and_text_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("---\ntitle: x\n\n## Slide\n", encoding="utf-8")
    deck = read_deck(source)
    assert deck.settings == {}
    assert [str(d) for d in deck.diagnostics] == [
        f"{source}:1: warning: front matter '---' is never closed (no '---' or '...' line): "
        "read as a slide break and text, as pandoc does"
    ]
    assert deck.files[0].lines[:2] == ("---", "title: x")
