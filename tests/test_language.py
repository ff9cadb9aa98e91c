"""The deck's language: its text direction, and which interface labels it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagnostics import DeckError
from deckgen.language import direction, interface_labels, is_rtl_language, label_tables
from deckgen.model import DeckMeta
from deckgen.parse import parse_deck
from deckgen.read import read_deck
from deckgen.themes import load_theme


@pytest.mark.parametrize("lang", ["ar", "he", "fa", "ur", "ar-EG", "he-IL", "yi", "az-Arab"])
def test_right_to_left_languages(lang: str) -> None:
    assert is_rtl_language(lang)


@pytest.mark.parametrize("lang", ["en", "de-AT", "ja", "zh-Hant-TW", "el", "ru", "az", "ar-Latn"])
def test_left_to_right_languages(lang: str) -> None:
    assert not is_rtl_language(lang)


def test_dir_overrides_the_language() -> None:
    assert direction(DeckMeta(lang="ar")) == "rtl"
    assert direction(DeckMeta(lang="ar", dir="ltr")) == "ltr"
    assert direction(DeckMeta(lang="en", dir="rtl")) == "rtl"


def test_dir_is_read_from_front_matter(tmp_path: Path) -> None:
    (tmp_path / "slides.md").write_text("---\ndir: RTL\n---\n\n## A\n\ntext\n", "utf-8")
    deck, diagnostics = parse_deck(read_deck(tmp_path / "slides.md"))
    assert deck.meta.dir == "rtl" and not diagnostics


def test_a_bad_dir_is_reported(tmp_path: Path) -> None:
    (tmp_path / "slides.md").write_text("---\ndir: sideways\n---\n\n## A\n\ntext\n", "utf-8")
    with pytest.raises(DeckError, match="expected rtl or ltr") as raised:
        read_deck(tmp_path / "slides.md")
    assert str(raised.value.origin).endswith(":2")


def test_label_tables_go_from_the_region_to_the_language_to_english() -> None:
    assert label_tables("de-AT") == ["de-at", "de", "en"]
    assert label_tables("zh_Hant_TW") == ["zh-hant-tw", "zh-hant", "zh", "en"]
    assert label_tables("en-GB") == ["en-gb", "en"]


LANGUAGES = ["en", "de", "fr", "es", "pt", "it", "nl", "ja", "zh", "ar"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_required_language_has_every_label(lang: str) -> None:
    theme = load_theme("base")
    english = interface_labels(theme.files("labels.toml"), "en")
    own = interface_labels(theme.files("labels.toml"), lang)
    assert own.keys() == english.keys()
    if lang != "en":  # translated, not read from English
        differ = [key for key in english if key != "help" and own[key] != english[key]]
        assert len(differ) >= len(english) - 4, (lang, differ)
        assert len(own["help"]) == 13  # type: ignore[arg-type]


def test_a_regional_tag_reads_its_language() -> None:
    theme = load_theme("base")
    labels = interface_labels(theme.files("labels.toml"), "de-AT")
    assert labels["print"] == "Drucken"
    assert interface_labels(theme.files("labels.toml"), "fi")["print"] == "Print"
