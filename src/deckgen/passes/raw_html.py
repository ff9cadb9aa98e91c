"""Raw HTML in the source: kept for the HTML deck only when the build allows it, else dropped;
reported either way, whatever the format, so no format loses it without a word."""

from __future__ import annotations

from deckgen.diagnostics import Diagnostic, Level
from deckgen.model import RawHtml, Slide
from deckgen.passes.walk import map_tree, own_runs, walk_blocks


def _drop_raw(item: object) -> tuple[object, ...] | None:
    return () if isinstance(item, RawHtml) else None


def apply_raw_html(
    slides: list[Slide], allow_html: bool, pptx: bool, diagnostics: list[Diagnostic]
) -> list[Slide]:
    """Return ``slides`` with raw HTML blocks dropped unless ``allow_html``; report each, and
    (with ``pptx``, when a .pptx is made) each piece of HTML that only the HTML deck will show.

    Inline HTML tags stay in the text as written (shown as text unless HTML is allowed).
    """
    result = []
    for slide in slides:
        found = False
        for block in walk_blocks(slide.body + slide.notes):
            if isinstance(block, RawHtml):
                found = True
                if allow_html and not pptx:
                    continue
                message = (
                    "raw HTML block kept in the HTML deck only (not in the .pptx)"
                    if allow_html
                    else "raw HTML block dropped (build with --allow-html to keep it)"
                )
                diagnostics.append(Diagnostic(block.origin, Level.WARNING, message, "raw-html"))
        for block in walk_blocks(slide.body + slide.takeaways + slide.notes):
            if any(run.raw for run in own_runs(block)):
                if allow_html and not pptx:
                    continue
                message = (
                    "inline HTML passed to the HTML deck (shown as text in the .pptx)"
                    if allow_html
                    else "inline HTML shown as text (build with --allow-html to pass it through)"
                )
                diagnostics.append(Diagnostic(block.origin, Level.WARNING, message, "raw-inline"))
        if found and not allow_html:
            slide = map_tree(slide, splice=_drop_raw)
        result.append(slide)
    return result
