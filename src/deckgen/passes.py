"""Whole-deck passes after parsing: stable ids, sections, internal links, images, empty slides."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from deckgen.diagnostics import Diagnostic, Level
from deckgen.model import (
    Block,
    BulletList,
    Cards,
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
    plain_text,
)

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
        if isinstance(b, Quote):
            return replace(b, blocks=tuple(block(x) for x in b.blocks))
        if isinstance(b, Columns):
            return replace(
                b,
                columns=tuple(
                    Column(tuple(block(x) for x in c.blocks), c.width) for c in b.columns
                ),
            )
        if isinstance(b, Image):
            return replace(b, caption=runs(b.caption))
        return b

    return tuple(block(b) for b in blocks)


def iter_blocks(blocks: tuple[Block, ...]):  # type: ignore[no-untyped-def]
    """Yield every block in ``blocks``, descending into quotes and columns."""
    for block in blocks:
        yield block
        if isinstance(block, Quote):
            yield from iter_blocks(block.blocks)
        elif isinstance(block, Columns):
            for column in block.columns:
                yield from iter_blocks(column.blocks)


def slide_blocks(slide: Slide) -> tuple[Block, ...]:
    """Return every block shown on ``slide`` (body and takeaways, not notes)."""
    return slide.body + slide.takeaways


def check_links(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Report ``#id`` links to no slide; they are kept as plain text."""
    ids = {slide.id for slide in slides}
    result = []
    for slide in slides:
        broken: list[str] = []

        def keep(run: Run, broken: list[str] = broken) -> Run:
            if run.link and run.link.startswith("#") and run.link[1:].removeprefix("/") not in ids:
                broken.append(run.link)
                return replace(run, link=None)
            return run

        slide = slide.with_changes(
            body=map_runs(slide.body, keep), takeaways=map_runs(slide.takeaways, keep)
        )  # type: ignore[arg-type]
        for link in dict.fromkeys(broken):
            diagnostics.append(
                Diagnostic(
                    slide.origin,
                    Level.WARNING,
                    f"internal link '{link}' matches no slide id (kept as text)",
                )
            )
        result.append(slide)
    return result


def resolve_images(blocks: tuple[Block, ...], folder: Path) -> tuple[Block, ...]:
    """Return ``blocks`` with local image paths made absolute against ``folder``."""

    def resolve(block: Block) -> Block:
        if isinstance(block, Image) and not REMOTE.match(block.src):
            return replace(block, src=str((folder / block.src).resolve()))
        if isinstance(block, Quote):
            return replace(block, blocks=tuple(resolve(b) for b in block.blocks))
        if isinstance(block, Columns):
            return replace(
                block,
                columns=tuple(
                    Column(tuple(resolve(b) for b in c.blocks), c.width) for c in block.columns
                ),
            )
        return block

    return tuple(resolve(b) for b in blocks)


def check_images(slides: list[Slide], root: Path, diagnostics: list[Diagnostic]) -> None:
    """Report images without alt text, missing files, and files outside the deck folder."""
    for slide in slides:
        for block in iter_blocks(slide_blocks(slide)):
            if not isinstance(block, Image):
                continue
            if not block.alt.strip():
                diagnostics.append(Diagnostic(block.origin, Level.WARNING, "image has no alt text"))
            if REMOTE.match(block.src):
                continue
            path = Path(block.src)
            if not path.is_file():
                diagnostics.append(
                    Diagnostic(block.origin, Level.ERROR, f"image file not found: {path.name}")
                )
