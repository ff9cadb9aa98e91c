"""Slide backgrounds from reveal.js's attributes and front matter; the contrast check over them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deckgen.build import load
from deckgen.diagnostics import Level
from deckgen.model import Background, Slide
from deckgen.parse import parse_deck
from deckgen.read import read_deck

MEDIA = Path(__file__).parent / "fixtures" / "pictures" / "media"


def deck_of(tmp_path: Path, text: str) -> Path:
    """Return a deck file holding ``text``, with the fixture pictures in ``media/`` beside it."""
    shutil.copytree(MEDIA, tmp_path / "media", dirs_exist_ok=True)
    path = tmp_path / "deck.md"
    path.write_text(text, encoding="utf-8")
    return path


def slides_of(tmp_path: Path, text: str) -> tuple[list[Slide], list[str]]:
    deck, diagnostics = parse_deck(read_deck(deck_of(tmp_path, text)))
    return list(deck.slides), [str(d).removeprefix(f"{tmp_path}/") for d in diagnostics]


def test_each_spelling_of_the_attributes_sets_the_background(tmp_path: Path) -> None:
    slides, warnings = slides_of(
        tmp_path,
        "## A {background-color=rebeccapurple}\n\n"
        '## B {data-background-color="rgb(0, 128, 255)" data-background-opacity=0.4}\n\n'
        "## C {data-background=#abc}\n\n"
        "## D {data-background=media/night.jpg background-size=contain "
        'background-position="left top" background-repeat=repeat}\n\n'
        "## E\n\nNo background.\n",
    )
    assert warnings == []
    backgrounds = [slide.background for slide in slides]
    assert backgrounds[:3] == [
        Background(color="#663399"),
        Background(color="#0080ff", opacity=0.4),
        Background(color="#aabbcc"),
    ]
    fourth = backgrounds[3]
    assert fourth is not None and Path(fourth.image) == (tmp_path / "media" / "night.jpg")
    assert (fourth.size, fourth.position, fourth.repeat) == ("contain", "left top", "repeat")
    assert backgrounds[4] is None


def test_a_slide_that_only_sets_a_background_is_kept(tmp_path: Path) -> None:
    text = "## A\n\nText.\n\n## {background-image=media/night.jpg}\n"
    slides, warnings = slides_of(tmp_path, text)
    assert warnings == []
    assert len(slides) == 2 and slides[1].background is not None


def test_front_matter_sets_the_default_a_slide_overrides(tmp_path: Path) -> None:
    slides, warnings = slides_of(
        tmp_path,
        "---\nbackground-image: media/paper.jpg\nbackground-opacity: 0.3\n---\n\n"
        "## Default\n\nText.\n\n## Own {background-color=black}\n\nText.\n",
    )
    assert warnings == []
    default, own = (slide.background for slide in slides)
    assert default is not None and Path(default.image).name == "paper.jpg"
    assert default.opacity == 0.3
    assert own == Background(color="#000000")


def test_values_deckgen_cannot_use_are_reported(tmp_path: Path) -> None:
    slides, warnings = slides_of(
        tmp_path,
        "## A {background-color=nocolour background-size=huge background-opacity=2 "
        "background-video=a.mp4}\n\nText.\n",
    )
    assert slides[0].background == Background()
    assert sorted(warnings) == [
        "deck.md:1: warning: background-color 'nocolour' is not a colour",
        "deck.md:1: warning: background-opacity '2' is not 0 to 1",
        "deck.md:1: warning: background-size 'huge' is not one (ignored)",
        "deck.md:1: warning: background-video is not supported (ignored)",
    ]


def test_a_missing_background_picture_is_an_error(tmp_path: Path) -> None:
    _, warnings = slides_of(tmp_path, "## A {background-image=media/none.jpg}\n\nText.\n")
    assert warnings == ["deck.md:1: error: background image file not found: none.jpg"]


# -- contrast ----------------------------------------------------------------------------------


def contrast_warnings(tmp_path: Path, text: str) -> list[str]:
    _, _, diagnostics = load(deck_of(tmp_path, f"---\ntheme: classroom\n---\n\n{text}"))
    return [d.message for d in diagnostics if d.group == "background-contrast"]


@pytest.mark.parametrize(
    ("attributes", "readable"),
    [
        ("background-image=media/paper.jpg", True),  # the light theme's dark text on a pale photo
        ("background-image=media/night.jpg", False),
        ("background-image=media/night.jpg background-opacity=0.1", True),  # faded to white
        ('background-color="#1d3557"', False),
        ("background-color=white", True),
    ],
)
def test_dark_text_is_checked_over_what_lies_under_it(
    tmp_path: Path, attributes: str, readable: bool
) -> None:
    found = contrast_warnings(tmp_path, f"## Title {{{attributes}}}\n\nA line of body text.\n")
    assert (found == []) is readable, found


def test_only_the_part_under_the_text_counts(tmp_path: Path) -> None:
    # a title and a subtitle stand in the middle of the page: a dark band across the top 40 %
    # of the page leaves them on the theme's white, one across the top 60 % lies under them
    def band(height: int) -> str:
        size = f'background-size="100% {height}%" background-position="left top"'
        return f"## Centred {{background-image=media/night.jpg {size}}}\n\nA short line.\n"

    assert contrast_warnings(tmp_path, band(40)) == []
    assert contrast_warnings(tmp_path, band(60)) != []


def test_the_warning_names_the_slide_role_and_ratio(tmp_path: Path) -> None:
    [first, *_] = contrast_warnings(
        tmp_path, "## Night {background-image=media/night.jpg}\n\nText.\n"
    )
    assert first.startswith("'Night': title text (#")
    assert "over the background image has contrast" in first and "below WCAG AA (3:1)" in first


def test_the_check_runs_in_deckgen_check(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from deckgen.cli import main

    deck = deck_of(tmp_path, "---\ntheme: classroom\n---\n\n## N {background-color=black}\n\nA.\n")
    result = CliRunner().invoke(main, ["check", str(deck)])
    assert "below WCAG AA" in result.output
    assert result.exit_code == 0  # a warning, not an error
    assert Level.WARNING.value in result.output
