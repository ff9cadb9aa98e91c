"""Images from a course repository: a deck may read anything in its git work tree, or in its
own folder when it is in none, and nothing outside without ``--allow-outside``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deckgen.diagnostics import Level
from deckgen.parse import parse_deck
from deckgen.read import project_root, read_deck

IMAGE = Path(__file__).parent / "fixtures" / "parse" / "media"


def course(root: Path) -> Path:
    """Return a lecture deck in ``root/lectures/week1`` using ``../../images/chart.png``."""
    (root / "images").mkdir(parents=True)
    picture = next(p for p in IMAGE.iterdir() if p.suffix == ".png")
    shutil.copy(picture, root / "images" / "chart.png")
    deck = root / "lectures" / "week1" / "talk.md"
    deck.parent.mkdir(parents=True)
    deck.write_text("## Results\n\n![A chart](../../images/chart.png)\n", encoding="utf-8")
    return deck


def errors(deck: Path) -> list[str]:
    _, diagnostics = parse_deck(read_deck(deck))
    return [str(d) for d in diagnostics if d.level is Level.ERROR]


@pytest.mark.parametrize("marker", ["folder", "file"], ids=["git-folder", "git-file"])
def test_an_image_elsewhere_in_the_git_work_tree_is_read(tmp_path: Path, marker: str) -> None:
    deck = course(tmp_path / "repo")
    git = tmp_path / "repo" / ".git"
    git.mkdir() if marker == "folder" else git.write_text("gitdir: ../x\n", encoding="utf-8")
    assert read_deck(deck).project == tmp_path / "repo"
    assert errors(deck) == []


def test_without_git_the_deck_folder_is_the_project(tmp_path: Path) -> None:
    deck = course(tmp_path / "repo")
    assert project_root(deck) == deck.parent
    [error] = errors(deck)
    assert error.startswith(f"{deck.resolve()}:3: error: image ")
    assert error.endswith("(build with --allow-outside to embed it)")


def test_an_image_outside_the_work_tree_is_an_error(tmp_path: Path) -> None:
    deck = course(tmp_path / "outer")
    (tmp_path / "outer" / "lectures" / ".git").mkdir()  # the repository is lectures/ only
    assert read_deck(deck).project == tmp_path / "outer" / "lectures"
    [error] = errors(deck)
    assert "--allow-outside" in error


def test_a_home_folder_kept_in_git_is_no_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    (tmp_path / ".git").mkdir()
    deck = course(tmp_path / "talks")
    assert project_root(deck) == deck.parent
    assert project_root(deck.parent) == deck.parent
