"""Whole-deck passes after parsing: stable ids, sections, internal links, images, empty slides."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from deckgen.diagnostics import Diagnostic, Level
from deckgen.highlight import is_known_language
from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    Column,
    Columns,
    Heading,
    Image,
    Inline,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Slide,
    SlideKind,
    Table,
    TeacherOnly,
    plain_text,
)
from deckgen.read import MARKDOWN_SUFFIXES, display_path, is_within

REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def slugify(text: str) -> str:
    """Return a URL-safe id for ``text``: lower case, accents folded, words joined by ``-``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def assign_ids(slides: list[Slide]) -> list[Slide]:
    """Return ``slides`` with unique ids: the written ``{#id}``, else a slug of the title."""
    taken: set[str] = set()
    result = []
    for number, slide in enumerate(slides, start=1):
        base = slide.id or slugify(plain_text(slide.title)) or f"slide-{number}"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        result.append(slide.with_changes(id=candidate))
    return result


def assign_sections(slides: list[Slide]) -> list[Slide]:
    """Return ``slides`` with ``section`` set to the title of the divider each falls under."""
    section = ""
    result = []
    for slide in slides:
        if slide.kind is SlideKind.SECTION:
            section = plain_text(slide.title)
        result.append(slide.with_changes(section=section))
    return result


def is_empty(slide: Slide) -> bool:
    """Return True for a slide with nothing to show and no notes."""
    return not (slide.title or slide.subtitle or slide.body or slide.takeaways or slide.notes)


def map_blocks(blocks: tuple[Block, ...], change: Callable[[Block], Block]) -> tuple[Block, ...]:
    """Return ``blocks`` with ``change`` applied to every block, inside quotes, columns and
    teacher-only parts too (their contents are changed first)."""

    def visit(block: Block) -> Block:
        if isinstance(block, Quote | TeacherOnly):
            block = replace(block, blocks=tuple(visit(b) for b in block.blocks))
        elif isinstance(block, Columns):
            columns = tuple(
                Column(tuple(visit(b) for b in c.blocks), c.width) for c in block.columns
            )
            block = replace(block, columns=columns)
        return change(block)

    return tuple(visit(block) for block in blocks)


def map_runs(blocks: tuple[Block, ...], change: Callable[[Run], Run]) -> tuple[Block, ...]:
    """Return ``blocks`` with ``change`` applied to every run, at any depth."""

    def runs(inline: Inline) -> Inline:
        return tuple(change(run) for run in inline)

    def item(entry: ListItem) -> ListItem:
        sub = entry.sublist
        return ListItem(
            runs(entry.runs), replace(sub, items=tuple(item(i) for i in sub.items)) if sub else None
        )

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph | Heading):
            return replace(b, runs=runs(b.runs))
        if isinstance(b, BulletList):
            return replace(b, items=tuple(item(i) for i in b.items))
        if isinstance(b, Cards):
            return replace(b, cards=tuple(runs(c) for c in b.cards))
        if isinstance(b, Table):
            return replace(
                b,
                header=tuple(runs(c) for c in b.header),
                rows=tuple(tuple(runs(c) for c in r) for r in b.rows),
            )
        if isinstance(b, Image):
            return replace(b, caption=runs(b.caption))
        return b

    return map_blocks(blocks, block)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield every block in ``blocks``, descending into quotes and columns."""
    for block in blocks:
        yield block
        if isinstance(block, Quote | TeacherOnly):
            yield from iter_blocks(block.blocks)
        elif isinstance(block, Columns):
            for column in block.columns:
                yield from iter_blocks(column.blocks)


def slide_blocks(slide: Slide) -> tuple[Block, ...]:
    """Return every block shown on ``slide`` (body and takeaways, not notes)."""
    return slide.body + slide.takeaways


def runs_of(block: Block) -> list[Run]:
    """Return the runs of ``block`` itself (not of blocks nested in quotes or columns)."""
    if isinstance(block, Paragraph | Heading):
        return list(block.runs)
    if isinstance(block, BulletList):
        runs: list[Run] = []
        for item in block.items:
            runs += item.runs
            if item.sublist is not None:
                runs += runs_of(item.sublist)
        return runs
    if isinstance(block, Cards):
        return [run for card in block.cards for run in card]
    if isinstance(block, Table):
        return [run for row in (block.header, *block.rows) for cell in row for run in cell]
    if isinstance(block, Image):
        return list(block.caption)
    return []


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
        found = [(slide.origin, run.link) for run in slide.title + slide.subtitle if run.link]
        for block in iter_blocks(slide_blocks(slide) + slide.notes):
            found += [(block.origin, run.link) for run in runs_of(block) if run.link]
        bad: set[str] = set()
        for origin, link in dict.fromkeys(found):
            message = problem(link)
            if message is not None:
                bad.add(link)
                diagnostics.append(Diagnostic(origin, Level.WARNING, message))
        if bad:  # the common case, nothing to unlink, keeps the slide as it is

            def unlink(run: Run, bad: set[str] = bad) -> Run:
                return replace(run, link=None) if run.link in bad else run

            slide = slide.with_changes(
                title=tuple(unlink(run) for run in slide.title),
                subtitle=tuple(unlink(run) for run in slide.subtitle),
                body=map_runs(slide.body, unlink),
                takeaways=map_runs(slide.takeaways, unlink),
                notes=map_runs(slide.notes, unlink),
            )
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
    if not link or REMOTE.match(link) or link.startswith(("#", "/")):
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

        def missing(runs: list[Run], folder: Path = folder) -> list[str]:
            return [r.link or "" for r in runs if _page_jump(r.link, folder, pages) == ""]

        found = [(slide.origin, link) for link in missing(list(slide.subtitle))]
        for block in iter_blocks(slide_blocks(slide) + slide.notes):
            found += [(block.origin, link) for link in missing(runs_of(block))]
        for origin, link in dict.fromkeys(found):
            diagnostics.append(
                Diagnostic(
                    origin,
                    Level.WARNING,
                    f"link to '{link}' matches no page of the deck (kept as text)",
                )
            )
        result.append(
            slide.with_changes(
                subtitle=tuple(jump(run) for run in slide.subtitle),
                body=map_runs(slide.body, jump),
                takeaways=map_runs(slide.takeaways, jump),
                notes=map_runs(slide.notes, jump),
            )
        )
    return result


def resolve_images(blocks: tuple[Block, ...], folder: Path) -> tuple[Block, ...]:
    """Return ``blocks`` with local image paths made absolute against ``folder``."""

    def resolve(block: Block) -> Block:
        if isinstance(block, Image) and not REMOTE.match(block.src):
            return replace(block, src=str((folder / block.src).resolve()))
        return block

    return map_blocks(blocks, resolve)


def check_images(
    slides: list[Slide], root: Path, diagnostics: list[Diagnostic], allow_outside: bool = False
) -> None:
    """Report images without alt text, missing files, and files outside the deck folder.

    An image outside ``root`` (after following links) is an error unless ``allow_outside``:
    building someone else's deck must not embed, say, ``~/.ssh/id_rsa`` into the output.
    """
    for slide in slides:
        for block in iter_blocks(slide_blocks(slide) + slide.notes):
            if not isinstance(block, Image):
                continue
            if not block.alt.strip():
                diagnostics.append(Diagnostic(block.origin, Level.WARNING, "image has no alt text"))
            if REMOTE.match(block.src):
                continue
            path = Path(block.src)
            if not allow_outside and not is_within(path, root):
                diagnostics.append(
                    Diagnostic(
                        block.origin,
                        Level.ERROR,
                        f"image {display_path(path)} is outside the deck folder "
                        "(build with --allow-outside to embed it)",
                    )
                )
            elif not path.is_file():
                diagnostics.append(
                    Diagnostic(block.origin, Level.ERROR, f"image file not found: {path.name}")
                )


def check_code_languages(slides: list[Slide], diagnostics: list[Diagnostic]) -> None:
    """Report code blocks whose language no highlighter knows (they are shown as plain text)."""
    for slide in slides:
        for block in iter_blocks(slide_blocks(slide)):
            if isinstance(block, CodeBlock) and not is_known_language(block.language):
                diagnostics.append(
                    Diagnostic(
                        block.origin,
                        Level.WARNING,
                        f"unknown code language '{block.language}' (shown as plain text)",
                    )
                )
