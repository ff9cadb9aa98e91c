"""The HTML deck printed to PDF by a Chrome, Chromium or Edge already on the machine.

The deck's own print view (reveal.js's ``?print-pdf``) puts each slide on one page of the slide's
size, and ``showNotes=separate-page`` follows each slide with its notes (the handout). Playwright
(deckgen's ``pdf`` extra) drives the browser; it is imported here only, and only when a PDF is
asked for, so it costs a plain build nothing. Chromium writes vector text with the fonts embedded
and keeps links: a slide link (``#/slide-id``) becomes a link to that slide's page.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin

if TYPE_CHECKING:
    from playwright.sync_api import Route

ORIGIN = "--format pdf"
BROWSER_VARIABLE = "DECKGEN_BROWSER"
BROWSER_COMMANDS = (  # looked up on PATH, in this order
    "google-chrome",
    "google-chrome-stable",
    "chromium",
    "chromium-browser",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
MAC_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
WINDOWS_PROGRAMS = (
    "Google/Chrome/Application/chrome.exe",
    "Chromium/Application/chrome.exe",
    "Microsoft/Edge/Application/msedge.exe",
)
NO_BROWSER = (
    "no Chrome, Chromium or Edge found to print the PDF: install one (Debian/Ubuntu: "
    "sudo apt-get install chromium; Windows, macOS: Google Chrome or Microsoft Edge) "
    f"or set {BROWSER_VARIABLE} to the browser's program"
)
NO_PLAYWRIGHT = (
    "printing the PDF needs Playwright's Python package, deckgen's 'pdf' extra: "
    "pip install 'deckgen[pdf]' (installed with pipx: pipx inject deckgen playwright)"
)
BROWSER_ARGS = [  # a print job: no first-run work, no background traffic
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# reveal.js reads options from the query: no margin around the slide (the page is the slide's
# size), and a slide's fragments shown at once on its one page.
PRINT_QUERY = "?print-pdf&margin=0&pdfSeparateFragments=false"
NOTES_QUERY = "&showNotes=separate-page"
TIMEOUT_MS = 600_000
PRINT_VIEW_READY = """() => window.Reveal !== undefined && Reveal.isReady()
  && document.querySelector('.reveal .pdf-page') !== null
  && Array.from(document.images).every((image) => image.complete)"""
# Chromium keeps a link to an element's id as a link to its page; reveal.js's "#/slide-id" is not
# one, so point each slide link at the slide's own id.
SLIDE_LINKS_TO_IDS = """() => {
  for (const link of document.querySelectorAll('a[href^="#/"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(2));
    if (document.getElementById(id)) link.setAttribute('href', '#' + id);
  }
}"""
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """How to print: ``notes`` makes the handout (each slide, then its speaker notes)."""

    notes: bool = False


def _installed_browsers(environ: Mapping[str, str]) -> list[Path]:
    """Return where Chrome, Chromium and Edge install themselves on macOS and Windows."""
    if sys.platform == "darwin":
        folders = [Path("/Applications"), Path.home() / "Applications"]
        return [folder / app for app in MAC_APPS for folder in folders]
    if sys.platform == "win32":
        variables = ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
        roots = [environ.get(name) for name in variables]
        return [Path(root) / program for program in WINDOWS_PROGRAMS for root in roots if root]
    return []


def find_browser(environ: Mapping[str, str] | None = None) -> Path:
    """Return the browser to print with: ``DECKGEN_BROWSER`` (a program name or path), else the

    first Chrome, Chromium or Edge on PATH or in its usual place; raise DeckError when none is.
    """
    environ = os.environ if environ is None else environ
    search_path = environ.get("PATH", "")
    named = environ.get(BROWSER_VARIABLE)
    if named:
        found = shutil.which(named, path=search_path) or shutil.which(named)
        if found is None:
            raise DeckError(ORIGIN, f"{BROWSER_VARIABLE}={named}: no such program")
        return Path(found)
    for command in BROWSER_COMMANDS:
        found = shutil.which(command, path=search_path)
        if found is not None:
            return Path(found)
    for path in _installed_browsers(environ):
        if path.is_file():
            return path
    raise DeckError(ORIGIN, NO_BROWSER)


def print_pdf(
    html: bytes, options: PdfOptions, diagnostics: list[Diagnostic], origin: Origin
) -> bytes:
    """Return the PDF of the HTML deck ``html`` (self-contained), printed offline.

    A request that would leave the machine is refused and reported as a warning at ``origin``.
    """
    browser = find_browser()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise DeckError(ORIGIN, NO_PLAYWRIGHT) from None
    refused: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as folder:
        deck = Path(folder) / "deck.html"
        try:
            deck.write_bytes(html)
        except OSError as error:
            raise DeckError(ORIGIN, f"cannot write the page to print: {error.strerror}") from None
        url = deck.as_uri() + PRINT_QUERY + (NOTES_QUERY if options.notes else "")
        try:
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(
                    executable_path=str(browser), args=BROWSER_ARGS, timeout=TIMEOUT_MS
                )
                try:
                    page = chromium.new_page()
                    page.set_default_timeout(TIMEOUT_MS)
                    page.route("**/*", only_local)
                    page.goto(url)
                    page.wait_for_function(PRINT_VIEW_READY)
                    page.evaluate("() => document.fonts.ready.then(() => true)")
                    page.evaluate(SLIDE_LINKS_TO_IDS)
                    data = page.pdf(prefer_css_page_size=True, print_background=True)
                finally:
                    chromium.close()
        except Error as error:
            summary = (str(error).strip().splitlines() or ["failed"])[0][:200]
            raise DeckError(ORIGIN, f"{browser}: {summary}") from None
    if refused:
        diagnostics.append(
            Diagnostic(
                origin,
                Level.WARNING,
                f"the PDF is printed offline: {len(refused)} network request(s) refused "
                f"(first: {refused[0][:100]})",
            )
        )
    return data
