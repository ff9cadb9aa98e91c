"""Raw HTML: what the reader kept as HTML because no slide can show it (``htmlsource``: scripts,
styles, frames, forms), as blocks (``RawHtml``) and runs (``Run.raw``). Dropped with a warning
naming each element, or with ``--allow-html`` kept for the HTML deck, and then reported when a
.pptx is made, which cannot show it. Either way no format loses it without a word."""

from __future__ import annotations

from dataclasses import replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.scan import Tag, scan, text_content
from deckgen.model import Paragraph, RawHtml, Run, Slide
from deckgen.passes.walk import map_tree, own_runs, walk_blocks

CODE_ELEMENTS = frozenset({"script", "style", "template"})  # their text is code, not words


def _name(html: str) -> str:
    """Return ``<name>`` of the first element in ``html`` ("raw HTML" when it has none)."""
    first = next((found for found in scan(html) if isinstance(found, Tag)), None)
    return f"<{first.name}>" if first is not None else "raw HTML"


def _message(html: str, allow_html: bool) -> str:
    name = _name(html)
    if allow_html:
        return f"HTML {name} kept in the HTML deck only (the .pptx cannot show it)"
    shows_text = name.strip("<>") not in CODE_ELEMENTS and text_content(html).strip()
    text = " with the text in it" if shows_text else ""
    return f"HTML {name} dropped{text} (build with --allow-html to keep it in the HTML deck)"


def _is_raw(item: object) -> bool:
    """Return True for raw HTML, and for a paragraph of nothing else (once that is gone)."""
    if isinstance(item, RawHtml):
        return True
    if isinstance(item, Run):
        return item.raw
    return isinstance(item, Paragraph) and not item.runs


def _doubles_a_space(kept: list[object], run: Run) -> bool:
    """Return True when ``run`` starts with a space and the last of ``kept`` ends with one."""
    last = kept[-1] if kept else None
    spaced = isinstance(last, Run) and last.text.endswith(" ")
    return spaced and not run.code and run.text.startswith(" ")


def _unraw(items: tuple[object, ...]) -> tuple[object, ...]:
    """Return ``items`` without raw HTML; where a run goes from between two spaces, one goes."""
    kept: list[object] = []
    gap = False
    for item in items:
        if _is_raw(item):
            gap = True
            continue
        if gap and isinstance(item, Run) and _doubles_a_space(kept, item):
            item = replace(item, text=item.text[1:])
        kept.append(item)
        gap = False
    return items if len(kept) == len(items) else tuple(kept)


def _is_wrapper(run: Run) -> bool:
    """Return True for a ``<span>`` start or end tag the reader wrote around text whose styles
    only the HTML deck shows (reported where they were read)."""
    found = scan(run.text)
    tags = [item for item in found if isinstance(item, Tag) and item.name == "span"]
    return (
        bool(tags)
        and len(tags) == len(found)
        and sum(t.end - t.start for t in tags) == len(run.text)
    )


def _found(slide: Slide) -> list[tuple[str, Origin, bool]]:
    """Return the raw HTML on ``slide``: each piece, where it was written, and whether it is
    reported here (not a wrapper, reported where it was read)."""
    found = [
        (r.text, slide.origin, not _is_wrapper(r)) for r in slide.title + slide.subtitle if r.raw
    ]
    for block in walk_blocks(slide.body + slide.takeaways + slide.notes):
        if isinstance(block, RawHtml):
            found.append((block.html, block.origin, True))
        found += [(r.text, block.origin, not _is_wrapper(r)) for r in own_runs(block) if r.raw]
    return found


def apply_raw_html(
    slides: list[Slide], allow_html: bool, pptx: bool, diagnostics: list[Diagnostic]
) -> list[Slide]:
    """Return ``slides`` without raw HTML unless ``allow_html``; report each piece dropped, and
    (``allow_html`` and ``pptx``: a .pptx is made) each piece only the HTML deck shows."""
    result = []
    for slide in slides:
        found = _found(slide)
        if pptx or not allow_html:
            for html, origin, reported in found:
                if reported:
                    message = _message(html, allow_html)
                    diagnostics.append(Diagnostic(origin, Level.WARNING, message, "raw-html"))
        if found and not allow_html:
            slide = map_tree(slide, run=lambda run: run, sequence=_unraw)
        result.append(slide)
    return result
