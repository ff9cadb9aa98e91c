"""The students' copy of the study guide in Chromium: each slide's "more" text (the page's own
prose that explainer mode moved off the slide) opens in a panel beside the slide, without moving
anything on the slide, and search finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import deckgen
from e2e.browser import open_deck, show_slide, slide_count
from e2e.test_student_features import LAPTOP, PHONE, UI_OVER_TEXT, ready_tools

pytestmark = pytest.mark.browser

SLIDE = "what-is-generative-production-why-it-matters-for-filmmakers"
MORE_ONLY = "They’re a new kind of collaborator"  # on no slide: in the slide's "more" text
FRAME = "() => Reveal.getCurrentSlide().querySelector('.frame').getBoundingClientRect().toJSON()"


@pytest.fixture(scope="module")
def students_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("students")
    study_guide = Path(__file__).parents[2] / "decks" / "study-guide"
    result = deckgen("build", str(study_guide), "--audience", "student", "-o", str(outdir))
    assert result.returncode == 0, result.stderr
    return outdir / "study-guide.html"


def test_the_more_panel_shows_the_page_text_beside_the_slide(students_html: Path) -> None:
    with open_deck(students_html, fragment=f"#/{SLIDE}", **LAPTOP) as (page, log):
        ready_tools(page)
        assert MORE_ONLY not in page.evaluate("() => Reveal.getCurrentSlide().innerText")
        before = page.evaluate(FRAME)
        button = page.get_by_role("button", name="More on this slide (I)")
        button.click()
        panel = page.locator(".deck-more")
        assert panel.is_visible() and MORE_ONLY in panel.inner_text()
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(FRAME) == before  # the slide did not move or shrink
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        page.keyboard.press("i")
        assert panel.is_visible()
        show_slide(page, 0)  # the title slide says all there is: no "more" text
        assert button.is_disabled() and not panel.is_visible()
        assert log.errors == [] and log.requests == []


def test_search_finds_the_more_text(students_html: Path) -> None:
    with open_deck(students_html, **LAPTOP) as (page, _):
        ready_tools(page)
        page.keyboard.press("/")
        page.keyboard.type(MORE_ONLY)
        hit = page.locator(".deck-search-results a").first
        hit.wait_for()
        assert hit.locator(".deck-result-where").inner_text() == "more"
        page.keyboard.press("Enter")
        assert page.evaluate("() => Reveal.getCurrentSlide().id") == SLIDE


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_more_button_covers_no_slide_text(
    students_html: Path, viewport: dict[str, int]
) -> None:
    with open_deck(students_html, **viewport) as (page, _):
        ready_tools(page)
        covered = {}
        for index in range(slide_count(page)):
            show_slide(page, index)
            if found := page.evaluate(UI_OVER_TEXT):
                covered[index] = found
        assert covered == {}
