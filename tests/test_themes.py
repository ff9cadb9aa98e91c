"""Themes: loading, inheritance, user theme folders, and readable contrast for every text role."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.contrast import contrast_ratio, failing_pairs, text_pairs
from deckgen.diagnostics import DeckError
from deckgen.themes import list_themes, load_theme

THEMES = list_themes()


def test_at_least_three_themes_besides_base() -> None:
    assert {"cinematic", "classroom", "handout"} <= set(THEMES)


@pytest.mark.parametrize("name", THEMES)
def test_every_text_role_meets_wcag_aa(name: str) -> None:
    theme = load_theme(name)
    assert len(text_pairs(theme)) > 10
    assert failing_pairs(theme) == []


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert failing_pairs(load_theme("cinematic"), minimum=22.0)  # the check can fail


def test_child_overrides_parent_tokens_and_keeps_the_rest() -> None:
    base, cinematic = load_theme("base"), load_theme("cinematic")
    assert cinematic.colors["background"] != base.colors["background"]
    assert cinematic.sizes["body"] == base.sizes["body"]
    assert cinematic.fonts["heading"].family == "Caladea"
    assert cinematic.fonts["body"] == base.fonts["body"]
    assert [f.name for f in cinematic.folders] == ["cinematic", "base"]
    styles = [p.parent.name for p in cinematic.stylesheets() if p.name == "style.css"]
    assert styles == ["base", "cinematic"]


def test_user_theme_folder_extends_a_builtin(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "theme.toml").write_text(
        'name = "mine"\ndescription = "School colours"\nextends = "classroom"\n'
        '[colors]\naccent = "#7a0019"\n',
        encoding="utf-8",
    )
    theme = load_theme(str(tmp_path / "mine"))
    assert theme.name == "mine" and theme.colors["accent"] == "#7a0019"
    assert theme.colors["background"] == load_theme("classroom").colors["background"]


def test_extends_loop_is_an_error(tmp_path: Path) -> None:
    for name, parent in (("a", "b"), ("b", "a")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "theme.toml").write_text(f'extends = "{parent}"\n', encoding="utf-8")
    with pytest.raises(DeckError, match="loops"):
        load_theme(str(tmp_path / "a"))


def test_missing_token_names_the_theme_file(tmp_path: Path) -> None:
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "theme.toml").write_text('name = "bare"\n', encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_theme(str(tmp_path / "bare"))
    assert (
        caught.value.format_message()
        == f"{tmp_path / 'bare' / 'theme.toml'}: error: theme token 'page' is missing"
    )


def test_themes_installed_by_a_package_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "school_theme"
    folder.mkdir()
    (folder / "theme.toml").write_text('name = "school"\nextends = "handout"\n', encoding="utf-8")
    dist = tmp_path / "school_theme-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: school-theme\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[deckgen.themes]\nschool = school_theme:FOLDER\n", encoding="utf-8"
    )
    (tmp_path / "school_theme" / "__init__.py").write_text(
        f"FOLDER = {str(folder)!r}\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "school" in list_themes()
    assert load_theme("school").name == "school"


def test_a_deck_may_use_a_theme_folder_inside_it_but_not_one_elsewhere(tmp_path: Path) -> None:
    from deckgen.build import load

    deck = tmp_path / "deck"
    (deck / "look").mkdir(parents=True)
    (deck / "look" / "theme.toml").write_text(
        'name = "look"\nextends = "classroom"\n', encoding="utf-8"
    )
    (deck / "talk.md").write_text("---\ntheme: look\n---\n## A\n", encoding="utf-8")
    assert load(deck / "talk.md")[1].theme.name == "look"

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "theme.toml").write_text('extends = "base"\n', encoding="utf-8")
    (deck / "talk.md").write_text(f"---\ntheme: {outside}\n---\n## A\n", encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load(deck / "talk.md")
    message = caught.value.format_message()
    assert message.startswith(f"{deck / 'talk.md'}:2: error: theme folder") and "--theme" in message
    assert load(deck / "talk.md", theme=str(outside))[1].theme.folders[0] == outside
