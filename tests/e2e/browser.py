"""Drive Debian's Chromium with Playwright (never a downloaded browser) to read a deck."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every text node of the current slide whose line lies outside the slide's page, less the theme's
# margins (give or take 1 px of the page, for rounding, and 1 px of the window). The page is what
# reveal.js shows (.slides, sized to the deck's page and scaled to the window), not the slide's
# .frame: a frame that grows with its text (min-height) must not hide text that runs off the page.
# A line is its glyph box less what stands out of its line height (a solid-set heading's glyphs
# are taller than its lines).
TEXT_OUTSIDE_SLIDE = """() => {
  const slide = Reveal.getCurrentSlide();
  const page = document.querySelector('.reveal .slides').getBoundingClientRect();
  const scale = page.width / Reveal.getConfig().width;
  const root = getComputedStyle(document.documentElement);
  const px = (name) => {
    const value = root.getPropertyValue(name).trim();
    return parseFloat(value) * (value.endsWith('pt') ? 96 / 72 : 1) * scale;
  };
  const [marginX, marginY] = [px('--margin-x'), px('--margin-y')];
  const slack = 1 + scale;
  const inside = {left: page.left + marginX, right: page.right - marginX,
                  top: page.top + marginY, bottom: page.bottom - marginY};
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const outside = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('aside')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lineHeight = parseFloat(getComputedStyle(node.parentElement).lineHeight) * scale;
    for (const box of range.getClientRects()) {
      const excess = lineHeight < box.height ? (box.height - lineHeight) / 2 : 0;
      if (box.left < inside.left - slack || box.right > inside.right + slack ||
          box.top + excess < inside.top - slack || box.bottom - excess > inside.bottom + slack) {
        outside.push(node.textContent.trim().slice(0, 60));
        break;
      }
    }
  }
  return outside;
}"""


@dataclass
class PageLog:
    """What a page did besides rendering: requests that left the file and console errors."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def launch() -> Iterator[Browser]:
    """Start Debian's Chromium headless, with no background networking; close it afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_deck(
    path: Path, width: int = 1280, height: int = 720, fragment: str = ""
) -> Iterator[tuple[Page, PageLog]]:
    """Open the deck at ``path`` from disk, as a student would from a USB stick.

    ``fragment`` is a URL fragment such as ``#/slide-id`` (a deep link).
    """
    with launch() as browser, open_in(browser, path, width, height, fragment) as opened:
        yield opened


@contextmanager
def open_in(
    browser: Browser, path: Path, width: int = 1280, height: int = 720, fragment: str = ""
) -> Iterator[tuple[Page, PageLog]]:
    """Open the deck at ``path`` in a new page of a running ``browser`` (closed afterwards):
    one browser can read many decks."""
    log = PageLog()
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(str(exc)))
    page.on(
        "request",
        lambda req: (
            log.requests.append(req.url) if not req.url.startswith(("file:", "data:")) else None
        ),
    )
    try:
        page.goto(path.resolve().as_uri() + fragment)
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        page.evaluate("() => document.fonts.ready")
        yield page, log
    finally:
        page.close()


def slide_count(page: Page) -> int:
    return int(page.evaluate("() => Reveal.getTotalSlides()"))


def show_slide(page: Page, index: int) -> None:
    page.evaluate(f"() => Reveal.slide({index})")
    page.wait_for_function(f"() => Reveal.getIndices().h === {index}")


def visible_text(page: Page) -> str:
    """Return the rendered text of the current slide (speaker notes are hidden, so left out)."""
    return str(page.evaluate("() => Reveal.getCurrentSlide().innerText"))


def text_outside_slide(page: Page) -> list[str]:
    return list(page.evaluate(TEXT_OUTSIDE_SLIDE))
