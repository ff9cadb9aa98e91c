"""The HTML deck's own controls (menu, search, print links, keyboard help) speak the deck's
language: German for ``lang: de-AT``, Japanese for ``ja``; a language without labels reads
English."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import deckgen
from e2e.browser import open_deck
from e2e.test_student_features import LAPTOP, ready_tools

pytestmark = pytest.mark.browser

DECK = """---
title: {title}
lang: {lang}
---

## {first}

{text}

::: notes
{text}
:::

## {second}

{text}
"""


def build(folder: Path, lang: str, first: str, second: str, text: str) -> Path:
    folder.mkdir()
    (folder / "slides.md").write_text(
        DECK.format(title=first, lang=lang, first=first, second=second, text=text), "utf-8"
    )
    result = deckgen("build", str(folder), "-o", str(folder / "out"))
    assert result.returncode == 0, result.stderr
    return folder / "out" / f"{folder.name}.html"


def controls(html: Path, query: str) -> dict[str, object]:
    """Return what the reader sees of the controls: labels, search status, keyboard help."""
    with open_deck(html, **LAPTOP) as (page, log):
        ready_tools(page)
        seen: dict[str, object] = {
            "menu": page.locator(".deck-ui-bar button").first.get_attribute("aria-label"),
            "placeholder": page.locator(".deck-search-input").get_attribute("placeholder"),
        }
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.locator(".deck-search-results a").first.wait_for()
        seen["status"] = page.locator(".deck-search-status").inner_text()
        seen["tools"] = page.locator(".deck-menu-tools").inner_text().split("\n")
        page.keyboard.press("Escape")
        page.evaluate("() => Reveal.toggleHelp(true)")  # what "?" opens
        page.locator(".r-overlay-help .title").wait_for()
        seen["help"] = page.locator(".r-overlay-help").inner_text()
        assert log.errors == []
    return seen


def test_labels_follow_the_regional_language(tmp_path: Path) -> None:
    seen = controls(build(tmp_path / "de", "de-AT", "Eins", "Zwei", "Der Text."), "Text")
    assert seen["menu"] == "Folien und Suche (M)"
    assert seen["placeholder"] == "Folien und Notizen durchsuchen"
    assert seen["status"] == "3 Treffer"  # two slides and a note
    assert seen["tools"] == ["Übersicht (O)", "Drucken", "Mit Notizen drucken"]
    assert "Tastenkürzel" in str(seen["help"]) and "Nächste Folie" in str(seen["help"])
    assert "Referentenansicht" in str(seen["help"])  # the notes plugin's key, too
    assert "Next slide" not in str(seen["help"])


def test_japanese_labels(tmp_path: Path) -> None:
    seen = controls(build(tmp_path / "ja", "ja", "概要", "詳細", "本文です。"), "本文")
    assert seen["menu"] == "スライドと検索 (M)"
    assert seen["status"] == "3 件"
    assert "キーボードショートカット" in str(seen["help"]) and "次のスライド" in str(seen["help"])


def test_a_language_without_labels_reads_english(tmp_path: Path) -> None:
    seen = controls(build(tmp_path / "fi", "fi", "Yksi", "Kaksi", "Teksti."), "Teksti")
    assert seen["menu"] == "Slides and search (M)"
    assert seen["status"] == "3 matches"
    assert "Keyboard Shortcuts" in str(seen["help"]) and "Next slide" in str(seen["help"])
