"""Stable slide ids (anchors for deep links) and the section each slide falls under."""

from __future__ import annotations

import re
import unicodedata

from deckgen.model import Slide, SlideKind, plain_text


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
    """Return True for a slide with nothing to show, no notes and no attributes (a slide whose
    heading only sets, say, a background is kept)."""
    shown = slide.title or slide.subtitle or slide.body or slide.takeaways or slide.notes
    return not (shown or slide.attributes)
