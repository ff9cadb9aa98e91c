"""Links: internal ``#id`` jumps checked, links between a deck's pages turned into jumps, and
links that would run code (``javascript:``...) removed; each problem reported at its line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.images import is_remote
from deckgen.model import Block, Run, Slide
from deckgen.passes.walk import map_runs, own_runs, walk_blocks
from deckgen.read import MARKDOWN_SUFFIXES


def _links(slide: Slide) -> list[tuple[Origin, str]]:
    """Return every link of ``slide`` (titles, body, takeaways, notes) with the line it is on."""
    found = [(slide.origin, run.link) for run in slide.title + slide.subtitle if run.link]
    blocks: tuple[Block, ...] = slide.body + slide.takeaways + slide.notes
    for block in walk_blocks(blocks):
        found += [(block.origin, run.link) for run in own_runs(block) if run.link]
    return found


def unlink_where(
    slides: list[Slide], problem: Callable[[str], str | None], diagnostics: list[Diagnostic]
) -> list[Slide]:
    """Return ``slides`` with every link ``problem`` objects to turned into plain text.

    ``problem`` returns the message to report for a link, or None to keep it. Titles,
    subtitles, body, takeaways and notes are all looked at; each finding is reported once, at
    the line of the block it is in.
    """
    result = []
    for slide in slides:
        bad: set[str] = set()
        for origin, link in dict.fromkeys(_links(slide)):
            message = problem(link)
            if message is not None:
                bad.add(link)
                diagnostics.append(Diagnostic(origin, Level.WARNING, message, "link"))
        if bad:  # the common case, nothing to unlink, keeps the slide as it is

            def unlink(run: Run, bad: set[str] = bad) -> Run:
                return replace(run, link=None) if run.link in bad else run

            slide = map_runs(slide, unlink)
        result.append(slide)
    return result


def slide_target(link: str) -> str | None:
    """Return the slide id an internal link (``#id`` or ``#/id``) points at, else None."""
    return link[1:].removeprefix("/") if link.startswith("#") else None


def check_links(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Report ``#id`` links to no slide, at their line; they are kept as plain text."""
    ids = {slide.id for slide in slides}

    def problem(link: str) -> str | None:
        target = slide_target(link)
        if target is None or target in ids:
            return None
        return f"internal link '{link}' matches no slide id (kept as text)"

    return unlink_where(slides, problem, diagnostics)


INDEX_PAGES = ("index.md", "README.md", "index.markdown", "readme.md")


# Link schemes that run code or carry a page of their own when clicked; browsers ignore case and
# the white space and control characters inside a scheme, so those are removed before comparing.
UNSAFE_LINK_SCHEMES = ("javascript:", "vbscript:", "data:")


def is_unsafe_link(url: str) -> bool:
    """Return True for a link that would run code when clicked (``javascript:`` and the like)."""
    compact = "".join(ch for ch in url if ch > " " and ch != "\x7f").lower()
    return compact.startswith(UNSAFE_LINK_SCHEMES)


def drop_unsafe_links(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Return ``slides`` without ``javascript:``, ``vbscript:`` or ``data:`` links.

    Each is reported at its line; its text stays, as plain text. This holds even with
    ``--allow-html``: a teacher who wants script writes it as raw HTML.
    """
    return unlink_where(
        slides,
        lambda link: f"unsafe link '{link[:40]}' removed" if is_unsafe_link(link) else None,
        diagnostics,
    )


def _page_jump(link: str | None, folder: Path, pages: dict[Path, str]) -> str | None:
    """Return ``#id`` for a relative link to a page of the deck written in ``folder``.

    Return "" for a link to a Markdown page the deck does not hold, and None for any other link
    (remote, ``#id``, absolute, or to a file that is not Markdown).
    """
    if not link or is_remote(link) or link.startswith(("#", "/")):
        return None
    target = unquote(link.split("#", 1)[0].split("?", 1)[0])
    if not target.endswith(("/", *MARKDOWN_SUFFIXES)):
        return None
    path = (folder / target).resolve()
    candidates = [path / name for name in INDEX_PAGES] if target.endswith("/") else [path]
    return next((f"#{pages[c]}" for c in candidates if c in pages), "")


def link_pages(
    slides: list[Slide], folders: list[Path], pages: dict[Path, str], diagnostics: list[Diagnostic]
) -> list[Slide]:
    """Return ``slides`` with links to other pages (``page.md``, ``../part/``) as ``#id`` jumps.

    ``folders[i]`` is the folder slide ``i`` was written in; ``pages`` maps each source file to
    the id of its first slide; a folder link means the folder's ``index.md`` or ``README.md``.
    A link to a page that is not in the deck is reported at its line and kept as text.
    """
    result = []
    for slide, folder in zip(slides, folders, strict=True):

        def jump(run: Run, folder: Path = folder) -> Run:
            found = _page_jump(run.link, folder, pages)
            return run if found is None else replace(run, link=found or None)

        for origin, link in dict.fromkeys(_links(slide)):
            if _page_jump(link, folder, pages) == "":
                diagnostics.append(
                    Diagnostic(
                        origin,
                        Level.WARNING,
                        f"link to '{link}' matches no page of the deck (kept as text)",
                        "link",
                    )
                )
        result.append(map_runs(slide, jump))
    return result
