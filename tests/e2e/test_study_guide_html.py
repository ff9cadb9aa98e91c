"""The study guide deck as a student sees it: offline in Chromium, slide by slide."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import BuildOptions, build
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide, visible_text
from textnorm import golden_lines, normalize_lines

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def study_guide_html(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    result = build(study_guide, outdir, BuildOptions())
    assert result.diagnostics == ()
    [html] = result.outputs
    assert html.name == "generative-production.html"
    return html


def test_slides_show_the_presented_deck_in_order_offline(study_guide_html: Path) -> None:
    with open_deck(study_guide_html) as (page, log):
        total = slide_count(page)
        shown: list[str] = []
        overflowing: dict[int, list[str]] = {}
        for index in range(total):
            show_slide(page, index)
            shown += normalize_lines(visible_text(page))
            outside = text_outside_slide(page)
            if outside:
                overflowing[index] = outside
        assert total == 55
        assert shown == golden_lines("generative-production.txt")
        assert overflowing == {}
        assert log.requests == []
        assert log.errors == []


def test_deep_link_opens_the_named_slide(study_guide_html: Path) -> None:
    with open_deck(study_guide_html, fragment="#/terminal-literacy") as (page, _):
        assert page.evaluate("() => Reveal.getCurrentSlide().id") == "terminal-literacy"
        assert "Terminal literacy" in visible_text(page)


def test_speaker_notes_are_in_the_deck_but_not_on_the_slide(study_guide_html: Path) -> None:
    with open_deck(study_guide_html) as (page, _):
        show_slide(page, 2)
        notes = page.evaluate("() => Reveal.getSlideNotes()")
        assert notes.startswith("<p><strong>In one sentence:</strong>")
        assert "In one sentence" not in visible_text(page)
