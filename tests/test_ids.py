"""Slide ids: pandoc's ``auto_identifiers`` for titles in any script, unique in the deck."""

from __future__ import annotations

import re
from pathlib import Path

import pypandoc
import pytest

from deckgen.parse import parse_deck
from deckgen.passes.ids import slugify
from deckgen.read import read_deck

TITLES = [
    "日本語のタイトル",
    "どうやってプレゼンしてますか?（1）",
    "中文标题：简介",
    "Ελληνικά κείμενα",
    "Σ σ ς ΟΔΟΣ",
    "Русский текст",
    "مرحبا بالعالم",
    "שלום עולם",
    "हिन्दी भाषा",
    "Café au lait",
    "Über uns",
    "İstanbul",
    "e\u0301te",
    "Hello, World!",
    "A -- B",
    "mañana---tarde",
    "C++ & Rust",
    "foo_bar.baz",
    "1. Intro",
    "½ ratio",
    "What's new?",
    "full\u3000width",
    "PowerPointが嫌になることはありませんか?（1）",
]


def pandoc_ids(titles: list[str]) -> list[str]:
    """Return the ids pandoc gives level-2 headings with ``titles``, in order."""
    source = "\n\n".join(f"## {title}\n\ntext" for title in titles)
    html = pypandoc.convert_text(source, "html", format="markdown")
    return re.findall(r'<h2\s+id="([^"]*)"', html)


def deck_ids(titles: list[str], folder: Path) -> list[str]:
    """Return the ids deckgen gives slides titled ``titles``."""
    (folder / "slides.md").write_text(
        "\n\n".join(f"## {title}\n\ntext" for title in titles), encoding="utf-8"
    )
    deck, _ = parse_deck(read_deck(folder / "slides.md"))
    return [slide.id for slide in deck.slides]


def test_slide_ids_are_pandocs_identifiers(tmp_path: Path) -> None:
    assert deck_ids(TITLES, tmp_path) == pandoc_ids(TITLES)


@pytest.mark.parametrize("title", ["日本語のタイトル", "Ελληνικά", "Русский", "עברית", "العربية"])
def test_a_non_latin_title_keeps_its_letters(title: str) -> None:
    assert slugify(title) == title.lower()


def test_repeated_titles_are_numbered_as_pandoc_numbers_them(tmp_path: Path) -> None:
    titles = ["概要", "概要", "概要-1", "概要"]
    ids = deck_ids(titles, tmp_path)
    assert ids == pandoc_ids(titles) == ["概要", "概要-1", "概要-1-1", "概要-2"]
    assert len(set(ids)) == len(ids)
