"""The study guide's HTML deck as students use it, in headless Chromium: the menu, search,
deep links, keys and swipe, phones, printing, and the students' copy without notes."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page

from deckgen.audience import Audience
from deckgen.build import BuildOptions, build, load
from deckgen.model import Paragraph, plain_text
from deckgen.passes.walk import walk_blocks as iter_blocks
from e2e.browser import (
    launch,
    open_deck,
    show_slide,
    slide_count,
    text_outside_slide,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
LAPTOP = {"width": 1280, "height": 720}

# Boxes of the reader tools (menu and search buttons, slide number) that cover any text of the
# current slide.
UI_OVER_TEXT = """() => {
  const tools = [...document.querySelectorAll('.deck-ui-bar button, .reveal .slide-number')]
    .filter(el => el.offsetParent !== null).map(el => el.getBoundingClientRect());
  const slide = Reveal.getCurrentSlide();
  const walker = document.createTreeWalker(slide.querySelector('.frame'), NodeFilter.SHOW_TEXT);
  const covered = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (tools.some(t => box.left < t.right && t.left < box.right &&
                          box.top < t.bottom && t.top < box.bottom)) {
        covered.push(node.textContent.trim().slice(0, 40));
        break;
      }
    }
  }
  return covered;
}"""

# The search hits highlighted on the current slide, as text.
HIGHLIGHTED = """() => {
  const hits = CSS.highlights.get('deck-search-hit');
  const slide = Reveal.getCurrentSlide();
  return hits ? [...hits].filter(r => slide.contains(r.startContainer)).map(r => r.toString())
              : [];
}"""


def _build(study_guide: Path, outdir: Path, audience: Audience) -> Path:
    result = build(study_guide, outdir, BuildOptions(audience=audience))
    [output] = result.outputs
    return output


@pytest.fixture(scope="module")
def teacher_html(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(study_guide, tmp_path_factory.mktemp("teacher"), Audience.TEACHER)


@pytest.fixture(scope="module")
def student_html(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(study_guide, tmp_path_factory.mktemp("student"), Audience.STUDENT)


@contextmanager
def open_touch_deck(path: Path, fragment: str = "") -> Iterator[Page]:
    """Open the deck at ``path`` on a phone-sized touch screen."""
    with launch() as browser:
        page = browser.new_page(viewport=PHONE, has_touch=True, is_mobile=True)
        page.goto(path.resolve().as_uri() + fragment)
        page.wait_for_function("() => window.Reveal && Reveal.isReady() && window.deckTools")
        yield page


def swipe(page: Page, dx: float) -> None:
    """Swipe a finger ``dx`` pixels across the middle of the screen (negative: to the left)."""
    session = page.context.new_cdp_session(page)
    x, y = PHONE["width"] / 2 - dx / 2, PHONE["height"] / 2
    session.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
    )
    for step in range(1, 6):
        point = {"x": x + dx * step / 5, "y": y}
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def current_id(page: Page) -> str:
    return str(page.evaluate("() => Reveal.getCurrentSlide().id"))


def ready_tools(page: Page) -> None:
    page.wait_for_function("() => window.deckTools !== undefined")


def pdf_pages(page: Page, query: str, path: Path) -> int:
    """Print the deck's print view (``?print-pdf...``) to ``path``; return its page count."""
    page.goto(page.url.split("#")[0].split("?")[0] + query)
    page.wait_for_function("() => document.querySelectorAll('.pdf-page').length > 0")
    page.evaluate("() => document.fonts.ready")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M).group(1))


def test_menu_lists_parts_and_slides_and_jumps(teacher_html: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, log):
        ready_tools(page)
        page.keyboard.press("m")
        outline = page.locator(".deck-outline")
        outline.wait_for()
        assert outline.locator("a").count() == slide_count(page)
        parts = outline.locator(".deck-outline-part > a").all_inner_texts()
        assert [re.sub(r"^\d+\s*", "", p) for p in parts[:3]] == [
            "Foundations",
            "Generative Media",
            "Vibe-coding for Filmmakers",
        ]
        outline.get_by_role("link", name="Typical pricing").first.click()
        assert current_id(page) == "typical-pricing"
        assert page.locator(".reveal .slides .deck-ui, .reveal .slides .deck-menu").count() == 0
        assert page.evaluate(UI_OVER_TEXT) == []  # the docked panel sits beside the slide
        assert log.requests == [] and log.errors == []


def test_search_finds_a_later_slide_and_highlights_the_hit(teacher_html: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, log):
        ready_tools(page)
        assert current_id(page) == "title"
        page.keyboard.press("/")
        page.keyboard.type("Sycophantic")
        results = page.locator(".deck-search-results a")
        results.first.wait_for()
        assert results.first.locator("mark").inner_text() == "sycophantic"
        page.keyboard.press("Enter")
        assert current_id(page) == "prompting-tips"
        assert page.evaluate(HIGHLIGHTED) == ["sycophantic"]
        assert page.evaluate("() => Reveal.getIndices().h") > 10
        assert log.requests == [] and log.errors == []


def test_search_covers_the_speaker_notes(teacher_html: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, _):
        ready_tools(page)
        page.keyboard.press("/")
        page.keyboard.type("Midjourney prompt")
        hit = page.locator(".deck-search-results a").first
        hit.wait_for()
        assert hit.locator(".deck-result-where").inner_text() == "notes"
        assert hit.locator("mark").inner_text().lower() == "midjourney prompt"


def test_deep_link_lands_on_a_later_slide_on_a_phone(teacher_html: Path) -> None:
    with open_deck(teacher_html, fragment="#/git-literacy-1", **PHONE) as (page, _):
        assert current_id(page) == "git-literacy-1"
        assert page.evaluate("() => Reveal.isScrollView()") is False


def test_keys_advance_and_go_back(teacher_html: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, _):
        for key, index in (("ArrowRight", 1), ("Space", 2), ("ArrowLeft", 1), ("End", -1)):
            page.keyboard.press(key)
            expected = slide_count(page) - 1 if index < 0 else index
            page.wait_for_function(f"() => Reveal.getIndices().h === {expected}")
        assert page.locator(".reveal .slide-number").inner_text().replace(" ", "") == (
            f"{slide_count(page)}/{slide_count(page)}"
        )
        page.keyboard.press("Home")
        page.keyboard.press("o")
        assert page.evaluate("() => Reveal.isOverview()") is True
        page.keyboard.press("Escape")
        assert page.evaluate("() => Reveal.isOverview()") is False


def test_swipe_turns_the_slide_on_a_phone(teacher_html: Path) -> None:
    with open_touch_deck(teacher_html) as page:
        swipe(page, -200)
        page.wait_for_function("() => Reveal.getIndices().h === 1")
        swipe(page, -200)
        page.wait_for_function("() => Reveal.getIndices().h === 2")
        swipe(page, 200)
        page.wait_for_function("() => Reveal.getIndices().h === 1")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_no_text_leaves_the_slide_or_hides_under_the_tools(
    teacher_html: Path, viewport: dict[str, int]
) -> None:
    with open_deck(teacher_html, **viewport) as (page, log):
        ready_tools(page)
        outside: dict[int, list[str]] = {}
        covered: dict[int, list[str]] = {}
        for index in range(slide_count(page)):
            show_slide(page, index)
            outside_text, covered_text = text_outside_slide(page), page.evaluate(UI_OVER_TEXT)
            if outside_text:
                outside[index] = outside_text
            if covered_text:
                covered[index] = covered_text
        assert outside == {} and covered == {}
        assert log.errors == []


def test_menu_over_a_phone_closes_on_a_jump(teacher_html: Path) -> None:
    with open_deck(teacher_html, **PHONE) as (page, _):
        ready_tools(page)
        page.locator(".deck-ui-bar button").first.click()
        menu = page.locator(".deck-menu")
        assert menu.is_visible()
        menu.get_by_role("link", name="Terminal literacy").click()
        assert current_id(page) == "terminal-literacy"
        assert not menu.is_visible()


def test_print_view_has_one_page_per_slide(teacher_html: Path, tmp_path: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, log):
        total = slide_count(page)
        assert pdf_pages(page, "?print-pdf", tmp_path / "slides.pdf") == total
        assert page.locator(".deck-ui").count() == 0
        assert log.requests == []


def test_handout_adds_the_notes(teacher_html: Path, tmp_path: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, _):
        total = slide_count(page)
        with_notes = int(page.evaluate("() => document.querySelectorAll('aside.notes').length"))
        pages = pdf_pages(page, "?print-pdf&showNotes=separate-page", tmp_path / "handout.pdf")
        assert pages >= total + with_notes
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "handout.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "In one sentence:" in text


def test_students_copy_has_no_notes_anywhere(
    study_guide: Path, teacher_html: Path, student_html: Path
) -> None:
    deck, _, _ = load(study_guide, audience=Audience.TEACHER)
    teacher = teacher_html.read_text(encoding="utf-8")
    shown = re.sub(r"<aside class=\"notes\">.*?</aside>", "", teacher, flags=re.S)
    only_in_notes = [
        escaped
        for slide in deck.slides
        for block in iter_blocks(slide.notes)
        if isinstance(block, Paragraph)
        for escaped in [html.escape(plain_text(block.runs)[:40], quote=False)]
        if len(escaped) >= 30 and escaped in teacher and escaped not in shown
    ]
    assert len(only_in_notes) > 50
    source = student_html.read_text(encoding="utf-8")
    assert "<aside" not in source and 'class="notes"' not in source
    assert [text for text in only_in_notes if text in source] == []
    with open_deck(student_html, **LAPTOP) as (page, log):
        ready_tools(page)
        assert not page.evaluate("() => Reveal.getSlideNotes()")
        page.keyboard.press("/")
        assert page.locator(".deck-search-input").get_attribute("placeholder") == "Search slides"
        assert page.get_by_role("link", name="Print with notes").count() == 0
        assert log.errors == []


def test_lang_alt_text_and_headings_in_order(teacher_html: Path) -> None:
    with open_deck(teacher_html, **LAPTOP) as (page, _):
        assert page.evaluate("() => document.documentElement.lang") == "en"
        assert page.evaluate("() => [...document.images].filter(i => !i.alt.trim()).length") == 0
        levels = page.evaluate(
            "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
        )
        assert levels[0] == 1
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert skips == []
