"""Steps in Chromium, as a teacher presents them and as a student or a printer gets them.

Each step fixture is built and opened from disk. ``Reveal.next()`` shows the fragments one click
at a time in pandoc's order (its reveal.js output is the oracle); nothing on a slide moves as
its steps appear, and the blocks stand where the students' copy (no steps at all) puts them.
The speaker view's "Upcoming" frame shows the next step; the print view and the PDF show
every slide once, complete.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from clirun import deckgen
from e2e.browser import launch
from pandocsteps import pandoc_steps
from test_steps_oracle import EXPECTED, FIXTURES

pytestmark = pytest.mark.browser

TRANSITION_S = 0.25  # reveal.js fades a fragment in over 0.2 s
# The current slide's fragments (notes left out): text, shown now (class and computed style).
FRAGMENTS = """() => Array.from(Reveal.getCurrentSlide().querySelectorAll('.frame .fragment'))
  .map(e => {
    const style = getComputedStyle(e);
    return {text: e.textContent.replace(/\\s+/g, ' ').trim().replace(/\\u2019/g, "'"),
            played: e.classList.contains('visible'),
            seen: style.visibility !== 'hidden' && Number(style.opacity) > 0};
  })"""
# Where every line of text on the current slide stands.
TEXT_BOXES = """() => {
  const slide = Reveal.getCurrentSlide().querySelector('.frame');
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) boxes.push([node.textContent.trim().slice(0, 20),
      Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]);
  }
  return boxes;
}"""
# An effect's own movement (fade-up, grow...) is not the layout moving: measured without it.
NO_MOVEMENT = ".reveal .fragment { transform: none !important; transition: none !important; }"
# Fixtures whose steps the browser can play from the file (spans wait for the span reader).
PLAYED = sorted(name for name in EXPECTED if name != "fragment-spans.md")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Return each fixture's HTML deck, as the teacher's and the students' copy."""
    out = tmp_path_factory.mktemp("steps-html")
    built: dict[str, dict[str, Path]] = {}
    for audience in ("teacher", "student"):
        folder = out / audience
        sources = [str(FIXTURES / name) for name in PLAYED]
        result = deckgen("build", *sources, "-o", str(folder), "--audience", audience)
        assert result.returncode == 0, result.stderr
        for name in PLAYED:
            built.setdefault(name, {})[audience] = folder / f"{Path(name).stem}.html"
    return built


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Return one Chromium for the module (each test opens its own pages)."""
    with launch() as chromium:
        yield chromium


@contextmanager
def open_deck(browser: Browser, path: Path, query: str = "") -> Iterator[tuple[Page, list[str]]]:
    """Open the deck at ``path`` from disk in a new page; yield it and its script errors."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri() + query)
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        page.evaluate("() => document.fonts.ready")
        yield page, errors
    finally:
        page.close()


def titles(page: Page) -> list[str]:
    return list(
        page.evaluate(
            "() => Reveal.getSlides().map(s => s.querySelector('.title').textContent.trim())"
        )
    )


def play(page: Page, index: int) -> list[list[str]]:
    """Return, click by click, the fragments each ``Reveal.next()`` shows on slide ``index``;
    check that none shows before its click and each is seen from its click on."""
    page.evaluate(f"() => Reveal.slide({index}, 0, -1)")
    time.sleep(TRANSITION_S)
    before = page.evaluate(FRAGMENTS)
    assert not any(f["played"] for f in before)
    clicks: list[list[str]] = []
    shown = [False] * len(before)
    while page.evaluate("() => Reveal.availableFragments().next"):
        page.evaluate("() => Reveal.next()")
        time.sleep(TRANSITION_S)
        assert page.evaluate("() => Reveal.getIndices().h") == index  # still on the slide
        now = page.evaluate(FRAGMENTS)
        clicks.append([f["text"] for f, was in zip(now, shown, strict=True) if f["played"] > was])
        shown = [f["played"] for f in now]
    return clicks


def entrances_hidden_until_played(page: Page, index: int) -> list[str]:
    """Return the plain fragments (entrances) of slide ``index`` seen before their click."""
    page.evaluate(f"() => Reveal.slide({index}, 0, -1)")
    time.sleep(TRANSITION_S)
    return [f["text"] for f in page.evaluate(FRAGMENTS) if f["seen"] and not f["played"]]


@pytest.mark.parametrize("name", PLAYED)
def test_next_shows_the_steps_one_click_at_a_time_in_pandocs_order(
    browser: Browser, decks: dict[str, dict[str, Path]], name: str
) -> None:
    expected: dict[str, list[list[str]]] = {}
    for slide in pandoc_steps(FIXTURES / name):
        steps = [s for s in slide.steps if not s.place]
        clicks = sorted({s.index for s in steps})
        expected[slide.title] = [
            [" ".join(s.text.replace("\u2019", "'").split()) for s in steps if s.index == c]
            for c in clicks
        ]
    with open_deck(browser, decks[name]["teacher"]) as (page, errors):
        shown = titles(page)
        got = {title: play(page, shown.index(title)) for title in expected}
        assert errors == []
    assert got == expected


def test_a_plain_fragment_is_hidden_until_its_click(
    browser: Browser, decks: dict[str, dict[str, Path]]
) -> None:
    with open_deck(browser, decks["pause.md"]["teacher"]) as (page, _):
        for index in range(len(titles(page))):
            assert entrances_hidden_until_played(page, index) == [], index


@pytest.mark.parametrize("name", PLAYED)
def test_nothing_moves_as_steps_appear_and_blocks_stand_as_in_the_students_copy(
    browser: Browser, decks: dict[str, dict[str, Path]], name: str
) -> None:
    with open_deck(browser, decks[name]["student"]) as (page, _):
        whole = {}
        for index, title in enumerate(titles(page)):
            page.evaluate(f"() => Reveal.slide({index})")
            whole[title] = page.evaluate(TEXT_BOXES)
    with open_deck(browser, decks[name]["teacher"]) as (page, _):
        page.add_style_tag(content=NO_MOVEMENT)
        for index, title in enumerate(titles(page)):
            page.evaluate(f"() => Reveal.slide({index}, 0, -1)")
            first = page.evaluate(TEXT_BOXES)
            page.evaluate(f"() => Reveal.slide({index}, 0, 1000)")  # every step played
            time.sleep(TRANSITION_S)
            assert page.evaluate(TEXT_BOXES) == first == whole[title], title


def _state(page: Page, marker: str, state: str) -> Any:
    """Return ``state`` in the speaker view's frame whose URL holds ``marker``, or None while
    the frame is not there or still loading (the view writes its frames after it opens)."""
    frame = next((frame for frame in page.frames if marker in frame.url), None)
    if frame is None:
        return None
    try:
        return frame.evaluate(state)
    except PlaywrightError:
        return None


def test_the_speaker_view_shows_the_next_step_as_upcoming(
    browser: Browser, decks: dict[str, dict[str, Path]]
) -> None:
    expected = [  # (current, upcoming): slide id and fragment index (-1: none shown yet)
        (["think-first", -1], ["think-first", 0]),
        (["think-first", 0], ["think-first", 1]),
        (["think-first", 1], ["a-pause-before-a-list", -1]),
    ]
    state = "() => [Reveal.getCurrentSlide().id, Reveal.getIndices().f]"
    seen = []
    with open_deck(browser, decks["pause.md"]["teacher"]) as (page, _):
        with page.expect_popup() as opened:
            page.keyboard.press("s")
        notes = opened.value
        ready = "() => Reveal.isReady()"
        deadline = time.monotonic() + 20  # the speaker view writes its frames once it opens
        while time.monotonic() < deadline and not (
            _state(notes, "postMessageEvents=true", ready)
            and _state(notes, "controls=false", ready)
        ):
            time.sleep(0.1)
        page.evaluate("() => Reveal.slide(1, 0, -1)")
        for want in expected:
            deadline = time.monotonic() + 20  # the speaker view follows by messages
            while True:
                current = _state(notes, "postMessageEvents=true", state)
                upcoming = _state(notes, "controls=false", state)
                if (current, upcoming) == want or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            seen.append((current, upcoming))
            page.evaluate("() => Reveal.next()")
        notes.close()
    assert seen == expected


def test_the_print_view_shows_each_slide_once_with_every_step(
    browser: Browser, decks: dict[str, dict[str, Path]]
) -> None:
    with open_deck(browser, decks["fragment-divs.md"]["teacher"], "?print-pdf") as (page, _):
        page.wait_for_function("() => document.querySelector('.reveal .pdf-page') !== null")
        pages = page.evaluate("() => document.querySelectorAll('.reveal .pdf-page').length")
        hidden = page.evaluate(
            """() => Array.from(document.querySelectorAll('.reveal .slides .fragment'))
                .filter(e => getComputedStyle(e).visibility === 'hidden'
                             || Number(getComputedStyle(e).opacity) < 1)
                .map(e => e.textContent.trim())"""
        )
    assert pages == 4
    assert hidden == []


def test_the_pdf_prints_every_step(tmp_path: Path) -> None:
    result = deckgen(
        "build", str(FIXTURES / "fragment-divs.md"), "-o", "out", "-f", "pdf", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "fragment-divs.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert len([page for page in pages if page.strip()]) == 4
    for words in ("Fades up", "Turns red", "Comes and goes", "Dims", "After every numbered one"):
        assert words in text
